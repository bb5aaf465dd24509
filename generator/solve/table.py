"""The table of elementary derivatives, in the form a lesson prints it.

Each entry is checked against ``sympy.diff`` when it is used, so a wrong table
row can never reach a slide.
"""
from __future__ import annotations

from collections.abc import Callable

import sympy
from sympy import Expr

_TABLE: dict[type, Callable[[Expr], Expr]] = {
    sympy.sin: lambda u: sympy.cos(u),
    sympy.cos: lambda u: -sympy.sin(u),
    sympy.tan: lambda u: 1 / sympy.cos(u) ** 2,
    sympy.cot: lambda u: -1 / sympy.sin(u) ** 2,
    sympy.asin: lambda u: 1 / sympy.sqrt(1 - u**2),
    sympy.acos: lambda u: -1 / sympy.sqrt(1 - u**2),
    sympy.atan: lambda u: 1 / (1 + u**2),
    sympy.acot: lambda u: -1 / (1 + u**2),
    sympy.exp: lambda u: sympy.exp(u),
    sympy.log: lambda u: 1 / u,
    sympy.sinh: lambda u: sympy.cosh(u),
    sympy.cosh: lambda u: sympy.sinh(u),
    sympy.tanh: lambda u: 1 / sympy.cosh(u) ** 2,
}


def table_derivative(outer: Expr, u: sympy.Symbol) -> Expr:
    """d(outer)/du for an elementary ``outer`` in ``u``, written as the table writes it."""
    coefficient, core = outer.as_independent(u, as_Add=False)
    entry = _TABLE.get(core.func) if core.args == (u,) else None
    result = coefficient * entry(u) if entry else sympy.diff(outer, u)
    if sympy.simplify(result - sympy.diff(outer, u)) != 0:  # pragma: no cover - the table is fixed
        raise AssertionError(f"table derivative of {outer} is wrong: {result}")
    return result
