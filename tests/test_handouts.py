"""Handouts: one A4 sheet each, hotline box and abbreviation key included, for every shipped
guideline in both languages; what a sheet too full leaves out is chosen in Python and said on it."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from pedoman import load_corpus
from pedoman.presentation.words import CATALOGUE
from pedoman.print import handout, measure
from pedoman.print.handbook import render_handout
from pedoman.print.pdfbuild import PDF_OPTIONS, _render

from conftest import VALID
from harness import ROOT

SITE = "https://pedoman.contoh.id"


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def squeezed(text: str) -> str:
    return re.sub(r"[\s\-]", "", text)


def in_order(wanted: str, text: str) -> bool:
    """Whether the words of `wanted` occur in `text` (squeezed) in their order; a word may break
    over lines at a hyphen or a slash, and another cell's line be read in between."""
    position = 0
    for word in re.split(r"[\s/-]+", wanted):
        found = text.find(squeezed(word), position)
        if found < 0:
            return False
        position = found + len(squeezed(word))
    return True


def report_numbers(corpus, lang: str) -> list[str]:
    return [h.numbers for h in handout.hotlines(corpus, lang)]


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """Every shipped guideline's handout in both languages, as the build lays them out, with the
    sheet each was planned as."""
    corpus = load_corpus(ROOT / "guidelines")
    folder = tmp_path_factory.mktemp("handouts")
    planned = {}
    original = handout.plan

    def keep(g, corpus_, lang, *args):
        planned[g.id, lang] = sheet = original(g, corpus_, lang, *args)
        return sheet

    handout.plan = keep
    try:
        for g in corpus.guidelines:
            for lang in ("id", "en"):
                _render(render_handout(corpus, g, lang, SITE)).write_pdf(folder / f"{g.id}.{lang}.pdf", **PDF_OPTIONS)
    finally:
        handout.plan = original
    return corpus, folder, planned


def test_every_shipped_handout_is_exactly_one_page_with_its_hotlines_and_key(shipped):
    corpus, folder, planned = shipped
    assert len(planned) == 2 * len(corpus.guidelines) >= 38
    for (gid, lang), sheet in planned.items():
        pdf = folder / f"{gid}.{lang}.pdf"
        assert len(PdfReader(pdf).pages) == 1, f"{pdf.name} runs to a second page"
        text = text_of(pdf)
        labels = CATALOGUE[lang]
        assert labels["hotlines"] in text, pdf.name
        for number in report_numbers(corpus, lang):
            assert f"{number} ·" in text, (pdf.name, number)
        assert sheet.key and f"{labels['handout_key']}:" in text, pdf.name
        flat = squeezed(text)  # a line may break after a slash or a hyphen
        for term, meaning in sheet.key:
            assert squeezed(f"{term} {meaning}") in flat, (pdf.name, term)
        for step in sheet.rows:  # a cell's lines are read interleaved with the next cell's: its words in order
            assert in_order(step.plain[0], flat), (pdf.name, step.number)
        if len(sheet.steps) < sheet.total:
            assert labels["handout_more_steps"].format(first=len(sheet.steps) + 1, last=sheet.total,
                                                       part="X").split("«")[0].strip() in text
        assert sheet.size >= handout.SIZES[-1]


def test_handouts_keep_all_they_can(shipped):
    corpus, _, planned = shipped
    # the shorter procedures print whole, at a size above the floor for most sheets
    whole = [key for key, sheet in planned.items() if len(sheet.steps) == sheet.total]
    assert len(whole) >= 28
    assert sum(sheet.size > handout.SIZES[-1] for sheet in planned.values()) >= 20


