"""The formula sizes the paginator estimates from TeX, against KaTeX's own: never smaller than what KaTeX draws
(a page planned on them never overflows for a formula), and not much larger (pages are not wasted)."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

from generator.pages.formula import formula_box
from generator.toolchain import ToolchainError, require_toolchain

SIZES_SCRIPT = Path(__file__).with_name("katex_sizes.js")
UNDER = 0.05  # em KaTeX may draw more than the estimate (rounding of its font metrics)
OVER = 0.2  # the estimate may be 20 % (and 0.35 em) above KaTeX's


def golden_formulas() -> list[tuple[str, bool]]:
    found: dict[tuple[str, bool], None] = {}
    for deck in sorted((ROOT / "tests" / "golden").glob("*.md")):
        text = deck.read_text(encoding="utf-8")
        for match in re.finditer(r"\$\$\n(.*?)\n\$\$", text, re.DOTALL):
            found[(match.group(1), True)] = None
        for match in re.finditer(r"(?<!\$)\$([^$\n]+)\$(?!\$)", text):
            found[(match.group(1), False)] = None
    return list(found)


def katex_sizes(formulas: list[tuple[str, bool]]) -> list[float]:
    try:
        environment = require_toolchain().environment()
    except ToolchainError as error:
        pytest.fail(f"{error} — `make test` installs it with `npm ci`")
    result = subprocess.run(["node", str(SIZES_SCRIPT)], input=json.dumps(
        [{"latex": latex, "display": display} for latex, display in formulas]), capture_output=True, text=True,
        env=environment, check=True, timeout=300)
    return [size["height"] + size["depth"] for size in json.loads(result.stdout)]


def test_every_formula_of_the_example_decks_is_estimated_at_least_as_tall_as_katex_draws_it():
    formulas = golden_formulas()
    assert len(formulas) > 400
    drawn = katex_sizes(formulas)
    too_small = [(latex, round(formula_box(latex, display).total, 2), round(size, 2))
                 for (latex, display), size in zip(formulas, drawn)
                 if formula_box(latex, display).total < size - UNDER]
    too_large = [(latex, round(formula_box(latex, display).total, 2), round(size, 2))
                 for (latex, display), size in zip(formulas, drawn)
                 if formula_box(latex, display).total > size * (1 + OVER) + 0.35]
    assert too_small == []
    assert too_large == []


@pytest.mark.parametrize(("latex", "display"), [
    (r"x^{2}", False), (r"\frac{\partial f}{\partial x}\left(x_{t}, y_{t}\right)", True),
    (r"\begin{aligned} y' &= \left(x^{3}\right)' \\ &= 3 x^{2} \end{aligned}", True),
    (r"\left(\frac{1}{1 + e^{- x}}\right)^{2}", True), (r"\sqrt{v_{x}^{(t)} + \varepsilon}", True),
    (r"\sum_{i=1}^{n} \left(w x_{i} + b - y_{i}\right)^{2}", True), (r"\hat{y} = \sigma\left(w x + b\right)", False),
    (r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", True), (r"\underbrace{a + b}_{\text{sum}}", True),
    (r"f(x) = \begin{cases} x & x > 0 \\ 0 & \text{otherwise} \end{cases}", True),
])
def test_constructions_beyond_the_examples_are_not_underestimated(latex, display):
    [drawn] = katex_sizes([(latex, display)])
    assert formula_box(latex, display).total >= drawn - UNDER


def test_unknown_commands_and_unbalanced_input_do_not_break_the_estimate():
    assert formula_box(r"\unknowncommand{x} + \frac{1}{", True).total > 0
    assert formula_box(r"\left( x", False).total > 0
    assert formula_box("", True).total == 0
