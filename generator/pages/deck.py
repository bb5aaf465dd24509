"""The pages of one deck: its theme's page at its size, the room its figures have, and which of its slides continue."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..kinds.markdown.model import MarkdownSlide
from ..model import Deck
from ..sources import SourceMap
from .geometry import Geometry, geometry
from .images import image_heights
from .paginate import Owner, Pagination


def page_of(deck: Deck) -> Geometry:
    """The content box of the deck's pages: its theme at its size."""
    return geometry(deck.marp.theme, str(dict(deck.marp.directives).get("size", "")) or None)


def figure_box(deck: Deck) -> tuple[float, float]:
    """The largest picture a page of the deck holds under its heading, in px."""
    page = page_of(deck)
    return float(int(page.width)), float(int(page.height - page.margin - page.heading))


def pagination(deck: Deck, continued: Callable[[str], str], sources: SourceMap, assets: Path) -> Pagination:
    """How a document of ``deck`` (mapped by ``sources``; its pictures in ``assets``) is cut into pages: every
    generated slide may continue, unless it says ``split: false``; the instructor's markdown slides may not."""
    page = page_of(deck)

    def owner(line: int) -> Owner:
        part = sources.part_at(line)
        if part is None:
            return Owner(None, False)
        slide = part.slide
        splits = not isinstance(slide, MarkdownSlide) and getattr(slide, "split", True)
        return Owner(id(slide) if slide is not None else id(part), splits)

    return Pagination(page, continued, image_heights(assets, page), owner)
