"""The ``derivative`` kind: f'(x) derived rule by rule, its value at a point, equivalent forms."""
from ..base import SlideKind
from .exercise import HOOKS
from .model import DerivativeSlide
from .solve import DerivativeSolution, computed_values, solve_derivative
from .spec import build_derivative
from .view import derivative_view

KIND = SlideKind("derivative", DerivativeSlide, build_derivative, solve_derivative, derivative_view,
                 answers=computed_values, exercise=HOOKS)

__all__ = ["KIND", "DerivativeSolution"]
