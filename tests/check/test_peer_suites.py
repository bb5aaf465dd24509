"""Peer suites as tests (issue 14): SymPy's LaTeX parser tests and STACK's AlgEquiv answer tests.

The cases are in ``tests/check/peers/*.json`` with their source repository, path and commit; each in-scope
case is turned into LaTeX claims with their truth (see each file's "about").  The rules:

1. soundness: a false claim is never verified — a hard failure, also for the cases recorded as
   ``known_false_verified`` (they are known bugs of the checker, kept failing until fixed);
2. a true claim verified today stays verified; the ones it does not verify today are recorded with
   ``known_not_understood`` (or ``known_wrong``, a true claim called wrong: a false alarm, expected to fail).
   A true claim that newly fails is a regression; one that newly verifies is reported (a warning), and
   its flag can go.

``tools/peer_agreement.py`` prints the agreement table from the same data.
"""
from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from peer_agreement import SUITES, Claim, all_claims, judge, load  # noqa: E402

CLAIMS = all_claims()
FALSE = [claim for claim in CLAIMS if not claim.truth]
TRUE = [claim for claim in CLAIMS if claim.truth]


class PeerImprovement(UserWarning):
    """A claim the data records as not handled is handled now: update the data file."""


def _params(claims: list[Claim]) -> list:
    """A claim the data marks ``slow`` (a power 6000 expanded: seconds to a minute) runs in the slow tier."""
    return [pytest.param(claim, id=claim.id, marks=[pytest.mark.slow] if claim.record.get("slow") else [])
            for claim in claims]


@pytest.mark.parametrize("claim", _params(FALSE))
def test_a_false_claim_of_a_peer_suite_is_never_verified(claim: Claim):
    outcome, _ = judge(claim.latex)
    known = " (recorded as known_false_verified: a known soundness bug)" if claim.record.get(
        "known_false_verified") else ""
    assert outcome != "verified", f"false claim verified{known}: {claim.latex}"
    if claim.record.get("known_false_verified"):
        warnings.warn(PeerImprovement(f"{claim.id} is refused now ({outcome}): remove known_false_verified"),
                      stacklevel=1)


@pytest.mark.parametrize("claim", _params(TRUE))
def test_a_true_claim_of_a_peer_suite_keeps_its_outcome(claim: Claim):
    outcome, message = judge(claim.latex)
    if claim.record.get("known_wrong"):
        if outcome == "wrong":
            pytest.xfail(f"a known false alarm: {claim.latex} — {message}")
        warnings.warn(PeerImprovement(f"{claim.id} is no longer called wrong ({outcome}): update known_wrong"),
                      stacklevel=1)
        return
    if claim.record.get("known_not_understood"):
        assert outcome != "wrong", f"a true claim called wrong: {claim.latex} — {message}"
        if outcome == "verified":
            warnings.warn(PeerImprovement(f"{claim.id} is verified now: remove known_not_understood"),
                          stacklevel=1)
        return
    assert outcome == "verified", f"a true claim verified before is {outcome} now: {claim.latex} — {message}"


@pytest.mark.parametrize("file_name", SUITES.values())
def test_each_peer_file_names_its_source_and_commit(file_name: str):
    data = load(file_name)
    source = data["source"]
    assert source["repository"].startswith("https://github.com/") and source["path"]
    assert len(source["commit"]) == 40 and int(source["commit"], 16) >= 0
    for case in data["cases"]:
        assert case.get("claims") or case.get("out_of_scope") or case.get("duplicate_of_earlier_line"), case["id"]
        for record in case.get("claims", []):
            assert isinstance(record["truth"], bool) and record["claim"].strip()
            assert not (record["truth"] and record.get("known_false_verified")), case["id"]
            assert record["truth"] or not (record.get("known_not_understood") or record.get("known_wrong")), case["id"]
