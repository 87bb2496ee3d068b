"""The RAD matrix prints readably and its two sheets calculate together.

On F4 its 24 columns printed at about 36%; the yearly targets and ceilings now have a sheet of their
own and both sheets go on A3 landscape. Converted by LibreOffice, each sheet's whole width is on a page
at 70% or more of full size. The scale is measured, not read from a setting: the same word's height
in the fitted PDF against a copy printed at 100%."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import openpyxl
import pytest

from pedoman import load_corpus
from pedoman.documents import kit as documents
from pedoman.documents.xlsx import write_xlsx

from conftest import ROOT

SOFFICE = shutil.which("soffice")
A3_LANDSCAPE = (1190.55, 841.89)
"""A3 (420 × 297 mm) in PostScript points, landscape."""


def _convert(files, out, tmp_path, to="pdf"):
    run = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                          "--convert-to", to, "--outdir", str(out), *map(str, files)],
                         capture_output=True, text=True, timeout=600, env=os.environ | {"HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr


def _pages(pdf) -> list[str]:
    """Each page's bounding-box HTML (pdftotext -bbox), split at the pages."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
    return html.split("<page ")[1:]


def _height(page: str, word: str) -> float:
    found = [float(m.group(2)) - float(m.group(1)) for m in
             re.finditer(rf'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">{re.escape(word)}</word>', page)]
    assert found, word
    return min(found)


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "guidelines")


def _matrix(corpus, lang):
    g = next(g for g in corpus.guidelines if g.id == "gt-provinsi")
    return g, next(d for d in documents.for_guideline(corpus, g, lang) if d.name == "rad-matriks")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_each_sheet_of_the_rad_matrix_prints_on_a3_at_seventy_percent_or_more(corpus, tmp_path, lang):
    assert SOFFICE
    g, d = _matrix(corpus, lang)
    period = g.documents.action_plan.period
    assert [len(s.headers) for s in d.sheets] == [14, 3 + 2 * period]
    fitted = tmp_path / "fitted.xlsx"
    write_xlsx(d, fitted, "f4")  # the setting says F4; the matrix still goes on A3
    book = openpyxl.load_workbook(fitted)
    for ws in book.worksheets:
        ws.sheet_properties.pageSetUpPr.fitToPage = False
        ws.page_setup.scale = 100
    book.save(tmp_path / "full.xlsx")
    _convert([fitted, tmp_path / "full.xlsx"], tmp_path / "pdf", tmp_path)
    info = subprocess.run(["pdfinfo", str(tmp_path / "pdf/fitted.pdf")], capture_output=True, text=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert (round(width), round(height)) == tuple(round(x) for x in A3_LANDSCAPE), info
    fitted_pages, full_pages = _pages(tmp_path / "pdf/fitted.pdf"), _pages(tmp_path / "pdf/full.pdf")
    for sheet in d.sheets:
        first_word = sheet.headers[1].split()[0]
        last_word = sheet.headers[-1].split()[0]
        # The sheet's whole width on one page: its first, third and last headers (the start of the last
        # one's first word, which a narrow column may break) are on the same page.
        page = next(p for p in fitted_pages if f">{first_word}</word>" in p and f">{last_word[:5]}" in p
                    and f">{sheet.headers[2].split()[0]}</word>" in p)
        full = next(p for p in full_pages if f">{first_word}</word>" in p)
        scale = _height(page, first_word) / _height(full, first_word)
        print(f"{sheet.title} ({lang}) on A3 landscape at {scale:.0%}")
        assert scale >= 0.70, (sheet.title, scale)


def test_libreoffice_carries_the_yearly_ceilings_to_the_matrix(corpus, tmp_path):
    """Ceilings typed on the sheet of the years are summed per activity, carried to the matrix's total
    column, summed in its total row and split per source of funds."""
    assert SOFFICE
    g, d = _matrix(corpus, "id")
    path = tmp_path / "matrix.xlsx"
    write_xlsx(d, path, "f4")
    book = openpyxl.load_workbook(path)
    matrix, years = book.worksheets[1], book.worksheets[2]
    header = [c.value for c in years[3]]
    pagu = [i + 1 for i, h in enumerate(header) if h.startswith("Pagu ")]
    years.cell(row=4, column=pagu[0], value=1_000_000)
    years.cell(row=4, column=pagu[-1], value=250_000)
    years.cell(row=5, column=pagu[1], value=400_000)
    source_col = [c.value for c in matrix[3]].index("Sumber dana (pilih)") + 1
    matrix.cell(row=4, column=source_col, value="APBD provinsi")
    matrix.cell(row=5, column=source_col, value="APBD provinsi")
    book.save(tmp_path / "filled.xlsx")
    _convert([tmp_path / "filled.xlsx"], tmp_path / "out", tmp_path, to="xlsx")
    done = openpyxl.load_workbook(tmp_path / "out/filled.xlsx", data_only=True)
    matrix, years = done.worksheets[1], done.worksheets[2]
    total_col = [c.value for c in matrix[3]].index("Jumlah pagu (Rp)") + 1
    assert years.cell(row=4, column=len(header)).value == 1_250_000
    assert matrix.cell(row=4, column=total_col).value == 1_250_000
    assert matrix.cell(row=5, column=total_col).value == 400_000
    assert years["B4"].value == g.action_plan[0].activity.id  # the activity, from the matrix
    total_row = next(r for r in range(4, matrix.max_row + 1) if matrix.cell(row=r, column=2).value == "JUMLAH")
    assert matrix.cell(row=total_row, column=total_col).value == 1_650_000
    by_label = {matrix.cell(row=r, column=2).value: matrix.cell(row=r, column=3).value
                for r in range(total_row + 1, matrix.max_row + 1)}
    assert by_label["APBD provinsi"] == 1_650_000, by_label
