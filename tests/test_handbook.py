"""Trainer PDFs, read back with pypdf: files, covers, bookmarks, page numbers, languages, cache."""

from __future__ import annotations

import os
import re
import time

import pytest
from pypdf import PdfReader

from pedoman import build_pdfs, load_corpus
from pedoman.handbook import abbreviations_used

from conftest import VALID

GUIDELINES = ["gt-uji", "layanan-uji", "kerja-sama-uji", "usaha-uji"]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    root = tmp_path_factory.mktemp("handbook")
    corpus = load_corpus(VALID)
    report = build_pdfs(corpus, root / "site", root / "cache", "https://pedoman.contoh.id")
    return corpus, root, report


def outline_titles(reader: PdfReader) -> list[str]:
    def walk(items):
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            else:
                yield item.title
    return list(walk(reader.outline))


def test_every_pdf_exists_and_is_a4(pdfs):
    corpus, root, report = pdfs
    expected = {f"{g}.{lang}.pdf" for g in GUIDELINES for lang in ("id", "en")} | {"pedoman.id.pdf", "pedoman.en.pdf"}
    assert {p.name for p in (root / "site" / "pdf").iterdir()} == expected
    assert sorted(report.rendered) == sorted(expected) and report.cached == []
    page = PdfReader(root / "site" / "pdf" / "gt-uji.id.pdf").pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


@pytest.mark.parametrize(("name", "title", "language"), [
    ("gt-uji.id.pdf", "Pembentukan gugus tugas provinsi", "Bahasa Indonesia"),
    ("gt-uji.en.pdf", "Forming a provincial task force", "English"),
    ("pedoman.en.pdf", "Training pack: all guidelines", "English"),
])
def test_cover_holds_the_title_in_its_language(pdfs, name, title, language):
    _, root, _ = pdfs
    cover = PdfReader(root / "site" / "pdf" / name).pages[0].extract_text()
    assert title in cover and language in cover


def test_cover_gives_version_status_date_and_online_address(pdfs):
    _, root, _ = pdfs
    cover = " ".join(PdfReader(root / "site" / "pdf" / "gt-uji.en.pdf").pages[0].extract_text().split())
    for text in ("Version", "1.0", "Approved", "November 1, 2026",
                 "https://pedoman.contoh.id/en/guidelines/formation/gt-uji/"):
        assert text in cover


@pytest.mark.parametrize("lang", ["id", "en"])
def test_bookmarks_match_the_sections(pdfs, lang):
    corpus, root, _ = pdfs
    for g in corpus.guidelines:
        titles = outline_titles(PdfReader(root / "site" / "pdf" / f"{g.id}.{lang}.pdf"))
        for n, s in enumerate(g.sections, start=1):
            assert f"{n}. {s.title.get(lang)}" in titles


def test_pack_has_one_contents_and_every_guideline(pdfs):
    corpus, root, _ = pdfs
    reader = PdfReader(root / "site" / "pdf" / "pedoman.id.pdf")
    titles = outline_titles(reader)
    assert [g.title.id for g in corpus.guidelines] == [t for t in titles if t in {g.title.id for g in corpus.guidelines}]
    text = "".join(page.extract_text() for page in reader.pages)
    assert text.count("Daftar isi") == 1


@pytest.mark.parametrize(("name", "label"), [("gt-uji.id.pdf", "Halaman {} dari {}"), ("gt-uji.en.pdf", "Page {} of {}")])
def test_pages_are_numbered(pdfs, name, label):
    _, root, _ = pdfs
    reader = PdfReader(root / "site" / "pdf" / name)
    total = len(reader.pages)
    assert total >= 3
    for number, page in enumerate(reader.pages, start=1):
        assert label.format(number, total) in page.extract_text()


