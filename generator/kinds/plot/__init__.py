"""The ``plot`` kind: functions of one variable drawn over a range, with a tangent line."""
from ..base import SlideKind
from .model import PlotSlide
from .solve import PlotSolution, computed_values, figures, solve_plot
from .spec import build_plot
from .view import plot_view

KIND = SlideKind("plot", PlotSlide, build_plot, solve_plot, plot_view, figures=figures, answers=computed_values)

__all__ = ["KIND", "PlotSolution"]
