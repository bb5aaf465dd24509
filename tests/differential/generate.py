"""Seeded random teaching content for differential testing: random functions → lesson specs.

Everything here is plain Python driven by one ``random.Random(seed)``: the same seed gives the same
decks, byte for byte.  Nothing of the generator is imported — the functions are built as small trees
(``Node``) that print themselves in the spec's expression language (``^`` or ``**``, ``tg`` or ``tan``,
implicit multiplication sometimes) and evaluate themselves with ``math`` in real arithmetic, so points,
starts and learning rates are chosen where the function is defined (no poles, no ln of a negative
number, no fractional power of a negative base — SymPy's principal branch is complex there).

The grammar (what an instructor puts on a slide):

* atoms: a variable, ``a v + b``, ``v^n`` (n = 2, 3, −1, −2, 1/2, 3/2, −1/2, 1/3, 2/3), a small polynomial;
* functions: sqrt, cube root (``^(1/3)``), exp / ``e^``, ln, log₂ (``log(u, 2)``), sin, cos, tg/tan,
  ctg/cot, arcsin, arccos, arctg, arcctg, sigmoid and (rarely) abs;
* combinations: sums, constant multiples, products, quotients, powers of a sub-function and chains of
  up to three functions;
* variables: x; x, y; x, y, z; w_1, w_2 (and w, t for one-variable slides).

``random_deck(rng)`` returns a ``DeckSpec``: the spec as a dict (``.spec``), its YAML (``.yaml()``), and
per slide the trees it was made from, so the runner can shrink a failing slide.
"""
from __future__ import annotations

import json
import math
import random
import re
from dataclasses import dataclass, field, replace
from fractions import Fraction

# ---------------------------------------------------------------- expression trees


class Undefined(Exception):
    """The function is not defined (in the reals) at the point."""


def _check(value: float) -> float:
    if isinstance(value, complex) or math.isnan(value) or math.isinf(value) or abs(value) > 1e12:
        raise Undefined
    return value


@dataclass(frozen=True)
class Style:
    """How a deck writes its expressions."""

    power: str = "^"  # or "**"
    implicit: bool = False  # 2x, 3(x + 1), x y
    russian_names: bool = False  # tg, ctg, arctg, arcctg


class Node:
    precedence = 100  # 0: sum, 1: product, 2: unary minus, 3: power, 100: atom

    def text(self, style: Style) -> str:
        raise NotImplementedError

    def ev(self, env: dict[str, float]) -> float:
        raise NotImplementedError

    def children(self) -> tuple[Node, ...]:
        return ()

    def with_children(self, children: tuple[Node, ...]) -> Node:
        return self

    def size(self) -> int:
        return 1 + sum(c.size() for c in self.children())

    def variables(self) -> set[str]:
        return set().union(*(c.variables() for c in self.children())) if self.children() else set()

    def wrapped(self, style: Style, above: int) -> str:
        text = self.text(style)
        return f"({text})" if self.precedence <= above else text


