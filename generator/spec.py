"""Load and validate a lesson spec: YAML → ``model.Deck``, every problem at once.

The schema is declarative: each slide kind is a table of ``Field``s, each field
a converter that turns a located YAML node into a model value or reports a
``Problem`` tagged with the file, line, column and key path
(``slides[2].learning_rate``).  Conversion goes on after a problem so one run
lists every mistake in the file; ``load_deck`` then raises one ``SpecError``.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import sympy
from sympy import Expr, Rational

from . import model
from .errors import ExprError, Location, Problem, SpecError
from .expr import FUNCTIONS, is_valid_name, parse_expression, symbol
from .model import DEFAULTS, HYPER_PARAMETERS, METHODS, Loss
from .numbers import parse_decimal
from .yamltree import Node, read_yaml

LANGUAGES = ("en", "ru")
MAX_STEPS = 1000
MAX_BATCH_STEPS = 12  # stochastic steps are printed one by one
MAX_DATA = 50
MAX_PANEL_STEPS = 50  # learning-rate panels: every iterate is drawn
MARP_DIRECTIVES = ("theme", "paginate", "header", "footer", "size", "class",
                   "backgroundColor", "backgroundImage", "color", "style", "headingDivider")
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


class Invalid(Exception):
    """Raised by a converter: ``message`` about the node, optionally at a column inside its text."""

    def __init__(self, message: str, column: int = 0, node: Node | None = None):
        super().__init__(message)
        self.message = message
        self.column = column
        self.node = node


@dataclass
class Context:
    """What converters share while one file is validated."""

    path: Path
    problems: list[Problem] = field(default_factory=list)
    parameters: dict[str, Rational] = field(default_factory=dict)  # the deck's parameters and their values

    def report(self, node: Node, key_path: str, message: str, column: int = 0) -> None:
        self.problems.append(Problem(_text_location(node, column), key_path, message))


def _text_location(node: Node, column: int) -> Location:
    """Point at ``column`` of a one-line scalar's text, else at the node."""
    if not column or node.shape != "scalar" or "\n" in node.scalar.text:
        return node.location
    return node.location.shifted(column - 1 + (1 if node.scalar.quoted else 0))


Converter = Callable[[Node, "Scope"], Any]


@dataclass(frozen=True)
class Field:
    convert: Converter
    required: bool = False
    default: Any = None


@dataclass
class Scope:
    """A converter's view: the shared context, its key path, and symbols named so far."""

    context: Context
    path: str
    symbols: dict[str, sympy.Symbol]

    def child(self, key: str | int) -> Scope:
        suffix = f"[{key}]" if isinstance(key, int) else (f".{key}" if self.path else key)
        return Scope(self.context, self.path + suffix, self.symbols)


# -- scalar converters -------------------------------------------------------

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
            raise Invalid(f"expected one of {', '.join(options)}, got {value!r}{_did_you_mean(value, list(options))}")
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
    if node.shape != "scalar" or node.scalar.kind in ("null", "bool"):
        raise Invalid(f"expected an expression such as x**2 + 1, got {node.describe()}")
    try:
        parsed = parse_expression(node.scalar.text, scope.symbols)
    except ExprError as error:
        raise Invalid(error.message, error.column) from None
    return with_parameters(parsed, scope)


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
        values = [_convert(item, element, scope.child(index)) for index, element in enumerate(elements)]
        if any(value is _FAILED for value in values):
            return _FAILED
        return tuple(values)
    return convert


def point(node: Node, scope: Scope) -> tuple[tuple[sympy.Symbol, Expr], ...]:
    """A mapping variable → number, such as ``{x: 1.3, y: 5.4}``."""
    if node.shape != "mapping":
        raise Invalid(f"expected a mapping of variables to numbers such as {{x: 1.3}}, got {node.describe()}")
    pairs = []
    for key, key_node, value_node in node.items():
        variable = _convert(variable_name, key_node, scope.child(key))
        value = _convert(number, value_node, scope.child(key))
        pairs.append((variable, value))
    if any(_FAILED in pair for pair in pairs):
        return _FAILED
    return tuple(pairs)


def number_pair(node: Node, scope: Scope) -> tuple[Expr, Expr]:
    values = list_of(number, 2)(node, scope)
    if values is _FAILED:
        return _FAILED
    if len(values) != 2 or not values[0] < values[1]:
        raise Invalid("expected two numbers [low, high] with low < high")
    return values


