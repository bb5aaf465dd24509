"""Derivatives as a calculus lesson takes them: of real functions of real variables.

SymPy differentiates ``Abs(u)`` through the real and imaginary parts of u whenever it cannot tell that
u is real (``x^{1/3}``, ``\\ln(1 - x)``), which yields ``atan2(0, x)`` terms no slide prints and no
simplification relates to ``\\operatorname{sign}(u) \\, u'``.  Here |u| is differentiated as a real
function: ``sign(u) · u'``.  (The checker's own copy of this rule: it never imports the generator's.)
"""
from __future__ import annotations

import sympy


class _RealAbs(sympy.Function):
    """|u| of a real u, differentiated as sign(u) · u'."""

    def fdiff(self, argindex=1):
        return sympy.sign(self.args[0])


def derivative(expr, *variables):
    """``sympy.diff(expr, *variables)`` with every |u| differentiated as a real function."""
    if not isinstance(expr, sympy.Basic) or not expr.has(sympy.Abs):
        return sympy.diff(expr, *variables)
    held = expr.replace(sympy.Abs, _RealAbs)
    return sympy.diff(held, *variables).replace(_RealAbs, sympy.Abs)
