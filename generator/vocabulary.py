"""The names the expression language knows: its functions (with their arities), and constants.

Everything outside these tables is a variable name or an error (``expr.py``); the tables are the
whole whitelist.  Russian names (``tg``, ``arctg``, ``ctg``) are the same functions as ``tan``,
``atan``, ``cot``.
"""
from __future__ import annotations

import keyword
from collections.abc import Callable
from dataclasses import dataclass

import sympy
from sympy import Expr


def _sigmoid(u: Expr) -> Expr:
    return 1 / (1 + sympy.exp(-u))


class Sigmoid(sympy.Function):
    """σ(u) kept as σ where a lesson wrote ``sigmoid(u)`` (a fit's model): it prints as ``\\sigma\\left(u\\right)``,
    differentiates to σ(u)(1 − σ(u)) and evaluates exactly as 1/(1 + e^{−u}) (``exact_sigmoids``); σ(−3) stays σ(−3)."""

    def fdiff(self, argindex: int = 1) -> Expr:
        return self * (1 - self)

    def _eval_rewrite_as_exp(self, arg: Expr, **kwargs) -> Expr:
        return _sigmoid(arg)

    def _eval_evalf(self, prec: int) -> Expr:
        return _sigmoid(self.args[0])._eval_evalf(prec)

    def _eval_is_real(self) -> bool | None:
        return self.args[0].is_real

    def _eval_is_positive(self) -> bool | None:
        return self.args[0].is_real


def exact_sigmoids(expr: Expr) -> Expr:
    """``expr`` with every σ(u) written out as 1/(1 + e^{−u}): the same expression ``sigmoid(u)`` parses to."""
    return expr.replace(lambda node: isinstance(node, Sigmoid), lambda node: _sigmoid(node.args[0]))


def _log(*args: Expr) -> Expr:
    return sympy.log(args[0]) if len(args) == 1 else sympy.log(args[0], args[1])


@dataclass(frozen=True)
class FunctionRule:
    build: Callable[..., Expr]
    arities: tuple[int, ...] = (1,)


FUNCTIONS: dict[str, FunctionRule] = {
    "sin": FunctionRule(sympy.sin),
    "cos": FunctionRule(sympy.cos),
    "tan": FunctionRule(sympy.tan),
    "tg": FunctionRule(sympy.tan),
    "cot": FunctionRule(sympy.cot),
    "ctg": FunctionRule(sympy.cot),
    "asin": FunctionRule(sympy.asin),
    "arcsin": FunctionRule(sympy.asin),
    "acos": FunctionRule(sympy.acos),
    "arccos": FunctionRule(sympy.acos),
    "atan": FunctionRule(sympy.atan),
    "arctan": FunctionRule(sympy.atan),
    "arctg": FunctionRule(sympy.atan),
    "acot": FunctionRule(sympy.acot),
    "arccot": FunctionRule(sympy.acot),
    "arcctg": FunctionRule(sympy.acot),
    "sinh": FunctionRule(sympy.sinh),
    "cosh": FunctionRule(sympy.cosh),
    "tanh": FunctionRule(sympy.tanh),
    "exp": FunctionRule(sympy.exp),
    "ln": FunctionRule(sympy.log),
    "log": FunctionRule(_log, (1, 2)),
    "sqrt": FunctionRule(sympy.sqrt),
    "abs": FunctionRule(sympy.Abs),
    "sign": FunctionRule(sympy.sign),
    "sigmoid": FunctionRule(_sigmoid),
}

CONSTANTS: dict[str, Expr] = {"e": sympy.E, "E": sympy.E, "pi": sympy.pi}
KEYWORDS = frozenset(keyword.kwlist) - {"lambda"}  # λ is a Greek letter teachers use; `lambda x:` fails at ':'
