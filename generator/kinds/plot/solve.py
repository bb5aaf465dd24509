"""Solver for ``plot`` slides: the functions, the names their formulas are printed with, the tangent line."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import sympy
from sympy import Expr
from sympy.printing.latex import greek_letters_set

from ...expr import is_valid_name
from ...solve.calculus import diff
from ...solve.steps import agrees
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
class FormulaName:
    """The name a plotted function's formula is printed with: ``σ(x) = …``, ``σ'(x) = …`` or ``f_1(x) = …``."""

    name: str  # a function name of the expression grammar: sigma, g, f_1
    primed: bool = False  # the derivative of the function ``name`` (given by an earlier label)
    from_label: bool = False  # the label gave it (σ(x) = … then says what the label says: no "σ(x):" before it)


@dataclass(frozen=True)
class PlotSolution:
    slide: PlotSlide
    functions: tuple[Expr, ...]
    tangent: Tangent | None
    names: tuple[FormulaName, ...] = ()  # one per function


# a label that calls a function of the plot's variable: σ(x), g(x), σ′(x), sigma'(t)
_LABEL_CALL = re.compile(r"\s*(?P<name>[^\W\d_]\w*?)\s*(?P<prime>['′’]?)\s*\(\s*(?P<variable>\w+)\s*\)\s*")
_GREEK_SPELLING = {"lamda": "lambda"}  # Unicode's spelling → SymPy's


def label_name(label: str, variable: sympy.Symbol) -> tuple[str, bool] | None:
    """(name, primed) when ``label`` calls a free function name on the plot's variable (``σ′(x)`` → sigma, True);
    None for any other label (``cubic``, ``sin x``: a known function is not a name to define)."""
    match = _LABEL_CALL.fullmatch(label)
    if match is None or match["variable"] != variable.name:
        return None
    name = match["name"]
    if len(name) == 1 and not name.isascii():
        name = _greek_name(name) or ""
    if not is_valid_name(name) or name == variable.name:
        return None
    return name, bool(match["prime"])


def _greek_name(letter: str) -> str | None:
    """``sigma`` for σ, ``Phi`` for Φ; None for any other letter."""
    words = unicodedata.name(letter, "").split()
    if len(words) != 4 or words[:3] not in (["GREEK", "SMALL", "LETTER"], ["GREEK", "CAPITAL", "LETTER"]):
        return None
    name = _GREEK_SPELLING.get(words[3].lower(), words[3].lower())
    if name not in greek_letters_set:
        return None
    return name if words[1] == "SMALL" else name.capitalize()


def formula_names(slide: PlotSlide, functions: tuple[Expr, ...]) -> tuple[FormulaName, ...]:
    """The names of the formulas: each label's own function name where it gives one that is new on the slide
    (a primed one only when its function is the derivative of the function with that name), else f or f_k."""
    fallback = ("f",) if len(functions) == 1 else tuple(f"f_{index + 1}" for index in range(len(functions)))
    named: dict[str, Expr] = {}
    taken = {s.name for f in functions for s in f.free_symbols}
    names = []
    for index, (label, function) in enumerate(zip(slide.labels, functions)):
        found = label_name(label, slide.variable)
        chosen = FormulaName(fallback[index])
        if found is not None and found[0] not in taken:
            name, primed = found
            if not primed and name not in named and name not in fallback:
                named[name], chosen = function, FormulaName(name, from_label=True)
            elif primed and name in named and agrees(function, diff(named[name], slide.variable)):
                chosen = FormulaName(name, primed=True, from_label=True)
        names.append(chosen)
    return tuple(names)


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
    return PlotSolution(slide, slide.functions, tangent, formula_names(slide, slide.functions))


def computed_values(solution: PlotSolution):
    """Every value the slide prints, for the answer file: (what, value)."""
    if solution.tangent is not None:
        yield "tangent value", solution.tangent.value
        yield "tangent slope", solution.tangent.slope
        yield "tangent line", solution.tangent.line


def figures(solution: PlotSolution) -> dict:
    return {"plot": ("plot.draw_plot", solution)}
