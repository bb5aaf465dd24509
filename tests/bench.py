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
from generator.grade import grade_submissions, open_keys, read_submissions  # noqa: E402
from generator.spec import load_deck  # noqa: E402
from generator.variants import build_variants  # noqa: E402

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
        bench_exercises(Path(out))


def bench_exercises(out: Path) -> None:
    """Grading the corpus of realistic submissions, and building variants of the practice deck."""
    spec = ROOT / "decks" / "practice.ru.yaml"
    build_deck(spec, out, handout=True)
    keys = open_keys(out / "practice.ru.answers.json")
    submissions = read_submissions(ROOT / "tests" / "grade" / "submissions.csv")
    start = time.perf_counter()
    grade_submissions(keys, submissions)
    graded = time.perf_counter() - start
    print(f"\ngrade: {len(submissions)} answers in {graded:.2f} s ({1000 * graded / len(submissions):.0f} ms per answer)")
    start = time.perf_counter()
    run = build_variants(spec, 5, 2026, out / "variants")
    built = time.perf_counter() - start
    print(f"variants: {len(run.variants)} of {spec.name} (deck, handout, key, KaTeX) in {built:.1f} s "
          f"({built / len(run.variants):.1f} s each)")


if __name__ == "__main__":
    main()
