"""The part of the LaTeX grammar that starts with a macro.

Fractions, which may be derivatives (``\\frac{\\partial f}{\\partial x}``, ``\\frac{d}{dx}``),
roots, known functions with their powers and arguments (``\\cos^2 x``, ``\\log_2 8``),
``\\operatorname``, ``\\nabla``, accents (``\\hat{y}``), Greek letters and ``pmatrix``
vectors.  ``texparse`` reads everything else and hands a macro to ``command``; these functions
read on with that same parser, so a fraction's numerator is again a whole expression.
"""
from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from .texnotation import FUNCTIONS, GREEK, INVERSES, MATRICES, OPERATOR_NAMES, RECIPROCALS
from .texteaching import TEACHING_COMMANDS, teaching_command
from .textokens import Token
from .textree import (
    Call,
    DerivOp,
    EvalAt,
    Func,
    Nabla,
    Name,
    Neg,
    Node,
    Num,
    Op,
    Partial,
    Sqrt,
    TexError,
    Vector,
    index_text,
)

if TYPE_CHECKING:
    from .texparse import FormulaParser


def command(parser: FormulaParser) -> Node:
    """The macro at the parser's position, with everything it takes."""
    token = parser.take()
    name = token.text[1:]
    if name in ("frac", "dfrac", "tfrac", "cfrac"):
        return _fraction(parser)
    if name == "sqrt":
        index = None
        if parser.at("["):
            parser.take()
            index = parser.expression()
            parser.expect("]")
        return Sqrt(_macro_argument(parser), index)
    if name in FUNCTIONS:
        return _function(parser, FUNCTIONS[name])
    if name in RECIPROCALS:  # \sec x is 1/cos x, \sec^2 x is 1/cos^2 x
        return Op("/", Num(Fraction(1), None, "1"), _function(parser, RECIPROCALS[name], reciprocal=name))
    if name == "boxed":
        return _group_or_atom(parser)  # a framed result: its content
    if name in ("operatorname", "mathrm", "mathit"):
        parser.expect("{")
        word = ""
        while not parser.at("}"):
            word += parser.take().text
        parser.take()
        if word in FUNCTIONS.values() or word in FUNCTIONS or word in OPERATOR_NAMES:
            return _function(parser, OPERATOR_NAMES.get(word) or FUNCTIONS.get(word, word))
        if name == "operatorname" or (len(word) > 1 and (parser.at_arguments() or parser.kind_at() in
                                                          ("symbol", "number", "command"))):
            raise TexError(f"unknown function \\{name}{{{word}}}")  # not a variable times its argument
        return parser.name_from(Name(word))
    if name == "nabla":
        function = _bare_name(parser)
        args = parser.arguments() if parser.at_arguments() else None
        return Nabla(function, args)
    if name == "begin":
        return _environment(parser)
    if name == "overline":
        name = "bar"  # \overline{x} and \bar{x} are one name
    if name in ("hat", "tilde", "bar"):
        parser.expect("{")
        letter = parser.take()
        if letter.kind != "symbol" and not (letter.kind == "command" and letter.text[1:] in GREEK):
            raise TexError(f"unsupported \\{name}")
        parser.expect("}")
        return parser.name_from(Name(letter.text.lstrip("\\") + name))  # \hat{m} is the name "mhat"
    if name in GREEK:
        if name == "pi":
            return Name("pi")
        if name == "Delta" and parser.kind_at() == "symbol":
            return parser.name_from(Name("Delta " + parser.take().text))
        return parser.name_from(Name(name))
    if name in ("e",):
        return Name("e")
    if name in TEACHING_COMMANDS:  # \lim, \const
        return teaching_command(parser, name)
    if name == "left.":
        return _evaluation(parser)
    if name in ("mleft", "mright"):
        raise TexError(r"\mleft … \mright is not supported (KaTeX does not render it): write \left … \right")
    raise TexError(f"unsupported command \\{name}")


def _evaluation(parser: FormulaParser) -> Node:
    r"""``\left. … \right.`` (a group) or ``\left. (x^2)' \right|_{x=3}`` (the expression at a point)."""
    inside = parser.expression()
    if parser.at(r"\right."):
        parser.take()
        return inside
    parser.expect(r"\right")
    if not parser.at("|", r"\vert") or parser.text_at(1) != "_" or parser.text_at(2) != "{":
        raise TexError(r"\left. … \right without |_{x=…} is not supported")
    parser.index += 3
    if parser.kind_at() != "symbol" or parser.text_at(1) != "=":
        raise TexError(r"\left. … \right|_{a}^{b}: evaluation between two points is not supported")
    variable = Name(parser.take().text)
    parser.take()
    point = parser.expression()
    parser.expect("}")
    if parser.at("^"):
        raise TexError(r"\left. … \right|_{a}^{b}: evaluation between two points is not supported")
    return EvalAt(inside, variable, point)


