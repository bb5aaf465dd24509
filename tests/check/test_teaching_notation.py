"""Standard teaching notation in an instructor's own slides (issue 14, "Teaching notation understood").

Limits, ``:=``-style definitions, ``c = \\text{const}``, inequalities at points, norms and dot products of
vectors, and ``\\nabla L(w_t)`` in an update rule.  A true statement is verified, or classified as a
definition (no finding); a false one is wrong, or at least never verified; notation whose symbols have no
values is never wrong.
"""
from __future__ import annotations

import pytest

from generator.check import Kind, check_markdown
from generator.check.lints import lint


def kinds_of(formula: str) -> list[Kind]:
    report = check_markdown(f"---\nmarp: true\n---\n\n$${formula}$$\n")
    return [finding.kind for finding in report.findings]


def verified(formula: str) -> bool:
    kinds = kinds_of(formula)
    return bool(kinds) and set(kinds) == {Kind.VERIFIED}


# -- limits ------------------------------------------------------------------------------

DERIVATIVE_DEFINITION = r"f'(x_0) = \lim_{\Delta x \to 0} \frac{f(x_0 + \Delta x) - f(x_0)}{\Delta x}"


@pytest.mark.parametrize("definition", [
    DERIVATIVE_DEFINITION,
    r"f'(x) = \lim\limits_{h \to 0} \frac{f(x + h) - f(x)}{h}",
    r"y' = \lim_{\Delta x \to 0} \frac{\Delta y}{\Delta x}",
])
def test_the_definition_of_the_derivative_is_notation_not_a_claim(definition):
    assert kinds_of(definition) == []


def test_the_definition_of_the_derivative_holds_for_a_given_function():
    assert verified(r"f(x) = x^{2} \qquad " + DERIVATIVE_DEFINITION + r" = 2 x_0")
    assert Kind.WRONG in kinds_of(r"f(x) = x^{2} \qquad " + DERIVATIVE_DEFINITION + r" = 3 x_0")


@pytest.mark.parametrize("true_claim", [
    r"\lim_{x \to 0} \frac{\sin x}{x} = 1",
    r"\lim_{x \rightarrow 0} \frac{e^{x} - 1}{x} = 1",
    r"\lim_{x \to \infty} \frac{1}{x} = 0",
    r"\lim_{x \to +\infty} \left(1 + \frac{1}{x}\right)^{x} = e",
    r"\lim_{x \to -\infty} e^{x} = 0",
    r"\lim_{x \to 0^+} \frac{|x|}{x} = 1",
    r"\lim_{x \to 0^{-}} \frac{|x|}{x} = -1",
    r"\lim_{x \to 2} (x^{2} + 1) = 5",
    r"f(x) = x^{3} \qquad \lim_{h \to 0} \frac{f(2 + h) - f(2)}{h} = 12",
])
def test_a_limit_of_a_given_function_is_verified(true_claim):
    assert verified(true_claim), kinds_of(true_claim)


@pytest.mark.parametrize("false_claim", [
    r"\lim_{x \to 0} \frac{\sin x}{x} = 2",
    r"\lim_{x \to \infty} \frac{1}{x} = 1",
    r"\lim_{x \to 0^+} \frac{|x|}{x} = -1",
])
def test_a_wrong_limit_is_wrong(false_claim):
    assert Kind.WRONG in kinds_of(false_claim)


@pytest.mark.parametrize("unsure", [
    r"\lim_{x \to 0} \frac{|x|}{x} = 1",  # the one-sided limits differ: no limit
    r"\lim_{x \to 0} \frac{1}{x} = 0",  # infinite
    r"\lim_{x \to 0} \sin \frac{1}{x} = 0",  # oscillates
    r"\lim_{x \to 0} \frac{\sin x}{x} + x = 1",  # what the limit applies to is ambiguous
    r"x = 5 \qquad \lim_{x \to 0} \frac{\sin x}{x} = \frac{\sin 5}{5}",  # the limit's variable is bound
])
def test_a_limit_that_does_not_exist_or_is_ambiguous_is_never_verified(unsure):
    kinds = kinds_of(unsure)
    assert Kind.VERIFIED not in kinds and kinds, kinds


