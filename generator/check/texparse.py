"""A recursive-descent parser for the LaTeX that instructors write in slides.

It reads the printed formula, not the generator's intentions: ``\\frac``/``\\dfrac``,
``\\cdot``, implicit multiplication, ``^{}``, ``\\sqrt``, ``\\left( \\right)``, functions with
and without brackets (``\\cos^2 x^2``, ``\\arctg^{2}{\\left(x^{3} \\right)}``), decimal points
and commas (``1{,}3``; ``0,01`` in a Russian deck), subscripted names, primes, partial
derivatives, ``\\nabla``, ``\\frac{d}{dx}``, ``pmatrix`` vectors and ``|…|``.

This module holds the entry point ``parse_formula`` and the grammar of statements and
expressions (sums, products, powers, brackets, names and their scripts); the constructs that
start with a macro are read by ``texcommands``.  The result is a syntax tree (``textree``);
``evaluate.py`` gives it meaning in the deck's running context.  Anything outside the subset
raises ``TexError``, which the checker reports as "not understood" — never as verified.
"""
from __future__ import annotations

import re
from fractions import Fraction

from ..notation import commas_as_latex
from .texcommands import command
from .texnotation import BRACKETS, FUNCTIONS, GREEK, NORMS, POWER_OF_CALL, RELATIONS, SEPARATORS
from .texteaching import teaching_spellings
from .textokens import Token, TokenCursor, digit_groups, tokenize
from .textree import Abs, Call, Name, Neg, Node, Norm, Num, Op, Prime, Statement, TexError, Tuple, index_text

MAX_DEPTH = 80


