"""Exercises and deck parameters in the spec: what is accepted, and the messages for what is not."""
from __future__ import annotations

import pytest
from sympy import Rational

from generator.errors import SpecError
from generator.expr import parse_expression, symbol
from generator.spec import load_deck


def problems(path, choose=None) -> list[str]:
    with pytest.raises(SpecError) as caught:
        load_deck(path, choose)
    return caught.value.lines()


PARAMETERS = """
    title: Variants
    params:
      a: {choices: [2, 3, 5]}
      x0: {range: [-1, 1], step: 0.5, default: 0.5}
    slides:
      - kind: derivative
        id: d
        exercise: true
        function: sin(a*x)
      - kind: gradient_descent
        id: g
        exercise: true
        function: x**2 + a*y**2
        start: {x: x0, y: 1}
        learning_rate: 1/(2*a)
        steps: 1
"""


def test_parameters_take_their_defaults_in_the_instructors_deck(write_spec):
    deck = load_deck(write_spec(PARAMETERS))
    a, x0 = deck.parameters
    assert (a.name, a.options, a.default) == ("a", (2, 3, 5), 2)
    assert x0.options == tuple(Rational(k, 2) for k in range(-2, 3)) and x0.default == Rational(1, 2)
    assert deck.values == (("a", 2), ("x0", Rational(1, 2)))
    derivative, descent = deck.slides
    assert derivative.function == parse_expression("sin(2*x)") and derivative.exercise
    assert descent.start == ((symbol("x"), Rational(1, 2)), (symbol("y"), 1))
    assert descent.learning_rate == Rational(1, 4) and descent.exercise


def test_a_variant_chooses_other_values(write_spec):
    deck = load_deck(write_spec(PARAMETERS), {"a": Rational(5), "x0": Rational(-1)})
    derivative, descent = deck.slides
    assert derivative.function == parse_expression("sin(5*x)")
    assert descent.function == parse_expression("x**2 + 5*y**2")
    assert descent.start[0] == (symbol("x"), -1) and descent.learning_rate == Rational(1, 10)


def test_a_parameter_that_divides_by_zero_is_reported_with_its_value(write_spec):
    path = write_spec("""
        title: T
        params:
          a: {choices: [0, 1]}
        slides:
          - kind: derivative
            function: x/a
    """)
    assert problems(path) == [f"{path}:6:15: slides[0].function: with a = 0 the expression is undefined "
                              "(a division by zero or a root of a negative)"]


def test_a_parameter_that_makes_the_function_constant_is_reported(write_spec):
    path = write_spec("""
        title: T
        params:
          a: {choices: [0, 1]}
        slides:
          - kind: derivative
            function: a*x
    """)
    assert "the function is constant" in problems(path)[0]


@pytest.mark.parametrize("block, message", [
    ("a: {choices: [1, 1]}", "params.a: the choices repeat"),
    ("a: {range: [0, 1]}", "params.a: a 'range' needs a 'step'"),
    ("a: {choices: [1], range: [0, 1]}", "params.a: give either 'choices'"),
    ("a: {choices: [1, 2], default: 3}", "params.a: the default 3 is not one of the values"),
    ("a: {range: [0, 100000], step: 1}", "params.a: the range has 100001 values"),
    ("a: {choices: [1], step: 1}", "params.a: 'step' belongs to a 'range'"),
    ("sin: {choices: [1]}", "params.sin: a parameter is named like a variable"),
    ("a: [1, 2]", "params.a: expected a mapping"),
])
def test_bad_parameters(write_spec, block, message):
    path = write_spec(f"""
        title: T
        params:
          {block}
        slides:
          - kind: markdown
            title: M
            body: B
    """)
    assert any(message in line for line in problems(path)), problems(path)


def test_a_parameter_cannot_be_a_variable(write_spec):
    path = write_spec("""
        title: T
        params:
          x: {choices: [1, 2]}
        slides:
          - kind: gradient
            function: x**2 + y**2
            variables: [x, y]
    """)
    assert any("'x' is a parameter of the deck (params.x), not a variable" in line for line in problems(path))


def test_an_exercise_needs_an_id(write_spec):
    path = write_spec("""
        title: T
        slides:
          - kind: derivative
            exercise: true
            function: x**2
    """)
    assert problems(path) == [f"{path}:3:5: slides[0]: an exercise needs an 'id': answer keys, handouts and "
                              "students' submissions name it"]


def test_only_slides_with_a_final_answer_can_be_exercises(write_spec):
    path = write_spec("""
        title: T
        slides:
          - kind: plot
            id: p
            exercise: true
            functions: [x**2]
            range: [0, 1]
    """)
    assert problems(path) == [f"{path}:5:5: slides[0].exercise: unknown key"]