def _number_text(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    decimal = _decimal_text(value)
    return decimal if decimal is not None else f"{value.numerator}/{value.denominator}"


def _decimal_text(value: Fraction) -> str | None:
    for places in range(1, 5):
        scaled = value * 10**places
        if scaled.denominator == 1:
            sign = "-" if scaled < 0 else ""
            digits = str(abs(scaled.numerator)).rjust(places + 1, "0")
            return f"{sign}{digits[:-places]}.{digits[-places:]}"
    return None


@dataclass(frozen=True)
class Num(Node):
    value: Fraction

    @property
    def precedence(self) -> int:  # type: ignore[override]
        if self.value < 0:
            return 2
        return 1 if self.value.denominator != 1 and _decimal_text(self.value) is None else 100

    def text(self, style: Style) -> str:
        return _number_text(self.value)

    def ev(self, env):
        return float(self.value)


@dataclass(frozen=True)
class Var(Node):
    name: str

    def text(self, style: Style) -> str:
        return self.name

    def ev(self, env):
        return env[self.name]

    def variables(self):
        return {self.name}


@dataclass(frozen=True)
class Const(Node):
    name: str  # e, pi

    def text(self, style: Style) -> str:
        return self.name

    def ev(self, env):
        return math.e if self.name == "e" else math.pi


@dataclass(frozen=True)
class Add(Node):
    terms: tuple[Node, ...]
    signs: tuple[int, ...]  # +1 / −1 per term (the first may be −1)
    precedence = 0

    def text(self, style: Style) -> str:
        parts = []
        for index, (term, sign) in enumerate(zip(self.terms, self.signs)):
            if isinstance(term, Neg):
                term, sign = term.inner, -sign
            body = term.wrapped(style, 0 if sign < 0 else -1)
            if index == 0:
                parts.append(body if sign > 0 else f"-{term.wrapped(style, 0)}")
            else:
                parts.append(f"{'+' if sign > 0 else '-'} {body}")
        return " ".join(parts)

    def ev(self, env):
        return _check(sum(sign * term.ev(env) for term, sign in zip(self.terms, self.signs)))

    def children(self):
        return self.terms

    def with_children(self, children):
        return Add(tuple(children), self.signs[:len(children)])


@dataclass(frozen=True)
class Neg(Node):
    inner: Node
    precedence = 2

    def text(self, style: Style) -> str:
        return f"-{self.inner.wrapped(style, 1)}"

    def ev(self, env):
        return -self.inner.ev(env)

    def children(self):
        return (self.inner,)

    def with_children(self, children):
        return Neg(children[0])


@dataclass(frozen=True)
class Mul(Node):
    factors: tuple[Node, ...]
    precedence = 1

    def text(self, style: Style) -> str:
        out = self.factors[0].wrapped(style, 1)
        for factor in self.factors[1:]:
            body = factor.wrapped(style, 2)
            if style.implicit and body[:1].isalpha() and re.fullmatch(r"\d+(\.\d+)?", out):
                out += body  # 2x, 3sin(x)
            elif style.implicit and body[:1].isalpha() and re.fullmatch(r"[A-Za-z]\w*", out):
                out += f" {body}"  # x y
            else:
                out += f"*{body}"
        return out

    def ev(self, env):
        value = 1.0
        for factor in self.factors:
            value *= factor.ev(env)
        return _check(value)

    def children(self):
        return self.factors

    def with_children(self, children):
        return Mul(tuple(children))


@dataclass(frozen=True)
class Div(Node):
    numerator: Node
    denominator: Node
    precedence = 1

    def text(self, style: Style) -> str:
        return f"{self.numerator.wrapped(style, 0)}/{self.denominator.wrapped(style, 2)}"

    def ev(self, env):
        d = self.denominator.ev(env)
        if abs(d) < 1e-9:
            raise Undefined
        return _check(self.numerator.ev(env) / d)

    def children(self):
        return self.numerator, self.denominator

    def with_children(self, children):
        return Div(*children)


@dataclass(frozen=True)
class Pow(Node):
    base: Node
    exponent: Fraction
    precedence = 3

    def text(self, style: Style) -> str:
        e = self.exponent
        exp_text = str(e.numerator) if e.denominator == 1 and e > 0 else f"({e.numerator}/{e.denominator})"
        if e.denominator == 1 and e < 0:
            exp_text = f"({e.numerator})"
        return f"{self.base.wrapped(style, 3)}{style.power}{exp_text}"

    def ev(self, env):
        b = self.base.ev(env)
        e = self.exponent
        if e.denominator != 1 and b < 0:
            raise Undefined  # SymPy's principal root of a negative number is complex
        if e < 0 and abs(b) < 1e-9:
            raise Undefined
        if e.denominator != 1 and e < 1 and abs(b) < 1e-9:
            raise Undefined  # the derivative has a pole
        return _check(b ** float(e))

    def children(self):
        return (self.base,)

    def with_children(self, children):
        return Pow(children[0], self.exponent)


def _ln(u: float) -> float:
    if u <= 1e-12:
        raise Undefined
    return math.log(u)


def _asin(u: float) -> float:
    if abs(u) >= 1 - 1e-9:
        raise Undefined  # the derivative has a pole at ±1
    return math.asin(u)


def _acos(u: float) -> float:
    if abs(u) >= 1 - 1e-9:
        raise Undefined
    return math.acos(u)


def _tan(u: float) -> float:
    if abs(math.cos(u)) < 1e-3:
        raise Undefined
    return math.tan(u)


def _cot(u: float) -> float:
    if abs(math.sin(u)) < 1e-3:
        raise Undefined
    return math.cos(u) / math.sin(u)


def _acot(u: float) -> float:
    if u == 0:
        return math.pi / 2
    return math.atan(1 / u)


def _sqrt(u: float) -> float:
    if u <= 1e-12:
        raise Undefined  # sqrt(0) is defined, its derivative is not
    return math.sqrt(u)


def _exp(u: float) -> float:
    if u > 30:
        raise Undefined  # not teaching-sized
    return math.exp(u)


def _abs(u: float) -> float:
    if abs(u) < 1e-9:
        raise Undefined  # no derivative at 0
    return abs(u)


# name → (evaluation, English spelling, Russian spelling)
FUNCTIONS = {
    "sqrt": (_sqrt, "sqrt", "sqrt"),
    "exp": (_exp, "exp", "exp"),
    "ln": (_ln, "ln", "ln"),
    "log2": (lambda u: _ln(u) / math.log(2), "log", "log"),
    "sin": (math.sin, "sin", "sin"),
    "cos": (math.cos, "cos", "cos"),
    "tan": (_tan, "tan", "tg"),
    "cot": (_cot, "cot", "ctg"),
    "asin": (_asin, "arcsin", "arcsin"),
    "acos": (_acos, "arccos", "arccos"),
    "atan": (math.atan, "arctan", "arctg"),
    "acot": (_acot, "arccot", "arcctg"),
    "sigmoid": (lambda u: 1 / (1 + _exp(-u)), "sigmoid", "sigmoid"),
    "abs": (_abs, "abs", "abs"),
    "sinh": (lambda u: math.sinh(u) if abs(u) < 30 else _check(math.inf), "sinh", "sinh"),
    "tanh": (math.tanh, "tanh", "tanh"),
}


@dataclass(frozen=True)
class Func(Node):
    name: str
    argument: Node
    spelling: int = 0  # a variant of the spelling: exp(u) / e^(u); asin / arcsin; log(u, 2)

    def text(self, style: Style) -> str:
        argument = self.argument.text(style)
        if self.name == "log2":
            return f"log({argument}, 2)"
        if self.name == "exp" and self.spelling == 1:
            power = self.argument.text(style) if self.argument.precedence == 100 else f"({argument})"
            return f"e{style.power}{power}"
        _, english, russian = FUNCTIONS[self.name]
        spelled = russian if style.russian_names else english
        if self.spelling == 2 and self.name in ("asin", "acos", "atan", "acot"):
            spelled = self.name
        return f"{spelled}({argument})"

    def ev(self, env):
        return _check(FUNCTIONS[self.name][0](self.argument.ev(env)))

    def children(self):
        return (self.argument,)

    def with_children(self, children):
        return Func(self.name, children[0], self.spelling)


def leaves(node: Node) -> list[Node]:
    return [node] + [n for c in node.children() for n in leaves(c)]


# ---------------------------------------------------------------- random functions

SMALL = [1, 2, 3, -1, -2, 4, 5, -3]
EXPONENTS = [Fraction(2), Fraction(3), Fraction(-1), Fraction(-2), Fraction(1, 2), Fraction(3, 2),
             Fraction(-1, 2), Fraction(1, 3), Fraction(2, 3), Fraction(4)]


class FunctionMaker:
    def __init__(self, rng: random.Random, variables: list[str]):
        self.rng = rng
        self.variables = variables

    def var(self) -> Node:
        return Var(self.rng.choice(self.variables))

    def coefficient(self) -> Fraction:
        r = self.rng.random()
        if r < 0.8:
            return Fraction(self.rng.choice(SMALL))
        return Fraction(self.rng.choice([1, 3, 5, -1]), self.rng.choice([2, 10]))

    def scaled(self, node: Node, c: Fraction) -> Node:
        if c == 1:
            return node
        if c == -1:
            return Neg(node)
        return Mul((Num(c), *node.factors)) if isinstance(node, Mul) else Mul((Num(c), node))

    def atom(self) -> Node:
        rng = self.rng
        weights = [4, 3, 3, 2, 1 if len(self.variables) > 1 else 0]
        kind = rng.choices(["var", "linear", "power", "poly", "product"], weights)[0]
        v = self.var()
        if kind == "var":
            return v
        if kind == "linear":
            a, b = self.coefficient(), Fraction(rng.choice([1, 2, 3, -1, -2, 5]))
            return Add((self.scaled(v, a), Num(abs(b))), (1, 1 if b > 0 else -1))
        if kind == "power":
            return Pow(v, rng.choice(EXPONENTS))
        if kind == "product":
            others = [Var(n) for n in self.variables if n != v.text(Style())]
            return Mul((v, rng.choice(others)))
        degree = rng.choice([2, 2, 3])
        terms, signs = [], []
        for power in range(degree, -1, -1):
            c = self.coefficient() if power == degree else Fraction(rng.choice([0, 1, 2, 3, -1, -2, -4]))
            if c == 0:
                continue
            base = v if power == 1 else (Pow(v, Fraction(power)) if power else None)
            term = Num(abs(c)) if base is None else self.scaled(base, abs(c))
            terms.append(term)
            signs.append(1 if c > 0 else -1)
        return Add(tuple(terms), tuple(signs))

    def function(self, depth: int) -> Node:
        """A random function with chains up to ``depth`` functions deep."""
        rng = self.rng
        if depth <= 0:
            return self.atom()
        kind = rng.choices(["apply", "power", "product", "quotient", "sum", "scale", "atom"],
                           [6, 2, 2, 2, 2, 1, 1])[0]
        if kind == "apply":
            name = rng.choices(list(FUNCTIONS), [3, 3, 3, 1, 3, 3, 2, 1, 1, 1, 2, 1, 1, 0.5, 0.3, 0.3])[0]
            return Func(name, self.function(depth - 1), rng.choice([0, 0, 1, 2]))
        if kind == "power":
            inner = self.function(depth - 1)
            return Pow(inner, rng.choice(EXPONENTS[:6]))
        if kind == "product":
            return Mul((self.function(depth - 1), self.function(rng.randint(0, depth - 1))))
        if kind == "quotient":
            return Div(self.function(rng.randint(0, depth - 1)), self.function(rng.randint(0, depth - 1)))
        if kind == "sum":
            return Add((self.function(depth - 1), self.function(rng.randint(0, depth - 1))), (1, rng.choice([1, -1])))
        if kind == "scale":
            return self.scaled(self.function(depth - 1), self.coefficient())
        return self.atom()

    def teaching(self, max_depth: int = 3, max_size: int = 14) -> Node:
        """A function of all the maker's variables, small enough for a slide."""
        for _ in range(100):
            node = self.function(self.rng.choice([1, 1, 2, 2, 3][:max_depth + 2]))
            missing = [v for v in self.variables if v not in node.variables()]
            for name in missing:
                extra = FunctionMaker(self.rng, [name]).function(self.rng.choice([0, 0, 1]))
                node = Add((node, extra), (1, self.rng.choice([1, -1])))
            degenerate = any((isinstance(n, Div) and n.numerator == n.denominator)
                             or (isinstance(n, Add) and len(set(n.terms)) < len(n.terms)) for n in leaves(node))
            if node.size() <= max_size and not isinstance(node, Num) and not degenerate:
                return node
        return Add((Pow(Var(self.variables[0]), Fraction(2)),), (1,))


# ---------------------------------------------------------------- points where things are defined

def defined_at(node: Node, point: dict[str, float], h: float = 1e-5) -> bool:
    """f and its one-sided difference quotients exist and agree near the point (no pole, no kink, no edge)."""
    try:
        value = node.ev(point)
        if abs(value) > 1e5:
            return False
        for name in point:
            right = node.ev({**point, name: point[name] + h})
            left = node.ev({**point, name: point[name] - h})
            d_right, d_left = (right - value) / h, (value - left) / h
            if abs(d_right) > 1e5 or abs(d_right - d_left) > 1e-2 * (1 + abs(d_right)):
                return False
    except (Undefined, ZeroDivisionError, OverflowError, ValueError):
        return False
    return True


def gradient(node: Node, point: dict[str, float], h: float = 1e-6) -> dict[str, float]:
    return {name: (node.ev({**point, name: point[name] + h}) - node.ev({**point, name: point[name] - h})) / (2 * h)
            for name in point}


POINT_VALUES = [Fraction(v) for v in (1, 2, 0, -1, 3, -2)] + [Fraction(1, 2), Fraction(-1, 2), Fraction(3, 2),
                                                             Fraction(1, 10), Fraction(13, 10), Fraction(1, 4)]


def choose_point(rng: random.Random, node: Node, names: list[str], tries: int = 40) -> dict[str, Fraction] | None:
    for _ in range(tries):
        point = {name: rng.choice(POINT_VALUES) for name in names}
        if defined_at(node, {k: float(v) for k, v in point.items()}):
            return point
    return None


def descent_stays_defined(node: Node, start: dict[str, Fraction], rate: Fraction, steps: int) -> bool:
    """Plain gradient descent (as a stand-in for every method) stays where f is defined and bounded."""
    point = {k: float(v) for k, v in start.items()}
    try:
        for _ in range(steps + 1):
            if not defined_at(node, point):
                return False
            g = gradient(node, point)
            if any(abs(v) > 1e3 for v in g.values()):
                return False
            point = {k: point[k] - float(rate) * g[k] for k in point}
            if any(abs(v) > 1e3 for v in point.values()):
                return False
    except (Undefined, ZeroDivisionError, OverflowError, ValueError):
        return False
    return True


# ---------------------------------------------------------------- slides and decks

class Raw(str):
    """A YAML scalar written as it is (a number, a constant expression), never quoted."""


def number(value: Fraction) -> Raw | str:
    text = _number_text(value)
    return Raw(text) if "/" not in text else text


@dataclass
class SlideSpec:
    """One slide: its YAML mapping, and the tree of its function (``None`` for a fit's fixed model)."""

    kind: str
    fields: dict
    function: Node | None = None
    style: Style = field(default_factory=Style)

    def spec(self) -> dict:
        fields = dict(self.fields)
        if self.function is not None:
            fields["function"] = self.function.text(self.style)
        return {"kind": self.kind, **fields}

    def functions(self) -> int:
        return 1


@dataclass
class DeckSpec:
    title: str
    lang: str
    precision: int
    slides: list[SlideSpec]
    symbols: dict | None = None  # the deck's notation (``symbols:``): a learning-rate letter, an iterate style

    @property
    def spec(self) -> dict:
        head: dict = {"title": self.title, "lang": self.lang}
        if self.precision != 4:
            head["precision"] = self.precision
        if self.symbols:
            head["symbols"] = self.symbols
        return {**head, "slides": [s.spec() for s in self.slides]}

    def yaml(self) -> str:
        return to_yaml(self.spec)

    def with_slides(self, slides: list[SlideSpec]) -> DeckSpec:
        return replace(self, slides=list(slides))


def _scalar(value) -> str:
    if isinstance(value, str) and re.fullmatch(r"[A-Za-z][A-Za-z0-9_ ]*", value) and value.lower() not in (
            "true", "false", "null", "yes", "no", "on", "off", "y", "n"):
        return value
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Fraction):
        return str(number(value)) if isinstance(number(value), Raw) else json.dumps(str(number(value)))
    return json.dumps(str(value), ensure_ascii=False)


