"""The one LaTeX printer of verideck: every formula on a slide is made here.

``SlideLatexPrinter`` is a SymPy ``LatexPrinter`` with our conventions as
settings, validated once in the constructor (no global state, no string
replacements afterwards):

* ``lang="ru"``: decimal comma (``1{,}3``), ``\\tg \\ctg \\arctg \\arcctg``, ``;`` between
  coordinates; ``lang="en"``: decimal point, ``\\tan \\cot \\arctan``.
* Rationals print as exact decimals when they terminate within ``exact_digits``
  significant digits, otherwise as fractions; Floats (approximations) print
  rounded to ``precision`` significant digits.
* Held (unevaluated) substitutions print in the order they were built, with
  ``\\cdot`` between numbers, so ``2·1.3 + 5.4`` reads as a student writes it.

Besides expressions it prints the notation around them (f'(x), ∂f/∂x, ∇f, points,
equation chains), so templates never assemble LaTeX.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, ClassVar

import sympy
from sympy import Expr, UnevaluatedExpr
from sympy.printing.latex import LatexPrinter

from .numbers import decimal_text, rational_to_decimal, round_significant, show, terminating_digits

_FUNCTION_NAMES = {
    "en": {"asin": r"\arcsin", "acos": r"\arccos", "atan": r"\arctan", "acot": r"\operatorname{arccot}"},
    "ru": {"tan": r"\tg", "cot": r"\ctg", "asin": r"\arcsin", "acos": r"\arccos", "atan": r"\arctg",
           "acot": r"\arcctg", "sinh": r"\operatorname{sh}", "cosh": r"\operatorname{ch}",
           "tanh": r"\operatorname{th}"},
}

_MATHJAX_NAMES = {rf"\{name}": rf"\operatorname{{{name}}}" for name in ("tg", "ctg", "arctg", "arcctg")}

APPROX = r"\approx"


class SlideLatexPrinter(LatexPrinter):
    printmethod = "_verideck_latex"
    _default_settings: ClassVar[dict[str, Any]] = {
        **LatexPrinter._default_settings,
        "ln_notation": True,
        "lang": "en",
        "precision": 4,
        "exact_digits": 8,
        "mathjax": False,  # Moodle renders with MathJax, which has no \tg \ctg \arctg \arcctg: \operatorname
        "derivation": False,  # products and sums exactly in the order the differentiation rules wrote them
    }

    # A printer never changes its settings while printing: a print-time choice (construction order,
    # a derivation's written order, placeholder names) is another printer, made by ``_variant``.
    def __init__(self, settings: dict | None = None):
        super().__init__(settings)
        self._given = dict(settings or {})
        if self._settings["lang"] not in _FUNCTION_NAMES:
            raise ValueError(f"lang must be one of {', '.join(_FUNCTION_NAMES)}")
        for key in ("precision", "exact_digits"):
            if not isinstance(self._settings[key], int) or self._settings[key] < 1:
                raise ValueError(f"{key} must be a positive whole number")
        self._function_names = _FUNCTION_NAMES[self._settings["lang"]]
        if self._settings["mathjax"]:
            self._function_names = {name: _MATHJAX_NAMES.get(macro, macro)
                                    for name, macro in self._function_names.items()}
        self._comma = self._settings["lang"] == "ru"

    # -- numbers ----------------------------------------------------------
    def decimal(self, text: str) -> str:
        """A decimal's digits in the deck's notation (``1{,}3`` in Russian)."""
        return text.replace(".", "{,}") if self._comma else text

    def _print_Rational(self, expr: sympy.Rational) -> str:
        power = _small_power_of_ten(expr)
        if power is not None:
            return f"10^{{-{power}}}"  # ε = 10^{-8}, not 0.00000001
        digits = terminating_digits(expr)
        if digits is not None and digits <= self._settings["exact_digits"]:
            return self.decimal(decimal_text(rational_to_decimal(expr)))
        return super()._print_Rational(expr)

    def _print_Float(self, expr: sympy.Float) -> str:
        return self.decimal(decimal_text(round_significant(expr, self._settings["precision"])))

    # -- functions -----------------------------------------------------------
    def _hprint_Function(self, func: str) -> str:
        return self._function_names.get(func) or super()._hprint_Function(func)

    # -- printers for print-time choices ----------------------------------------
    def _variant(self, **changes: Any) -> SlideLatexPrinter:
        """A printer like this one with some settings changed."""
        return type(self)({**self._given, **changes})

    @functools.cached_property
    def _as_built(self) -> SlideLatexPrinter:
        r"""Construction order with ``\cdot`` between factors (the terms of a held substitution)."""
        return self._variant(order="none", mul_symbol="dot")

    @functools.cached_property
    def _in_derivation(self) -> SlideLatexPrinter:
        return self._variant(derivation=True)

    @functools.cached_property
    def _as_written(self) -> SlideLatexPrinter:
        return self._variant(order="none")

    # -- held substitutions -----------------------------------------------
    def _print_Add(self, expr: sympy.Add, order=None) -> str:
        if self._settings["derivation"] and sympy.Add(*expr.args) != expr:
            return super()._print_Add(expr, "none")
        if not expr.has(UnevaluatedExpr):
            return super()._print_Add(expr, order)
        text = ""
        for term in expr.args:
            term_text = self._as_built._print(term)
            if not text:
                text = term_text
            elif _is_held_negative(term):
                text += rf" + \left({term_text}\right)"
            elif term_text.startswith("-"):
                text += " - " + term_text[1:].lstrip()
            else:
                text += " + " + term_text
        return text

    def parenthesize(self, item, level, is_neg=False, strict=False) -> str:
        if _is_held_decimal(item, self._settings["exact_digits"]):
            return self._print(item)  # 0.5^{2}, not (0.5)^{2}
        return super().parenthesize(item, level, is_neg, strict)

    def _print_AppliedUndef(self, expr) -> str:
        r"""A named function applied to values, written like ``call``: ``\hat{y}\left(0.5\right)``."""
        return rf"{self.name(expr.func.__name__)}\left({self.args(expr.args)}\right)"

    def _print_Derivative(self, expr: sympy.Derivative) -> str:
        """``(x^{3})'``: the prime notation of school lessons, for one variable."""
        if len(expr.variable_count) == 1 and expr.variable_count[0][1] == 1:
            return rf"\left({self._print(expr.expr)}\right)'"
        return super()._print_Derivative(expr)

    def derivation_step(self, expr: Expr) -> str:
        """A step of a derivation: products and sums exactly in the order the rules wrote them."""
        return self._in_derivation.doprint(expr)

    def _print_Mul(self, expr: sympy.Mul) -> str:
        if self._settings["derivation"] and _is_held(expr):
            return self._written_product(expr)
        if not expr.has(UnevaluatedExpr) or not isinstance(expr, sympy.Mul):  # LatexPrinter prints 1/x as a Mul
            return super()._print_Mul(expr)
        factors = list(expr.args)
        sign = ""
        if factors[0].is_Number and factors[0].is_negative:
            sign = "- "
            factors[0] = -factors[0]
            if factors[0] == 1 and len(factors) > 1:
                factors.pop(0)
        numerator = [f for f in factors if not _is_reciprocal(f)]
        denominator = [sympy.Pow(f.base, -f.exp, evaluate=False) if f.exp != -1 else f.base
                       for f in factors if _is_reciprocal(f)]
        if numerator and numerator[0].is_Rational and not numerator[0].is_Integer:
            coefficient = numerator.pop(0)  # -x/(3y) has the coefficient -1/3: 1 goes up, 3 down
            numerator[:0] = [] if coefficient.p == 1 else [sympy.Integer(coefficient.p)]
            denominator[:0] = [sympy.Integer(coefficient.q)]
        text = self._held_product(numerator) or "1"
        if denominator:
            text = rf"\frac{{{text}}}{{{self._held_product(denominator)}}}"
        return sign + text

    def _written_product(self, expr: sympy.Mul) -> str:
        r"""Factors in stored order with ``\cdot``: ``2 \arctg x^3 \cdot \frac{1}{1 + x^6} \cdot 3x^2``."""
        factors = _flat_factors(expr)
        sign = ""
        if factors[0] == -1 and len(factors) > 1:
            sign, factors = "- ", factors[1:]
        parts: list[str] = []
        for factor in factors:
            if _is_reciprocal(factor):
                denominator = factor.base if factor.exp == -1 else sympy.Pow(factor.base, -factor.exp, evaluate=False)
                text = rf"\frac{{1}}{{{self._print(denominator)}}}"
            else:
                text = self._print(factor)
                if factor.is_Add or (factor.could_extract_minus_sign() and parts):
                    text = rf"\left({text}\right)"
            parts.append(text)
        return sign + r" \cdot ".join(parts)

    def _held_product(self, factors: Sequence[Expr]) -> str:
        r"""Factors of a held substitution, ``\cdot`` between them, brackets where needed."""
        parts = []
        for factor in factors:
            text = self._print(factor)
            if ((factor.is_Add and len(factors) > 1) or _is_held_negative(factor)
                    or (factor.is_Number and factor.is_negative)):
                text = rf"\left({text}\right)"
            parts.append(text)
        return r" \cdot ".join(parts)

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
        separator = "; " if self._comma else ", "
        return separator.join(self.doprint(v) for v in values)

    def call(self, name: str, values: Iterable[Expr]) -> str:
        """``f(x, y)``; a function named ``y`` is written as the bare dependent variable."""
        if name == "y":
            return "y"
        return rf"{self.name(name)}\left({self.args(values)}\right)"

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

    def indexed(self, variable: sympy.Symbol, index: int | str) -> str:
        """``x_{1}``; a name that already has a subscript gets ``^{(1)}`` instead."""
        base = self.doprint(variable)
        return rf"{base}^{{({index})}}" if "_" in variable.name else rf"{base}_{{{index}}}"

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

    def value_parts(self, value: Expr) -> list[tuple[str, str]]:
        r"""How a computed value is written: ``[("=", "1.22")]`` or ``[("=", exact), ("\\approx", rounded)]``."""
        shown = show(value, self._settings["precision"], self._settings["exact_digits"])
        if not shown.approximate:
            return [("=", self.decimal(shown.decimal))]
        parts = [("=", self.doprint(shown.exact))] if shown.exact is not None else []
        return parts + [(APPROX, self.decimal(shown.decimal))]

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
        separator = "; " if self._comma else ", "
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

    def value(self, value: Expr) -> str:
        r"""A value on its own, e.g. in a table cell: ``1.22`` or ``\approx 0.3333``."""
        relation, text = self.value_parts(value)[-1]
        return text if relation == "=" else f"{APPROX} {text}"

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

    def relation(self, left: str, relation: str, right: Expr) -> str:
        """``left < right`` and similar, for stopping rules."""
        return f"{left} {relation} {self.doprint(right)}"

    def bound_check(self, left: str, value: Expr, relation: str, bound: Expr) -> str:
        r"""``left = value < bound`` (``\approx`` where the value is rounded)."""
        return f"{self.chain(left, [], value)} {relation} {self.doprint(bound)}"

    # -- gradient-descent notation ------------------------------------------
    learning_rate_symbol = r"\eta"

    def point_at(self, variables: Sequence[sympy.Symbol], index: int | str) -> str:
        r"""The i-th iterate: ``w_{i}`` for one variable, ``\left(x_{i}, y_{i}\right)`` for several."""
        names = [self.indexed(v, index) for v in variables]
        separator = "; " if self._comma else ", "
        return names[0] if len(names) == 1 else rf"\left({separator.join(names)}\right)"

    def value_at_step(self, name: str, variables: Sequence[sympy.Symbol], index: int | str) -> str:
        """``f(x_{i}, y_{i})``."""
        separator = "; " if self._comma else ", "
        return rf"{self.name(name)}\left({separator.join(self.indexed(v, index) for v in variables)}\right)"

    def update_rule(self, name: str, variable: sympy.Symbol, variables: Sequence[sympy.Symbol]) -> str:
        r"""``x_{i+1} = x_{i} - \eta \frac{\partial f}{\partial x}\left(x_{i}, y_{i}\right)``."""
        separator = "; " if self._comma else ", "
        point = separator.join(self.indexed(v, "i") for v in variables)
        return (rf"{self.indexed(variable, 'i+1')} = {self.indexed(variable, 'i')} - {self.learning_rate_symbol} "
                rf"{self.partial(name, variable)}\left({point}\right)")

    def partial_at_names(self, name: str, variable: sympy.Symbol, names: Sequence[str]) -> str:
        r"""``\frac{\partial f}{\partial x}\left(x_{t}, y_{t}\right)`` at a point given by names."""
        separator = "; " if self._comma else ", "
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
        return (rf"{self.call(name, [point])} + {self.prime(name, [point])} \cdot "
                rf"\left({self.doprint(variable)} - {shift}\right)")

    def derivation_rows(self, left: str, steps: Sequence[tuple[Expr, str]]) -> str:
        r"""Rows of a derivation in ``aligned``: ``y' &= step \qquad \text{(rule)}``.

        Every block starts with ``left`` (``y'``), so a derivation continued on the next slide
        still reads ``y' = …``.
        """
        rows = []
        for index, (expr, note) in enumerate(steps):
            head = f"{left} &= " if index == 0 else "&= "
            text = head + self.derivation_step(expr)
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
        return ("; " if self._comma else ", ").join(equations)

    def equations(self, equations: Iterable[str]) -> str:
        """Several short equations on one line, separated by a wide space."""
        return r", \qquad ".join(equations)


