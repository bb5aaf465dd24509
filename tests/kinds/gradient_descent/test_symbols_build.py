"""The instructor's notation end to end: decks with ``symbols:`` build, the checker follows every step.

Each deck is staged through the real build (solver, printer, checker): it fails on a wrong or not
understood formula, so a staged deck has 0 of either; the printed lines are asserted, and the iterates
are recomputed here with fractions.
"""
from __future__ import annotations

from fractions import Fraction

import pytest

from generator.build import discard, stage_deck


def staged_markdown(write_spec, text: str, tmp_path) -> str:
    """The Markdown of a deck staged through the whole build (the checker included)."""
    staged = stage_deck(write_spec(text), tmp_path / "out")
    try:
        verdict = staged.verdicts[".md"]
        assert verdict.failures == [] and verdict.verified > 0
        return staged.documents[".md"]
    finally:
        discard(staged)


def descent(w0: Fraction, rate: Fraction, steps: int) -> list[Fraction]:
    """w_{k+1} = w_k − rate · 2 w_k (f = w² + 12), by hand."""
    iterates = [w0]
    for _ in range(steps):
        iterates.append(iterates[-1] - rate * 2 * iterates[-1])
    return iterates


def test_lambda_with_one_variable_and_decimal_commas(write_spec, tmp_path):
    """The seed lecture's notation: L(w) = w² + 12, λ, w_{i+1} = w_i − λ ∂L/∂w."""
    markdown = staged_markdown(write_spec, r"""
        title: Градиентный спуск
        lang: ru
        symbols: {learning_rate: \lambda}
        slides:
          - kind: gradient_descent
            name: L
            function: w**2 + 12
            start: {w: 3}
            learning_rate: 0.1
            steps: 3
    """, tmp_path)
    assert r"L\left(w\right) = w^{2} + 12, \qquad \lambda = 0{,}1, \qquad w_{0} = 3" in markdown
    assert r"w_{i+1} = w_{i} - \lambda \frac{\partial L}{\partial w}\left(w_{i}\right)" in markdown
    assert r"w_{1} = 3 - 0{,}1 \cdot 6 = 2{,}4" in markdown
    assert descent(Fraction(3), Fraction(1, 10), 3)[-1] == Fraction(192, 125)  # 1.536
    assert r"w_{3} = 1{,}536" in markdown
    assert r"\eta" not in markdown


def test_a_with_two_variables_as_in_the_seed_task(write_spec, tmp_path):
    """The KLE task: f = x² + xy + y², a = 0.01 from (1.3, 5.4)."""
    markdown = staged_markdown(write_spec, """
        title: First step
        slides:
          - kind: gradient_descent
            function: x**2 + x*y + y**2
            start: {x: 1.3, y: 5.4}
            learning_rate: 0.01
            steps: 1
            symbols: {learning_rate: a, iterate: x_t}
    """, tmp_path)
    assert r"a = 0.01" in markdown
    assert r"x_{t+1} = x_{t} - a \frac{\partial f}{\partial x}\left(x_{t}, y_{t}\right)" in markdown
    x1 = Fraction(13, 10) - Fraction(1, 100) * (2 * Fraction(13, 10) + Fraction(27, 5))
    assert x1 == Fraction(61, 50) and r"x_{1} = 1.3 - 0.01 \cdot 8 = 1.22" in markdown
    assert r"\eta" not in markdown


@pytest.mark.parametrize("method, rule", [
    ("momentum", r"u^{(k)} = \beta u^{(k-1)} + \lambda \frac{\partial f}{\partial w}\left(w^{(k)}\right)"),
    ("adam", r"w^{(k+1)} = w^{(k)} - \frac{\lambda \hat{m}^{(k)}}{\sqrt{\hat{v}^{(k)}} + \varepsilon}"),
])
def test_the_methods_with_lambda_and_superscript_iterates(write_spec, tmp_path, method, rule):
    markdown = staged_markdown(write_spec, rf"""
        title: Methods
        symbols: {{learning_rate: \lambda, iterate: 'w^{{(k)}}'}}
        slides:
          - kind: gradient_descent
            function: w**2 + 12
            start: {{w: 3}}
            learning_rate: 0.1
            method: {method}
            steps: 3
    """, tmp_path)
    assert rule in markdown
    assert r"\lambda = 0.1" in markdown and r"\eta" not in markdown
    assert r"w^{(1)} = " in markdown


def test_a_fit_with_a_as_the_rate_and_its_own_loss_name(write_spec, tmp_path):
    markdown = staged_markdown(write_spec, """
        title: Fit
        slides:
          - kind: fit
            model: w*x + b
            data: [[1, 2], [2, 3]]
            params: {w: 0, b: 0}
            learning_rate: 0.05
            steps: 2
            symbols: {learning_rate: a, loss: J}
    """, tmp_path)
    assert r"J\left(w, b\right) = J_{1}\left(w, b\right) + J_{2}\left(w, b\right)" in markdown
    assert r"w_{i+1} = w_{i} - a \frac{\partial J}{\partial w}\left(w_{i}, b_{i}\right)" in markdown
    # ∂J/∂w(0, 0) = (0 − 2)·1 + (0 − 3)·2 = −8: w_1 = 0 − 0.05 · (−8) = 0.4
    assert r"w_{1} = 0 - 0.05 \cdot \left(-8\right) = 0.4" in markdown
    assert r"\eta" not in markdown and r"L_{1}" not in markdown


def test_a_learning_rate_of_1_is_never_a_factor_on_the_slides(write_spec, tmp_path):
    markdown = staged_markdown(write_spec, """
        title: Rate 1
        slides:
          - kind: gradient_descent
            function: w**2
            start: {w: -2}
            learning_rate: 1
            steps: 2
          - kind: gradient_descent
            function: x**2 + y**2
            start: {x: 1, y: 2}
            learning_rate: 1
            method: momentum
            beta: 0.5
            steps: 1
          - kind: fit
            model: w*x + b
            data: [[1, 2], [2, 3]]
            params: {w: 0, b: 0}
            learning_rate: 1
            steps: 1
    """, tmp_path)
    assert r"1 \cdot" not in markdown
    assert r"w_{1} = -2 - \left(-4\right) = 2" in markdown
    assert r"u_{x}^{(0)} = 0.5 \cdot 0 + 2 = 2" in markdown
    assert r"w_{1} = 0 - \left(-8\right) = 8" in markdown
