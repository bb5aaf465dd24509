"""Where verideck's Node side lives: marp-cli, the KaTeX copy marp-core renders with, and a headless Chromium.

The scripts verideck runs with Node (``katex-validate.js``, ``marp.config.js``, ``chromium-path.js``) travel
inside the Python package, in ``generator/node/``, next to the ``package.json`` and ``package-lock.json``
that pin the npm packages they need.  Those packages are installed with ``npm ci`` into one
``node_modules`` folder, found in this order:

1. ``$VERIDECK_ROOT/node_modules`` when ``VERIDECK_ROOT`` is set (and only there);
2. the source checkout's ``node_modules/`` (``make`` runs ``npm ci`` there);
3. the user's own install made by ``verideck setup`` (for ``pip install verideck``):
   ``<user data folder>/verideck/node-<lock digest>/node_modules``, one folder per lock file, so an
   upgrade of verideck that changes the pins installs next to the old one instead of mixing them.

The scripts resolve the packages from the folder named by ``$VERIDECK_NODE_MODULES``, so they need
not sit next to the packages, and a chosen folder is used even inside a checkout that has its own.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import EXIT_TOOLCHAIN, VerideckError

NPM_TIMEOUT = 900
SOURCE_ROOT = Path(__file__).resolve().parent.parent


class ToolchainError(VerideckError):
    """marp-cli, Node or Chromium is missing or failed."""

    exit_code = EXIT_TOOLCHAIN


def node_scripts() -> Path:
    """The folder of the Node scripts and of the npm pins, inside the installed package."""
    return Path(str(resources.files("generator"))) / "node"


def lock_digest() -> str:
    """A short digest of the pinned npm packages: a user install belongs to one lock file."""
    return hashlib.sha256((node_scripts() / "package-lock.json").read_bytes()).hexdigest()[:12]


def user_data_folder() -> Path:
    """Where per-user data lives on this system (XDG on Linux, the platform's folder elsewhere)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "verideck"


def user_install() -> Path:
    """The folder ``verideck setup`` installs the npm packages into (its ``node_modules`` inside)."""
    return user_data_folder() / f"node-{lock_digest()}"


def installed_version(modules: Path, name: str) -> str | None:
    """The version of the npm package ``name`` installed in the ``modules`` folder, or None when it is missing."""
    try:
        return json.loads((modules / name / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return None


@dataclass(frozen=True)
class Toolchain:
    modules: Path  # a node_modules folder made by `npm ci` from our package-lock.json
    origin: str  # how it was found, for `verideck doctor` and `build -v`

    @property
    def marp(self) -> Path:
        return self.modules / ".bin" / "marp"

    @property
    def config(self) -> Path:
        return node_scripts() / "marp.config.js"

    @property
    def validator(self) -> Path:
        return node_scripts() / "katex-validate.js"

    @property
    def chromium_locator(self) -> Path:
        return node_scripts() / "chromium-path.js"

    def environment(self, **extra: str) -> dict[str, str]:
        """The process environment for Node and marp-cli, telling our scripts where the packages are."""
        return {**os.environ, "VERIDECK_NODE_MODULES": str(self.modules), **extra}

    def package_version(self, name: str) -> str | None:
        return installed_version(self.modules, name)

    def is_complete(self) -> bool:
        return self.marp.exists() and all(self.package_version(name) for name in
                                          ("@marp-team/marp-core", "@sparticuz/chromium"))


def candidates() -> list[Toolchain]:
    """Where to look for the npm packages, in order (see the module's docstring)."""
    if os.environ.get("VERIDECK_ROOT"):
        return [Toolchain(Path(os.environ["VERIDECK_ROOT"]).resolve() / "node_modules", "VERIDECK_ROOT")]
    found = []
    if (SOURCE_ROOT / "package.json").is_file():
        found.append(Toolchain(SOURCE_ROOT / "node_modules", "source checkout"))
    found.append(Toolchain(user_install() / "node_modules", "verideck setup"))
    return found


def find_toolchain() -> Toolchain | None:
    """The first complete install of our npm packages, or None."""
    return next((toolchain for toolchain in candidates() if toolchain.is_complete()), None)


def missing_toolchain_hint() -> str:
    if os.environ.get("VERIDECK_ROOT"):
        return f"run `npm ci` in {os.environ['VERIDECK_ROOT']} (VERIDECK_ROOT)"
    if (SOURCE_ROOT / "package.json").is_file():
        return f"run `make slides` or `npm ci` in {SOURCE_ROOT}"
    return "run `verideck setup` (it installs them with npm)"


def require_node() -> None:
    if shutil.which("node") is None:
        raise ToolchainError("Node.js is not installed: verideck needs Node 20.11 or newer (with npm) "
                             "for marp-cli, KaTeX and Chromium")


def require_toolchain() -> Toolchain:
    require_node()
    toolchain = find_toolchain()
    if toolchain is None:
        raise ToolchainError(f"marp-cli, KaTeX and Chromium are not installed: {missing_toolchain_hint()}")
    return toolchain


def install_user_toolchain(log=print) -> Toolchain:
    """``verideck setup``: ``npm ci`` from the packaged lock file into the user's data folder.

    npm runs in a staging folder next to the target, which is renamed into place only when npm
    succeeded: an interrupted set-up never leaves a half-installed toolchain that looks complete.
    """
    if os.environ.get("VERIDECK_ROOT"):
        raise ToolchainError("VERIDECK_ROOT is set, so verideck uses only its node_modules: "
                             f"{missing_toolchain_hint()}")
    require_node()
    if shutil.which("npm") is None:
        raise ToolchainError("npm is not installed: it comes with Node.js (20.11 or newer)")
    target = user_install()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        for name in ("package.json", "package-lock.json"):
            shutil.copyfile(node_scripts() / name, staging / name)
        log(f"installing marp-cli, KaTeX and Chromium with npm into {target} …")
        result = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--omit=dev"], cwd=staging,
                                capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=NPM_TIMEOUT)
        if result.returncode != 0:
            raise ToolchainError(f"npm ci failed: {(result.stderr or result.stdout).strip()[-800:]}")
        shutil.rmtree(target, ignore_errors=True)  # an incomplete earlier install
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Toolchain(target / "node_modules", "verideck setup")
