"""A ``compare_methods`` slide: several methods of the family on one function from one start, same steps."""
from __future__ import annotations

from dataclasses import dataclass

from ...converters import expression, function_name, integer_between, list_of, point, variable_name
from ...model import METHODS, GeneratedSlide
from ...schema import Field
from ..gradient_descent.figure_options import PATHS_OPTIONS, FigureOptions, figure_options
from ..gradient_descent.model import MAX_STEPS, DescentSlide
from ..gradient_descent.spec import run_settings


@dataclass(frozen=True, kw_only=True)
class CompareSlide(GeneratedSlide):
    runs: tuple[DescentSlide, ...]  # one per method and its hyper-parameters


FIELDS = {  # the YAML keys: what the runs share, and each run's method and learning rate
    "function": Field(expression, required=True),
    "variables": Field(list_of(variable_name)),
    "name": Field(function_name, default="f"),
    "start": Field(point, required=True),
    "figure": Field(figure_options(*PATHS_OPTIONS), default=FigureOptions(path=True)),
    "steps": Field(integer_between(1, MAX_STEPS), required=True),
    "runs": Field(list_of(run_settings, 2, len(METHODS) * 2), required=True),
}
