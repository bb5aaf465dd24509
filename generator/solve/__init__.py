"""Solvers: one per slide kind, each a pure function slide → solution (SymPy values, no text)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import (
    CompareSlide,
    DerivativeSlide,
    DescentSlide,
    FitSlide,
    GradientSlide,
    LearningRatesSlide,
    MarkdownSlide,
    PlotSlide,
    Slide,
)
from .compare import CompareSolution, solve_compare
from .derivative import DerivativeSolution, solve_derivative
from .descent import DescentSolution, solve_descent
from .fit import FitSolution, solve_fit
from .gradient import GradientSolution, solve_gradient
from .plot import PlotSolution, solve_plot
from .problems import MathError
from .rates import LearningRatesSolution, solve_learning_rates

Solution = (MarkdownSlide | DerivativeSolution | GradientSolution | DescentSolution | PlotSolution | FitSolution
            | LearningRatesSolution | CompareSolution)

_SOLVERS: dict[type, Callable[[Any], Solution]] = {
    DerivativeSlide: solve_derivative,
    GradientSlide: solve_gradient,
    DescentSlide: solve_descent,
    PlotSlide: solve_plot,
    FitSlide: solve_fit,
    LearningRatesSlide: solve_learning_rates,
    CompareSlide: solve_compare,
}


def solve_slide(slide: Slide) -> Solution:
    """The solution of one slide; a markdown slide is its own solution (nothing to compute)."""
    if isinstance(slide, MarkdownSlide):
        return slide
    return _SOLVERS[type(slide)](slide)


__all__ = [
    "CompareSolution",
    "DerivativeSolution",
    "DescentSolution",
    "FitSolution",
    "GradientSolution",
    "LearningRatesSolution",
    "MathError",
    "PlotSolution",
    "Solution",
    "solve_slide",
]
