"""The provincial task force's own Pergub (structure and tata kerja) and the Kepgub on its membership, read
back with python-docx and converted by LibreOffice: the parts of Lampiran II of UU 12/2011 in order, the
Ketentuan Umum, Mengingat computed from the register (an amendment recorded there changes the line), every
BAB and Pasal numbered in sequence, the structure, sub-task-forces and reporting periods from the guideline,
the pengundangan block on the left, the Kepgub's Lampiran with NOMOR and TANGGAL and every member by office,
both languages, every blank a highlighted blank the fill form lists, and no empty page."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn

from pedoman import load_corpus
from pedoman.content import legal
from pedoman.documents import kit as documents
from pedoman.documents.blocks import Blank
from pedoman.documents.docx import FALLBACK_FONT
from pedoman.documents.regulation import catalogue
from pedoman.documents.wording import titled
from pedoman.presentation.words import CATALOGUE

from conftest import ROOT
from test_documents import SOFFICE, highlighted, texts

NAMES = ("pergub-gugus-tugas", "kepgub-keanggotaan")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "guidelines")


@pytest.fixture(scope="module")
def site(corpus, tmp_path_factory):
    root = tmp_path_factory.mktemp("pergub")
    documents.write_documents(corpus, root)
    return root


def province(corpus):
    return next(g for g in corpus.guidelines if g.id == "gt-provinsi")


def doc_of(corpus, name, lang, g=None):
    return next(d for d in documents.for_guideline(corpus, g or province(corpus), lang) if d.name == name)


def lines_of(site, d):
    return texts(open_docx(site / d.path))


def at(lines, prefix, start=0):
    return next(i for i, line in enumerate(lines) if i >= start and line.startswith(prefix))


def observing(lines):
    return lines[at(lines, "Mengingat"):lines.index("MEMUTUSKAN:")]


def test_only_a_guideline_with_the_entries_carries_them_in_both_languages(corpus):
    for g in corpus.guidelines:
        if g.kind != "formation" or g.documents is None:
            continue
        has = g.documents.regulation is not None
        for lang in ("id", "en"):
            names = [d.name for d in documents.for_guideline(corpus, g, lang)]
            assert (set(NAMES) <= set(names)) == has, (g.id, lang)
    assert province(corpus).documents.regulation is not None and province(corpus).documents.membership is not None
    en = [Path(doc_of(corpus, n, "en").path).name for n in NAMES]
    assert en == ["governors-regulation-on-the-task-force.en.docx",
                  "decree-on-the-membership-of-the-task-force.en.docx"]
    # the site's guideline page and the drafting-kit page list them, with the blanks the fill form asks for
    listed = {e["name"]: e for e in documents.listing(corpus, province(corpus), "id")}
    for name in NAMES:
        assert listed[name]["blanks"] and listed[name]["other"].endswith(".en.docx")
    assert {e["name"] for e in documents.urls_data(corpus)["gt-provinsi"]} >= set(NAMES)


def test_the_pergub_has_the_parts_of_lampiran_ii_in_order(corpus, site):
    W = CATALOGUE["id"]
    R = catalogue()["id"]
    lines = lines_of(site, doc_of(corpus, "pergub-gugus-tugas", "id"))
    title = "GUGUS TUGAS PENCEGAHAN DAN PENANGANAN TINDAK PIDANA PERDAGANGAN ORANG PROVINSI [NAMA PROVINSI]"
    assert lines[:5] == ["GUBERNUR [NAMA PROVINSI]", "PERATURAN GUBERNUR [NAMA PROVINSI]",
                         "NOMOR [NOMOR] TAHUN [TAHUN]", "TENTANG", title]
    order = [at(lines, p) for p in ("DENGAN RAHMAT TUHAN YANG MAHA ESA", "GUBERNUR [NAMA PROVINSI],", "Menimbang",
                                    "Mengingat", "MEMUTUSKAN:", "Menetapkan", "BAB I", "KETENTUAN UMUM", "Pasal 1",
                                    "Agar setiap orang mengetahuinya", "Ditetapkan di", "BERITA DAERAH")]
    assert order == sorted(order)
    assert lines[at(lines, "Menetapkan")] == f"Menetapkan\t:\tPERATURAN GUBERNUR TENTANG {title}."
    # BAB I ... IX in sequence, each followed by its title; every Pasal numbered 1, 2, ... without a gap
    chapters = [i for i, line in enumerate(lines) if re.fullmatch(r"BAB [IVX]+", line)]
    assert [lines[i] for i in chapters] == [f"BAB {n}" for n in ROMAN]
    assert [lines[i + 1] for i in chapters] == [c.upper() for c in R.pg_chapters.split("|")]
    articles = [int(line.split()[1]) for line in lines if re.fullmatch(r"Pasal \d+", line)]
    assert articles == list(range(1, len(articles) + 1)) and len(articles) >= 15
    # the last Pasal brings it into force; "Agar setiap orang ..." follows, outside it
    agar = at(lines, "Agar setiap orang mengetahuinya")
    assert lines[agar - 2] == f"Pasal {articles[-1]}"
    assert lines[agar - 1] == "Peraturan Gubernur ini mulai berlaku pada tanggal diundangkan."
    assert lines[agar].endswith("dalam Berita Daerah Provinsi [nama provinsi].")
    # the revocation of an earlier Pergub is a blank, just before it; the earlier SK stays until the Kepgub
    assert "Peraturan Gubernur [nama provinsi] Nomor [nomor peraturan gubernur yang dicabut]" in lines[agar - 3]
    whole = "\n".join(lines)
    assert "tetap berlaku sampai dengan ditetapkannya Keputusan Gubernur mengenai susunan keanggotaan" in whole
    assert not re.search(r"\bPeraturan ini\b", whole)
    # Ditetapkan on the right, Diundangkan on the left, then the Berita Daerah with its own number
    doc = open_docx(site / doc_of(corpus, "pergub-gugus-tugas", "id").path)
    tables = [(i, t.rows[0].cells) for i, t in enumerate(doc.tables) if len(t.rows) == 1 and len(t.columns) == 2]
    enacted = next((i, c) for i, c in tables if W.doc_issued_at.split(" [")[0] in c[1].text)
    promulgated = next((i, c) for i, c in tables if "Diundangkan di" in c[0].text)
    assert not enacted[1][0].text.strip() and not promulgated[1][1].text.strip() and enacted[0] < promulgated[0]
    assert "SEKRETARIS DAERAH PROVINSI [NAMA PROVINSI]," in promulgated[1][0].text
    assert lines[-1].startswith("BERITA DAERAH PROVINSI [NAMA PROVINSI] TAHUN [TAHUN PENGUNDANGAN] NOMOR "
                                "[NOMOR BERITA DAERAH]")


def test_ketentuan_umum_defines_every_term_the_body_uses(corpus, site):
    lines = lines_of(site, doc_of(corpus, "pergub-gugus-tugas", "id"))
    start = lines.index("Dalam Peraturan Gubernur ini yang dimaksud dengan:")
    defined = []
    for line in lines[start + 1:]:
        found = re.match(r"(\d+)\.\t(.+)", line)
        if not found:
            break
        defined.append(re.split(r",? (?:yang selanjutnya disebut|yang selanjutnya disingkat) |, | adalah ",
                                found.group(2))[0])
        assert int(found.group(1)) == len(defined)
    head = lines[start + 1:start + 1 + len(defined)]
    for term in ("Daerah", "Pemerintah Daerah", "Gubernur", "Perangkat Daerah", "Korban", "Gugus Tugas Pusat",
                 "Gugus Tugas Kabupaten/Kota", "Ketua Harian", "Subgugus Tugas", "Sekretariat"):
        assert term in defined, term
    assert any("yang selanjutnya disebut Gugus Tugas" in d for d in head)
    assert any("yang selanjutnya disingkat RAD" in d for d in head)
    assert any("yang selanjutnya disingkat APBD" in d for d in head)


def test_the_structure_and_tata_kerja_come_from_the_guideline(corpus, site):
    g = province(corpus)
    lines = lines_of(site, doc_of(corpus, "pergub-gugus-tugas", "id"))
    whole = "\n".join(lines)
    seats = {s.position: s for s in g.documents.decree.seats}
    assert f"Ketua sebagaimana dimaksud pada ayat (1) huruf a dijabat oleh {seats['chair'].office.id}." in whole
    assert f"huruf b dijabat oleh {seats['daily-chair'].office.id}." in whole
    secretary = corpus.agencies[seats["secretary"].agency].name.id
    assert f"huruf c dijabat oleh kepala {secretary}." in whole
    assert f"dijalankan secara ex officio oleh {secretary}." in whole
    for s in g.subtaskforces:  # each sub-task-force with the agency that coordinates it
        assert f"{titled(s.name.id, 'id')}, yang dikoordinasikan oleh {corpus.agencies[s.lead].name.id}" in whole
    for m in g.membership[1:]:
        assert corpus.agencies[m.agency].name.id in whole, m.agency
    # the periods the guideline gives: plenary twice a year, quarterly, half-yearly, yearly to the national one
    assert "paling sedikit 2 (dua) kali dalam 1 (satu) tahun" in whole
    assert "kepada Ketua Harian melalui Sekretariat setiap triwulan" in whole
    assert "kepada Gubernur setiap semester" in whole and "kepada Gugus Tugas Pusat setiap tahun" in whole
    assert "Pasal 58" in whole and "Pasal 12" in whole  # Menimbang on the task force's legal basis
    period = g.documents.action_plan.period
    words = catalogue()["id"].pg_numbers.split(",")
    assert f"jangka waktu {period} ({words[period - 1]}) tahun" in whole
    # Perpres 69/2008 Pasal 30 ayat (3) as amended by Perpres 49/2023: the provincial task force is funded from
    # the provincial APBD through the regional offices concerned
    for source in ("APBD melalui Perangkat Daerah terkait;", "anggaran instansi vertikal",
                   "sumber lain yang sah dan tidak mengikat"):
        assert source in whole


def test_mengingat_is_computed_from_the_register(corpus, site):
    W = CATALOGUE["id"]
    regs = corpus.regulations
    for name in NAMES:
        items = observing(lines_of(site, doc_of(corpus, name, "id")))
        assert items[0].startswith("Mengingat\t:\t1.\tPasal 18 ayat (6) Undang-Undang Dasar")
        assert items[1].startswith("\t\t2.\t[undang-undang tentang pembentukan provinsi")
        assert all(line.endswith(";") for line in items)
        cited = ["uu-21-2007", "uu-12-2011", "uu-23-2014", "perpres-69-2008"] if name == NAMES[0] else \
            ["uu-21-2007", "uu-23-2014", "perpres-69-2008"]
        found = []
        for rid in cited:
            reg = regs[rid]
            line = next(line for line in items if f"\t{legal.name(reg, 'id', W)} (" in line)
            found.append(items.index(line))
            if reg.amended_by:
                last = regs[reg.amended_by[-1]]
                word = W.doc_amended_once if len(reg.amended_by) == 1 else W.doc_amended_last
                assert f") {word} {legal.name(last, 'id', W)} (" in line, rid
        assert found == sorted(found)  # by rank, then year
    pergub = observing(lines_of(site, doc_of(corpus, NAMES[0], "id")))
    assert any("Tahun 2007 Nomor 58, Tambahan Lembaran Negara Republik Indonesia Nomor 4720)" in x for x in pergub)
    assert any("terakhir dengan Undang-Undang Nomor 13 Tahun 2022" in x for x in pergub)
    assert any("terakhir dengan Undang-Undang Nomor 6 Tahun 2023" in x for x in pergub)
    assert any("terakhir dengan Peraturan Presiden Nomor 49 Tahun 2023" in x for x in pergub)
    kepgub = observing(lines_of(site, doc_of(corpus, NAMES[1], "id")))
    assert kepgub[-1].startswith("\t\t") and "\tPeraturan Gubernur [nama provinsi] Nomor [nomor peraturan gubernur " \
                                                "tentang gugus tugas] Tahun [tahun peraturan gubernur tentang gugus " \
                                                "tugas] tentang Gugus Tugas" in kepgub[-1]


def test_an_amendment_recorded_in_the_register_changes_the_mengingat_line():
    fresh = load_corpus(ROOT / "guidelines")
    W = CATALOGUE["id"]
    plain = lambda d: ["".join(r if isinstance(r, str) else f"[{r.label}]" for r in item)  # noqa: E731
                       for b in d.blocks if getattr(b, "label", None) == W.doc_observing for item in b.items]
    before = plain(doc_of(fresh, NAMES[0], "id"))
    reg = fresh.regulations["perpres-69-2008"]
    fresh.regulations["perpres-69-2008"] = reg.model_copy(update={"amended_by": ["perpres-22-2021"]})
    after = plain(doc_of(fresh, NAMES[0], "id"))
    line = next(x for x in after if x.startswith("Peraturan Presiden Nomor 69 Tahun 2008"))
    assert "sebagaimana telah diubah dengan Peraturan Presiden Nomor 22 Tahun 2021" in line
    assert "Nomor 49 Tahun 2023" not in line and before != after


def test_the_kepgub_names_every_member_by_office_in_a_numbered_lampiran(corpus, site):
    g = province(corpus)
    W = CATALOGUE["id"]
    d = doc_of(corpus, "kepgub-keanggotaan", "id")
    lines = lines_of(site, d)
    title = "SUSUNAN KEANGGOTAAN GUGUS TUGAS PENCEGAHAN DAN PENANGANAN TINDAK PIDANA PERDAGANGAN ORANG PROVINSI " \
            "[NAMA PROVINSI]"
    assert lines[:5] == ["GUBERNUR [NAMA PROVINSI]", "KEPUTUSAN GUBERNUR [NAMA PROVINSI]",
                         "NOMOR [NOMOR] TAHUN [TAHUN]", "TENTANG", title]
    diktum = [line.split("\t")[0] for line in lines if re.match(r"KE[A-Z ]+\t:\t", line)]
    assert diktum == W.doc_ordinals.split(",")[:len(diktum)] and len(diktum) == 6
    order = [at(lines, p) for p in ("Menimbang", "Mengingat", "MEMUTUSKAN:", "Menetapkan", "KESATU", "KEENAM",
                                    "Ditetapkan di", "Tembusan:", "LAMPIRAN\n")]
    assert order == sorted(order)
    assert "dicabut dan dinyatakan tidak berlaku" in lines[at(lines, "KELIMA")]
    header = lines[at(lines, "LAMPIRAN\n")].split("\n")
    assert header[:4] == ["LAMPIRAN", "KEPUTUSAN GUBERNUR [NAMA PROVINSI]", "NOMOR [NOMOR] TAHUN [TAHUN]",
                          "TANGGAL [TANGGAL]"] and header[4].startswith("TENTANG SUSUNAN KEANGGOTAAN")
    doc = open_docx(site / d.path)
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "No." and len(t.columns) == 4)
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert [r[0] for r in rows] == [str(i) for i in range(1, len(rows) + 1)]
    assert [r[1] for r in rows[:3]] == ["Ketua", "Ketua Harian", "Sekretaris"]
    seats = {s.position: s for s in g.documents.decree.seats}
    assert rows[0][2] == seats["chair"].office.id and rows[1][2] == seats["daily-chair"].office.id
    for s in g.subtaskforces:
        head = next(r for r in rows if r[1] == f"Ketua {titled(s.name.id, 'id')}")
        assert head[3] == corpus.agencies[s.lead].label("id")
    for m in g.membership:  # every office the guideline names has a seat
        assert any(r[3] == corpus.agencies[m.agency].label("id") for r in rows), m.agency
    secretary = corpus.agencies[seats["secretary"].agency].name.id
    assert rows[2][2] == f"Kepala {secretary}"  # as the Pergub's Pasal on the organisation has it
    assert all(r[2].startswith("[jabatan di ") for r in rows[3:])  # by office, a blank per agency
    assert all(r._tr.trPr is not None and r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows)


def test_english_versions_are_working_translations_with_the_same_parts(corpus, site):
    for name, must in ((NAMES[0], ["CHAPTER IX", "GENERAL PROVISIONS", "Article 1", "Promulgated in [place]",
                                   "REGIONAL GAZETTE OF [PROVINCE NAME] PROVINCE"]),
                       (NAMES[1], ["FIRST", "SIXTH", "ANNEX", "DATE [DATE]", "Daily Chair", "Copies to:"])):
        en, ids = (lines_of(site, doc_of(corpus, name, lang)) for lang in ("en", "id"))
        assert en[0].startswith("WORKING TRANSLATION"), name
        whole = "\n".join(en)
        assert all(m in whole for m in must), (name, [m for m in must if m not in whole])
        assert not re.search(r"\b(bahwa|Menimbang|Pasal|Tembusan|BAB|dijabat)\b", whole), name
        for pattern in (r"(Pasal|Article) \d+", r"(BAB|CHAPTER) [IVX]+"):
            count = (lambda ls, p=pattern: sum(bool(re.fullmatch(p, x)) for x in ls))
            assert count(en) == count(ids), (name, pattern)


def test_every_blank_is_a_highlighted_blank_the_fill_form_lists(corpus, site):
    for name in NAMES:
        for lang in ("id", "en"):
            d = doc_of(corpus, name, lang)
            marked = {t.casefold() for t in highlighted(open_docx(site / d.path))}
            assert d.blanks
            for label in d.blanks:
                assert f"[{label}]".casefold() in marked, (name, lang, label)
            # every bracket in the file is one of those blanks: no blank typed as plain text
            plain = "\n".join(lines_of(site, d))
            for found in re.findall(r"\[([^\[\]]+)\]", plain):
                assert found.casefold() in {b.casefold() for b in d.blanks}, (name, lang, found)
            runs = [r for b in d.blocks for r in getattr(b, "text", ()) if isinstance(r, Blank)]
            assert runs
    # the numbers of distinct instruments are distinct blanks, filled apart
    blanks = doc_of(corpus, NAMES[0], "id").blanks
    for label in ("nomor berita daerah", "nomor peraturan gubernur yang dicabut",
                  "nomor keputusan gugus tugas sebelumnya"):
        assert label in [b.casefold() for b in blanks], label


def test_headings_keep_with_their_text_lists_hang_and_the_font_has_its_fallback(corpus, site):
    for name in NAMES:  # Bookman Old Style, with the free font drawn after it named as its alternative
        with zipfile.ZipFile(site / doc_of(corpus, name, "id").path) as z:
            fonts = z.read("word/fontTable.xml").decode()
            assert 'w:name="Bookman Old Style"' in fonts and f'w:altName w:val="{FALLBACK_FONT}"' in fonts, name
            assert "Bookman Old Style" in z.read("word/styles.xml").decode(), name
    doc = open_docx(site / doc_of(corpus, NAMES[0], "id").path)
    for p in doc.paragraphs:
        if re.fullmatch(r"(Pasal \d+|BAB [IVX]+)", p.text):
            assert p.paragraph_format.keep_with_next or p.style.paragraph_format.keep_with_next, p.text
        if re.match(r"^(\t\t)?([0-9]+|[a-z])\.\t|^\(\d+\)\t", p.text):
            assert p.paragraph_format.first_line_indent < 0 < p.paragraph_format.left_indent, p.text


def test_libreoffice_converts_both_with_numbered_pages_and_no_empty_page(corpus, site, tmp_path):
    assert SOFFICE
    flat = tmp_path / "flat"
    flat.mkdir()
    offices = {}
    for name in NAMES:
        for lang in ("id", "en"):
            d = doc_of(corpus, name, lang)
            target = flat / Path(d.path).name
            shutil.copy(site / d.path, target)
            doc = open_docx(target)
            signed = [t.rows[0].cells for t in doc.tables if len(t.rows) == 1 and len(t.columns) == 2]
            offices[target.stem] = [[p.text for p in cell.paragraphs if p.text.strip()]
                                    for cells in signed for cell in cells if cell.text.strip()]
    run = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *sorted(map(str, flat.iterdir()))],
                         capture_output=True, text=True, timeout=600, env=os.environ | {"HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    for stem, signatures in offices.items():
        pdf = tmp_path / "pdf" / f"{stem}.pdf"
        pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                                  text=True).stdout).group(1))
        assert pages >= 3, stem
        page_texts = [" ".join(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
                                              capture_output=True, text=True).stdout.split())
                      for n in range(1, pages + 1)]
        for n, text in enumerate(page_texts, 1):
            assert text.strip(), (stem, n)
            assert re.search(rf"(Halaman|Page) {n} (dari|of) {pages}", text), (stem, n)
        assert signatures, stem
        for lines in signatures:  # the office, the space to sign and the name on one page
            office, name = " ".join(lines[-2].split()), " ".join(lines[-1].split())
            assert any(office in t and name in t.split(office, 1)[1] for t in page_texts), (stem, office)
        if stem.startswith("kepgub"):
            annex = next(t for t in page_texts if "LAMPIRAN" in t)
            assert "NOMOR [NOMOR] TAHUN [TAHUN]" in annex and "TANGGAL [TANGGAL]" in annex


def test_the_model_refuses_a_district_pergub_and_a_kepgub_without_its_pergub(corpus):
    from pydantic import ValidationError

    from pedoman.content.model import FormationDocuments

    data = province(corpus).documents.model_dump(mode="json", exclude_none=True)
    assert FormationDocuments.model_validate(data).regulation is not None
    district = {**data, "decree": {**data["decree"], "level": "district"}}
    with pytest.raises(ValidationError, match="regulation only with a province"):
        FormationDocuments.model_validate(district)
    alone = {k: v for k, v in data.items() if k != "regulation"}
    with pytest.raises(ValidationError, match="membership decree rests on it"):
        FormationDocuments.model_validate(alone)
