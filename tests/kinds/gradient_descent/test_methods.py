"""Gradient-descent methods (gd, momentum, nesterov, adagrad, rmsprop, adam), checked independently.

Every run is built through the public path (a YAML lesson → ``load_deck`` → ``solve_slide``)
and recomputed here from the textbook formulas, without any of the generator's helpers:

* gd, momentum and nesterov stay rational, so they are recomputed with ``fractions.Fraction``
  and compared exactly (the solver keeps ``sympy.Rational`` there);
* adagrad, rmsprop and adam take square roots, so they are recomputed with ``mpmath`` at 60
  digits and compared to 1e-25 relative.

Conventions (lecture notes): steps t = 0, 1, …; every state starts at 0;
momentum u_t = β u_{t−1} + η g_t, w_{t+1} = w_t − u_t;
nesterov w̃_t = w_t − β u_{t−1}, g at w̃_t, u_t = β u_{t−1} + η g, w_{t+1} = w_t − u_t;
adagrad v_t = v_{t−1} + g_t², w_{t+1} = w_t − η g_t / sqrt(v_t + ε);
rmsprop v_t = β v_{t−1} + (1−β) g_t², same update;
adam m_t = β₁ m_{t−1} + (1−β₁) g_t, v_t = β₂ v_{t−1} + (1−β₂) g_t², m̂_t = m_t/(1 − β₁^{t+1}),
v̂_t = v_t/(1 − β₂^{t+1}), w_{t+1} = w_t − η m̂_t/(sqrt(v̂_t) + ε).  Per-coordinate states.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import mpmath
import pytest
import sympy
from sympy import Rational

from generator.errors import SpecError
from generator.kinds.gradient_descent.methods import (RULES, STATES, Hyper, Slot, advance, initial_states, lookahead,
                                                      rules, worked_form)
from generator.kinds.gradient_descent.solve import DescentSolution
from generator.latex import printer_for
from generator.model import Method
from generator.solve.substitute import Held, held, settle
from solve_helpers import solve_one, symbols_of

EXACT_METHODS = ("gd", "momentum", "nesterov")
FLOAT_METHODS = ("adagrad", "rmsprop", "adam")
METHODS = EXACT_METHODS + FLOAT_METHODS
DEFAULTS = {"beta": "0.9", "beta1": "0.9", "beta2": "0.999", "eps": "1e-8"}
USES = {"gd": (), "momentum": ("beta",), "nesterov": ("beta",), "adagrad": ("eps",),
        "rmsprop": ("beta", "eps"), "adam": ("beta1", "beta2", "eps")}
RELATIVE = mpmath.mpf("1e-25")


# -- the independent reference ---------------------------------------------------------

def quadratic(p):
    """f = x² + xy + y²"""
    x, y = p
    return x * x + x * y + y * y


def quadratic_gradient(p):
    x, y = p
    return (2 * x + y, x + 2 * y)


def square_plus_12(p):
    """f = w² + 12"""
    (w,) = p
    return w * w + 12


def square_plus_12_gradient(p):
    (w,) = p
    return (2 * w,)


@dataclass
class RefStep:
    lookahead: tuple | None
    states: list  # (kind, coordinate index, value), in the solver's order
    new_point: tuple
    new_value: object


def reference(method, f, gradient, start, rate, hyper, steps, stop=None):
    """``steps`` steps of ``method`` (or until |Δf| < stop[0], at most stop[1] steps).

    Numbers are Fractions for gd/momentum/nesterov and mpmath numbers otherwise; ``hyper`` maps
    beta/beta1/beta2/eps to decimal strings.
    """
    exact = method in EXACT_METHODS
    num = Fraction if exact else mpmath.mpf
    start = tuple(Fraction(s) for s in start) if exact else tuple(mpmath.mpf(Fraction(s).numerator)
                                                                  / Fraction(s).denominator for s in start)

    def n(text):
        q = Fraction(text)
        return q if exact else mpmath.mpf(q.numerator) / q.denominator

    eta = n(rate)
    h = {k: n(hyper.get(k, DEFAULTS[k])) for k in DEFAULTS}
    dims = len(start)
    u = [num(0)] * dims
    v = [num(0)] * dims
    m = [num(0)] * dims
    w = list(start)
    value = f(w)
    out = []
    limit = steps if stop is None else stop[1]
    for t in range(limit):
        states = []
        ahead = None
        if method == "nesterov":
            ahead = tuple(w[i] - h["beta"] * u[i] for i in range(dims))
            states += [("tilde", i, ahead[i]) for i in range(dims)]
            g = gradient(ahead)
        else:
            g = gradient(w)
        new = []
        for i in range(dims):
            if method == "gd":
                new.append(w[i] - eta * g[i])
            elif method in ("momentum", "nesterov"):
                u[i] = h["beta"] * u[i] + eta * g[i]
                states.append(("u", i, u[i]))
                new.append(w[i] - u[i])
            elif method == "adagrad":
                v[i] = v[i] + g[i] ** 2
                states.append(("v", i, v[i]))
                new.append(w[i] - eta * g[i] / mpmath.sqrt(v[i] + h["eps"]))
            elif method == "rmsprop":
                v[i] = h["beta"] * v[i] + (1 - h["beta"]) * g[i] ** 2
                states.append(("v", i, v[i]))
                new.append(w[i] - eta * g[i] / mpmath.sqrt(v[i] + h["eps"]))
            elif method == "adam":
                m[i] = h["beta1"] * m[i] + (1 - h["beta1"]) * g[i]
                v[i] = h["beta2"] * v[i] + (1 - h["beta2"]) * g[i] ** 2
                m_hat = m[i] / (1 - h["beta1"] ** (t + 1))
                v_hat = v[i] / (1 - h["beta2"] ** (t + 1))
                states += [("m", i, m[i]), ("v", i, v[i]), ("mhat", i, m_hat), ("vhat", i, v_hat)]
                new.append(w[i] - eta * m_hat / (mpmath.sqrt(v_hat) + h["eps"]))
            else:
                raise AssertionError(method)
        w = new
        new_value = f(w)
        out.append(RefStep(ahead, states, tuple(w), new_value))
        if stop is not None and abs(new_value - value) < n(stop[0]):
            break
        value = new_value
    return out


# -- comparing the solver with the reference -------------------------------------------

def as_mpf(value: sympy.Expr) -> mpmath.mpf:
    assert value.is_number and value.is_real, value
    if value.is_Rational:
        return mpmath.mpf(int(value.p)) / int(value.q)
    assert isinstance(value, sympy.Float), value
    return mpmath.mpf(value._mpf_)


def same(actual: sympy.Expr, expected, exact: bool, what: str) -> None:
    if exact:
        assert isinstance(expected, Fraction)
        assert actual.is_Rational, f"{what}: {actual!r} left exact arithmetic"
        assert actual == Rational(expected.numerator, expected.denominator), f"{what}: {actual} != {expected}"
    else:
        a, e = as_mpf(actual), expected
        assert abs(a - e) <= RELATIVE * abs(e) + mpmath.mpf("1e-45"), f"{what}: {a} != {e}"


def slide(method: str, rate: str, steps: int = 6, function="x**2 + x*y + y**2", start="{x: 1.3, y: 5.4}",
          **hyper: str) -> str:
    lines = ["- kind: gradient_descent", f"  function: {function}", f"  start: {start}",
             f"  learning_rate: {rate}", f"  method: {method}", f"  steps: {steps}"]
    lines += [f"  {key}: {value}" for key, value in hyper.items()]
    return "\n".join(lines) + "\n"


def check_against_reference(solution: DescentSolution, method: str, ref: list[RefStep], variables) -> None:
    exact = method in EXACT_METHODS
    assert len(solution.steps) == len(ref)
    with mpmath.workdps(60):
        for index, (step, expected) in enumerate(zip(solution.steps, ref)):
            assert step.index == index
            if index:
                assert step.point == solution.steps[index - 1].new_point
                assert step.value == solution.steps[index - 1].new_value
            assert [v for v, _ in step.new_point] == list(variables)
            for (variable, actual), want in zip(step.new_point, expected.new_point):
                same(actual, want, exact, f"step {index} new {variable}")
            same(step.new_value, expected.new_value, exact, f"step {index} f")
            assert [u.new for u in step.updates] == [value for _, value in step.new_point]
            # the states: same kinds, same coordinates, same order, same values
            assert [(w.kind, w.variable) for w in step.states] == [(k, variables[i]) for k, i, _ in expected.states]
            for w, (kind, _, want) in zip(step.states, expected.states):
                same(w.value, want, exact, f"step {index} state {kind}_{w.variable}")
            if method == "nesterov":
                assert step.lookahead is not None
                assert [v for v, _ in step.lookahead] == list(variables)
                for (variable, actual), want in zip(step.lookahead, expected.lookahead):
                    same(actual, want, exact, f"step {index} look-ahead {variable}")
            else:
                assert step.lookahead is None


# -- 6 steps of every method on f = x² + xy + y² from (1.3, 5.4) -------------------------

# method → (learning rate, hyper-parameters): η = 0.1 with the defaults, and one other setting
SETTINGS = [(method, "0.1", {}) for method in METHODS] + [
    ("gd", "0.35", {}),
    ("momentum", "0.05", {"beta": "0.5"}),
    ("nesterov", "0.2", {"beta": "0.75"}),
    ("adagrad", "0.5", {"eps": "0.001"}),
    ("rmsprop", "0.01", {"beta": "0.99", "eps": "1e-6"}),
    ("adam", "0.05", {"beta1": "0.8", "beta2": "0.99", "eps": "1e-6"}),
]


@pytest.mark.parametrize("method, rate, hyper", SETTINGS,
                         ids=[f"{m}-eta{r}-" + "-".join(f"{k}{v}" for k, v in h.items()) for m, r, h in SETTINGS])
def test_six_steps_match_the_independent_computation(tmp_path, method, rate, hyper):
    solution = solve_one(tmp_path, slide(method, rate, **hyper))
    x, y = symbols_of(solution.function, "x", "y")
    assert solution.slide.method == method
    assert solution.stop_reason == "steps"
    with mpmath.workdps(60):
        ref = reference(method, quadratic, quadratic_gradient, ("1.3", "5.4"), rate, hyper, 6)
    check_against_reference(solution, method, ref, (x, y))


@pytest.mark.parametrize("method", FLOAT_METHODS)
def test_square_root_methods_leave_exact_arithmetic_for_high_precision_floats(tmp_path, method):
    solution = solve_one(tmp_path, slide(method, "0.1"))
    last = solution.last
    for value in (*(v for _, v in last.new_point), last.new_value):
        assert isinstance(value, sympy.Float)
        assert value._prec >= 160  # ≥ ~50 decimal digits, not a double


@pytest.mark.parametrize("method", EXACT_METHODS)
def test_rational_methods_print_their_exact_working(tmp_path, method):
    solution = solve_one(tmp_path, slide(method, "0.1"))
    for step in solution.steps:
        for update, (_, new) in zip(step.updates, step.new_point):
            assert update.shown.doit() == new
        assert step.new_value_shown.doit() == step.new_value
        for worked in step.states:
            assert worked.shown.doit() == worked.value


@pytest.mark.parametrize("method", FLOAT_METHODS)
def test_square_root_methods_print_working_that_evaluates_to_their_values(tmp_path, method):
    solution = solve_one(tmp_path, slide(method, "0.1"))
    with mpmath.workdps(60):
        for step in solution.steps:
            for update, (_, new) in zip(step.updates, step.new_point):
                want = as_mpf(new)
                assert abs(as_mpf(sympy.N(update.shown.doit(), 60)) - want) <= RELATIVE * abs(want)
            for worked in step.states:
                want = as_mpf(worked.value)
                got = as_mpf(sympy.N(worked.shown.doit(), 60))
                assert abs(got - want) <= RELATIVE * abs(want), (step.index, worked.kind, worked.variable)


# -- hand-verified first steps --------------------------------------------------------

def test_momentum_first_two_steps_by_hand(tmp_path):
    solution = solve_one(tmp_path, slide("momentum", "0.1", steps=2))
    x, y = symbols_of(solution.function, "x", "y")
    first, second = solution.steps
    # g_0 = (2·1.3 + 5.4, 1.3 + 2·5.4) = (8, 12.1); u_0 = 0.9·0 + 0.1·g_0 = (0.8, 1.21)
    assert [s.value for s in first.slopes] == [Rational(8), Rational(121, 10)]
    assert [(w.kind, w.variable, w.value) for w in first.states] == [
        ("u", x, Rational(8, 10)), ("u", y, Rational(121, 100))]
    # x_1 = 1.3 − 0.8 = 0.5, y_1 = 5.4 − 1.21 = 4.19 (the same as plain gd on the first step)
    assert first.new_point == ((x, Rational(1, 2)), (y, Rational(419, 100)))
    assert first.lookahead is None
    # g_1 = (2·0.5 + 4.19, 0.5 + 2·4.19) = (5.19, 8.88)
    # u_1 = (0.9·0.8 + 0.519, 0.9·1.21 + 0.888) = (1.239, 1.977)
    assert [s.value for s in second.slopes] == [Rational(519, 100), Rational(888, 100)]
    assert [w.value for w in second.states] == [Rational(1239, 1000), Rational(1977, 1000)]
    # x_2 = 0.5 − 1.239 = −0.739, y_2 = 4.19 − 1.977 = 2.213
    assert second.new_point == ((x, Rational(-739, 1000)), (y, Rational(2213, 1000)))


def test_nesterov_first_two_steps_by_hand(tmp_path):
    solution = solve_one(tmp_path, slide("nesterov", "0.1", steps=2))
    x, y = symbols_of(solution.function, "x", "y")
    first, second = solution.steps
    # u_{−1} = 0: the look-ahead is the start, so the first step is momentum's
    assert first.lookahead == ((x, Rational(13, 10)), (y, Rational(27, 5)))
    assert [(w.kind, w.variable) for w in first.states] == [("tilde", x), ("tilde", y), ("u", x), ("u", y)]
    assert [w.value for w in first.states] == [Rational(13, 10), Rational(27, 5), Rational(8, 10),
                                                Rational(121, 100)]
    assert first.new_point == ((x, Rational(1, 2)), (y, Rational(419, 100)))
    # w̃_1 = (0.5 − 0.9·0.8, 4.19 − 0.9·1.21) = (−0.22, 3.101)
    assert second.lookahead == ((x, Rational(-22, 100)), (y, Rational(3101, 1000)))
    # g at w̃_1 = (2·(−0.22) + 3.101, −0.22 + 2·3.101) = (2.661, 5.982) — not at w_1
    assert [s.value for s in second.slopes] == [Rational(2661, 1000), Rational(5982, 1000)]
    # u_1 = (0.72 + 0.2661, 1.089 + 0.5982) = (0.9861, 1.6872)
    assert [w.value for w in second.states[2:]] == [Rational(9861, 10000), Rational(16872, 10000)]
    # w_2 = (0.5 − 0.9861, 4.19 − 1.6872) = (−0.4861, 2.5028)
    assert second.new_point == ((x, Rational(-4861, 10000)), (y, Rational(25028, 10000)))


def test_adam_first_step_moves_each_coordinate_by_about_the_rate(tmp_path):
    solution = solve_one(tmp_path, slide("adam", "0.1", steps=1))
    x, y = symbols_of(solution.function, "x", "y")
    step = solution.steps[0]
    # m_0 = 0.1·g, v_0 = 0.001·g², m̂_0 = g, v̂_0 = g²: m̂/sqrt(v̂) = sign(g)
    assert [(w.kind, w.variable, w.value) for w in step.states] == [
        ("m", x, Rational(8, 10)), ("v", x, Rational(64, 1000)), ("mhat", x, Rational(8)), ("vhat", x, Rational(64)),
        ("m", y, Rational(121, 100)), ("v", y, Rational(14641, 100000)), ("mhat", y, Rational(121, 10)),
        ("vhat", y, Rational(14641, 100))]
    (_, new_x), (_, new_y) = step.new_point
    assert abs(float(new_x) - 1.2) < 1e-9 and new_x > Rational(12, 10)  # ε makes the step a hair short of η
    assert abs(float(new_y) - 5.3) < 1e-9 and new_y > Rational(53, 10)
    # exactly x_1 = 1.3 − 0.1·8/(8 + 10⁻⁸)
    assert sympy.nsimplify(new_x - (Rational(13, 10) - Rational(1, 10) * 8 / (8 + Rational(1, 10**8)))) == 0


@pytest.mark.parametrize("method", ["adam", "adagrad"])
def test_adam_and_adagrad_move_against_the_sign_of_the_gradient_by_the_rate(tmp_path, method):
    # from (−2, 3): g = (−1, 4), so the first step goes to about (−2 + η, 3 − η)
    solution = solve_one(tmp_path, slide(method, "0.25", steps=1, start="{x: -2, y: 3}"))
    (_, new_x), (_, new_y) = solution.steps[0].new_point
    assert abs(float(new_x) - (-1.75)) < 1e-7
    assert abs(float(new_y) - 2.75) < 1e-7


def test_adagrad_first_step_by_hand(tmp_path):
    solution = solve_one(tmp_path, slide("adagrad", "0.1", steps=1))
    x, y = symbols_of(solution.function, "x", "y")
    step = solution.steps[0]
    # v_0 = g² = (64, 146.41); x_1 = 1.3 − 0.1·8/sqrt(64 + 10⁻⁸) ≈ 1.2
    assert [(w.kind, w.variable, w.value) for w in step.states] == [
        ("v", x, Rational(64)), ("v", y, Rational(14641, 100))]
    (_, new_x), (_, new_y) = step.new_point
    assert abs(float(new_x) - 1.2) < 1e-9 and abs(float(new_y) - 5.3) < 1e-9


def test_rmsprop_first_step_by_hand(tmp_path):
    # v_0 = (1 − 0.9)·g², so the first step is η·g/sqrt(0.1·g²) = η·sqrt(10)·sign(g) ≈ 0.316
    solution = solve_one(tmp_path, slide("rmsprop", "0.1", steps=1))
    x, y = symbols_of(solution.function, "x", "y")
    step = solution.steps[0]
    assert [(w.kind, w.variable, w.value) for w in step.states] == [
        ("v", x, Rational(64, 10)), ("v", y, Rational(14641, 1000))]
    (_, new_x), (_, new_y) = step.new_point
    assert abs(float(new_x) - (1.3 - 0.1 * 10**0.5)) < 1e-8
    assert abs(float(new_y) - (5.4 - 0.1 * 10**0.5)) < 1e-8


# -- states and look-ahead ------------------------------------------------------------

@pytest.mark.parametrize("method", METHODS)
def test_first_step_states_in_order_and_lookahead_only_for_nesterov(tmp_path, method):
    solution = solve_one(tmp_path, slide(method, "0.1", steps=2))
    x, y = symbols_of(solution.function, "x", "y")
    expected = {
        "gd": [],
        "momentum": [("u", x), ("u", y)],
        "nesterov": [("tilde", x), ("tilde", y), ("u", x), ("u", y)],
        "adagrad": [("v", x), ("v", y)],
        "rmsprop": [("v", x), ("v", y)],
        "adam": [("m", x), ("v", x), ("mhat", x), ("vhat", x), ("m", y), ("v", y), ("mhat", y), ("vhat", y)],
    }[method]
    for step in solution.steps:
        assert [(w.kind, w.variable) for w in step.states] == expected
        if method == "nesterov":
            assert step.lookahead is not None
        else:
            assert step.lookahead is None


def test_three_variables_keep_separate_states(tmp_path):
    # f = x² + 4y² + 9z²: each coordinate has its own gradient scale; adam still moves each by ≈ η
    solution = solve_one(tmp_path, slide("adam", "0.1", steps=3, function="x**2 + 4*y**2 + 9*z**2",
                                         start="{x: 1, y: -1, z: 2}"))
    x, y, z = symbols_of(solution.function, "x", "y", "z")
    with mpmath.workdps(60):
        ref = reference("adam", lambda p: p[0] ** 2 + 4 * p[1] ** 2 + 9 * p[2] ** 2,
                        lambda p: (2 * p[0], 8 * p[1], 18 * p[2]), ("1", "-1", "2"), "0.1", {}, 3)
    check_against_reference(solution, "adam", ref, (x, y, z))
    (_, x1), (_, y1), (_, z1) = solution.steps[0].new_point
    assert abs(float(x1) - 0.9) < 1e-7 and abs(float(y1) + 0.9) < 1e-7 and abs(float(z1) - 1.9) < 1e-7


# -- the spec -------------------------------------------------------------------------

@pytest.mark.parametrize("method, key, value", [
    ("momentum", "beta1", "0.8"),
    ("momentum", "eps", "0.001"),
    ("nesterov", "beta2", "0.99"),
    ("gd", "beta", "0.5"),
    ("adagrad", "beta", "0.5"),
    ("rmsprop", "beta1", "0.5"),
    ("adam", "beta", "0.5"),
])
def test_spec_refuses_a_hyper_parameter_the_method_does_not_use(tmp_path, method, key, value):
    with pytest.raises(SpecError) as caught:
        solve_one(tmp_path, slide(method, "0.1", **{key: value}))
    messages = [p.message for p in caught.value.problems]
    assert f"method {method} does not use {key}" in messages
    assert "lesson.yaml" in str(caught.value)


def test_spec_refuses_a_hyper_parameter_when_no_method_is_given(tmp_path):
    text = slide("gd", "0.1").replace("  method: gd\n", "") + "  beta: 0.5\n"
    with pytest.raises(SpecError) as caught:
        solve_one(tmp_path, text)
    assert "method gd does not use beta" in str(caught.value)


@pytest.mark.parametrize("method, key, value", [
    ("momentum", "beta", "1.5"),
    ("nesterov", "beta", "1"),
    ("rmsprop", "beta", "0"),
    ("adam", "beta1", "-0.1"),
    ("adam", "beta2", "1"),
])
def test_spec_refuses_a_decay_rate_outside_0_1(tmp_path, method, key, value):
    with pytest.raises(SpecError) as caught:
        solve_one(tmp_path, slide(method, "0.1", **{key: value}))
    (problem,) = caught.value.problems
    assert problem.path == f"slides[0].{key}"
    assert problem.message.startswith("expected a number between 0 and 1")
    assert value in problem.message
    assert problem.location.line > 0


@pytest.mark.parametrize("value", ["0", "-1e-8"])
def test_spec_refuses_a_non_positive_eps(tmp_path, value):
    with pytest.raises(SpecError) as caught:
        solve_one(tmp_path, slide("adam", "0.1", eps=value))
    (problem,) = caught.value.problems
    assert problem.path == "slides[0].eps"
    assert "expected a positive number" in problem.message


def test_spec_refuses_an_unknown_method(tmp_path):
    with pytest.raises(SpecError) as caught:
        solve_one(tmp_path, slide("sgd", "0.1"))
    assert "expected one of gd, momentum, nesterov, adagrad, rmsprop, adam" in str(caught.value)


@pytest.mark.parametrize("method", METHODS)
def test_defaults_and_given_hyper_parameters_reach_the_slide(tmp_path, method):
    solution = solve_one(tmp_path, slide(method, "0.1", steps=1))
    assert solution.slide.beta == Rational(9, 10)
    assert solution.slide.beta1 == Rational(9, 10)
    assert solution.slide.beta2 == Rational(999, 1000)
    assert solution.slide.eps == Rational(1, 10**8)
    given = {"beta": "0.5", "beta1": "0.25", "beta2": "0.75", "eps": "0.001"}
    chosen = {key: given[key] for key in USES[method]}
    solution = solve_one(tmp_path, slide(method, "0.1", steps=1, **chosen))
    for key, value in chosen.items():
        assert getattr(solution.slide, key) == Rational(value)


# -- stop rules -------------------------------------------------------------------------

def test_adam_with_a_tolerance_stop(tmp_path):
    solution = solve_one(tmp_path, """
        - kind: gradient_descent
          function: w**2 + 12
          start: {w: 5}
          learning_rate: 0.5
          method: adam
          stop: {tolerance: 0.01, max_steps: 200}
    """)
    (w,) = symbols_of(solution.function, "w")
    assert solution.stop_reason == "tolerance"
    with mpmath.workdps(60):
        ref = reference("adam", square_plus_12, square_plus_12_gradient, ("5",), "0.5", {}, None,
                        stop=("0.01", 200))
        assert len(ref) < 200  # the reference stops on the tolerance too
        check_against_reference(solution, "adam", ref, (w,))
    assert len(solution.steps) == len(ref)
    assert solution.last.change < Rational(1, 100)
    assert all(step.change >= Rational(1, 100) for step in solution.steps[:-1])


@pytest.mark.parametrize("method, rate, hyper", [
    ("momentum", "0.2", {"beta": "0.3"}),
    ("nesterov", "0.1", {"beta": "0.5"}),
    ("rmsprop", "0.3", {"beta": "0.99"}),
    ("adagrad", "3", {}),
])
def test_tolerance_stop_agrees_with_the_reference_for_other_methods(tmp_path, method, rate, hyper):
    text = slide(method, rate, **hyper).replace("  steps: 6\n", "  stop: {tolerance: 0.001, max_steps: 80}\n")
    solution = solve_one(tmp_path, text)
    x, y = symbols_of(solution.function, "x", "y")
    with mpmath.workdps(60):
        ref = reference(method, quadratic, quadratic_gradient, ("1.3", "5.4"), rate, hyper, None,
                        stop=("0.001", 80))
        check_against_reference(solution, method, ref, (x, y))
    assert len(ref) < 80  # the reference stops on the tolerance (after 11 to 17 steps)
    assert solution.stop_reason == "tolerance"
    assert solution.last.change < Rational(1, 1000)
    assert all(step.change >= Rational(1, 1000) for step in solution.steps[:-1])


def test_max_steps_stop_with_a_method(tmp_path):
    text = slide("adam", "0.01").replace("  steps: 6\n", "  stop: {tolerance: 1e-12, max_steps: 5}\n")
    solution = solve_one(tmp_path, text)
    assert solution.stop_reason == "max_steps"
    assert len(solution.steps) == 5


@pytest.mark.parametrize("method", ["gd", "adagrad", "rmsprop"])
def test_stationary_start_stops_for_memoryless_methods(tmp_path, method):
    solution = solve_one(tmp_path, slide(method, "0.1", start="{x: 0, y: 0}"))
    assert solution.stop_reason == "stationary"
    assert len(solution.steps) == 1
    assert solution.steps[0].new_point == solution.steps[0].point


@pytest.mark.parametrize("method", ["momentum", "nesterov", "adam"])
def test_stationary_start_stays_put_for_methods_with_memory(tmp_path, method):
    # all states are 0 at the minimum, so the point never moves; the run goes on for its steps
    solution = solve_one(tmp_path, slide(method, "0.1", start="{x: 0, y: 0}"))
    assert solution.stop_reason == "steps"
    assert len(solution.steps) == 6
    for step in solution.steps:
        assert all(value == 0 for _, value in step.new_point)


@pytest.mark.parametrize("method", ["momentum", "nesterov"])
def test_divergence_with_momentum_methods_stops_where_the_reference_passes_1e30(tmp_path, method):
    text = slide(method, "1.5").replace("  steps: 6\n", "  stop: {tolerance: 0.001, max_steps: 200}\n")
    solution = solve_one(tmp_path, text)
    x, y = symbols_of(solution.function, "x", "y")
    ref = reference(method, quadratic, quadratic_gradient, ("1.3", "5.4"), "1.5", {}, 60)
    first_beyond = next(i for i, step in enumerate(ref) if abs(step.new_value) > 10**30)
    assert solution.stop_reason == "diverged"
    check_against_reference(solution, method, ref[:first_beyond + 1], (x, y))


# -- one description per method: the printed rule and the arithmetic come from ``RULES`` ----------

X = sympy.Symbol("x")
# one step away from the start: every state non-zero, t > 0, hyper-parameters other than the defaults
OLD, GRADIENT, T = Rational(13, 10), Rational(-7, 4), 2
PREVIOUS = {"u": Rational(1, 2), "v": Rational(3, 4), "m": Rational(-1, 5)}
HYPER = {"rate": Rational(1, 10), "beta": Rational(3, 5), "beta1": Rational(4, 5), "beta2": Rational(99, 100),
         "eps": Rational(1, 1000)}


def textbook_step(method: str) -> list[tuple[str, object]]:
    """The states and the new coordinate, from the formulas of the lecture notes (module docstring),
    as Fractions or 60-digit mpmath numbers; no generator code involved."""
    exact = method in EXACT_METHODS
    q = {k: Fraction(int(v.p), int(v.q)) for k, v in {**HYPER, **PREVIOUS, "w": OLD, "g": GRADIENT}.items()}
    n = q if exact else {k: mpmath.mpf(v.numerator) / v.denominator for k, v in q.items()}
    w, g, eta = n["w"], n["g"], n["rate"]
    if method == "gd":
        return [("param", w - eta * g)]
    if method in ("momentum", "nesterov"):
        u = n["beta"] * n["u"] + eta * g
        return [("u", u), ("param", w - u)]
    if method in ("adagrad", "rmsprop"):
        v = n["v"] + g**2 if method == "adagrad" else n["beta"] * n["v"] + (1 - n["beta"]) * g**2
        return [("v", v), ("param", w - eta * g / mpmath.sqrt(v + n["eps"]))]
    m = n["beta1"] * n["m"] + (1 - n["beta1"]) * g
    v = n["beta2"] * n["v"] + (1 - n["beta2"]) * g**2
    m_hat, v_hat = m / (1 - n["beta1"] ** (T + 1)), v / (1 - n["beta2"] ** (T + 1))
    new = w - eta * m_hat / (mpmath.sqrt(v_hat) + n["eps"])
    return [("m", m), ("v", v), ("mhat", m_hat), ("vhat", v_hat), ("param", new)]


def one_step(method: str):
    previous = {kind: PREVIOUS[kind] for kind in initial_states(Method(method))}
    return advance(Method(method), X, OLD, GRADIENT, previous, T, Hyper(**HYPER), 60)


@pytest.mark.parametrize("method", METHODS)
def test_advance_matches_the_textbook_formulas_with_non_zero_states(method):
    worked = one_step(method)
    with mpmath.workdps(60):
        expected = textbook_step(method)
        assert [(w.kind, w.variable) for w in worked] == [(kind, X) for kind, _ in expected]
        for w, (kind, want) in zip(worked, expected):
            same(w.value, want, method in EXACT_METHODS, f"{method} {kind}")


def _rule_numbers(method: str, computed: dict) -> dict:
    """Slot symbol of ``X``'s rules → number: the step's inputs and the states computed so far."""
    numbers = {Slot(kind).symbol(): value for kind, value in HYPER.items()}
    numbers |= {Slot(kind, -1).symbol(X): value for kind, value in PREVIOUS.items()}
    numbers |= {Slot("param").symbol(X): OLD, Slot("grad").symbol(X): GRADIENT, Slot("t").symbol(): T}
    return numbers | {Slot(kind).symbol(X): value for kind, value in computed.items()}


@pytest.mark.parametrize("method", METHODS)
def test_each_value_is_the_printed_rule_evaluated(method):
    """The printed rule, evaluated by SymPy with the step's numbers (exactly, one rule after the other),
    is the value ``advance`` computed: the slide's formula and its arithmetic agree."""
    worked = one_step(method)
    printed = [rule for rule in rules(Method(method), X) if rule.target.kind != "tilde"]
    assert [rule.target.kind for rule in printed] == [w.kind for w in worked]
    computed: dict = {}
    for rule, w in zip(printed, worked):
        exact = rule.rhs.xreplace(_rule_numbers(method, computed))  # xreplace rebuilds, so it evaluates
        assert not exact.free_symbols, rule
        if method in EXACT_METHODS or exact.is_Rational:
            assert exact.is_Rational and w.value == exact, (rule.target, w.value, exact)
        else:
            want = sympy.N(exact, 70)
            assert abs(sympy.N(w.value - want, 70)) <= sympy.Float("1e-50") * abs(want), (rule.target, w.value)
        computed[rule.target.kind] = exact


