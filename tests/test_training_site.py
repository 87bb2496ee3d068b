"""The training page and a module's page with its self-check: the length of a workshop in words, the files
a trainer downloads (only those the build made, with their size), and the self-check answered in Chromium
on a phone, wrong and right, offline too, without a request or anything stored; without JavaScript the
answers are one tap away, and printed the questions make a test sheet without answers."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from pypdf import PdfReader

from pedoman import urls
from pedoman.content.corpus import load_corpus
from pedoman.data.crossref import build_crossref
from pedoman.presentation.words import CATALOGUE
from pedoman.site import downloads, training
from pedoman.site.render import Renderer
from webcheck import launch, serve, type_search

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
MODULE = "gt-uji"
"""The fixture corpus' guideline with a training block (tests/fixtures/valid/formation/gt-uji.yaml)."""
PREFIX = {"id": "", "en": "en/"}


# --- what Python decides ---------------------------------------------------------------------------


@pytest.mark.parametrize(("minutes", "lang", "words"), [
    (390, "id", "6 jam 30 menit"), (390, "en", "6 hours 30 minutes"),
    (240, "id", "4 jam"), (60, "en", "1 hour"), (61, "en", "1 hour 1 minute"),
    (45, "id", "45 menit"), (45, "en", "45 minutes"), (480, "en", "8 hours"),
])
def test_a_workshop_length_reads_as_hours_and_minutes(minutes, lang, words):
    assert training.duration_words(minutes, lang) == words


@pytest.mark.parametrize(("size", "lang", "shown"), [
    (400, "id", "1 KB"), (245_400, "en", "245 KB"), (1_234_567, "id", "1,2 MB"), (1_234_567, "en", "1.2 MB"),
])
def test_a_file_size_reads_as_a_reader_weighs_a_download(size, lang, shown):
    assert downloads.file_size(size, lang) == shown


def _list(*files: str) -> str:
    items = "".join(f'<li class="pd-download" data-pd-file="{f}" data-pd-lang="id"><a href="../{f}">x</a> '
                    f'<span class="pd-file-facts">(PDF<span class="pd-file-size" data-pd-size></span>)</span></li>\n'
                    for f in files)
    return (f'<div class="pd-downloads-box">\n<ul class="pd-downloads">\n{items}</ul>\n'
            f'<p class="pd-downloads-none" hidden>none</p>\n</div>')


def test_settling_drops_a_file_not_made_and_sizes_the_others(tmp_path):
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "made.id.pdf").write_bytes(b"%" * 2_500_000)
    page, kept, dropped = downloads.settle_page(_list("pdf/made.id.pdf", "pdf/missing.id.pdf"), tmp_path)
    assert (kept, dropped) == (1, 1)
    assert "missing" not in page and "pd-downloads-none" not in page
    assert '<span class="pd-file-size">, 2,5 MB</span>' in page
    (tmp_path.parent / "outside.pdf").write_bytes(b"%")  # a file, but outside the site
    page, kept, dropped = downloads.settle_page(_list("pdf/missing.id.pdf", "../outside.pdf"), tmp_path)
    assert (kept, dropped) == (0, 2)
    assert "<ul" not in page and '<p class="pd-downloads-none">none</p>' in page


def test_every_text_of_a_module_is_escaped(corpus_dir):
    path = corpus_dir / "formation" / "gt-uji.yaml"
    hostile = '<script>alert(1)</script> <img src=x onerror=alert(2)> " onclick="x'
    text = path.read_text(encoding="utf-8")
    for plain in ("Participants can name the legal basis for forming a task force.",
                  "Newly appointed members of a provincial task force",
                  '"Which article of Law 21/2007 provides for task forces?"', "Article 58 provides for task forces formed by the central and regional governments."):
        assert plain in text, plain
        text = text.replace(plain, "'" + plain.strip('"') + " " + hostile.replace("'", "''") + "'", 1)
    path.write_text(text, encoding="utf-8")
    corpus = load_corpus(corpus_dir)
    pages = {p.path: p.markdown for p in Renderer(corpus, build_crossref(corpus)).pages()}
    for key in (urls.TRAINING, urls.training_key(MODULE)):
        markdown = pages[urls.source_path(key, "en")].split("\n---\n", 1)[1]  # front matter: the theme prints it with | e
        assert markdown.count("alert(1)") >= 1, key  # the hostile texts are printed …
        assert "<script>alert" not in markdown and "<img" not in markdown and '" onclick' not in markdown, key


