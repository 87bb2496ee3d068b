"""What a document to fill in is made of: headings, paragraphs, labelled lists, tables, signatures,
sheets, each text as runs with its blanks to fill in ("[nama provinsi]"); and the paper it is on.
The drafting families (`decrees`, `agreements`, `forms`) decide the blocks; `docx` and `xlsx` lay
them out."""


from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

from pedoman.content.model import LANGUAGES

if TYPE_CHECKING:
    from pedoman.content.model import Guideline

FOLDER = "documents"
"""Where the kit lives in the built site: documents/<guideline-id>/<file name>.<lang>.<format>."""

VERSIONS = frozenset({"questionnaire"})
"""Kinds of document whose English file is a version in its own right, not a working translation: the
due-diligence questionnaire is sent as it is to suppliers who do not read Indonesian and answered and signed
in either language. Every other English file is a working translation of the Indonesian one, which alone is
signed (a decree, a regulation, an agreement, a letter, a report) or kept in the case file (a form)."""

PAPER_SIZES = {"f4": (215, 330), "a4": (210, 297)}
"""Paper sizes in millimetres. F4 is the default: Lampiran II of UU 12/2011, angka 284, types
regulations on F4; A4 is the setting `documents_paper: a4`."""

DEFAULT_PAPER = "f4"

_BLANK = re.compile(r"\[([^\[\]]+)\]")


# --- the blocks a document is made of ----------------------------------------


@dataclass(frozen=True)
class Blank:
    """A place to fill in, printed as "[label]" and highlighted."""

    label: str


Run = Union[str, Blank]
Runs = tuple[Run, ...]


def runs(text: str) -> Runs:
    """A text with its "[...]" blanks as `Blank` runs."""
    out: list[Run] = []
    pos = 0
    for match in _BLANK.finditer(text):
        if match.start() > pos:
            out.append(text[pos:match.start()])
        out.append(Blank(match.group(1)))
        pos = match.end()
    if pos < len(text):
        out.append(text[pos:])
    return tuple(out)


def plain(value: Runs) -> str:
    """The runs as the text a reader sees, blanks in brackets."""
    return "".join(r if isinstance(r, str) else f"[{r.label}]" for r in value)


@dataclass(frozen=True)
class Heading:
    text: Runs
    level: int = 1
    """1: the document's title lines; 2: a part (Pasal, annex); 3: a sub-part."""
    centered: bool = True


@dataclass(frozen=True)
class Para:
    text: Runs
    centered: bool = False
    bold: bool = False
    notice: bool = False
    """A boxed notice (the working-translation note, the confidentiality note)."""
    aside: bool = False
    """Set in the right half of the page, left-aligned (the header of a Lampiran)."""
    ragged: bool = False
    """Left-aligned, not justified (an address of broken lines)."""


@dataclass(frozen=True)
class Labelled:
    """A label beside numbered items: "Menimbang : a. ...", or one diktum "KESATU : ..."."""

    label: str
    items: tuple[Runs, ...]
    numbering: str = ""
    """"alpha" (a., b.), "number" (1., 2.), "paren" (the ayat of a Pasal: (1), (2)) or "" (one item, no
    number)."""
    start: int = 1
    """The number (or letter's rank) of the first item, when a list goes on after a paragraph."""
    level: int = 0
    """1: a list inside a numbered item (the letters under an ayat), indented once more."""


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[Runs, ...], ...]
    widths: tuple[float, ...]
    """Relative column widths."""
    landscape: bool = False
    heights: tuple[float, ...] = ()
    """Per row of `rows`, its least height in centimetres (0: as its text needs): room to write in by hand
    (a line, a paragraph, a signature). Rows past the end of this tuple follow their text."""
    bottom: tuple[int, ...] = ()
    """Indexes of `rows` whose last cell sets its text at the foot (a name line under the space to sign)."""
    together: bool = False
    """Kept on one page (each row keeps with the next): a short table read as a whole, a part with signatures."""


@dataclass(frozen=True)
class Signature:
    """Place and date (optional), the signing office, a space to sign and the name."""

    office: Runs
    name: Runs
    place: Runs = ()
    date: Runs = ()
    caption: str = ""
    """Over the office, e.g. PIHAK KESATU."""
    left: bool = False
    """In the left half of the page (the pengundangan block of a regulation), not the right."""


@dataclass(frozen=True)
class Signatures:
    """Several signatures side by side (an agreement)."""

    items: tuple[Signature, ...]


@dataclass(frozen=True)
class PageBreak:
    landscape: bool = False
    """The pages after the break are landscape (a wide annex)."""


Block = Union[Heading, Para, Labelled, Table, Signature, Signatures, PageBreak]


