"""`pip install verideck` as a first-class path: the wheel, installed into a fresh virtualenv (no editable
install, no PYTHONPATH, run from an empty folder), sets up its Node side and builds, checks, grades and
exports the example decks."""
from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import DECKS, ROOT, marp_cli_version

pytestmark = pytest.mark.packaging

SOURCES = ("pyproject.toml", "README.md", "package.json", "package-lock.json", "generator", "templates")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the sources (setuptools' build/ must not land in our build/)."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(ROOT / name, source / name)
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(folder), str(source)], check=True, capture_output=True, timeout=300)
    (path,) = folder.glob("verideck-*.whl")
    return path


def test_the_wheel_carries_every_module_template_and_node_script(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {path.relative_to(ROOT).as_posix() for path in (ROOT / "generator").rglob("*.py")}
    expected |= {f"generator/templates/{path.relative_to(ROOT / 'templates').as_posix()}"
                 for path in (ROOT / "templates").rglob("*.j2")}
    expected |= {f"generator/node/{name}" for name in
                 ("katex-validate.js", "katex-commands.js", "marp.config.js", "chromium-path.js", "package.json",
                  "package-lock.json")}
    expected.add("generator/check/katex_commands.txt")
    assert expected - names == set()
    assert {"generator/check/__init__.py", "generator/grade/__init__.py"} <= names
    assert not any(name.startswith(("tests/", "decks/", "build/")) for name in names)
    assert zipfile.ZipFile(wheel).read("generator/node/package-lock.json") == (ROOT / "package-lock.json").read_bytes()
    assert any(name.endswith("entry_points.txt") for name in names)


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory):
    """A fresh virtualenv with the wheel and its pinned dependencies, and a clean environment to run it in."""
    home = tmp_path_factory.mktemp("installed")
    venv = home / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True, timeout=300)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                    "-c", str(ROOT / "constraints.txt"), str(wheel)], check=True, capture_output=True, timeout=900)
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("PYTHONPATH", "VERIDECK_ROOT", "VIRTUAL_ENV", "CHROME_PATH")}
    environment["XDG_DATA_HOME"] = str(home / "data")  # where `verideck setup` installs, away from the user's
    work = home / "work"
    work.mkdir()
    return venv / "bin" / "verideck", environment, work


def run(installed, *args: str | Path) -> subprocess.CompletedProcess:
    verideck, environment, work = installed
    return subprocess.run([str(verideck), *map(str, args)], cwd=work, env=environment, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=900)


def test_the_installed_copy_is_not_the_checkout(installed):
    verideck, environment, work = installed
    probe = subprocess.run([str(verideck.parent / "python"), "-c", "import generator; print(generator.__file__)"],
                           cwd=work, env=environment, capture_output=True, text=True, timeout=60)
    assert probe.stdout.startswith(str(verideck.parent.parent)), probe.stdout
    assert run(installed, "--version").stdout.strip() == "verideck 0.1.0"


def test_the_installed_copy_sets_up_builds_checks_grades_and_exports(installed):
    work = installed[2]
    shutil.copytree(DECKS, work / "decks")

    setup = run(installed, "setup")
    assert setup.returncode == 0, setup.stderr
    assert "(verideck setup)" in setup.stdout
    data = Path(installed[1]["XDG_DATA_HOME"]) / "verideck"
    assert [path.name for path in data.iterdir() if path.name.startswith("node-")] != []
    assert not any(path.name.startswith(".") for path in data.iterdir())  # no staging folder left
    assert "installed marp-cli" in setup.stdout
    assert "already installed" in run(installed, "setup").stdout

    doctor = run(installed, "doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert f"marp-cli:  {marp_cli_version()}," in doctor.stdout and "(verideck setup:" in doctor.stdout

    build = run(installed, "build", "--handout")
    assert build.returncode == 0, build.stderr
    assert "KaTeX validation skipped" not in build.stderr
    decks = sorted(path.name.removesuffix(".yaml") for path in DECKS.glob("*.yaml"))
    assert sorted(path.stem for path in (work / "build").glob("*.answers.json")) == [f"{d}.answers" for d in decks]

    # (--allow-overflow: slides of this example run off the page until the generator splits them, issue #16)
    pdf = run(installed, "build", "decks/gd-first-step.en.yaml", "--to", "pdf", "-v", "--allow-overflow")
    assert pdf.returncode == 0, pdf.stderr
    assert (work / "build" / "gd-first-step.en.pdf").read_bytes().startswith(b"%PDF")
    assert "and Chromium (" in pdf.stdout
    assert "layout: " in pdf.stdout  # the layout probe ran (playwright came with the wheel's dependencies)

    check = run(installed, "check", *sorted((work / "build").glob("*.md")))
    assert check.returncode == 0, check.stdout + check.stderr
    summaries = [line for line in check.stdout.splitlines() if " verified, " in line]
    assert len(summaries) == len(list((work / "build").glob("*.md")))
    assert all(" 0 wrong," in line for line in summaries)
    assert all(" 0 verified," not in line for line in summaries if ".handout.md:" not in line)  # questions only

    grade = run(installed, "grade", "--key", "build/practice.ru.answers.json",
                ROOT / "tests" / "grade" / "submissions.csv", "-o", "grades.csv")
    assert grade.returncode == 0, grade.stderr
    with open(work / "grades.csv", encoding="utf-8", newline="") as graded, \
            open(ROOT / "tests" / "grade" / "expected.csv", encoding="utf-8", newline="") as expected:
        verdicts = [row["verdict"] for row in csv.DictReader(graded)]
        assert verdicts == [row["verdict"] for row in csv.DictReader(expected)]

    quiz = run(installed, "export", "moodle", "decks/practice.ru.yaml", "-o", "quiz.xml")
    assert quiz.returncode == 0, quiz.stderr
    assert (work / "quiz.xml").read_text(encoding="utf-8").count("<question type=") >= 3
