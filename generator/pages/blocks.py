"""A page of Marp Markdown as a list of blocks, and how tall each one is drawn.

The blocks are what a page can be cut between: a heading, a paragraph, a display formula (``$$`` … ``$$``),
a table (cut between rows, its head repeated), a list (cut between items), a picture, an HTML comment (a
scoped directive or presenter notes: drawn as nothing).  Heights follow :mod:`.geometry` and the formula
sizes of :mod:`.formula`.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from .formula import formula_box
from .geometry import BOLD_EM, CHARACTER_EM, HEADING_LINE, HEADING_PX, MATH_SCALE, TABLE_PX, TEXT_PX, Geometry

INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)((?:\\.|[^$\\])+?)\$")
IMAGE = re.compile(r"^!\[[^\]]*\]\(([^)\s]+)[^)]*\)\s*$")
MARP_HEIGHT = re.compile(r"^!\[[^\]]*\b(?:h|height):(\d+(?:\.\d+)?)(?:px)?\b")
LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+")
MARKUP = re.compile(r"\*\*|__|`|\\(?=[\\`*_{}\[\]()#+\-.!])")
FILL = 0.92  # a wrapped line is rarely full: the word (or formula) that does not fit starts the next one
WIDE_EXTRA = 0.12  # a non-Latin letter counts as this much more than one character
CELL_SEPARATOR = re.compile(r"(?<!\\)\|")
CELL_PADDING = 24.0  # px left and right of a table cell's text, together
ROW_PADDING = 9.0  # px above and below it, with the border

ImageHeight = Callable[[str], "float | None"]  # a picture's drawn height in px by its path (None: unknown)


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "paragraph", "display", "table", "list", "image", "comment"
    lines: tuple[str, ...]  # the Markdown lines, as on the page

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def splittable(self) -> bool:
        """A table with more than one row under its head, or a list of more than one item."""
        return len(self.parts()) > 1 if self.kind in ("table", "list") else False

    @property
    def leads_on(self) -> bool:
        """A short paragraph that introduces what follows (it ends in a colon) stays with it on one page."""
        return self.kind == "paragraph" and self.lines[-1].rstrip().rstrip("*_").endswith(":")

    def parts(self) -> list[tuple[str, ...]]:
        """The units a table (its body rows) or a list (its items) is cut into."""
        if self.kind == "table":
            return [(row,) for row in self.lines[2:]]
        items: list[list[str]] = []
        for line in self.lines:
            if (LIST_ITEM.match(line) and not line.startswith((" ", "\t"))) or not items:
                items.append([line])
            else:
                items[-1].append(line)
        return [tuple(item) for item in items]

    def with_parts(self, parts: list[tuple[str, ...]]) -> Block:
        """The same table (with its head) or list with only ``parts``."""
        head = self.lines[:2] if self.kind == "table" else ()
        return Block(self.kind, head + tuple(line for part in parts for line in part))


def blocks(lines: list[str]) -> list[Block]:
    """The blocks of one page, in order (blank lines only separate them)."""
    found: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        kind, end = _block_at(lines, index)
        found.append(Block(kind, tuple(lines[index:end])))
        index = end
    return found


def _block_at(lines: list[str], start: int) -> tuple[str, int]:
    """The kind of the block starting at ``start`` and the index just past it."""
    line = lines[start].strip()
    if line == "$$":
        end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() == "$$"), len(lines) - 1)
        return "display", end + 1
    if line.startswith("<!--"):
        end = next((i for i in range(start, len(lines)) if "-->" in lines[i]), len(lines) - 1)
        return "comment", end + 1
    if line.startswith("#"):
        return "heading", start + 1
    if IMAGE.match(line):
        return "image", start + 1
    kind = "table" if line.startswith("|") else ("list" if LIST_ITEM.match(lines[start]) else "paragraph")
    end = start + 1
    while end < len(lines) and lines[end].strip() and _continues(kind, lines[end]):
        end += 1
    return kind, end


def _continues(kind: str, line: str) -> bool:
    stripped = line.strip()
    if stripped == "$$" or stripped.startswith(("<!--", "#")):
        return False
    if kind == "table":
        return stripped.startswith("|")
    return True


def text_width(text: str, px: float, em: float = CHARACTER_EM) -> float:
    """How wide one line of Markdown text is drawn at ``px``: its characters and its inline formulas."""
    plain = MARKUP.sub("", INLINE_MATH.sub("", text))
    wide = sum(1 for character in plain if ord(character) > 0x2FF)  # Cyrillic letters are wider than Latin
    return math_width(text, px) + (len(plain) + wide * WIDE_EXTRA) * em * px


def math_width(text: str, px: float) -> float:
    """How wide the inline formulas of ``text`` are drawn, together (they never break inside a table)."""
    return sum(formula_box(formula, False).width * MATH_SCALE * px for formula in INLINE_MATH.findall(text))


def line_height(text: str, page: Geometry, px: float = TEXT_PX) -> float:
    """A line of text, taller when an inline formula in it is taller than the text."""
    tallest = max((formula_box(f, False).total for f in INLINE_MATH.findall(text)), default=0.0)
    leading = 8.5 if tallest < 1.3 else 0.0  # a formula a little taller than the text still keeps its leading
    return max(page.line * px / TEXT_PX, tallest * MATH_SCALE * px + leading)


def _text_height(lines: tuple[str, ...], page: Geometry, width: float) -> float:
    """A paragraph: every source line is a line break (Marp's ``breaks``), each wrapped at ``width``."""
    total = 0.0
    for line in lines:
        wraps = max(1, math.ceil(text_width(line, TEXT_PX) / (width * FILL)))
        total += wraps * line_height(line, page)
    return total


def cells(row: str) -> list[str]:
    """The cells of a Markdown table row (or the alignments of its separator row)."""
    return [cell.strip() for cell in CELL_SEPARATOR.split(row.strip().strip("|"))]


def least_widths(rows: list[list[str]]) -> list[float]:
    """The narrowest each column can be: its longest word or (unbreakable) formulas, with the cell's padding."""
    columns = max(len(row) for row in rows)
    return [max(max(math_width(row[c], TABLE_PX), _longest_word(row[c])) if c < len(row) else 0.0
                for row in rows) + CELL_PADDING for c in range(columns)]


def column_widths(rows: list[list[str]], room: float) -> list[float]:
    """The widths the browser's automatic table layout gives the columns: each its natural width when the
    table fits, else at least its longest word or formula and a share of the rest by what it would like."""
    columns = max(len(row) for row in rows)
    natural = [max(text_width(row[c], TABLE_PX) if c < len(row) else 0.0 for row in rows) + CELL_PADDING
               for c in range(columns)]
    if sum(natural) <= room:
        return natural
    least = least_widths(rows)
    spare, wished = max(0.0, room - sum(least)), sum(n - m for n, m in zip(natural, least)) or 1.0
    return [m + spare * (n - m) / wished for n, m in zip(natural, least)]


def _longest_word(cell: str) -> float:
    words = MARKUP.sub("", INLINE_MATH.sub("", cell)).split()
    return max((len(word) for word in words), default=0) * CHARACTER_EM * TABLE_PX


def _table_height(block: Block, page: Geometry) -> float:
    rows = [cells(line) for line in (block.lines[0], *block.lines[2:])]
    widths = column_widths(rows, page.width)
    total = 0.0
    for row in rows:
        lines = max(math.ceil(text_width(cell, TABLE_PX) / max(1.0, width - CELL_PADDING + 1.0))
                    for cell, width in zip(row, widths))
        total += max(page.table_row, max(1, lines) * line_height(" ".join(row), page, TABLE_PX) + ROW_PADDING)
    return total + 2.0


def _list_height(block: Block, page: Geometry) -> float:
    items = block.parts()
    text = sum(_text_height(tuple(LIST_ITEM.sub("", line, count=1).strip() for line in item), page,
                            page.width - page.indent) for item in items)
    return text + page.item_gap * (len(items) - 1)


def height(block: Block, page: Geometry, image_height: ImageHeight) -> float:
    """How tall ``block`` is drawn on ``page`` (its margins are the page's ``gap``, counted between blocks)."""
    if block.kind == "heading":
        wraps = max(1, math.ceil(text_width(block.lines[0].lstrip("#").strip(), HEADING_PX, BOLD_EM) / page.width))
        return page.heading - page.gap + (wraps - 1) * HEADING_LINE
    if block.kind == "comment":
        return 0.0
    if block.kind == "display":
        latex = "\n".join(block.lines[1:-1])
        return max(page.display_minimum, formula_box(latex, True).total * MATH_SCALE * TEXT_PX)
    if block.kind == "table":
        return _table_height(block, page)
    if block.kind == "list":
        return _list_height(block, page)
    if block.kind == "image":
        return _image_height(block.lines[0].strip(), page, image_height)
    return _text_height(block.lines, page, page.width)


def _image_height(line: str, page: Geometry, image_height: ImageHeight) -> float:
    """A picture's height: Marp's ``h:`` in its alt text, else its own (half the page when unknown)."""
    match = IMAGE.match(line)
    sized = MARP_HEIGHT.search(line)
    if sized:
        return float(sized.group(1))
    drawn = image_height(match.group(1)) if match else None
    return drawn if drawn is not None else page.height / 2


def stack_height(stack: list[Block], page: Geometry, image_height: ImageHeight) -> float:
    """Blocks one below the other, with the gaps between the drawn ones."""
    drawn = [block for block in stack if block.kind != "comment"]
    return sum(height(block, page, image_height) for block in drawn) + page.gap * max(0, len(drawn) - 1)
