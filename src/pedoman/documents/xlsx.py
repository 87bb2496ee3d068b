"""Lay out a drafting-kit spreadsheet (`documents.Document` with sheets) with openpyxl.

Each sheet has a bold header row that stays in view (frozen panes), column widths, wrapped
text, an autofilter, and a drop-down list (data validation) on every column that takes a
closed set; the lists sit on a hidden sheet so that long names fit. A working translation
says so above its table. Written with a fixed creation date (the guideline's `updated`),
so the same input gives the same file.

Every text is written as a string cell, whatever it begins with: a text from the content never becomes a
formula (`starts_like_formula`, the rule data/crossref.csv follows too).
"""

from __future__ import annotations

import datetime
import io
import unicodedata
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from pedoman.documents.blocks import Document, Sheet

LISTS = "lists"
"""The hidden sheet holding the values of the drop-down lists."""

FORMULA_STARTS = ("=", "+", "-", "@")
"""The characters a spreadsheet reads a cell beginning with as a formula (OWASP, CSV Injection)."""


def starts_like_formula(text: str) -> bool:
    """Whether a spreadsheet could read `text` as a formula: OWASP's rule for CSV injection
    (https://owasp.org/www-community/attacks/CSV_Injection) says no cell may begin with
    `=`, `+`, `-`, `@`, tab, carriage return or line feed.

    Stricter than the letter of the rule in two ways, because importers differ: the sign may follow
    leading whitespace (LibreOffice 7.4 opening a CSV with "Trim spaces" reads " =1+1" as a formula),
    and it may be written in a form NFKC folds to one of the four (full-width ＝＋－＠, small ﹦﹢﹣﹫,
    super- and subscript ⁺⁼₊₌), which an importer may fold the way an input method does.

    A lone "-" (a dash for "nothing") is no exception: the content writes no such cell (an English
    text left empty is an empty cell), and in the CSV an apostrophe before it costs nothing, while a
    rule with exceptions would have to show each one harmless. Where the rule holds, data/crossref.csv
    puts OWASP's apostrophe before the text and quotes it (`exports.csv_field`); a workbook writes every
    text as a string cell anyway and only marks these "quote prefix", Excel's own sign for a text typed
    with an apostrophe, so that editing the cell does not turn it into a formula either.
    """
    if text[:1] in ("\t", "\r", "\n"):
        return True
    first = text.lstrip()[:1]
    return unicodedata.normalize("NFKC", first) in FORMULA_STARTS if first else False


def _text(ws, row: int, column: int, value: str | int | None):
    """Put `value` into a cell; a text is always a string cell (openpyxl would make one beginning
    with "=" a formula and "#N/A" an error), marked quote prefix if it starts like a formula."""
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
        if starts_like_formula(value):
            cell.quotePrefix = True
    return cell


def _sheet(book: Workbook, ws, sheet: Sheet, lists, list_column: list[int]) -> None:
    first = 1
    if sheet.note:
        _text(ws, 1, 1, sheet.note).font = Font(bold=True, color="9C0006")
        ws.cell(row=1, column=1).fill = PatternFill("solid", fgColor="FFEB9C")
        first = 2
    for col, header in enumerate(sheet.headers, 1):
        cell = _text(ws, first, col, header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(sheet.rows, first + 1):
        for col, value in enumerate(row, 1):
            cell = _text(ws, r, col, int(value) if col == 1 and value.isdecimal() else (value or None))
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for col, width in enumerate(sheet.widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(row=first + 1, column=1)
    last = first + max(len(sheet.rows), 1)
    ws.auto_filter.ref = f"A{first}:{get_column_letter(len(sheet.headers))}{last}"
    # Room for rows an office adds: the lists and checks reach 200 rows below the header.
    end = first + 200
    for col, values in sheet.choices.items():
        list_column[0] += 1
        letter = get_column_letter(list_column[0])
        for i, value in enumerate(values, 1):
            _text(lists, i, list_column[0], value)
        source = f"{quote_sheetname(LISTS)}!${letter}$1:${letter}${len(values)}"
        check = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True)
        ws.add_data_validation(check)
        check.add(f"{get_column_letter(col + 1)}{first + 1}:{get_column_letter(col + 1)}{end}")
    for col in sheet.whole_numbers:
        check = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                               showErrorMessage=True)
        ws.add_data_validation(check)
        check.add(f"{get_column_letter(col + 1)}{first + 1}:{get_column_letter(col + 1)}{end}")
        for r in range(first + 1, first + 1 + len(sheet.rows)):
            ws.cell(row=r, column=col + 1).number_format = "#,##0"


PAPER_CODES = {"f4": 14, "a4": 9}
"""Excel's paper codes: 14 is Folio (8.5 × 13 in, 216 × 330 mm, F4 as printers offer it), 9 is A4."""


def write_xlsx(d: Document, path: Path, paper: str = "f4") -> None:
    book = Workbook()
    lists = book.active
    lists.title = LISTS
    lists.sheet_state = "hidden"
    list_column = [0]
    for sheet in d.sheets:
        ws = book.create_sheet(sheet.title)
        _sheet(book, ws, sheet, lists, list_column)
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = PAPER_CODES[paper]
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = f"{1 + bool(sheet.note)}:{1 + bool(sheet.note)}"
    book.active = 1
    moment = datetime.datetime.combine(d.guideline.updated, datetime.time(0, 0))
    props = book.properties
    props.title = d.title
    props.subject = d.guideline.title.get(d.lang)
    props.creator = props.lastModifiedBy = "pedoman"
    props.language = {"id": "id-ID", "en": "en-US"}[d.lang]
    props.version = d.guideline.version
    props.keywords = f"{d.guideline.id}; {d.kind}"
    props.created = props.modified = moment
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(_stable(buffer.getvalue(), moment))


def _stable(data: bytes, moment: datetime.datetime) -> bytes:
    """openpyxl stamps docProps/core.xml's modified time with now; put the fixed one back, and fix zip times."""
    source = zipfile.ZipFile(io.BytesIO(data))
    stamp = (moment.year, moment.month, moment.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>" + moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3  # Unix, wherever it is built: the same bytes on every machine
            target.writestr(entry, content)
    return out.getvalue()


def write_table(path: Path, title: str, headers, rows, widths, day: datetime.date) -> None:
    """One plain table as a workbook (the open data): header row frozen, widths, wrapped text, a filter."""
    book = Workbook()
    ws = book.active
    ws.title = title
    lists = book.create_sheet(LISTS)
    lists.sheet_state = "hidden"
    _sheet(book, ws, Sheet(title, tuple(headers), tuple(tuple(r) for r in rows), tuple(widths)), lists, [0])
    book.remove(lists)
    moment = datetime.datetime.combine(day, datetime.time(0, 0))
    book.properties.creator = book.properties.lastModifiedBy = "pedoman"
    book.properties.title = title
    book.properties.created = book.properties.modified = moment
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(_stable(buffer.getvalue(), moment))
