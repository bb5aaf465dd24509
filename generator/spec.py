"""Load and validate a lesson spec: YAML → ``model.Deck``, every problem at once.

The deck's own keys are declared here (``DECK_FIELDS``); each slide is read by its kind
(``generator.kinds``), whose model declares its keys.  The framework — converters that raise
``Invalid``, problems tagged with the file, line, column and key path (``slides[2].learning_rate``)
— is ``schema``; conversion goes on after a problem so one run lists every mistake in the file,
and ``load_deck`` then raises one ``SpecError``.
"""
from __future__ import annotations

import dataclasses
import re
from functools import partial
from pathlib import Path

import sympy
from sympy import Rational

from . import model
from .converters import (
    boolean,
    choice,
    integer_between,
    list_of,
    number,
    number_pair,
    one_line_text,
    positive_number,
    raw,
)
from .errors import InternalError, Problem, SpecError
from .expr import FUNCTIONS, is_valid_name
from .kinds import KINDS
from .notation import LANGUAGES
from .schema import (
    Context,
    Converter,
    Field,
    Invalid,
    Reported,
    Scope,
    convert,
    convert_each,
    convert_mapping,
    did_you_mean,
    value_node,
)
from .symbols import DEFAULT as DEFAULT_SYMBOLS
from .symbols import clash, symbol_choices
from .yamltree import Node, read_yaml

MARP_DIRECTIVES = ("theme", "paginate", "header", "footer", "size", "class",
                   "backgroundColor", "backgroundImage", "color", "style", "headingDivider")


def marp_directives(node: Node, scope: Scope) -> model.MarpSettings:
    if node.shape != "mapping":
        raise Invalid(f"expected a mapping of Marp directives, got {node.describe()}")
    directives = []
    for key, key_node, value in node.items():
        if key not in MARP_DIRECTIVES or key == "marp":
            scope.context.report(key_node, scope.child(key).path,
                                 f"unknown Marp directive{did_you_mean(key, MARP_DIRECTIVES)}")
            continue
        try:
            converter = choice(*model.THEMES) if key == "theme" else _directive_value
            directives.append((key, convert(converter, value, scope.child(key))))
        except Reported:
            continue
    return model.MarpSettings(tuple(directives))


def _directive_value(node: Node, scope: Scope) -> str | bool:
    if node.shape == "scalar" and node.scalar.kind == "bool":
        return boolean(node, scope)
    return one_line_text(node, scope)


def _slide(node: Node, scope: Scope, index: int) -> model.SlideBase:
    if node.shape != "mapping":
        raise Invalid(f"expected a slide (a mapping with 'kind'), got {node.describe()}")
    kind_node = value_node(node, "kind")
    if kind_node is None:
        raise Invalid(f"missing required key 'kind' (one of {', '.join(KINDS)})")
    kind = KINDS[convert(choice(*KINDS), kind_node, scope.child("kind"))]
    scope.symbols = {}  # every slide names its own variables
    scope.context.written = {}  # and writes its own expressions
    values = convert_mapping(node, scope, kind.fields, ignore=("kind",))
    values["id"] = values["id"] or f"{kind.name.replace('_', '-')}-{index + 1}"
    values["symbols"] = _slide_symbols(values["symbols"], scope)
    if values.get("exercise") and value_node(node, "id") is None:
        scope.report(node, "an exercise needs an 'id': answer keys, handouts and students' submissions name it")
        raise Reported
    base = {"location": node.location,
            "places": model.Places(tuple((key, value.location) for key, _, value in node.items())),
            "written": model.WrittenForms(tuple(scope.context.written.items())),
            **{key: values.pop(key) for key in model.PRESENTATION if key in values}}
    slide = kind.build(values, node, scope, base)
    _refuse_symbol_clash(slide, node, scope)
    return slide


def _slide_symbols(choices: dict | None, scope: Scope) -> model.Symbols:
    """The notation of a slide: the deck's ``symbols`` with the slide's own choices."""
    return DEFAULT_SYMBOLS.updated(scope.context.symbols).updated(choices or {})


