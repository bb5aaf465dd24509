"""Checks of a ``compare_methods`` slide: the shared descent, each run's method and learning rate."""
from __future__ import annotations

from ...schema import Scope
from ...yamltree import Node
from ..gradient_descent.model import DescentSlide
from ..gradient_descent.spec import shared_descent
from .model import CompareSlide


def build_compare(values: dict, node: Node, scope: Scope, base: dict) -> CompareSlide:
    shared = shared_descent(values, node, scope, base)
    runs = tuple(DescentSlide(**settings, **shared) for settings in values["runs"])
    return CompareSlide(id=values["id"], title=values["title"], symbols=values["symbols"], runs=runs, **base)
