"""Shared helpers: write a spec file from text, the repository's paths, the example decks built once
(and once more in a second process, in the background, for the determinism test)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from generator.pipeline import RunResult, build_decks

ROOT = Path(__file__).resolve().parent.parent
DECKS = ROOT / "decks"


def marp_cli_version() -> str:
    """The marp-cli version package.json pins (read when asked: test_tiers runs a copy of this file elsewhere)."""
    return json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["@marp-team/marp-cli"]


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


# No silent skips: a skipped test is a test that did not confirm anything, so it fails the run.
# (Choose tiers with -m instead: `pytest -m "not slow"` deselects, and says so.)
_skipped: list[str] = []


def pytest_runtest_logreport(report) -> None:
    if report.skipped and not hasattr(report, "wasxfail"):
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus) -> None:
    if _skipped and exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter) -> None:
    if _skipped:
        terminalreporter.section("skipped tests fail the run")
        for nodeid in _skipped:
            terminalreporter.write_line(f"skipped: {nodeid}")


# The determinism test compares the example build above with one made by another process with another
# hash seed.  That build starts as soon as the test is collected and runs on the second core while the
# other tests run.
SECOND_SEED = "1" if os.environ.get("PYTHONHASHSEED") == "0" else "0"
SLOW_FIXTURES = {"example_build", "second_build", "outcomes"}  # whole builds of the example decks, 30 hostile builds


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects
def pytest_collection_modifyitems(config, items) -> None:
    """``slow``: the browser and packaging tiers, and every test that waits for a whole build of the examples;
    ``pytest -m "not slow"`` is the loop to run while editing."""
    for item in items:
        if (item.get_closest_marker("browser") or item.get_closest_marker("packaging")
                or SLOW_FIXTURES & set(getattr(item, "fixturenames", ()))):
            item.add_marker(pytest.mark.slow)


_second_build: dict[str, object] = {}


def pytest_collection_finish(session) -> None:
    if session.config.option.collectonly:
        return
    if any(item.path.name == "test_determinism.py" for item in session.items):
        out = Path(tempfile.mkdtemp(prefix="verideck-second-build-"))
        environment = {**os.environ, "PYTHONHASHSEED": SECOND_SEED}
        command = [sys.executable, "-m", "generator", "build", str(DECKS), "-o", str(out), "--handout"]
        _second_build.update(out=out, process=subprocess.Popen(command, cwd=ROOT, env=environment, text=True,
                                                              stdout=subprocess.PIPE, stderr=subprocess.PIPE))


@pytest.fixture(scope="session")
def second_build() -> Path:
    """The example decks built by ``verideck build`` in another process, with ``PYTHONHASHSEED`` = SECOND_SEED."""
    process: subprocess.Popen = _second_build["process"]
    _, stderr = process.communicate(timeout=1800)
    assert process.returncode == 0, stderr
    return _second_build["out"]


def pytest_unconfigure(config) -> None:
    if "process" in _second_build:
        _second_build["process"].kill()
        shutil.rmtree(_second_build["out"], ignore_errors=True)
