"""``learning_rates`` and ``compare_methods``: regimes read from the iterates, values recomputed here."""
from __future__ import annotations

from fractions import Fraction

import pytest

from solve_helpers import solve_one


def test_the_three_regimes_of_w_squared_plus_12(tmp_path):
    # w_{i+1} = w_i − η·2w_i = (1 − 2η) w_i: 0.8 (monotone), −0.8 (oscillating), −1.2 (diverging)
    solution = solve_one(tmp_path, """
    - kind: learning_rates
      function: w^2 + 12
      name: L
      start: {w: 5}
      learning_rates: [0.1, 0.9, 1.1]
      steps: 10
    """)
    assert [run.regime for run in solution.runs] == ["converges", "oscillates", "diverges"]
    for run, factor in zip(solution.runs, (Fraction(4, 5), Fraction(-4, 5), Fraction(-6, 5))):
        (_, w10), = run.descent.last.new_point
        assert Fraction(int(w10.p), int(w10.q)) == 5 * factor ** 10


def test_two_variables_diverge_above_two_over_the_largest_curvature(tmp_path):
    # f = x² + xy + y² has Hessian eigenvalues 1 and 3: gd diverges for η > 2/3
    solution = solve_one(tmp_path, """
    - kind: learning_rates
      function: x**2 + x*y + y**2
      start: {x: 1.3, y: 5.4}
      learning_rates: [0.1, 0.6, 0.7]
    """)
    assert [run.regime for run in solution.runs] == ["converges", "oscillates", "diverges"]


def test_repeated_rates_are_refused(tmp_path):
    from generator.errors import SpecError
    with pytest.raises(SpecError, match="learning_rates: the learning rates repeat"):
        solve_one(tmp_path, """
        - kind: learning_rates
          function: w^2
          start: {w: 1}
          learning_rates: [0.1, 0.1]
        """)


def test_compare_runs_each_method_from_the_same_start(tmp_path):
    solution = solve_one(tmp_path, """
    - kind: compare_methods
      function: x**2 + x*y + y**2
      start: {x: 1.3, y: 5.4}
      steps: 3
      runs:
        - {method: gd, learning_rate: 0.1}
        - {method: momentum, learning_rate: 0.1, beta: 0.5}
    """)
    # independent: gd and momentum with fractions
    def gradient(x, y):
        return 2 * x + y, x + 2 * y

    x, y = Fraction("1.3"), Fraction("5.4")
    for _ in range(3):
        gx, gy = gradient(x, y)
        x, y = x - Fraction("0.1") * gx, y - Fraction("0.1") * gy
    gd = solution.runs[0].last.new_point
    assert [Fraction(str(v)) for _, v in gd] == [x, y]
    x, y, ux, uy = Fraction("1.3"), Fraction("5.4"), Fraction(0), Fraction(0)
    for _ in range(3):
        gx, gy = gradient(x, y)
        ux, uy = Fraction("0.5") * ux + Fraction("0.1") * gx, Fraction("0.5") * uy + Fraction("0.1") * gy
        x, y = x - ux, y - uy
    momentum = solution.runs[1].last.new_point
    assert [Fraction(str(v)) for _, v in momentum] == [x, y]
    assert solution.best is solution.runs[1]
