"""Solver for ``derivative`` slides: f'(x), its chain-rule decomposition, f'(a)."""
from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Expr

from ...solve.calculus import diff
from ...solve.problems import MathError, finite_real
from ...solve.simplify import Vocabulary, teaching_form
from ...solve.steps import Derivation, agrees, derive
from ...solve.substitute import shown_substitution
from ...solve.table import table_derivative
from .model import DerivativeSlide

LAYER_NAMES = ("u", "v", "w", "t", "s", "z", "q", "r")


@dataclass(frozen=True)
class Layer:
    """One link of a composition: outer(inner_name), and d outer / d inner_name.

    The outermost layer is the function itself; layer k > 0 is the value named
    by layer k-1's ``inner_name``.
    """

    outer: Expr  # in terms of ``inner_name``
    inner_name: sympy.Symbol  # the next layer's name, or the variable for the innermost
    derivative: Expr  # d outer / d inner_name, in table form
    factor: Expr  # ``derivative`` with every inner layer written out in the variable


@dataclass(frozen=True)
class ChainRule:
    layers: tuple[Layer, ...]  # outermost first

    @property
    def names(self) -> tuple[sympy.Symbol, ...]:
        return tuple(layer.inner_name for layer in self.layers[:-1])


@dataclass(frozen=True)
class ValueAt:
    point: Expr
    substituted: Expr  # f'(x) with x held as the number
    value: Expr  # exact


@dataclass(frozen=True)
class DerivativeSolution:
    slide: DerivativeSlide
    function: Expr
    variable: sympy.Symbol
    derivative: Expr  # teaching form, equal to sympy.diff
    chain: ChainRule | None
    at: ValueAt | None
    forms: tuple[Expr, ...]  # the instructor's forms, verified equal to ``derivative``
    derivation: Derivation | None  # rule by rule, when the slide shows its steps


def split_outer(expr: Expr, x: sympy.Symbol, u: sympy.Symbol) -> tuple[Expr, Expr] | None:
    """Write ``expr`` as outer(inner) with inner ≠ x: (outer in u, inner), or None."""
    coefficient, core = expr.as_independent(x, as_Add=False)
    inner: Expr | None = None
    outer_core: Expr | None = None
    if isinstance(core, sympy.Function) and len(core.args) == 1 and core.args[0] != x:
        inner, outer_core = core.args[0], core.func(u)
    elif core.is_Pow:
        base, exponent = core.as_base_exp()
        if not exponent.has(x) and base != x:
            inner, outer_core = base, u**exponent
        elif not base.has(x) and exponent != x:
            inner, outer_core = exponent, base**u
    if inner is None or not inner.has(x):
        return None
    return coefficient * outer_core, inner


def chain_rule(function: Expr, x: sympy.Symbol, taken: set[str]) -> ChainRule | None:
    """Decompose a composite function into layers; None when it is not a composition."""
    names = [sympy.Symbol(n, real=True) for n in LAYER_NAMES if n not in taken]
    pieces: list[tuple[Expr, Expr]] = []  # (outer in name_k, inner in x)
    current = function
    while len(pieces) < len(names) and (split := split_outer(current, x, names[len(pieces)])):
        pieces.append(split)
        current = split[1]
    if not pieces:
        return None
    layers = []
    for index, (outer, inner_in_x) in enumerate(pieces):
        inner_name = names[index]
        derivative = table_derivative(outer, inner_name)
        layers.append(Layer(outer, inner_name, derivative, derivative.xreplace({inner_name: inner_in_x})))
    innermost = pieces[-1][1]
    innermost_derivative = diff(innermost, x)
    layers.append(Layer(innermost, x, innermost_derivative, innermost_derivative))
    return ChainRule(tuple(layers))


def solve_derivative(slide: DerivativeSlide) -> DerivativeSolution:
    f, x = slide.function, slide.variable
    exact = diff(f, x)
    taken = {s.name for s in f.free_symbols} | {slide.name}
    chain = chain_rule(f, x, taken)
    candidates = sympy.Mul(*(layer.factor for layer in chain.layers)) if chain else exact
    derivative = teaching_form(candidates, Vocabulary(f, candidates))
    if not agrees(derivative, exact):  # the engine never prints an unchecked result
        raise AssertionError(f"derivative of {f} came out as {derivative}, sympy.diff gives {exact}")
    at = _value_at(f, derivative, x, slide.at) if slide.at is not None else None
    derivation = derive(slide.written.of(f), x, final=derivative) if slide.show_steps else None
    return DerivativeSolution(slide, f, x, derivative, chain, at, _checked_forms(slide, exact), derivation)


def _value_at(function: Expr, derivative: Expr, x: sympy.Symbol, point: Expr) -> ValueAt:
    check_differentiable(function, x, point, "at")
    value = sympy.simplify(derivative.xreplace({x: point}))
    if not finite_real(value):
        raise MathError("at", f"the derivative is not defined at {x} = {point}")
    return ValueAt(point, shown_substitution(derivative, [(x, point)]), value)


def check_differentiable(function: Expr, x: sympy.Symbol, point: Expr, key: str) -> None:
    """Refuse points where f is undefined or has a corner (|x| at 0) or a vertical tangent."""
    if not finite_real(sympy.simplify(function.xreplace({x: point}))):
        raise MathError(key, f"the function is not defined at {x} = {point}")
    derivative = diff(function, x)
    corners = [node for node in derivative.atoms(sympy.sign, sympy.Heaviside)
               if sympy.simplify(node.args[0].xreplace({x: point})) == 0]
    if corners:
        raise MathError(key, f"the function has no derivative at {x} = {point} (a corner)")
    if not finite_real(sympy.simplify(derivative.xreplace({x: point}))):
        raise MathError(key, f"the function has no derivative at {x} = {point}")


def _checked_forms(slide: DerivativeSlide, exact: Expr) -> tuple[Expr, ...]:
    named = sympy.Function(slide.name)
    body = sympy.Lambda(slide.variable, slide.function)
    for index, form in enumerate(slide.forms):
        unfolded = form.replace(named, body).doit()
        if not agrees(unfolded, exact):
            raise MathError(f"forms[{index}]", f"this form is not equal to the derivative {exact}")
    return slide.forms


def computed_values(solution: DerivativeSolution):
    """Every value the slide prints, for the answer file: (what, value)."""
    yield "derivative", solution.derivative
    if solution.at is not None:
        yield "derivative at point", solution.at.value
