"""Find the math a Marp deck prints: ``$…$`` and ``$$…$$`` as Marp's Markdown parser sees them.

markdown-it-py with the dollarmath plugin, configured like Marp's KaTeX rules (no space
inside the dollars, ``$5 and $10`` is not math); code spans, fenced code, HTML (comments
included: a commented-out slide is not printed) and the front matter are skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.front_matter import front_matter_plugin


@dataclass(frozen=True)
class MathSpan:
    latex: str
    line: int  # 1-based line of the formula in the file
    display: bool


@dataclass(frozen=True)
class TextLine:
    text: str
    line: int


@dataclass(frozen=True)
class Cell:
    math: str | None  # the cell's formula, if it is one formula
    text: str  # the cell's plain text


@dataclass(frozen=True)
class Table:
    header: tuple[Cell, ...]
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]  # (line, cells)


def _parser() -> MarkdownIt:
    return (MarkdownIt("commonmark", {"html": True}).enable("table").use(front_matter_plugin)
            .use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True))


def front_matter_language(text: str) -> str:
    match = re.match(r"---\n(.*?)\n---", text, re.DOTALL)
    if match:
        lang = re.search(r"^lang:\s*['\"]?([A-Za-z-]+)", match.group(1), re.MULTILINE)
        if lang:
            return lang.group(1).lower()[:2]
    return "ru" if re.search(r"[А-Яа-яЁё]{4,}", text) else "en"


def extract(text: str) -> tuple[list[MathSpan], list[TextLine], list[tuple[int, Table]]]:
    """The math of a deck in reading order, the plain text lines around it, and its tables."""
    spans: list[MathSpan] = []
    lines: list[TextLine] = []
    tables: list[tuple[int, Table]] = []
    rows: list[tuple[int, list[Cell]]] = []
    for token in _parser().parse(text):
        if token.type in ("math_block", "math_block_label") and token.map:
            spans.append(MathSpan(token.content, token.map[0] + 1, True))
        elif token.type == "inline" and token.map:
            _inline(token, spans, lines)
        if token.type == "tr_open":
            rows.append((token.map[0] + 1 if token.map else 0, []))
        elif token.type == "inline" and rows:
            rows[-1][1].append(_cell(token))
        elif token.type == "table_close" and rows:
            header, *body = rows
            tables.append((header[0], Table(tuple(header[1]), tuple((line, tuple(cells)) for line, cells in body))))
            rows = []
    return spans, lines, tables


def slide_breaks(text: str) -> list[int]:
    """The lines of the deck's slide breaks (``---`` and the other thematic breaks, as Marp splits slides)."""
    return [token.map[0] + 1 for token in _parser().parse(text) if token.type == "hr" and token.map]


def _cell(token) -> Cell:
    children = [c for c in token.children or [] if not (c.type == "text" and not c.content.strip())]
    if len(children) == 1 and children[0].type == "math_inline":
        return Cell(children[0].content.strip(), "")
    return Cell(None, "".join(c.content for c in children if c.type == "text").strip())


def _inline(token, spans: list[MathSpan], lines: list[TextLine]) -> None:
    line = token.map[0] + 1
    plain = ""
    for child in token.children or []:
        if child.type in ("math_inline", "math_inline_double"):
            spans.append(MathSpan(child.content.strip(), line, child.type == "math_inline_double"))
            plain += " "
        elif child.type in ("softbreak", "hardbreak"):
            lines.append(TextLine(plain, line))
            plain = ""
            line += 1
        elif child.type == "text":
            plain += child.content
        elif child.type == "code_inline":
            plain += " "
    lines.append(TextLine(plain, line))
