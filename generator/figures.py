"""Figures for slides: matplotlib (Agg), SVG, byte-identical for the same input.

Determinism: a fixed ``svg.hashsalt`` (ids derive from it, not from random
numbers), no ``Date`` metadata, text drawn as paths with the bundled DejaVu
font.  Sizes and fonts are chosen for a projector: 10×5 inches, 16 pt text.
"""
from __future__ import annotations

from pathlib import Path, PurePosixPath

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import sympy  # noqa: E402

from .i18n import Words  # noqa: E402
from .numbers import decimal_text, round_significant  # noqa: E402
from .solve import DescentSolution, PlotSolution  # noqa: E402
from .views.common import Figure  # noqa: E402

STYLE = {
    "svg.hashsalt": "verideck",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 16,
    "axes.titlesize": 18,
    "axes.labelsize": 18,
    "legend.fontsize": 15,
    "lines.linewidth": 2.6,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "figure.figsize": (10, 5),
}
COLORS = ("#1f5fbf", "#d1495b", "#2a9d5c", "#8a5cc2", "#e08a1e")  # one palette for every deck
PATH_COLOR = "#d1495b"
SAMPLES = 600
ASPECT = 2.0  # width : height of the contour view


def _numeric(expr: sympy.Expr, variables) -> callable:
    """A NumPy function of an already-whitelisted SymPy expression."""
    return sympy.lambdify(variables, expr, modules="numpy")


def _plain(value: sympy.Expr, words: Words, digits: int = 4) -> str:
    """A number for alt text and labels: rounded, in the deck's decimal notation."""
    return decimal_text(round_significant(value, digits)).replace(".", words.decimal_separator)


def _plain_point(point, words: Words) -> str:
    values = [_plain(value, words) for _, value in point]
    return values[0] if len(values) == 1 else "(" + "; ".join(values) + ")"


