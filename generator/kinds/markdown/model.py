"""A ``markdown`` slide: the instructor's own title and Markdown body, placed as written."""
from __future__ import annotations

from dataclasses import dataclass

from ...converters import one_line_text, text
from ...model import SlideBase
from ...schema import spec_field


@dataclass(frozen=True, kw_only=True)
class MarkdownSlide(SlideBase):
    title: str = spec_field(one_line_text, required=True)
    body: str = spec_field(text, required=True)


@dataclass(frozen=True)
class MarkdownSolution:
    """Nothing to compute: the slide itself."""

    slide: MarkdownSlide


def solve_markdown(slide: MarkdownSlide) -> MarkdownSolution:
    return MarkdownSolution(slide)
