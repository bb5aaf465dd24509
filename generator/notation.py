"""The conventions of a language's mathematical notation, decided here once.

A Russian deck writes a decimal comma (``1{,}3`` in LaTeX, ``1,3`` in text), separates
coordinates and arguments with ``;`` (the comma is taken), and names functions ``\\tg``,
``\\ctg``, ``\\arctg``, ``\\operatorname{sh}``; an English deck writes ``1.3``, ``,`` and ``\\tan``.
The printer, the figures, the checker, the answer reader and the Moodle export all ask this
module, so they cannot disagree about a deck's notation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

LANGUAGES = ("en", "ru")
_DIGIT_COMMA_DIGIT = re.compile(r"(?<=\d),(?=\d)")


@dataclass(frozen=True)
class Notation:
    lang: str
    decimal_comma: bool  # 1,3 rather than 1.3
    function_names: dict[str, str] = field(hash=False)  # SymPy function → its LaTeX name, where not SymPy's own

    @property
    def decimal_mark(self) -> str:
        """In plain text: alt texts, tick labels, answers."""
        return "," if self.decimal_comma else "."

    @property
    def list_separator(self) -> str:
        """Between coordinates or arguments: ``(1{,}3; 5{,}4)`` with a decimal comma, ``(1.3, 5.4)`` otherwise."""
        return "; " if self.decimal_comma else ", "

    def decimal(self, digits: str) -> str:
        """``1.3`` (the digits of a number, with a point) in plain text of this language."""
        return digits.replace(".", self.decimal_mark)

    def latex_decimal(self, digits: str) -> str:
        """``1.3`` in LaTeX of this language: ``1{,}3`` with a decimal comma (a bare comma would add a space)."""
        return digits.replace(".", "{,}") if self.decimal_comma else digits

    def commas_as_points(self, text: str) -> str:
        """Text with this language's decimal commas (a digit, a comma, a digit) read as points."""
        return _DIGIT_COMMA_DIGIT.sub(".", text) if self.decimal_comma else text



def commas_as_latex(text: str) -> str:
    """Decimal commas written bare (``0,01``: a digit, a comma, a digit) as the LaTeX decimal ``0{,}01``."""
    return _DIGIT_COMMA_DIGIT.sub("{,}", text)


_NOTATIONS = {
    "en": Notation("en", decimal_comma=False, function_names={
        "asin": r"\arcsin", "acos": r"\arccos", "atan": r"\arctan", "acot": r"\operatorname{arccot}"}),
    "ru": Notation("ru", decimal_comma=True, function_names={
        "tan": r"\tg", "cot": r"\ctg", "asin": r"\arcsin", "acos": r"\arccos", "atan": r"\arctg",
        "acot": r"\arcctg", "sinh": r"\operatorname{sh}", "cosh": r"\operatorname{ch}",
        "tanh": r"\operatorname{th}"}),
}


def notation_for(lang: str) -> Notation:
    """The notation of ``lang`` (one of ``LANGUAGES``)."""
    try:
        return _NOTATIONS[lang]
    except KeyError:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}") from None
