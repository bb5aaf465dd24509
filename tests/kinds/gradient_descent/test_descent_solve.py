"""Gradient-descent solver: every step checked against an independent computation.

Exact runs are recomputed with ``fractions.Fraction``; runs that leave exact
arithmetic (exp) are recomputed with the ``math`` module (and ``mpmath`` for
the extra digits).  None of the expectations comes from the generator's helpers.
"""
from __future__ import annotations

import math
from fractions import Fraction

import mpmath
import pytest
import sympy
from sympy import E, Rational

from generator.kinds.gradient_descent.solve import DescentSolution
from generator.solve import MathError
from solve_helpers import solve_one, symbols_of


def R(value: Fraction) -> Rational:
    return Rational(value.numerator, value.denominator)


def check_chain_of_steps(solution: DescentSolution) -> None:
    """Each step starts where the previous one ended, and is numbered 0, 1, 2, …"""
    for index, step in enumerate(solution.steps):
        assert step.index == index
        if index:
            previous = solution.steps[index - 1]
            assert step.point == previous.new_point
            assert step.value == previous.new_value
    assert solution.last is solution.steps[-1]


# -- f = x² + xy + y², the English example -------------------------------------------

def test_one_step_from_1_3_5_4(tmp_path):
    solution = solve_one(tmp_path, """
        - kind: gradient_descent
          function: x**2 + x*y + y**2
          start: {x: 1.3, y: 5.4}
          learning_rate: 0.01
          steps: 1
    """)
    x, y = symbols_of(solution.function, "x", "y")
    assert solution.stop_reason == "steps"
    assert len(solution.steps) == 1
    step = solution.steps[0]
    assert step.index == 0
    assert step.point == ((x, Rational(13, 10)), (y, Rational(27, 5)))
    # f(1.3, 5.4) = 1.69 + 7.02 + 29.16 = 37.87
    assert step.value == Rational(3787, 100)
    # ∇f = (2x + y, x + 2y) = (8, 12.1)
    assert [s.variable for s in step.slopes] == [x, y]
    assert [s.value for s in step.slopes] == [Rational(8), Rational(121, 10)]
    # x₁ = 1.3 − 0.01·8 = 1.22, y₁ = 5.4 − 0.01·12.1 = 5.279
    assert step.new_point == ((x, Rational(122, 100)), (y, Rational(5279, 1000)))
    assert [u.variable for u in step.updates] == [x, y]
    assert [u.new for u in step.updates] == [Rational(122, 100), Rational(5279, 1000)]
    assert [u.shown.doit() for u in step.updates] == [Rational(122, 100), Rational(5279, 1000)]
    # f(1.22, 5.279) = 1.4884 + 6.44038 + 27.867841 = 35.796621
    assert step.new_value == Rational(35796621, 1000000)
    assert step.new_value_shown.doit() == Rational(35796621, 1000000)
    assert solution.start_value_shown.doit() == Rational(3787, 100)
    assert step.change == Rational(3787, 100) - Rational(35796621, 1000000)
    for value in (*(u.new for u in step.updates), step.new_value):
        assert value.is_Rational and not value.has(sympy.Float)
    # not the numbers of the hand-typed seed deck
    assert step.new_point[0][1] != Rational(1226, 1000)
    assert step.new_point[1][1] not in (Rational(5273, 1000), Rational(527, 100))


def test_partials_of_the_descent(tmp_path):
    solution = solve_one(tmp_path, """
        - kind: gradient_descent
          function: x**2 + x*y + y**2
          start: {x: 1.3, y: 5.4}
          learning_rate: 0.01
          steps: 1
    """)
    x, y = symbols_of(solution.function, "x", "y")
    assert [p.variable for p in solution.partials] == [x, y]
    assert sympy.simplify(solution.partials[0].expr - (2 * x + y)) == 0
    assert sympy.simplify(solution.partials[1].expr - (x + 2 * y)) == 0


