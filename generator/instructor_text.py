"""The instructor's own paragraphs on a generated slide: ``lead`` (under its heading) and ``after`` (at its end).

Each is one paragraph of Markdown, placed as written (not translated): it may hold inline math, which the
checker reads as the instructor's, but nothing that would change the deck's structure — no slide break,
no heading, no HTML comment or tag, no blank line.  Each keeps the spec line of every line it has, so a
finding in it points at the spec.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .converters import text
from .errors import Location
from .schema import Invalid, Scope
from .yamltree import Node

SLIDE_BREAK = re.compile(r"^\s*(-{3,}|\*{3,}|_{3,})\s*$", re.MULTILINE)  # a line Marp reads as a new slide
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>")


@dataclass(frozen=True)
class InstructorText:
    """One paragraph as written, with the spec line of each of its lines."""

    text: str
    lines: tuple[Location, ...]

    def line(self, offset: int) -> Location:
        """The spec line of line ``offset`` (0-based) of the text."""
        return self.lines[min(offset, len(self.lines) - 1)]


def text_line(node: Node, offset: int) -> Location:
    """The file line of line ``offset`` of a text value (block scalars start on the next line)."""
    if node.scalar.quoted and node.scalar.kind == "str" and node.location.line:
        first = node.location.line + (1 if node.scalar.block else 0)
        return Location(node.location.file, first + offset)
    return node.location


def paragraph(node: Node, scope: Scope) -> InstructorText:
    written = text(node, scope)
    lines = written.strip().splitlines()
    for number, line in enumerate(lines, 1):
        _refuse_structure(line, number)
    skipped = written[: written.index(lines[0])].count("\n")  # blank lines before the text
    where = tuple(_line_only(text_line(node, skipped + offset)) for offset in range(len(lines)))
    return InstructorText("\n".join(line.rstrip() for line in lines), where)


def _refuse_structure(line: str, number: int) -> None:
    """Refuse a line that would change the slide rather than sit in it as one paragraph."""
    if not line.strip():
        problem = "a blank line (the text must stay one paragraph)"
    elif SLIDE_BREAK.fullmatch(line):
        problem = f"a slide break {line.strip()!r}"
    elif _HEADING.match(line):
        problem = "a heading (the slide prints its own)"
    elif "<!--" in line or "-->" in line:
        problem = "an HTML comment"
    elif tag := _HTML_TAG.search(line):
        problem = f"an HTML tag {tag.group(0)!r}"
    else:
        return
    raise Invalid(f"line {number} is {problem}: write one paragraph of Markdown (inline math is welcome)")


def _line_only(location: Location) -> Location:
    return Location(location.file, location.line)
