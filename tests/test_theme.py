"""The verideck theme: the default of every deck that names none, validated names, and — measured in Chromium — a
title slide without a page number, text at projector sizes, and the two-column class putting the picture left."""
from __future__ import annotations

import pytest

from generator.build import discard, stage_deck
from generator.errors import SpecError
from generator.pipeline import build_decks

PLAIN = """\
title: Themes
marp: {paginate: true}
slides:
  - kind: markdown
    title: A picture and its formulas
    marp: {class: columns}
    body: |
      ![a square](square.svg)

      The area of a square of side $a$ is $a^2$.

      Its derivative: $\\frac{d}{da} a^2 = 2a$.
"""
SQUARE = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><rect width="300" height="300"/></svg>'


def markdown_of(write_spec, tmp_path, text: str) -> str:
    (tmp_path / "square.svg").write_text(SQUARE)
    staged = stage_deck(write_spec(text), tmp_path / "out")
    try:
        return staged.documents[".md"]
    finally:
        discard(staged)


def test_a_deck_without_a_theme_gets_verideck_and_no_inline_sizes(write_spec, tmp_path):
    markdown = markdown_of(write_spec, tmp_path, PLAIN)
    assert "\ntheme: verideck\n" in markdown
    assert "<style>" not in markdown  # the theme sets the sizes
    assert "<!-- _class: lead title -->" in markdown


@pytest.mark.parametrize("theme", ["default", "gaia", "uncover"])
def test_marp_themes_keep_working_with_verideck_sizes_inline(write_spec, tmp_path, theme):
    markdown = markdown_of(write_spec, tmp_path, PLAIN.replace("{paginate: true}", f"{{paginate: true, theme: {theme}}}"))
    assert f"\ntheme: {theme}\n" in markdown
    assert "section { font-size: 27px; }" in markdown


def test_an_unknown_theme_is_refused_at_its_line_with_a_suggestion(write_spec, tmp_path):
    spec = write_spec(PLAIN.replace("{paginate: true}", "{paginate: true, theme: verydeck}"))
    with pytest.raises(SpecError) as error:
        stage_deck(spec, tmp_path / "out")
    assert f"{spec}:2:" in str(error.value) and "marp.theme" in str(error.value)
    assert "verideck" in str(error.value)


TITLE_AND_COLUMNS_JS = r"""() => {
  const sections = [...document.querySelectorAll('svg[data-marpit-svg] > foreignObject > section')];
  const number = s => getComputedStyle(s, '::after').display === 'none' ? '' : getComputedStyle(s, '::after').content;
  const columns = sections[1];
  const picture = columns.querySelector('img').getBoundingClientRect();
  const text = [...columns.querySelectorAll('p')].filter(p => !p.querySelector('img'))
    .map(p => p.getBoundingClientRect());
  return {titleNumber: number(sections[0]), secondNumber: number(sections[1]),
          fontSize: parseFloat(getComputedStyle(columns).fontSize),
          pictureRight: picture.right, textLeft: Math.min(...text.map(r => r.left)),
          pictureTop: picture.top, textTop: Math.min(...text.map(r => r.top))};
}"""


@pytest.mark.browser
def test_the_title_hides_its_number_and_columns_put_the_picture_left(write_spec, tmp_path):
    from tools.screenshot import open_deck

    (tmp_path / "square.svg").write_text(SQUARE)
    run = build_decks([write_spec(PLAIN)], tmp_path / "out", formats=("html",))
    assert run.errors == [], [str(error) for error in run.errors]
    with open_deck(tmp_path / "out" / "lesson.html") as page:
        page.emulate_media(media="print")
        found = page.evaluate(TITLE_AND_COLUMNS_JS)
    assert found["titleNumber"] == ""
    assert found["secondNumber"] == '"2"'
    assert found["fontSize"] == 27
    assert found["pictureRight"] <= found["textLeft"]  # side by side, the picture on the left
    assert abs(found["pictureTop"] - found["textTop"]) < 40  # both start under the heading
