"""Formula text as tokens, and the cursor the parser reads them with.

``tokenize`` cuts the text into numbers (``1.3``, ``1{,}3``), macros, primes, letters and
operators, remembering where each token stands so that messages can quote the formula as
written.  ``TokenCursor`` walks through those tokens with the look-ahead a recursive-descent
parser needs; the grammar itself is in ``texparse``.  ``digit_groups`` reads thousands grouped
by thin spaces (``2\\,000``) before that.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .texnotation import IGNORED
from .textree import TexError

MAX_FORMULA = 5000

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<number>\d+(?:(?:\.|\{,\})\d+)?|\.\d+)
  | (?P<command>\\(?:left\.|right\.|[A-Za-z]+|[,;:!{}|\\ ]))
  | (?P<prime>'+|′+)
  | (?P<symbol>[A-Za-z])
  | (?P<op>[-+*/=<>()\[\]{}^_&|,;!~])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int = 0  # position in the formula text
    end: int = 0


def tokenize(text: str) -> list[Token]:
    if len(text) > MAX_FORMULA:
        raise TexError("the formula is too long")
    tokens = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or ""  # (every alternative of _TOKEN is a named group)
        value = match.group()
        if kind == "space":
            continue
        tokens.append(Token(kind, value, match.start(), match.end()))
    return tokens


class TokenCursor:
    """A position in a list of tokens, with look-ahead."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.index = 0

    def peek(self, offset: int = 0) -> Token | None:
        position = self.index + offset
        return self.tokens[position] if position < len(self.tokens) else None

    def text_at(self, offset: int = 0) -> str | None:
        token = self.peek(offset)
        return token.text if token is not None else None

    def kind_at(self, offset: int = 0) -> str | None:
        token = self.peek(offset)
        return token.kind if token is not None else None

    def at(self, *texts: str) -> bool:
        token = self.peek()
        return token is not None and token.text in texts

    def take(self) -> Token:
        token = self.peek()
        if token is None:
            raise TexError("the formula ends too early")
        self.index += 1
        return token

    def expect(self, text: str) -> None:
        token = self.take()
        if token.text != text:
            raise TexError(f"expected {text} but found {token.text}")

    def skip_ignored(self) -> None:
        while self.text_at() in IGNORED:
            self.index += 1


_THIN_SPACE = r"(?:\\[,;:]|\\ |~)\s*"  # \, \; \: "\ " ~ between digit groups
_GROUPED_THOUSANDS = re.compile(rf"(?<![\^_\d.}}])\d{{1,3}}(?:{_THIN_SPACE}\d{{3}})+(?![\d.{{])")
_SPACED_DIGITS = re.compile(rf"(?<![\^_])\d{_THIN_SPACE}\d")


def digit_groups(text: str) -> str:
    """``2\\,000`` (thousands grouped by a thin space, as Russian decks write them) is the number 2000;
    digits split any other way (``12\\,34``, ``3.14\\,159``) are refused rather than multiplied."""
    text = _GROUPED_THOUSANDS.sub(lambda match: re.sub(_THIN_SPACE, "", match.group(0)), text)
    spaced = _SPACED_DIGITS.search(text)
    if spaced:
        raise TexError(f"digits separated by a space: {spaced.group(0)!r} (group thousands by three)")
    return text
