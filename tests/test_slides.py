"""The training slides: every deck read back with python-pptx, and opened by LibreOffice.

The fixture corpus has one guideline with training (gt-uji); the corpus here gives its training
block to the guideline of every other kind too, so that each kind's diagram (or none) is drawn.
"""

from __future__ import annotations

import datetime
import math
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.util import Emu
from pypdf import PdfReader

from pedoman import load_corpus, urls
from pedoman.content.model import LANGUAGES
from pedoman.documents import kit, slidefit, slides
from pedoman.documents.pptx import write_pptx
from pedoman.presentation import diagrams
from pedoman.presentation.words import CATALOGUE

from conftest import ROOT, VALID, build_site

SOFFICE = shutil.which("soffice")
NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def with_training_everywhere(target: Path) -> Path:
    """The fixture corpus, with gt-uji's training block given to the guideline of every kind."""
    shutil.copytree(VALID, target)
    source = (VALID / "formation/gt-uji.yaml").read_text(encoding="utf-8")
    block = source[source.index("\ntraining:"):]
    for name in ("cooperation/kerja-sama-uji.yaml", "victim-assistance/layanan-uji.yaml",
                 "corporate-engagement/usaha-uji.yaml"):
        path = target / name
        assert "\ntraining:" not in path.read_text(encoding="utf-8")
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + block, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def corpus_path(tmp_path_factory):
    return with_training_everywhere(tmp_path_factory.mktemp("content") / "guidelines")


@pytest.fixture(scope="module")
def corpus(corpus_path):
    return load_corpus(corpus_path)


