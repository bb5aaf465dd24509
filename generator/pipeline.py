"""Build many decks as one run: stage each, validate every formula with KaTeX in one batch, publish.

A deck that fails anywhere — spec, solver, checker, KaTeX — is reported and not written;
the other decks of the run are still built.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .build import BuildResult, StagedDeck, discard, publish, remove_stale_staging, stage_deck
from .errors import CheckError, InternalError, VerideckError
from .export import export
from .katex import unrenderable
from .toolchain import find_toolchain, missing_toolchain_hint, require_toolchain


@dataclass
class RunResult:
    built: list[BuildResult] = field(default_factory=list)
    exported: list[Path] = field(default_factory=list)
    errors: list[VerideckError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # the instructor's formulas the checker could not read
    verified: int = 0  # equalities the checker verified in the published decks
    skipped: int = 0  # formulas their author marked % unchecked


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


def finish(run: RunResult, staged: list[StagedDeck], formats: tuple[str, ...] = (), katex: bool = True) -> RunResult:
    """Validate every formula of the staged decks with KaTeX in one batch, then publish and export them."""
    toolchain = require_toolchain() if formats else find_toolchain()
    failures = {}
    if katex and staged:
        if toolchain is None:
            print(f"verideck: KaTeX validation skipped: marp-cli is not installed ({missing_toolchain_hint()})",
                  file=sys.stderr)
        else:
            failures = katex_failures(staged, toolchain)
    for index, deck in enumerate(staged):
        if index in failures:
            discard(deck)
            run.errors.append(failures[index])
            continue
        for verdict in deck.verdicts.values():
            run.warnings += verdict.warnings
            run.verified += verdict.verified
            run.skipped += verdict.skipped
        result = publish(deck)
        run.built.append(result)
        for markdown in (result.markdown, result.handout, result.key):
            for fmt in formats if markdown is not None else ():
                assert toolchain is not None and markdown is not None  # (required above when there are formats)
                run.exported.append(export(toolchain, markdown, fmt))
    return run


def build_decks(specs: list[Path], out_dir: Path, formats: tuple[str, ...] = (), katex: bool = True,
                handout: bool = False, templates: Path | None = None, strict: bool = False) -> RunResult:
    run = RunResult()
    remove_stale_staging(out_dir)
    staged = [stage_into(run, spec, partial(stage_deck, spec, out_dir, handout, templates=templates, strict=strict))
              for spec in specs]
    return finish(run, [deck for deck in staged if deck is not None], formats, katex)