SHOWS_A_CONSTANT = {"rmsprop": ("v",), "adam": ("m", "v", "mhat", "vhat")}  # 0.1 for 1 − β, not 1 − 0.9


@pytest.mark.parametrize("method", METHODS)
def test_each_working_holds_the_step_numbers_and_evaluates_to_its_value(method):
    worked = one_step(method)
    inputs = {OLD, GRADIENT, *HYPER.values(), *PREVIOUS.values(), *(w.value for w in worked)}
    # the run's constants, worked out in the working: 1 − β and adam's 1 − β^{t+1}
    constants = {1 - HYPER[b] for b in ("beta", "beta1", "beta2")}
    constants |= {1 - HYPER[b] ** (T + 1) for b in ("beta1", "beta2")}
    for w in worked:
        held_numbers = {h.args[0] for h in w.shown.atoms(Held)}
        assert held_numbers, w
        # every held number is an input, a state of this step, or a constant of the run
        assert held_numbers <= inputs | constants, (w.kind, held_numbers - inputs)
        assert bool(held_numbers & constants) == (w.kind in SHOWS_A_CONSTANT.get(method, ())), w.kind
        got = w.shown.doit()
        if w.value.is_Rational:
            assert got == w.value
        else:
            assert abs(sympy.N(got - w.value, 60)) <= sympy.Float("1e-50") * abs(w.value)


