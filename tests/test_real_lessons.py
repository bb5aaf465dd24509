"""Ordinary lessons that used to crash, hang or print unreadable numbers (issue 15), each built end to end.

``build_one`` runs the real build, checker included: a deck it returns has 0 wrong and 0 not-understood
formulas.  Values are compared with an independent computation written here (mpmath, fractions).
"""
from __future__ import annotations

import re
from fractions import Fraction

import mpmath
import pytest
import sympy

from generator.build import build_deck
from generator.errors import InternalError, SpecError
from generator.solve.substitute import EXACT_BITS, settle
from generator.spec import load_deck
from tests.solve_helpers import build_one, solve_one

QUARTIC = "w^4 - 3*w^2 + w"


def _quartic_descent(start: Fraction, rate: Fraction, tolerance: Fraction, max_steps: int) -> list[mpmath.mpf]:
    """The same gradient descent at 80 digits, written independently of the solver."""
    with mpmath.workdps(80):
        f = lambda w: w**4 - 3 * w**2 + w  # noqa: E731
        w = mpmath.mpf(start.numerator) / start.denominator
        eta = mpmath.mpf(rate.numerator) / rate.denominator
        path = [w]
        for _ in range(max_steps):
            new = w - eta * (4 * w**3 - 6 * w + 1)
            path.append(new)
            if abs(f(new) - f(w)) < mpmath.mpf(tolerance.numerator) / tolerance.denominator:
                break
            w = new
        return path


@pytest.mark.parametrize("start, minimum", [(2, 1.1311), (-2, -1.3008)])
def test_the_quartic_descends_to_both_minima_with_a_stop_rule(tmp_path, start, minimum):
    """Exact fractions triple their digits at every step of this descent: 10^{323759} after 11 steps used to
    hang the build; past ``EXACT_BITS`` the run goes on in 60-digit floats and prints with ``\\approx``."""
    solution = solve_one(tmp_path, f"""
        - kind: gradient_descent
          function: {QUARTIC}
          start: {{w: {start}}}
          learning_rate: 0.02
          stop: {{tolerance: 0.0000001, max_steps: 1000}}
        """)
    expected = _quartic_descent(Fraction(start), Fraction(1, 50), Fraction(1, 10**7), 1000)
    assert len(solution.steps) == len(expected) - 1
    last = solution.last.new_point[0][1]
    assert abs(float(last) - minimum) < 1e-3
    with mpmath.workdps(80):
        assert abs(mpmath.mpf(str(sympy.N(last, 50))) - expected[-1]) < mpmath.mpf(10) ** -40
    markdown = build_one(tmp_path, f"""
        - kind: gradient_descent
          function: {QUARTIC}
          start: {{w: {start}}}
          learning_rate: 0.02
          stop: {{tolerance: 0.0000001, max_steps: 1000}}
        """)
    steps = len(expected) - 1
    answer = rf"w_{{{steps}}} \approx {mpmath.nstr(expected[-1], 4)}, \qquad f\left(w_{{{steps}}}\right) \approx"
    assert answer in markdown


def test_exact_fractions_stay_exact_while_short_and_become_floats_past_the_cap():
    short = sympy.Rational(1393, 1000)
    assert settle(short) is short
    long = sympy.Rational(3**700 + 1, 2**600)
    assert max(long.p.bit_length(), long.q.bit_length()) > EXACT_BITS
    settled = settle(long)
    assert isinstance(settled, sympy.Float)
    assert abs(settled - long) < sympy.Rational(1, 10**50) * abs(long)


def test_arctan_plus_square_ten_steps_build(tmp_path):
    markdown = build_one(tmp_path, """
        - kind: gradient_descent
          function: atan(x) + x^2
          start: {x: 1}
          learning_rate: 0.1
          steps: 10
        """)
    x = mpmath.mpf(1)
    for _ in range(10):
        x -= mpmath.mpf("0.1") * (1 / (1 + x**2) + 2 * x)
    assert mpmath.nstr(x, 4) in markdown