def _bare_name(parser: FormulaParser) -> Name:
    r"""A function name without arguments (``\nabla f``)."""
    token = parser.take()
    if token.kind == "symbol":
        return Name(token.text)
    if token.kind == "command" and token.text[1:] in GREEK:
        return Name(token.text[1:])
    raise TexError(f"expected a function name, found {token.text}")


def _group_or_atom(parser: FormulaParser) -> Node:
    if parser.at("{"):
        parser.take()
        inside = parser.expression()
        parser.expect("}")
        return inside
    return parser.atom()


def _fraction(parser: FormulaParser) -> Node:
    derivative = _try_derivative(parser)
    if derivative is not None:
        return derivative
    numerator = _macro_argument(parser)
    denominator = _macro_argument(parser)
    if _looks_like_leibniz(numerator, denominator):
        raise TexError("a derivative in Leibniz notation that is not understood")
    return Op("/", numerator, denominator)


def _macro_argument(parser: FormulaParser) -> Node:
    r"""A macro's argument: a braced group, or one token as TeX reads it (``\frac12`` is ½, ``\sqrt23`` is √2·3)."""
    token = parser.peek()
    if token is not None and token.kind == "number" and len(token.text) > 1 and not parser.at("{"):
        if not token.text[1:].isdigit():
            raise TexError(f"a number right after a macro: {token.text} (write it in braces)")
        parser.tokens[parser.index:parser.index + 1] = [
            Token("number", token.text[0], token.start, token.start + 1),
            Token("number", token.text[1:], token.start + 1, token.end)]
    return _group_or_atom(parser)


def _looks_like_leibniz(numerator: Node, denominator: Node) -> bool:
    """d…/d… that was not read as a derivative: a guess either way would be unsound."""
    return _starts_with_differential(numerator) and _starts_with_differential(denominator)


def _starts_with_differential(node: Node) -> bool:
    while isinstance(node, Op):  # d x^2, d^2 y, d(x^2) + 1: the first factor of the first term
        node = node.left
    if isinstance(node, Call):  # d(x^2) read as a call of d
        node = node.name
    return isinstance(node, Name) and node.key in ("d", "partial")


def _try_derivative(parser: FormulaParser) -> Node | None:
    r"""``\frac{\partial f}{\partial x}``, ``\frac{d}{dx}``, ``\frac{dy}{dx}``, ``\frac{d f(x)}{dx}``,
    ``\frac{\partial L_{1}}{\partial w}``, ``\frac{\partial \hat{y}}{\partial w}``, and second or higher
    orders with the same order above and below (``\frac{\partial^2 f}{\partial x^2}``, mixed:
    ``\frac{\partial^2 f}{\partial x \partial y}``); None (and nothing read) for any other fraction."""
    start = parser.index
    function = variable = None
    inner_args = None
    order = below = 0
    rest: tuple[tuple[Name, int], ...] | None = ()
    body = None
    if _derivative_group_opens(parser):
        order = _order(parser)
        if parser.at("(") or (parser.at(r"\left") and parser.text_at(1) == "("):
            body = _bracketed_or_none(parser)  # \frac{d(x^2)}{dx}: the derivative of what the bracket holds
        function = _derivative_name(parser) if not parser.at("}") and body is None else None
        if function is not None and parser.at_arguments():
            inner_args = parser.arguments()  # \frac{d f(x)}{dx}: the point written with the function
        if parser.at("}") and (function is not None or body is not None
                               or parser.tokens[parser.index - 1].text in (r"\partial", "d") or order > 1):
            parser.take()
            if _derivative_group_opens(parser):
                variable = _derivative_name(parser)
                below = _order(parser)
                rest = _mixed(parser, parser.tokens[start + 1].text)
    if variable is None or rest is None or not parser.at("}") or order != below + sum(k for _, k in rest) or not order:
        parser.index = start
        return None
    parser.take()
    if body is not None:
        return DerivOp(variable, body, below, rest)
    if function is None:
        return DerivOp(variable, _postfix_after_operator(parser), below, rest)
    args = inner_args if inner_args is not None else (parser.arguments() if parser.at_arguments() else None)
    return Partial(function, variable, args, below, rest)


def _bracketed_or_none(parser: FormulaParser) -> Node | None:
    try:
        return parser.bracketed()
    except TexError:
        return None


