"""Binding tagged PDFs into one at the PDF level, for the training pack.

A pack is its front matter (cover and contents) followed by the handbooks, each
as WeasyPrint wrote it for its own PDF: no page is laid out or drawn a second
time. What a reader and a screen reader rely on is carried over from every
part and renumbered where the parts' numbers would collide:

- the pages, with their links;
- the named destinations, so that every link within a handbook, and every
  link of the front matter's contents, lands on its heading in the pack;
- the structure tree (PDF/UA): each handbook's Document element becomes a Part
  of the pack's Document, and the parent tree's keys (StructParents of pages,
  StructParent of annotations) are shifted past those already taken;
- table header cells' IDs and the cells' references to them, prefixed with the
  part's number (WeasyPrint numbers them within each PDF), and an ID tree of
  them all;
- the bookmarks, each handbook's after the front matter's;
- page labels, so that a viewer shows the numbers printed on the page: i, ii, …
  for the front matter, then "3-12" for page 12 of the third handbook.

The pack keeps the front matter's catalogue entries: its language, title,
author, keywords and PDF/UA identification.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, NameTree, NumberTree

from pedoman import cachefolder


def anchor_pages(path: Path | str) -> tuple[dict[str, int], int]:
    """({named destination: the page it is on, counted from 1}, number of pages) of a PDF."""
    with pikepdf.open(path) as pdf:
        number = {page.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        names = pdf.Root.get("/Names", Dictionary()).get("/Dests")
        found = {} if names is None else {
            name: number[destination[0].objgen] for name, destination in NameTree(names).items()}
        return found, len(pdf.pages)


def bind(front: Path | str, parts: list[Path | str], target: Path | str) -> None:
    """Write `target`: the pages of `front` followed by those of each of `parts`, one tagged PDF.

    A name destined in both `front` and a part is taken from the part: the front matter's
    contents name the part's headings and carry those names only so that WeasyPrint keeps
    the links. The file identifier is a digest of the content: the same input gives the same file.
    """
    with pikepdf.open(front) as pack:
        tree = pack.Root.StructTreeRoot
        document = tree.K[0]
        parent_tree = NumberTree(tree.ParentTree)
        destinations = NameTree(pack.Root.Names.Dests)
        labels = [(0, Dictionary(S=Name.r))]
        ids: dict[str, pikepdf.Object] = {}
        _rename_ids(document, "", ids)
        for number, path in enumerate(parts, start=1):
            with pikepdf.open(path) as part:
                offset = max(parent_tree.keys(), default=-1) + 1
                _shift_struct_parents(part, offset)
                labels.append((len(pack.pages), Dictionary(S=Name.D, P=f"{number}-")))
                with warnings.catch_warnings():  # named destinations are carried below
                    warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
                    pack.pages.extend(part.pages)
                # Copied after the pages: qpdf maps each /Pg and page in a destination to the copy.
                source_tree = part.Root.StructTreeRoot
                element = source_tree.K[0]
                del element["/P"]  # not the part's StructTreeRoot: it stays behind
                element = pack.copy_foreign(element)
                element.S, element.P = Name.Part, document
                _rename_ids(element, f"{number}-", ids)
                document.K.append(element)
                for key, value in NumberTree(source_tree.ParentTree).items():
                    parent_tree[key + offset] = _copy(pack, part, value)
                for name, destination in NameTree(part.Root.Names.Dests).items():
                    destinations[name] = _copy(pack, part, destination)
                if "/Outlines" in part.Root:
                    _append_outline(pack, pack.copy_foreign(part.Root.Outlines))
        tree.ParentTreeNextKey = max(parent_tree.keys(), default=-1) + 1
        id_tree = NameTree.new(pack)
        for name in sorted(ids):
            id_tree[name] = ids[name]
        tree.IDTree = id_tree.obj
        page_labels = NumberTree.new(pack)
        for index, label in labels:
            page_labels[index] = label
        pack.Root.PageLabels = page_labels.obj
        partial = cachefolder.partial(Path(target))
        pack.save(partial, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    partial.replace(target)  # an interrupted build must not leave a truncated PDF under a valid name


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


def _append_outline(pdf: pikepdf.Pdf, outline: pikepdf.Dictionary) -> None:
    """Append the top-level items of `outline` (copied from a part) to `pdf`'s bookmarks."""
    if "/First" not in outline:
        return
    if "/Outlines" not in pdf.Root:
        pdf.Root.Outlines = pdf.make_indirect(Dictionary(Type=Name.Outlines, Count=0))
    root = pdf.Root.Outlines
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
    root.Count = int(root.get("/Count", 0)) + int(outline.get("/Count", 0))

