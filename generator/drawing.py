"""The drawings of the figures: matplotlib (Agg), SVG, byte-identical for the same input.

Imported only when a deck has a figure to draw (``figures.py`` decides which): matplotlib and
NumPy cost about a second to import, which a deck without figures, a spec error, ``check`` and
``grade`` need not pay.

Determinism: a fixed ``svg.hashsalt`` (ids derive from it, not from random
numbers), no ``Date`` metadata, text drawn as paths with the bundled DejaVu
font.  Sizes and fonts are chosen for a projector: 10×5 inches, 16 pt text.
"""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import matplotlib.ticker
import numpy as np
import sympy

from .i18n import Words
from .numbers import decimal_text, round_significant
from .solve import CompareSolution, DescentSolution, FitSolution, LearningRatesSolution, PlotSolution

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
COLORS = ("#1f5fbf", "#d1495b", "#2a9d5c", "#8a5cc2", "#e08a1e", "#1b9aaa")  # one palette for every deck
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


def _iterates(solution: DescentSolution) -> list:
    return [solution.steps[0].point] + [s.new_point for s in solution.steps]


def _coordinates(solution: DescentSolution) -> np.ndarray:
    """The iterates as an array: one row per iterate, one column per variable."""
    return np.array([[float(v) for _, v in point] for point in _iterates(solution)])


def draw_descent(solution: DescentSolution, words: Words, path: Path) -> str:
    slide = solution.slide
    points = _iterates(solution)
    coordinates = _coordinates(solution)
    with matplotlib.rc_context(STYLE), np.errstate(all="ignore"):
        figure, axes = plt.subplots()
        if len(slide.variables) == 1:
            _descent_curve(axes, solution, coordinates[:, 0], words)
            template = words.alt_descent_curve
        else:
            _descent_contour(axes, solution, coordinates, words)
            template = words.alt_descent_contour
        axes.legend(loc="best")
        _save(figure, path)
    return template.format(function=slide.name, start=_plain_point(points[0], words),
                           end=_plain_point(points[-1], words))


def _span(values: np.ndarray, extra: float = 0.25) -> tuple[float, float]:
    low, high = float(np.min(values)), float(np.max(values))
    width = high - low or max(abs(high), 1.0)
    return low - extra * width, high + extra * width


def _descent_curve(axes, solution: DescentSolution, ws: np.ndarray, words: Words,
                   paths: list[tuple[np.ndarray, str, str]] | None = None) -> None:
    """The curve of f with the iterates on it; ``paths`` (iterates, colour, label) draws several runs."""
    slide = solution.slide
    variable = slide.variables[0]
    f = _numeric(solution.function, variable)
    low, high = _span(np.concatenate([ws, -ws]) if np.all(ws > 0) or np.all(ws < 0) else ws)
    xs = np.linspace(low, high, SAMPLES)
    axes.plot(xs, np.broadcast_to(f(xs), xs.shape), color="#444444" if paths else COLORS[0], label=slide.name)
    for points, color, label in paths or [(ws[:, None], PATH_COLOR, words.legend_iterates)]:
        path_ws = points[:, 0]
        values = np.broadcast_to(f(path_ws), path_ws.shape)
        axes.plot(path_ws, values, "o", color=color, markersize=7, label=label)
        _arrows(axes, path_ws, values, color)
    start = ws[:1]
    axes.plot(start, np.broadcast_to(f(start), start.shape), "s", color="#222222", markersize=10,
              label=words.legend_start)
    axes.set_xlabel(variable.name)
    axes.set_ylabel(slide.name)


def _descent_contour(axes, solution: DescentSolution, coordinates: np.ndarray, words: Words,
                     paths: list[tuple[np.ndarray, str, str]] | None = None) -> None:
    """Contour lines of f with the path of the iterates; ``paths`` (coordinates, colour, label) draws
    several paths on the same contours instead."""
    slide = solution.slide
    first, second = slide.variables[:2]
    others = {v: float(value) for v, value in solution.steps[0].point[2:]}
    f = _numeric(solution.function.subs(others), (first, second))
    every = np.concatenate([c for c, _, _ in paths]) if paths else coordinates
    (x_low, x_high), (y_low, y_high) = _square(every[:, 0], every[:, 1])
    xs, ys = np.meshgrid(np.linspace(x_low, x_high, 320), np.linspace(y_low, y_high, 160))
    zs = np.broadcast_to(f(xs, ys), xs.shape)
    path_values = np.broadcast_to(f(every[:, 0], every[:, 1]), every[:, 0].shape)
    contours = axes.contour(xs, ys, zs, levels=_levels(zs, path_values), cmap="viridis", linewidths=1.4)
    axes.clabel(contours, fontsize=11, fmt="%.3g")
    for points, color, label in paths or [(coordinates, PATH_COLOR, words.legend_iterates)]:
        axes.plot(points[:, 0], points[:, 1], "o", color=color, markersize=6, label=label)
        _arrows(axes, points[:, 0], points[:, 1], color)
    axes.plot(every[:1, 0], every[:1, 1], "s", color="#222222", markersize=10, label=words.legend_start)
    axes.set_xlabel(first.name)
    axes.set_ylabel(second.name)
    axes.set_xlim(x_low, x_high)
    axes.set_ylim(y_low, y_high)
    axes.set_aspect("equal", adjustable="box")


