"""The syntax tree of a printed formula, and the error for anything outside it.

Each ``Node`` subclass is one construct the checker understands (a number as written, a
name with its subscript, a function, a derivative, a vector, …) and a ``Statement`` is
the chain ``A = B ≈ C`` they form.  The parser (``texparse``) builds these trees,
``evaluate`` gives them values and ``claims`` checks them: the tree is the vocabulary those
modules share, and ``TexError`` is how any of them says "not understood".
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


class TexError(ValueError):
    """The formula uses notation outside the supported subset."""


class Node:
    pass


@dataclass(frozen=True)
class Num(Node):
    value: Fraction
    digits: int | None  # decimal places as written ("5.279" → 3), None for integers and fractions
    text: str


@dataclass(frozen=True)
class Name(Node):
    base: str  # "x", "sigma", "Delta x"
    sub: Node | None = None  # subscript: a Num, a Name, or an index expression such as i+1
    sub_text: str = ""  # the subscript as written, for messages and keys

    @property
    def key(self) -> str:
        return f"{self.base}_{self.sub_text}" if self.sub_text else self.base


@dataclass(frozen=True)
class Call(Node):
    """``name(args)``: a function application, or (if the name is a plain variable) a product."""

    name: Name
    args: tuple[Node, ...]
    primes: int = 0  # f'(x) → 1


@dataclass(frozen=True)
class Prime(Node):
    """``(expr)'`` or ``y'`` without arguments."""

    target: Node
    order: int
    enclosed: bool = False  # written after a bracket around the target: (x (e^x))', not x (e^x)'


@dataclass(frozen=True)
class Func(Node):
    """A known function: ``\\sin``, ``\\ln``, ``\\log_a`` (base), with an optional power (``\\cos^2 x``)."""

    name: str
    arg: Node
    power: Node | None = None
    base: Node | None = None


@dataclass(frozen=True)
class Partial(Node):
    """``\\frac{\\partial f}{\\partial x}`` optionally at a point."""

    function: Name
    variable: Name
    args: tuple[Node, ...] | None = None
    order: int = 1  # \frac{\partial^2 f}{\partial x^2}
    rest: tuple[tuple[Name, int], ...] = ()  # the other variables of a mixed derivative, with their orders


@dataclass(frozen=True)
class DerivOp(Node):
    """``\\frac{d}{dx}`` applied to an expression."""

    variable: Name
    target: Node
    order: int = 1  # \frac{d^2}{dx^2}
    rest: tuple[tuple[Name, int], ...] = ()  # \frac{\partial^2}{\partial x \partial y}: y, once


@dataclass(frozen=True)
class EvalAt(Node):
    """``\\left. expr \\right|_{x=1}``: an expression at a point."""

    target: Node
    variable: Name
    point: Node


@dataclass(frozen=True)
class Nabla(Node):
    function: Name
    args: tuple[Node, ...] | None = None


@dataclass(frozen=True)
class Op(Node):
    op: str  # "+", "*", "/", "^"
    left: Node
    right: Node
    written: str = ""  # the sign as printed (\cdot, \times; "" when implicit): a dot product needs \cdot
    enclosed: bool = False  # a power of a whole bracket: (x (2x - 2))^3, not x (2x - 2)^3


@dataclass(frozen=True)
class Neg(Node):
    operand: Node


@dataclass(frozen=True)
class Sqrt(Node):
    radicand: Node
    index: Node | None = None


@dataclass(frozen=True)
class Abs(Node):
    operand: Node


@dataclass(frozen=True)
class Vector(Node):
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Tuple(Node):
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Statement:
    sides: tuple[Node, ...]
    relations: tuple[str, ...]  # "=", "≈", "<", ">", "≤", "≥", "≠"
    texts: tuple[str, ...]  # each side as written (tokens joined by spaces), for messages


def children(node: Node):
    """The nodes directly inside ``node``, in field order."""
    for value in getattr(node, "__dict__", {}).values():
        if isinstance(value, Node):
            yield value
        elif isinstance(value, tuple):
            yield from (item for item in value if isinstance(item, Node))


def index_text(node: Node) -> str:
    """A subscript as written in a name's key: ``1``, ``i``, ``new``, ``i+1``, ``i-1``."""
    if isinstance(node, Num):
        return node.text
    if isinstance(node, Name):
        return node.key
    if isinstance(node, Neg):
        return "-" + index_text(node.operand)
    if isinstance(node, Tuple):  # x_{i,j}: one name with two indices
        return ",".join(index_text(item) for item in node.items)
    if isinstance(node, Op) and node.op == "+":
        right = node.right
        if isinstance(right, Neg):
            return f"{index_text(node.left)}-{index_text(right.operand)}"
        return f"{index_text(node.left)}+{index_text(right)}"
    raise TexError("unsupported subscript")


@dataclass(frozen=True)
class Limit(Node):
    """``\\lim_{x \\to a} body``; ``point`` None is an infinity, ``side`` "+-" (both), "+" or "-"."""

    variable: Name
    point: Node | None
    side: str
    body: Node


@dataclass(frozen=True)
class Norm(Node):
    """``\\lVert v \\rVert``, ``\\|v\\|``: the length of a vector."""

    operand: Node


@dataclass(frozen=True)
class Constant(Node):
    """``\\text{const}``: says that a name is a constant; it has no value of its own."""
