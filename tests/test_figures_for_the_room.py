"""Figures read from the back of the room: text at least 20 px on the 1280×720 slide, decimal commas in Russian.

The SVGs draw their text as paths, so the size is computed from what the slide shows: the Marp image size
(``h:330``, ``w:1150``) against the SVG's own size in points gives the scale, and 16 pt text at that scale
must be 20 px or more.
"""
from __future__ import annotations

import re
import textwrap

import matplotlib.pyplot as plt
import pytest

from generator.build import build_deck
from generator.drawing import STYLE, localize, projector_style
from generator.i18n import words_for

FLOOR_PX = 20
SLIDES = {
    "fit": """
        - kind: fit
          id: fig
          model: w*x + b
          input: x
          data: [[1, 2], [2, 3]]
          params: {w: 0, b: 0}
          learning_rate: 0.1
          steps: 2
          figure: true
        """,
    "plot": """
        - kind: plot
          id: fig
          functions: ["sin(x)", "cos(x)"]
          labels: ["sin x", "cos x"]
          range: [-3, 3]
          tangent_at: 1
        """,
    "learning_rates": """
        - kind: learning_rates
          id: fig
          function: w^2 + 1
          start: {w: 2}
          learning_rates: [0.1, 0.5, 0.9, 1.1]
          steps: 5
        """,
    "compare_methods": """
        - kind: compare_methods
          id: fig
          function: x^2 + 3*y^2
          start: {x: 2, y: 1}
          steps: 5
          runs: [{method: gd, learning_rate: 0.1}, {method: momentum, learning_rate: 0.05}]
        """,
    "gradient_descent": """
        - kind: gradient_descent
          id: fig
          function: x^2 + y^2
          start: {x: 2, y: 1}
          learning_rate: 0.1
          steps: 4
          figure: true
        """,
}


def _shown_scale(markdown: str, svg: str, name: str) -> float:
    """CSS px on the slide per SVG point, from the image's Marp size and the SVG's width and height."""
    size = re.search(rf"!\[(h|w):(\d+)[^\]]*\]\([^)]*{re.escape(name)}\)", markdown)
    assert size is not None, name
    width, height = (float(v) for v in re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups())
    return int(size.group(2)) / (height if size.group(1) == "h" else width)


PAGES = {"16:9": ("", 1152), "4:3": ('marp: {size: "4:3"}\n', 832), "gaia": ("marp: {theme: gaia}\n", 1140)}


@pytest.mark.parametrize("page", sorted(PAGES))
@pytest.mark.parametrize("kind", sorted(SLIDES))
def test_the_text_of_every_figure_is_at_least_20_px_on_the_slide(tmp_path, kind, page):
    """…and every figure is drawn to fit the deck's page (a narrower 4:3 page gets a narrower drawing, not one shrunk
    with its text)."""
    directives, content_width = PAGES[page]
    spec = tmp_path / "lesson.yaml"
    spec.write_text("title: T\nlang: ru\n" + directives + "slides:\n"
                    + textwrap.indent(textwrap.dedent(SLIDES[kind]).strip("\n"), "  ") + "\n", encoding="utf-8")
    build_deck(spec, tmp_path / "out")
    markdown = (tmp_path / "out" / "lesson.md").read_text(encoding="utf-8")
    figures = sorted((tmp_path / "out" / "lesson").glob("*.svg"))
    assert figures
    for figure in figures:
        scale = _shown_scale(markdown, figure.read_text(encoding="utf-8"), figure.name)
        smallest_pt = min(STYLE["font.size"], STYLE["legend.fontsize"])
        assert smallest_pt * scale >= FLOOR_PX, f"{figure.name}: {smallest_pt} pt shown at {smallest_pt * scale:.1f} px"
        width_pt = float(re.search(r'width="([\d.]+)pt"', figure.read_text(encoding="utf-8")).group(1))
        assert width_pt * scale <= content_width + 1, f"{figure.name}: {width_pt * scale:.0f} px wide"


@pytest.mark.parametrize("lang, decimal", [("ru", "0,4"), ("en", "0.4")])
def test_tick_labels_use_the_decks_decimal_separator(lang, decimal):
    with projector_style((660, 330)):
        figure, axes = plt.subplots()
        axes.plot([0, 1], [0, 1])
        localize(figure, words_for(lang))
        figure.canvas.draw()
        labels = [label.get_text() for label in axes.get_xticklabels()]
        plt.close(figure)
    assert decimal in labels, labels
