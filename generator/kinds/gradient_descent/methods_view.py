"""The printed side of the gradient-descent family: update rules, states of step t, their names."""
from __future__ import annotations

import sympy

from ...model import HYPER_PARAMETERS, Method
from ...views.common import Context
from .methods import STATES, Slot, initial_states, rules
from .solve import DescentSolution, DescentStep

INDEX = "t"  # the methods count steps with t, as the lecture notes do (unless the instructor's ``symbols`` say)
HYPER_NAMES = {"beta": "beta", "beta1": "beta_1", "beta2": "beta_2", "eps": "varepsilon"}


def state_name(kind: str, variable: sympy.Symbol, several: bool, ctx: Context) -> str:
    """The LaTeX of a state: ``u``/``u_{x}``/``u_{w_{1}}`` (momentum), ``\\hat{m}_{x}`` (adam),
    ``\\tilde{x}``/``\\tilde{w}_{1}`` (nesterov's look-ahead)."""
    if kind == "tilde":
        return ctx.printer.lookahead(variable)
    return ctx.printer.per_variable(kind, variable if several else None)


def step_letter(ctx: Context) -> str:
    """The letter of the step in the methods' rules: t, or the instructor's own."""
    return ctx.printer.index_letter(INDEX)


def _index(offset: int, ctx: Context) -> str:
    t = step_letter(ctx)
    return {-1: f"{t}-1", 0: t, 1: f"{t}+1"}[offset]


def _hyper_latex(kind: str, ctx: Context) -> str:
    if kind == "rate":
        return ctx.printer.learning_rate_symbol
    if kind == "t":
        return step_letter(ctx)
    return ctx.printer.name(HYPER_NAMES[kind])


def gradient_name(variable: sympy.Symbol, several: bool, ctx: Context) -> str:
    """``g_{w}`` (``g`` for one parameter): the gradient of the step's batch, printed ``g_{w}^{(t)}``."""
    return ctx.printer.per_variable("g", variable if several else None)


def slot_latex(slot: Slot, variable: sympy.Symbol, solution: DescentSolution, ctx: Context,
               batch: bool = False) -> str:
    """The LaTeX of a placeholder; with ``batch`` the gradient is the step's own ``g``, not ∂f/∂x."""
    p, slide = ctx.printer, solution.slide
    several = len(slide.variables) > 1
    if slot.kind == "param":
        return p.indexed(variable, _index(slot.offset, ctx))
    if slot.kind in STATES[slide.method]:
        return p.indexed(state_name(slot.kind, variable, several, ctx), _index(slot.offset, ctx))
    if slot.kind == "grad" and batch:
        return p.indexed(gradient_name(variable, several, ctx), _index(slot.offset, ctx))
    if slot.kind == "grad":
        ahead = slide.method == Method.NESTEROV
        where = [state_name("tilde", v, several, ctx) if ahead else v for v in slide.variables]
        return p.partial_at_names(slide.name, variable, [p.indexed(v, step_letter(ctx)) for v in where])
    return _hyper_latex(slot.kind, ctx)


def rule_lines(solution: DescentSolution, ctx: Context, batch: bool = False) -> tuple[str, ...]:
    """Every update rule, one line per state (the coordinates side by side)."""
    slide = solution.slide
    by_target: dict[str, list[str]] = {}
    for variable in slide.variables:
        for rule in rules(slide.method, variable):
            names = {slot.symbol(variable): slot_latex(slot, variable, solution, ctx, batch) for slot in rule.slots}
            names.update({slot.symbol(): slot_latex(slot, variable, solution, ctx, batch) for slot in rule.slots})
            target = slot_latex(rule.target, variable, solution, ctx, batch)
            by_target.setdefault(rule.target.kind, []).append(ctx.printer.rule(target, rule.rhs, names))
    return tuple(ctx.printer.equations(group) for group in by_target.values())  # adam's five get a slide


def given_extras(solution: DescentSolution, ctx: Context) -> list[str]:
    """The hyper-parameters and the states' starting values: ``\\beta = 0.9``, ``u_x^{(-1)} = 0``."""
    p, slide = ctx.printer, solution.slide
    extras = [p.chain(_hyper_latex(kind, ctx), [], getattr(slide, kind)) for kind in HYPER_PARAMETERS[slide.method]]
    several = len(slide.variables) > 1
    for kind in initial_states(slide.method):  # the states a step reads at t−1
        extras += [p.chain(p.indexed(state_name(kind, v, several, ctx), -1), [], sympy.Integer(0))
                   for v in slide.variables]
    return extras


def state_lines(step: DescentStep, solution: DescentSolution, ctx: Context) -> tuple[str, ...]:
    """The states of the first step with their arithmetic: ``u_x^{(0)} = 0.9 \\cdot 0 + 0.01 \\cdot 8 = 0.08``."""
    p, slide = ctx.printer, solution.slide
    several = len(slide.variables) > 1
    by_kind: dict[str, list[str]] = {}
    for w in step.states:  # the coordinates of one state side by side
        line = p.chain(p.indexed(state_name(w.kind, w.variable, several, ctx), step.index), [w.shown], w.value)
        by_kind.setdefault(w.kind, []).append(line)
    return tuple(p.equations(lines) for lines in by_kind.values())
