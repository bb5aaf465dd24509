"""A recursive-descent parser for the LaTeX that instructors write in slides.

It reads the printed formula, not the generator's intentions: ``\\frac``/``\\dfrac``,
``\\cdot``, implicit multiplication, ``^{}``, ``\\sqrt``, ``\\left( \\right)``, functions with
and without brackets (``\\cos^2 x^2``, ``\\arctg^{2}{\\left(x^{3} \\right)}``), decimal points
and commas (``1{,}3``; ``0,01`` in a Russian deck), subscripted names, primes, partial
derivatives, ``\\nabla``, ``\\frac{d}{dx}``, ``pmatrix`` vectors and ``|…|``.

The result is a small syntax tree (``Node`` subclasses); ``evaluate.py`` gives it meaning in
the deck's running context.  Anything outside the subset raises ``TexError``, which the
checker reports as "not understood" — never as verified.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

MAX_FORMULA = 5000
MAX_DEPTH = 80


class TexError(ValueError):
    """The formula uses notation outside the supported subset."""


# -- the syntax tree ----------------------------------------------------------------

class Node:
    pass


@dataclass(frozen=True)
class Num(Node):
    value: Fraction
    digits: int | None  # decimal places as written ("5.279" → 3), None for integers and fractions
    text: str


@dataclass(frozen=True)
class Name(Node):
    base: str  # "x", "sigma", "Delta x"
    sub: Node | None = None  # subscript: a Num, a Name, or an index expression such as i+1
    sub_text: str = ""  # the subscript as written, for messages and keys

    @property
    def key(self) -> str:
        return f"{self.base}_{self.sub_text}" if self.sub_text else self.base


@dataclass(frozen=True)
class Call(Node):
    """``name(args)``: a function application, or (if the name is a plain variable) a product."""

    name: Name
    args: tuple[Node, ...]
    primes: int = 0  # f'(x) → 1


@dataclass(frozen=True)
class Prime(Node):
    """``(expr)'`` or ``y'`` without arguments."""

    target: Node
    order: int


@dataclass(frozen=True)
class Func(Node):
    """A known function: ``\\sin``, ``\\ln``, ``\\log_a`` (base), with an optional power (``\\cos^2 x``)."""

    name: str
    arg: Node
    power: Node | None = None
    base: Node | None = None


@dataclass(frozen=True)
class Partial(Node):
    """``\\frac{\\partial f}{\\partial x}`` optionally at a point."""

    function: Name
    variable: Name
    args: tuple[Node, ...] | None = None


@dataclass(frozen=True)
class DerivOp(Node):
    """``\\frac{d}{dx}`` applied to an expression."""

    variable: Name
    target: Node


@dataclass(frozen=True)
class Nabla(Node):
    function: Name
    args: tuple[Node, ...] | None = None


@dataclass(frozen=True)
class Op(Node):
    op: str  # "+", "*", "/", "^"
    left: Node
    right: Node


@dataclass(frozen=True)
class Neg(Node):
    operand: Node


@dataclass(frozen=True)
class Sqrt(Node):
    radicand: Node
    index: Node | None = None


@dataclass(frozen=True)
class Abs(Node):
    operand: Node


@dataclass(frozen=True)
class Vector(Node):
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Tuple(Node):
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Statement:
    sides: tuple[Node, ...]
    relations: tuple[str, ...]  # "=", "≈", "<", ">", "≤", "≥", "≠"
    texts: tuple[str, ...]  # each side as written (tokens joined by spaces), for messages


# -- tokens -------------------------------------------------------------------------

RELATIONS = {"=": "=", r"\approx": "≈", "<": "<", ">": ">", r"\le": "≤", r"\leq": "≤", r"\leqslant": "≤",
             r"\ge": "≥", r"\geq": "≥", r"\geqslant": "≥", r"\ne": "≠", r"\neq": "≠", r"\lt": "<", r"\gt": ">"}
SEPARATORS = {r"\qquad", r"\quad", ";", ","}
IGNORED = {r"\,", r"\;", r"\:", r"\!", r"\ ", r"\displaystyle", r"\textstyle", r"\left.", r"\right.", "~",
           r"\limits", r"\nolimits"}
GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
         "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi",
         "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega"}
# LaTeX function macros → the names of the expression parser's whitelist (generator.expr.FUNCTIONS)
FUNCTIONS = {"sin": "sin", "cos": "cos", "tan": "tan", "tg": "tg", "cot": "cot", "ctg": "ctg", "arcsin": "arcsin",
             "arccos": "arccos", "arctan": "arctan", "arctg": "arctg", "arcctg": "arcctg", "arccot": "arccot",
             "sinh": "sinh", "cosh": "cosh", "tanh": "tanh", "sh": "sinh", "ch": "cosh", "th": "tanh",
             "ln": "ln", "log": "log", "exp": "exp", "lg": "lg"}
MATRICES = {"pmatrix", "bmatrix", "matrix", "vmatrix", "Bmatrix"}
POWER_OF_CALL = {"f", "g", "h", "F", "G", "H", "sigma", "phi", "psi"}  # g^2(x) means (g(x))^2

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<number>\d+(?:(?:\.|\{,\})\d+)?|\.\d+)
  | (?P<command>\\(?:left\.|right\.|[A-Za-z]+|[,;:!{}|\\ ]))
  | (?P<prime>'+|′+)
  | (?P<symbol>[A-Za-z])
  | (?P<op>[-+*/=<>()\[\]{}^_&|,;!~])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int = 0  # position in the formula text
    end: int = 0


def tokenize(text: str, decimal_comma: bool) -> list[Token]:
    if len(text) > MAX_FORMULA:
        raise TexError("the formula is too long")
    if decimal_comma:  # 0,01 is a number in a Russian deck (a comma followed by a space separates)
        text = re.sub(r"(?<=\d),(?=\d)", "{,}", text)
    tokens = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or ""  # (every alternative of _TOKEN is a named group)
        value = match.group()
        if kind == "space":
            continue
        if kind == "command" and value in (r"\left.", r"\right."):
            continue
        tokens.append(Token(kind, value, match.start(), match.end()))
    return tokens


# -- the parser --------------------------------------------------------------------

_OPEN = {"(": ")", "[": "]", r"\{": r"\}", "|": "|", r"\lvert": r"\rvert", r"\vert": r"\vert", r"\|": r"\|"}


class _Parser:
    def __init__(self, tokens: list[Token], source: str = ""):
        self.source = source
        self.tokens = tokens
        self.index = 0
        self.depth = 0

    # token helpers
    def peek(self, offset: int = 0) -> Token | None:
        position = self.index + offset
        return self.tokens[position] if position < len(self.tokens) else None

    def text_at(self, offset: int = 0) -> str | None:
        token = self.peek(offset)
        return token.text if token is not None else None

    def kind_at(self, offset: int = 0) -> str | None:
        token = self.peek(offset)
        return token.kind if token is not None else None

    def at(self, *texts: str) -> bool:
        token = self.peek()
        return token is not None and token.text in texts

    def take(self) -> Token:
        token = self.peek()
        if token is None:
            raise TexError("the formula ends too early")
        self.index += 1
        return token

    def expect(self, text: str) -> None:
        token = self.take()
        if token.text != text:
            raise TexError(f"expected {text} but found {token.text}")

    def skip_ignored(self) -> None:
        while self.text_at() in IGNORED:
            self.index += 1

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
                self.take()
                result = Op("*", result, self.unary())
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
        if token.text in ("(", "[", r"\left", "{", r"\lvert", r"\vert", r"\|"):
            return True
        if token.text == "|":
            return False  # a closing bar, or ambiguous: only opened explicitly in atom()
        if token.kind == "command":
            name = token.text[1:]
            return (name in GREEK or name in FUNCTIONS or name in ("frac", "dfrac", "tfrac", "sqrt", "nabla",
                    "operatorname", "begin", "partial", "mathrm", "exp", "hat", "tilde", "bar") or name in ("left",))
        return False

    def postfix(self) -> Node:
        base = self.atom()
        while True:
            self.skip_ignored()
            if self.at("^"):
                self.take()
                exponent = self.script()
                if isinstance(exponent, Name) and exponent.base == "prime":
                    base = Prime(base, 1)
                    continue
                if isinstance(base, Name) and base.base in POWER_OF_CALL and self.at_arguments():
                    base = Op("^", Call(base, self.arguments()), exponent)  # g^2(x) is (g(x))^2
                    continue
                base = Op("^", base, exponent)
            elif self.kind_at() == "prime":
                order = len(self.take().text)
                base = self.after_prime(base, order)
            elif self.at("!"):
                raise TexError("factorials are not supported")
            else:
                return base

    def after_prime(self, base: Node, order: int) -> Node:
        """``f'`` then maybe ``(x)``: a derivative applied to arguments."""
        if isinstance(base, Name) and self.at_arguments():
            return Call(base, self.arguments(), order)
        return Prime(base, order)

    def at_arguments(self) -> bool:
        return self.at("(", r"\left") or (self.at("{") and self.text_at(1) == r"\left")

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
        if token.text not in _OPEN:
            raise TexError(f"expected a bracket, found {token.text}")
        if kind == "(" and token.text not in ("(", "["):
            raise TexError(f"expected (, found {token.text}")
        return (r"\right" if left else "") + _OPEN[token.text]

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
        if token.text in ("(", "[", r"\left", "|", r"\lvert", r"\vert", r"\|"):
            return self.bracketed()
        if token.kind == "command":
            return self.command()
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
        if opening not in _OPEN:
            raise TexError(f"unsupported bracket {opening}")
        close = (r"\right" if left else "") + _OPEN[opening]
        inside = self.expression()
        if opening in ("|", r"\lvert", r"\vert", r"\|"):
            self.close_bracket(close)
            return Abs(inside)
        if self.at(",", ";"):
            return self.tuple_rest(inside, close)
        self.close_bracket(close)
        return inside

    def name_from(self, name: Name) -> Node:
        """A name with its subscript, then maybe arguments: ``f(x)``, ``w_{i+1}``, ``\\sigma{\\left(x\\right)}``.

        An index written as a bracketed superscript, ``u_x^{(t)}``, is the name's sequence index:
        the name is ``u_x`` and its index ``t``.
        """
        if self.at("_"):
            self.take()
            sub = self.subscript()
            name = Name(name.base, sub, _sub_text(sub))
        if self.at("^") and self.text_at(1) == "{" and self.text_at(2) in ("(", r"\left"):
            self.take()
            self.take()
            close = self.open_bracket("(")
            index = self.expression()
            self.close_bracket(close)
            self.expect("}")
            name = Name(name.key, index, _sub_text(index))
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
            self.expect("}")
            return inside
        return self.script()

    def command(self) -> Node:
        token = self.take()
        name = token.text[1:]
        if name in ("frac", "dfrac", "tfrac", "cfrac"):
            return self.fraction()
        if name == "sqrt":
            index = None
            if self.at("["):
                self.take()
                index = self.expression()
                self.expect("]")
            return Sqrt(self.group_or_atom(), index)
        if name in FUNCTIONS:
            return self.function(FUNCTIONS[name])
        if name == "operatorname" or name == "mathrm":
            self.expect("{")
            word = ""
            while not self.at("}"):
                word += self.take().text
            self.take()
            if word in FUNCTIONS.values() or word in FUNCTIONS:
                return self.function(FUNCTIONS.get(word, word))
            return self.name_from(Name(word))
        if name == "nabla":
            function = self.bare_name()
            args = self.arguments() if self.at_arguments() else None
            return Nabla(function, args)
        if name == "begin":
            return self.environment()
        if name in ("hat", "tilde", "bar"):
            self.expect("{")
            letter = self.take()
            if letter.kind != "symbol" and not (letter.kind == "command" and letter.text[1:] in GREEK):
                raise TexError(f"unsupported \\{name}")
            self.expect("}")
            return self.name_from(Name(letter.text.lstrip("\\") + name))  # \hat{m} is the name "mhat"
        if name in GREEK:
            if name == "pi":
                return Name("pi")
            if name == "Delta" and self.kind_at() == "symbol":
                return self.name_from(Name("Delta " + self.take().text))
            return self.name_from(Name(name))
        if name in ("e",):
            return Name("e")
        raise TexError(f"unsupported command \\{name}")

    def bare_name(self) -> Name:
        """A function name without arguments (``\nabla f``)."""
        token = self.take()
        if token.kind == "symbol":
            return Name(token.text)
        if token.kind == "command" and token.text[1:] in GREEK:
            return Name(token.text[1:])
        raise TexError(f"expected a function name, found {token.text}")

    def group_or_atom(self) -> Node:
        if self.at("{"):
            self.take()
            inside = self.expression()
            self.expect("}")
            return inside
        return self.atom()

    def fraction(self) -> Node:
        derivative = self.try_derivative()
        if derivative is not None:
            return derivative
        numerator = self.group_or_atom()
        denominator = self.group_or_atom()
        return Op("/", numerator, denominator)

    def try_derivative(self) -> Node | None:
        r"""``\frac{\partial f}{\partial x}``, ``\frac{d}{dx}``, ``\frac{dy}{dx}``,
        ``\frac{\partial L_{1}}{\partial w}``, ``\frac{\partial \hat{y}}{\partial w}``;
        None (and nothing read) for any other fraction."""
        start = self.index
        function = variable = None
        if self._derivative_group_opens():
            function = self.derivative_name() if not self.at("}") else None
            if self.at("}") and (function is not None or self.tokens[self.index - 1].text in (r"\partial", "d")):
                self.take()
                if self._derivative_group_opens():
                    variable = self.derivative_name()
        if variable is None or not self.at("}"):
            self.index = start
            return None
        self.take()
        if function is None:
            return DerivOp(variable, self.postfix_after_operator())
        args = self.arguments() if self.at_arguments() else None
        return Partial(function, variable, args)

    def _derivative_group_opens(self) -> bool:
        r"""At ``{\partial`` or ``{d``: read both."""
        if self.at("{") and self.text_at(1) in (r"\partial", "d"):
            self.take()
            self.take()
            return True
        return False

    def derivative_name(self) -> Name | None:
        r"""The name after ``\partial``: ``f``, ``\sigma``, ``L_{1}``, ``\hat{y}``; None for anything else."""
        token = self.peek()
        if token is None:
            return None
        try:
            if token.kind == "symbol":
                name = Name(self.take().text)
            elif token.kind == "command" and token.text[1:] in GREEK:
                name = Name(self.take().text[1:])
            elif token.text in (r"\hat", r"\tilde", r"\bar"):
                self.take()
                self.expect("{")
                letter = self.take()
                self.expect("}")
                name = Name(letter.text.lstrip("\\") + token.text[1:])
            else:
                return None
            if self.at("_"):
                self.take()
                sub = self.subscript()
                name = Name(name.base, sub, _sub_text(sub))
            return name
        except TexError:
            return None

    def postfix_after_operator(self) -> Node:
        """What ``\frac{d}{dx}`` applies to: a bracketed group, or the product that follows."""
        self.skip_ignored()
        if self.at("(", r"\left", "[", "{"):
            return self.postfix()
        return self.term()

    def function(self, name: str) -> Node:
        base = power = None
        if name == "log" and self.at("_"):
            self.take()
            base = self.script()
        if self.at("^"):
            self.take()
            power = self.script()
        self.skip_ignored()
        arg = self.group_or_bracket() if self.at("{") or self.at("(", r"\left") else self.function_argument()
        return Func(name, arg, power, base)

    def group_or_bracket(self) -> Node:
        if self.at("{"):
            return self.group_or_atom()
        return self.bracketed()

    def function_argument(self) -> Node:
        """``\\sin 2x`` → sin(2x): numbers and letters up to an operator or another function."""
        result = self.postfix()
        while True:
            token = self.peek()
            if token is None or token.kind not in ("number", "symbol"):
                return result
            result = Op("*", result, self.postfix())

    def environment(self) -> Node:
        self.expect("{")
        kind = ""
        while not self.at("}"):
            kind += self.take().text
        self.take()
        if kind not in MATRICES:
            raise TexError(f"unsupported environment {kind}")
        items = [self.expression()]
        while self.at(r"\\", "&"):
            self.take()
            if self.at(r"\end"):
                break
            items.append(self.expression())
        self.expect(r"\end")
        self.expect("{")
        while not self.at("}"):
            self.take()
        self.take()
        return Vector(tuple(items))


