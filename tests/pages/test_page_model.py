"""The page model against the browser: every example deck and every lesson written from the seed sources, rendered
to HTML and measured by the layout probe in Chromium — no slide runs past its content area, no text is drawn
under 20 px, and the model the paginator plans with never estimates a page shorter than Chromium draws it."""
from __future__ import annotations

import pytest
from conftest import DECKS, ROOT

from generator.check.extract import slide_breaks
from generator.layout import probe
from generator.pages.blocks import blocks, stack_height
from generator.pages.geometry import geometry
from generator.pages.images import image_heights
from generator.pipeline import build_decks

LESSONS = sorted(DECKS.glob("*.yaml")) + sorted((ROOT / "tests" / "seed_lessons").glob("*.yaml"))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Every lesson, and one on a 4:3 page (narrower: its wide tables and formula lists are set anew)."""
    out, specs = tmp_path_factory.mktemp("rendered"), tmp_path_factory.mktemp("specs")
    narrow = specs / "gd-variants.ru.4x3.yaml"
    narrow.write_text((DECKS / "gd-variants.ru.yaml").read_text(encoding="utf-8").replace(
        "marp: {paginate: true}", 'marp: {paginate: true, size: "4:3"}'), encoding="utf-8")
    run = build_decks([*LESSONS, narrow], out, formats=("html",), handout=True)
    return out, run


@pytest.mark.browser
def test_every_slide_of_every_lesson_fits_its_page_and_reads_from_the_back(rendered):
    out, run = rendered
    assert [str(error) for error in run.errors] == []
    assert run.small_text == []
    assert len(list(out.glob("*.html"))) == len(LESSONS) + 3  # the practice deck's handout and key, the 4:3 deck


@pytest.mark.browser
def test_the_model_never_plans_a_page_shorter_than_chromium_draws_it(rendered):
    out, _ = rendered
    short = []
    for html, layouts in probe(sorted(out.glob("*.html"))).items():
        page = geometry("verideck", "4:3" if "4x3" in html.name else None)
        heights = image_heights(out, page)
        markdown = html.with_suffix(".md").read_text(encoding="utf-8")
        lines = markdown.split("\n")
        starts = [line - 1 for line in slide_breaks(markdown)]
        pages = [lines[start + 1:end] for start, end in zip(starts, starts[1:] + [len(lines)])]
        assert len(pages) == len(layouts) - 1  # the title page comes first
        for layout, lines_of_page in zip(layouts[1:], pages):
            planned = stack_height(blocks(lines_of_page), page, heights)
            if planned < layout.used_height - page.margin:
                short.append((html.name, layout.index + 1, layout.heading, round(planned), layout.used_height))
    assert short == []
