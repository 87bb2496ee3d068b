"""How a citation of the register is printed: full names in each language, "as amended by" added by the build."""

from __future__ import annotations

import pytest

from pedoman import load_corpus
from pedoman.content.legal import article, citation, name
from pedoman.presentation.words import CATALOGUE

from conftest import VALID


def test_an_instrument_is_named_in_each_language():
    corpus = load_corpus(VALID)
    reg = corpus.regulations
    assert name(reg["uu-21-2007"], "id", CATALOGUE["id"]) == (
        "Undang-Undang Nomor 21 Tahun 2007 tentang Pemberantasan Tindak Pidana Perdagangan Orang")
    assert name(reg["uu-21-2007"], "en", CATALOGUE["en"]) == (
        "Law No. 21 of 2007 on Eradication of the Criminal Act of Trafficking in Persons")
    assert name(reg["permen-p2mi-17-2025"], "id", CATALOGUE["id"]).startswith(
        "Peraturan Menteri Pelindungan Pekerja Migran Indonesia Nomor 17 Tahun 2025 tentang Biaya")
    assert name(reg["ungp-bhr"], "en", CATALOGUE["en"]) == "UN Guiding Principles on Business and Human Rights (2011)"


def test_an_amended_instrument_is_printed_as_amended_without_the_editor_saying_so():
    corpus = load_corpus(VALID)
    g = next(g for g in corpus.guidelines if g.id == "layanan-uji")
    ref = next(r for r in g.references if r.regulation == "perpres-69-2008")
    assert ref.title is None and ref.note is None  # the editor wrote only the id and the article
    cited = citation(ref, corpus, "id", CATALOGUE["id"])
    assert cited["amended"] == "sebagaimana telah diubah dengan Perpres 49/2023"
    assert cited["article"] == "Pasal 11"
    assert cited["status"] == "berlaku dengan perubahan"
    assert citation(ref, corpus, "en", CATALOGUE["en"])["amended"] == "as amended by Perpres 49/2023"
    assert citation(ref, corpus, "en", CATALOGUE["en"])["article"] == "Article 11"


@pytest.mark.parametrize(("cited", "english"), [
    ("Pasal 6 ayat (6)", "Article 6 paragraph (6)"),
    ("Pasal 48, Pasal 49, dan Pasal 50", "Article 48, Article 49, and Article 50"),
    ("Pasal 1 angka 3 huruf b", "Article 1 point 3 letter b"),
    ("Pasal 44, Pasal 48–50, dan Pasal 51–54", "Article 44, Article 48–50, and Article 51–54"),
])
def test_the_articles_cited_read_in_the_pages_language(cited, english):
    assert article(cited, CATALOGUE["en"]) == english
    assert article(cited, CATALOGUE["id"]) == cited
