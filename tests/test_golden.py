"""Golden decks: the rendered Markdown and answers of every example deck (and the handout and key of
the decks with exercises), byte for byte.

After an intended change run `make golden` and review `git diff tests/golden`.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DECKS, ROOT

GOLDEN = ROOT / "tests" / "golden"
SPECS = sorted(DECKS.glob("*.yaml"))


@pytest.fixture(scope="module")
def built(example_build) -> Path:
    out, _ = example_build
    return out


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.name)
@pytest.mark.parametrize("suffix", [".md", ".answers.json", ".handout.md", ".key.md"])
def test_matches_golden(built, spec, suffix):
    stem = spec.name.removesuffix(".yaml")
    golden = GOLDEN / f"{stem}{suffix}"
    if suffix in (".handout.md", ".key.md") and "exercise: true" not in spec.read_text(encoding="utf-8"):
        assert not golden.exists() and not (built / f"{stem}{suffix}").exists()
        return
    assert golden.exists(), f"no golden file {golden}: run `make golden` and review it"
    assert (built / f"{stem}{suffix}").read_text(encoding="utf-8") == golden.read_text(encoding="utf-8"), (
        f"{stem}{suffix} differs from the golden file: if the change is intended, run `make golden` "
        "and review `git diff tests/golden`")


def test_every_golden_file_has_a_deck():
    stems = {p.name.removesuffix(".yaml") for p in SPECS}
    for golden in GOLDEN.iterdir():
        stem = golden.name
        for suffix in (".answers.json", ".handout.md", ".key.md", ".md"):
            stem = stem.removesuffix(suffix)
        assert stem in stems, golden
