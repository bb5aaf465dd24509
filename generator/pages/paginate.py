"""Pages that fit: a generated slide whose page is taller than the theme's content box continues on more pages.

Runs on the rendered deck (after the templates, before the checker reads it), page by page.  A page of a
generated slide that the model of :mod:`.blocks` finds too tall is cut between blocks — a lead ending in a
colon stays with what it introduces, a table is cut between rows and repeats its head, a list between
items — into pages headed "<title> (continued)"; a display of formulas side by side or a table too wide for the
page is set narrower first (:mod:`.narrow`).  A slide's scoped directives (``<!-- _class: … -->``) hold
on every page of it; its presenter notes stay on its last page.  The instructor's own Markdown slides and
slides with ``split: false`` are left as written: the layout probe reports what does not fit on them.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..check.extract import slide_breaks
from .blocks import Block, ImageHeight, blocks, stack_height
from .geometry import Geometry
from .narrow import narrowed

DIRECTIVE = re.compile(r"^<!--\s*_[A-Za-z]+\s*:")


@dataclass(frozen=True)
class Owner:
    """The slide of the spec a page shows, as far as pagination cares."""

    key: object  # the same for every page of one slide (None: the title page, an answer key's page)
    splits: bool  # a generated slide that may continue on more pages


@dataclass(frozen=True)
class Pagination:
    """How to lay out one document."""

    page: Geometry
    continued: Callable[[str], str]  # "Title" → "Title (continued)", in the deck's language
    image_height: ImageHeight
    owner: Callable[[int], Owner]  # the slide of the page whose slide break is at this line (1-based)


@dataclass
class _Flow:
    """The pages of one slide under one heading (its own "(continued)" pages included), refilled as one."""

    directives: list[str]
    heading: Block
    body: list[Block]  # its blocks, each as narrow as the page (see narrow.py)
    pages: list[list[str]]  # as the templates made them: kept when every one of them fits
    reshaped: bool = False  # a block was too wide and is set otherwise: the pages are made anew

    @property
    def title(self) -> str:
        return self.heading.lines[0].lstrip("#").strip()


def paginate(markdown: str, layout: Pagination) -> str:
    """``markdown`` with every overfull page of a generated slide cut into pages that fit."""
    lines = markdown.split("\n")
    breaks = slide_breaks(markdown)
    if not breaks:
        return markdown
    starts = [b - 1 for b in breaks]  # 0-based indexes of the --- lines
    flows: list[_Flow | list[str]] = []
    previous, inherited = Owner(None, False), list[str]()
    for start, end in zip(starts, starts[1:] + [len(lines)]):
        page, owner = lines[start + 1:end], layout.owner(end)  # its last line: the slide it shows
        directives = _directives(page)
        same_slide = owner.key is not None and owner.key == previous.key
        if not directives and same_slide:
            directives = inherited  # a later page of the same slide, made by its template
            page = _with_directives(page, directives) if directives else page
        previous, inherited = owner, directives
        _place(flows, page, directives, owner.splits, same_slide, layout)
    pieces = ["\n".join(lines[:starts[0]])]
    for flow in flows:
        pieces.extend(_laid_out(flow, layout) if isinstance(flow, _Flow) else ["\n".join(flow)])
    return "\n---\n".join(pieces)


def _place(flows: list[_Flow | list[str]], page: list[str], directives: list[str], splits: bool,
           same_slide: bool, layout: Pagination) -> None:
    """Add ``page`` to the flows: to the last one when it continues it, else as a flow (or a page) of its own."""
    found = blocks(page)
    heading = next((block for block in found if block.kind == "heading"), None)
    if not splits or heading is None:
        flows.append(page)
        return
    written = [b for b in found if b is not heading and not (b.kind == "comment" and DIRECTIVE.match(b.lines[0]))]
    body = [narrow for block in written for narrow in narrowed(block, layout.page)]
    reshaped = body != written
    last = flows[-1] if flows else None
    title = heading.lines[0].lstrip("#").strip()
    if same_slide and isinstance(last, _Flow) and title == _continued(last.title, layout):
        last.body.extend(body)
        last.pages.append(page)
        last.reshaped |= reshaped
    else:
        flows.append(_Flow(directives, heading, body, [page], reshaped))


def _directives(page: list[str]) -> list[str]:
    return [line.strip() for line in page if DIRECTIVE.match(line.strip())]


def _with_directives(page: list[str], directives: list[str]) -> list[str]:
    lead = 1 if page and not page[0].strip() else 0
    return page[:lead] + directives + [""] + page[lead:]


def _laid_out(flow: _Flow, layout: Pagination) -> list[str]:
    """The flow's pages as the templates made them when each fits, else its blocks refilled into pages."""
    room = layout.page.height - layout.page.margin
    if not flow.reshaped and all(stack_height(blocks(page), layout.page, layout.image_height) <= room
                                 for page in flow.pages):
        return ["\n".join(page) for page in flow.pages]
    pages = _fill(flow.body, flow.heading, layout)
    later = Block("heading", (f"{flow.heading.lines[0].split(' ', 1)[0]} {_continued(flow.title, layout)}",))
    marks = [Block("comment", (line,)) for line in flow.directives]
    return [_markdown(marks + [flow.heading if index == 0 else later] + content)
            for index, content in enumerate(pages)]


