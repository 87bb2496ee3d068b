"""The training print (print/training.py): the facilitator guide and the participant workbook of each
guideline with training, built from the fixture corpus and read back with pypdf: the guide holds the
answer keys and each test answer's reason, the workbook none of them; the timetable's clock times;
the files exist only for guidelines with training. The training pack printed for a photocopier
(pack pages beside each part's own, parts on right-hand pages) is tested with its binding, in
test_binding.py, which builds the pack already."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from pedoman import build_pdfs, load_corpus, urls
from pedoman.print.training import clock, duration, timetable

from conftest import VALID

LANGS = ("id", "en")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("training-print")
    corpus = load_corpus(VALID)
    report = build_pdfs(corpus, root / "site", root / "cache", "https://pedoman.contoh.id", workers=2)
    return SimpleNamespace(corpus=corpus, pdf=root / "site" / "pdf", report=report)


def text_of(path) -> str:
    """The PDF's text with white space folded, as a reader would search it."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def trained(corpus):
    return [g for g in corpus.guidelines if g.training]


def test_the_fixture_corpus_has_training_and_guidelines_without(built):
    assert trained(built.corpus) and len(trained(built.corpus)) < len(built.corpus.guidelines)


def test_training_pdfs_exist_only_for_guidelines_with_training(built):
    expected = {urls.training_pdf(g.id, part, lang) for g in trained(built.corpus)
                for part in urls.TRAINING_FILES for lang in LANGS}
    written = {p.name for p in built.pdf.glob("*.pdf") if re.search(r"\.(facilitator|workbook)\.", p.name)}
    assert written == expected
    assert sorted(built.report.training_rendered + built.report.training_cached) == sorted(expected)


@pytest.mark.parametrize("lang", LANGS)
def test_the_facilitator_guide_holds_every_answer_and_why(built, lang):
    for g in trained(built.corpus):
        guide = text_of(built.pdf / urls.training_pdf(g.id, "facilitator", lang))
        training = g.training
        for question in training.test:
            assert " ".join(question.why.get(lang).split()) in guide
        for exercise in training.exercises:
            for answer in exercise.answers:
                assert " ".join(answer.get(lang).split()) in guide
        for session in training.sessions:
            assert " ".join(session.notes.get(lang).split()) in guide
            for material in session.materials:
                assert " ".join(material.get(lang).split()) in guide
        assert (("Kunci jawaban" if lang == "id" else "Answer key") in guide
                and ("Alasannya" if lang == "id" else "Why") in guide)


@pytest.mark.parametrize("lang", LANGS)
def test_the_workbook_holds_no_answer_and_no_facilitator_note(built, lang):
    for g in trained(built.corpus):
        workbook = text_of(built.pdf / urls.training_pdf(g.id, "workbook", lang))
        training = g.training
        hidden = [q.why for q in training.test] + [a for e in training.exercises for a in e.answers]
        hidden += [s.notes for s in training.sessions]
        for text in hidden:
            assert " ".join(text.get(lang).split()) not in workbook
        # what participants need is there: every question, option, task and key point
        for question in training.test:
            assert " ".join(question.question.get(lang).split()) in workbook
            for option in question.options:
                assert " ".join(option.get(lang).split()) in workbook
        for exercise in training.exercises:
            assert " ".join(exercise.scenario.get(lang).split()) in workbook
            for task in exercise.tasks:
                assert " ".join(task.get(lang).split()) in workbook
        pre, post = ("Tes awal", "Tes akhir") if lang == "id" else ("Pre-test", "Post-test")
        reader = PdfReader(built.pdf / urls.training_pdf(g.id, "workbook", lang))
        sheets = [page.extract_text() for page in reader.pages]
        assert sum(1 for page in sheets if pre in page and post in page) >= 2  # the test sheet, printed twice
        assert "✔" not in workbook


def test_the_fixture_timetable_starts_at_half_past_eight_with_a_morning_break(built):
    g = next(g for g in built.corpus.guidelines if g.id == "gt-uji")
    slots = [(clock(s.start), clock(s.end), s.key or s.number) for s in timetable(g.training)]
    # 20 + 60 + 120 + 40 minutes of sessions: the break goes at 09:50, nearest mid-morning; the day ends
    # at 12:45, before 13:00, so it has no lunch
    assert slots == [("08:30", "08:50", 1), ("08:50", "09:50", 2), ("09:50", "10:05", "tr_break_morning"),
                     ("10:05", "12:05", 3), ("12:05", "12:45", 4)]
    guide = text_of(built.pdf / urls.training_pdf("gt-uji", "facilitator", "en"))
    for line in ("08:30–08:50 1. Pre-test", "09:50–10:05 Morning break", "10:05–12:05 3. Drafting the decree",
                 "12:05–12:45 4. Post-test and evaluation"):
        assert line in guide
    assert "4 h 15 min, 08:30–12:45, breaks included (4 h of sessions)" in guide
    workbook = text_of(built.pdf / urls.training_pdf("gt-uji", "workbook", "id"))
    assert "09:50–10:05 Rehat pagi" in workbook and "4 jam 15 menit" in workbook


