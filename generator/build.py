"""Build one deck: load → solve → draw → view → render → write, all or nothing.

Everything of a deck is first written into a staging folder inside the output
folder; only when the whole deck succeeded are the files moved into place, so
a failed build never leaves a half-written deck next to the previous good one.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

import yaml

from . import bounded, figures
from .answers import answers_json, collect_answers
from .assets import copy_pictures
from .directives import SlideDirectives
from .errors import InternalError, Location, Problem, SpecError
from .exercises import collect_exercises, is_exercise
from .i18n import words_for
from .instructor_text import InstructorText
from .latex import printer_for
from .model import DEFAULT_THEME, Deck
from .pages import paginate
from .pages.deck import figure_box, pagination
from .render import render_deck
from .solve import MathError, solve_slide
from .sources import SourceMap, own_slide, source_map
from .spec import load_deck
from .verify import Verdict, precheck_instructor_math, verify_printed_math
from .views import Context, DeckView, slide_view
from .views.exercise import key_entry, key_pages, question_view


@dataclass(frozen=True)
class BuildResult:
    deck: Deck
    markdown: Path
    answers: Path
    figures: tuple[Path, ...]
    handout: Path | None = None  # questions only (with --handout, when the deck has exercises)
    key: Path | None = None  # the exercises' answers
    exported: tuple[Path, ...] = ()  # HTML, PDF, PPTX made by marp-cli (with --to)


HANDOUT, KEY = ".handout.md", ".key.md"
STAGING_SUFFIX = ".partial"
_STAGING_NAME = re.compile(r"^\..+\.(\d+)\.[^.]+\.partial$")


def write_atomically(path: Path, text: str) -> Path:
    """A single file (a roster, grades, a quiz) written next to ``path`` and moved into place: a reader never
    sees half a file."""
    temporary = path.with_name(f".{path.name}.partial")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
    return path


def remove_stale_staging(out_dir: Path) -> None:
    """Staging folders left by a build that was killed (its process is gone): the previous outputs were never
    touched, only these leftovers need to go."""
    if not out_dir.is_dir():
        return
    for entry in out_dir.iterdir():
        match = _STAGING_NAME.match(entry.name)
        if match and entry.is_dir() and not _process_alive(int(match.group(1))):
            shutil.rmtree(entry, ignore_errors=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def front_matter(deck: Deck) -> str:
    settings = {"marp": True, "math": "katex", "lang": deck.lang, "title": deck.title, "theme": deck.marp.theme}
    settings.update(deck.marp.directives)
    return yaml.safe_dump(settings, allow_unicode=True, sort_keys=False, width=1000).strip()


def solve_deck(deck: Deck) -> list:
    """Every slide's solution; undefined math is reported at its key, a solver failure names its slide."""
    solutions, problems = [], []
    for index, slide in enumerate(deck.slides):
        try:
            solutions.append(solve_slide(slide))
        except MathError as error:
            problems.append(Problem(slide.places.of(error.key, slide.location), f"slides[{index}].{error.key}",
                                    error.message))
        except bounded.OutOfTime as error:
            raise InternalError(f"{_slide_label(slide, index)}: the computation did not finish in time ({error}); "
                                "a simpler function will build — please report the slide") from error
        except Exception as error:  # a solver bug: say which slide triggers it
            raise InternalError(f"{_slide_label(slide, index)}: internal error while solving: "
                                f"{type(error).__name__}: {error} (this is a verideck bug; run with --debug for a "
                                "traceback)") from error
    if problems:
        raise SpecError(problems)
    return solutions


def _slide_label(slide, index: int) -> str:
    title = f' "{slide.title}"' if slide.title else ""
    return f"{slide.location} (slides[{index}]{title})"


@dataclass
class StagedDeck:
    """A deck fully prepared in its staging folder, waiting for the last checks and publishing."""

    deck: Deck
    out_dir: Path  # where the files go when the deck is published
    staging: Path  # a folder inside ``out_dir`` holding them until then
    documents: dict[str, str]  # file suffix (".md", ".handout.md", ".key.md") → its Markdown
    sources: dict[str, SourceMap]  # the same suffix → where each line of it comes from in the spec
    verdicts: dict[str, Verdict]  # the same suffix → what the checker said (its listed warnings, counts)


