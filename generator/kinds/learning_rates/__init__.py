"""The ``learning_rates`` kind: one descent, two to four learning rates, the regime of each."""
from ..base import SlideKind
from .model import FIELDS, LearningRatesSlide
from .solve import LearningRatesSolution, computed_values, figures, solve_learning_rates
from .spec import build_learning_rates
from .view import learning_rates_view

KIND = SlideKind("learning_rates", LearningRatesSlide, build_learning_rates, solve_learning_rates,
                 learning_rates_view, figures=figures, answers=computed_values, extra_fields=FIELDS)

__all__ = ["KIND", "LearningRatesSolution"]
