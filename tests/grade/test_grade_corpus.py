"""`verideck grade` on a corpus of realistic submissions for ``decks/practice.ru.yaml``.

``submissions.csv`` holds what twelve students handed in (calculator style, LaTeX, decimal
commas, common mistakes, garbage and hostile strings); ``expected.csv`` has, row for row, the
verdict and the diagnosis each row must get.  In its ``diagnosis`` column:

* an empty cell        — the diagnosis must be empty;
* ``a|b``              — any of the listed codes (``|unsimplified`` means empty or ``unsimplified``);
* ``*``                — any diagnosis (the rules leave it open; only the verdict is checked).

The key is the one the example build writes (``practice.ru.answers.json``, default parameters):

1. ``chain``        y = sin³(2x)                     y' = 6 sin²(2x) cos(2x)
2. ``product-at``   f = x² e^(−x/2)                  f'(1) = 3/2 · e^(−1/2) ≈ 0.909796
3. ``gradient-at``  f = x² y + 2y²                   ∇f(1, 2) = (4, 9)
4. ``two-steps``    f = x² + 2y², (1.5, 1), η = 0.1  (1.2, 0.6) → (0.96, 0.36)
5. ``line-fit``     ŷ = wx + c, (1, 2), (2, 3)       (0, 0) → (0.8, 0.5) → (1.05, 0.66)

Every expected value was worked out by hand and re-checked with mpmath/fractions, never with
verideck's own code.
"""
from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

HERE = Path(__file__).resolve().parent
SUBMISSIONS = HERE / "submissions.csv"
EXPECTED_CSV = HERE / "expected.csv"
HEADER = ["student", "exercise", "verdict", "diagnosis", "feedback"]
VERDICTS = {"correct", "incorrect", "unreadable"}
# Files the hostile answers would create if any of them were ever executed.
PLANTED = ("pwned_import", "pwned_open", "pwned_shell")


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def read_table(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


SUBMITTED = read_rows(SUBMISSIONS)
EXPECTED = read_rows(EXPECTED_CSV)


def row_id(index: int) -> str:
    row = EXPECTED[index]
    return f"row{index + 1:02d}-{row['exercise']}-" + row["why"].replace(" ", "_")


def grade(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", "grade", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


@pytest.fixture(scope="module")
def key(example_build) -> Path:
    out, _ = example_build
    path = out / "practice.ru.answers.json"
    assert path.is_file(), "the example build wrote no key for practice.ru"
    return path


@pytest.fixture(scope="module")
def graded(key, tmp_path_factory):
    """The corpus graded once from the repository root: (process, header, rows)."""
    target = tmp_path_factory.mktemp("grade") / "grades.csv"
    result = grade("--key", str(key), str(SUBMISSIONS), "-o", str(target))
    header, rows = read_table(target) if target.is_file() else ([], [])
    return result, header, rows


# -- the corpus itself -----------------------------------------------------------------------

def test_corpus_is_consistent():
    assert len(SUBMITTED) >= 60
    assert len({row["student"] for row in SUBMITTED}) >= 12
    assert [(r["student"], r["exercise"]) for r in SUBMITTED] == [(r["student"], r["exercise"]) for r in EXPECTED]
    assert {row["verdict"] for row in EXPECTED} == VERDICTS
    assert any(len(row["answer"]) == 5000 for row in SUBMITTED)


# -- the run ---------------------------------------------------------------------------------

def test_run_completes_with_exit_0(graded):
    result, _, _ = graded
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_header(graded):
    _, header, _ = graded
    assert header == HEADER


def test_one_row_per_submission_in_order(graded):
    _, _, rows = graded
    assert [(r["student"], r["exercise"]) for r in rows] == [(r["student"], r["exercise"]) for r in SUBMITTED]


@pytest.mark.parametrize("index", range(len(EXPECTED)), ids=row_id)
def test_row(graded, index):
    _, _, rows = graded
    assert index < len(rows), f"the grades file has only {len(rows)} row(s)"
    got, want, answer = rows[index], EXPECTED[index], SUBMITTED[index]["answer"]
    shown = answer if len(answer) <= 80 else answer[:60] + f"… ({len(answer)} characters)"
    context = f"answer {shown!r}: got {got['verdict']}/{got['diagnosis']!r} ({got['feedback']!r})"
    assert (got["student"], got["exercise"]) == (want["student"], want["exercise"])
    assert got["verdict"] == want["verdict"], context
    if want["diagnosis"] != "*":
        assert got["diagnosis"] in want["diagnosis"].split("|"), context
    if want["verdict"] == "unreadable":
        assert got["feedback"].strip(), f"an unreadable row must say what is wrong; {context}"


# -- hostile answers run nothing -------------------------------------------------------------

def test_hostile_answers_create_no_files(key, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(key, work / "key.answers.json")
    shutil.copy(SUBMISSIONS, work / "submissions.csv")
    before = set(os.listdir(work))
    result = grade("--key", "key.answers.json", "submissions.csv", "-o", "grades.csv", cwd=work)
    assert result.returncode == 0, result.stderr
    assert set(os.listdir(work)) == before | {"grades.csv"}
    assert "uid=" not in result.stdout + result.stderr  # __import__('os').system('id') never ran
    for name in PLANTED:
        assert not (ROOT / name).exists()


# -- bad keys --------------------------------------------------------------------------------

def test_missing_key_exits_2_with_one_line(tmp_path):
    result = grade("--key", str(tmp_path / "nowhere.answers.json"), str(SUBMISSIONS),
                   "-o", str(tmp_path / "grades.csv"))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("content", ['{"hello": "world"}', "[1, 2, 3]", "student,exercise,answer\n", "not json {"],
                         ids=["other-json", "json-list", "a-csv", "broken-json"])
def test_not_a_key_exits_2(tmp_path, content):
    fake = tmp_path / "fake.answers.json"
    fake.write_text(content, encoding="utf-8")
    result = grade("--key", str(fake), str(SUBMISSIONS), "-o", str(tmp_path / "grades.csv"))
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.strip()
    assert "Traceback" not in result.stdout + result.stderr
