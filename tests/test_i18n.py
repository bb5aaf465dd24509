"""Words that depend on a number: Russian picks one of three forms by the last digits, English one of two."""
from __future__ import annotations

import pytest

from generator.i18n import words_for


@pytest.mark.parametrize("count, plain, after", [
    (1, "1 шаг", "1 шага"), (2, "2 шага", "2 шагов"), (4, "4 шага", "4 шагов"), (5, "5 шагов", "5 шагов"),
    (11, "11 шагов", "11 шагов"), (12, "12 шагов", "12 шагов"), (21, "21 шаг", "21 шага"),
    (22, "22 шага", "22 шагов"), (111, "111 шагов", "111 шагов"),
])
def test_russian_step_counts(count, plain, after):
    words = words_for("ru")
    assert (words.steps(count), words.after_steps(count)) == (plain, after)


@pytest.mark.parametrize("count, plain", [(1, "1 step"), (2, "2 steps"), (21, "21 steps")])
def test_english_step_counts(count, plain):
    assert words_for("en").steps(count) == words_for("en").after_steps(count) == plain
