"""Spec validation: every problem of a file at once, each tagged with file:line:col and its key."""
from __future__ import annotations

import pytest
from sympy import Rational

from generator.errors import SpecError
from generator.expr import symbol
from generator.kinds.gradient_descent.model import DescentSlide
from generator.kinds.markdown.model import MarkdownSlide
from generator.spec import load_deck
from generator.symbols import Symbols


def problems(path) -> list[str]:
    with pytest.raises(SpecError) as caught:
        load_deck(path)
    return caught.value.lines()


def test_a_valid_spec_becomes_a_typed_deck(write_spec):
    path = write_spec("""
        title: Lesson
        lang: ru
        slides:
          - kind: markdown
            title: Hello
            body: Text
          - kind: gradient_descent
            function: x**2 + x*y + y**2
            start: {x: 1.3, y: 5.4}
            learning_rate: 0.01
            steps: 1
    """)
    deck = load_deck(path)
    assert (deck.title, deck.lang, deck.precision, deck.stem) == ("Lesson", "ru", 4, "lesson")
    markdown, descent = deck.slides
    assert isinstance(markdown, MarkdownSlide) and markdown.id == "markdown-1"
    assert isinstance(descent, DescentSlide) and descent.id == "gradient-descent-2"
    assert descent.start == ((symbol("x"), Rational(13, 10)), (symbol("y"), Rational(27, 5)))
    assert descent.learning_rate == Rational(1, 100)
    assert descent.location.line == 7


def test_the_issue_example_message(write_spec):
    path = write_spec("""
        title: Lesson
        slides:
          - kind: markdown
            title: A
            body: B
          - kind: markdown
            title: C
            body: D
          - kind: gradient_descent
            function: w**2
            start: {w: 1}
            learning_rate: fast
            steps: 3
    """)
    assert problems(path) == [f"{path}:12:20: slides[2].learning_rate: expected a number, got 'fast'"]


def test_all_problems_of_a_file_are_listed_in_line_order(write_spec):
    path = write_spec("""
        title: Lesson
        lang: fr
        precison: 4
        slides:
          - kind: derivative
            function: tan(x) + __import__('os')
          - kind: derivativ
            function: x
          - kind: gradient
            function: foo(x)
          - kind: plot
            functions: [sin(x)]
            range: [2, 1]
    """)
    assert problems(path) == [
        f"{path}:2:7: lang: expected one of en, ru, got 'fr'",
        f"{path}:3:1: precison: unknown key; did you mean 'precision'?",
        f"{path}:6:24: slides[0].function: names cannot start with '_' or contain '__'",
        f"{path}:7:11: slides[1].kind: expected one of markdown, derivative, gradient, gradient_descent, fit, "
        "learning_rates, compare_methods, plot, got 'derivativ'; did you mean 'derivative'?",
        f"{path}:10:15: slides[2].function: unknown function 'foo'",
        f"{path}:13:12: slides[3].range: expected two numbers [low, high] with low < high",
    ]


@pytest.mark.parametrize("slide, expected", [
    ("{kind: gradient_descent, function: x**2 + y**2, start: {x: 1}, learning_rate: 0.1, steps: 1}",
     "slides[0].start: start has no value for y"),
    ("{kind: gradient_descent, function: x**2, start: {x: 1, z: 2}, learning_rate: 0.1, steps: 1}",
     "slides[0].start: start gives z, which the function does not use"),
    ("{kind: gradient_descent, function: x**2, start: {x: 1}, learning_rate: 0.1}",
     "slides[0]: give either 'steps' (a fixed number) or 'stop' (a stopping rule), not both or neither"),
    ("{kind: gradient_descent, function: x**2, start: {x: 1}, learning_rate: -0.1, steps: 1}",
     "slides[0].learning_rate: expected a positive number, got -0.1"),
    ("{kind: gradient_descent, function: x**2, start: {x: 1}, learning_rate: 0.1, steps: 0}",
     "slides[0].steps: expected a whole number from 1 to 1000, got 0"),
    ("{kind: derivative, function: x*y}",
     "slides[0].variable: the function has several variables (x, y): say which with 'variable'"),
    ("{kind: derivative, function: x**2, variable: t}",
     "slides[0].variable: variable 't' does not occur in the function (it uses x)"),
    ("{kind: derivative, function: x**2, colour: red}",
     "slides[0].colour: unknown key"),
    ("{kind: derivative}", "slides[0]: missing required key 'function'"),
    ("{function: x}", "slides[0]: missing required key 'kind' (one of markdown, derivative, gradient, "
                      "gradient_descent, fit, learning_rates, compare_methods, plot)"),
    ("{kind: plot, functions: [sin(x)], range: [0, 1], tangent_at: 2}", "slides[0]: 'tangent_at' lies outside 'range'"),
    ("{kind: derivative, function: x**2, forms: ['3*x']}", "slides[0].forms[0]: this form is not equal to the derivative 2*x"),
    ("{kind: derivative, function: x**2, at: zero}", "slides[0].at: expected a number, got 'zero'"),
])
def test_slide_problems(write_spec, slide, expected):
    path = write_spec(f"title: T\nslides:\n  - {slide}\n")
    found = problems(path) if "forms" not in slide else _build_problems(path)
    assert len(found) == 1 and found[0].split(": ", 1)[1] == expected, found


