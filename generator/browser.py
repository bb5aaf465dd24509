"""The one place that decides which Chromium verideck uses (marp-cli's PDF/PPTX, the browser tests).

In order: ``$CHROME_PATH`` when set; else a Chromium or Chrome installed on the system; else the
headless Chromium that ``npm ci`` brought with ``@sparticuz/chromium``.  The packaged one is unpacked
on first use into ``node_modules/.cache/verideck/chromium-<version>/`` (staged, then renamed, so an
interrupted unpack is never mistaken for a browser) and needs no system package at all: not even fonts,
since it comes with Open Sans (Latin, Cyrillic, Greek), which a fontconfig file of ours adds to the
system's fonts, if there are any.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from .toolchain import Toolchain, ToolchainError, find_toolchain, missing_toolchain_hint

UNPACK_TIMEOUT = 300
FONTCONFIG = "verideck-fonts.conf"
SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
SYSTEM_PATHS = ("/Applications/Chromium.app/Contents/MacOS/Chromium",
                "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome")
# Flags for driving it headless from Playwright: no sandbox (the packaged build has no setuid helper,
# and containers run as root), no GPU, and nothing that reaches out to the network on its own.
LAUNCH_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync")


@dataclass(frozen=True)
class Browser:
    path: Path
    origin: str  # "CHROME_PATH", "system" or "packaged"

    def environment(self) -> dict[str, str]:
        """Variables the browser process itself needs: the packaged one reads our fontconfig file."""
        return {"FONTCONFIG_FILE": str(self.path.parent / FONTCONFIG)} if self.origin == "packaged" else {}

    def marp_environment(self) -> dict[str, str]:
        """What marp-cli needs to print with this browser (it adds --no-sandbox on CHROME_NO_SANDBOX)."""
        extra = {"CHROME_PATH": str(self.path), **self.environment()}
        if self.origin == "packaged":
            extra["CHROME_NO_SANDBOX"] = "1"
        return extra

    def version(self) -> str:
        result = subprocess.run([str(self.path), "--version"], capture_output=True, text=True, timeout=60,
                                stdin=subprocess.DEVNULL)
        return result.stdout.strip() or "unknown version"


def system_chromium() -> Path | None:
    for name in SYSTEM_NAMES:
        if found := shutil.which(name):
            return Path(found)
    return next((Path(path) for path in SYSTEM_PATHS if Path(path).is_file()), None)


def packaged_chromium(toolchain: Toolchain) -> Path:
    """The Chromium of ``@sparticuz/chromium``, unpacked on first use."""
    version = toolchain.package_version("@sparticuz/chromium")
    if version is None:
        raise ToolchainError("the packaged Chromium (@sparticuz/chromium) is not installed: "
                             f"{missing_toolchain_hint()}")
    home = toolchain.modules / ".cache" / "verideck" / f"chromium-{version}"
    if not (home / FONTCONFIG).is_file():  # (the browser is moved into place together with this file)
        unpack_chromium(toolchain, home)
    return home / "chromium"


def unpack_chromium(toolchain: Toolchain, home: Path) -> None:
    home.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{home.name}-", dir=home.parent))
    try:
        result = subprocess.run(["node", str(toolchain.chromium_locator)], cwd=staging, capture_output=True, text=True,
                                env=toolchain.environment(TMPDIR=str(staging)), stdin=subprocess.DEVNULL,
                                timeout=UNPACK_TIMEOUT)
        if result.returncode != 0 or Path(result.stdout.strip()) != staging / "chromium":
            raise ToolchainError(f"could not unpack the packaged Chromium: {result.stderr.strip()[-800:]}")
        (staging / FONTCONFIG).write_text(fontconfig(home), encoding="utf-8")
        if home.exists() and not (home / FONTCONFIG).is_file():
            shutil.rmtree(home)  # an unpack by an older verideck, without our fontconfig file
        try:
            staging.rename(home)
        except OSError:
            if not (home / FONTCONFIG).is_file():  # not a concurrent unpack that finished first
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def fontconfig(home: Path) -> str:
    """The system's fonts (when it has a fontconfig set-up) plus the fonts unpacked with the browser."""
    return (f'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            f'  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
            f'  <dir>{escape(str(home / "fonts" / "fonts"))}</dir>\n'
            f'  <cachedir>{escape(str(home / "fontconfig-cache"))}</cachedir>\n</fontconfig>\n')


def find_browser() -> Browser:
    """The Chromium to use: ``$CHROME_PATH``, a system one, or the packaged one."""
    if os.environ.get("CHROME_PATH"):
        path = Path(os.environ["CHROME_PATH"])
        if not path.is_file():
            raise ToolchainError(f"CHROME_PATH is {path}, which is not a file")
        return Browser(path, "CHROME_PATH")
    if (system := system_chromium()) is not None:
        return Browser(system, "system")
    toolchain = find_toolchain()
    if toolchain is None:
        raise ToolchainError(f"no Chromium found, and the packaged one is not installed: {missing_toolchain_hint()}")
    return Browser(packaged_chromium(toolchain), "packaged")
