"""Differential testing: random teaching decks through the real build, every disagreement reported.

Each random deck (``generate.py``) is built by ``generator.build.stage_deck`` — what ``verideck build``
runs for a deck: spec loader, solvers, figures, views, templates, and the independent checker on every
document — in a forked child process with a time limit, then (with marp-cli installed) every
document of the decks that passed goes through strict KaTeX in one batch, as ``build_decks`` does.

Outcomes per deck:

* ``ok`` — built, every printed formula verified;
* ``skipped`` — the spec was refused with a validation error (exit 2: e.g. a point where f is undefined);
* ``wrong`` / ``not understood`` — the checker's findings on generated math (one of the two sides is wrong);
* ``katex`` — a formula strict KaTeX cannot render;
* ``crash`` — any other exception (the traceback is kept), or the child died;
* ``timeout`` — the deck took longer than the limit.

Failures are grouped by cause (the finding's kind and message with numbers blanked, or the exception's
type and message) and each group's first deck is shrunk to a minimal reproducer: the one slide that
fails alone (or the pair of slides, when only the combination fails — context leaking between slides),
then a simpler function and fewer options while the same cause still shows.

    python -m tests.differential.run --seed 1 --n 200 --jobs 2

Exit status 1 when anything failed, 0 otherwise.
"""
from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import re
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path

from .generate import DeckSpec, random_deck, smaller_slides

FAILURES = ("wrong", "not understood", "katex", "crash", "timeout")
OUTCOMES = ("ok", "skipped") + FAILURES
DEFAULT_TIMEOUT = 120.0


@dataclass
class Finding:
    kind: str  # "wrong", "not understood", "katex"
    formula: str
    message: str
    slide: str = ""  # the rendered slide (its Markdown) the formula is on
    document: str = ".md"

    @property
    def cause(self) -> str:
        message = re.sub(r"^the left side is (?![-\d≈]).*", "the left side is <expression>", self.message)
        message = re.sub(r"^\w+ (does not depend on|is not a defined function|is not defined)\b.*", r"<name> \1 …",
                         message)
        return f"{self.kind}: {blank_numbers(message)}"


@dataclass
class Outcome:
    status: str
    seconds: float = 0.0
    findings: list[Finding] = field(default_factory=list)
    reason: str = ""  # a skip's validation message, a crash's last traceback line
    traceback: str = ""
    slides: int = 0  # rendered slides of the deck
    documents: dict[str, str] = field(default_factory=dict)

    @property
    def causes(self) -> list[str]:
        if self.findings:
            return sorted({f.cause for f in self.findings})
        if self.status in ("crash", "timeout"):
            return [f"{self.status}: {blank_numbers(self.reason)}"]
        return []


def blank_numbers(text: str) -> str:
    text = re.sub(r"/\S+\.(md|yaml)(:\d+)*", "<file>", text)
    return re.sub(r"-?\d+(\.\d+)?(e-?\d+)?", "#", text)[:160]


# ---------------------------------------------------------------- one deck, in a child process

def _slide_of(markdown: str, line: int) -> str:
    """The rendered slide (between ``---`` lines) holding the 1-based ``line``."""
    lines = markdown.split("\n")
    start = max((i for i in range(min(line, len(lines))) if lines[i].strip() == "---"), default=0)
    end = next((i for i in range(line, len(lines)) if lines[i].strip() == "---"), len(lines))
    return "\n".join(lines[start + 1:end]).strip()


