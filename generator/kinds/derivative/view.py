"""View of a ``derivative`` slide: the function, its layers, the chain rule, f', f'(a)."""
from __future__ import annotations

from dataclasses import dataclass

from ...views.common import Context, Formula, as_written
from .solve import ChainRule, DerivativeSolution

ROWS_FIRST_PAGE = 4  # derivation rows under the function (3 when its layers are shown too)
ROWS_PER_PAGE = 5  # rows on each continuation slide


@dataclass(frozen=True)
class DerivativeView:
    template = "derivative"
    id: str
    title: str
    continued_title: str
    derivation_lead: str
    derivation: tuple[str, ...]  # one aligned block per slide (empty without steps)
    function: str  # f(x) = …
    layers_lead: str
    layers: str  # y = u^2, u = \arctg v, v = x^3 (empty when not composite)
    chain_lead: str
    chain: str  # y' = 2u · … = 2\arctg x^3 · … (empty when not composite)
    result_lead: str
    result: str  # f'(x) = …
    forms_lead: str
    forms: tuple[Formula, ...]
    value_lead: str
    value: str  # f'(a) = … (empty without `at`)


def _layers(chain: ChainRule, left: str, ctx: Context) -> str:
    p = ctx.printer
    lefts = [left] + [p.expr(layer.inner_name) for layer in chain.layers[:-1]]
    return p.equations(f"{name} = {p.expr(layer.outer)}" for name, layer in zip(lefts, chain.layers))


def _chain(solution: DerivativeSolution, prime: str, ctx: Context) -> str:
    p, chain = ctx.printer, solution.chain
    assert chain is not None  # (only composite functions show the chain rule)
    in_layers = p.product([layer.derivative for layer in chain.layers])
    in_variable = p.product([layer.factor for layer in chain.layers])
    return p.aligned_chain(prime, [in_layers, in_variable, solution.derivative])


def _derivation_pages(solution: DerivativeSolution, prime: str, ctx: Context) -> tuple[str, ...]:
    if solution.derivation is None:
        return ()
    rules = ctx.words.rules
    variable = solution.variable.name
    rows = [(step.expr, rules.describe(step.rules, variable) if step.rules else "")
            for step in solution.derivation.steps]
    composite = solution.chain is not None and len(solution.chain.layers) > 1
    return tuple(ctx.printer.derivation_rows(prime, page, solution.derivation.written_parts)
                 for page in paginate(rows, ROWS_FIRST_PAGE - composite, ROWS_PER_PAGE))


def paginate(rows: list, first: int, per_page: int) -> list[list]:
    """Rows split over slides; a single row left over joins the slide before it."""
    pages, rest = [rows[:first]], rows[first:]
    while rest:
        size = len(rest) if len(rest) <= per_page + 1 else per_page
        pages.append(rest[:size])
        rest = rest[size:]
    if len(pages) > 1 and len(pages[-1]) == 1 and len(pages) == 2 and first > 0:
        pages = [pages[0] + pages[1]]
    return pages


def derivative_view(solution: DerivativeSolution, ctx: Context) -> DerivativeView:
    p, words, slide = ctx.printer, ctx.words, solution.slide
    x = solution.variable
    left = p.dependent(slide.name, [x])
    prime = p.prime(slide.name, [x])
    composite = solution.chain is not None and len(solution.chain.layers) > 1
    forms = tuple(Formula(p.chain(prime, [p.as_written(form)])) for form in solution.forms)
    value = ""
    if solution.at is not None:
        value = p.chain(p.prime_at(slide.name, solution.at.point), [solution.at.substituted], solution.at.value)
    title = slide.title or words.derivative_title
    return DerivativeView(
        id=slide.id,
        title=title,
        continued_title=words.continued.format(title=title),
        derivation_lead=words.derivation if solution.derivation is not None else "",
        derivation=_derivation_pages(solution, prime, ctx),
        function=f"{left} = {as_written(solution.function, slide, ctx)}",
        layers_lead=words.composite if composite else "",
        layers=_layers(solution.chain, left, ctx) if solution.chain is not None and composite else "",
        chain_lead=words.chain_rule if composite else "",
        chain=_chain(solution, prime, ctx) if composite else "",
        result_lead=words.result,
        result=p.chain(prime, [solution.derivative]),
        forms_lead=words.equivalent_forms if forms else "",
        forms=forms,
        value_lead=words.value_at if value else "",
        value=value,
    )