def test_the_nesterov_look_ahead_comes_from_the_same_table():
    ahead = lookahead(X, OLD, {"u": PREVIOUS["u"]}, Hyper(**HYPER), 60)
    (rule,) = [r for r in rules(Method.NESTEROV, X) if r.target.kind == "tilde"]
    assert ahead.kind == "tilde" and ahead.value == OLD - HYPER["beta"] * PREVIOUS["u"]
    assert ahead.value == rule.rhs.xreplace(_rule_numbers("nesterov", {}))
    assert ahead.shown.doit() == ahead.value


def test_perturbing_one_table_entry_changes_the_printed_rule_and_the_arithmetic(monkeypatch):
    """One description: rewrite momentum's u_t = β u_{t−1} + η g as β u_{t−1} + η² g, and both the
    rule the slide prints and the numbers ``advance`` computes follow."""
    before = rules(Method.MOMENTUM, X)[0]
    beta, u_prev, rate, grad = (Slot("beta").symbol(), Slot("u", -1).symbol(), Slot("rate").symbol(),
                                Slot("grad").symbol())
    rhs = sympy.Add(sympy.Mul(beta, u_prev, evaluate=False),
                    sympy.Mul(sympy.Pow(rate, 2, evaluate=False), grad, evaluate=False), evaluate=False)
    monkeypatch.setitem(RULES, Method.MOMENTUM, ((Slot("u"), rhs), RULES[Method.MOMENTUM][1]))
    after = rules(Method.MOMENTUM, X)[0]
    assert after.rhs != before.rhs
    assert after.rhs.has(sympy.Pow(Slot("rate").symbol(), 2, evaluate=False))
    assert set(after.slots) == set(before.slots)
    u, new = one_step("momentum")
    eta = HYPER["rate"]
    assert u.value == HYPER["beta"] * PREVIOUS["u"] + eta**2 * GRADIENT
    assert new.value == OLD - u.value
    # η² only involves a hyper-parameter: the working shows its value, 0.01, held like 1 − β
    assert held(eta**2) in u.shown.atoms(Held) and held(eta) not in u.shown.atoms(Held)


