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
from ...notation import notation_for
from .figure_options import FigureOptions
from .solve import DescentSolution


def iterates(solution: DescentSolution) -> list:
    return [solution.steps[0].point] + [s.new_point for s in solution.steps]


def path_coordinates(solution: DescentSolution) -> np.ndarray:
    """The iterates as an array: one row per iterate, one column per variable."""
    return np.array([[float(v) for _, v in point] for point in iterates(solution)])


ASPECT = 2.0  # width : height of the contour view of a path figure
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
    low, high = curve_range(slide.figure, ws)
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
    axes.set_xlim(low, high)
    if slide.figure.ylim is not None:
        axes.set_ylim(*(float(v) for v in slide.figure.ylim))


def descent_contour(axes, solution: DescentSolution, coordinates: np.ndarray, words: Words,
                     paths: list[tuple[np.ndarray, str, str]] | None = None, aspect: float = ASPECT) -> None:
    """Contour lines of f with the path of the iterates; ``paths`` (coordinates, colour, label) draws
    several paths on the same contours instead.  The view is ``aspect`` times as wide as it is high."""
    slide = solution.slide
    first, second = slide.variables[:2]
    others = {v: float(value) for v, value in solution.steps[0].point[2:]}
    f = numeric(solution.function.subs(others), (first, second))
    every = np.concatenate([c for c, _, _ in paths]) if paths else coordinates
    (x_low, x_high), (y_low, y_high) = contour_view(slide.figure, every[:, 0], every[:, 1], aspect)
    xs, ys = np.meshgrid(np.linspace(x_low, x_high, 320), np.linspace(y_low, y_high, 160))
    zs = np.broadcast_to(f(xs, ys), xs.shape)
    path_values = np.broadcast_to(f(every[:, 0], every[:, 1]), every[:, 0].shape)
    drawn_levels = levels(zs, path_values)
    contours = axes.contour(xs, ys, zs, levels=drawn_levels, cmap="viridis", linewidths=1.4,
                            vmin=drawn_levels[0], vmax=drawn_levels[-1] + PALE_TOP * np.ptp(drawn_levels))
    for points, color, label in paths or [(coordinates, PATH_COLOR, words.legend_iterates)]:
        axes.plot(points[:, 0], points[:, 1], "o", color=color, markersize=6, label=label)
        arrows(axes, points[:, 0], points[:, 1], color)
    axes.plot(every[:1, 0], every[:1, 1], "s", color="#222222", markersize=10, label=words.legend_start)
    axes.set_xlabel(first.name)
    axes.set_ylabel(second.name)
    axes.set_xlim(x_low, x_high)
    axes.set_ylim(y_low, y_high)
    axes.set_aspect("equal", adjustable="box")
    label_contours(axes, contours, every, words)


PALE_TOP = 0.2  # viridis stops short of its pale yellow, which is hard to see (and read) on white
LABEL_PT = 15  # contour labels: 20 px on the page
LABEL_GAP_PX = 40  # between two contour labels, and between a label and an iterate


def label_contours(axes, contours, iterates: np.ndarray, words: Words) -> None:
    """Label every other contour line (the outermost, through the start, among them), inline, in the deck's
    decimal notation, keeping each label ``LABEL_GAP_PX`` clear of the others and of the iterates."""
    axes.apply_aspect()  # the final data → pixel scale, so distances are measured as they are drawn
    avoided = axes.transData.transform(along(iterates[:, :2]))  # the plane drawn (of a path in more dimensions)
    box = axes.get_window_extent()

    def too_close(x: float, y: float, width: float) -> bool:
        placed = np.array(contours.labelXYs).reshape(-1, 2)
        reach = (width / 2 + LABEL_GAP_PX) ** 2
        cut = min(x - box.x0, box.x1 - x, y - box.y0, box.y1 - y) < width / 2  # by the edge of the axes
        return bool(cut or np.any(np.sum((placed - (x, y)) ** 2, axis=1) < (width + LABEL_GAP_PX) ** 2)
                    or np.any(np.sum((avoided - (x, y)) ** 2, axis=1) < reach))

    long_enough, locate = contours.print_label, contours.locate_label

    def print_label(screen_xys: np.ndarray, width: float) -> bool:
        """A line is labelled only where its label keeps clear (matplotlib would fall back to a place that does
        not)."""
        if not long_enough(screen_xys, width):
            return False
        x, y, _ = locate(screen_xys, width)
        return not too_close(x, y, width)

    decimal = notation_for(words.lang).decimal
    contours.too_close = too_close  # matplotlib's own test keeps 1.2 label widths between labels only
    contours.print_label = print_label
    axes.clabel(contours, contours.levels[::-2][::-1], inline=True, inline_spacing=6, fontsize=LABEL_PT,
                fmt=lambda value: decimal(f"{value:.3g}"))