def _slide_views(solutions, exercises, context: Context) -> list[tuple]:
    """The instructor's slides, each with the spec slide it shows: each exercise's question slide just
    before its solution."""
    questions = {exercise.id: question_view(exercise, context) for exercise in exercises}
    views = []
    for solution in solutions:
        if is_exercise(solution):
            views.append((questions[solution.slide.id], solution.slide))
        views.append((slide_view(solution, context), solution.slide))
    return views


def _instructor_additions(placed: list[tuple]) -> dict[str, tuple]:
    """What the instructor added to each placed slide (notes, directives, lead, after), for ``DeckView``: on the
    slide's own page only — an exercise's solution, not its question; nothing on a page of the whole deck."""
    own = [own_slide(view, slide) for view, slide in placed]
    return {"notes": tuple(getattr(slide, "notes", None) or "" for slide in own),
            "directives": tuple(_scoped(getattr(slide, "marp", None)) for slide in own),
            "leads": tuple(_text(getattr(slide, "lead", None)) for slide in own),
            "afters": tuple(_text(getattr(slide, "after", None)) for slide in own)}


def _text(paragraph: InstructorText | None) -> str:
    return paragraph.text if paragraph else ""


def _scoped(directives: SlideDirectives | None) -> tuple[tuple[str, str], ...]:
    return directives.scoped() if directives else ()


def _documents(deck: Deck, solutions, context: Context, handout: bool, variant: int | None,
               templates: Path | None, assets: Path) -> dict[str, tuple[str, SourceMap]]:
    """The Markdown of the deck, and with ``handout`` of its handout and answer key, each with its source map
    (``assets``: the folder the documents' pictures are found in, by their paths in the Markdown)."""
    exercises = collect_exercises(solutions)
    words = context.words.exercise
    spec = Location(deck.source)

    def document(subtitle: str, placed: list[tuple], instructor: bool = False) -> tuple[str, SourceMap]:
        if variant is not None:
            subtitle = " · ".join(filter(None, [subtitle, words.variant.format(number=variant)]))
        markdown = render_deck(DeckView(lang=deck.lang, title=deck.title, subtitle=subtitle,
                                        front_matter=front_matter(deck), own_theme=deck.marp.theme == DEFAULT_THEME,
                                        slides=tuple(v for v, _ in placed),
                                        **(_instructor_additions(placed) if instructor else {})),
                               templates)
        layout = pagination(deck, lambda title: context.words.continued.format(title=title),
                            source_map(markdown, placed, spec), assets)
        markdown = paginate(markdown, layout)
        return markdown, source_map(markdown, placed, spec)

    documents = {".md": document(deck.subtitle or "", _slide_views(solutions, exercises, context), instructor=True)}
    if handout and exercises:
        documents[HANDOUT] = document(words.handout, [(question_view(e, context), e.solution.slide)
                                                      for e in exercises])
        documents[KEY] = document(words.key, [(page, None) for page in key_pages(exercises, context)])
    return documents


def _answer_file(deck: Deck, solutions, context: Context) -> str:
    exercises = collect_exercises(solutions)
    return answers_json(deck, collect_answers(solutions), [(e, key_entry(e, context).answer) for e in exercises],
                        context.printer)


