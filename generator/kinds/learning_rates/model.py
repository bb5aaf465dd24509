"""A ``learning_rates`` slide: plain gradient descent from one start with several learning rates, side by side."""
from __future__ import annotations

from dataclasses import dataclass

from ...converters import expression, function_name, integer_between, list_of, point, positive_number, variable_name
from ...model import GeneratedSlide
from ...schema import Field
from ..gradient_descent.figure_options import PATHS_OPTIONS, FigureOptions, figure_options
from ..gradient_descent.model import DescentSlide

MAX_PANEL_STEPS = 50  # every iterate is drawn


@dataclass(frozen=True, kw_only=True)
class LearningRatesSlide(GeneratedSlide):
    runs: tuple[DescentSlide, ...]  # the same descent, one per learning rate


FIELDS = {  # the YAML keys: what the runs share, and their rates
    "function": Field(expression, required=True),
    "variables": Field(list_of(variable_name)),
    "name": Field(function_name, default="f"),
    "start": Field(point, required=True),
    "learning_rates": Field(list_of(positive_number, 2, 4), required=True),
    "figure": Field(figure_options(*PATHS_OPTIONS), default=FigureOptions(path=True)),
    "steps": Field(integer_between(1, MAX_PANEL_STEPS), default=10),
}
