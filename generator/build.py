"""Build one deck: load → solve → draw → view → render → write, all or nothing.

Everything of a deck is first written into a staging folder inside the output
folder; only when the whole deck succeeded are the files moved into place, so
a failed build never leaves a half-written deck next to the previous good one.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from . import figures
from .answers import answers_json, collect_answers
from .check import check_markdown
from .errors import CheckError, Location, Problem, SpecError
from .i18n import words_for
from .latex import printer_for
from .model import Deck, MarkdownSlide
from .render import render_deck
from .solve import MathError, solve_slide
from .spec import load_deck
from .views import Context, DeckView, slide_view


@dataclass(frozen=True)
class BuildResult:
    deck: Deck
    markdown: Path
    answers: Path
    figures: tuple[Path, ...]


def front_matter(deck: Deck) -> str:
    settings = {"marp": True, "math": "katex", "lang": deck.lang, "title": deck.title}
    settings.update(deck.marp.directives)
    return yaml.safe_dump(settings, allow_unicode=True, sort_keys=False, width=1000).strip()


def solve_deck(deck: Deck) -> list:
    solutions, problems = [], []
    for index, slide in enumerate(deck.slides):
        try:
            solutions.append(solve_slide(slide))
        except MathError as error:
            problems.append(Problem(slide.places.of(error.key, slide.location), f"slides[{index}].{error.key}",
                                    error.message))
    if problems:
        raise SpecError(problems)
    return solutions


def _slide_id(solution) -> str:
    return solution.id if isinstance(solution, MarkdownSlide) else solution.slide.id


@dataclass
class StagedDeck:
    """A deck fully prepared in its staging folder, waiting for the last checks and publishing."""

    deck: Deck
    staging: Path
    markdown: str


def stage_deck(spec: Path, out_dir: Path) -> StagedDeck:
    """Load, solve, draw, render and check one deck into a staging folder inside ``out_dir``."""
    deck = load_deck(spec)
    solutions = solve_deck(deck)
    printer = printer_for(deck.lang, deck.precision, deck.exact_digits)
    words = words_for(deck.lang)
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{deck.stem}.", suffix=".partial", dir=out_dir))
    try:
        figure_dir = staging / deck.stem
        figure_dir.mkdir()
        drawn = {}
        for solution in solutions:
            drawn_here = figures.draw(solution, words, figure_dir, PurePosixPath(deck.stem))
            if drawn_here:
                drawn[_slide_id(solution)] = drawn_here
        context = Context(printer, words, drawn)
        view = DeckView(deck.lang, deck.title, deck.subtitle or "", front_matter(deck),
                        tuple(slide_view(solution, context) for solution in solutions))
        markdown = render_deck(view)
        verify_printed_math(markdown, out_dir / f"{deck.stem}.md")
        (staging / f"{deck.stem}.md").write_text(markdown, encoding="utf-8")
        (staging / f"{deck.stem}.answers.json").write_text(answers_json(collect_answers(solutions), printer),
                                                           encoding="utf-8")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return StagedDeck(deck, staging, markdown)


def discard(staged: StagedDeck) -> None:
    shutil.rmtree(staged.staging, ignore_errors=True)


def publish(staged: StagedDeck, out_dir: Path) -> BuildResult:
    try:
        return _publish(staged.deck, staged.staging, out_dir)
    finally:
        discard(staged)


def build_deck(spec: Path, out_dir: Path) -> BuildResult:
    """Build one deck (without KaTeX validation, which ``build_decks`` runs for all decks at once)."""
    return publish(stage_deck(spec, out_dir), out_dir)


def verify_printed_math(markdown: str, target: Path) -> None:
    """Run the independent checker on the deck as printed: nothing wrong, nothing it cannot read."""
    report = check_markdown(markdown, str(target))
    failures = [f for f in report.findings if f.kind in ("wrong", "not understood")]
    if failures:
        raise CheckError([f.format(str(target)) for f in failures] + [
            f"{target}: not written: every printed equality must be verified ({report.summary()})"])


def _publish(deck: Deck, staging: Path, out_dir: Path) -> BuildResult:
    """Move a finished deck from ``staging`` into ``out_dir``, replacing the previous one."""
    stem = deck.stem
    new_figures = staging / stem
    has_figures = any(new_figures.iterdir())
    target = out_dir / stem
    if target.exists():
        target.rename(staging / ".previous-figures")
    if has_figures:
        new_figures.rename(target)
    for suffix in (".md", ".answers.json"):
        os.replace(staging / f"{stem}{suffix}", out_dir / f"{stem}{suffix}")
    drawn = tuple(sorted(target.iterdir())) if has_figures else ()
    return BuildResult(deck, out_dir / f"{stem}.md", out_dir / f"{stem}.answers.json", drawn)


def find_specs(paths: list[Path]) -> list[Path]:
    """Spec files named, or inside named folders (``*.yaml``, ``*.yml``), in a stable order."""
    specs: list[Path] = []
    for path in paths:
        if path.is_dir():
            specs += sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
        else:
            specs.append(path)
    return specs


__all__ = ["build_deck", "find_specs", "BuildResult", "Location"]
