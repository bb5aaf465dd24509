"""`make bench`: how long each stage of building the example decks takes (figures, not assertions)."""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import build_deck, solve_deck  # noqa: E402
from generator.check import check_file  # noqa: E402
from generator.spec import load_deck  # noqa: E402

REPEATS = 3


def best_of(action) -> float:
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> None:
    print(f"{'deck':32} {'load':>8} {'solve':>8} {'check':>8} {'build':>8}   (best of {REPEATS}, seconds; "
          "build includes check)")
    with tempfile.TemporaryDirectory() as out:
        for spec in sorted((ROOT / "decks").glob("*.yaml")):
            load = best_of(lambda: load_deck(spec))
            deck = load_deck(spec)
            solve = best_of(lambda: solve_deck(deck))
            build = best_of(lambda: build_deck(spec, Path(out)))
            markdown = Path(out) / (spec.name.removesuffix(".yaml") + ".md")
            check = best_of(lambda: check_file(markdown))
            print(f"{spec.name:32} {load:8.3f} {solve:8.3f} {check:8.3f} {build:8.3f}")


if __name__ == "__main__":
    main()
