"""``verideck grade``: check students' answers against a deck's answer key, symbolically.

Submissions are a CSV with ``student,exercise,answer`` (and ``variant`` when every student has
a variant of their own: ``--key`` then names the variants folder).  Every row gets a verdict —
one bad row never stops the run — and ``grades.csv`` repeats ``student`` and ``exercise`` with
``verdict``, ``diagnosis`` and ``feedback``; a summary per exercise is printed.
"""
from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import words_for
from .grader import Verdict, grade_answer
from .key import GradeInputError, Key, load_key

MAX_SUBMISSIONS_BYTES = 50_000_000
COMMON_WRONG = 3  # wrong answers listed per exercise in the summary
OUTPUT_COLUMNS = ("student", "exercise", "verdict", "diagnosis", "feedback")


@dataclass(frozen=True)
class Submission:
    line: int
    student: str
    exercise: str
    answer: str
    variant: str = ""


@dataclass(frozen=True)
class Graded:
    submission: Submission
    verdict: Verdict


@dataclass
class Keys:
    """The key of a deck, or of each variant (a folder with v01/, v02/, …)."""

    path: Path
    single: Key | None = None
    by_variant: dict[str, Key | None] = field(default_factory=dict)  # None: no key for that variant

    def for_variant(self, variant: str) -> Key | None:
        if self.single is not None:
            return self.single
        if variant not in self.by_variant:
            candidates = sorted((self.path / variant).glob("*.answers.json")) if _safe_name(variant) else []
            self.by_variant[variant] = load_key(candidates[0]) if len(candidates) == 1 else None
        return self.by_variant[variant]


def _safe_name(variant: str) -> bool:
    return bool(variant) and variant.replace("-", "").replace("_", "").isalnum() and len(variant) <= 64


def open_keys(path: Path) -> Keys:
    if path.is_dir():
        if not any(path.glob("*/*.answers.json")):
            raise GradeInputError(f"{path}: no variants with answer keys (v01/<deck>.answers.json, …) in this folder")
        return Keys(path)
    return Keys(path, single=load_key(path))


def read_submissions(path: Path) -> list[Submission]:
    """The rows of a submissions CSV (``student,exercise,answer[,variant]``)."""
    try:
        if path.stat().st_size > MAX_SUBMISSIONS_BYTES:
            raise GradeInputError(f"{path}: the submissions file is larger than {MAX_SUBMISSIONS_BYTES} bytes")
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise GradeInputError(f"{path}: cannot read the submissions: {error.strerror}") from None
    except UnicodeDecodeError:
        raise GradeInputError(f"{path}: the submissions file is not UTF-8 text") from None
    csv.field_size_limit(MAX_SUBMISSIONS_BYTES)  # a long answer is refused in its own row, not for the whole file
    text = text.replace("\0", "\ufffd")  # the csv module stops at NUL; the row's answer becomes unreadable instead
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = set(reader.fieldnames or ())
    missing = sorted({"student", "exercise", "answer"} - columns)
    if missing:
        raise GradeInputError(f"{path}:1: the header needs the columns student, exercise, answer "
                               f"(missing: {', '.join(missing)})")
    rows = []
    try:
        for row in reader:
            rows.append(Submission(reader.line_num, _cell(row, "student"), _cell(row, "exercise"),
                                   _cell(row, "answer"), _cell(row, "variant")))
    except csv.Error as error:
        raise GradeInputError(f"{path}:{reader.line_num}: {error}") from None
    return rows


def _cell(row: dict, column: str) -> str:
    value = row.get(column)
    return value.strip() if isinstance(value, str) else ""


def grade_submissions(keys: Keys, submissions: list[Submission]) -> list[Graded]:
    return [Graded(submission, _grade_one(keys, submission)) for submission in submissions]


def _grade_one(keys: Keys, submission: Submission) -> Verdict:
    key = keys.for_variant(submission.variant)
    if key is None:
        return Verdict("unreadable", "unknown_variant", f"no answer key for variant {submission.variant!r}")
    feedback = words_for(key.lang).feedback
    exercise = key.exercises.get(submission.exercise)
    if exercise is None:
        return Verdict("unreadable", "unknown_exercise", feedback.unknown_exercise.format(
            exercise=submission.exercise[:64], known=", ".join(key.exercises)))
    try:
        return grade_answer(exercise, submission.answer, key.lang)
    except Exception as error:  # a verideck bug must cost one row, never the run
        return Verdict("unreadable", "error", feedback.unreadable.format(
            reason=f"internal error {type(error).__name__} (a verideck bug): check by hand"))


def grades_csv(graded: list[Graded]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(OUTPUT_COLUMNS)
    for item in graded:
        s, v = item.submission, item.verdict
        writer.writerow([s.student, s.exercise, v.verdict, v.diagnosis, v.feedback])
    return buffer.getvalue()


def summary(graded: list[Graded]) -> str:
    """Per exercise: how many answers were correct, incorrect, unreadable, and the commonest wrong ones."""
    by_exercise: dict[str, list[Verdict]] = {}
    for item in graded:
        by_exercise.setdefault(item.submission.exercise, []).append(item.verdict)
    rows = [("exercise", "answers", "correct", "incorrect", "unreadable", "most common wrong answers")]
    for exercise, verdicts in by_exercise.items():
        counts = Counter(v.verdict for v in verdicts)
        wrong = Counter(v.read_as for v in verdicts if v.verdict == "incorrect" and v.read_as)
        common = "; ".join(f"{answer} ({times}×)" for answer, times in wrong.most_common(COMMON_WRONG))
        rows.append((exercise[:40], str(len(verdicts)), str(counts["correct"]), str(counts["incorrect"]),
                     str(counts["unreadable"]), common or "—"))
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]) - 1)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1] for row in rows]
    return "\n".join(line.rstrip() for line in lines)


__all__ = [
    "GradeInputError",
    "Graded",
    "Submission",
    "grade_submissions",
    "grades_csv",
    "open_keys",
    "read_submissions",
    "summary",
]
