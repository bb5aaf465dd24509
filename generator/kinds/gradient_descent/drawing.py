"""The figures of a descent: its path (on the curve or on contour lines) and the value at each iterate.

The learning-rate panels, the comparison of methods and the fit draw with the same pieces.
"""
from __future__ import annotations

from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np

from ...drawing import (
    COLORS,
    PATH_COLOR,
    SAMPLES,
    numeric,
    plain,
    plain_point,
    projector_style,
    save,
    slide_size,
    span,
)
from ...i18n import Words
from .solve import DescentSolution


def iterates(solution: DescentSolution) -> list:
    return [solution.steps[0].point] + [s.new_point for s in solution.steps]


def path_coordinates(solution: DescentSolution) -> np.ndarray:
    """The iterates as an array: one row per iterate, one column per variable."""
    return np.array([[float(v) for _, v in point] for point in iterates(solution)])


PATH_SHOWN = (1000, 500)  # px on the slide: 16 pt text at 21 px
LOSS_SHOWN = (940, 470)


@slide_size(f"h:{PATH_SHOWN[1]}")
def draw_descent(solution: DescentSolution, words: Words, path: Path) -> str:
    slide = solution.slide
    points = iterates(solution)
    coordinates = path_coordinates(solution)
    with projector_style(PATH_SHOWN):
        figure, axes = plt.subplots()
        if len(slide.variables) == 1:
            descent_curve(axes, solution, coordinates[:, 0], words)
            template = words.alt_descent_curve
        else:
            descent_contour(axes, solution, coordinates, words)
            template = words.alt_descent_contour
        axes.legend(loc="best")
        save(figure, path, words)
    return template.format(function=slide.name, start=plain_point(points[0], words),
                           end=plain_point(points[-1], words))


def descent_curve(axes, solution: DescentSolution, ws: np.ndarray, words: Words,
                   paths: list[tuple[np.ndarray, str, str]] | None = None) -> None:
    """The curve of f with the iterates on it; ``paths`` (iterates, colour, label) draws several runs."""
    slide = solution.slide
    variable = slide.variables[0]
    f = numeric(solution.function, variable)
    low, high = span(np.concatenate([ws, -ws]) if np.all(ws > 0) or np.all(ws < 0) else ws)
    xs = np.linspace(low, high, SAMPLES)
    axes.plot(xs, np.broadcast_to(f(xs), xs.shape), color="#444444" if paths else COLORS[0], label=slide.name)
    for points, color, label in paths or [(ws[:, None], PATH_COLOR, words.legend_iterates)]:
        path_ws = points[:, 0]
        values = np.broadcast_to(f(path_ws), path_ws.shape)
        axes.plot(path_ws, values, "o", color=color, markersize=7, label=label)
        arrows(axes, path_ws, values, color)
    start = ws[:1]
    axes.plot(start, np.broadcast_to(f(start), start.shape), "s", color="#222222", markersize=10,
              label=words.legend_start)
    axes.set_xlabel(variable.name)
    axes.set_ylabel(slide.name)


def descent_contour(axes, solution: DescentSolution, coordinates: np.ndarray, words: Words,
                     paths: list[tuple[np.ndarray, str, str]] | None = None) -> None:
    """Contour lines of f with the path of the iterates; ``paths`` (coordinates, colour, label) draws
    several paths on the same contours instead."""
    slide = solution.slide
    first, second = slide.variables[:2]
    others = {v: float(value) for v, value in solution.steps[0].point[2:]}
    f = numeric(solution.function.subs(others), (first, second))
    every = np.concatenate([c for c, _, _ in paths]) if paths else coordinates
    (x_low, x_high), (y_low, y_high) = square(every[:, 0], every[:, 1])
    xs, ys = np.meshgrid(np.linspace(x_low, x_high, 320), np.linspace(y_low, y_high, 160))
    zs = np.broadcast_to(f(xs, ys), xs.shape)
    path_values = np.broadcast_to(f(every[:, 0], every[:, 1]), every[:, 0].shape)
    contours = axes.contour(xs, ys, zs, levels=levels(zs, path_values), cmap="viridis", linewidths=1.4)
    axes.clabel(contours, fontsize=11, fmt="%.3g")
    for points, color, label in paths or [(coordinates, PATH_COLOR, words.legend_iterates)]:
        axes.plot(points[:, 0], points[:, 1], "o", color=color, markersize=6, label=label)
        arrows(axes, points[:, 0], points[:, 1], color)
    axes.plot(every[:1, 0], every[:1, 1], "s", color="#222222", markersize=10, label=words.legend_start)
    axes.set_xlabel(first.name)
    axes.set_ylabel(second.name)
    axes.set_xlim(x_low, x_high)
    axes.set_ylim(y_low, y_high)
    axes.set_aspect("equal", adjustable="box")


