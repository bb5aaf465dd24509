"""The seed lessons (real decks with wrong math that started verideck) written as specs, with their teaching
content unchanged, build strictly: every printed equality verified, nothing unread, KaTeX renders all of it.

Three live in ``decks/`` (``gd-first-step.en`` with the task's learning rate ``a``, ``derivatives-gd.ru`` with
the lecture's λ and decimal commas, ``gd-variants``); the two blog posts are in ``tests/seed_lessons/``.
"""
from __future__ import annotations

import pytest
from conftest import ROOT

from generator.pipeline import build_decks

SEED_LESSONS = sorted((ROOT / "tests" / "seed_lessons").glob("*.yaml"))
IN_DECKS = [ROOT / "decks" / name for name in ("gd-first-step.en.yaml", "derivatives-gd.ru.yaml")]


@pytest.mark.slow
@pytest.mark.parametrize("spec", SEED_LESSONS + IN_DECKS, ids=lambda path: path.stem)
def test_a_seed_lesson_builds_strictly(tmp_path, spec):
    run = build_decks([spec], tmp_path, strict=True)
    assert run.errors == [] and run.warnings == []
    assert run.verified > 40

