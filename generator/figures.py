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


def _drawers(solution) -> dict[str, tuple]:
    """Role → (drawer, the solution it draws) for the figures of one slide."""
    if not _has_figures(solution):
        return {}
    from . import drawing as d

    if isinstance(solution, PlotSolution):
        return {"plot": (d.draw_plot, solution)}
    if isinstance(solution, DescentSolution):
        return {"path": (d.draw_descent, solution), "loss": (d.draw_loss, solution)}
    if isinstance(solution, FitSolution):
        return {"path": (d.draw_descent, solution.descent), "loss": (d.draw_loss, solution.descent),
                "curve": (d.draw_fit_curve, solution)}
    if isinstance(solution, LearningRatesSolution):
        return {"panels": (d.draw_rates, solution)}
    return {"paths": (d.draw_compare, solution)}


def _has_figures(solution) -> bool:
    if isinstance(solution, DescentSolution):
        return solution.slide.figure
    if isinstance(solution, FitSolution):
        return solution.slide.descent.figure
    return isinstance(solution, PlotSolution | LearningRatesSolution | CompareSolution)


def draw(solution, words: Words, folder: Path, relative: PurePosixPath) -> dict[str, Figure]:
    """Draw the figures of one solution into ``folder``: role → figure (empty for slides without one)."""
    drawers = _drawers(solution)
    if not drawers:
        return {}
    from .drawing import SLIDE_SIZE

    drawn = {}
    for role, (drawer, drawn_solution) in drawers.items():
        name = figure_name(solution.slide.id, role)
        alt = drawer(drawn_solution, words, folder / name)
        drawn[role] = Figure(relative / name, alt, SLIDE_SIZE[drawer])
    return drawn
