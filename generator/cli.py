"""The ``verideck`` command: argument parsing, exit codes, errors for people.

Exit 0 on success, 2 for bad input (a spec error), 1 for wrong math.  Errors
print as ``file:line:col: key.path: message``; a traceback only with ``--debug``.
"""
from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from .build import find_specs
from .export import FORMATS, ToolchainError, find_toolchain
from .pipeline import add_katex_findings
from .pipeline import build_decks
from .check import check_file, reports_json
from .errors import EXIT_BAD_INPUT, EXIT_OK, EXIT_WRONG_MATH

DEFAULT_DECKS = Path("decks")
DEFAULT_OUT = Path("build")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="verideck", description=(
        "Turn YAML lesson specs into Marp slide decks whose every number is computed by SymPy."))
    parser.add_argument("--debug", action="store_true", help="show a traceback for errors")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build = commands.add_parser("build", help="build decks from lesson specs")
    build.add_argument("specs", nargs="*", type=Path, metavar="SPEC|DIR",
                       help=f"spec files or folders of them (default: {DEFAULT_DECKS}/)")
    build.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT}/)")
    build.add_argument("--to", action="append", choices=FORMATS, metavar="FORMAT",
                       help="also convert with marp-cli: html, pdf or pptx (repeatable)")
    build.add_argument("--handout", action="store_true",
                       help="also write <stem>.handout.md (the exercises' questions) and <stem>.key.md (their answers)")
    build.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show a traceback for errors")
    check = commands.add_parser("check", help="verify every equality printed in Marp Markdown decks")
    check.add_argument("decks", nargs="+", type=Path, metavar="DECK.md", help="Marp Markdown files (ours or hand-written)")
    check.add_argument("--plain", action="store_true", help="also check plain-text equations outside $…$")
    check.add_argument("-v", "--verbose", action="store_true", help="also list what was not understood")
    check.add_argument("--strict", action="store_true", help="fail on anything not understood, too")
    check.add_argument("--json", action="store_true", help="print the reports as JSON")
    check.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show a traceback for errors")
    return parser


def _check(args: argparse.Namespace) -> int:
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
    wrong = any(r.count("wrong") for r in reports)
    unread = any(r.count("not understood") for r in reports)
    return EXIT_WRONG_MATH if wrong or (args.strict and unread) else EXIT_OK


def _build(args: argparse.Namespace) -> int:
    specs = find_specs(args.specs or [DEFAULT_DECKS])
    if not specs:
        print(f"verideck: no lesson specs (*.yaml) in {', '.join(map(str, args.specs or [DEFAULT_DECKS]))}",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    run = build_decks(specs, args.out, tuple(args.to or ()), handout=args.handout)
    for result in run.built:
        figures = f", {len(result.figures)} figure(s)" if result.figures else ""
        print(f"built {result.markdown}{figures}")
        for extra in (result.handout, result.key):
            if extra is not None:
                print(f"built {extra}")
    for path in run.exported:
        print(f"wrote {path}")
    for error in run.errors:
        for line in error.lines():
            print(line, file=sys.stderr)
        if args.debug:
            traceback.print_exception(error.__cause__ or error)
    return max([EXIT_OK] + [error.exit_code for error in run.errors])


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _check(args) if args.command == "check" else _build(args)
    except ToolchainError as error:
        print(f"verideck: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
