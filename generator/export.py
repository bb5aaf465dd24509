"""The Marp toolchain: KaTeX validation of every formula (as marp-core renders it), and HTML/PDF/PPTX through marp-cli.

Both use the project's own pinned copies (``npm ci`` installs ``@marp-team/marp-cli``; see
``toolchain.py`` for where); KaTeX is the copy marp-core itself renders with, resolved from marp-core.
PDF and PPTX print through the Chromium that ``browser.py`` chooses.
marp-cli runs with ``--no-stdin`` and its own temporary folder (it leaves ``marp-cli-*`` folders
behind), which is removed afterwards.  HTML output embeds the KaTeX fonts, the figures, the instructor's pictures
and the emoji (Twemoji's SVGs), so a deck copied to a classroom laptop renders offline; a web font that a Marp theme
imports (gaia's) is dropped, the theme's fallback fonts are used.  The written HTML is then checked: a reference
to anything outside it left behind is an error, not a deck that breaks in the classroom.
"""
from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import tempfile
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from .assets import PICTURE_TYPES, SCHEME, without_query
from .browser import find_browser
from .toolchain import Toolchain, ToolchainError

FORMATS = ("html", "pdf", "pptx")
MARP_TIMEOUT = 600
SRC = re.compile(r'\bsrc="([^"]*)"')
STYLE_ATTRIBUTE = re.compile(r'\bstyle="([^"]*)"')
CSS_URL = re.compile(r"url\((&quot;|[\"']?)([^)]*?)\1\)")
STYLE_ELEMENT = re.compile(r"(<style\b[^>]*>)(.*?)(</style>)", re.DOTALL)
REMOTE_IMPORT = re.compile(r"@import\s+(?:url\()?\s*[\"']?(?:https?:)?//[^;]*;")
TWEMOJI = re.compile(r"<img\b[^>]*\bdata-marp-twemoji\b[^>]*>")
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
        embed_emoji(target)
        drop_remote_imports(target)
        check_self_contained(target)
    return target


def picture_data(address: str, folder: Path) -> str | None:
    """A relative picture address of a page in ``folder`` as a data URI; None when it names no picture file
    inside ``folder`` (the address is left as it is, and ``check_self_contained`` names it)."""
    if not address or SCHEME.match(address) or address.startswith(("#", "/")):
        return None
    path = (folder / unquote(without_query(address))).resolve()
    mime = PICTURE_TYPES.get(path.suffix.lower())
    if mime is None or not path.is_relative_to(folder.resolve()) or not path.is_file():
        return None
    return data_uri(mime, path)


def data_uri(mime: str, path: Path) -> str:
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def embed_images(html: Path, folder: Path) -> None:
    """Replace the relative picture addresses of an HTML deck (figures, the instructor's pictures, Marp's
    backgrounds in ``style`` attributes) by the pictures themselves (data URIs)."""
    text = html.read_text(encoding="utf-8")

    def inline_src(match: re.Match) -> str:
        data = picture_data(unescape(match.group(1)), folder)
        return match.group(0) if data is None else f'src="{data}"'

    def inline_url(match: re.Match) -> str:
        data = picture_data(unescape(match.group(2)), folder)
        return match.group(0) if data is None else f"url({match.group(1)}{data}{match.group(1)})"

    def inline_style(match: re.Match) -> str:
        return f'style="{CSS_URL.sub(inline_url, match.group(1))}"'

    html.write_text(STYLE_ATTRIBUTE.sub(inline_style, SRC.sub(inline_src, text)), encoding="utf-8")


