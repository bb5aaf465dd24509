"""Step-by-step differentiation, the way a teacher writes it on the board.

``derive(f, x)`` starts from ``(f)'`` and applies one rule at a time to the first
derivative still unevaluated, recording the rules used: sum, constant factor,
product, quotient, power, square root, exponential, logarithm, trigonometric and
inverse trigonometric table entries, and the chain rule whenever the inner
function is not ``x`` itself.  Products are held unevaluated, so a step reads
``2 \\arctg x^3 \\cdot \\frac{1}{1 + x^6} \\cdot 3x^2`` before it is simplified.  The
engine asserts that its last step equals ``sympy.diff`` (``agrees``: at random points first, a bounded
proof only where too few points are defined).

Given the function as the instructor wrote it (held sums and products, ``converters.expression``), every
row keeps the written order: ``(w^4 - 3w^2 + w)' = (w^4)' - (3w^2)' + (w)'``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy
from sympy import Derivative, Expr

from .. import bounded
from ..agreement import agree_at_points
from .calculus import diff
from .simplify import Vocabulary, teaching_form

RULES = ("constant", "variable", "sum", "constant_factor", "product", "quotient", "power", "square_root",
         "exponential", "logarithm", "trigonometric", "inverse_trigonometric", "hyperbolic", "chain", "simplify")
MAX_STEPS = 40
PROOF_SECONDS = 20.0  # per attempt of proved_zero (the form through cos, as it is, or through exp)


@dataclass(frozen=True)
class DerivationStep:
    expr: Expr  # the whole derivative so far; unevaluated parts are Derivative objects
    rules: tuple[str, ...]  # the rules applied to reach it (empty for the first line)


@dataclass(frozen=True)
class Derivation:
    steps: tuple[DerivationStep, ...]

    @property
    def result(self) -> Expr:
        return self.steps[-1].expr

    @property
    def written_parts(self) -> frozenset[Expr]:
        """The sums and products of the function as it was given: printed as written wherever a row shows them."""
        given = self.steps[0].expr  # (f)'
        return frozenset(node for node in sympy.preorder_traversal(given) if node.is_Add or node.is_Mul)


def _prime(u: Expr, x: sympy.Symbol) -> Expr:
    """u' held unevaluated (1 when u is x itself)."""
    return sympy.Integer(1) if u == x else Derivative(u, x, evaluate=False)


def _times(*factors: Expr) -> Expr:
    """A product held in the order written, without factors equal to 1."""
    kept = [f for f in factors if f != 1]
    if not kept:
        return sympy.Integer(1)
    return kept[0] if len(kept) == 1 else sympy.Mul(*kept, evaluate=False)


def _term_prime(term: Expr, x: sympy.Symbol) -> Expr:
    """A term's part of the sum rule, held: ``(x)'`` for x itself, ``-(3w^2)'`` for a term subtracted."""
    if term.is_Mul and term.args[0].is_Number and term.args[0].is_negative:
        coefficient, *rest = term.args
        magnitude = _times(-coefficient, *rest) if len(rest) > 1 or coefficient != -1 else rest[0]
        return sympy.Mul(-1, Derivative(magnitude, x, evaluate=False), evaluate=False)
    return Derivative(term, x, evaluate=False)


_TRIG: dict[type, Callable[[Expr], Expr]] = {
    sympy.sin: lambda u: sympy.cos(u),
    sympy.cos: lambda u: -sympy.sin(u),
    sympy.tan: lambda u: 1 / sympy.cos(u) ** 2,
    sympy.cot: lambda u: -1 / sympy.sin(u) ** 2,
}
_INVERSE_TRIG: dict[type, Callable[[Expr], Expr]] = {
    sympy.asin: lambda u: 1 / sympy.sqrt(1 - u**2),
    sympy.acos: lambda u: -1 / sympy.sqrt(1 - u**2),
    sympy.atan: lambda u: 1 / (1 + u**2),
    sympy.acot: lambda u: -1 / (1 + u**2),
}
_HYPERBOLIC: dict[type, Callable[[Expr], Expr]] = {
    sympy.sinh: lambda u: sympy.cosh(u),
    sympy.cosh: lambda u: sympy.sinh(u),
    sympy.tanh: lambda u: 1 / sympy.cosh(u) ** 2,
}