def _build_problems(path):
    from generator.build import solve_deck

    with pytest.raises(SpecError) as caught:
        solve_deck(load_deck(path))
    return caught.value.lines()


def test_duplicate_ids_are_refused(write_spec):
    path = write_spec("""
        title: T
        slides:
          - {kind: markdown, id: intro, title: A, body: B}
          - {kind: markdown, id: intro, title: C, body: D}
    """)
    assert problems(path) == [f"{path}:4:5: slides[1].id: id 'intro' is already used by slides[0]"]


def test_markdown_body_cannot_break_the_slide(write_spec):
    path = write_spec("""
        title: T
        slides:
          - kind: markdown
            title: A
            body: |
              first
              ---
              second
    """)
    assert problems(path) == [f"{path}:7: slides[0].body: line 2 of the body is a slide break (---): "
                              "start a new slide entry instead"]


def test_numbers_may_be_constant_expressions(write_spec):
    path = write_spec("""
        title: T
        slides:
          - {kind: derivative, function: tg(x), at: pi/4}
          - {kind: gradient_descent, function: x**2, start: {x: 1/3}, learning_rate: 1e-2, steps: 1}
    """)
    deck = load_deck(path)
    import sympy

    assert deck.slides[0].at == sympy.pi / 4
    assert deck.slides[1].start[0][1] == Rational(1, 3) and deck.slides[1].learning_rate == Rational(1, 100)


def test_marp_directives_are_checked(write_spec):
    path = write_spec("""
        title: T
        marp: {theme: gaia, pagniate: true}
        slides:
          - {kind: markdown, title: A, body: B}
    """)
    assert problems(path) == [f"{path}:2:21: marp.pagniate: unknown Marp directive; did you mean 'paginate'?"]


def test_a_misspelt_method_or_loss_gets_a_suggestion_in_plain_words(write_spec):
    path = write_spec("""
        title: T
        slides:
          - {kind: gradient_descent, function: x**2, start: {x: 1}, learning_rate: 0.1, steps: 1, method: adm}
          - {kind: fit, model: w*x, data: [[1, 2]], params: {w: 0}, learning_rate: 0.1, steps: 1, loss: squared}
    """)
    assert [line.split(": ", 1)[1] for line in problems(path)] == [
        "slides[0].method: expected one of gd, momentum, nesterov, adagrad, rmsprop, adam, got 'adm'; "
        "did you mean 'adam'?",
        "slides[1].loss: expected one of squared_error, cross_entropy, got 'squared'; "
        "did you mean 'squared_error'?"]


