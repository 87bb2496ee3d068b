"""What WeasyPrint 70 leaves undone in a tagged PDF's structure, done after layout with pikepdf (`tidy`).

- The text of the page margins (running head, version line, "Page x of y") is marked as content
  (`/Span` with an MCID) whose structure elements WeasyPrint never links into the tree: a reader
  that follows marked content still reads it on every page, and PDF/UA wants it as an artifact.
  It becomes `/Artifact` of type `/Pagination` and leaves the parent tree.
- Table cells name their header cells by id (`/Headers`), but the structure tree has no IDTree
  to resolve those ids: one is added.
- A contents list is tagged `L`/`LI`/`LBody` like any list. The list of `<nav class="toc">` (found
  by its links' destinations, the hrefs the HTML gives) becomes `TOC`, each item `TOCI` holding a
  `Reference` (the link and its page number) and, for a two-level contents, its sub-list, a `TOC`
  too. The leader dots between a heading and its page number become artifacts: read aloud they
  are noise.
- A link annotation's description (`/Contents`, which a screen reader announces) is the anchor's
  id as WeasyPrint writes it: it becomes the link's text, as printed.
- WeasyPrint does not write an element's `lang` as `/Lang`. The texts the HTML marks in another
  language than the document's (`<span lang="id">UPTD PPA</span>` in an English handbook) are
  found in the structure tree by their printed text: a run of one to three sibling `Span`
  elements whose text is exactly such a text gets that `/Lang` (a text split over two lines is
  two elements). The same abbreviation printed in its own run but not marked in the HTML is the
  same Indonesian word, so marking it too is right. The catalogue's `/Lang` is WeasyPrint's,
  from `<html lang>`.

The printed text of marked content is read by `pdftext`.
WeasyPrint cannot do any of this from HTML or CSS (its margin boxes are tagged in `pdf/tags.py`,
which leaves them out of the tree "since Artifact is only allowed in PDF 2.0" there).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, NameTree, NumberTree, Operator

from pedoman.print.pdftext import Tree, is_element, kids

_BDC = Operator("BDC")
_LEADER = re.compile(r"[\s.·…]+")


@dataclass
class Hints:
    """What the print HTML says that the PDF's structure tree does not: the destinations the
    contents links go to, and the texts marked in another language ({text: lang})."""

    lang: str = ""
    contents: set[str] = field(default_factory=set)
    languages: dict[str, str] = field(default_factory=dict)


class _HintReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hints = Hints()
        self._open: list[tuple[str, bool, str | None]] = []  # (tag, inside a contents nav, its lang)
        self._texts: list[list[str]] = []  # the text of each open element with a lang of its own

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        inside = bool(self._open and self._open[-1][1])
        if tag == "nav" and "toc" in (attrs.get("class") or "").split():
            inside = True
        if tag == "html":
            self.hints.lang = attrs.get("lang") or ""
        elif inside and tag == "a" and (attrs.get("href") or "").startswith("#"):
            self.hints.contents.add(attrs["href"][1:])
        lang = attrs.get("lang") if tag != "html" else None
        if tag in ("br", "img", "meta", "link", "hr", "input", "wbr"):
            return
        self._open.append((tag, inside, lang))
        if lang:
            self._texts.append([])

    def handle_endtag(self, tag):
        while self._open:
            name, _, lang = self._open.pop()
            if lang:
                words = " ".join("".join(self._texts.pop()).split())
                if words and lang != self.hints.lang:
                    self.hints.languages[words] = lang
            if name == tag:
                break

    def handle_data(self, data):
        for texts in self._texts:
            texts.append(data)


def hints(html: str) -> Hints:
    """The `Hints` of a print HTML."""
    reader = _HintReader()
    reader.feed(html)
    reader.close()
    return reader.hints


_MARKED = re.compile(rb"/\w+\s*<<\s*/MCID\s+(\d+)\s*>>\s*BDC")
_PAGINATION = b"/Artifact <</Type /Pagination>> BDC"


def _artifacts(tree: Tree, page: int, mcids: set[int]) -> int:
    """Mark the content sequences `mcids` of page `page` as pagination artifacts and take them out of
    the parent tree: how many were marked."""
    pdf_page = tree.pdf.pages[page]
    marked = 0

    def replace(match: re.Match) -> bytes:
        nonlocal marked
        if int(match.group(1)) not in mcids:
            return match.group(0)
        marked += 1
        return _PAGINATION

    # WeasyPrint writes "/Span <</MCID 3>> BDC": replaced in the stream's bytes, 4 times faster than
    # parsing it; a stream written otherwise is parsed
    data = _MARKED.sub(replace, pdf_page.Contents.read_bytes() if "/Contents" in pdf_page.obj else b"")
    if marked != len(mcids):
        marked, commands = 0, []
        for operands, operator in tree.commands(page):
            if operator == _BDC and isinstance(operands[1], Dictionary) and int(operands[1].get("/MCID", -1)) in mcids:
                operands = [Name.Artifact, Dictionary(Type=Name.Pagination)]
                marked += 1
            commands.append((operands, operator))
        data = pikepdf.unparse_content_stream(commands)
    pdf_page.obj.Contents = tree.pdf.make_stream(data)
    refs = NumberTree(tree.root.ParentTree)[int(pdf_page.obj.StructParents)]
    for mcid in sorted(mcids):
        if mcid < len(refs):
            refs[mcid] = None
    return marked


def _margins(tree: Tree) -> dict[int, set[int]]:
    """{page: MCIDs} of the margin boxes' text: marked content whose elements are not in the tree."""
    linked = {e.objgen for e in tree.elements}
    parents = NumberTree(tree.root.ParentTree)
    found = {}
    for index, page in enumerate(tree.pdf.pages):
        key = page.obj.get("/StructParents")
        if key is None or int(key) not in parents:
            continue
        refs = parents[int(key)]
        loose = {i for i, ref in enumerate(refs) if isinstance(ref, Dictionary) and ref.objgen not in linked}
        if loose:
            found[index] = loose
    return found


