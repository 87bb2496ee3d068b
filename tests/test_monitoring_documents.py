"""The half-yearly RAD monitoring sheet (realisation), read back with openpyxl and recalculated by
LibreOffice: achievement and absorption are formulas on every row, the empty ones too, and in the
total row for the budget; amounts are rupiah; the page is A3 landscape with a signature."""

from __future__ import annotations

import os
import shutil
import subprocess

import openpyxl
import pytest

from pedoman import load_corpus
from pedoman.documents import kit as documents
from pedoman.documents.xlsx import write_xlsx

from conftest import ROOT

SOFFICE = shutil.which("soffice")


@pytest.fixture(scope="module")
def sheets(tmp_path_factory):
    corpus = load_corpus(ROOT / "guidelines")
    out = tmp_path_factory.mktemp("monitor")
    found = {}
    for g in corpus.guidelines:
        for lang in ("id", "en"):
            for d in documents.for_guideline(corpus, g, lang):
                if d.name == "rad-pemantauan":
                    path = out / f"{g.id}.{lang}.xlsx"
                    write_xlsx(d, path, "f4")
                    found[(g.id, lang)] = (g, path)
    return found


def test_every_formation_guideline_with_a_rad_has_its_monitoring_sheet(sheets):
    assert {gid for gid, _ in sheets} == {"gt-provinsi", "gt-kabupaten-desa"}


def test_the_sheet_calculates_achievement_and_absorption(sheets):
    layouts = {}
    for (gid, lang), (g, path) in sheets.items():
        book = openpyxl.load_workbook(path)
        ws = book.worksheets[1]
        header = [c.value for c in ws[3]]
        assert len(header) == 13
        last = 3 + len(g.action_plan) + 10
        for r in (4, last):
            assert ws.cell(row=r, column=8).value == f'=IF(N(F{r})=0,"",N(G{r})/F{r})'
            assert ws.cell(row=r, column=11).value == f'=IF(N(I{r})=0,"",N(J{r})/I{r})'
            assert ws.cell(row=r, column=8).number_format == "0%"
            assert ws.cell(row=r, column=9).number_format == '"Rp" #,##0'
        total = last + 1
        assert ws.cell(row=total, column=9).value == f"=SUM(I4:I{last})"
        assert ws.cell(row=total, column=11).value == f'=IF(N(I{total})=0,"",N(J{total})/I{total})'
        assert ws.cell(row=total, column=8).value is None  # targets in different units are not added up
        assert ws.page_setup.paperSize == 8 and ws.page_setup.orientation == "landscape"
        assert [c.value for row in ws.iter_rows(min_row=total + 1) for c in row if c.value and "[" in str(c.value)]
        layouts.setdefault(gid, {})[lang] = [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
    for gid, by_lang in layouts.items():
        assert by_lang["id"] == by_lang["en"], gid


def test_libreoffice_recalculates_the_monitoring_sheet(sheets, tmp_path):
    assert SOFFICE
    g, path = sheets[("gt-provinsi", "id")]
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[1]
    for col, value in ((6, 4), (7, 3), (9, 2_000_000), (10, 1_500_000)):
        ws.cell(row=4, column=col, value=value)
    ws.cell(row=5, column=9, value=1_000_000)
    book.save(tmp_path / "filled.xlsx")
    run = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                          "--convert-to", "xlsx", "--outdir", str(tmp_path / "out"), str(tmp_path / "filled.xlsx")],
                         capture_output=True, text=True, timeout=300, env=os.environ | {"HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    ws = openpyxl.load_workbook(tmp_path / "out/filled.xlsx", data_only=True).worksheets[1]
    assert ws.cell(row=4, column=8).value == pytest.approx(0.75)
    assert ws.cell(row=4, column=11).value == pytest.approx(0.75)
    assert ws.cell(row=5, column=11).value == pytest.approx(0.0)
    assert ws.cell(row=6, column=11).value in (None, "")  # no ceiling, no absorption
    total = 3 + len(g.action_plan) + 10 + 1
    assert ws.cell(row=total, column=9).value == 3_000_000
    assert ws.cell(row=total, column=11).value == pytest.approx(0.5)
