"""The training pack bound at the PDF level (binding.py), read back with pypdf and poppler: every
link lands on its heading, the structure tree is one tree whose keys and IDs do not collide,
bookmarks and page labels follow the handbooks, and a poppler reader finds no fault."""

from __future__ import annotations

import multiprocessing
import re
import subprocess
from collections import Counter
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from pedoman import build_pdfs, load_corpus, stop_pdfs
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
    """The pack's front matter: the pages labelled in roman numerals."""
    return sum(1 for label in reader.page_labels if re.fullmatch(r"[ivx]+", label))


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
    assert len(parts) == len(corpus.guidelines)
    assert all(part.raw_get("/P") == document.indirect_reference for part in parts)
    # every element's page is a page of the pack, every page's and link's key is in the parent tree
    pages = {page.indirect_reference.idnum for page in reader.pages}
    found = elements(reader)
    assert all(e.raw_get("/Pg").idnum in pages for e in found if "/Pg" in e)
    parents = number_tree(root["/ParentTree"])
    keys = [page["/StructParents"] for page in reader.pages]
    keys += [a.get_object()["/StructParent"] for page in reader.pages for a in page.get("/Annots", [])]
    assert len(keys) == len(set(keys)) and set(keys) <= set(parents)
    assert root["/ParentTreeNextKey"] == max(parents) + 1
    # table header IDs are unique across handbooks, and every cell's headers exist
    ids = Counter(str(e["/ID"]) for e in found if "/ID" in e)
    assert ids and max(ids.values()) == 1
    headers = [str(h) for e in found if isinstance(e.get("/A"), DictionaryObject) for h in e["/A"].get("/Headers", [])]
    assert headers and set(headers) <= set(ids)


def test_bookmarks_and_page_labels_follow_the_handbooks(built):
    corpus, pdf = built
    reader = PdfReader(pdf / pack_pdf("id"))
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top[1:] == [g.title.id for g in corpus.guidelines]
    front = front_pages(reader)
    labels = reader.page_labels
    start = front
    for number, g in enumerate(corpus.guidelines, start=1):
        length = len(PdfReader(pdf / f"{g.id}.id.pdf").pages)
        assert labels[start:start + length] == [f"{number}-{page}" for page in range(1, length + 1)]
        start += length
    assert start == len(reader.pages)


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
    them (site.stop_pdfs, called by the hook on_build_error), and the next build clears what a
    stopped worker was writing."""
    cache = tmp_path / "cache"
    prepared = SimpleNamespace(pdfs=PdfBuild(load_corpus(VALID), cache, workers=2))
    assert len(multiprocessing.active_children()) == 2
    (cache / "0123.part").write_bytes(b"%PDF-")  # as a worker stopped mid-write leaves it
    stop_pdfs(prepared)
    assert multiprocessing.active_children() == []
    report = build_pdfs(load_corpus(VALID), tmp_path / "site", cache)
    assert len(report.rendered) + len(report.cached) == 10 and not list(cache.glob("*.part"))