MAX_ARROWS = 40


def _arrows(axes, xs: np.ndarray, ys: np.ndarray, color: str = PATH_COLOR) -> None:
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


def draw_loss(solution: DescentSolution, words: Words, path: Path) -> str:
    """The value of the function at each iterate: how fast the descent gets down."""
    values = [solution.steps[0].value] + [s.new_value for s in solution.steps]
    ys = np.array([float(v) for v in values])
    xs = np.arange(len(ys))
    name = solution.slide.name
    with matplotlib.rc_context(STYLE), np.errstate(all="ignore"):
        figure, axes = plt.subplots()
        axes.plot(xs, ys, "o-", color=COLORS[0], markersize=6 if len(ys) <= 40 else 0, linewidth=2.4)
        positive = ys[np.isfinite(ys)]
        if positive.size and positive.min() > 0 and positive.max() / positive.min() > 100:
            axes.set_yscale("log")
        axes.set_xlabel(words.axis_iteration)
        axes.set_ylabel(words.axis_loss.format(name=name))
        axes.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        _save(figure, path)
    return words.alt_loss.format(name=name, start=_plain(values[0], words), end=_plain(values[-1], words))


def draw_fit_curve(solution: FitSolution, words: Words, path: Path) -> str:
    """The data points, the model at the start and after the last step."""
    slide = solution.slide
    x = slide.input
    data = np.array([[float(a), float(b)] for a, b in slide.data])
    low, high = _span(data[:, 0], 0.6)
    xs = np.linspace(low, high, SAMPLES)
    steps = len(solution.descent.steps)
    with matplotlib.rc_context(STYLE), np.errstate(all="ignore"):
        figure, axes = plt.subplots()
        for point, color, style, label in (
                (solution.descent.steps[0].point, "#888888", "--", words.legend_start_model),
                (solution.final, COLORS[0], "-", words.legend_fitted.format(steps=words.after_steps(steps)))):
            curve = _numeric(slide.model.xreplace({v: value for v, value in point}), x)
            axes.plot(xs, _finite(np.broadcast_to(curve(xs), xs.shape).astype(float)), style, color=color,
                      label=label)
        axes.plot(data[:, 0], data[:, 1], "o", color=PATH_COLOR, markersize=11, label=words.legend_data, zorder=5)
        axes.set_xlabel(x.name)
        axes.set_ylabel("ŷ")
        axes.legend(loc="best")
        _save(figure, path)
    return words.alt_fit_curve.format(steps=words.after_steps(steps))


def draw_rates(solution: LearningRatesSolution, words: Words, path: Path) -> str:
    """One panel per learning rate, each titled with the regime its iterates show."""
    runs = solution.runs
    with matplotlib.rc_context(STYLE), np.errstate(all="ignore"):
        height = 5.0 if len(runs[0].descent.slide.variables) == 1 else 6.5
        figure, panels = plt.subplots(1, len(runs), figsize=(5.2 * len(runs), height), squeeze=False)
        for axes, run in zip(panels[0], runs):
            descent = run.descent
            coordinates = _coordinates(descent)
            if len(descent.slide.variables) == 1:
                _descent_curve(axes, descent, coordinates[:, 0], words)
            else:
                _descent_contour(axes, descent, coordinates, words)
            axes.set_title(f"η = {_plain(descent.slide.learning_rate, words)}: {words.regimes[run.regime]}",
                           fontsize=17)
        _save(figure, path)
    first = runs[0].descent.slide
    return words.alt_rates.format(function=first.name,
                                  rates=", ".join(_plain(r.descent.slide.learning_rate, words) for r in runs),
                                  regimes=", ".join(words.regimes[r.regime] for r in runs))


def draw_compare(solution: CompareSolution, words: Words, path: Path) -> str:
    """The paths of every method on one contour plot (two variables) or one curve (one variable)."""
    first = solution.runs[0]
    paths = [(_coordinates(run), COLORS[index % len(COLORS)],
              getattr(words.methods, run.slide.method)) for index, run in enumerate(solution.runs)]
    with matplotlib.rc_context(STYLE), np.errstate(all="ignore"):
        figure, axes = plt.subplots(figsize=(11, 6.2))
        if len(first.slide.variables) == 1:
            everything = np.concatenate([points[:, 0] for points, _, _ in paths])
            _descent_curve(axes, first, everything, words, paths=paths)
        else:
            _descent_contour(axes, first, paths[0][0], words, paths=paths)
        axes.legend(loc="best", fontsize=13)
        _save(figure, path)
    return words.alt_compare.format(function=first.slide.name, start=_plain_point(first.steps[0].point, words),
                                    methods=", ".join(label for _, _, label in paths))


SLIDE_SIZE = {draw_plot: "h:330", draw_descent: "h:500", draw_loss: "h:470", draw_fit_curve: "h:470",
              draw_rates: "w:1150", draw_compare: "h:450"}
