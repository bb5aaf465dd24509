"""Converters: a located YAML node → a model value (text, numbers, expressions, points, lists).

Each converter fails only by raising ``schema.Invalid`` (see ``schema``); the ones that convert
several values report every problem before they give up.
"""
from __future__ import annotations

import re

import sympy
from sympy import Expr, Rational

from .errors import ExprError
from .expr import is_valid_name, parse_expression, symbol
from .numbers import parse_decimal
from .schema import Converter, Invalid, Scope, convert_each, did_you_mean
from .yamltree import Node

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


def _scalar(node: Node, what: str) -> str:
    if node.shape != "scalar" or node.scalar.kind == "null":
        raise Invalid(f"expected {what}, got {node.describe()}")
    return node.scalar.text


def text(node: Node, scope: Scope) -> str:
    value = _scalar(node, "text")
    if not value.strip():
        raise Invalid("expected text, got an empty string")
    return value


def one_line_text(node: Node, scope: Scope) -> str:
    value = text(node, scope)
    if "\n" in value.strip():
        raise Invalid("expected one line of text")
    return value.strip()


def speaker_notes(node: Node, scope: Scope) -> str:
    """Presenter notes of a slide (Marp shows an HTML comment as notes): any text but the comment's own
    delimiters and a ``---`` line, which would end the comment or start a new slide."""
    value = text(node, scope).strip()
    for mark in ("<!--", "-->"):
        if mark in value:
            raise Invalid(f"notes cannot contain {mark!r} (it would end the presenter notes)")
    if any(line.strip() == "---" for line in value.splitlines()):
        raise Invalid("notes cannot contain a line '---' (it would start a new slide)")
    return value


def boolean(node: Node, scope: Scope) -> bool:
    if node.shape == "scalar" and node.scalar.kind == "bool":
        return node.scalar.text.lower() in ("true", "yes", "on")
    raise Invalid(f"expected true or false, got {node.describe()}")


def integer_between(low: int, high: int) -> Converter:
    def convert(node: Node, scope: Scope) -> int:
        if node.shape != "scalar" or node.scalar.kind != "int":
            raise Invalid(f"expected a whole number, got {node.describe()}")
        value = int(node.scalar.text.replace("_", ""), 0)
        if not low <= value <= high:
            raise Invalid(f"expected a whole number from {low} to {high}, got {value}")
        return value
    return convert


def choice(*options: str) -> Converter:
    """One of ``options``; the option itself is returned (an enum member when they are ``StrEnum`` members)."""
    def convert(node: Node, scope: Scope) -> str:
        value = _scalar(node, "one of " + ", ".join(options))
        if value not in options:
            raise Invalid(f"expected one of {', '.join(options)}, got {value!r}{did_you_mean(value, list(options))}")
        return next(option for option in options if option == value)
    return convert


def identifier(node: Node, scope: Scope) -> str:
    value = _scalar(node, "an id")
    if not ID_PATTERN.fullmatch(value):
        raise Invalid(f"an id uses lower-case letters, digits, '-' and '_' (at most 64), got {value!r}")
    return value


def variable_name(node: Node, scope: Scope) -> sympy.Symbol:
    value = _scalar(node, "a variable name")
    if not is_valid_name(value):
        raise Invalid(f"expected a variable name such as x or w_0, got {value!r}")
    if value in scope.context.parameters:
        raise Invalid(f"{value!r} is a parameter of the deck (params.{value}), not a variable")
    return scope.symbols.setdefault(value, symbol(value))


def function_name(node: Node, scope: Scope) -> str:
    value = _scalar(node, "a function name")
    if not is_valid_name(value):
        raise Invalid(f"expected a function name such as f, L or sigma, got {value!r}")
    return value


def expression(node: Node, scope: Scope) -> Expr:
    """The evaluated expression; its written form (held, in the spec's order) is kept in ``scope.context.written``."""
    return _expression(node, scope, keep_sigmoid=False)


def expression_with_sigmoid(node: Node, scope: Scope) -> Expr:
    """An expression in which ``sigmoid(u)`` stays σ(u) (``vocabulary.Sigmoid``): a fit's model as written."""
    return _expression(node, scope, keep_sigmoid=True)


def _expression(node: Node, scope: Scope, keep_sigmoid: bool) -> Expr:
    if node.shape != "scalar" or node.scalar.kind in ("null", "bool"):
        raise Invalid(f"expected an expression such as x**2 + 1, got {node.describe()}")
    try:
        parsed = parse_expression(node.scalar.text, scope.symbols, keep_sigmoid=keep_sigmoid)
        written = parse_expression(node.scalar.text, scope.symbols, keep_order=True, keep_sigmoid=keep_sigmoid)
    except ExprError as error:
        raise Invalid(error.message, error.column) from None
    value = with_parameters(parsed, scope)
    scope.context.written.setdefault(value, written_with_parameters(written, scope))
    return value


def with_parameters(value: Expr, scope: Scope) -> Expr:
    """``value`` with the deck's parameters replaced by their values in this deck (or this variant)."""
    chosen = scope.context.parameters
    used = sorted((s for s in value.free_symbols if s.name in chosen), key=lambda s: s.name)
    if not used:
        return value
    result = value.xreplace({s: chosen[s.name] for s in used})
    if result.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo, sympy.I):
        values = ", ".join(f"{s.name} = {chosen[s.name]}" for s in used)
        raise Invalid(f"with {values} the expression is undefined (a division by zero or a root of a negative)")
    return result


