"""The model Perdes's Penjelasan, read back with python-docx and converted by LibreOffice: after the
signature and the pengundangan, on a page of its own, PENJELASAN ATAS and the regulation's title, I. UMUM,
then II. PASAL DEMI PASAL with one entry per Pasal of the body in order ("Cukup jelas." or every ayat of the
Pasal under "Ayat (n)"), and the Tambahan Lembaran Desa; the same in the English working translation."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn

from pedoman import load_corpus
from pedoman.content.language import misplaced
from pedoman.documents import explanation
from pedoman.documents import kit as documents
from pedoman.documents.decisions import ayat, catalogue
from pedoman.documents.kit import _Builder
from pedoman.documents.village import ARTICLES

from conftest import ROOT
from test_documents import SOFFICE, highlighted, texts

HEADS = {"id": ("PENJELASAN", "ATAS", "I. UMUM", "II. PASAL DEMI PASAL", r"Pasal (\d+)", r"Ayat \((\d+)\)",
                "Cukup jelas.", "LEMBARAN DESA [NAMA DESA] TAHUN", "TAMBAHAN LEMBARAN DESA [NAMA DESA] NOMOR [NOMOR]"),
         "en": ("ELUCIDATION", "OF", "I. GENERAL", "II. ARTICLE BY ARTICLE", r"Article (\d+)", r"Paragraph \((\d+)\)",
                "Sufficiently clear.", "VILLAGE GAZETTE OF [VILLAGE NAME] [YEAR]",
                "SUPPLEMENT TO THE VILLAGE GAZETTE OF [VILLAGE NAME] NUMBER [NUMBER]")}


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "guidelines")


@pytest.fixture(scope="module")
def site(corpus, tmp_path_factory):
    root = tmp_path_factory.mktemp("village")
    documents.write_documents(corpus, root)
    return root


def perdes(corpus, lang):
    g = next(g for g in corpus.guidelines if g.id == "gt-kabupaten-desa")
    return next(d for d in documents.for_guideline(corpus, g, lang) if d.name == "perdes-migrasi-aman")


def split(lines, lang):
    """The body (up to the Penjelasan's first line) and the Penjelasan."""
    start = lines.index(HEADS[lang][0])
    return lines[:start], lines[start:]


def entries(penjelasan, lang):
    """Pasal number → the lines of its entry in II. PASAL DEMI PASAL, in order."""
    article = re.compile(HEADS[lang][4])
    out: list[tuple[int, list[str]]] = []
    for line in penjelasan[penjelasan.index(HEADS[lang][3]) + 1:]:
        found = article.fullmatch(line)
        if found:
            out.append((int(found.group(1)), []))
        elif out:
            out[-1][1].append(line)
    return out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_penjelasan_follows_the_pengundangan_with_an_entry_per_pasal_in_order(corpus, site, lang):
    d = perdes(corpus, lang)
    doc = open_docx(site / d.path)
    lines = texts(doc)
    heads = HEADS[lang]
    body, penjelasan = split(lines, lang)
    # After the signatures and the Lembaran Desa line, the title "PENJELASAN ATAS" and the regulation's own.
    assert body[-1].startswith(heads[7])
    title = [line for line in body[:12] if line.isupper()]
    number = next(i for i, line in enumerate(title) if line.startswith(("NOMOR", "NUMBER")))
    assert penjelasan[:2] == list(heads[:2])
    assert penjelasan[2:2 + 4] == title[number - 1:number + 3]  # instrument, number, TENTANG/ON, title
    # I. UMUM before II. PASAL DEMI PASAL, with the general explanation between them.
    general, articles = penjelasan.index(heads[2]), penjelasan.index(heads[3])
    assert general < articles and articles - general > 2
    # One entry per Pasal of the body, in the same order.
    pasal = re.compile(heads[4])
    in_body = [int(pasal.fullmatch(x).group(1)) for x in body if pasal.fullmatch(x)]
    found = entries(penjelasan, lang)
    assert [n for n, _ in found] == in_body == list(range(1, len(ARTICLES) + 1))
    X = catalogue()[lang]
    ayat_head = re.compile(heads[5])
    for (n, lines_), key in zip(found, ARTICLES):
        numbered = [int(ayat_head.fullmatch(x).group(1)) for x in lines_ if ayat_head.fullmatch(x)]
        if numbered:  # every ayat of the Pasal, in order, each with its explanation
            assert numbered == list(range(1, len(ayat(X[key])) + 1)), n
            assert len(lines_) - (n == len(ARTICLES)) >= 2 * len(numbered), n
        else:
            assert lines_[0], n
    # "Cukup jelas." where no explanation is needed: Pasal 1 (its definitions) and the entry into force.
    assert found[0][1][0] == heads[6] and found[-1][1][0] == heads[6]
    assert any(lines_[0] != heads[6] for _, lines_ in found)  # and real explanations elsewhere
    assert penjelasan[-1] == heads[8]
    assert {m[1:-1].casefold() for m in highlighted(doc)} == {b.casefold() for b in d.blanks}


def test_the_penjelasan_starts_a_page_of_its_own(corpus, site):
    doc = open_docx(site / perdes(corpus, "id").path)
    paragraphs = [p for p in doc.element.body.iter(qn("w:p"))]
    at = next(i for i, p in enumerate(paragraphs) if "".join(t.text or "" for t in p.iter(qn("w:t"))) == "PENJELASAN")
    before = paragraphs[at - 1: at + 1]
    assert any(br.get(qn("w:type")) == "page" for p in before for br in p.iter(qn("w:br"))) or \
        any(p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None for p in before)


def test_the_texts_are_in_their_language_and_explain_every_ayat_they_list():
    cat = explanation.catalogue()
    pairs = [(lang, text) for key in ("pd_general", *ARTICLES) for lang in ("id", "en")
             for text in cat[lang][key].split("|")]
    assert misplaced(pairs) == []
    for key in ARTICLES:  # once one ayat needs explaining, the entry lists every ayat, in both languages
        parts = {lang: len(cat[lang][key].split("|")) for lang in ("id", "en")}
        assert parts["id"] == parts["en"], key
        assert parts["id"] in (1, len(ayat(catalogue()["id"][key]))), key


def test_an_entry_that_does_not_match_the_ayat_of_its_pasal_is_refused(corpus):
    g = next(g for g in corpus.guidelines if g.id == "gt-kabupaten-desa")
    b = _Builder(corpus, g, "id")
    X, E = b.D, b.E
    good = b.explanation(["Peraturan Desa"], E.pd_general, [(X.pd_funding, E.pd_funding)], E.supplement,
                         task_force="Gugus Tugas")
    assert len(good) > 5
    with pytest.raises(ValueError, match="Pasal 1 has 3 parts for 2 ayat"):
        b.explanation(["Peraturan Desa"], E.pd_general, [(X.pd_funding, E.pd_funding + "|Cukup jelas.")],
                      E.supplement, task_force="Gugus Tugas")


def test_libreoffice_converts_it_with_no_empty_page_and_the_penjelasan_on_its_own_page(corpus, site, tmp_path):
    assert SOFFICE
    flat = tmp_path / "flat"
    flat.mkdir()
    for lang in ("id", "en"):
        shutil.copy(site / perdes(corpus, lang).path, flat)
    run = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *sorted(map(str, flat.iterdir()))],
                         capture_output=True, text=True, timeout=600, env=os.environ | {"HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    pdfs = sorted((tmp_path / "pdf").glob("*.pdf"))
    assert len(pdfs) == 2
    for pdf in pdfs:
        lang = "en" if ".en." in pdf.name else "id"
        pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                                  text=True).stdout).group(1))
        text = [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                               capture_output=True, text=True).stdout for n in range(1, pages + 1)]
        assert all(t.strip() for t in text), pdf.name  # no empty page
        first = next(n for n, t in enumerate(text) if re.search(rf"^\s*{HEADS[lang][0]}\s*$", t, re.M))
        # the Lembaran Desa line closes the page before it, and the Penjelasan's page holds none of the body
        assert HEADS[lang][7] in text[first - 1] and HEADS[lang][7] not in text[first], pdf.name
        assert HEADS[lang][8] in " ".join(text[-1].split())
