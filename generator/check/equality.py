"""Whether two values are equal, and how that was decided.

Rational numbers are compared exactly and other constants at high precision (never with
``simplify``, which can hang); identities in free variables are simplified within a time limit
and cross-checked at random points, or decided at random points alone when the difference is
too large or too slow to simplify.  The ``Agreement`` carries that qualification into the
claim's message.  Kept apart from ``claims`` because deciding equality is numerical work with
its own tolerances, whatever relation or statement asked for it.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

import sympy
from sympy import Expr

from ..bounded import OutOfTime, is_zero

RANDOM_POINTS = 6
TOLERANCE = 1e-9
SIMPLIFY_OPS = 400  # larger differences are checked numerically only
FLOAT_TOLERANCE = sympy.Rational(1, 10**30)  # for values computed with 50-digit floats
PRECISE_DIGITS = 80  # exact irrational constants are compared at this precision


@dataclass(frozen=True)
class Agreement:
    """Whether two sides are equal, and how that was decided when not by exact means."""

    holds: bool
    note: str = ""

    def __bool__(self) -> bool:
        return self.holds


PROVEN, DIFFERENT = Agreement(True), Agreement(False)


def equal(a, b) -> Agreement:
    """Entry by entry for tuples and vectors; exactly or at high precision for constants; else as an identity."""
    if isinstance(a, (sympy.Tuple, sympy.MatrixBase)) or isinstance(b, (sympy.Tuple, sympy.MatrixBase)):
        items_a, items_b = entries(a), entries(b)
        if items_a is None or items_b is None or len(items_a) != len(items_b):
            return DIFFERENT
        agreements = [equal(x, y) for x, y in zip(items_a, items_b)]
        notes = sorted({agreement.note for agreement in agreements if agreement.note})
        return Agreement(all(agreements), "; ".join(notes))
    difference = sympy.expand(a - b) if not (a.has(sympy.Derivative) or b.has(sympy.Derivative)) else a - b
    if difference == 0:
        return PROVEN
    if not difference.free_symbols:
        return _equal_numbers(a, b, difference)
    return _equal_functions(a, b, difference)


def _equal_numbers(a: Expr, b: Expr, difference: Expr) -> Agreement:
    """Two constants: exact when rational; otherwise decided at high precision (no simplify, which can hang)."""
    if difference.is_Rational:
        return Agreement(difference == 0)
    digits = 40 if (a.has(sympy.Float) or b.has(sympy.Float)) else PRECISE_DIGITS
    value = sympy.N(difference, digits)
    if not value.is_Number:
        return DIFFERENT
    if value == 0:
        return PROVEN
    scale = max(1, abs(sympy.N(a, digits)), abs(sympy.N(b, digits)))
    # values computed with 50-digit floats agree to 30 digits; exact constants to 60 of 80
    tolerance = FLOAT_TOLERANCE if digits == 40 else sympy.Rational(1, 10**(PRECISE_DIGITS - 20))
    return Agreement(bool(abs(value) <= tolerance * scale))


def _equal_functions(a: Expr, b: Expr, difference: Expr) -> Agreement:
    """An identity in free variables: simplify within a time limit, cross-checked at random points."""
    if sympy.count_ops(difference) > SIMPLIFY_OPS:
        note = "too large to simplify"
    else:
        try:
            if is_zero(difference):
                return Agreement(_agrees_at_random_points(a, b) is not False)
            note = ""
        except OutOfTime:
            note = "could not simplify in time"
    agrees = _agrees_at_random_points(a, b) is True
    return Agreement(agrees, f"{note}: checked at {RANDOM_POINTS} random points" if agrees and note else "")


def entries(value):
    """The entries of a tuple or matrix, in order; None for a single value."""
    if isinstance(value, sympy.Tuple):
        return list(value)
    if isinstance(value, sympy.MatrixBase):
        return list(value)
    return None


def _agrees_at_random_points(a: Expr, b: Expr) -> bool | None:
    """True/False from numeric evaluation at random points; None when too few points are defined."""
    if a.has(sympy.Function) and any(isinstance(f, sympy.core.function.AppliedUndef) for f in
                                     (a - b).atoms(sympy.Function)):
        return None
    generator = random.Random(20261123)
    free = sorted((a - b).free_symbols, key=lambda s: s.name)
    checked = 0
    for _ in range(RANDOM_POINTS * 3):
        point = {s: sympy.Rational(generator.randint(11, 190), 100) for s in free}
        agrees = _agrees_at(a, b, point)
        if agrees is False:
            return False
        checked += agrees is True
        if checked >= RANDOM_POINTS:
            break
    if checked < 3:
        return None
    if (a - b).has(sympy.Abs, sympy.sign):  # |x| = x holds for x > 0 only: try negative values too
        for _ in range(RANDOM_POINTS * 2):
            point = {s: sympy.Rational(generator.choice((-1, 1)) * generator.randint(11, 190), 100) for s in free}
            if _agrees_at(a, b, point) is False:
                return False
    return True


def _agrees_at(a: Expr, b: Expr, point: dict) -> bool | None:
    """Whether both sides agree at the point; None where either is undefined or not real."""
    try:
        x, y = complex(sympy.N(a.xreplace(point), 30)), complex(sympy.N(b.xreplace(point), 30))
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if any(map(_bad, (x, y))) or abs(x.imag) > TOLERANCE or abs(y.imag) > TOLERANCE:
        return None
    return abs(x - y) <= TOLERANCE * max(1.0, abs(x), abs(y))


def _bad(value: complex) -> bool:
    return value != value or abs(value) == float("inf")