def written_with_parameters(written: Expr, scope: Scope) -> Expr:
    """A written form with the deck's parameters replaced by their values, still held in the written order."""
    chosen = scope.context.parameters
    values = {s: chosen[s.name] for s in written.free_symbols if s.name in chosen}
    return held_replace(written, values) if values else written


def held_replace(expr: Expr, values: dict) -> Expr:
    """``expr`` with symbols replaced by numbers, sums and products rebuilt held: terms keep their order, zero
    terms and factors 1 drop out, the numbers of a product join into one coefficient (``-1 · a · x`` → ``2 x``)."""
    if expr in values:
        return values[expr]
    if not expr.args or not expr.free_symbols & set(values):
        return expr
    args = [held_replace(arg, values) for arg in expr.args]
    if expr.is_Add:
        return _held(sympy.Add, [arg for arg in args if arg != 0], sympy.Integer(0))
    if expr.is_Mul:
        factors = [factor for arg in args for factor in (arg.args if arg.is_Mul else (arg,))]
        coefficient = sympy.Mul(*(f for f in factors if f.is_Number))
        others = [f for f in factors if not f.is_Number]
        return _held(sympy.Mul, ([coefficient] if coefficient != 1 or not others else []) + others,
                     sympy.Integer(1)) if coefficient != 0 else sympy.Integer(0)
    if expr.is_Pow and args[1].is_number:
        args[1] = args[1].doit()  # x^(1/a) with a = 3: the exponent is the number 1/3
    if expr.is_Pow and args[0].is_Number and args[1].is_negative:
        return sympy.Pow(*args, evaluate=False)  # x/a with a = 2 stays x/2 (a written fraction, not 0.5 x)
    return expr.func(*args)


def _held(operation: type, args: list[Expr], empty: Expr) -> Expr:
    """The held sum or product of ``args`` (the one arg itself, ``empty`` for none)."""
    if not args:
        return empty
    return args[0] if len(args) == 1 else operation(*args, evaluate=False)


def _decimal(text: str) -> Rational | None:
    try:
        return parse_decimal(text)
    except ValueError as error:
        raise Invalid(str(error)) from None


def number(node: Node, scope: Scope) -> Expr:
    """A real constant: a YAML number (exact decimal) or a constant expression such as pi/4."""
    if node.shape == "scalar" and node.scalar.kind in ("int", "float"):
        exact = _decimal(node.scalar.text)
        if exact is None:
            raise Invalid(f"expected a finite number, got {node.scalar.text}")
        return exact
    if node.shape != "scalar" or node.scalar.kind != "str":
        raise Invalid(f"expected a number, got {node.describe()}")
    exact = _decimal(node.scalar.text)
    if exact is not None:
        return exact
    try:
        value = with_parameters(parse_expression(node.scalar.text, {}), scope)
    except ExprError:
        raise Invalid(f"expected a number, got {node.describe()}") from None
    if value.free_symbols or not (value.is_real and value.is_finite):
        raise Invalid(f"expected a number, got {node.describe()}")
    return value


def fraction_number(node: Node, scope: Scope) -> Rational:
    """A number strictly between 0 and 1 (a decay rate such as β)."""
    value = number(node, scope)
    if not (0 < value < 1):
        raise Invalid(f"expected a number between 0 and 1, got {node.describe()}")
    return value


def positive_number(node: Node, scope: Scope) -> Rational:
    value = number(node, scope)
    if not value.is_positive:
        raise Invalid(f"expected a positive number, got {node.describe()}")
    return value


def list_of(item: Converter, min_items: int = 1, max_items: int | None = None) -> Converter:
    def convert(node: Node, scope: Scope) -> tuple:
        if node.shape != "sequence":
            raise Invalid(f"expected a list, got {node.describe()}")
        elements = node.elements()
        if len(elements) < min_items:
            raise Invalid(f"expected at least {min_items} item(s), got {len(elements)}")
        if max_items is not None and len(elements) > max_items:
            raise Invalid(f"expected at most {max_items} items, got {len(elements)}")
        return tuple(convert_each((item, element, scope.child(index)) for index, element in enumerate(elements)))
    return convert


def point(node: Node, scope: Scope) -> tuple[tuple[sympy.Symbol, Expr], ...]:
    """A mapping variable → number, such as ``{x: 1.3, y: 5.4}``."""
    if node.shape != "mapping":
        raise Invalid(f"expected a mapping of variables to numbers such as {{x: 1.3}}, got {node.describe()}")
    converted = convert_each(item for key, key_node, value_node in node.items()
                             for item in ((variable_name, key_node, scope.child(key)),
                                          (number, value_node, scope.child(key))))
    return tuple(zip(converted[::2], converted[1::2]))


def number_pair(node: Node, scope: Scope) -> tuple[Expr, Expr]:
    values = list_of(number, 2)(node, scope)
    if len(values) != 2 or not values[0] < values[1]:
        raise Invalid("expected two numbers [low, high] with low < high")
    return values


def data_point(node: Node, scope: Scope) -> tuple[Expr, Expr]:
    """A data point ``[x, y]``."""
    values = list_of(number, 2)(node, scope)
    if len(values) != 2:
        raise Invalid("expected a point [x, y]")
    return tuple(values)


def raw(node: Node, scope: Scope) -> Node:
    """Keep the node; the slide's builder converts it once the other fields are known."""
    return node
