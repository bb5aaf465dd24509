"""Helpers shared by the solver tests: a one-slide lesson through the public path."""
from __future__ import annotations

import textwrap

from generator.solve import solve_slide
from generator.spec import load_deck


def solve_one(tmp_path, slide: str):
    """Write a one-slide lesson, load it through ``load_deck`` and solve its slide."""
    spec = tmp_path / "lesson.yaml"
    body = textwrap.indent(textwrap.dedent(slide).strip("\n"), "  ")
    spec.write_text(f"title: Test lesson\nslides:\n{body}\n", encoding="utf-8")
    deck = load_deck(spec)
    assert len(deck.slides) == 1
    return solve_slide(deck.slides[0])


def symbols_of(expr, *names):
    """The symbols of ``expr`` with the given names, in that order."""
    by_name = {s.name: s for s in expr.free_symbols}
    return tuple(by_name[name] for name in names)


def build_one(tmp_path, slides: str, header: str = "") -> str:
    """Build a lesson of ``slides`` (YAML items) through the real build, checker included; its Markdown.

    ``stage_deck`` refuses a deck in which the checker cannot verify every printed equality,
    so a returned deck has passed the checker.
    """
    from generator.build import discard, stage_deck

    spec = tmp_path / "lesson.yaml"
    body = textwrap.indent(textwrap.dedent(slides).strip("\n"), "  ")
    spec.write_text(f"title: Test lesson\n{textwrap.dedent(header)}slides:\n{body}\n", encoding="utf-8")
    staged = stage_deck(spec, tmp_path / "out")
    try:
        return staged.documents[".md"]
    finally:
        discard(staged)
