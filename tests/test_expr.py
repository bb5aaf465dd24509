"""The whitelisting expression parser: what it accepts, what it refuses, and where."""
from __future__ import annotations

import pytest
import sympy
from sympy import Rational, exp, log, sqrt

from generator.errors import ExprError
from generator.expr import parse_expression, symbol

x, y, w_0 = symbol("x"), symbol("y"), symbol("w_0")


@pytest.mark.parametrize("text, expected", [
    ("x**2 + x*y + y**2", x**2 + x * y + y**2),
    ("x^2", x**2),
    ("2x", 2 * x),
    ("2(x + 1)", 2 * (x + 1)),
    ("x y", x * y),
    ("(x + 1)(x - 1)", (x + 1) * (x - 1)),
    ("-x^2", -(x**2)),
    ("2^3^2", sympy.Integer(512)),
    ("1.3", Rational(13, 10)),
    ("1e-3", Rational(1, 1000)),
    (".5x", x / 2),
    ("tg(x^2)", sympy.tan(x**2)),
    ("ctg(x)", sympy.cot(x)),
    ("arctg(x^3)^2", sympy.atan(x**3) ** 2),
    ("arcctg(x)", sympy.acot(x)),
    ("ln(x)", log(x)),
    ("log(x, 2)", log(x, 2)),
    ("sqrt(x)", sqrt(x)),
    ("exp(-x)", exp(-x)),
    ("e^x", exp(x)),
    ("sigmoid(x)", 1 / (1 + exp(-x))),
    ("w_0 - 0.1*2*w_0", Rational(4, 5) * w_0),
    ("pi/4", sympy.pi / 4),
])
def test_accepts_what_teachers_write(text, expected):
    assert parse_expression(text) == expected


def test_decimals_are_exact_rationals():
    value = parse_expression("2*1.3 + 5.4")
    assert value == Rational(8) and isinstance(value, sympy.Integer)


@pytest.mark.parametrize("text, column, message", [
    ("__import__('os').system('id')", 1, "names cannot start with '_'"),
    ("x.real", 2, "attribute access"),
    ("'x'", 1, "strings are not allowed"),
    ("x[0]", 2, "use round brackets"),
    ("lambda: 1", 7, "unexpected character ':'"),
    ("foo(x)", 1, "unknown function 'foo'"),
    ("sinn(x)", 1, "did you mean sin?"),
    ("sin", 1, "sin is a function"),
    ("x +", 4, "found the end of the expression"),
    ("(x + 1", 7, "expected ')'"),
    ("1/0", 2, "division by zero"),
    ("9**9**9**9", 5, "too large"),
    ("x ** 100000", 3, "exponent is too large"),
    ("х + 1", 1, "U+0445"),  # Cyrillic х
    ("", 1, "empty"),
    ("log(x, 2, 3)", 1, "takes 1 or 2 argument(s), got 3"),
])
def test_refuses_with_a_column(text, column, message):
    with pytest.raises(ExprError) as caught:
        parse_expression(text)
    assert caught.value.column == column
    assert message in caught.value.message


def test_nesting_and_length_are_bounded():
    with pytest.raises(ExprError, match="nested more than"):
        parse_expression("(" * 200 + "x" + ")" * 200)
    with pytest.raises(ExprError, match="longer than"):
        parse_expression("x+" * 2000 + "x")


def test_keep_order_holds_the_written_order():
    sigma = sympy.Function("sigma")
    form = parse_expression("sigma(x)*(1 - sigma(x))", named_functions=("sigma",), keep_order=True)
    assert form.args[0] == sigma(x)
    assert sympy.simplify(form.doit() - sigma(x) * (1 - sigma(x))) == 0


def test_symbols_are_shared_within_one_parse_context():
    names: dict = {}
    first = parse_expression("x + y", names)
    second = parse_expression("x", names)
    assert second in first.free_symbols


def test_a_written_sum_is_one_flat_sum_in_the_written_order():
    written = parse_expression("w^4 - 3*w^2 + w - 2", keep_order=True)
    w = next(iter(written.free_symbols))
    assert written.is_Add and len(written.args) == 4
    assert written.args[0] == w**4 and written.args[2] == w and written.args[3] == -2
    assert written.args[1].args[0] == -1  # - 3w^2 as written: minus (3 w^2)
    assert sympy.expand(written - (w**4 - 3 * w**2 + w - 2)) == 0


def test_a_written_reciprocal_is_not_a_product_with_one():
    written = parse_expression("1/(1 + x)", keep_order=True)
    assert written.is_Pow and written.exp == -1