def data_point(node: Node, scope: Scope) -> tuple[Expr, Expr]:
    """A data point ``[x, y]``."""
    values = list_of(number, 2)(node, scope)
    if values is _FAILED:
        return _FAILED
    if len(values) != 2:
        raise Invalid("expected a point [x, y]")
    return tuple(values)


def stop_rule(node: Node, scope: Scope) -> model.StopRule:
    values = _mapping(node, scope, {
        "tolerance": Field(positive_number, required=True),
        "max_steps": Field(integer_between(1, MAX_STEPS), default=100),
    })
    return _FAILED if values is _FAILED else model.StopRule(**values)


def marp_directives(node: Node, scope: Scope) -> model.MarpSettings:
    if node.shape != "mapping":
        raise Invalid(f"expected a mapping of Marp directives, got {node.describe()}")
    directives = []
    for key, key_node, value_node in node.items():
        if key not in MARP_DIRECTIVES or key == "marp":
            scope.context.report(key_node, scope.child(key).path,
                                 f"unknown Marp directive{_did_you_mean(key, MARP_DIRECTIVES)}")
            continue
        value = _convert(_directive_value, value_node, scope.child(key))
        if value is not _FAILED:
            directives.append((key, value))
    return model.MarpSettings(tuple(directives))


def _directive_value(node: Node, scope: Scope) -> str | bool:
    if node.shape == "scalar" and node.scalar.kind == "bool":
        return boolean(node, scope)
    value = one_line_text(node, scope)
    return value


# -- the machinery ------------------------------------------------------------

_FAILED = object()  # a value that could not be converted (its problem is already reported)


def _convert(converter: Converter, node: Node, scope: Scope) -> Any:
    try:
        return converter(node, scope)
    except Invalid as error:
        scope.context.report(error.node or node, scope.path, error.message, error.column)
        return _FAILED


def _did_you_mean(word: str, options) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _mapping(node: Node, scope: Scope, fields: dict[str, Field], ignore: tuple[str, ...] = ()) -> dict | object:
    """Convert a mapping by its field table; report unknown and missing keys."""
    if node.shape != "mapping":
        raise Invalid(f"expected a mapping, got {node.describe()}")
    values: dict[str, Any] = {}
    failed = False
    for key, key_node, value_node in node.items():
        if key in ignore:
            continue
        if key not in fields:
            suggestion = _did_you_mean(key, list(fields) + list(ignore))
            scope.context.report(key_node, scope.child(key).path, f"unknown key{suggestion}")
            failed = True
            continue
        value = _convert(fields[key].convert, value_node, scope.child(key))
        failed |= value is _FAILED
        values[key] = value
    present = {key for key, _, _ in node.items()}
    for key, spec in fields.items():
        if key in present:
            continue
        if spec.required:
            scope.context.report(node, scope.path, f"missing required key {key!r}")
            failed = True
        else:
            values[key] = spec.default
    return _FAILED if failed else values


# -- slide kinds ---------------------------------------------------------------

def _markdown(values: dict, node: Node, scope: Scope, base: dict) -> model.MarkdownSlide:
    body: str = values["body"]
    body_node = next(value for key, _, value in node.items() if key == "body")
    for offset, line in enumerate(body.splitlines()):
        if re.fullmatch(r"\s*(-{3,}|\*{3,}|_{3,})\s*", line):
            scope.context.problems.append(Problem(
                _body_line(body_node, offset), scope.child("body").path,
                f"line {offset + 1} of the body is a slide break ({line.strip()}): start a new slide entry instead"))
            raise Invalid("", 0)
    return model.MarkdownSlide(body=body.rstrip() + "\n", **base)


def _body_line(node: Node, offset: int) -> Location:
    """The file line of line ``offset`` of a text value (block scalars start on the next line)."""
    if node.scalar.quoted and node.scalar.kind == "str" and node.location.line:
        first = node.location.line + (1 if _is_block(node) else 0)
        return Location(node.location.file, first + offset)
    return node.location


def _is_block(node: Node) -> bool:
    return node.scalar.block