def test_a_bound_limit_variable_ignores_its_value_at_the_current_point():
    assert verified(r"x = 5 \qquad \lim_{x \to 0} \frac{\sin x}{x} = 1")


# -- definitions ---------------------------------------------------------------------------

@pytest.mark.parametrize("spelling", [
    ":=", r"\coloneqq", r"\overset{\text{def}}{=}", r"\stackrel{\text{def}}{=}", r"\mathrel{:=}", r"\equiv",
    r"\overset{\mathrm{def}}{=}", r"\stackrel{def}{=}",
])
def test_a_definition_defines_and_later_claims_use_it(spelling):
    assert kinds_of(rf"g(x) {spelling} x^2") == []
    assert verified(rf"g(x) {spelling} x^2 \qquad g(3) = 9")
    assert Kind.WRONG in kinds_of(rf"g(x) {spelling} x^2 \qquad g(3) = 10")


def test_an_unreadable_definition_is_not_understood():
    assert kinds_of(r"g(x) \coloneqq \sum_{i=1}^{x} i") == [Kind.NOT_UNDERSTOOD]


def test_a_definition_of_a_value_replaces_the_old_one():
    assert verified(r"a = 2 \qquad a := 5 \qquad a + 1 = 6")


def test_a_definition_of_notation_is_never_wrong():
    assert Kind.WRONG not in kinds_of(r"D_u L := \nabla L \cdot u")
    assert Kind.WRONG not in kinds_of(r"\sin^{2} x + \cos^{2} x \equiv 2")  # not a definition: never verified
    assert Kind.VERIFIED not in kinds_of(r"\sin^{2} x + \cos^{2} x \equiv 2")


@pytest.mark.parametrize("macro", ["coloneqq", "overset", "stackrel", "mathrel", "equiv", "lVert", "rVert", "Vert",
                                   "lim", "to", "infty"])
def test_the_lint_knows_the_macros_katex_renders(macro):
    assert lint(rf"a \{macro} b") == []


# -- constants -----------------------------------------------------------------------------

@pytest.mark.parametrize("statement", [r"c = \text{const}", r"C = \mathrm{const}", r"c = \text{const.}",
                                       r"c = \operatorname{const}"])
def test_a_constant_is_a_statement_not_a_claim(statement):
    assert kinds_of(statement) == []


def test_after_a_constant_its_derivative_rules_are_verified():
    assert verified(r"c = \text{const} \qquad (c x)' = c")
    assert verified(r"c = 5 \qquad c = \text{const} \qquad (c x^{2})' = 2 c x")
    assert Kind.WRONG in kinds_of(r"C = \mathrm{const} \qquad (C x)' = 0")


def test_const_is_not_a_value():
    assert Kind.VERIFIED not in kinds_of(r"\text{const} + 1 = \text{const}")


# -- inequalities at points --------------------------------------------------------------------

@pytest.mark.parametrize("true_claim", [
    r"L(w) = (w-1)^2 \qquad L'(0.5) < 0",
    r"L(w) = (w-1)^2 \qquad L'(2) > 0",
    r"L(w) = (w-1)^2 \qquad L'(1) \le 0",
    r"L(w) = (w-1)^2 \qquad L'(1) \leq 0",
    r"L(w) = (w-1)^2 \qquad L'(1) \ge 0",
    r"L(w) = (w-1)^2 \qquad L'(1) \geq 0",
    r"L(w) = (w-1)^2 \qquad L'(3) \ne 0",
    r"L(w) = (w-1)^2 \qquad L'(3) \neq 0",
])
def test_an_inequality_at_a_point_is_verified(true_claim):
    assert verified(true_claim), kinds_of(true_claim)


