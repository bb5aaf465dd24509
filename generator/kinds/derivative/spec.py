"""Checks of a ``derivative`` slide: its variable, and the instructor's forms of f' (read once f is known)."""
from __future__ import annotations

from sympy import Expr

from ...converters import with_parameters
from ...errors import ExprError
from ...expr import parse_expression
from ...schema import Invalid, Scope, at_key, convert_each
from ...yamltree import Node
from ..variables import distinct_name, single_variable
from .model import DerivativeSlide


def build_derivative(values: dict, node: Node, scope: Scope, base: dict) -> DerivativeSlide:
    values["variable"] = at_key(node, "variable", scope,
                                lambda: single_variable(values["function"], values["variable"], "variable"))
    values["name"] = at_key(node, "name", scope, lambda: distinct_name(values["name"], values["function"]))
    name, forms_scope = values["name"], scope.child("forms")
    values["forms"] = tuple(convert_each((lambda n, s: _form(n, s, name), form_node, forms_scope.child(index))
                                         for index, form_node in enumerate(values["forms"])))
    return DerivativeSlide(**values, **base)


def _form(node: Node, scope: Scope, name: str) -> Expr:
    """An equivalent form of f' that may call the slide's function by its name: sigma(x)*(1 - sigma(x))."""
    if node.shape != "scalar" or node.scalar.kind in ("null", "bool"):
        raise Invalid(f"expected an expression, got {node.describe()}")
    try:
        parsed = parse_expression(node.scalar.text, scope.symbols, named_functions=(name,), keep_order=True)
    except ExprError as error:
        raise Invalid(error.message, error.column) from None
    return with_parameters(parsed, scope)
