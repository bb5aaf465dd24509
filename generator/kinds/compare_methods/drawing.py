"""The figure of a ``compare_methods`` slide: every method's path on one plot."""
from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

from ...drawing import COLORS, plain_point, projector_style, save, slide_size
from ...i18n import Words
from ..gradient_descent.drawing import descent_contour, descent_curve, path_coordinates
from .solve import CompareSolution

SHOWN = (1100, 450)  # px on the slide: 16 pt text at 21 px


@slide_size(f"h:{SHOWN[1]}")
def draw_compare(solution: CompareSolution, words: Words, path: Path) -> str:
    """The paths of every method on one contour plot (two variables) or one curve (one variable)."""
    first = solution.runs[0]
    paths = [(path_coordinates(run), COLORS[index % len(COLORS)],
              getattr(words.methods, run.slide.method)) for index, run in enumerate(solution.runs)]
    with projector_style(SHOWN):
        figure, axes = plt.subplots(layout="constrained")  # (it makes room for the legend beside the plot)
        if len(first.slide.variables) == 1:
            everything = np.concatenate([points[:, 0] for points, _, _ in paths])
            descent_curve(axes, first, everything, words, paths=paths)
        else:
            descent_contour(axes, first, paths[0][0], words, paths=paths)
        # beside the plot, at the deck's text size (20 px): over the contours it hid the paths it names
        figure.legend(loc="outside right upper")
        save(figure, path, words)
    return words.alt_compare.format(function=first.slide.name, start=plain_point(first.steps[0].point, words),
                                    methods=", ".join(label for _, _, label in paths))