def _single_variable(function: Expr, given: sympy.Symbol | None, key: str) -> sympy.Symbol:
    free = sorted(function.free_symbols, key=lambda s: s.name)
    if given is not None:
        if free and given not in free:
            names = ", ".join(s.name for s in free)
            raise Invalid(f"{key} {given.name!r} does not occur in the function (it uses {names})")
        return given
    if len(free) == 1:
        return free[0]
    if not free:
        raise Invalid("the function is constant: give 'variable' to say what it depends on")
    names = ", ".join(s.name for s in free)
    raise Invalid(f"the function has several variables ({names}): say which with 'variable'")


def _derivative(values: dict, node: Node, scope: Scope, base: dict) -> model.DerivativeSlide:
    variable = _at_key(node, "variable", scope,
                       lambda: _single_variable(values["function"], values["variable"], "variable"))
    forms = []
    for index, form_node in enumerate(values["forms"] or ()):
        form = _convert(lambda n, s: _form(n, s, values["name"]), form_node, scope.child("forms").child(index))
        forms.append(form)
    if _FAILED in forms:
        raise Invalid("")
    return model.DerivativeSlide(function=values["function"], variable=variable, name=values["name"],
                                 at=values["at"], forms=tuple(forms), show_steps=values["show_steps"], **base)


def _form(node: Node, scope: Scope, name: str) -> Expr:
    """An equivalent form of f' that may call the slide's function by its name: sigma(x)*(1 - sigma(x))."""
    if node.shape != "scalar" or node.scalar.kind in ("null", "bool"):
        raise Invalid(f"expected an expression, got {node.describe()}")
    try:
        parsed = parse_expression(node.scalar.text, scope.symbols, named_functions=(name,), keep_order=True)
    except ExprError as error:
        raise Invalid(error.message, error.column) from None
    return with_parameters(parsed, scope)


def raw(node: Node, scope: Scope) -> Node:
    """Keep the node; the slide's builder converts it once other fields are known."""
    return node


def _variables(function: Expr, given: tuple | None) -> tuple[sympy.Symbol, ...]:
    free = sorted(function.free_symbols, key=lambda s: s.name)
    if given is None:
        if not free:
            raise Invalid("the function is constant: it has no variables to differentiate by")
        return tuple(free)
    missing = [s.name for s in free if s not in given]
    if missing:
        raise Invalid(f"the function also depends on {', '.join(missing)}: list every variable")
    return tuple(given)


def _matching_point(pairs, variables: tuple, key: str) -> tuple:
    names = [v.name for v, _ in pairs]
    missing = [v.name for v in variables if v.name not in names]
    extra = [n for n in names if n not in {v.name for v in variables}]
    if missing:
        raise Invalid(f"{key} has no value for {', '.join(missing)}")
    if extra:
        raise Invalid(f"{key} gives {', '.join(extra)}, which the function does not use")
    by_name = dict(pairs)
    return tuple((v, by_name[v]) for v in variables)


def _gradient(values: dict, node: Node, scope: Scope, base: dict) -> model.GradientSlide:
    variables = _at_key(node, "variables", scope, lambda: _variables(values["function"], values["variables"]))
    at = values["at"]
    if at is not None:
        at = _at_key(node, "at", scope, lambda: _matching_point(at, variables, "at"))
    return model.GradientSlide(function=values["function"], variables=variables, name=values["name"], at=at, **base)


def _method_settings(values: dict) -> dict:
    """The method and its hyper-parameters, as a ``DescentSlide`` takes them."""
    return {key: values[key] for key in METHOD_FIELDS}


def _refuse_unused_hyper_parameters(method: model.Method, node: Node, scope: Scope) -> None:
    given = {key for key, _, _ in node.items()}
    unused = sorted((given & set(DEFAULTS)) - set(HYPER_PARAMETERS[method]))
    if unused:
        def refuse():
            raise Invalid(f"method {method} does not use {', '.join(unused)}")
        _at_key(node, unused[0], scope, refuse)


def _descent(values: dict, node: Node, scope: Scope, base: dict) -> model.DescentSlide:
    variables = _at_key(node, "variables", scope, lambda: _variables(values["function"], values["variables"]))
    start = _at_key(node, "start", scope, lambda: _matching_point(values["start"], variables, "start"))
    if (values["steps"] is None) == (values["stop"] is None):
        raise Invalid("give either 'steps' (a fixed number) or 'stop' (a stopping rule), not both or neither")
    _refuse_unused_hyper_parameters(values["method"], node, scope)
    return model.DescentSlide(function=values["function"], variables=variables, name=values["name"], start=start,
                              learning_rate=values["learning_rate"], steps=values["steps"], stop=values["stop"],
                              figure=values["figure"], **_method_settings(values), **base)