# --- the built site ---------------------------------------------------------------------------------


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_training_page_lists_the_module_with_its_length_and_only_files_that_exist(fixture_site, lang):
    words = CATALOGUE[lang]
    site = fixture_site.site
    page_url = urls.page_url(urls.TRAINING, lang)
    html = soup(site, page_url)
    article = html.select_one("article")
    assert article.h1.get_text(strip=True).startswith(words.training)
    assert article.find(id="formation") and article.find(id=f"module-{MODULE}")
    facts = article.select_one(".pd-training-facts").get_text(" ", strip=True)
    assert training.duration_words(240, lang) in facts  # gt-uji's four sessions: 20 + 60 + 120 + 40 minutes
    assert len(article.select(".pd-training-objectives li")) == 3
    links = article.select("li.pd-download a")
    parts = {li["data-pd-file"] for li in article.select("li.pd-download")}
    assert {f"pdf/{MODULE}.{lang}.pdf", f"pdf/{MODULE}.handout.{lang}.pdf"} <= parts  # this build made PDFs
    for link in links:
        target = urlparse(urljoin("http://site/" + page_url, link["href"])).path.lstrip("/")
        assert (site / target).is_file(), f"{page_url}: {link['href']} names no file"
        assert target.endswith(f".{lang}.pdf") or target.endswith(f".{lang}.pptx"), "a file of another language"
        size = link.parent.select_one(".pd-file-size").get_text()
        assert size == ", " + downloads.file_size((site / target).stat().st_size, lang)
    for part in ("facilitator", "workbook"):
        made = (site / "pdf" / urls.training_pdf(MODULE, part, lang)).is_file()
        assert (f"pdf/{urls.training_pdf(MODULE, part, lang)}" in parts) == made
    assert (f"slides/{urls.slides_file(MODULE, lang)}" in parts) == (site / "slides" / urls.slides_file(MODULE, lang)).is_file()
    assert not article.select("[data-pd-size]") and not article.select(".pd-downloads-none")
    module = article.select_one(".pd-training-open a")["href"]
    assert urljoin("http://site/" + page_url, module) == "http://site/" + urls.page_url(urls.training_key(MODULE), lang)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_guideline_page_and_the_navigation_lead_to_the_module(fixture_site, lang):
    words = CATALOGUE[lang]
    guideline = urls.page_url(urls.guideline_key("formation", MODULE), lang)
    link = soup(fixture_site.site, guideline).select_one(".pd-training-link a")
    assert link.get_text(strip=True) == words.training_module
    assert urljoin("http://site/" + guideline, link["href"]) == "http://site/" + urls.page_url(urls.training_key(MODULE), lang)
    nav = [a.get_text(" ", strip=True) for a in soup(fixture_site.site, PREFIX[lang]).select(".md-nav--primary .md-nav__link")]
    assert words.training in nav


def test_an_html_only_build_links_no_pdf(tmp_path):
    """A build without PDFs (the tests' default, and `PEDOMAN_PDF=0`) lists only the files it made: the slides,
    written with the drafting kit; with none at all, the notice says so (see the settling test above)."""
    from conftest import VALID, build_site
    import shutil

    shutil.copytree(VALID, tmp_path / "guidelines")
    build = build_site(tmp_path, tmp_path / "guidelines")
    assert build.returncode == 0, build.output
    assert not (build.site / "pdf").exists()
    for lang in ("id", "en"):
        for key in (urls.TRAINING, urls.training_key(MODULE)):
            article = soup(build.site, urls.page_url(key, lang)).select_one("article")
            listed = [li["data-pd-file"] for li in article.select(".pd-download")]
            assert all((build.site / path).is_file() and not path.endswith(".pdf") for path in listed), listed
            notice = article.select(".pd-downloads-none")
            assert bool(notice) == (not listed), key
            if notice:
                assert notice[0].get_text(strip=True) == CATALOGUE[lang].training_files_none


