"""Solver for ``gradient`` slides: every partial derivative, and their values at a point."""
from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Expr

from ...model import Point
from ...solve.calculus import diff
from ...solve.problems import MathError, finite_real
from ...solve.simplify import Vocabulary, teaching_form
from ...solve.substitute import evaluate, shown_substitution
from .model import GradientSlide


@dataclass(frozen=True)
class Partial:
    variable: sympy.Symbol
    expr: Expr  # ∂f/∂variable in teaching form


@dataclass(frozen=True)
class PartialAt:
    variable: sympy.Symbol
    substituted: Expr  # ∂f/∂variable with the point's numbers held
    value: Expr  # exact (or a high-precision Float once the descent left exact arithmetic)


@dataclass(frozen=True)
class GradientSolution:
    slide: GradientSlide
    function: Expr
    partials: tuple[Partial, ...]
    at: Point | None
    values: tuple[PartialAt, ...]  # empty without a point


def partial_derivatives(function: Expr, variables: tuple[sympy.Symbol, ...]) -> tuple[Partial, ...]:
    partials = []
    for variable in variables:
        exact = diff(function, variable)
        form = teaching_form(exact, Vocabulary(function, exact))
        partials.append(Partial(variable, form))
    return tuple(partials)


def partials_at(partials: tuple[Partial, ...], point: Point) -> tuple[PartialAt, ...]:
    return tuple(PartialAt(p.variable, shown_substitution(p.expr, point), evaluate(p.expr, point)) for p in partials)


def solve_gradient(slide: GradientSlide) -> GradientSolution:
    partials = partial_derivatives(slide.function, slide.variables)
    values = partials_at(partials, slide.at) if slide.at is not None else ()
    for value in values:
        if not finite_real(value.value):
            raise MathError("at", f"the partial derivative by {value.variable} is not defined at this point")
    return GradientSolution(slide, slide.function, partials, slide.at, values)


def computed_values(solution: GradientSolution):
    """Every value the slide prints, for the answer file: (what, value)."""
    for partial in solution.partials:
        yield f"partial {partial.variable.name}", partial.expr
    for value in solution.values:
        yield f"partial {value.variable.name} at point", value.value
