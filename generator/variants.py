"""Per-student variants: draw the deck's parameters, build each variant, write the roster.

``verideck variants SPEC -n 30 --seed 2026 -o OUT`` draws 30 different sets of parameter
values with a seeded generator (same seed, same variants), builds each into ``OUT/v01`` …
``OUT/v30`` (deck, handout, key, answers) and writes ``OUT/roster.csv``.  A draw whose deck
is invalid — a division by zero, a function made constant, a descent starting at a zero
gradient — is rejected and another is drawn; the reasons are reported if no draw is valid.
"""
from __future__ import annotations

import csv
import io
import random
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from sympy import Rational

from .build import StagedDeck, discard, remove_stale_staging, stage_deck, write_atomically
from .errors import Location, Problem, SpecError
from .expr import expression_text
from .model import Parameter
from .numbers import decimal_text, rational_to_decimal, terminating_digits
from .pipeline import RunResult, finish, stage_into
from .spec import load_parameters

MAX_DRAWS_PER_VARIANT = 20  # rejected draws allowed per variant before giving up
SHOWN_REASONS = 3


@dataclass(frozen=True)
class Variant:
    number: int  # 1, 2, …: the folder v01, v02, …
    values: tuple[tuple[str, Rational], ...]

    @property
    def name(self) -> str:
        return f"v{self.number:02d}"


@dataclass
class VariantRun:
    variants: list[Variant] = field(default_factory=list)
    run: RunResult = field(default_factory=RunResult)
    rejected: Counter = field(default_factory=Counter)  # reason → how many draws it rejected
    examples: dict[str, str] = field(default_factory=dict)  # reason → the first draw it rejected
    repeated: bool = False  # fewer valid combinations than variants asked for
    roster: Path | None = None


def _combinations(parameters: tuple[Parameter, ...], rng: random.Random, limit: int):
    """Parameter value combinations in a seeded random order, each at most once."""
    sizes = [len(p.options) for p in parameters]
    total = 1
    for size in sizes:
        total *= size
    for index in rng.sample(range(total), min(total, limit)):
        values = []
        for parameter, size in zip(parameters, sizes):
            index, position = divmod(index, size)
            values.append((parameter.name, parameter.options[position]))
        yield tuple(values)


def value_text(value: Rational) -> str:
    """``1.5`` for a terminating decimal, ``1/3`` otherwise."""
    return decimal_text(rational_to_decimal(value)) if terminating_digits(value) is not None else expression_text(value)


def _reason(error: SpecError) -> str:
    """Why a draw was rejected: its first problem, without the file's line (the same for every draw)."""
    problem: Problem = error.problems[0]
    return f"{problem.path}: {problem.message}" if problem.path else problem.message


def _declared_parameters(spec: Path) -> tuple[Parameter, ...]:
    parameters = load_parameters(spec)
    if not parameters:
        raise SpecError([Problem(Location(spec, 1), "params",
                                 "the spec has no 'params': every variant would be the same")])
    return parameters


def build_variants(spec: Path, count: int, seed: int, out_dir: Path, katex: bool = True) -> VariantRun:
    parameters = _declared_parameters(spec)
    rng = random.Random(seed)
    result = VariantRun()
    staged: list[StagedDeck] = []
    accepted: list[Variant] = []
    try:
        _draw(spec, parameters, count, rng, out_dir, result, staged, accepted)
    except BaseException:  # a bug or an interrupt: the staged variants are not published
        for deck in staged:
            discard(deck)
        raise
    finish(result.run, staged, katex=katex)
    result.variants = accepted
    if not result.run.errors:
        result.roster = write_roster(out_dir, parameters, accepted)
    return result


def _draw(spec: Path, parameters: tuple[Parameter, ...], count: int, rng: random.Random, out_dir: Path,
          result: VariantRun, staged: list, accepted: list[Variant]) -> None:
    """Stage ``count`` variants into ``staged``: valid draws first, then (if there are too few) repeats."""
    limit = count * MAX_DRAWS_PER_VARIANT
    for values in _combinations(parameters, rng, limit):
        if len(accepted) == count:
            break
        number = len(accepted) + 1
        folder = out_dir / f"v{number:02d}"
        remove_stale_staging(folder)
        try:
            deck = stage_deck(spec, folder, handout=True, choose=dict(values), variant=number)
        except SpecError as error:
            reason = _reason(error)
            result.rejected[reason] += 1
            result.examples.setdefault(reason, ", ".join(f"{name} = {value_text(value)}" for name, value in values))
            continue
        staged.append(deck)
        accepted.append(Variant(number, values))
    if not accepted:
        raise SpecError([Problem(Location(spec, 1), "params", _no_valid_draw(result))])
    result.repeated = len(accepted) < count
    for number in range(len(accepted) + 1, count + 1):  # fewer combinations than students: cycle through them
        values = accepted[(number - 1) % len(accepted)].values
        folder = out_dir / f"v{number:02d}"
        again = stage_into(result.run, spec, partial(stage_deck, spec, folder, handout=True, choose=dict(values),
                                                     variant=number))
        if again is not None:
            staged.append(again)
            accepted.append(Variant(number, values))


def _no_valid_draw(result: VariantRun) -> str:
    reasons = "; ".join(f"{reason} ({times} draw(s), e.g. {result.examples[reason]})"
                        for reason, times in result.rejected.most_common(SHOWN_REASONS))
    return f"no valid variant: every draw of the parameters was rejected — {reasons}"


def roster_text(parameters: tuple[Parameter, ...], variants: list[Variant]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["variant"] + [p.name for p in parameters])
    for variant in variants:
        writer.writerow([variant.name] + [value_text(value) for _, value in variant.values])
    return buffer.getvalue()


def write_roster(out_dir: Path, parameters: tuple[Parameter, ...], variants: list[Variant]) -> Path:
    return write_atomically(out_dir / "roster.csv", roster_text(parameters, variants))


__all__ = ["Variant", "VariantRun", "build_variants"]
