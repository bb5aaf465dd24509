"""The one LaTeX printer of verideck: every formula on a slide is made here.

``SlideLatexPrinter`` prints expressions as ``latex_expressions.ExpressionLatexPrinter`` does
(our conventions as SymPy printer settings) and the notation around them — f'(x), ∂f/∂x, ∇f,
points, equation chains, update rules — so views and templates never assemble LaTeX of their own.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, ClassVar, Self

import sympy
from sympy import Expr

from .latex_expressions import ExpressionLatexPrinter
from .numbers import round_significant, show, terminating_digits
from .symbols import DEFAULT as DEFAULT_SYMBOLS
from .symbols import Symbols

APPROX = r"\approx"


class SlideLatexPrinter(ExpressionLatexPrinter):
    _default_settings: ClassVar[dict[str, Any]] = {
        **ExpressionLatexPrinter._default_settings,
        # the instructor's notation (``symbols:`` in a spec, see ``symbols.py``)
        "learning_rate": DEFAULT_SYMBOLS.learning_rate,  # the rate's symbol name: "eta", "lambda", "a"
        "iterate_index": DEFAULT_SYMBOLS.index,  # the iterates' index letter; None: each slide's own default
        "iterate_superscript": DEFAULT_SYMBOLS.superscript,  # x^{(k)} rather than x_{k}
    }

    def with_symbols(self, symbols: Symbols | None) -> Self:
        """This printer for a slide with its own notation (itself when the notation is the same)."""
        if symbols is None:
            return self
        wanted = {"learning_rate": symbols.learning_rate, "iterate_index": symbols.index,
                  "iterate_superscript": symbols.superscript}
        if all(self._settings[key] == value for key, value in wanted.items()):
            return self
        return self._variant(**wanted)

    # -- notation around expressions ------------------------------------------
    def expr(self, expr: Expr) -> str:
        return self.doprint(expr)

    def as_written(self, expr: Expr) -> str:
        """An instructor's expression in the order it was written (``σ(x)(1 − σ(x))``)."""
        return self._as_written.doprint(expr)

    def name(self, name: str) -> str:
        r"""A function or variable name: ``sigma`` → ``\sigma``, ``w_0`` → ``w_{0}``."""
        return self.doprint(sympy.Symbol(name))

    def args(self, values: Iterable[Expr]) -> str:
        """Arguments or coordinates: ``1.3, 5.4`` (``1{,}3; 5{,}4`` in Russian)."""
        return self._notation.list_separator.join(self.doprint(v) for v in values)

    def call(self, name: str, values: Iterable[Expr]) -> str:
        """``f(x, y)``, ``y(x_{1})``: a function applied to values (a value at a point always shows the point)."""
        return rf"{self.name(name)}\left({self.args(values)}\right)"

    def dependent(self, name: str, values: Iterable[Expr]) -> str:
        """``f(x)``; a function of one variable named ``y`` is the bare dependent variable ``y = …, y'``."""
        return "y" if name == "y" else self.call(name, values)

    def prime(self, name: str, values: Iterable[Expr]) -> str:
        """``f'(x)``, ``f'(2)``; ``y'`` for the dependent variable ``y``."""
        if name == "y":
            return "y'"
        return rf"{self.name(name)}'\left({self.args(values)}\right)"

    def prime_at(self, name: str, point: Expr) -> str:
        """``f'(2)``, and ``y'(2)`` for the dependent variable too: a value asked on its own needs its point."""
        return rf"{self.name(name)}'\left({self.doprint(point)}\right)"

    def partial(self, name: str, variable: sympy.Symbol) -> str:
        return rf"\frac{{\partial {self.name(name)}}}{{\partial {self.doprint(variable)}}}"

    def partial_at(self, name: str, variable: sympy.Symbol, point: Sequence[Expr]) -> str:
        return rf"{self.partial(name, variable)}\left({self.args(point)}\right)"

    def nabla(self, name: str, point: Sequence[Expr] | None = None) -> str:
        text = rf"\nabla {self.name(name)}"
        return text + (rf"\left({self.args(point)}\right)" if point is not None else "")

    def point(self, values: Sequence[Expr]) -> str:
        """``(1.3, 5.4)``; a single coordinate is written bare."""
        return self.doprint(values[0]) if len(values) == 1 else rf"\left({self.args(values)}\right)"

    def column(self, values: Iterable[Expr]) -> str:
        rows = r" \\ ".join(self.doprint(v) for v in values)
        return rf"\begin{{pmatrix}} {rows} \end{{pmatrix}}"

    def indexed(self, variable: sympy.Symbol | str, index: int | str) -> str:
        """``x_{1}``; a name that already has a subscript gets ``^{(1)}`` instead (a str is a name's LaTeX), and
        so does every name when the deck writes its iterates ``x^{(k)}``."""
        base = variable if isinstance(variable, str) else self.doprint(variable)
        superscript = "_" in base or self._settings["iterate_superscript"]
        return rf"{base}^{{({index})}}" if superscript else rf"{base}_{{{index}}}"

    def per_variable(self, name: str, variable: sympy.Symbol | None) -> str:
        r"""``u``, and ``u_{x}``, ``u_{w_{1}}``, ``\hat{m}_{w_{1}}`` for each variable: a name whose subscript
        is the variable's own name as printed (a subscripted variable keeps its subscript inside)."""
        base = self.name(name)
        return base if variable is None else rf"{base}_{{{self.doprint(variable)}}}"

    def lookahead(self, variable: sympy.Symbol) -> str:
        r"""``\tilde{x}``, ``\tilde{w}_{1}``: the variable's look-ahead, the tilde on its letter only."""
        base, _, sub = variable.name.partition("_")
        return self.name(f"{base}tilde_{sub}" if sub else f"{base}tilde")

    def indexed_name(self, name: str, index: int | str) -> str:
        return self.indexed(sympy.Symbol(name), index)

    def product(self, factors: Sequence[Expr]) -> str:
        r"""Factors written side by side with ``\cdot``, sums and negatives in brackets."""
        parts: list[str] = []
        for factor in factors:
            text = self.doprint(factor)
            needs_brackets = factor.is_Add or (factor.could_extract_minus_sign() and parts)
            parts.append(rf"\left({text}\right)" if needs_brackets else text)
        return r" \cdot ".join(parts)

    def value_parts(self, value: Expr, precision: int | None = None) -> list[tuple[str, str]]:
        r"""How a computed value is written: ``[("=", "1.22")]`` or ``[("=", exact), ("\\approx", rounded)]``."""
        shown = show(value, precision or self._settings["precision"], self._settings["exact_digits"])
        if not shown.approximate:
            return [("=", self.decimal(shown.decimal))]
        parts = [("=", self.doprint(shown.exact))] if shown.exact is not None else []
        return parts + [(APPROX, self.rounded(shown.decimal))]

    def point_value(self, left: str, values: Sequence[Expr]) -> str:
        r"""``left = (1.22, 5.279)``, or ``left \approx (…)`` when any coordinate is rounded."""
        relation, coordinates = self._point_parts(values)
        return f"{left} {relation} {coordinates}"

    def point_rounded(self, values: Sequence[Expr]) -> str:
        r"""A point on its own, e.g. in a table cell: ``(1.22, 5.279)`` or ``\approx (-0.6953, 1.484)``."""
        relation, coordinates = self._point_parts(values)
        return coordinates if relation == "=" else f"{APPROX} {coordinates}"

    def _point_parts(self, values: Sequence[Expr]) -> tuple[str, str]:
        parts = [self.value_parts(v)[-1] for v in values]
        relation = APPROX if any(rel == APPROX for rel, _ in parts) else "="
        separator = self._notation.list_separator
        coordinates = separator.join(text for _, text in parts)
        return relation, (coordinates if len(parts) == 1 else rf"\left({coordinates}\right)")

    def readable(self, step: Expr) -> bool:
        """Whether a working step prints exactly and briefly (no floats, no long fractions)."""
        if step.has(sympy.Float):
            return False
        for number in step.atoms(sympy.Rational):
            digits = terminating_digits(number)
            if (digits is None or digits > self._settings["exact_digits"]) and number.q > 1000:
                return False
        return True

    def value(self, value: Expr, exact_digits: int | None = None) -> str:
        r"""A value on its own, e.g. in a table cell: ``1.22`` or ``\approx 0.3333`` (exact when it is a decimal of
        at most ``exact_digits`` digits, by default the deck's)."""
        digits = exact_digits or self._settings["exact_digits"]
        shown = show(value, self._settings["precision"], digits)
        return self.decimal(shown.decimal) if not shown.approximate else f"{APPROX} {self.rounded(shown.decimal)}"

    def table_column(self, values: Sequence[Expr]) -> list[str]:
        r"""The cells of one table column under one rule: every value exact when all of them are short exact
        decimals, else every value at the deck's precision — ``\approx -0.943`` beside ``\approx -1.013``, never
        the exact ``-0.94299375`` (a value that is exact within that precision, such as ``0.95``, stays bare)."""
        cells = [self.value(v) for v in values]
        if not any(cell.startswith(APPROX) for cell in cells):
            return cells
        return [self.value(v, exact_digits=self._settings["precision"]) for v in values]

    def chain(self, left: str, steps: Sequence[Expr | str] = (), value: Expr | None = None) -> str:
        r"""``left = step = … = value`` with ``\approx`` where the value is rounded.

        Steps are expressions (or LaTeX made by this printer); a step that prints the
        same as the one before is left out, so ``f'(1) = 2 = 2`` never appears.
        """
        return " ".join([left] + [f"{relation} {piece}" for relation, piece in self._links(left, steps, value)])

    def aligned_chain(self, left: str, steps: Sequence[Expr | str] = (), value: Expr | None = None) -> str:
        """The same chain, one link per line (for derivations too long for one line)."""
        lines = [f"{left} &{relation} {piece}" if index == 0 else f"&{relation} {piece}"
                 for index, (relation, piece) in enumerate(self._links(left, steps, value))]
        return r"\begin{aligned} " + r" \\ ".join(lines) + r" \end{aligned}"

    def _links(self, left: str, steps: Sequence[Expr | str], value: Expr | None) -> list[tuple[str, str]]:
        # a working step with approximate numbers would print them rounded after "=", and one with
        # long fractions helps nobody: leave such steps out
        exact_steps = [s for s in steps if isinstance(s, str) or self.readable(s)]
        parts: list[tuple[str, str]] = [("=", s if isinstance(s, str) else self.doprint(s)) for s in exact_steps]
        if value is not None:
            parts += self.value_parts(value)
        links, previous = [], left
        for relation, piece in parts:
            if piece != previous:
                links.append((relation, piece))
                previous = piece
        return links

    def rounded_working(self, build: Callable[[Sequence[Expr]], Expr], values: Sequence[Expr], result: Expr
                        ) -> str | None:
        r"""``0.02372 + \left(-1.995\right) \approx -4.97``: ``build`` applied to ``values`` rounded, as a teacher
        works with rounded numbers, then ``\approx`` the result (None when no rounding shows it truly).
        ``build`` holds the numbers it is given (``held_sum``), so the working prints as built.

        Each value is rounded to ``precision`` significant digits, or more where it takes more for the working,
        recomputed from its printed numbers, to round as ``result`` itself does: the working is true at the
        digits it shows, and the result is the exact one's rounding.
        """
        precision = self._settings["precision"]
        wanted = round_significant(result, precision)
        for digits in range(precision, precision + MORE_DIGITS):
            numbers = [_decimal_number(round_significant(value, digits)) for value in values]
            shown = build(numbers)
            if round_significant(shown.doit(), precision) == wanted:
                relation, text = self.value_parts(result)[-1]
                printer = self._variant(exact_digits=max(digits, self._settings["exact_digits"]))
                return f"{printer.doprint(shown)} {relation} {text}"
        return None

    def rounded_value(self, left: str, value: Expr) -> str:
        r"""``left \approx 0.02371``: a value by its rounding alone (``=`` when it is a short decimal)."""
        relation, text = self.value_parts(value)[-1]
        return f"{left} {relation} {text}"

    def rounded_chain(self, left: str, steps: Sequence[Expr | str], working: str) -> str:
        r"""``left = step = … \approx working``: exact steps, then a working with rounded numbers; with exact
        steps, in ``aligned`` with the working on a line of its own (a long sum stays legible)."""
        exact = [step if isinstance(step, str) else self.doprint(step) for step in steps
                 if isinstance(step, str) or self.readable(step)]
        if not exact:
            return f"{left} {APPROX} {working}"
        rows = [f"{left} &= {' = '.join(exact)}", f"&{APPROX} {working}"]
        return r"\begin{aligned} " + r" \\ ".join(rows) + r" \end{aligned}"

    def with_names(self, expr: Expr, names: dict) -> str:
        """``expr`` in construction order, its placeholder symbols printed as ``names`` give them."""
        return self._variant(order="none", symbol_names=names).doprint(expr)

    def aligned_equations(self, equations: Sequence[tuple[str, Expr | str]]) -> str:
        """Equations one under another, their ``=`` aligned: ``σ(z) = …`` over ``ŷ(x) = σ(wx + b)`` (a right side
        is an expression, or LaTeX made by this printer)."""
        rows = [f"{left} &= {right if isinstance(right, str) else self.doprint(right)}" for left, right in equations]
        return r"\begin{aligned} " + r" \\ ".join(rows) + r" \end{aligned}"

    def relation(self, left: str, relation: str, right: Expr) -> str:
        """``left < right`` and similar, for stopping rules."""
        return f"{left} {relation} {self.doprint(right)}"

    def bound_check(self, left: str, value: Expr, relation: str, bound: Expr) -> str:
        r"""``left = value < bound`` (``\approx`` where the value is rounded — with as many more digits as it
        takes for the rounded value itself to hold: ``\approx 0.09998 < 0.1``, never ``\approx 0.1 < 0.1``)."""
        precision = self._settings["precision"]
        while precision < self._settings["precision"] + MORE_DIGITS:
            shown = show(value, precision, self._settings["exact_digits"])
            if not shown.approximate or _holds(sympy.Rational(shown.decimal), relation, bound):
                break
            precision += 1
        links = " ".join(f"{rel} {text}" for rel, text in self.value_parts(value, precision))
        return f"{left} {links} {relation} {self.doprint(bound)}"

    # -- gradient-descent notation ------------------------------------------
    @property
    def learning_rate_symbol(self) -> str:
        r"""The learning rate: ``\eta``, or the deck's or slide's own (``\lambda``, ``a``, ``\alpha_{1}``)."""
        return self.name(self._settings["learning_rate"])

    def index_letter(self, default: str) -> str:
        """The letter that counts iterates: the one the instructor chose, else ``default`` (i or t)."""
        return self._settings["iterate_index"] or default

    def point_at(self, variables: Sequence[sympy.Symbol], index: int | str) -> str:
        r"""The i-th iterate: ``w_{i}`` for one variable, ``\left(x_{i}, y_{i}\right)`` for several."""
        names = [self.indexed(v, index) for v in variables]
        separator = self._notation.list_separator
        return names[0] if len(names) == 1 else rf"\left({separator.join(names)}\right)"

    def value_at_step(self, name: str, variables: Sequence[sympy.Symbol], index: int | str) -> str:
        """``f(x_{i}, y_{i})``."""
        separator = self._notation.list_separator
        return rf"{self.name(name)}\left({separator.join(self.indexed(v, index) for v in variables)}\right)"

    def update_rule(self, name: str, variable: sympy.Symbol, variables: Sequence[sympy.Symbol]) -> str:
        r"""``x_{i+1} = x_{i} - \eta \frac{\partial f}{\partial x}\left(x_{i}, y_{i}\right)``."""
        separator = self._notation.list_separator
        i = self.index_letter("i")
        point = separator.join(self.indexed(v, i) for v in variables)
        return (rf"{self.indexed(variable, f'{i}+1')} = {self.indexed(variable, i)} - {self.learning_rate_symbol} "
                rf"{self.partial(name, variable)}\left({point}\right)")

    def partial_at_names(self, name: str, variable: sympy.Symbol, names: Sequence[str]) -> str:
        r"""``\frac{\partial f}{\partial x}\left(x_{t}, y_{t}\right)`` at a point given by names."""
        separator = self._notation.list_separator
        return rf"{self.partial(name, variable)}\left({separator.join(names)}\right)"

    def rule(self, target: str, rhs: Expr, names: dict) -> str:
        """An update rule ``target = rhs``; ``names`` give the LaTeX of the placeholder symbols in ``rhs``."""
        return f"{target} = {self._variant(order='none', symbol_names=names).doprint(rhs)}"

    def change(self, name: str, variables: Sequence[sympy.Symbol], index: int | str, previous: int | str) -> str:
        r"""``\left|f(p_{i+1}) - f(p_{i})\right|`` written with the iterates' coordinates."""
        return (rf"\left\lvert {self.value_at_step(name, variables, index)} - "
                rf"{self.value_at_step(name, variables, previous)} \right\rvert")

    def tangent_formula(self, name: str, variable: sympy.Symbol, point: Expr) -> str:
        r"""``f(a) + f'(a) \cdot \left(x - a\right)``: the tangent line at a, in general form."""
        shift = self.doprint(point)
        shift = rf"\left({shift}\right)" if point.could_extract_minus_sign() else shift
        return (rf"{self.call(name, [point])} + {self.prime_at(name, point)} \cdot "
                rf"\left({self.doprint(variable)} - {shift}\right)")

    def derivation_rows(self, left: str, steps: Sequence[tuple[Expr, str]],
                        written_parts: Iterable[Expr] = ()) -> str:
        r"""Rows of a derivation in ``aligned``: ``y' &= step \qquad \text{(rule)}``.

        Every block starts with ``left`` (``y'``), so a derivation continued on the next slide
        still reads ``y' = …``; ``written_parts`` (the sums and products of the instructor's function) print as written.
        """
        rows = []
        for index, (expr, note) in enumerate(steps):
            head = f"{left} &= " if index == 0 else "&= "
            text = head + self.derivation_step(expr, written_parts)
            if note:
                text += rf" \qquad \text{{({note})}}"
            rows.append(text)
        return r"\begin{aligned} " + r" \\ ".join(rows) + r" \end{aligned}"

    def display_inline(self, latex: str) -> str:
        """Inline math set at display size (fractions in a sentence stay readable)."""
        return rf"\displaystyle {latex}"

    def chain_rule_product(self, outer: Expr, name: str, variable: sympy.Symbol, args: Sequence[Expr]) -> str:
        r"""``\left(outer\right) \cdot \frac{\partial name}{\partial variable}\left(args\right)``: an outer
        derivative times the inner one, the chain rule as written on the board."""
        text = self.doprint(outer)
        if isinstance(outer, sympy.Add):
            text = rf"\left({text}\right)"
        return rf"{text} \cdot {self.partial_at(name, variable, args)}"

    def plus(self, pieces: Iterable[str]) -> str:
        """Terms made by this printer, added: ``A + B``."""
        return " + ".join(pieces)

    def compact_equations(self, equations: Iterable[str]) -> str:
        """Short equations in a table cell: ``η = 0.1, β = 0.5`` (``;`` between them in Russian)."""
        return self._notation.list_separator.join(equations)

    def equations(self, equations: Iterable[str]) -> str:
        """Several short equations on one line, separated by a wide space."""
        return r", \qquad ".join(equations)


MORE_DIGITS = 10  # at most this many more significant digits to show a rounded value on its side of a bound


def _decimal_number(value: Decimal) -> sympy.Rational:
    return sympy.Rational(str(value))


def _holds(number: Expr, relation: str, bound: Expr) -> bool:
    return bool({"<": number < bound, ">": number > bound, "≤": number <= bound, "≥": number >= bound}[relation])


def printer_for(lang: str, precision: int, exact_digits: int, mathjax: bool = False,
                symbols: Symbols = DEFAULT_SYMBOLS) -> SlideLatexPrinter:
    """The printer of a deck (``symbols``: the deck's notation; a slide's own is ``with_symbols``)."""
    printer = SlideLatexPrinter({"lang": lang, "precision": precision, "exact_digits": exact_digits,
                                 "mathjax": mathjax})
    return printer.with_symbols(symbols)


__all__ = ["APPROX", "Decimal", "SlideLatexPrinter", "printer_for"]
