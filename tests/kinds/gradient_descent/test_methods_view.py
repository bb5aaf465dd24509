"""The optimizers' states as printed for subscripted variables, read back by the checker (differential run, seed 2)."""
from __future__ import annotations

import pytest

from solve_helpers import build_one


@pytest.mark.parametrize("method, names", [
    ("momentum", [r"u_{w_{1}}^{(t)}", r"u_{w_{2}}^{(-1)}"]),
    ("nesterov", [r"\tilde{w}_{1}^{(t)}", r"\tilde{w}_{2}^{(0)}", r"u_{w_{1}}^{(t-1)}"]),
    ("adam", [r"m_{w_{1}}^{(t)}", r"\hat{v}_{w_{2}}^{(t)}"]),
    ("adagrad", [r"v_{w_{1}}^{(t)}"]),
    ("rmsprop", [r"v_{w_{2}}^{(t-1)}"]),
])
def test_states_of_subscripted_variables(tmp_path, method, names):
    # u_w_1 printed u_{w 1}, the look-ahead w_{\tilde{1}}: neither a student nor the checker reads them
    markdown = build_one(tmp_path, f"""
        - kind: gradient_descent
          function: "w_1^2 + 3*w_2^2"
          start: {{w_1: 1, w_2: 2}}
          learning_rate: 0.1
          steps: 3
          method: {method}
        """)
    for name in names:
        assert name in markdown
    assert "{w 1}" not in markdown and r"\tilde{1}" not in markdown


def test_a_fit_with_subscripted_parameters_and_batches(tmp_path):
    markdown = build_one(tmp_path, """
        - kind: fit
          model: "w_1*x + w_2*x^2"
          data: [[1, 2], [2, 3], [3, 5]]
          params: {w_1: 0, w_2: 0}
          batch_size: 1
          learning_rate: 0.01
          method: nesterov
          steps: 2
        """, header="lang: ru\nprecision: 5\n")
    assert r"g_{w_{1}}^{(0)}" in markdown and r"\tilde{w}_{2}^{(1)}" in markdown


def test_a_descent_of_y_names_its_points(tmp_path):
    # y = … then y(w_1^{(1)}, …) ≈ 3.04: the checker took y for a variable (seed 2, deck 27)
    markdown = build_one(tmp_path, """
        - kind: gradient_descent
          name: y
          function: "w_1^(1/3) - w_2"
          start: {w_1: 1.5, w_2: -2}
          learning_rate: 0.1
          steps: 1
          method: nesterov
        """)
    assert r"y\left(w_{1}, w_{2}\right) = \sqrt[3]{w_{1}} - w_{2}" in markdown
