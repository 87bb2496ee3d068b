"""The task force's own decisions and the village's documents, read back with python-docx and converted by
LibreOffice: the decree forming the sub-task-forces, the daily chair's decision on working procedures, the
village head's decision on the liaison team, the model Perdes (the form of Permendagri 111/2014), and the
narrative chapters of the RAD regulation's Lampiran. Parts in order, content from the guideline, blanks
highlighted and listed, both languages, lists punctuated ";" / "; dan" / ".", no empty page, no signature
split from its office, page numbers and a Lampiran header with NOMOR and TANGGAL."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document as open_docx

from pedoman import load_corpus
from pedoman.content import legal
from pedoman.documents import kit as documents
from pedoman.documents.decisions import catalogue
from pedoman.presentation.words import CATALOGUE

from conftest import ROOT
from test_documents import SOFFICE, highlighted, texts

NEW = ("sk-subgugus-tugas", "tata-kerja")
VILLAGE = ("sk-tim-desa", "perdes-migrasi-aman")
ITEM = re.compile(r"^(?:\w+\t:\t|\t\t)?([0-9]+|[a-z])\.\t")


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "guidelines")


@pytest.fixture(scope="module")
def site(corpus, tmp_path_factory):
    root = tmp_path_factory.mktemp("decisions")
    documents.write_documents(corpus, root, slides=False)
    return root


def guideline(corpus, gid):
    return next(g for g in corpus.guidelines if g.id == gid)


def doc_of(corpus, gid, name, lang):
    return next(d for d in documents.for_guideline(corpus, guideline(corpus, gid), lang) if d.name == name)


def lines_of(site, d):
    return texts(open_docx(site / d.path))


def at(lines, prefix, start=0):
    return next(i for i, line in enumerate(lines) if i >= start and line.startswith(prefix))


def lists(lines):
    """The runs of consecutive numbered or lettered lines, each a list of items without their number."""
    out, current, expected = [], [], None
    for line in lines:
        found = ITEM.match(line)
        label = found.group(1) if found else None
        first = label in ("1", "a")
        if found and (first or label == expected):
            if first and current:
                out.append(current)
                current = []
            current.append(line[found.end():])
            expected = str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)
        else:
            if current:
                out.append(current)
            current, expected = [], None
    if current:
        out.append(current)
    return out


def test_formation_guidelines_carry_the_decisions_and_the_district_one_the_village_documents(corpus):
    for g in corpus.guidelines:
        if g.kind != "formation" or g.documents is None:
            continue
        for lang in ("id", "en"):
            names = [d.name for d in documents.for_guideline(corpus, g, lang)]
            assert set(NEW) <= set(names), (g.id, lang)
            assert (set(VILLAGE) <= set(names)) == (g.documents.decree.level == "district"), (g.id, lang)
    assert guideline(corpus, "gt-kabupaten-desa").documents.decree.level == "district"


@pytest.mark.parametrize("gid", ["gt-provinsi", "gt-kabupaten-desa"])
def test_the_sub_task_force_decree_forms_each_one_from_the_guideline(corpus, site, gid):
    g = guideline(corpus, gid)
    level = g.documents.decree.level
    W = CATALOGUE["id"]
    d = doc_of(corpus, gid, "sk-subgugus-tugas", "id")
    doc = open_docx(site / d.path)
    lines = texts(doc)
    office = W[f"doc_office_{level}"].upper()
    order = [office, f"KEPUTUSAN {office}", "NOMOR [NOMOR] TAHUN [TAHUN]", "TENTANG", "SUBGUGUS TUGAS PADA GUGUS",
             "DENGAN RAHMAT TUHAN YANG MAHA ESA", f"{office},", "Menimbang", "Mengingat", "MEMUTUSKAN:",
             "Menetapkan", "KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "Ditetapkan di [tempat]",
             "Tembusan:", "LAMPIRAN\n"]
    found = [at(lines, part) for part in order]
    assert found == sorted(found), list(zip(order, found))
    # KESATU lists the guideline's sub-task-forces as a tabulation: ";", "; dan" before the last, "." after it.
    forming = at(lines, "KESATU")
    letters = lines[forming + 1: forming + 1 + len(g.subtaskforces)]
    assert [ITEM.sub("", x).rstrip(";.").removesuffix("; dan").casefold() for x in letters] == \
        [s.name.id.casefold() for s in g.subtaskforces]
    assert letters[-1].endswith(".") and letters[-2].endswith("; dan") and all(x.endswith(";") for x in letters[:-2])
    # Mengingat: the decree's register citations, then the decree forming the task force, a blank to fill in.
    observing = lines[at(lines, "Mengingat"):at(lines, "MEMUTUSKAN")]
    for c in g.documents.decree.observing:
        assert any(legal.name(corpus.regulations[c.regulation], "id", W) in line for line in observing)
    assert "[nomor keputusan pembentukan]" in observing[-1]
    assert all(item.endswith(";") for item in observing)  # Mengingat closes every item with ";"
    # The annex: a part per sub-task-force, its head the lead agency, its duties and its RAD rows.
    annex = at(lines, "LAMPIRAN\n")
    assert "NOMOR [NOMOR] TAHUN [TAHUN]" in lines[annex] and "TANGGAL [TANGGAL]" in lines[annex]
    heads = [at(lines, f"{chr(ord('A') + i)}. Subgugus Tugas", annex) for i in range(len(g.subtaskforces))]
    assert heads == sorted(heads)
    tables = [t for t in doc.tables if t.rows[0].cells[1].text == catalogue()["id"].sub_position]
    assert len(tables) == len(g.subtaskforces)
    for s, table in zip(g.subtaskforces, tables):
        assert table.rows[1].cells[1].text == W.doc_subtaskforce_head
        assert table.rows[1].cells[2].text == corpus.agencies[s.lead].label("id")
        for duty in s.duties:
            assert any(duty.id[1:].rstrip(".") in line for line in lines[annex:]), duty.id
    whole = "\n".join(lines[annex:])
    reintegration = next(r for r in g.action_plan if "reintegrasi" in r.activity.id.lower()) \
        if level == "district" else None
    if reintegration:  # victim services, return and reintegration under the sub-task-force that runs them
        social = at(lines, next(f"{chr(ord('A') + i)}. " for i, s in enumerate(g.subtaskforces)
                                if "reintegrasi" in s.name.id), annex)
        assert reintegration.activity.id.casefold() in "\n".join(lines[social:]).casefold()
    assert "Ditetapkan di" not in whole  # the annex closes with the office and the name only
    assert lines[-2:] == [f"{office},", "[nama lengkap]"]
    assert {m[1:-1].casefold() for m in highlighted(doc)} == {b.casefold() for b in d.blanks}


@pytest.mark.parametrize("gid", ["gt-provinsi", "gt-kabupaten-desa"])
def test_the_daily_chairs_decision_sets_meetings_reporting_secretariat_and_coordination(corpus, site, gid):
    g = guideline(corpus, gid)
    level = g.documents.decree.level
    X = catalogue()["id"]
    d = doc_of(corpus, gid, "tata-kerja", "id")
    doc = open_docx(site / d.path)
    lines = texts(doc)
    assert lines[0].startswith("KETUA HARIAN GUGUS TUGAS PENCEGAHAN DAN PENANGANAN TINDAK PIDANA PERDAGANGAN ORANG")
    assert lines[1].startswith("KEPUTUSAN KETUA HARIAN GUGUS TUGAS")
    annex = at(lines, "LAMPIRAN\n")
    parts = [at(lines, f"{letter}. {title}", annex) for letter, title in
             zip("ABCD", (X.wp_meetings_title, X.wp_lines_title, X.wp_secretariat_title, X.wp_coordination_title))]
    assert parts == sorted(parts)
    # The reporting lines of the guideline's level: the district reports to the province every year, the
    # province to the national task force; the villages report through the sub-district heads.
    reporting = next(t for t in doc.tables if t.rows[0].cells[0].text == "Dari")
    rows = [[c.text for c in r.cells] for r in reporting.rows[1:]]
    last = rows[-1]
    if level == "district":
        assert rows[0][:2] == ["Pemerintah desa dan kelurahan", "Camat"]
        assert last[1] == "Gugus Tugas Provinsi [nama provinsi]" and last[3].startswith("Setiap tahun")
    else:
        assert last[1].startswith("Gugus Tugas Pusat") and last[3].startswith("Setiap tahun")
    assert any(r[3].startswith("Setiap semester") for r in rows) and any(r[3].startswith("Setiap triwulan")
                                                                           for r in rows)
    # Coordination: one row per sub-task-force with its lead and a blank for its data focal point.
    coordination = next(t for t in doc.tables if t.rows[0].cells[1].text == "Subgugus Tugas")
    assert [r.cells[2].text for r in coordination.rows[1:]] == \
        [corpus.agencies[s.lead].label("id") for s in g.subtaskforces]
    secretary = next(seat.agency for seat in g.documents.decree.seats if seat.position == "secretary")
    assert corpus.agencies[secretary].label("id") in lines[parts[2] + 1]
    # Every list of the annex ends as a tabulation; the signature is the daily chair's.
    for items in lists(lines[annex:]):
        if len(items) > 1 and items[0][:1].islower():
            assert items[-1].endswith(".") and items[-2].endswith("; dan"), items
    assert lines[-2].startswith("KETUA HARIAN GUGUS TUGAS") and lines[-1] == "[nama lengkap]"
    assert {m[1:-1].casefold() for m in highlighted(doc)} == {b.casefold() for b in d.blanks}


def test_the_village_heads_decision_forms_the_liaison_team(corpus, site):
    d = doc_of(corpus, "gt-kabupaten-desa", "sk-tim-desa", "id")
    doc = open_docx(site / d.path)
    lines = texts(doc)
    order = ["KEPALA DESA [NAMA DESA]", "[KABUPATEN/KOTA] [NAMA KABUPATEN/KOTA]", "KEPUTUSAN KEPALA DESA [NAMA DESA]",
             "NOMOR [NOMOR] TAHUN [TAHUN]", "TENTANG", "TIM PENGHUBUNG DESA", "DENGAN RAHMAT TUHAN YANG MAHA ESA",
             "KEPALA DESA [NAMA DESA],", "Menimbang", "Mengingat", "MEMUTUSKAN:", "Menetapkan", "KESATU", "KEDUA",
             "Ditetapkan di [tempat]", "Tembusan:", "LAMPIRAN\n"]
    found = [at(lines, part) for part in order]
    assert found == sorted(found), list(zip(order, found))
    observing = "\n".join(lines[found[9]:found[10]])
    assert "Undang-Undang Nomor 6 Tahun 2014 tentang Desa (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 7, " \
           "Tambahan Lembaran Negara Republik Indonesia Nomor 5495)" in observing
    duties = lists(lines[found[13]:found[14]])[0]
    assert len(duties) == len(catalogue()["id"].vt_duties.split("|"))
    assert duties[-1].endswith(".") and duties[-2].endswith("; dan") and all(x.endswith(";") for x in duties[:-2])
    members = next(t for t in doc.tables if t.rows[0].cells[1].text == "Kedudukan dalam Tim")
    assert [r.cells[1].text for r in members.rows[1:3]] == ["Ketua", "Sekretaris"]
    assert "Ditetapkan di" not in "\n".join(lines[found[-1]:])
    assert {m[1:-1].casefold() for m in highlighted(doc)} == {b.casefold() for b in d.blanks}


def test_the_model_perdes_follows_the_form_of_permendagri_111_2014(corpus, site):
    d = doc_of(corpus, "gt-kabupaten-desa", "perdes-migrasi-aman", "id")
    doc = open_docx(site / d.path)
    lines = texts(doc)
    lines = lines[:lines.index("PENJELASAN")]  # the body; its Penjelasan is read in test_village_documents.py
    order = ["KEPALA DESA [NAMA DESA]", "[KABUPATEN/KOTA] [NAMA KABUPATEN/KOTA]", "PERATURAN DESA [NAMA DESA]",
             "NOMOR [NOMOR] TAHUN [TAHUN]", "TENTANG", "PELINDUNGAN WARGA DESA", "DENGAN RAHMAT TUHAN YANG MAHA ESA",
             "KEPALA DESA [NAMA DESA],", "Menimbang", "Mengingat", "Dengan Kesepakatan Bersama",
             "BADAN PERMUSYAWARATAN DESA [NAMA DESA]", "dan", "KEPALA DESA [NAMA DESA]", "MEMUTUSKAN:",
             "Menetapkan\t:\tPERATURAN DESA TENTANG", "BAB I", "KETENTUAN UMUM", "Pasal 1",
             "Peraturan Desa ini mulai berlaku pada tanggal diundangkan.", "Agar setiap orang mengetahuinya",
             "Ditetapkan di [tempat]", "KEPALA DESA [NAMA DESA],", "Diundangkan di [tempat]",
             "SEKRETARIS DESA [NAMA DESA],", "LEMBARAN DESA [NAMA DESA] TAHUN [TAHUN] NOMOR [NOMOR]"]
    found, start = [], 0
    for part in order:
        found.append(at(lines, part, start))
        start = found[-1] + 1
    observing = "\n".join(lines[found[9]:found[10]])
    assert "Keputusan" not in observing  # a regulation rests on regulations, not on a decree
    assert "Undang-Undang Nomor 18 Tahun 2017" in observing and "Undang-Undang Nomor 27 Tahun 2022" in observing
    chapters = [line for line in lines if re.fullmatch(r"BAB [IVX]+", line)]
    assert chapters == [f"BAB {n}" for n in ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")]
    articles = [int(line.split()[1]) for line in lines if re.fullmatch(r"Pasal \d+", line)]
    assert articles == list(range(1, len(articles) + 1)) and len(articles) >= len(chapters)
    closing = lines.index("Peraturan Desa ini mulai berlaku pada tanggal diundangkan.")
    assert lines[closing - 1] == f"Pasal {articles[-1]}"
    whole = "\n".join(lines)
    for must in ("SIP2MI", "persetujuan yang bersangkutan", "agregat", "UPTD PPA", "Camat [nama kecamatan]",
                 "APBDes"):
        assert must in whole, must
    # Ditetapkan on the right, Diundangkan on the left.
    tables = [t.rows[0].cells for t in doc.tables if len(t.rows) == 1 and len(t.columns) == 2]
    assert any("Ditetapkan di" in cells[1].text and not cells[0].text.strip() for cells in tables)
    assert any("Diundangkan di" in cells[0].text and not cells[1].text.strip() for cells in tables)
    for items in lists(lines[found[18]:]):  # the lettered items under an ayat end as a tabulation
        if items[0][:1].islower():
            assert items[-1].endswith(".") and items[-2].endswith("; dan"), items
    assert {m[1:-1].casefold() for m in highlighted(doc)} == {b.casefold() for b in d.blanks}


@pytest.mark.parametrize("gid", ["gt-provinsi", "gt-kabupaten-desa"])
def test_the_rad_lampiran_has_its_narrative_chapters_before_the_matrix(corpus, site, gid):
    g = guideline(corpus, gid)
    X = catalogue()["id"]
    doc = open_docx(site / doc_of(corpus, gid, "rad", "id").path)
    lines = texts(doc)
    annex = at(lines, "LAMPIRAN\n")
    titles = X.rad_chapters.split("|")
    found = []
    for n, title in zip(("I", "II", "III", "IV", "V", "VI"), titles):
        i = at(lines, f"BAB {n}", found[-1] + 1 if found else annex)
        assert lines[i + 1] == title.upper()
        found.append(i)
    matrix = at(lines, CATALOGUE["id"].doc_plan_matrix, found[-1])
    assert annex < found[0] and found[-1] < matrix
    # The background starts from the regulation's own considerations; the strategy names each programme.
    assert any(c.id.removeprefix("bahwa ")[:40].casefold() in line.casefold()
               for c in g.documents.action_plan.considering for line in lines[found[0]:found[1]])
    programs = {r.program.id for r in g.action_plan}
    strategy = "\n".join(lines[found[2]:found[3]])
    assert all(p in strategy for p in programs)
    # Chapter IV: a part per sub-task-force with its duties; services, return and reintegration among them.
    part_iv = "\n".join(lines[found[3]:found[4]])
    for s in g.subtaskforces:
        assert s.name.id.split(" ", 2)[-1].casefold() in part_iv.casefold()
        assert all(duty.id[1:40] in part_iv for duty in s.duties)
    assert "reintegrasi" in part_iv and "pemulangan" in part_iv.casefold()
    # Chapter V: the reporting lines of the guideline's level; every list is a tabulation or ends with ".".
    assert "Setiap semester" in "\n".join(lines[found[4]:found[5]])
    for items in lists(lines[annex:matrix]):
        assert items[-1].endswith("."), items
        if len(items) > 1 and items[0][:1].islower():
            assert items[-2].endswith("; dan"), items
    assert "Ditetapkan di" not in "\n".join(lines[annex:])
    # An item begins in lower case, but an abbreviation keeps its capitals ("SK", never "sK").
    assert not re.search(r"\b[a-z][A-Z]+\b", "\n".join(lines[annex:])), re.findall(r"\b[a-z][A-Z]+\b", "\n".join(lines))


def test_english_versions_are_working_translations_with_the_same_parts(corpus, site):
    for gid, name, must in (("gt-provinsi", "sk-subgugus-tugas", ["FIRST", "Annex", "Head of the sub-task-force"]),
                            ("gt-provinsi", "tata-kerja", ["A. Meetings", "D. Coordination with the Sub-Task-Forces"]),
                            ("gt-kabupaten-desa", "sk-tim-desa", ["HEAD OF [VILLAGE NAME] VILLAGE", "The Team's"]),
                            ("gt-kabupaten-desa", "perdes-migrasi-aman", ["Article 1", "CHAPTER IX",
                                                                          "VILLAGE GAZETTE OF [VILLAGE NAME]"]),
                            ("gt-provinsi", "rad", ["CHAPTER IV", "PROGRAMMES AND ACTIVITIES BY SUB-TASK-FORCE"])):
        en = doc_of(corpus, gid, name, "en")
        lines = lines_of(site, en)
        assert lines[0].startswith("WORKING TRANSLATION"), name
        whole = "\n".join(lines)
        assert all(m in whole for m in must), (name, [m for m in must if m not in whole])
        assert not re.search(r"\b(bahwa|Menimbang|Pasal|Tembusan)\b", whole), name
        ids = lines_of(site, doc_of(corpus, gid, name, "id"))
        count = (lambda ls: sum(bool(re.fullmatch(r"(Pasal|Article) \d+", x)) for x in ls))
        assert count(lines) == count(ids), name


def test_libreoffice_converts_them_with_no_empty_page_and_no_signature_split(corpus, site, tmp_path):
    assert SOFFICE
    flat = tmp_path / "flat"
    flat.mkdir()
    offices = {}
    for gid in ("gt-provinsi", "gt-kabupaten-desa"):
        for name in (*NEW, *VILLAGE, "rad"):
            for lang in ("id", "en"):
                try:
                    d = doc_of(corpus, gid, name, lang)
                except StopIteration:
                    continue
                target = flat / f"{gid}--{Path(d.path).name}"
                shutil.copy(site / d.path, target)
                doc = open_docx(target)
                # each signature's office (the line over the name to sign) and the name
                signed = [t.rows[0].cells for t in doc.tables if len(t.rows) == 1 and len(t.columns) == 2]
                offices[target.stem] = [[p.text for p in cell.paragraphs if p.text.strip()]
                                        for cells in signed for cell in cells if cell.text.strip()]
    run = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *sorted(map(str, flat.iterdir()))],
                         capture_output=True, text=True, timeout=600, env=os.environ | {"HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    assert len(offices) == 16
    for stem, signatures in offices.items():
        pdf = tmp_path / "pdf" / f"{stem}.pdf"
        pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                                  text=True).stdout).group(1))
        texts_ = [" ".join(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
                                          capture_output=True, text=True).stdout.split()) for n in range(1, pages + 1)]
        for n, text in enumerate(texts_, 1):
            assert text.strip(), (stem, n)  # no empty page
            assert re.search(rf"(Halaman|Page) {n} (dari|of) {pages}", text), (stem, n)  # numbered pages
        for lines in signatures:  # the office, the space to sign and the name on one page
            office, name = " ".join(lines[-2].split()), " ".join(lines[-1].split())
            assert any(office in t and name in t.split(office, 1)[1] for t in texts_), (stem, office)
        if ".id" in stem and "perdes" not in stem:  # a Perdes has no Lampiran
            annex = next(t for t in texts_ if "LAMPIRAN" in t)
            assert "NOMOR [NOMOR] TAHUN [TAHUN]" in annex and "TANGGAL [TANGGAL]" in annex, stem


def test_a_changed_duty_changes_the_kept_files_key(corpus):
    """The documents cache keeps a file under a digest of what it says: a sub-task-force's duty edited in the
    guideline changes the key of the decree forming the sub-task-forces and of the RAD regulation's annex."""
    g = guideline(corpus, "gt-provinsi")
    first = g.subtaskforces[0]
    edited = first.model_copy(update={"duties": [first.duties[0].model_copy(update={"id": "Tugas yang diubah"}),
                                                 *first.duties[1:]]})
    changed = g.model_copy(update={"subtaskforces": [edited, *g.subtaskforces[1:]]})
    writers = documents.writers_digest()
    for name in ("sk-subgugus-tugas", "rad"):
        before = next(d for d in documents.for_guideline(corpus, g, "id") if d.name == name)
        after = next(d for d in documents.for_guideline(corpus, changed, "id") if d.name == name)
        assert documents.cache_key(before, "f4", writers) != documents.cache_key(after, "f4", writers), name
        assert "tugas yang diubah" in repr(after.blocks)