def _number(text: str) -> Num:
    plain = text.replace("{,}", ".")
    if plain.startswith("."):
        plain = "0" + plain
    digits = len(plain.split(".")[1]) if "." in plain else None
    return Num(Fraction(plain), digits, plain)


def _sub_text(sub: Node) -> str:
    if isinstance(sub, Num):
        return sub.text
    if isinstance(sub, Name):
        return sub.key
    return _render_index(sub)


def _render_index(node: Node) -> str:
    if isinstance(node, Num):
        return node.text
    if isinstance(node, Name):
        return node.key
    if isinstance(node, Neg):
        return "-" + _render_index(node.operand)
    if isinstance(node, Op) and node.op == "+":
        right = node.right
        if isinstance(right, Neg):
            return f"{_render_index(node.left)}-{_render_index(right.operand)}"
        return f"{_render_index(node.left)}+{_render_index(right)}"
    raise TexError("unsupported subscript")


TEXT = re.compile(r"\\(?:text|textit|textbf|textrm)\{[^{}]*\}")
ALIGNED = re.compile(r"\\begin\{(aligned|align\*?|gathered|split)\}(.*?)\\end\{\1\}", re.DOTALL)


def parse_formula(text: str, decimal_comma: bool = False) -> list[Statement]:
    """All statements of one formula; ``aligned`` rows starting with ``&=`` continue the chain."""
    text = TEXT.sub(" ", text)  # \text{(power rule)}: words, not math
    text = ALIGNED.sub(lambda m: _join_aligned(m.group(2)), text)
    if decimal_comma:
        text = re.sub(r"(?<=\d),(?=\d)", "{,}", text)
    return _Parser(tokenize(text, False), text).statements()


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
