"""Whether two expressions agree as functions, by their numbers at random points.

Fast and one-sided: a disagreement at a point where both are defined proves them different; agreement at
``POINTS`` points is strong evidence, not a proof.  Grading pairs it with a bounded proof (``grade.compare``),
the derivation engine uses it as its self-check (``solve.steps.agrees``), Moodle to tell distractors apart.
"""
from __future__ import annotations

import random

import sympy
from sympy import Expr

POINTS = 8  # random points that must agree
TOLERANCE = 1e-9


def agree_at_points(a: Expr, b: Expr, seed: int = 20261123) -> bool | None:
    """Whether ``a`` and ``b`` agree at random points where both are defined and real; None if too few are."""
    free = sorted((a - b).free_symbols | a.free_symbols | b.free_symbols, key=lambda s: s.name)
    generator = random.Random(seed)
    checked = 0
    for _ in range(POINTS * 6):
        point = {s: sympy.Rational(generator.randint(-300, 300), 97) for s in free}
        x, y = _complex(a, point), _complex(b, point)
        if x is None or y is None:
            continue
        if abs(x - y) > TOLERANCE * max(1.0, abs(x), abs(y)):
            return False
        checked += 1
        if checked == POINTS:
            return True
    return True if checked >= 3 else None


def _complex(expr: Expr, point: dict) -> complex | None:
    try:
        value = complex(sympy.N(expr.xreplace(point), 30))
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    if value != value or abs(value) == float("inf") or abs(value.imag) > TOLERANCE:
        return None
    return value
