"""The drafting kit: every document read back with python-docx and openpyxl, and opened by LibreOffice."""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from bs4 import BeautifulSoup
from docx import Document as open_docx
from docx.oxml.ns import qn

from pedoman import load_corpus
from pedoman.documents import kit as documents
from pedoman.documents.docx import _property
from pedoman.content import legal
from pedoman.presentation.words import CATALOGUE

from conftest import ROOT, VALID, build_site
from sitecheck import resolves

SOFFICE = shutil.which("soffice")


@pytest.fixture(scope="module")
def shipped():
    return load_corpus(ROOT / "guidelines")


@pytest.fixture(scope="module")
def fixture_corpus():
    return load_corpus(VALID)


@pytest.fixture(scope="module")
def fixture_kit(fixture_corpus, tmp_path_factory):
    site = tmp_path_factory.mktemp("kit")
    documents.write_documents(fixture_corpus, site, slides=False)
    return site


def texts(doc) -> list[str]:
    """Every paragraph of the body in order, table cells included, as plain text."""
    body = doc.element.body
    out = []
    marks = {qn("w:tab"): "\t", qn("w:br"): "\n"}
    for p in body.iter(qn("w:p")):
        text = "".join((e.text or "") if e.tag == qn("w:t") else marks.get(e.tag, "") for e in p.iter())
        if text.strip():
            out.append(text)
    return out


def highlighted(doc) -> set[str]:
    runs = doc.element.body.iter(qn("w:r"))
    return {"".join(t.text for t in r.iter(qn("w:t"))) for r in runs
            if r.find(qn("w:rPr")) is not None and r.find(qn("w:rPr")).find(qn("w:highlight")) is not None}


def find(corpus, gid, name, lang, fmt="docx"):
    g = next(g for g in corpus.guidelines if g.id == gid)
    return next(d for d in documents.for_guideline(corpus, g, lang) if d.name == name and d.format == fmt)


def test_every_guideline_that_calls_for_documents_has_them(shipped):
    names = {g.id: {(d.name, d.format) for d in documents.for_guideline(shipped, g, "id")} for g in shipped.guidelines}
    formation = {("sk-pembentukan", "docx"), ("rad", "docx"), ("rad-matriks", "xlsx"), ("rad-pemantauan", "xlsx"),
                 ("laporan-gugus-tugas", "docx"), ("sk-subgugus-tugas", "docx"), ("tata-kerja", "docx")}
    assert names["gt-provinsi"] == formation | {("pergub-gugus-tugas", "docx"), ("kepgub-keanggotaan", "docx")}
    # the province's carries its own Pergub and Kepgub on membership, the district's the village's documents
    assert names["gt-kabupaten-desa"] == formation | {("sk-tim-desa", "docx"), ("perdes-migrasi-aman", "docx")}
    for g in shipped.guidelines:
        if g.kind == "cooperation":
            assert names[g.id] == {("kesepakatan-bersama", "docx"), ("pks", "docx"), ("pks-anggaran", "xlsx")}, g.id
        if g.kind == "corporate-engagement":
            assert names[g.id] == {("kuesioner-uji-tuntas", "docx")}, g.id
    assert names["pendampingan-pemulihan-korban"] == {
        ("formulir-pengaduan-identifikasi", "docx"), ("formulir-rujukan", "docx"),
        ("berita-acara-serah-terima", "docx"), ("formulir-penutupan-kasus", "docx"), ("surat-rujukan", "docx")}
    both = documents.kit(shipped)
    assert len(both) == 2 * sum(len(v) for v in names.values()) == 84


def test_forms_follow_the_stages_of_the_assistance_model(shipped):
    g = next(g for g in shipped.guidelines if g.id == "pendampingan-pemulihan-korban")
    stages = {f.id: f.stages for f in g.documents.forms}
    assert stages["formulir-pengaduan-identifikasi"] == ["identifikasi-pengaduan"]
    assert stages["berita-acara-serah-terima"] == ["pemulangan"]
    assert stages["formulir-penutupan-kasus"] == ["terminasi-tindak-lanjut"]
    assert {"rehabilitasi-kesehatan", "rehabilitasi-sosial", "pendampingan-hukum"} <= set(stages["formulir-rujukan"])


