"""The training pack bound at the PDF level (binding.py), read back with pypdf and poppler: every
link lands on its heading, the structure tree is one tree whose keys and IDs do not collide,
bookmarks follow the handbooks and the handouts, and a poppler reader finds no fault. Printed for a
photocopier: every part starts on a right-hand page, with a blank page saying so before it where
needed, and every page's foot and label give its pack page beside its part's own, "87 · 3-12"."""

from __future__ import annotations

import multiprocessing
import re
import subprocess
from collections import Counter
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

import pikepdf

from pedoman import build_pdfs, load_corpus, stop_outputs
from pedoman.print.binding import PackPage, plan, roman
from pedoman.print.pdfbuild import PdfBuild
from pedoman.urls import pack_pdf

from conftest import VALID


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("binding")
    corpus = load_corpus(VALID)
    build_pdfs(corpus, root / "site", root / "cache", "https://pedoman.contoh.id")
    return corpus, root / "site" / "pdf"


def number_tree(node) -> dict[int, object]:
    """A PDF number tree, flat or with kids, as a dict."""
    node = node.get_object()
    found = {}
    nums = node.get("/Nums", [])
    for i in range(0, len(nums), 2):
        found[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids", []):
        found |= number_tree(kid)
    return found


def elements(reader: PdfReader) -> list[DictionaryObject]:
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, DictionaryObject) and node.get("/Type") == "/StructElem":
            found.append(node)
            walk(node.get("/K", ArrayObject()))
        elif isinstance(node, list):
            for kid in node:
                walk(kid)
    walk(reader.trailer["/Root"]["/StructTreeRoot"]["/K"])
    return found


def front_pages(reader: PdfReader) -> int:
    """The pack's front matter: the pages whose own number is in roman numerals ("2 · ii")."""
    return sum(1 for label in reader.page_labels if re.fullmatch(r"\d+ · [ivx]+", label))


def page_text(path, number: int) -> str:
    """The text of page `number` (from 1) as poppler reads it, white space folded."""
    text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_contents_link_lands_on_the_heading_it_names(built, lang):
    corpus, pdf = built
    reader = PdfReader(pdf / pack_pdf(lang))
    front = front_pages(reader)
    assert 1 <= front < len(reader.pages)
    destinations = reader.named_destinations
    titles = {f"{g.id}--{s.id}": f"{n}. {s.title.get(lang)}" for g in corpus.guidelines
              for n, s in enumerate(g.sections, start=1)}
    titles |= {g.id: g.title.get(lang) for g in corpus.guidelines}
    titles |= {f"handout--{g.id}": g.title.get(lang) for g in corpus.guidelines}
    followed = set()
    for number in range(front):
        for annotation in reader.pages[number].get("/Annots", []):
            name = str(annotation.get_object()["/Dest"])
            page = reader.get_destination_page_number(destinations[name])
            assert page >= front, name  # into a handbook, not back to the contents
            if name in titles:
                text = subprocess.run(["pdftotext", "-f", str(page + 1), "-l", str(page + 1), str(pdf / pack_pdf(lang)), "-"],
                                      capture_output=True, text=True, check=True).stdout
                assert titles[name] in " ".join(text.split()), name
                followed.add(name)
    assert followed == set(titles)


def test_every_link_inside_the_handbooks_still_resolves(built):
    _, pdf = built
    reader = PdfReader(pdf / pack_pdf("en"))
    destinations = reader.named_destinations
    links = [a.get_object()["/Dest"] for page in reader.pages for a in page.get("/Annots", [])
             if "/Dest" in a.get_object()]
    assert len(links) > 40 and all(str(name) in destinations for name in links)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_structure_tree_is_one_tree_with_a_part_per_handbook(built, lang):
    corpus, pdf = built
    reader = PdfReader(pdf / pack_pdf(lang))
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    document = root["/K"][0].get_object()
    assert document["/S"] == "/Document"
    parts = [kid.get_object() for kid in document["/K"] if kid.get_object()["/S"] == "/Part"]
    assert len(parts) == len(corpus.guidelines) + 1  # a part per handbook, and one of the handouts
    assert all(part.raw_get("/P") == document.indirect_reference for part in parts)
    handouts = [kid.get_object() for kid in parts[-1]["/K"]]
    assert [h["/S"] for h in handouts] == ["/Art"] * len(corpus.guidelines)
    assert all(h.raw_get("/P") == parts[-1].indirect_reference for h in handouts)
    # every element's page is a page of the pack, every page's and link's key is in the parent tree
    pages = {page.indirect_reference.idnum for page in reader.pages}
    found = elements(reader)
    assert all(e.raw_get("/Pg").idnum in pages for e in found if "/Pg" in e)
    parents = number_tree(root["/ParentTree"])
    keys = [page["/StructParents"] for page in reader.pages if "/StructParents" in page]  # not on a blank page
    keys += [a.get_object()["/StructParent"] for page in reader.pages for a in page.get("/Annots", [])]
    assert len(keys) == len(set(keys)) and set(keys) <= set(parents)
    assert root["/ParentTreeNextKey"] == max(parents) + 1
    # table header IDs are unique across handbooks, and every cell's headers exist
    ids = Counter(str(e["/ID"]) for e in found if "/ID" in e)
    assert ids and max(ids.values()) == 1
    headers = [str(h) for e in found if isinstance(e.get("/A"), DictionaryObject) for h in e["/A"].get("/Headers", [])]
    assert headers and set(headers) <= set(ids)


