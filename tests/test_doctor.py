"""`verideck doctor`, `--version` and `build -v`: what verideck runs with, and the fix for what is missing."""
from __future__ import annotations

import subprocess
import sys

from conftest import DECKS, ROOT, marp_cli_version
from generator import __version__


def verideck(*args, env=None, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)


def test_version():
    assert verideck("--version").stdout.strip() == f"verideck {__version__}"


def test_doctor_names_every_component():
    result = verideck("doctor")
    assert result.returncode == 0, result.stdout
    lines = dict(line.split(":", 1) for line in result.stdout.splitlines()[:-1])
    assert set(lines) == {"verideck", "Python", "Node.js", "marp-cli", "Chromium"}
    assert "sympy 1." in lines["Python"] and "KaTeX 0." in lines["marp-cli"]
    assert "(source checkout: " in lines["marp-cli"]
    assert lines["Chromium"].split("(")[1].split(":")[0] in ("CHROME_PATH", "system", "packaged")
    assert result.stdout.splitlines()[-1] == "everything verideck needs is here"


def test_doctor_says_what_is_missing_and_how_to_fix_it(tmp_path):
    import os

    env = {**os.environ, "VERIDECK_ROOT": str(tmp_path), "PATH": str(tmp_path)}  # no node, no system Chromium
    env.pop("CHROME_PATH", None)
    result = verideck("doctor", env=env)
    assert result.returncode == 3
    assert "Node.js:   MISSING — install Node.js 20.11 or newer (with npm)" in result.stdout
    assert f"marp-cli:  MISSING — run `npm ci` in {tmp_path} (VERIDECK_ROOT)" in result.stdout
    assert "Chromium:  MISSING — no Chromium found" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("3 problem(s)")


def test_build_verbose_says_which_chromium_printed(tmp_path):
    # (--allow-overflow: slides of this example run off the page until the generator splits them, issue #16)
    result = verideck("build", DECKS / "gd-first-step.en.yaml", "-o", tmp_path, "--to", "html", "-v",
                      "--allow-overflow")
    assert result.returncode == 0, result.stderr
    summary = result.stdout.splitlines()[-1]
    assert summary.startswith(f"converted with marp-cli {marp_cli_version()} (source checkout: ")
    assert " and Chromium (" in summary  # HTML is made without a browser, but the layout probe measures it in one