@pytest.mark.parametrize("method", METHODS)
def test_states_and_starting_states_are_read_from_the_table(method):
    targets = [target for target, _ in RULES[Method(method)]]
    assert targets[-1].kind == "param" and targets[-1].offset == 1  # every method ends with the update
    assert STATES[Method(method)] == tuple(t.kind for t in targets[:-1])
    assert set(initial_states(Method(method))) == {"gd": set(), "momentum": {"u"}, "nesterov": {"u"},
                                                   "adagrad": {"v"}, "rmsprop": {"v"}, "adam": {"m", "v"}}[method]


def test_the_working_form_writes_each_product_as_one_fraction():
    """η/sqrt(v + ε) · g is printed as the rule; the working (and its arithmetic) is η·g / sqrt(v + ε)."""
    rate, grad = Slot("rate").symbol(), Slot("grad").symbol()
    (_, update) = RULES[Method.ADAGRAD][-1]
    printed = update.args[1].args[1]  # param + (−1)·(…): the product after the minus
    assert printed.args[1] == grad and printed.args[0].args[0] == rate  # (η · 1/sqrt(…)) · g
    worked = worked_form(update).args[1].args[1]
    assert worked.args[:2] == (rate, grad)
    assert isinstance(worked.args[2], sympy.Pow) and worked.args[2].exp == -1


