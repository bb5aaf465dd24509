"""Plot formulas are named by their labels when a label calls a function (issue 15): σ(x) = …, σ'(x) = …;
any other label keeps f_k.  The checker verifies every formula (σ' as the derivative of σ)."""
from __future__ import annotations

import pytest
import sympy
from solve_helpers import build_one

from generator.kinds.plot.solve import label_name

X = sympy.Symbol("x", real=True)


@pytest.mark.parametrize(("label", "name"), [
    ("σ(x)", ("sigma", False)), ("σ′(x)", ("sigma", True)), ("g(x)", ("g", False)), ("g'( x )", ("g", True)),
    ("Φ(x)", ("Phi", False)), ("λ(x)", ("lambda", False)),
    ("sin x", None), ("sin(x)", None), ("cubic", None), ("g(t)", None), ("x(x)", None), ("π(x)", None),
    ("e(x)", None), ("ж(x)", None),
])
def test_a_label_names_a_function_only_when_it_calls_a_free_name_on_the_variable(label, name):
    assert label_name(label, X) == name


def test_the_formulas_are_named_by_their_labels(tmp_path):
    markdown = build_one(tmp_path, """
        - kind: plot
          functions: ["1/(1 + exp(-x))", "exp(-x)/(1 + exp(-x))^2", "x^3 - x"]
          labels: ["σ(x)", "σ′(x)", "cubic"]
          range: [-3, 3]
          tangent_at: 0
        """)
    # a formula named by its label is not led by the label again ("σ(x): σ(x) = …")
    assert r"$\displaystyle \sigma\left(x\right) = \frac{1}{1 + e^{- x}}$" in markdown
    assert r"$\displaystyle \sigma'\left(x\right) = \frac{e^{- x}}{\left(1 + e^{- x}\right)^{2}}$" in markdown
    assert "σ(x):" not in markdown and "σ′(x):" not in markdown
    assert r"cubic: $\displaystyle f_{3}\left(x\right) = x^{3} - x$" in markdown
    assert r"y = \sigma\left(0\right) + \sigma'\left(0\right) \cdot \left(x - 0\right)" in markdown


def test_a_prime_label_that_is_not_the_derivative_keeps_f_k(tmp_path):
    markdown = build_one(tmp_path, """
        - kind: plot
          functions: ["x^2", "x^3", "x^4 + 1"]
          labels: ["g(x)", "g'(x)", "g(x)"]
          range: [-2, 2]
        """)
    assert r"g\left(x\right) = x^{2}" in markdown
    assert r"f_{2}\left(x\right) = x^{3}" in markdown  # x^3 is not (x^2)'
    assert r"f_{3}\left(x\right) = x^{4} + 1" in markdown  # g is taken


def test_a_label_of_a_known_function_keeps_f(tmp_path):
    markdown = build_one(tmp_path, """
        - kind: plot
          functions: ["sin(x)"]
          labels: ["sin x"]
          range: [-3, 3]
          tangent_at: 1
        """)
    assert r"sin x: $\displaystyle f\left(x\right) = \sin{\left(x \right)}$" in markdown