def _fit(values: dict, node: Node, scope: Scope, base: dict) -> model.FitSlide:
    prediction, x, data = values["model"], values["input"], values["data"]
    params = tuple(variable for variable, _ in values["params"])

    def check_model():
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
    _at_key(node, "model", scope, check_model)
    batch_size = values["batch_size"] or len(data)
    if batch_size > len(data):
        _at_key(node, "batch_size", scope, lambda: _refuse(f"batch_size {batch_size} is larger than the data "
                                                           f"({len(data)} points)"))
    if values["loss"] == Loss.CROSS_ENTROPY and any(not 0 <= y <= 1 for _, y in data):
        _at_key(node, "data", scope, lambda: _refuse("cross_entropy needs targets y between 0 and 1"))
    if values["seed"] is not None and batch_size >= len(data):
        _at_key(node, "seed", scope, lambda: _refuse("a seed shuffles the batches; a full batch has nothing to "
                                                     "shuffle (set batch_size)"))
    if (values["steps"] is None) == (values["stop"] is None):
        raise Invalid("give either 'steps' (a fixed number) or 'stop' (a stopping rule), not both or neither")
    if batch_size < len(data) and (values["steps"] or values["stop"].max_steps) > MAX_BATCH_STEPS:
        raise Invalid(f"stochastic and mini-batch fits print every step: use at most {MAX_BATCH_STEPS} steps")
    _refuse_unused_hyper_parameters(values["method"], node, scope)
    loss = sympy.Add(*model.example_losses(values["loss"], prediction, x, data))
    descent = model.DescentSlide(id=base["id"], location=base["location"], places=base["places"], title=base["title"],
                                 function=loss, variables=params, name="L", start=values["params"],
                                 learning_rate=values["learning_rate"], steps=values["steps"], stop=values["stop"],
                                 figure=values["figure"], exercise=base["exercise"], **_method_settings(values))
    return model.FitSlide(model=prediction, input=x, data=data, loss=values["loss"], batch_size=batch_size,
                          seed=values["seed"], descent=descent, **base)


def _shared_descent(values: dict, node: Node, scope: Scope, base: dict) -> dict:
    """function, variables, name, start and steps of a slide that runs several descents."""
    variables = _at_key(node, "variables", scope, lambda: _variables(values["function"], values["variables"]))
    start = _at_key(node, "start", scope, lambda: _matching_point(values["start"], variables, "start"))
    return dict(base, function=values["function"], variables=variables, name=values["name"], start=start,
                steps=values["steps"], stop=None, figure=True)


def _learning_rates(values: dict, node: Node, scope: Scope, base: dict) -> model.LearningRatesSlide:
    shared = _shared_descent(values, node, scope, base)
    rates = values["learning_rates"]
    if len(set(rates)) != len(rates):
        _at_key(node, "learning_rates", scope, lambda: _refuse("the learning rates repeat"))
    runs = tuple(model.DescentSlide(learning_rate=rate, **shared) for rate in rates)
    return model.LearningRatesSlide(runs=runs, **base)


METHOD_FIELDS = {  # a method of the gradient-descent family and its hyper-parameters
    "method": Field(choice(*METHODS), default=model.Method.GD),
    "beta": Field(fraction_number, default=DEFAULTS["beta"]),
    "beta1": Field(fraction_number, default=DEFAULTS["beta1"]),
    "beta2": Field(fraction_number, default=DEFAULTS["beta2"]),
    "eps": Field(positive_number, default=DEFAULTS["eps"]),
}
RUN_FIELDS = {**METHOD_FIELDS, "method": Field(choice(*METHODS), required=True),
              "learning_rate": Field(positive_number, required=True)}


def run_settings(node: Node, scope: Scope) -> dict:
    """One run of a comparison: a method with its learning rate and hyper-parameters."""
    values = _mapping(node, scope, RUN_FIELDS)
    if values is _FAILED:
        return _FAILED
    _refuse_unused_hyper_parameters(values["method"], node, scope)
    return values


