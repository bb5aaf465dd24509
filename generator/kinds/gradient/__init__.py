"""The ``gradient`` kind: ∂f/∂x for every variable, and the gradient at a point."""
from ..base import SlideKind
from .exercise import HOOKS
from .model import GradientSlide
from .solve import GradientSolution, computed_values, solve_gradient
from .spec import build_gradient
from .view import gradient_view

KIND = SlideKind("gradient", GradientSlide, build_gradient, solve_gradient, gradient_view,
                 answers=computed_values, exercise=HOOKS)

__all__ = ["KIND", "GradientSolution"]
