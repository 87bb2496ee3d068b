"""Writes a training deck (`slides.Deck`) as an editable 16:9 PowerPoint file with python-pptx.

Every text is a text box or a title placeholder a trainer can edit; the diagram is drawn with
rounded boxes and connectors glued to them (move a box and its arrows follow), never as a picture.
`slidefit` decides the sizes, the slides a long text continues on ("(continued)") and the parts of
a diagram too large for one slide; this module only draws. The project's colours are the site's.
The file carries the guideline's `updated` date, never the time of the build, and its zip entries
a fixed time: equal decks, equal bytes.
"""

from __future__ import annotations

import datetime
import io
import uuid
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.util import Inches, Pt

from pedoman.documents.slidefit import (
    BOTTOM, FLOOR, GAP_X, GAP_Y, HEIGHT, INSET, LEFT, LINE, RIGHT, WIDTH,
    box_width, diagram_parts, fit, grid, height, indent, line_count, pages, para_gap,
)
from pedoman.documents.slides import Deck, Para, Slide, Step

INDIGO, INDIGO_DARK, ACCENT = "3F51B5", "1A237E", "FF6E40"
"""The site's palette (mkdocs.yml: primary indigo, accent deep orange; print.css's headings in #1a237e)."""
TEXT, MUTED, LIGHT, ARROW = "1B1B1B", "424242", "C5CAE9", "546E7A"
"""Text as the diagrams draw it (presentation/diagrams.py), light text on indigo, the arrows' grey."""
FONT = "Arial"
LANGUAGE_TAGS = {"id": "id-ID", "en": "en-US"}


# --- drawing --------------------------------------------------------------------


def _rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#").upper())