def along(points: np.ndarray, between: int = 8) -> np.ndarray:
    """The points of a path and ``between`` more on each of its moves (where its arrows are drawn)."""
    if len(points) < 2:
        return points
    share = np.linspace(0, 1, between, endpoint=False)[:, None, None]
    moves = points[:-1] + share * (points[1:] - points[:-1])
    return np.concatenate([moves.reshape(-1, 2), points[-1:]])


ZOOM_BELOW = 0.35  # a path spanning less than this share of the full view is zoomed in on (zoom: automatic)
CURVE_ZOOM_BELOW = 0.15  # a curve's iterates move along it, visible even when short: zoomed in on only when tiny
ZOOM_MARGIN = 0.35  # around the iterates of a zoomed view, a share of their extent on each side


def zoomed(options: FigureOptions, path_extent: float, full_extent: float, below: float = ZOOM_BELOW) -> bool:
    """Whether the view is fitted around the iterates: as the options say, else when they would be a speck
    (their extent below ``below`` of the full view's)."""
    if options.zoom is not None:
        return options.zoom
    return 0 < path_extent < below * full_extent


def curve_range(options: FigureOptions, ws: np.ndarray) -> tuple[float, float]:
    """The x range of a curve: ``xlim``, the iterates with a margin (zoomed), or the whole range (symmetric
    about 0 when the iterates keep one sign)."""
    if options.xlim is not None:
        return float(options.xlim[0]), float(options.xlim[1])
    full = span(np.concatenate([ws, -ws]) if np.all(ws > 0) or np.all(ws < 0) else ws)
    extent = float(np.ptp(ws))
    if zoomed(options, extent, full[1] - full[0], CURVE_ZOOM_BELOW) and extent > 0:
        return float(np.min(ws)) - ZOOM_MARGIN * extent, float(np.max(ws)) + ZOOM_MARGIN * extent
    return full


Range = tuple[tuple[float, float], tuple[float, float]]


def contour_view(options: FigureOptions, xs: np.ndarray, ys: np.ndarray, aspect: float) -> Range:
    """The plotted range of a contour figure: the full view, or zoomed in on the iterates, then the given
    ``xlim``/``ylim`` (one of them alone sets the other to the view's shape around its middle)."""
    full = square(xs, ys, aspect)
    extent = max(float(np.ptp(xs)) / aspect, float(np.ptp(ys)))  # in heights of the view
    view = fitted(xs, ys, aspect) if zoomed(options, extent, full[1][1] - full[1][0]) and extent > 0 else full
    return given_limits(options, view, aspect)


def fitted(xs: np.ndarray, ys: np.ndarray, aspect: float) -> Range:
    """A view of the shape ``aspect`` around the iterates, with ``ZOOM_MARGIN`` of their extent around them."""
    half_height = max(float(np.ptp(ys)), float(np.ptp(xs)) / aspect) * (0.5 + ZOOM_MARGIN)
    return around((float(np.min(xs) + np.max(xs)) / 2, float(np.min(ys) + np.max(ys)) / 2), half_height, aspect)


def around(middle: tuple[float, float], half_height: float, aspect: float) -> Range:
    x_mid, y_mid = middle
    half_width = half_height * aspect
    return (x_mid - half_width, x_mid + half_width), (y_mid - half_height, y_mid + half_height)


def given_limits(options: FigureOptions, view: Range, aspect: float) -> Range:
    """``view`` with the spec's ``xlim`` and ``ylim`` in place of its own ranges."""
    xlim = tuple(float(v) for v in options.xlim) if options.xlim is not None else None
    ylim = tuple(float(v) for v in options.ylim) if options.ylim is not None else None
    if xlim and ylim:
        return (xlim[0], xlim[1]), (ylim[0], ylim[1])
    if xlim:
        y_mid = sum(view[1]) / 2
        return (xlim[0], xlim[1]), around((0.0, y_mid), (xlim[1] - xlim[0]) / 2 / aspect, aspect)[1]
    if ylim:
        x_mid = sum(view[0]) / 2
        return around((x_mid, 0.0), (ylim[1] - ylim[0]) / 2, aspect)[0], (ylim[0], ylim[1])
    return view


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


def square(xs: np.ndarray, ys: np.ndarray, aspect: float = ASPECT) -> Range:
    """The full view: around the path and the origin, widened to the axes' shape ``aspect`` (equal scales)."""
    x_low, x_high = span(np.append(xs, 0.0), 0.3)
    y_low, y_high = span(np.append(ys, 0.0), 0.3)
    half_height = max((y_high - y_low) / 2, (x_high - x_low) / 2 / aspect)
    return around(((x_low + x_high) / 2, (y_low + y_high) / 2), half_height, aspect)


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
