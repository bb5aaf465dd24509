"""Descent slides print the instructor's function as written (issue 15): its terms in the spec's order,
in the given line and in every substituted value f(w_i); the checker verifies every line."""
from __future__ import annotations

from solve_helpers import build_one


def test_the_function_and_its_values_keep_the_written_order(tmp_path):
    markdown = build_one(tmp_path, """
        - kind: gradient_descent
          function: w + w^4 - 3*w^2
          start: {w: 2}
          learning_rate: 0.01
          steps: 1
        """)
    assert r"f\left(w\right) = w + w^{4} - 3 w^{2}" in markdown
    # f(w_0) = 2 + 16 - 12 = 6, as written (SymPy's order would be 2^{4} - 3 \cdot 2^{2} + 2)
    assert r"f\left(w_{0}\right) = 2 + 2^{4} - 3 \cdot 2^{2} = 6" in markdown


def test_learning_rates_and_compare_methods_give_the_function_as_written(tmp_path):
    markdown = build_one(tmp_path, """
        - kind: learning_rates
          function: w*y + w^2 + y^2
          start: {w: 1, y: 2}
          learning_rates: [0.1, 0.2]
          steps: 2
        - kind: compare_methods
          function: w*y + w^2 + y^2
          start: {w: 1, y: 2}
          steps: 2
          runs: [{method: gd, learning_rate: 0.1}, {method: momentum, learning_rate: 0.1}]
        """)
    assert markdown.count(r"f\left(w, y\right) = w y + w^{2} + y^{2}") == 2


def test_a_long_first_step_continues_on_a_second_page(tmp_path):
    """Two partials, two updates, the new point, f twice and the answer are more than a page holds: the new
    point, f and the answer go on a page of their own; one variable keeps one page."""
    two = build_one(tmp_path, """
        - kind: gradient_descent
          title: Two
          function: x^2 + y^2
          start: {x: 1, y: 2}
          learning_rate: 0.1
          steps: 1
        """)
    assert two.count("## Two: step 1") == 2
    assert two.index("New point:") > two.rindex("## Two: step 1") > two.index("Update:")
    one = build_one(tmp_path, """
        - kind: gradient_descent
          title: One
          function: x^2
          start: {x: 1}
          learning_rate: 0.1
          steps: 1
        """)
    assert one.count("## One: step 1") == 1
