"""A ``derivative`` slide: f'(x) of one function, derived rule by rule, optionally at a point."""
from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Expr

from ...converters import boolean, expression, function_name, list_of, number, raw, variable_name
from ...model import GeneratedSlide
from ...schema import spec_field


@dataclass(frozen=True, kw_only=True)
class DerivativeSlide(GeneratedSlide):
    function: Expr = spec_field(expression, required=True)
    variable: sympy.Symbol = spec_field(variable_name)  # given, or the function's only variable
    name: str = spec_field(function_name, default="f")  # how the function is called on the slide: f, y, sigma
    at: Expr | None = spec_field(number)
    forms: tuple[Expr, ...] = spec_field(list_of(raw), default=())  # equivalent forms of f', verified equal
    show_steps: bool = spec_field(boolean, default=True)  # print the derivation rule by rule
    exercise: bool = spec_field(boolean, default=False)  # pose it as a question first (the answer: f' or f'(at))
