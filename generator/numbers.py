"""Exact numbers: YAML decimals as Rationals, rounding, and the "exact or ≈" decision.

A value prints exactly when it is a rational whose decimal expansion terminates
within ``exact_digits`` significant digits (1.22, 5.279, 35.796621).  Every
other value prints rounded to ``precision`` significant digits and marked as
approximate (``\\approx``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_EVEN, Context, Decimal, localcontext

import sympy
from sympy import Expr, Rational

from .expr import number_problem

DECIMAL_TEXT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
WORKING_DIGITS = 60  # digits used to evaluate irrational values before rounding


def parse_decimal(text: str) -> Rational | None:
    """The exact value of a decimal literal such as ``1.3`` or ``1e-3``; None if it is not one.

    Raises ``ValueError`` for a literal the expression parser would refuse too (``1e999999999`` would
    take minutes and gigabytes to write out exactly)."""
    cleaned = text.strip().replace("_", "")
    if not DECIMAL_TEXT.fullmatch(cleaned):
        return None
    problem = number_problem(text)
    if problem is not None:
        raise ValueError(problem)
    return Rational(cleaned)


def terminating_digits(value: Rational) -> int | None:
    """Significant digits of the exact decimal expansion, or None if it does not terminate."""
    q = int(value.q)
    for prime in (2, 5):
        while q % prime == 0:
            q //= prime
    if q != 1:
        return None
    decimal = rational_to_decimal(value)
    return len(decimal.normalize().as_tuple().digits) if value else 1


def rational_to_decimal(value: Rational) -> Decimal:
    """Exact Decimal of a terminating rational (caller checks that it terminates)."""
    with localcontext(Context(prec=10_000)):
        return Decimal(int(value.p)) / Decimal(int(value.q))


@dataclass(frozen=True)
class Shown:
    """How one value is shown: exactly as a decimal, exactly in closed form, or rounded.

    ``decimal`` is the text of the digits (no locale), ``approximate`` says whether
    it is rounded (printed after ``\\approx``).  ``exact`` is the closed form to print
    before the rounded value, when there is one worth printing.
    """

    decimal: str
    approximate: bool
    exact: Expr | None


def round_significant(value: Expr, digits: int) -> Decimal:
    """``value`` rounded half-even to ``digits`` significant digits."""
    number = sympy.N(value, WORKING_DIGITS)
    if not number.is_real or not number.is_finite:
        raise ValueError(f"not a finite real number: {value}")
    exact = Decimal(str(number)) if not isinstance(value, sympy.Rational) else _rational_decimal(value)
    if exact == 0:
        return Decimal(0)
    exponent = exact.adjusted() - digits + 1
    with localcontext(Context(prec=WORKING_DIGITS + 10, rounding=ROUND_HALF_EVEN, Emin=MIN_EMIN, Emax=MAX_EMAX)):
        return exact.quantize(Decimal(1).scaleb(exponent))


def _rational_decimal(value: Rational) -> Decimal:
    with localcontext(Context(prec=WORKING_DIGITS + 10)):
        return Decimal(int(value.p)) / Decimal(int(value.q))


def decimal_text(value: Decimal) -> str:
    """Plain positional text of a Decimal: no exponent, no trailing zeros after rounding."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# A rounded value this small or this large prints as m · 10^e: 8.4856 · 10^{-92}, not 0.000…(90 zeros)…
SCIENTIFIC_BELOW = -6  # 10^-7 and smaller (0.0000042 stays positional)
SCIENTIFIC_FROM = 15  # 10^15 and larger


def scientific(text: str) -> tuple[str, int] | None:
    """``("8.4856", -92)`` for the rounded decimal ``text`` when it is to be printed in scientific form."""
    number = Decimal(text)
    if number == 0 or SCIENTIFIC_BELOW <= number.adjusted() < SCIENTIFIC_FROM:
        return None
    return decimal_text(number.scaleb(-number.adjusted())), number.adjusted()


def show(value: Expr, precision: int, exact_digits: int) -> Shown:
    """Decide how ``value`` is printed (see the module docstring)."""
    if isinstance(value, sympy.Rational):
        digits = terminating_digits(value)
        if digits is not None and digits <= exact_digits:
            return Shown(decimal_text(rational_to_decimal(value)), False, None)
        rounded = decimal_text(round_significant(value, precision))
        closed = value if value.q < 10**6 and digits is None else None
        return Shown(rounded, True, closed)
    if isinstance(value, sympy.Float):
        return Shown(decimal_text(round_significant(value, precision)), True, None)
    rounded = decimal_text(round_significant(value, precision))
    return Shown(rounded, True, value)


