"""The structure trees of the built PDFs, walked with pikepdf and read by poppler (`pdfinfo -struct-text`).

For a handbook, a handout, a facilitator guide and the training pack in each language, built from
the fixture corpus as the site's build makes them (`print.pdfbuild`, its structure finished by
`print.tagging.tidy`):

- the page margins (running head, version line, "Page x of y") are printed but are artifacts: no
  element of the structure tree shows them, and every marked-content sequence left on a page
  belongs to an element reachable from the root;
- the parent tree is whole (each page's and each link's key, each entry an element of the tree
  that holds that content), in the bound pack too;
- every header id a table cell names resolves through the IDTree to a header cell;
- the contents are a TOC of TOCI, each line one link whose text is the heading it goes to (found
  on the destination's page), described by that text, with no leader dots in the tree (a list
  continued on the next page is a second TOC there, its first item holding only the sub-list);
- the catalogue's /Lang is the file's language, and in an English file the Indonesian
  institutions' abbreviations are elements with /Lang "id";
- every figure has a text alternative and every font is embedded (poppler's `pdffonts`).

The tree poppler prints and the one pikepdf walks are compared element by element, so the texts
checked are poppler's reading, not the build's own.

What remains unchecked of PDF/UA-1 (the Matterhorn Protocol's 31 checkpoints, of which these
tests cover parts of 01, 06, 07, 11, 13, 14, 15, 28 and 31): whether all real content is tagged
(beyond the margins) and tagged with the right semantics (01-006, 09: e.g. a `dl` is an `L`, a
cover's definition list reads as list items); the nesting rules of the standard structure
types other than TOC/TOCI (09); heading levels in sequence (14-003); the XMP metadata's
`pdfuaid:part` and title (06, 07; WeasyPrint writes them, unchecked here); the order of
reading against the visual order; contrast and use of colour alone (04); the characters'
Unicode mapping beyond what poppler reads (10); a text alternative's quality (13: only its
presence); the language of texts the model does not know to be in another language (11:
glossary terms, titles of non-legal sources); annotations other than links, forms, optional
content, embedded files, security (19-26: the build writes none); and tab order (28-010).
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, NameTree, NumberTree

from pedoman import build_pdfs, load_corpus
from pedoman.presentation.words import CATALOGUE, long_date
from pedoman.print import pdfbuild, pdftext, tagging
from pedoman.urls import pack_pdf

from conftest import VALID

SITE = "https://pedoman.contoh.id"
GUIDELINE = "gt-uji"  # the fixture guideline with training: handbook, handout and facilitator guide
LANGS = ("id", "en")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("structure")
    corpus = load_corpus(VALID)
    build_pdfs(corpus, root / "site", root / "cache", SITE)
    return corpus, root / "site" / "pdf"


def files(lang: str) -> dict[str, str]:
    return {"handbook": f"{GUIDELINE}.{lang}.pdf", "handout": f"{GUIDELINE}.handout.{lang}.pdf",
            "facilitator": f"{GUIDELINE}.facilitator.{lang}.pdf", "pack": pack_pdf(lang)}


CASES = [(kind, lang) for lang in LANGS for kind in ("handbook", "handout", "facilitator", "pack")]


# --- poppler's reading of the tree ---------------------------------------------------------------

@dataclass
class Node:
    """An element as `pdfinfo -struct-text` prints it: its type, texts and kids."""

    type: str
    texts: list[str] = field(default_factory=list)
    kids: list["Node"] = field(default_factory=list)

    def text(self) -> str:
        return " ".join(" ".join([*self.texts, *(k.text() for k in self.kids)]).split())

    def walk(self):
        yield self
        for kid in self.kids:
            yield from kid.walk()


def poppler_tree(pdf: Path) -> Node:
    out = subprocess.run(["pdfinfo", "-struct-text", str(pdf)], capture_output=True, text=True, check=True).stdout
    root = Node("root")
    stack: list[tuple[int, Node]] = [(-1, root)]
    for line in out.splitlines():
        depth, content = len(line) - len(line.lstrip(" ")), line.strip()
        if not content:
            continue
        while stack[-1][0] >= depth:
            stack.pop()
        owner = stack[-1][1]
        if content.startswith('"'):
            owner.texts.append(content[1:-1])
        elif content.startswith("/") or re.fullmatch(r"Object \d+ \d+", content):
            continue  # an attribute, a link's annotation
        else:
            node = Node(re.split(r"[\s:<(]", content, maxsplit=1)[0])
            owner.kids.append(node)
            stack.append((depth, node))
    return root


def pikepdf_elements(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """The elements under the StructTreeRoot in document order (as poppler prints them)."""
    found = []

    def walk(node):
        if isinstance(node, Array):
            for kid in node:
                walk(kid)
        elif isinstance(node, Dictionary) and "/S" in node:
            found.append(node)
            walk(node.get("/K"))
    walk(pdf.Root.StructTreeRoot.get("/K"))
    return found


def paired(path: Path, pdf: pikepdf.Pdf) -> list[tuple[pikepdf.Dictionary, Node]]:
    """Each element of the tree of `pdf` (opened from `path`) as pikepdf walks it, with poppler's
    reading of it; the two trees must have the same elements of the same types in the same order."""
    ours, theirs = pikepdf_elements(pdf), list(poppler_tree(path).walk())[1:]
    assert [str(e.S)[1:] for e in ours] == [n.type for n in theirs]
    return list(zip(ours, theirs))


def kids(element) -> list:
    k = element.get("/K")
    return list(k) if isinstance(k, Array) else [] if k is None else [k]


def page_text(path: Path, page: int) -> str:
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


# --- the checks ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_the_margins_are_printed_but_not_content(built, kind, lang, tmp_path):
    corpus, folder = built
    path = folder / files(lang)[kind]
    labels = CATALOGUE[lang]
    g = next(g for g in corpus.guidelines if g.id == GUIDELINE)
    count = len(pikepdf.open(path).pages)
    printed = " ".join(page_text(path, n) for n in range(1, count + 1))
    content = without_artifacts(path, tmp_path / "content.pdf")  # what is not marked as an artifact
    tree = poppler_tree(path).text()
    for read in (content, tree):
        numbers = rf"{labels['page']} (\d+|[ivx]+) {labels['of']} (\d+|[ivx]+)"  # "Page 3 of 12", a part's own
        assert len(re.findall(numbers, printed)) >= count - printed.count(labels["blank_page"])
        assert not re.search(numbers, read)  # printed on every page, but neither content nor in the tree
        if kind == "pack":
            read = read.replace("87 · 3-12", "")  # the contents' note explains the feet with an example
            feet = r"\b\d+ · (\d+-\d+|[ivx]+)\b"
            assert len(re.findall(feet, printed)) >= count - printed.count(labels["blank_page"])
            assert not re.search(feet, read)  # the pack's feet
        elif kind != "handout":  # one page: no running head nor version line (its head says it, as content)
            line = re.escape(f"{labels['version']} {g.version} · {long_date(g.updated, lang)}")
            # on every page but the first; the cover may say it once, as content
            assert len(re.findall(line, printed)) - len(re.findall(line, read)) == count - 1
    assert "." * 6 not in content.replace(" ", "")  # the contents' leader dots are artifacts too


def without_artifacts(path: Path, copy: Path) -> str:
    """The text poppler reads in a copy of the PDF at `path` whose marked artifacts are taken out."""
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            kept, depth = [], 0  # depth: inside an artifact, how many marked sequences are open
            for operands, operator in pikepdf.parse_content_stream(page):
                name = str(operator)
                if depth:
                    depth += {"BDC": 1, "BMC": 1, "EMC": -1}.get(name, 0)
                elif name in ("BDC", "BMC") and operands[0] == Name.Artifact:
                    depth = 1
                else:
                    kept.append((operands, operator))
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
        pdf.save(copy)
    out = subprocess.run(["pdftotext", str(copy), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_the_parent_tree_leads_every_marked_content_and_link_to_its_element(built, kind, lang):
    _, folder = built
    pdf = pikepdf.open(folder / files(lang)[kind])
    root = pdf.Root.StructTreeRoot
    elements = pikepdf_elements(pdf)
    reachable = {e.objgen for e in elements}
    parents = NumberTree(root.ParentTree)
    artifacts = 0
    for index, page in enumerate(pdf.pages):
        marked = []  # the MCIDs of the page's content
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) == "BDC" and isinstance(operands[1], Dictionary) and "/MCID" in operands[1]:
                marked.append(int(operands[1].MCID))
            if str(operator) in ("BDC", "BMC") and operands[0] == Name.Artifact:
                artifacts += 1
        if not marked:
            continue
        refs = parents[int(page.obj.StructParents)]
        for mcid in marked:
            element = refs[mcid]
            assert isinstance(element, Dictionary) and element.objgen in reachable, (index, mcid)
            assert mcid in [int(k) for k in kids(element) if isinstance(k, int)] or any(
                isinstance(k, Dictionary) and k.get("/MCID") == mcid for k in kids(element))
        for annotation in page.obj.get("/Annots", Array()):
            link = parents[int(annotation.StructParent)]
            assert link.S == Name.Link and link.objgen in reachable
            assert any(isinstance(k, Dictionary) and k.get("/Type") == Name.OBJR and k.Obj.objgen == annotation.objgen
                       for k in kids(link))
    assert artifacts >= 2 * (len(pdf.pages) - 1)  # at least a head or foot and a page number per page
    assert int(root.get("/ParentTreeNextKey", max(parents.keys()) + 1)) > max(parents.keys())


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_every_header_id_resolves_through_the_id_tree(built, kind, lang):
    _, folder = built
    pdf = pikepdf.open(folder / files(lang)[kind])
    elements = pikepdf_elements(pdf)
    named = [h for e in elements if isinstance(e.get("/A"), Dictionary) and "/Headers" in e.A for h in e.A.Headers]
    if not named:
        assert kind == "pack" or not any(e.S == Name.TH for e in elements)
    if kind != "pack":
        assert named  # each of these prints a table
    ids = NameTree(pdf.Root.StructTreeRoot.IDTree)
    reachable = {e.objgen for e in elements}
    for name in named:
        header = ids[str(name)]
        assert header.S == Name.TH and str(header.ID) == str(name) and header.objgen in reachable


@pytest.mark.parametrize(("kind", "lang"), [c for c in CASES if c[0] != "handout"])
def test_contents_are_a_toc_with_one_link_per_line_whose_text_is_the_heading(built, kind, lang):
    _, folder = built
    path = folder / files(lang)[kind]
    pdf = pikepdf.open(path)
    pairs = paired(path, pdf)
    annotations = {a.objgen: a for page in pdf.pages for a in page.obj.get("/Annots", Array())}
    pages = {page.objgen: n for n, page in enumerate(pdf.pages, start=1)}
    destinations = NameTree(pdf.Root.Names.Dests)
    outline = {}
    with pdf.open_outline() as tree:
        todo = list(tree.root)
        while todo:
            item = todo.pop()
            todo += list(item.children)
            outline[item.title] = item.destination
    items = [(e, n) for e, n in pairs if e.S == Name.TOCI]
    assert len(items) >= 6 and all(e.P.S == Name.TOC for e, _ in items)
    for toc in (e for e, _ in pairs if e.S == Name.TOC):  # no list left inside the contents
        assert not any(d.S in (Name.L, Name.LI, Name.LBody) for d in _descendants(toc))
    for element, node in items:
        lines = [k for k in kids(element) if isinstance(k, Dictionary) and k.S != Name.TOC]
        if not lines:  # an item continued from the page before (WeasyPrint tags each page's part apart):
            assert [k.S for k in kids(element)] == [Name.TOC]  # only its sub-list
            continue
        links = [d for k in lines for d in _descendants(k) if d.S == Name.Link]
        assert len(links) == 1, node.text()  # one link per line
        link = next(n for e, n in pairs if e.objgen == links[0].objgen)
        text = link.text()
        assert text and "." * 3 not in text.replace(" ", "")
        reference = next(n for e, n in pairs if e.objgen == lines[0].objgen)
        assert reference.text().startswith(text) and re.fullmatch(r"\d+", reference.text()[len(text):].strip()), \
            reference.text()  # the heading, then its page number: no leader dots read aloud
        annotation = annotations[next(k.Obj.objgen for k in kids(links[0]) if isinstance(k, Dictionary))]
        assert str(annotation.Contents) == text  # the link is described by its text, not an anchor id
        page = pages[destinations[str(annotation.Dest)][0].objgen]
        if kind == "pack" and text.endswith(CATALOGUE[lang]["pack_handouts"]):  # a part without a heading:
            assert pages[outline[CATALOGUE[lang]["pack_handouts"]][0].objgen] == page  # its bookmark's page
            continue
        heading = re.sub(r"^\d+\.\s*", "", text) if kind == "pack" else text  # a cover's title has no number
        assert heading.replace(" ", "") in page_text(path, page).replace(" ", "")  # the heading is there


def _descendants(element):
    for kid in kids(element):
        if isinstance(kid, Dictionary) and "/S" in kid:
            yield kid
            yield from _descendants(kid)


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_the_language_is_declared_and_indonesian_terms_in_english_files_are_marked(built, kind, lang):
    corpus, folder = built
    path = folder / files(lang)[kind]
    pdf = pikepdf.open(path)
    assert str(pdf.Root.Lang) == lang
    marked = {}
    for element, node in paired(path, pdf):
        if "/Lang" in element:
            marked.setdefault(str(element.Lang), set()).add(node.text())
    if lang == "id" or kind == "facilitator":
        assert not marked.get("en")  # the model marks no English inside an Indonesian file
        return
    indonesian = {a.abbreviation for a in corpus.agencies.values() if a.abbreviation and a.level != "international"}
    assert set(marked) == {"id"}
    # an Indonesian institution's abbreviation, or a text not yet translated, printed in Indonesian
    originals = "".join(page_text(folder / f"{g.id}.id.pdf", n) for g in corpus.guidelines
                        for n in range(1, len(pikepdf.open(folder / f"{g.id}.id.pdf").pages) + 1)).replace(" ", "")
    for text in marked["id"] - indonesian - {""}:
        assert text.replace(" ", "") in originals, text
    printed = " ".join(page_text(path, n) for n in range(1, len(pdf.pages) + 1))
    g = next(g for g in corpus.guidelines if g.id == GUIDELINE)
    if kind == "handout":  # its key to the abbreviations printed on it
        labels = CATALOGUE[lang]
        key = printed.split(f"{labels['handout_key']}:")[1].split(labels["hotlines"])[0]
        expected = {t for t in indonesian if re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", key)}
    else:  # who acts in each formation step
        expected = {corpus.agencies[a].abbreviation for st in g.steps for a in st.responsible} & indonesian
    assert expected and expected <= marked["id"]


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_figures_have_a_text_alternative_and_fonts_are_embedded(built, kind, lang):
    _, folder = built
    path = folder / files(lang)[kind]
    pdf = pikepdf.open(path)
    figures = [e for e in pikepdf_elements(pdf) if e.S == Name.Figure]
    assert all(str(e.get("/Alt", "")).strip() for e in figures)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert out and all(line.split()[-5] == "yes" for line in out)  # the "emb" column


def test_the_tagging_code_is_part_of_every_pdf_key():
    html = "<html lang='en'><body><p>x</p></body></html>"
    assert pdfbuild.cache_key(html, "fonts") != pdfbuild.cache_key(html, "fonts", tagging_code="other")
    assert pdfbuild.cache_key(html, "fonts") == pdfbuild.cache_key(html, "fonts", tagging_code=pdfbuild._TAGGING_CODE)
    for module in (tagging, pdftext):  # a change to either gives every PDF a new key
        assert Path(module.__file__).read_text(encoding="utf-8") in pdfbuild._TAGGING_CODE
