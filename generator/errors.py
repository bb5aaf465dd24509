"""One family of user-facing errors.

Every error a person can cause carries where it happened (file, line, column,
key path) and what is wrong, and prints as ``file:line:col: path: message``.
Exit codes: 2 for bad input, 1 for wrong math.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

EXIT_OK = 0
EXIT_WRONG_MATH = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3  # a bug in verideck itself
EXIT_TOOLCHAIN = 3  # marp-cli, Node or Chromium missing or failing: what the run needed was not there


@dataclass(frozen=True)
class Location:
    """A place in a source file; line and column are 1-based, 0 when unknown."""

    file: Path
    line: int = 0
    column: int = 0

    def shifted(self, columns: int) -> Location:
        """The same place moved right by ``columns`` characters (within one line)."""
        if not self.column:
            return self
        return Location(self.file, self.line, self.column + columns)

    def __str__(self) -> str:
        text = str(self.file)
        if self.line:
            text += f":{self.line}"
            if self.column:
                text += f":{self.column}"
        return text


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, tied to its place and key path."""

    location: Location
    path: str
    message: str

    def __str__(self) -> str:
        where = f" {self.path}:" if self.path else ""
        return f"{self.location}:{where} {self.message}"


class VerideckError(Exception):
    """Base of every error shown to the user without a traceback."""

    exit_code = EXIT_BAD_INPUT

    def lines(self) -> list[str]:
        return [str(self)]


class SpecError(VerideckError):
    """A lesson spec is invalid; holds every problem found in the file."""

    def __init__(self, problems: list[Problem]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class ExprError(ValueError):
    """An expression text could not be parsed; ``column`` is 1-based in the text."""

    def __init__(self, message: str, column: int = 0):
        self.message = message
        self.column = column
        super().__init__(f"column {column}: {message}" if column else message)


class CheckError(VerideckError):
    """A built deck prints math that the independent checker finds wrong or cannot read."""

    exit_code = EXIT_WRONG_MATH

    def __init__(self, lines: list[str]):
        self._lines = list(lines)
        super().__init__("\n".join(self._lines))

    def lines(self) -> list[str]:
        return self._lines


class LayoutError(CheckError):
    """A built deck has a slide whose content runs off the page (measured by the layout probe)."""


class InternalError(VerideckError):
    """A bug in verideck itself (the original exception is the ``__cause__``)."""

    exit_code = EXIT_INTERNAL


class TemplateInputError(VerideckError):
    """An instructor's template cannot be rendered (a syntax error, a missing field, a refused operation)."""


class RenderError(VerideckError):
    """The rendered deck broke one of the output rules (a template or generator bug)."""

    exit_code = EXIT_INTERNAL
