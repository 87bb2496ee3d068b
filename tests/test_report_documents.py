"""The task force's semester and annual report: the parts the guidelines' reporting sections ask for, the RAD's
activities under the sub-task-force that leads them, cases and victims as numbers only, the daily chair's
signature; read back with python-docx and converted by LibreOffice."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from docx import Document as open_docx

from pedoman import load_corpus
from pedoman.content.privacy import find_personal_data
from pedoman.documents import kit as documents
from pedoman.documents.docx import write_docx

from conftest import ROOT, VALID

SOFFICE = shutil.which("soffice")
FORMATION = ("gt-provinsi", "gt-kabupaten-desa")
IDENTIFYING = re.compile(r"\b(nama|inisial|NIK|alamat|foto|tanggal lahir|name|initials|address|photo|birth)\b", re.I)
PARTS = {"id": ["PENDAHULUAN", "SUBGUGUS", "KORBAN", "ANGGARAN", "HAMBATAN", "TINDAK LANJUT", "PENUTUP"],
         "en": ["INTRODUCTION", "SUB-TASK-FORCE", "VICTIMS", "BUDGET", "OBSTACLES", "FOLLOW-UP", "CLOSING"]}
"""What each part is about, in the order of the guidelines' reporting sections."""


@pytest.fixture(scope="module")
def shipped():
    return load_corpus(ROOT / "guidelines")


@pytest.fixture(scope="module")
def reports(shipped, tmp_path_factory):
    site = tmp_path_factory.mktemp("reports")
    found = {}
    for g in shipped.guidelines:
        for lang in ("id", "en"):
            for d in documents.for_guideline(shipped, g, lang):
                if d.kind == "report":
                    path = site / d.path
                    path.parent.mkdir(parents=True, exist_ok=True)
                    write_docx(d, path, "f4")
                    found[(g.id, lang)] = (d, path)
    return found


def test_every_formation_guideline_with_documents_has_its_report_in_both_languages(shipped, reports):
    assert set(reports) == {(gid, lang) for gid in FORMATION for lang in ("id", "en")}
    fixture = load_corpus(VALID)
    assert {d.guideline.id for d in documents.kit(fixture) if d.kind == "report"} == {"gt-uji"}


def _body(doc) -> list:
    """The body's paragraphs and tables in order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out = []
    for child in doc.element.body.iterchildren():
        if child.tag.endswith("}p"):
            out.append(Paragraph(child, doc))
        elif child.tag.endswith("}tbl"):
            out.append(Table(child, doc))
    return out


@pytest.mark.parametrize("gid", FORMATION)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_report_has_the_parts_in_order_and_each_activity_under_its_lead(reports, gid, lang):
    d, path = reports[(gid, lang)]
    g = d.guideline
    doc = open_docx(path)
    parts = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert len(parts) == len(PARTS[lang])
    assert all(word in part for word, part in zip(PARTS[lang], parts)), parts
    # Part II: a heading per sub-task-force, in the guideline's order, then one for the rest; each RAD
    # activity in the table under the group whose lead agency is responsible for it, once.
    group, placed = None, {}
    names = [s.name.get(lang) for s in g.subtaskforces]
    leads = {s.name.get(lang): s.lead for s in g.subtaskforces}
    headings = []
    for block in _body(doc):
        if hasattr(block, "style") and block.style is not None and block.style.name == "Heading 3":
            group = re.sub(r"^\d+\. ", "", block.text)
            headings.append(group)
        elif hasattr(block, "rows") and group is not None and len(block.columns) == 5:
            for row in block.rows[1:]:
                activity = row.cells[1].text
                if activity:
                    placed.setdefault(activity, []).append(group)
            group = None
    assert headings[:len(names)] == names and len(headings) == len(names) + 1
    for row in g.action_plan:
        (where,) = placed[row.activity.get(lang)]
        assert leads.get(where) == row.agency if row.agency in leads.values() else where == headings[-1]
    assert len(placed) == len({r.activity.get(lang) for r in g.action_plan})


@pytest.mark.parametrize("gid", FORMATION)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_cases_and_victims_are_numbers_only_and_nothing_identifies_a_victim(reports, gid, lang):
    d, path = reports[(gid, lang)]
    doc = open_docx(path)
    body = _body(doc)
    notice = next(i for i, b in enumerate(body) if not hasattr(b, "rows") and b.style.name == "Pedoman Notice"
                  and "27/2022" in b.text)
    cases = next(b for b in body[notice:] if hasattr(b, "rows"))
    headers = [c.text for c in cases.rows[0].cells]
    assert len(headers) >= 6 and not any(IDENTIFYING.search(h) for h in headers), headers
    assert all(not c.text.strip() for r in cases.rows[1:] for c in r.cells[1:])  # counts, written in
    for table in doc.tables[:-1]:  # no row of any table but the signature's asks for a person's identity
        for row in table.rows:
            assert not any(IDENTIFYING.search(c.text) for c in row.cells), [c.text for c in row.cells]
    text = "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    assert find_personal_data(text) == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_report_goes_up_the_line_the_guideline_sets_and_the_daily_chair_signs(reports, lang):
    province = "\n".join(p.text for p in open_docx(reports[("gt-provinsi", lang)][1]).paragraphs)
    district = "\n".join(p.text for p in open_docx(reports[("gt-kabupaten-desa", lang)][1]).paragraphs)
    national, police = {"id": ("Pusat", "Kepolisian"), "en": ("National", "Police")}[lang]
    assert national in province and police in province
    assert national not in district and ("Provinsi" if lang == "id" else "Province") in district
    for gid in FORMATION:
        doc = open_docx(reports[(gid, lang)][1])
        signature = doc.tables[-1].rows[0].cells[-1]
        assert ("Ketua Harian" if lang == "id" else "Daily Chair") in signature.text
        assert all(p.paragraph_format.keep_with_next for p in signature.paragraphs[:-1])


def test_libreoffice_converts_the_reports_with_no_empty_page_and_whole_tables(reports, tmp_path):
    assert SOFFICE
    flat = tmp_path / "flat"
    flat.mkdir()
    for (gid, lang), (_, path) in reports.items():
        shutil.copy(path, flat / f"{gid}.{lang}.docx")
    run = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *sorted(map(str, flat.iterdir()))],
                         capture_output=True, text=True, timeout=600, env=os.environ | {"HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    for (gid, lang), (d, _) in reports.items():
        pdf = tmp_path / "pdf" / f"{gid}.{lang}.pdf"
        count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                                text=True).stdout).group(1))
        pages = [" ".join(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
                                         capture_output=True, text=True).stdout.split()) for n in range(1, count + 1)]
        assert all(pages), (pdf.name, [len(p) for p in pages])
        signer, name = ("Ketua Harian Gugus Tugas,", "[nama lengkap]") if lang == "id" else \
            ("Daily Chair of the Task Force,", "[full name]")
        assert any(signer in p and name in p[p.index(signer):] for p in pages), pdf.name  # the block is whole
        services = {"id": ("Pengaduan dan identifikasi", "Perlindungan LPSK"),
                    "en": ("Complaints and identification", "LPSK protection")}[lang]
        assert any(all(s in p for s in services) for p in pages), pdf.name  # the cases table on one page