class _Writer:
    """One deck being written: the presentation, its language, and the slides' running number."""

    def __init__(self, deck: Deck):
        self.deck = deck
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = Inches(WIDTH), Inches(HEIGHT)
        self.layout = next(layout for layout in self.prs.slide_layouts if layout.name == "Title Only")
        self.number = 0

    # text ---------------------------------------------------------------------

    def text(self, shape, paras, size: float, color: str = TEXT, lead: str | None = None,
             anchor: str = "t", fields: str = "") -> None:
        """`paras` as `shape`'s text at `size`, bold ones in `lead` colour when given. Written as XML:
        python-pptx's run-by-run properties took most of a deck's time. `fields` ends the last paragraph."""
        lang = LANGUAGE_TAGS[self.deck.lang]
        inset = int(Inches(INSET))
        out = [f'<p:txBody {nsdecls("a", "p")}><a:bodyPr wrap="square" lIns="{inset}" tIns="{inset}" '
               f'rIns="{inset}" bIns="{inset}" anchor="{anchor}" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>']
        for i, p in enumerate(paras):
            margin = f' marL="{int(Inches(indent(p)))}" indent="0"' if p.level else ""
            fill = (lead or color) if p.bold else color
            run = (f'<a:r><a:rPr lang="{lang}" sz="{int(size * 100)}" b="{int(p.bold)}" dirty="0"><a:solidFill>'
                   f'<a:srgbClr val="{fill}"/></a:solidFill><a:latin typeface="{FONT}"/><a:cs typeface="{FONT}"/>'
                   f'</a:rPr><a:t>{escape(p.text)}</a:t></a:r>') if p.text else ""
            out.append(f'<a:p><a:pPr algn="{"r" if fields else "l"}"{margin}><a:lnSpc><a:spcPct val="{int(LINE * 85000)}"/>'
                       f'</a:lnSpc><a:spcBef><a:spcPts val="{int(para_gap(p, i == 0, size) * 100)}"/></a:spcBef>'
                       f'</a:pPr>{run}{fields if i == len(paras) - 1 else ""}</a:p>')
        out.append("</p:txBody>")
        old = shape._element.txBody
        old.getparent().replace(old, parse_xml("".join(out)))

    def box(self, slide, left: float, top: float, width: float, height_: float, name: str):
        shape = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height_))
        shape.name = name
        return shape

    # the frame every slide shares ---------------------------------------------

    def new_slide(self, notes: str, dark: bool = False):
        slide = self.prs.slides.add_slide(self.layout)
        self.number += 1
        if dark:
            slide.background.fill.solid()
            slide.background.fill.fore_color.rgb = _rgb(INDIGO_DARK)
            self.rect(slide, 0, 0, 0.28, HEIGHT, ACCENT, "Accent")
        else:
            self.rect(slide, 0, 0, WIDTH, 0.16, INDIGO_DARK, "Band")
            self.rect(slide, 0, 0.16, WIDTH, 0.05, ACCENT, "Accent")
        footer = f"{self.deck.footer} · {self.deck.title}"
        footer = footer if line_count(footer, 10.5 - 2 * INSET, 12) == 1 else self.deck.footer
        self.text(self.box(slide, LEFT, 6.93, 10.5, 0.42, "Footer"), [Para(footer)], 12, LIGHT if dark else MUTED)
        guid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.deck.path}#{self.number}")).upper()
        shade = LIGHT if dark else MUTED
        field = (f'<a:fld id="{{{guid}}}" type="slidenum"><a:rPr lang="{LANGUAGE_TAGS[self.deck.lang]}" sz="1400">'
                 f'<a:solidFill><a:srgbClr val="{shade}"/></a:solidFill><a:latin typeface="{FONT}"/></a:rPr>'
                 f'<a:t>{self.number}</a:t></a:fld>')
        self.text(self.box(slide, 11.6, 6.93, RIGHT - 11.6, 0.42, "Slide number"), [Para("")], 14, shade,
                  fields=field)
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
        return slide

    def rect(self, slide, left, top, width, height_, fill: str, name: str, line: str | None = None,
             shape_type=MSO_SHAPE.RECTANGLE):
        shape = slide.shapes.add_shape(shape_type, Inches(left), Inches(top), Inches(width), Inches(height_))
        shape.name = name
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(fill)
        if line:
            shape.line.color.rgb, shape.line.width = _rgb(line), Pt(1.5)
        else:
            shape.line.fill.background()
        shape.shadow.inherit = False
        return shape

    def heading(self, slide, header: str, title: str, dark: bool = False) -> float:
        """The small header and the title (the slide's title placeholder); returns where the body may start."""
        width, top = RIGHT - LEFT, 0.4
        if header:
            size = 18
            tall = height([Para(header)], width, size)
            self.text(self.box(slide, LEFT, top, width, tall, "Header"), [Para(header)], size,
                      LIGHT if dark else INDIGO)
            top += tall
        start, lines = (40, 3) if dark else (30, 2)
        size = next((s for s in range(start, 19, -2) if line_count(title, width - 2 * INSET, s, True) <= lines), 20)
        tall = height([Para(title, bold=True)], width, size)
        placeholder = slide.shapes.title
        placeholder.left, placeholder.top, placeholder.width, placeholder.height = (
            Inches(LEFT), Inches(top), Inches(width), Inches(tall))
        self.text(placeholder, [Para(title, bold=True)], size, "FFFFFF" if dark else INDIGO_DARK)
        return top + tall + 0.15

    # the kinds of slide ---------------------------------------------------------

    def title_slide(self, s: Slide) -> None:
        slide = self.new_slide(s.notes, dark=True)
        top = self.heading(slide, s.header, s.title, dark=True) + 0.3
        body = s.body
        width, room = RIGHT - LEFT, BOTTOM - top
        size = fit(body, width, room, 24) or FLOOR
        self.text(self.box(slide, LEFT, top, width, room, "Details"), body, size, LIGHT, lead="FFFFFF")

    def text_slides(self, s: Slide) -> None:
        """A slide of text; continued on further slides when it does not fit at FLOOR."""
        width = RIGHT - LEFT
        top = self._measure_top(s)
        room = BOTTOM - top
        size = fit(s.body, width, room, s.size)
        parts = [s.body] if size is not None else pages(s.body, width, room)
        for n, body in enumerate(parts):
            title = s.title if n == 0 else f"{s.title} {self.deck.continued}"
            slide = self.new_slide(s.notes)
            top = self.heading(slide, s.header, title)
            part_size = size or fit(body, width, BOTTOM - top, FLOOR) or FLOOR
            anchor = "ctr" if s.kind in ("objective", "point") else "t"
            self.text(self.box(slide, LEFT, top, width, BOTTOM - top, "Body"), body, part_size, lead=INDIGO_DARK,
                      anchor=anchor)

    def _measure_top(self, s: Slide) -> float:
        """Where the body starts below a slide's header and title (its continuation's longer title included)."""
        width = RIGHT - LEFT
        top = 0.4 + (height([Para(s.header)], width, 18) if s.header else 0)
        title = f"{s.title} {self.deck.continued}"
        size = next((z for z in range(30, 19, -2) if line_count(title, width - 2 * INSET, z, True) <= 2), 20)
        return top + height([Para(title, bold=True)], width, size) + 0.15

    def diagram_slides(self, s: Slide) -> None:
        """The diagram's boxes in rows that snake left to right, then right to left, joined by arrows;
        over several slides when its steps do not fit one at DIAGRAM_FLOOR."""
        room = BOTTOM - self._measure_top(Slide(s.kind, f"{s.title} ({self.deck.part})", s.header))
        parts, size = diagram_parts(s.steps, RIGHT - LEFT, room)
        total = len(s.steps)
        for steps in parts:
            shown = self.deck.part.format(first=steps[0].number, last=steps[-1].number, total=total)
            title = s.title if len(parts) == 1 else f"{s.title} ({shown})"
            slide = self.new_slide(s.notes)
            top = self.heading(slide, s.header, title)
            cols, rows = grid(steps, RIGHT - LEFT, BOTTOM - top, size)
            self.draw_grid(slide, steps, cols, rows, top, size)

    def draw_grid(self, slide, steps: tuple[Step, ...], cols: int, rows: list[float], top: float,
                  size: int) -> None:
        width = box_width(cols)
        shapes, y = [], top
        for r, row_height in enumerate(rows):
            for c in range(cols):
                i = r * cols + c
                if i >= len(steps):
                    break
                step = steps[i]
                column = c if r % 2 == 0 else cols - 1 - c
                x = LEFT + column * (width + GAP_X)
                shape = self.rect(slide, x, y, width, row_height, step.fill, f"Step {step.number}", line=step.line,
                                  shape_type=MSO_SHAPE.ROUNDED_RECTANGLE)
                shape.adjustments[0] = 0.08
                self.text(shape, [Para(f"{step.number}. {step.heading}", bold=True), Para(step.detail)], size,
                          MUTED, lead=TEXT)
                shapes.append((shape, r))
            y += row_height + GAP_Y
        for (a, row_a), (b, row_b) in zip(shapes, shapes[1:]):
            if row_a != row_b:
                begin, end = 2, 0  # down from the bottom to the top of the box below
            elif row_a % 2 == 0:
                begin, end = 3, 1  # left to right
            else:
                begin, end = 1, 3  # right to left
            self.arrow(slide, a, begin, b, end)

    def arrow(self, slide, a, begin: int, b, end: int) -> None:
        connector = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, 0, 0, 0, 0)
        connector.begin_connect(a, begin)
        connector.end_connect(b, end)
        connector.name = f"Arrow {a.name} to {b.name}"
        connector.line.color.rgb, connector.line.width = _rgb(ARROW), Pt(2)
        connector.line._get_or_add_ln().append(parse_xml(f'<a:tailEnd {nsdecls("a")} type="triangle" w="med" len="med"/>'))


# --- the file ---------------------------------------------------------------------


def write_pptx(deck: Deck, path: Path | str) -> None:
    """Write `deck` to `path` as a .pptx file."""
    writer = _Writer(deck)
    for s in deck.slides:
        if s.kind == "title":
            writer.title_slide(s)
        elif s.kind == "diagram":
            writer.diagram_slides(s)
        else:
            writer.text_slides(s)
    props = writer.prs.core_properties
    moment = datetime.datetime.combine(deck.updated, datetime.time(0, 0))
    props.title, props.subject = deck.title[:255], deck.subject
    props.author = props.last_modified_by = "pedoman"
    props.version, props.revision = deck.version, 1
    props.language = LANGUAGE_TAGS[deck.lang]
    props.keywords = f"{deck.guideline}; slides"
    props.created = props.modified = props.last_printed = moment
    buffer = io.BytesIO()
    writer.prs.save(buffer)
    Path(path).write_bytes(_stable_zip(buffer.getvalue(), deck.updated))


def _stable_zip(data: bytes, day: datetime.date) -> bytes:
    """The same zip with every entry stamped with `day`, in the same order: equal input, equal bytes
    (as docx._stable_zip does for the drafting kit)."""
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
