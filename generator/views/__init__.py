"""Views: solution → frozen dataclass of finished strings, one module per slide kind."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Deck, MarkdownSlide
from ..solve import (
    CompareSolution,
    DerivativeSolution,
    DescentSolution,
    FitSolution,
    GradientSolution,
    LearningRatesSolution,
    PlotSolution,
    Solution,
)
from .common import Context, Figure
from .compare import CompareView, compare_view
from .derivative import DerivativeView, derivative_view
from .descent import DescentView, descent_view
from .fit import FitView, fit_view
from .gradient import GradientView, gradient_view
from .markdown import MarkdownView, markdown_view
from .plot import PlotView, plot_view
from .rates import LearningRatesView, learning_rates_view

_VIEWS = {
    MarkdownSlide: markdown_view,
    DerivativeSolution: derivative_view,
    GradientSolution: gradient_view,
    DescentSolution: descent_view,
    PlotSolution: plot_view,
    FitSolution: fit_view,
    LearningRatesSolution: learning_rates_view,
    CompareSolution: compare_view,
}


@dataclass(frozen=True)
class DeckView:
    lang: str
    title: str
    subtitle: str
    front_matter: str  # YAML lines between the --- fences
    slides: tuple  # the slide views, in order


def slide_view(solution: Solution, ctx: Context):
    return _VIEWS[type(solution)](solution, ctx)


__all__ = [
    "CompareView",
    "Context",
    "Deck",
    "DeckView",
    "DerivativeView",
    "DescentView",
    "Figure",
    "FitView",
    "GradientView",
    "LearningRatesView",
    "MarkdownView",
    "PlotView",
    "slide_view",
]
