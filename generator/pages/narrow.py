"""Blocks wider than the page, made narrower without shrinking anything.

Marp shrinks a display formula wider than the page until it fits (its text can fall under 20 px), and a table
whose formulas do not break runs past the right edge.  A generated slide's display that lists several formulas
side by side (``a = 1, \\qquad b = 2``) is set as several displays instead, as many formulas on a line as fit;
a table too wide for the page is set as several tables, each with the first column (what the rows are) and as
many of the others as fit.  A single formula wider than the page is left to Marp.
"""
from __future__ import annotations

from .blocks import Block, cells, least_widths
from .formula import formula_box
from .geometry import MATH_SCALE, TEXT_PX, Geometry

SEPARATOR = r"\qquad"
TOO_WIDE = 1.15  # of the page's width: Marp's shrinking of a little more keeps the text large; the estimate errs
FULL = 0.97  # a line of formulas set anew fills this much of the page's width at most


def narrowed(block: Block, page: Geometry) -> list[Block]:
    """``block`` as one or more blocks that fit the page's width."""
    if block.kind == "display":
        return _displays(block, page)
    if block.kind == "table":
        return _tables(block, page)
    return [block]


def _display_width(latex: str) -> float:
    return formula_box(latex, True).width * MATH_SCALE * TEXT_PX


def _top_level_parts(latex: str) -> list[str]:
    """``latex`` cut at each ``\\qquad`` outside braces and environments (one part when there is none)."""
    parts, depth, start, index = [], 0, 0, 0
    while index < len(latex):
        if latex[index] == "{":
            depth += 1
        elif latex[index] == "}":
            depth -= 1
        elif latex.startswith(r"\begin", index):
            depth += 1
        elif latex.startswith(r"\end", index):
            depth -= 1
        elif depth == 0 and latex.startswith(SEPARATOR, index) and not latex[index + len(SEPARATOR):][:1].isalpha():
            parts.append(latex[start:index])
            start = index + len(SEPARATOR)
        index += 1
    parts.append(latex[start:])
    return [part.strip() for part in parts if part.strip()]


def _displays(block: Block, page: Geometry) -> list[Block]:
    latex = "\n".join(block.lines[1:-1])
    if _display_width(latex) <= page.width * TOO_WIDE:
        return [block]
    parts = _top_level_parts(latex)
    if len(parts) < 2:
        return [block]
    lines: list[list[str]] = [[]]
    for part in parts:
        trial = f" {SEPARATOR} ".join([*lines[-1], part])
        if lines[-1] and _display_width(trial) > page.width * FULL:
            lines.append([])
        lines[-1].append(part)
    texts = [f" {SEPARATOR} ".join(line).rstrip().rstrip(",").rstrip() for line in lines]
    return [Block("display", ("$$", text, "$$")) for text in texts]


def _tables(block: Block, page: Geometry) -> list[Block]:
    rows = [cells(line) for line in (block.lines[0], *block.lines[2:])]
    least = least_widths(rows)
    if sum(least) <= page.width or len(least) < 3:
        return [block]
    alignments = cells(block.lines[1])
    groups: list[list[int]] = [[]]
    for column in range(1, len(least)):
        if groups[-1] and least[0] + sum(least[c] for c in groups[-1]) + least[column] > page.width:
            groups.append([])
        groups[-1].append(column)
    return [_table([0, *group], rows, alignments) for group in groups]


def _table(columns: list[int], rows: list[list[str]], alignments: list[str]) -> Block:
    def line(values: list[str]) -> str:
        return "| " + " | ".join(values[c] if c < len(values) else "" for c in columns) + " |"

    head, *body = rows
    return Block("table", (line(head), "|" + "|".join(alignments[c] if c < len(alignments) else "---"
                                                      for c in columns) + "|", *(line(row) for row in body)))

