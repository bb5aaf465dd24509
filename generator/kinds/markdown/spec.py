"""Checks of a ``markdown`` slide: its body must not break the deck's structure."""
from __future__ import annotations

from ...errors import Problem
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
    return MarkdownSlide(body=body, body_lines=lines, **values, **base)


__all__ = ["SLIDE_BREAK", "build_markdown"]
