"""Binding tagged PDFs into one at the PDF level, for the training pack, printed for a photocopier.

A pack is its front matter (cover and contents) followed by its parts: the
handbooks, each as WeasyPrint wrote it for its own PDF, then the handouts as one
last part. No page is laid out or drawn a second time. What a reader and a
screen reader rely on is carried over from every part and renumbered where the
parts' numbers would collide:

- the pages, with their links;
- the named destinations, so that every link within a handbook, and every
  link of the front matter's contents, lands on its heading in the pack (a
  handout's are prefixed `handout--`: its article has its handbook's id);
- the structure tree (PDF/UA): each handbook's Document element becomes a Part
  of the pack's Document, the handouts' an Art each inside one Part, and the
  parent tree's keys (StructParents of pages, StructParent of annotations) are
  shifted past those already taken;
- table header cells' IDs and the cells' references to them, prefixed with the
  part's number (WeasyPrint numbers them within each PDF), and an ID tree of
  them all;
- the bookmarks, each handbook's after the front matter's, the handouts' under
  one bookmark of their own.

For a photocopier, the pack is printed double-sided and cited by page:

- every part starts on a right-hand (odd) page: where one would start on a
  left-hand page, a blank page carrying "Halaman ini sengaja dikosongkan" /
  "This page is intentionally left blank" goes before it (`plan`);
- every page carries the pack-wide number beside its part's own in the middle
  of its foot, "87 · 3-12" (page 87 of the pack, page 12 of the third part;
  the front matter's own are i, ii, …; a blank page has only the pack's), and
  the page labels a viewer shows are the same;
- the contents give pack pages (pdfbuild fills them in from `plan`).

The feet and the blank pages' notice are laid out by WeasyPrint as a sheet of
their own, one page per pack page (`footer_sheet_html`), and each of its pages
is drawn over its pack page as a pagination artifact, outside the structure
tree: a screen reader does not read them on every page, as it would not read a
running foot. The handbooks keep their own "Halaman 12 dari 30" at the right.

What the training pack binds, and what it leaves out: the handbooks and the
handouts, all that participants may take home. The facilitator guides are not
in it, and no trainer's pack binds them: the pack is what a trainer photocopies
for participants, and a guide holds the answer keys and the test's answers,
which must not reach the participants before the post-test; a trainer runs one
module a day and prints that module's guide (and copies its workbook), which
are files of their own beside the handbook (`urls.training_pdf`).

The pack keeps the front matter's catalogue entries: its language, title,
author, keywords and PDF/UA identification.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, NameTree, NumberTree

from pedoman import cachefolder
from pedoman.presentation.words import CATALOGUE
from pedoman.print.handbook import _environment

HANDOUT_PREFIX = "handout--"
"""Put before a handout's named destinations in the pack: its article has its handbook's id."""


@dataclass(frozen=True)
class PackPage:
    """One page of a pack: its number in the pack (from 1), its part (0 the front matter, 1… the
    parts, None a blank page before a part) and its number within the part (from 1)."""

    number: int
    part: int | None
    page: int = 0

    @property
    def own(self) -> str:
        """The page's number within its part: "ii" in the front matter, "3-12", "" on a blank page."""
        if self.part is None:
            return ""
        return roman(self.page) if self.part == 0 else f"{self.part}-{self.page}"

    @property
    def label(self) -> str:
        """What its foot and its page label say: "87 · 3-12"; a blank page's only "86"."""
        return f"{self.number} · {self.own}" if self.own else str(self.number)


def roman(number: int) -> str:
    """"xiv" for 14: the front matter's own page numbers, as WeasyPrint prints counter(page, lower-roman)."""
    found = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        count, number = divmod(number, value)
        found += letters * count
    return found


def plan(front: int, parts: list[int]) -> list[PackPage]:
    """The pages of a pack of `front` pages of front matter and parts of `parts` pages each: every
    part starts on a right-hand (odd) page, after a blank page where it would not."""
    pages = [PackPage(n, 0, n) for n in range(1, front + 1)]
    for part, length in enumerate(parts, start=1):
        if len(pages) % 2:
            pages.append(PackPage(len(pages) + 1, None))
        pages += [PackPage(len(pages) + n, part, n) for n in range(1, length + 1)]
    return pages


def starts(pages: list[PackPage]) -> dict[int, int]:
    """{part: the pack page it starts on}, the front matter as part 0."""
    found: dict[int, int] = {}
    for page in pages:
        if page.part is not None:
            found.setdefault(page.part, page.number)
    return found


def footer_sheet_html(pages: list[PackPage], lang: str) -> str:
    """The print HTML of what `bind` draws over the pack: one page per pack page, with its foot
    ("87 · 3-12") and, on a blank page, the notice that it is left blank on purpose."""
    return _environment().get_template("pack-footers.html.j2").render(pages=pages, lang=lang, L=CATALOGUE[lang])


