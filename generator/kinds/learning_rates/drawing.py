"""The figure of a ``learning_rates`` slide: one panel per rate, titled with its regime."""
from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt

from ...drawing import inches, plain, projector_style, save, slide_size
from ...i18n import Words
from ...symbols import DEFAULT as DEFAULT_SYMBOLS
from ...symbols import plain as plain_symbol
from ..gradient_descent.drawing import descent_contour, descent_curve, path_coordinates
from .solve import LearningRatesSolution

WIDTH = 1150  # px on the slide, shared by the panels


@slide_size(f"w:{WIDTH}")
def draw_rates(solution: LearningRatesSolution, words: Words, path: Path) -> str:
    """One panel per learning rate, each titled with the regime its iterates show."""
    runs = solution.runs
    with projector_style():
        aspect = 5.0 / 5.2 if len(runs[0].descent.slide.variables) == 1 else 6.5 / 5.2  # a panel's height : width
        panel = WIDTH / len(runs)
        figure, panels = plt.subplots(1, len(runs), figsize=inches(WIDTH, panel * aspect), squeeze=False)
        for axes, run in zip(panels[0], runs):
            descent = run.descent
            coordinates = path_coordinates(descent)
            if len(descent.slide.variables) == 1:
                descent_curve(axes, descent, coordinates[:, 0], words)
            else:
                descent_contour(axes, descent, coordinates, words)
            rate = plain_symbol((descent.slide.symbols or DEFAULT_SYMBOLS).learning_rate)
            axes.set_title(f"{rate} = {plain(descent.slide.learning_rate, words)}\n{words.regimes[run.regime]}")
        save(figure, path, words)
    first = runs[0].descent.slide
    return words.alt_rates.format(function=first.name,
                                  rates=", ".join(plain(r.descent.slide.learning_rate, words) for r in runs),
                                  regimes=", ".join(words.regimes[r.regime] for r in runs))
