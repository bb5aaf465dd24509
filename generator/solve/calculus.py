"""``diff`` for real functions of real variables: the derivative of |u| is sign(u)·u'.

The variables are real, but an inner function such as ∛x or ln(1 − x) is not known to SymPy to be real
(for x < 0 the principal cube root is complex), so ``sympy.diff(Abs(u))`` goes through re(u) and im(u) and
comes out as ``sin²(atan2(0, x)/3) + cos²(atan2(0, x)/3)`` garbage.  A lesson treats u as real wherever the
function is defined; ``diff`` differentiates |u| accordingly.  Without Abs it is ``sympy.diff``.
"""
from __future__ import annotations

import sympy
from sympy import Expr


class _RealAbs(sympy.Function):
    """|u| for real u: its derivative is sign(u)."""

    def fdiff(self, argindex: int = 1) -> Expr:
        return sympy.sign(self.args[0])


def diff(function: Expr, variable: sympy.Symbol) -> Expr:
    """d function / d variable, every sub-expression treated as real where Abs is concerned."""
    if not function.has(sympy.Abs):
        return sympy.diff(function, variable)
    held = function.replace(sympy.Abs, _RealAbs)
    return sympy.diff(held, variable).replace(_RealAbs, sympy.Abs)