def build_deck_text(yaml_text: str, keep_documents: bool = False) -> Outcome:
    """Build one deck spec (YAML text) the way ``verideck build --handout`` stages it; classify the outcome."""
    from generator import build, verify
    from generator.errors import CheckError, SpecError, VerideckError

    reports: list[tuple[str, str, object]] = []
    check = verify.check_markdown

    def observed_check(markdown, target="<your slides>"):  # the same checker; the report is kept for the findings
        report = check(markdown, target)
        reports.append((markdown, target, report))
        return report

    verify.check_markdown = observed_check
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="verideck-fuzz-") as folder:
        spec = Path(folder) / "lesson.yaml"
        spec.write_text(yaml_text, encoding="utf-8")
        try:
            staged = build.stage_deck(spec, Path(folder) / "out", handout=True)
        except SpecError as error:
            lines = error.lines()
            reason = "; ".join(re.sub(r"^\S*lesson\.yaml(:\d+)*:\s*", "", line) for line in lines)
            return Outcome("skipped", time.perf_counter() - started, reason=reason)
        except CheckError as error:
            findings = []
            for markdown, target, report in reports:
                suffix = target[target.index("lesson") + len("lesson"):] if "lesson" in target else ".md"
                for finding in report.findings:
                    if str(finding.kind) in ("wrong", "not understood"):
                        findings.append(Finding(str(finding.kind), finding.text.strip(), finding.message,
                                                _slide_of(markdown, finding.line), suffix))
            if not findings:  # (should not happen: a CheckError comes from findings)
                return Outcome("crash", time.perf_counter() - started, reason=f"CheckError: {error}")
            status = "wrong" if any(f.kind == "wrong" for f in findings) else "not understood"
            return Outcome(status, time.perf_counter() - started, findings=findings)
        except VerideckError as error:
            return Outcome("crash", time.perf_counter() - started, reason=f"{type(error).__name__}: {error}",
                           traceback=traceback.format_exc())
        except Exception as error:  # a bug of verideck
            return Outcome("crash", time.perf_counter() - started, reason=f"{type(error).__name__}: {error}",
                           traceback=traceback.format_exc())
        documents = dict(staged.documents)
        build.discard(staged)
    slides = documents[".md"].count("\n---\n")
    return Outcome("ok", time.perf_counter() - started, slides=slides,
                   documents=documents if keep_documents else {})


def _child(connection, yaml_text: str, keep_documents: bool) -> None:  # pragma: no cover - in the child
    os.setpgrp()  # its own process group: a timeout kills it with the workers it forked
    try:
        outcome = build_deck_text(yaml_text, keep_documents)
    except BaseException as error:
        outcome = Outcome("crash", reason=f"{type(error).__name__}: {error}", traceback=traceback.format_exc())
    connection.send(outcome)
    connection.close()


def build_many(texts: list[str], jobs: int = 2, timeout: float = DEFAULT_TIMEOUT, keep_documents: bool = False,
               progress=None) -> list[Outcome]:
    """Build each YAML text in its own forked child, ``jobs`` at a time, each within ``timeout`` seconds."""
    context = multiprocessing.get_context("fork")
    outcomes: list[Outcome | None] = [None] * len(texts)
    pending = list(range(len(texts)))[::-1]
    running: dict = {}  # connection → (index, process, started)
    while pending or running:
        while pending and len(running) < jobs:
            index = pending.pop()
            ours, theirs = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(theirs, texts[index], keep_documents))
            process.start()
            theirs.close()
            running[ours] = (index, process, time.monotonic())
        for connection in wait(list(running), timeout=0.25):
            index, process, started = running.pop(connection)
            try:
                outcomes[index] = connection.recv()
            except (EOFError, OSError):
                process.join(5)
                outcomes[index] = Outcome("crash", time.monotonic() - started,
                                          reason=f"the build process died (exit code {process.exitcode})")
            connection.close()
            process.join(10)
            _kill_group(process)
            if progress:
                progress(index, outcomes[index])
        now = time.monotonic()
        for connection, (index, process, started) in list(running.items()):
            if now - started > timeout:
                _kill_group(process)
                process.join(5)
                running.pop(connection)
                connection.close()
                outcomes[index] = Outcome("timeout", now - started, reason=f"longer than {timeout:g} s")
                if progress:
                    progress(index, outcomes[index])
    return [o for o in outcomes if o is not None]


def _kill_group(process) -> None:
    if process.pid is None:
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


def katex_check(outcomes: list[Outcome]) -> None:
    """Strict KaTeX on every document of the decks that passed the checker (one Node process), as
    ``build_decks`` does; a formula it cannot render turns the deck's outcome into ``katex``."""
    from generator.katex import unrenderable
    from generator.toolchain import find_toolchain

    toolchain = find_toolchain()
    if toolchain is None:
        print("differential: marp-cli not installed, KaTeX not checked", file=sys.stderr)
        return
    places = [(outcome, suffix, text) for outcome in outcomes if outcome.status == "ok"
              for suffix, text in outcome.documents.items()]
    for (outcome, suffix, text), problems in zip(places, unrenderable(toolchain, [p[2] for p in places])):
        for span, error in problems:
            outcome.status = "katex"
            outcome.findings.append(Finding("katex", span.latex.strip(), error, _slide_of(text, span.line), suffix))