def _flow(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value)


def to_yaml(spec: dict) -> str:
    """The spec as YAML: deck keys, then each slide as a block mapping (points and lists in flow style)."""
    lines = []
    for key, value in spec.items():
        if key != "slides":
            lines.append(f"{key}: {_flow(value)}")
    lines.append("slides:")
    for slide in spec["slides"]:
        first = True
        for key, value in slide.items():
            lines.append(f"  {'- ' if first else '  '}{key}: {_flow(value)}")
            first = False
    return "\n".join(lines) + "\n"


VARIABLE_SETS = {1: [["x"], ["x"], ["x"], ["t"], ["w"]], 2: [["x", "y"], ["x", "y"], ["w_1", "w_2"], ["w", "b"]],
                 3: [["x", "y", "z"], ["w_1", "w_2", "w_3"]]}
NAMES = ["f", "f", "f", "y", "g", "L", "h"]
RATES = [Fraction(1, 100), Fraction(1, 20), Fraction(1, 10), Fraction(1, 10), Fraction(1, 5), Fraction(1, 2)]
METHODS = ["gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"]


class DeckMaker:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def style(self, lang: str) -> Style:
        rng = self.rng
        return Style(power=rng.choice(["^", "^", "**"]), implicit=rng.random() < 0.3,
                     russian_names=lang == "ru" and rng.random() < 0.7)

    def variables(self, count: int) -> list[str]:
        return list(self.rng.choice(VARIABLE_SETS[count]))

    def derivative(self, style: Style) -> SlideSpec | None:
        rng = self.rng
        variables = self.variables(1)
        node = FunctionMaker(rng, variables).teaching()
        fields: dict = {}
        name = rng.choice(NAMES)
        if name != "f" and name not in variables:
            fields["name"] = name
        if rng.random() < 0.2:
            fields["variable"] = variables[0]
        if rng.random() < 0.6:
            point = choose_point(rng, node, variables)
            if point is None:
                return None
            fields["at"] = number(point[variables[0]])
        if rng.random() < 0.35:
            fields["show_steps"] = False
        return SlideSpec("derivative", fields, node, style)

    def gradient(self, style: Style) -> SlideSpec | None:
        rng = self.rng
        variables = self.variables(rng.choice([2, 2, 2, 3]))
        node = FunctionMaker(rng, variables).teaching(max_size=16)
        fields: dict = {}
        name = rng.choice(NAMES)
        if name != "f" and name not in variables:
            fields["name"] = name
        if rng.random() < 0.2:
            fields["variables"] = variables
        if rng.random() < 0.75:
            point = choose_point(rng, node, variables)
            if point is None:
                return None
            fields["at"] = {k: number(v) for k, v in point.items()}
        return SlideSpec("gradient", fields, node, style)

    def descent(self, style: Style) -> SlideSpec | None:
        rng = self.rng
        variables = self.variables(rng.choice([1, 2, 2, 3]))
        maker = FunctionMaker(rng, variables)
        # a descent needs something with a minimum nearby, or at least a slope that stays moderate
        bowl = Add(tuple(Pow(Var(v), Fraction(2)) if rng.random() < 0.7 else self.scaled_square(v) for v in variables),
                   tuple(1 for _ in variables))
        if rng.random() < 0.5:
            node: Node = bowl
            if rng.random() < 0.7:
                node = Add((bowl, maker.teaching(max_depth=2, max_size=8)), (1, rng.choice([1, -1])))
        else:
            node = maker.teaching(max_depth=2, max_size=12)
        method = rng.choice(METHODS)
        steps = rng.choice([1, 1, 2, 3, 5])
        rate = rng.choice(RATES)
        for _ in range(10):
            start = choose_point(rng, node, variables)
            if start is not None and descent_stays_defined(node, start, rate, steps):
                break
            rate = rng.choice(RATES[:3])
        else:
            return None
        fields: dict = {}
        name = rng.choice(NAMES)
        if name != "f" and name not in variables:
            fields["name"] = name
        fields["start"] = {k: number(v) for k, v in start.items()}
        fields["learning_rate"] = number(rate)
        if rng.random() < 0.8:
            fields["steps"] = steps
        else:
            fields["stop"] = {"tolerance": Raw(rng.choice(["0.1", "0.01"])), "max_steps": steps + 2}
        if method != "gd" or rng.random() < 0.3:
            fields["method"] = method
        if method in ("momentum", "nesterov", "rmsprop") and rng.random() < 0.5:
            fields["beta"] = Raw(rng.choice(["0.5", "0.9", "0.8"]))
        if method == "adam" and rng.random() < 0.3:
            fields["beta1"] = Raw("0.8")
        if method in ("adagrad", "rmsprop", "adam") and rng.random() < 0.2:
            fields["eps"] = Raw(rng.choice(["0.001", "1e-8"]))
        if rng.random() < 0.15:
            fields["figure"] = True
        return SlideSpec("gradient_descent", fields, node, style)

    def scaled_square(self, v: str) -> Node:
        return Mul((Num(Fraction(self.rng.choice([2, 3]))), Pow(Var(v), Fraction(2))))

    def fit(self, style: Style) -> SlideSpec | None:
        rng = self.rng
        models = [
            ("w*x + b", {"w": 0, "b": 0}, False),
            ("sigmoid(w*x + b)", {"w": 0, "b": 0}, True),
            ("1/(1 + exp(-(w*x + b)))", {"w": 0, "b": 0}, True),
            ("w*x^2 + b", {"w": Fraction(1, 2), "b": 0}, False),
            ("a*exp(k*x)", {"a": 1, "k": Fraction(1, 10)}, False),
            ("w*sin(x) + b", {"w": 1, "b": 0}, False),
            ("a*ln(x) + b", {"a": 1, "b": 0}, False),
            ("w_1*x + w_2*x^2", {"w_1": 0, "w_2": 0}, False),
            ("w*sqrt(x)", {"w": 1}, False),
            ("tanh(w*x + b)", {"w": 0, "b": 0}, False),
        ]
        model, params, probability = rng.choice(models)
        if ("sigmoid" in model or "tanh" in model) and rng.random() < 0.5:  # an irrational step 1, worked rounded
            params = {"w": rng.choice([-1, Fraction(1, 2), 1, 2]), "b": rng.choice([-1, 0, Fraction(1, 2)])}
        positive = "ln" in model or "sqrt" in model
        count = rng.choice([1, 2, 2, 3, 4])
        xs = rng.sample([Fraction(v, 2) for v in range(1 if positive else -4, 8)], count)
        if probability:
            ys = [rng.choice([Fraction(0), Fraction(1), Fraction(1, 5), Fraction(9, 10), Fraction(1, 2)]) for _ in xs]
        else:
            ys = [Fraction(rng.randint(-10, 20), 10) for _ in xs]
        fields: dict = {"model": Raw(json.dumps(model.replace("^", style.power)))}
        fields["data"] = [[number(x), number(y)] for x, y in zip(xs, ys)]
        fields["params"] = {k: number(Fraction(v)) for k, v in params.items()}
        fields["learning_rate"] = number(rng.choice([Fraction(1, 10), Fraction(1, 2), Fraction(1), Fraction(1, 20)]))
        method = rng.choice(METHODS)
        if method != "gd":
            fields["method"] = method
        if probability and rng.random() < 0.5:
            fields["loss"] = "cross_entropy"
        if count > 1 and rng.random() < 0.4:
            fields["batch_size"] = rng.randint(1, count - 1)
            if rng.random() < 0.5:
                fields["seed"] = rng.randint(0, 2**16)
        steps = rng.choice([1, 2, 3, 5, 8])
        if rng.random() < 0.8 or "batch_size" in fields:
            fields["steps"] = steps
        else:
            fields["stop"] = {"tolerance": Raw("0.01"), "max_steps": 10}
        if rng.random() < 0.1:
            fields["figure"] = True
        return SlideSpec("fit", fields, None, style)

    def slide(self, style: Style) -> SlideSpec:
        kind = self.rng.choices(["derivative", "gradient", "gradient_descent", "fit"], [5, 3, 3, 1])[0]
        make = {"derivative": self.derivative, "gradient": self.gradient, "gradient_descent": self.descent,
                "fit": self.fit}[kind]
        for _ in range(20):
            slide = make(style)
            if slide is not None:
                if self.rng.random() < 0.1:  # posed as an exercise first: a question slide, the handout, the key
                    slide.fields = {"id": f"ex-{self.rng.randint(1, 999)}", "exercise": True, **slide.fields}
                return slide
        return SlideSpec("derivative", {}, Pow(Var("x"), Fraction(2)), style)

    def deck(self, index: int = 0) -> DeckSpec:
        lang = self.rng.choice(["en", "ru"])
        style = self.style(lang)
        slides = [self.slide(style) for _ in range(self.rng.choice([1, 2, 3, 3, 4]))]
        ids = [s.fields["id"] for s in slides if "id" in s.fields]
        for slide in slides:
            if "id" in slide.fields and ids.count(slide.fields["id"]) > 1:
                slide.fields["id"] += f"-{slides.index(slide)}"
        precision = self.rng.choice([4, 4, 4, 3, 5])
        return DeckSpec(f"Random deck {index}", lang, precision, slides, self.symbols())

    def symbols(self) -> dict | None:
        """The instructor's notation, sometimes: a Greek learning rate (no variable is Greek), iterates counted
        with n (no variable or parameter is called so) or k."""
        rng, chosen = self.rng, {}
        if rng.random() < 0.25:
            chosen["learning_rate"] = rng.choice(["\\lambda", "\\alpha", "\\gamma"])
        if rng.random() < 0.15:
            chosen["iterate"] = rng.choice(["x_n", "x^{(n)}", "x_k"])
        return chosen or None


