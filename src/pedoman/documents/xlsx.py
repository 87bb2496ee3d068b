"""Lay out a drafting-kit spreadsheet (`documents.Document` with sheets) with openpyxl.

Each sheet has a bold header row that stays in view (frozen panes), column widths, wrapped
text, an autofilter, its "[...]" blanks highlighted until filled in, and a drop-down list (data validation) on every column that takes a
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
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from pedoman.documents.blocks import Document, Sheet, plain
from pedoman.documents.stablezip import stable_zip

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


RUPIAH = '"Rp" #,##0'
PERCENT = "0%"
"""The number format of every amount cell."""

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
LINE = 15
"""Points per line of wrapped text (the default 11-point font)."""
BLANK_FILL = PatternFill("solid", start_color="FFFF00", end_color="FFFF00")
"""A blank's highlight, the yellow the Word documents mark theirs with."""


def _ratio(columns: tuple[int, int], row: int) -> str:
    """The formula dividing one column's cell by another's on `row`, empty while the divisor is empty or 0."""
    top, bottom = (f"{get_column_letter(c + 1)}{row}" for c in columns)
    return f'=IF(N({bottom})=0,"",N({top})/{bottom})'


def _height(texts, widths) -> float:
    """A row's height in points so that its wrapped texts print whole: the most lines any cell needs,
    counting a line per width's worth of characters (a little less: wide letters) and per line break."""
    lines = 1
    for text, width in zip(texts, widths):
        if isinstance(text, str) and text:
            per_line = max(width - 2, 4)
            lines = max(lines, sum(max(1, -(-len(part) // per_line)) for part in text.split("\n")))
    return lines * LINE + 4


def _sheet(book: Workbook, ws, sheet: Sheet, lists, list_column: list[int], others: dict[str, Sheet]) -> None:
    """The sheet's title and note rows, header, rows, empty rows, total row, summaries and signatures."""
    row = 1
    columns = len(sheet.headers)
    last_letter = get_column_letter(columns)
    for text, font in ((sheet.heading, Font(bold=True, size=13)), (sheet.note, Font(bold=True, color="9C0006"))):
        if text:
            cell = _text(ws, row, 1, text)
            cell.font = font
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if font.color is not None:
                cell.fill = PatternFill("solid", fgColor="FFEB9C")
            if columns > 1:
                ws.merge_cells(f"A{row}:{last_letter}{row}")
            ws.row_dimensions[row].height = _height([text], [sum(sheet.widths)])
            row += 1
    head = row
    for col, header in enumerate(sheet.headers, 1):
        cell = _text(ws, head, col, header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.border = BORDER
        if col - 1 in sheet.comments:
            cell.comment = Comment(sheet.comments[col - 1], "pedoman", width=320, height=140)
    ws.row_dimensions[head].height = _height(sheet.headers, sheet.widths)
    first = head + 1
    count = len(sheet.rows) + sheet.empty_rows
    end = first + max(count, 1) - 1
    linked_money = {col for col, (title, other) in sheet.links.items()
                    if other in others[title].amounts or other in others[title].row_totals}
    amounts = set(sheet.amounts) | set(sheet.row_totals) | linked_money
    for i in range(max(count, 1)):
        r = first + i
        values = sheet.rows[i] if i < len(sheet.rows) else ("",) * columns
        for col, value in enumerate(values, 1):
            if col - 1 in sheet.ratios:
                cell = ws.cell(row=r, column=col, value=_ratio(sheet.ratios[col - 1], r))
                cell.number_format = PERCENT
            elif col - 1 in sheet.links:
                title, other = sheet.links[col - 1]
                ref = f"{quote_sheetname(title)}!{get_column_letter(other + 1)}{r}"
                cell = ws.cell(row=r, column=col, value=f'=IF({ref}="","",{ref})')
            elif col - 1 in sheet.row_totals:
                cell = ws.cell(row=r, column=col, value="=SUM(" + ",".join(
                    f"{get_column_letter(c + 1)}{r}" for c in sheet.row_totals[col - 1]) + ")")
            else:
                cell = _text(ws, r, col, int(value) if col == 1 and value.isdecimal() else (value or None))
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = BORDER
            if col - 1 in amounts:
                cell.number_format = RUPIAH
        if i < len(sheet.rows):
            ws.row_dimensions[r].height = _height(values, sheet.widths)
    for col, width in enumerate(sheet.widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(row=first, column=1)
    ws.auto_filter.ref = f"A{head}:{last_letter}{end}"
    for col, values in sheet.choices.items():
        list_column[0] += 1
        letter = get_column_letter(list_column[0])
        for i, value in enumerate(values, 1):
            _text(lists, i, list_column[0], value)
        source = f"{quote_sheetname(LISTS)}!${letter}${1}:${letter}${len(values)}"
        check = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True,
                               errorStyle="warning")
        ws.add_data_validation(check)
        check.add(f"{get_column_letter(col + 1)}{first}:{get_column_letter(col + 1)}{end}")
    if sheet.amounts:
        check = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                               showErrorMessage=True, errorStyle="warning")
        ws.add_data_validation(check)
        for col in sheet.amounts:
            check.add(f"{get_column_letter(col + 1)}{first}:{get_column_letter(col + 1)}{end}")
    row = end + 1
    if sheet.total:
        label = _text(ws, row, 2 if columns > 1 else 1, sheet.total)
        for col in range(1, columns + 1):
            cell = ws.cell(row=row, column=col)
            cell.border, cell.font = BORDER, Font(bold=True)
            if col - 1 in amounts:
                letter = get_column_letter(col)
                cell.value = f"=SUM({letter}{first}:{letter}{end})"
                cell.number_format = RUPIAH
            elif col - 1 in sheet.ratios and set(sheet.ratios[col - 1]) <= amounts:  # rupiah over rupiah
                cell.value = _ratio(sheet.ratios[col - 1], row)
                cell.number_format = PERCENT
        label.font = Font(bold=True)
        row += 1
    for summary in sheet.summaries:
        row += 1
        _text(ws, row, 2, summary.title).font = Font(bold=True)
        row += 1
        key = get_column_letter(summary.key + 1)
        amount = get_column_letter(summary.amount + 1)
        for value in summary.values:
            label = _text(ws, row, 2, value)
            total = ws.cell(row=row, column=3,
                            value=f"=SUMPRODUCT((${key}${first}:${key}${end}=B{row})*(${amount}${first}:${amount}${end}))")
            total.number_format = RUPIAH
            for cell in (label, total):
                cell.border = BORDER
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.row_dimensions[row].height = _height([str(value)], [sheet.widths[1]])
            row += 1
    if sheet.signatures:
        row += 2
        n = len(sheet.signatures)
        for i, signature in enumerate(sheet.signatures):
            col = max(columns - 3, 1) if n == 1 else 2 + i * max((columns - 2) // n, 1)
            lines = [plain(signature.place) + (", " + plain(signature.date) if signature.date else ""),
                     signature.caption, plain(signature.office), "", "", "", plain(signature.name)]
            r = row
            for line in lines:
                if line:
                    cell = _text(ws, r, col, line)
                    cell.alignment = Alignment(horizontal="left", vertical="top")
                    cell.font = Font(bold=line == signature.caption)
                r += 1
    ws.print_title_rows = f"{head}:{head}"


def _highlight_blanks(ws) -> None:
    """Highlight every cell holding a "[...]" blank as long as it holds one: a conditional format, so
    the highlight goes as soon as the blank is filled in, typed in the spreadsheet or on the site's page."""
    ws.conditional_formatting.add(f"A1:{get_column_letter(ws.max_column)}{ws.max_row}",
                                  FormulaRule(formula=['ISNUMBER(FIND("[",A1))'], fill=BLANK_FILL))


PAPER_CODES = {"f4": 14, "a4": 9, "a3": 8}
"""Excel's paper codes: 14 is Folio (8.5 × 13 in, 216 × 330 mm, F4 as printers offer it), 9 is A4, 8 is A3."""


def write_xlsx(d: Document, path: Path, paper: str = "f4") -> None:
    book = Workbook()
    lists = book.active
    lists.title = LISTS
    lists.sheet_state = "hidden"
    list_column = [0]
    for sheet in d.sheets:
        ws = book.create_sheet(sheet.title)
        _sheet(book, ws, sheet, lists, list_column, {s.title: s for s in d.sheets})
        _highlight_blanks(ws)
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = PAPER_CODES[sheet.paper or paper]
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        if sheet.page_header:
            ws.oddHeader.center.text = ws.evenHeader.center.text = sheet.page_header
            ws.oddHeader.center.size = ws.evenHeader.center.size = 9
        if sheet.footer:
            ws.oddFooter.center.text = ws.evenFooter.center.text = sheet.footer
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
    path.write_bytes(stable_zip(buffer.getvalue(), moment.date(), modified=True))


def write_table(path: Path, title: str, headers, rows, widths, day: datetime.date) -> None:
    """One plain table as a workbook (the open data): header row frozen, widths, wrapped text, a filter."""
    book = Workbook()
    ws = book.active
    ws.title = title
    lists = book.create_sheet(LISTS)
    lists.sheet_state = "hidden"
    _sheet(book, ws, Sheet(title, tuple(headers), tuple(tuple(r) for r in rows), tuple(widths)), lists, [0], {})
    book.remove(lists)
    moment = datetime.datetime.combine(day, datetime.time(0, 0))
    book.properties.creator = book.properties.lastModifiedBy = "pedoman"
    book.properties.title = title
    book.properties.created = book.properties.modified = moment
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(stable_zip(buffer.getvalue(), moment.date(), modified=True))
