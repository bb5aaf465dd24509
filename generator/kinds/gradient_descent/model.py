"""A ``gradient_descent`` slide: a descent method run from a start point, step by step.

``fit``, ``learning_rates`` and ``compare_methods`` are built on the same ``DescentSlide``.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Expr, Rational

from ...converters import (
    boolean,
    choice,
    expression,
    fraction_number,
    function_name,
    integer_between,
    list_of,
    point,
    positive_number,
    variable_name,
)
from ...model import DEFAULTS, METHODS, GeneratedSlide, Method, Point, StopRule
from ...schema import Field, Invalid, Scope, convert_mapping, spec_field
from ...yamltree import Node
from .figure_options import DESCENT_OPTIONS, NO_FIGURE, FigureOptions, figure_options

MAX_STEPS = 1000


def stop_rule(node: Node, scope: Scope) -> StopRule:
    """``stop: {tolerance: 0.001, max_steps: 100}``."""
    return StopRule(**convert_mapping(node, scope, {
        "tolerance": Field(positive_number, required=True),
        "max_steps": Field(integer_between(1, MAX_STEPS), default=100),
    }))


@dataclass(frozen=True, kw_only=True)
class DescentSlide(GeneratedSlide):
    function: Expr = spec_field(expression, required=True)
    variables: tuple[sympy.Symbol, ...] = spec_field(list_of(variable_name))  # given, or the function's own
    name: str = spec_field(function_name, default="f")
    start: Point = spec_field(point, required=True)
    learning_rate: Rational = spec_field(positive_number, required=True)
    steps: int | None = spec_field(integer_between(1, MAX_STEPS))  # a fixed number of steps ...
    stop: StopRule | None = spec_field(stop_rule)  # ... or a stopping rule (exactly one of the two)
    figure: FigureOptions = spec_field(figure_options(*DESCENT_OPTIONS), default=NO_FIGURE)
    method: Method = spec_field(choice(*METHODS), default=Method.GD)
    beta: Rational = spec_field(fraction_number, default=DEFAULTS["beta"])
    beta1: Rational = spec_field(fraction_number, default=DEFAULTS["beta1"])
    beta2: Rational = spec_field(fraction_number, default=DEFAULTS["beta2"])
    eps: Rational = spec_field(positive_number, default=DEFAULTS["eps"])
    exercise: bool = spec_field(boolean, default=False)  # pose it as a question first (the answer: the last point)

    @property
    def step_limit(self) -> int:
        """The steps it runs, or at most runs (with a stopping rule)."""
        if self.steps is not None:
            return self.steps
        assert self.stop is not None  # (exactly one of the two, checked by the spec)
        return self.stop.max_steps

    @property
    def tolerance(self) -> Rational:
        """The stopping rule's tolerance (only for a descent with one)."""
        assert self.stop is not None
        return self.stop.tolerance


def refuse_steps_and_stop(values: dict) -> None:
    if (values["steps"] is None) == (values["stop"] is None):
        raise Invalid("give either 'steps' (a fixed number) or 'stop' (a stopping rule), not both or neither")
