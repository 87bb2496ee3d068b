"""Forms and the due-diligence questionnaire: room to write by hand, a date with its hour, a signature for
whoever consents and for the staff, boxes tied to their labels, the questionnaire's scoring and its two
versions; read back with python-docx and converted by LibreOffice."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html import unescape

import pytest
from docx import Document as open_docx
from docx.enum.table import WD_ALIGN_VERTICAL, WD_ROW_HEIGHT_RULE

from pedoman import load_corpus
from pedoman.documents import kit as documents
from pedoman.documents.docx import write_docx
from pedoman.presentation.words import CATALOGUE

from conftest import ROOT

SOFFICE = shutil.which("soffice")

ROOM = {"text": 0.8, "long-text": 2.5, "date": 0.8, "datetime": 0.8, "signature": 2.0}
"""The least room, in centimetres, a hand needs: a line about 8 mm, a paragraph three lines, a signature 2 cm."""

CONSENT = re.compile(r"menyetujui|persetujuan", re.I)
WHO_CONSENTS = re.compile(r"korban|wali|orang tua|\banak\b|yang ditapis", re.I)
STAFF = re.compile(r"petugas|manajer kasus|kepala|pekerja sosial|yang menyerahkan|yang menerima", re.I)


@pytest.fixture(scope="module")
def shipped():
    return load_corpus(ROOT / "guidelines")


@pytest.fixture(scope="module")
def written(shipped, tmp_path_factory):
    """Every form and questionnaire of the shipped kit, in both languages."""
    site = tmp_path_factory.mktemp("forms")
    docs = [d for d in documents.kit(shipped) if d.kind in ("form", "questionnaire")]
    for d in docs:
        path = site / d.path
        path.parent.mkdir(parents=True, exist_ok=True)
        write_docx(d, path, "f4")
    return site, docs


def forms(corpus):
    for g in corpus.guidelines:
        if g.kind == "victim-assistance" and g.documents is not None:
            for form in g.documents.forms:
                yield g, form


def test_write_in_and_signature_rows_have_room_to_write(written):
    site, docs = written
    checked = 0
    for d in docs:
        if d.kind != "form":
            continue
        form = next(f for f in d.guideline.documents.forms if f.id == d.name)
        doc = open_docx(site / d.path)
        assert len(doc.tables) == len(form.parts), d.path
        for part, table in zip(form.parts, doc.tables):
            for field, row in zip(part.fields, table.rows[1:]):
                if field.answer in ROOM:
                    assert row.height_rule == WD_ROW_HEIGHT_RULE.AT_LEAST, (d.path, field.label.id)
                    assert row.height.cm >= ROOM[field.answer], (d.path, field.label.id, row.height.cm)
                    checked += 1
                if field.answer == "signature":  # the name under the space to sign, the label at the top
                    assert row.cells[1].vertical_alignment == WD_ALIGN_VERTICAL.BOTTOM
                    assert row.cells[0].vertical_alignment != WD_ALIGN_VERTICAL.BOTTOM
                    assert row.cells[1].text.strip(), (d.path, field.label.id)
    assert checked > 100


def test_a_date_and_time_field_offers_the_hour(shipped, written):
    timed = [(g, f) for g, form in forms(shipped) for part in form.parts for f in part.fields
             if re.search(r"(^|dan )jam\b", f.label.id, re.I)]  # an hour of the day, not "3 × 24 jam"
    assert len(timed) >= 3
    assert all(f.answer == "datetime" for _, f in timed), [f.label.id for _, f in timed if f.answer != "datetime"]
    site, docs = written
    for d in docs:
        if d.guideline.id not in {g.id for g, _ in timed} or d.kind != "form":
            continue
        doc = open_docx(site / d.path)
        for g, f in timed:
            for row in (r for t in doc.tables for r in t.rows if r.cells[0].text == f.label.get(d.lang)):
                entry = row.cells[1].text
                assert re.search(r"/ …+ / …+, (pukul|at) …+ : …+ WIB / WITA / WIT", entry), (d.path, entry)


def test_a_form_that_records_consent_is_signed_by_who_consents_and_by_the_staff(shipped):
    found = 0
    for g, form in forms(shipped):
        labels = [f.label.id for part in form.parts for f in part.fields] + [p.title.id for p in form.parts]
        if not any(CONSENT.search(label) for label in labels):
            continue
        signs = [f.label.id for part in form.parts for f in part.fields if f.answer == "signature"]
        assert any(WHO_CONSENTS.search(s) for s in signs), (g.id, form.id, signs)
        assert any(STAFF.search(s) and not WHO_CONSENTS.search(s) for s in signs), (g.id, form.id, signs)
        found += 1
    assert found >= 6


def test_every_box_is_tied_to_its_label(written):
    site, docs = written
    boxes = 0
    for d in docs:
        doc = open_docx(site / d.path)
        for cell in (c for t in doc.tables for r in t.rows for c in r.cells):
            text = cell.text
            boxes += text.count("☐")
            assert not re.search(r"☐(?!\u00a0\S)", text), (d.path, text)


def _score_table(doc, lang):
    """The table with a row per answer of the scale and a column per part."""
    first = CATALOGUE[lang]["doc_answer_values"].split(",")[0]
    return next(t for t in doc.tables if any(re.search(rf"\b{first}\b", r.cells[0].text) for r in t.rows[1:]))


def test_the_questionnaire_scores_each_part_and_the_whole(written):
    site, docs = written
    seen = 0
    for d in (d for d in docs if d.kind == "questionnaire"):
        g, W = d.guideline, CATALOGUE[d.lang]
        doc = open_docx(site / d.path)
        table = _score_table(doc, d.lang)
        rows = [[c.text for c in r.cells] for r in table.rows]
        values = W.doc_answer_values.split(",")
        assert rows[0][1].startswith("B. ") and rows[0][2].startswith("C. ") and len(rows[0]) == 4
        labels = [r[0] for r in rows[1:]]
        for value in values:  # a row to count each answer of the scale
            assert sum(bool(re.search(rf"\b{value} \(", label)) for label in labels) == 1, (d.path, value)
        steps, checks = len(g.due_diligence), len(g.checklist)
        assert rows[1][1:] == [str(steps), str(checks), str(steps + checks)]
        assert len(rows) >= 1 + 1 + len(values) + 2  # counts, each answer, score and maximum at least
        assert all(not cell.strip() for r in rows[2:] for cell in r[1:])  # counted and scored by hand
        assert all(r.height.cm >= 0.8 for r in table.rows[1:])
        whole = "\n".join(p.text for p in doc.paragraphs)
        weights = re.search(rf"{values[0]} = (\d), {values[1]} = (\d), {values[2]} = (\d)", whole)
        assert weights and [int(w) for w in weights.groups()] == [2, 1, 0], d.path
        assert values[3] in whole[weights.end():weights.end() + 40]  # "not applicable" is not counted
        assert "TRANSLATION" not in whole.upper() and "terjemahan" not in whole.lower(), d.path
        seen += 1
    assert seen == 8


def test_the_questionnaire_is_two_versions_and_a_form_an_original_with_its_translation(shipped):
    business = next(g for g in shipped.guidelines if g.id == "dunia-usaha")
    assistance = next(g for g in shipped.guidelines if g.id == "pendampingan-pemulihan-korban")
    for lang in ("id", "en"):
        L = CATALOGUE[lang]
        (q,) = documents.listing(shipped, business, lang)
        assert "terjemahan" not in L[q["label"]].lower() and "translation" not in L[q["label"]].lower()
        assert "translation" not in L[q["other_label"]].lower() and "terjemahan" not in L[q["other_label"]].lower()
        for item in documents.listing(shipped, assistance, lang):
            words = (L[item["label"]] + L[item["other_label"]]).lower()
            assert ("working translation" in words) if lang == "en" else ("terjemahan kerja" in words)
    assert CATALOGUE["en"]["doc_other_language"] == "Indonesian original, to sign"
    assert CATALOGUE["en"]["doc_this_language"].startswith("English working translation")


def _words(pdf) -> list[list[tuple[float, float, str]]]:
    """Per page, its words as (x, y, text) in points, read with pdftotext -bbox."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = []
    for page in html.split("<page ")[1:]:
        pages.append([(float(x), float(y), unescape(t)) for x, y, t in
                      re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page)])
    return pages