@pytest.mark.parametrize("false_claim", [
    r"L(w) = (w-1)^2 \qquad L'(0.5) > 0",
    r"L(w) = (w-1)^2 \qquad L'(2) \le 0",
    r"L(w) = (w-1)^2 \qquad L'(1) \neq 0",
])
def test_a_false_inequality_at_a_point_is_wrong(false_claim):
    assert Kind.WRONG in kinds_of(false_claim)


@pytest.mark.parametrize("condition", [
    r"L'(w) > 0",
    r"L(w) = (w-1)^2 \qquad L'(w) > 0",
    r"L(w) = (w-1)^2 \qquad L'(w) < 0",
    r"x \ne 0",
])
def test_a_general_inequality_is_a_condition_never_wrong_never_verified(condition):
    kinds = kinds_of(condition)
    assert Kind.WRONG not in kinds and Kind.VERIFIED not in kinds, kinds


def test_a_condition_says_which_names_have_no_values():
    report = check_markdown("---\nmarp: true\n---\n\n$$L(w) = (w-1)^2 \\qquad L'(w) > 0$$\n")
    assert [f.message for f in report.findings] == [
        "a condition on w (no value here), not a claim about numbers"]


# -- norms and dot products ------------------------------------------------------------------

@pytest.mark.parametrize("true_claim", [
    r"\lVert (3, 4) \rVert = 5",
    r"\left\lVert (3, 4) \right\rVert = 5",
    r"\|(3, 4)\| = 5",
    r"\Vert (3, 4) \Vert = 5",
    r"v = (3, 4) \qquad \|v\| = 5",
    r"\lVert \begin{pmatrix} 3 \\ 4 \end{pmatrix} \rVert = 5",
    r"\nabla L = (2, 6) \qquad \lVert \nabla L \rVert = \sqrt{2^2 + 6^2}",
    r"\nabla L = \begin{pmatrix} 2 \\ 6 \end{pmatrix} \qquad \lVert \nabla L \rVert = \sqrt{40}",
    r"L(a, b) = a^{2} + 3 b^{2} \qquad \nabla L(1, 1) = (2, 6) \qquad \lVert \nabla L(1, 1) \rVert = \sqrt{40}",
    r"(1, 2) \cdot (3, 4) = 11",
    r"\begin{pmatrix} 1 \\ 2 \end{pmatrix} \cdot \begin{pmatrix} 3 \\ 4 \end{pmatrix} = 11",
    r"u = (1, 2) \qquad v = (3, 4) \qquad u \cdot v = 11",
    r"2 \cdot (1, 2) = (2, 4)",
    r"(1, 2) + (3, 4) = (4, 6)",
    r"(1, 2) - (3, 4) = (-2, -2)",
    r"\eta = 0.1 \qquad w = (1, 2) \qquad w - \eta \cdot (10, 20) = (0, 0)",
    r"\lVert -3 \rVert = 3",
])
def test_norms_and_dot_products_of_concrete_vectors_are_verified(true_claim):
    assert verified(true_claim), kinds_of(true_claim)


@pytest.mark.parametrize("false_claim", [
    r"\lVert (3, 4) \rVert = 7",
    r"\|(3, 4)\| = 7",
    r"\|(3, 4)\| = (3, 4)",
    r"\nabla L = (2, 6) \qquad \lVert \nabla L \rVert = \sqrt{2^2 + 6^3}",
    r"(1, 2) \cdot (3, 4) = 10",
])
def test_a_wrong_norm_or_dot_product_is_wrong(false_claim):
    assert Kind.WRONG in kinds_of(false_claim)


@pytest.mark.parametrize("false_or_unsure", [
    r"2 \cdot (1, 2) = (1, 2, 1, 2)",  # a number times a tuple is not a repetition
    r"(1, 2) + (3, 4) = (1, 2, 3, 4)",  # a sum of tuples is not a concatenation
    r"(1, 2) + 3 = (4, 5)",
    r"\|(3, -4)\| = (3, 4)",  # the bars are not taken elementwise
    r"\lVert \begin{pmatrix} 3 \\ -4 \end{pmatrix} \rVert = \begin{pmatrix} 3 \\ 4 \end{pmatrix}",
    r"(1, 2) \times (3, 4) = 11",  # not a dot product
    r"(1, 2)(3, 4) = 11",
    r"(1, 2) \cdot (3, 4, 5) = 11",
])
def test_a_vector_is_never_misread(false_or_unsure):
    assert Kind.VERIFIED not in kinds_of(false_or_unsure)