def _continued(title: str, layout: Pagination) -> str:
    """The heading of a later page: the title marked as continued once (never "(continued) (continued)")."""
    marked = layout.continued("\0")
    prefix, _, suffix = marked.partition("\0")
    if title.startswith(prefix) and title.endswith(suffix) and len(title) > len(prefix) + len(suffix):
        return title
    return layout.continued(title)


def _fill(body: list[Block], heading: Block, layout: Pagination) -> list[list[Block]]:
    """The body blocks in pages under ``heading``: each page as full as it fits, cutting tables and lists."""
    room = layout.page.height - layout.page.margin
    pages: list[list[Block]] = [[]]
    queue = _glued(body)
    while queue:
        unit = queue.pop(0)
        current = pages[-1]
        if _fits(current + unit, heading, layout, room):
            current.extend(unit)
            continue
        head, rest = _split_unit(unit, current, heading, layout, room)
        if head:
            current.extend(head)
            queue.insert(0, rest)
            pages.append([])
        elif current:
            pages.append([])
            queue.insert(0, unit)
        else:  # taller than a page on its own: it stays alone, and the probe reports it
            current.extend(unit)
            pages.append([])
    return [page for page in pages if page]


def _fits(stack: list[Block], heading: Block, layout: Pagination, room: float) -> bool:
    return stack_height([heading, *stack], layout.page, layout.image_height) <= room


def _glued(body: list[Block]) -> list[list[Block]]:
    """The blocks in units that stay on one page: a lead with what it introduces; notes with what precedes."""
    units: list[list[Block]] = []
    for block in body:
        if units and (units[-1][-1].leads_on or block.kind == "comment"):
            units[-1].append(block)
        else:
            units.append([block])
    return units


def _split_unit(unit: list[Block], current: list[Block], heading: Block, layout: Pagination,
                room: float) -> tuple[list[Block], list[Block]]:
    """A beginning of ``unit`` that fits on the current page — its last block, a table or a list, cut between rows
    or items: as many as fit but no more than half, at least two on each side — and the rest; ``([], unit)`` when
    none fits."""
    last = unit[-1]
    if not last.splittable:
        return [], unit
    parts = last.parts()
    for count in range(len(parts) - 2, 1, -1):
        head = unit[:-1] + [last.with_parts(parts[:count])]
        if _fits(current + head, heading, layout, room):
            count = min(count, max(2, -(-len(parts) // 2)))  # half and half reads better than a short tail
            return unit[:-1] + [last.with_parts(parts[:count])], [last.with_parts(parts[count:])]
    return [], unit


def _markdown(stack: list[Block]) -> str:
    return "\n" + "\n\n".join(block.text for block in stack) + "\n"
