"""The layout probe: every slide of the rendered HTML measured in headless Chromium — content past the page's edge
fails the build with its spec line and slide title (unless --allow-overflow), text drawn under 20 px is listed."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from generator.build import discard, stage_deck
from generator.errors import LayoutError
from generator.layout import LayoutProbe, Overflow, SlideLayout, report, slide_lines
from generator.pipeline import build_decks

ITEMS = "\n".join(f"      - point number {number} of a list far too long for one slide" for number in range(1, 19))
OVERLONG = f"""\
title: Layout
slides:
  - kind: markdown
    title: Fits
    body: A short slide with $x^2$.
  - kind: markdown
    title: Too long
    body: |
{ITEMS}
"""
WIDE = " + ".join(f"a_{{{number}}}" for number in range(1, 41))
SHRUNK = f"""\
title: Layout
slides:
  - kind: markdown
    title: Shrunk
    body: |
      $$
      {WIDE}
      $$
"""
NORMAL = """\
title: Layout
marp: {size: "4:3"}
slides:
  - kind: derivative
    title: A cube
    function: x**3
    at: 2
"""


def spec_line(spec: Path, text: str) -> int:
    return next(number for number, line in enumerate(spec.read_text().splitlines(), 1) if text in line)


def verideck(*args: str | Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)


# Without a browser: slides found in the Markdown, and findings written for people.

def test_slides_are_named_by_their_heading_in_the_order_marp_draws_them():
    markdown = "---\nmarp: true\n---\n\n# Title\n\n---\n\n## First\n\ntext\n\n---\n\nno heading\n\n---\n"
    assert slide_lines(markdown) == [1, 9, 15, 17]


def test_findings_name_the_spec_line_the_slide_and_the_measured_numbers(write_spec, tmp_path):
    spec = write_spec(OVERLONG)
    staged = stage_deck(spec, tmp_path / "out")
    discard(staged)
    fits = SlideLayout(1, "Fits", (1280, 720), (), 27.0, "<p>")
    too_long = SlideLayout(2, "Too long", (1280, 720), (Overflow("bottom", 85.3, '<li> "point number 18"'),),
                           11.2, "formula a_1")
    found = report(staged.documents[".md"], staged.sources[".md"],
                   [SlideLayout(0, "Layout", (1280, 720), (), 40.0, "<h1>"), fits, too_long], "lesson.md")
    line = spec_line(spec, "title: Too long") - 1  # the slide's entry
    assert found.slides == 3
    assert found.overflows == (f'{spec}:{line}:5 (slide "Too long"): overflow: content runs 85 px past the bottom of '
                               'the slide (slide 3 of lesson.md; furthest: <li> "point number 18")',)
    assert found.small_text == (f'{spec}:{line}:5 (slide "Too long"): smallest text 11 px (floor 20 px) '
                                '(slide 3 of lesson.md: formula a_1)',)


# In Chromium.

@pytest.mark.browser
def test_an_overlong_slide_fails_the_build_with_its_spec_line_and_title(write_spec, tmp_path):
    spec = write_spec(OVERLONG)
    out = tmp_path / "out"
    out.mkdir()
    (out / "lesson.md").write_text("the previous good deck\n")
    result = verideck("build", spec, "-o", out, "--probe")
    assert result.returncode == 1, result.stderr
    line = spec_line(spec, "title: Too long") - 1
    first, last = result.stderr.splitlines()
    assert first.startswith(f'{spec}:{line}:5 (slide "Too long"): overflow: content runs ')
    assert " px past the bottom of the slide (slide 3 of lesson.md; furthest: <li> \"point number" in first
    assert last == f"{out / 'lesson'}.md: not written: 1 slide(s) run off the page (--allow-overflow writes it anyway)"
    assert "Traceback" not in result.stderr
    assert sorted(path.name for path in out.iterdir()) == ["lesson.md"]  # nothing published, no staging left
    assert (out / "lesson.md").read_text() == "the previous good deck\n"


@pytest.mark.browser
def test_allow_overflow_builds_the_deck_and_lists_the_slide(write_spec, tmp_path):
    spec = write_spec(OVERLONG)
    out = tmp_path / "out"
    result = verideck("build", spec, "-o", out, "--to", "html", "--allow-overflow")
    assert result.returncode == 0, result.stderr
    line = spec_line(spec, "title: Too long") - 1
    assert result.stderr.startswith(f'warning: {spec}:{line}:5 (slide "Too long"): overflow: content runs ')
    assert len(result.stderr.splitlines()) == 1
    assert result.stdout.splitlines()[-1] == ("layout: 3 slides measured in Chromium, 1 slide(s) run off the page "
                                              "(--allow-overflow; listed)")
    assert sorted(path.name for path in out.iterdir()) == ["lesson.answers.json", "lesson.html", "lesson.md"]


@pytest.mark.browser
def test_a_slide_marp_shrinks_reports_its_drawn_text_size(write_spec, tmp_path):
    spec = write_spec(SHRUNK)
    run = build_decks([spec], tmp_path / "out", probe=True)
    assert run.errors == [] and run.overflows == [] and run.probed == 2
    (small,) = run.small_text
    line = spec_line(spec, "title: Shrunk") - 1
    prefix = f'{spec}:{line}:5 (slide "Shrunk"): smallest text '
    assert small.startswith(prefix) and "(slide 2 of lesson.md: formula a_{1} + a_{2}" in small
    size = int(small.removeprefix(prefix).split(" px")[0])
    assert 5 <= size < 20, small  # KaTeX draws it at ~35 px; Marp's auto-scaling shrinks the line to fit
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["lesson.answers.json", "lesson.md"]


@pytest.mark.browser
def test_a_normal_slide_passes_and_a_4_3_deck_is_measured_at_its_size(write_spec, tmp_path):
    spec = write_spec(NORMAL)
    run = build_decks([spec], tmp_path / "out", probe=True)
    assert run.errors == [] and run.overflows == [] and run.small_text == []
    assert run.probed == len(slide_lines((tmp_path / "out" / "lesson.md").read_text()))
    from generator.export import export
    from generator.toolchain import require_toolchain

    html = export(require_toolchain(), tmp_path / "out" / "lesson.md", "html")
    with LayoutProbe() as probe:
        slides = probe.measure(html)
    assert {slide.size for slide in slides} == {(960, 720)}
    assert all(slide.overflows == () and slide.smallest_text and slide.smallest_text >= 20 for slide in slides)


@pytest.mark.browser
def test_one_browser_measures_the_whole_build(write_spec, tmp_path):
    specs = [write_spec(NORMAL, "one.yaml"), write_spec(SHRUNK, "two.yaml"), write_spec(OVERLONG, "three.yaml")]
    before = LayoutProbe.launches
    run = build_decks(specs, tmp_path / "out", formats=("html",), handout=True)
    assert LayoutProbe.launches - before == 1
    assert [type(error) for error in run.errors] == [LayoutError]
    assert sorted(path.name for path in (tmp_path / "out").glob("*.html")) == ["one.html", "two.html"]


@pytest.mark.browser
def test_the_first_step_deck_fits_its_pages(tmp_path):
    """The one-step descent of two variables puts its new point and answer on a page of its own and the
    iteration tables keep six rows: gd-first-step.en builds without --allow-overflow (its step 1 ran 102 px
    off the page, every table 9 px)."""
    run = build_decks([ROOT / "decks" / "gd-first-step.en.yaml"], tmp_path, formats=("html",))
    assert run.errors == [], [str(error) for error in run.errors]


LONG_RATES = """\
title: Rates
slides:
  - kind: learning_rates
    title: Four rates
    split: SPLIT
    lead: >-
      Four learning rates on one bowl, from careful to reckless, each run for ten steps from the same start, so
      that the class sees the whole range at once: the slow creep, the fast and steady descent, the bouncing
      between the walls of the valley that still ends at the bottom, and the run that leaves the valley for
      good. Ask the class to predict each outcome before showing it, then compare the four endings.
    function: x**2 + x*y + y**2
    start: {x: 1.3, y: 5.4}
    learning_rates: [0.05, 0.3, 0.6, 0.7]
    steps: 10
"""


@pytest.mark.browser
def test_a_deliberately_overlong_slide_is_split_and_fits(write_spec, tmp_path):
    spec = write_spec(LONG_RATES.replace("SPLIT", "true"))
    run = build_decks([spec], tmp_path / "out", formats=("html",))
    assert run.errors == [], [str(error) for error in run.errors]
    assert "## Four rates (continued)" in (tmp_path / "out" / "lesson.md").read_text(encoding="utf-8")


@pytest.mark.browser
def test_with_splitting_disabled_the_overlong_slide_fails_the_build_by_name(write_spec, tmp_path):
    spec = write_spec(LONG_RATES.replace("SPLIT", "false"))
    result = verideck("build", spec, "-o", tmp_path / "out", "--to", "html")
    assert result.returncode == 1, result.stderr
    line = spec_line(spec, "- kind: learning_rates")
    assert f'{spec}:{line}:5 (slide "Four rates"): overflow: content runs' in result.stderr
    assert not (tmp_path / "out" / "lesson.html").exists()
