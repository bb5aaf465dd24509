"""``marp:`` on one slide: Marp's local directives, printed as scoped comments on the instructor's slide only."""
from __future__ import annotations

import pytest

from generator.build import build_deck
from generator.errors import SpecError
from generator.spec import load_deck

LESSON = """\
title: T
slides:
  - kind: markdown
    title: Two columns
    body: Left and right.
    marp: {class: columns lead, paginate: false}
  - kind: derivative
    id: ex-cube
    exercise: true
    function: x^3
    marp:
      backgroundColor: '#fffbe6'
      color: rgb(20, 20, 20)
      header: 'Week 2: "power" rule'
      paginate: hold
  - kind: derivative
    function: x^2
"""


def build(tmp_path, text: str, handout: bool = False) -> str:
    spec = tmp_path / "lesson.yaml"
    spec.write_text(text, encoding="utf-8")
    build_deck(spec, tmp_path / "out", handout=handout)
    return (tmp_path / "out" / "lesson.md").read_text(encoding="utf-8")


def pages_of(deck: str) -> list[str]:
    """The slide pages after the title page (the front matter and the title page are the first two parts)."""
    return deck.split("\n---\n")[2:]


def test_directives_open_the_slides_first_page_as_scoped_comments_in_spec_order(tmp_path):
    pages = pages_of(build(tmp_path, LESSON, handout=True))
    assert pages[0].strip().startswith("<!-- _class: columns lead -->\n<!-- _paginate: false -->\n\n## Two columns")
    cube = [page for page in pages if "x^{3}" in page]
    question, solution = cube[0], cube[1]
    assert solution.strip().startswith('<!-- _backgroundColor: "#fffbe6" -->\n'
                                       '<!-- _color: "rgb(20, 20, 20)" -->\n'
                                       '<!-- _header: "Week 2: \\"power\\" rule" -->\n'
                                       "<!-- _paginate: hold -->\n\n## ")
    assert "<!-- _" not in question  # the exercise's question is verideck's own slide: plain
    assert "<!-- _" not in pages[-1]  # a slide without ``marp`` has none


def test_the_handout_and_key_carry_no_directives(tmp_path):
    build(tmp_path, LESSON, handout=True)
    for name in ("lesson.handout.md", "lesson.key.md"):
        text = (tmp_path / "out" / name).read_text(encoding="utf-8")
        assert "<!-- _" not in text.replace("<!-- _class: lead title -->", "")


def test_every_page_of_a_slide_carries_its_directives(tmp_path):
    deck = build(tmp_path, """\
title: T
slides:
  - kind: gradient_descent
    function: x^2
    start: {x: 1}
    learning_rate: 0.1
    steps: 2
    marp: {class: columns}
""")
    pages = pages_of(deck)
    assert len(pages) > 1
    assert all("<!-- _class: columns -->" in page for page in pages)


def refused(tmp_path, marp: str) -> str:
    spec = tmp_path / "lesson.yaml"
    spec.write_text(f"title: T\nslides:\n  - kind: derivative\n    function: x^2\n    marp: {marp}\n",
                    encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load_deck(spec)
    return str(caught.value)


@pytest.mark.parametrize("marp, where, message", [
    ("{clas: columns}", "5:12: slides[0].marp.clas", "unknown directive for one slide (a slide takes class, "
     "paginate, backgroundColor, color, header, footer); did you mean 'class'?"),
    ("{_class: columns}", "5:12: slides[0].marp._class", "did you mean 'class'?"),
    ("{theme: gaia}", "5:12: slides[0].marp.theme", "'theme' is set for the whole deck (the deck's marp:)"),
    ("{class: 'col;umns'}", "5:19: slides[0].marp.class", "expected CSS class names separated by spaces"),
    ("{class: 'a -->'}", "5:19: slides[0].marp.class", "got '-->'"),
    ("{paginate: maybe}", "5:22: slides[0].marp.paginate", "expected true, false, skip or hold, got 'maybe'"),
    ("{backgroundColor: '#ffff'}", "5:29: slides[0].marp.backgroundColor", "expected a colour such as '#fffbe6'"),
    ("{color: 'red; background: url(x)'}", "5:19: slides[0].marp.color", "expected a colour"),
    ("{color: 'rgb(1, 2, 3)) x'}", "5:19: slides[0].marp.color", "expected a colour"),
    ("{color: '#333 -->'}", "5:19: slides[0].marp.color", "expected a colour"),
    ("{header: 'a --> b'}", "5:20: slides[0].marp.header", "cannot contain '-->' (it would end the directive's"),
    ("{footer: '<!-- b'}", "5:20: slides[0].marp.footer", "cannot contain '<!--'"),
    ("columns", "5:11: slides[0].marp", "expected a mapping of Marp directives such as {class: columns}"),
])
def test_wrong_directives_are_refused_at_their_line(tmp_path, marp, where, message):
    problem = refused(tmp_path, marp)
    assert f"lesson.yaml:{where}: " in problem and message in problem


def test_an_unquoted_colour_is_a_yaml_comment_and_the_message_says_so(tmp_path):
    problem = refused(tmp_path, "\n      backgroundColor: #fffbe6")
    assert "lesson.yaml:6:23: slides[0].marp.backgroundColor: expected a colour, got nothing (quote a colour" \
        in problem


def test_every_wrong_directive_of_a_slide_is_listed(tmp_path):
    problems = refused(tmp_path, "{clas: columns, paginate: maybe}").splitlines()
    assert [line.split(": ")[1] for line in problems] == ["slides[0].marp.clas", "slides[0].marp.paginate"]


def test_accepted_directives_keep_their_spec_order_and_values(tmp_path):
    spec = tmp_path / "lesson.yaml"
    spec.write_text("title: T\nslides:\n  - kind: derivative\n    function: x^2\n    marp: {footer: 'p. 1', "
                    "paginate: true, color: white, backgroundColor: 'hsl(50, 100%, 95%)', class: '  a  b_c '}\n",
                    encoding="utf-8")
    directives = load_deck(spec).slides[0].marp
    assert directives is not None
    assert directives.scoped() == (("_footer", '"p. 1"'), ("_paginate", "true"), ("_color", '"white"'),
                                   ("_backgroundColor", '"hsl(50, 100%, 95%)"'), ("_class", "a b_c"))
