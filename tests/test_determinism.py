"""Same input, byte-identical output: Markdown, answers and SVG figures."""
from __future__ import annotations

import os
import re

from conftest import SECOND_SEED


def snapshot(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_in_two_processes_with_other_hash_seeds_are_identical(example_build, second_build):
    """Set iteration order, dict order of hashed keys, ids: nothing may depend on the process."""
    assert os.environ.get("PYTHONHASHSEED") != SECOND_SEED
    first, second = example_build[0], second_build
    one, two = snapshot(first), snapshot(second)
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
    svgs = [name for name in one if name.endswith(".svg")]
    assert svgs, "the example decks should draw figures"
    for name in svgs:
        text = one[name].decode()
        assert "<dc:date>" not in text and not re.search(r"20\d\d-\d\d-\d\dT", text), name


def test_no_staging_folders_are_left_behind(example_build):
    out, _ = example_build
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []
