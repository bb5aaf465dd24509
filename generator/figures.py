"""Which figures a slide has, what their files are called, and drawing them (``drawing.py``).

The drawing module, with matplotlib and NumPy, is imported only when a solution has a figure.
"""
from __future__ import annotations

from pathlib import Path, PurePosixPath

from .i18n import Words
from .solve import CompareSolution, DescentSolution, FitSolution, LearningRatesSolution, PlotSolution
from .views.common import Figure

MAIN_ROLES = ("plot", "path")  # named after the slide alone; other roles add their name


def figure_name(slide_id: str, role: str) -> str:
    return f"{slide_id}.svg" if role in MAIN_ROLES else f"{slide_id}-{role}.svg"


def _drawers(solution) -> dict[str, tuple[str, object]]:
    """Role → (the drawing function's name in ``drawing.py``, the solution it draws) for one slide."""
    if isinstance(solution, PlotSolution):
        return {"plot": ("draw_plot", solution)}
    if isinstance(solution, DescentSolution) and solution.slide.figure:
        return {"path": ("draw_descent", solution), "loss": ("draw_loss", solution)}
    if isinstance(solution, FitSolution) and solution.slide.descent.figure:
        return {"path": ("draw_descent", solution.descent), "loss": ("draw_loss", solution.descent),
                "curve": ("draw_fit_curve", solution)}
    if isinstance(solution, LearningRatesSolution):
        return {"panels": ("draw_rates", solution)}
    if isinstance(solution, CompareSolution):
        return {"paths": ("draw_compare", solution)}
    return {}


def draw(solution, words: Words, folder: Path, relative: PurePosixPath) -> dict[str, Figure]:
    """Draw the figures of one solution into ``folder``: role → figure (empty for slides without one)."""
    drawers = _drawers(solution)
    if not drawers:
        return {}
    from . import drawing

    drawn = {}
    for role, (drawer_name, drawn_solution) in drawers.items():
        drawer = getattr(drawing, drawer_name)
        name = figure_name(solution.slide.id, role)
        alt = drawer(drawn_solution, words, folder / name)
        drawn[role] = Figure(relative / name, alt, drawing.SLIDE_SIZE[drawer])
    return drawn