def _compare(values: dict, node: Node, scope: Scope, base: dict) -> model.CompareSlide:
    shared = _shared_descent(values, node, scope, base)
    runs = tuple(model.DescentSlide(**settings, **shared) for settings in values["runs"])
    return model.CompareSlide(runs=runs, **base)


def _refuse(message: str):
    raise Invalid(message)


def _plot(values: dict, node: Node, scope: Scope, base: dict) -> model.PlotSlide:
    functions = values["functions"]
    free = sorted(set().union(*(f.free_symbols for f in functions)), key=lambda s: s.name)
    given = values["variable"]
    if given is None and len(free) > 1:
        names = ", ".join(s.name for s in free)
        raise Invalid(f"the functions use several variables ({names}): say which with 'variable'")
    variable = given or (free[0] if free else symbol("x"))
    labels = values["labels"]
    if labels is None:
        labels = tuple(f"f{index + 1}" if len(functions) > 1 else "f" for index in range(len(functions)))
    elif len(labels) != len(functions):
        raise Invalid(f"'labels' has {len(labels)} names for {len(functions)} functions")
    low, high = values["range"]
    tangent = values["tangent_at"]
    if tangent is not None and not low <= tangent <= high:
        raise Invalid("'tangent_at' lies outside 'range'")
    return model.PlotSlide(functions=functions, labels=labels, variable=variable, x_range=(low, high),
                           tangent_at=tangent, **base)


def _at_key(node: Node, key: str, scope: Scope, check: Callable[[], Any]) -> Any:
    """Run a cross-field ``check`` and attach its failure to ``key`` (or the slide)."""
    try:
        return check()
    except Invalid as error:
        target = next((value for name, _, value in node.items() if name == key), node)
        scope.context.report(target, scope.child(key).path, error.message)
        raise Invalid("", 0) from None


_COMMON = {"id": Field(identifier), "title": Field(one_line_text)}
EXERCISE = {"exercise": Field(boolean, default=False)}  # the kinds whose answer can be asked

SLIDE_KINDS: dict[str, tuple[dict[str, Field], Callable]] = {
    "markdown": ({"title": Field(one_line_text, required=True), "body": Field(text, required=True)}, _markdown),
    "derivative": ({
        **EXERCISE,
        "function": Field(expression, required=True),
        "variable": Field(variable_name),
        "name": Field(function_name, default="f"),
        "at": Field(number),
        "forms": Field(list_of(raw)),
        "show_steps": Field(boolean, default=True),
    }, _derivative),
    "gradient": ({
        **EXERCISE,
        "function": Field(expression, required=True),
        "variables": Field(list_of(variable_name)),
        "name": Field(function_name, default="f"),
        "at": Field(point),
    }, _gradient),
    "gradient_descent": ({
        **EXERCISE,
        "function": Field(expression, required=True),
        "variables": Field(list_of(variable_name)),
        "name": Field(function_name, default="f"),
        "start": Field(point, required=True),
        "learning_rate": Field(positive_number, required=True),
        "steps": Field(integer_between(1, MAX_STEPS)),
        "stop": Field(stop_rule),
        "figure": Field(boolean, default=False),
        **METHOD_FIELDS,
    }, _descent),
    "fit": ({
        **EXERCISE,
        "model": Field(expression, required=True),
        "input": Field(variable_name, default=symbol("x")),
        "data": Field(list_of(data_point, 1, MAX_DATA), required=True),
        "params": Field(point, required=True),
        "loss": Field(choice(*model.LOSSES), default=model.Loss.SQUARED_ERROR),
        "learning_rate": Field(positive_number, required=True),
        "steps": Field(integer_between(1, MAX_STEPS)),
        "stop": Field(stop_rule),
        "figure": Field(boolean, default=False),
        **METHOD_FIELDS,
        "batch_size": Field(integer_between(1, MAX_DATA)),
        "seed": Field(integer_between(0, 2**31 - 1)),
    }, _fit),
    "learning_rates": ({
        "function": Field(expression, required=True),
        "variables": Field(list_of(variable_name)),
        "name": Field(function_name, default="f"),
        "start": Field(point, required=True),
        "learning_rates": Field(list_of(positive_number, 2, 4), required=True),
        "steps": Field(integer_between(1, MAX_PANEL_STEPS), default=10),
    }, _learning_rates),
    "compare_methods": ({
        "function": Field(expression, required=True),
        "variables": Field(list_of(variable_name)),
        "name": Field(function_name, default="f"),
        "start": Field(point, required=True),
        "steps": Field(integer_between(1, MAX_STEPS), required=True),
        "runs": Field(list_of(run_settings, 2, len(METHODS) * 2), required=True),
    }, _compare),
    "plot": ({
        "functions": Field(list_of(expression), required=True),
        "labels": Field(list_of(one_line_text)),
        "variable": Field(variable_name),
        "range": Field(number_pair, required=True),
        "tangent_at": Field(number),
    }, _plot),
}


