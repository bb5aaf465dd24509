"""Checks of a ``learning_rates`` slide: the shared descent, and rates that differ."""
from __future__ import annotations

from ...schema import Scope, at_key, refuse
from ...yamltree import Node
from ..gradient_descent.model import DescentSlide
from ..gradient_descent.spec import shared_descent
from .model import LearningRatesSlide


def build_learning_rates(values: dict, node: Node, scope: Scope, base: dict) -> LearningRatesSlide:
    shared = shared_descent(values, node, scope, base)
    rates = values["learning_rates"]
    if len(set(rates)) != len(rates):
        at_key(node, "learning_rates", scope, lambda: refuse("the learning rates repeat"))
    runs = tuple(DescentSlide(learning_rate=rate, **shared) for rate in rates)
    return LearningRatesSlide(id=values["id"], title=values["title"], symbols=values["symbols"], runs=runs,
                              **base)
