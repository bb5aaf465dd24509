"""The paginator on real builds: an overlong generated slide continues on "(continued)" pages cut between blocks
(tables between rows with their head, lists between items), its directives on every page, its notes on the last;
the instructor's own slides and slides with ``split: false`` stay as written; the checker reads the result."""
from __future__ import annotations

from pathlib import Path

from generator.build import discard, stage_deck
from generator.check.extract import slide_breaks
from generator.pages import Owner, Pagination, geometry, paginate
from generator.pages.blocks import Block, blocks, stack_height
from generator.pages.formula import formula_box
from generator.pages.narrow import narrowed

MANY_RATES = """\
title: Rates
slides:
  - kind: learning_rates
    id: rates
    title: Many rates
    marp: {class: invert}
    notes: Say which one diverges.
    lead: >-
      Four learning rates on one bowl, from careful to reckless, each run for ten steps from the same start, so
      that the class sees the whole range at once: the slow creep, the fast and steady descent, the bouncing
      between the walls of the valley that still ends at the bottom, and the run that leaves the valley for
      good. Ask the class to predict each outcome before showing it.
    function: x**2 + x*y + y**2
    start: {x: 1.3, y: 5.4}
    learning_rates: [0.05, 0.3, 0.6, 0.7]
    steps: 10
    split: SPLIT
  - kind: markdown
    title: Notes of my own
    body: |
BODY
"""
LONG_BODY = "\n".join(f"      - a point of my own, number {number}, written by hand" for number in range(1, 25))


def build(write_spec, tmp_path: Path, split: str = "true") -> str:
    spec = write_spec(MANY_RATES.replace("SPLIT", split).replace("BODY", LONG_BODY))
    staged = stage_deck(spec, tmp_path / "out")
    try:
        return staged.documents[".md"]
    finally:
        discard(staged)


def pages(markdown: str) -> list[str]:
    lines = markdown.split("\n")
    starts = [b - 1 for b in slide_breaks(markdown)]
    return ["\n".join(lines[s + 1:e]) for s, e in zip(starts, starts[1:] + [len(lines)])]


def heading(page: str) -> str:
    return next((line[3:] for line in page.split("\n") if line.startswith("## ")), "")


def test_an_overlong_generated_slide_continues_on_pages_that_fit(write_spec, tmp_path):
    markdown = build(write_spec, tmp_path)
    rate_pages = [page for page in pages(markdown) if heading(page).startswith("Many rates")
                  and ":" not in heading(page)]
    assert [heading(page) for page in rate_pages] == ["Many rates", "Many rates (continued)"]
    page = geometry("verideck")
    for text in rate_pages:
        assert stack_height(blocks(text.split("\n")), page, lambda _: None) <= page.height
    items = [line for text in rate_pages for line in text.split("\n") if line.startswith("- $\\eta")]
    assert len(items) == 4  # every learning rate, once, in order
    assert items == sorted(items, key=lambda line: float(line.split("=")[1].split("$")[0]))


def test_directives_hold_on_every_page_and_notes_stay_on_the_last(write_spec, tmp_path):
    markdown = build(write_spec, tmp_path)
    rate_pages = [page for page in pages(markdown) if "## Many rates" in page]
    assert len(rate_pages) >= 3  # the first page, its continuation, the figure
    assert all("<!-- _class: invert -->" in page for page in rate_pages)
    assert ["Say which one diverges." in page for page in rate_pages] == [False] * (len(rate_pages) - 1) + [True]


def test_the_instructors_own_slide_is_left_as_written(write_spec, tmp_path):
    markdown = build(write_spec, tmp_path)
    own = [page for page in pages(markdown) if "Notes of my own" in page]
    assert len(own) == 1 and own[0].count("- a point of my own") == 24


def test_split_false_keeps_the_slide_on_the_pages_its_template_makes(write_spec, tmp_path):
    markdown = build(write_spec, tmp_path, split="false")
    assert "Many rates (continued)" not in markdown


