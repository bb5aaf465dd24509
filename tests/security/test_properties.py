"""Property tests (hypothesis): no input text makes verideck crash, and the parser reads back what it prints.

* any string given to the expression parser (spec mode and answer mode) or to the answer reader gives a value
  or the parser's own error — never another exception;
* for generated expressions, ``parse(expression_text(e)) == e``;
* random mutations of a valid spec give a deck or a ``SpecError`` — never a traceback — and building the
  mutated spec ends in a deck or a clean error, never an internal error.

Runs are derandomized so CI is reproducible; ``max_examples`` keeps the suite's time in check.
"""
from __future__ import annotations

import copy

import sympy
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import ExprError, InternalError, SpecError
from generator.expr import expression_text, parse_expression, symbol
from generator.grade.reading import Unreadable, read_answer
from generator.pipeline import build_decks
from generator.spec import load_deck

SETTINGS = dict(deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

# -- any text ---------------------------------------------------------------------------------

PIECES = ["x", "y", "w_0", "2", "1.5", "0,5", "+", "-", "*", "/", "^", "**", "(", ")", "[", "]", ",", ";", " ",
          "sin", "cos", "tg", "arctg", "ln", "log", "exp", "sqrt", "abs", "sigmoid", "pi", "e", "E", "=", "y'",
          "__", ".", "'", "\\frac{", "}", "{", "\\sin", "\\cdot", "\\left(", "\\right)", "9", "99999", "х", "λ"]
TEXTS = st.one_of(st.text(max_size=80), st.lists(st.sampled_from(PIECES), max_size=30).map("".join))


@settings(max_examples=600, **SETTINGS)
@given(TEXTS)
def test_any_text_parses_or_gives_a_parse_error(text):
    for mode in ({}, {"answer_variables": ("x", "y")}, {"keep_order": True}):
        try:
            value = parse_expression(text, **mode)
        except ExprError as error:
            assert error.message and error.column >= 1
        else:
            assert isinstance(value, sympy.Basic)


@settings(max_examples=400, **SETTINGS)
@given(TEXTS, st.sampled_from(["en", "ru"]))
def test_any_answer_is_read_or_refused_with_a_reason(text, lang):
    try:
        reading = read_answer(text, lang, ("x", "y"))
    except Unreadable as problem:
        assert problem.diagnosis in ("parse", "empty", "too_long", "too_large") and problem.message
    else:
        assert reading.items and all(isinstance(item.value, sympy.Expr) for item in reading.items)


# -- round trip ----------------------------------------------------------------------------------

x, y = symbol("x"), symbol("y")
LEAVES = st.one_of(st.sampled_from([x, y, sympy.pi, sympy.E]),
                   st.integers(-20, 20).map(sympy.Integer),
                   st.tuples(st.integers(-20, 20), st.integers(1, 12)).map(lambda pq: sympy.Rational(*pq)))
UNARY = [sympy.sin, sympy.cos, sympy.tan, sympy.cot, sympy.asin, sympy.atan, sympy.acot, sympy.sinh, sympy.exp,
         sympy.log, sympy.sqrt, sympy.Abs]


def _extend(children):
    return st.one_of(
        st.tuples(children, children).map(lambda ab: ab[0] + ab[1]),
        st.tuples(children, children).map(lambda ab: ab[0] * ab[1]),
        st.tuples(children, st.integers(-3, 4)).map(lambda be: be[0] ** be[1] if be[0] != 0 or be[1] > 0 else be[0]),
        st.tuples(st.sampled_from(UNARY), children).map(lambda fa: fa[0](fa[1])),
    )


EXPRESSIONS = st.recursive(LEAVES, _extend, max_leaves=12).filter(
    lambda e: not e.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo, sympy.I))


@settings(max_examples=500, **SETTINGS)
@given(EXPRESSIONS)
def test_the_parser_reads_back_what_it_prints(expr):
    assert parse_expression(expression_text(expr)) == expr


# -- spec mutations --------------------------------------------------------------------------------

VALID = {
    "title": "Mutations",
    "lang": "ru",
    "params": {"a": {"choices": [1, 2]}},
    "slides": [
        {"kind": "derivative", "id": "d", "exercise": True, "function": "sin(a*x)**2", "at": 1},
        {"kind": "gradient", "function": "x**2*y + y", "at": {"x": 1, "y": 2}},
        {"kind": "gradient_descent", "function": "x**2 + 2*y**2", "start": {"x": 1, "y": 1},
         "learning_rate": 0.1, "steps": 2, "method": "momentum", "beta": 0.5},
        {"kind": "markdown", "title": "M", "body": "Text $x^2$"},
    ],
}
VALUES = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                   TEXTS, st.lists(st.integers(-5, 5), max_size=3), st.dictionaries(TEXTS, st.integers(), max_size=2))


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, prefix + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, prefix + (index,))


MUTATIONS = st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(["replace", "delete", "add"]), VALUES,
                               TEXTS), min_size=1, max_size=3)


def _mutate(spec: dict, mutations) -> dict:
    spec = copy.deepcopy(spec)
    for choice, action, value, key in mutations:
        paths = [p for p in _paths(spec) if p]
        path = paths[choice % len(paths)]
        parent = spec
        for step in path[:-1]:
            parent = parent[step]
        if action == "replace":
            parent[path[-1]] = value
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[key or "extra"] = value
        else:
            parent.append(value)
    return spec


@settings(max_examples=150, **SETTINGS)
@given(MUTATIONS)
def test_a_mutated_spec_loads_or_gives_spec_errors(tmp_path_factory, mutations):
    path = tmp_path_factory.mktemp("mutated") / "spec.yaml"
    path.write_text(yaml.safe_dump(_mutate(VALID, mutations), allow_unicode=True), encoding="utf-8")
    try:
        load_deck(path)
    except SpecError as error:
        assert error.lines() and all(line.startswith(str(path)) for line in error.lines())


@settings(max_examples=25, **SETTINGS)
@given(MUTATIONS)
def test_building_a_mutated_spec_never_fails_inside_verideck(tmp_path_factory, mutations):
    folder = tmp_path_factory.mktemp("built")
    path = folder / "spec.yaml"
    path.write_text(yaml.safe_dump(_mutate(VALID, mutations), allow_unicode=True), encoding="utf-8")
    run = build_decks([path], folder / "out", katex=False, handout=True)
    assert not [error for error in run.errors if isinstance(error, InternalError)], \
        [line for error in run.errors for line in error.lines()]
