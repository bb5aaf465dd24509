"""What every figure shares: matplotlib (Agg) set up for SVG that is byte-identical for the same input.

The kinds draw their figures in their own ``drawing`` modules with these pieces.  They are
imported only when a deck has a figure to draw (``figures.py`` decides which): matplotlib and
NumPy cost about a second to import, which a deck without figures, a spec error, ``check`` and
``grade`` need not pay.

Determinism: a fixed ``svg.hashsalt`` (ids derive from it, not from random
numbers), no ``Date`` metadata, text drawn as paths with the bundled DejaVu
font.  Sizes and fonts are chosen for a projector: a figure is drawn at the size it is shown on the
1280×720 slide (96 px an inch, ``inches``), so its 16 pt text is 21 px on the page — at least 20 px from
the back of the room.  Russian decks get decimal commas on their axes (``save``).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, cast

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import matplotlib.ticker
import numpy as np
import sympy

from .i18n import Words
from .notation import notation_for
from .numbers import decimal_text, round_significant

STYLE: dict[str, Any] = {
    "svg.hashsalt": "verideck",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 16,
    "axes.titlesize": 18,
    "axes.labelsize": 18,
    "legend.fontsize": 15,
    "lines.linewidth": 2.6,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "figure.figsize": (10, 5),
}
COLORS = ("#1f5fbf", "#d1495b", "#2a9d5c", "#8a5cc2", "#e08a1e", "#1b9aaa")  # one palette for every deck
PATH_COLOR = "#d1495b"
SAMPLES = 600


def numeric(expr: sympy.Expr, variables) -> Callable[..., Any]:
    """A NumPy function of an already-whitelisted SymPy expression."""
    return sympy.lambdify(variables, expr, modules="numpy")

def plain(value: sympy.Expr, words: Words, digits: int = 4) -> str:
    """A number for alt text and labels: rounded, in the deck's decimal notation."""
    return notation_for(words.lang).decimal(decimal_text(round_significant(value, digits)))

def plain_point(point, words: Words) -> str:
    values = [plain(value, words) for _, value in point]
    return values[0] if len(values) == 1 else "(" + "; ".join(values) + ")"

PIXELS_PER_INCH = 96  # CSS pixels: an SVG of w inches shown w · 96 px wide is drawn at its own size

# The largest picture the deck's page holds under a heading (px), while its figures are drawn: a figure larger than
# that is drawn smaller — the same text size on a smaller canvas — rather than shrunk on the slide with its text.
PAGE_BOX: ContextVar[tuple[float, float] | None] = ContextVar("page_box", default=None)


def within_page(width_px: float, height_px: float) -> tuple[float, float]:
    """A figure's shown size, within the page's box when one is set."""
    box = PAGE_BOX.get()
    if box is None:
        return width_px, height_px
    return min(width_px, box[0]), min(height_px, box[1])


def inches(width_px: float, height_px: float) -> tuple[float, float]:
    """The figure size whose drawing is shown ``width_px`` × ``height_px`` on the slide at scale 1."""
    return width_px / PIXELS_PER_INCH, height_px / PIXELS_PER_INCH


class _CommaFormatter(matplotlib.ticker.ScalarFormatter):
    """Tick labels with a decimal comma (0,5), as a Russian deck writes numbers."""

    def __call__(self, x, pos=None) -> str:
        return super().__call__(x, pos).replace(".", ",")


def localize(figure, words: Words) -> None:
    """Decimal commas on the linear axes of a Russian deck's figure (a log axis keeps its powers of ten)."""
    if notation_for(words.lang).decimal("0.5") == "0.5":
        return
    for axes in figure.axes:
        for axis in (axes.xaxis, axes.yaxis):
            if type(axis.get_major_formatter()) is matplotlib.ticker.ScalarFormatter:
                axis.set_major_formatter(_CommaFormatter())


def save(figure, path: Path, words: Words | None = None) -> None:
    if words is not None:
        localize(figure, words)
    if figure.get_layout_engine() is None:  # a figure laid out by its own engine keeps it
        figure.tight_layout()
    figure.savefig(path, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(figure)

def finite(values: np.ndarray) -> np.ndarray:
    return np.where(np.isfinite(values), values, np.nan)

def span(values: np.ndarray, extra: float = 0.25) -> tuple[float, float]:
    low, high = float(np.min(values)), float(np.max(values))
    width = high - low or max(abs(high), 1.0)
    return low - extra * width, high + extra * width


def slide_size(size: str):
    """Mark a drawing function with the Marp size of its image on the slide (``h:330``, ``w:1150``)."""
    def mark(draw):
        draw.slide_size = size
        return draw
    return mark


@contextmanager
def projector_style(shown: tuple[float, float] | None = None) -> Iterator[None]:
    """Draw in ``STYLE`` — figures of the size ``shown`` on the slide in px, when given — with NumPy quiet
    about the infinities a function may have in the range."""
    style = dict(STYLE, **({"figure.figsize": inches(*within_page(*shown))} if shown else {}))
    with matplotlib.rc_context(cast(Any, style)), np.errstate(all="ignore"):
        yield