def embed_emoji(html: Path) -> None:
    """Replace the Twemoji pictures of an HTML deck (``file://`` addresses into the installed ``@twemoji/svg``) by
    the pictures themselves; an emoji that package has no picture for is an error naming it."""
    text = html.read_text(encoding="utf-8")
    missing: dict[str, Path] = {}

    def inline(match: re.Match) -> str:
        tag = match.group(0)
        src = re.search(r'\bsrc="(file://[^"]*)"', tag)
        if src is None:
            return tag
        path = Path(url2pathname(urlparse(unescape(src.group(1))).path))
        if not path.is_file():
            alt = re.search(r'\balt="([^"]*)"', tag)
            missing[unescape(alt.group(1)) if alt else path.stem] = path
            return tag
        return tag.replace(src.group(0), f'src="{data_uri("image/svg+xml", path)}"')

    text = TWEMOJI.sub(inline, text)
    if missing:
        named = ", ".join(f"{emoji} (U+{'-'.join(f'{ord(c):04X}' for c in emoji)}, looked for {path})"
                          for emoji, path in missing.items())
        raise ToolchainError(f"{html}: the installed Twemoji pictures (@twemoji/svg) have none for the emoji {named}: "
                             "remove it from the slide, or update @twemoji/svg with `npm ci`")
    html.write_text(text, encoding="utf-8")


def drop_remote_imports(html: Path) -> None:
    """Remove the web fonts a Marp theme imports from the network (gaia's): offline they never load, and the
    theme's fallback fonts are what a classroom without internet shows anyway."""
    text = html.read_text(encoding="utf-8")

    def drop(match: re.Match) -> str:
        return match.group(1) + REMOTE_IMPORT.sub("", match.group(2)) + match.group(3)

    html.write_text(STYLE_ELEMENT.sub(drop, text), encoding="utf-8")


class _Resources(HTMLParser):
    """The addresses a page loads: its pictures, frames and stylesheets, ``url()`` and ``@import`` in its styles.
    (Text, formulas and scripts are not read: an address written on a slide is not loaded.)"""

    LOADED = ("src", "poster", "data", "background", "xlink:href")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.addresses: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in self.LOADED or (name == "href" and tag in ("link", "image", "use")):
                self.addresses.append(value.strip())
            elif name == "srcset":
                self.addresses += [url.rstrip(",") for url in re.findall(r"(\S+)(?:\s+[\d.]+[wxh])?\s*(?:,|$)", value)]
            elif name == "style":
                self.addresses += css_addresses(value)
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.addresses += css_addresses(data)


def css_addresses(css: str) -> list[str]:
    """The addresses of ``url(…)`` and ``@import "…"`` in a piece of CSS."""
    return ([match.group(2).strip() for match in re.finditer(r"url\(\s*([\"']?)([^\"')]*)\1\s*\)", css)]
            + re.findall(r"@import\s+[\"']([^\"']*)[\"']", css))


def external_resources(text: str) -> list[str]:
    """The addresses an HTML page would load from outside itself (neither ``data:`` nor ``#fragment``), once each."""
    parser = _Resources()
    parser.feed(text)
    parser.close()
    return list(dict.fromkeys(a for a in parser.addresses if a and not a.startswith(("data:", "#"))))


def check_self_contained(html: Path) -> None:
    """Fail when the written HTML still loads anything from outside itself: a deck that would break offline."""
    found = external_resources(html.read_text(encoding="utf-8"))
    if found:
        shown = ", ".join(address if len(address) <= 120 else address[:117] + "…" for address in found[:10])
        more = f" and {len(found) - 10} more" if len(found) > 10 else ""
        raise ToolchainError(f"{html}: the HTML is not self-contained, it would load {shown}{more} from outside "
                             "itself (a deck must open offline)")


def embed_fonts(html: Path) -> None:
    """Replace the KaTeX font URLs of an HTML deck by the fonts themselves (data URIs)."""
    text = html.read_text(encoding="utf-8")

    def inline(match: re.Match) -> str:
        path = Path(unquote(re.sub(r"^file://", "", match.group(2))))
        kind = match.group(4)
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:font/{kind};base64,{data})"

    html.write_text(FONT_URL.sub(inline, text), encoding="utf-8")
