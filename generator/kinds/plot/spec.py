"""Checks of a ``plot`` slide: one variable for all functions, a label each, a tangent inside the range."""
from __future__ import annotations

from ...expr import symbol
from ...schema import Invalid, Scope
from ...yamltree import Node
from .model import PlotSlide


def build_plot(values: dict, node: Node, scope: Scope, base: dict) -> PlotSlide:
    functions = values["functions"]
    free = sorted(set().union(*(f.free_symbols for f in functions)), key=lambda s: s.name)
    given = values["variable"]
    if given is None and len(free) > 1:
        names = ", ".join(s.name for s in free)
        raise Invalid(f"the functions use several variables ({names}): say which with 'variable'")
    values["variable"] = given or (free[0] if free else symbol("x"))
    labels = values["labels"]
    if labels is None:
        values["labels"] = tuple(f"f{index + 1}" if len(functions) > 1 else "f" for index in range(len(functions)))
    elif len(labels) != len(functions):
        raise Invalid(f"'labels' has {len(labels)} names for {len(functions)} functions")
    low, high = values.pop("range")
    tangent = values["tangent_at"]
    if tangent is not None and not low <= tangent <= high:
        raise Invalid("'tangent_at' lies outside 'range'")
    return PlotSlide(x_range=(low, high), **values, **base)