# --- in the browser -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    with launch() as b:
        yield b


@pytest.fixture(scope="module")
def base(fixture_site):
    with serve(fixture_site.site) as url:
        yield url


STORED = "() => [localStorage.length, sessionStorage.length, document.cookie]"


def _answer(page, wrong: int, right: int, answers: list[int]) -> None:
    """Choose option 2 of `wrong` where 1 is right (or 1 where 2 is), and the right option of `right`."""
    choose = answers[wrong - 1] % len(page.locator(f"#question-{wrong} input").all()) + 1
    page.locator(f'#question-{wrong} input[value="{choose}"]').check()
    page.locator(f'#question-{right} input[value="{answers[right - 1]}"]').check()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_self_check_marks_answers_and_scores_on_a_phone_and_sends_nothing(browser, base, fixture_site, lang):
    words = CATALOGUE[lang]
    g = next(g for g in load_corpus(fixture_site.site.parent / "guidelines").guidelines if g.id == MODULE)
    answers = [q.answer for q in g.training.test]
    context = browser.new_context(**PHONE)
    requests: list[str] = []  # the page's own and its worker's
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    asked: list[str] = []  # the page's own
    page.on("request", lambda request: asked.append(request.url))
    page.goto(base + urls.page_url(urls.training_key(MODULE), lang))
    page.wait_for_load_state("networkidle")
    assert all(url.startswith(base) for url in requests), [u for u in requests if not u.startswith(base)]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390, "the page scrolls sideways"
    button = page.locator("[data-pd-check]")
    assert button.is_visible() and button.inner_text().strip() == words.training_check
    assert not page.locator(".pd-quiz__key").first.is_visible()  # the script keeps the answers for after the check
    legends = page.locator("fieldset.pd-quiz__q > legend")
    assert legends.count() == len(answers) >= 8
    for target in [*page.locator("label.pd-quiz__option").all(), button]:
        box = target.bounding_box()
        assert box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 390, box

    stored = page.evaluate(STORED)
    before = len(asked)
    page.locator(f"#question-2 label.pd-quiz__option").nth(answers[1] - 1).tap()  # a tap on the words chooses
    assert page.locator(f'#question-2 input[value="{answers[1]}"]').is_checked()
    _answer(page, wrong=1, right=3, answers=answers)
    button.tap()
    score = page.locator("[data-pd-score]")
    assert score.inner_text() == words.training_score.format(right=2, total=len(answers))
    first, second, fourth = (page.locator(f"#question-{n}") for n in (1, 2, 4))
    assert "pd-quiz__q--wrong" in first.get_attribute("class")
    assert first.locator("[data-pd-mark]").inner_text() == words.training_wrong
    assert "pd-quiz__q--right" in second.get_attribute("class")
    assert second.locator("[data-pd-mark]").inner_text() == words.training_right
    assert fourth.locator("[data-pd-mark]").inner_text() == words.training_unanswered
    right_label = first.locator("label.pd-quiz__option").nth(answers[0] - 1)
    assert "pd-quiz__option--right" in right_label.get_attribute("class")
    why = first.locator(".pd-quiz__key")
    assert why.is_visible() and g.training.test[0].why.get(lang) in why.inner_text()
    assert "pd-quiz__option--chosen-wrong" in first.locator("input:checked").locator("xpath=..").get_attribute("class")

    for n, answer in enumerate(answers, start=1):  # all right now
        page.locator(f'#question-{n} input[value="{answer}"]').check()
    button.tap()
    assert score.inner_text() == words.training_score.format(right=len(answers), total=len(answers))
    assert page.locator(".pd-quiz__q--wrong").count() == 0
    page.wait_for_timeout(300)
    assert asked[before:] == [], "checking the answers made a request"
    assert page.evaluate(STORED) == stored, "checking the answers stored something"
    assert page.url == base + urls.page_url(urls.training_key(MODULE), lang), "the answers went into the address"
    context.close()


