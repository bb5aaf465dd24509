"""The Marp toolchain: KaTeX validation of every formula (as marp-core renders it), and HTML/PDF/PPTX through marp-cli.

Both use the project's own pinned copies (``npm ci`` installs ``@marp-team/marp-cli``; see
``toolchain.py`` for where); KaTeX is the copy marp-core itself renders with, resolved from marp-core.
PDF and PPTX print through the Chromium that ``browser.py`` chooses.
marp-cli runs with ``--no-stdin`` and its own temporary folder (it leaves ``marp-cli-*`` folders
behind), which is removed afterwards.  HTML output embeds the KaTeX fonts, so a deck copied to a
classroom laptop renders offline.
"""
from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import unquote

from .browser import find_browser
from .toolchain import Toolchain, ToolchainError

FORMATS = ("html", "pdf", "pptx")
MARP_TIMEOUT = 600
FONT_URL = re.compile(r"url\((['\"]?)(file://[^)'\"]*?/fonts/(KaTeX_[A-Za-z0-9_-]+\.(woff2|woff|ttf)))\1\)")


def validate_formulas(toolchain: Toolchain, formulas: list[dict]) -> list[dict]:
    """Render all formulas with marp-core's KaTeX and its options, in one Node process.

    ``formulas`` are ``{"id", "latex", "display", "document"}`` in reading order (a ``\\def`` in one formula
    serves the later ones of its document, as in marp-core); returns ``{"id", "error"}`` for each formula that
    would show up as red source text.
    """
    if not formulas:
        return []
    result = subprocess.run(["node", str(toolchain.validator)], input=json.dumps(formulas), text=True,
                            capture_output=True, env=toolchain.environment(), timeout=MARP_TIMEOUT)
    if result.returncode != 0:
        raise ToolchainError(f"KaTeX validation failed to run: {result.stderr.strip()[-500:]}")
    return json.loads(result.stdout)["failures"]


def export(toolchain: Toolchain, markdown: Path, fmt: str) -> Path:
    """Convert one deck with marp-cli; returns the written file next to the Markdown."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt}")
    markdown = markdown.resolve()
    target = markdown.with_suffix(f".{fmt}")
    browser = {} if fmt == "html" else find_browser().marp_environment()  # HTML needs no browser
    temporary = Path(tempfile.mkdtemp(prefix="verideck-marp-"))
    environment = toolchain.environment(TMPDIR=str(temporary), TMP=str(temporary), TEMP=str(temporary), **browser)
    format_flag = [] if fmt == "html" else [f"--{fmt}"]  # (marp's --html means "allow HTML tags")
    command = [str(toolchain.marp), "--no-stdin", "--config-file", str(toolchain.config), "--allow-local-files",
               *format_flag, str(markdown), "-o", str(target)]
    try:
        result = subprocess.run(command, cwd=markdown.parent, env=environment, capture_output=True, text=True,
                                stdin=subprocess.DEVNULL, timeout=MARP_TIMEOUT)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
    if result.returncode != 0 or not target.exists():
        raise ToolchainError(f"{markdown}: marp-cli could not make {fmt.upper()}: {result.stderr.strip()[-800:]}")
    if fmt == "html":
        embed_fonts(target)
        embed_images(target, markdown.parent)
    return target


def embed_images(html: Path, folder: Path) -> None:
    """Replace relative SVG figure paths of an HTML deck by the figures themselves (data URIs)."""
    text = html.read_text(encoding="utf-8")

    def inline(match: re.Match) -> str:
        path = (folder / unquote(match.group(1))).resolve()
        if folder.resolve() not in path.parents or not path.is_file():
            return match.group(0)
        return f'src="data:image/svg+xml;base64,{base64.b64encode(path.read_bytes()).decode("ascii")}"'

    html.write_text(re.sub(r'src="([^":]+\.svg)"', inline, text), encoding="utf-8")


def embed_fonts(html: Path) -> None:
    """Replace the KaTeX font URLs of an HTML deck by the fonts themselves (data URIs)."""
    text = html.read_text(encoding="utf-8")

    def inline(match: re.Match) -> str:
        path = Path(unquote(re.sub(r"^file://", "", match.group(2))))
        kind = match.group(4)
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:font/{kind};base64,{data})"

    html.write_text(FONT_URL.sub(inline, text), encoding="utf-8")
