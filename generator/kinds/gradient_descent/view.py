"""View of a ``gradient_descent`` slide: the setup, step 1 in full, the iteration table, the path."""
from __future__ import annotations

from dataclasses import dataclass

from ...model import Method
from ...views.common import Context, Figure, Formula, as_written, inline
from ..gradient.view import partial_lines, value_lines
from .methods import STATES
from .methods_view import given_extras, rule_lines, state_lines
from .solve import DescentSolution, StopReason

TABLE_ROWS = 6  # longest table shown whole; longer ones keep the first and last rows (7 ran 9 px off the page)
HEAD_ROWS, TAIL_ROWS = 3, 2


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]  # inline math, one per column


@dataclass(frozen=True)
class DescentView:
    template = "gradient_descent"
    id: str
    title: str
    given_lead: str
    given: str  # f(…) = …, η = 0.01, (x_0, y_0) = (…)
    rule_lead: str
    rules: tuple[str, ...]  # x_{i+1} = x_i − η ∂f/∂x(…)
    stop_rule: str  # sentence, empty for a fixed number of steps
    partials_lead: str
    partials: str  # all partial derivatives on one line
    step_title: str
    slopes: tuple[str, ...]  # ∂f/∂x(1.3, 5.4) = 2·1.3 + 5.4 = 8
    update_lead: str
    updates: tuple[str, ...]  # x_1 = 1.3 − 0.01·8 = 1.22
    new_point_lead: str
    new_point: str
    values: tuple[str, ...]  # f at the start and after the step
    table_title: str  # empty when there is only one step
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    outcome: str  # why the iteration stopped
    answer_lead: str
    answer: str  # the last point and f there
    figure_title: str
    figure: Figure | None
    method_lead: str  # the method's name (empty for plain gradient descent)
    state_start: str  # the method's hyper-parameters and starting states, one line
    lookahead: tuple[str, ...]  # nesterov's look-ahead coordinates of step 1
    states: tuple[str, ...]  # the method's states after step 1
    rules_apart: bool  # the rules need a slide of their own (adam)
    loss_figure_title: str
    loss_figure: Figure | None  # f at each iterate
    later_title: str = ""  # stochastic fits: the gradient of every later step, before the table
    later_pages: tuple[tuple[Formula, ...], ...] = ()
    workings: tuple[Formula, ...] = ()  # a fit's step 1 with rounded numbers: predictions, each point's partials
    new_point_apart: bool = False  # step 1 is too long for one page: the new point and f go on the next


# Display formulas that fit on a 1280×720 page with their leads and the title (measured with the layout probe:
# eight — two partials, two updates, the new point, f before and after, the answer — ran 102 px off the page).
PAGE_DISPLAYS = 7


def _new_point_apart(first: dict, states: bool, many: bool) -> bool:
    """Whether step 1's page would hold more than ``PAGE_DISPLAYS`` formulas: the partials (unless the states
    took them to a page of their own), the updates, the new point, f before and after, the answer (when no
    table comes between)."""
    shown = (0 if states else len(first["slopes"])) + len(first["updates"]) + 1 + len(first["values"])
    return shown + (0 if many else 1) > PAGE_DISPLAYS


def index_letter(slide, ctx: Context, batch: bool = False) -> str:
    """Plain gradient descent counts steps with i; the family of methods (and batches), as in the lecture
    notes, with t; the instructor's ``symbols`` may choose another letter for all of them."""
    return ctx.printer.index_letter("i" if slide.method == Method.GD and not batch else "t")


def given_line(solution: DescentSolution, ctx: Context) -> str:
    p, slide = ctx.printer, solution.slide
    return p.equations([
        p.chain(p.call(slide.name, slide.variables), [as_written(solution.function, slide, ctx)]),
        p.chain(p.learning_rate_symbol, [], slide.learning_rate),
        p.chain(p.point_at(slide.variables, 0), [p.point([v for _, v in slide.start])]),
    ])


def stop_condition(solution: DescentSolution, ctx: Context, batch: bool = False) -> str:
    """``|f(p_{i+1}) − f(p_i)| < tolerance`` of a descent with a stopping rule."""
    slide = solution.slide
    i = index_letter(slide, ctx, batch)
    return ctx.printer.relation(ctx.printer.change(slide.name, slide.variables, f"{i}+1", i), "<",
                                slide.tolerance)


def _method_fields(solution: DescentSolution, ctx: Context, batch: bool) -> dict:
    slide, step = solution.slide, solution.steps[0]
    if slide.method == Method.GD:  # a batch's rule names its own gradient g; the plain rule the partials of f
        rules = rule_lines(solution, ctx, batch=True) if batch else \
            tuple(ctx.printer.update_rule(slide.name, v, slide.variables) for v in slide.variables)
        return {"method_lead": "", "state_start": "", "lookahead": (), "states": (), "rules_apart": False,
                "rules": rules}
    lines = state_lines(step, solution, ctx)
    ahead = 1 if any(w.kind == "tilde" for w in step.states) else 0
    method_name = getattr(ctx.words.methods, slide.method)
    return {"method_lead": method_name if method_name != slide.title else "",
            "state_start": ctx.printer.equations(given_extras(solution, ctx)),
            "lookahead": lines[:ahead], "states": lines[ahead:], "rules": rule_lines(solution, ctx, batch),
            "rules_apart": len(STATES[slide.method]) > 2}


