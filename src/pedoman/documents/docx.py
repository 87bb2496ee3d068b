"""Lay out a drafting-kit document (`documents.Document`) as a Word file with python-docx.

Word styles carry the layout, so an editor can restyle a whole document at once: the
title lines use Heading 1, a Pasal or an annex Heading 2, a sub-part Heading 3; labelled
lists ("Menimbang", a diktum) use the paragraph style "Pedoman Label"; tables use "Table
Grid" with the first row repeated on every page. The document's language is set on its
styles (id-ID or en-US) so spell-checking works; blanks are bracketed and highlighted.

The file is the same, byte for byte, for the same input: its core properties carry the
guideline's `updated` date, never the time of the build, and the zip entries a fixed time.
"""

from __future__ import annotations

import datetime
import io
from pathlib import Path

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ALIGN_VERTICAL, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell

from pedoman.documents.blocks import (
    PAPER_SIZES,
    Blank,
    Document,
    Heading,
    Labelled,
    PageBreak,
    Para,
    Runs,
    Signature,
    Signatures,
    Table,
)
from pedoman.documents.stablezip import stable_zip

FONT = "Bookman Old Style"
"""Lampiran II of UU 12/2011, angka 284: Bookman Old Style, size 12 (the same font in every document)."""
FALLBACK_FONT = "TeX Gyre Bonum"
"""Named in the file's font table as Bookman Old Style's alternative (w:altName), with its PANOSE and
family (roman), for a machine without Bookman Old Style: TeX Gyre Bonum (Debian's fonts-texgyre), like URW
Bookman (fonts-urw-base35), is a free font drawn after ITC Bookman."""
FONT_ENTRY = (
    '<w:font xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:name="Bookman Old Style">'
    f'<w:altName w:val="{FALLBACK_FONT}"/><w:panose1 w:val="02050604050505020204"/><w:charset w:val="00"/>'
    '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>')
LIST_INDENT = Cm(4.9)
"""Where a numbered item's text starts, and its following lines (a hanging indent): after the label
(to 3.4 cm), the colon (to 4.2 cm) and "a." or "1."."""
LANGUAGE_TAGS = {"id": "id-ID", "en": "en-US"}
AYAT_INDENT, SUBLIST_INDENT = Cm(1.0), Cm(0.75)
"""Where the text of an ayat starts after "(1)", and how much further a list of letters under it hangs."""
LABEL_STYLE = "Pedoman Label"
NOTICE_STYLE = "Pedoman Notice"


PROPERTY_LIMIT = 255
"""Word's limit for a document property (title, subject); python-docx refuses a longer one."""


def _property(text: str) -> str:
    """A title as a document property: the page and the file name carry it whole."""
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def _set_language(style, tag: str) -> None:
    rpr = style.element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)


def _font(style, size: int = 12, bold: bool | None = None) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.color.rgb = None
    if bold is not None:
        style.font.bold = bold
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        rfonts.attrib.pop(qn(attr), None)


def _styles(doc, lang: str) -> None:
    tag = LANGUAGE_TAGS[lang]
    styles = doc.styles
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Title"):
        _set_language(styles[name], tag)
    _font(styles["Normal"])
    styles["Normal"].paragraph_format.space_after = Pt(4)
    styles["Normal"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name, size in (("Heading 1", 12), ("Heading 2", 12), ("Heading 3", 12)):
        style = styles[name]
        _font(style, size, bold=True)
        style.font.italic = False
        style.paragraph_format.space_before = Pt(6 if name != "Heading 1" else 0)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
    label = styles.add_style(LABEL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    label.base_style = styles["Normal"]
    label.paragraph_format.left_indent = Cm(4.2)
    label.paragraph_format.first_line_indent = Cm(-4.2)
    label.paragraph_format.tab_stops.add_tab_stop(Cm(3.4))
    label.paragraph_format.tab_stops.add_tab_stop(Cm(4.2))
    label.paragraph_format.tab_stops.add_tab_stop(LIST_INDENT)
    notice = styles.add_style(NOTICE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    notice.base_style = styles["Normal"]
    notice.font.bold = True
    ppr = notice.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "4"), ("w:color", "000000")):
            edge.set(qn(key), value)
        borders.append(edge)
    ppr.append(borders)


def _run(paragraph, text: str, bold: bool, highlight: bool = False):
    """A run holding `text` (python-docx's `add_run` walks the text character by character)."""
    r = paragraph._p.add_r()
    if bold or highlight:
        rpr = r.get_or_add_rPr()
        if bold:
            rpr.append(OxmlElement("w:b"))
        if highlight:
            mark = OxmlElement("w:highlight")
            mark.set(qn("w:val"), "yellow")
            rpr.append(mark)
    t = r._add_t()
    t.text = text
    if text != text.strip():
        t.set(qn("xml:space"), "preserve")
    return r


def _runs(paragraph, value: Runs, bold: bool = False) -> None:
    for part in value:
        if isinstance(part, Blank):
            _run(paragraph, f"[{part.label}]", bold, highlight=True)
        else:
            lines = part.split("\n")
            for i, line in enumerate(lines):
                r = _run(paragraph, line, bold)
                if i < len(lines) - 1:
                    r.add_br()


def _page(section, paper: str, landscape: bool) -> None:
    width, height = PAPER_SIZES[paper]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(height), Mm(width)) if landscape else (Mm(width), Mm(height))
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.5)


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _whole(row) -> None:
    """A row that never splits across two pages (w:cantSplit)."""
    trpr = row._tr.get_or_add_trPr()
    keep = OxmlElement("w:cantSplit")
    keep.set(qn("w:val"), "true")
    trpr.insert(0, keep)


