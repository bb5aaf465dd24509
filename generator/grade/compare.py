"""Comparing a student's value with the key: symbolic equivalence (sound) and numbers at the digits given.

Two expressions are equivalent only when ``simplify(a − b)`` is zero (within a time limit, in the
bounded worker) *and* they agree at random points where both are defined — so forms that differ
only where the expressions are undefined count as equal, and a simplification bug cannot pass a
wrong answer.  A decimal is right when the key rounded to the same decimal places equals it.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

import sympy
from sympy import Expr

from ..agreement import agree_at_points
from ..bounded import OutOfTime, call, is_zero

MAX_SIMPLIFY_OPS = 400  # larger differences are not simplified at all
CLOSE = sympy.Rational(1, 100)  # relative distance that counts as "numerically close"
DIGITS = 40  # working precision of numeric comparisons


@dataclass(frozen=True)
class Equivalence:
    holds: bool  # proved equal (and agreeing at random points)
    agrees: bool  # agrees at the random points (possibly without a proof)
    note: str = ""  # why there is no proof, when it agrees without one


def equivalent(a: Expr, b: Expr) -> Equivalence:
    """Sound equivalence of two expressions (see the module's docstring)."""
    difference = a - b
    if difference == 0:
        return Equivalence(True, True)
    agrees = agree_at_points(a, b)
    if agrees is False:
        return Equivalence(False, False)
    if sympy.count_ops(difference) > MAX_SIMPLIFY_OPS:
        return Equivalence(False, bool(agrees), "too large to simplify")
    try:
        proved = is_zero(difference) or call(_zero_through_exponentials, difference)
    except OutOfTime:
        return Equivalence(False, bool(agrees), "could not simplify in time")
    if proved:
        return Equivalence(True, True)
    return Equivalence(False, bool(agrees), "simplify could not prove it" if agrees else "")


def _zero_through_exponentials(difference: Expr) -> bool:
    """A second try for trigonometric identities simplify misses: everything as exponentials."""
    return bool(sympy.simplify(sympy.expand_trig(difference).rewrite(sympy.exp)) == 0)


def equal_numbers(a: Expr, b: Expr) -> bool:
    """Two constants equal: exactly for rationals, else to ``DIGITS`` digits (no simplify, which can hang)."""
    if a.is_Rational and b.is_Rational:
        return a == b
    value = sympy.N(a - b, DIGITS)
    if not value.is_Number:
        return False
    scale = max(1, abs(sympy.N(a, DIGITS)), abs(sympy.N(b, DIGITS)))
    return bool(abs(value) <= sympy.Float(10) ** (10 - DIGITS) * scale)


@dataclass(frozen=True)
class NumberMatch:
    """How a typed decimal relates to the key's value."""

    rounds_right: bool  # the key rounded to the places typed gives the typed number
    significant: int  # significant digits typed
    close: bool  # within 1 % of the key


def match_decimal(typed: Decimal, key: Expr) -> NumberMatch:
    exponent = typed.as_tuple().exponent
    assert isinstance(exponent, int)  # (a typed decimal is finite: no NaN or infinity)
    places = max(0, -exponent)
    exact = Decimal(str(sympy.N(key, DIGITS)))
    quantum = Decimal(1).scaleb(-places)
    rounded = {exact.quantize(quantum, rounding=mode) for mode in (ROUND_HALF_EVEN, ROUND_HALF_UP)}
    close = relatively_close(sympy.Rational(str(typed)), key)
    return NumberMatch(typed in rounded, _significant_digits(typed), close)


def relatively_close(value: Expr, key: Expr) -> bool:
    """Within ``CLOSE`` of the key, relative to its size: "numerically close"."""
    difference, size = sympy.N(abs(value - key), DIGITS), sympy.N(abs(key), DIGITS)
    return bool(difference <= CLOSE * max(size, sympy.Float("1e-12")))


def _significant_digits(typed: Decimal) -> int:
    """Digits from the first non-zero one: 0.0960 → 3, 12.10 → 4, 0.0 → 1."""
    digits = typed.as_tuple().digits
    stripped = list(digits)
    while len(stripped) > 1 and stripped[0] == 0:
        stripped.pop(0)
    return len(stripped)