# ---------------------------------------------------------------- the run

@dataclass
class Failure:
    cause: str
    decks: list[int]  # the random decks showing it
    example: Outcome
    deck: DeckSpec
    reproducer: DeckSpec | None = None  # the minimal deck (one slide, or the pair that fails only together)
    reproduced: Outcome | None = None
    note: str = ""


@dataclass
class Summary:
    seed: int
    n: int
    seconds: float
    counts: Counter
    functions: int
    spec_slides: int
    rendered_slides: int
    failures: list[Failure]
    skip_reasons: Counter

    @property
    def failed(self) -> bool:
        return any(self.counts[status] for status in FAILURES)


def run(seed: int = 1, n: int = 100, jobs: int = 2, timeout: float = DEFAULT_TIMEOUT, katex: bool = True,
        minimize: bool = True, shrink_builds: int = 30, verbose: bool = False) -> Summary:
    started = time.monotonic()
    decks = [random_deck(seed, index) for index in range(n)]
    texts = [deck.yaml() for deck in decks]

    def progress(index: int, outcome: Outcome) -> None:
        if verbose:
            print(f"deck {index}: {outcome.status} ({outcome.seconds:.1f} s) {outcome.reason[:100]}", file=sys.stderr)

    outcomes = build_many(texts, jobs, timeout, keep_documents=katex, progress=progress)
    if katex:
        katex_check(outcomes)
    counts = Counter(outcome.status for outcome in outcomes)
    groups: dict[str, list[int]] = {}
    for index, outcome in enumerate(outcomes):
        for cause in outcome.causes:
            groups.setdefault(cause, []).append(index)
    failures = [Failure(cause, indices, outcomes[indices[0]], decks[indices[0]]) for cause, indices in groups.items()]
    if verbose or minimize:
        print(f"differential: {n} decks built in {time.monotonic() - started:.0f} s: "
              + ", ".join(f"{status} {counts[status]}" for status in OUTCOMES)
              + (f"; shrinking {len(failures)} failure(s)" if minimize and failures else ""), file=sys.stderr)
    if minimize:
        cache: dict[str, Outcome] = {}
        for number, failure in enumerate(failures, 1):
            if failure.cause.startswith("katex"):
                continue  # KaTeX runs on whole runs; the deck is the reproducer
            shrink(failure, jobs, timeout, shrink_builds, cache)
            if verbose:
                print(f"differential: shrunk {number}/{len(failures)}: {failure.cause}", file=sys.stderr)
    skip_reasons = Counter(blank_numbers(re.sub(r"^slides\[\d+\]\.", "", o.reason.split("; ")[0]))
                           for o in outcomes if o.status == "skipped")
    return Summary(seed, n, time.monotonic() - started, counts,
                   functions=sum(len(d.slides) for d in decks), spec_slides=sum(len(d.slides) for d in decks),
                   rendered_slides=sum(o.slides for o in outcomes), failures=failures, skip_reasons=skip_reasons)


