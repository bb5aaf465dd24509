"""The ``verideck`` command: argument parsing, exit codes, errors for people.

Exit 0 on success, 2 for bad input (a spec error), 1 for wrong math.  Errors
print as ``file:line:col: key.path: message``; a traceback only with ``--debug``.
"""
from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from . import __version__
from .errors import EXIT_BAD_INPUT, EXIT_OK, EXIT_WRONG_MATH, InternalError, VerideckError
from .export import FORMATS
from .toolchain import ToolchainError

# Each command imports what it needs when it runs: `verideck --version` or `check` need not load matplotlib.

DEFAULT_DECKS = Path("decks")
DEFAULT_OUT = Path("build")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="verideck", description=(
        "Turn YAML lesson specs into Marp slide decks whose every number is computed by SymPy."))
    parser.add_argument("--debug", action="store_true", help="show a traceback for errors")
    parser.add_argument("--version", action="version", version=f"verideck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build = commands.add_parser("build", help="build decks from lesson specs")
    build.add_argument("specs", nargs="*", type=Path, metavar="SPEC|DIR",
                       help=f"spec files or folders of them (default: {DEFAULT_DECKS}/)")
    build.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT}/)")
    build.add_argument("--to", action="append", choices=FORMATS, metavar="FORMAT",
                       help="also convert with marp-cli: html, pdf or pptx (repeatable)")
    build.add_argument("--templates", type=Path, metavar="DIR",
                       help="your own templates (deck.md.j2, slides/<kind>.md.j2) in front of ours, run sandboxed")
    build.add_argument("--handout", action="store_true",
                       help="also write <stem>.handout.md (the exercises' questions) and <stem>.key.md (their answers)")
    build.add_argument("--strict", action="store_true",
                       help="fail on a formula of your own markdown slides that the checker cannot read (else listed)")
    build.add_argument("--probe", action="store_true",
                       help="measure every slide in headless Chromium (a temporary HTML) even without --to: overflow "
                            "past the page fails, text under 20 px is listed (--to always measures)")
    build.add_argument("--allow-overflow", action="store_true",
                       help="write decks whose slides run off the page; the probe lists them as warnings")
    build.add_argument("-v", "--verbose", action="store_true",
                       help="say which marp-cli and Chromium a conversion (--to) used")
    build.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show a traceback for errors")
    variants = commands.add_parser("variants", help="build one variant of a deck per student, with its handout and key")
    variants.add_argument("spec", type=Path, metavar="SPEC", help="a lesson spec with a 'params' block")
    variants.add_argument("-n", "--count", type=_positive, default=30, help="how many variants (default: 30)")
    variants.add_argument("--seed", type=int, default=0, help="the same seed draws the same variants (default: 0)")
    variants.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT / "variants",
                          help=f"output folder: v01/, v02/, … and roster.csv (default: {DEFAULT_OUT}/variants/)")
    variants.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show a traceback for errors")
    export = commands.add_parser("export", help="export a deck's exercises to a quiz format")
    export.add_argument("format", choices=("moodle",), help="moodle: Moodle XML (numerical, cloze, multichoice)")
    export.add_argument("spec", type=Path, metavar="SPEC", help="a lesson spec with exercises")
    export.add_argument("-o", "--out", type=Path, default=Path("quiz.xml"), help="output file (default: quiz.xml)")
    export.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show a traceback for errors")
    grade = commands.add_parser("grade", help="check students' answers against a deck's answer key")
    grade.add_argument("--key", type=Path, required=True, metavar="KEY",
                       help="<deck>.answers.json, or the variants folder when submissions have a 'variant' column")
    grade.add_argument("submissions", type=Path, metavar="SUBMISSIONS.csv", help="CSV: student,exercise,answer")
    grade.add_argument("-o", "--out", type=Path, default=Path("grades.csv"), help="grades CSV (default: grades.csv)")
    grade.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show a traceback for errors")
    check = commands.add_parser("check", help="verify every equality printed in Marp Markdown decks")
    check.add_argument("decks", nargs="+", type=Path, metavar="DECK.md",
                       help="Marp Markdown files (ours or hand-written)")
    check.add_argument("--plain", action="store_true", help="also check plain-text equations outside $…$")
    check.add_argument("-v", "--verbose", action="store_true", help="also list what was not understood")
    check.add_argument("--strict", action="store_true", help="fail on anything not understood, too")
    check.add_argument("--json", action="store_true", help="print the reports as JSON")
    check.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show a traceback for errors")
    commands.add_parser("setup", help="install marp-cli, KaTeX and Chromium with npm (for a pip-installed verideck)")
    commands.add_parser("doctor", help="show the versions and paths of everything verideck runs, and what is missing")
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 999:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 to 999, got {text}")
    return value


def _print_errors(errors, debug: bool) -> None:
    for error in errors:
        for line in error.lines():
            print(line, file=sys.stderr)
        if debug:
            traceback.print_exception(error.__cause__ or error)


def _variants(args: argparse.Namespace) -> int:
    from .variants import build_variants, value_text

    result = build_variants(args.spec, args.count, args.seed, args.out)
    for variant in result.variants:
        values = ", ".join(f"{name} = {value_text(value)}" for name, value in variant.values)
        print(f"built {args.out / variant.name}/: {values}")
    for reason, times in result.rejected.most_common():
        print(f"rejected {times} draw(s): {reason} (e.g. {result.examples[reason]})")
    if result.repeated:
        distinct = len({variant.values for variant in result.variants})
        print(f"verideck: only {distinct} different valid variant(s) exist; variants repeat", file=sys.stderr)
    if result.roster is not None:
        print(f"wrote {result.roster}")
    _print_check_summary(result.run)
    _print_errors(result.run.errors, args.debug)
    return max([EXIT_OK] + [error.exit_code for error in result.run.errors])


