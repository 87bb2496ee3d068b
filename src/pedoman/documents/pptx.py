"""Writes a training deck (`slides.Deck`) as an editable 16:9 PowerPoint file with python-pptx.

Every text is a text box or a title placeholder a trainer can edit; the diagram is drawn with
rounded boxes and connectors glued to them (move a box and its arrows follow), never as a picture.
`slidefit` decides the sizes, the slides a long text continues on ("(continued)") and the parts of
a diagram too large for one slide; this module only draws. The project's colours are the site's.
The file carries the guideline's `updated` date, never the time of the build, and its zip entries
a fixed time: equal decks, equal bytes.
"""

from __future__ import annotations

import copy
import datetime
import io
import uuid
from pathlib import Path
from xml.sax.saxutils import escape

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.parts.slide import NotesSlidePart
from pptx.util import Inches

from pedoman.documents.slidefit import (
    BOTTOM, FLOOR, GAP_X, GAP_Y, HEIGHT, INSET, LEFT, LINE, RIGHT, WIDTH,
    box_width, diagram_parts, fit, grid, height, indent, line_count, pages, para_gap,
)
from pedoman.documents.slides import Deck, Para, Slide, Step
from pedoman.documents.stablezip import stable_zip

INDIGO, INDIGO_DARK, ACCENT = "3F51B5", "1A237E", "FF6E40"
"""The site's palette (mkdocs.yml: primary indigo, accent deep orange; print.css's headings in #1a237e)."""
TEXT, MUTED, LIGHT, ARROW = "1B1B1B", "424242", "C5CAE9", "546E7A"
"""Text as the diagrams draw it (presentation/diagrams.py), light text on indigo, the arrows' grey."""
FONT = "Arial"
LANGUAGE_TAGS = {"id": "id-ID", "en": "en-US"}


# --- drawing --------------------------------------------------------------------


def _emu(inches: float) -> int:
    return int(round(inches * 914400))


def _xfrm(x: float, y: float, cx: float, cy: float, flip: str = "") -> str:
    return (f'<a:xfrm{flip}><a:off x="{_emu(x)}" y="{_emu(y)}"/><a:ext cx="{_emu(cx)}" cy="{_emu(cy)}"/>'
            "</a:xfrm>")


def _fill(color: str | None) -> str:
    return f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>' if color else "<a:noFill/>"


