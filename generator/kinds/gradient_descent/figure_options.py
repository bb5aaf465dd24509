"""What a descent's figures show: ``figure: true``, ``false`` or a mapping of options.

    figure: {path: true, loss: false, xlim: [-2, 3], ylim: [-1, 4], zoom: true}

``path`` is the contour plot (the curve, for one variable) with the iterates, ``loss`` the value at each
step; ``xlim`` and ``ylim`` the plotted range (the first and second variable; for one variable the curve's
x and y); ``zoom`` fits the view around the iterates (``false``: the whole range; absent: automatic, fitted
for a run that would otherwise be a speck in the full range).  The numbers stay exact until drawn.
"""
from __future__ import annotations

from dataclasses import dataclass

from sympy import Expr

from ...converters import boolean, list_of, number
from ...schema import Converter, Field, Invalid, Scope, at_key, convert_mapping, refuse
from ...yamltree import Node

Limits = tuple[Expr, Expr]


@dataclass(frozen=True)
class FigureOptions:
    path: bool = False  # the iterates on the contour lines (or on the curve)
    loss: bool = False  # the value of the function at each step
    xlim: Limits | None = None
    ylim: Limits | None = None
    zoom: bool | None = None  # None: automatic

    @property
    def drawn(self) -> bool:
        """Whether the slide has any figure."""
        return self.path or self.loss


NO_FIGURE = FigureOptions()
DESCENT_OPTIONS = ("path", "loss", "xlim", "ylim", "zoom")  # gradient_descent and fit
PATHS_OPTIONS = ("path", "xlim", "ylim", "zoom")  # the kinds with one figure of paths: learning_rates, compare_methods


def limits(node: Node, scope: Scope) -> Limits:
    """``[low, high]``: two exact numbers, low below high."""
    values = list_of(number, 2, 2)(node, scope)
    if not values[0] < values[1]:
        raise Invalid(f"low must be below high, got [{values[0]}, {values[1]}]")
    return values[0], values[1]


FIELDS = {"path": Field(boolean, default=True), "loss": Field(boolean, default=True), "xlim": Field(limits),
          "ylim": Field(limits), "zoom": Field(boolean)}


def _refuse_zoom_with_both_limits(values: dict, node: Node, scope: Scope) -> None:
    if values["zoom"] and values["xlim"] is not None and values["ylim"] is not None:
        at_key(node, "zoom", scope, lambda: refuse("xlim and ylim give the whole range: zoom has nothing to fit"))


def figure_options(*keys: str) -> Converter:
    """``figure:`` with the options ``keys``: ``true`` (every figure), ``false`` (none) or a mapping."""
    fields = {key: FIELDS[key] for key in keys}
    shown = [key for key in ("path", "loss") if key in keys]

    def convert(node: Node, scope: Scope) -> FigureOptions:
        if node.shape == "scalar" and node.scalar.kind == "bool":
            on = boolean(node, scope)
            return FigureOptions(path=on and "path" in shown, loss=on and "loss" in shown)
        if node.shape != "mapping":
            raise Invalid(f"expected true, false or a mapping such as {{{', '.join(f'{k}: …' for k in keys)}}}, "
                          f"got {node.describe()}")
        values = convert_mapping(node, scope, fields)
        _refuse_zoom_with_both_limits(values, node, scope)
        return FigureOptions(**values)
    return convert
