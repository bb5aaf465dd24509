"""Which Chromium verideck uses: CHROME_PATH, else a system one, else the one `npm ci` brought."""
from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from generator.browser import LAUNCH_ARGS, find_browser, packaged_chromium, unpack_chromium
from generator.toolchain import Toolchain, ToolchainError, require_toolchain


def fake_executable(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\necho 'Fake Chromium 1.0'\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture
def path_with_node_only(tmp_path, monkeypatch) -> Path:
    """PATH holding nothing but Node: no system Chromium can be found, whatever this machine has."""
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "node").symlink_to(shutil.which("node"))
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.delenv("CHROME_PATH", raising=False)
    return folder


def test_chrome_path_comes_first(tmp_path, monkeypatch):
    chosen = fake_executable(tmp_path, "my-chrome")
    monkeypatch.setenv("CHROME_PATH", str(chosen))
    browser = find_browser()
    assert (browser.path, browser.origin) == (chosen, "CHROME_PATH")
    assert browser.marp_environment() == {"CHROME_PATH": str(chosen)}


def test_chrome_path_that_is_not_a_file_is_an_error_not_a_fallback(tmp_path, monkeypatch):
    monkeypatch.setenv("CHROME_PATH", str(tmp_path / "nowhere"))
    with pytest.raises(ToolchainError, match="CHROME_PATH is .*nowhere, which is not a file"):
        find_browser()


def test_a_system_chromium_comes_before_the_packaged_one(path_with_node_only):
    system = fake_executable(path_with_node_only, "chromium")
    browser = find_browser()
    assert (browser.path, browser.origin) == (system, "system")
    assert browser.version() == "Fake Chromium 1.0"


def test_without_a_system_chromium_the_packaged_one_is_used(path_with_node_only):
    browser = find_browser()
    assert browser.origin == "packaged"
    assert browser.path == packaged_chromium(require_toolchain())
    assert os.access(browser.path, os.X_OK)
    assert browser.marp_environment() == {"CHROME_PATH": str(browser.path), "CHROME_NO_SANDBOX": "1",
                                          "FONTCONFIG_FILE": str(browser.path.parent / "verideck-fonts.conf")}


def test_without_any_chromium_the_error_says_how_to_get_one(path_with_node_only, tmp_path, monkeypatch):
    monkeypatch.setenv("VERIDECK_ROOT", str(tmp_path / "empty"))
    with pytest.raises(ToolchainError, match=r"no Chromium found.*run `npm ci` in .*empty"):
        find_browser()


def test_unpacking_is_atomic_and_happens_once(tmp_path):
    """Unpacked into a staging folder renamed into place; a second call reuses it."""
    real = require_toolchain()
    modules = tmp_path / "node_modules"
    (modules / "@sparticuz").mkdir(parents=True)
    (modules / "@sparticuz" / "chromium").symlink_to(real.modules / "@sparticuz" / "chromium")
    toolchain = Toolchain(modules, "test")
    executable = packaged_chromium(toolchain)
    version = toolchain.package_version("@sparticuz/chromium")
    assert executable == modules / ".cache" / "verideck" / f"chromium-{version}" / "chromium"
    assert sorted(path.name for path in executable.parent.parent.iterdir()) == [f"chromium-{version}"]
    assert f"<dir>{executable.parent}/fonts/fonts</dir>" in (executable.parent / "verideck-fonts.conf").read_text()
    unpacked_at = executable.stat().st_mtime_ns
    assert packaged_chromium(toolchain) == executable
    assert executable.stat().st_mtime_ns == unpacked_at


def test_a_failed_unpack_leaves_nothing_behind(tmp_path):
    toolchain = Toolchain(tmp_path / "node_modules", "test")  # no @sparticuz/chromium: node fails
    home = toolchain.modules / ".cache" / "verideck" / "chromium-0"
    with pytest.raises(ToolchainError, match="could not unpack the packaged Chromium"):
        unpack_chromium(toolchain, home)
    assert list(home.parent.iterdir()) == []


@pytest.mark.browser
def test_the_packaged_chromium_runs_under_playwright(path_with_node_only, tmp_path):
    """The packaged browser is exercised even on machines that also have a system one."""
    from playwright.sync_api import sync_playwright

    browser = find_browser()
    assert browser.origin == "packaged"
    page_file = tmp_path / "page.html"
    page_file.write_text("<p style='font-size:40px'>x² = 4</p>"
                         "<span id=packaged style='font: 40px \"Open Sans\"'>Шаг градиентного спуска</span><br>"
                         "<span id=fallback style='font: 40px \"No Such Font\"'>Шаг градиентного спуска</span>",
                         encoding="utf-8")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(browser.path), args=list(LAUNCH_ARGS),
                                              env={**os.environ, **browser.environment()})
        try:
            page = chromium.new_page()
            page.goto(page_file.as_uri())
            assert page.inner_text("p") == "x² = 4"
            assert chromium.version in browser.version()
            # the fonts unpacked with the browser are seen (a machine without fonts still prints text)
            widths = page.evaluate("['packaged', 'fallback'].map(id => document.getElementById(id).offsetWidth)")
            assert widths[0] > 100 and widths[0] != widths[1], widths
        finally:
            chromium.close()
