"""The checker never verifies a false claim: what it cannot read for sure is "not understood", never a guess.

Each false claim here was once "verified" (issue 14): the checker read notation another way than a teacher
means it.  Each true claim beside it shows the right reading is kept where it is supported.
"""
from __future__ import annotations

import pytest

from generator.check import Kind, check_markdown


def kinds_of(formula: str) -> list[Kind]:
    report = check_markdown(f"---\nmarp: true\n---\n\n$${formula}$$\n")
    return [finding.kind for finding in report.findings]


@pytest.mark.parametrize("false_claim", [
    r"\operatorname{sech}(0) = 0",  # an unknown function is not a variable times its argument
    r"\mathrm{sech}(0) = 0",
    r"\operatorname{sech} x = \operatorname{sech} \cdot x",
    r"2\,000 = 2\,000\,000",  # thousands grouped with a thin space are one number
    r"1\,000 = 0",
    r"12\,34 = 408",  # not a grouping of thousands: refused, not multiplied
    r"\frac12 x = \frac{12}{x}",  # \frac takes one digit each: ½ x
    r"\sqrt23 = \sqrt{23}",
    r"\sin^{-1} 1 = \frac{1}{\sin 1}",  # the inverse function, not a reciprocal
    r"\tan^{-1} x = \frac{1}{\tan x}",
    r"\sinh^{-1} x = \frac{1}{\sinh x}",
    r"\frac{d f(x)}{dx} = \frac{f(x)}{x}",  # Leibniz notation, not a fraction
    r"\frac{d^2y}{dx^2} = \frac{d y}{x^2}",
    r"e^{(x+1)} = 5",
    r"f(x) = x^{3} \qquad \frac{\partial^2 f}{\partial x^3} = 6 x",  # orders that differ above and below
    r"f(x) = x^{3} \qquad \frac{\partial^2 f}{\partial x} = 6 x",
    r"\sec \pi = 1",  # sec is 1/cos: −1 at π
    r"\sec^{2} x = \cos^{2} x",
    r"\operatorname{arsinh} 0 = 1",  # not in the whitelist: refused, not a variable
    r"\boxed{2 + 3} = 6",
    r"|x| = x",  # true at every positive point: sample points of both signs refute it
    r"\sqrt{x^{2}} = x",
    r"(x - 1)^{100} = 0",  # tiny near 1: compared relatively, at points away from 1
    r"1.0000000001 x = x",  # exact decimals, compared exactly at rational points
    r"0.333333333333333 x^{2} = \frac{x^{2}}{3}",
    r"2^{\frac{1}{5.1} t} = 2^{0.196078431373 t}",  # equal to 13 digits: not equal
    r"(a^{b})^{c} = a^{b c}",  # true for positive a only: a = -2, b = 2, c = 1/2 refutes it
    r"\ln(x^{2}) = 2 \ln x + 1",
    r"\frac{d}{dx} \left(y f(x, y)\right) = y' f(x, y) + y \frac{d}{dx} f(x, y)",  # y is not y(x) here
    r"\cosec \frac{\pi}{2} = -1",
    r"\operatorname{arsinh} 1 = \ln 2",
    r"\sinh^{-1} 1 = 1",
    r"\operatorname{artanh} 0 = 1",
    r"\vert -3 \vert = -3",
    r"\left. \left(x^{2}\right)' \right|_{x=3} = 9",
    r"x_{i,j} = 2 \qquad x_{i,j} + 1 = 4",
    r"f(x, y) = x^{2} y^{3} \qquad \frac{\partial^2 f}{\partial x \partial y} = 6 x y",
    r"f(x, y) = x^{2} y^{3} \qquad \frac{\partial^3 f}{\partial x \partial y} = 6 x y^{2}",
    r"\frac{d^2 f}{dx\, dy} = 0",
    r"e^{-200} \approx 1.3840 \cdot 10^{-87}",  # e^{-200} = 1.38390e-87: the mantissa's last digit
    r"e^{-200} \approx 1.38 \cdot 10^{-88}",  # the exponent
    r"e^{50} \approx 5.184 \cdot 10^{21}",
    r"\left(x \left(y + 1\right)\right)^{2} = x \left(y + 1\right)^{2}",  # the power of the whole bracket
    r"\left(\left(x \left(2 x - 2\right)\right)^{3}\right)' = \left(x \left(2 x - 2\right)^{3}\right)'",
    r"\left(- \tanh{\left(3 w - 1 \right)}\right)' = - \frac{2}{\cosh^{2}{\left(3 w - 1 \right)}}",
    r"\frac{d(x^{2})}{dx} = x",  # the derivative of the bracket, not d·x²/(d·x)
    r"\frac{d(x^{2}) + 1}{dx} = \frac{x^{2} + \frac{1}{d}}{x}",
])
def test_a_false_claim_is_never_verified(false_claim):
    assert Kind.VERIFIED not in kinds_of(false_claim)


