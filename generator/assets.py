"""The pictures an instructor's Markdown shows: found next to the spec, copied beside the deck, offline only.

A ``markdown`` slide's body may show local pictures (``![alt](img/logo.png "title")``, Marp's backgrounds
``![bg right](img/photo.jpg)``).  When the spec is read, each must be a file inside the spec's folder (a deck is
carried to a classroom with the pictures it shows) of a kind every browser draws, and none may come from the
network (a deck must work offline).  When a deck is staged, the pictures are copied into its folder with the
layout they have next to the spec (``img/logo.png`` → ``<out>/<stem>/img/logo.png``), and its Markdown points at
the copies; the HTML export then embeds them (``export.embed_images``).

Which text is a picture is decided by markdown-it, as Marp decides it: a path in a code span, a code block or a
formula is text, not a picture.
"""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote

from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

from .errors import Location, Problem, SpecError

PICTURE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
                 ".svg": "image/svg+xml", ".webp": "image/webp"}
_REMOTE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//")  # http://, https://, //host/…
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")  # data:, file:, mailto:, …
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)


@dataclass(frozen=True)
class PictureRef:
    """A picture written in a Markdown text: its address as written, and where (0-based line and column)."""

    url: str
    line: int
    column: int
    found: bool = True  # False: the address could not be found again in the text (it was written with escapes)


@dataclass(frozen=True)
class LocalPicture:
    """A picture found next to the spec: the address written, the file, its path inside the spec's folder, and
    where the address is written in the spec (its place and key path)."""

    url: str
    source: Path
    relative: PurePosixPath
    location: Location
    key: str


class PictureError(ValueError):
    """A picture a deck cannot show offline (the message is for the person who wrote it)."""


def _parser() -> MarkdownIt:
    return (MarkdownIt("commonmark").enable("table")
            .use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True))


def picture_refs(text: str) -> list[PictureRef]:
    """Every picture of a Markdown text, in reading order (a picture whose address cannot be found again in the
    text, after escapes, is placed at the start of its paragraph)."""
    refs, start = [], 0
    for block in _parser().parse(text):
        if block.type != "inline" or not block.children:
            continue
        for child in block.children:
            if child.type == "image":
                url = str(child.attrs.get("src", ""))
                first_line = block.map[0] if block.map else 0
                start = max(start, _offset_of_line(text, first_line))
                position = _find_address(text, url, start)
                if position is None:
                    refs.append(PictureRef(url, first_line, 0, found=False))
                    continue
                start, written = position
                line = text.count("\n", 0, start)
                refs.append(PictureRef(written, line, start - (text.rfind("\n", 0, start) + 1)))
                start += len(written)
    return refs


def _offset_of_line(text: str, line: int) -> int:
    offset = 0
    for _ in range(line):
        offset = text.find("\n", offset) + 1
    return offset


def _find_address(text: str, url: str, start: int) -> tuple[int, str] | None:
    """Where the address of a picture (as markdown-it normalised it) is written: after ``](`` or in a
    reference definition ``[name]: address``, outside code spans; searched from ``start``, then from the text's
    beginning."""
    code = [match.span() for match in CODE_SPAN.finditer(text)]
    for written in dict.fromkeys([unquote(url), url]):
        pattern = re.compile(r"(?:\]\(\s*<?|\]:[ \t]*<?)(" + re.escape(written) + r")(?=[\s)>]|$)")
        for origin in (start, 0):
            match = next((m for m in pattern.finditer(text, origin)
                          if not any(low <= m.start(1) < high for low, high in code)), None)
            if match:
                return match.start(1), written
    return None


def without_query(address: str) -> str:
    """An address without its ``?query`` or ``#fragment``: the file it names (still percent-encoded)."""
    return re.split(r"[?#]", address, maxsplit=1)[0]


def local_picture(url: str, folder: Path, location: Location, key: str) -> LocalPicture | None:
    """The file a picture's address names inside the spec's ``folder``; None for a ``data:`` address (already in
    the text).  Raises ``PictureError`` for an address a deck cannot show offline."""
    if url.startswith("data:"):
        return None
    if _REMOTE.match(url):
        name = PurePosixPath(without_query(url)).name or "picture.png"
        raise PictureError(f"image {url!r} comes from the network, and a deck must work offline (a classroom may "
                           f"have no internet): download it next to the spec (e.g. img/{name}) and write that path")
    if SCHEME.match(url):
        raise PictureError(f"image {url!r} is not a file next to the spec: write a path relative to the spec's "
                           f"folder ({folder})")
    path = unquote(without_query(url))
    if path.startswith("/") or Path(path).is_absolute():
        raise PictureError(f"image {url!r} is an absolute path: copy the file into the spec's folder ({folder}) "
                           "and write its path relative to the spec, so the deck travels with its pictures")
    relative = PurePosixPath(os.path.normpath(path).replace(os.sep, "/"))
    if relative.parts[:1] == ("..",):
        raise PictureError(f"image {url!r} is outside the spec's folder ({folder}): copy it into that folder and "
                           "write its path relative to the spec")
    _check_file(url, folder, relative)
    return LocalPicture(url, folder / relative, relative, location, key)


def _check_file(url: str, folder: Path, relative: PurePosixPath) -> None:
    source = folder / relative
    if not source.exists():
        raise PictureError(f"image {url!r} not found (looked in {source})")
    if not source.resolve().is_relative_to(folder.resolve()):
        raise PictureError(f"image {url!r} leads outside the spec's folder ({folder}) through a symbolic link: "
                           "copy the file itself into that folder")
    if not source.is_file():
        raise PictureError(f"image {url!r} is not a file ({source})")
    if source.suffix.lower() not in PICTURE_TYPES:
        raise PictureError(f"image {url!r} is not a kind of picture a deck can embed: use PNG, JPEG, GIF, SVG or "
                           "WebP")


def copy_pictures(pictures: list[LocalPicture], folder: Path, relative: PurePosixPath) -> dict[str, str]:
    """Copy ``pictures`` into the deck's ``folder`` (its figures' folder, ``relative`` to the deck's Markdown),
    keeping their layout; returns each address as written → the address of its copy.

    The bytes are copied, not the file's times or permissions, so two builds write the same files.  A picture
    that would replace one of the deck's figures is a spec error at the picture.
    """
    addresses: dict[str, str] = {}
    copied: set[PurePosixPath] = set()
    problems = []
    for picture in pictures:
        target = folder / picture.relative
        if picture.relative not in copied:
            if target.exists():
                problems.append(Problem(picture.location, picture.key, f"image {picture.url!r} has the name of a "
                                        f"figure the deck draws ({relative / picture.relative}): move it into a "
                                        "subfolder"))
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(picture.source, target)
            copied.add(picture.relative)
        suffix = picture.url[len(without_query(picture.url)):]  # a ?query or #fragment, kept
        addresses[picture.url] = quote(str(relative / picture.relative), safe="/") + suffix
    if problems:
        raise SpecError(problems)
    return addresses


def point_pictures(text: str, addresses: dict[str, str]) -> str:
    """``text`` with the pictures of ``addresses`` pointing at their copies (their other text unchanged)."""
    lines = text.split("\n")
    for ref in reversed(picture_refs(text)):
        new = addresses.get(ref.url)
        line = lines[ref.line]
        if new is not None and line[ref.column:ref.column + len(ref.url)] == ref.url:
            lines[ref.line] = line[:ref.column] + new + line[ref.column + len(ref.url):]
    return "\n".join(lines)