def test_decree_has_its_parts_in_order(fixture_corpus, fixture_kit):
    g = fixture_corpus.guidelines[0]
    doc = open_docx(fixture_kit / "documents/gt-uji/sk-pembentukan.id.docx")
    lines = texts(doc)
    order = ["GUBERNUR [NAMA PROVINSI]", "KEPUTUSAN GUBERNUR [NAMA PROVINSI]", "NOMOR [NOMOR] TAHUN [TAHUN]",
             "TENTANG", "GUGUS TUGAS PENCEGAHAN", "DENGAN RAHMAT TUHAN YANG MAHA ESA", "GUBERNUR [NAMA PROVINSI],",
             "Menimbang", "Mengingat", "MEMUTUSKAN:", "Menetapkan", "KESATU", "KEDUA", "KETIGA", "KEEMPAT",
             "KELIMA", "Ditetapkan di [tempat]", "pada tanggal [tanggal]", "[nama lengkap]", "Tembusan:",
             "1. Menteri Dalam Negeri;", "LAMPIRAN"]
    at = [next(i for i, line in enumerate(lines) if line.startswith(part)) for part in order]
    assert at == sorted(at), list(zip(order, at))
    # two fixed diktum, one provision, the earlier decree revoked, the day it takes effect
    assert not any(line.startswith("KEENAM") for line in lines)
    revoking = next(line for line in lines if line.startswith("KEEMPAT"))
    assert ("Keputusan Gubernur [nama provinsi] Nomor [nomor] Tahun [tahun] tentang" in revoking
            and revoking.endswith("dicabut dan dinyatakan tidak berlaku."))
    assert any(line.startswith("KETIGA") and "melapor kepada Gubernur [nama provinsi]" in line for line in lines)
    # Menimbang: the guideline's reasons, then the closing one pointing back at them.
    considering = [line for line in lines if re.match(r"^(Menimbang\t:\t)?\t*[a-z]\.\tbahwa", line)]
    assert len(considering) == len(g.documents.decree.considering) + 1
    assert "huruf a, perlu menetapkan Keputusan Gubernur [nama provinsi] tentang" in considering[-1]
    # Mengingat: the constitution, the law forming the province (a blank), then the register's instruments.
    words = CATALOGUE["id"]
    for c in g.documents.decree.observing:
        assert any(legal.name(fixture_corpus.regulations[c.regulation], "id", words) in line for line in lines)
    amended = next(line for line in lines if "Peraturan Presiden Nomor 69 Tahun 2008" in line)
    assert "sebagaimana telah diubah dengan Peraturan Presiden Nomor 49 Tahun 2023" in amended
    # The annex: the membership table with as many rows as the YAML, the duties of each sub-task-force.
    members = next(t for t in doc.tables if t.rows[0].cells[0].text == "No.")
    assert [c.text for c in members.rows[0].cells] == ["No.", "Kedudukan dalam Gugus Tugas", "Instansi", "Jabatan"]
    leads = {s.lead for s in g.subtaskforces}
    assert len(members.rows) == 1 + len(g.subtaskforces) + len({m.agency for m in g.membership} - leads)
    roles = [r.cells[1].text for r in members.rows[1:]]
    assert all(r.startswith("Ketua Subgugus Tugas (") for r in roles[:len(g.subtaskforces)])
    assert set(roles[len(g.subtaskforces):]) <= {"Anggota"}
    assert not any(line.startswith("Koordinator") for line in lines)
    for s in g.subtaskforces:
        assert any(s.name.id in line for line in lines)
        assert all(any(duty.id[1:] in line for line in lines) for duty in s.duties)  # as a tabulation, in lower case


def _label_items(lines, label, stop):
    """The items of a labelled list ("Mengingat"), without label and number."""
    start = next(i for i, line in enumerate(lines) if line.startswith(label))
    end = next(i for i, line in enumerate(lines) if i > start and line.startswith(stop))
    return [re.sub(r"^(\w+\t:\t|\t\t)[0-9a-z]+\.\t", "", line) for line in lines[start:end]]


@pytest.mark.parametrize("gid", ["gt-provinsi", "gt-kabupaten-desa"])
def test_decree_cites_the_register_as_lampiran_ii_asks(shipped, gid, tmp_path):
    """Mengingat from regulations.yaml: each instrument with its Lembaran Negara and Tambahan ("Republik
    Indonesia" both times) or Berita Negara, a blank where the number is not recorded, the last amendment;
    ";" after each item, the last too. Then the Tembusan, the earlier decree
    revoked, and the annex's seats (Ketua, Ketua Harian, Sekretaris, Ketua Subgugus Tugas, Anggota)."""
    g = next(g for g in shipped.guidelines if g.id == gid)
    g_docs = documents.for_guideline(shipped, g, "id")
    documents.write_documents(shipped, tmp_path, slides=False)
    doc = open_docx(tmp_path / f"documents/{gid}/sk-pembentukan.id.docx")
    lines = texts(doc)
    items = _label_items(lines, "Mengingat", "MEMUTUSKAN")
    assert len(items) == 2 + len(g.documents.decree.observing)
    assert all(item.endswith(";") for item in items) and not any(item.endswith("; dan") for item in items)
    assert not any(item.endswith(";;") or item.endswith(".;") for item in items)
    words = CATALOGUE["id"]
    for c, item in zip(g.documents.decree.observing, items[2:]):
        reg = shipped.regulations[c.regulation]
        assert item.startswith(legal.name(reg, "id", words) + " ("), item
        if reg.type in ("UU", "PP"):
            assert re.search(r"\(Lembaran Negara Republik Indonesia Tahun \d{4} Nomor (\d+|\[nomor LN\]), "
                             r"Tambahan Lembaran Negara Republik Indonesia Nomor (\d+|\[nomor TLN\])\)", item), item
        elif reg.type == "Permen":
            assert re.search(r"\(Berita Negara Republik Indonesia Tahun \d{4} Nomor (\d+|\[nomor BN\])\)", item)
        if len(reg.amended_by) > 1:
            last = shipped.regulations[reg.amended_by[-1]]
            assert f"sebagaimana telah beberapa kali diubah terakhir dengan {legal.name(last, 'id', words)} (" in item
        elif reg.amended_by:
            assert "sebagaimana telah diubah dengan " in item and "beberapa kali" not in item
    uu21 = next(item for item in items if item.startswith("Undang-Undang Nomor 21 Tahun 2007"))
    assert ("(Lembaran Negara Republik Indonesia Tahun 2007 Nomor 58, Tambahan Lembaran Negara Republik Indonesia "
            "Nomor 4720)") in uu21
    perpres = next(item for item in items if item.startswith("Peraturan Presiden Nomor 69 Tahun 2008"))
    assert "(Lembaran Negara Republik Indonesia Tahun 2008 Nomor [nomor LN])" in perpres  # not recorded: a blank
    assert "[nomor LN]" in highlighted(doc)
    # Tembusan under the signature, before the annex, punctuated like any list.
    copies = _label_items(lines, "Tembusan:", "LAMPIRAN")[1:]
    level = g.documents.decree.level
    assert [re.sub(r"^\d+\. ", "", c).rstrip(";.").removesuffix("; dan") for c in copies] == \
        words[f"doc_copies_{level}"].split("|")
    assert copies[-1].endswith(".") and copies[-2].endswith("; dan")
    revoking = next(line for line in lines if "dicabut dan dinyatakan tidak berlaku" in line)
    assert ("Nomor [nomor] Tahun [tahun] tentang" in revoking
            and lines.index(revoking) < next(i for i, line in enumerate(lines) if "mulai berlaku pada tanggal" in line))
    members = next(t for t in doc.tables if t.rows[0].cells[1].text == "Kedudukan dalam Gugus Tugas")
    roles = [r.cells[1].text for r in members.rows[1:]]
    assert roles[:3] == ["Ketua", "Ketua Harian", "Sekretaris"]
    assert sum(r.startswith("Ketua Subgugus Tugas (") for r in roles) == len(g.subtaskforces)
    assert roles.count("Anggota") >= 5 and not any("subgugus" in r and not r.startswith("Ketua Subgugus Tugas")
                                                   for r in roles)
    assert members.rows[1].cells[3].text == words[f"doc_office_{level}"]
    if level == "district":  # it reports to the provincial task force every year, as the guideline says
        assert any("kepada Gugus Tugas Provinsi [nama provinsi]" in line and "setiap tahun" in line for line in lines)
    assert g_docs


