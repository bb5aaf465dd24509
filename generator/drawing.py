"""What every figure shares: matplotlib (Agg) set up for SVG that is byte-identical for the same input.

The kinds draw their figures in their own ``drawing`` modules with these pieces.  They are
imported only when a deck has a figure to draw (``figures.py`` decides which): matplotlib and
NumPy cost about a second to import, which a deck without figures, a spec error, ``check`` and
``grade`` need not pay.

Determinism: a fixed ``svg.hashsalt`` (ids derive from it, not from random
numbers), no ``Date`` metadata, text drawn as paths with the bundled DejaVu
font.  Sizes and fonts are chosen for a projector: 10×5 inches, 16 pt text.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
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

def save(figure, path: Path) -> None:
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
def projector_style() -> Iterator[None]:
    """Draw in ``STYLE``, with NumPy quiet about the infinities a function may have in the range."""
    with matplotlib.rc_context(cast(Any, STYLE)), np.errstate(all="ignore"):
        yield
