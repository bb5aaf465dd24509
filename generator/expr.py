"""The whitelisting expression parser: text → SymPy, never ``eval``.

Grammar (a recursive-descent parser; implicit multiplication as teachers write it)::

    expression := term (("+" | "-") term)*
    term       := ("+" | "-")* power (("*" | "/") signed | <implicit> power)*   a leading sign: the whole product
    signed     := ("+" | "-") signed | power
    power      := atom (("^" | "**") signed)?          right-associative
    atom       := NUMBER | NAME | NAME "(" arguments ")" | "(" expression ")"

Names are symbols unless they are one of the allowed functions or constants
(``e``/``E``, ``pi``).  Anything else — attribute access, strings, indexing,
keywords, dunders — is a parse error that names the column.  Work is bounded:
length, nesting depth and the size of numeric powers are checked before
SymPy computes anything.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import sympy
from sympy import Expr
from sympy.printing.str import StrPrinter

from .errors import ExprError
from .vocabulary import CONSTANTS, FUNCTIONS, KEYWORDS, FunctionRule, Sigmoid

MAX_LENGTH = 2000
MAX_DEPTH = 60
MAX_POWER_DIGITS = 2000  # a numeric power may have at most this many digits

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<number>(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+(?![A-Za-z_]))?)
  | (?P<name>[A-Za-z](?:[A-Za-z0-9]|_(?=[A-Za-z0-9]))*)
  | (?P<op>\*\*|[-+*/^(),])
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Token:
    kind: str  # "number" | "name" | "op" | "end"
    text: str
    column: int  # 1-based


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise ExprError(_unexpected_character(text[position]), position + 1)
        kind = match.lastgroup or ""
        if kind != "space":
            tokens.append(Token(kind, match.group(), position + 1))
        position = match.end()
    tokens.append(Token("end", "", len(text) + 1))
    return tokens


def _unexpected_character(char: str) -> str:
    if char == "_":
        return "names cannot start with '_' or contain '__'"
    if char in "'\"":
        return "strings are not allowed in an expression"
    if char in "[]{}":
        return f"unexpected {char!r}: use round brackets"
    if char == ".":
        return "attribute access is not allowed"
    if not char.isascii():
        return f"unexpected character {char!r} (U+{ord(char):04X}); write names in Latin letters"
    return f"unexpected character {char!r}"


class _Parser:
    def __init__(self, text: str, symbols: dict[str, sympy.Symbol], named: dict[str, FunctionRule],
                 keep_order: bool = False, known: frozenset[str] | None = None):
        self.tokens = tokenize(text)
        self.index = 0
        self.depth = 0
        self.symbols = symbols
        self.functions = {**FUNCTIONS, **named}
        self.evaluate = not keep_order
        self.known = known  # answer mode: the variables a student may use (``xy`` → x·y, ``sin x``, ``sin^2(x)``)

    # -- token helpers -------------------------------------------------
    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def accept(self, *ops: str) -> Token | None:
        token = self.current
        if token.kind == "op" and token.text in ops:
            return self.advance()
        return None

    def expect(self, op: str) -> Token:
        token = self.accept(op)
        if token is None:
            raise ExprError(f"expected {op!r}, found {_describe(self.current)}", self.current.column)
        return token

    def nested(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(f"the expression is nested more than {MAX_DEPTH} levels deep", self.current.column)

    # -- grammar -------------------------------------------------------
    def parse(self) -> Expr:
        if self.current.kind == "end":
            raise ExprError("the expression is empty", 1)
        result = self.expression()
        if self.current.kind != "end":
            raise ExprError(f"unexpected {_describe(self.current)}", self.current.column)
        return result

    def expression(self) -> Expr:
        """A sum, built from all its terms at once: written in order (``keep_order``), one flat sum."""
        terms = [self.term()]
        while (token := self.accept("+", "-")) is not None:
            right = self.term()
            terms.append(right if token.text == "+" else self.negate(right))
        return terms[0] if len(terms) == 1 else sympy.Add(*terms, evaluate=self.evaluate)

    def term(self) -> Expr:
        """A product, built from all its factors at once (``2*(x + y)*sin(x)`` stays as written, as SymPy builds
        it); a leading sign belongs to the whole product, a sign after ``*`` or ``/`` to its factor."""
        signs = 0
        negative = False
        while (token := self.accept("+", "-")) is not None:
            self.nested()
            signs += 1
            negative ^= token.text == "-"
        factors = [self.power()]
        while True:
            if (token := self.accept("*", "/")) is not None:
                right = self.signed()
                factors.append(_reciprocal(right, token, self.evaluate) if token.text == "/" else right)
            elif self._starts_atom():
                factors.append(self.power())
            else:
                break
        self.depth -= signs
        if factors[0] == 1 and len(factors) > 1 and not self.evaluate:
            factors.pop(0)  # 1/(1 + e^{-x}) is the reciprocal itself, not a product with 1
        if negative:
            factors.insert(0, sympy.Integer(-1))
        return factors[0] if len(factors) == 1 else sympy.Mul(*factors, evaluate=self.evaluate)

    def signed(self) -> Expr:
        if (token := self.accept("+", "-")) is not None:
            self.nested()
            operand = self.signed()
            self.depth -= 1
            return self.negate(operand) if token.text == "-" else operand
        return self.power()

    def power(self) -> Expr:
        base = self.atom()
        if (token := self.accept("^", "**")) is not None:
            self.nested()
            exponent = self.signed()
            self.depth -= 1
            if exponent.is_number and not self.evaluate:
                exponent = exponent.doit()  # x^(1/3): the exponent is the number 1/3, never a held 3^{-1}
            return _bounded_power(base, exponent, token, self.evaluate)
        return base

    def atom(self) -> Expr:
        token = self.current
        if token.kind == "number":
            self.advance()
            return _number(token)
        if token.kind == "name":
            self.advance()
            if self.known is not None and token.text in self.functions and not self._at("("):
                return self.loose_call(token)
            if self.accept("(") is not None:
                return self.call(token)
            return self.name(token)
        if self.accept("(") is not None:
            self.nested()
            inside = self.expression()
            self.expect(")")
            self.depth -= 1
            return inside
        raise ExprError(f"expected a number, a name or '(', found {_describe(token)}", token.column)

    def call(self, name: Token) -> Expr:
        rule = self.functions.get(name.text)
        if rule is None:
            raise ExprError(_unknown_function(name.text), name.column)
        self.nested()
        arguments = [self.expression()]
        while self.accept(",") is not None:
            arguments.append(self.expression())
        self.expect(")")
        self.depth -= 1
        return self.apply(name, arguments)

    def apply(self, name: Token, arguments: list[Expr]) -> Expr:
        rule = self.functions[name.text]
        if len(arguments) not in rule.arities:
            wanted = " or ".join(str(n) for n in rule.arities)
            raise ExprError(f"{name.text}() takes {wanted} argument(s), got {len(arguments)}", name.column)
        return rule.build(*arguments)

    def split_name(self, token: Token) -> Expr | None:
        """Answer mode: a run of letters written together — ``xy`` → x·y, ``sinx`` → sin(x), ``cos2x`` → cos(2x)."""
        known = self.known or frozenset()

        def product(text: str) -> Expr | None:
            letters = text.lstrip("0123456789")
            number = text[:len(text) - len(letters)]
            if not letters or not all(letter in known for letter in letters):
                return None
            factors = [sympy.Integer(number)] if number else []
            factors += [self.symbols.setdefault(letter, sympy.Symbol(letter, real=True)) for letter in letters]
            return sympy.Mul(*factors, evaluate=self.evaluate)
        for function in sorted(self.functions, key=len, reverse=True):
            if token.text.startswith(function) and len(token.text) > len(function):
                inner = product(token.text[len(function):])
                if inner is not None:
                    return self.apply(Token("name", function, token.column), [inner])
        return product(token.text)

    def loose_call(self, name: Token) -> Expr:
        """Answer mode: ``sin^2(2x)`` (a power of the function's value) and ``sin 2x``, ``ln x`` without brackets."""
        exponent = None
        if (token := self.accept("^", "**")) is not None:
            self.nested()
            exponent = self.atom()
            self.depth -= 1
        if self.accept("(") is not None:
            value = self.call(name)
        elif self._starts_atom():
            self.nested()
            argument = self.power()
            if argument.is_number and self.current.kind == "name" and self.current.text not in self.functions:
                argument = sympy.Mul(argument, self.power(), evaluate=self.evaluate)  # sin 2x = sin(2x)
            self.depth -= 1
            value = self.apply(name, [argument])
        else:
            raise ExprError(f"{name.text} is a function: write {name.text}(...)", name.column)
        if exponent is None or token is None:  # (an exponent comes with its ^ token)
            return value
        return _bounded_power(value, exponent, token, self.evaluate)

    def name(self, token: Token) -> Expr:
        if token.text in CONSTANTS:
            return CONSTANTS[token.text]
        if token.text in KEYWORDS:
            raise ExprError(f"{token.text!r} is a Python keyword, not a name in an expression", token.column)
        if token.text in self.functions:
            raise ExprError(f"{token.text} is a function: write {token.text}(...)", token.column)
        if self.known is not None and token.text not in self.known:
            split = self.split_name(token)
            if split is not None:
                return split
        if token.text not in self.symbols:
            self.symbols[token.text] = sympy.Symbol(token.text, real=True)
        return self.symbols[token.text]

    def negate(self, operand: Expr) -> Expr:
        """``-operand``; in written order a held ``-1 · operand`` (a number is simply negated: ``x - 2``)."""
        return -operand if self.evaluate or operand.is_Number else sympy.Mul(-1, operand, evaluate=False)

    def _at(self, op: str) -> bool:
        return self.current.kind == "op" and self.current.text == op

    def _starts_atom(self) -> bool:
        token = self.current
        return token.kind in ("number", "name") or (token.kind == "op" and token.text == "(")


def _describe(token: Token) -> str:
    return "the end of the expression" if token.kind == "end" else repr(token.text)


def _unknown_function(name: str) -> str:
    import difflib

    close = difflib.get_close_matches(name, FUNCTIONS, n=1)
    hint = f"; did you mean {close[0]}?" if close else ""
    return f"unknown function {name!r}{hint}"


def number_problem(text: str) -> str | None:
    """Why the decimal literal ``text`` must not be computed exactly (``1e999999999``), or None."""
    _, _, exponent = text.strip().lower().partition("e")
    if exponent and abs(int(exponent)) > MAX_POWER_DIGITS:
        return (f"the number {text.strip()} is too large to write out exactly "
                f"(its exponent is beyond ±{MAX_POWER_DIGITS})")
    return None


def _number(token: Token) -> Expr:
    """A number as written, exactly (``1.3`` is 13/10)."""
    problem = number_problem(token.text)
    if problem is not None:
        raise ExprError(problem, token.column)
    return sympy.Rational(token.text)


def _reciprocal(value: Expr, token: Token, evaluate: bool) -> Expr:
    if value.is_zero:
        raise ExprError("division by zero", token.column)
    return sympy.Pow(value, -1, evaluate=evaluate)


def power_problem(base: Expr, exponent: Expr) -> str | None:
    """Why ``base ** exponent`` must not be computed (too many digits, 0 to a negative power), or None."""
    if base.is_number and exponent.is_number and exponent.is_Rational and base.is_Rational:
        magnitude = max(abs(base.p), abs(base.q), 2)
        digits = abs(exponent) * math.log10(magnitude)
        if digits > MAX_POWER_DIGITS:
            return f"the power is too large to compute (about {int(digits)} digits)"
        if base.is_zero and exponent.is_negative:
            return "division by zero"
    elif exponent.is_number and exponent.is_Rational and abs(exponent) > 10_000:
        return "the exponent is too large"
    return None


def _bounded_power(base: Expr, exponent: Expr, token: Token, evaluate: bool = True) -> Expr:
    """``base ** exponent``, refusing numeric powers too large to compute."""
    problem = power_problem(base, exponent)
    if problem is not None:
        raise ExprError(problem, token.column)
    return sympy.Pow(base, exponent, evaluate=evaluate)


def parse_expression(text: str, symbols: dict[str, sympy.Symbol] | None = None,
                     named_functions: tuple[str, ...] = (), keep_order: bool = False,
                     answer_variables: Sequence[str] | None = None, keep_sigmoid: bool = False) -> Expr:
    """Parse ``text`` with the whitelist grammar; raise ``ExprError`` with a column.

    ``named_functions`` are names the text may call as functions of one
    argument that stay unevaluated, such as ``sigma(x)`` for the slide's own σ.
    ``keep_order`` builds sums and products unevaluated, in the order written.
    ``answer_variables`` switches on the looser reading of students' answers
    (``sin^2(2x)``, ``sin 2x``, ``2xy``), knowing which single names are variables.
    ``keep_sigmoid`` reads ``sigmoid(u)`` as ``Sigmoid(u)``, printed σ(u) (``exact_sigmoids`` gives its value).
    """
    if len(text) > MAX_LENGTH:
        raise ExprError(f"the expression is longer than {MAX_LENGTH} characters", MAX_LENGTH + 1)
    named = {name: FunctionRule(sympy.Function(name)) for name in named_functions}
    if keep_sigmoid:
        named["sigmoid"] = FunctionRule(Sigmoid)
    known = None if answer_variables is None else frozenset(answer_variables)
    return _Parser(text, {} if symbols is None else symbols, named, keep_order, known).parse()


class _TextPrinter(StrPrinter):
    """Prints SymPy expressions in the grammar above, so ``parse_expression`` reads them back."""

    def _print_Abs(self, expr: Expr) -> str:
        return f"abs({self._print(expr.args[0])})"

    def _print_Exp1(self, expr: Expr) -> str:
        return "E"

    def _print_Float(self, expr: Expr) -> str:
        text = sympy.Float(expr, 30).__str__()
        return f"({text})" if text.startswith("-") else text


def expression_text(expr: Expr) -> str:
    """``expr`` as plain text in this parser's grammar: ``parse_expression(expression_text(e)) == e``."""
    return _TextPrinter().doprint(expr)


def symbol(name: str) -> sympy.Symbol:
    """The symbol the parser makes for ``name`` (same assumptions, so they compare equal)."""
    return sympy.Symbol(name, real=True)


def is_valid_name(name: str) -> bool:
    """Whether ``name`` is a variable name the parser accepts (not a function or constant)."""
    match = _TOKEN.fullmatch(name)
    return bool(match and match.lastgroup == "name" and name not in FUNCTIONS and name not in CONSTANTS)


