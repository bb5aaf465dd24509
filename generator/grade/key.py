"""The answer key of a deck, read back from ``<stem>.answers.json``.

Every value in the file is plain text in the expression grammar and is read with the
whitelisting parser, so even a tampered key file cannot run code.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import sympy
from sympy import Expr

from ..errors import ExprError, VerideckError
from ..expr import is_valid_name, parse_expression, symbol
from ..notation import LANGUAGES

KINDS = ("derivative", "gradient", "descent", "fit")
MAX_KEY_BYTES = 20_000_000


class GradeInputError(VerideckError):
    """The answer key or the submissions file cannot be used at all (exit 2); a bad row is only that row's."""


@dataclass(frozen=True)
class KeyExercise:
    id: str
    number: int
    kind: str
    function: Expr  # what the exercise is about (a fit: its loss over the parameters)
    variables: tuple[sympy.Symbol, ...]  # the function's variables (a descent: the point's coordinates)
    symbolic: bool  # the answer is an expression in the variables; otherwise numbers
    answer: tuple[Expr, ...]  # one value (a derivative) or one per coordinate
    at: tuple[Expr, ...]  # where a derivative or gradient is evaluated (empty when symbolic)
    iterates: tuple[tuple[Expr, ...], ...]  # p_0 … p_N of a descent or a fit


@dataclass(frozen=True)
class Key:
    path: Path
    deck: str
    lang: str
    precision: int
    exercises: dict[str, KeyExercise]


def _text(entry: dict, name: str, where: str) -> str:
    value = entry.get(name)
    if not isinstance(value, str):
        raise ValueError(f"{where}.{name}: expected text")
    return value


def _expressions(values, names: tuple[str, ...], where: str) -> tuple[Expr, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"{where}: expected a list of expressions")
    symbols = {name: symbol(name) for name in names}
    try:
        return tuple(parse_expression(value, dict(symbols)) for value in values)
    except ExprError as error:
        raise ValueError(f"{where}: {error.message}") from None


def _exercise(entry: dict, index: int) -> KeyExercise:
    where = f"exercises[{index}]"
    if not isinstance(entry, dict):
        raise ValueError(f"{where}: expected a mapping")
    kind = _text(entry, "kind", where)
    if kind not in KINDS:
        raise ValueError(f"{where}.kind: expected one of {', '.join(KINDS)}")
    names = entry.get("variables")
    if not isinstance(names, list) or not all(isinstance(n, str) and is_valid_name(n) for n in names):
        raise ValueError(f"{where}.variables: expected a list of variable names")
    names = tuple(names)
    iterates = entry.get("iterates", [])
    if not isinstance(iterates, list):
        raise ValueError(f"{where}.iterates: expected a list of points")
    return KeyExercise(
        id=_text(entry, "id", where),
        number=int(entry.get("number", index + 1)),
        kind=kind,
        function=_expressions([_text(entry, "function", where)], names, f"{where}.function")[0],
        variables=tuple(symbol(name) for name in names),
        symbolic=bool(entry.get("symbolic")),
        answer=_expressions(entry.get("answer"), names, f"{where}.answer"),
        at=_expressions(entry.get("at", []), (), f"{where}.at"),
        iterates=tuple(_expressions(point, (), f"{where}.iterates") for point in iterates),
    )


def load_key(path: Path) -> Key:
    """Read an answer key; ``GradeInputError`` with one line for people if it cannot be used."""
    try:
        if path.stat().st_size > MAX_KEY_BYTES:
            raise GradeInputError(f"{path}: the key file is too large to be an answer key")
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise GradeInputError(f"{path}: cannot read the key: {error.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise GradeInputError(f"{path}: not an answer key "
                              f"(expected the JSON written next to a deck: {error})") from None
    if not isinstance(document, dict) or not isinstance(document.get("exercises"), list):
        raise GradeInputError(f"{path}: not an answer key (no 'exercises'; build the deck with verideck build)")
    try:
        exercises = [_exercise(entry, index) for index, entry in enumerate(document["exercises"])]
    except ValueError as error:
        raise GradeInputError(f"{path}: {error}") from None
    if not exercises:
        raise GradeInputError(f"{path}: the deck has no exercises (mark slides with 'exercise: true')")
    lang = document["lang"] if document.get("lang") in LANGUAGES else "en"
    precision = document["precision"] if isinstance(document.get("precision"), int) else 4
    return Key(path, str(document.get("deck", path.stem)), lang, precision, {e.id: e for e in exercises})
