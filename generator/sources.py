"""Where each line of a rendered deck comes from: which slide, which spec line, whose text.

The checker reads the finished Markdown, but a finding is for the instructor, who wrote the spec:
``lesson.yaml:42 (slide "Gradient step")`` says where to look, and whether the formula is the
instructor's own (a ``markdown`` slide's body, a ``lead`` or ``after``) or printed by verideck decides how
strict the build is.

The map is found in the rendered text itself, so it holds for an instructor's templates too: each
slide starts at its heading (``## title``, searched in slide order), and the instructor's text is placed
verbatim below it (a markdown slide's body; a generated slide's ``lead`` and, last, its ``after``).  A
slide whose heading a template does not print joins the one before it; lines before the first slide
belong to the title page.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
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
    texts: tuple[_Text, ...]  # the instructor's text placed in it: a markdown body, a lead, an after
    slide: object | None = None  # the spec slide shown (None: a page of the whole deck, such as an answer key)


@dataclass(frozen=True)
class _Text:
    first_line: int  # of the document
    offsets: tuple[int, ...]  # for each line as placed, its line in the text as written (blank runs collapse)
    spec_line: Callable[[int], Location]  # a line of the text as written → its line in the spec


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
        for text in part.texts:
            placed = line - text.first_line
            if 0 <= placed < len(text.offsets):
                return Origin(text.spec_line(text.offsets[placed]), part.title, True)
        return Origin(part.location, part.title, False)


def own_slide(view: object, slide: object | None) -> object | None:
    """The spec slide a placed view shows as its own — the one its notes, directives, lead and after go with —
    or None: an exercise's question (and the handout's) shows none, nor does a page of the whole deck."""
    return None if getattr(view, "template", None) == "question" else slide


def source_map(markdown: str, placed: Sequence[tuple[object, object | None]], deck: Location) -> SourceMap:
    """The map of ``markdown``, rendered from ``placed``: each view (with its ``title``) in order, with the
    spec slide it shows (``None`` for pages of the whole deck, such as an answer key)."""
    headings, position = [], 0
    for view, slide in placed:
        title = getattr(view, "title", "")
        found = markdown.find(f"## {title}\n", position) if title else -1
        if found >= 0:
            position = found + len(f"## {title}\n")
            headings.append((found, position, title, view, slide))
    ends = [start for start, *_ in headings[1:]] + [len(markdown)]
    return SourceMap(deck, tuple(
        _Part(_line_at(markdown, start), title, getattr(slide, "location", None) or deck,
              _texts(markdown, (below, end), _instructor_texts(view, slide)), slide)
        for (start, below, title, view, slide), end in zip(headings, ends)))


def _instructor_texts(view: object, slide: object | None) -> list[tuple[str, tuple[int, ...], Callable, bool]]:
    """The instructor's texts a slide places, in order: (text as placed, offsets, its spec lines, placed last)."""
    if isinstance(slide, MarkdownSlide):
        return [(*_as_placed(slide.body), slide.body_line, False)]
    own = own_slide(view, slide)
    texts = [(getattr(own, "lead", None), False), (getattr(own, "after", None), True)]
    return [(text.text + "\n", tuple(range(len(text.text.splitlines()))), text.line, last)
            for text, last in texts if text]


def _texts(markdown: str, span: tuple[int, int], texts: list[tuple]) -> tuple[_Text, ...]:
    """Where each text (whole lines) is in ``span`` of the document, the part's lines below its heading; a text
    placed last (an ``after``) is the last of its copies there."""
    found, (position, end) = [], span
    for text, offsets, spec_line, last in texts:
        lines = "\n" + text
        at = markdown.rfind(lines, position - 1, end) if last else markdown.find(lines, position - 1, end)
        if at >= 0:
            found.append(_Text(_line_at(markdown, at + 1), offsets, spec_line))
            position = at + len(lines)
    return tuple(found)


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