MAX_ARROWS = 40


def arrows(axes, xs: np.ndarray, ys: np.ndarray, color: str = PATH_COLOR) -> None:
    """An arrow from each iterate to the next (the first ``MAX_ARROWS`` moves; later ones are a line)."""
    for index in range(len(xs) - 1):
        start, end = (xs[index], ys[index]), (xs[index + 1], ys[index + 1])
        if not all(np.isfinite([*start, *end])) or start == end:
            continue
        if index < MAX_ARROWS:
            axes.annotate("", xy=end, xytext=start, arrowprops={"arrowstyle": "-|>", "color": color,
                                                                "lw": 2, "shrinkA": 3, "shrinkB": 3,
                                                                "mutation_scale": 18})
        else:
            axes.plot([start[0], end[0]], [start[1], end[1]], color=color, linewidth=1.5)


def levels(grid: np.ndarray, path_values: np.ndarray, count: int = 14) -> np.ndarray:
    """Contour levels spaced quadratically from the lowest value up to the start: dense near the minimum."""
    low = float(np.nanmin(grid))
    high = float(np.nanmax(path_values))
    if not high > low:
        high = float(np.nanmax(grid))
    return low + (high - low) * np.linspace(0, 1, count + 1)[1:] ** 2


ASPECT = 2.0  # width : height of the contour view


def square(xs: np.ndarray, ys: np.ndarray) -> tuple[tuple[float, float], tuple[float, float]]:
    """A view around the path and the origin side, widened to the axes' 2:1 shape (equal scales)."""
    x_low, x_high = span(np.append(xs, 0.0), 0.3)
    y_low, y_high = span(np.append(ys, 0.0), 0.3)
    x_mid, y_mid = (x_low + x_high) / 2, (y_low + y_high) / 2
    half_height = max((y_high - y_low) / 2, (x_high - x_low) / 2 / ASPECT)
    half_width = half_height * ASPECT
    return (x_mid - half_width, x_mid + half_width), (y_mid - half_height, y_mid + half_height)


@slide_size(f"h:{LOSS_SHOWN[1]}")
def draw_loss(solution: DescentSolution, words: Words, path: Path) -> str:
    """The value of the function at each iterate: how fast the descent gets down."""
    values = [solution.steps[0].value] + [s.new_value for s in solution.steps]
    ys = np.array([float(v) for v in values])
    xs = np.arange(len(ys))
    name = solution.slide.name
    with projector_style(LOSS_SHOWN):
        figure, axes = plt.subplots()
        axes.plot(xs, ys, "o-", color=COLORS[0], markersize=6 if len(ys) <= 40 else 0, linewidth=2.4)
        positive = ys[np.isfinite(ys)]
        if positive.size and positive.min() > 0 and positive.max() / positive.min() > 100:
            axes.set_yscale("log")
        axes.set_xlabel(words.axis_iteration)
        axes.set_ylabel(words.axis_loss.format(name=name))
        axes.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        save(figure, path, words)
    return words.alt_loss.format(name=name, start=plain(values[0], words), end=plain(values[-1], words))