@pytest.mark.parametrize("true_claim", [
    r"\left(x \left(2 x - 2\right)\right)^{3} = x^{3} \left(2 x - 2\right)^{3}",
    r"x \left(y + 1\right)^{2} = x \cdot \left(y + 1\right)^{2}",
    r"2\,000 + 1\,500 = 3\,500",
    r"1\,000\,000 = 10^{6}",
    r"\frac12 \cdot 4 = 2",
    r"\frac12 x + \frac12 x = x",
    r"\sqrt4 = 2",
    r"\sin^{-1} 1 = \frac{\pi}{2}",
    r"\tan^{-1} 1 = \frac{\pi}{4}",
    r"\sin^{2} x + \cos^{2} x = 1",
    r"f(x) = x^{3} \qquad \frac{d f(x)}{dx} = 3 x^{2}",
    r"e^{(1 + 1)} = e^{2}",
    r"u^{(0)} = 3 \qquad u^{(1)} = 2 u^{(0)} = 6",
    r"f(x) = x^{3} \qquad \frac{\partial^2 f}{\partial x^2} = 6 x",
    r"f(x) = x^{3} \qquad \frac{d^{2} f}{d x^{2}} = 6 x",
    r"\frac{d^2}{dx^2} x^{4} = 12 x^{2}",
    r"\sec 0 = 1",
    r"\frac{d(x^{2})}{dx} = 2x",
    r"\left(- \tanh{\left(3 w - 1 \right)}\right)' = - \frac{3}{\cosh^{2}{\left(3 w - 1 \right)}}",
    r"e^{-200} \approx 1.3839 \cdot 10^{-87}",  # rounded in scientific form: the mantissa's places count
    r"-e^{50} \approx -5.185 \cdot 10^{21}",
    r"\left(\tg{\left(2 t - 1 \right)}\right)' = \frac{\left(2 t - 1\right)'}{\cos^{2}{\left(2 t - 1 \right)}}",
    r"\frac{d\left(x^{3}\right)}{dx} = 3 x^{2}",
    r"|x|^{2} = x^{2}",  # the variables of a lesson are real
    r"\ln(x y) = \ln x + \ln y",  # proven for positive values, true wherever both sides are defined
    r"\sqrt{\frac{k}{m}} \sqrt{\frac{m}{k}} = 1",  # k/m < 0 is outside the domain, not a counterexample
    r"\csc \frac{\pi}{2} = 1",
    r"\sec^{2} x = 1 + \tan^{2} x",
    r"\boxed{2 + 3} = 5",
    r"\overline{x} = 2 \qquad \bar{x} + 1 = 3",  # one name, however the bar is drawn
    r"2 \enspace + \thinspace 3 \! = 5",
    r"\lvert -3 \rvert = 3",
    r"f(x, y) = x^{2} y^{3} \qquad \frac{\partial^2 f}{\partial y^2}(1, 2) = 12",  # a bracketed superscript on another name is still an index
    r"\frac{d}{dx} \left(y f(x, y)\right) = y \frac{d}{dx} f(x, y)",  # the other arguments are independent
    r"\frac{d}{dx} \left(x y\right) = y",
    r"\cosec \frac{\pi}{2} = 1",
    r"\cosec^{2} x = 1 + \cot^{2} x",
    r"\operatorname{arsinh} 0 = 0",
    r"\operatorname{arsinh} 1 = \ln\left(1 + \sqrt{2}\right)",
    r"\operatorname{arcosh} 1 = 0",
    r"\operatorname{artanh} 0 = 0",
    r"\sinh^{-1} 1 = \operatorname{arsinh} 1",
    r"\cosh^{-1} 1 = 0",
    r"\tanh^{-1} x = \operatorname{artanh} x",
    r"\vert -3 \vert = 3",
    r"\left\vert -3 \right\vert = 3",
    r"\lvert x \rvert^{2} = x^{2}",
    r"\left. 2 + 3 \right. = 5",
    r"\left. \left(x^{2}\right)' \right|_{x=3} = 6",
    r"f(x) = x^{3} \qquad \left. f'(x) \right|_{x = 2} = 12",
    r"x_{i,j} = 2 \qquad x_{i,j} + 1 = 3",
    r"f(x, y) = x^{2} y^{3} \qquad \frac{\partial^2 f}{\partial x^2} = 2 y^{3}",
    r"f(x, y) = x^{2} y^{3} \qquad \frac{\partial^2 f}{\partial x \partial y} = 6 x y^{2}",
    r"f(x, y) = x^{2} y^{3} \qquad \frac{\partial^2 f}{\partial y \partial x}(1, 2) = 24",
    r"f(x, y) = x^{2} y^{3} \qquad \frac{\partial^3 f}{\partial x^2 \partial y} = 6 y^{2}",
])
def test_the_right_reading_verifies(true_claim):
    assert set(kinds_of(true_claim)) == {Kind.VERIFIED}, kinds_of(true_claim)


