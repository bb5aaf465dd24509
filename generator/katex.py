"""marp-core's KaTeX on the formulas of Markdown decks: what would show up in class as red source text.

Kept apart from the build so that ``verideck check`` (which adds these findings when marp-cli is
installed) loads neither matplotlib nor the solvers, and apart from the checker (``check/``), which
runs no external program and imports nothing of the generator side.
"""
from __future__ import annotations

from pathlib import Path

from .check import Finding, Kind, Report
from .check.extract import MathSpan, extract
from .export import validate_formulas
from .toolchain import Toolchain


def unrenderable(toolchain: Toolchain, documents: list[str]) -> list[list[tuple[MathSpan, str]]]:
    """For each Markdown text, the formulas marp-core's KaTeX would draw as red source text, and why (one Node
    process for all)."""
    formulas, places = [], []
    for index, text in enumerate(documents):
        spans, _, _ = extract(text)
        for span in spans:
            places.append((index, span))
            formulas.append({"id": len(places) - 1, "latex": span.latex, "display": span.display, "document": index})
    failed: list[list[tuple[MathSpan, str]]] = [[] for _ in documents]
    for failure in validate_formulas(toolchain, formulas):
        index, span = places[failure["id"]]
        failed[index].append((span, failure["error"]))
    return failed


def add_katex_findings(reports: list[Report], toolchain: Toolchain) -> None:
    """``verideck check`` with the toolchain installed: formulas KaTeX cannot render are wrong too."""
    documents = [Path(report.path).read_text(encoding="utf-8") for report in reports]
    for report, problems in zip(reports, unrenderable(toolchain, documents)):
        for span, error in problems:
            if any(f.kind == Kind.WRONG and f.text == span.latex.strip() and f.line == span.line
                   for f in report.findings):
                continue  # already reported by the lints (a look-alike letter, an unknown macro)
            report.findings.append(Finding(span.line, Kind.WRONG, span.latex.strip(),
                                           f"KaTeX cannot render it: {error}"))
        report.findings.sort(key=lambda finding: finding.line)