def _annotation_targets(tree: Tree) -> dict[tuple[int, int], pikepdf.Dictionary]:
    """{Link element: the link annotation it holds}, by the element's objgen."""
    found = {}
    for element in tree.elements:
        if element.S == Name.Link:
            for kid in kids(element):
                if isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
                    found[element.objgen] = kid.Obj
    return found


def _destination(annotation: pikepdf.Dictionary) -> str | None:
    dest = annotation.get("/Dest")
    if dest is None and "/A" in annotation:
        dest = annotation.A.get("/D") if annotation.A.get("/S") == Name.GoTo else annotation.A.get("/URI")
    return str(dest) if isinstance(dest, pikepdf.String) else None


def _describe_links(tree: Tree, annotations: dict) -> int:
    """Give every link annotation its text as printed for its description (/Contents); a link broken
    over two lines is two annotations, each described by the whole link's text."""
    described = 0
    for parent in tree.elements:
        siblings = [k for k in kids(parent) if is_element(k)]
        n = 0
        while n < len(siblings):
            if siblings[n].S != Name.Link or siblings[n].objgen not in annotations:
                n += 1
                continue
            target = _destination(annotations[siblings[n].objgen])
            group = [siblings[n]]
            while (n + len(group) < len(siblings) and siblings[n + len(group)].S == Name.Link
                   and siblings[n + len(group)].objgen in annotations
                   and _destination(annotations[siblings[n + len(group)].objgen]) == target):
                group.append(siblings[n + len(group)])
            text = " ".join(tree.text(link) for link in group).strip()
            for link in group:
                if text:
                    annotations[link.objgen].Contents = pikepdf.String(text)
                    described += 1
            n += len(group)
    return described


_CONTENTS_PATH = {Name.L, Name.LI, Name.LBody, Name.NonStruct, Name.Span, Name.Link}
"""The elements between a contents link and its list: the list, its item and body, WeasyPrint's
anonymous boxes."""


