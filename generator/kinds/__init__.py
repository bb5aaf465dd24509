"""The slide kinds: one folder each, registered here once.

A new kind is a folder ``kinds/<name>/`` whose ``__init__`` defines ``KIND`` (a ``SlideKind``), a
template ``templates/slides/<name>.md.j2``, and one line in ``BUILT_IN`` below.  The order of
``BUILT_IN`` is the order error messages list the kinds in.
"""
from __future__ import annotations

import importlib

from .base import ExerciseHooks, SlideKind

BUILT_IN: tuple[SlideKind, ...] = tuple(importlib.import_module(f"{__name__}.{name}").KIND for name in (
    "markdown",
    "derivative",
    "gradient",
    "gradient_descent",
    "fit",
    "learning_rates",
    "compare_methods",
    "plot",
))
KINDS: dict[str, SlideKind] = {kind.name: kind for kind in BUILT_IN}  # YAML ``kind`` → its description
_BY_MODEL: dict[type, SlideKind] = {kind.model: kind for kind in BUILT_IN}


def register(kind: SlideKind) -> None:
    """Add a kind (a plug-in, or a test's example kind); its name must be new."""
    if kind.name in KINDS:
        raise ValueError(f"a slide kind named {kind.name!r} is already registered")
    if kind.model in _BY_MODEL:
        raise ValueError(f"{kind.model.__name__} is already the model of {_BY_MODEL[kind.model].name!r}: "
                         "a kind needs a model of its own")
    KINDS[kind.name] = kind
    _BY_MODEL[kind.model] = kind


def unregister(name: str) -> None:
    kind = KINDS.pop(name)
    del _BY_MODEL[kind.model]


def kind_of(slide_or_solution: object) -> SlideKind:
    """The kind of a slide, or of a solution (which holds its ``slide``)."""
    slide = getattr(slide_or_solution, "slide", slide_or_solution)
    return _BY_MODEL[type(slide)]


__all__ = ["KINDS", "ExerciseHooks", "SlideKind", "kind_of", "register", "unregister"]
