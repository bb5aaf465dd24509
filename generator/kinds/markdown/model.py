"""A ``markdown`` slide: the instructor's own title and Markdown body, placed as written."""
from __future__ import annotations

from dataclasses import dataclass

from ...assets import LocalPicture
from ...converters import one_line_text, text
from ...errors import Location
from ...model import SlideBase
from ...schema import spec_field


@dataclass(frozen=True, kw_only=True)
class MarkdownSlide(SlideBase):
    title: str = spec_field(one_line_text, required=True)
    body: str = spec_field(text, required=True)
    body_lines: tuple[Location, ...] = ()  # where each line of the body is written in the spec
    pictures: tuple[LocalPicture, ...] = ()  # the local pictures the body shows (copied beside the deck)

    def body_line(self, offset: int) -> Location:
        """The spec line of line ``offset`` (0-based) of the body; the slide's place when unknown."""
        if 0 <= offset < len(self.body_lines):
            return self.body_lines[offset]
        return self.places.of("body", self.location)


@dataclass(frozen=True)
class MarkdownSolution:
    """Nothing to compute: the slide itself."""

    slide: MarkdownSlide


def solve_markdown(slide: MarkdownSlide) -> MarkdownSolution:
    return MarkdownSolution(slide)
