"""Derivative slides as printed: the value at a point names its point, whatever the function is called."""
from __future__ import annotations

import pytest

from solve_helpers import build_one


@pytest.mark.parametrize("name", ["y", "g"])
@pytest.mark.parametrize("show_steps", ["true", "false"])
def test_the_value_at_a_point_names_the_point(tmp_path, name, show_steps):
    # y' alone is the derivative (a function): its value at 0.5 is y'(0.5) (differential run, seed 2, G2)
    markdown = build_one(tmp_path, f"""
        - kind: derivative
          function: "-2*w^4"
          name: {name}
          at: 0.5
          show_steps: {show_steps}
        """, header="lang: ru\n")
    assert rf"{name}'\left(0{{,}}5\right) = - 8 \cdot 0{{,}}5^{{3}} = -1" in markdown
    assert rf"{name}' = - 8 \cdot" not in markdown


def test_the_function_and_every_derivation_row_keep_the_written_order(tmp_path):
    """Issue 15: (w^4 - 3w^2 + w)' = (w^4)' - (3w^2)' + (w)', never SymPy's (-3w^2)' + (w^4)' + 1."""
    markdown = build_one(tmp_path, """
        - kind: derivative
          function: w^4 - 3*w^2 + w
          at: 1
        """)
    assert r"f\left(w\right) = w^{4} - 3 w^{2} + w" in markdown
    assert (r"f'\left(w\right) &= \left(w^{4} - 3 w^{2} + w\right)' \\ "
            r"&= \left(w^{4}\right)' - \left(3 w^{2}\right)' + \left(w\right)'") in markdown
    assert r"&= 4 w^{3} - 3 \left(w^{2}\right)' + \left(w\right)'" in markdown
    assert r"&= 4 w^{3} - 3 \cdot 2 w + 1" in markdown
    assert r"- 3 w^{2}\right)'" not in markdown


def test_typed_decimals_stay_decimals_in_the_function_its_rows_and_its_derivative(tmp_path):
    markdown = build_one(tmp_path, """
        - kind: derivative
          function: 1.78*x^2 + 2.27*x
          at: 2
        """)
    assert r"f\left(x\right) = 1.78 x^{2} + 2.27 x" in markdown
    assert r"&= \left(1.78 x^{2}\right)' + \left(2.27 x\right)'" in markdown
    assert r"f'\left(x\right) = 3.56 x + 2.27" in markdown
    assert r"f'\left(2\right) = 3.56 \cdot 2 + 2.27 = 9.39" in markdown
    assert r"\frac{89" not in markdown and r"\frac{227" not in markdown


def test_a_parameter_keeps_the_written_order_of_the_function(tmp_path):
    markdown = build_one(tmp_path, """
        - kind: derivative
          function: x^3 + a*x
        """, header="params:\n  a: {choices: [-2, 3]}\n")
    assert r"f\left(x\right) = x^{3} - 2 x" in markdown
    assert r"\left(x^{3}\right)' - \left(2 x\right)'" in markdown


def test_written_divisions_and_roots_are_derived_and_verified(tmp_path):
    markdown = build_one(tmp_path, """
        - kind: derivative
          function: x^2/3 + 1/4*x + x^(1/3)
          at: 1
        """)
    assert r"f\left(x\right) = \frac{x^{2}}{3} + \frac{x}{4} + \sqrt[3]{x}" in markdown


def test_the_variable_rule_names_the_slides_variable(tmp_path):
    """``(w)' = 1`` is annotated w' = 1 on a slide in w, not x' = 1."""
    deck = build_one(tmp_path, """
        - kind: derivative
          function: w^4 - 3*w^2 + w
        """)
    assert r"\text{(w' = 1)}" in deck and "x' = 1" not in deck