@pytest.mark.parametrize("notation", [
    r"D_u L = \nabla L \cdot u = \lVert \nabla L \rVert \cos\theta",
    r"L(a, b) = a^{2} + 3 b^{2} \qquad D_u L = \nabla L \cdot u = \lVert \nabla L \rVert \cos\theta",
    r"\lVert \nabla L \rVert = \sqrt{2^2 + 6^2}",  # ∇L not printed before
    r"\|v\| = 5",
])
def test_notation_without_values_is_never_wrong(notation):
    kinds = kinds_of(notation)
    assert Kind.WRONG not in kinds and Kind.VERIFIED not in kinds, kinds


# -- ∇L(w_t) in an update rule -------------------------------------------------------------------

@pytest.mark.parametrize("rule", [
    r"w_{t+1} = w_t - \eta \nabla L(w_t)",
    r"w_{t+1} = w_{t} - \eta \cdot \nabla L(w_{t})",
    r"\mathbf{w}_{t+1} = \mathbf{w}_t - \eta \nabla L(\mathbf{w}_t)",
])
def test_an_update_rule_with_free_symbols_is_never_wrong(rule):
    assert Kind.WRONG not in kinds_of(rule)
    assert Kind.VERIFIED not in kinds_of(rule)


# -- the instructor's learning rate and iterates (symbols:) -------------------------------------------

def findings_of(*formulas: str) -> list[Kind]:
    """The findings of several display formulas, read in order as one slide."""
    report = check_markdown("---\nmarp: true\n---\n\n" + "\n\n".join(f"$${f}$$" for f in formulas) + "\n")
    return [finding.kind for finding in report.findings]


def descent_with(rate: str, value: str, rule: str, start: str = r"w_{0} = 3") -> tuple[str, ...]:
    return (r"f\left(w\right) = w^{2}", f"{rate} = {value}", start, rule)


@pytest.mark.parametrize("rate", [r"\lambda", "a", r"\alpha", r"\alpha_{1}", r"\gamma", "A"])
def test_the_chosen_learning_rate_drives_the_update_rule(rate):
    """λ = 0.1 and w_{i+1} = w_i − λ ∂f/∂w(w_i): w_1 and w_2 are computed from the rule itself."""
    rule = rf"w_{{i+1}} = w_{{i}} - {rate} \frac{{\partial f}}{{\partial w}}\left(w_{{i}}\right)"
    kinds = findings_of(*descent_with(rate, "0.1", rule), r"w_{1} = 3 - 0.1 \cdot 6 = 2.4", r"w_{2} = 1.92")
    assert kinds == [Kind.VERIFIED, Kind.VERIFIED, Kind.VERIFIED]


def test_iterates_written_with_a_superscript_and_another_index_are_followed():
    rule = r"w^{(k+1)} = w^{(k)} - a \frac{\partial f}{\partial w}\left(w^{(k)}\right)"
    kinds = findings_of(*descent_with("a", "0.05", rule, r"w^{(0)} = 3"), r"w^{(1)} = 3 - 0.05 \cdot 6 = 2.7",
                        r"w^{(2)} = 2.43")
    assert kinds == [Kind.VERIFIED, Kind.VERIFIED, Kind.VERIFIED]


def test_a_step_with_learning_rate_1_written_without_the_factor_is_verified():
    rule = r"w_{i+1} = w_{i} - \lambda \frac{\partial f}{\partial w}\left(w_{i}\right)"
    kinds = findings_of(*descent_with(r"\lambda", "1", rule, r"w_{0} = -2"), r"w_{1} = -2 - \left(-4\right) = 2")
    assert kinds == [Kind.VERIFIED, Kind.VERIFIED]
