"""Solver for ``plot`` slides: the functions, and the tangent line at a point."""
from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Expr

from ...solve.calculus import diff
from ...solve.substitute import held
from ..derivative.solve import check_differentiable
from .model import PlotSlide


@dataclass(frozen=True)
class Tangent:
    point: Expr  # a
    value: Expr  # f(a)
    slope: Expr  # f'(a)
    shown: Expr  # f(a) + f'(a)(x − a) with the numbers held
    line: Expr  # the same line, expanded: slope·x + intercept


@dataclass(frozen=True)
class PlotSolution:
    slide: PlotSlide
    functions: tuple[Expr, ...]
    tangent: Tangent | None


def tangent_line(function: Expr, x: sympy.Symbol, a: Expr) -> Tangent:
    check_differentiable(function, x, a, "tangent_at")
    derivative = diff(function, x)
    value = sympy.simplify(function.xreplace({x: a}))
    slope = sympy.simplify(derivative.xreplace({x: a}))
    line = sympy.expand(value + slope * (x - a))
    shown = sympy.Add(held(value), sympy.Mul(held(slope), sympy.Add(x, -held(a), evaluate=False), evaluate=False),
                      evaluate=False)
    return Tangent(a, value, slope, shown, line)


def solve_plot(slide: PlotSlide) -> PlotSolution:
    tangent = (tangent_line(slide.functions[0], slide.variable, slide.tangent_at)
               if slide.tangent_at is not None else None)
    return PlotSolution(slide, slide.functions, tangent)


def computed_values(solution: PlotSolution):
    """Every value the slide prints, for the answer file: (what, value)."""
    if solution.tangent is not None:
        yield "tangent value", solution.tangent.value
        yield "tangent slope", solution.tangent.slope
        yield "tangent line", solution.tangent.line


def figures(solution: PlotSolution) -> dict:
    return {"plot": ("plot.draw_plot", solution)}