def test_gd_keeps_an_exact_gradient_in_its_working(tmp_path):
    # f = e^x from x = 1: the step shows 1 − 0.1·e exactly, and its value is that number, rounded once
    solution = solve_one(tmp_path, slide("gd", "0.1", steps=2, function="exp(x)", start="{x: 1}"))
    first = solution.steps[0]
    (update,) = first.updates
    assert first.slopes[0].value == sympy.E
    assert update.shown.doit() == 1 - sympy.E / 10
    assert isinstance(update.new, sympy.Float)
    assert update.new == sympy.Float(sympy.N(1 - sympy.E / 10, 60), 60)


def test_one_rounding_for_every_solver():
    assert settle(Rational(1, 3)) == Rational(1, 3)
    root = settle(sympy.sqrt(2), 60)
    assert isinstance(root, sympy.Float) and root == sympy.Float(sympy.N(sympy.sqrt(2), 60), 60)
    assert settle(sympy.zoo) == sympy.zoo  # not rounded: the descent refuses it in its own words


@pytest.mark.parametrize("method", FLOAT_METHODS)
def test_float_arithmetic_is_the_working_operation_by_operation(method):
    """Once the numbers are floats, rounding depends on the order of the operations: the value is
    the working's arithmetic exactly (η·g, then one division by sqrt(v + ε)), not 1e-60 away."""
    def f(text: str) -> sympy.Float:
        return sympy.Float(text, 60)

    for old, g, v, m in [("1.2345678901234567890123456789", "-0.98765432109876543210987654321", "1/3", "-1/7"),
                         ("-3.1415926535897932384626", "2.7182818284590452353602874", "0.57721566490153", "0.1"),
                         ("0.7071067811865475244", "1.4142135623730950488", "2.23606797749979", "-1.7320508")]:
        hyper = Hyper(**HYPER)
        previous = {kind: settle(sympy.Rational(text), 60) if "/" in text else f(text)
                    for kind, text in (("v", v), ("m", m)) if kind in initial_states(Method(method))}
        check_float_step(method, f(old), f(g), previous, hyper)