def test_the_hotline_box_is_drawn_on_the_sheet_below_the_steps(shipped, tmp_path):
    # Looked at as an image (60 dpi): the box's dark blue frame is on the page, in its lower half.
    _, folder, _ = shipped
    for name in ("ntt-kepri.en", "p3mi.id", "pendampingan-pemulihan-korban.id"):
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(folder / f"{name}.pdf"),
                        str(tmp_path / name)], check=True)
        image = Image.open(tmp_path / f"{name}.png").convert("RGB")
        width, height = image.size

        def frame_blue(x: int, y: int) -> bool:
            r, g, b = image.getpixel((x, y))
            return b - r > 50 and r < 110 and g < 120
        rules = [y for y in range(height) if sum(frame_blue(x, y) for x in range(width)) > width // 2]
        assert rules and height // 2 < rules[-1] < height - 10, name


def test_the_hotlines_come_from_the_services_register(corpus_dir):
    path = corpus_dir / "services.yaml"
    text = path.read_text()
    assert 'phone: ["110"]' in text
    path.write_text(text.replace('phone: ["110"]', 'phone: ["112"]'))
    corpus = load_corpus(corpus_dir)
    html = render_handout(corpus, corpus.guidelines[0], "en", SITE)
    assert "<strong>112</strong>" in html and "<strong>110</strong>" not in html


def test_the_key_holds_only_the_abbreviations_on_the_sheet():
    corpus = load_corpus(VALID)
    g = corpus.guidelines[0]
    found = dict(handout.key("Lapor ke Disdukcapil dan GT PP-TPPO; TPPO", corpus, "id", ["disdukcapil"])) \
        if "disdukcapil" in corpus.agencies else dict(handout.key("GT PP-TPPO dan TPPO", corpus, "id", []))
    terms = {t.term for t in corpus.terms}
    if "GT PP-TPPO" in terms:
        assert "GT PP-TPPO" in found and "GT" not in found  # the longest entry, not its parts
    assert "TPPO" in found
    assert handout.key("tidak ada singkatan di sini", corpus, "id", [a for a in corpus.agencies]) == []
    assert g  # the fixture corpus is loaded


def test_a_sheet_too_full_keeps_its_first_steps_and_says_where_the_rest_are():
    corpus = load_corpus(VALID)
    g = next(g for g in corpus.guidelines if g.kind == "cooperation")
    action = g.workflow[0].action.model_copy(update={"id": "Langkah " + "panjang sekali " * 40,
                                                     "en": "Step " + "very long indeed " * 40})
    long = g.workflow[0].model_copy(update={"action": action})
    crowded = g.model_copy(update={"workflow": [long] * 12})
    head = ["Lembar ringkas", "Judul", "Versi 1.0"]
    sheet = handout.plan(crowded, corpus, "id", lambda a: corpus.agencies[a].short("id"), head, "Alur kerja")
    assert 1 <= len(sheet.steps) < 12 and sheet.size == handout.SIZES[-1]
    assert sheet.more and sheet.more[0].startswith(f"Langkah {len(sheet.steps) + 1}–12")
    assert handout.height(sheet, head) <= handout._room()
    one_more = replace(sheet, steps=crowded_steps(sheet, crowded, corpus))
    assert handout.height(one_more, head) > handout._room()  # it kept as many as fit


def crowded_steps(sheet, g, corpus):
    return handout._steps(g, "id", lambda a: corpus.agencies[a].short("id"))[:len(sheet.steps) + 1]


@pytest.mark.parametrize("width", [30, 60, 110])
def test_lines_are_counted_as_weasyprint_wraps_them(width):
    import weasyprint
    from weasyprint.formatting_structure.boxes import LineBox

    texts = ["Memeriksa kedatangan kapal penumpang di Pelabuhan Tunon Taka dan dermaga tradisional dengan daftar indikator",
             "Give consular protection to Indonesian citizens detained or victimised in Malaysia, issue travel documents",
             "UPTD PPA Kabupaten/Kota, Dinsos Kabupaten/Kota, Kemensos, LPSK, Polres, Puskesmas"]
    for text in texts:
        page = weasyprint.HTML(string=f'<p style="width:{width}mm;font:10pt DejaVu Sans;margin:0">{text}</p>').render()
        printed = sum(isinstance(box, LineBox) for box in page.pages[0]._page_box.descendants())
        assert measure.line_count(text, width, 10) in (printed, printed + 1), (width, text)  # never fewer


def test_a_word_wider_than_its_column_breaks_where_the_column_ends():
    room = 20 / (10 * measure.PT_MM)
    assert measure.line_count("x" * 200, 20, 10) == -(-measure.width_em("x" * 200) // room)


def test_text_is_measured_with_the_fonts_own_widths():
    assert measure.width_em("iiii") < measure.width_em("MMMM")
    assert measure.width_em("TPPO", bold=True) > measure.width_em("TPPO")
    assert re.fullmatch(r"\d+\.\d+", f"{measure.width_em('Disdukcapil'):.2f}")
