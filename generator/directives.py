"""Marp's local directives on one slide: ``marp: {class: columns, paginate: false}`` in a slide entry.

They are printed as scoped directive comments (``<!-- _class: columns -->``) at the start of the
slide's first page, so every value is held to a narrow form: CSS class names, colours written in a
few plain ways, ``paginate`` as Marp reads it, one line of header or footer text.  Nothing written
here can close the comment that carries it or reach the theme's CSS.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from .converters import one_line_text
from .schema import Converter, Invalid, Reported, Scope, convert, did_you_mean
from .yamltree import Node

CLASS_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
COLOUR = re.compile(r"#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})|[A-Za-z]+|(?:rgba?|hsla?)\([0-9.,% ]+\)")
DECK_ONLY = ("theme", "size", "style", "headingDivider")  # Marp's global directives
PAGINATE = ("skip", "hold")  # besides true and false: Marp's page numbers that skip or hold this slide


@dataclass(frozen=True)
class SlideDirectives:
    """A slide's local Marp directives, in spec order (``paginate`` is a bool or ``skip``/``hold``)."""

    directives: tuple[tuple[str, str | bool], ...]

    def scoped(self) -> tuple[tuple[str, str], ...]:
        """Each directive as a scoped comment prints it: (``_class``, ``columns``), (``_color``, ``"#333"``)."""
        return tuple((f"_{key}", _printed(key, value)) for key, value in self.directives)


def _printed(key: str, value: str | bool) -> str:
    """The value as Marp's YAML reads it: a bool in lower case, class names bare, the rest double-quoted
    (a bare ``#fffbe6`` would start a YAML comment)."""
    if isinstance(value, bool):
        return str(value).lower()
    if key in ("class", "paginate"):
        return value
    return json.dumps(value, ensure_ascii=False)


def css_classes(node: Node, scope: Scope) -> str:
    value = one_line_text(node, scope)
    names = value.split()
    wrong = [name for name in names if not CLASS_NAME.fullmatch(name)]
    if wrong:
        raise Invalid(f"expected CSS class names separated by spaces (letters, digits, '-', '_'), got {wrong[0]!r}")
    return " ".join(names)


def paginate(node: Node, scope: Scope) -> str | bool:
    if node.shape == "scalar" and node.scalar.kind == "bool":
        return node.scalar.text.lower() in ("true", "yes", "on")
    if node.shape == "scalar" and node.scalar.text in PAGINATE:
        return node.scalar.text
    raise Invalid(f"expected true, false, skip or hold, got {node.describe()}")


def colour(node: Node, scope: Scope) -> str:
    if node.shape == "scalar" and node.scalar.kind == "null":
        raise Invalid("expected a colour, got nothing (quote a colour such as '#fffbe6': YAML reads # as a comment)")
    if node.shape != "scalar" or node.scalar.kind != "str" or not COLOUR.fullmatch(node.scalar.text.strip()):
        raise Invalid(f"expected a colour such as '#fffbe6', white or rgb(255, 251, 230), got {node.describe()}")
    return node.scalar.text.strip()


def band_text(node: Node, scope: Scope) -> str:
    """A header or footer: one line of text that cannot end the comment it is printed in."""
    value = one_line_text(node, scope)
    for mark in ("<!--", "-->"):
        if mark in value:
            raise Invalid(f"cannot contain {mark!r} (it would end the directive's comment)")
    return value


SLIDE_DIRECTIVES: dict[str, Converter] = {"class": css_classes, "paginate": paginate, "backgroundColor": colour,
                                          "color": colour, "header": band_text, "footer": band_text}


def _unknown(key: str) -> str:
    if key in DECK_ONLY:
        return f"{key!r} is set for the whole deck (the deck's marp:), not for one slide"
    known = ", ".join(SLIDE_DIRECTIVES)
    return f"unknown directive for one slide (a slide takes {known}){did_you_mean(key, SLIDE_DIRECTIVES)}"


def slide_directives(node: Node, scope: Scope) -> SlideDirectives:
    """``marp:`` of one slide; every unknown key and wrong value is reported before it gives up."""
    if node.shape != "mapping":
        raise Invalid(f"expected a mapping of Marp directives such as {{class: columns}}, got {node.describe()}")
    directives, failed = [], False
    for key, key_node, value in node.items():
        if key not in SLIDE_DIRECTIVES:
            scope.context.report(key_node, scope.child(key).path, _unknown(key))
            failed = True
            continue
        try:
            directives.append((key, convert(SLIDE_DIRECTIVES[key], value, scope.child(key))))
        except Reported:
            failed = True
    if failed:
        raise Reported
    return SlideDirectives(tuple(directives))