def test_a_thousand_epoch_fit_builds(tmp_path):
    markdown = build_one(tmp_path, """
        - kind: fit
          title: Line
          model: w*x + b
          input: x
          data: [[1, 2.1], [2, 3.9], [3, 6.2], [4, 7.8]]
          params: {w: 0, b: 0}
          learning_rate: 0.01
          steps: 1000
        """)
    w, b = Fraction(0), Fraction(0)
    data = [(Fraction(1), Fraction("2.1")), (Fraction(2), Fraction("3.9")), (Fraction(3), Fraction("6.2")),
            (Fraction(4), Fraction("7.8"))]
    for _ in range(1000):
        dw = sum((w * x + b - y) * x for x, y in data)  # (the loss of a point: ½(ŷ − y)²)
        db = sum(w * x + b - y for x, y in data)
        w, b = w - Fraction(1, 100) * dw, b - Fraction(1, 100) * db
        w, b = Fraction(float(w)), Fraction(float(b))  # (doubles are plenty for 4 digits)
    row = re.search(r"\| \$1000\$ \| \$\\approx ([-\d.]+)\$ \| \$\\approx ([-\d.]+)\$", markdown)
    assert row is not None
    assert abs(float(row.group(1)) - float(w)) < 1e-3 and abs(float(row.group(2)) - float(b)) < 1e-3


def test_a_fit_with_a_target_of_zero_builds(tmp_path):
    build_one(tmp_path, """
        - kind: fit
          title: Through zero
          model: w*x + b
          input: x
          data: [[0, 0], [1, 2], [2, 4]]
          params: {w: 0, b: 0}
          learning_rate: 0.1
          steps: 2
        """)


@pytest.mark.parametrize("function", ["tan(x + 1)", "tan(3*x^3 + 2*x + 1)"])
def test_derivations_of_tangents_of_compound_arguments_build(tmp_path, function):
    """The engine's self-check compares its result with sympy.diff at sample points first (1/cos²u against
    1 + tg²u defeats ``simplify`` for a long u)."""
    build_one(tmp_path, f"""
        - kind: derivative
          function: {function}
        """)


def test_a_value_whose_reality_sympy_cannot_decide_is_decided_numerically(tmp_path):
    """SymPy answers "unknown" to whether tan(ln 2) is real; the derivative of tan(ln x) at 2 exists."""
    markdown = build_one(tmp_path, """
        - kind: derivative
          function: tan(log(x))
          at: 2
        """)
    expected = 1 / (2 * mpmath.cos(mpmath.log(2)) ** 2)
    assert mpmath.nstr(expected, 3) in markdown


@pytest.mark.parametrize("slide, key_line", [
    ("- kind: derivative\n    function: x^2\n    name: x", 5),
    ("- kind: gradient\n    function: x^2 + y^2\n    name: y", 5),
    ("- kind: gradient_descent\n    function: x^2 + a*y\n    name: a\n    start: {x: 1, y: 1, a: 1}\n"
     "    learning_rate: 0.1\n    steps: 1", 5),
])
def test_a_function_named_like_one_of_its_letters_is_a_spec_error(tmp_path, slide, key_line):
    spec = tmp_path / "lesson.yaml"
    spec.write_text(f"title: T\nslides:\n  {slide}\n", encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load_deck(spec)
    text = str(caught.value)
    assert f"lesson.yaml:{key_line}:" in text and ".name: " in text and "is also a letter of the function" in text


def test_a_solver_failure_names_the_slide_and_its_line(tmp_path, monkeypatch):
    """A bug in a solver is still a bug (exit 3), but the message says which slide of which file triggers it."""
    import generator.kinds.derivative.solve as derivative

    monkeypatch.setattr(derivative, "agrees", lambda candidate, exact: False)
    spec = tmp_path / "lesson.yaml"
    spec.write_text("title: T\nslides:\n  - kind: derivative\n    title: Tangent\n    function: tan(x + 1)\n",
                    encoding="utf-8")
    with pytest.raises(InternalError) as caught:
        build_deck(spec, tmp_path / "out")
    assert str(caught.value).startswith(f'{spec}:3:5 (slides[0] "Tangent"): internal error while solving: '
                                        "AssertionError")
    assert caught.value.exit_code == 3
