"""Which figures a slide has, what their files are called, and drawing them.

A kind names its figures (``SlideKind.figures``: role → the drawing function, as
``<kind>.<function>`` in ``generator/kinds/<kind>/drawing.py``, and what it draws).  The drawing
modules, with matplotlib and NumPy, are imported only when a solution has a figure.
"""
from __future__ import annotations

import importlib
from pathlib import Path, PurePosixPath

from .i18n import Words
from .kinds import kind_of
from .views.common import Figure

MAIN_ROLES = ("plot", "path")  # named after the slide alone; other roles add their name


def figure_name(slide_id: str, role: str) -> str:
    return f"{slide_id}.svg" if role in MAIN_ROLES else f"{slide_id}-{role}.svg"


def _drawer(qualified: str):
    """``gradient_descent.draw_loss`` → that function of ``generator/kinds/gradient_descent/drawing.py``."""
    kind, function = qualified.split(".")
    return getattr(importlib.import_module(f"generator.kinds.{kind}.drawing"), function)


def draw(solution, words: Words, folder: Path, relative: PurePosixPath,
         box: tuple[float, float] | None = None) -> dict[str, Figure]:
    """Draw the figures of one solution into ``folder``: role → figure (empty for slides without one).
    ``box``: the largest picture the deck's page holds under a heading (px); larger figures are drawn to fit."""
    drawn = {}
    for role, (qualified, drawn_solution) in kind_of(solution).figures(solution).items():
        drawer = _drawer(qualified)
        name = figure_name(solution.slide.id, role)
        from . import drawing  # with matplotlib: only for a deck that has figures

        token = drawing.PAGE_BOX.set(box)
        try:
            alt = drawer(drawn_solution, words, folder / name)
        finally:
            drawing.PAGE_BOX.reset(token)
        drawn[role] = Figure(relative / name, alt, _fitted_size(drawer.slide_size, box))
    return drawn


def _fitted_size(size: str, box: tuple[float, float] | None) -> str:
    """Marp's size keyword of a figure (``h:500``) within ``box``: the height it is drawn at."""
    keyword, _, value = size.partition(":")
    if box is None or keyword not in ("h", "w"):
        return size
    limit = box[1] if keyword == "h" else box[0]
    return f"{keyword}:{min(int(float(value)), int(limit))}"