def test_no_page_of_a_decree_or_agreement_is_empty(shipped, tmp_path):
    """A page break starts the annex without leaving an empty page (LibreOffice's PDF, page by page)."""
    assert SOFFICE
    documents.write_documents(shipped, tmp_path, slides=False)
    flat = tmp_path / "flat"
    flat.mkdir()
    for gid, name in [("gt-provinsi", "sk-pembentukan"), ("gt-kabupaten-desa", "sk-pembentukan"),
                      ("gt-provinsi", "rad"), ("ntt-kepri", "pks"), ("ntb-kaltara", "pks"),
                      ("ntt-kepri", "kesepakatan-bersama")]:
        for lang in ("id", "en"):
            shutil.copy(tmp_path / find(shipped, gid, name, lang).path, flat / f"{gid}--{name}.{lang}.docx")
    run = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *sorted(map(str, flat.iterdir()))],
                         capture_output=True, text=True, timeout=600, env=os.environ | {"HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    for pdf in sorted((tmp_path / "pdf").glob("*.pdf")):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        for page in range(1, pages + 1):
            text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                                  capture_output=True, text=True).stdout
            assert text.strip(), (pdf.name, page)


def test_word_files_follow_the_layout_rules(fixture_kit):
    """Justified text, hanging indents after "a."/"1.", rows and signatures that stay whole, keep-with-next in a
    signature, the page number in the footer, a Lampiran header with NOMOR and TANGGAL in the right half,
    Bookman Old Style with its fallback named in the font table."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm
    doc = open_docx(fixture_kit / "documents/gt-uji/sk-pembentukan.id.docx")
    assert doc.styles["Normal"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert doc.styles["Normal"].font.name == "Bookman Old Style"
    fonts = [p for p in doc.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml"][0].blob.decode()
    assert re.search(r'w:name="Bookman Old Style"><w:altName w:val="TeX Gyre Bonum"/>', fonts)
    numbered = [p for p in doc.paragraphs if re.match(r"^(\w+\t:\t|\t\t)[0-9a-z]+\.\t", p.text)]
    assert len(numbered) > 4
    for p in numbered:
        indent = p.paragraph_format.left_indent  # stored in twips: 4.9 cm to the nearest twentieth of a point
        assert abs(indent - Cm(4.9)) < Cm(0.01) and p.paragraph_format.first_line_indent == -indent
    for table in doc.tables:
        for row in table.rows:
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
    signature = next(t for t in doc.tables if "[nama lengkap]" in t.rows[0].cells[-1].text).rows[0].cells[-1]
    assert all(p.paragraph_format.keep_with_next for p in signature.paragraphs[:-1])
    footer = doc.sections[0].footer.paragraphs[0]
    fields = [f.get(qn("w:instr")).strip() for f in footer._p.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE", "NUMPAGES"] and footer.text.startswith("Halaman ") and " dari " in footer.text
    annex = next(p for p in doc.paragraphs if p.text.startswith("LAMPIRAN"))
    assert "NOMOR [NOMOR] TAHUN [TAHUN]" in annex.text and "TANGGAL [TANGGAL]" in annex.text
    assert annex.paragraph_format.left_indent > Cm(5) and annex.paragraph_format.page_break_before


def test_blanks_are_bracketed_highlighted_and_listed(fixture_corpus, fixture_kit):
    for d in documents.kit(fixture_corpus):
        if d.format != "docx":
            continue
        doc = open_docx(fixture_kit / d.path)
        marked = highlighted(doc)
        assert marked, d.path
        assert all(m.startswith("[") and m.endswith("]") for m in marked), d.path
        assert {m[1:-1].casefold() for m in marked} == {b.casefold() for b in d.blanks}, d.path


def test_language_and_properties_are_set(fixture_corpus, fixture_kit):
    for d in documents.kit(fixture_corpus):
        if d.format == "docx":
            doc = open_docx(fixture_kit / d.path)
            tag = {"id": "id-ID", "en": "en-US"}[d.lang]
            lang = doc.styles["Normal"].element.rPr.find(qn("w:lang"))
            assert lang.get(qn("w:val")) == tag, d.path
            props = doc.core_properties
            assert (props.title, props.language, props.version) == (_property(d.title), tag, d.guideline.version)
            assert props.subject == d.guideline.title.get(d.lang)
            day = datetime.datetime.combine(d.guideline.updated, datetime.time())
            assert props.created.replace(tzinfo=None) == props.modified.replace(tzinfo=None) == day
            first = texts(doc)[0]
            if d.working_translation:
                assert first.startswith("WORKING TRANSLATION"), d.path
            else:  # the original, or a version in its own right (the questionnaire), says no such thing anywhere
                whole = "\n".join(texts(doc))
                assert "TRANSLATION" not in whole and "terjemahan" not in whole.lower(), d.path
        else:
            book = openpyxl.load_workbook(fixture_kit / d.path)
            assert book.properties.title == d.title
            assert book.properties.modified == datetime.datetime.combine(d.guideline.updated, datetime.time())


def test_paper_is_f4_unless_set_to_a4(fixture_corpus, tmp_path):
    d = find(fixture_corpus, "gt-uji", "rad", "id")
    from pedoman.documents.docx import write_docx

    for paper, size in (("f4", (215, 330)), ("a4", (210, 297))):
        path = tmp_path / f"{paper}.docx"
        write_docx(d, path, paper)
        sections = open_docx(path).sections
        mm = lambda length: round(length.mm)  # noqa: E731 (stored in twips)
        assert (mm(sections[0].page_width), mm(sections[0].page_height)) == size
        assert (mm(sections[-1].page_width), mm(sections[-1].page_height)) == size[::-1]  # the wide annex


def test_tables_repeat_their_header_row(fixture_kit):
    doc = open_docx(fixture_kit / "documents/kerja-sama-uji/pks.id.docx")
    data = [t for t in doc.tables if t.style is not None and t.style.name == "Table Grid"]
    assert data
    for table in data:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_agreement_has_its_clauses_and_annexes(fixture_corpus, fixture_kit):
    g = next(g for g in fixture_corpus.guidelines if g.id == "kerja-sama-uji")
    doc = open_docx(fixture_kit / "documents/kerja-sama-uji/pks.id.docx")
    lines = texts(doc)
    assert lines[0] == "PERJANJIAN KERJA SAMA"
    articles = [line for line in lines if re.fullmatch(r"Pasal \d+", line)]
    assert articles == [f"Pasal {i}" for i in range(1, len(articles) + 1)] and len(articles) > len(g.clauses)
    for clause in g.clauses:
        assert clause.text.id in lines
    assert "PIHAK KESATU" in lines and "PIHAK KEDUA" in lines
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert headings[-3:] == [CATALOGUE["id"][k] for k in ("workflow", "tasks", "budget")]
    workflow, tasks, budget = doc.tables[-3:]
    assert (len(workflow.rows), len(tasks.rows), len(budget.rows)) == (
        1 + len(g.workflow), 1 + len(g.tasks), 1 + len(g.budget))


def test_outline_clauses_become_blanks_to_write(shipped):
    d = find(shipped, "kerja-sama-antarwilayah", "pks", "id")
    g = d.guideline
    assert g.documents.agreement.clauses_are_outline
    assert all(any(b.casefold().startswith(c.text.id[:20].casefold()) for b in d.blanks) for c in g.clauses
               if not re.search(r"(?i)jangka waktu|keadaan kahar|perselisihan|tugas dan tanggung jawab|penutup",
                                c.title.id))
    d = find(shipped, "ntt-kepri", "pks", "id")
    assert not any(c.text.id in d.blanks for c in d.guideline.clauses)


def test_form_and_questionnaire_hold_every_field(fixture_corpus, fixture_kit):
    g = next(g for g in fixture_corpus.guidelines if g.id == "layanan-uji")
    form = g.documents.forms[0]
    doc = open_docx(fixture_kit / f"documents/layanan-uji/{form.id}.id.docx")
    assert [len(t.rows) for t in doc.tables] == [1 + len(part.fields) for part in form.parts]
    choice = doc.tables[0].rows[2].cells[1].text
    assert choice == "☐\u00a0Datang langsung\n☐\u00a0Telepon"  # a box tied to its label, one choice a line
    assert any("RAHASIA" in line for line in texts(doc))
    g = next(g for g in fixture_corpus.guidelines if g.id == "usaha-uji")
    doc = open_docx(fixture_kit / find(fixture_corpus, "usaha-uji", "kuesioner-uji-tuntas", "en").path)
    steps, checklist = doc.tables[1], doc.tables[2]
    assert len(steps.rows) == 1 + len(g.due_diligence) and len(checklist.rows) == 1 + len(g.checklist)
    assert checklist.rows[1].cells[1].text == g.checklist[0].en
    assert checklist.rows[1].cells[2].text.split("\n") == ["☐\u00a0Yes", "☐\u00a0Partly", "☐\u00a0No", "☐\u00a0Not applicable"]


def _sheet(path):
    book = openpyxl.load_workbook(path)
    return book, book[book.sheetnames[1]]


def test_spreadsheets_freeze_their_header_and_offer_the_closed_sets(fixture_corpus, fixture_kit):
    g = next(g for g in fixture_corpus.guidelines if g.id == "gt-uji")
    book, ws = _sheet(fixture_kit / "documents/gt-uji/rad-matriks.id.xlsx")
    assert book["lists"].sheet_state == "hidden"
    assert ws.freeze_panes == "A4"  # title, note, header
    header = [c.value for c in ws[3]]
    first = g.updated.year + 1
    assert header == ["No.", "Program", "Kegiatan", "Indikator", "Kondisi awal (baseline)", "Satuan",
                      "Target akhir periode", "Jumlah pagu (Rp)", "Penanggung jawab", "Sumber anggaran",
                      "Sumber dana (pilih)", "Kode program/kegiatan/subkegiatan", "Rekomendasi (R01–R12)",
                      "Status pelaksanaan"]
    assert "050-5889 Tahun 2021" in ws["L3"].comment.text  # where the codes come from; no code is filled in
    assert all(ws.cell(row=r, column=12).value is None for r in range(4, 4 + len(g.action_plan)))
    row = [c.value for c in ws[4]]
    assert row[1] == g.action_plan[0].program.id
    assert ws.column_dimensions["C"].width == 28 and ws["C4"].alignment.wrap_text
    years = book.worksheets[2]  # the yearly targets and ceilings, on a sheet of their own
    assert years.freeze_panes == "A4" and [c.value for c in years[3]] == [
        "No.", "Kegiatan", f"Target {first}", f"Target {first + 1}", f"Pagu {first} (Rp)", f"Pagu {first + 1} (Rp)",
        "Jumlah pagu (Rp)"]
    assert [c.value for c in years[4]][2:4] == ["[target tahunan]", "[target tahunan]"]
    link = f"'{ws.title}'!C4"
    assert years["B4"].value == f'=IF({link}="","",{link})'  # the activity as the matrix names it
    assert ws["H4"].value == f"=IF('{years.title}'!G4=\"\",\"\",'{years.title}'!G4)"  # its total ceiling
    lists = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv for dv in ws.data_validations.dataValidation
             if dv.type == "list"}
    assert set(lists) == {"B", "I", "K", "M", "N"}
    assert {dv.errorStyle for dv in lists.values()} == {"warning"}
    values = {col: [row[0].value for row in book["lists"][dv.formula1.split("!")[1].replace("$", "")]]
              for col, dv in lists.items()}
    assert values["N"] == CATALOGUE["id"]["doc_status_values"].split(",")
    assert values["M"] == [r.id for r in fixture_corpus.recommendations]
    register = [a.label("id") for a in fixture_corpus.agencies.values() if a.active]
    assert set(register) <= set(values["I"]) and len(values["I"]) > len({r.agency for r in g.action_plan})
    g = next(g for g in fixture_corpus.guidelines if g.id == "kerja-sama-uji")
    book, ws = _sheet(fixture_kit / find(fixture_corpus, "kerja-sama-uji", "pks-anggaran", "en", "xlsx").path)
    assert ws["A2"].value.startswith("WORKING TRANSLATION") and ws.freeze_panes == "A4"
    kinds = {dv.type for dv in ws.data_validations.dataValidation}
    assert kinds == {"list", "whole"}


@pytest.mark.parametrize("name", ["gt-uji/rad-matriks", "kerja-sama-uji/pks-anggaran"])
def test_workbooks_calculate_and_print(fixture_corpus, fixture_kit, name):
    """Totals are formulas the writer declares; amounts are rupiah on every row, the empty ones too; the page
    is landscape, one page wide, with the header row repeated, a footer with the page number, borders,
    rows tall enough for their wrapped text and a signature under the table; both languages share one layout."""
    gid = name.split("/")[0]
    g = next(g for g in fixture_corpus.guidelines if g.id == gid)
    rows = len(g.action_plan) if "rad" in name else len(g.budget)
    layouts = {}
    for lang in ("id", "en"):
        book, ws = _sheet(fixture_kit / find(fixture_corpus, gid, name.split("/")[1], lang, "xlsx").path)
        summaries = ws
        if "rad" in name:  # the amounts are typed in on the sheet of the years; the matrix sums their totals
            ws = book.worksheets[2]
            matrix_total = [c.value for c in summaries[3]].index(ws.cell(row=3, column=ws.max_column).value) + 1
            for r in (4, 3 + rows + 10):
                cell = summaries.cell(row=r, column=matrix_total)
                assert cell.value.startswith("=IF(") and cell.number_format == '"Rp" #,##0'
        header = [c.value for c in ws[3]]
        total_col = header.index("Jumlah pagu (Rp)" if "rad" in name and lang == "id" else
                                 "Total ceiling (Rp)" if "rad" in name else
                                 CATALOGUE[lang]["doc_amount"]) + 1
        last = 3 + rows + 10  # ten empty rows for additions
        letter = openpyxl.utils.get_column_letter(total_col)
        for r in (4, 4 + rows, last):
            cell = ws.cell(row=r, column=total_col)
            assert cell.data_type == "f" and cell.value.startswith("=SUM("), (r, cell.value)
            assert cell.number_format == '"Rp" #,##0'
            assert ws.cell(row=r, column=total_col - 1).number_format == '"Rp" #,##0'  # an amount typed in
        total = ws.cell(row=last + 1, column=total_col)
        assert total.data_type == "f" and total.value == f"=SUM({letter}4:{letter}{last})"
        assert ws.cell(row=last + 1, column=2).value == CATALOGUE[lang]["doc_total"]
        sums = [c for row in summaries.iter_rows(min_row=last + 2) for c in row if c.data_type == "f"]
        assert sums and all(c.value.startswith("=SUMPRODUCT(") and c.number_format == '"Rp" #,##0' for c in sums)
        whole = [dv for dv in ws.data_validations.dataValidation if dv.type == "whole"]
        assert len(whole) == 1 and whole[0].errorStyle == "warning"
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.paperSize == (8 if "rad" in name else 14)  # A3 for the wide matrix; else Folio (F4)
        assert ws.print_title_rows == "$3:$3"
        assert ws.oddFooter.center.text == CATALOGUE[lang]["doc_page_of"] and "&P" in ws.oddFooter.center.text
        assert ws["C4"].border.left.style == "thin" and ws.cell(row=last, column=3).border.bottom.style == "thin"
        assert ws.row_dimensions[4].height >= 15 * (len(str(ws["C4"].value)) // ws.column_dimensions["C"].width)
        signature = [c.value for row in ws.iter_rows(min_row=last + 2) for c in row if c.value and "[" in str(c.value)]
        assert signature, "a signature block under the table"
        layouts[lang] = ([c.coordinate for row in ws.iter_rows() for c in row if c.value is not None],
                         [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"])
    assert layouts["id"][1] == layouts["en"][1]  # the same formulas in the same cells
    assert ws.oddHeader.center.text.startswith("WORKING TRANSLATION")


def test_libreoffice_recalculates_the_totals(fixture_kit, tmp_path):
    """Amounts typed into a copy add up, per row, per party, per year and per source of funds, when
    LibreOffice recalculates the workbook."""
    assert SOFFICE
    book, ws = _sheet(fixture_kit / "documents/kerja-sama-uji/pks-anggaran.id.xlsx")
    header = [c.value for c in ws[3]]
    parties = [i + 1 for i, h in enumerate(header) if h.startswith("Bagian ")]
    total_col, year_col, fund_col = (header.index(h) + 1 for h in ("Jumlah (Rp)", "Tahun anggaran",
                                                                   "Sumber dana (pilih)"))
    typed = {(4, parties[0]): 1_250_000, (4, parties[-1]): 750_000, (5, parties[0]): 300_000}
    for (r, c), value in typed.items():
        ws.cell(row=r, column=c, value=value)
    ws.cell(row=4, column=year_col, value=2027)
    ws.cell(row=4, column=fund_col, value="APBN")
    book.save(tmp_path / "filled.xlsx")
    run = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                          "--convert-to", "xlsx", "--outdir", str(tmp_path / "out"), str(tmp_path / "filled.xlsx")],
                         capture_output=True, text=True, timeout=300, env=os.environ | {"HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    ws = openpyxl.load_workbook(tmp_path / "out/filled.xlsx", data_only=True).worksheets[1]
    values = {c.coordinate: c.value for row in ws.iter_rows() for c in row}
    assert ws.cell(row=4, column=total_col).value == 2_000_000
    assert ws.cell(row=5, column=total_col).value == 300_000
    total_row = next(r for r in range(4, ws.max_row + 1) if ws.cell(row=r, column=2).value == "JUMLAH")
    assert ws.cell(row=total_row, column=total_col).value == sum(typed.values())
    assert ws.cell(row=total_row, column=parties[0]).value == 1_550_000
    by_label = {ws.cell(row=r, column=2).value: ws.cell(row=r, column=3).value for r in range(total_row + 1, ws.max_row + 1)}
    assert by_label[2027] == 2_000_000 and by_label["APBN"] == 2_000_000, by_label
    assert values  # read back whole


def test_same_input_gives_the_same_bytes(fixture_corpus, fixture_kit, tmp_path):
    documents.write_documents(fixture_corpus, tmp_path, slides=False)
    for d in documents.kit(fixture_corpus):
        assert (tmp_path / d.path).read_bytes() == (fixture_kit / d.path).read_bytes(), d.path


def test_the_whole_shipped_kit_is_written_and_a_removed_guidelines_files_leave(shipped, tmp_path):
    written = documents.write_documents(shipped, tmp_path, slides=False)
    assert len(written.files) == 84  # how long it takes is the benchmark's to measure, not a test's
    stale = tmp_path / "documents" / "gone" / "old.id.docx"
    stale.parent.mkdir()
    stale.write_bytes(b"old")
    documents.write_documents(shipped, tmp_path, slides=False)
    assert not stale.exists()  # a removed guideline's documents leave with it


@pytest.fixture(scope="module")
def converted(shipped, tmp_path_factory):
    """Every file of the shipped kit as LibreOffice converts it to PDF, and the text of each PDF."""
    assert SOFFICE, "LibreOffice is missing: `make test` installs libreoffice-writer-nogui and libreoffice-calc-nogui"
    root = tmp_path_factory.mktemp("converted")
    documents.write_documents(shipped, root, slides=False)
    profile = root / "profile"
    flat = root / "flat"  # one LibreOffice start for all files: names made unique across guidelines
    flat.mkdir()
    names = {}
    for f in sorted((root / "documents").glob("*/*")):
        names[f"{f.parent.name}--{f.name}"] = f"{f.parent.name}/{f.name}"
        shutil.copy(f, flat / f"{f.parent.name}--{f.name}")
    target = root / "pdf"
    run = subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                          "pdf", "--outdir", str(target), *sorted(map(str, flat.iterdir()))],
                         capture_output=True, text=True, timeout=600, env=os.environ | {"HOME": str(root)})
    assert run.returncode == 0, run.stderr
    out = {}
    for flat_name, name in names.items():
        pdf = target / (Path(flat_name).stem + ".pdf")
        assert pdf.is_file(), (name, run.stdout, run.stderr)
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        out[name] = " ".join(text.split())
    pages = subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(target / "gt-provinsi--sk-pembentukan.id.pdf"),
                            str(root / "sk")], capture_output=True)
    assert pages.returncode == 0 and (root / "sk-1.png").stat().st_size > 5000  # the first page is drawn, not blank
    return out


EXPECTED = {
    "sk-pembentukan.id.docx": ["DENGAN RAHMAT TUHAN YANG MAHA ESA", "Menimbang", "Mengingat", "MEMUTUSKAN:",
                               "KESATU", "Ditetapkan di [tempat]", "LAMPIRAN"],
    "sk-pembentukan.en.docx": ["WORKING TRANSLATION", "Considering", "Observing", "HAS DECIDED:", "FIRST", "Annex"],
    "rad.id.docx": ["PERATURAN", "Pasal 1", "Diundangkan di [tempat]", "Matriks Rencana Aksi Daerah"],
    "rad.en.docx": ["WORKING TRANSLATION", "Article 1", "Promulgated in [place]", "action plan matrix"],
    "rad-matriks.id.xlsx": ["Program", "Penanggung jawab", "Status"],
    "rad-matriks.en.xlsx": ["WORKING TRANSLATION", "Programme", "Responsible agency"],
    "pks.id.docx": ["PERJANJIAN KERJA SAMA", "PIHAK KESATU", "Pasal 1", "LAMPIRAN I", "LAMPIRAN III"],
    "pks.en.docx": ["WORKING TRANSLATION", "COOPERATION AGREEMENT", "FIRST PARTY", "Article 1", "ANNEX III"],
    "kesepakatan-bersama.id.docx": ["KESEPAKATAN BERSAMA", "PIHAK KESATU", "Pasal 1", "Perjanjian Kerja Sama"],
    "kesepakatan-bersama.en.docx": ["WORKING TRANSLATION", "JOINT AGREEMENT", "FIRST PARTY", "Article 1"],
    "pks-anggaran.id.xlsx": ["Pos biaya", "Jumlah (Rp)", "Status dalam APBD"],
    "pks-anggaran.en.xlsx": ["WORKING TRANSLATION", "Cost item", "Amount (Rp)"],
    "rad-pemantauan.id.xlsx": ["Realisasi", "Kendala", "Tindak lanjut"],
    "rad-pemantauan.en.xlsx": ["WORKING TRANSLATION", "Achieved", "Obstacles"],
    "surat-rujukan.id.docx": ["Sifat", "Rahasia", "Kepala UPTD PPA", "Tembusan"],
    "surat-rujukan.en.docx": ["WORKING TRANSLATION", "Confidential", "Head of the UPTD PPA"],
    "kuesioner-uji-tuntas.id.docx": ["KUESIONER UJI TUNTAS", "☐ Ya", "Pertanyaan", "Jawaban", "D. Penilaian"],
    "laporan-gugus-tugas.id.docx": ["LAPORAN", "Ketua Harian Gugus Tugas,", "Tembusan"],
    "laporan-gugus-tugas.en.docx": ["WORKING TRANSLATION", "Daily Chair of the Task Force,"],
    "sk-subgugus-tugas.id.docx": ["MEMUTUSKAN:", "KESATU", "Subgugus Tugas Pencegahan", "LAMPIRAN"],
    "tata-kerja.id.docx": ["KETUA HARIAN GUGUS TUGAS", "A. Rapat", "Jadwal dan batas waktu"],
    "sk-tim-desa.id.docx": ["KEPALA DESA [NAMA DESA]", "Tim Penghubung Desa", "LAMPIRAN"],
    "perdes-migrasi-aman.id.docx": ["PERATURAN DESA", "Dengan Kesepakatan Bersama", "LEMBARAN DESA"],
    "sk-subgugus-tugas.en.docx": ["WORKING TRANSLATION", "FIRST", "Annex"],
    "tata-kerja.en.docx": ["WORKING TRANSLATION", "DAILY CHAIR", "A. Meetings"],
    "sk-tim-desa.en.docx": ["WORKING TRANSLATION", "HEAD OF [VILLAGE NAME] VILLAGE"],
    "perdes-migrasi-aman.en.docx": ["WORKING TRANSLATION", "VILLAGE REGULATION", "Article 1"],
    "pergub-gugus-tugas.id.docx": ["PERATURAN GUBERNUR", "BAB I", "KETENTUAN UMUM", "Diundangkan di [tempat]",
                                   "BERITA DAERAH"],
    "pergub-gugus-tugas.en.docx": ["WORKING TRANSLATION", "CHAPTER I", "Article 1", "Promulgated in [place]"],
    "kepgub-keanggotaan.id.docx": ["KESATU", "Ketua Harian", "LAMPIRAN", "TANGGAL [TANGGAL]"],
    "kepgub-keanggotaan.en.docx": ["WORKING TRANSLATION", "FIRST", "Daily Chair", "ANNEX"],
    "kuesioner-uji-tuntas.en.docx": ["in Indonesian and in English", "DUE-DILIGENCE QUESTIONNAIRE", "☐ Partly",
                                     "D. Scoring"],  # a version to sign, too
}


def test_libreoffice_opens_every_document(shipped, converted):
    """EXPECTED is keyed by the document's name and language, whatever its file is called in that language."""
    names = {f"{d.guideline.id}/{Path(d.path).name}": f"{d.name}.{d.lang}.{d.format}" for d in documents.kit(shipped)}
    assert set(converted) == set(names)
    for name, text in converted.items():
        key = names[name]
        expected = EXPECTED.get(key, ["RAHASIA"] if key.endswith(".id.docx") else ["CONFIDENTIAL"])
        for part in expected:
            assert part in text, (name, part)


