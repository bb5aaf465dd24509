"""The slide page as each theme lays it out: the content box and the sizes of its building blocks, in px.

Measured in Chromium on marp-core's rendering of one calibration page per theme (27 px text, 22 px tables,
as verideck sets them; KaTeX draws math at 1.21 times the text): the content box is the page without the
theme's padding, a block's outer gap is its collapsed margins.  ``tests/pages/test_page_model.py`` checks
the model built on these numbers against the layout probe's measurements of every example deck.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

TEXT_PX = 27.0  # the body text of every theme, as verideck sets it
TABLE_PX = 22.0
MATH_SCALE = 1.21  # KaTeX's formulas are 1.21 times the size of the text around them
CHARACTER_EM = 0.58  # the mean advance of a character of the text (measured ≤ 0.555), a little wide on purpose
HEADING_PX = 1.25 * TEXT_PX  # a slide heading (##), bold
BOLD_EM = 0.64  # a heading's characters (measured ≤ 0.62)
HEADING_LINE = 42.2  # one more line of a heading that wraps


@dataclass(frozen=True)
class Geometry:
    """One theme at one slide size."""

    width: float  # the content box
    height: float
    line: float  # one line of body text
    gap: float  # between two blocks (their collapsed margins)
    heading: float  # a slide heading (##) of one line, with the gap below it
    display_minimum: float  # a display formula is never shorter than this
    table_row: float  # a table row of one line (cell padding and border included)
    indent: float  # a list item's text starts this far right
    item_gap: float  # between two list items
    margin: float = 16.0  # px kept free at the bottom: the model's error on this theme (see tests/pages)

    def sized(self, width: int) -> Geometry:
        """The same theme on a page ``width`` px wide (``size: 4:3`` is 960 px)."""
        return replace(self, width=self.width - (1280 - width))


THEMES = {
    "verideck": Geometry(width=1280 - 2 * 64, height=720 - 48 - 64, line=36.45, gap=10.8, heading=62.4,
                         display_minimum=42.0, table_row=39.0, indent=40.0, item_gap=4.0),
    "default": Geometry(width=1280 - 2 * 78.5, height=720 - 2 * 78.5, line=40.5, gap=16.0, heading=70.4,
                        display_minimum=42.0, table_row=41.0, indent=40.0, item_gap=4.0, margin=32.0),
    "gaia": Geometry(width=1280 - 2 * 70, height=720 - 2 * 70, line=36.45, gap=27.0, heading=81.7,
                     display_minimum=40.0, table_row=40.0, indent=40.0, item_gap=4.0, margin=32.0),
    "uncover": Geometry(width=1280 - 2 * 70, height=720 - 2 * 30, line=37.8, gap=15.0, heading=94.3,
                        display_minimum=42.0, table_row=39.0, indent=40.0, item_gap=4.0, margin=32.0),
}


def geometry(theme: str, size: str | None = None) -> Geometry:
    """The page of ``theme`` (one of verideck's or marp-core's) at the deck's ``size`` directive."""
    page = THEMES.get(theme, THEMES["default"])
    return page.sized(960) if size == "4:3" else page
