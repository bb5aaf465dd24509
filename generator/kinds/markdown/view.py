"""View of a ``markdown`` slide: the instructor's own text, placed as written (its pictures pointing at their
copies beside the deck)."""
from __future__ import annotations

from dataclasses import dataclass

from ...assets import point_pictures
from ...views.common import Context
from .model import MarkdownSolution


@dataclass(frozen=True)
class MarkdownView:
    template = "markdown"
    instructor_text = True  # placed as written (render does not look for generated slide breaks in it)
    id: str
    title: str
    body: str


def markdown_view(solution: MarkdownSolution, ctx: Context) -> MarkdownView:
    slide = solution.slide
    return MarkdownView(id=slide.id, title=slide.title, body=point_pictures(slide.body, ctx.pictures))
