"""The mistakes found in real decks and posts, reproduced in small decks of our own words.

Same numbers and the same kind of slip as the originals: wrong arithmetic in plain-text
task solutions, derivative tables that forgot the primes, a Cyrillic letter inside a
formula, and a blog that sets a partial derivative equal to a vector.
"""
from __future__ import annotations

import textwrap

import pytest

from generator.check import check_markdown


def deck(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def wrong(report):
    return [f for f in report.findings if f.kind == "wrong"]


def describe(report) -> str:
    return "\n".join(f"{f.line}: {f.kind}: {f.text} — {f.message}" for f in report.findings)


def line_of(text: str, needle: str) -> int:
    (number,) = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    return number


# -- (a) a gradient-descent task solved in plain text --------------------------------------

PLAIN_TASK = deck("""
    ---
    marp: true
    math: katex
    ---

    # One step of gradient descent

    Take the function f(x, y) = x^2 + xy + y^2, and start
    from x = 1.3 and y = 5.4 with the learning rate 0.01.

    ---

    # Partial derivatives

    δf/δx = 2x + y

    δf/δy = x + 2y

    Put in the start values:

    δf/δx = 2 * 1.3 + 5.4 = 7

    δf/δy = 1.3 + 2 * 5.4 = 12.7

    ---

    # The update

    x_new = 1.3 - 0.01 * 7 = 1.226
    """)


def test_plain_task_arithmetic_is_wrong_three_times():
    report = check_markdown(PLAIN_TASK, plain=True)
    found = wrong(report)
    assert len(found) == 3, describe(report)
    assert [f.line for f in found] == [line_of(PLAIN_TASK, "= 7"), line_of(PLAIN_TASK, "= 12.7"),
                                       line_of(PLAIN_TASK, "= 1.226")]
    assert "8" in found[0].message
    assert "12.1" in found[1].message
    assert "1.23" in found[2].message


def test_plain_task_reads_the_function_and_point_from_prose():
    """δf/δx = 2x + y and δf/δx = 2 * 1.3 + 5.4 need f from the prose and the point x = 1.3, y = 5.4."""
    report = check_markdown(PLAIN_TASK, plain=True)
    verified = {(f.line, f.text) for f in report.findings if f.kind == "verified"}
    assert (line_of(PLAIN_TASK, "δf/δx = 2x + y"), r"\frac{\partial f}{\partial x} = 2x + y") in verified
    assert (line_of(PLAIN_TASK, "δf/δy = x + 2y"), r"\frac{\partial f}{\partial y} = x + 2y") in verified
    assert (line_of(PLAIN_TASK, "= 7"), r"\frac{\partial f}{\partial x} = 2 * 1.3 + 5.4") in verified, \
        describe(report)
    assert (line_of(PLAIN_TASK, "= 12.7"), r"\frac{\partial f}{\partial y} = 1.3 + 2 * 5.4") in verified, \
        describe(report)
    assert report.count("not understood") == 0, describe(report)


def test_plain_text_is_ignored_without_plain():
    report = check_markdown(PLAIN_TASK, plain=False)
    assert report.findings == [], describe(report)


def test_plain_task_with_decimal_commas_in_russian():
    text = deck("""
        ---
        marp: true
        math: katex
        lang: ru
        ---

        # Первый шаг

        Дана функция f(x, y) = x² + xy + y², начнём с x = 1,3 и y = 5,4.

        δf/δx = 2 * 1,3 + 5,4 = 7

        δf/δy = 1,3 + 2 * 5,4 = 12,1

        ---

        # Шаг

        x_new = 1,3 - 0,01 * 8 = 1,22
        """)
    report = check_markdown(text, plain=True)
    found = wrong(report)
    assert [f.line for f in found] == [line_of(text, "= 7")], describe(report)
    assert "8" in found[0].message


# -- (b) a table of derivatives that forgot the primes ------------------------------------

TABLE = deck(r"""
    ---
    marp: true
    math: katex
    ---

    # The derivatives to learn by heart

    | | | |
    |-|-|-|
    | $(x^n)' = nx^{n-1}$ | $\ln x = \dfrac{1}{x}$ | $(\log_a x)' = \dfrac{1}{x \ln a}$ |
    | $(e^x)' = e^x$ | $(\sin x)' = \cos x$ | $\tg x = \dfrac{1}{\cos^2 x}$ |
    | $(a^x)' = a^x \ln a$ | $(\cos x)' = -\sin x$ | $(\sqrt{x})' = \dfrac{1}{2\sqrt{x}}$ |

    ---

    # Next: the rules

    $$(u + v)' = u' + v'$$
    """)


def test_table_without_primes_gives_two_wrong():
    report = check_markdown(TABLE)
    found = wrong(report)
    assert len(found) == 2, describe(report)
    assert [(f.line, f.text) for f in found] == [
        (line_of(TABLE, r"\ln x = "), r"\ln x = \dfrac{1}{x}"),
        (line_of(TABLE, r"\tg x = "), r"\tg x = \dfrac{1}{\cos^2 x}"),
    ]


def test_table_correct_entries_are_verified():
    report = check_markdown(TABLE)
    verified = {f.text for f in report.findings if f.kind == "verified"}
    for claim in (r"(e^x)' = e^x", r"(\sin x)' = \cos x", r"(\cos x)' = -\sin x",
                  r"(\sqrt{x})' = \dfrac{1}{2\sqrt{x}}", r"(\log_a x)' = \dfrac{1}{x \ln a}",
                  r"(a^x)' = a^x \ln a", r"(u + v)' = u' + v'"):
        assert claim in verified, describe(report)


def test_table_with_primes_is_right():
    fixed = TABLE.replace(r"$\ln x = ", r"$(\ln x)' = ").replace(r"$\tg x = ", r"$(\tg x)' = ")
    report = check_markdown(fixed)
    assert report.count("wrong") == 0, describe(report)


# -- (c) a Cyrillic е in the sigmoid's derivative -----------------------------------------

SIGMOID = deck(r"""
    ---
    marp: true
    math: katex
    ---

    # The sigmoid

    $$\sigma(x) = \dfrac{1}{1 + e^{-x}}$$

    ---

    # Its derivative

    $$\sigma'(x) = \dfrac{e^{-x}}{(1 + е^{-x})^2}$$

    which is the same as $\sigma(x)(1 - \sigma(x))$.
    """)


def test_cyrillic_e_is_one_wrong_finding():
    report = check_markdown(SIGMOID)
    found = wrong(report)
    assert len(found) == 1, describe(report)
    assert found[0].line == line_of(SIGMOID, r"\sigma'(x)")
    assert "U+0435" in found[0].message
    assert "Cyrillic" in found[0].message


def test_latin_e_sigmoid_derivative_is_verified():
    report = check_markdown(SIGMOID.replace("\u0435", "e"))
    assert report.count("wrong") == 0, describe(report)
    assert report.count("verified") == 1, describe(report)


# -- (d) a blog that mixes up partial derivatives and the gradient ------------------------

BLOG = deck(r"""
    ---
    marp: true
    math: katex
    ---

    # Gradients, decoded

    Our example is $f(x, y) = x^2\sin(y)$.

    First the partial derivative by $x$, keeping $y$ fixed:

    $$\frac{\partial f}{\partial x} = 2x\sin(y)$$

    ---

    # The other variable

    then the partial derivative by $y$:

    $$\frac{\partial f}{\partial y} = \begin{bmatrix} x^2\cos(y) \\ 2x\sin(y) \end{bmatrix}$$

    and all together:

    $$\nabla f = \frac{\partial f}{\partial x} = \begin{bmatrix} x^2\cos(y) \\ 2x\sin(y) \end{bmatrix}$$
    """)


def test_partial_derivative_equal_to_a_vector_is_wrong():
    report = check_markdown(BLOG)
    line = line_of(BLOG, r"\frac{\partial f}{\partial y} = \begin")
    found = [f for f in report.findings if f.line == line]
    assert [f.kind for f in found] == ["wrong"], describe(report)
    assert "vector" in found[0].message, describe(report)


def test_gradient_equal_to_one_partial_derivative_is_wrong():
    report = check_markdown(BLOG)
    line = line_of(BLOG, r"\nabla f =")
    found = [f for f in report.findings if f.line == line]
    assert [f.kind for f in found] == ["wrong", "wrong"], describe(report)  # ∇f ≠ ∂f/∂x; ∂f/∂x is no vector
    assert all("vector" in f.message for f in found), describe(report)


def test_blog_correct_partial_is_verified():
    report = check_markdown(BLOG)
    line = line_of(BLOG, r"= 2x\sin(y)$$")
    assert [f.kind for f in report.findings if f.line == line] == ["verified"], describe(report)
    assert report.count("wrong") == 3, describe(report)


def test_blog_gradient_in_the_right_order_is_verified():
    text = BLOG + deck(r"""

        ---

        # Fixed

        $$\nabla f = \begin{bmatrix} 2x\sin(y) \\ x^2\cos(y) \end{bmatrix}$$
        """)
    report = check_markdown(text)
    line = line_of(text, r"\nabla f = \begin")
    assert [f.kind for f in report.findings if f.line == line] == ["verified"], describe(report)


@pytest.mark.parametrize("vector", [r"\begin{bmatrix} x^2\cos(y) \\ 2x\sin(y) \end{bmatrix}",
                                    r"\begin{pmatrix} x^2\cos(y) \\ 2x\sin(y) \end{pmatrix}"])
def test_gradient_with_swapped_components_is_wrong(vector: str):
    text = deck(r"""
        ---
        marp: true
        math: katex
        ---

        $$f(x, y) = x^2\sin(y)$$

        $$\nabla f = VECTOR$$
        """).replace("VECTOR", vector)
    report = check_markdown(text)
    assert [f.line for f in wrong(report)] == [line_of(text, r"\nabla")], describe(report)
