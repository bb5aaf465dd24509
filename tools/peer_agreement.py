"""How the checker agrees with peer test suites (SymPy's LaTeX parser, STACK's AlgEquiv answer test).

The cases live in ``tests/check/peers/*.json``, each with its source repository, path and commit;
every in-scope case is a list of LaTeX claims with their truth.  This script sends every claim through
``generator.check.check_markdown`` and prints the agreement table (for the README):

    PYTHONPATH=. python tools/peer_agreement.py              # the table
    PYTHONPATH=. python tools/peer_agreement.py --details    # and the false claims verified, the
                                                             # disagreements, the not-understood reasons

``tests/check/test_peer_suites.py`` asserts the same outcomes.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT / "tests" / "check" / "peers"
SUITES = {"SymPy LaTeX parser": "sympy_latex.json", "STACK AlgEquiv": "stack_algequiv.json"}


@dataclass(frozen=True)
class Claim:
    suite: str
    case_id: str
    index: int
    latex: str
    truth: bool
    record: dict  # the claim's entry in the data file

    @property
    def id(self) -> str:
        return f"{self.case_id}#{self.index}"


def load(file_name: str) -> dict:
    return json.loads((PEERS / file_name).read_text(encoding="utf-8"))


def claims(suite: str) -> Iterator[Claim]:
    for case in load(SUITES[suite])["cases"]:
        for index, record in enumerate(case.get("claims", [])):
            yield Claim(suite, case["id"], index, record["claim"], record["truth"], record)


def all_claims() -> list[Claim]:
    return [claim for suite in SUITES for claim in claims(suite)]


def judge(latex: str) -> tuple[str, str]:
    """What the checker says of a formula alone on a slide: verified / wrong / not understood / warning /
    no claim (it read a definition, or nothing to check), with the first message that is not "verified"."""
    from generator.check import Kind, check_markdown

    report = check_markdown(f"---\nmarp: true\n---\n\n$${latex}$$\n")
    kinds = [finding.kind for finding in report.findings]
    message = next((f.message for f in report.findings if f.kind != Kind.VERIFIED and f.message), "")
    for kind in (Kind.WRONG, Kind.NOT_UNDERSTOOD, Kind.WARNING):
        if kind in kinds:
            return str(kind), message
    return ("verified", "") if kinds else ("no claim", "")


def tally(results: list[tuple[Claim, str, str]]) -> dict[str, int]:
    count = Counter()
    for claim, outcome, _ in results:
        if claim.truth:
            count["true"] += 1
            count["true verified" if outcome == "verified" else
                  "true wrong" if outcome == "wrong" else "true not understood"] += 1
        else:
            count["false"] += 1
            count["false verified" if outcome == "verified" else "false refused"] += 1
    return count


def table(results: list[tuple[Claim, str, str]]) -> str:
    rows = ["| suite | source cases in scope | claims | true: verified | true: not understood | true: called wrong "
            "| false: refused | false: verified |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for suite, file_name in SUITES.items():
        data = load(file_name)
        in_scope = sum(1 for case in data["cases"] if case.get("claims"))
        count = tally([r for r in results if r[0].suite == suite])
        source = data["source"]
        rows.append(f"| {suite} ([{source['path']}]({source['repository']}) @ {source['commit'][:10]}) "
                    f"| {in_scope} | {count['true'] + count['false']} "
                    f"| {count['true verified']} / {count['true']} | {count['true not understood']} "
                    f"| {count['true wrong']} | {count['false refused']} / {count['false']} "
                    f"| {count['false verified']} |")
    return "\n".join(rows)


def _reason(message: str) -> str:
    """A message without its particulars (a name in \\operatorname{…}), to group the claims by cause."""
    return re.sub(r"\{[^}]*\}", "{…}", message) if message else "(no message)"


FLAGS = ("known_not_understood", "known_wrong", "known_false_verified")


def update(results: list[tuple[Claim, str, str]]) -> None:
    """Record today's outcome of every claim in the data files (after a change of the checker, reviewed as
    a diff): the ``known_*`` flags and ``checker_said``."""
    said = {(claim.suite, claim.case_id, claim.index): (outcome, message) for claim, outcome, message in results}
    for suite, file_name in SUITES.items():
        data = load(file_name)
        for case in data["cases"]:
            for index, record in enumerate(case.get("claims", [])):
                if (suite, case["id"], index) not in said:
                    continue
                outcome, message = said[(suite, case["id"], index)]
                for flag in FLAGS:
                    record.pop(flag, None)
                flag = _flag(record["truth"], outcome)
                if flag:
                    record[flag] = True
                record.pop("checker_said", None)
                if outcome != "verified":
                    record["checker_said"] = f"{outcome}: {message}" if message else outcome
        (PEERS / file_name).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _flag(truth: bool, outcome: str) -> str | None:
    if not truth:
        return "known_false_verified" if outcome == "verified" else None
    return {"verified": None, "wrong": "known_wrong"}.get(outcome, "known_not_understood")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--update", action="store_true", help="record today's outcomes in the data files")
    args = parser.parse_args()
    results = [(claim, *judge(claim.latex)) for claim in all_claims()]
    print(table(results))
    if args.update:
        update(results)
    if not args.details:
        return
    print("\nFalse claims verified (soundness bugs):")
    for claim, outcome, _ in results:
        if not claim.truth and outcome == "verified":
            print(f"  {claim.id}: {claim.latex}")
    print("\nTrue claims called wrong (false alarms):")
    for claim, outcome, message in results:
        if claim.truth and outcome == "wrong":
            print(f"  {claim.id}: {claim.latex}  — {message}")
    print("\nDeliberate disagreements:")
    for reason in sorted({c.record["disagreement"] for c, _, _ in results if "disagreement" in c.record}):
        ids = [c.id for c, _, _ in results if c.record.get("disagreement") == reason]
        print(f"  {', '.join(ids)}: {reason}")
    print("\nTrue claims not understood, by reason:")
    groups: dict[str, list[Claim]] = {}
    for claim, outcome, message in results:
        if claim.truth and outcome not in ("verified", "wrong"):
            groups.setdefault(f"{outcome}: {_reason(message)}", []).append(claim)
    for reason, members in sorted(groups.items(), key=lambda item: -len(item[1])):
        print(f"  {len(members):3}  {reason}   e.g. {members[0].latex}")


if __name__ == "__main__":
    main()