@pytest.mark.parametrize("content, message", [
    (b"", "the file is empty"),
    (b"# only a comment, the lesson is still to be written\n", "the file is empty"),
    (b"title: x\ntitle: y\nslides: []\n", "duplicate key 'title' (first given on line 1)"),
    (b"\xff\xfe\x00", "the file is not UTF-8 text"),
    (b"title: x\n\tslides: 1\n", "not valid YAML: found character '\\t' that cannot start any token"),
    (b"- 1\n- 2\n", "a lesson spec is a mapping with 'title' and 'slides', got a list"),
    (b"title: [unclosed\n", "not valid YAML"),
])
def test_unreadable_files(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    found = problems(path)
    assert len(found) == 1 and message in found[0] and found[0].startswith(f"{path}:")


def test_alias_bombs_fail_fast(tmp_path):
    lines = ["a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]"]
    for index, name in enumerate("bcdefgh"):
        previous = "abcdefgh"[index]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    found = problems(path)
    assert "expands to more than" in found[0]


# -- symbols: the instructor's notation ----------------------------------------------------------

DESCENT = """
          - kind: gradient_descent
            function: w**2 + 12
            start: {w: 3}
            learning_rate: 0.1
            steps: 1
"""


def test_symbols_of_the_deck_reach_every_slide_and_a_slide_overrides_them(write_spec):
    path = write_spec(r"""
        title: T
        symbols:
          learning_rate: \lambda
          iterate: w^{(k)}
        slides:
    """ + DESCENT + DESCENT + """
            symbols: {learning_rate: a, iterate: x_t}
          - kind: fit
            model: w*x + b
            data: [[1, 2], [2, 3]]
            params: {w: 0, b: 0}
            learning_rate: 0.05
            steps: 1
            symbols: {loss: J, learning_rate: λ}
    """)
    deck = load_deck(path)
    first, second, fit = deck.slides
    assert deck.symbols == Symbols("lambda", "k", True, "L")
    assert first.symbols == Symbols("lambda", "k", True, "L")
    assert second.symbols == Symbols("a", "t", False, "L")
    assert fit.symbols == Symbols("lambda", "k", True, "J") and fit.descent.name == "J"


def test_without_symbols_the_notation_is_the_default(write_spec):
    deck = load_deck(write_spec("title: T\nslides:\n" + DESCENT))
    assert deck.symbols == Symbols() and deck.slides[0].symbols == Symbols("eta", None, False, "L")


@pytest.mark.parametrize("value, message", [
    (r"\frac{1}{2}", r"expected a Latin or Greek letter with an optional subscript, such as \lambda, a, "
                     r"\alpha_1 or a_{lr}; got \frac{1}{2}"),
    (r"\eta}\href{x}", r"expected a Latin or Greek letter with an optional subscript, such as \lambda, a, "
                       r"\alpha_1 or a_{lr}; got \eta}\href{x}"),
    (r"\foo", r"\foo is not a Greek letter (such as \alpha, \gamma, \lambda, \mu)"),
    (r"\beta", r"\beta already stands for the methods' β on the slides; choose another letter"),
    ("e", "e already stands for Euler's number on the slides; choose another letter"),
    ("t", "t may count the iterates (x_{t}); choose another letter"),
    ("ab", "expected a Latin or Greek letter with an optional subscript, such as \\lambda, a, \\alpha_1 or a_{lr}; "
           "got ab"),
])
def test_a_learning_rate_symbol_outside_the_whitelist_is_refused_with_its_line(write_spec, value, message):
    path = write_spec("title: T\nsymbols:\n  learning_rate: '" + value + "'\nslides:\n" + DESCENT)
    assert problems(path) == [f"{path}:3:18: symbols.learning_rate: {message}"]


def test_symbols_of_a_slide_are_validated_at_their_own_lines(write_spec):
    path = write_spec("""
        title: T
        slides:
    """ + DESCENT + """
            symbols:
              iterate: w_{q}
              loss: L_1
              rate: a
    """)
    assert problems(path) == [
        f"{path}:11:16: slides[0].symbols.iterate: the index of the iterates is one of i, k, n, t; got q",
        f"{path}:12:13: slides[0].symbols.loss: expected a Latin or Greek letter without a subscript, such as L, J "
        "or E; got L_1",
        f"{path}:13:7: slides[0].symbols.rate: unknown key; did you mean 'iterate'?",
    ]


def test_a_symbol_that_is_a_variable_of_the_slide_is_refused(write_spec):
    path = write_spec("""
        title: T
        symbols: {learning_rate: w}
        slides:
    """ + DESCENT + DESCENT + """
            symbols: {learning_rate: \\lambda, loss: \\lambda}
    """)
    assert problems(path) == [
        f"{path}:2:26: symbols.learning_rate: w is a variable of slides[0]; choose another letter",
        f"{path}:17:45: slides[1].symbols.loss: the learning rate is already \\lambda; choose another letter",
    ]


@pytest.mark.parametrize("letter", ["s", "j"])
def test_an_index_letter_the_checker_does_not_read_as_a_row_index_is_refused(tmp_path, letter):
    """Iteration tables bind the row number to i, k, n or t; x_s printed tables the checker read as symbols
    (found by the differential test, seed 7)."""
    spec = tmp_path / "lesson.yaml"
    spec.write_text(f"title: T\nsymbols: {{iterate: x_{letter}}}\nslides:\n  - kind: derivative\n"
                    "    function: x^2\n", encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load_deck(spec)
    assert f"the index of the iterates is one of i, k, n, t; got {letter}" in str(caught.value)