def _contents(tree: Tree, hints: Hints, annotations: dict, artifacts: dict[int, set[int]]) -> int:
    """Re-type the contents lists (those holding a link to a destination of `hints.contents`) as TOC,
    their items as TOCI holding a Reference and any sub-list; add the leader dots' marked content to
    `artifacts`. How many TOCI there are."""
    parent_of = {kid.objgen: e for e in tree.elements for kid in kids(e) if is_element(kid)}
    lists: dict[tuple[int, int], pikepdf.Dictionary] = {}
    for element in tree.elements:
        if element.objgen in annotations and _destination(annotations[element.objgen]) in hints.contents:
            up = parent_of.get(element.objgen)
            while up is not None and up.S in _CONTENTS_PATH:
                if up.S in (Name.L, Name.TOC):
                    lists[up.objgen] = up
                up = parent_of.get(up.objgen)
    items = 0
    for found in lists.values():
        found.S = Name.TOC
        for item in kids(found):
            if not is_element(item) or item.S != Name.LI:
                continue
            item.S, kept = Name.TOCI, Array()
            items += 1
            for body in kids(item):
                if is_element(body) and body.S == Name.LBody:
                    body.S = Name.Reference
                    nested = [k for k in kids(body) if is_element(k) and k.objgen in lists]
                    body.K = Array([k for k in kids(body) if not (is_element(k) and k.objgen in lists)])
                    if _drop_leaders(tree, body, artifacts):  # an item continued from the page before has none
                        kept.append(body)
                    for sub in nested:
                        sub.P = item
                        kept.append(sub)
                else:
                    kept.append(body)
            item.K = kept
    return items


def _drop_leaders(tree: Tree, element: pikepdf.Dictionary, artifacts: dict[int, set[int]]) -> bool:
    """Take the leader dots out of `element` (adding their marked content to `artifacts`): whether
    anything is left in it."""
    kept = Array()
    for kid in kids(element):
        if is_element(kid) and kid.S != Name.Link:
            marked = tree.marked(kid)
            if marked and len(marked) == len(kids(kid)) and _LEADER.fullmatch(tree.text(kid) or "x"):
                for page, mcid in marked:
                    artifacts.setdefault(page, set()).add(mcid)
                continue
            if not _drop_leaders(tree, kid, artifacts):
                continue
        kept.append(kid)
    element.K = kept
    return len(kept) > 0


def _language_run(tree: Tree, hints: Hints, siblings: list, n: int) -> int:
    """Give /Lang to the run of one to three Span elements from `siblings[n]` whose text `hints` marks in
    another language: its length, 0 if there is none."""
    for size in (1, 2, 3):
        run = siblings[n:n + size]
        if len(run) < size or any(k.S != Name.Span for k in run):
            return 0
        lang = hints.languages.get(tree.text(*run))
        if lang:
            for kid in run:
                kid.Lang = pikepdf.String(lang)
            return size
    return 0


def _languages(tree: Tree, hints: Hints) -> int:
    """Give /Lang to the elements whose text `hints` marks in another language: how many runs."""
    if not hints.languages:
        return 0
    marked, todo = 0, [e for e in kids(tree.root) if is_element(e)]
    while todo:
        siblings = [k for k in kids(todo.pop()) if is_element(k)]
        n = 0
        while n < len(siblings):
            size = _language_run(tree, hints, siblings, n)
            if size:
                marked += 1
                n += size
            else:
                todo.append(siblings[n])
                n += 1
    return marked


@dataclass
class Tidied:
    """What `tidy` did: marked-content sequences made artifacts, ids in the IDTree, contents items,
    link descriptions written, runs of text given a /Lang."""

    artifacts: int
    ids: int
    contents: int
    links: int
    languages: int


def tidy(path: Path | str, html: str | None = None) -> Tidied:
    """Finish the structure of the tagged PDF at `path`, laid out from the print HTML `html`, in place
    (see the module's description)."""
    found = hints(html) if html else Hints()
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        tree = Tree(pdf)
        annotations = _annotation_targets(tree)
        artifacts = _margins(tree)
        contents = _contents(tree, found, annotations, artifacts)
        links = _describe_links(tree, annotations)
        languages = _languages(tree, found)
        marked = sum(_artifacts(tree, page, mcids) for page, mcids in sorted(artifacts.items()))
        ids = NameTree.new(pdf)
        for e in tree.elements:
            if "/ID" in e:
                ids[bytes(e.ID).decode("latin-1")] = e
        if len(ids):
            tree.root.IDTree = ids.obj
        pdf.save(path, deterministic_id=True)  # the same input gives the same file
        return Tidied(marked, len(ids), contents, links, languages)
