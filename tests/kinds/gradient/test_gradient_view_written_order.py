"""Gradient slides print the instructor's function as written, decimals as typed (issue 15)."""
from __future__ import annotations

from solve_helpers import build_one


def test_the_function_keeps_its_order_and_its_decimals(tmp_path):
    markdown = build_one(tmp_path, """
        - kind: gradient
          function: 2.27*x*y + 1.78*x^2
          at: {x: 1, y: 2}
        """)
    assert r"f\left(x, y\right) = 2.27 x y + 1.78 x^{2}" in markdown
    assert r"\frac{\partial f}{\partial x} = 3.56 x + 2.27 y" in markdown
    assert r"\frac{\partial f}{\partial x}\left(1, 2\right) = 3.56 \cdot 1 + 2.27 \cdot 2 = 8.1" in markdown
    assert r"\frac{89" not in markdown