def test_two_variables_until_the_tolerance(tmp_path):
    solution = solve_one(tmp_path, """
        - kind: gradient_descent
          function: x**2 + x*y + y**2
          start: {x: 1.3, y: 5.4}
          learning_rate: 0.1
          stop: {tolerance: 0.001, max_steps: 200}
    """)
    f = lambda p, q: p * p + p * q + q * q
    rate, tolerance = Fraction(1, 10), Fraction(1, 1000)
    px, py = Fraction(13, 10), Fraction(27, 5)
    expected = []
    while True:
        gx, gy = 2 * px + py, px + 2 * py
        nx, ny = px - rate * gx, py - rate * gy
        expected.append(((gx, gy), (nx, ny), f(nx, ny)))
        done = abs(f(nx, ny) - f(px, py)) < tolerance
        px, py = nx, ny
        if done:
            break
    assert len(expected) == 33  # checked against the golden deck's "after step 33"
    assert solution.stop_reason == "tolerance"
    assert len(solution.steps) == len(expected)
    check_chain_of_steps(solution)
    for step, (slopes, new_point, new_value) in zip(solution.steps, expected):
        assert [s.value for s in step.slopes] == [R(v) for v in slopes]
        assert [v for _, v in step.new_point] == [R(v) for v in new_point]
        assert step.new_value == R(new_value)


# -- L(w) = w² + 12, the Russian example ---------------------------------------------

def expected_w_run(start: Fraction, rate: Fraction, tolerance: Fraction, max_steps: int):
    """(w_{k+1}, L(w_{k+1})) for every step, and whether the tolerance fired."""
    loss = lambda w: w * w + 12
    w, run = start, []
    for _ in range(max_steps):
        new = w - rate * 2 * w
        run.append((new, loss(new)))
        if abs(loss(new) - loss(w)) < tolerance:
            return run, True
        w = new
    return run, False


def test_w_squared_plus_12_until_the_tolerance(tmp_path):
    solution = solve_one(tmp_path, """
        - kind: gradient_descent
          function: w^2 + 12
          name: L
          start: {w: 5}
          learning_rate: 0.1
          stop: {tolerance: 0.01, max_steps: 100}
    """)
    (w,) = symbols_of(solution.function, "w")
    run, fired = expected_w_run(Fraction(5), Fraction(1, 10), Fraction(1, 100), 100)
    assert fired and len(run) == 17
    assert solution.stop_reason == "tolerance"
    assert len(solution.steps) == 17
    check_chain_of_steps(solution)
    assert solution.steps[0].point == ((w, Rational(5)),)
    assert solution.steps[0].value == Rational(37)
    previous = Fraction(5)
    for step, (new, new_value) in zip(solution.steps, run):
        assert [s.value for s in step.slopes] == [R(2 * previous)]
        assert step.new_point == ((w, R(new)),)
        assert step.new_value == R(new_value)
        assert step.new_value.is_Rational  # 5·0.8^k stays exact
        assert step.change == R(abs(new_value - (previous * previous + 12)))
        previous = new
    # the first steps by hand: 5 → 4 → 3.2 → 2.56, L = 37 → 28 → 22.24 → 18.5536
    assert [s.new_point[0][1] for s in solution.steps[:3]] == [4, Rational(16, 5), Rational(64, 25)]
    assert [s.new_value for s in solution.steps[:3]] == [28, Rational(556, 25), Rational(115960, 6250)]
    assert solution.steps[-2].change >= Rational(1, 100) > solution.steps[-1].change


def test_max_steps_reached_before_the_tolerance(tmp_path):
    solution = solve_one(tmp_path, """
        - kind: gradient_descent
          function: w^2 + 12
          start: {w: 5}
          learning_rate: 0.1
          stop: {tolerance: 0.000000001, max_steps: 5}
    """)
    assert solution.stop_reason == "max_steps"
    assert len(solution.steps) == 5
    # w₅ = 5·0.8⁵ = 1.6384
    assert solution.last.new_point[0][1] == Rational(16384, 10000)


def test_fixed_number_of_steps(tmp_path):
    solution = solve_one(tmp_path, """
        - kind: gradient_descent
          function: w^2 + 12
          start: {w: 5}
          learning_rate: 0.1
          steps: 3
    """)
    assert solution.stop_reason == "steps"
    assert len(solution.steps) == 3
    assert solution.last.new_point[0][1] == Rational(64, 25)  # 2.56


# -- too large a learning rate, a start at the minimum ---------------------------------

