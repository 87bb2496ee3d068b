"""Glossary terms are marked up in running text only, with the expansion in the page's language."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from pedoman import expansions, load_corpus, mark_abbreviations

from conftest import VALID

TABLE = {"TPPO": "trafficking in persons", "PP TPPO": "prevention and handling of TPPO", "GT": "task force"}


def abbrs(html: str) -> list[tuple[str, str]]:
    return [(a.get_text(), a["title"]) for a in BeautifulSoup(html, "html.parser").find_all("abbr")]


def test_terms_in_running_text_get_their_expansion():
    out = mark_abbreviations("<p>GT handles PP TPPO; TPPO is a crime.</p>", TABLE)
    assert abbrs(out) == [("GT", "task force"), ("PP TPPO", "prevention and handling of TPPO"),
                          ("TPPO", "trafficking in persons")]


def test_links_code_headings_and_attributes_are_left_alone():
    page = ('<h2 id="tppo">TPPO</h2><p><a href="#tppo" title="TPPO">TPPO</a> <code>GT</code> '
            '<abbr title="x">GT</abbr> GTX PPTPPO</p><!-- TPPO -->')
    out = mark_abbreviations(page, TABLE)
    assert abbrs(out) == [("GT", "x")]
    assert out.replace('<abbr title="x">GT</abbr>', "") == page.replace('<abbr title="x">GT</abbr>', "")


def test_text_after_a_self_closing_or_capitalised_element_is_still_marked():
    page = ('<p><svg class="icon"/> GT <A HREF="#x">TPPO</A> TPPO <img alt="GT" src="x.png"> GT</p>'
            '<svg><text>TPPO</text></svg>')
    assert [term for term, _ in abbrs(mark_abbreviations(page, TABLE))] == ["GT", "TPPO", "GT"]


def test_expansion_is_escaped_and_in_the_page_language():
    corpus = load_corpus(VALID)
    assert expansions(corpus.terms, "id")["PKS"] == "perjanjian kerja sama"
    assert expansions(corpus.terms, "en")["PKS"] == "cooperation agreement"
    out = mark_abbreviations("<p>GT</p>", {"GT": 'a "quoted" <b>name</b>'})
    assert abbrs(out) == [("GT", 'a "quoted" <b>name</b>')]
    assert "<b>" not in out


@pytest.mark.parametrize("path", ["guidelines/formation/gt-uji/", "recommendations/r01/"])
def test_glossary_terms_are_marked_on_built_pages_in_their_language(fixture_site, path):
    found = {}
    for prefix, expansion in (("", "tindak pidana perdagangan orang"), ("en/", "trafficking in persons")):
        page = (fixture_site.site / prefix / path / "index.html").read_text()
        article = str(BeautifulSoup(page, "html.parser").select_one("article"))
        found[prefix] = ("TPPO", expansion) in abbrs(article)
    # gt-uji names TPPO only in Indonesian (its English spells it out); R01 in both languages
    assert found == {"": True, "en/": path.startswith("recommendations/")}



def test_a_term_that_spells_a_character_reference_leaves_the_reference_alone():
    html = mark_abbreviations("<p>AT&amp;T &#38; &lt;b&gt; amp</p>", {"amp": "ampere", "lt": "letnan", "38": "x"})
    assert "&amp;T &#38; &lt;b&gt;" in html
    assert html.endswith('tabindex="0">amp</abbr></p>')