def _chain(rule: str, outer: Expr, u: Expr, x: sympy.Symbol) -> tuple[Expr, tuple[str, ...]]:
    rules = (rule,) if u == x else (rule, "chain")
    return _times(outer, _prime(u, x)), rules


def expand_once(f: Expr, x: sympy.Symbol) -> tuple[Expr, tuple[str, ...]]:
    """One rule applied to ``(f)'``: the replacement and the rules used."""
    if not f.has(x):
        return sympy.Integer(0), ("constant",)
    if f == x:
        return sympy.Integer(1), ("variable",)
    if f.is_Add:
        return sympy.Add(*(_term_prime(term, x) for term in f.args), evaluate=False), ("sum",)
    if f.is_Mul:
        return _expand_product(f, x)
    if f.is_Pow:
        return _expand_power(f, x)
    if isinstance(f, sympy.exp):
        return _chain("exponential", f, f.args[0], x)
    if isinstance(f, sympy.log) and len(f.args) == 1:
        return _chain("logarithm", 1 / f.args[0], f.args[0], x)
    for table, rule in ((_TRIG, "trigonometric"), (_INVERSE_TRIG, "inverse_trigonometric"),
                        (_HYPERBOLIC, "hyperbolic")):
        if f.func in table:
            return _chain(rule, table[f.func](f.args[0]), f.args[0], x)
    return diff(f, x), ("trigonometric",) if f.has(sympy.Function) else ("power",)


def _expand_product(f: Expr, x: sympy.Symbol) -> tuple[Expr, tuple[str, ...]]:
    constant, rest = f.as_independent(x, as_Add=False)
    if constant != 1:
        return _times(constant, _prime(rest, x)), ("constant_factor",)
    numerator, denominator = sympy.fraction(f, exact=True)  # x²·e^{−x} is a product, not x²/e^{x}
    if denominator.has(x) and numerator != 1:
        top = sympy.Add(_times(_prime(numerator, x), denominator),
                        -_times(numerator, _prime(denominator, x)), evaluate=False)
        return sympy.Mul(top, sympy.Pow(sympy.Pow(denominator, 2, evaluate=False), -1, evaluate=False),
                         evaluate=False), ("quotient",)
    first, *others = f.args if sympy.Mul(*f.args) != f else f.as_ordered_factors()  # a written product: as written
    second = others[0] if len(others) == 1 else sympy.Mul(*others, evaluate=sympy.Mul(*f.args) == f)
    return sympy.Add(_times(_prime(first, x), second), _times(first, _prime(second, x)), evaluate=False), \
        ("product",)


def _expand_power(f: Expr, x: sympy.Symbol) -> tuple[Expr, tuple[str, ...]]:
    base, exponent = f.as_base_exp()
    if not exponent.has(x):
        if exponent == sympy.Rational(1, 2):
            return _chain("square_root", 1 / (2 * sympy.sqrt(base)), base, x)
        if exponent == -1 and base.has(x):
            return _chain("power", -1 / base**2, base, x)
        return _chain("power", _times(exponent, sympy.Pow(base, exponent - 1)), base, x)
    if not base.has(x):
        outer = f if base == sympy.E else _times(f, sympy.log(base))
        return _chain("exponential", outer, exponent, x)
    return diff(f, x), ("power", "exponential")  # x^x and the like: straight from the table


def _first_derivative(expr: Expr) -> Derivative | None:
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, Derivative):
            return node
    return None


