"""``figure:`` options of the descent kinds: parsing and its errors, the zoomed view, which figures are drawn,
the learning-rate panels' sizes and fonts, and the same SVG for the same input."""
from __future__ import annotations

import re

import numpy as np
import pytest
from sympy import Rational

from generator.build import build_deck
from generator.errors import SpecError
from generator.kinds.gradient_descent.drawing import ASPECT, contour_view, curve_range, path_coordinates, square
from generator.kinds.gradient_descent.figure_options import NO_FIGURE, FigureOptions
from generator.kinds.gradient_descent.solve import solve_descent
from generator.kinds.learning_rates.drawing import PANEL
from generator.spec import load_deck

DESCENT = """
    title: Lesson
    lang: {lang}
    slides:
      - kind: gradient_descent
        id: d
        function: {function}
        start: {start}
        learning_rate: {rate}
        steps: {steps}
        figure: {figure}
"""


def descent_spec(write_spec, figure: str, lang: str = "en", function: str = "x**2 + x*y + y**2",
                 start: str = "{x: 1.3, y: 5.4}", rate: str = "0.01", steps: int = 1):
    return write_spec(DESCENT.format(lang=lang, function=function, start=start, rate=rate, steps=steps,
                                     figure=figure))


def options(write_spec, figure: str) -> FigureOptions:
    return load_deck(descent_spec(write_spec, figure)).slides[0].figure


def problems(path) -> list[str]:
    with pytest.raises(SpecError) as caught:
        load_deck(path)
    return caught.value.lines()


# -- parsing --

def test_true_and_false_keep_their_meaning(write_spec):
    assert options(write_spec, "true") == FigureOptions(path=True, loss=True)
    assert options(write_spec, "false") == NO_FIGURE


def test_a_mapping_of_options_with_exact_numbers(write_spec):
    parsed = options(write_spec, "{loss: false, xlim: [-2, 1.3], ylim: [-1, 4], zoom: false}")
    assert parsed == FigureOptions(path=True, loss=False, xlim=(-2, Rational(13, 10)), ylim=(-1, 4), zoom=False)
    assert options(write_spec, "{}") == FigureOptions(path=True, loss=True, zoom=None)


@pytest.mark.parametrize("figure, message", [
    ("{zom: true}", "slides[0].figure.zom: unknown key; did you mean 'zoom'?"),
    ("{path: 3}", "slides[0].figure.path: expected true or false, got 3"),
    ("{xlim: [3, 1]}", "slides[0].figure.xlim: low must be below high, got [3, 1]"),
    ("{ylim: [1]}", "slides[0].figure.ylim: expected at least 2 item(s), got 1"),
    ("{xlim: [0, 1], ylim: [0, 1], zoom: true}", "slides[0].figure.zoom: xlim and ylim give the whole range"),
    ("often", "slides[0].figure: expected true, false or a mapping such as {path: …"),
])
def test_mistakes_are_reported_at_their_line(write_spec, figure, message):
    path = descent_spec(write_spec, figure)
    [problem] = problems(path)
    assert problem.startswith(f"{path}:10:"), problem
    assert message in problem, problem


def test_the_kinds_with_one_figure_of_paths_take_no_loss_option(write_spec):
    path = write_spec("""
        title: Lesson
        slides:
          - kind: compare_methods
            function: x^2 + 3*y^2
            start: {x: 2, y: 1}
            steps: 5
            runs: [{method: gd, learning_rate: 0.1}, {method: momentum, learning_rate: 0.05}]
            figure: {loss: true}
    """)
    assert problems(path) == [f"{path}:8:14: slides[0].figure.loss: unknown key"]


# -- the view --

def _descent(write_spec, figure: str, **spec):
    return solve_descent(load_deck(descent_spec(write_spec, figure, **spec)).slides[0])


@pytest.mark.parametrize("steps", [1, 2])
def test_a_short_run_is_zoomed_in_on_and_every_iterate_is_in_view(write_spec, steps):
    descent = _descent(write_spec, "true", steps=steps)
    points = path_coordinates(descent)
    (x_low, x_high), (y_low, y_high) = contour_view(descent.slide.figure, points[:, 0], points[:, 1], ASPECT)
    assert np.all((x_low < points[:, 0]) & (points[:, 0] < x_high))
    assert np.all((y_low < points[:, 1]) & (points[:, 1] < y_high))
    (full_low, full_high), _ = square(points[:, 0], points[:, 1])
    assert x_high - x_low < (full_high - full_low) / 10