def _until(page, predicate: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not page.evaluate(predicate):
        assert time.monotonic() < deadline, f"still false: {predicate}"
        time.sleep(0.1)


def test_the_self_check_works_offline_after_one_visit(browser, fixture_site):
    with serve(fixture_site.site) as root:
        context = browser.new_context()
        page = context.new_page()
        page.goto(root)  # the home page only: the module's page and its script come from the worker's cache
        _until(page, "navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller !== null)")
        context.set_offline(True)
        page.goto(root + urls.page_url(urls.training_key(MODULE), "en"))
        page.locator('#question-1 input[value="1"]').check()
        page.locator("[data-pd-check]").click()
        assert re.fullmatch(r"Your score: 1 of \d+ answers right\.", page.locator("[data-pd-score]").inner_text())
        context.close()


def test_without_javascript_each_question_offers_its_answer(browser, base):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(base + urls.page_url(urls.training_key(MODULE), "id"))
    assert not page.locator("[data-pd-check]").is_visible()  # a button that could do nothing is not shown
    keys = page.locator("details.pd-quiz__key")
    assert keys.count() == page.locator("fieldset.pd-quiz__q").count()
    keys.first.locator("summary").click()
    assert CATALOGUE["id"].training_right_answer in keys.first.inner_text()
    context.close()


def test_printed_the_questions_make_a_test_sheet_without_answers(browser, base):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + urls.page_url(urls.training_key(MODULE), "en"))
    page.locator('#question-1 input[value="2"]').check()
    page.locator("[data-pd-check]").click()  # even after a check, the sheet shows no answer
    page.emulate_media(media="print")
    assert page.locator(".pd-quiz__sheet").is_visible()
    assert page.locator("fieldset.pd-quiz__q legend").first.is_visible()
    assert page.locator("label.pd-quiz__option").first.is_visible()
    for hidden in (".pd-quiz__key", ".pd-quiz__mark", "[data-pd-check]", "[data-pd-score]"):
        assert not any(el.is_visible() for el in page.locator(hidden).all()), hidden
    sheet = PdfReader(io.BytesIO(page.pdf(format="A4")))
    printed = " ".join(p.extract_text() for p in sheet.pages)
    assert "Which article of Law 21/2007" in printed and "Name or participant code" in printed
    assert "Right answer" not in printed and "Why" not in printed and "Your score" not in printed
    context.close()


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("checked", [False, True])
def test_no_serious_accessibility_violations_before_and_after_the_check(browser, base, lang, checked):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(base + urls.page_url(urls.training_key(MODULE), lang))
    if checked:
        page.locator('#question-1 input[value="2"]').check()
        page.locator("[data-pd-check]").click()
    results = Axe().run(page)
    serious = [(v["id"], len(v["nodes"])) for v in results.response["violations"]
               if v["impact"] in ("serious", "critical")]
    context.close()
    assert serious == []


@pytest.mark.parametrize(("lang", "query"), [("id", "uji mandiri"), ("id", "pelatihan"), ("en", "self-check")])
def test_search_finds_the_training_pages(browser, base, lang, query):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + PREFIX[lang])
    type_search(page, query)
    found = [urlparse(a.get_attribute("href")).path for a in page.query_selector_all(".pagefind-ui__result-link")]
    context.close()
    assert {"/" + urls.page_url(urls.TRAINING, lang), "/" + urls.page_url(urls.training_key(MODULE), lang)} & set(found), found


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_module_page_offers_to_keep_its_files_for_offline_use(fixture_site, lang):
    site = fixture_site.site
    html = soup(site, urls.page_url(urls.training_key(MODULE), lang))
    box = html.select_one("[data-pd-keep]")
    assert box is not None and box.select_one("button").get_text(strip=True) == CATALOGUE[lang]["keep_button"]
    root = "../../" if lang == "id" else "../../../"
    kept = {li["data-pd-file"].removeprefix(root) for li in box.select("li[data-pd-file]")}
    g = next(g for g in load_corpus(site.parent / "guidelines").guidelines if g.id == MODULE)
    assert kept == {d.path for d in training.downloads(g, lang)}
    assert all((site / path).is_file() for path in kept)  # this build made every PDF and the slides
