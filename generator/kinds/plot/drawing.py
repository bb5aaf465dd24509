"""The figure of a ``plot`` slide: the functions over the range, the tangent line."""
from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

from ...drawing import COLORS, SAMPLES, finite, numeric, plain, projector_style, save, slide_size
from ...i18n import Words
from .solve import PlotSolution

SHOWN = (660, 330)  # px on the slide: 16 pt text at 21 px


@slide_size(f"h:{SHOWN[1]}")
def draw_plot(solution: PlotSolution, words: Words, path: Path) -> str:
    slide = solution.slide
    x = slide.variable
    low, high = (float(v) for v in slide.x_range)
    xs = np.linspace(low, high, SAMPLES)
    with projector_style(SHOWN):
        figure, axes = plt.subplots()
        for color, label, function in zip(COLORS, slide.labels, solution.functions):
            ys = np.broadcast_to(numeric(function, x)(xs), xs.shape).astype(float)
            axes.plot(xs, finite(ys), color=color, label=label)
        if solution.tangent is not None:
            t = solution.tangent
            line = np.broadcast_to(numeric(t.line, x)(xs), xs.shape).astype(float)
            axes.plot(xs, line, color="#555555", linestyle="--", linewidth=2,
                      label=words.tangent_at.format(point=f"{x.name} = {plain(t.point, words)}"))
            axes.plot([float(t.point)], [float(t.value)], "o", color="#222222", markersize=8)
            axes.set_ylim(*limits_around([finite(np.broadcast_to(numeric(f, x)(xs), xs.shape).astype(float))
                                           for f in solution.functions]))
        axes.set_xlabel(x.name)
        axes.set_ylabel(words.axis_value)
        axes.axhline(0, color="#999999", linewidth=1)
        axes.axvline(0, color="#999999", linewidth=1)
        axes.legend(loc="best")
        save(figure, path, words)
    functions = ", ".join(slide.labels)
    return words.alt_plot.format(functions=functions, variable=x.name, low=plain(slide.x_range[0], words),
                                 high=plain(slide.x_range[1], words))


def limits_around(curves: list[np.ndarray]) -> tuple[float, float]:
    values = np.concatenate([c[np.isfinite(c)] for c in curves])
    low, high = float(values.min()), float(values.max())
    margin = 0.1 * (high - low or 1.0)
    return low - margin, high + margin