class FormulaParser(TokenCursor):
    """The grammar of statements and expressions over the tokens of one formula."""

    def __init__(self, tokens: list[Token], source: str = ""):
        super().__init__(tokens)
        self.source = source
        self.depth = 0

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise TexError("the formula is nested too deeply")

    # statements
    def statements(self) -> list[Statement]:
        result = []
        while self.peek() is not None:
            self.skip_ignored()
            if self.peek() is None:
                break
            if self.at(*SEPARATORS, r"\\", "&"):
                self.take()
                continue
            result.append(self.statement())
        return result

    def statement(self) -> Statement:
        first_start = self.index
        sides = [self.expression()]
        texts = [self.text_between(first_start, self.index)]
        relations = []
        while True:
            self.skip_ignored()
            self.skip_alignment()
            token = self.peek()
            if token is None or token.text not in RELATIONS:
                break
            self.take()
            self.skip_alignment()
            relations.append(RELATIONS[token.text])
            side_start = self.index
            sides.append(self.expression())
            texts.append(self.text_between(side_start, self.index))
        token = self.peek()
        if token is not None and token.text not in SEPARATORS and token.text not in (r"\\", "&"):
            raise TexError(f"unexpected {token.text}")
        return Statement(tuple(sides), tuple(relations), tuple(texts))

    def text_between(self, start: int, end: int) -> str:
        """The formula text of tokens ``start``…``end`` as written."""
        if start >= end:
            return ""
        first, last = self.tokens[start], self.tokens[end - 1]
        if self.source and last.end > first.start:
            return self.source[first.start:last.end].strip()
        return " ".join(token.text for token in self.tokens[start:end])

    def skip_alignment(self) -> None:
        while self.at("&"):
            self.take()

    # expressions
    def expression(self) -> Node:
        self.enter()
        self.skip_ignored()
        if self.at("+", "-"):
            sign = self.take().text
            result = self.term()
            result = Neg(result) if sign == "-" else result
        else:
            result = self.term()
        while True:
            self.skip_ignored()
            if self.at("+", "-"):
                sign = self.take().text
                right = self.term()
                result = Op("+", result, Neg(right) if sign == "-" else right)
            elif self.at(r"\pm", r"\mp"):
                raise TexError("± is not a single value")
            else:
                break
        self.depth -= 1
        return result

    def term(self) -> Node:
        result = self.unary()
        while True:
            self.skip_ignored()
            if self.at(r"\cdot", r"\times", "*", r"\ast"):
                written = self.take().text
                result = Op("*", result, self.unary(), written)
            elif self.at("/", r"\div"):
                self.take()
                result = Op("/", result, self.unary())
            elif self.starts_factor():
                result = Op("*", result, self.postfix())
            else:
                return result

    def unary(self) -> Node:
        self.skip_ignored()
        if self.at("-"):
            self.take()
            return Neg(self.unary())
        if self.at("+"):
            self.take()
            return self.unary()
        return self.postfix()

    def starts_factor(self) -> bool:
        token = self.peek()
        if token is None:
            return False
        if token.kind in ("number", "symbol"):
            return True
        if token.text in ("(", "[", r"\left", "{", r"\lvert", r"\lVert"):
            return True  # (not \| or \Vert: the same sign closes a norm)
        if token.text in ("|", r"\vert"):
            return False  # a closing bar, or ambiguous: only opened explicitly in atom()
        if token.kind == "command":
            name = token.text[1:]
            return (name in GREEK or name in FUNCTIONS or name in (
                "frac", "dfrac", "tfrac", "sqrt", "nabla", "operatorname", "begin", "partial", "mathrm", "mathit",
                "exp", "hat", "tilde", "bar", "left"))
        return False

    def postfix(self) -> Node:
        enclosed = self.at("(", "[", r"\left")  # (x (e^x))': a prime after the bracket is the whole product's
        base = self.atom()
        while True:
            self.skip_ignored()
            if self.at("^"):
                self.take()
                exponent = self.script()
                if isinstance(exponent, Name) and exponent.base == "prime":
                    base = Prime(base, 1, enclosed)
                    continue
                if isinstance(base, Name) and base.base in POWER_OF_CALL and self.at_arguments():
                    base = Op("^", Call(base, self.arguments()), exponent)  # g^2(x) is (g(x))^2
                    continue
                base = Op("^", base, exponent, enclosed=enclosed and isinstance(base, Call))
            elif self.kind_at() == "prime":
                order = len(self.take().text)
                base = self.after_prime(base, order, enclosed)
            elif self.at("!"):
                raise TexError("factorials are not supported")
            else:
                return base

    def after_prime(self, base: Node, order: int, enclosed: bool = False) -> Node:
        """``f'`` then maybe ``(x)``: a derivative applied to arguments."""
        if isinstance(base, Name) and self.at_arguments():
            return Call(base, self.arguments(), order)
        return Prime(base, order, enclosed)

    def at_arguments(self) -> bool:
        """At ``(``, ``\\left(`` or ``{\\left(``: a bracket that may hold arguments (not ``\\left|``)."""
        if self.at("{"):
            return self.text_at(1) == r"\left" and self.text_at(2) in ("(", "[")
        return self.at("(") or (self.at(r"\left") and self.text_at(1) in ("(", "["))

    def arguments(self) -> tuple[Node, ...]:
        braced = self.at("{")
        if braced:
            self.take()
        close = self.open_bracket("(")
        items = [self.expression()]
        while self.at(",", ";"):
            self.take()
            items.append(self.expression())
        self.close_bracket(close)
        if braced:
            self.expect("}")
        return tuple(items)

    def open_bracket(self, kind: str) -> str:
        left = self.at(r"\left")
        if left:
            self.take()
        token = self.take()
        if token.text not in BRACKETS:
            raise TexError(f"expected a bracket, found {token.text}")
        if kind == "(" and token.text not in ("(", "["):
            raise TexError(f"expected (, found {token.text}")
        return (r"\right" if left else "") + BRACKETS[token.text]

    def close_bracket(self, close: str) -> None:
        if close.startswith(r"\right"):
            self.expect(r"\right")
            close = close[len(r"\right"):]
        self.expect(close)

    def script(self) -> Node:
        """A superscript or subscript: ``{...}``, one digit/letter, or a command."""
        if self.at("{"):
            self.take()
            if self.at(r"\prime"):
                self.take()
                self.expect("}")
                return Name("prime")
            inside = self.expression()
            self.expect("}")
            return inside
        token = self.take()
        if token.text == r"\prime":
            return Name("prime")
        if token.kind == "number":
            if len(token.text) > 1 and token.text.isdigit():  # x^23 is x^2 · 3, as LaTeX reads it
                self.tokens.insert(self.index, Token("number", token.text[1:]))
                return _number(token.text[0])
            return _number(token.text)
        if token.kind == "symbol":
            return Name(token.text)
        if token.kind == "command" and token.text[1:] in GREEK:
            return Name(token.text[1:])
        raise TexError(f"unsupported script {token.text}")

    def atom(self) -> Node:
        self.enter()
        try:
            return self._atom()
        finally:
            self.depth -= 1

    def _atom(self) -> Node:
        self.skip_ignored()
        token = self.peek()
        if token is None:
            raise TexError("the formula ends too early")
        if token.kind == "number":
            self.take()
            return _number(token.text)
        if token.kind == "symbol":
            return self.name_from(Name(self.take().text))
        if token.text == "{":
            self.take()
            inside = self.expression()
            if self.at(",", ";"):
                inside = self.tuple_rest(inside, "}")
            else:
                self.expect("}")
            return inside
        if token.text in ("(", "[", r"\left", "|", r"\lvert", r"\vert", r"\|", r"\lVert", r"\Vert"):
            return self.bracketed()
        if token.kind == "command":
            return command(self)
        if token.kind == "other":
            raise TexError(f"unexpected character {token.text!r}")
        raise TexError(f"unexpected {token.text}")

    def tuple_rest(self, first: Node, close: str) -> Node:
        items = [first]
        while self.at(",", ";"):
            self.take()
            items.append(self.expression())
        self.close_bracket(close)
        return Tuple(tuple(items))

    def bracketed(self) -> Node:
        left = self.at(r"\left")
        if left:
            self.take()
        opening = self.take().text
        if opening not in BRACKETS:
            raise TexError(f"unsupported bracket {opening}")
        close = (r"\right" if left else "") + BRACKETS[opening]
        inside = self.expression()
        if opening in NORMS:
            self.close_bracket(close)
            return Norm(inside)
        if opening in ("|", r"\lvert", r"\vert"):
            self.close_bracket(close)
            return Abs(inside)
        if self.at(",", ";"):
            return self.tuple_rest(inside, close)
        self.close_bracket(close)
        return inside

    def name_from(self, name: Name) -> Node:
        """A name with its subscript, then maybe arguments: ``f(x)``, ``w_{i+1}``, ``\\sigma{\\left(x\\right)}``.

        An index written as a bracketed superscript, ``u_x^{(t)}``, is the name's sequence index:
        the name is ``u_x`` and its index ``t`` (except on ``e``: ``e^{(x+1)}`` is a power).
        """
        if self.at("_"):
            self.take()
            sub = self.subscript()
            name = Name(name.base, sub, index_text(sub))
        if (self.at("^") and self.text_at(1) == "{" and self.text_at(2) in ("(", r"\left")
                and name.key != "e"):  # e^{(x + 1)} is a power of Euler's number, never a sequence index
            self.take()
            self.take()
            close = self.open_bracket("(")
            index = self.expression()
            self.close_bracket(close)
            self.expect("}")
            name = Name(name.key, index, index_text(index))
        if self.at_arguments():
            return Call(name, self.arguments())
        return name

    def subscript(self) -> Node:
        if self.at("{"):
            self.take()
            start = self.index
            words = []
            while self.kind_at() == "symbol" and self.kind_at(1) == "symbol":
                words.append(self.take().text)
            if words:  # x_{new}, y_{diff}: a word, not a product
                words.append(self.take().text)
                if self.at("}"):
                    self.take()
                    return Name("".join(words))
                self.index = start
            inside = self.expression()
            if self.at(","):  # x_{i,j}: one name with two indices
                return self.tuple_rest(inside, "}")
            self.expect("}")
            return inside
        return self.script()