def _footer(section, text: str) -> None:
    """`text` centred at the foot of the page, &P and &N as the fields PAGE and NUMPAGES."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, part in enumerate(text.replace("&N", "&P").split("&P")):
        if i:
            field = OxmlElement("w:fldSimple")
            field.set(qn("w:instr"), " PAGE " if i == 1 else " NUMPAGES ")
            r = OxmlElement("w:r")
            t = OxmlElement("w:t")
            t.text = "1"
            r.append(t)
            field.append(r)
            p._p.append(field)
        if part:
            _run(p, part, False)


def _font_table(doc) -> None:
    """Name Bookman Old Style's fallback in word/fontTable.xml (FONT_ENTRY)."""
    for part in doc.part.package.iter_parts():
        if str(part.partname) == "/word/fontTable.xml":
            part._blob = part.blob.replace(b"</w:fonts>", FONT_ENTRY.encode() + b"</w:fonts>")


def _table(doc, block: Table, usable_cm: float, style_id: str) -> None:
    table = doc.add_table(rows=1 + len(block.rows), cols=len(block.headers))
    table._tbl.tblPr.style = style_id
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total = sum(block.widths)
    widths = [Cm(usable_cm * w / total) for w in block.widths]
    for col, width in zip(table._tbl.tblGrid.gridCol_lst, widths):
        col.w = width
    rows = table.rows
    for r, (row, values) in enumerate(zip(rows, [[(t,) for t in block.headers], *block.rows])):
        cells = row._tr.tc_lst
        for tc, value, width in zip(cells, values, widths):
            tc.width = width
            cell = _Cell(tc, table)
            _runs(cell.paragraphs[0], value, bold=r == 0)
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT  # justified text in a narrow column gapes
            if r - 1 in block.bottom and tc is cells[-1]:
                cell.vertical_alignment = WD_ALIGN_VERTICAL.BOTTOM
            if block.together and r < len(block.rows):
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
        if 0 < r <= len(block.heights) and block.heights[r - 1]:
            row.height, row.height_rule = Cm(block.heights[r - 1]), WD_ROW_HEIGHT_RULE.AT_LEAST
        _whole(row)
    _repeat_header(rows[0])


def _signature(container, s: Signature) -> None:
    """Place and date, the office, four empty lines to sign in, the name."""
    lines = [s.place, s.date, (s.caption,) if s.caption else (), s.office]
    paragraphs = []
    empty = container.paragraphs[0] if container.paragraphs and not container.paragraphs[0].text else None
    for value in lines:
        if value:
            paragraphs.append(empty if empty is not None and not paragraphs else container.add_paragraph())
            _runs(paragraphs[-1], value)
    paragraphs += [container.add_paragraph() for _ in range(3)]
    paragraphs.append(container.add_paragraph())
    _runs(paragraphs[-1], s.name, bold=True)
    for p in paragraphs:
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT
        p.paragraph_format.keep_with_next = p is not paragraphs[-1]
        p.paragraph_format.keep_together = True




