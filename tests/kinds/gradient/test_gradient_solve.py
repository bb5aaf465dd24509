"""Gradient solver: every partial derivative and its exact value at a point, checked by hand."""
from __future__ import annotations


import pytest
import sympy
from sympy import Rational, exp

from generator.solve import MathError
from solve_helpers import solve_one, symbols_of


def same(a, b) -> bool:
    return sympy.simplify(a - b) == 0


@pytest.fixture
def quadratic(tmp_path):
    return solve_one(tmp_path, """
        - kind: gradient
          function: x**2 + x*y + y**2
          at: {x: 1.3, y: 5.4}
    """)


def test_partials_of_the_quadratic(quadratic):
    x, y = symbols_of(quadratic.function, "x", "y")
    assert [p.variable for p in quadratic.partials] == [x, y]
    df_dx, df_dy = (p.expr for p in quadratic.partials)
    assert same(df_dx, 2 * x + y)
    assert same(df_dy, x + 2 * y)
    assert df_dx == 2 * x + y  # already in the form a student writes
    assert df_dy == x + 2 * y


def test_values_at_the_point_are_exact(quadratic):
    x, y = symbols_of(quadratic.function, "x", "y")
    assert quadratic.at == ((x, Rational(13, 10)), (y, Rational(27, 5)))
    assert [v.variable for v in quadratic.values] == [x, y]
    at_x, at_y = quadratic.values
    # 2·1.3 + 5.4 = 8 and 1.3 + 2·5.4 = 12.1
    assert at_x.value == Rational(8)
    assert at_y.value == Rational(121, 10)
    assert at_x.value.is_Rational and at_y.value.is_Rational
    assert at_x.value != 7 and at_y.value != Rational(127, 10)  # the numbers of the hand-typed seed deck


def test_held_substitution_shows_the_numbers_and_evaluates_to_the_value(quadratic):
    at_x, at_y = quadratic.values
    assert at_x.substituted.free_symbols == set()
    assert at_x.substituted.doit() == Rational(8)
    assert at_y.substituted.doit() == Rational(121, 10)
    numbers_x = {a for a in sympy.preorder_traversal(at_x.substituted) if getattr(a, "is_Rational", False)}
    assert {Rational(13, 10), Rational(27, 5), 2} <= numbers_x  # 2·1.3 + 5.4 is not folded


def test_no_point_no_values(tmp_path):
    solution = solve_one(tmp_path, """
        - kind: gradient
          function: x**2 + x*y + y**2
    """)
    assert solution.at is None
    assert solution.values == ()
    assert len(solution.partials) == 2


def test_three_variables(tmp_path):
    solution = solve_one(tmp_path, """
        - kind: gradient
          function: x*y*z + x**2
          at: {x: 1, y: 2, z: 3}
    """)
    x, y, z = symbols_of(solution.function, "x", "y", "z")
    expected = {x: (y * z + 2 * x, Rational(8)), y: (x * z, Rational(3)), z: (x * y, Rational(2))}
    assert [p.variable for p in solution.partials] == [x, y, z]
    for partial, at in zip(solution.partials, solution.values):
        form, value = expected[partial.variable]
        assert same(partial.expr, form)
        assert at.variable == partial.variable
        assert at.value == value


def test_variables_in_the_order_given(tmp_path):
    solution = solve_one(tmp_path, """
        - kind: gradient
          function: x**2*y
          variables: [y, x]
          at: {x: 3, y: -1}
    """)
    x, y = symbols_of(solution.function, "x", "y")
    assert [p.variable for p in solution.partials] == [y, x]
    assert same(solution.partials[0].expr, x**2)
    assert same(solution.partials[1].expr, 2 * x * y)
    assert [v.value for v in solution.values] == [Rational(9), Rational(-6)]


def test_irrational_point_gives_exact_values(tmp_path):
    # f = x·e^y at (2, ln 3): ∂f/∂x = e^y = 3, ∂f/∂y = x·e^y = 6
    solution = solve_one(tmp_path, """
        - kind: gradient
          function: x*exp(y)
          at: {x: 2, y: ln(3)}
    """)
    x, y = symbols_of(solution.function, "x", "y")
    assert same(solution.partials[0].expr, exp(y))
    assert same(solution.partials[1].expr, x * exp(y))
    values = [v.value for v in solution.values]
    assert values == [Rational(3), Rational(6)]
    assert not any(v.has(sympy.Float) for v in values)


def test_trigonometric_partials(tmp_path):
    # f = sin(x)·cos(y): ∂f/∂x = cos x cos y, ∂f/∂y = −sin x sin y; at (π/3, π/6): (1/2)(√3/2) = √3/4 and −(√3/2)(1/2) = −√3/4
    solution = solve_one(tmp_path, """
        - kind: gradient
          function: sin(x)*cos(y)
          at: {x: pi/3, y: pi/6}
    """)
    x, y = symbols_of(solution.function, "x", "y")
    assert same(solution.partials[0].expr, sympy.cos(x) * sympy.cos(y))
    assert same(solution.partials[1].expr, -sympy.sin(x) * sympy.sin(y))
    assert same(solution.values[0].value, sympy.sqrt(3) / 4)
    assert same(solution.values[1].value, -sympy.sqrt(3) / 4)


def test_partial_undefined_at_the_point_is_a_math_error(tmp_path):
    # ∂/∂x sqrt(x) = 1/(2 sqrt x) has no value at x = 0
    with pytest.raises(MathError) as caught:
        solve_one(tmp_path, """
            - kind: gradient
              function: sqrt(x) + y
              at: {x: 0, y: 1}
        """)
    assert caught.value.key == "at"


def test_partial_of_ln_abs_of_a_root_has_no_atan2(tmp_path):
    # ∂/∂x ln|∛x| = sign(∛x)/(3 x^(2/3) |∛x|) = 1/(3x): sympy.diff printed sin²(atan2(0, x)/3) + cos²(…)
    solution = solve_one(tmp_path, """
        - kind: gradient
          variables: [x, y]
          function: ln(abs(x^(1/3))) + 3y + 2
    """)
    (x,) = symbols_of(solution.function, "x")
    partial = solution.partials[0].expr
    assert not partial.has(sympy.atan2)
    assert same(partial.subs(x, 2), Rational(1, 6))
    assert same(partial.subs(x, 8), Rational(1, 24))
