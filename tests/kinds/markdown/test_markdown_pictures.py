"""Pictures in a markdown slide's body: found next to the spec, copied beside the deck, never from the network."""
from __future__ import annotations

import base64

import pytest

from generator.build import build_deck
from generator.errors import SpecError
from generator.spec import load_deck

# the smallest valid PNG: one transparent pixel
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kg"
                       "AAAABJRU5ErkJggg==")


def deck(body: str, more: str = "") -> str:
    indented = "\n".join("      " + line for line in body.splitlines())
    return f"title: Pictures\nslides:\n  - kind: markdown\n    title: One\n    body: |\n{indented}\n{more}"


def problems(spec) -> list[str]:
    with pytest.raises(SpecError) as caught:
        load_deck(spec)
    return caught.value.lines()


@pytest.fixture
def logo(tmp_path):
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "logo.png").write_bytes(PNG)
    return tmp_path / "img" / "logo.png"


def test_a_missing_picture_is_an_error_at_its_address(write_spec, tmp_path):
    spec = write_spec(deck("Our logo:\n\n![alt](img/logo.png)"))
    assert problems(spec) == [f"{spec}:8:14: slides[0].body: image 'img/logo.png' not found "
                              f"(looked in {tmp_path / 'img' / 'logo.png'})"]


def test_every_bad_picture_of_the_file_is_listed(write_spec, tmp_path):
    second = "  - kind: markdown\n    title: Two\n    body: \"![x](https://example.org/x.png)\"\n"
    spec = write_spec(deck("![a](missing.png) ![b](../../etc/passwd.png)\n\n![bg](/etc/logo.png)", second))
    found = problems(spec)
    assert len(found) == 4, found
    assert found[0].startswith(f"{spec}:6:12: slides[0].body: image 'missing.png' not found")
    assert found[1].startswith(f"{spec}:6:30: slides[0].body: image '../../etc/passwd.png' is outside the spec's "
                               f"folder ({tmp_path})")
    assert found[2].startswith(f"{spec}:8:13: slides[0].body: image '/etc/logo.png' is an absolute path")
    assert found[3].startswith(f"{spec}:11:") and "slides[1].body: image 'https://example.org/x.png' comes " \
                                                  "from the network" in found[3]


@pytest.mark.parametrize("url", ["http://example.org/a.png", "https://example.org/a.png", "//example.org/a.png"])
def test_a_remote_picture_is_refused_the_deck_must_work_offline(write_spec, url):
    [problem] = problems(write_spec(deck(f"![bg right]({url})")))
    assert "must work offline" in problem and "download it next to the spec (e.g. img/a.png)" in problem


@pytest.mark.parametrize("url", ["../outside.png", "img/../../outside.png", "./../outside.png"])
def test_a_picture_outside_the_spec_folder_is_refused(write_spec, tmp_path, url):
    (tmp_path.parent / "outside.png").write_bytes(PNG)
    [problem] = problems(write_spec(deck(f"![x]({url})")))
    assert f"image {url!r} is outside the spec's folder" in problem


def test_a_symbolic_link_out_of_the_spec_folder_is_refused(write_spec, tmp_path):
    (tmp_path.parent / "secret.png").write_bytes(PNG)
    (tmp_path / "link.png").symlink_to(tmp_path.parent / "secret.png")
    [problem] = problems(write_spec(deck("![x](link.png)")))
    assert "leads outside the spec's folder" in problem


def test_only_pictures_a_browser_draws_are_embedded(write_spec, tmp_path):
    (tmp_path / "scan.bmp").write_bytes(b"BM")
    (tmp_path / "img").mkdir()
    found = problems(write_spec(deck("![x](scan.bmp) ![y](img)")))
    assert "not a kind of picture a deck can embed: use PNG, JPEG, GIF, SVG or WebP" in found[0]
    assert "is not a file" in found[1]


def test_paths_in_code_and_formulas_are_text_not_pictures(write_spec):
    body = "Write `![x](missing.png)` like this:\n\n```\n![y](missing.png)\n```\n\n$a![z](b.png)$"
    assert load_deck(write_spec(deck(body))).slides[0].pictures == ()


def test_the_same_path_in_code_before_the_picture_stays_as_written(write_spec, tmp_path, logo):
    result = build_deck(write_spec(deck("Write `![x](img/logo.png)` to get ![x](img/logo.png)")), tmp_path / "out")
    assert ("Write `![x](img/logo.png)` to get ![x](lesson/img/logo.png)"
            in result.markdown.read_text(encoding="utf-8"))


def test_pictures_are_copied_beside_the_deck_and_the_markdown_points_at_them(write_spec, tmp_path, logo):
    (tmp_path / "img" / "sub").mkdir()
    (tmp_path / "img" / "sub" / "shape.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    body = ('![logo](img/logo.png "Our logo") ![again](./img/logo.png)\n\n![bg right](img/sub/shape.svg)\n\n'
            "![inline](data:image/png;base64,AAAA) `![code](img/logo.png)`")
    spec = write_spec(deck(body))
    result = build_deck(spec, tmp_path / "out")
    copied = tmp_path / "out" / "lesson" / "img"
    assert (copied / "logo.png").read_bytes() == PNG
    assert (copied / "sub" / "shape.svg").read_text() == "<svg xmlns='http://www.w3.org/2000/svg'/>"
    markdown = result.markdown.read_text(encoding="utf-8")
    assert ('![logo](lesson/img/logo.png "Our logo") ![again](lesson/img/logo.png)\n\n'
            "![bg right](lesson/img/sub/shape.svg)\n\n![inline](data:image/png;base64,AAAA) "
            "`![code](img/logo.png)`") in markdown
    assert result.figures == ()  # the pictures are not figures of the deck
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["lesson", "lesson.answers.json", "lesson.md"]


def test_a_second_build_replaces_the_copies(write_spec, tmp_path, logo):
    spec = write_spec(deck("![logo](img/logo.png)"))
    build_deck(spec, tmp_path / "out")
    logo.rename(logo.with_name("new.png"))
    write_spec(deck("![logo](img/new.png)"))
    build_deck(spec, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out" / "lesson" / "img").iterdir()) == ["new.png"]


def test_a_picture_named_like_a_figure_is_refused(write_spec, tmp_path):
    (tmp_path / "parabola.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    plot = ("  - kind: plot\n    id: parabola\n    title: A plot\n    functions: [\"x**2\"]\n"
            "    range: [-2, 2]\n")
    spec = write_spec(deck("![p](parabola.svg)", plot))
    with pytest.raises(SpecError, match=r"lesson.yaml:6:12: slides\[0\].body: image 'parabola.svg' has the name of "
                                        r"a figure the deck draws \(lesson/parabola.svg\)"):
        build_deck(spec, tmp_path / "out")
    assert not (tmp_path / "out" / "lesson.md").exists()
