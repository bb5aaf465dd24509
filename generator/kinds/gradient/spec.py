"""Checks of a ``gradient`` slide: its variables, and a point that gives each of them a value."""
from __future__ import annotations

from ...schema import Scope, at_key
from ...yamltree import Node
from ..variables import distinct_name, matching_point, variables_of
from .model import GradientSlide


def build_gradient(values: dict, node: Node, scope: Scope, base: dict) -> GradientSlide:
    variables = at_key(node, "variables", scope, lambda: variables_of(values["function"], values["variables"]))
    values["variables"] = variables
    at_key(node, "name", scope, lambda: distinct_name(values["name"], values["function"], variables))
    if values["at"] is not None:
        at = values["at"]
        values["at"] = at_key(node, "at", scope, lambda: matching_point(at, variables, "at"))
    return GradientSlide(**values, **base)
