"""Exercises in a built deck: question slides before solutions, a handout without answers, a key with them.

The example deck ``decks/practice.ru.yaml`` poses five exercises (derivative, derivative at a point,
gradient at a point, two descent steps, a two-step fit); its answers are recomputed here by hand.
"""
from __future__ import annotations

import json
import re
from fractions import Fraction

import pytest
import sympy

from generator.expr import parse_expression

STEM = "practice.ru"
EXERCISE_IDS = ["chain", "product-at", "gradient-at", "two-steps", "line-fit"]


@pytest.fixture(scope="module")
def files(example_build):
    out, _ = example_build
    return {suffix: (out / f"{STEM}{suffix}").read_text(encoding="utf-8")
            for suffix in (".md", ".handout.md", ".key.md", ".answers.json")}


@pytest.fixture(scope="module")
def key(files):
    return {entry["id"]: entry for entry in json.loads(files[".answers.json"])["exercises"]}


def _descend(gradient, point, rate, steps):
    points = [point]
    for _ in range(steps):
        point = tuple(p - rate * g for p, g in zip(point, gradient(*point)))
        points.append(point)
    return points


def test_the_key_lists_every_exercise_in_order(key):
    assert list(key) == EXERCISE_IDS
    assert [entry["number"] for entry in key.values()] == [1, 2, 3, 4, 5]


def test_answers_agree_with_a_computation_by_hand(key):
    x = sympy.Symbol("x", real=True)
    chain = parse_expression(key["chain"]["answer"][0])
    assert sympy.simplify(chain - 6 * sympy.sin(2 * x) ** 2 * sympy.cos(2 * x)) == 0
    assert parse_expression(key["product-at"]["answer"][0]) == sympy.Rational(3, 2) * sympy.exp(-sympy.Rational(1, 2))
    assert [parse_expression(v) for v in key["gradient-at"]["answer"]] == [4, 9]  # (2xy, x² + 4y) at (1, 2)
    descent = _descend(lambda x, y: (2 * x, 4 * y), (Fraction(3, 2), Fraction(1)), Fraction(1, 10), 2)
    assert [[parse_expression(v) for v in point] for point in key["two-steps"]["iterates"]] == \
        [[sympy.Rational(p.numerator, p.denominator) for p in point] for point in descent]

    def loss_gradient(w, c):  # L = ½((w + c − 2)² + (2w + c − 3)²)
        r1, r2 = w + c - 2, 2 * w + c - 3
        return r1 + 2 * r2, r1 + r2
    fit = _descend(loss_gradient, (Fraction(0), Fraction(0)), Fraction(1, 10), 2)
    assert [parse_expression(v) for v in key["line-fit"]["answer"]] == [sympy.Rational(p.numerator, p.denominator)
                                                                       for p in fit[-1]]


def _slides(markdown: str) -> list[str]:
    return re.split(r"\n---\n", markdown.split("\n---\n", 2)[2])


def test_each_question_comes_just_before_its_solution(files):
    slides = _slides(files[".md"])
    headings = [re.search(r"^## (.*)$", slide, re.MULTILINE).group(1) for slide in slides]
    for number, title in enumerate(["Сложная функция", "Произведение в точке", "Градиент в точке",
                                    "Два шага спуска", "Прямая по двум точкам"], start=1):
        index = headings.index(f"Задание {number}: {title}")
        assert headings[index + 1] == title
        assert slides[index].rstrip().endswith(f"Код задания для ответа: `{EXERCISE_IDS[number - 1]}`")
        assert r"= \;?" in slides[index]


def _answer_texts(entry: dict) -> list[str]:
    """What would give an answer away: the right side of the key's line and each printed number."""
    right = entry["latex"].split("=", 1)[1].strip()
    numbers = re.findall(r"\d+\{,\}\d+", right)
    return [right] + numbers


def test_the_handout_poses_every_question_and_gives_no_answer(files, key):
    handout = files[".handout.md"]
    assert handout.count("\n## Задание ") == len(key)
    for entry in key.values():
        assert f"`{entry['id']}`" in handout
        for text in _answer_texts(entry):
            assert text not in handout, (entry["id"], text)
    assert "Ответ" not in handout and "Задания" in handout


def test_the_answer_key_has_every_answer(files, key):
    text = files[".key.md"]
    for entry in key.values():
        assert f"`{entry['id']}`" in text
        assert entry["latex"] in text
    assert r"\nabla f\left(1; 2\right) = \begin{pmatrix} 4 \\ 9 \end{pmatrix}" in text
    assert r"\left(x_{2}; y_{2}\right) = \left(0{,}96; 0{,}36\right)" in text
    assert r"f'\left(1\right) = \frac{3}{2 e^{0{,}5}} \approx 0{,}9098" in text


def test_handout_and_key_are_only_written_when_asked(tmp_path):
    from conftest import DECKS
    from generator.pipeline import build_decks
    run = build_decks([DECKS / f"{STEM}.yaml"], tmp_path, katex=False)
    assert not run.errors
    assert sorted(p.name for p in tmp_path.iterdir()) == [STEM, f"{STEM}.answers.json", f"{STEM}.md"]  # + figures


def test_a_descent_with_a_stopping_rule_is_asked_for_step_n_and_answered_with_its_step(write_spec, tmp_path):
    from generator.pipeline import build_decks
    spec = write_spec("""
        title: Stop
        slides:
          - kind: gradient_descent
            id: stop
            exercise: true
            function: x**2
            start: {x: 1}
            learning_rate: 0.25
            stop: {tolerance: 0.01}
    """)
    run = build_decks([spec], tmp_path / "out", katex=False, handout=True)
    assert not run.errors
    handout = (tmp_path / "out" / "lesson.handout.md").read_text(encoding="utf-8")
    key = (tmp_path / "out" / "lesson.key.md").read_text(encoding="utf-8")
    # x_{i+1} = x_i/2; f drops by 3/4·x_i² each step: below 0.01 once x_i² < 1/75, at x_4 = 1/16 → the fifth step
    assert r"x_{N} = \;?" in handout and "x_{5}" not in handout
    assert r"x_{5} = 0.03125" in key
