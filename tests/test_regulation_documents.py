"""The regional regulation adopting the RAD (Pergub / Perbup), read back with python-docx: Ketentuan Umum,
"Peraturan Gubernur ini" throughout, the entry into force apart from "Agar setiap orang mengetahuinya",
the pengundangan block on the left, the enacted title without the region's name, and Mengingat with
UU 12/2011 as last amended and the national action plan."""

from __future__ import annotations

import re

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn

from pedoman import load_corpus
from pedoman.documents import kit as documents

from conftest import ROOT
from test_documents import texts

LEVELS = {"gt-provinsi": ("Peraturan Gubernur", "Gubernur"),
          "gt-kabupaten-desa": ("Peraturan [Bupati/Wali Kota]", "[Bupati/Wali Kota]")}


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    site = tmp_path_factory.mktemp("regulations")
    documents.write_documents(load_corpus(ROOT / "guidelines"), site, slides=False)
    return site


def body(lines: list[str]) -> list[str]:
    """The lines from the enacted title to the annex."""
    start = next(i for i, line in enumerate(lines) if line.startswith("Menetapkan"))
    end = next(i for i, line in enumerate(lines) if line.startswith("LAMPIRAN\n"))
    return lines[start:end]


@pytest.mark.parametrize("gid", list(LEVELS))
def test_the_regulation_is_drafted_as_lampiran_ii_asks(written, gid):
    short, head = LEVELS[gid]
    doc = open_docx(written / f"documents/{gid}/rad.id.docx")
    lines = texts(doc)
    part = body(lines)
    assert part[0] == f"Menetapkan\t:\t{short.upper()} TENTANG RENCANA AKSI DAERAH PENCEGAHAN DAN PENANGANAN TINDAK " \
                      "PIDANA PERDAGANGAN ORANG TAHUN [TAHUN AWAL]–[TAHUN AKHIR]."
    assert part[1:4] == ["Pasal 1", "Ketentuan Umum", f"Dalam {short} ini yang dimaksud dengan:"]
    definitions = [line for line in part[4:12] if re.match(r"\d+\.\t", line)]
    assert [d.split("\t")[1].split(" adalah")[0].split(",")[0] for d in definitions][:4] == [
        "Daerah", "Pemerintah Daerah", head,
        "Gugus Tugas Pencegahan dan Penanganan Tindak Pidana Perdagangan Orang " +
        ("Provinsi [nama provinsi]" if head == "Gubernur" else "[Kabupaten/Kota] [nama kabupaten/kota]")]
    assert any("yang selanjutnya disebut RAD" in d for d in definitions)
    whole = "\n".join(part)
    assert not re.search(r"\bPeraturan ini\b", whole)
    assert f"{short} ini mulai berlaku pada tanggal diundangkan." in part
    promulgation = next(i for i, line in enumerate(part) if line.startswith("Agar setiap orang mengetahuinya"))
    last_article = max(i for i, line in enumerate(part) if re.fullmatch(r"Pasal \d+", line))
    assert part[promulgation - 1] == f"{short} ini mulai berlaku pada tanggal diundangkan."
    assert part[promulgation - 2] == part[last_article]  # the article holds one sentence; the order follows it
    # Ditetapkan on the right, Diundangkan on the left.
    tables = [(i, t.rows[0].cells) for i, t in enumerate(doc.tables) if len(t.rows) == 1 and len(t.columns) == 2]
    enacted = next((i, cells) for i, cells in tables if "Ditetapkan di" in cells[1].text)
    promulgated = next((i, cells) for i, cells in tables if "Diundangkan di" in cells[0].text)
    assert not enacted[1][0].text.strip() and not promulgated[1][1].text.strip()
    assert enacted[0] < promulgated[0]


@pytest.mark.parametrize("gid", list(LEVELS))
def test_mengingat_cites_the_law_making_act_and_the_national_plan(written, gid):
    lines = texts(open_docx(written / f"documents/{gid}/rad.id.docx"))
    start = next(i for i, line in enumerate(lines) if line.startswith("Mengingat"))
    end = next(i for i, line in enumerate(lines) if line == "MEMUTUSKAN:")
    items = lines[start:end]
    law = next(line for line in items if "Undang-Undang Nomor 12 Tahun 2011" in line)
    assert "sebagaimana telah beberapa kali diubah terakhir dengan Undang-Undang Nomor 13 Tahun 2022" in law
    uu = [int(re.search(r"Undang-Undang Nomor \d+ Tahun (\d{4})", line).group(1)) for line in items
          if re.search(r"\d\.\tUndang-Undang Nomor", line)]
    assert uu == sorted(uu)  # by year within a rank
    ran = next(i for i, line in enumerate(items) if "rencana aksi nasional" in line)
    perpres = [i for i, line in enumerate(items) if "\tPeraturan Presiden" in line]
    assert perpres and ran == max(perpres) + 1
    assert items[-1].endswith(");") and all(item.endswith(";") for item in items)


def test_the_english_regulation_says_this_regulation_by_its_kind(written):
    lines = texts(open_docx(written / "documents/gt-provinsi/regulation-on-the-regional-action-plan.en.docx"))
    whole = "\n".join(lines)
    assert "This Governor's Regulation comes into force on the date of its promulgation." in lines
    assert not re.search(r"\b[Tt]his Regulation\b", whole)
    assert any(line.startswith("So that everyone may know of it") for line in lines)
