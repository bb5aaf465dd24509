"""Checks of a ``fit`` slide: the model's input and parameters, the batches, the loss's targets.

A fit's YAML also carries its descent (``params`` as the start, ``learning_rate``, ``steps`` or
``stop``, ``figure``, the method): those keys are ``DESCENT_FIELDS``, the descent's own fields.
"""
from __future__ import annotations

import sympy

from ...converters import point
from ...schema import Field, Invalid, Scope, at_key, fields_of, refuse
from ...vocabulary import exact_sigmoids
from ...yamltree import Node
from ..gradient_descent.model import DescentSlide, refuse_steps_and_stop
from ..gradient_descent.spec import METHOD_KEYS, method_settings, refuse_unused_hyper_parameters
from .model import FitSlide, Loss, example_losses

MAX_BATCH_STEPS = 12  # stochastic steps are printed one by one
DESCENT_FIELDS = {"params": Field(point, required=True),
                  **{key: fields_of(DescentSlide)[key] for key in ("learning_rate", "steps", "stop", "figure",
                                                                    *METHOD_KEYS)}}


def build_fit(values: dict, node: Node, scope: Scope, base: dict) -> FitSlide:
    descent = {key: values.pop(key) for key in DESCENT_FIELDS}
    evaluated = values["model"]
    values["model"] = exact_sigmoids(evaluated)  # every value is computed from the exact 1/(1 + e^{−u})
    # σ(u) kept for printing, its argument in the spec's order (σ(w x + b)); other models print through ``written``
    values["written_model"] = scope.context.written.get(evaluated, evaluated) if evaluated != values["model"] else None
    params = tuple(variable for variable, _ in descent["params"])
    at_key(node, "model", scope, lambda: _check_model(values["model"], values["input"], params))
    data = values["data"]
    batch_size = values["batch_size"] = values["batch_size"] or len(data)
    if batch_size > len(data):
        at_key(node, "batch_size", scope, lambda: refuse(f"batch_size {batch_size} is larger than the data "
                                                         f"({len(data)} points)"))
    if values["loss"] == Loss.CROSS_ENTROPY and any(not 0 <= y <= 1 for _, y in data):
        at_key(node, "data", scope, lambda: refuse("cross_entropy needs targets y between 0 and 1"))
    if values["seed"] is not None and batch_size >= len(data):
        at_key(node, "seed", scope, lambda: refuse("a seed shuffles the batches; a full batch has nothing to "
                                                   "shuffle (set batch_size)"))
    refuse_steps_and_stop(descent)
    if batch_size < len(data) and (descent["steps"] or descent["stop"].max_steps) > MAX_BATCH_STEPS:
        raise Invalid(f"stochastic and mini-batch fits print every step: use at most {MAX_BATCH_STEPS} steps")
    refuse_unused_hyper_parameters(descent["method"], node, scope)
    loss = sympy.Add(*example_losses(values["loss"], values["model"], values["input"], data))
    run = DescentSlide(id=values["id"], title=values["title"], function=loss, variables=params,
                       name=values["symbols"].loss, symbols=values["symbols"],
                       start=descent["params"], learning_rate=descent["learning_rate"], steps=descent["steps"],
                       stop=descent["stop"], figure=descent["figure"], exercise=values["exercise"],
                       **method_settings(descent), **base)
    return FitSlide(descent=run, **values, **base)


def _check_model(prediction: sympy.Expr, x: sympy.Symbol, params: tuple[sympy.Symbol, ...]) -> None:
    if x in params:
        raise Invalid(f"{x.name} is the model's input; it cannot also be a parameter")
    unknown = sorted(s.name for s in prediction.free_symbols - set(params) - {x})
    if unknown:
        raise Invalid(f"the model uses {', '.join(unknown)}, which is neither the input {x.name} nor a parameter "
                      "listed in params")
    if x not in prediction.free_symbols:
        raise Invalid(f"the model does not use its input {x.name}")
    unused = [p.name for p in params if p not in prediction.free_symbols]
    if unused:
        raise Invalid(f"params gives {', '.join(unused)}, which the model does not use")
