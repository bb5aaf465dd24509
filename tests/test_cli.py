"""The command line as an instructor meets it: exit codes, messages, nothing half-written."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

GOOD = """\
title: A tiny lesson
slides:
  - kind: derivative
    function: x**3
    at: 2
"""
BAD = """\
title: A broken lesson
slides:
  - kind: gradient_descent
    function: w**2
    start: {w: 1}
    learning_rate: fast
    steps: 1
"""


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_build_writes_markdown_answers_and_nothing_else(tmp_path):
    spec = tmp_path / "tiny.yaml"
    spec.write_text(GOOD)
    out = tmp_path / "out"
    result = run("build", str(spec), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"built {out / 'tiny.md'}\nchecked: 5 equalities verified\n"
    assert sorted(p.name for p in out.iterdir()) == ["tiny.answers.json", "tiny.md"]
    assert r"f'\left(2\right) = 3 \cdot 2^{2} = 12" in (out / "tiny.md").read_text()


def test_bad_spec_exits_2_with_the_message_and_no_traceback(tmp_path):
    spec = tmp_path / "broken.yaml"
    spec.write_text(BAD)
    out = tmp_path / "out"
    result = run("build", str(spec), "-o", str(out))
    assert result.returncode == 2
    assert result.stderr == f"{spec}:6:20: slides[0].learning_rate: expected a number, got 'fast'\n"
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(out.iterdir())


OWN_MATH = """\
title: Notes
slides:
  - kind: markdown
    title: Area
    body: |
      $$\\int_0^1 x \\, dx = \\frac{1}{2}$$

      and $3 + 4 = 7 % unchecked$
"""


def test_own_math_the_checker_cannot_read_is_listed_and_strict_fails_on_it(tmp_path):
    spec = tmp_path / "notes.yaml"
    spec.write_text(OWN_MATH)
    listed = run("build", str(spec), "-o", str(tmp_path / "out"))
    assert listed.returncode == 0, listed.stderr
    assert listed.stderr == (f'warning: {spec}:6 (slide "Area"): not understood: \\int_0^1 x \\, dx = '
                             "\\frac{1}{2} — unsupported command \\int\n")
    assert listed.stdout.splitlines()[-1] == ("checked: 0 equalities verified, 1 of your formulas not understood "
                                              "(listed; --strict fails on them), 1 marked % unchecked")
    strict = run("build", "--strict", str(spec), "-o", str(tmp_path / "strict"))
    assert strict.returncode == 1 and "not understood" in strict.stderr
    assert not (tmp_path / "strict" / "notes.md").exists()


def test_debug_shows_the_traceback(tmp_path):
    spec = tmp_path / "broken.yaml"
    spec.write_text(BAD)
    result = run("--debug", "build", str(spec), "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and "Traceback" in result.stderr
    result = run("build", "--debug", str(spec), "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and "Traceback" in result.stderr


def test_a_failed_deck_keeps_the_previous_good_outputs(tmp_path):
    spec = tmp_path / "lesson.yaml"
    out = tmp_path / "out"
    spec.write_text(GOOD)
    assert run("build", str(spec), "-o", str(out)).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    spec.write_text(BAD)
    assert run("build", str(spec), "-o", str(out)).returncode == 2
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_one_bad_deck_does_not_stop_the_others(tmp_path):
    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / "a-good.yaml").write_text(GOOD)
    (tmp_path / "decks" / "b-bad.yaml").write_text(BAD)
    result = run("build", cwd=tmp_path)
    assert result.returncode == 2
    assert (tmp_path / "build" / "a-good.md").exists()
    assert not (tmp_path / "build" / "b-bad.md").exists()
    assert "b-bad.yaml:6:20" in result.stderr


def test_no_specs_is_a_clear_error(tmp_path):
    (tmp_path / "decks").mkdir()
    result = run("build", cwd=tmp_path)
    assert result.returncode == 2 and "no lesson specs" in result.stderr


def test_missing_file_is_a_clear_error(tmp_path):
    result = run("build", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr == f"{tmp_path / 'nope.yaml'}: cannot read the file: No such file or directory\n"


def test_undefined_math_points_at_its_key(tmp_path):
    spec = tmp_path / "corner.yaml"
    spec.write_text("title: T\nslides:\n  - kind: derivative\n    function: abs(x)\n    at: 0\n")
    result = run("build", str(spec), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr == f"{spec}:5:9: slides[0].at: the function has no derivative at x = 0 (a corner)\n"


@pytest.mark.parametrize("argv, not_loaded", [
    (["--help"], ("matplotlib", "sympy", "jinja2", "yaml")),
    (["--version"], ("matplotlib", "sympy", "jinja2", "yaml")),
    (["check", "--help"], ("matplotlib", "sympy")),
    (["check", str(ROOT / "tests" / "golden" / "gd-first-step.en.md")], ("matplotlib", "jinja2")),
])
def test_commands_load_only_what_they_use(argv, not_loaded):
    """`verideck --help` answers at once; `check` never loads the plotting or templating side."""
    probe = ("import sys\nfrom generator.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
             "print(' '.join(sorted({name.split('.')[0] for name in sys.modules})))")
    result = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, timeout=300)
    loaded = set(result.stdout.splitlines()[-1].split())
    assert "generator" in loaded
    assert loaded.isdisjoint(not_loaded), loaded & set(not_loaded)