def _save(figure, path: Path) -> None:
    figure.tight_layout()
    figure.savefig(path, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(figure)


def _finite(values: np.ndarray) -> np.ndarray:
    return np.where(np.isfinite(values), values, np.nan)


def draw_plot(solution: PlotSolution, words: Words, path: Path) -> str:
    slide = solution.slide
    x = slide.variable
    low, high = (float(v) for v in slide.x_range)
    xs = np.linspace(low, high, SAMPLES)
    with matplotlib.rc_context(STYLE), np.errstate(all="ignore"):
        figure, axes = plt.subplots()
        for color, label, function in zip(COLORS, slide.labels, solution.functions):
            ys = np.broadcast_to(_numeric(function, x)(xs), xs.shape).astype(float)
            axes.plot(xs, _finite(ys), color=color, label=label)
        if solution.tangent is not None:
            t = solution.tangent
            line = np.broadcast_to(_numeric(t.line, x)(xs), xs.shape).astype(float)
            axes.plot(xs, line, color="#555555", linestyle="--", linewidth=2,
                      label=words.tangent_at.format(point=f"{x.name} = {_plain(t.point, words)}"))
            axes.plot([float(t.point)], [float(t.value)], "o", color="#222222", markersize=8)
            axes.set_ylim(*_limits_around([_finite(np.broadcast_to(_numeric(f, x)(xs), xs.shape).astype(float))
                                           for f in solution.functions]))
        axes.set_xlabel(x.name)
        axes.set_ylabel(words.axis_value)
        axes.axhline(0, color="#999999", linewidth=1)
        axes.axvline(0, color="#999999", linewidth=1)
        axes.legend(loc="best")
        _save(figure, path)
    functions = ", ".join(slide.labels)
    return words.alt_plot.format(functions=functions, variable=x.name, low=_plain(slide.x_range[0], words),
                                 high=_plain(slide.x_range[1], words))


def _limits_around(curves: list[np.ndarray]) -> tuple[float, float]:
    values = np.concatenate([c[np.isfinite(c)] for c in curves])
    low, high = float(values.min()), float(values.max())
    margin = 0.1 * (high - low or 1.0)
    return low - margin, high + margin


def draw_descent(solution: DescentSolution, words: Words, path: Path) -> str:
    slide = solution.slide
    points = [solution.steps[0].point] + [s.new_point for s in solution.steps]
    coordinates = np.array([[float(v) for _, v in point] for point in points])
    with matplotlib.rc_context(STYLE), np.errstate(all="ignore"):
        if len(slide.variables) == 1:
            _descent_curve(solution, coordinates[:, 0], words)
            template = words.alt_descent_curve
        else:
            _descent_contour(solution, coordinates, words)
            template = words.alt_descent_contour
        _save(plt.gcf(), path)
    return template.format(function=slide.name, start=_plain_point(points[0], words),
                           end=_plain_point(points[-1], words))


def _span(values: np.ndarray, extra: float = 0.25) -> tuple[float, float]:
    low, high = float(np.min(values)), float(np.max(values))
    width = high - low or max(abs(high), 1.0)
    return low - extra * width, high + extra * width


def _descent_curve(solution: DescentSolution, ws: np.ndarray, words: Words) -> None:
    slide = solution.slide
    variable = slide.variables[0]
    f = _numeric(solution.function, variable)
    low, high = _span(np.concatenate([ws, -ws]) if np.all(ws > 0) or np.all(ws < 0) else ws)
    xs = np.linspace(low, high, SAMPLES)
    figure, axes = plt.subplots()
    axes.plot(xs, np.broadcast_to(f(xs), xs.shape), color=COLORS[0], label=slide.name)
    values = np.broadcast_to(f(ws), ws.shape)
    axes.plot(ws, values, "o-", color=PATH_COLOR, markersize=7, linewidth=1.5, label=words.legend_iterates)
    axes.plot(ws[:1], values[:1], "s", color="#222222", markersize=10, label=words.legend_start)
    axes.set_xlabel(variable.name)
    axes.set_ylabel(slide.name)
    axes.legend(loc="best")


def _descent_contour(solution: DescentSolution, coordinates: np.ndarray, words: Words) -> None:
    slide = solution.slide
    first, second = slide.variables[:2]
    others = {v: float(value) for v, value in solution.steps[0].point[2:]}
    f = _numeric(solution.function.subs(others), (first, second))
    (x_low, x_high), (y_low, y_high) = _square(coordinates[:, 0], coordinates[:, 1])
    xs, ys = np.meshgrid(np.linspace(x_low, x_high, 320), np.linspace(y_low, y_high, 160))
    zs = np.broadcast_to(f(xs, ys), xs.shape)
    figure, axes = plt.subplots()
    path_values = np.broadcast_to(f(coordinates[:, 0], coordinates[:, 1]), coordinates[:, 0].shape)
    contours = axes.contour(xs, ys, zs, levels=_levels(zs, path_values), cmap="viridis", linewidths=1.4)
    axes.clabel(contours, fontsize=11, fmt="%.3g")
    axes.plot(coordinates[:, 0], coordinates[:, 1], "o-", color=PATH_COLOR, markersize=6, linewidth=2,
              label=words.legend_iterates)
    axes.plot(coordinates[:1, 0], coordinates[:1, 1], "s", color="#222222", markersize=10, label=words.legend_start)
    axes.set_xlabel(first.name)
    axes.set_ylabel(second.name)
    axes.set_xlim(x_low, x_high)
    axes.set_ylim(y_low, y_high)
    axes.set_aspect("equal", adjustable="box")
    axes.legend(loc="best")


def _levels(grid: np.ndarray, path_values: np.ndarray, count: int = 14) -> np.ndarray:
    """Contour levels spaced quadratically from the lowest value up to the start: dense near the minimum."""
    low = float(np.nanmin(grid))
    high = float(np.nanmax(path_values))
    if not high > low:
        high = float(np.nanmax(grid))
    return low + (high - low) * np.linspace(0, 1, count + 1)[1:] ** 2


def _square(xs: np.ndarray, ys: np.ndarray) -> tuple[tuple[float, float], tuple[float, float]]:
    """A view around the path and the origin side, widened to the axes' 2:1 shape (equal scales)."""
    x_low, x_high = _span(np.append(xs, 0.0), 0.3)
    y_low, y_high = _span(np.append(ys, 0.0), 0.3)
    x_mid, y_mid = (x_low + x_high) / 2, (y_low + y_high) / 2
    half_height = max((y_high - y_low) / 2, (x_high - x_low) / 2 / ASPECT)
    half_width = half_height * ASPECT
    return (x_mid - half_width, x_mid + half_width), (y_mid - half_height, y_mid + half_height)


SLIDE_SIZE = {draw_plot: "h:330", draw_descent: "h:500"}  # a plot shares its slide with formulas


def figure_name(slide_id: str) -> str:
    return f"{slide_id}.svg"


def draw(solution, words: Words, folder: Path, relative: PurePosixPath) -> Figure | None:
    """Draw the figure of one solution into ``folder``; None for slides without one."""
    if isinstance(solution, PlotSolution):
        drawer = draw_plot
    elif isinstance(solution, DescentSolution) and solution.slide.figure:
        drawer = draw_descent
    else:
        return None
    name = figure_name(solution.slide.id)
    alt = drawer(solution, words, folder / name)
    return Figure(relative / name, alt, SLIDE_SIZE[drawer])
