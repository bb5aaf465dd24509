"""Arithmetic with vectors as a teacher means it, not as SymPy's containers do it.

A printed vector is a tuple ``(3, 4)`` or a ``pmatrix`` column; SymPy would concatenate two tuples
(``(1, 2) + (3, 4)``), repeat one (``2 \\cdot (1, 2)``) and take bars elementwise.  Here a sum is
entry by entry, a number scales, ``\\cdot`` between two vectors is the dot product, and the norm
``\\lVert v \\rVert`` is the Euclidean length; anything else with a vector (``\\times``, a product
written without a sign, vectors of different lengths) is refused.
"""
from __future__ import annotations

import sympy

from .textree import TexError

DOT = r"\cdot"


def is_vector(value) -> bool:
    return isinstance(value, (sympy.Tuple, sympy.MatrixBase))


def _items(value) -> list:
    return list(value)


def _like(template, items: list):
    """A vector of ``items`` in the form of ``template`` (a tuple stays a tuple)."""
    if isinstance(template, sympy.MatrixBase):
        return sympy.Matrix(items)
    return sympy.Tuple(*items)


def add(left, right):
    if not (is_vector(left) or is_vector(right)):
        return left + right
    if not (is_vector(left) and is_vector(right)):
        raise TexError("a vector plus a number")
    a, b = _items(left), _items(right)
    if len(a) != len(b):
        raise TexError("vectors of different lengths")
    template = left if isinstance(left, sympy.MatrixBase) else right
    return _like(template, [x + y for x, y in zip(a, b)])


def negative(value):
    return _like(value, [-item for item in _items(value)]) if is_vector(value) else -value


def product(left, right, written: str):
    """``left · right`` as printed with ``written`` (``\\cdot``, ``\\times``, or nothing)."""
    if is_vector(left) and is_vector(right):
        if written != DOT:
            raise TexError("a product of two vectors (only \\cdot, the dot product, is understood)")
        a, b = _items(left), _items(right)
        if len(a) != len(b):
            raise TexError("the dot product of vectors of different lengths")
        return sympy.Add(*(x * y for x, y in zip(a, b)))
    if is_vector(left):
        return _like(left, [item * right for item in _items(left)])
    if is_vector(right):
        return _like(right, [left * item for item in _items(right)])
    return left * right


def length(value):
    """The Euclidean length of a vector of real entries; the absolute value of a number."""
    if is_vector(value):
        return sympy.sqrt(sympy.Add(*(item**2 for item in _items(value))))
    return sympy.Abs(value)
