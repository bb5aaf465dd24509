"""Rendering rules: strict templates, and no generated text that breaks a Marp slide."""
from __future__ import annotations

import re

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
import pytest

from generator.errors import RenderError, TemplateInputError
from generator.render import environment, render_deck
from generator.kinds.markdown.view import MarkdownView
from generator.views import DeckView
from generator.kinds.derivative.view import DerivativeView


def deck_of(*slides) -> DeckView:
    return DeckView("en", "Title", "", "marp: true\nmath: katex", slides)


def derivative(**changes) -> DerivativeView:
    fields = dict(id="d", title="Derivative", continued_title="Derivative (continued)", derivation_lead="",
                  derivation=(), function="f(x) = x^{2}", layers_lead="", layers="", chain_lead="",
                  chain="", result_lead="Result:", result="f'(x) = 2 x", forms_lead="", forms=(), value_lead="",
                  value="")
    fields.update(changes)
    return DerivativeView(**fields)


def test_front_matter_title_and_slides():
    text = render_deck(deck_of(MarkdownView("m", "Hello", "Some *text*.\n"), derivative()))
    assert text.startswith("---\nmarp: true\nmath: katex\n---\n")
    assert "## Hello\n\nSome *text*.\n" in text
    assert "$$\nf'(x) = 2 x\n$$" in text
    assert text.count("\n---\n") == 3  # front matter end, two slide breaks


def test_generated_slide_breaks_are_refused():
    with pytest.raises(RenderError, match=r"d\.result: generated text contains a slide break"):
        render_deck(deck_of(derivative(result="a\n---\nb")))


def test_templates_are_strict(tmp_path):
    (tmp_path / "deck.md.j2").write_text("{{ deck.titel }}")
    with pytest.raises(TemplateInputError, match="titel"):
        render_deck(deck_of(), tmp_path)


def test_environment_uses_strict_undefined_in_the_sandbox():
    env = environment()
    assert env.undefined is jinja2.StrictUndefined and isinstance(env, ImmutableSandboxedEnvironment)


def test_an_instructors_template_replaces_ours_by_name(tmp_path):
    (tmp_path / "slides").mkdir()
    (tmp_path / "slides" / "markdown.md.j2").write_text("## {{ slide.title }} (ours)\n")
    assert "## Hello (ours)" in render_deck(deck_of(MarkdownView("m", "Hello", "Some *text*.\n")), tmp_path)


@pytest.mark.parametrize("template, message", [
    ("{{ deck.__class__.__mro__ }}", "SecurityError: access to attribute '__class__'"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "SecurityError"),
    ("{% set xs = [] %}{{ xs.append(1) }}", "SecurityError"),
    ("{% for x in range(10**9) %}x{% endfor %}", "Range too big"),
    ("{{ 1/0 }}", "ZeroDivisionError"),
    ("{% if %}", "deck.md.j2:1: template error: TemplateSyntaxError"),
])
def test_an_instructors_template_cannot_reach_python(tmp_path, template, message):
    (tmp_path / "deck.md.j2").write_text(template)
    with pytest.raises(TemplateInputError, match=re.escape(message)) as caught:
        render_deck(deck_of(), tmp_path)
    assert caught.value.exit_code == 2


def test_an_instructors_template_that_never_ends_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr("generator.render.TEMPLATE_SECONDS", 2.0)
    (tmp_path / "deck.md.j2").write_text("{% for a in range(99999) %}{% for b in range(99999) %}x{% endfor %}"
                                         "{% endfor %}")
    with pytest.raises(TemplateInputError, match="did not finish within 2 s"):
        render_deck(deck_of(), tmp_path)