def test_bookmarks_follow_the_handbooks_and_the_handouts(built):
    corpus, pdf = built
    reader = PdfReader(pdf / pack_pdf("id"))
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top[1:] == [g.title.id for g in corpus.guidelines] + ["Lembar ringkas semua pedoman"]
    handouts = reader.outline[-1]  # the bookmarks nested under the last top-level one
    assert [item.title for item in handouts if not isinstance(item, list)] == [g.title.id for g in corpus.guidelines]
    assert reader.get_destination_page_number(reader.outline[-2]) == len(reader.pages) - len(corpus.guidelines)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_part_starts_on_a_right_hand_page_and_every_foot_gives_the_pack_page(built, lang):
    corpus, pdf = built
    path = pdf / pack_pdf(lang)
    reader = PdfReader(path)
    front = front_pages(reader)
    lengths = [len(PdfReader(pdf / f"{g.id}.{lang}.pdf").pages) for g in corpus.guidelines]
    lengths.append(sum(len(PdfReader(pdf / f"{g.id}.handout.{lang}.pdf").pages) for g in corpus.guidelines))
    expected = plan(front, lengths)
    assert reader.page_labels == [page.label for page in expected]
    starts = [page.number for page in expected if page.own.endswith("-1") and page.part]
    assert len(starts) == len(lengths) and all(number % 2 == 1 for number in starts)
    blank = "Halaman ini sengaja dikosongkan" if lang == "id" else "This page is intentionally left blank"
    blanks = [page.number for page in expected if page.part is None]
    assert blanks, "the fixture's front matter and parts should need at least one blank page"
    for page in expected:
        text = re.sub(r"\s*·\s*", " · ", page_text(path, page.number))  # poppler may drop the spaces of "1 · i"
        if page.part is None:  # the notice and the pack page, nothing else
            assert text == f"{blank} {page.number}", text
        else:  # the foot, "87 · 3-12", beside the part's own "Halaman 12 dari 30"
            assert page.label in text and blank not in text, (page.label, text)
            if 0 < page.part <= len(corpus.guidelines):  # a handbook's (each handout counts its own page 1)
                assert re.search(rf"(Halaman|Page) {page.page} (dari|of) \d+", text)
    # a part's own pages are those of its PDF: the first handbook's second page is its page 2
    first = next(p for p in expected if p.part == 1 and p.page == 2)
    assert page_text(pdf / f"{corpus.guidelines[0].id}.{lang}.pdf", 2)[:60] in page_text(path, first.number)


def test_the_feet_and_the_blank_notice_are_pagination_artifacts(built):
    """Drawn over every page outside the structure tree, so a screen reader does not read them."""
    _, pdf = built
    with pikepdf.open(pdf / pack_pdf("en")) as pack:
        for page in pack.pages:
            operators = pikepdf.parse_content_stream(page)
            marks = [str(op) for _, op in operators if str(op) in ("BDC", "BMC", "EMC", "Do")]
            assert marks[-3:] == ["BDC", "Do", "EMC"]
            operands, _ = next((o, op) for o, op in reversed(operators) if str(op) == "BDC")
            assert operands[0] == pikepdf.Name.Artifact and operands[1].Subtype == pikepdf.Name.Footer


@pytest.mark.parametrize("front, parts, blanks", [
    (2, [4, 4], []), (3, [4], [4]), (2, [3, 5, 2], [6, 12]), (1, [1, 1, 1], [2, 4, 6])])
def test_a_part_that_would_start_on_a_left_hand_page_gets_a_blank_page_before_it(front, parts, blanks):
    pages = plan(front, parts)
    assert [p.number for p in pages] == list(range(1, len(pages) + 1))
    assert [p.number for p in pages if p.part is None] == blanks
    assert all(p.number % 2 for p in pages if p.part and p.page == 1)
    assert len(pages) == front + sum(parts) + len(blanks)


def test_page_labels_read_as_printed():
    assert [PackPage(2, 0, 2).label, PackPage(87, 3, 12).label, PackPage(86, None).label] == ["2 · ii", "87 · 3-12", "86"]
    assert [roman(n) for n in (1, 4, 9, 14, 40)] == ["i", "iv", "ix", "xiv", "xl"]


def test_poppler_reads_the_pack_without_a_fault(built):
    _, pdf = built
    for lang in ("id", "en"):
        path = str(pdf / pack_pdf(lang))
        for command in (["pdfinfo", "-struct", path], ["pdftotext", path, "-"]):
            result = subprocess.run(command, capture_output=True, text=True)
            assert result.returncode == 0 and not result.stderr, (command, result.stderr)
        assert "Tagged:          yes" in subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout


def test_binding_the_same_handbooks_again_gives_the_same_file(built, tmp_path):
    corpus, pdf = built
    build_pdfs(corpus, tmp_path / "site", tmp_path / "cache", "https://pedoman.contoh.id")
    assert (tmp_path / "site" / "pdf" / pack_pdf("en")).read_bytes() == (pdf / pack_pdf("en")).read_bytes()


def test_a_failed_build_stops_its_pdf_workers_and_leaves_no_partial_file(tmp_path):
    """The PDFs are laid out beside the build from its start (PdfBuild); a build that fails stops
    them (build.stop_outputs, called by the hook on_build_error), and the next build clears what a
    stopped worker was writing."""
    cache = tmp_path / "cache"
    prepared = SimpleNamespace(side=None, pdfs=PdfBuild(load_corpus(VALID), cache, workers=2))
    assert len(multiprocessing.active_children()) == 2
    (cache / "0123.part").write_bytes(b"%PDF-")  # as a worker stopped mid-write leaves it
    stop_outputs(prepared)
    assert multiprocessing.active_children() == []
    report = build_pdfs(load_corpus(VALID), tmp_path / "site", cache)
    assert len(report.rendered) + len(report.cached) == 10 and not list(cache.glob("*.part"))
