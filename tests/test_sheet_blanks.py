"""A drafting-kit workbook highlights each "[...]" blank in yellow as the Word documents do, and only as
long as it is a blank: once filled in (in the spreadsheet, or on the site's page, which rewrites the
texts and nothing else), the cell prints plain. Checked on what LibreOffice prints, pixel by pixel."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from PIL import Image

from pedoman import load_corpus
from pedoman.documents.kit import write_documents

from conftest import VALID

@pytest.fixture(scope="module")
def workbooks(tmp_path_factory):
    assert shutil.which("soffice") and shutil.which("pdftoppm"), \
        "LibreOffice or poppler-utils is missing: `make test` installs libreoffice-calc-nogui and poppler-utils"
    out = tmp_path_factory.mktemp("kit")
    write_documents(load_corpus(VALID), out)
    return sorted((out / "documents").rglob("*.xlsx"))


def _blank_cells(path: Path) -> list[str]:
    return [f"{ws.title}!{c.coordinate}" for ws in load_workbook(path) for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and re.search(r"\[[^\]]+\]", c.value)]


def _yellow_pixels(xlsx: Path, folder: Path) -> int:
    """Pure-yellow pixels on every page LibreOffice prints of `xlsx`."""
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(xlsx)],
                   check=True, capture_output=True, timeout=180)
    pdf = folder / (xlsx.stem + ".pdf")
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(folder / "page")], check=True, timeout=120)
    count = 0
    for page in sorted(folder.glob("page*.png")):
        red, green, blue = (band.tobytes() for band in Image.open(page).convert("RGB").split())
        count += sum(1 for r, g, b in zip(red, green, blue) if r > 240 and g > 240 and b < 60)
    return count


def _filled(xlsx: Path, target: Path) -> None:
    """`xlsx` with each blank's text replaced, the way the site's fill form does (texts only, styles untouched)."""
    with zipfile.ZipFile(xlsx) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if re.match(r"xl/(sharedStrings|worksheets/[^/]+)\.xml$", item.filename):
                data = re.sub(rb"\[[^\]<]+\]", b"Kupang", data)
            out.writestr(item, data)


def test_every_workbook_highlights_every_cell_that_holds_a_blank(workbooks):
    assert workbooks
    for path in workbooks:
        blanks = _blank_cells(path)
        book = load_workbook(path)
        for ws in book.worksheets:
            if ws.sheet_state == "hidden":
                continue
            rules = [(str(area.sqref), rule.formula) for area in ws.conditional_formatting for rule in area.rules]
            assert rules == [(f"A1:{get_column_letter(ws.max_column)}{ws.max_row}", ['ISNUMBER(FIND("[",A1))'])], \
                (path.name, ws.title)
        assert blanks or "[" not in "".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row)


def test_the_highlight_prints_while_a_blank_is_left_and_goes_once_it_is_filled(workbooks, tmp_path):
    matrix = next(p for p in workbooks if p.name == "rad-matriks.id.xlsx")
    assert _blank_cells(matrix)
    (tmp_path / "blank").mkdir()
    assert _yellow_pixels(matrix, tmp_path / "blank") > 50
    filled = tmp_path / "rad-matriks.id.xlsx"
    _filled(matrix, filled)
    assert not _blank_cells(filled)
    (tmp_path / "filled").mkdir()
    assert _yellow_pixels(filled, tmp_path / "filled") == 0
