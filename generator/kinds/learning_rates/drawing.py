"""The figure of a ``learning_rates`` slide: one panel per rate, titled with its regime."""
from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt

from ...drawing import plain, projector_style, save, slide_size
from ...i18n import Words
from ...symbols import DEFAULT as DEFAULT_SYMBOLS
from ...symbols import plain as plain_symbol
from ..gradient_descent.drawing import descent_contour, descent_curve, path_coordinates
from .solve import LearningRatesSolution, RateRun

PANEL = (575, 500)  # px on the slide: two panels side by side fill the 1150 px of the content box
PANEL_ASPECT = 1.25  # width : height of a panel's contour view (its axes are about 480 × 380 px)


@slide_size(f"h:{PANEL[1]}")
def draw_rates(solution: LearningRatesSolution, words: Words, path: Path) -> str:
    """One panel per learning rate (at most ``PANELS_PER_FIGURE``), each titled with the regime its iterates
    show."""
    runs = solution.runs
    with projector_style((PANEL[0] * len(runs), PANEL[1])):
        figure, panels = plt.subplots(1, len(runs), squeeze=False)
        for axes, run in zip(panels[0], runs):
            draw_panel(axes, run, words)
        save(figure, path, words)
    first = runs[0].descent.slide
    return (words.alt_rates if len(runs) > 1 else words.alt_rate).format(function=first.name,
                                  rates=", ".join(plain(r.descent.slide.learning_rate, words) for r in runs),
                                  regimes=", ".join(words.regimes[r.regime] for r in runs))


def draw_panel(axes, run: RateRun, words: Words) -> None:
    """The iterates of one rate on the curve or the contour lines, under ``η = 0.1`` and its regime."""
    descent = run.descent
    coordinates = path_coordinates(descent)
    if len(descent.slide.variables) == 1:
        descent_curve(axes, descent, coordinates[:, 0], words)
    else:
        descent_contour(axes, descent, coordinates, words, aspect=PANEL_ASPECT)
    rate = plain_symbol((descent.slide.symbols or DEFAULT_SYMBOLS).learning_rate)
    axes.set_title(f"{rate} = {plain(descent.slide.learning_rate, words)}\n{words.regimes[run.regime]}")
