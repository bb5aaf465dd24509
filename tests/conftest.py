"""Shared helpers: write a spec file from text, the repository's paths, and the example decks built once."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.pipeline import RunResult, build_decks

ROOT = Path(__file__).resolve().parent.parent
DECKS = ROOT / "decks"


@pytest.fixture
def write_spec(tmp_path: Path):
    """Write YAML text (dedented) to ``tmp_path/name`` and return its path."""

    def write(text: str, name: str = "lesson.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def example_build(tmp_path_factory) -> tuple[Path, RunResult]:
    """Every example deck built once through the pipeline (checker and strict KaTeX included), for the
    tests that read the results; a test that needs a build of its own (another format, a second build
    to compare) makes it itself.  Tests must not write into this folder."""
    out = tmp_path_factory.mktemp("examples")
    return out, build_decks(sorted(DECKS.glob("*.yaml")), out, handout=True)
