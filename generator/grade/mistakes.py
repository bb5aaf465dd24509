"""Common wrong derivatives of a function, made on purpose.

Grading uses them to say *what* went wrong (a missing inner derivative, a power not lowered) and the
Moodle export to offer them as distractors.  Each mistake differentiates the function correctly
except at one place: at one composition ``g(u)`` the inner derivative ``u'`` is dropped (the chain
rule forgotten there), at one power ``u^n`` the power is not lowered (``n·u^n·u'``), or one product
or quotient is differentiated factor by factor (``(uv)' = u'v'``, ``(u/v)' = u'/v'``).
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Expr

MAX_CANDIDATES = 8


@dataclass(frozen=True)
class Mistake:
    kind: str  # "chain_rule" | "wrong_power" | "product_rule" | "quotient_rule" | "sign"
    value: Expr


def _compositions(function: Expr, variable: sympy.Symbol):
    """Subexpressions ``g(u)`` whose inner ``u`` is not the variable itself: (node, inner, outer derivative)."""
    t = sympy.Dummy("t")
    for node in sympy.preorder_traversal(function):
        if not node.has(variable) or node == variable:
            continue
        if isinstance(node, sympy.Function) and len(node.args) == 1 and node.args[0] != variable:
            inner = node.args[0]
            yield node, inner, sympy.diff(node.func(t), t).subs(t, inner)
        elif isinstance(node, sympy.Pow) and node.exp.is_number and node.base != variable and node.base.has(variable):
            yield node, node.base, node.exp * node.base ** (node.exp - 1)
        elif isinstance(node, sympy.Pow) and not node.base.has(variable) and node.exp != variable:
            yield node, node.exp, node * sympy.log(node.base)


def _with_outer_derivative(function: Expr, variable: sympy.Symbol, node: Expr, replacement: Expr) -> Expr:
    """d/dx of ``function`` where the derivative of ``node`` is taken to be ``replacement``."""
    stand_in = sympy.Function("verideck_node")(variable)
    derivative = sympy.diff(function.xreplace({node: stand_in}), variable)
    derivative = derivative.xreplace({sympy.Derivative(stand_in, variable): replacement})
    return derivative.xreplace({stand_in: node})


def derivative_mistakes(function: Expr, variable: sympy.Symbol) -> tuple[Mistake, ...]:
    """Wrong derivatives of ``function`` by ``variable``: chain factors dropped, powers not lowered, the sign."""
    right = sympy.diff(function, variable)
    mistakes: list[Mistake] = []
    seen = {sympy.simplify(right)}

    def add(kind: str, value: Expr) -> None:
        # simplified to recognise repeats; shown in a milder form (simplify may say √2·cos(x + π/4))
        simple = sympy.simplify(value)
        if simple not in seen and simple != 0 and len(mistakes) < MAX_CANDIDATES:
            seen.add(simple)
            mistakes.append(Mistake(kind, sympy.factor_terms(sympy.together(value))))

    for node, _inner, outer in _compositions(function, variable):
        add("chain_rule", _with_outer_derivative(function, variable, node, outer))
    for node in sympy.preorder_traversal(function):
        if isinstance(node, sympy.Pow) and node.exp.is_number and node.exp not in (0, 1) and node.base.has(variable):
            unlowered = node.exp * node.base ** node.exp * sympy.diff(node.base, variable)
            add("wrong_power", _with_outer_derivative(function, variable, node, unlowered))
    for node in sympy.preorder_traversal(function):
        if isinstance(node, sympy.Mul):
            numerator, denominator = sympy.fraction(node, exact=True)
            if denominator.has(variable) and numerator.has(variable):
                factorwise = sympy.diff(numerator, variable) / sympy.diff(denominator, variable)
                add("quotient_rule", _with_outer_derivative(function, variable, node, factorwise))
            elif denominator == 1:
                constant, varying = node.as_independent(variable, as_Add=False)
                factors = sympy.Mul.make_args(varying)
                if len(factors) > 1:
                    factorwise = constant * sympy.Mul(*(sympy.diff(f, variable) for f in factors))
                    add("product_rule", _with_outer_derivative(function, variable, node, factorwise))
    add("sign", -right)
    return tuple(mistakes)
