"""The test tiers: `-m` chooses them, and a skipped test fails the run instead of passing quietly."""
from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import ROOT


def pytest_run(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=600)


def test_a_skipped_test_fails_the_run(tmp_path):
    shutil.copy(ROOT / "tests" / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_sample.py").write_text("import pytest\n\n"
                                             "def test_runs():\n    pass\n\n"
                                             "def test_gives_up():\n    pytest.skip('no browser here')\n")
    result = pytest_run("-q", tmp_path, cwd=tmp_path)
    assert result.returncode == 1, result.stdout
    assert "skipped tests fail the run" in result.stdout
    assert "skipped: test_sample.py::test_gives_up" in result.stdout


def test_the_slow_tiers_are_marked():
    files = [f"tests/{name}" for name in ("test_export.py", "test_browser.py", "test_packaging.py", "test_tiers.py")]
    browser = pytest_run("--collect-only", "-q", "-m", "browser", *files).stdout
    packaging = pytest_run("--collect-only", "-q", "-m", "packaging", *files).stdout
    assert "test_export.py::test_pdf_has_a_page_per_slide_with_katex_fonts" in browser
    assert "test_browser.py::test_the_packaged_chromium_runs_under_playwright" in browser
    assert "test_browser.py::test_chrome_path_comes_first" not in browser
    assert "test_packaging.py::test_the_installed_copy_sets_up_builds_checks_grades_and_exports" in packaging
    fast = pytest_run("--collect-only", "-q", "-m", "not slow", *files, "tests/check/test_check_cli.py").stdout
    assert "test_export.py" not in fast and "test_packaging.py" not in fast and "test_tiers.py" in fast
    assert "test_check_cli.py::test_built_decks_pass" not in fast  # waits for the example build
    assert "test_check_cli.py::test_json_report" in fast