def test_a_table_is_cut_between_rows_and_repeats_its_head():
    rows = "\n".join(f"| {n} | $x_{{{n}}} = {n}$ |" for n in range(1, 30))
    markdown = f"---\nmarp: true\n---\n\n# T\n\n---\n\n## Iterations\n\nThe steps:\n\n| n | x |\n|---|---|\n{rows}\n"
    layout = Pagination(geometry("verideck"), "{} (continued)".format, lambda _: None,
                        lambda line: Owner("slide", True) if line > 6 else Owner(None, False))
    result = pages(paginate(markdown, layout))
    assert [page.count("| n | x |") for page in result] == [1] * len(result)
    assert len(result) > 1
    assert "The steps:" in result[0]  # the lead stays with the table it introduces
    body_rows = [line for page in result for line in page.split("\n") if line.startswith("| ") and "$" in line]
    assert body_rows == rows.split("\n")


def test_a_page_that_fits_is_left_byte_for_byte():
    markdown = "---\nmarp: true\n---\n\n# T\n\n---\n\n## Short\n\nOne line.\n\n$$\nx = 1\n$$\n"
    layout = Pagination(geometry("verideck"), "{} (continued)".format, lambda _: None,
                        lambda line: Owner("slide", True))
    assert paginate(markdown, layout) == markdown


def test_a_continued_title_is_not_continued_twice():
    body = "\n\n".join(f"$$\nx_{{{n}}} = \\frac{{{n}}}{{2}}\n$$" for n in range(1, 16))
    markdown = f"---\nmarp: true\n---\n\n# T\n\n---\n\n## Steps (continued)\n\n{body}\n"
    layout = Pagination(geometry("verideck"), "{} (continued)".format, lambda _: None,
                        lambda line: Owner("slide", True) if line > 6 else Owner(None, False))
    headings = [line for line in paginate(markdown, layout).split("\n") if line.startswith("## ")]
    assert len(headings) > 1 and set(headings) == {"## Steps (continued)"}


def test_a_display_of_formulas_side_by_side_too_wide_for_the_page_is_set_on_several_lines():
    parts = [f"\\beta_{{{n}}} = 0.{n}99" for n in range(1, 13)]
    wide = Block("display", ("$$", ", \\qquad ".join(parts), "$$"))
    page = geometry("verideck")
    lines = narrowed(wide, page)
    assert len(lines) > 1
    assert all(formula_box(line.lines[1], True).width * 1.21 * 27 <= page.width for line in lines)
    written = " ".join(line.lines[1] for line in lines)
    assert [part for part in parts if part not in written] == []  # every formula, once, in order
    assert written.index(parts[-1]) > written.index(parts[0])


def test_a_single_wide_formula_and_a_pair_that_fits_are_left_alone():
    page = geometry("verideck")
    single = Block("display", ("$$", " + ".join(f"a_{{{n}}}" for n in range(60)), "$$"))
    pair = Block("display", ("$$", "x_{1} = 1, \\qquad y_{1} = 2", "$$"))
    assert narrowed(single, page) == [single] and narrowed(pair, page) == [pair]


def test_a_table_too_wide_for_a_4_3_page_repeats_its_first_column_in_each_part():
    head = "| method | " + " | ".join(f"$\\left(x_{{{n}}}, y_{{{n}}}\\right) \\approx \\left(1.234, 5.678\\right)$"
                                      for n in range(1, 5)) + " |"
    rows = [f"| run {n} | " + " | ".join("$\\approx \\left(1.234, 5.678\\right)$" for _ in range(4)) + " |"
            for n in range(3)]
    table = Block("table", (head, "|---|" + "---:|" * 4, *rows))
    parts = narrowed(table, geometry("verideck", "4:3"))
    assert len(parts) > 1
    assert all(part.lines[0].startswith("| method |") and part.lines[2].startswith("| run 0 |") for part in parts)
    assert sum(len(part.lines[0].split(" | ")) - 1 for part in parts) == 4  # each value column exactly once
    small = Block("table", ("| n | $x_{n}$ |", "|---|---:|", "| 1 | $0.5$ |"))
    assert narrowed(small, geometry("verideck", "4:3")) == [small]
