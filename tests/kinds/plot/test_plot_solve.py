"""Plot solver: the functions as given and the tangent line y = f(a) + f'(a)(x − a), checked by hand."""
from __future__ import annotations


import pytest
import sympy
from sympy import Rational, cos, exp, sin

from generator.solve import MathError
from solve_helpers import solve_one


def var(expr, name: str) -> sympy.Symbol:
    matches = [s for s in expr.free_symbols if s.name == name]
    assert len(matches) == 1
    return matches[0]


def same(a, b) -> bool:
    return sympy.simplify(a - b) == 0


def test_tangent_of_sin_at_1(tmp_path):
    solution = solve_one(tmp_path, """
        - kind: plot
          functions: ["sin(x)"]
          range: [-3.2, 3.2]
          tangent_at: 1
    """)
    x = var(solution.functions[0], "x")
    assert solution.functions == (sin(x),)
    tangent = solution.tangent
    assert tangent.point == 1
    assert tangent.value == sin(1)  # exact, not 0.8414…
    assert tangent.slope == cos(1)
    assert same(tangent.line, sin(1) + cos(1) * (x - 1))
    assert sympy.Poly(tangent.line, x).degree() == 1  # a straight line in x
    assert tangent.line.free_symbols == {x}
    assert not tangent.line.has(sympy.Float)
    assert same(tangent.shown.doit(), sin(1) + cos(1) * (x - 1))


# function, point, hand-worked f(a), f'(a), line
TANGENTS = [
    ("x**2", "3", Rational(9), Rational(6), lambda x: 6 * x - 9),
    ("1/(1 + exp(-x))", "0", Rational(1, 2), Rational(1, 4), lambda x: x / 4 + Rational(1, 2)),
    ("x**3 - x", "-1", Rational(0), Rational(2), lambda x: 2 * x + 2),
    ("exp(x)", "0", Rational(1), Rational(1), lambda x: x + 1),
    ("ln(x)", "1", Rational(0), Rational(1), lambda x: x - 1),
    ("x**2", "1.5", Rational(9, 4), Rational(3), lambda x: 3 * x - Rational(9, 4)),
    ("cos(x)", "pi/2", Rational(0), Rational(-1), lambda x: sympy.pi / 2 - x),
]


@pytest.mark.parametrize("function, point, value, slope, line", TANGENTS, ids=[f"{f}@{p}" for f, p, *_ in TANGENTS])
def test_tangent_lines(tmp_path, function, point, value, slope, line):
    solution = solve_one(tmp_path, f"""
        - kind: plot
          functions: [{function!r}]
          range: [-5, 5]
          tangent_at: {point}
    """)
    x = var(solution.functions[0], "x")
    tangent = solution.tangent
    assert same(tangent.value, value)
    assert same(tangent.slope, slope)
    if value.is_Rational and slope.is_Rational:
        assert tangent.value == value and tangent.slope == slope
    assert same(tangent.line, line(x))
    assert same(tangent.shown.doit(), line(x))


def test_sigmoid_tangent_keeps_exact_numbers(tmp_path):
    solution = solve_one(tmp_path, """
        - kind: plot
          functions: ["1/(1 + exp(-x))", "exp(-x)/(1 + exp(-x))^2"]
          labels: ["σ(x)", "σ′(x)"]
          range: [-6, 6]
          tangent_at: 0
    """)
    x = var(solution.functions[0], "x")
    assert solution.functions == (1 / (1 + exp(-x)), exp(-x) / (1 + exp(-x)) ** 2)
    # the tangent belongs to the first function
    assert solution.tangent.value == Rational(1, 2)
    assert solution.tangent.slope == Rational(1, 4)


def test_no_tangent(tmp_path):
    solution = solve_one(tmp_path, """
        - kind: plot
          functions: ["sin(x)", "cos(x)"]
          range: [-3, 3]
    """)
    assert solution.tangent is None
    x = var(solution.functions[0], "x")
    assert solution.functions == (sin(x), cos(x))


def test_vertical_tangent_is_a_math_error(tmp_path):
    # was: slope zoo and line zoo*x, and build_deck crashed with KeyError 'ComplexInfinity'
    with pytest.raises(MathError) as caught:
        solve_one(tmp_path, """
            - kind: plot
              functions: ["sqrt(x)"]
              range: [0, 4]
              tangent_at: 0
        """)
    assert caught.value.key == "tangent_at"


@pytest.mark.parametrize("function, low, point", [
    ("abs(x)", -1, 0),  # a corner: no tangent (was: slope sign(0) = 0)
    ("ln(x)", -1, 0),  # not defined at 0
])
def test_no_tangent_where_there_is_no_derivative(tmp_path, function, low, point):
    with pytest.raises(MathError) as caught:
        solve_one(tmp_path, f"""
            - kind: plot
              functions: [{function!r}]
              range: [{low}, 4]
              tangent_at: {point}
        """)
    assert caught.value.key == "tangent_at"