def test_a_bug_of_the_checker_on_one_formula_is_not_understood_and_the_rest_is_still_checked(monkeypatch):
    import generator.check as check

    real_parse = check.parse_formula

    def parse_or_break(latex, decimal_comma=False):
        if "broken" in latex:
            raise TypeError("a bug")
        return real_parse(latex, decimal_comma)

    monkeypatch.setattr(check, "parse_formula", parse_or_break)
    report = check_markdown("---\nmarp: true\n---\n\n$$\\text{broken} = 1$$\n\n$$2 + 2 = 5$$\n")
    assert [(finding.kind, finding.message) for finding in report.findings] == [
        (Kind.NOT_UNDERSTOOD, "the checker failed on it (TypeError: a bug); this is a verideck bug, please report it"),
        (Kind.WRONG, "the left side is 4")]


@pytest.mark.parametrize("formula, reason", [
    (r"\mleft( 2 + 3 \mright) = 5", r"\mleft"),  # KaTeX does not render \mleft … \mright
    (r"\sec^{-1} 2 = \frac{1}{\arccos 2}", r"\sec^{-1}"),  # arcsec x is arccos(1/x), not 1/arccos x
    (r"\cosec^{-1} 2 = \frac{1}{\arcsin 2}", r"\cosec^{-1}"),
    (r"\left. x^{2} \right|_{0}^{1} = 1", "evaluation between two points"),
])
def test_unsupported_notation_is_refused_by_name(formula, reason):
    report = check_markdown(f"---\nmarp: true\n---\n\n$${formula}$$\n")
    kinds = [finding.kind for finding in report.findings]
    assert Kind.VERIFIED not in kinds and Kind.NOT_UNDERSTOOD in kinds, report.findings
    assert any(reason in finding.message and "not supported" in finding.message for finding in report.findings), \
        report.findings


def test_a_rule_for_any_function_is_proven_symbolically():
    assert kinds_of(r"\left(\dfrac{f}{g}\right)' = \dfrac{f' g - f g'}{g^2}") == [Kind.VERIFIED]
    assert Kind.VERIFIED not in kinds_of(r"\left(\dfrac{f}{g}\right)' = \dfrac{f' g + f g'}{g^2}")


@pytest.mark.parametrize("formula", [r"f(2) = 4", r"g'(1) = 3", r"y(2 x) = 2 y(x)"])
def test_a_claim_about_a_function_not_defined_here_is_not_understood(formula):
    """Not wrong either: the function may be defined on another slide (a later check of the whole deck sees it)."""
    assert kinds_of(formula) == [Kind.NOT_UNDERSTOOD]


# -- updates with the instructor's learning rate (symbols:) --------------------------------------------

def _descent(rate: str, value: str, *claims: str) -> list[Kind]:
    rule = rf"w_{{i+1}} = w_{{i}} - {rate} \frac{{\partial f}}{{\partial w}}\left(w_{{i}}\right)"
    formulas = (r"f\left(w\right) = w^{2}", f"{rate} = {value}", r"w_{0} = 3", rule) + claims
    report = check_markdown("---\nmarp: true\n---\n\n" + "\n\n".join(f"$${f}$$" for f in formulas) + "\n")
    return [finding.kind for finding in report.findings]


@pytest.mark.parametrize("rate, value, false_claim", [
    (r"\lambda", "0.1", r"w_{1} = 2.5"),  # the step of another rate
    (r"\lambda", "0.1", r"w_{2} = 2.4"),  # one step short
    (r"\lambda", "0.1", r"w_{1} = 3 - 0.1 \cdot 6 = 2.5"),
    (r"\lambda", "0.1", r"w_{1} = 3 + 0.1 \cdot 6"),  # up the gradient
    ("a", "0.05", r"w_{2} = 2.5"),  # w_2 = 2.43
    (r"\lambda", "1", r"w_{1} = -2 - \left(-4\right) = 3"),  # the working of η = 1 without its factor
    (r"\lambda", "1", r"w_{1} = 3 - 6 = -2"),
])
def test_a_wrong_update_with_the_instructors_learning_rate_is_wrong(rate, value, false_claim):
    kinds = _descent(rate, value, false_claim)
    assert Kind.WRONG in kinds and Kind.VERIFIED not in kinds[-1:], kinds