class _Writer:
    """One deck being written: the presentation, its language, and the slides' running number.

    Shapes are written as DrawingML (`_shape`, `_arrow`) and text as runs (`_body`): python-pptx's
    shape-by-shape and run-by-run API took most of a deck's time. What every content slide shares
    (the band in the site's colours, the footer) is drawn once, on the slide layout.
    """

    def __init__(self, deck: Deck):
        self.deck = deck
        self.lang = LANGUAGE_TAGS[deck.lang]
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = Inches(WIDTH), Inches(HEIGHT)
        layouts = {layout.name: layout for layout in self.prs.slide_layouts}
        self.layout, self.first = layouts["Title Only"], layouts["Title Slide"]
        self.number = 0
        self._placeholders: dict[str, list] = {}
        self.notes_master = self.prs.part.notes_master_part
        footer = f"{deck.footer} · {deck.title}"
        footer = footer if line_count(footer, 10.5 - 2 * INSET, 12) == 1 else deck.footer
        self._draw(self.layout.shapes._spTree, [
            self._shape(90, "Band", 0, 0, WIDTH, 0.16, fill=INDIGO_DARK),
            self._shape(91, "Accent", 0, 0.16, WIDTH, 0.05, fill=ACCENT),
            self._shape(92, "Footer", LEFT, 6.93, 10.5, 0.42, text=self._body([Para(footer)], 12, MUTED))])

    # DrawingML -------------------------------------------------------------------

    def _body(self, paras, size: float, color: str = TEXT, lead: str | None = None, anchor: str = "t",
              fields: str = "") -> str:
        """`paras` as a text body at `size`, bold ones in `lead` colour when given; `fields` ends the last
        paragraph (the slide number), right-aligned."""
        inset = _emu(INSET)
        out = [f'<p:txBody><a:bodyPr wrap="square" lIns="{inset}" tIns="{inset}" rIns="{inset}" bIns="{inset}" '
               f'anchor="{anchor}" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>']
        for i, p in enumerate(paras):
            margin = f' marL="{_emu(indent(p))}" indent="0"' if p.level else ""
            run = (f'<a:r><a:rPr lang="{self.lang}" sz="{int(size * 100)}" b="{int(p.bold)}" dirty="0">'
                   f'{_fill((lead or color) if p.bold else color)}<a:latin typeface="{FONT}"/>'
                   f'<a:cs typeface="{FONT}"/></a:rPr><a:t>{escape(p.text)}</a:t></a:r>') if p.text else ""
            out.append(f'<a:p><a:pPr algn="{"r" if fields else "l"}"{margin}><a:lnSpc><a:spcPct '
                       f'val="{int(LINE * 85000)}"/></a:lnSpc><a:spcBef><a:spcPts '
                       f'val="{int(para_gap(p, i == 0, size) * 100)}"/></a:spcBef></a:pPr>{run}'
                       f'{fields if i == len(paras) - 1 else ""}</a:p>')
        return "".join(out) + "</p:txBody>"

    @staticmethod
    def _shape(id_: int, name: str, x: float, y: float, cx: float, cy: float, text: str = "",
               fill: str | None = None, line: str | None = None, rounded: bool = False) -> str:
        """A rectangle (rounded when `rounded`), or a text box when it has text and no fill."""
        box = ' txBox="1"' if text and not fill else ""
        geometry = ('<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" fmla="val 8000"/></a:avLst></a:prstGeom>'
                    if rounded else '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>')
        outline = f'<a:ln w="19050">{_fill(line)}</a:ln>' if line else "<a:ln><a:noFill/></a:ln>"
        return (f'<p:sp><p:nvSpPr><p:cNvPr id="{id_}" name="{escape(name)}"/><p:cNvSpPr{box}/><p:nvPr/></p:nvSpPr>'
                f'<p:spPr>{_xfrm(x, y, cx, cy)}{geometry}{_fill(fill)}{outline}</p:spPr>{text}</p:sp>')

    @staticmethod
    def _arrow(id_: int, a: tuple, begin: int, b: tuple, end: int) -> str:
        """A straight arrow glued from connection point `begin` of box `a` to `end` of box `b` (0 top, 1 left,
        2 bottom, 3 right), each box given as (id, name, x, y, width, height)."""
        def point(box, site):
            _, _, x, y, w, h = box
            return {0: (x + w / 2, y), 1: (x, y + h / 2), 2: (x + w / 2, y + h), 3: (x + w, y + h / 2)}[site]
        (x1, y1), (x2, y2) = point(a, begin), point(b, end)
        flip = (' flipH="1"' if x2 < x1 else "") + (' flipV="1"' if y2 < y1 else "")
        return (f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{id_}" name="Arrow {a[1]} to {b[1]}"/><p:cNvCxnSpPr>'
                f'<a:stCxn id="{a[0]}" idx="{begin}"/><a:endCxn id="{b[0]}" idx="{end}"/></p:cNvCxnSpPr><p:nvPr/>'
                f'</p:nvCxnSpPr><p:spPr>{_xfrm(min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1), flip)}'
                f'<a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom><a:ln w="25400">{_fill(ARROW)}'
                f'<a:tailEnd type="triangle" w="med" len="med"/></a:ln></p:spPr></p:cxnSp>')

    @staticmethod
    def _draw(tree, shapes: list[str]) -> None:
        """Append `shapes` (DrawingML) to a shape tree."""
        parsed = parse_xml(f'<p:spTree {nsdecls("a", "p", "r")}>{"".join(shapes)}</p:spTree>')
        for shape in list(parsed):
            tree.append(shape)

    # the frame every slide shares ---------------------------------------------

    def _add_slide(self, layout):
        """A new slide on `layout` with the layout's placeholders, as python-pptx's `add_slide` makes it.
        That looks each placeholder up in the layout again for every slide (a third of a deck's time); here
        the first slide on a layout is made by python-pptx and the next get copies of its placeholders,
        the same elements (ids, names, positions) as it would give them on an empty slide."""
        placeholders = self._placeholders.get(layout.name)
        if placeholders is None:
            slide = self.prs.slides.add_slide(layout)
            self._placeholders[layout.name] = [copy.deepcopy(e) for e in slide.shapes._spTree.iter_shape_elms()]
            return slide
        r_id, slide = self.prs.part.add_slide(layout)
        for element in placeholders:
            slide.shapes._spTree.append(copy.deepcopy(element))
        self.prs.slides._sldIdLst.add_sldId(r_id)
        return slide

    def new_slide(self, notes: str, dark: bool = False):
        """A slide on the layout of its kind, with its speaker notes; `finish` draws its shapes."""
        slide = self._add_slide(self.first if dark else self.layout)
        self.number += 1
        if dark:
            slide.background.fill.solid()
            slide.background.fill.fore_color.rgb = RGBColor.from_string(INDIGO_DARK)
            for placeholder in [p for p in slide.placeholders if p.placeholder_format.idx != 0]:
                placeholder._element.getparent().remove(placeholder._element)  # the subtitle: a text box instead
        if notes:
            self.notes(slide, notes)
        return slide

    def notes(self, slide, text: str) -> None:
        """The speaker notes: a notes page holding the slide's image and `text`, a paragraph a line.
        Written directly: python-pptx's notes_slide copies the notes master shape by shape, which
        took most of a deck's time."""
        paragraphs = "".join(f'<a:p><a:r><a:rPr lang="{self.lang}" dirty="0"/><a:t>{escape(line)}</a:t></a:r></a:p>'
                             if line else "<a:p/>" for line in text.split("\n"))
        element = parse_xml(
            f'<p:notes {nsdecls("a", "p", "r")}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/>'
            '<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/><p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image"/>'
            '<p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/>'
            '</p:nvPr></p:nvSpPr><p:spPr/></p:sp><p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes"/><p:cNvSpPr>'
            '<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/>'
            f'<p:txBody><a:bodyPr/><a:lstStyle/>{paragraphs}</p:txBody></p:sp></p:spTree></p:cSld>'
            '<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>')
        part = NotesSlidePart(PackURI(f"/ppt/notesSlides/notesSlide{self.number}.xml"), CT.PML_NOTES_SLIDE,
                              slide.part.package, element)
        part.relate_to(self.notes_master, RT.NOTES_MASTER)
        part.relate_to(slide.part, RT.SLIDE)
        slide.part.relate_to(part, RT.NOTES_SLIDE)

    def finish(self, slide, shapes: list[str], dark: bool = False) -> None:
        """Draw `shapes` on `slide`, then its number (a field: it follows the slide when slides move)."""
        guid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.deck.path}#{self.number}")).upper()
        shade = LIGHT if dark else MUTED
        field = (f'<a:fld id="{{{guid}}}" type="slidenum"><a:rPr lang="{self.lang}" sz="1400">{_fill(shade)}'
                 f'<a:latin typeface="{FONT}"/></a:rPr><a:t>{self.number}</a:t></a:fld>')
        number = self._shape(99, "Slide number", 11.6, 6.93, RIGHT - 11.6, 0.42,
                             text=self._body([Para("")], 14, shade, fields=field))
        if dark:  # the title slide: its details name the project, no footer repeats it
            shapes = [self._shape(97, "Accent", 0, 0, 0.28, HEIGHT, fill=ACCENT), *shapes]
        self._draw(slide.shapes._spTree, [*shapes, number])

    def heading(self, slide, header: str, title: str, dark: bool = False,
                start: int | None = None) -> tuple[float, list[str]]:
        """The small header and the title (the slide's title placeholder), the title at `start` points or
        less; where the body may start, and the header's shape to draw."""
        width, top, shapes = RIGHT - LEFT, 0.4, []
        if header:
            tall = height([Para(header)], width, 18)
            shapes.append(self._shape(10, "Header", LEFT, top, width, tall,
                                      text=self._body([Para(header)], 18, LIGHT if dark else INDIGO)))
            top += tall
        size = _title_size(title, start or (40 if dark else 30), 3 if dark else 2)
        tall = height([Para(title, bold=True)], width, size)
        placeholder = slide.shapes.title
        placeholder.left, placeholder.top, placeholder.width, placeholder.height = (
            Inches(LEFT), Inches(top), Inches(width), Inches(tall))
        body = parse_xml(self._body([Para(title, bold=True)], size, "FFFFFF" if dark else INDIGO_DARK)
                         .replace("<p:txBody>", f'<p:txBody {nsdecls("a", "p")}>', 1))
        old = placeholder._element.txBody
        old.getparent().replace(old, body)
        return top + tall + 0.15, shapes

    # the kinds of slide ---------------------------------------------------------

    def title_slide(self, s: Slide) -> None:
        """The module's title, as large as leaves its details room at 18 pt or more."""
        width = RIGHT - LEFT
        above = 0.4 + (height([Para(s.header)], width, 18) if s.header else 0) + 0.45
        for start in range(40, 23, -4):
            room = BOTTOM - above - height([Para(s.title, bold=True)], width, _title_size(s.title, start, 3))
            if fit(s.body, width, room, 24):
                break
        slide = self.new_slide(s.notes, dark=True)
        top, shapes = self.heading(slide, s.header, s.title, dark=True, start=start)
        top += 0.3
        room = BOTTOM - top
        size = fit(s.body, width, room, 24) or FLOOR
        shapes.append(self._shape(11, "Details", LEFT, top, width, room,
                                  text=self._body(s.body, size, LIGHT, lead="FFFFFF")))
        self.finish(slide, shapes, dark=True)

    def text_slides(self, s: Slide) -> None:
        """A slide of text; continued on further slides when it does not fit at FLOOR."""
        width = RIGHT - LEFT
        room = BOTTOM - self._measure_top(s)
        size = fit(s.body, width, room, s.size)
        parts = [s.body] if size is not None else pages(s.body, width, room)
        for n, body in enumerate(parts):
            slide = self.new_slide(s.notes)
            top, shapes = self.heading(slide, s.header, s.title if n == 0 else f"{s.title} {self.deck.continued}")
            part_size = size or fit(body, width, BOTTOM - top, FLOOR) or FLOOR
            anchor = "ctr" if s.kind in ("objective", "point") else "t"
            shapes.append(self._shape(11, "Body", LEFT, top, width, BOTTOM - top,
                                      text=self._body(body, part_size, lead=INDIGO_DARK, anchor=anchor)))
            self.finish(slide, shapes)

    def _measure_top(self, s: Slide) -> float:
        """Where the body starts below a slide's header and title (its continuation's longer title included)."""
        width = RIGHT - LEFT
        top = 0.4 + (height([Para(s.header)], width, 18) if s.header else 0)
        title = f"{s.title} {self.deck.continued}"
        return top + height([Para(title, bold=True)], width, _title_size(title, 30, 2)) + 0.15

    def diagram_slides(self, s: Slide) -> None:
        """The diagram's boxes in rows that snake left to right, then right to left, joined by arrows;
        over several slides when its steps do not fit one at DIAGRAM_FLOOR."""
        room = BOTTOM - self._measure_top(Slide(s.kind, f"{s.title} ({self.deck.part})", s.header))
        parts, size = diagram_parts(s.steps, RIGHT - LEFT, room)
        total = len(s.steps)
        for steps in parts:
            shown = self.deck.part.format(first=steps[0].number, last=steps[-1].number, total=total)
            slide = self.new_slide(s.notes)
            top, shapes = self.heading(slide, s.header, s.title if len(parts) == 1 else f"{s.title} ({shown})")
            cols, rows = grid(steps, RIGHT - LEFT, BOTTOM - top, size)
            self.finish(slide, shapes + self.boxes(steps, cols, rows, top, size))

    def boxes(self, steps: tuple[Step, ...], cols: int, rows: list[float], top: float, size: int) -> list[str]:
        """The boxes of `steps` in a grid of `cols` columns and rows of the given heights, and the arrows."""
        width = box_width(cols)
        shapes, placed, y = [], [], top
        for r, row_height in enumerate(rows):
            for c, step in enumerate(steps[r * cols:(r + 1) * cols]):
                column = c if r % 2 == 0 else cols - 1 - c
                box = (20 + len(placed), f"Step {step.number}", LEFT + column * (width + GAP_X), y, width, row_height)
                text = self._body([Para(f"{step.number}. {step.heading}", bold=True), Para(step.detail)], size,
                                  MUTED, lead=TEXT)
                shapes.append(self._shape(*box, text=text, fill=step.fill.lstrip("#").upper(),
                                          line=step.line.lstrip("#").upper(), rounded=True))
                placed.append((box, r))
            y += row_height + GAP_Y
        for n, ((a, row_a), (b, row_b)) in enumerate(zip(placed, placed[1:])):
            if row_a != row_b:
                begin, end = 2, 0  # down from the bottom to the top of the box below
            else:
                begin, end = (3, 1) if row_a % 2 == 0 else (1, 3)  # left to right, or back
            shapes.append(self._arrow(60 + n, a, begin, b, end))
        return shapes


# --- the file ---------------------------------------------------------------------


def _title_size(title: str, start: int, lines: int) -> int:
    """The largest size from `start` down to 20 at which `title` takes at most `lines` lines."""
    return next((s for s in range(start, 19, -2) if line_count(title, RIGHT - LEFT - 2 * INSET, s, True) <= lines), 20)


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
    Path(path).write_bytes(stable_zip(buffer.getvalue(), deck.updated))