@pytest.fixture(scope="module")
def site(corpus, tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    kit.write_documents(corpus, root)
    return root


def texts(shape) -> str:
    return " ".join(p.text for p in shape.text_frame.paragraphs) if shape.has_text_frame else ""


def slide_text(slide) -> str:
    return " ".join(texts(shape) for shape in slide.shapes)


def notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def deck_of(site: Path, g, lang: str):
    return Presentation(str(site / slides.FOLDER / urls.slides_file(g.id, lang)))


def test_every_guideline_with_training_has_a_deck_in_each_language(corpus, site):
    expected = {urls.slides_file(g.id, lang) for g in corpus.guidelines if g.training for lang in LANGUAGES}
    assert len(expected) == 8
    assert {p.name for p in (site / "slides").iterdir()} == expected
    assert slides.path(corpus.guidelines[0], "en").startswith("slides/")
    # the corpus as shipped in the fixtures: only gt-uji has training
    assert {d.path for d in slides.decks(load_corpus(VALID))} == {"slides/gt-uji.id.pptx", "slides/gt-uji.en.pptx"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_deck_holds_one_slide_per_objective_key_point_exercise_and_the_test(corpus, site, lang):
    W = CATALOGUE[lang]
    for g in (g for g in corpus.guidelines if g.training):
        t = g.training
        prs = deck_of(site, g, lang)
        assert prs.slide_width / prs.slide_height == pytest.approx(16 / 9, rel=1e-3)
        deck = list(prs.slides)
        title, rest = deck[0], deck[1:]
        assert title.shapes.title.text_frame.text == g.title.get(lang)
        for part in (t.audience.get(lang), g.version, W.app_name):
            assert part in slide_text(title), (g.id, part)

        objectives = rest[:len(t.objectives)]
        for n, (slide, objective) in enumerate(zip(objectives, t.objectives), start=1):
            assert slide.shapes.title.text_frame.text == W.slides_objective.format(number=n, total=len(t.objectives))
            assert objective.get(lang) in slide_text(slide)
        rest = rest[len(t.objectives):]

        steps = diagrams.step_count(g)
        drawn = [s for s in rest if any(shape.name.startswith("Step ") for shape in s.shapes)]
        assert rest[:len(drawn)] == drawn  # the diagram comes after the objectives
        numbers = sorted(int(shape.name.split()[1]) for s in drawn for shape in s.shapes if shape.name.startswith("Step "))
        assert numbers == list(range(1, steps + 1)), g.id  # every step once; no diagram for corporate engagement
        rest = rest[len(drawn):]

        for session in t.sessions:
            for point in session.key_points:
                slide, rest = rest[0], rest[1:]
                assert slide.shapes.title.text_frame.text == session.title.get(lang)
                assert point.get(lang) in slide_text(slide)
                assert session.title.get(lang) in slide_text(slide)  # the small header names it too
                assert session.notes.get(lang) in notes(slide)  # the facilitator notes are the speaker notes
            if session.exercise:
                exercise = next(e for e in t.exercises if e.id == session.exercise)
                slide, rest = rest[0], rest[1:]
                shown = slide_text(slide)
                assert exercise.scenario.get(lang) in shown
                assert all(task.get(lang) in shown for task in exercise.tasks)
                assert not any(answer.get(lang) in shown for answer in exercise.answers)  # answers only for the trainer
                assert all(answer.get(lang) in notes(slide) for answer in exercise.answers)

        # what is left is the test: each question once, one or two a slide, answers only in the notes
        assert math.ceil(len(t.test) / 2) <= len(rest) <= len(t.test)
        for n, q in enumerate(t.test, start=1):
            holding = [s for s in rest if f"{n}. {q.question.get(lang)}" in slide_text(s)]
            assert len(holding) == 1, (g.id, n)
            right = q.options[q.answer - 1].get(lang)
            assert W.slides_answer.format(letter="ABCDE"[q.answer - 1], option=right) in notes(holding[0])
            assert q.why.get(lang) in notes(holding[0])
        for slide in rest:
            shown = slide_text(slide)
            assert W.slides_answer.split(":")[0] not in shown and not any(q.why.get(lang) in shown for q in t.test)
        expected = 1 + len(t.objectives) + len(drawn) + sum(len(s.key_points) for s in t.sessions) + sum(
            1 for s in t.sessions if s.exercise) + len(rest)
        assert len(deck) == expected and (steps == 0) == (len(drawn) == 0)


def test_text_is_never_cut_nor_small_and_every_slide_is_numbered(corpus, site):
    for path in sorted((site / "slides").iterdir()):
        prs = Presentation(str(path))
        for number, slide in enumerate(prs.slides, start=1):
            fields = [f for f in slide.shapes._spTree.iter(f"{NS}fld") if f.get("type") == "slidenum"]
            assert len(fields) == 1 and fields[0].findtext(f"{NS}t") == str(number)
            for shape in slide.shapes:
                assert "…" not in texts(shape) and "..." not in texts(shape), (path.name, number)
                floor = {"Footer": 12, "Slide number": 14}.get(shape.name, slidefit.FLOOR)
                floor = slidefit.DIAGRAM_FLOOR if shape.name.startswith("Step ") else floor
                for paragraph in shape.text_frame.paragraphs if shape.has_text_frame else []:
                    for run in paragraph.runs:
                        assert run.font.size is not None and run.font.size.pt >= floor, (path.name, number, shape.name)


def test_the_deck_wears_the_projects_colours(corpus, site):
    g = next(g for g in corpus.guidelines if g.id == "gt-uji")
    prs = deck_of(site, g, "id")
    first, second = prs.slides[0], prs.slides[1]
    assert str(first.background.fill.fore_color.rgb) == "1A237E"  # indigo, as print.css's headings
    band = next(s for s in second.slide_layout.shapes if s.name == "Band")  # drawn once, on the layout
    accent = next(s for s in second.slide_layout.shapes if s.name == "Accent")
    assert str(band.fill.fore_color.rgb) == "1A237E" and str(accent.fill.fore_color.rgb) == "FF6E40"
    title_run = second.shapes.title.text_frame.paragraphs[0].runs[0]
    assert str(title_run.font.color.rgb) == "1A237E" and title_run.font.size.pt >= 24
    step = next(s for slide in prs.slides for s in slide.shapes if s.name == "Step 1")
    assert f"#{step.fill.fore_color.rgb}".lower() == diagrams.COLORS["step"][0]


@pytest.fixture
def long_deck(tmp_path):
    detail = ("Menerima korban dari daerah transit, memeriksa kesehatan, mencatat kebutuhan, dan memberi tahu "
              "keluarga melalui saluran yang disepakati dalam perjanjian kerja sama antardaerah. ") * 2
    steps = tuple(slides.Step(n, f"Langkah nomor {n}", detail.strip(), "#ede7f6", "#4527a0") for n in range(1, 18))
    scenario = " ".join(f"Kalimat skenario yang panjang nomor {n} menceritakan apa yang terjadi di pelabuhan."
                        for n in range(60))
    body = (slides.Para("Situasi", bold=True), slides.Para(scenario), slides.Para("Tugas", bold=True),
            slides.Para("1. Apa yang Anda lakukan pertama kali?", level=1))
    deck = slides.Deck("uji", "id", "slides/uji.id.pptx", "Modul uji", "Modul pelatihan", "1.0",
                       datetime.date(2026, 11, 1), "(lanjutan)", CATALOGUE["id"].diagram_part, "Pedoman GT PP-TPPO",
                       (slides.Slide("diagram", "Alur kerja", steps=steps),
                        slides.Slide("exercise", "Latihan: pelabuhan", body=body, notes="Kunci jawaban", size=24)))
    path = tmp_path / "uji.id.pptx"
    write_pptx(deck, path)
    return deck, Presentation(str(path))


def test_a_long_diagram_goes_on_over_parts_with_every_step_whole(long_deck):
    deck, prs = long_deck
    drawn = [s for s in prs.slides if any(shape.name.startswith("Step ") for shape in s.shapes)]
    assert 2 <= len(drawn) < 17
    seen = []
    for slide in drawn:
        boxes = [s for s in slide.shapes if s.name.startswith("Step ")]
        first, last = int(boxes[0].name.split()[1]), int(boxes[-1].name.split()[1])
        assert slide.shapes.title.text_frame.text == f"Alur kerja (langkah {first}–{last} dari 17)"
        arrows = [s for s in slide.shapes if s.shape_type is not None and s.name.startswith("Arrow ")]
        assert len(arrows) == len(boxes) - 1
        ids = {b.shape_id for b in boxes}
        for arrow in arrows:
            glued = arrow._element.find(".//{http://schemas.openxmlformats.org/presentationml/2006/main}cNvCxnSpPr")
            ends = [int(glued.find(f"{NS}{end}").get("id")) for end in ("stCxn", "endCxn")]
            assert set(ends) <= ids and ends[0] != ends[1]
        for box in boxes:
            step = deck.slides[0].steps[int(box.name.split()[1]) - 1]
            assert texts(box) == f"{step.number}. {step.heading} {step.detail}"  # whole, never cut
            assert box.top + box.height <= Emu(int(slidefit.BOTTOM * 914400))  # inside the slide, above the footer
            seen.append(step.number)
    assert seen == list(range(1, 18))


def test_a_text_too_long_for_a_slide_continues_on_the_next(long_deck):
    deck, prs = long_deck
    pages = [s for s in prs.slides if s.shapes.title.text_frame.text.startswith("Latihan: pelabuhan")]
    assert len(pages) >= 2
    assert [p.shapes.title.text_frame.text for p in pages[1:]] == ["Latihan: pelabuhan (lanjutan)"] * (len(pages) - 1)
    body = " ".join(texts(next(s for s in p.shapes if s.name == "Body")) for p in pages)
    assert " ".join(p.text for p in deck.slides[1].body) == body  # every word, in order, none cut
    assert all(notes(p) == "Kunci jawaban" for p in pages)
    last = next(s for s in pages[-1].shapes if s.name == "Body").text_frame.paragraphs
    assert last[-2].text == "Tugas"  # a lead line stays with what it leads


def test_a_deck_is_kept_until_what_it_is_made_from_changes(tmp_path):
    content = tmp_path / "guidelines"
    shutil.copytree(VALID, content)
    cache, site = tmp_path / "cache", tmp_path / "site"
    assert kit.write_decks(load_corpus(content), site, cache).written == 2
    kept = kit.write_documents(load_corpus(content), site, cache_dir=cache)
    assert kept.decks.written == 0 and len(kept.decks.files) == 2
    assert "training slides: 2 decks (0 written, 2 kept)" in kept.line()
    before = (site / "slides/gt-uji.en.pptx").read_bytes()

    path = content / "formation/gt-uji.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Each sub-task-force is led by one regional agency.", "Each sub-task-force is led by one named regional agency."),
        encoding="utf-8")
    written = kit.write_decks(load_corpus(content), site, cache)
    assert written.written == 1  # the English deck of gt-uji, nothing else
    after = site / "slides/gt-uji.en.pptx"
    assert after.read_bytes() != before
    assert any("led by one named regional agency" in slide_text(s) for s in Presentation(str(after)).slides)


