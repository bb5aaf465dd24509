"""Checks of a ``markdown`` slide: its body must not break the deck's structure."""
from __future__ import annotations

import re

from ...errors import Location, Problem
from ...schema import Reported, Scope, value_node
from ...yamltree import Node
from .model import MarkdownSlide

SLIDE_BREAK = re.compile(r"^\s*(-{3,}|\*{3,}|_{3,})\s*$", re.MULTILINE)  # a line Marp reads as a new slide


def build_markdown(values: dict, node: Node, scope: Scope, base: dict) -> MarkdownSlide:
    body: str = values.pop("body")
    body_node = value_node(node, "body")
    assert body_node is not None  # (a required key)
    for offset, line in enumerate(body.splitlines()):
        if SLIDE_BREAK.fullmatch(line):
            scope.context.problems.append(Problem(
                _body_line(body_node, offset), scope.child("body").path,
                f"line {offset + 1} of the body is a slide break ({line.strip()}): start a new slide entry instead"))
            raise Reported
    body = body.rstrip() + "\n"
    lines = tuple(_body_line(body_node, offset) for offset in range(len(body.splitlines())))
    return MarkdownSlide(body=body, body_lines=lines, **values, **base)


def _body_line(node: Node, offset: int) -> Location:
    """The file line of line ``offset`` of a text value (block scalars start on the next line)."""
    if node.scalar.quoted and node.scalar.kind == "str" and node.location.line:
        first = node.location.line + (1 if node.scalar.block else 0)
        return Location(node.location.file, first + offset)
    return node.location