@pytest.mark.parametrize("rule", ["stop: {tolerance: 0.01, max_steps: 100}", "steps: 100"])
def test_too_large_a_learning_rate_diverges(tmp_path, rule):
    # w² with η = 1.5: w_{k+1} = w_k − 1.5·2w_k = −2w_k, so w_k = (−2)^k and L(w_k) = 4^k
    solution = solve_one(tmp_path, f"""
        - kind: gradient_descent
          function: w**2
          start: {{w: 1}}
          learning_rate: 1.5
          {rule}
    """)
    assert solution.stop_reason == "diverged"
    assert len(solution.steps) < 100  # it stops early instead of running all steps
    check_chain_of_steps(solution)
    for k, step in enumerate(solution.steps, start=1):
        assert step.new_point[0][1] == (-2) ** k
        assert step.new_value == 4**k
    values = [step.new_value for step in solution.steps]
    assert values == sorted(values) and len(set(values)) == len(values)  # strictly growing
    assert solution.last.new_value > 10**20


def test_start_at_the_minimum_is_stationary(tmp_path):
    solution = solve_one(tmp_path, """
        - kind: gradient_descent
          function: w^2 + 12
          start: {w: 0}
          learning_rate: 0.1
          stop: {tolerance: 0.01, max_steps: 100}
    """)
    assert solution.stop_reason == "stationary"
    assert len(solution.steps) == 1
    step = solution.steps[0]
    assert [s.value for s in step.slopes] == [0]
    assert step.new_point[0][1] == 0
    assert step.new_value == 12 and step.value == 12
    assert step.change == 0


def test_start_at_the_minimum_in_two_variables_is_stationary(tmp_path):
    solution = solve_one(tmp_path, """
        - kind: gradient_descent
          function: x**2 + x*y + y**2
          start: {x: 0, y: 0}
          learning_rate: 0.5
          steps: 10
    """)
    assert solution.stop_reason == "stationary"
    assert len(solution.steps) == 1
    assert [v for _, v in solution.last.new_point] == [0, 0]


# -- leaving exact arithmetic ---------------------------------------------------------

def test_exp_descent_continues_in_floats_close_to_math(tmp_path):
    # f = e^x + x², f' = e^x + 2x (minimum where e^x = −2x, x ≈ −0.3517)
    solution = solve_one(tmp_path, """
        - kind: gradient_descent
          function: exp(x) + x**2
          start: {x: 1}
          learning_rate: 0.1
          steps: 25
    """)
    assert solution.stop_reason == "steps"
    assert len(solution.steps) == 25
    check_chain_of_steps(solution)
    # step 1: slope at x = 1 is exactly e + 2
    assert sympy.simplify(solution.steps[0].slopes[0].value - (E + 2)) == 0
    assert abs(float(solution.steps[0].value) - (math.e + 1)) < 1e-12  # f(1) = e + 1
    x = 1.0
    for step in solution.steps:
        x = x - 0.1 * (math.exp(x) + 2 * x)
        new = step.new_point[0][1]
        assert isinstance(new, sympy.Float), new
        assert isinstance(step.new_value, sympy.Float)
        assert abs(float(new) - x) < 1e-12
        assert abs(float(step.new_value) - (math.exp(x) + x * x)) < 1e-12
    values = [float(step.new_value) for step in solution.steps]
    assert all(a > b for a, b in zip(values, values[1:]))  # it goes downhill
    assert abs(float(solution.last.new_point[0][1]) - (-0.3517337112491958)) < 1e-2


def test_exp_descent_keeps_many_more_digits_than_a_double(tmp_path):
    solution = solve_one(tmp_path, """
        - kind: gradient_descent
          function: exp(x) + x**2
          start: {x: 1}
          learning_rate: 0.1
          steps: 5
    """)
    with mpmath.workdps(80):
        x = mpmath.mpf(1)
        for step in solution.steps:
            x = x - mpmath.mpf(1) / 10 * (mpmath.exp(x) + 2 * x)
            new = mpmath.mpf(str(step.new_point[0][1]))
            assert abs(new - x) < mpmath.mpf(10) ** -25


def test_descent_leaving_the_domain_fails_cleanly(tmp_path):
    # was: TypeError "cannot create mpf from … - 3.14…*I" from inside the solver
    # f = x − ln x (minimum at x = 1); from 3 with η = 5: x₁ = 3 − 5·(1 − 1/3) = −1/3, where ln is not real
    try:
        solution = solve_one(tmp_path, """
            - kind: gradient_descent
              function: x - ln(x)
              start: {x: 3}
              learning_rate: 5
              steps: 3
        """)
    except MathError:
        return
    assert solution.stop_reason == "diverged"
    assert all(step.new_value.is_real for step in solution.steps)

