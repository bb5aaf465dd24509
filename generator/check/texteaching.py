r"""Teaching notation in the printed LaTeX: definition signs, ``\text{const}`` and limits.

The several spellings of "is defined as" (``:=``, ``\overset{\text{def}}{=}``, ``\stackrel{def}{=}``,
``\mathrel{:=}``) become one relation, ``\coloneqq`` (``\equiv`` and ``\triangleq`` are read as it too, see
``texnotation.RELATIONS``); ``\text{const}`` and ``\mathrm{const}`` become the macro ``\const``.  Both
rewrites run before the parser drops ``\text{…}`` as words.  ``read_limit`` reads
``\lim_{x \to a} …`` (also ``\to \infty``, ``-\infty`` and the one-sided ``0^+``, ``0^{-}``).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .textree import Constant, Limit, Name, Node, TexError

if TYPE_CHECKING:
    from .texparse import FormulaParser

_DEF = r"(?:\\(?:text|mathrm|textrm|operatorname|textit|rm)\s*)?\{?\s*def\.?\s*\}?"
_OVER_EQUALS = re.compile(r"\\(?:overset|stackrel)\s*\{\s*(?:" + _DEF + r"|\\triangle)\s*\}\s*\{?\s*=\s*\}?")
_DEFINITION_SIGNS = re.compile(r"\\mathrel\s*\{\s*:\s*=\s*\}|:\s*=")
_CONST = re.compile(r"\\(?:text|mathrm|textrm|operatorname|textit)\s*\{\s*const\.?\s*\}")
ARROWS = (r"\to", r"\rightarrow", r"\longrightarrow")
TEACHING_COMMANDS = ("lim", "const")


def teaching_spellings(text: str) -> str:
    r"""One spelling for a definition sign (``\coloneqq``) and for a constant (``\const``)."""
    text = _OVER_EQUALS.sub(r" \\coloneqq ", text)
    text = _DEFINITION_SIGNS.sub(r" \\coloneqq ", text)
    return _CONST.sub(r" \\const ", text)


def teaching_command(parser: FormulaParser, name: str) -> Node:
    """The macro ``name`` (one of ``TEACHING_COMMANDS``), just read by the parser."""
    return read_limit(parser) if name == "lim" else Constant()


def read_limit(parser: FormulaParser) -> Node:
    r"""After ``\lim``: ``_{x \to a}`` and the term it applies to (a following ``+``/``-`` is ambiguous)."""
    parser.skip_ignored()
    parser.expect("_")
    parser.expect("{")
    variable = parser.expression()
    if not isinstance(variable, Name):
        raise TexError("the variable of a limit must be a name")
    if not parser.at(*ARROWS):
        raise TexError(r"expected \to in the limit")
    parser.take()
    point, side = _limit_point(parser)
    parser.expect("}")
    body = parser.term()
    parser.skip_ignored()
    if parser.at("+", "-"):
        raise TexError("it is not clear what the limit applies to: put its expression in brackets")
    return Limit(variable, point, side, body)


def _limit_point(parser: FormulaParser) -> tuple[Node | None, str]:
    """The point and the side: (None, "+") for +∞, (None, "-") for −∞, (a, "+") for a⁺, (a, "+-") for a."""
    sign = ""
    if parser.at("+", "-") and parser.text_at(1) == r"\infty":
        sign = parser.take().text
    if parser.at(r"\infty"):
        parser.take()
        return None, "-" if sign == "-" else "+"
    side = _take_side(parser)
    return parser.expression(), side


def _take_side(parser: FormulaParser) -> str:
    """A ``^+``, ``^-``, ``^{+}`` or ``^{-}`` just before the subscript's closing brace: removed, and returned."""
    depth, end = 0, parser.index
    while end < len(parser.tokens):
        text = parser.tokens[end].text
        if text == "}" and depth == 0:
            break
        depth += {"{": 1, "}": -1}.get(text, 0)
        end += 1
    texts = [token.text for token in parser.tokens[parser.index:end]]
    for tail in (["^", "+"], ["^", "-"], ["^", "{", "+", "}"], ["^", "{", "-", "}"]):
        if len(texts) > len(tail) and texts[-len(tail):] == tail:
            del parser.tokens[end - len(tail):end]
            return tail[1] if len(tail) == 2 else tail[2]
    return "+-"
