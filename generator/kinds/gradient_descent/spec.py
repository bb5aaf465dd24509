"""Checks of a descent: its variables, a start for each, steps or a stopping rule, the method's parameters.

The kinds that run descents (``fit``, ``learning_rates``, ``compare_methods``) use these too.
"""
from __future__ import annotations

from ...model import DEFAULTS, HYPER_PARAMETERS, Method
from ...schema import Field, Invalid, Scope, at_key, convert_mapping, fields_of
from ...yamltree import Node
from ..variables import distinct_name, matching_point, variables_of
from .model import DescentSlide, refuse_steps_and_stop

METHOD_KEYS = ("method", *DEFAULTS)  # a method of the family and its hyper-parameters
METHOD_FIELDS: dict[str, Field] = {key: fields_of(DescentSlide)[key] for key in METHOD_KEYS}
RUN_FIELDS = {**METHOD_FIELDS, "method": Field(METHOD_FIELDS["method"].convert, required=True),
              "learning_rate": fields_of(DescentSlide)["learning_rate"]}


def method_settings(values: dict) -> dict:
    """The method and its hyper-parameters, as a ``DescentSlide`` takes them."""
    return {key: values[key] for key in METHOD_KEYS}


def refuse_unused_hyper_parameters(method: Method, node: Node, scope: Scope) -> None:
    given = {key for key, _, _ in node.items()}
    unused = sorted((given & set(DEFAULTS)) - set(HYPER_PARAMETERS[method]))
    if unused:
        def refuse():
            raise Invalid(f"method {method} does not use {', '.join(unused)}")
        at_key(node, unused[0], scope, refuse)


def descent_variables(values: dict, node: Node, scope: Scope) -> tuple:
    """The variables of the descent's function and its start point, ordered like them."""
    variables = at_key(node, "variables", scope, lambda: variables_of(values["function"], values["variables"]))
    start = at_key(node, "start", scope, lambda: matching_point(values["start"], variables, "start"))
    at_key(node, "name", scope, lambda: distinct_name(values["name"], values["function"], variables))
    return variables, start


def build_descent(values: dict, node: Node, scope: Scope, base: dict) -> DescentSlide:
    values["variables"], values["start"] = descent_variables(values, node, scope)
    refuse_steps_and_stop(values)
    refuse_unused_hyper_parameters(values["method"], node, scope)
    return DescentSlide(**values, **base)


def run_settings(node: Node, scope: Scope) -> dict:
    """One run of a comparison: a method with its learning rate and hyper-parameters."""
    values = convert_mapping(node, scope, RUN_FIELDS)
    refuse_unused_hyper_parameters(values["method"], node, scope)
    return values


def shared_descent(values: dict, node: Node, scope: Scope, base: dict) -> dict:
    """What the runs of a slide that runs several descents share: function, variables, start, steps, figure."""
    variables, start = descent_variables(values, node, scope)
    return dict(base, id=values["id"], title=values["title"], function=values["function"], variables=variables,
                name=values["name"], start=start, steps=values["steps"], stop=None, figure=values["figure"],
                symbols=values["symbols"])