def test_each_language_has_only_its_own_section_titles(pdfs):
    corpus, root, _ = pdfs
    for g in corpus.guidelines:
        indonesian = "".join(p.extract_text() for p in PdfReader(root / "site" / "pdf" / f"{g.id}.id.pdf").pages)
        english = "".join(p.extract_text() for p in PdfReader(root / "site" / "pdf" / f"{g.id}.en.pdf").pages)
        for s in g.sections:
            if s.title.en and s.title.en != s.title.id:
                assert s.title.en not in indonesian
                assert s.title.id not in english


def test_sections_show_their_recommendations_and_fonts_are_embedded(pdfs):
    _, root, _ = pdfs
    reader = PdfReader(root / "site" / "pdf" / "gt-uji.en.pdf")
    text = " ".join("".join(p.extract_text() for p in reader.pages).split())
    assert "Implements recommendations: R01 Forming and strengthening task forces; R04" in text
    fonts = [f.get_object() for page in reader.pages for f in page["/Resources"]["/Font"].values()]
    assert fonts and all("/FontFile2" in f["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                         or "/FontFile3" in f["/DescendantFonts"][0].get_object()["/FontDescriptor"] for f in fonts)


def test_abbreviation_annex_lists_the_terms_the_guideline_uses(pdfs):
    corpus, root, _ = pdfs
    g = corpus.guidelines[0]
    assert abbreviations_used(g, corpus, "en") == [("TPPO", "trafficking in persons")]
    text = "".join(p.extract_text() for p in PdfReader(root / "site" / "pdf" / "gt-uji.en.pdf").pages)
    assert re.search(r"Abbreviations\s+Abbreviation\s+Stands for\s+TPPO\s+trafficking in persons", text)


def test_cache_renders_only_what_changed(tmp_path, corpus_dir):
    first = build_pdfs(load_corpus(corpus_dir), tmp_path / "site", tmp_path / "cache")
    assert len(first.rendered) == 10
    month_ago = time.time() - 30 * 86400
    stale = tmp_path / "cache" / "from-an-old-edit.pdf"
    stale.write_bytes(b"%PDF-")
    for path in (tmp_path / "cache").iterdir():
        os.utime(path, (month_ago, month_ago))
    again = build_pdfs(load_corpus(corpus_dir), tmp_path / "site", tmp_path / "cache")
    assert again.rendered == [] and len(again.cached) == 10
    assert not stale.exists()  # unused for longer than UNUSED_DAYS
    assert len(list((tmp_path / "cache").iterdir())) == 10
    path = corpus_dir / "cooperation" / "kerja-sama-uji.yaml"
    path.write_text(path.read_text().replace("version: \"1.0\"", "version: \"1.1\""))
    changed = build_pdfs(load_corpus(corpus_dir), tmp_path / "site", tmp_path / "cache")
    assert sorted(changed.rendered) == ["kerja-sama-uji.en.pdf", "kerja-sama-uji.id.pdf",
                                        "pedoman.en.pdf", "pedoman.id.pdf"]


def test_untranslated_texts_say_so_in_print(tmp_path, corpus_dir):
    path = corpus_dir / "formation" / "gt-uji.yaml"
    path.write_text(path.read_text().replace("title: {id: Dasar hukum, en: Legal basis}", "title: {id: Dasar hukum}"))
    build_pdfs(load_corpus(corpus_dir), tmp_path / "site", tmp_path / "cache")
    text = " ".join("".join(p.extract_text() for p in PdfReader(tmp_path / "site" / "pdf" / "gt-uji.en.pdf").pages).split())
    assert "1. Dasar hukum (Not yet translated)" in text
    assert "Not yet translated Gugus tugas memantau rencana aksi setiap triwulan." in text


def test_the_running_header_leaves_no_hidden_text(pdfs):
    _, root, _ = pdfs
    cover = PdfReader(root / "site" / "pdf" / "gt-uji.en.pdf").pages[0].extract_text()
    assert "Version 1.0 · November 1, 2026" not in cover
    inside = PdfReader(root / "site" / "pdf" / "gt-uji.en.pdf").pages[2].extract_text()
    assert "Forming a provincial task force" in inside and "Version 1.0 · November 1, 2026" in inside
