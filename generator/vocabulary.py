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
