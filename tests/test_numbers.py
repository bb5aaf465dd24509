"""Exact decimals, rounding to significant digits, and the exact-or-≈ decision."""
from __future__ import annotations

from decimal import Decimal

import pytest
import sympy
from sympy import Rational

from generator.numbers import decimal_text, parse_decimal, round_significant, show, terminating_digits


def test_yaml_decimals_are_exact():
    assert parse_decimal("1.3") == Rational(13, 10)
    assert parse_decimal("1e-3") == Rational(1, 1000)
    assert parse_decimal("fast") is None


@pytest.mark.parametrize("value, digits", [(Rational(122, 100), 3), (Rational(5279, 1000), 4), (Rational(1, 3), None),
                                           (Rational(0), 1), (Rational(-1, 8), 3)])
def test_terminating_digits(value, digits):
    assert terminating_digits(value) == digits


@pytest.mark.parametrize("value, digits, expected", [
    (Rational(5279, 1000), 3, "5.28"),
    (Rational(1, 3), 4, "0.3333"),
    (Rational(2, 3), 4, "0.6667"),
    (sympy.pi, 5, "3.1416"),
    (Rational(-7131, 1000000), 2, "-0.0071"),
    (Rational(1234567), 3, "1230000"),
])
def test_round_significant(value, digits, expected):
    assert decimal_text(round_significant(value, digits)) == expected


def test_round_half_even_on_exact_ties():
    assert round_significant(Rational(125, 100), 2) == Decimal("1.2")


def test_show_exact_short_decimal():
    shown = show(Rational(122, 100), precision=4, exact_digits=8)
    assert (shown.decimal, shown.approximate, shown.exact) == ("1.22", False, None)


def test_show_long_decimal_is_rounded_without_a_closed_form():
    shown = show(5 * Rational(8, 10) ** 20, precision=4, exact_digits=8)
    assert (shown.decimal, shown.approximate, shown.exact) == ("0.05765", True, None)


def test_show_irrational_keeps_its_closed_form():
    value = 2 / sympy.cos(1) ** 2
    shown = show(value, precision=4, exact_digits=8)
    assert (shown.decimal, shown.approximate, shown.exact) == ("6.851", True, value)
