"""``lead:`` and ``after:`` on a generated slide: the instructor's paragraph under its heading and at its end,
placed as written, checked as the instructor's math, never in the handout."""
from __future__ import annotations

import pytest

from generator.build import build_deck, discard, stage_deck
from generator.cli import main
from generator.errors import CheckError, SpecError
from generator.spec import load_deck

LESSON = """\
title: T
slides:
  - kind: gradient_descent
    title: Down the valley
    function: x^2
    start: {x: 1}
    learning_rate: 0.1
    steps: 2
    lead: |
      Watch the step shrink:
      $0.1 \\cdot 2 = 0.2$ first.
    after: Each step is $0.8$ times the last.
    notes: Ask why.
  - kind: derivative
    id: ex-cube
    exercise: true
    function: x^3
    lead: Use the power rule.
    after: Then check with $3 \\cdot 1 = 3$.
"""


def write(tmp_path, text: str):
    spec = tmp_path / "lesson.yaml"
    spec.write_text(text, encoding="utf-8")
    return spec


def pages_of(deck: str) -> list[str]:
    return deck.split("\n---\n")[2:]  # after the front matter and the title page


def test_lead_sits_under_the_first_heading_and_after_ends_the_last_page_before_the_notes(tmp_path):
    build_deck(write(tmp_path, LESSON), tmp_path / "out", handout=True)
    pages = pages_of((tmp_path / "out" / "lesson.md").read_text(encoding="utf-8"))
    first_cube = next(index for index, page in enumerate(pages) if "x^{3}" in page)
    descent, cube = pages[:first_cube], pages[first_cube:]
    assert len(descent) > 1
    assert descent[0].startswith("\n## Down the valley\n\nWatch the step shrink:\n$0.1 \\cdot 2 = 0.2$ first.\n\n")
    assert descent[-1].rstrip().endswith("Each step is $0.8$ times the last.\n\n<!--\nAsk why.\n-->")
    assert sum("Watch the step" in page for page in pages) == 1
    assert sum("Each step is" in page for page in pages) == 1
    assert not any("power rule." in page or "Then check" in page for page in cube[:1])  # not on the question
    assert "\n\nUse the power rule.\n\n" in cube[1] and cube[-1].rstrip().endswith("Then check with $3 \\cdot 1 = 3$.")
    handout = (tmp_path / "out" / "lesson.handout.md").read_text(encoding="utf-8")
    assert "Use the power rule" not in handout and "Then check" not in handout


def test_a_fit_prints_its_lead_once_though_its_descent_has_a_heading_of_its_own(tmp_path):
    spec = write(tmp_path, """\
title: T
slides:
  - kind: fit
    model: w*x
    data: [[1, 2], [2, 4]]
    params: {w: 0}
    learning_rate: 0.1
    steps: 1
    lead: A line through the origin.
""")
    build_deck(spec, tmp_path / "out")
    assert (tmp_path / "out" / "lesson.md").read_text(encoding="utf-8").count("A line through the origin.") == 1


def test_true_instructor_math_in_lead_and_after_is_verified(tmp_path):
    staged = stage_deck(write(tmp_path, LESSON), tmp_path / "out")
    discard(staged)
    sources, lines = staged.sources[".md"], staged.documents[".md"].splitlines()
    lead = next(number for number, line in enumerate(lines, 1) if "0.1 \\cdot 2" in line)
    after = next(number for number, line in enumerate(lines, 1) if "3 \\cdot 1 = 3" in line)
    assert (sources.origin(lead).location.line, sources.origin(lead).instructor) == (11, True)  # the lead's 2nd line
    assert (sources.origin(after).location.line, sources.origin(after).instructor) == (19, True)
    assert staged.verdicts[".md"].failures == []


def test_a_false_claim_in_lead_fails_the_build_with_exit_1_at_the_lead_line(tmp_path, capsys):
    spec = write(tmp_path, "title: T\nslides:\n  - kind: derivative\n    function: x^3\n"
                           "    lead: Recall $2 + 2 = 5$.\n")
    assert main(["build", str(spec), "-o", str(tmp_path / "out")]) == 1
    assert f'{spec}:5 (slide "derivative-1"): wrong: 2 + 2 = 5' in capsys.readouterr().err
    assert not (tmp_path / "out" / "lesson.md").exists()


