"""Nothing in a printed PDF is cut off or printed over something else.

Every page of every PDF of the shipped corpus and of the tests' corpus is read
back with poppler (`pdftotext -bbox`): no word's box may overlap another's, and
none may lie outside the page. A diagram taller than a page used to run over the
running footer and lose its last steps below the page's edge; every step of
every diagram must now be printed, each on a page that holds it whole.
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest

from pedoman import build_pdfs, load_corpus
from pedoman.presentation import diagrams

from conftest import VALID
from harness import ROOT

TOLERANCE = 0.5
"""Points two boxes may share: glyph boxes of neighbouring words touch at their edges."""

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>')


def words(pdf: Path) -> list[tuple[float, float, list[tuple[float, float, float, float, str]]]]:
    """(width, height, word boxes) of each page, as poppler reads them."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [(float(w), float(h), [(float(a), float(b), float(c), float(d), html.unescape(t))
                                  for a, b, c, d, t in _WORD.findall(body)])
            for w, h, body in _PAGE.findall(out)]


def layout_problems(pdf: Path) -> list[str]:
    """'page N: ...' for each word outside the page and each pair of words printed over each other."""
    found = []
    for number, (width, height, boxes) in enumerate(words(pdf), start=1):
        for x0, y0, x1, y1, text in boxes:
            if x0 < -TOLERANCE or y0 < -TOLERANCE or x1 > width + TOLERANCE or y1 > height + TOLERANCE:
                found.append(f"page {number}: {text!r} lies outside the page")
        boxes = sorted(boxes)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                if b[0] >= a[2] - TOLERANCE:
                    break  # sorted by left edge: no later word reaches back over this one
                if (min(a[2], b[2]) - max(a[0], b[0]) > TOLERANCE
                        and min(a[3], b[3]) - max(a[1], b[1]) > TOLERANCE):
                    found.append(f"page {number}: {a[4]!r} and {b[4]!r} are printed over each other")
    return found


@pytest.fixture(scope="module", params=["tests", "shipped"])
def built(request, tmp_path_factory):
    """Every PDF of a corpus, as a build with the site's address set writes them."""
    content = VALID if request.param == "tests" else ROOT / "guidelines"
    root = tmp_path_factory.mktemp(f"print-{request.param}")
    corpus = load_corpus(content)
    build_pdfs(corpus, root / "site", root / "cache", "https://pedoman.contoh.id")
    return corpus, root / "site" / "pdf"


def test_the_checker_finds_text_printed_over_text(tmp_path):
    # Two words drawn at the same place, and one below the page's edge, the way the long
    # diagrams ran over the footer: the check must see both, or its silence means nothing.
    import weasyprint

    page = ('<html lang="en"><body style="margin:0"><p style="position:absolute;top:20mm;left:20mm">Overprinted</p>'
            '<p style="position:absolute;top:20.5mm;left:21mm">Footer</p>'
            '<p style="position:absolute;top:300mm;left:20mm">Cut</p></body></html>')
    weasyprint.HTML(string=page).write_pdf(tmp_path / "bad.pdf")
    problems = layout_problems(tmp_path / "bad.pdf")
    assert any("'Overprinted' and 'Footer'" in p for p in problems), problems


def test_no_pdf_has_text_over_text_or_off_the_page(built):
    _, folder = built
    pdfs = sorted(folder.glob("*.pdf"))
    assert len(pdfs) >= 18
    problems = {pdf.name: layout_problems(pdf) for pdf in pdfs}
    assert {name: found for name, found in problems.items() if found} == {}


def test_every_step_of_every_diagram_is_printed(built):
    corpus, folder = built
    checked = 0
    for g in corpus.guidelines:
        for lang in ("id", "en"):
            svg = diagrams.for_guideline(g, lang, lambda a: corpus.agencies[a].short(lang))
            if not svg:
                continue
            # the first line of each box, in bold: "12. BP3MI" or "3. Screening and referral"
            labels = [html.unescape(t) for t in re.findall(r'font-weight="bold"[^>]*>(\d+\. [^<]*)</text>', svg)]
            firsts = [label for label in labels if re.match(r"\d+\. ", label)]
            numbers = [int(label.split(".")[0]) for label in firsts]
            assert sorted(set(numbers)) == list(range(1, diagrams.step_count(g) + 1))
            printed = " ".join(text for _, _, boxes in words(folder / f"{g.id}.{lang}.pdf") for *_, text in boxes)
            for label in dict.fromkeys(firsts):
                assert label in printed, f"{g.id}.{lang}.pdf: step {label!r} is not printed"
                checked += 1
    assert checked


def test_every_handout_fits_one_sheet(built):
    corpus, folder = built
    for g in corpus.guidelines:
        for lang in ("id", "en"):
            pages = len(words(folder / f"{g.id}.handout.{lang}.pdf"))
            assert pages == 1, f"{g.id}.handout.{lang}.pdf has {pages} pages: more than one side of a sheet"


HEADER_ROOM_MM = 1.0
"""What a header word's estimated width must leave free in its column: the estimate and WeasyPrint's
layout differ by a fraction of a millimetre ("Format" broke as "Forma/t" in a column 0.4 mm wider
than the estimate)."""


@pytest.mark.parametrize("content", ["tests", "shipped"])
def test_no_table_header_is_too_narrow_for_its_longest_word(content):
    # A header may wrap between its words only: each word must fit its column, measured in the
    # font the PDFs print with, or WeasyPrint breaks it inside the word.
    from bs4 import BeautifulSoup

    from pedoman.print import measure
    from pedoman.print.handbook import CONTENT_WIDTH_MM, render_html

    corpus = load_corpus(VALID if content == "tests" else ROOT / "guidelines")
    tight = set()
    for g in corpus.guidelines:
        for lang in ("id", "en"):
            page = BeautifulSoup(render_html(corpus, [g], lang, "https://pedoman.contoh.id"), "html.parser")
            for table in page.find_all("table"):
                size = 7.5 if "small" in (table.get("class") or []) else 8.5  # print.css
                widths = [float(re.search(r"([\d.]+)%", col["style"]).group(1)) for col in table.find_all("col")]
                headers = table.find("thead").find_all("th")
                assert len(widths) == len(headers), g.id
                for width, header in zip(widths, headers):
                    room = CONTENT_WIDTH_MM * width / 100 - 2 * 1.5 - 0.25  # print.css: padding, rule
                    for word in header.get_text().split():
                        if measure.width_em(word, bold=True) * size * measure.PT_MM > room - HEADER_ROOM_MM:
                            tight.add(f"{lang}: {word!r} in a column of {width}%")
    assert tight == set()
