"""The figures of a fit: the descent's path and loss, and the model's curve over the data."""
from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

from ...drawing import COLORS, PATH_COLOR, SAMPLES, finite, numeric, projector_style, save, slide_size, span
from ...i18n import Words
from .solve import FitSolution

SHOWN = (940, 470)  # px on the slide: 16 pt text at 21 px


@slide_size(f"h:{SHOWN[1]}")
def draw_fit_curve(solution: FitSolution, words: Words, path: Path) -> str:
    """The data points, the model at the start and after the last step."""
    slide = solution.slide
    x = slide.input
    data = np.array([[float(a), float(b)] for a, b in slide.data])
    low, high = span(data[:, 0], 0.6)
    xs = np.linspace(low, high, SAMPLES)
    steps = len(solution.descent.steps)
    with projector_style(SHOWN):
        figure, axes = plt.subplots()
        for point, color, style, label in (
                (solution.descent.steps[0].point, "#888888", "--", words.legend_start_model),
                (solution.final, COLORS[0], "-", words.legend_fitted.format(steps=words.after_steps(steps)))):
            curve = numeric(slide.model.xreplace({v: value for v, value in point}), x)
            axes.plot(xs, finite(np.broadcast_to(curve(xs), xs.shape).astype(float)), style, color=color,
                      label=label)
        axes.plot(data[:, 0], data[:, 1], "o", color=PATH_COLOR, markersize=11, label=words.legend_data, zorder=5)
        axes.set_xlabel(x.name)
        axes.set_ylabel("ŷ")
        axes.legend(loc="best")
        save(figure, path, words)
    return words.alt_fit_curve.format(steps=words.after_steps(steps))