def _grade(args: argparse.Namespace) -> int:
    from .build import write_atomically
    from .grade import grade_submissions, grades_csv, open_keys, read_submissions, summary

    keys = open_keys(args.key)
    graded = grade_submissions(keys, read_submissions(args.submissions))
    write_atomically(args.out, grades_csv(graded))
    print(summary(graded))
    print(f"wrote {args.out} ({len(graded)} answer(s))")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from .moodle import export_moodle

    path, questions = export_moodle(args.spec, args.out)
    print(f"wrote {path} ({questions} question(s))")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from .check import Kind, check_file, reports_json
    from .katex import add_katex_findings
    from .toolchain import find_toolchain

    reports = []
    for deck in args.decks:
        try:
            reports.append(check_file(deck, plain=args.plain))
        except OSError as error:
            print(f"{deck}: cannot read the file: {error.strerror}", file=sys.stderr)
            return EXIT_BAD_INPUT
    toolchain = find_toolchain()
    if toolchain is not None:
        add_katex_findings(reports, toolchain)
    if args.json:
        print(reports_json(reports))
    else:
        for report in reports:
            for finding in report.problems(verbose=args.verbose):
                print(finding.format(report.path))
            print(report.summary())
    wrong = any(r.count(Kind.WRONG) for r in reports)
    unread = any(r.count(Kind.NOT_UNDERSTOOD) for r in reports)
    return EXIT_WRONG_MATH if wrong or (args.strict and unread) else EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from .build import find_specs
    from .pipeline import build_decks

    specs = find_specs(args.specs or [DEFAULT_DECKS])
    if not specs:
        print(f"verideck: no lesson specs (*.yaml) in {', '.join(map(str, args.specs or [DEFAULT_DECKS]))}",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.templates is not None and not args.templates.is_dir():
        print(f"verideck: --templates {args.templates}: not a folder", file=sys.stderr)
        return EXIT_BAD_INPUT
    run = build_decks(specs, args.out, tuple(args.to or ()), handout=args.handout, templates=args.templates,
                      strict=args.strict, probe=args.probe, allow_overflow=args.allow_overflow)
    for result in run.built:
        figures = f", {len(result.figures)} figure(s)" if result.figures else ""
        print(f"built {result.markdown}{figures}")
        for extra in (result.handout, result.key):
            if extra is not None:
                print(f"built {extra}")
    for path in run.exported:
        print(f"wrote {path}")
    _print_check_summary(run)
    _print_layout_summary(run)
    if args.verbose and (args.to or args.probe):
        from .doctor import conversion_summary

        print(conversion_summary(needs_browser=True))  # (the layout probe measures every slide in Chromium)
    _print_errors(run.errors, args.debug)
    return max([EXIT_OK] + [error.exit_code for error in run.errors])


def _print_check_summary(run) -> None:
    """What the checker verified in the written decks, and what of the instructor's own math it could not read."""
    warnings = list(dict.fromkeys(run.warnings))  # (once, though every variant of a deck repeats it)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not run.built:
        return
    listed = f", {len(warnings)} of your formulas not understood (listed; --strict fails on them)" \
        if warnings else ""
    skipped = f", {run.skipped} marked % unchecked" if run.skipped else ""
    print(f"checked: {run.verified} equalities verified{listed}{skipped}")


def _print_layout_summary(run) -> None:
    """What the layout probe measured: the slides run off the page (built with --allow-overflow) and those with
    text under the floor, listed as warnings, and one line of counts."""
    if not run.probed:
        return
    for line in run.overflows + run.small_text:
        print(f"warning: {line}", file=sys.stderr)
    overflow = f"{len(run.overflows)} slide(s) run off the page (--allow-overflow; listed)" if run.overflows \
        else "0 overflow"
    small = f", {len(run.small_text)} with text under 20 px (listed)" if run.small_text else ""
    print(f"layout: {run.probed} slides measured in Chromium, {overflow}{small}")


def _setup(args: argparse.Namespace) -> int:
    from .browser import find_browser
    from .toolchain import find_toolchain, install_user_toolchain, require_node

    require_node()
    toolchain = find_toolchain()
    done = "already installed" if toolchain is not None else "installed"
    toolchain = toolchain or install_user_toolchain()
    print(f"{done} marp-cli {toolchain.package_version('@marp-team/marp-cli')} in {toolchain.modules} "
          f"({toolchain.origin})")
    browser = find_browser()
    print(f"Chromium ({browser.origin}): {browser.path}")
    return EXIT_OK


def _doctor(args: argparse.Namespace) -> int:
    from .doctor import diagnose

    report = diagnose()
    print(report.text())
    return report.exit_code


COMMANDS = {"build": _build, "check": _check, "variants": _variants, "grade": _grade, "export": _export,
            "setup": _setup, "doctor": _doctor}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ToolchainError as error:
        print(f"verideck: {error}", file=sys.stderr)
        return error.exit_code
    except VerideckError as error:
        _print_errors([error], args.debug)
        return error.exit_code
    except BrokenPipeError:  # the output was piped into a command that stopped reading (| head)
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:  # a bug in verideck: one line for people, the traceback with --debug
        internal = InternalError(f"verideck {args.command}: internal error: {type(error).__name__}: {error} "
                                 "(this is a verideck bug; run with --debug for a traceback)")
        internal.__cause__ = error
        _print_errors([internal], args.debug)
        return internal.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
