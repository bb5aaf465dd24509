"""`verideck check` on the command line, and the README's sample output kept honest."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

SAMPLE = ROOT / "examples" / "hand-written.md"


def check(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", "check", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_wrong_math_exits_1_and_lists_each_line():
    result = check("examples/hand-written.md")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "examples/hand-written.md:10: wrong: 2 \\cdot 1.3 + 5.4 = 7 — the left side is 8"
    assert lines[-1] == "examples/hand-written.md: 8 verified, 4 wrong, 0 warning(s), 1 not understood"


def test_readme_shows_the_real_output():
    output = check("examples/hand-written.md").stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert output.strip() in readme


def test_verbose_lists_what_was_not_understood():
    result = check("-v", "examples/hand-written.md")
    assert "not understood:" in result.stdout


def test_json_report():
    result = check("--json", "examples/hand-written.md")
    (report,) = json.loads(result.stdout)
    assert report["summary"] == {"verified": 8, "wrong": 4, "warning": 0, "not understood": 1, "skipped": 0}
    assert {f["line"] for f in report["findings"] if f["kind"] == "wrong"} == {10, 14, 23, 24}


def test_strict_fails_on_not_understood(tmp_path):
    deck = tmp_path / "limit.md"
    deck.write_text("---\nmarp: true\n---\n\n$$\\sum_{i=1}^{n} i = \\frac{n (n + 1)}{2}$$\n")
    assert check(str(deck)).returncode == 0
    assert check("--strict", str(deck)).returncode == 1


def test_built_decks_pass(example_build):
    """Every example deck (and handout and key), read back by `verideck check --strict`: each equality verified,
    nothing wrong, unread or warned about — the whole deck, not only what the build's own check needed."""
    from conftest import DECKS

    out, run = example_build
    assert len(run.built) == len(list(DECKS.glob("*.yaml")))
    result = check("--strict", "--json", *sorted(str(p) for p in out.glob("*.md")))
    assert result.returncode == 0, result.stdout
    reports = {Path(report["path"]).name: report["summary"] for report in json.loads(result.stdout)}
    for built in run.built:
        summary = reports[built.markdown.name]
        assert (summary["wrong"], summary["not understood"], summary["warning"]) == (0, 0, 0), summary
        assert summary["verified"] > 50, summary


def test_check_renders_every_formula_with_katex(tmp_path):
    deck = tmp_path / "broken.md"
    deck.write_text("---\nmarp: true\nmath: katex\n---\n\nHalf: $\\frac{1}{$.\n\n$$x = 2 \\cdot 3 = 6$$\n")
    result = check(str(deck))
    assert result.returncode == 1
    assert f"{deck}:6: wrong: \\frac{{1}}{{ — KaTeX cannot render it: Unexpected end of input" in result.stdout
