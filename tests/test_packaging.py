"""`pip install .` gives a working `verideck build` outside the repository (templates travel along)."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(folder), str(ROOT)], check=True, capture_output=True, timeout=300)
    (path,) = folder.glob("verideck-*.whl")
    return path


def test_wheel_carries_the_templates(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in ("deck.md.j2", "slides/derivative.md.j2", "slides/gradient_descent.md.j2",
                     "slides/gradient.md.j2", "slides/plot.md.j2", "slides/markdown.md.j2"):
        assert f"generator/templates/{template}" in names
    assert any(name.endswith("entry_points.txt") for name in names)


def test_installed_copy_builds_a_deck_away_from_the_repository(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True, timeout=300)
    work = tmp_path / "work"
    (work / "decks").mkdir(parents=True)
    (work / "decks" / "lesson.yaml").write_text("title: T\nslides:\n  - {kind: derivative, function: sin(x)}\n")
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=work, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    probe = subprocess.run([sys.executable, "-c", "import generator, sys; print(generator.__file__)"],
                           cwd=work, env=env, capture_output=True, text=True)
    assert probe.stdout.startswith(str(target)), probe.stdout  # the installed copy, not the checkout
    assert r"&= \cos{\left(x \right)} \qquad \text{(trigonometric table)}" in (work / "build" / "lesson.md").read_text()
