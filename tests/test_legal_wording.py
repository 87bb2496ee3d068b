"""Legal statements of the drafting kit checked against the instruments' own wording (issue 24), read back
from the written .docx files: the model Perdes defines P3MI and SIP2MI as UU 18/2017 does after the Cipta
Kerja amendment (Pasal 1 angka 9: a licence from the Central Government; angka 17: the SIP2MI is given to
a P3MI to place prospective workers; Pasal 59: it names the destination country and cannot be
transferred); the task force's Pergub funds it from the APBD through the regional offices concerned
(Perpres 69/2008 Pasal 30 ayat (3) as amended by Perpres 49/2023); and its Mengingat cites UU 12/2011,
UU 13/2022 and Perpres 49/2023 with the gazette numbers the register records."""

from __future__ import annotations

import copy

import pytest
from docx import Document as open_docx

from pedoman import load_corpus
from pedoman.content.model import Text
from pedoman.documents import kit as documents

from conftest import ROOT
from test_documents import texts


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "guidelines")


@pytest.fixture(scope="module")
def site(corpus, tmp_path_factory):
    root = tmp_path_factory.mktemp("legal-wording")
    documents.write_documents(corpus, root)
    return root


def whole(corpus, site, gid, name, lang):
    g = next(g for g in corpus.guidelines if g.id == gid)
    d = next(d for d in documents.for_guideline(corpus, g, lang) if d.name == name and d.format == "docx")
    return "\n".join(texts(open_docx(site / d.path)))


def test_the_perdes_defines_p3mi_and_sip2mi_as_uu_18_2017_does(corpus, site):
    body = whole(corpus, site, "gt-kabupaten-desa", "perdes-migrasi-aman", "id")
    assert ("P3MI adalah badan usaha berbadan hukum perseroan terbatas yang telah memperoleh izin tertulis dari "
            "Pemerintah Pusat untuk menyelenggarakan pelayanan penempatan PMI") in body
    assert "izin tertulis dari menteri" not in body  # the wording before the Cipta Kerja amendment
    assert "SIP2MI adalah izin yang diberikan kepada P3MI" in body  # Pasal 1 angka 17 as amended
    assert "mencantumkan negara tujuan penempatan dan tidak dapat dialihkan" in body
    english = whole(corpus, site, "gt-kabupaten-desa", "perdes-migrasi-aman", "en")
    assert "written licence from the Central Government" in english
    assert "names the destination country and cannot be transferred" in english


def test_the_pergub_funds_the_task_force_through_the_regional_offices(corpus, site):
    body = whole(corpus, site, "gt-provinsi", "pergub-gugus-tugas", "id")
    assert "APBD melalui Perangkat Daerah terkait;" in body
    assert "the APBD, through the Regional Offices concerned" in whole(corpus, site, "gt-provinsi",
                                                                       "pergub-gugus-tugas", "en")


def test_mengingat_gives_the_gazette_numbers_of_uu_12_2011_and_uu_13_2022(corpus, site):
    body = whole(corpus, site, "gt-provinsi", "pergub-gugus-tugas", "id")
    assert "Tahun 2011 Nomor 82, Tambahan Lembaran Negara Republik Indonesia Nomor 5234" in body
    assert "Tahun 2022 Nomor 143, Tambahan Lembaran Negara Republik Indonesia Nomor 6801" in body
    # Perpres 49/2023, the last amendment of Perpres 69/2008: its own closing gives LN 2023 No. 107
    assert "Peraturan Presiden Nomor 49 Tahun 2023" in body and "Tahun 2023 Nomor 107)" in body


def test_the_numbers_come_from_the_register(corpus, tmp_path):
    """Changing the register's entry changes the Mengingat: the numbers are not typed into the wording."""
    changed = copy.deepcopy(corpus)
    reg = changed.regulations["uu-12-2011"]
    number = "Lembaran Negara Republik Indonesia Tahun 2011 Nomor 999, Tambahan Lembaran Negara Nomor 9999"
    changed.regulations["uu-12-2011"] = reg.model_copy(update={"published": Text(id=number, en=reg.published.en)})
    documents.write_documents(changed, tmp_path)
    body = whole(changed, tmp_path, "gt-provinsi", "pergub-gugus-tugas", "id")
    assert "Tahun 2011 Nomor 999, Tambahan Lembaran Negara Republik Indonesia Nomor 9999" in body
    assert "Nomor 5234" not in body
