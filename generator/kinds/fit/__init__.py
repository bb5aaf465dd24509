"""The ``fit`` kind: a model fitted to data by gradient descent (full batch, mini-batch or stochastic)."""
from ..base import SlideKind
from .exercise import HOOKS
from .model import FitSlide
from .solve import FitSolution, computed_values, figures, solve_fit
from .spec import DESCENT_FIELDS, build_fit
from .view import fit_view

KIND = SlideKind("fit", FitSlide, build_fit, solve_fit, fit_view, figures=figures, answers=computed_values,
                 exercise=HOOKS, extra_fields=DESCENT_FIELDS)

__all__ = ["KIND", "FitSolution"]
