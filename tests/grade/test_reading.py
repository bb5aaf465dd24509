"""Reading students' answers: calculator style, LaTeX, points, decimal commas — and refusing everything else."""
from __future__ import annotations

from decimal import Decimal

import pytest
import sympy

from generator.expr import parse_expression
from generator.grade.reading import Unreadable, read_answer

X = ("x",)
XY = ("x", "y")


def value(text: str, variables=X, lang: str = "en") -> sympy.Expr:
    (item,) = read_answer(text, lang, variables).items
    return item.value


@pytest.mark.parametrize("text, expected", [
    ("6*x^2*arctg(x^3)/(1+x^6)", "6*x**2*atan(x**3)/(1 + x**6)"),
    ("2x/cos(x^2)^2", "2*x/cos(x**2)**2"),
    ("sin^2(2x) cos 2x", "sin(2*x)**2*cos(2*x)"),
    ("3 sin(2x) sin(4x)", "3*sin(2*x)*sin(4*x)"),
    ("ln x + tg(x)", "log(x) + tan(x)"),
    ("e^(-x/2)", "exp(-x/2)"),
    ("y' = 2x", "2*x"),
    ("f'(x) = 2·x − 1", "2*x - 1"),
    ("sinx*cos2x", "sin(x)*cos(2*x)"),
    (r"\frac{6x^2\arctan x^3}{1+x^6}", "6*x**2*atan(x**3)/(1 + x**6)"),
    (r"6\sin^{2}(2x)\cos 2x", "6*sin(2*x)**2*cos(2*x)"),
    (r"y' = \left(x^{2}\right)' = 2 x", "2*x"),
])
def test_expressions(text, expected):
    assert value(text) == parse_expression(expected)


def test_two_letters_written_together_are_a_product_of_the_variables():
    assert value("2xy + y^2", XY) == parse_expression("2*x*y + y**2")


@pytest.mark.parametrize("text, lang, expected", [
    ("(1.22, 5.279)", "en", ["1.22", "5.279"]),
    ("[8; 12.1]", "en", ["8", "12.1"]),
    ("8, 12.1", "en", ["8", "12.1"]),
    ("1,22; 5,279", "ru", ["1.22", "5.279"]),
    ("(0,96; 0,36)", "ru", ["0.96", "0.36"]),
    ("(4, 9)", "ru", ["4", "9"]),
    (r"\left(0{,}96; 0{,}36\right)", "ru", ["0.96", "0.36"]),
    ("(x_2; y_2) = (-1,5; 2)", "ru", ["-1.5", "2"]),
])
def test_points(text, lang, expected):
    reading = read_answer(text, lang, ())
    assert [item.decimal for item in reading.items] == [Decimal(e) for e in expected]
    assert reading.values == tuple(sympy.Rational(e) for e in expected)


def test_a_decimal_comma_is_one_number_in_a_russian_answer_and_two_in_an_english_one():
    assert len(read_answer("0,91", "ru", ()).items) == 1
    assert len(read_answer("0,91", "en", ()).items) == 2


def test_an_exact_number_keeps_no_typed_digits():
    (item,) = read_answer("3/2*e^(-1/2)", "en", ()).items
    assert item.decimal is None and item.value == sympy.Rational(3, 2) * sympy.exp(-sympy.Rational(1, 2))


def test_brackets_around_a_product_are_not_a_point():
    assert value("(x+1)(x-1)") == parse_expression("(x+1)*(x-1)")


@pytest.mark.parametrize("text, diagnosis, words", [
    ("", "empty", "empty"),
    ("   ", "empty", "empty"),
    ("y' =", "empty", "nothing after"),
    ("__import__('os').system('id')", "parse", "column 1"),
    ("().__class__", "parse", ""),
    ("lambda: 1", "parse", ""),
    ("x; import os", "parse", ""),
    ("open('/etc/passwd').read()", "parse", ""),
    ("abc(", "parse", "unknown function"),
    ("2t", "parse", "unknown name 't'"),
    ("f(x)", "parse", "unknown function"),
    ("9^9^9^9", "too_large", "too large"),
    ("10^10^10", "too_large", "too large"),
    ("x^100000", "too_large", "too large"),
    (r"9^{9^{9^{9}}}", "too_large", "too large"),
    ("x" * 501, "too_long", "longer than 500"),
    ("(" * 200 + "x" + ")" * 200, "parse", "nested"),
    (r"\frac{1}{", "parse", "LaTeX"),
    (r"\input{/etc/passwd}", "parse", "LaTeX"),
])
def test_unreadable_answers(text, diagnosis, words):
    with pytest.raises(Unreadable) as caught:
        read_answer(text, "en", X)
    assert caught.value.diagnosis == diagnosis
    assert words in caught.value.message
