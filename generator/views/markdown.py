"""View of a ``markdown`` slide: the instructor's own text, placed as written."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import MarkdownSlide
from .common import Context


@dataclass(frozen=True)
class MarkdownView:
    template = "markdown"
    id: str
    title: str
    body: str


def markdown_view(slide: MarkdownSlide, ctx: Context) -> MarkdownView:
    return MarkdownView(id=slide.id, title=slide.title, body=slide.body)