def _day(*minutes):
    sessions = [SimpleNamespace(minutes=m, exercise=None) for m in minutes]
    return [(clock(s.start), clock(s.end), s.key or s.number) for s in timetable(SimpleNamespace(sessions=sessions))]


def test_a_full_day_has_lunch_near_noon_and_breaks_mid_morning_and_mid_afternoon():
    assert _day(20, 60, 90, 60, 90, 60, 40) == [
        ("08:30", "08:50", 1), ("08:50", "09:50", 2), ("09:50", "10:05", "tr_break_morning"),
        ("10:05", "11:35", 3), ("11:35", "12:35", "tr_break_lunch"), ("12:35", "13:35", 4),
        ("13:35", "15:05", 5), ("15:05", "15:20", "tr_break_afternoon"), ("15:20", "16:20", 6),
        ("16:20", "17:00", 7)]


def test_lunch_goes_where_a_long_session_ends_and_a_short_afternoon_has_no_break():
    # the case study runs 10:30–13:00: lunch after it, not inside it; 105 minutes after lunch: no break
    assert _day(45, 60, 150, 60, 45) == [
        ("08:30", "09:15", 1), ("09:15", "10:15", 2), ("10:15", "10:30", "tr_break_morning"),
        ("10:30", "13:00", 3), ("13:00", "14:00", "tr_break_lunch"), ("14:00", "15:00", 4),
        ("15:00", "15:45", 5)]


@pytest.mark.parametrize("minutes, lang, expected", [(45, "id", "45 menit"), (120, "en", "2 h"),
                                                     (255, "id", "4 jam 15 menit"), (390, "en", "6 h 30 min")])
def test_durations_read_in_each_language(minutes, lang, expected):
    assert duration(minutes, lang) == expected


@pytest.mark.parametrize("part", urls.TRAINING_FILES)
def test_the_evaluation_form_is_one_sheet_at_the_end(built, part):
    """Handed out on its own: it starts a page and ends the PDF, its last question on the same page."""
    for g in trained(built.corpus):
        for lang, heading, last, contents in (
                ("id", "Formulir evaluasi pelatihan", "Apa yang akan Anda lakukan pertama kali", "Daftar isi"),
                ("en", "Workshop evaluation form", "What will you do first at work", "Contents")):
            pages = [page.extract_text() for page in PdfReader(built.pdf / urls.training_pdf(g.id, part, lang)).pages]
            assert heading in pages[-1] and last in pages[-1]
            assert not any(heading in page for page in pages[:-1] if contents not in page)


@pytest.mark.parametrize("part", urls.TRAINING_FILES)
def test_training_pdfs_are_tagged_a4_with_language_title_and_headings(built, part):
    for g in trained(built.corpus):
        for lang in LANGS:
            reader = PdfReader(built.pdf / urls.training_pdf(g.id, part, lang))
            root = reader.trailer["/Root"]
            assert root["/MarkInfo"]["/Marked"] and str(root["/Lang"]) == lang
            assert g.title.get(lang) in reader.metadata.title
            box = reader.pages[0].mediabox
            assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
            outline = [item.title for item in reader.outline if not isinstance(item, list)]
            assert g.title.get(lang) in outline[0]


@pytest.mark.parametrize("lang", LANGS)
def test_each_sitting_of_the_longest_shipped_test_is_one_page_a_trainer_can_photocopy(lang, tmp_path):
    """The workbook's test sheet, printed twice (pre-test and post-test), starts a page and ends on it:
    for the shipped module whose test has the most text, laid out as the build does."""
    from pedoman.print.pdfbuild import _render
    from pedoman.print.training import render_training
    from pedoman.presentation.words import CATALOGUE
    from harness import ROOT

    corpus = load_corpus(ROOT / "guidelines")
    longest = max(trained(corpus), key=lambda g: sum(len(q.question.get(lang)) + sum(len(o.get(lang)) for o in q.options)
                                                      for q in g.training.test))
    path = tmp_path / "workbook.pdf"
    _render(render_training(corpus, longest, "workbook", lang, None, "x")).write_pdf(path)
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]
    sheet = CATALOGUE[lang]["tr_test_sheet"]
    starts = [n for n, page in enumerate(pages) if f"{sheet} 1" in page or f"{sheet} 2" in page]
    starts = [n for n in starts if "Contents" not in pages[n] and "Daftar isi" not in pages[n]]
    assert len(starts) == 2 and starts[1] == starts[0] + 1  # sheet 1 on one page, sheet 2 on the next
    last = longest.training.test[-1].options[-1].get(lang)
    assert " ".join(last.split())[:40] in pages[starts[1]]  # the last answer of sheet 2 on its first page
    question = longest.training.test[-1].question.get(lang)
    assert " ".join(question.split())[:40] in pages[starts[0]]  # the last question of sheet 1 on its page