def _number(text: str) -> Num:
    plain = text.replace("{,}", ".")
    if plain.startswith("."):
        plain = "0" + plain
    digits = len(plain.split(".")[1]) if "." in plain else None
    return Num(Fraction(plain), digits, plain)


TEXT = re.compile(r"\\(?:text|textit|textbf|textrm)\{[^{}]*\}")
ALIGNED = re.compile(r"\\begin\{(aligned|align\*?|gathered|split)\}(.*?)\\end\{\1\}", re.DOTALL)


def parse_formula(text: str, decimal_comma: bool = False) -> list[Statement]:
    """All statements of one formula; ``aligned`` rows starting with ``&=`` continue the chain."""
    text = teaching_spellings(text)  # := and \text{const}, before \text{…} is dropped
    text = TEXT.sub(" ", text)  # \text{(power rule)}: words, not math
    text = ALIGNED.sub(lambda m: _join_aligned(m.group(2)), text)
    if decimal_comma:  # 0,01 is a number in a Russian deck (a comma followed by a space separates)
        text = commas_as_latex(text)
    text = _SYNONYMS.sub(lambda match: _SYNONYM_OF[match.group(0)], text)
    text = digit_groups(text)
    return FormulaParser(tokenize(text), text).statements()


_SYNONYM_OF = {r"\lbrace": r"\{", r"\rbrace": r"\}"}  # one spelling for the parser
_SYNONYMS = re.compile(r"\\[lr]brace(?![A-Za-z])")
def _join_aligned(body: str) -> str:
    rows = [row.strip() for row in re.split(r"\\\\", body) if row.strip()]
    joined: list[str] = []
    for row in rows:
        stripped = row.lstrip("& ")
        if joined and re.match(r"(=|\\approx|<|>|\\le|\\ge)", stripped):
            joined[-1] = re.sub(r"(\s|\\q?quad)+$", "", joined[-1]) + " " + stripped  # a note may end the row
        else:
            joined.append(row)
    return r" \qquad ".join(r.replace("&", " ") for r in joined)