def _mixed(parser: FormulaParser, differential: str) -> tuple[tuple[Name, int], ...] | None:
    r"""The further variables below a mixed partial derivative, ``\partial x \partial y^2`` → ((y, 2),);
    None when one is unreadable."""
    rest = []
    parser.skip_ignored()
    while differential == r"\partial" and parser.at(r"\partial"):
        parser.take()
        name = _derivative_name(parser)
        order = _order(parser) if name is not None else 0
        if name is None or not order:
            return None
        rest.append((name, order))
        parser.skip_ignored()
    return tuple(rest)


def _order(parser: FormulaParser) -> int:
    """The order written as ``^2`` after ``\\partial``/``d`` or after the variable: 1 when none, 0 when unreadable."""
    if not parser.at("^"):
        return 1
    parser.take()
    token = parser.take() if not parser.at("{") else None
    if token is None:
        parser.take()
        token = parser.take()
        if not parser.at("}"):
            return 0
        parser.take()
    return int(token.text) if token.kind == "number" and token.text.isdigit() and 1 <= int(token.text) <= 9 else 0


def _derivative_group_opens(parser: FormulaParser) -> bool:
    r"""At ``{\partial`` or ``{d``: read both."""
    if parser.at("{") and parser.text_at(1) in (r"\partial", "d"):
        parser.take()
        parser.take()
        return True
    return False


def _derivative_name(parser: FormulaParser) -> Name | None:
    r"""The name after ``\partial``: ``f``, ``\sigma``, ``L_{1}``, ``\hat{y}``; None for anything else."""
    token = parser.peek()
    if token is None:
        return None
    try:
        if token.kind == "symbol":
            name = Name(parser.take().text)
        elif token.kind == "command" and token.text[1:] in GREEK:
            name = Name(parser.take().text[1:])
        elif token.text in (r"\hat", r"\tilde", r"\bar"):
            parser.take()
            parser.expect("{")
            letter = parser.take()
            parser.expect("}")
            name = Name(letter.text.lstrip("\\") + token.text[1:])
        else:
            return None
        if parser.at("_"):
            parser.take()
            sub = parser.subscript()
            name = Name(name.base, sub, index_text(sub))
        return name
    except TexError:
        return None


def _postfix_after_operator(parser: FormulaParser) -> Node:
    r"""What ``\frac{d}{dx}`` applies to: a bracketed group, or the product that follows."""
    parser.skip_ignored()
    if parser.at("(", r"\left", "[", "{"):
        return parser.postfix()
    return parser.term()


def _function(parser: FormulaParser, name: str, reciprocal: str = "") -> Node:
    """A function with its power and argument; ``reciprocal`` names \\sec or \\csc, read as 1/cos or 1/sin."""
    base = power = None
    if name == "log" and parser.at("_"):
        parser.take()
        base = parser.script()
    if parser.at("^"):
        parser.take()
        power = parser.script()
        if isinstance(power, Neg) and isinstance(power.operand, Num) and power.operand.value == 1:
            if name not in INVERSES or reciprocal:  # (\sec^{-1} x is arccos(1/x), not 1/arccos x)
                raise TexError(f"\\{reciprocal or name}^{{-1}} (the inverse function) is not supported")
            name, power = INVERSES[name], None  # \sin^{-1} x is arcsin x, not 1/sin x
    parser.skip_ignored()
    arg = _group_or_bracket(parser) if parser.at("{") or parser.at("(", r"\left") else _function_argument(parser)
    return Func(name, arg, power, base)


def _group_or_bracket(parser: FormulaParser) -> Node:
    if parser.at("{"):
        return _group_or_atom(parser)
    return parser.bracketed()


def _function_argument(parser: FormulaParser) -> Node:
    """``\\sin 2x`` → sin(2x): numbers and letters up to an operator or another function."""
    result = parser.postfix()
    while True:
        token = parser.peek()
        if token is None or token.kind not in ("number", "symbol"):
            return result
        result = Op("*", result, parser.postfix())


def _environment(parser: FormulaParser) -> Node:
    parser.expect("{")
    kind = ""
    while not parser.at("}"):
        kind += parser.take().text
    parser.take()
    if kind not in MATRICES:
        raise TexError(f"unsupported environment {kind}")
    items = [parser.expression()]
    while parser.at(r"\\", "&"):
        parser.take()
        if parser.at(r"\end"):
            break
        items.append(parser.expression())
    parser.expect(r"\end")
    parser.expect("{")
    while not parser.at("}"):
        parser.take()
    parser.take()
    return Vector(tuple(items))