def shrink(failure: Failure, jobs: int, timeout: float, budget: int, cache: dict[str, Outcome] | None = None) -> None:
    """The smallest deck still showing the failure's cause: one slide alone (else two together), then a simpler
    slide, greedily, within ``budget`` builds (``cache``: outcomes by YAML text, shared between failures)."""
    deck = failure.deck
    cache = {} if cache is None else cache

    def cached(texts: list[str], jobs: int, timeout: float) -> list[Outcome]:
        missing = [text for text in dict.fromkeys(texts) if text not in cache]
        cache.update(zip(missing, build_many(missing, jobs, timeout)))
        return [cache[text] for text in texts]

    def shows(outcome: Outcome) -> bool:
        return failure.cause in outcome.causes

    singles = [deck.with_slides([slide]) for slide in deck.slides]
    results = cached([d.yaml() for d in singles], jobs, timeout) if len(deck.slides) > 1 else [failure.example]
    builds = len(singles)
    current = next((d for d, o in zip(singles, results) if shows(o)), None)
    outcome = next((o for o in results if shows(o)), None)
    if current is None:
        pairs = [deck.with_slides([deck.slides[i], deck.slides[j]])
                 for i in range(len(deck.slides)) for j in range(i + 1, len(deck.slides))]
        results = cached([d.yaml() for d in pairs], jobs, timeout)
        builds += len(pairs)
        current = next((d for d, o in zip(pairs, results) if shows(o)), None)
        outcome = next((o for o in results if shows(o)), None)
        if current is None:
            failure.note = "only the whole deck shows it"
            failure.reproducer, failure.reproduced = deck, failure.example
            return
        failure.note = "only these slides together show it (context between slides)"
        failure.reproducer, failure.reproduced = current, outcome
        return
    while builds < budget:
        candidates = [current.with_slides([slide]) for slide in smaller_slides(current.slides[0])]
        found = None
        for start in range(0, len(candidates), max(jobs, 1) * 2):
            batch = candidates[start:start + max(jobs, 1) * 2][:max(0, budget - builds)]
            if not batch:
                break
            results = cached([d.yaml() for d in batch], jobs, timeout)
            builds += len(batch)
            found = next(((d, o) for d, o in zip(batch, results) if shows(o)), None)
            if found:
                break
        if not found:
            break
        current, outcome = found
    failure.reproducer, failure.reproduced = current, outcome


# ---------------------------------------------------------------- the report

def report(summary: Summary, out=sys.stdout) -> None:
    def say(text: str = "") -> None:
        print(text, file=out)

    rate = summary.n / summary.seconds if summary.seconds else 0.0
    say(f"differential run: seed {summary.seed}, {summary.n} decks, {summary.functions} functions, "
        f"{summary.spec_slides} spec slides ({summary.rendered_slides} rendered slides of the decks built), "
        f"{summary.seconds:.0f} s ({rate:.2f} decks/s)")
    say("outcomes: " + ", ".join(f"{status} {summary.counts[status]}" for status in OUTCOMES))
    if summary.skip_reasons:
        say("skipped because: " + "; ".join(f"{count}× {reason}" for reason, count in
                                            summary.skip_reasons.most_common(8)))
    for number, failure in enumerate(summary.failures, 1):
        say()
        say(f"=== failure {number}: {failure.cause}")
        say(f"    in {len(failure.decks)} deck(s): random decks {', '.join(map(str, failure.decks[:12]))}"
            f"{' …' if len(failure.decks) > 12 else ''} (seed {summary.seed})")
        shown = failure.reproduced or failure.example
        deck = failure.reproducer or failure.deck
        if failure.note:
            say(f"    note: {failure.note}")
        say("    reproducer:")
        for line in deck.yaml().rstrip().split("\n"):
            say(f"      {line}")
        matching = [f for f in shown.findings if f.cause == failure.cause] or shown.findings
        for finding in matching[:2]:
            say(f"    {finding.kind} ({finding.document}): {finding.formula}")
            say(f"      — {finding.message}")
            say("      on the slide:")
            for line in finding.slide.split("\n")[:14]:
                say(f"        | {line}")
        if shown.status in ("crash", "timeout"):
            say(f"    {shown.status}: {shown.reason[:300]}")
            for line in shown.traceback.strip().split("\n")[-8:]:
                say(f"      {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.differential.run", description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--n", type=int, default=100, help="how many random decks")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per deck")
    parser.add_argument("--no-katex", action="store_true", help="leave out strict KaTeX")
    parser.add_argument("--no-minimize", action="store_true", help="report the failing decks as they are")
    parser.add_argument("--shrink-builds", type=int, default=30, help="builds per failure to shrink it")
    parser.add_argument("--show", type=int, metavar="INDEX", help="print random deck INDEX of the seed and stop")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.show is not None:
        print(random_deck(args.seed, args.show).yaml(), end="")
        return 0
    import generator.build  # noqa: F401 - loaded once, before the children fork

    summary = run(args.seed, args.n, args.jobs, args.timeout, not args.no_katex, not args.no_minimize,
                  args.shrink_builds, args.verbose)
    report(summary)
    return 1 if summary.failed else 0


if __name__ == "__main__":
    sys.exit(main())
