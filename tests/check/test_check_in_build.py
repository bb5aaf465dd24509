"""`verideck build` runs the checker on every deck it writes: wrong or unread math is never published."""
from __future__ import annotations

from pathlib import Path

import pytest
import sympy

from generator.build import build_deck, discard, stage_deck
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


def _lesson(tmp_path, body: str, before: str = "") -> Path:
    spec = tmp_path / "lesson.yaml"
    spec.write_text("title: T\nslides:\n" + before + "  - kind: markdown\n    title: Task\n    body: |\n"
                    + "".join(f"      {line}\n" for line in body.splitlines()), encoding="utf-8")
    return spec


def test_wrong_math_in_the_instructors_text_fails_the_build_naming_the_spec_line_and_slide(tmp_path):
    spec = _lesson(tmp_path, "First line.\n\nNote that $2 \\cdot 1.3 + 5.4 = 7$.")
    with pytest.raises(CheckError) as caught:
        build_deck(spec, tmp_path / "out")
    assert caught.value.lines()[0] == (f'{spec}:8 (slide "Task"): wrong: 2 \\cdot 1.3 + 5.4 = 7 — the left side '
                                       "is 8")
    assert caught.value.exit_code == 1
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_the_instructors_slides_are_checked_before_any_computation(tmp_path):
    """The wrong arithmetic is reported although a later slide could not even be solved (ln at 0)."""
    unsolvable = "  - kind: derivative\n    function: log(x)\n    at: 0\n"
    spec = _lesson(tmp_path, "Note that $2 \\cdot 1.3 + 5.4 = 7$.")
    spec.write_text(spec.read_text(encoding="utf-8") + unsolvable, encoding="utf-8")
    with pytest.raises(CheckError, match=r"lesson.yaml:6 \(slide \"Task\"\): wrong: 2 \\cdot 1.3"):
        build_deck(spec, tmp_path / "out")


def test_wrong_math_about_a_generated_slide_points_at_the_line_of_the_body(tmp_path):
    before = "  - kind: derivative\n    title: Cube\n    function: x**3\n    at: 2\n"
    spec = _lesson(tmp_path, "Its slope at 1:\n\n$$f'(1) = 4$$", before)
    with pytest.raises(CheckError) as caught:
        build_deck(spec, tmp_path / "out")
    assert caught.value.lines()[0].startswith(f'{spec}:12 (slide "Task"): wrong: f\'(1) = 4')


def test_math_of_the_instructors_own_that_the_checker_cannot_read_is_listed(tmp_path):
    spec = _lesson(tmp_path, "Area:\n\n$$\\int_0^1 x \\, dx = \\frac{1}{2}$$")
    staged = stage_deck(spec, tmp_path / "out")
    try:
        (warning,) = staged.verdicts[".md"].warnings
    finally:
        discard(staged)
    assert warning.startswith(f'{spec}:8 (slide "Task"): not understood: \\int_0^1 x \\, dx = \\frac{{1}}{{2}} — unsupported command \\int')


def test_strict_fails_on_what_the_checker_cannot_read(tmp_path):
    spec = _lesson(tmp_path, "$$\\int_0^1 x \\, dx = \\frac{1}{2}$$")
    with pytest.raises(CheckError) as caught:
        stage_deck(spec, tmp_path / "out", strict=True)
    assert "not understood" in caught.value.lines()[0] and "--strict" in caught.value.lines()[-1]


def test_a_formula_marked_unchecked_is_skipped_and_counted(tmp_path):
    spec = _lesson(tmp_path, "$$f'(x_0) = \\lim_{h \\to 0} \\frac{f(x_0 + h) - f(x_0)}{h} % unchecked: a definition$$\n"
                             "and $2 + 2 = 4$.")
    staged = stage_deck(spec, tmp_path / "out", strict=True)
    verdict = staged.verdicts[".md"]
    discard(staged)
    assert (verdict.skipped, verdict.warnings, verdict.failures) == (1, [], [])


def test_a_template_cannot_mark_printed_math_unchecked(tmp_path):
    templates = tmp_path / "templates" / "slides"
    templates.mkdir(parents=True)
    (templates / "derivative.md.j2").write_text("## {{ slide.title }}\n\n$$1 + 1 = 3 % unchecked$$\n")
    spec = tmp_path / "lesson.yaml"
    spec.write_text("title: T\nslides:\n  - kind: derivative\n    title: Square\n    function: x**2\n")
    with pytest.raises(CheckError) as caught:
        stage_deck(spec, tmp_path / "out", templates=tmp_path / "templates")
    assert caught.value.lines()[0] == (f'{spec}:3:5 (slide "Square"): skipped: 1 + 1 = 3 % unchecked — marked % '
                                       "unchecked: only your own formulas can be unchecked")


TEACHING = r"""
The derivative is defined as $f'(x_0) = \lim_{\Delta x \to 0} \frac{f(x_0 + \Delta x) - f(x_0)}{\Delta x}$.

Let $L(w) \coloneqq (w - 1)^2$, so $L'(0.5) < 0$ and $c = \text{const}$ gives $(c w)' = c$.

$$\lim_{x \to 0} \frac{\sin x}{x} = 1 \qquad \lVert (2, 6) \rVert = \sqrt{2^2 + 6^2}$$

$$w_{t+1} = w_t - \eta \nabla L(w_t), \qquad D_u L = \nabla L \cdot u = \lVert \nabla L \rVert \cos\theta$$
"""


def test_an_instructors_teaching_notation_builds(tmp_path):
    """The notation of issue 14's "done when": limits, :=, const, norms, inequalities, update rules."""
    spec = _lesson(tmp_path, TEACHING.strip())
    staged = stage_deck(spec, tmp_path / "out")
    verdict = staged.verdicts[".md"]
    discard(staged)
    assert verdict.failures == [] and verdict.verified >= 3, verdict  # L'(0.5) < 0, the limit, the norm
    assert all(": not understood: " in warning and f"{spec}:" in warning for warning in verdict.warnings)