def anchor_pages(path: Path | str) -> tuple[dict[str, int], int]:
    """({named destination: the page it is on, counted from 1}, number of pages) of a PDF."""
    with pikepdf.open(path) as pdf:
        number = {page.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        names = pdf.Root.get("/Names", Dictionary()).get("/Dests")
        found = {} if names is None else {
            name: number[destination[0].objgen] for name, destination in NameTree(names).items()}
        return found, len(pdf.pages)


def bind(front: Path | str, parts: list[Path | str], target: Path | str, footers: Path | str,
         handouts: list[Path | str] = (), handouts_title: str = "") -> None:
    """Write `target`: the pages of `front` followed by those of each of `parts`, then those of
    `handouts` as one last part (bookmarked `handouts_title`), one tagged PDF, each part on a
    right-hand page; each page of `footers` (footer_sheet_html of `plan`) is drawn over the pack's
    page of its number.

    A name destined in both `front` and a part is taken from the part: the front matter's
    contents name the parts' headings and carry those names only so that WeasyPrint keeps
    the links. The file identifier is a digest of the content: the same input gives the same file.
    """
    with pikepdf.open(front) as pack, pikepdf.open(footers) as feet:
        tree = pack.Root.StructTreeRoot
        document = tree.K[0]
        parent_tree = NumberTree(tree.ParentTree)
        destinations = NameTree(pack.Root.Names.Dests)
        ids: dict[str, pikepdf.Object] = {}
        _rename_ids(document, "", ids)
        lengths = []

        def add(path, prefix: str, destination_prefix: str = "") -> tuple[pikepdf.Object, pikepdf.Object | None]:
            """Append the pages of `path`; its Document element and bookmarks, copied into the pack."""
            with pikepdf.open(path) as part:
                offset = max(parent_tree.keys(), default=-1) + 1
                _shift_struct_parents(part, offset)
                if destination_prefix:
                    _prefix_links(part, destination_prefix)
                with warnings.catch_warnings():  # named destinations are carried below
                    warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
                    pack.pages.extend(part.pages)
                # Copied after the pages: qpdf maps each /Pg and page in a destination to the copy.
                source_tree = part.Root.StructTreeRoot
                element = source_tree.K[0]
                del element["/P"]  # not the part's StructTreeRoot: it stays behind
                element = pack.copy_foreign(element)
                _rename_ids(element, prefix, ids)
                for key, value in NumberTree(source_tree.ParentTree).items():
                    parent_tree[key + offset] = _copy(pack, part, value)
                for name, destination in NameTree(part.Root.Names.Dests).items():
                    destinations[destination_prefix + name] = _copy(pack, part, destination)
                outline = pack.copy_foreign(part.Root.Outlines) if "/Outlines" in part.Root else None
                return element, outline

        def right_hand() -> None:
            if len(pack.pages) % 2:  # the next page would be a left-hand one
                box = pack.pages[0].mediabox
                pack.add_blank_page(page_size=(float(box[2]), float(box[3])))

        front_pages = len(pack.pages)
        for number, path in enumerate(parts, start=1):
            right_hand()
            first = len(pack.pages)
            element, outline = add(path, f"{number}-")
            lengths.append(len(pack.pages) - first)
            element.S, element.P = Name.Part, document
            document.K.append(element)
            if outline is not None:
                _append_outline(pack, outline)
        if handouts:
            right_hand()
            first = len(pack.pages)
            group = pack.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Part, P=document, K=Array(),
                                                  T=pikepdf.String(handouts_title)))
            document.K.append(group)
            outlines = []
            for number, path in enumerate(handouts, start=1):
                element, outline = add(path, f"{len(parts) + 1}.{number}-", HANDOUT_PREFIX)
                element.S, element.P = Name.Art, group
                group.K.append(element)
                outlines.append(outline)
            heading = _outline_item(pack, handouts_title, pack.pages[first])
            for outline in outlines:
                if outline is not None:
                    _append_outline(pack, outline, heading)
            lengths.append(len(pack.pages) - first)
        pages = plan(front_pages, lengths)
        if len(pages) != len(pack.pages) or len(feet.pages) != len(pages):
            raise ValueError(f"the pack has {len(pack.pages)} pages, its plan {len(pages)}, its feet {len(feet.pages)}")
        for index, (page, foot) in enumerate(zip(pack.pages, feet.pages)):
            _draw_over(pack, page, foot, Name(f"/PackFoot{index}"))
        tree.ParentTreeNextKey = max(parent_tree.keys(), default=-1) + 1
        id_tree = NameTree.new(pack)
        for name in sorted(ids):
            id_tree[name] = ids[name]
        tree.IDTree = id_tree.obj
        page_labels = NumberTree.new(pack)
        for index, page in enumerate(pages):
            page_labels[index] = Dictionary(P=pikepdf.String(page.label))
        pack.Root.PageLabels = page_labels.obj
        partial = cachefolder.partial(Path(target))
        pack.save(partial, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    partial.replace(target)  # an interrupted build must not leave a truncated PDF under a valid name


_FOOT = b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC q %s Do Q EMC\n"


def _draw_over(pdf: pikepdf.Pdf, page: pikepdf.Page, foot: pikepdf.Page, name: Name) -> None:
    """Draw `foot` (a page of another PDF, untagged) over `page`, marked as a pagination artifact, as
    the form `name`: one per page (pages may share their resources), never a random one (the same
    input gives the same file)."""
    page.add_resource(pdf.copy_foreign(foot.as_form_xobject()), Name.XObject, name)
    page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
    page.contents_add(pdf.make_stream(b"Q\n" + _FOOT % str(name).encode("ascii")))


def _prefix_links(pdf: pikepdf.Pdf, prefix: str) -> None:
    """Put `prefix` before every named destination a link of `pdf` goes to."""
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", Array()):
            if isinstance(annotation.get("/Dest"), pikepdf.String):
                annotation.Dest = pikepdf.String(prefix + str(annotation.Dest))


def _outline_item(pdf: pikepdf.Pdf, title: str, page: pikepdf.Page) -> pikepdf.Dictionary:
    """A new top-level bookmark `title` that opens `page`."""
    item = pdf.make_indirect(Dictionary(Title=pikepdf.String(title), Count=0,
                                        Dest=Array([page.obj, Name.Fit])))
    outline = pdf.make_indirect(Dictionary(Type=Name.Outlines, First=item, Last=item, Count=1))
    _append_outline(pdf, outline)
    return item


def _shift_struct_parents(pdf: pikepdf.Pdf, offset: int) -> None:
    for page in pdf.pages:
        if "/StructParents" in page.obj:
            page.obj.StructParents = int(page.obj.StructParents) + offset
        for annotation in page.obj.get("/Annots", Array()):
            if "/StructParent" in annotation:
                annotation.StructParent = int(annotation.StructParent) + offset


def _rename_ids(element: pikepdf.Object, prefix: str, ids: dict[str, pikepdf.Object]) -> None:
    """Prefix the IDs in `element` and its descendants, and the header references to them, with
    `prefix`; record each element under its ID in `ids`."""
    if not isinstance(element, Dictionary):
        return
    if "/ID" in element:
        element.ID = pikepdf.String(prefix + str(element.ID))
        ids[str(element.ID)] = element
    attributes = element.get("/A")
    for owner in attributes if isinstance(attributes, Array) else [attributes]:
        if isinstance(owner, Dictionary) and "/Headers" in owner:
            owner.Headers = Array([pikepdf.String(prefix + str(h)) for h in owner.Headers])
    kids = element.get("/K")
    for kid in kids if isinstance(kids, Array) else [kids]:
        if isinstance(kid, Dictionary) and kid.get("/Type") == Name.StructElem:
            _rename_ids(kid, prefix, ids)


def _copy(pdf: pikepdf.Pdf, source: pikepdf.Pdf, value: pikepdf.Object) -> pikepdf.Object:
    """`value` of `source` copied into `pdf` (qpdf copies indirect objects only)."""
    return pdf.copy_foreign(value if value.is_indirect else source.make_indirect(value))


def _append_outline(pdf: pikepdf.Pdf, outline: pikepdf.Dictionary, parent: pikepdf.Dictionary | None = None) -> None:
    """Append the top-level items of `outline` (copied from a part) to `pdf`'s bookmarks, or under
    the bookmark `parent`."""
    if "/First" not in outline:
        return
    if parent is None:
        if "/Outlines" not in pdf.Root:
            pdf.Root.Outlines = pdf.make_indirect(Dictionary(Type=Name.Outlines, Count=0))
        root = pdf.Root.Outlines
    else:
        root = parent
    item = outline.First
    while True:
        item.Parent = root
        if "/Next" not in item:
            break
        item = item.Next
    if "/Last" in root:
        root.Last.Next, outline.First.Prev = outline.First, root.Last
    else:
        root.First = outline.First
    root.Last = outline.Last
    added = int(outline.get("/Count", 0))
    root.Count = int(root.get("/Count", 0)) + added
    if parent is not None:  # the items shown under an open bookmark count in its ancestors too
        pdf.Root.Outlines.Count = int(pdf.Root.Outlines.get("/Count", 0)) + added