SMALL_POWER = 5  # 1/10^5 and smaller powers of ten print as 10^{-k}


def _small_power_of_ten(value: sympy.Rational) -> int | None:
    """k when ``value`` is 10^{-k} with k ≥ SMALL_POWER, else None."""
    if value.p != 1 or value.q < 10**SMALL_POWER:
        return None
    text = str(value.q)
    return len(text) - 1 if text == "1" + "0" * (len(text) - 1) else None


def _is_held(expr: Expr) -> bool:
    """A product built unevaluated (its factors in the order a rule wrote them)."""
    return isinstance(expr, sympy.Mul) and sympy.Mul(*expr.args) != expr


def _flat_factors(expr: sympy.Mul) -> list[Expr]:
    """The factors of a held product, nested held products opened, evaluated products kept whole."""
    factors: list[Expr] = []
    for arg in expr.args:
        factors += _flat_factors(arg) if _is_held(arg) else [arg]
    return factors


def _is_reciprocal(factor: Expr) -> bool:
    return factor.is_Pow and factor.exp.is_negative is True


def _is_held_negative(term: Expr) -> bool:
    return isinstance(term, UnevaluatedExpr) and bool(term.args[0].is_negative)


def _is_held_decimal(item: Expr, exact_digits: int) -> bool:
    """A held non-negative number that prints as a plain decimal (an atom on the slide)."""
    if not isinstance(item, UnevaluatedExpr) or not item.args[0].is_Rational or item.args[0].is_negative:
        return False
    digits = terminating_digits(item.args[0])
    return digits is not None and digits <= exact_digits


def printer_for(lang: str, precision: int, exact_digits: int, mathjax: bool = False) -> SlideLatexPrinter:
    return SlideLatexPrinter({"lang": lang, "precision": precision, "exact_digits": exact_digits, "mathjax": mathjax})


__all__ = ["APPROX", "Decimal", "SlideLatexPrinter", "printer_for"]
