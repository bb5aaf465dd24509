"""Where verideck finds its Node side: VERIDECK_ROOT alone when set, else the checkout, else `verideck setup`'s."""
from __future__ import annotations

import hashlib

import pytest

from conftest import ROOT, marp_cli_version
from generator.toolchain import (ToolchainError, candidates, find_toolchain, install_user_toolchain, lock_digest,
                                 node_scripts, user_install)


def test_the_checkout_comes_before_the_user_install(monkeypatch, tmp_path):
    monkeypatch.delenv("VERIDECK_ROOT", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert [(t.modules, t.origin) for t in candidates()] == [
        (ROOT / "node_modules", "source checkout"),
        (tmp_path / "verideck" / f"node-{lock_digest()}" / "node_modules", "verideck setup")]
    found = find_toolchain()
    assert found is not None and found.origin == "source checkout"
    assert found.package_version("@marp-team/marp-cli") == marp_cli_version()


def test_verideck_root_is_the_only_place_looked_at(monkeypatch, tmp_path):
    monkeypatch.setenv("VERIDECK_ROOT", str(tmp_path))
    assert [(t.modules, t.origin) for t in candidates()] == [(tmp_path / "node_modules", "VERIDECK_ROOT")]
    assert find_toolchain() is None  # not the checkout's, although it is complete
    with pytest.raises(ToolchainError, match="VERIDECK_ROOT is set"):
        install_user_toolchain()


def test_a_user_install_belongs_to_one_lock_file(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    digest = hashlib.sha256((ROOT / "package-lock.json").read_bytes()).hexdigest()[:12]
    assert user_install() == tmp_path / "verideck" / f"node-{digest}"


def test_the_package_carries_the_pins_it_installs_from():
    for name in ("package.json", "package-lock.json"):
        assert (node_scripts() / name).read_bytes() == (ROOT / name).read_bytes()
    for name in ("katex-validate.js", "marp.config.js", "chromium-path.js"):
        assert (node_scripts() / name).is_file()


def test_an_incomplete_install_is_not_used(monkeypatch, tmp_path):
    (tmp_path / "node_modules" / ".bin").mkdir(parents=True)
    (tmp_path / "node_modules" / ".bin" / "marp").write_text("")  # marp-cli's link, but no packages
    monkeypatch.setenv("VERIDECK_ROOT", str(tmp_path))
    assert find_toolchain() is None