def test_zoom_false_keeps_the_full_range_and_limits_are_taken_as_given(write_spec):
    descent = _descent(write_spec, "{zoom: false}")
    points = path_coordinates(descent)
    assert contour_view(descent.slide.figure, points[:, 0], points[:, 1], ASPECT) == square(points[:, 0],
                                                                                             points[:, 1])
    limited = _descent(write_spec, "{xlim: [-2, 3], ylim: [-1, 4]}")
    assert contour_view(limited.slide.figure, points[:, 0], points[:, 1], ASPECT) == ((-2, 3), (-1, 4))


def test_a_one_variable_curve_is_zoomed_in_on_too(write_spec):
    descent = _descent(write_spec, "true", function="w**2 + 1", start="{w: 2}", rate="0.05", steps=2)
    ws = path_coordinates(descent)[:, 0]
    low, high = curve_range(descent.slide.figure, ws)
    assert low < ws.min() and ws.max() < high and high - low < 1
    assert curve_range(FigureOptions(path=True, zoom=False), ws)[0] < -2


# -- drawn figures --

def _build(write_spec, tmp_path, text: str):
    build_deck(write_spec(text), tmp_path / "out")
    return (tmp_path / "out" / "lesson.md").read_text(encoding="utf-8"), tmp_path / "out" / "lesson"


def test_path_false_draws_no_path_figure(write_spec, tmp_path):
    markdown, folder = _build(write_spec, tmp_path, DESCENT.format(
        lang="en", function="x**2 + y**2", start="{x: 2, y: 1}", rate="0.1", steps=3, figure="{path: false}"))
    assert sorted(p.name for p in folder.glob("*.svg")) == ["d-loss.svg"]
    assert "d.svg" not in markdown


RATES = """
    title: Lesson
    lang: ru
    slides:
      - kind: learning_rates
        id: r
        function: x**2 + x*y + y**2
        start: {x: 1.3, y: 5.4}
        learning_rates: [0.1, 0.6, 0.7, 0.05]
        steps: 6
"""
SVG_SIZE = re.compile(r'<svg[^>]*width="([\d.]+)pt" height="([\d.]+)pt"')
PT = 96 / 72  # px on the page per SVG point: the figures are shown at their own size


def test_four_rates_take_two_figures_of_two_panels_each_wide_and_readable(write_spec, tmp_path):
    markdown, folder = _build(write_spec, tmp_path, RATES)
    shown = re.findall(r"!\[h:(\d+) [^\]]*\]\(lesson/(r-panels[^)]*)\)", markdown)
    assert [name for _, name in shown] == ["r-panels.svg", "r-panels-2.svg"]
    for height, name in shown:
        svg = (folder / name).read_text(encoding="utf-8")
        width_pt, height_pt = (float(v) for v in SVG_SIZE.search(svg).groups())
        assert int(height) == round(height_pt * PT) == PANEL[1]  # drawn at the size it is shown
        assert width_pt * PT / 2 >= 500  # each of the two panels
        assert width_pt * PT <= 1152  # within the content box


def test_panel_fonts_are_at_least_20_px(monkeypatch, write_spec, tmp_path):
    """Every text of a panel (ticks, titles, contour labels) at its size on the page."""
    import matplotlib.text

    sizes: list[float] = []
    original = matplotlib.text.Text.draw

    def record(self, renderer):
        if self.get_text() and self.get_visible():
            sizes.append(self.get_fontsize())
        return original(self, renderer)

    monkeypatch.setattr(matplotlib.text.Text, "draw", record)
    _build(write_spec, tmp_path, RATES)
    assert sizes and min(sizes) * PT >= 20, sorted(set(sizes))


def test_the_same_input_draws_byte_identical_figures(write_spec, tmp_path):
    spec = write_spec(RATES.replace("lang: ru", "lang: ru\n    precision: 4") + """
      - kind: gradient_descent
        id: d
        function: x**2 + x*y + y**2
        start: {x: 1.3, y: 5.4}
        learning_rate: 0.01
        steps: 2
        figure: {xlim: [0, 2], zoom: true}
""")
    drawn = []
    for out in ("first", "second"):
        build_deck(spec, tmp_path / out)
        drawn.append({p.name: p.read_bytes() for p in sorted((tmp_path / out / "lesson").glob("*.svg"))})
    assert drawn[0] == drawn[1] and len(drawn[0]) == 4


def test_a_path_in_three_variables_labels_its_contours_in_the_plane_drawn(write_spec, tmp_path):
    """(make test's differential run, seed 14: the labels' clearance read the path's three coordinates as two)"""
    spec = descent_spec(write_spec, "true", function="x**2 + y**2 + 2*z**2", start="{x: 1.3, y: -1, z: -2}",
                        rate="0.01", steps=5)
    built = build_deck(spec, tmp_path / "out")
    assert len(built.figures) == 2