def _first_step(solution: DescentSolution, ctx: Context) -> dict:
    p, slide, step = ctx.printer, solution.slide, solution.steps[0]
    variables = slide.variables
    point = [value for _, value in (step.lookahead or step.point)]
    new_point = [value for _, value in step.new_point]
    return {
        "slopes": value_lines(slide.name, point, step.slopes, ctx),
        "updates": tuple(p.chain(p.indexed(u.variable, 1), [u.shown], u.new) for u in step.updates),
        "new_point": p.point_value(p.point_at(variables, 1), new_point),
        "values": (
            p.chain(p.value_at_step(slide.name, variables, 0), [solution.start_value_shown], step.value),
            p.chain(p.value_at_step(slide.name, variables, 1), [step.new_value_shown], step.new_value),
        ),
    }


def _rows(solution: DescentSolution, ctx: Context) -> list[Row]:
    """One row per iterate: its number, coordinates, value and change, each column under one rounding rule."""
    p, steps = ctx.printer, solution.steps
    iterates = [(0, steps[0].point, steps[0].value)] + [(s.index + 1, s.new_point, s.new_value) for s in steps]
    coordinates = [p.table_column([point[k][1] for _, point, _ in iterates]) for k in range(len(iterates[0][1]))]
    values = p.table_column([value for _, _, value in iterates])
    changes = [""] + p.table_column([s.change for s in steps])
    return [Row((inline(str(index)), *(inline(column[row]) for column in coordinates), inline(values[row]),
                 inline(changes[row]) if changes[row] else ""))
            for row, (index, _, _) in enumerate(iterates)]


def _table(solution: DescentSolution, ctx: Context, batch: bool) -> tuple[tuple[str, ...], tuple[Row, ...]]:
    p, slide = ctx.printer, solution.slide
    variables = slide.variables
    i = index_letter(slide, ctx, batch)
    header = (ctx.words.step_column, *(inline(p.indexed(v, i)) for v in variables),
              inline(p.value_at_step(slide.name, variables, i)), inline(p.change(slide.name, variables, i, f"{i}-1")))
    rows = _rows(solution, ctx)
    if len(rows) > TABLE_ROWS:
        gap = Row(tuple([ctx.words.omitted_rows] * len(header)))
        rows = rows[:HEAD_ROWS] + [gap] + rows[-TAIL_ROWS:]
    return header, tuple(rows)


def _outcome(solution: DescentSolution, ctx: Context) -> str:
    p, words, slide, last = ctx.printer, ctx.words, solution.slide, solution.last
    number = last.index + 1
    if solution.stop_reason == StopReason.TOLERANCE:
        check = p.bound_check(p.change(slide.name, slide.variables, number, number - 1), last.change, "<",
                              slide.tolerance)
        return words.stopped_tolerance.format(number=number, condition=inline(check))
    if solution.stop_reason == StopReason.STEPS:
        return ""  # the answer below says where the fixed number of steps ended
    sentence = {StopReason.MAX_STEPS: words.stopped_max_steps, StopReason.STATIONARY: words.stopped_stationary,
                StopReason.DIVERGED: words.stopped_diverged}[solution.stop_reason]
    return sentence.format(number=number)


def descent_view(solution: DescentSolution, ctx: Context, batch: bool = False, title: str | None = None
                 ) -> DescentView:
    """The view of a descent; ``batch``: the gradient of each step is its own ``g`` (a stochastic fit);
    ``title``: the headings' title when the descent belongs to another slide (a fit)."""
    p, words, slide = ctx.printer, ctx.words, solution.slide
    title = title or slide.title or words.descent_title
    figures = ctx.figures.get(slide.id, {})
    variables = slide.variables
    many = len(solution.steps) > 1
    header, rows = _table(solution, ctx, batch) if many else ((), ())
    last = solution.last
    number = last.index + 1
    first, methods = _first_step(solution, ctx), _method_fields(solution, ctx, batch)
    stop_rule = ""
    if slide.stop is not None:
        stop_rule = words.stop_rule.format(condition=inline(stop_condition(solution, ctx, batch)))
    return DescentView(
        id=slide.id,
        title=title,
        given_lead=words.given,
        given=given_line(solution, ctx),
        rule_lead=words.update_rule,
        stop_rule=stop_rule,
        partials_lead=words.partials if len(variables) > 1 else words.derivative,
        partials=p.equations(partial_lines(slide.name, solution.partials, ctx)),
        step_title=words.step_heading.format(title=title, number=1),
        update_lead=words.update,
        new_point_lead=words.new_point,
        table_title=words.iterations_title.format(title=title) if many else "",
        header=header,
        rows=rows,
        outcome=_outcome(solution, ctx),
        answer_lead=words.answer,
        answer=p.equations([p.point_value(p.point_at(variables, number), [value for _, value in last.new_point]),
                            p.chain(p.value_at_step(slide.name, variables, number), [], last.new_value)]),
        figure_title=words.path_title.format(title=title),
        figure=figures.get("path"),
        loss_figure_title=words.loss_title.format(title=title),
        loss_figure=figures.get("loss"),
        **first,
        **methods,
        new_point_apart=_new_point_apart(first, bool(methods["states"]), many),
    )