def _replace_held(expr: Expr, target: Expr, replacement: Expr) -> Expr:
    """``expr`` with ``target`` replaced, every node rebuilt unevaluated (the working stays visible)."""
    if expr == target:
        return replacement
    if not expr.args or not expr.has(target):
        return expr
    args = [_replace_held(arg, target, replacement) for arg in expr.args]
    if isinstance(expr, Derivative):
        return expr
    if expr.is_Add:
        args = [arg for arg in args if arg != 0] or [sympy.Integer(0)]  # (1)' = 0 leaves the sum
        return args[0] if len(args) == 1 else sympy.Add(*args, evaluate=False)
    if expr.is_Mul and any(arg == 0 for arg in args):
        return sympy.Integer(0)
    return expr.func(*args, evaluate=False)


_HYPERBOLIC_FUNCTIONS = (sympy.sinh, sympy.cosh, sympy.tanh, sympy.coth, sympy.sech, sympy.csch)


def proved_zero(difference: Expr) -> bool:
    """``difference`` simplifies to 0 — also with tan and cot written through cos: ``simplify`` alone misses
    2/cos²(2x + 1) − (2 tg²(2x + 1) + 2) when the argument has a constant term — and, with hyperbolic
    functions, written through exp (``simplify`` misses 3 th²(3w − 1) − 3 + 3/ch²(3w − 1)).

    With tan or cot, ``bounded.is_zero`` tries the form through sin and cos first (also with the arguments as
    free symbols), then this one through cos: ``simplify`` of
    u'/cos²u − u'(tan²u + 1) itself takes over a minute for u = 5x² + 2x − 4, through cos a fraction of a
    second.  Each attempt is bounded.
    """
    if difference == 0:
        return True
    through_cos = difference.rewrite(sympy.cos)
    forms = [difference, through_cos]  # (bounded.is_zero tries tg u as sin u / cos u itself, first)
    if difference.has(*_HYPERBOLIC_FUNCTIONS):  # 3 tanh²(3w − 1) − 3 + 3/cosh²(3w − 1): only through exp
        forms.insert(0, difference.rewrite(sympy.exp))
    for form in forms:
        try:
            if bounded.is_zero(form, seconds=PROOF_SECONDS):
                return True
        except bounded.OutOfTime:
            continue
    return False


def agrees(candidate: Expr, exact: Expr) -> bool:
    """Whether ``candidate`` is ``exact`` as a function: by their numbers at random points (``agreement``),
    and by a bounded proof (``proved_zero``) only where too few points are defined.

    A self-check of the generator: two different closed forms disagree at almost every point, so the numbers
    decide in milliseconds what ``simplify`` may not prove within minutes (1/cos²u against 1 + tg²u for a
    long u); the printed result is verified by the independent checker anyway.
    """
    if candidate == exact:
        return True
    numbers = agree_at_points(candidate, exact)
    return numbers if numbers is not None else proved_zero(candidate - exact)


def derive(function: Expr, x: sympy.Symbol, final: Expr | None = None) -> Derivation:
    """Every step from ``(f)'`` to the derivative; ``final`` is the form to end with (default: simplified)."""
    current = _prime(function, x)
    steps = [DerivationStep(current, ())]
    while (node := _first_derivative(current)) is not None:
        if len(steps) > MAX_STEPS:
            raise AssertionError(f"derivation of {function} does not end")
        replacement, rules = expand_once(node.expr, x)
        current = _replace_held(current, node, replacement)
        steps.append(DerivationStep(current, rules))
    exact = diff(function, x)
    if not agrees(current.doit(), exact):  # the engine never prints an unchecked result
        raise AssertionError(f"step-by-step derivative of {function} came out as {current}, not {exact}")
    worked = current.doit()
    end = final if final is not None else teaching_form(worked, Vocabulary(function, worked))
    if not agrees(end, exact):
        raise AssertionError(f"final form {end} of the derivative of {function} is not {exact}")
    if sympy.srepr(end) != sympy.srepr(current):
        steps.append(DerivationStep(end, ("simplify",)))
    return Derivation(tuple(steps))