@dataclass(frozen=True)
class Summary:
    """A small table under a sheet's rows: for each value of column `key`, the total of column `amount`
    over the rows holding that value (a formula the writer makes; the values are cells it refers to)."""

    title: str
    key: int
    values: tuple[str | int, ...]
    amount: int


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a title, a note, the header row and the rows, and what the writer makes of
    them: drop-down lists, amounts in rupiah, totals as formulas, the signatures under the table.

    Column indexes count from 0. Every formula the workbook holds comes from this declared structure
    (`row_totals`, `total`, `summaries`), never from a text of the content: a text is always a string."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]
    """Column widths in characters."""
    choices: dict[int, tuple[str | int, ...]] = field(default_factory=dict)
    """Column index → the values it may take (a drop-down list; another value is warned about, not refused)."""
    amounts: tuple[int, ...] = ()
    """Columns that hold whole rupiah, 0 or more: formatted "Rp" #,##0 on every row, the empty ones too."""
    note: str = ""
    """A fixed line above the table, the same row in every language (the working-translation note)."""
    heading: str = ""
    """The sheet's title line, the first row."""
    page_header: str = ""
    """Printed at the top of every page (the English text's working-translation notice)."""
    footer: str = ""
    """Printed at the foot of every page; &P is the page, &N the number of pages."""
    comments: dict[int, str] = field(default_factory=dict)
    """Column index → a comment on its header cell (where its values come from)."""
    empty_rows: int = 0
    """Rows left empty under the content for additions, with the same formats, lists and formulas."""
    row_totals: dict[int, tuple[int, ...]] = field(default_factory=dict)
    """Column index → the amount columns it adds up, row by row."""
    total: str = ""
    """The label of a total row under the rows (empty ones included): every amount column summed."""
    summaries: tuple[Summary, ...] = ()
    signatures: tuple[Signature, ...] = ()
    """Side by side under the table."""
    ratios: dict[int, tuple[int, int]] = field(default_factory=dict)
    """Column index → (numerator column, denominator column): on every row and the total row, the first
    divided by the second as a percentage, empty while the denominator is empty or zero."""
    links: dict[int, tuple[str, int]] = field(default_factory=dict)
    """Column index → (another sheet's title, its column index): on every row, the empty ones too, the cell
    shows that sheet's cell of the same row (a formula; empty while that cell is). The sheets share their
    row layout (title, note, header)."""
    paper: str = ""
    """"a3" for a sheet too wide to read on the document's paper (the RAD matrix): printed on A3 landscape
    whatever the setting; "" follows the setting."""


@dataclass(frozen=True)
class Document:
    """One file of the kit, in one language."""

    guideline: Guideline
    name: str
    """The file name without language and format, e.g. sk-pembentukan."""
    lang: str
    format: str
    """docx or xlsx"""
    kind: str
    """decree, action-plan, action-plan-matrix, agreement, agreement-budget, form, questionnaire"""
    title: str
    purpose: str
    blocks: tuple[Block, ...] = ()
    sheets: tuple[Sheet, ...] = ()
    footer: str = ""
    """At the foot of every page of a Word file; &P is the page, &N the number of pages."""
    file_name: str = ""
    """The file's name in its own language (`filenames`), e.g. decree-forming-the-task-force for the English
    file of sk-pembentukan; empty: `name`."""

    @property
    def path(self) -> str:
        """Relative to the site root: documents/<guideline>/<file name>.<lang>.<format>."""
        return f"{FOLDER}/{self.guideline.id}/{self.file_name or self.name}.{self.lang}.{self.format}"

    @property
    def working_translation(self) -> bool:
        """Whether this file is a working translation of the Indonesian one (not to sign), rather than the
        original or a version in its own right (`VERSIONS`)."""
        return self.lang != LANGUAGES[0] and self.kind not in VERSIONS

    @property
    def blanks(self) -> list[str]:
        """Every blank to fill in, in the order it first appears, each once (case aside)."""
        seen: dict[str, str] = {}

        def add(value: Runs) -> None:
            for r in value:
                if isinstance(r, Blank):
                    key = r.label.casefold()
                    if key not in seen or seen[key].isupper() and not r.label.isupper():
                        seen[key] = r.label  # listed as written in running text, not as in a title

        for block in self.blocks:
            if isinstance(block, (Heading, Para)):
                add(block.text)
            elif isinstance(block, Labelled):
                for item in block.items:
                    add(item)
            elif isinstance(block, Table):
                for row in block.rows:
                    for cell in row:
                        add(cell)
            elif isinstance(block, (Signature, Signatures)):
                for s in block.items if isinstance(block, Signatures) else (block,):
                    for value in (s.place, s.date, s.office, s.name):
                        add(value)
        for sheet in self.sheets:
            for text in (sheet.heading, sheet.note, *sheet.headers, *(c for row in sheet.rows for c in row)):
                add(runs(text))
            for s in sheet.signatures:
                for value in (s.place, s.date, s.office, s.name):
                    add(value)
        return list(seen.values())
