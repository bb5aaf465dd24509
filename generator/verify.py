"""The build's use of the independent checker: what fails a deck, what is listed, where it points.

Math verideck printed must be verified, or the deck is not written.  The instructor's own Markdown is
held to a different rule: a formula the checker reads as wrong fails the build; one it cannot read is
a listed warning (``--strict`` makes it a failure too), and a formula marked ``% unchecked`` is
skipped and counted.  Every finding names the spec line and the slide, not the generated file, which
a failed build does not write.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .check import Finding, Kind, check_markdown
from .check.lints import lint
from .errors import CheckError, Location
from .kinds.markdown.model import MarkdownSlide
from .sources import Origin, SourceMap, source_map


@dataclass
class Verdict:
    """What the checker said of one document, sorted for the build."""

    failures: list[str] = field(default_factory=list)  # the deck is not written
    warnings: list[str] = field(default_factory=list)  # listed in the build's summary
    verified: int = 0
    skipped: int = 0


def describe(finding: Finding, origin: Origin) -> str:
    detail = f" — {finding.message}" if finding.message else ""
    return f"{origin.describe()}: {finding.kind}: {finding.text}{detail}"


def judge(markdown: str, sources: SourceMap, target: Path, strict: bool = False) -> Verdict:
    """The checker's findings on a rendered document, each placed in the spec."""
    report = check_markdown(markdown, str(target))
    verdict = Verdict(verified=report.count(Kind.VERIFIED), skipped=report.count(Kind.SKIPPED))
    for finding in report.findings:
        origin = sources.origin(finding.line)
        if finding.kind == Kind.SKIPPED and not origin.instructor:  # (a template cannot excuse printed math)
            verdict.failures.append(describe(finding, origin) + ": only your own formulas can be unchecked")
        elif finding.kind == Kind.WRONG or (finding.kind == Kind.NOT_UNDERSTOOD and (strict or not origin.instructor)):
            verdict.failures.append(describe(finding, origin))
        elif finding.kind in (Kind.NOT_UNDERSTOOD, Kind.WARNING):
            verdict.warnings.append(describe(finding, origin))
    return verdict


def verify_printed_math(markdown: str, sources: SourceMap, target: Path, strict: bool = False) -> Verdict:
    """Raise ``CheckError`` unless every equality verideck printed is verified and nothing is wrong."""
    verdict = judge(markdown, sources, target, strict)
    if verdict.failures:
        rule = "every printed equality must be verified" if not strict else \
            "every printed equality must be verified (--strict: your own formulas too)"
        raise CheckError(verdict.failures + [f"{target}: not written: {rule}"])
    return verdict


def precheck_instructor_math(slides: tuple, lang: str, spec: Location) -> None:
    """Before any computation: the instructor's own text, read in slide order (markdown slides' bodies, the
    other slides' ``lead`` and ``after``), must not print wrong math.

    Only what is wrong whatever the rest of the deck says is reported here (arithmetic without names,
    letters from another alphabet, macros KaTeX lacks); the build's full check decides the rest.
    """
    placed = [(_Heading(slide.title or slide.id), slide) for slide in slides if _instructor_text(slide)]
    if not placed:
        return
    document = f"---\nmarp: true\nlang: {lang}\n---\n" + "".join(
        f"\n---\n\n## {heading.title}\n\n{_instructor_text(slide)}" for heading, slide in placed)
    sources = source_map(document, placed, spec)
    failures = [describe(finding, sources.origin(finding.line))
                for finding in check_markdown(document).findings
                if finding.kind == Kind.WRONG and (_context_free(finding.text) or _lint_message(finding))]
    if failures:
        raise CheckError(failures + [f"{spec.file}: not built: your slides print wrong math"])


@dataclass(frozen=True)
class _Heading:
    """A slide's heading in the precheck's document (a generated slide's own title is not known yet: its id)."""

    title: str


def _instructor_text(slide) -> str:
    """A slide's own Markdown as the deck places it: a markdown slide's body, else its lead and after."""
    if isinstance(slide, MarkdownSlide):
        return slide.body
    return "".join(f"{text.text}\n\n" for text in (getattr(slide, "lead", None), getattr(slide, "after", None))
                   if text)


_NOT_NAMES = re.compile(r"\\(?:operatorname|text|mathrm)\{[^{}]*\}|\\[A-Za-z]+")


def _context_free(latex: str) -> bool:
    """Math without names of its own (numbers, operators, functions such as \\sin): what it means cannot
    depend on definitions elsewhere in the deck."""
    return not re.search(r"[A-Za-z]", _NOT_NAMES.sub(" ", latex).replace("e", ""))


def _lint_message(finding: Finding) -> bool:
    return finding.message in lint(finding.text)


__all__ = ["Verdict", "judge", "precheck_instructor_math", "verify_printed_math"]
