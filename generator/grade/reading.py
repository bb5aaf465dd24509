"""Reading a student's answer: calculator style or LaTeX, one value or a point, never evaluated as code.

Calculator style (``6*x^2*arctg(x^3)/(1+x^6)``, ``2x/cos(x^2)^2``, ``sin^2(2x)``) goes through the
whitelisting expression parser in its answer mode; LaTeX (``\\frac{6x^2\\arctan x^3}{1+x^6}``)
through the checker's LaTeX reader.  Points and vectors may be written ``(1.22, 5.279)``,
``[8; 12.1]`` or ``8, 12.1``; in a Russian deck a comma between digits is a decimal comma
(``1,22; 5,279``).  Whatever cannot be read raises ``Unreadable`` with the reason.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import sympy
from sympy import Expr

from ..check.evaluate import Context, Evaluator
from ..check.texparse import parse_formula
from ..check.textree import Neg, Num, TexError, Tuple, Vector
from ..errors import ExprError
from ..expr import parse_expression, symbol
from ..notation import notation_for

MAX_ANSWER = 500  # characters
_SAME_AS = {"−": "-", "–": "-", "·": "*", "×": "*", "⋅": "*", "π": "pi", "²": "^2", "³": "^3", "\u00a0": " ",
            "≈": "="}
_PLAIN_DECIMAL = re.compile(r"[+-]?\d+(?:\.\d+)?")
_OPEN, _CLOSE = "([{", ")]}"


class Unreadable(Exception):
    """The answer cannot be read; ``diagnosis`` is a short code (parse, empty, too_long, too_large)."""

    def __init__(self, diagnosis: str, message: str):
        super().__init__(message)
        self.diagnosis = diagnosis
        self.message = message


@dataclass(frozen=True)
class Item:
    """One value of an answer (the answer itself, or one coordinate of a point)."""

    value: Expr
    form: Expr | None  # as written, unevaluated (calculator style only): how long the student's form is
    decimal: Decimal | None  # the number as typed, when it is a plain decimal such as 0.96


@dataclass(frozen=True)
class Reading:
    items: tuple[Item, ...]

    @property
    def values(self) -> tuple[Expr, ...]:
        return tuple(item.value for item in self.items)


def read_answer(text: str, lang: str, variables: tuple[str, ...]) -> Reading:
    """The values of an answer; ``variables`` are the names the exercise uses."""
    text = text.strip()
    if not text:
        raise Unreadable("empty", "the answer is empty")
    if len(text) > MAX_ANSWER:
        raise Unreadable("too_long", f"the answer is longer than {MAX_ANSWER} characters")
    for character, replacement in _SAME_AS.items():
        text = text.replace(character, replacement)
    text = re.sub(r"\\approx", "=", text)
    text = text.rsplit("=", 1)[-1].strip()  # y' = …: the answer is the right side
    if not text:
        raise Unreadable("empty", "nothing after '='")
    reading = _latex(text, lang) if "\\" in text or "{" in text else _calculator(text, lang, variables)
    _check_names(reading, variables)
    return reading


# -- calculator style -----------------------------------------------------------------

def _calculator(text: str, lang: str, variables: tuple[str, ...]) -> Reading:
    pieces = _coordinates(text, lang)
    return Reading(tuple(_item(piece, lang, variables) for piece in pieces))


def _item(piece: str, lang: str, variables: tuple[str, ...]) -> Item:
    piece = notation_for(lang).commas_as_points(piece)
    try:
        value = parse_expression(piece, answer_variables=variables)
        form = parse_expression(piece, answer_variables=variables, keep_order=True)
    except ExprError as error:
        too_large = "too large" in error.message
        raise Unreadable("too_large" if too_large else "parse",
                         error.message if too_large else f"column {error.column}: {error.message}") from None
    decimal = Decimal(piece.strip()) if _PLAIN_DECIMAL.fullmatch(piece.strip()) else None
    return Item(value, form, decimal)


def _coordinates(text: str, lang: str) -> list[str]:
    """Split a point into its coordinates at top-level separators (``;`` and list commas)."""
    inner = _without_outer_brackets(text)
    pieces, depth, start = [], 0, 0
    for position, character in enumerate(inner):
        if character in _OPEN:
            depth += 1
        elif character in _CLOSE:
            depth -= 1
        elif depth == 0 and (character == ";" or (character == "," and not _decimal_comma(inner, position, lang))):
            pieces.append(inner[start:position])
            start = position + 1
    pieces.append(inner[start:])
    if len(pieces) > 1 and any(not piece.strip() for piece in pieces):
        raise Unreadable("parse", "an empty coordinate between separators")
    return pieces if len(pieces) > 1 else [text]


def _decimal_comma(text: str, position: int, lang: str) -> bool:
    """In a Russian answer a comma between two digits (no space) is a decimal comma: 0,96."""
    return (notation_for(lang).decimal_comma and 0 < position < len(text) - 1
            and text[position - 1].isdigit() and text[position + 1].isdigit())


def _without_outer_brackets(text: str) -> str:
    """``(a; b)`` or ``[a; b]`` → ``a; b`` when the brackets enclose the whole text."""
    if len(text) < 2 or text[0] not in "([" or text[-1] != _CLOSE[_OPEN.index(text[0])]:
        return text
    depth = 0
    for position, character in enumerate(text):
        depth += character in _OPEN
        depth -= character in _CLOSE
        if depth == 0 and position < len(text) - 1:
            return text  # (x+1)(x-1): the first bracket closes early
    return text[1:-1]


# -- LaTeX --------------------------------------------------------------------------------

def _latex(text: str, lang: str) -> Reading:
    try:
        statements = parse_formula(text, decimal_comma=notation_for(lang).decimal_comma)
        if not statements:
            raise TexError("no formula")
        node = statements[-1].sides[-1]
        nodes = node.items if isinstance(node, (Tuple, Vector)) else (node,)
        if len(statements) > 1 and all(len(s.sides) == 1 for s in statements):  # a, b written with a separator
            nodes = tuple(s.sides[0] for s in statements)
        evaluator = Evaluator(Context())
        items = tuple(Item(_real_symbols(evaluator.value(n)), None, _latex_decimal(n)) for n in nodes)
    except (TexError, ValueError, TypeError, ZeroDivisionError, RecursionError) as error:
        raise Unreadable("too_large" if "too large" in str(error) else "parse", f"LaTeX: {error}") from None
    return Reading(items)


def _latex_decimal(node) -> Decimal | None:
    sign = ""
    if isinstance(node, Neg):
        sign, node = "-", node.operand
    if isinstance(node, Num) and node.digits:
        return Decimal(sign + node.text.replace("{,}", ".").replace(",", "."))
    return None


def _real_symbols(value) -> Expr:
    if not isinstance(value, sympy.Expr):
        raise TexError("expected a value")
    return value.xreplace({s: symbol(s.name) for s in value.free_symbols})


def _check_names(reading: Reading, variables: tuple[str, ...]) -> None:
    for item in reading.items:
        if item.value.has(sympy.core.function.AppliedUndef, sympy.Derivative):
            raise Unreadable("parse", "the answer calls a function by a letter (f(x), y'): write it out")
        unknown = sorted(s.name for s in item.value.free_symbols if s.name not in variables)
        if unknown:
            allowed = ", ".join(variables) if variables else "none: the answer is a number"
            raise Unreadable("parse", f"unknown name {unknown[0]!r} (the exercise's variables: {allowed})")