def stage_deck(spec: Path, out_dir: Path, handout: bool = False, choose: dict | None = None,
               variant: int | None = None, templates: Path | None = None, strict: bool = False) -> StagedDeck:
    """Load, solve, draw, copy its pictures, render and check one deck into a staging folder inside ``out_dir``.

    ``choose`` gives the deck's parameters a student's values; ``variant`` numbers that student's
    variant under the title of the deck, its handout and key; ``templates`` is an instructor's
    folder of templates that replace ours by name (rendered in Jinja's sandbox); ``strict`` fails the deck
    on a formula of the instructor's own that the checker cannot read (else it is listed).
    """
    deck = load_deck(spec, choose)
    precheck_instructor_math(deck.slides, deck.lang, Location(deck.source))
    solutions = solve_deck(deck)
    printer = printer_for(deck.lang, deck.precision, deck.exact_digits, symbols=deck.symbols)
    words = words_for(deck.lang)
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{deck.stem}.{os.getpid()}.", suffix=STAGING_SUFFIX, dir=out_dir))
    try:
        figure_dir = staging / deck.stem
        figure_dir.mkdir()
        drawn = {}
        for solution in solutions:
            drawn_here = figures.draw(solution, words, figure_dir, PurePosixPath(deck.stem), figure_box(deck))
            if drawn_here:
                drawn[solution.slide.id] = drawn_here
        pictures = copy_pictures([p for slide in deck.slides for p in getattr(slide, "pictures", ())], figure_dir,
                                 PurePosixPath(deck.stem))
        context = Context(printer, words, drawn, pictures)
        documents = _documents(deck, solutions, context, handout, variant, templates, staging)
        verdicts = {}
        for suffix, (markdown, sources) in documents.items():
            verdicts[suffix] = verify_printed_math(markdown, sources, out_dir / f"{deck.stem}{suffix}", strict)
            (staging / f"{deck.stem}{suffix}").write_text(markdown, encoding="utf-8")
        (staging / f"{deck.stem}.answers.json").write_text(_answer_file(deck, solutions, context), encoding="utf-8")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return StagedDeck(deck, out_dir, staging, {suffix: markdown for suffix, (markdown, _) in documents.items()},
                      {suffix: sources for suffix, (_, sources) in documents.items()}, verdicts)


def discard(staged: StagedDeck) -> None:
    shutil.rmtree(staged.staging, ignore_errors=True)


def publish(staged: StagedDeck, exports: tuple[Path, ...] = ()) -> BuildResult:
    """Move a finished deck into place, with ``exports``: its HTML, PDF and PPTX, made in its staging folder."""
    try:
        result = _publish(staged)
        published = []
        for made in exports:
            os.replace(made, staged.out_dir / made.name)
            published.append(staged.out_dir / made.name)
        return replace(result, exported=tuple(published))
    finally:
        discard(staged)


def build_deck(spec: Path, out_dir: Path, handout: bool = False) -> BuildResult:
    """Build one deck (without KaTeX validation, which ``build_decks`` runs for all decks at once)."""
    return publish(stage_deck(spec, out_dir, handout))


def _publish(staged: StagedDeck) -> BuildResult:
    """Move a finished deck from its staging folder into ``out_dir``, replacing the previous one.

    A handout and key from an earlier build are removed when this build has none, so the
    files next to a deck always belong to it.
    """
    stem, staging, out_dir = staged.deck.stem, staged.staging, staged.out_dir
    new_figures = staging / stem
    has_figures = any(new_figures.iterdir())
    target = out_dir / stem
    if target.exists():
        target.rename(staging / ".previous-figures")
    if has_figures:
        new_figures.rename(target)
    for suffix in (".md", ".answers.json", HANDOUT, KEY):
        if (staging / f"{stem}{suffix}").exists():
            os.replace(staging / f"{stem}{suffix}", out_dir / f"{stem}{suffix}")
        elif suffix in (HANDOUT, KEY):
            (out_dir / f"{stem}{suffix}").unlink(missing_ok=True)
    # the figures (a picture of the instructor copied here is listed too only when it is an SVG file at the top)
    drawn = tuple(sorted(p for p in target.iterdir() if p.is_file() and p.suffix == ".svg")) if has_figures else ()
    handout = out_dir / f"{stem}{HANDOUT}" if HANDOUT in staged.documents else None
    key = out_dir / f"{stem}{KEY}" if KEY in staged.documents else None
    return BuildResult(staged.deck, out_dir / f"{stem}.md", out_dir / f"{stem}.answers.json", drawn, handout, key)


def find_specs(paths: list[Path]) -> list[Path]:
    """Spec files named, or inside named folders (``*.yaml``, ``*.yml``), in a stable order."""
    specs: list[Path] = []
    for path in paths:
        if path.is_dir():
            specs += sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
        else:
            specs.append(path)
    return specs


__all__ = ["BuildResult", "Location", "build_deck", "find_specs"]