def test_text_that_looks_like_markup_is_shown_as_written(tmp_path):
    hostile = 'Pasal <b>58</b> & "ayat" \'2\' ]]> <!-- x --> {{ L.x }}'
    deck = slides.Deck("uji", "en", "slides/uji.en.pptx", hostile, "Module", "1.0", datetime.date(2026, 11, 1),
                       "(continued)", CATALOGUE["en"].diagram_part, "Guidelines",
                       (slides.Slide("point", hostile, header=hostile, body=(slides.Para(hostile),), notes=hostile),
                        slides.Slide("diagram", "Steps", steps=(
                            slides.Step(1, hostile, hostile, "#ede7f6", "#4527a0"),
                            slides.Step(2, "Two", "Second", "#ede7f6", "#4527a0")))))
    write_pptx(deck, tmp_path / "uji.pptx")
    prs = Presentation(str(tmp_path / "uji.pptx"))
    point, diagram = prs.slides
    assert point.shapes.title.text_frame.text == hostile and notes(point) == hostile
    assert next(s for s in point.shapes if s.name == "Body").text_frame.text == hostile
    assert texts(next(s for s in diagram.shapes if s.name == "Step 1")) == f"1. {hostile} {hostile}"


def test_two_writes_of_a_deck_are_byte_identical(corpus, tmp_path):
    deck = next(d for d in slides.decks(corpus) if d.guideline == "kerja-sama-uji" and d.lang == "en")
    write_pptx(deck, tmp_path / "a.pptx")
    write_pptx(deck, tmp_path / "b.pptx")
    assert (tmp_path / "a.pptx").read_bytes() == (tmp_path / "b.pptx").read_bytes()


