"""Solvers: one per slide kind, each a pure function slide → solution (SymPy values, no text)."""
from __future__ import annotations

from typing import Union

from ..model import DerivativeSlide, DescentSlide, GradientSlide, MarkdownSlide, PlotSlide, Slide
from .derivative import DerivativeSolution, solve_derivative
from .descent import DescentSolution, solve_descent
from .gradient import GradientSolution, solve_gradient
from .plot import PlotSolution, solve_plot
from .problems import MathError

Solution = Union[MarkdownSlide, DerivativeSolution, GradientSolution, DescentSolution, PlotSolution]

_SOLVERS = {
    DerivativeSlide: solve_derivative,
    GradientSlide: solve_gradient,
    DescentSlide: solve_descent,
    PlotSlide: solve_plot,
}


def solve_slide(slide: Slide) -> Solution:
    """The solution of one slide; a markdown slide is its own solution (nothing to compute)."""
    solver = _SOLVERS.get(type(slide))
    return solver(slide) if solver else slide


__all__ = ["solve_slide", "Solution", "MathError", "DerivativeSolution", "GradientSolution",
           "DescentSolution", "PlotSolution"]
