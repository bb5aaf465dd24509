"""Safe YAML reading into a tree that remembers where every value came from.

PyYAML's safe composer builds the node graph; we turn it into ``Node`` objects
that keep the source text of scalars (so ``1.3`` stays the decimal 13/10, never
a float), their YAML type, and their line and column.  Duplicate keys, too many
alias expansions, non-mapping top levels, bad encodings and tabs become
``Problem``s, never tracebacks.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import Location, Problem, SpecError

MAX_NODES = 100_000  # expanded nodes, so an alias bomb fails fast
MAX_BYTES = 2_000_000
EMPTY = "the file is empty: a lesson spec needs at least 'title' and 'slides'"

_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = ("str", "int", "float", "bool", "null", "seq", "map", "timestamp", "merge", "value")  # dates stay text


@dataclass(frozen=True)
class Scalar:
    text: str
    kind: str  # "str" | "int" | "float" | "bool" | "null"
    quoted: bool  # written in quotes or as a block (| or >): not a plain scalar
    block: bool = False  # written as a block scalar (| or >): its text starts on the next line


@dataclass(frozen=True)
class Node:
    value: Scalar | tuple[Node, ...] | tuple[tuple[str, Node, Node], ...]
    shape: str  # "scalar" | "sequence" | "mapping"
    location: Location

    @property
    def scalar(self) -> Scalar:
        assert isinstance(self.value, Scalar)
        return self.value

    def items(self) -> tuple[tuple[str, Node, Node], ...]:
        """Mapping entries as (key text, key node, value node)."""
        assert self.shape == "mapping"
        return self.value  # type: ignore[return-value]

    def elements(self) -> tuple[Node, ...]:
        assert self.shape == "sequence"
        return self.value  # type: ignore[return-value]

    def describe(self) -> str:
        """How the value looks in the file, for messages ("got 'fast'")."""
        if self.shape == "scalar":
            scalar = self.scalar
            if scalar.kind == "null":
                return "nothing"
            return repr(scalar.text) if scalar.kind == "str" else scalar.text
        return "a list" if self.shape == "sequence" else "a mapping"


def read_yaml(path: Path) -> Node:
    """Read ``path`` into a ``Node`` tree; raise ``SpecError`` for anything unreadable."""
    file_start = Location(path, 1, 1)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SpecError([Problem(Location(path), "", f"cannot read the file: {error.strerror}")]) from None
    if len(data) > MAX_BYTES:
        raise SpecError([Problem(file_start, "", f"the file is larger than {MAX_BYTES // 1_000_000} MB")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SpecError([Problem(Location(path, line), "", "the file is not UTF-8 text")]) from None
    if not text.strip():
        raise SpecError([Problem(file_start, "", EMPTY)])
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        raise SpecError([_yaml_problem(path, error)]) from None
    except yaml.YAMLError as error:  # pragma: no cover - every PyYAML parse error is marked
        raise SpecError([Problem(file_start, "", f"not valid YAML: {error}")]) from None
    if root is None:  # only comments
        raise SpecError([Problem(file_start, "", EMPTY)])
    return _Converter(path).convert(root)


def _yaml_problem(path: Path, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    location = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
    problem = error.problem or "not valid YAML"
    if "\t" in problem or "\\t" in problem or "tab" in problem:
        problem += " (indent with spaces, not tabs)"
    return Problem(location, "", f"not valid YAML: {problem}")


class _Converter:
    def __init__(self, path: Path):
        self.path = path
        self.count = 0
        self.problems: list[Problem] = []

    def convert(self, node: yaml.Node) -> Node:
        result = self._node(node)
        if self.problems:
            raise SpecError(self.problems)
        return result

    def _location(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.path, mark.line + 1, mark.column + 1)

    def _node(self, node: yaml.Node) -> Node:
        self.count += 1
        if self.count > MAX_NODES:
            raise SpecError([Problem(self._location(node), "",
                                     f"the file expands to more than {MAX_NODES} values (aliases nested too deeply?)")])
        if not node.tag.startswith(_TAG) or node.tag[len(_TAG):] not in _PLAIN_TAGS:
            self.problems.append(Problem(self._location(node), "", f"YAML tags such as {node.tag!r} are not allowed "
                                                                   "in a lesson spec (write plain values)"))
        if isinstance(node, yaml.MappingNode):
            return Node(self._mapping(node), "mapping", self._location(node))
        if isinstance(node, yaml.SequenceNode):
            return Node(tuple(self._node(child) for child in node.value), "sequence", self._location(node))
        assert isinstance(node, yaml.ScalarNode)  # (PyYAML's three kinds of node)
        return Node(self._scalar(node), "scalar", self._location(node))

    def _scalar(self, node: yaml.ScalarNode) -> Scalar:
        tag = node.tag[len(_TAG):] if node.tag.startswith(_TAG) else "str"
        kind = tag if tag in ("int", "float", "bool", "null") else "str"
        return Scalar(node.value, kind, node.style in ("'", '"', "|", ">"), node.style in ("|", ">"))

    def _mapping(self, node: yaml.MappingNode) -> tuple[tuple[str, Node, Node], ...]:
        entries: list[tuple[str, Node, Node]] = []
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = self._node(key_node)
            if key.shape != "scalar":
                self.problems.append(Problem(key.location, "", "a key must be a plain name, not a list or mapping"))
                continue
            name = key.scalar.text
            if name in seen:
                self.problems.append(Problem(key.location, "",
                                             f"duplicate key {name!r} (first given on line {seen[name]})"))
                continue
            seen[name] = key.location.line
            entries.append((name, key, self._node(value_node)))
        return tuple(entries)
