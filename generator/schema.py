"""The validation framework of a spec: fields, converters' failure protocol, every problem at once.

A *converter* turns a located YAML node into a model value.  It has one way to fail: it raises
``Invalid`` (a new problem, reported at the node, optionally at a column inside its text) or
``Reported`` (problems inside the value, already reported, so nothing more to say).  ``convert``
reports an ``Invalid`` and turns it into ``Reported``; the helpers that convert several values
(``convert_mapping``, ``convert_each``) carry on after a failure, so one run lists every mistake
of the file, and raise ``Reported`` at the end.

A slide kind declares each of its YAML keys once, on its model dataclass (``spec_field``): the
converter, whether it is required, its default.  ``fields_of`` reads that table back.
"""
from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sympy
from sympy import Rational

from .errors import Location, Problem
from .yamltree import Node


class Invalid(Exception):
    """A converter's new problem: ``message`` about the node (or ``node``), at ``column`` of its text."""

    def __init__(self, message: str, column: int = 0, node: Node | None = None):
        super().__init__(message)
        self.message = message
        self.column = column
        self.node = node


class Reported(Exception):
    """A value could not be converted and its problems are already reported."""


@dataclass
class Context:
    """What converters share while one file is validated."""

    path: Path
    problems: list[Problem] = field(default_factory=list)
    parameters: dict[str, Rational] = field(default_factory=dict)  # the deck's parameters and their values
    symbols: dict[str, Any] = field(default_factory=dict)  # the deck's ``symbols`` choices (a slide may override)
    symbols_node: Node | None = None  # where the deck's ``symbols`` were written
    written: dict[sympy.Expr, sympy.Expr] = field(default_factory=dict)  # the slide's expressions: evaluated → written

    def report(self, node: Node, key_path: str, message: str, column: int = 0) -> None:
        self.problems.append(Problem(text_location(node, column), key_path, message))


def text_location(node: Node, column: int) -> Location:
    """Point at ``column`` of a one-line scalar's text, else at the node."""
    if not column or node.shape != "scalar" or "\n" in node.scalar.text:
        return node.location
    return node.location.shifted(column - 1 + (1 if node.scalar.quoted else 0))


@dataclass
class Scope:
    """A converter's view: the shared context, its key path, and symbols named so far."""

    context: Context
    path: str
    symbols: dict[str, sympy.Symbol]

    def child(self, key: str | int) -> Scope:
        suffix = f"[{key}]" if isinstance(key, int) else (f".{key}" if self.path else key)
        return Scope(self.context, self.path + suffix, self.symbols)

    def report(self, node: Node, message: str, column: int = 0) -> None:
        self.context.report(node, self.path, message, column)


Converter = Callable[[Node, Scope], Any]


@dataclass(frozen=True)
class Field:
    convert: Converter
    required: bool = False
    default: Any = None


SPEC = "verideck.spec"  # the key of a dataclass field's metadata holding its ``Field``


def spec_field(convert: Converter, *, required: bool = False, default: Any = None, key: str | None = None) -> Any:
    """A model dataclass field read from the YAML key of the same name (or ``key``)."""
    metadata = {SPEC: (key, Field(convert, required, default))}
    return dataclasses.field(metadata=metadata) if required else dataclasses.field(default=default, metadata=metadata)


def fields_of(model: type) -> dict[str, Field]:
    """YAML key → ``Field`` of a model dataclass, in declaration order."""
    table = {}
    for item in dataclasses.fields(model):
        if SPEC in item.metadata:
            key, spec = item.metadata[SPEC]
            table[key or item.name] = spec
    return table


def convert(converter: Converter, node: Node, scope: Scope) -> Any:
    """``converter``'s value; its ``Invalid`` is reported (at the node) and raised as ``Reported``."""
    try:
        return converter(node, scope)
    except Invalid as error:
        scope.context.report(error.node or node, scope.path, error.message, error.column)
        raise Reported from None


def convert_each(items: Iterable[tuple[Converter, Node, Scope]]) -> list[Any]:
    """Convert every item even after a failure (every problem is reported); ``Reported`` if any failed."""
    values, failed = [], False
    for converter, node, scope in items:
        try:
            values.append(convert(converter, node, scope))
        except Reported:
            failed = True
    if failed:
        raise Reported
    return values


def did_you_mean(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, [str(option) for option in options], n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def convert_mapping(node: Node, scope: Scope, fields: Mapping[str, Field], ignore: tuple[str, ...] = ()) -> dict:
    """Convert a mapping by its field table; report unknown and missing keys; defaults for the others."""
    if node.shape != "mapping":
        raise Invalid(f"expected a mapping, got {node.describe()}")
    values: dict[str, Any] = {}
    failed = False
    for key, key_node, value_node in node.items():
        if key in ignore:
            continue
        if key not in fields:
            scope.context.report(key_node, scope.child(key).path,
                                 f"unknown key{did_you_mean(key, list(fields) + list(ignore))}")
            failed = True
            continue
        try:
            values[key] = convert(fields[key].convert, value_node, scope.child(key))
        except Reported:
            failed = True
    present = {key for key, _, _ in node.items()}
    for key, spec in fields.items():
        if key in present:
            continue
        if spec.required:
            scope.report(node, f"missing required key {key!r}")
            failed = True
        else:
            values[key] = spec.default
    if failed:
        raise Reported
    return values


def value_node(node: Node, key: str) -> Node | None:
    """The value of ``key`` in a mapping node (None when the key is absent)."""
    return next((value for name, _, value in node.items() if name == key), None)


def at_key(node: Node, key: str, scope: Scope, check: Callable[[], Any]) -> Any:
    """Run a cross-field ``check`` of a mapping and report its failure at ``key`` (or the mapping)."""
    try:
        return check()
    except Invalid as error:
        target = value_node(node, key)
        scope.context.report(node if target is None else target, scope.child(key).path, error.message)
        raise Reported from None


def refuse(message: str):
    """Raise ``Invalid(message)``: for checks written as one expression (``lambda: refuse(...)``)."""
    raise Invalid(message)