def test_libreoffice_opens_every_deck(site, tmp_path):
    assert SOFFICE, "LibreOffice is missing: `make test` installs libreoffice-impress-nogui"
    decks = sorted((site / "slides").iterdir())
    run = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *map(str, decks)],
                         capture_output=True, text=True, timeout=600, env=os.environ | {"HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    for deck in decks:
        pdf = tmp_path / "pdf" / f"{deck.stem}.pdf"
        assert pdf.is_file(), (deck.name, run.stdout, run.stderr)
        reader = PdfReader(pdf)
        prs = Presentation(str(deck))
        assert len(reader.pages) == len(prs.slides), deck.name
        box = reader.pages[0].mediabox
        assert float(box.width) / float(box.height) == pytest.approx(16 / 9, rel=1e-3)
        text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
        assert " ".join(prs.slides[0].shapes.title.text_frame.text.split()) in text
    pages = subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "2", "-l", "2", str(tmp_path / "pdf/gt-uji.en.pdf"),
                            str(tmp_path / "page")], capture_output=True)
    assert pages.returncode == 0
    image = Image.open(next(tmp_path.glob("page-*2.png"))).convert("RGB")
    assert image.size[0] / image.size[1] == pytest.approx(16 / 9, rel=0.01)
    assert image.getpixel((260, 2)) == pytest.approx((0x1A, 0x23, 0x7E), abs=12)  # the indigo band is drawn
    assert len(image.getcolors(maxcolors=100000)) > 50  # text is drawn, not a blank page


def test_the_build_writes_the_decks_into_the_site(tmp_path):
    content = tmp_path / "guidelines"
    shutil.copytree(VALID, content)
    build = build_site(tmp_path, content)
    assert build.returncode == 0, build.output
    assert "training slides: 2 decks (2 written, 0 kept)" in build.output
    written = sorted((build.site / "slides").iterdir())
    assert [p.name for p in written] == ["gt-uji.en.pptx", "gt-uji.id.pptx"]
    assert Presentation(str(written[0])).slides[0].shapes.title.text_frame.text == "Forming a provincial task force"


BODY_FOOT, FOOTER_TOP = slidefit.BOTTOM * 72 + 2, 6.93 * 72 + 4
"""In points from the top of a page: where a slide's body ends, and where its footer's text begins."""


def test_libreoffice_shows_every_shipped_deck_whole(tmp_path):
    """Every deck of the shipped guidelines, converted by LibreOffice: a page per slide, and no word of a
    body or diagram drawn below the box it belongs in (between the body's foot and the footer)."""
    assert SOFFICE, "LibreOffice is missing: `make test` installs libreoffice-impress-nogui"
    shipped = load_corpus(ROOT / "guidelines")
    written = kit.write_decks(shipped, tmp_path / "site")
    assert len(written.files) == 2 * sum(1 for g in shipped.guidelines if g.training) > 0
    run = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *map(str, written.files)],
                         capture_output=True, text=True, timeout=900, env=os.environ | {"HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    for deck in written.files:
        pdf = tmp_path / "pdf" / f"{deck.stem}.pdf"
        prs = Presentation(str(deck))
        assert len(PdfReader(pdf).pages) == len(prs.slides), deck.name
        pages = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
        for n, (slide, page) in enumerate(zip(prs.slides, pages.split("<page ")[1:]), start=1):
            words = [(*map(float, m.groups()[:4]), m.group(5)) for m in re.finditer(
                r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', page)]
            low = [w for x0, y0, x1, y1, w in words if y1 > BODY_FOOT and y0 < FOOTER_TOP]
            assert not low, (deck.name, n, low[:10])
            for box in (s for s in slide.shapes if s.name.startswith("Step ")):  # points, as pdftotext gives
                left, top, right, bottom = (box.left / 12700, box.top / 12700, (box.left + box.width) / 12700,
                                            (box.top + box.height) / 12700)
                below = [w for x0, y0, x1, y1, w in words
                         if left <= x0 and x1 <= right and top <= y0 < bottom and y1 > bottom + 0.5]
                assert not below, (deck.name, n, box.name, below)  # a step's text stays inside its box
