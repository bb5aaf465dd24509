"""Step-by-step differentiation: every step is an equality, each names its rule, the end is f'."""
from __future__ import annotations

import pytest
import sympy
from sympy import Rational, atan, cos, exp, log, sin, sqrt, tan

from generator.expr import parse_expression, symbol
from generator.solve.steps import derive

x = symbol("x")

# function text → (hand-verified derivative, rules that must appear in the derivation)
CASES = {
    "7": (sympy.Integer(0), {"constant"}),
    "x^5": (5 * x**4, {"power"}),
    "3^x": (3**x * log(3), {"exponential"}),
    "e^x": (exp(x), {"exponential"}),
    "ln(x)": (1 / x, {"logarithm"}),
    "log(x, 3)": (1 / (x * log(3)), {"constant_factor", "logarithm"}),
    "sin(x)": (cos(x), {"trigonometric"}),
    "cos(x)": (-sin(x), {"trigonometric"}),
    "tg(x)": (1 / cos(x) ** 2, {"trigonometric"}),
    "sqrt(x)": (1 / (2 * sqrt(x)), {"square_root"}),
    "tg(x^2)": (2 * x / cos(x**2) ** 2, {"trigonometric", "chain", "power"}),
    "arctg(x^3)^2": (6 * x**2 * atan(x**3) / (1 + x**6), {"power", "chain", "inverse_trigonometric"}),
    "ln(cos(sin(sqrt(x)))^2)": (-tan(sin(sqrt(x))) * cos(sqrt(x)) / sqrt(x),
                                {"logarithm", "power", "trigonometric", "square_root", "chain"}),
    "1/(1 + exp(-x))": (exp(-x) / (1 + exp(-x)) ** 2, {"power", "chain", "sum", "exponential"}),
    "x^2*sin(x)": (2 * x * sin(x) + x**2 * cos(x), {"product", "power", "trigonometric"}),
    "sin(x)/x": ((x * cos(x) - sin(x)) / x**2, {"quotient", "trigonometric"}),
    "ln(x)/(1 + x^2)": ((1 + x**2 - 2 * x**2 * log(x)) / (x * (1 + x**2) ** 2), {"quotient", "logarithm"}),
    "exp(x)*arctg(x)": (exp(x) * atan(x) + exp(x) / (1 + x**2), {"product", "exponential", "inverse_trigonometric"}),
    "3*x^2 + 2*x - 5": (6 * x + 2, {"sum", "constant_factor", "power", "constant"}),
    "sqrt(1 - x^2)": (-x / sqrt(1 - x**2), {"square_root", "chain"}),
}


@pytest.mark.parametrize("text", CASES)
def test_derivation_ends_at_the_hand_verified_derivative(text):
    expected, rules = CASES[text]
    derivation = derive(parse_expression(text), x)
    assert sympy.simplify(derivation.result - expected) == 0
    used = {rule for step in derivation.steps for rule in step.rules}
    assert rules <= used, used


@pytest.mark.parametrize("text", CASES)
def test_every_step_equals_the_derivative(text):
    expected, _ = CASES[text]
    derivation = derive(parse_expression(text), x)
    assert derivation.steps[0].rules == ()  # the first line is (f)' itself
    for step in derivation.steps:
        difference = step.expr.doit() - expected
        point = {x: Rational(7, 10)}
        assert abs(sympy.N(difference.xreplace(point))) < 1e-20, step.expr


def test_the_chain_rule_is_written_with_its_inner_derivative():
    derivation = derive(parse_expression("arctg(x^3)^2"), x)
    second = derivation.steps[1].expr
    assert second.has(sympy.Derivative(atan(x**3), x))
    assert derivation.steps[1].rules == ("power", "chain")


def test_a_given_final_form_must_be_the_derivative():
    with pytest.raises(AssertionError, match="is not"):
        derive(parse_expression("x^2"), x, final=3 * x)


def test_proved_zero_proves_hyperbolic_identities():
    # −3/ch²(3x − 1) − (3 th²(3x − 1) − 3) = 0: simplify alone misses it, the form through exp does not
    from generator.solve.steps import proved_zero
    u = 3 * x - 1
    assert proved_zero(-3 / sympy.cosh(u) ** 2 - (3 * sympy.tanh(u) ** 2 - 3))
    assert not proved_zero(-3 / sympy.cosh(u) ** 2 - (3 * sympy.tanh(u) ** 2 - 2))


def test_derivation_of_abs_of_a_root_is_sign_times_the_inner_derivative():
    # (|∛x|)' = sign(∛x)/(3 x^(2/3)); sympy.diff of Abs(∛x) went through atan2(0, x)
    derivation = derive(parse_expression("abs(x^(1/3))"), x)
    assert not derivation.result.has(sympy.atan2)
    assert sympy.simplify(derivation.result - sympy.sign(x ** Rational(1, 3)) / (3 * x ** Rational(2, 3))) == 0
