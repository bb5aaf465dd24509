"""How verideck prints SymPy expressions: a ``LatexPrinter`` with our conventions as settings.

Settings are validated once in the constructor (no global state, no string replacements
afterwards):

* ``lang``: the language's notation (``notation.py``) — decimal comma and ``\\tg \\ctg \\arctg``
  in Russian, decimal point and ``\\tan \\cot \\arctan`` in English.
* Rationals print as exact decimals when they terminate within ``exact_digits``
  significant digits, otherwise as fractions; Floats (approximations) print
  rounded to ``precision`` significant digits.
* Held (unevaluated) substitutions print in the order they were built, with
  ``\\cdot`` between numbers, so ``2·1.3 + 5.4`` reads as a student writes it.
* A decimal coefficient stays a decimal (``1.78 x^{2}``, not ``\\frac{89 x^{2}}{50}``) when it is shorter
  than the fraction; in the instructor's own expressions (``typed_decimals``: every non-integer rational of a
  written form was typed as a decimal) always.

``latex.SlideLatexPrinter`` adds the notation around expressions on top of this.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar, Self

import sympy
from sympy import Expr, UnevaluatedExpr
from sympy.printing.latex import LatexPrinter

from .notation import notation_for
from .numbers import decimal_text, rational_to_decimal, round_significant, scientific, terminating_digits

_MATHJAX_NAMES = {rf"\{name}": rf"\operatorname{{{name}}}" for name in ("tg", "ctg", "arctg", "arcctg")}


class ExpressionLatexPrinter(LatexPrinter):
    printmethod = "_verideck_latex"
    _default_settings: ClassVar[dict[str, Any]] = {
        **LatexPrinter._default_settings,
        "ln_notation": True,
        "lang": "en",
        "precision": 4,
        "exact_digits": 8,
        "mathjax": False,  # Moodle renders with MathJax, which has no \tg \ctg \arctg \arcctg: \operatorname
        "derivation": False,  # products and sums exactly in the order the differentiation rules wrote them
        "written_parts": frozenset(),  # a derivation's sums and products from the instructor: printed as written
        "typed_decimals": False,  # every terminating coefficient prints as a decimal (a written form: 0.5 x)
    }

    # A printer never changes its settings while printing: a print-time choice (construction order,
    # a derivation's written order, placeholder names) is another printer, made by ``_variant``.
    def __init__(self, settings: dict | None = None):
        super().__init__(settings)
        self._given = dict(settings or {})
        self._notation = notation_for(self._settings["lang"])
        for key in ("precision", "exact_digits"):
            if not isinstance(self._settings[key], int) or self._settings[key] < 1:
                raise ValueError(f"{key} must be a positive whole number")
        self._function_names = self._notation.function_names
        if self._settings["mathjax"]:
            self._function_names = {name: _MATHJAX_NAMES.get(macro, macro)
                                    for name, macro in self._function_names.items()}

    # -- numbers ----------------------------------------------------------
    def decimal(self, text: str) -> str:
        """A decimal's digits in the deck's notation (``1{,}3`` in Russian)."""
        return self._notation.latex_decimal(text)

    def rounded(self, text: str) -> str:
        r"""A rounded decimal (after ``\approx``): ``0{,}3333``, or ``8{,}4856 \cdot 10^{-92}`` when tiny or huge."""
        parts = scientific(text)
        if parts is None:
            return self.decimal(text)
        mantissa, exponent = parts
        return rf"{self.decimal(mantissa)} \cdot 10^{{{exponent}}}"

    def _print_Rational(self, expr: sympy.Rational) -> str:
        power = _small_power_of_ten(expr)
        if power is not None:
            return f"10^{{-{power}}}"  # ε = 10^{-8}, not 0.00000001
        digits = terminating_digits(expr)
        if digits is not None and digits <= self._settings["exact_digits"]:
            return self.decimal(decimal_text(rational_to_decimal(expr)))
        return super()._print_Rational(expr)

    def _print_Float(self, expr: sympy.Float) -> str:
        return self.rounded(decimal_text(round_significant(expr, self._settings["precision"])))

    def _print_Pow(self, expr: sympy.Pow) -> str:
        r"""A held power of a number to a negative exponent is a written division: ``\frac{1}{3}``, ``\frac{1}{2^{3}}``
        (SymPy prints a held 3^{-1} as -3)."""
        if expr.base.is_Number and expr.exp.is_Number and expr.exp.is_negative:
            denominator = expr.base if expr.exp == -1 else sympy.Pow(expr.base, -expr.exp, evaluate=False)
            return rf"\frac{{1}}{{{self._print(denominator)}}}"
        return super()._print_Pow(expr)

    def _print_Pi(self, expr: Expr) -> str:
        # SymPy prints π through its ``_latex`` method, which our ``printmethod`` turns off (else ``\text{\Pi}``)
        return r"\pi"

    # -- functions -----------------------------------------------------------
    def _hprint_Function(self, func: str) -> str:
        return self._function_names.get(func) or super()._hprint_Function(func)

    # -- printers for print-time choices ----------------------------------------
    def _variant(self, **changes: Any) -> Self:
        """A printer like this one with some settings changed."""
        return type(self)({**self._given, **changes})

    @functools.cached_property
    def _as_built(self) -> Self:
        r"""Construction order with ``\cdot`` between factors (the terms of a held substitution)."""
        return self._variant(order="none", mul_symbol="dot")

    @functools.cached_property
    def _in_derivation(self) -> Self:
        return self._variant(derivation=True)

    @functools.cached_property
    def _as_written(self) -> Self:
        """The instructor's expression: terms and factors in the spec's order, decimals as typed."""
        return self._variant(order="none", typed_decimals=True, derivation=False, written_parts=frozenset())

    # -- held substitutions -----------------------------------------------
    def _print_Add(self, expr: sympy.Add, order=None) -> str:
        if self._settings["derivation"] and expr in self._settings["written_parts"]:
            return self._as_written._print(expr)
        if self._settings["derivation"] and self._built_sum(expr):
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

    def _built_sum(self, expr: sympy.Add) -> bool:
        """A sum of a derivation row in the order it was built: held, or a row still being worked out (its terms
        are the rules' in order, even where SymPy would sort them alike)."""
        return sympy.Add(*expr.args) != expr or expr.has(sympy.Derivative)

    def parenthesize(self, item, level, is_neg=False, strict=False) -> str:
        if _is_held_decimal(item, self._settings["exact_digits"]):
            return self._print(item)  # 0.5^{2}, not (0.5)^{2}
        return super().parenthesize(item, level, is_neg, strict)

    def _print_AppliedUndef(self, expr, exp: str | None = None) -> str:
        r"""A named function applied to values, written like ``call``: ``\hat{y}\left(0.5\right)``; raised to a
        power (SymPy's ``_print_Pow`` passes ``exp``), the power follows the call: ``\hat{y}\left(2.5\right)^{2}``."""
        call = rf"{self.name(expr.func.__name__)}\left({self.args(expr.args)}\right)"
        return call if exp is None else rf"{call}^{{{exp}}}"

    def _print_Sigmoid(self, expr: Expr, exp: str | None = None) -> str:
        r"""σ kept where the lesson wrote ``sigmoid``: ``\sigma\left(w x + b\right)`` (a power follows the call)."""
        call = rf"\sigma\left({self._print(expr.args[0])}\right)"
        return call if exp is None else rf"{call}^{{{exp}}}"

    def _print_Derivative(self, expr: sympy.Derivative) -> str:
        """``(x^{3})'``: the prime notation of school lessons, for one variable."""
        if len(expr.variable_count) == 1 and expr.variable_count[0][1] == 1:
            return rf"\left({self._print(expr.expr)}\right)'"
        return super()._print_Derivative(expr)

    def derivation_step(self, expr: Expr, written_parts: Iterable[Expr] = ()) -> str:
        """A step of a derivation: products and sums exactly in the order the rules wrote them, and the
        instructor's own (``written_parts``) as written."""
        sums = frozenset(written_parts)
        return (self._variant(derivation=True, written_parts=sums) if sums else self._in_derivation).doprint(expr)

    def _print_Mul(self, expr: sympy.Mul) -> str:
        if self._settings["derivation"] and expr in self._settings["written_parts"]:
            return self._as_written._print(expr)
        if self._settings["derivation"] and _is_held(expr):
            return self._written_product(expr)
        if self._settings["typed_decimals"] and _is_held(expr) and any(_is_reciprocal(f) for f in expr.args):
            return self._written_fraction(expr)
        if _is_held(expr) and len(expr.args) == 2 and expr.args[0] == -1 and _is_sum(expr.args[1]):
            return rf"- \left({self._print(expr.args[1])}\right)"  # a written -(w x + b)
        numbers = [arg for arg in expr.args if arg.is_Number]
        if len(numbers) > 1:  # a written product -1 · 1.78 · x (from -1.78x): one coefficient, - 1.78 x
            coefficient, others = sympy.Mul(*numbers), [arg for arg in expr.args if not arg.is_Number]
            return self._print(sympy.Mul(coefficient, *others, evaluate=False) if others else coefficient)
        if _is_held(expr) and not expr.has(UnevaluatedExpr) and any(_is_negated(f) for f in expr.args[1:]):
            return self._written_product(expr)  # (SymPy's own printing would lose the bracket: 0.5 - x)
        if not expr.has(UnevaluatedExpr) or not isinstance(expr, sympy.Mul):  # LatexPrinter prints 1/x as a Mul
            decimal = self._decimal_product(expr)
            return super()._print_Mul(expr) if decimal is None else decimal
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
        coefficient = numerator[0] if numerator else None
        if coefficient is not None and coefficient.is_Rational and not coefficient.is_Integer \
                and not self._stays_decimal(coefficient):
            coefficient = numerator.pop(0)  # -x/(3y) has the coefficient -1/3: 1 goes up, 3 down
            numerator[:0] = [] if coefficient.p == 1 else [sympy.Integer(coefficient.p)]
            denominator[:0] = [sympy.Integer(coefficient.q)]
        text = self._held_product(numerator, after_sign=bool(sign)) or "1"
        if denominator:
            text = rf"\frac{{{text}}}{{{self._held_product(denominator)}}}"
        return sign + text

    def _written_fraction(self, expr: sympy.Mul) -> str:
        r"""A written product with divisions: ``\frac{x}{2}`` (``x/2``), ``\frac{1}{1 + e^{-x}}`` (``1/(1 + exp(-x))``),
        ``- \frac{x}{2}``: the factors divided by go down, the others (without a factor 1) stay up, in order."""
        up = [f for f in expr.args if not _is_reciprocal(f)]
        down = [f.base if f.exp == -1 else sympy.Pow(f.base, -f.exp, evaluate=False)
                for f in expr.args if _is_reciprocal(f)]
        coefficient = sympy.Mul(*(f for f in up if f.is_Number))
        others = [f for f in up if not f.is_Number]
        sign = "- " if coefficient.is_negative else ""
        up = ([abs(coefficient)] if abs(coefficient) != 1 or not others else []) + others
        numerator = up[0] if len(up) == 1 else sympy.Mul(*up, evaluate=False)
        denominator = down[0] if len(down) == 1 else sympy.Mul(*down, evaluate=False)
        return rf"{sign}\frac{{{self._print(numerator)}}}{{{self._print(denominator)}}}"

    def _decimal_product(self, expr: Expr) -> str | None:
        r"""``1.78 x^{2}``, ``- 2.27 x y``: a product whose coefficient stays a decimal (see ``_stays_decimal``) and
        whose other factors have no denominator; None for any other product (SymPy's fraction form)."""
        if not isinstance(expr, sympy.Mul):
            return None
        coefficient, rest = expr.as_coeff_Mul()
        if not self._stays_decimal(coefficient) or rest == 1 or sympy.fraction(rest, exact=True)[1] != 1:
            return None
        rest_text = self._print(rest)
        if _is_sum(rest):
            rest_text = rf"\left({rest_text}\right)"
        separator = r" \cdot " if rest_text[:1].isdigit() else " "
        sign = "- " if coefficient.is_negative else ""
        return sign + self._print(abs(coefficient)) + separator + rest_text

    def _stays_decimal(self, number: Expr) -> bool:
        """Whether a non-integer rational coefficient prints as a decimal: always in an instructor's expression
        (``typed_decimals``), else when the decimal is shorter than the fraction (1.78 rather than 89/50, but 1/2)."""
        if not number.is_Rational or number.is_Integer:
            return False
        digits = terminating_digits(number)
        if digits is None or digits > self._settings["exact_digits"]:
            return False
        if self._settings["typed_decimals"]:
            return True
        decimal = decimal_text(rational_to_decimal(abs(number)))
        return sum(c.isdigit() for c in decimal) < len(str(abs(number.p))) + len(str(number.q))

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
                if _is_sum(factor) or (factor.could_extract_minus_sign() and parts):
                    text = rf"\left({text}\right)"
            parts.append(text)
        return sign + r" \cdot ".join(parts)

    def _held_product(self, factors: Sequence[Expr], after_sign: bool = False) -> str:
        r"""Factors of a held substitution, ``\cdot`` between them, brackets where precedence needs them:
        a sum (held or not) among other factors or after a minus sign, a negative number."""
        parts = []
        for factor in factors:
            text = self._print(factor)
            grouped = _is_sum(factor) and (len(factors) > 1 or after_sign)
            if grouped or _is_held_negative(factor) or (factor.is_Number and factor.is_negative):
                text = rf"\left({text}\right)"
            parts.append(text)
        return r" \cdot ".join(parts)


SMALL_POWER = 5  # 1/10^5 and smaller powers of ten print as 10^{-k}


def _small_power_of_ten(value: sympy.Rational) -> int | None:
    """k when ``value`` is 10^{-k} with k ≥ SMALL_POWER, else None."""
    if value.p != 1 or value.q < 10**SMALL_POWER:
        return None
    text = str(value.q)
    return len(text) - 1 if text == "1" + "0" * (len(text) - 1) else None


def _is_negated(factor: Expr) -> bool:
    """A factor written with a minus sign: a negative number, or a product starting with −1 (``-x``)."""
    if factor.is_Number:
        return bool(factor.is_negative)
    return isinstance(factor, sympy.Mul) and bool(factor.args[0].is_Number and factor.args[0].is_negative)


def _is_held(expr: Expr) -> bool:
    """A product built unevaluated (its factors in the order a rule wrote them)."""
    return isinstance(expr, sympy.Mul) and sympy.Mul(*expr.args) != expr


def _flat_factors(expr: sympy.Mul) -> list[Expr]:
    """The factors of a held product, nested held products opened (a negated one after the first stays a
    factor: ``0.5 \\cdot \\left(- x\\right)``), evaluated products kept whole."""
    factors: list[Expr] = []
    for index, arg in enumerate(expr.args):
        opened = _is_held(arg) and not (index > 0 and _is_negated(arg))
        factors += _flat_factors(arg) if opened else [arg]
    return factors


def _is_sum(expr: Expr) -> bool:
    """A sum, held or not: a factor that needs brackets in a product."""
    return bool(expr.is_Add or (isinstance(expr, UnevaluatedExpr) and expr.args[0].is_Add))


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