def write_docx(d: Document, path: Path, paper: str) -> None:
    """Write `d` to `path` as .docx on `paper` (f4 or a4)."""
    doc = new_document()
    _styles(doc, d.lang)
    ids = {name: doc.styles[name].style_id for name in ("Heading 1", "Heading 2", "Heading 3", LABEL_STYLE,
                                                         NOTICE_STYLE, "Table Grid")}
    section = doc.sections[0]
    _page(section, paper, landscape=False)
    if d.footer:
        _footer(section, d.footer)
    _font_table(doc)
    width_cm = (PAPER_SIZES[paper][0]) / 10 - 5
    break_before = False

    def _paragraph(container, style_id: str | None = None):
        """A new paragraph with its style set by id (python-docx's lookup by name is slow); the first after
        a page break starts a new page."""
        nonlocal break_before
        p = container.add_paragraph()
        if style_id:
            p._p.get_or_add_pPr().style = style_id
        if break_before:
            p.paragraph_format.page_break_before = True
            break_before = False
        return p

    for n, block in enumerate(d.blocks):
        if isinstance(block, Heading):
            p = _paragraph(doc, ids[f"Heading {block.level}"])
            _runs(p, block.text)
            if block.centered:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif isinstance(block, Para):
            p = _paragraph(doc, ids[NOTICE_STYLE] if block.notice else None)
            _runs(p, block.text, bold=block.bold)
            if block.centered:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if block.ragged:
                p.alignment = WD_ALIGN_PARAGRAPH.LEFT
            if block.aside:  # a Lampiran's header: the right half of the page, left-aligned, before its table
                p.alignment = WD_ALIGN_PARAGRAPH.LEFT
                p.paragraph_format.left_indent = Cm(width_cm / 2)
                p.paragraph_format.keep_with_next = True
        elif isinstance(block, Labelled):
            for i, item in enumerate(block.items):
                k = block.start + i
                number = {"alpha": f"{chr(ord('a') + k - 1)}.\t", "number": f"{k}.\t",
                          "paren": f"({k})\t"}.get(block.numbering, "")
                if block.numbering == "paren" or block.level:  # the ayat of a Pasal and the letters under one
                    p = _paragraph(doc)
                    label = ""
                    p.paragraph_format.left_indent = AYAT_INDENT + SUBLIST_INDENT * block.level
                    p.paragraph_format.first_line_indent = -(SUBLIST_INDENT if block.level else AYAT_INDENT)
                else:
                    p = _paragraph(doc, ids[LABEL_STYLE])
                    label = f"{block.label}\t:\t" if i == 0 and block.label else "\t\t"
                    if number:  # the item's lines hang under its text, not under "a."
                        p.paragraph_format.left_indent = LIST_INDENT
                        p.paragraph_format.first_line_indent = -LIST_INDENT
                p.add_run(label + number)
                _runs(p, item)
        elif isinstance(block, Table):
            _table(doc, block, width_cm, ids["Table Grid"])
            doc.add_paragraph()
        elif isinstance(block, Signature):
            table = doc.add_table(rows=1, cols=2)
            _signature(table.rows[0].cells[0 if block.left else 1], block)
            _whole(table.rows[0])
        elif isinstance(block, Signatures):
            per_row = 2
            for start in range(0, len(block.items), per_row):
                table = doc.add_table(rows=1, cols=per_row)
                for cell, s in zip(table.rows[0].cells, block.items[start:start + per_row]):
                    _signature(cell, s)
                _whole(table.rows[0])
        elif isinstance(block, PageBreak):
            if block.landscape:
                section = doc.add_section()
                _page(section, paper, landscape=True)
                width_cm = PAPER_SIZES[paper][1] / 10 - 5
            else:
                # The paragraph after the break starts the page (pageBreakBefore): a break run at the foot
                # of a full page would leave an empty one. Before a table, the break has its own paragraph.
                following = d.blocks[n + 1] if n + 1 < len(d.blocks) else None
                if isinstance(following, (Heading, Para, Labelled)):
                    break_before = True
                else:
                    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    props = doc.core_properties
    moment = datetime.datetime.combine(d.guideline.updated, datetime.time(0, 0))
    props.title = _property(d.title)
    props.subject = _property(d.guideline.title.get(d.lang))
    props.version = d.guideline.version
    props.revision = 1
    props.language = LANGUAGE_TAGS[d.lang]
    props.author = "pedoman"
    props.last_modified_by = "pedoman"
    props.keywords = f"{d.guideline.id}; {d.kind}"
    props.created = props.modified = moment
    props.last_printed = moment
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(stable_zip(buffer.getvalue(), d.guideline.updated))

