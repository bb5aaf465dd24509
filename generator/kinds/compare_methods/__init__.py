"""The ``compare_methods`` kind: the methods of the family side by side on one function."""
from ..base import SlideKind
from .model import FIELDS, CompareSlide
from .solve import CompareSolution, computed_values, figures, solve_compare
from .spec import build_compare
from .view import compare_view

KIND = SlideKind("compare_methods", CompareSlide, build_compare, solve_compare, compare_view,
                 figures=figures, answers=computed_values, extra_fields=FIELDS)

__all__ = ["KIND", "CompareSolution"]
