"""A fit whose model is written ``sigmoid(w*x + b)``: σ kept on the slides, step 1 worked with rounded numbers.

Values are recomputed here with mpmath from the hand-derived gradients of σ (see ``test_fit_solve``):
squared error ∂L_k/∂w = (ŷ_k − y_k) ŷ_k (1 − ŷ_k) x_k; cross-entropy ∂L_k/∂w = (ŷ_k − y_k) x_k (∂/∂b: without x_k).
Every deck is built through the real staging, so it has passed the checker (0 wrong, 0 not understood).
"""
from __future__ import annotations

import re

import mpmath
import pytest

from solve_helpers import build_one, solve_one

mpmath.mp.dps = 50
DATA = [(mpmath.mpf("0.5"), 0), (mpmath.mpf(2), 1), (mpmath.mpf(3), 1)]
START = (mpmath.mpf(-2), mpmath.mpf(-2))
RATE = mpmath.mpf("0.5")

SLIDE = """
- kind: fit
  title: Logistic
  model: sigmoid(w*x + b)
  input: x
  data: [[0.5, 0], [2, 1], [3, 1]]
  params: {{w: -2, b: -2}}
  learning_rate: 0.5
  loss: {loss}
  steps: 2
{extra}"""


def sigma(z):
    return 1 / (1 + mpmath.exp(-z))


def point_partials(loss: str, w, b):
    """Each point's (∂L_k/∂w, ∂L_k/∂b) at (w, b)."""
    result = []
    for x, y in DATA:
        y_hat = sigma(w * x + b)
        error = (y_hat - y) * y_hat * (1 - y_hat) if loss == "squared_error" else y_hat - y
        result.append((error * x, error))
    return result


def rounded(value, digits: int = 4) -> str:
    """``value`` to ``digits`` significant digits, as the deck prints it (no trailing zeros)."""
    text = mpmath.nstr(value, digits, strip_zeros=True, min_fixed=-10, max_fixed=10)
    return text.removesuffix(".0")


def build(tmp_path, loss: str, extra: str = "") -> str:
    return build_one(tmp_path, SLIDE.format(loss=loss, extra=extra))


@pytest.mark.parametrize("loss", ["cross_entropy", "squared_error"])
def test_sigma_is_printed_and_step_1_is_worked_with_rounded_numbers(tmp_path, loss):
    deck = build(tmp_path, loss)
    assert r"\hat{y}\left(x\right) &= \sigma\left(" in deck
    assert r"\begin{aligned} \sigma\left(z\right) &= \frac{1}{1 + e^{- z}} \\ " in deck  # σ as the checker reads it
    assert r"\sigma\left(w x + b\right) \cdot \left(1 - \sigma\left(w x + b\right)\right) \cdot x" in deck
    assert "e^{17}" not in deck and "e^{8}" not in deck  # no exact sums of exponentials in step 1
    assert r"= \sigma\left(-3\right) \approx " + rounded(sigma(-3)) in deck
    partials = point_partials(loss, *START)
    for k, (dw, db) in enumerate(partials, start=1):
        assert rf"\frac{{\partial L_{{{k}}}}}{{\partial w}}\left(-2, -2\right) \approx {rounded(dw)}" in deck
        assert rf"\frac{{\partial L_{{{k}}}}}{{\partial b}}\left(-2, -2\right) \approx {rounded(db)}" in deck
    gradient = [sum(p[i] for p in partials) for i in range(2)]
    new = [START[i] - RATE * gradient[i] for i in range(2)]
    for name, value in zip("wb", new):
        head = (rf"\begin{{aligned}} {name}_{{1}} &= -2 - 0.5 \cdot \frac{{\partial L}}{{\partial {name}}}"
                r"\left(-2, -2\right) \\ &\approx -2 - 0.5 \cdot \left(")
        line = next(line for line in deck.splitlines() if line.startswith(head))
        assert line.endswith(rf"\right) \approx {rounded(value)} \end{{aligned}}")
    sum_line = next(line for line in deck.splitlines()
                    if line.startswith(r"\begin{aligned} \frac{\partial L}{\partial w}\left(-2, -2"))
    assert sum_line.endswith(rf"\approx {rounded(gradient[0])} \end{{aligned}}")
    assert r"\approx " + " + ".join([rounded(partials[0][0])] + [rf"\left({rounded(p[0])}\right)" for p in partials[1:]]) \
        in sum_line


def test_exact_true_keeps_the_closed_forms(tmp_path):
    deck = build(tmp_path, "cross_entropy", "  exact: true\n")
    assert r"\sigma\left(w x + b\right)" in deck  # σ on the model all the same
    assert "e^{17}" in deck  # the exact sum of step 1
    assert "The model's predictions" not in deck


def test_the_values_stay_exact_underneath(tmp_path):
    solution = solve_one(tmp_path, SLIDE.format(loss="cross_entropy", extra=""))
    assert solution.rounded
    first = solution.descent.steps[0]
    for slope, expected in zip(first.slopes, [sum(p[i] for p in point_partials("cross_entropy", *START))
                                              for i in range(2)]):
        assert abs(mpmath.mpf(str(slope.value.evalf(40))) - expected) < mpmath.mpf("1e-30")
    assert not solution.slide.model.has(type(solution.slide.shown_model))  # the exact model has no σ object
    assert str(solution.predictions[0].exact) == "Sigmoid(-3)"


def test_a_rational_step_keeps_its_exact_working(tmp_path):
    """From w = b = 0, σ(0) = 1/2: nothing to round, step 1 is exact as before."""
    deck = build_one(tmp_path, SLIDE.format(loss="squared_error", extra="").replace("{w: -2, b: -2}",
                                                                                   "{w: 0, b: 0}"))
    assert "The model's predictions" not in deck
    assert r"\sigma\left(w x + b\right)" in deck


def test_a_linear_model_with_squared_error_is_unchanged(tmp_path):
    deck = build_one(tmp_path, """
        - kind: fit
          model: w*x + b
          data: [[1, 2], [2, 3]]
          params: {w: 0, b: 0}
          learning_rate: 0.1
          steps: 1
        """)
    assert r"\sigma" not in deck and "The model's predictions" not in deck
    assert r"w_{1} = 0 - 0.1 \cdot \left(-8\right) = 0.8" in deck


def test_a_mini_batch_fit_works_its_first_batch_with_rounded_numbers(tmp_path):
    deck = build(tmp_path, "cross_entropy", "  batch_size: 2\n")
    first = point_partials("cross_entropy", *START)[:2]
    line = next(line for line in deck.splitlines() if r"g_{w}" in line and r"\\ &\approx" in line)
    assert rf"&\approx {rounded(first[0][0])} + \left({rounded(first[1][0])}\right) \approx" in line
