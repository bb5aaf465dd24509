"""Per-student variants: seeded draws, rejected degenerate draws, one folder per variant, the roster."""
from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from conftest import ROOT
from generator.errors import SpecError
from generator.variants import build_variants

SPEC = """
    title: Variants
    lang: en
    params:
      a: {choices: [0, 1, 2, 3]}
      x0: {range: [-1, 1], step: 1}
    slides:
      - kind: derivative
        id: scaled
        exercise: true
        function: sin(a*x)
      - kind: gradient_descent
        id: steps
        exercise: true
        function: x**2 + y**2
        start: {x: x0, y: 0}
        learning_rate: 0.25
        steps: 1
"""


def roster(folder) -> list[dict]:
    with open(folder / "roster.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_variants_are_drawn_valid_and_written_per_folder(write_spec, tmp_path):
    result = build_variants(write_spec(SPEC), 4, 7, tmp_path / "out", katex=False)
    assert not result.run.errors
    rows = roster(tmp_path / "out")
    assert [row["variant"] for row in rows] == ["v01", "v02", "v03", "v04"]
    for row in rows:
        # a = 0 makes sin(a·x) constant and x0 = 0 starts the descent at a zero gradient: never drawn
        assert row["a"] != "0" and row["x0"] != "0"
        folder = tmp_path / "out" / row["variant"]
        names = sorted(p.name for p in folder.iterdir())
        assert names == ["lesson.answers.json", "lesson.handout.md", "lesson.key.md", "lesson.md"]
        deck = (folder / "lesson.md").read_text(encoding="utf-8")
        assert f"Variant {int(row['variant'][1:])}" in deck
        assert rf"\sin{{\left({row['a']} x \right)}}" in deck if row["a"] != "1" else r"\sin{\left(x \right)}" in deck
    assert len({(row["a"], row["x0"]) for row in rows}) == 4


def test_every_valid_combination_is_drawn_once_and_the_others_are_rejected_with_reasons(write_spec, tmp_path):
    result = build_variants(write_spec(SPEC), 6, 7, tmp_path / "out", katex=False)
    drawn = {(row["a"], row["x0"]) for row in roster(tmp_path / "out")}
    assert drawn == {(a, x0) for a in ("1", "2", "3") for x0 in ("-1", "1")}  # all 6 valid of the 12
    assert set(result.rejected) <= {
        "slides[0].variable: the function is constant: give 'variable' to say what it depends on",
        "slides[1].start: the gradient is zero at the start: the exercise would have nothing to compute "
        "(choose another start)"}
    assert sum(result.rejected.values()) >= 1  # with this seed some invalid draws come before the last valid one


def test_the_same_seed_draws_the_same_variants(write_spec, tmp_path):
    spec = write_spec(SPEC)
    first = build_variants(spec, 3, 2026, tmp_path / "a", katex=False)
    second = build_variants(spec, 3, 2026, tmp_path / "b", katex=False)
    other = build_variants(spec, 3, 1, tmp_path / "c", katex=False)
    assert (tmp_path / "a" / "roster.csv").read_bytes() == (tmp_path / "b" / "roster.csv").read_bytes()
    for name in ("lesson.md", "lesson.key.md", "lesson.answers.json"):
        assert (tmp_path / "a" / "v02" / name).read_bytes() == (tmp_path / "b" / "v02" / name).read_bytes()
    assert [v.values for v in first.variants] == [v.values for v in second.variants]
    assert [v.values for v in first.variants] != [v.values for v in other.variants]


def test_fewer_valid_combinations_than_students_repeat(write_spec, tmp_path):
    spec = write_spec(SPEC.replace("[0, 1, 2, 3]", "[0, 2]").replace("[-1, 1]", "[0, 1]"))
    result = build_variants(spec, 3, 5, tmp_path, katex=False)
    assert result.repeated and not result.run.errors
    assert [row["a"] + "," + row["x0"] for row in roster(tmp_path)] == ["2,1"] * 3


def test_no_valid_draw_names_the_reasons(write_spec, tmp_path):
    spec = write_spec(SPEC.replace("[0, 1, 2, 3]", "[0]"))
    with pytest.raises(SpecError) as caught:
        build_variants(spec, 2, 5, tmp_path / "out", katex=False)
    (line,) = caught.value.lines()
    assert line.startswith(f"{spec}:1: params: no valid variant: every draw of the parameters was rejected")
    assert "slides[0].variable: the function is constant" in line and "e.g. a = 0, x0 =" in line
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_spec_without_parameters_has_no_variants(write_spec, tmp_path):
    spec = write_spec("""
        title: T
        slides:
          - kind: derivative
            function: x**2
    """)
    with pytest.raises(SpecError, match="the spec has no 'params'"):
        build_variants(spec, 2, 5, tmp_path, katex=False)


def test_the_command_builds_the_example_deck_variants(tmp_path):
    result = subprocess.run([sys.executable, "-m", "generator", "variants", "decks/practice.ru.yaml", "-n", "2",
                             "--seed", "2026", "-o", str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith(f"built {tmp_path}/v01/: a = ")
    assert f"wrote {tmp_path}/roster.csv" in result.stdout
    assert "Вариант 2" in (tmp_path / "v02" / "practice.ru.handout.md").read_text(encoding="utf-8")