def check_float_step(method: str, old: sympy.Float, g: sympy.Float, previous: dict, hyper: Hyper) -> None:
    worked = advance(Method(method), X, old, g, previous, T, hyper, 60)
    if method == "adam":
        m = settle(hyper.beta1 * previous["m"] + (1 - hyper.beta1) * g)
        v = settle(hyper.beta2 * previous["v"] + (1 - hyper.beta2) * g**2)
        m_hat, v_hat = settle(m / (1 - hyper.beta1 ** (T + 1))), settle(v / (1 - hyper.beta2 ** (T + 1)))
        expected = [m, v, m_hat, v_hat, settle(old - hyper.rate * m_hat / (sympy.sqrt(v_hat) + hyper.eps))]
    else:
        v = settle(previous["v"] + g**2 if method == "adagrad"
                   else hyper.beta * previous["v"] + (1 - hyper.beta) * g**2)
        expected = [v, settle(old - hyper.rate * g / sympy.sqrt(v + hyper.eps))]
    assert [w.value for w in worked] == expected
    assert all(isinstance(w.value, sympy.Float) for w in worked)


@pytest.mark.parametrize("method, printed", [
    ("adagrad", r"x_{1} = 1.3 - \frac{0.1 \cdot 8}{\sqrt{64 + 0.001}} \approx 1.2"),
    ("rmsprop", r"x_{1} = 1.3 - \frac{0.1 \cdot 8}{\sqrt{32 + 0.001}} \approx 1.159"),
    ("adam", r"x_{1} = 1.3 - \frac{0.1 \cdot 8}{\sqrt{64} + 0.001} = \frac{96013}{80010} \approx 1.2"),
])
def test_a_readable_square_root_step_prints_one_fraction(method, printed):
    """η·g over the root, as a student substitutes into η/sqrt(v + ε) · g (the slides' wording)."""
    previous = {kind: sympy.Integer(0) for kind in initial_states(Method(method))}
    hyper = Hyper(Rational(1, 10), beta=Rational(1, 2), eps=Rational(1, 1000))
    update = advance(Method(method), X, OLD, sympy.Integer(8), previous, 0, hyper, 60)[-1]
    p = printer_for("en", 4, 8)
    assert p.chain(p.indexed(X, 1), [update.shown], update.value) == printed


