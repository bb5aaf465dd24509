"""``notes:`` on any slide: Marp's presenter notes, after the slide's last page, never in the handout."""
from __future__ import annotations

import pytest

from generator.build import build_deck
from generator.errors import SpecError
from generator.spec import load_deck

LESSON = """\
title: T
slides:
  - kind: markdown
    title: Why descend
    body: The loss goes down.
    notes: Ask who has skied down a valley.
  - kind: derivative
    id: ex-cube
    exercise: true
    function: x^3
    notes: |
      Remind them of the power rule.
      Then let them try (x^5)'.
  - kind: derivative
    function: x^2
"""


def test_notes_follow_their_slide_as_an_html_comment_and_stay_out_of_the_handout(tmp_path):
    spec = tmp_path / "lesson.yaml"
    spec.write_text(LESSON, encoding="utf-8")
    build_deck(spec, tmp_path / "out", handout=True)
    deck = (tmp_path / "out" / "lesson.md").read_text(encoding="utf-8")
    pages = deck.split("\n---\n")
    why = next(page for page in pages if "## Why descend" in page)
    assert why.rstrip().endswith("<!--\nAsk who has skied down a valley.\n-->")
    cube = [index for index, page in enumerate(pages) if "x^{3}" in page]
    # after the solution's last page, not after the question
    assert "Remind them of the power rule.\nThen let them try (x^5)'." in pages[cube[-1]]
    assert not any("Remind" in pages[index] for index in cube[:-1])
    assert deck.count("<!--\n") == 2  # (besides Marp directives such as <!-- _class: lead -->)
    handout = (tmp_path / "out" / "lesson.handout.md").read_text(encoding="utf-8")
    assert "Remind" not in handout and "<!--\n" not in handout


@pytest.mark.parametrize("notes, message", [
    ("'Then -->'", "notes cannot contain '-->'"),
    ("'<!-- hidden'", "notes cannot contain '<!--'"),
    ("|\n      One\n      ---\n      Two", "notes cannot contain a line '---'"),
])
def test_notes_that_would_break_the_deck_are_refused_at_their_line(tmp_path, notes, message):
    spec = tmp_path / "lesson.yaml"
    spec.write_text(f"title: T\nslides:\n  - kind: derivative\n    function: x^2\n    notes: {notes}\n",
                    encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load_deck(spec)
    assert f"lesson.yaml:5:12: slides[0].notes: {message}" in str(caught.value)
