"""`verideck grade` as a command: whole-file problems exit 2, row problems stay in their row, variants."""
from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from conftest import ROOT
from generator.variants import build_variants

KEY = ROOT / "tests" / "golden" / "practice.ru.answers.json"


def grade(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "grade", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def rows(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_bad_rows_do_not_stop_the_run(tmp_path):
    submissions = tmp_path / "answers.csv"
    submissions.write_text("student,exercise,answer\n"
                           f'ann,chain,"{"x" * 200_000}"\n'
                           'bob,chain,"2x\0"\n'
                           "cid,chain\n"
                           "dan,chain,6 sin^2(2x) cos(2x)\n", encoding="utf-8")
    result = grade("--key", KEY, submissions, "-o", tmp_path / "grades.csv")
    assert result.returncode == 0, result.stderr
    graded = rows(tmp_path / "grades.csv")
    assert [(r["student"], r["verdict"], r["diagnosis"]) for r in graded] == [
        ("ann", "unreadable", "too_long"), ("bob", "unreadable", "parse"), ("cid", "unreadable", "empty"),
        ("dan", "correct", "")]
    assert "chain     4        1" in result.stdout  # the summary table


@pytest.mark.parametrize("content, message", [
    (b"name,answer\nann,1\n", "the header needs the columns student, exercise, answer (missing: exercise, student)"),
    (b"\xff\xfe garbage", "not UTF-8 text"),
])
def test_a_file_that_is_not_submissions_exits_2(tmp_path, content, message):
    submissions = tmp_path / "answers.csv"
    submissions.write_bytes(content)
    result = grade("--key", KEY, submissions, "-o", tmp_path / "grades.csv")
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "grades.csv").exists()


def test_each_variant_is_graded_with_its_own_key(write_spec, tmp_path):
    spec = write_spec("""
        title: Variants
        params:
          a: {choices: [2, 3]}
        slides:
          - kind: derivative
            id: power
            exercise: true
            function: x**a
    """)
    result = build_variants(spec, 2, 1, tmp_path / "variants", katex=False)
    exponent = {v.name: int(dict(v.values)["a"]) for v in result.variants}
    submissions = tmp_path / "answers.csv"
    lines = ["student,variant,exercise,answer"]
    for name, a in exponent.items():
        lines += [f"right-{name},{name},power,{a}x^{a - 1}", f"wrong-{name},{name},power,{a}x^{a}"]
    lines.append("lost,v99,power,1")
    submissions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = grade("--key", tmp_path / "variants", submissions, "-o", tmp_path / "grades.csv")
    assert result.returncode == 0, result.stderr
    verdicts = {r["student"]: (r["verdict"], r["diagnosis"]) for r in rows(tmp_path / "grades.csv")}
    for name in exponent:
        assert verdicts[f"right-{name}"] == ("correct", "")
        assert verdicts[f"wrong-{name}"] == ("incorrect", "wrong_power")
    assert verdicts["lost"] == ("unreadable", "unknown_variant")


def test_a_bug_while_grading_one_answer_costs_only_that_row(monkeypatch):
    from generator import grade as grading
    from generator.grade.key import load_key

    original = grading.grade_answer

    def with_a_bug(exercise, text, lang):
        if text == "boom":
            raise RuntimeError("simulated bug")
        return original(exercise, text, lang)
    monkeypatch.setattr(grading, "grade_answer", with_a_bug)
    keys = grading.Keys(KEY, single=load_key(KEY))
    graded = grading.grade_submissions(keys, [grading.Submission(2, "a", "chain", "boom"),
                                              grading.Submission(3, "b", "chain", "6 sin^2(2x) cos(2x)")])
    assert [(g.verdict.verdict, g.verdict.diagnosis) for g in graded] == [("unreadable", "error"), ("correct", "")]
    assert "RuntimeError" in graded[0].verdict.feedback