def _slide(node: Node, scope: Scope, index: int) -> model.Slide:
    if node.shape != "mapping":
        raise Invalid(f"expected a slide (a mapping with 'kind'), got {node.describe()}")
    kind_node = next((value for key, _, value in node.items() if key == "kind"), None)
    if kind_node is None:
        raise Invalid(f"missing required key 'kind' (one of {', '.join(SLIDE_KINDS)})")
    kind = _convert(choice(*SLIDE_KINDS), kind_node, scope.child("kind"))
    if kind is _FAILED:
        return _FAILED
    fields, build = SLIDE_KINDS[kind]
    scope.symbols = {}  # every slide names its own variables
    values = _mapping(node, scope, {**_COMMON, **fields}, ignore=("kind",))
    if values is _FAILED:
        return _FAILED
    base = {"id": values.pop("id") or f"{kind.replace('_', '-')}-{index + 1}",
            "location": node.location, "title": values.pop("title"),
            "places": model.Places(tuple((key, value.location) for key, _, value in node.items()))}
    if "exercise" in fields:
        base["exercise"] = values.pop("exercise")
        if base["exercise"] and not any(key == "id" for key, _, _ in node.items()):
            scope.context.report(node, scope.path, "an exercise needs an 'id': answer keys, handouts and "
                                                   "students' submissions name it")
            return _FAILED
    try:
        return build(values, node, scope, base)
    except Invalid as error:
        if error.message:
            scope.context.report(node, scope.path, error.message)
        return _FAILED


def _slides(node: Node, scope: Scope) -> tuple[model.Slide, ...]:
    if node.shape != "sequence":
        raise Invalid(f"expected a list of slides, got {node.describe()}")
    if not node.elements():
        raise Invalid("expected at least one slide, got an empty list")
    slides = []
    for index, element in enumerate(node.elements()):
        item_scope = scope.child(index)
        slides.append(_convert(partial(_slide, index=index), element, item_scope))
    seen: dict[str, int] = {}
    for index, slide in enumerate(slides):
        if slide is _FAILED:
            continue
        if slide.id in seen:
            scope.context.report(node.elements()[index], scope.child(index).child("id").path,
                                 f"id {slide.id!r} is already used by slides[{seen[slide.id]}]")
        seen.setdefault(slide.id, index)
    return _FAILED if _FAILED in slides else tuple(slides)


MAX_OPTIONS = 10_000  # values one parameter may take


def _parameter_values(values: dict) -> tuple[Rational, ...]:
    """The values a parameter may take: its choices, or its range walked by its step."""
    if (values["choices"] is None) == (values["range"] is None):
        raise Invalid("give either 'choices' (a list of values) or 'range' ([low, high] with 'step')")
    if values["choices"] is not None:
        if values["step"] is not None:
            raise Invalid("'step' belongs to a 'range', not to 'choices'")
        if len(set(values["choices"])) != len(values["choices"]):
            raise Invalid("the choices repeat")
        return values["choices"]
    low, high = values["range"]
    step = values["step"]
    if step is None:
        raise Invalid("a 'range' needs a 'step' (the values are low, low + step, … up to high)")
    count = int((high - low) / step) + 1
    if count > MAX_OPTIONS:
        raise Invalid(f"the range has {count} values; at most {MAX_OPTIONS} are allowed")
    return tuple(low + k * step for k in range(count))


def parameter(name: str) -> Converter:
    def convert(node: Node, scope: Scope) -> model.Parameter:
        if not is_valid_name(name):
            raise Invalid(f"a parameter is named like a variable (a, x0, w_1), got {name!r}")
        values = _mapping(node, scope, {"choices": Field(list_of(number, 1, MAX_OPTIONS)),
                                        "range": Field(number_pair), "step": Field(positive_number),
                                        "default": Field(number)})
        if values is _FAILED:
            return _FAILED
        options = _parameter_values(values)
        default = options[0] if values["default"] is None else values["default"]
        if default not in options:
            raise Invalid(f"the default {default} is not one of the values the parameter may take")
        return model.Parameter(name, node.location, options, default)
    return convert


