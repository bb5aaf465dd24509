"""Where each line of a rendered deck comes from: which slide, which spec line, whose text.

The checker reads the finished Markdown, but a finding is for the instructor, who wrote the spec:
``lesson.yaml:42 (slide "Gradient step")`` says where to look, and whether the formula is the
instructor's own (a ``markdown`` slide's body) or printed by verideck decides how strict the build is.

The map is found in the rendered text itself, so it holds for an instructor's templates too: each
slide starts at its heading (``## title``, searched in slide order), and a markdown slide's body is
placed verbatim below it.  A slide whose heading a template does not print joins the one before it;
lines before the first slide belong to the title page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import Location
from .kinds.markdown.model import MarkdownSlide


@dataclass(frozen=True)
class Origin:
    """Where a line of the document comes from."""

    location: Location  # the spec line (the body line of instructor text, else the slide's entry)
    title: str  # the slide's title as shown ("" for the title page)
    instructor: bool  # the instructor's own Markdown, not math verideck printed

    def describe(self) -> str:
        return f'{self.location} (slide "{self.title}")' if self.title else str(self.location)


@dataclass(frozen=True)
class _Part:
    first_line: int  # of the document, 1-based
    title: str
    location: Location
    body: _Body | None  # an instructor's body, placed below the heading
    slide: object | None = None  # the spec slide shown (None: a page of the whole deck, such as an answer key)


@dataclass(frozen=True)
class _Body:
    first_line: int  # of the document
    offsets: tuple[int, ...]  # for each line as placed, its line in the body as written (blank runs collapse)
    slide: MarkdownSlide


@dataclass(frozen=True)
class SourceMap:
    deck: Location  # the spec file: the title page and anything unmatched
    parts: tuple[_Part, ...]

    def part_at(self, line: int) -> _Part | None:
        """The slide part holding ``line`` (None: the title page)."""
        return next((p for p in reversed(self.parts) if p.first_line <= line), None)

    def origin(self, line: int) -> Origin:
        part = self.part_at(line)
        if part is None:
            return Origin(self.deck, "", False)
        if part.body is not None:
            placed = line - part.body.first_line
            if 0 <= placed < len(part.body.offsets):
                return Origin(part.body.slide.body_line(part.body.offsets[placed]), part.title, True)
        return Origin(part.location, part.title, False)


def source_map(markdown: str, placed: list[tuple[object, object | None]], deck: Location) -> SourceMap:
    """The map of ``markdown``, rendered from ``placed``: each view (with its ``title``) in order, with the
    spec slide it shows (``None`` for pages of the whole deck, such as an answer key)."""
    parts, position = [], 0
    for view, slide in placed:
        title = getattr(view, "title", "")
        found = markdown.find(f"## {title}\n", position) if title else -1
        if found < 0:
            continue
        position = found + len(f"## {title}\n")
        location = getattr(slide, "location", None) or deck
        parts.append(_Part(_line_at(markdown, found), title, location, _body(markdown, position, slide), slide))
    return SourceMap(deck, tuple(parts))


def _body(markdown: str, position: int, slide: object | None) -> _Body | None:
    if not isinstance(slide, MarkdownSlide):
        return None
    placed, offsets = _as_placed(slide.body)
    found = markdown.find(placed, position)
    return _Body(_line_at(markdown, found), offsets, slide) if found >= 0 else None


def _as_placed(body: str) -> tuple[str, tuple[int, ...]]:
    """The body as the rendered deck holds it (runs of blank lines become one, as ``render`` does), and for
    each of its lines the line of the body it came from."""
    offsets, blank_before = [], False
    for offset, line in enumerate(body.splitlines()):
        blank = line == ""
        if not (blank and blank_before):
            offsets.append(offset)
        blank_before = blank
    return re.sub(r"\n{3,}", "\n\n", body), tuple(offsets)


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1
