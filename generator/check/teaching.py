r"""Statements of teaching notation that are not claims: definitions by ``:=``, constants, the derivative's limit.

``read_notation`` tells ``claims`` how many leading links of a statement are notation: a definition sign
(``:=``, ``\coloneqq``, ``\overset{\text{def}}{=}``, ``\equiv``, all read as ``≔`` by the parser) defines
its left side, with nothing to verify; ``c = \text{const}`` says that c is a constant (it forgets any
value c had); ``\nabla L = (2, 6)`` with no function L records the printed gradient for later norms; a
limit of a function with no definition (``f'(x_0) = \lim_{\Delta x \to 0} …``) is the definition of a
notion, not a claim about numbers.
"""
from __future__ import annotations

from .definitions import record_definition
from .evaluate import FUNCTION_LETTERS, Context, Evaluator
from .teachingvalues import gradient_key
from .textree import Call, Constant, Limit, Nabla, Name, Node, Statement, TexError, Tuple, children
from .vectors import is_vector

DEFINES = "≔"


def read_notation(statement: Statement, context: Context) -> int | None:
    """The number of leading links that are notation (their definitions recorded); None for an ordinary statement."""
    relations, sides = statement.relations, statement.sides
    if any(_limit_of_undefined(side, context) for side in sides):
        return len(relations)
    if not relations or relations[0] not in ("=", DEFINES):
        return None
    first, second = sides[0], sides[1]
    if isinstance(second, Constant):
        _declare_constant(first, context)
        return 1
    if relations[0] == DEFINES and _definable_head(first):
        record_definition(statement, context, Evaluator(context))
        return 1
    if isinstance(first, Nabla) and _printed_gradient(first, context):
        _record_gradient(first, second, context)
        return 1
    return 1 if relations[0] == DEFINES else None  # D_u L := …: notation, nothing to verify


def _declare_constant(first: Node, context: Context) -> None:
    if not isinstance(first, Name):
        raise TexError("only a name can be declared constant")
    context.values.pop(first.key, None)
    context.functions.pop(first.key, None)
    context.changed()


def _definable_head(node: Node) -> bool:
    """``a``, ``(a, b)`` or ``g(x, y)`` with distinct plain parameters: what ``:=`` can define."""
    if isinstance(node, Name):
        return node.key not in ("e", "pi")
    if isinstance(node, Tuple):
        return all(isinstance(item, Name) for item in node.items)
    if isinstance(node, Call) and not node.primes:
        keys = [arg.key for arg in node.args if isinstance(arg, Name)]
        return len(keys) == len(node.args) == len(set(keys))
    return False


def _printed_gradient(node: Nabla, context: Context) -> bool:
    """``\\nabla L`` without a point, of an L that is not a defined function."""
    return node.args is None and node.function.key not in context.functions


def _record_gradient(first: Nabla, second: Node, context: Context) -> None:
    value = Evaluator(context).value(second)
    if not is_vector(value):
        raise TexError("a gradient is a vector")
    context.define_value(gradient_key(first.function.key), value)


def _limit_of_undefined(node: Node, context: Context) -> bool:
    """Whether the tree holds a limit of a function that has no definition (``f(x_0 + \\Delta x)``, ``\\Delta y``)."""
    if isinstance(node, Limit):
        return _mentions_undefined(node.body, context, node.variable.key)
    return any(_limit_of_undefined(child, context) for child in children(node))


def _mentions_undefined(node: Node, context: Context, variable: str) -> bool:
    if isinstance(node, Call):
        key = node.name.key
        if node.name.base in FUNCTION_LETTERS and key not in context.functions and key not in context.values:
            return True
    if isinstance(node, Name) and node.base.startswith("Delta ") and node.key != variable:
        return node.key not in context.values
    return any(_mentions_undefined(child, context, variable) for child in children(node))


