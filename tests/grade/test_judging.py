"""Equivalence, numbers at the digits given, and the mistakes grading recognises."""
from __future__ import annotations

from decimal import Decimal

import pytest
import sympy

from generator.expr import parse_expression as P, symbol
from generator.grade.compare import agree_at_points, equivalent, match_decimal
from generator.grade.grader import grade_answer
from generator.grade.key import KeyExercise
from generator.grade.mistakes import derivative_mistakes

x, y = symbol("x"), symbol("y")


@pytest.mark.parametrize("a, b", [
    ("6*sin(2*x)**2*cos(2*x)", "3*sin(2*x)*sin(4*x)"),
    ("2*x", "(2*x**2 - 2*x)/(x - 1)"),  # differs only where the right side is undefined
    ("1/cos(x)**2", "1 + tan(x)**2"),
    ("exp(2*log(x))", "x**2"),
])
def test_equivalent_forms_are_proved_equal(a, b):
    result = equivalent(P(a), P(b))
    assert result.holds and result.agrees


@pytest.mark.parametrize("a, b", [
    ("sin(x)", "sin(x) + 10**(-20)*x"),  # equal to 15 digits at every point tried, still different
    ("x**2", "abs(x)**2 + 1"),
    ("6*sin(2*x)**2*cos(2*x)", "3*sin(2*x)**2*cos(2*x)"),
])
def test_different_expressions_are_not_equal(a, b):
    assert not equivalent(P(a), P(b)).holds


@pytest.mark.parametrize("typed, rounds_right, significant, close", [
    ("0.9098", True, 4, True),
    ("0.910", True, 3, True),
    ("0.91", True, 2, True),
    ("0.9097", False, 4, True),
    ("1.5", False, 2, False),
])
def test_decimals_are_judged_at_the_places_typed(typed, rounds_right, significant, close):
    key = sympy.Rational(3, 2) * sympy.exp(-sympy.Rational(1, 2))  # 0.909795…
    match = match_decimal(Decimal(typed), key)
    assert (match.rounds_right, match.significant, match.close) == (rounds_right, significant, close)


def test_a_half_way_key_accepts_both_roundings():
    assert match_decimal(Decimal("0.12"), sympy.Rational(1, 8)).rounds_right
    assert match_decimal(Decimal("0.13"), sympy.Rational(1, 8)).rounds_right


def test_mistakes_of_a_composite_function():
    kinds = {(m.kind, m.value) for m in derivative_mistakes(P("sin(2*x)**3"), x)}
    assert ("chain_rule", P("3*sin(2*x)**2*cos(2*x)")) in kinds  # the inner 2 forgotten
    assert ("chain_rule", P("3*sin(2*x)**2")) in kinds  # the whole inner derivative forgotten
    assert ("wrong_power", P("6*sin(2*x)**3*cos(2*x)")) in kinds
    assert ("sign", P("-6*sin(2*x)**2*cos(2*x)")) in kinds
    right = sympy.diff(P("sin(2*x)**3"), x)
    assert all(agree_at_points(m.value, right) is False for m in derivative_mistakes(P("sin(2*x)**3"), x))


def _exercise(kind="derivative", function="sin(2*x)**3", answer=("6*sin(2*x)**2*cos(2*x)",), symbolic=True,
              variables=(x,), at=(), iterates=()) -> KeyExercise:
    return KeyExercise("e", 1, kind, P(function), variables, symbolic, tuple(P(a) for a in answer),
                       tuple(at), tuple(tuple(p) for p in iterates))


@pytest.mark.parametrize("text, verdict, diagnosis", [
    ("6 sin^2(2x) cos(2x)", "correct", ""),
    ("3*sin(2*x)**2*cos(2*x)*2 + 0*x", "correct", "unsimplified"),
    ("3 sin^2(2x) cos(2x)", "incorrect", "chain_rule"),
    ("-6 sin^2(2x) cos(2x)", "incorrect", "sign"),
    ("6 sin^3(2x) cos(2x)", "incorrect", "wrong_power"),
    ("18 sin^2(2x) cos(2x)", "incorrect", "constant_factor"),
    ("cos(x)", "incorrect", ""),
    ("(1, 2)", "incorrect", "wrong_shape"),
    ("x +", "unreadable", "parse"),
])
def test_verdicts_on_a_derivative(text, verdict, diagnosis):
    result = grade_answer(_exercise(), text, "en")
    assert (result.verdict, result.diagnosis) == (verdict, diagnosis), result.feedback


def test_a_constant_factor_is_named_in_the_feedback():
    assert "3 times" in grade_answer(_exercise(), "18 sin^2(2x) cos(2x)", "en").feedback


def test_verdicts_on_a_descent():
    iterates = [(sympy.Rational(3, 2), 1), (sympy.Rational(6, 5), sympy.Rational(3, 5)),
                (sympy.Rational(24, 25), sympy.Rational(9, 25))]
    exercise = _exercise("descent", "x**2 + 2*y**2", ("24/25", "9/25"), False, (x, y), iterates=iterates)
    cases = {"(0.96; 0.36)": ("correct", ""), "(1.2, 0.6)": ("incorrect", "wrong_step"),
             "(-0.96, -0.36)": ("incorrect", "sign"), "0.96": ("incorrect", "wrong_shape"),
             "(1.0, 0.4)": ("incorrect", "too_few_digits"), "(0.961, 0.36)": ("incorrect", "close"),
             "(24/25, 9/25)": ("correct", "")}
    for text, expected in cases.items():
        result = grade_answer(exercise, text, "en")
        assert (result.verdict, result.diagnosis) == expected, (text, result)


def test_a_missing_chain_factor_is_recognised_at_a_point_too():
    exercise = _exercise(answer=(str(6 * sympy.sin(2) ** 2 * sympy.cos(2)),), symbolic=False, at=(1,))
    wrong = sympy.N(3 * sympy.sin(2) ** 2 * sympy.cos(2), 8)
    assert grade_answer(exercise, str(wrong), "en").diagnosis == "chain_rule"


@pytest.mark.parametrize("function, answer, text, diagnosis", [
    ("x**2*exp(-x/2)", "x*(4 - x)*exp(-x/2)/2", "-x e^(-x/2)", "product_rule"),  # (x²)'·(e^{−x/2})'
    ("sin(x)/x", "(x*cos(x) - sin(x))/x**2", "cos(x)", "quotient_rule"),  # (sin x)'/(x)'
])
def test_a_product_or_quotient_differentiated_factor_by_factor(function, answer, text, diagnosis):
    result = grade_answer(_exercise(function=function, answer=(answer,)), text, "en")
    assert (result.verdict, result.diagnosis) == ("incorrect", diagnosis)
    assert "u'v" in result.feedback
