"""Checks of a ``markdown`` slide: its body must not break the deck's structure, and the pictures it shows must
be files next to the spec (``generator/assets.py``)."""
from __future__ import annotations

from ...assets import LocalPicture, PictureError, PictureRef, local_picture, picture_refs
from ...errors import Location, Problem
from ...instructor_text import SLIDE_BREAK, text_line
from ...schema import Reported, Scope, value_node
from ...yamltree import Node
from .model import MarkdownSlide


def build_markdown(values: dict, node: Node, scope: Scope, base: dict) -> MarkdownSlide:
    body: str = values.pop("body")
    body_node = value_node(node, "body")
    assert body_node is not None  # (a required key)
    for offset, line in enumerate(body.splitlines()):
        if SLIDE_BREAK.fullmatch(line):
            scope.context.problems.append(Problem(
                text_line(body_node, offset), scope.child("body").path,
                f"line {offset + 1} of the body is a slide break ({line.strip()}): start a new slide entry instead"))
            raise Reported
    body = body.rstrip() + "\n"
    lines = tuple(text_line(body_node, offset) for offset in range(len(body.splitlines())))
    pictures = _local_pictures(body, body_node, scope.child("body"))
    return MarkdownSlide(body=body, body_lines=lines, pictures=pictures, **values, **base)


def _local_pictures(body: str, node: Node, scope: Scope) -> tuple[LocalPicture, ...]:
    """The local pictures of the body; every picture that cannot be shown offline is reported at its address."""
    refs = picture_refs(body)
    if not refs:
        return ()
    spec = scope.context.path
    spec_lines = spec.read_text(encoding="utf-8", errors="replace").splitlines()
    pictures, failed = [], False
    for ref in refs:
        location = _address_location(ref, body.splitlines()[ref.line], text_line(node, ref.line), spec_lines)
        try:
            if not ref.found:
                raise PictureError(f"image {ref.url!r}: write its path without escapes or percent signs, so that "
                                   "verideck can point it at the copy beside the deck")
            picture = local_picture(ref.url, spec.parent, location, scope.path)
        except PictureError as error:
            scope.context.problems.append(Problem(location, scope.path, str(error)))
            failed = True
            continue
        if picture is not None:
            pictures.append(picture)
    if failed:
        raise Reported
    return tuple(pictures)


def _address_location(ref: PictureRef, line: str, place: Location, spec_lines: list[str]) -> Location:
    """The file line and column of a picture's address (the line alone when the spec's text differs)."""
    if not place.line or place.line > len(spec_lines):
        return place
    written = spec_lines[place.line - 1]
    start = written.find(line) if line.strip() and ref.found else -1
    column = start + ref.column if start >= 0 else written.find(ref.url)
    return Location(place.file, place.line, column + 1) if column >= 0 else place


__all__ = ["SLIDE_BREAK", "build_markdown"]
