r"""The instructor's notation: the ``symbols:`` key of a deck or a slide (a slide's choice wins).

.. code-block:: yaml

    symbols:
      learning_rate: \lambda   # the rate's letter (default \eta): a Latin or Greek letter, optionally subscripted
      iterate: w_k             # how iterates are indexed: x_{i}/x_{t} (default), x_k, x^{(k)}
      loss: J                  # a fit's loss (default L; each point's loss is J_1, J_2, …)

Every value is read into a structured choice — a letter's name (``lambda``, ``a``, ``alpha_1``), an index
letter and whether it is written as a superscript — which the printer prints like any other name; no LaTeX
written in a spec reaches a slide unchecked.  A letter that already means something on the slides (e, π, the
index of the iterates, a method's β, ε or states u, v, m, the batch gradient g, a function's name f, L) is
refused with the reason.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from .converters import one_line_text
from .schema import Converter, Field, Invalid, Scope, convert_mapping
from .yamltree import Node

GREEK = ("alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
         "kappa", "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi",
         "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Sigma", "Phi", "Psi", "Omega")
_UNICODE_GREEK = dict(zip("αβγδεζηθικλμνξρστυφχψωΓΔΘΛΞΣΦΨΩ",
                          [name for name in GREEK if name not in ("varepsilon", "vartheta", "varphi")]))
INDEX_LETTERS = ("i", "k", "n", "t")  # what may count the iterates (the letters the checker reads as a row index)

_LETTER = r"(?P<letter>[A-Za-z]|\\[A-Za-z]+|[α-ωΑ-Ω])"
_SYMBOL = re.compile(_LETTER + r"(?:_(?:(?P<sub>[A-Za-z0-9])|\{(?P<long>[A-Za-z0-9]{1,3})\}))?")
_ITERATE = re.compile(_LETTER + r"(?:_(?P<sub>[a-z])|_\{(?P<long>[a-z])\}|\^\{?\((?P<sup>[a-z])\)\}?)")

# letters a learning rate may not take, and why (the index letters are refused by ``check_symbols``)
_TAKEN = {
    "e": "Euler's number", "beta": "the methods' β", "beta_1": "Adam's β₁", "beta_2": "Adam's β₂",
    "epsilon": "the methods' ε", "varepsilon": "the methods' ε", "sigma": "the sigmoid σ",
    "u": "a momentum state", "v": "an accumulator state", "m": "Adam's first moment", "g": "a batch's gradient",
    "f": "the function", "h": "a function", "F": "a function", "G": "a function", "H": "a function",
    "y": "the targets and y = f(x)", "L": "the loss", "Q": "a function", "phi": "a function", "psi": "a function",
    "varphi": "a function",
}
_LOSS_TAKEN = {"e": "Euler's number", "f": "the function", "y": "the targets", "x": "the input",
               "sigma": "the sigmoid σ", "g": "a batch's gradient"}


@dataclass(frozen=True)
class Symbols:
    """The notation a slide prints its descent with (names as SymPy symbol names, printed by the printer)."""

    learning_rate: str = "eta"  # \eta
    index: str | None = None  # the iterates' index letter; None: i for plain descent, t for the methods
    superscript: bool = False  # x^{(k)} rather than x_{k}
    loss: str = "L"  # a fit's loss L(w, b) = L_1(w, b) + …

    def updated(self, choices: dict[str, Any]) -> Symbols:
        """These symbols with a slide's (or a deck's) own choices."""
        return replace(self, **choices)


DEFAULT = Symbols()


def _letter_name(letter: str) -> str:
    """``\\lambda`` / ``λ`` → ``lambda``; ``a`` → ``a``; ValueError for anything else."""
    if letter in _UNICODE_GREEK:
        return _UNICODE_GREEK[letter]
    if letter.startswith("\\"):
        if letter[1:] not in GREEK:
            raise ValueError(rf"{letter} is not a Greek letter (such as \alpha, \gamma, \lambda, \mu)")
        return letter[1:]
    return letter


def parse_symbol(text: str) -> str:
    r"""A letter with an optional subscript (``\lambda``, ``a``, ``\alpha_1``, ``a_{lr}``) → its symbol name."""
    match = _SYMBOL.fullmatch(text.strip())
    if match is None:
        raise ValueError(r"expected a Latin or Greek letter with an optional subscript, such as \lambda, a, "
                         rf"\alpha_1 or a_{{lr}}; got {text}")
    name = _letter_name(match["letter"])
    subscript = match["sub"] or match["long"]
    return f"{name}_{subscript}" if subscript else name


def parse_learning_rate(text: str) -> str:
    name = parse_symbol(text)
    if name in _TAKEN:
        raise ValueError(f"{text} already stands for {_TAKEN[name]} on the slides; choose another letter")
    if name in INDEX_LETTERS:
        raise ValueError(f"{text} may count the iterates (x_{{{name}}}); choose another letter")
    return name


def parse_iterate(text: str) -> tuple[str, bool]:
    """``x_k``, ``x_{k}`` → ("k", False); ``x^{(k)}`` → ("k", True): the index letter and its place."""
    match = _ITERATE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"expected an iterate written x_k, x_{{k}} or x^{{(k)}} (any letter for x); got {text}")
    _letter_name(match["letter"])
    index = match["sub"] or match["long"] or match["sup"]
    if index not in INDEX_LETTERS:
        raise ValueError(f"the index of the iterates is one of {', '.join(INDEX_LETTERS)}; got {index}")
    return index, match["sup"] is not None


def parse_loss(text: str) -> str:
    """A loss is a letter alone (each point's loss adds its number: J_1, J_2)."""
    match = _SYMBOL.fullmatch(text.strip())
    if match is None or match["sub"] or match["long"]:
        raise ValueError(f"expected a Latin or Greek letter without a subscript, such as L, J or E; got {text}")
    name = _letter_name(match["letter"])
    if name in _LOSS_TAKEN:
        raise ValueError(f"{text} already stands for {_LOSS_TAKEN[name]} on the slides; choose another letter")
    return name


def clash(symbols: Symbols, letters: set[str], where: str = "the slide") -> tuple[str, str] | None:
    """The key and the reason why these symbols cannot be used together, or on a slide whose variables and
    expressions use ``letters``; None when they can."""
    rate = symbols.learning_rate
    if rate == symbols.loss:
        return "loss", f"the learning rate is already {written(rate)}; choose another letter"
    for key, name in (("learning_rate", rate), ("loss", symbols.loss)):
        if name in letters and name != getattr(DEFAULT, key):  # the defaults were never the instructor's choice
            return key, f"{written(name)} is a variable of {where}; choose another letter"
    return None


_SUBSCRIPT_DIGITS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_GREEK_CHARACTERS = {name: character for character, name in _UNICODE_GREEK.items()} | {
    "varepsilon": "ε", "vartheta": "ϑ", "varphi": "φ"}


def plain(name: str) -> str:
    """A symbol name as plain text, for figure titles: ``eta`` → ``η``, ``alpha_1`` → ``α₁``, ``a_lr`` → ``a_lr``."""
    letter, _, subscript = name.partition("_")
    letter = _GREEK_CHARACTERS.get(letter, letter)
    if subscript.isdigit():
        return letter + subscript.translate(_SUBSCRIPT_DIGITS)
    return f"{letter}_{subscript}" if subscript else letter


def written(name: str) -> str:
    """A symbol name as a spec writes it: ``lambda_1`` → ``\\lambda_1`` (for messages)."""
    letter, _, subscript = name.partition("_")
    letter = f"\\{letter}" if letter in GREEK else letter
    return f"{letter}_{subscript}" if subscript else letter


# -- the spec's ``symbols:`` mapping --------------------------------------------------------------

def _field(parse: Callable[[str], Any]) -> Converter:
    """A converter of one ``symbols`` key: its text parsed by ``parse`` (a ValueError is the problem)."""
    def convert(node: Node, scope: Scope) -> Any:
        try:
            return parse(one_line_text(node, scope))
        except ValueError as error:
            raise Invalid(str(error)) from None
    return convert


def symbol_choices(node: Node, scope: Scope) -> dict[str, Any]:
    """The ``symbols:`` mapping → the choices it makes (keys of ``Symbols``); unknown keys are refused."""
    values = convert_mapping(node, scope, {"learning_rate": Field(_field(parse_learning_rate)),
                                           "iterate": Field(_field(parse_iterate)),
                                           "loss": Field(_field(parse_loss))})
    choices: dict[str, Any] = {}
    if values["learning_rate"] is not None:
        choices["learning_rate"] = values["learning_rate"]
    if values["iterate"] is not None:
        choices["index"], choices["superscript"] = values["iterate"]
    if values["loss"] is not None:
        choices["loss"] = values["loss"]
    return choices