def test_libreoffice_shows_the_content_of_the_yaml(shipped, converted):
    g = next(g for g in shipped.guidelines if g.id == "gt-provinsi")
    text = converted["gt-provinsi/sk-pembentukan.id.docx"]
    for s in g.subtaskforces:
        assert " ".join(s.name.id.split()) in text
    g = next(g for g in shipped.guidelines if g.id == "ntt-kepri")
    text = converted["ntt-kepri/pks.id.docx"]
    assert "PEMERINTAH KOTA BATAM" in text and f"Pasal {len(g.clauses)}" in text


def test_pages_link_their_documents_and_list_the_blanks(tmp_path):
    content = tmp_path / "guidelines"
    shutil.copytree(VALID, content)
    build = build_site(tmp_path, content, pedoman={"documents_paper": "a4"})
    assert build.returncode == 0, build.output
    assert "drafting kit: 24 documents (24 written, 0 kept)" in build.output and "(A4 paper)" in build.output
    site = build.site
    corpus = load_corpus(content)
    for lang, prefix in (("id", ""), ("en", "en/")):
        page = site / prefix / "guidelines/formation/gt-uji/index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        box = soup.select_one(".pd-documents-box")
        assert CATALOGUE[lang]["documents_box"] in box.get_text()
        links = [a["href"] for a in box.select("ul.pd-documents > li > a")]
        assert len(links) == 2 * 7  # seven documents, each in both languages
        base = f"{prefix}guidelines/formation/gt-uji/"
        assert all(resolves(site, _join(base, href)) for href in links), links
        listed = box.select_one("details.pd-blanks").get_text()
        assert "[" + CATALOGUE[lang]["doc_blank_name"] + "]" in listed
        kit = BeautifulSoup((site / prefix / "drafting-kit/index.html").read_text(encoding="utf-8"), "html.parser")
        assert len(kit.select("ul.pd-documents > li")) == len([d for d in documents.kit(corpus) if d.lang == lang])
    sections = open_docx(site / "documents/gt-uji/rad.id.docx").sections
    assert round(sections[0].page_height.mm) == 297
    data = json.loads((site / "data/crossref.json").read_text(encoding="utf-8"))
    listed = [u for g in data["guidelines"] for d in g["documents"] for u in d["url"].values()]
    assert len(listed) == 24 and all((site / u).is_file() for u in listed)
    raw = (site / "data/crossref.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "–".encode() not in raw[:3]
    book = openpyxl.load_workbook(site / "data/crossref.xlsx")
    rows = list(book.active.values)
    assert rows[0][0] == "recommendation_id" and book.active.freeze_panes == "A2"
    assert len(rows) == len(raw.decode("utf-8-sig").splitlines())


def _join(base: str, href: str) -> str:
    import posixpath

    return posixpath.normpath(posixpath.join(base, href))


def test_a_wrong_paper_setting_stops_the_build(tmp_path):
    content = tmp_path / "guidelines"
    shutil.copytree(VALID, content)
    build = build_site(tmp_path, content, pedoman={"documents_paper": "letter"})
    assert build.returncode != 0
    assert "extra.pedoman.documents_paper: expected f4 or a4, found 'letter'" in build.output
