"""Rendering rules: strict templates, and no generated text that breaks a Marp slide."""
from __future__ import annotations

import jinja2
import pytest

from generator.errors import RenderError
from generator.render import environment, render_deck
from generator.views import DeckView, MarkdownView
from generator.views.derivative import DerivativeView


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
    with pytest.raises(RenderError, match="titel"):
        render_deck(deck_of(), environment(tmp_path))


def test_environment_uses_strict_undefined():
    assert environment().undefined is jinja2.StrictUndefined