def random_decks(seed: int, n: int) -> list[DeckSpec]:
    """``n`` random decks; deck ``i`` depends only on ``(seed, i)``, so any one can be rebuilt alone."""
    return [random_deck(seed, i) for i in range(n)]


def random_deck(seed: int, index: int) -> DeckSpec:
    return DeckMaker(random.Random(f"{seed}:{index}")).deck(index)


# ---------------------------------------------------------------- shrinking a failing slide

def smaller_slides(slide: SlideSpec) -> list[SlideSpec]:
    """Simpler variants of a slide, simplest first: fewer options, then a function with a node replaced by one
    of its children or by a variable."""
    out: list[SlideSpec] = []
    simpler_fields = {"show_steps": None, "name": None, "variable": None, "variables": None, "figure": None,
                      "beta": None, "beta1": None, "eps": None, "seed": None, "stop": None}
    for key in simpler_fields:
        if key in slide.fields:
            fields = {k: v for k, v in slide.fields.items() if k != key}
            if key == "stop":
                fields["steps"] = 1
            if key == "show_steps":
                continue  # steps on and off are different printers: keep the choice
            out.append(replace(slide, fields=fields))
    if slide.fields.get("steps", 1) > 1:
        out.append(replace(slide, fields={**slide.fields, "steps": 1}))
    if slide.kind == "fit" and len(slide.fields["data"]) > 1:
        for i in range(len(slide.fields["data"])):
            data = [p for j, p in enumerate(slide.fields["data"]) if j != i]
            fields = {**slide.fields, "data": data}
            if fields.get("batch_size", 0) >= len(data):
                fields.pop("batch_size")
                fields.pop("seed", None)
            out.append(replace(slide, fields=fields))
    if slide.function is not None:
        variables = sorted(slide.function.variables())
        for candidate in _replacements(slide.function):
            if candidate.size() >= slide.function.size():
                continue
            if sorted(candidate.variables()) != variables and slide.kind != "derivative":
                continue
            if not candidate.variables():
                continue
            out.append(replace(slide, function=candidate))
    return out


def _replacements(node: Node) -> list[Node]:
    results = list(node.children())
    if not isinstance(node, Var):
        results += [Var(v) for v in sorted(node.variables())][:1]
    if isinstance(node, (Add, Mul)) and len(node.children()) > 2:
        kids = node.children()
        results += [node.with_children(kids[:i] + kids[i + 1:]) for i in range(len(kids))]
    for index, child in enumerate(node.children()):
        for smaller in _replacements(child):
            kids = list(node.children())
            kids[index] = smaller
            results.append(node.with_children(tuple(kids)))
    return results
