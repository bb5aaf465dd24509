"""Build many decks as one run: stage each, validate every formula with KaTeX in one batch, measure every
slide in Chromium (the layout probe, when the run renders), publish.

A deck that fails anywhere — spec, solver, checker, KaTeX, a slide that runs off the page — is reported and not
written; the other decks of the run are still built.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .build import BuildResult, StagedDeck, discard, publish, remove_stale_staging, stage_deck
from .errors import CheckError, InternalError, LayoutError, VerideckError
from .export import export
from .katex import unrenderable
from .layout import LayoutProbe
from .layout import report as layout_report
from .toolchain import find_toolchain, missing_toolchain_hint, require_toolchain


@dataclass
class RunResult:
    built: list[BuildResult] = field(default_factory=list)
    exported: list[Path] = field(default_factory=list)
    errors: list[VerideckError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # the instructor's formulas the checker could not read
    verified: int = 0  # equalities the checker verified in the published decks
    skipped: int = 0  # formulas their author marked % unchecked
    probed: int = 0  # slides the layout probe measured in the published decks
    overflows: list[str] = field(default_factory=list)  # slides past the page's edge, built with --allow-overflow
    small_text: list[str] = field(default_factory=list)  # slides with text drawn under the floor (20 px)


def katex_failures(staged: list[StagedDeck], toolchain) -> dict[int, CheckError]:
    """marp-core's KaTeX on every formula of every staged document: the decks that fail, with their errors."""
    documents = [(index, suffix, markdown) for index, deck in enumerate(staged)
                 for suffix, markdown in deck.documents.items()]
    lines_of: dict[int, list[str]] = {}
    for (index, suffix, _), problems in zip(documents, unrenderable(toolchain, [d[2] for d in documents])):
        sources = staged[index].sources[suffix]
        lines_of.setdefault(index, []).extend(f"{sources.origin(span.line).describe()}: KaTeX cannot render: "
                                              f"{span.latex.strip()} — {error}" for span, error in problems)
    return {index: CheckError(lines + [f"{staged[index].out_dir / staged[index].deck.stem}.md: not written: every "
                                       "formula must render with KaTeX"])
            for index, lines in lines_of.items() if lines}


def stage_into(run: RunResult, label: Path, stage: Callable[[], StagedDeck]) -> StagedDeck | None:
    """Stage one deck; an error (the spec's, or a bug of verideck's) goes to ``run.errors``."""
    try:
        return stage()
    except VerideckError as error:
        run.errors.append(error)
    except Exception as error:  # a bug in verideck, not in the spec
        internal = InternalError(f"{label}: internal error: {type(error).__name__}: {error} "
                                 "(this is a verideck bug; run with --debug for a traceback)")
        internal.__cause__ = error
        run.errors.append(internal)
    return None


def finish(run: RunResult, staged: list[StagedDeck], formats: tuple[str, ...] = (), katex: bool = True,
           probe: bool = False, allow_overflow: bool = False) -> RunResult:
    """Validate every formula of the staged decks with KaTeX in one batch, measure their slides in Chromium (with
    ``formats``, or ``probe``), then export and publish the decks that passed.

    A deck is published whole or not at all: its HTML, PDF and PPTX are made in its staging folder and moved into
    place with its Markdown; a deck with a slide that runs off the page is not written unless ``allow_overflow``.
    """
    probing = probe or bool(formats)
    toolchain = require_toolchain() if probing else find_toolchain()
    failures = {}
    if katex and staged:
        if toolchain is None:
            print(f"verideck: KaTeX validation skipped: marp-cli is not installed ({missing_toolchain_hint()})",
                  file=sys.stderr)
        else:
            failures = katex_failures(staged, toolchain)
    passed = []
    for index, deck in enumerate(staged):
        if index in failures:
            discard(deck)
            run.errors.append(failures[index])
        else:
            passed.append(deck)
    try:
        if probing and passed:
            assert toolchain is not None  # (required above when probing)
            passed = probe_layout(run, passed, toolchain, allow_overflow)
        for deck in passed:
            _publish_checked(run, deck, formats, toolchain)
    finally:
        for deck in staged:  # a deck not published (an export failed, an interrupt) leaves nothing behind
            discard(deck)
    return run


def _publish_checked(run: RunResult, deck: StagedDeck, formats: tuple[str, ...], toolchain) -> None:
    """Export a deck that passed every check in its staging folder, publish it, and count what the checker said."""
    exports = []
    for suffix in deck.documents:
        markdown = deck.staging / f"{deck.deck.stem}{suffix}"
        for fmt in formats:
            made = markdown.with_suffix(f".{fmt}")
            exports.append(made if made.exists() else export(toolchain, markdown, fmt))  # (HTML: made for the probe)
    for verdict in deck.verdicts.values():
        run.warnings += verdict.warnings
        run.verified += verdict.verified
        run.skipped += verdict.skipped
    result = publish(deck, tuple(exports))
    run.built.append(result)
    run.exported += result.exported


def probe_layout(run: RunResult, staged: list[StagedDeck], toolchain, allow_overflow: bool) -> list[StagedDeck]:
    """Render every document of the staged decks as HTML (in their staging folders) and measure every slide in one
    Chromium; returns the decks that may be published (the others are discarded, with their overflow as errors)."""
    passed = []
    with LayoutProbe() as probe:
        for deck in staged:
            overflows: list[str] = []
            small: list[str] = []
            slides = 0
            for suffix, markdown in deck.documents.items():
                html = export(toolchain, deck.staging / f"{deck.deck.stem}{suffix}", "html")
                found = layout_report(markdown, deck.sources[suffix], probe.measure(html),
                                      f"{deck.deck.stem}{suffix}")
                slides += found.slides
                overflows += found.overflows
                small += found.small_text
            if overflows and not allow_overflow:
                discard(deck)
                run.errors.append(LayoutError(overflows + small + [
                    f"{deck.out_dir / deck.deck.stem}.md: not written: {len(overflows)} slide(s) run off the page "
                    "(--allow-overflow writes it anyway)"]))
                continue
            run.probed += slides
            run.overflows += overflows
            run.small_text += small
            passed.append(deck)
    return passed


def build_decks(specs: list[Path], out_dir: Path, formats: tuple[str, ...] = (), katex: bool = True,
                handout: bool = False, templates: Path | None = None, strict: bool = False, probe: bool = False,
                allow_overflow: bool = False) -> RunResult:
    """Build the specs into ``out_dir``: Markdown, answers, figures, and the ``formats`` through marp-cli.

    The layout probe measures every slide when there are ``formats`` (or with ``probe``); a deck with a slide
    that runs off the page fails unless ``allow_overflow`` (then it is listed in ``run.overflows``).
    """
    run = RunResult()
    remove_stale_staging(out_dir)
    staged = [stage_into(run, spec, partial(stage_deck, spec, out_dir, handout, templates=templates, strict=strict))
              for spec in specs]
    return finish(run, [deck for deck in staged if deck is not None], formats, katex, probe, allow_overflow)