def test_a_rule_whose_rate_was_never_given_verifies_nothing():
    """The rule uses λ, the slide gave η: the iterates cannot be computed, never guessed."""
    rule = r"w_{i+1} = w_{i} - \lambda \frac{\partial f}{\partial w}\left(w_{i}\right)"
    formulas = (r"f\left(w\right) = w^{2}", r"\eta = 0.1", r"w_{0} = 3", rule, r"w_{1} = 2.4")
    report = check_markdown("---\nmarp: true\n---\n\n" + "\n\n".join(f"$${f}$$" for f in formulas) + "\n")
    assert Kind.VERIFIED not in [finding.kind for finding in report.findings]


SIGMOID = r"$$\sigma\left(z\right) = \frac{1}{1 + e^{- z}}$$" + "\n\n"


def sigmoid_kinds(formula: str) -> list[Kind]:
    """The findings of ``formula`` after the definition of σ a fit slide prints above its model."""
    report = check_markdown(f"---\nmarp: true\n---\n\n{SIGMOID}$${formula}$$\n")
    return [finding.kind for finding in report.findings]


@pytest.mark.parametrize("false_claim", [
    r"\sigma\left(0\right) = 1",
    r"\sigma\left(-3\right) \approx 0.5",
    r"\sigma\left(-3\right) \approx 0.04744",
    r"\sigma\left(-2 \cdot 0.5 - 2\right) = \sigma\left(-2\right)",
    r"\sigma\left(1\right) + \sigma\left(-1\right) = 2",
])
def test_a_false_value_of_the_defined_sigmoid_is_refused(false_claim):
    assert Kind.VERIFIED not in sigmoid_kinds(false_claim)
    assert Kind.WRONG in sigmoid_kinds(false_claim)


@pytest.mark.parametrize("true_claim", [
    r"\sigma\left(0\right) = 0.5",
    r"\sigma\left(-3\right) \approx 0.04743",
    r"\sigma\left(1\right) + \sigma\left(-1\right) = 1",
])
def test_a_value_of_the_defined_sigmoid_is_verified(true_claim):
    assert sigmoid_kinds(true_claim) == [Kind.VERIFIED] * len(sigmoid_kinds(true_claim))


@pytest.mark.parametrize("claim", [r"\sigma\left(0\right) = 1", r"\sigma\left(0\right) = 0.5"])
def test_an_undefined_sigma_is_never_verified(claim):
    assert Kind.VERIFIED not in kinds_of(claim)


@pytest.mark.parametrize("false_claim", [
    # each rounded number must be the rounding of the part it stands for
    r"\sigma\left(-3\right) + \sigma\left(-6\right) \approx 0.04743 + 0.002474",
    r"\sigma\left(-3\right) + \sigma\left(-6\right) \approx 0.04743 + 0.5",
    r"-2 - 0.5 \cdot \sigma\left(-3\right) \approx -2 - 0.5 \cdot 0.04",
    # the parts that are not rounded must be the same
    r"-2 - 0.5 \cdot \sigma\left(-3\right) \approx -2 - 0.6 \cdot 0.04743",
    r"-2 - 0.5 \cdot \sigma\left(-3\right) \approx -2 + 0.5 \cdot 0.04743",
    r"\sigma\left(-3\right) + \sigma\left(-6\right) \approx 0.04743 \cdot 0.002473",
    r"\sigma\left(-3\right) - \sigma\left(3\right) \approx 0.04743 + \left(-0.9526\right) \approx -0.9051",
])
def test_a_working_with_wrongly_rounded_numbers_is_not_verified(false_claim):
    kinds = sigmoid_kinds(false_claim)
    assert kinds and set(kinds) != {Kind.VERIFIED}, kinds


@pytest.mark.parametrize("true_claim", [
    r"\sigma\left(-3\right) + \sigma\left(-6\right) \approx 0.04743 + 0.002473 \approx 0.0499",
    r"-2 - 0.5 \cdot \sigma\left(-3\right) \approx -2 - 0.5 \cdot 0.04743 \approx -2.024",
    # the last link is recomputed from the printed numbers: −0.90517 (the exact difference is −0.905148)
    r"\sigma\left(-3\right) - \sigma\left(3\right) \approx 0.04743 + \left(-0.9526\right) \approx -0.9052",
])
def test_a_working_with_rounded_numbers_is_verified_part_by_part(true_claim):
    kinds = sigmoid_kinds(true_claim)
    assert kinds and set(kinds) == {Kind.VERIFIED}, kinds
