"""A ``plot`` slide: one or more functions of one variable over a range, optionally a tangent line."""
from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Expr, Rational

from ...converters import expression, list_of, number, number_pair, one_line_text, variable_name
from ...model import GeneratedSlide
from ...schema import spec_field


@dataclass(frozen=True, kw_only=True)
class PlotSlide(GeneratedSlide):
    functions: tuple[Expr, ...] = spec_field(list_of(expression), required=True)
    labels: tuple[str, ...] = spec_field(list_of(one_line_text))  # legend names, one per function
    variable: sympy.Symbol = spec_field(variable_name)  # given, or the functions' only variable
    x_range: tuple[Rational, Rational] = spec_field(number_pair, required=True, key="range")
    tangent_at: Expr | None = spec_field(number)
