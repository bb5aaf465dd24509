"""The HTML export leaves nothing outside the file: pictures and emoji embedded with their MIME types, a theme's web
fonts dropped, and a check that names whatever would still be loaded from elsewhere.  (Fast: on written HTML,
without marp-cli; the whole deck in an offline Chromium is tests/test_offline_deck.py.)"""
from __future__ import annotations

import base64

import pytest

from generator.export import check_self_contained, drop_remote_imports, embed_emoji, embed_images, external_resources
from generator.toolchain import ToolchainError

PICTURES = {"a.png": "image/png", "b.jpg": "image/jpeg", "c.JPEG": "image/jpeg", "d.gif": "image/gif",
            "e.svg": "image/svg+xml", "f.webp": "image/webp"}


def test_pictures_are_embedded_with_their_type(tmp_path):
    folder = tmp_path / "deck"
    (folder / "img").mkdir(parents=True)
    for name in PICTURES:
        (folder / "img" / name).write_bytes(name.encode())
    html = folder / "deck.html"
    tags = "".join(f'<img src="img/{name}" alt="{name}">' for name in PICTURES)
    html.write_text(f'<p>{tags}</p><figure style="background-image:url(&quot;img/a.png&quot;);"></figure>'
                    '<p>url(img/a.png) is text</p>', encoding="utf-8")
    embed_images(html, folder)
    text = html.read_text(encoding="utf-8")
    for name, mime in PICTURES.items():
        assert f'src="data:{mime};base64,{base64.b64encode(name.encode()).decode()}"' in text
    assert "background-image:url(&quot;data:image/png;base64," in text
    assert "<p>url(img/a.png) is text</p>" in text
    check_self_contained(html)


def test_a_picture_outside_the_folder_is_not_embedded_and_the_check_names_it(tmp_path):
    (tmp_path / "secret.png").write_bytes(b"x")
    folder = tmp_path / "deck"
    folder.mkdir()
    html = folder / "deck.html"
    html.write_text('<img src="../secret.png"><img src="missing.png">', encoding="utf-8")
    embed_images(html, folder)
    with pytest.raises(ToolchainError, match=r"not self-contained, it would load \.\./secret\.png, missing\.png"):
        check_self_contained(html)


def test_emoji_are_embedded_from_the_installed_twemoji(tmp_path):
    svg = tmp_path / "svg" / "1f600.svg"
    svg.parent.mkdir()
    svg.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    html = tmp_path / "deck.html"
    html.write_text(f'<p>Hi <img class="emoji" alt="😀" src="{svg.as_uri()}" data-marp-twemoji=""/></p>',
                    encoding="utf-8")
    embed_emoji(html)
    text = html.read_text(encoding="utf-8")
    assert "file://" not in text and 'src="data:image/svg+xml;base64,' in text


def test_an_emoji_without_a_picture_is_an_error_naming_it(tmp_path):
    html = tmp_path / "deck.html"
    html.write_text(f'<img alt="🫨" src="{(tmp_path / "1fae8.svg").as_uri()}" data-marp-twemoji="">', encoding="utf-8")
    with pytest.raises(ToolchainError, match=r"have none for the emoji 🫨 \(U\+1FAE8, looked for .*1fae8.svg\)"):
        embed_emoji(html)


def test_a_theme_web_font_import_is_dropped_but_text_about_it_stays(tmp_path):
    html = tmp_path / "deck.html"
    html.write_text('<style>@import "https://fonts.bunny.net/css?family=Lato";\nsection{color:red}</style>'
                    "<pre>@import &quot;https://example.org/a.css&quot;;</pre>", encoding="utf-8")
    drop_remote_imports(html)
    text = html.read_text(encoding="utf-8")
    assert text.startswith("<style>\nsection{color:red}</style>") and "example.org" in text
    check_self_contained(html)


def test_the_check_reads_what_a_page_loads_not_what_it_says():
    page = ('<html><head><link rel="stylesheet" href="https://cdn.example/k.css">'
            '<style>@font-face{src:url(file:///fonts/KaTeX_Main.woff2)} .a{background:url("data:image/png;base64,A")}'
            '</style><script>var u = "https://unpkg.com/x"; // src="http://no"</script></head><body>'
            '<a href="https://example.org/read-more">a link</a> <span>url(http://text.example)</span>'
            '<img src="//cdn.example/a.png"><img srcset="b.png 1x, data:image/png;base64,A 2x">'
            '<svg><use href="#glyph"/><image href="http://x.example/i.png"/></svg>'
            '<section style="background-image:url(&quot;https://bg.example/p.jpg&quot;)"></section></body></html>')
    assert external_resources(page) == ["https://cdn.example/k.css", "file:///fonts/KaTeX_Main.woff2",
                                        "//cdn.example/a.png", "b.png", "http://x.example/i.png",
                                        "https://bg.example/p.jpg"]