def test_a_false_identity_in_after_is_found_by_the_full_check_at_its_line(tmp_path):
    spec = write(tmp_path, "title: T\nslides:\n  - kind: derivative\n    title: Square\n    function: x^2\n"
                           "    after: |\n      Note that\n      $(x + 1)^2 = x^2 + 1$.\n")
    with pytest.raises(CheckError) as caught:
        stage_deck(spec, tmp_path / "out")
    assert f'{spec}:8 (slide "Square"): wrong: (x + 1)^2 = x^2 + 1' in str(caught.value)


def test_an_unchecked_formula_in_lead_is_the_instructors_to_skip(tmp_path):
    spec = write(tmp_path, "title: T\nslides:\n  - kind: derivative\n    function: x^3\n"
                           "    lead: Roughly $3 + 4 = 8 % unchecked$.\n")
    staged = stage_deck(spec, tmp_path / "out")
    discard(staged)
    assert staged.verdicts[".md"].skipped == 1 and staged.verdicts[".md"].failures == []


@pytest.mark.parametrize("text, message", [
    ("|\n      One.\n\n      Two.", "line 2 is a blank line (the text must stay one paragraph)"),
    ("|\n      One.\n      ---\n      Two.", "line 2 is a slide break '---'"),
    ("'# Big'", "line 1 is a heading (the slide prints its own)"),
    ("'Hidden <!-- x'", "line 1 is an HTML comment"),
    ("'A <span style=\"color: red\">red</span> word'", "line 1 is an HTML tag '<span style=\"color: red\">'"),
    ("''", "expected text, got an empty string"),
])
@pytest.mark.parametrize("key", ["lead", "after"])
def test_text_that_would_change_the_slide_is_refused_at_its_key(tmp_path, key, text, message):
    spec = write(tmp_path, f"title: T\nslides:\n  - kind: derivative\n    function: x^2\n    {key}: {text}\n")
    with pytest.raises(SpecError) as caught:
        load_deck(spec)
    assert f"lesson.yaml:5:{len(key) + 7}: slides[0].{key}: {message}" in str(caught.value)


def test_math_comparisons_are_not_taken_for_html_tags(tmp_path):
    spec = write(tmp_path, "title: T\nslides:\n  - kind: derivative\n    function: x^2\n"
                           "    lead: 'When $a<b$ and $c>d$, or $x <y$:'\n")
    lead = load_deck(spec).slides[0].lead
    assert lead is not None and lead.text == "When $a<b$ and $c>d$, or $x <y$:"


def test_a_markdown_slide_has_its_body_instead(tmp_path):
    spec = write(tmp_path, "title: T\nslides:\n  - kind: markdown\n    title: M\n    body: Text.\n"
                           "    lead: More.\n")
    with pytest.raises(SpecError) as caught:
        load_deck(spec)
    assert "lesson.yaml:6:5: slides[0].lead: unknown key" in str(caught.value)


EVERY_KIND = {
    "derivative": "function: x^3\n    at: 2",
    "gradient": "function: x^2 + y^2\n    at: {x: 1, y: 2}",
    "gradient_descent": "function: x^2\n    start: {x: 1}\n    learning_rate: 0.1\n    steps: 2",
    "fit": "model: w*x\n    data: [[1, 2], [2, 4]]\n    params: {w: 0}\n    learning_rate: 0.1\n    steps: 1",
    "learning_rates": "function: w^2\n    start: {w: 5}\n    learning_rates: [0.1, 0.9]\n    steps: 3",
    "compare_methods": "function: x^2\n    start: {x: 1}\n    steps: 2\n    runs:\n"
                       "      - {method: gd, learning_rate: 0.1}\n      - {method: momentum, learning_rate: 0.1}",
    "plot": "functions: ['sin(x)']\n    range: [-3, 3]",
}


@pytest.mark.parametrize("kind", list(EVERY_KIND))
def test_every_generated_kind_places_lead_after_and_notes(tmp_path, kind):
    spec = write(tmp_path, f"title: T\nslides:\n  - kind: {kind}\n    title: The slide\n    {EVERY_KIND[kind]}\n"
                           "    lead: The lead.\n    after: The end.\n    notes: The notes.\n")
    build_deck(spec, tmp_path / "out")
    deck = (tmp_path / "out" / "lesson.md").read_text(encoding="utf-8")
    assert deck.count("The lead.") == 1 and "\n## The slide\n\nThe lead.\n\n" in deck
    assert deck.rstrip().endswith("\n\nThe end.\n\n<!--\nThe notes.\n-->")
