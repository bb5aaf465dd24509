"""A new slide kind is one folder, one template and one registration line (README, "How it works").

The example kind here, ``power_rule``, prints (xⁿ)' = n·xⁿ⁻¹ for the exponent a spec gives.  It is
declared the way a built-in kind is — a model whose fields are its YAML keys, a builder, a solver,
a view, its computed values — registered, and built end to end: the spec is validated with line
numbers, the printed equality passes the independent checker and KaTeX, and the answer file lists it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
import sympy
from sympy import Expr

from generator.converters import number, variable_name
from generator.errors import InternalError
from generator.expr import symbol
from generator.kinds import KINDS, SlideKind, register, unregister
from generator.model import SlideBase
from generator.pipeline import build_decks
from generator.schema import Invalid, Reported, spec_field
from generator.views.common import Context


@dataclass(frozen=True, kw_only=True)
class PowerRuleSlide(SlideBase):
    exponent: Expr = spec_field(number, required=True)
    variable: sympy.Symbol = spec_field(variable_name, default=symbol("x"))


@dataclass(frozen=True)
class PowerRuleSolution:
    slide: PowerRuleSlide
    function: Expr
    derivative: Expr


@dataclass(frozen=True)
class PowerRuleView:
    template = "power_rule"
    id: str
    title: str
    rule: str


def build(values: dict, node, scope, base: dict) -> PowerRuleSlide:
    if values["exponent"] == 0:
        raise Invalid("the exponent 0 makes a constant: choose another")
    return PowerRuleSlide(**values, **base)


def solve(slide: PowerRuleSlide) -> PowerRuleSolution:
    function = slide.variable ** slide.exponent
    return PowerRuleSolution(slide, function, sympy.diff(function, slide.variable))


def view(solution: PowerRuleSolution, ctx: Context) -> PowerRuleView:
    p, x = ctx.printer, solution.slide.variable
    return PowerRuleView(id=solution.slide.id, title=solution.slide.title or "The power rule",
                         rule=f"{p.prime('f', [x])} = {p.expr(solution.derivative)}")


def answers(solution: PowerRuleSolution):
    yield "derivative", solution.derivative


POWER_RULE = SlideKind("power_rule", PowerRuleSlide, build, solve, view, answers=answers)
TEMPLATE = "## {{ slide.title }}\n\n$$\n{{ slide.rule }}\n$$\n"
SPEC = """\
title: Powers
slides:
  - kind: derivative
    function: x**3
  - kind: power_rule
    id: cube
    exponent: 3
"""


@pytest.fixture
def power_rule(tmp_path):
    register(POWER_RULE)
    templates = tmp_path / "templates" / "slides"
    templates.mkdir(parents=True)
    (templates / "power_rule.md.j2").write_text(TEMPLATE)
    yield tmp_path / "templates"
    unregister("power_rule")


def test_a_registered_kind_builds_end_to_end(tmp_path, power_rule):
    spec = tmp_path / "powers.yaml"
    spec.write_text(SPEC)
    run = build_decks([spec], tmp_path / "out", templates=power_rule)
    assert run.errors == []
    markdown = (tmp_path / "out" / "powers.md").read_text()
    assert "## The power rule\n\n$$\nf'\\left(x\\right) = 3 x^{2}\n$$" in markdown
    answers = json.loads((tmp_path / "out" / "powers.answers.json").read_text())["answers"]
    assert {"slide": "cube", "what": "derivative", "value": "3*x**2", "latex": "3 x^{2}"} in answers


def test_its_fields_are_validated_like_any_kind(tmp_path, power_rule):
    spec = tmp_path / "powers.yaml"
    spec.write_text("title: Powers\nslides:\n  - kind: power_rule\n    exponent: fast\n  - kind: power_rule\n"
                    "    exponent: 0\n  - kind: power_rule\n    exponnent: 2\n")
    run = build_decks([spec], tmp_path / "out", templates=power_rule)
    lines = [line for error in run.errors for line in error.lines()]
    assert lines[:4] == [f"{spec}:4:15: slides[0].exponent: expected a number, got 'fast'",
                         f"{spec}:5:5: slides[1]: the exponent 0 makes a constant: choose another",
                         f"{spec}:7:5: slides[2]: missing required key 'exponent'",
                         f"{spec}:8:5: slides[2].exponnent: unknown key; did you mean 'exponent'?"]
    assert not (tmp_path / "out" / "powers.md").exists()


def test_a_name_and_a_model_are_registered_once(power_rule):
    assert KINDS["power_rule"] is POWER_RULE
    with pytest.raises(ValueError, match="already registered"):
        register(POWER_RULE)
    with pytest.raises(ValueError, match="PowerRuleSlide is already the model of 'power_rule'"):
        register(SlideKind("power_rule_2", PowerRuleSlide, build, solve, view))


def test_a_builder_that_gives_up_without_a_reason_is_a_bug_not_a_silent_refusal(tmp_path, power_rule):
    def silent(values, node, scope, base):
        raise Reported

    register(SlideKind("silent", SilentSlide, silent, solve, view))
    try:
        spec = tmp_path / "silent.yaml"
        spec.write_text("title: Silent\nslides:\n  - kind: silent\n    exponent: 2\n")
        run = build_decks([spec], tmp_path / "out", templates=power_rule)
    finally:
        unregister("silent")
    (error,) = run.errors
    assert isinstance(error, InternalError) and error.exit_code == 3
    assert "the spec was refused without a reason (this is a verideck bug" in str(error)


@dataclass(frozen=True, kw_only=True)
class SilentSlide(PowerRuleSlide):
    pass