@pytest.mark.parametrize("method, printed", [
    ("gd", r"x_{1} = 1.3 - 8 = -6.7"),
    ("momentum", r"u_{1} = 0.5 \cdot 0 + 8 = 8"),
    ("adam", r"x_{1} = 1.3 - \frac{8}{\sqrt{64} + 0.001} = \frac{24013}{80010} \approx 0.3001"),
])
def test_a_learning_rate_of_1_is_not_written_as_a_factor(method, printed):
    """η = 1: the working reads 1.3 − 8, as a teacher writes it, never 1.3 − 1 · 8; the value is unchanged."""
    previous = {kind: sympy.Integer(0) for kind in initial_states(Method(method))}
    hyper = Hyper(sympy.Integer(1), beta=Rational(1, 2), eps=Rational(1, 1000))
    worked = advance(Method(method), X, OLD, sympy.Integer(8), previous, 0, hyper, 60)
    update = worked[0] if method == "momentum" else worked[-1]
    p = printer_for("en", 4, 8)
    name = "u" if method == "momentum" else X
    assert p.chain(p.indexed(name, 1), [update.shown], update.value) == printed
    assert r"1 \cdot" not in p.expr(update.shown)


def test_a_gradient_of_1_stays_in_the_working():
    """Only coefficients are left out: a substituted number 1 (the gradient) is part of the arithmetic."""
    update = advance(Method.GD, X, OLD, sympy.Integer(1), {}, 0, Hyper(Rational(1, 10)), 60)[-1]
    p = printer_for("en", 4, 8)
    assert p.chain(p.indexed(X, 1), [update.shown], update.value) == r"x_{1} = 1.3 - 0.1 \cdot 1 = 1.2"
