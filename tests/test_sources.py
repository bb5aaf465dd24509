"""The source map: each line of a rendered deck traced back to its spec line, slide and author."""
from __future__ import annotations

from pathlib import Path

from generator.build import discard, stage_deck
from generator.errors import Location


def staged_sources(tmp_path: Path, spec_text: str, templates: Path | None = None):
    spec = tmp_path / "lesson.yaml"
    spec.write_text(spec_text, encoding="utf-8")
    staged = stage_deck(spec, tmp_path / "out", templates=templates)
    discard(staged)
    return spec, staged.documents[".md"].splitlines(), staged.sources[".md"]


LESSON = """\
title: Slopes
slides:
  - kind: derivative
    title: Cube
    function: x**3
  - kind: markdown
    title: Notes
    body: |
      First line.



      $$2 + 2 = 4$$
  - kind: markdown
    title: Notes
    body: "Again: $1 + 1 = 2$"
"""


def line_of(lines: list[str], text: str, start: int = 0) -> int:
    return next(number for number, line in enumerate(lines, 1) if number > start and text in line)


def test_lines_are_traced_to_their_slide_and_the_instructors_body_lines(tmp_path):
    spec, lines, sources = staged_sources(tmp_path, LESSON)
    assert sources.origin(1).location == Location(spec) and sources.origin(1).title == ""  # the title page
    derivative = sources.origin(line_of(lines, "3 x^{2}"))
    assert (derivative.location.line, derivative.title, derivative.instructor) == (3, "Cube", False)
    first = sources.origin(line_of(lines, "First line."))
    assert (first.location.line, first.title, first.instructor) == (9, "Notes", True)
    # three blank lines print as one; the formula still points at the line it is written on
    assert sources.origin(line_of(lines, "2 + 2 = 4")).location.line == 13
    heading = line_of(lines, "## Notes")
    assert sources.origin(heading).instructor is False  # the heading is ours, the body theirs
    again = sources.origin(line_of(lines, "Again:"))
    assert (again.location.line, again.instructor) == (16, True)  # a one-line body: the line of its key
    assert again.describe() == f'{spec}:16 (slide "Notes")'


def test_a_slide_whose_heading_a_template_leaves_out_joins_the_one_before(tmp_path):
    templates = tmp_path / "templates" / "slides"
    templates.mkdir(parents=True)
    (templates / "derivative.md.j2").write_text("$$\n{{ slide.function }}\n$$\n")
    spec, lines, sources = staged_sources(tmp_path, LESSON, templates.parent)
    assert sources.origin(line_of(lines, "x^{3}")).location == Location(spec)  # the title page's
    assert sources.origin(line_of(lines, "First line.")).location.line == 9
