"""The referral letter the head of the UPTD PPA signs (surat rujukan), read back with python-docx and
converted by LibreOffice: the parts of an official letter in order, no identity of the victim in it,
consent and a confirmation deadline as blanks, both languages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from docx import Document as open_docx

from pedoman import load_corpus
from pedoman.documents import kit as documents

from conftest import ROOT
from test_documents import texts

SOFFICE = shutil.which("soffice")


@pytest.fixture(scope="module")
def letters(tmp_path_factory):
    corpus = load_corpus(ROOT / "guidelines")
    g = next(g for g in corpus.guidelines if g.id == "pendampingan-pemulihan-korban")
    site = tmp_path_factory.mktemp("letters")
    out = {}
    from pedoman.documents.docx import write_docx
    for lang in ("id", "en"):
        d = next(d for d in documents.for_guideline(corpus, g, lang) if d.name == "surat-rujukan")
        path = site / f"surat-rujukan.{lang}.docx"
        write_docx(d, path, "f4")
        out[lang] = (d, path)
    return corpus, out


def test_only_the_guideline_with_a_referral_form_gets_the_letter(letters):
    corpus, _ = letters
    having = {g.id for g in corpus.guidelines
              if any(d.name == "surat-rujukan" for d in documents.for_guideline(corpus, g, "id"))}
    assert having == {"pendampingan-pemulihan-korban"}


def test_the_letter_has_the_parts_of_an_official_letter_in_order(letters):
    _, out = letters
    d, path = out["id"]
    lines = texts(open_docx(path))
    order = ["[kop surat", "[tempat], [tanggal surat]", "Nomor\t:\t[nomor surat]", "Sifat\t:\tRahasia",
             "Lampiran\t:\t", "Hal\t:\tRujukan layanan bagi korban", "Yth. [jabatan penerima]", "Dengan hormat,",
             "Demikian surat rujukan", "Kepala UPTD PPA", "[nama lengkap]\nNIP [nomor induk pegawai]", "Tembusan:",
             "1. Kepala Dinas", "2. Arsip"]
    at = [next(i for i, line in enumerate(lines) if line.startswith(part)) for part in order]
    assert at == sorted(at), list(zip(order, at))
    whole = "\n".join(lines)
    # The victim is named by the case code only; identity and assessment go in the sealed envelope.
    assert "[kode kasus]" in whole and not re.search(r"(?i)nama korban|NIK korban|alamat korban", whole)
    for blank in ("tanggal persetujuan", "jumlah hari konfirmasi", "nama manajer kasus", "jenis layanan yang diminta"):
        assert blank in d.blanks
    assert "persetujuan tertulis korban" in whole and "orang tua atau walinya" in whole


def test_the_english_letter_is_the_same_letter(letters):
    _, out = letters
    (d_id, _), (d_en, path) = out["id"], out["en"]
    lines = texts(open_docx(path))
    assert lines[0].startswith("WORKING TRANSLATION")
    assert "Classification\t:\tConfidential" in lines
    assert len(d_en.blanks) == len(d_id.blanks)


def test_libreoffice_prints_the_letter_on_one_or_two_full_pages(letters, tmp_path):
    assert SOFFICE
    _, out = letters
    files = [out[lang][1] for lang in ("id", "en")]
    run = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, files)],
                         capture_output=True, text=True, timeout=600, env=os.environ | {"HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    for lang in ("id", "en"):
        pdf = tmp_path / f"surat-rujukan.{lang}.pdf"
        pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                                 text=True).stdout).group(1))
        assert 1 <= pages <= 2
        last = subprocess.run(["pdftotext", "-f", str(pages), "-l", str(pages), str(pdf), "-"],
                              capture_output=True, text=True).stdout
        assert last.strip()
        # The signature block is whole on one page: the office and the NIP together.
        signer = "Kepala UPTD PPA" if lang == "id" else "Head of the UPTD PPA"
        page_of_signer = next(p for p in range(1, pages + 1) if signer in subprocess.run(
            ["pdftotext", "-f", str(p), "-l", str(p), str(pdf), "-"], capture_output=True, text=True).stdout)
        page_text = subprocess.run(["pdftotext", "-f", str(page_of_signer), "-l", str(page_of_signer), str(pdf), "-"],
                                   capture_output=True, text=True).stdout
        assert "NIP" in page_text
