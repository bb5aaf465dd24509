"""`verideck build` runs the checker on every deck it writes: wrong or unread math is never published."""
from __future__ import annotations

import pytest
import sympy

from generator.build import build_deck
from generator.errors import CheckError

GOOD = """\
title: One step
slides:
  - kind: gradient_descent
    function: x**2 + x*y + y**2
    start: {x: 1.3, y: 5.4}
    learning_rate: 0.01
    steps: 3
"""


def test_a_generator_bug_cannot_verify_itself(tmp_path, monkeypatch):
    """Break the solver's arithmetic: the printed numbers change and the checker refuses the deck."""
    import generator.kinds.gradient.solve as gradient

    honest = gradient.evaluate
    monkeypatch.setattr(gradient, "evaluate", lambda expr, point: honest(expr, point) + sympy.Rational(1, 10))
    spec = tmp_path / "lesson.yaml"
    spec.write_text(GOOD)
    with pytest.raises(CheckError) as caught:
        build_deck(spec, tmp_path / "out")
    lines = caught.value.lines()
    assert any(": wrong: 2 \\cdot 1.3 + 5.4 = 8.1 — the left side is 8" in line for line in lines), lines
    assert caught.value.exit_code == 1
    assert not (tmp_path / "out" / "lesson.md").exists()


def test_wrong_math_in_the_instructors_text_fails_the_build(tmp_path):
    spec = tmp_path / "lesson.yaml"
    spec.write_text("title: T\nslides:\n  - kind: markdown\n    title: Task\n    body: |\n"
                    "      Note that $2 \\cdot 1.3 + 5.4 = 7$.\n")
    with pytest.raises(CheckError) as caught:
        build_deck(spec, tmp_path / "out")
    assert "lesson.md:" in caught.value.lines()[0] and "wrong: 2 \\cdot 1.3 + 5.4 = 7 — the left side is 8" in \
        caught.value.lines()[0]


def test_unreadable_math_fails_the_build(tmp_path):
    spec = tmp_path / "lesson.yaml"
    spec.write_text("title: T\nslides:\n  - kind: markdown\n    title: Limit\n    body: |\n"
                    "      $$\\sum_{i=1}^{n} i = \\frac{n (n + 1)}{2}$$\n")
    with pytest.raises(CheckError) as caught:
        build_deck(spec, tmp_path / "out")
    assert "not understood" in caught.value.lines()[0]
