"""Markdown from content: formatting survives, markup of the editor's own never does."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from pedoman.presentation.markdown import is_safe_url, render_markdown


def parse(text: str) -> BeautifulSoup:
    return BeautifulSoup(render_markdown(text), "html.parser")


def test_formatting_lists_and_tables_render():
    html = parse("**Penting**: langkah\n\n- satu\n- dua\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert html.strong.get_text() == "Penting"
    assert [li.get_text() for li in html.select("ul li")] == ["satu", "dua"]
    assert html.select_one("table td").get_text() == "1"


@pytest.mark.parametrize("raw", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<div>\nblok\n</div>",
    '<a href="javascript:alert(1)">klik</a>',
    "<!-- komentar -->",
    "<iframe src=https://contoh.test></iframe>",
])
def test_raw_html_becomes_text(raw):
    html = parse(f"Teks {raw} teks")
    assert html.find(["script", "img", "div", "iframe"]) is None
    assert all(a.get("href", "").startswith("http") for a in html.find_all("a"))
    assert raw.split(">")[0] in html.get_text()


@pytest.mark.parametrize("href", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
                                  "data:text/html,<b>x</b>", "vbscript:msgbox(1)",
                                  # a scheme hidden behind character references or percent-encoding
                                  "java&#x09;script:alert(1)", "javascript&colon;alert(1)", "&#106;avascript:alert(1)",
                                  "java&#x0A;script:alert(1)", "%6Aavascript:alert(1)", "%256Aavascript:alert(1)",
                                  "&amp;#106;avascript:alert(1)", "java\u00adscript:alert(1)"])
def test_unsafe_link_targets_are_dropped(href):
    html = parse(f"[klik]({href})")
    assert html.a.get_text() == "klik"
    assert "href" not in html.a.attrs


@pytest.mark.parametrize("href", ["https://peraturan.go.id", "mailto:pengaduan@contoh.id", "tel:129",
                                  "../glossary/", "#bagian"])
def test_safe_link_targets_are_kept(href):
    assert is_safe_url(href)
    assert parse(f"[tautan]({href})").a["href"] == href


def test_images_become_links_so_no_other_host_is_asked():
    html = parse("![Bagan alur](https://contoh.test/bagan.png)")
    assert html.find("img") is None
    assert html.a["href"] == "https://contoh.test/bagan.png"
    assert html.a.get_text() == "Bagan alur"


def test_headings_sit_below_the_section_heading():
    html = parse("# Judul\n\n## Sub")
    assert [h.name for h in html.find_all(["h1", "h2", "h3", "h4"])] == ["h3", "h4"]


def _python_markdown(text: str) -> str:
    from pedoman.presentation.markdown import _renderer
    md = _renderer()
    md.reset()
    return md.convert(text)


@pytest.mark.parametrize("text", [
    "Satu paragraf biasa.", "Dua baris\ndalam satu paragraf.", "Paragraf satu.\n\nParagraf dua.\n",
    "Angka 2019 dan Pasal 58 (ayat 1), tanpa markup.", "Kalimat \"berkutip\" dan 'tunggal'.",
    "Satu.\n\n\n\nDua setelah baris kosong ganda.",
])
def test_plain_prose_takes_the_fast_path_with_the_same_html(text):
    assert render_markdown(text) == _python_markdown(text)


def test_every_shipped_text_renders_as_python_markdown_would():
    from pedoman import load_corpus
    from pedoman.content.translations import text_fields

    from conftest import ROOT
    corpus = load_corpus(ROOT / "guidelines")
    texts = {s for g in corpus.guidelines for _, t in text_fields(g) for s in (t.id, t.en) if s}
    assert [t[:60] for t in texts if render_markdown(t) != _python_markdown(t)] == []


@pytest.mark.parametrize("url", ["java&#x09;script:x", "javascript&colon;x", "%6Aavascript:x", "jav&#97;script:x",
                                 " javascript:x", "\x01javascript:x", "data:text/html,x"])
def test_a_scheme_is_judged_after_decoding(url):
    assert not is_safe_url(url)


@pytest.mark.parametrize("url", ["https://peraturan.go.id/uu-21-2007", "../panduan/#langkah", "mailto:sapa@kemenpppa.go.id",
                                 "tel:129", "/a?b=1&amp;c=2"])
def test_ordinary_addresses_stay_safe(url):
    assert is_safe_url(url)


@pytest.mark.parametrize("text", [
    "[klik](https://contoh.test){: onclick=alert(1) }",
    "<details open ontoggle=alert(1)>",
    "| a |\n|---|\n| <svg onload=alert(1)> |",
    "```\n<script>alert(1)</script>\n```",
])
def test_no_attribute_or_element_outside_the_allow_list_survives(text):
    html = parse(text)
    from pedoman.presentation.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS
    for el in html.find_all(True):
        assert el.name in ALLOWED_TAGS
        assert set(el.attrs) <= ALLOWED_ATTRIBUTES.get(el.name, set())
