"""Derivations on slides: every step of every table function is printed, verified and renders."""
from __future__ import annotations

from generator.check import check_file
from generator.pipeline import build_decks
from test_steps import CASES


def test_every_printed_step_is_verified_and_renders(tmp_path):
    lines = ["title: Derivations", "lang: ru", "slides:"]
    for index, text in enumerate(CASES):
        lines += ["  - kind: derivative", f"    id: d{index}", f"    function: \"{text}\"", "    variable: x"]
    spec = tmp_path / "derivations.yaml"
    spec.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = build_decks([spec], tmp_path / "out")
    assert [error.lines() for error in run.errors] == []
    report = check_file(tmp_path / "out" / "derivations.md")
    assert (report.count("wrong"), report.count("not understood")) == (0, 0)
    steps = sum(1 for f in report.findings if f.kind == "verified")
    assert steps >= 60, report.summary()
    markdown = (tmp_path / "out" / "derivations.md").read_text(encoding="utf-8")
    assert r"\text{(сложная функция)}" in markdown or "сложная функция)" in markdown
    assert "(продолжение)" in markdown  # the long derivation continues on another slide


def test_show_steps_false_keeps_the_short_form(tmp_path):
    spec = tmp_path / "short.yaml"
    spec.write_text("title: T\nslides:\n  - {kind: derivative, function: 'tg(x^2)', show_steps: false}\n")
    run = build_decks([spec], tmp_path / "out")
    assert run.errors == []
    markdown = (tmp_path / "out" / "short.md").read_text(encoding="utf-8")
    assert r"\text{" not in markdown and r"\cdot 2 x" in markdown