def parameters(node: Node, scope: Scope) -> tuple[model.Parameter, ...]:
    """The ``params`` block: the deck's named parameters, each with the values a variant may draw."""
    if node.shape != "mapping":
        raise Invalid(f"expected a mapping of parameter names to their values, got {node.describe()}")
    converted = [_convert(parameter(key), value, scope.child(key)) for key, _, value in node.items()]
    return _FAILED if _FAILED in converted else tuple(converted)


DECK_FIELDS: dict[str, Field] = {
    "title": Field(one_line_text, required=True),
    "subtitle": Field(one_line_text),
    "lang": Field(choice(*LANGUAGES), default="en"),
    "precision": Field(integer_between(1, 15), default=4),
    "exact_digits": Field(integer_between(1, 40), default=8),
    "marp": Field(marp_directives, default=model.MarpSettings(())),
    "params": Field(parameters, default=()),
    "slides": Field(_slides, required=True),
}


def _spec_error(context: Context) -> SpecError:
    return SpecError(sorted(context.problems, key=lambda p: (p.location.line, p.location.column)))


def _read_parameters(root: Node, scope: Scope) -> tuple[model.Parameter, ...]:
    """The ``params`` block, read before the slides that use the parameters' names."""
    node = next((value for key, _, value in root.items() if key == "params"), None)
    if node is None:
        return ()
    converted = _convert(parameters, node, scope.child("params"))
    return () if converted is _FAILED else converted


def _read_root(path: Path) -> tuple[Node, Scope, tuple[model.Parameter, ...]]:
    """The spec's top mapping, a scope to convert it in, and its ``params`` block (read first)."""
    root = read_yaml(path)
    scope = Scope(Context(path), "", {})
    if root.shape != "mapping":
        raise SpecError([Problem(root.location, "",
                                 f"a lesson spec is a mapping with 'title' and 'slides', got {root.describe()}")])
    declared = _read_parameters(root, scope)
    if scope.context.problems:
        raise _spec_error(scope.context)
    return root, scope, declared


def load_parameters(path: Path | str) -> tuple[model.Parameter, ...]:
    """Only the ``params`` block of a spec (a variant's draw is validated with the whole deck)."""
    return _read_root(Path(path))[2]


def load_deck(path: Path | str, choose: dict[str, Rational] | None = None) -> model.Deck:
    """Read and validate one spec; raise ``SpecError`` listing every problem in it.

    ``choose`` gives parameters other values than their defaults (a student's variant).
    """
    path = Path(path)
    root, scope, declared = _read_root(path)
    context = scope.context
    context.parameters = {p.name: p.default for p in declared} | (choose or {})
    values = _convert(lambda n, s: _mapping(n, s, {**DECK_FIELDS, "params": Field(raw)}), root, scope)
    if context.problems or values is _FAILED:
        raise _spec_error(context)
    values["parameters"] = declared
    del values["params"]
    return model.Deck(source=path, stem=deck_stem(path), values=tuple(context.parameters.items()), **values)


_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split()))
_CYRILLIC.update({"ъ": "", "ь": ""})  # the hard and soft signs are not written in Latin


def slugify(name: str) -> str:
    """A safe file name: Latin letters (Cyrillic transliterated), digits, ``.``, ``-``, ``_``; never hidden."""
    letters = "".join(_CYRILLIC.get(c, c) if c.islower() else _CYRILLIC.get(c.lower(), c).capitalize()
                      for c in name)
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", letters).replace("--", "-")
    slug = re.sub(r"-{2,}", "-", slug).strip("-.")
    return slug or "deck"


def deck_stem(path: Path) -> str:
    """The output name of a spec: its file name without .yaml/.yml, slugified (``Лекция 1.yaml`` → ``Lektsiya-1``)."""
    name = path.name
    for suffix in (".yaml", ".yml"):
        if name.endswith(suffix):
            return slugify(name[: -len(suffix)])
    return slugify(path.stem)


__all__ = ["DECK_FIELDS", "FUNCTIONS", "SLIDE_KINDS", "deck_stem", "load_deck", "load_parameters", "slugify"]
