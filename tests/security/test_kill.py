"""Killing a build half-way (SIGKILL: no clean-up code runs) leaves the previous deck byte for byte, and the
next build clears what the killed one left behind."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT
from generator.pipeline import build_decks

SPEC = """
title: Killed half-way
lang: en
slides:
  - kind: gradient_descent
    id: path
    function: x**2 + x*y + y**2
    start: {{x: 1.3, y: 5.4}}
    learning_rate: {rate}
    stop: {{tolerance: 0.001, max_steps: 200}}
    figure: true
  - kind: derivative
    id: chain
    exercise: true
    function: atan(x**3)**2
"""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_killed_build_leaves_the_previous_outputs_intact(tmp_path):
    spec, out = tmp_path / "lesson.yaml", tmp_path / "out"
    spec.write_text(SPEC.format(rate=0.1), encoding="utf-8")
    assert not build_decks([spec], out, handout=True, katex=False).errors
    before = snapshot(out)
    assert {"lesson.md", "lesson.answers.json", "lesson.handout.md", "lesson.key.md", "lesson/path.svg"} <= set(before)

    spec.write_text(SPEC.format(rate=0.2), encoding="utf-8")  # the next build would change every file
    process = subprocess.Popen([sys.executable, "-m", "generator", "build", str(spec), "-o", str(out), "--handout"],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not any(p.name.endswith(".partial") for p in out.iterdir()):  # the build is staging its files
        assert process.poll() is None, "the build ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    time.sleep(0.3)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    after = snapshot(out)
    leftovers = [p.name for p in out.iterdir() if p.name.endswith(".partial")]
    assert {name: data for name, data in after.items() if ".partial" not in name} == before
    assert leftovers, "the killed build should have been caught while staging"

    assert not build_decks([spec], out, handout=True, katex=False).errors  # the next build clears the leftovers
    rebuilt = snapshot(out)
    assert not [p.name for p in out.iterdir() if p.name.endswith(".partial")]
    assert rebuilt["lesson.md"] != before["lesson.md"]
