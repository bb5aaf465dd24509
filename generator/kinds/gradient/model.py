"""A ``gradient`` slide: the partial derivatives of a function of several variables, optionally at a point."""
from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Expr

from ...converters import boolean, expression, function_name, list_of, point, variable_name
from ...model import GeneratedSlide, Point
from ...schema import spec_field


@dataclass(frozen=True, kw_only=True)
class GradientSlide(GeneratedSlide):
    function: Expr = spec_field(expression, required=True)
    variables: tuple[sympy.Symbol, ...] = spec_field(list_of(variable_name))  # given, or the function's own
    name: str = spec_field(function_name, default="f")
    at: Point | None = spec_field(point)
    exercise: bool = spec_field(boolean, default=False)  # pose it as a question first (the answer: ∇f or ∇f(at))
