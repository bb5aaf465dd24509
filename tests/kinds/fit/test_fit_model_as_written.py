"""A fit's model is printed as the instructor wrote it (issue 15): w x + b, not b + w x."""
from __future__ import annotations

from solve_helpers import build_one


def test_the_model_keeps_the_written_order(tmp_path):
    markdown = build_one(tmp_path, """
        - kind: fit
          model: w*x + b
          data: [[1, 2], [2, 3]]
          params: {w: 0, b: 0}
          learning_rate: 0.1
          steps: 1
        - kind: fit
          model: 1/(1 + exp(-(w*x + b)))
          data: [[0.5, 0.2], [2.5, 0.9]]
          params: {w: 0, b: 0}
          learning_rate: 0.5
          steps: 1
        """)
    assert r"\hat{y}\left(x\right) = w x + b" in markdown
    assert r"b + w x" not in markdown
    assert r"\hat{y}\left(x\right) = \frac{1}{1 + e^{- \left(w x + b\right)}}" in markdown