def _refuse_symbol_clash(slide: model.SlideBase, node: Node, scope: Scope) -> None:
    """A chosen symbol that the slide also uses as a variable (or two choices on one letter) is refused at the
    slide's ``symbols`` key, else at the deck's."""
    own = value_node(node, "symbols")
    if (own is None and not scope.context.symbols) or slide.symbols is None:
        return
    problem = clash(slide.symbols, _letters(slide))
    if problem is None:
        return
    key, message = problem
    if own is not None and value_node(own, key) is not None:
        scope.context.report(value_node(own, key) or own, scope.child("symbols").child(key).path, message)
    else:  # the deck's choice: reported at the deck's key, naming the slide
        deck_node = scope.context.symbols_node or node
        _, message = clash(slide.symbols, _letters(slide), where=scope.path) or problem
        scope.context.report(value_node(deck_node, key) or deck_node, f"symbols.{key}", message)
    raise Reported


def _letters(value: object) -> set[str]:
    """The names of every symbol a slide's values hold (its variables, the letters of its expressions)."""
    if isinstance(value, sympy.Basic):
        return {s.name for s in value.free_symbols if isinstance(s, sympy.Symbol)}
    if isinstance(value, (tuple, list)):
        return set().union(*(_letters(item) for item in value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return set().union(*(_letters(getattr(value, f.name)) for f in dataclasses.fields(value)))
    return set()


def _slides(node: Node, scope: Scope) -> tuple[model.SlideBase, ...]:
    if node.shape != "sequence":
        raise Invalid(f"expected a list of slides, got {node.describe()}")
    if not node.elements():
        raise Invalid("expected at least one slide, got an empty list")
    slides: list[model.SlideBase | None] = []
    for index, element in enumerate(node.elements()):
        try:
            slides.append(convert(partial(_slide, index=index), element, scope.child(index)))
        except Reported:
            slides.append(None)
    _refuse_repeated_ids(node, scope, slides)
    if None in slides:
        raise Reported
    return tuple(slide for slide in slides if slide is not None)


def _refuse_repeated_ids(node: Node, scope: Scope, slides: list) -> None:
    seen: dict[str, int] = {}
    for index, slide in enumerate(slides):
        if slide is None:
            continue
        if slide.id in seen:
            scope.context.report(node.elements()[index], scope.child(index).child("id").path,
                                 f"id {slide.id!r} is already used by slides[{seen[slide.id]}]")
        seen.setdefault(slide.id, index)


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
        values = convert_mapping(node, scope, {"choices": Field(list_of(number, 1, MAX_OPTIONS)),
                                               "range": Field(number_pair), "step": Field(positive_number),
                                               "default": Field(number)})
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
    return tuple(convert_each((parameter(key), value, scope.child(key)) for key, _, value in node.items()))


DECK_FIELDS: dict[str, Field] = {
    "title": Field(one_line_text, required=True),
    "subtitle": Field(one_line_text),
    "lang": Field(choice(*LANGUAGES), default="en"),
    "precision": Field(integer_between(1, 15), default=4),
    "exact_digits": Field(integer_between(1, 40), default=8),
    "marp": Field(marp_directives, default=model.MarpSettings(())),
    "params": Field(parameters, default=()),
    "symbols": Field(symbol_choices, default={}),
    "slides": Field(_slides, required=True),
}


def _spec_error(context: Context) -> SpecError:
    if not context.problems:  # a converter gave up without saying why: never leave a person without a message
        raise InternalError(f"{context.path}: the spec was refused without a reason (this is a verideck bug; "
                            "run with --debug for a traceback)")
    return SpecError(sorted(context.problems, key=lambda p: (p.location.line, p.location.column)))


def _read_parameters(root: Node, scope: Scope) -> tuple[model.Parameter, ...]:
    """The ``params`` block, read before the slides that use the parameters' names."""
    node = value_node(root, "params")
    if node is None:
        return ()
    try:
        return convert(parameters, node, scope.child("params"))
    except Reported:
        return ()


def _read_symbols(root: Node, scope: Scope) -> None:
    """The deck's ``symbols`` block, read before the slides whose notation it sets."""
    node = value_node(root, "symbols")
    if node is None:
        return
    try:
        scope.context.symbols = convert(symbol_choices, node, scope.child("symbols"))
        scope.context.symbols_node = node
    except Reported:
        return


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
    _read_symbols(root, scope)
    try:
        fields = {**DECK_FIELDS, "params": Field(raw), "symbols": Field(raw)}
        values = convert(lambda n, s: convert_mapping(n, s, fields), root, scope)
    except Reported:
        raise _spec_error(context) from None
    if context.problems:
        raise _spec_error(context)
    values["parameters"] = declared
    values["symbols"] = DEFAULT_SYMBOLS.updated(context.symbols)
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


__all__ = ["DECK_FIELDS", "FUNCTIONS", "deck_stem", "load_deck", "load_parameters", "slugify"]
