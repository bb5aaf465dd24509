"""The ``gradient_descent`` kind: gd, momentum, nesterov, adagrad, rmsprop or adam, step by step."""
from ..base import SlideKind
from .exercise import HOOKS
from .model import DescentSlide
from .solve import DescentSolution, computed_values, figures, solve_descent
from .spec import build_descent
from .view import descent_view

KIND = SlideKind("gradient_descent", DescentSlide, build_descent, solve_descent, descent_view,
                 figures=figures, answers=computed_values, exercise=HOOKS)

__all__ = ["KIND", "DescentSolution"]
