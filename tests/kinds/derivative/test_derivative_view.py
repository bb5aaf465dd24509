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
