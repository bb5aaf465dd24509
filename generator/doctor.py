"""``verideck doctor``: what verideck runs with (versions and paths), and what is missing with its fix.

One line per component, so an instructor can paste the report into a bug report, and a line of
``verideck build -v`` saying which marp-cli and Chromium a conversion used.
"""
from __future__ import annotations

import platform
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from . import __version__
from .browser import find_browser
from .errors import EXIT_OK
from .toolchain import Toolchain, ToolchainError, find_toolchain, installed_version, missing_toolchain_hint

PYTHON_PACKAGES = ("sympy", "matplotlib", "jinja2", "pyyaml", "markdown-it-py", "playwright")
MINIMUM_NODE = (20, 11)


@dataclass
class Diagnosis:
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def add(self, name: str, text: str) -> None:
        self.lines.append(f"{name + ':':<11}{text}")

    def missing(self, name: str, problem: str) -> None:
        self.add(name, f"MISSING — {problem}")
        self.problems.append(problem)

    @property
    def exit_code(self) -> int:
        return ToolchainError.exit_code if self.problems else EXIT_OK

    def text(self) -> str:
        verdict = (f"{len(self.problems)} problem(s): `make slides` / `verideck build --to pdf` will fail until fixed"
                   if self.problems else "everything verideck needs is here")
        return "\n".join([*self.lines, verdict])


def node_version() -> tuple[int, ...] | None:
    if shutil.which("node") is None:
        return None
    result = subprocess.run(["node", "--version"], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    return tuple(int(part) for part in re.findall(r"\d+", result.stdout)[:3]) or None


def katex_version(toolchain: Toolchain) -> str | None:
    """The KaTeX copy marp-core renders with (its own nested copy if it has one)."""
    nested = toolchain.modules / "@marp-team" / "marp-core" / "node_modules"
    return installed_version(nested, "katex") or toolchain.package_version("katex")


def python_line() -> str:
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in PYTHON_PACKAGES)
    return f"{platform.python_version()} ({sys.executable}); {versions}"


def diagnose() -> Diagnosis:
    report = Diagnosis()
    report.add("verideck", f"{__version__} ({Path(__file__).resolve().parent})")
    report.add("Python", python_line())
    node = node_version()
    if node is None:
        report.missing("Node.js", "install Node.js 20.11 or newer (with npm)")  # (or it does not answer --version)
    elif node[:2] < MINIMUM_NODE:
        report.missing("Node.js", f"v{'.'.join(map(str, node))} is too old: install Node.js 20.11 or newer")
    else:
        report.add("Node.js", f"v{'.'.join(map(str, node))} ({shutil.which('node')})")
    toolchain = find_toolchain()
    if toolchain is None:
        report.missing("marp-cli", missing_toolchain_hint())
    else:
        report.add("marp-cli", f"{toolchain.package_version('@marp-team/marp-cli')}, KaTeX {katex_version(toolchain)} "
                               f"({toolchain.origin}: {toolchain.modules})")
    try:
        browser = find_browser()
        report.add("Chromium", f"{browser.version()} ({browser.origin}: {browser.path})")
    except ToolchainError as error:
        report.missing("Chromium", str(error))
    return report


def conversion_summary(needs_browser: bool) -> str:
    """One line for ``verideck build -v --to …``: the marp-cli and the Chromium of the conversion."""
    toolchain = find_toolchain()
    if toolchain is None:
        return "converted with: nothing (marp-cli is not installed)"
    text = f"converted with marp-cli {toolchain.package_version('@marp-team/marp-cli')} ({toolchain.origin}: " \
           f"{toolchain.modules})"
    if needs_browser:
        browser = find_browser()
        text += f" and Chromium ({browser.origin}: {browser.path})"
    return text
