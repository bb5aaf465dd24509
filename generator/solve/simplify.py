"""Choosing the form of a result a teacher would write on the board.

``sympy.simplify`` alone is not that: it turns the sigmoid's derivative into
``1/(4 cosh²(x/2))``.  We keep the form the rules produced (the product of the
chain rule, the sum of a product rule) unless a rewrite is clearly shorter,
and a rewrite may only apply functions the lesson already uses, to arguments
the lesson already uses (``e^{-x}`` stays ``e^{-x}``, never becomes ``e^{x}``).
"""
from __future__ import annotations

import sympy
from sympy import Expr

from .. import bounded

_TRIGONOMETRIC = frozenset({sympy.sin, sympy.cos, sympy.tan, sympy.cot})
CLEARLY_SHORTER = 0.8  # a rewrite must have at most this share of the operations
REWRITE_OPS = 40  # larger results keep the form the rules produced (rewriting them can take minutes)
REWRITE_SECONDS = 10.0  # a safety net for what stays below REWRITE_OPS: never reached by reasonable input


def function_classes(expr: Expr) -> set[type]:
    return {node.func for node in expr.atoms(sympy.Function)}


def _function_arguments(expr: Expr) -> set[Expr]:
    return {argument for node in expr.atoms(sympy.Function) for argument in node.args}


class Vocabulary:
    """The functions and their arguments that a result may use."""

    def __init__(self, *sources: Expr):
        self.functions: set[type] = set()
        self.arguments: set[Expr] = set()
        for source in sources:
            classes = function_classes(source)
            self.functions |= classes
            if classes & _TRIGONOMETRIC:
                self.functions |= _TRIGONOMETRIC  # tg = sin/cos is part of the same table
            self.arguments |= _function_arguments(source)

    def allows(self, expr: Expr) -> bool:
        return all(node.func in self.functions and set(node.args) <= self.arguments
                   for node in expr.atoms(sympy.Function))


def teaching_form(expr: Expr, vocabulary: Vocabulary) -> Expr:
    """``expr``, or a clearly shorter equivalent rewrite within ``vocabulary``."""
    if sympy.count_ops(expr) > REWRITE_OPS:
        return expr
    rewrites = []
    for rewrite in (sympy.factor, sympy.together, sympy.cancel, sympy.simplify):
        try:
            rewrites.append(bounded.call(rewrite, expr, seconds=REWRITE_SECONDS))
        except bounded.OutOfTime:
            continue  # keep the form the rules produced rather than wait
    fitting = [r for r in rewrites if vocabulary.allows(r)]
    if not fitting:
        return expr
    best = min(fitting, key=sympy.count_ops)
    return best if sympy.count_ops(best) <= CLEARLY_SHORTER * sympy.count_ops(expr) else expr