@pytest.fixture(scope="module")
def converted(written, tmp_path_factory):
    """The forms with signatures of three guidelines and one questionnaire, in both languages, as PDFs."""
    assert SOFFICE, "LibreOffice is missing"
    site, docs = written
    root = tmp_path_factory.mktemp("forms-pdf")
    flat = root / "flat"
    flat.mkdir()
    picked = [d for d in docs if d.guideline.id in ("pendampingan-pemulihan-korban", "korban-anak", "dunia-usaha")]
    for d in picked:
        shutil.copy(site / d.path, flat / f"{d.guideline.id}--{d.name}.{d.lang}.docx")
    run = subprocess.run([SOFFICE, f"-env:UserInstallation={(root / 'profile').as_uri()}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(root / "pdf"), *sorted(map(str, flat.iterdir()))],
                         capture_output=True, text=True, timeout=600, env=os.environ | {"HOME": str(root)})
    assert run.returncode == 0, run.stderr
    return [(d, root / "pdf" / f"{d.guideline.id}--{d.name}.{d.lang}.pdf") for d in picked]


def test_libreoffice_prints_signature_rows_tall_and_whole_and_no_page_empty(converted):
    measured = 0
    for d, pdf in converted:
        pages = _words(pdf)
        assert pages and all(pages), (pdf.name, [len(p) for p in pages])  # no empty page
        texts = [" ".join(t for *_, t in page) for page in pages]
        assert not any(re.search(r"☐\s*$", line) for line in
                       subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                                      text=True).stdout.splitlines()), pdf.name  # no box left at a line's end
        if d.kind != "form":
            continue
        name_word = {"id": "jelas:", "en": "name:"}[d.lang]
        form = next(f for f in d.guideline.documents.forms if f.id == d.name)
        for field in (f for part in form.parts for f in part.fields if f.answer == "signature"):
            label = " ".join(field.label.get(d.lang).split()[:3])
            page = next(i for i, text in enumerate(texts) if label in text)
            after = texts[page][texts[page].index(label):]
            assert name_word in after, (pdf.name, label)  # the name line is on the label's page: the row is whole
            first = label.split()[0]
            names = [(x, y) for x, y, t in pages[page] if t == name_word]
            tops = [(x, y) for x, y, t in pages[page] if t == first]
            for nx, ny in names:
                above = [y for x, y in tops if x < nx and y <= ny]
                if above and not any(max(above) < y2 < ny for _, y2 in names):  # its own row's label
                    measured += 1
                    assert ny - max(above) >= 51, (pdf.name, label, ny - max(above))  # 1.8 cm at least
    assert measured >= 10
