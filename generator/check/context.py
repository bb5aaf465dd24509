"""The deck's running context: what has been defined so far, and on which slide.

It holds functions (``f(x, y) = …``), named values and expressions (``x_0 = 1.3``, ``u = x^2``) and
recurrences (the printed update rule ``w_{i+1} = w_i − η ∂L/∂w(w_i)``, from which the checker computes
any ``w_k`` itself).  A later definition replaces an earlier one.  A Marp slide break (``---``) starts a
new slide: definitions of earlier slides stay known, but a role a letter had there does not outlive a
later slide's own definition (y a variable of f(x, y) on one slide, the name of y = x eˣ on the next).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import sympy
from sympy import Expr

from .textree import Node


@dataclass
class Function:
    params: tuple[sympy.Symbol, ...]
    body: Expr


@dataclass
class Recurrence:
    """``base_{index + shift} = rule`` for every index value."""

    base: str
    index: str  # the index variable's name, usually "i"
    shift: int  # the left side is base_{index + shift}
    rule: Node
    slide: int = 0  # the slide that printed the rule


@dataclass
class Context:
    functions: dict[str, Function] = field(default_factory=dict)
    values: dict[str, Expr] = field(default_factory=dict)  # name key → value or expression
    recurrences: dict[str, Recurrence] = field(default_factory=dict)
    version: int = 0
    _cache: dict = field(default_factory=dict)
    slide: int = 0  # how many slide breaks came before
    defined_on: dict[str, int] = field(default_factory=dict)  # name key → the slide of its latest definition
    latest: str | None = None  # the function defined last: its other letters are constants (y in f(x) = x y)
    rounded: set[str] = field(default_factory=set)  # names known only as rounded (w_1 ≈ 2.99)

    def new_slide(self) -> None:
        self.slide += 1

    def changed(self) -> None:
        self.version += 1
        self._cache = {}

    def define_value(self, key: str, value: Expr, rounded: bool = False) -> None:
        self.values[key] = value
        (self.rounded.add if rounded else self.rounded.discard)(key)
        self.functions.pop(key, None)
        self.defined_on[key] = self.slide
        self.changed()

    def define_function(self, key: str, params: tuple[sympy.Symbol, ...], body: Expr) -> None:
        """A function; what its variables stood for on earlier slides is forgotten (they are variables now),
        and so is an earlier slide's sequence they would be members of (w_1 of a fit's w_{t+1} = …)."""
        self.forget_earlier({param.name for param in params})
        for param in params:
            self.functions.pop(param.name, None)  # y a variable of f(x; y), a function y(w_1; w_2) before
            recurrence = self.earlier_recurrence(param.name)
            if recurrence is not None:
                del self.recurrences[recurrence.base]
        self.functions[key] = Function(params, body)
        self.values.pop(key, None)
        self.defined_on[key] = self.slide
        self.latest = key
        self.changed()

    def forget_earlier(self, names: set[str]) -> None:
        """Forget the expressions these names stood for on earlier slides (y = x eˣ, u = x² of a chain rule).
        A number stays: it is a point (x = 1.3) at which later slides evaluate."""
        for name in names:
            if is_symbolic(self.values.get(name)) and self.defined_on.get(name, 0) < self.slide:
                del self.values[name]
                self.changed()

    def define_recurrence(self, recurrence: Recurrence) -> None:
        recurrence.slide = self.slide
        self.recurrences[recurrence.base] = recurrence
        self.changed()

    def earlier_recurrence(self, key: str) -> Recurrence | None:
        """The recurrence of an earlier slide that has ``key`` as a member (``w_1`` of ``w_{t+1} = …``)."""
        split = split_index(key)
        recurrence = self.recurrences.get(split[0]) if split is not None else None
        return recurrence if recurrence is not None and recurrence.slide < self.slide else None

    def _superseded(self, name: str, function: str) -> bool:
        """An expression given on a later slide than the function replaces its parameter: y = x eˣ after f(x, y)
        (a number does not: it is the point x = 1.3 at which the function is evaluated)."""
        return is_symbolic(self.values.get(name)) and self.defined_on.get(name, 0) > self.defined_on.get(function, 0)

    def variables(self) -> set[str]:
        """Names that stand for a variable: function parameters and undefined or numeric free names."""
        names = {p.name for key, f in self.functions.items() for p in f.params if not self._superseded(p.name, key)}
        for value in self.values.values():
            for symbol in value.free_symbols:
                if not is_symbolic(self.values.get(symbol.name)):
                    names.add(symbol.name)
        return names


def split_index(key: str) -> tuple[str, int] | None:
    """``u_x_-1`` → ("u_x", -1); ``x_17`` → ("x", 17); None without a whole-number index."""
    base, _, index = key.rpartition("_")
    if not base or not index.lstrip("-").isdigit():
        return None
    return base, int(index)


def is_symbolic(value: Expr | None) -> bool:
    return value is not None and bool(value.free_symbols)


