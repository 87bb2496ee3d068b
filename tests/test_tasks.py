"""The five tasks of issue 26's "Done when", walked on a 390 px phone from the home page of the shipped site, in
both languages, every tap counted: call a hotline, open the assistance steps for restitution, find who chairs
the national task force, get the SK for a district, and get a handout offline (the first visit online, then no
connection). Each takes at most `BUDGET` taps; scrolling is not a tap. The counts are printed (`pytest -s`)."""

from __future__ import annotations

import re
import shutil
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from harness import ROOT
from pedoman import load_corpus
from pedoman.print.handbook import render_handout
from pedoman.print.pdfbuild import _render, _save
from pedoman.site import offline
from test_offline import until_filled
from webcheck import launch, serve

BUDGET = 4
"""The most taps a task may take from the home page (issue 26)."""
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
LANGS = {"id": "", "en": "en/"}
ASSISTANCE = "pendampingan-pemulihan-korban"
"""The guideline whose handout the last task opens offline: the home page's "assist a victim" task leads to it."""
CHAIR = {"id": r"\bKetua I\b", "en": r"\bChair I\b"}
DECREE = {"id": r"^Keputusan \[Bupati/Wali Kota\]", "en": r"^Decree of the \[Regent/Mayor\]"}


@pytest.fixture(scope="module")
def site(shipped_site, tmp_path_factory):
    """The shipped site (HTML only) with the assistance guideline's handouts laid out as the build lays them
    out, and its offline worker written again, so that it keeps them from the first visit on."""
    folder = tmp_path_factory.mktemp("tasks") / "site"
    shutil.copytree(shipped_site.site, folder)
    corpus = load_corpus(ROOT / "guidelines")
    g = next(g for g in corpus.guidelines if g.id == ASSISTANCE)
    for lang in LANGS:
        html = render_handout(corpus, g, lang)
        _save(_render(html), folder / "pdf" / f"{g.id}.handout.{lang}.pdf", f"{g.id}-{lang}", html)
    offline.write_offline(folder)
    return folder


@pytest.fixture(scope="module")
def browser():
    with launch() as b:
        yield b


class Walk:
    """A reader's taps on a phone, counted."""

    def __init__(self, page):
        self.page = page
        self.taps = 0

    def tap(self, locator, then: str | None = None, least: int = 24) -> None:
        """Tap `locator`, a target of `least` px at least (24: WCAG 2.2's floor; a download, 44); `then`: the
        path (a regular expression) the tap leads to, waited for."""
        locator.scroll_into_view_if_needed()
        expect(locator).to_be_visible()
        box = locator.bounding_box()
        assert box["width"] >= least and box["height"] >= least, (locator, box)
        locator.tap()
        self.taps += 1
        if then:
            self.page.wait_for_url(re.compile(then), timeout=30_000)
            self.page.wait_for_load_state()


def walk(browser, site, base: str, lang: str, task):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(base + LANGS[lang])
    steps = Walk(page)
    try:
        task(steps, page, context, site)
    finally:
        context.close()
    print(f"{task.__name__} ({lang}): {steps.taps} taps")
    assert 1 <= steps.taps <= BUDGET, steps.taps


def call_a_hotline(steps, page, context, site):
    link = page.locator('article a[href="tel:129"]').first
    box = link.bounding_box()
    assert box["y"] + box["height"] <= 844, "on the first screen"
    # a tap on a tel: link hands the number to the phone's dialler; the browser here has none
    assert box["height"] >= 44 and box["width"] >= 44, box
    steps.taps += 1


def open_the_restitution_steps(steps, page, context, site):
    steps.tap(page.locator('article a[href$="restitusi-kompensasi/#remedy"]').first, then=r"/restitusi-kompensasi/#remedy$")
    assert urlparse(page.url).path.endswith("/guidelines/victim-assistance/restitusi-kompensasi/")
    assert urlparse(page.url).fragment == "remedy"
    heading = page.locator("#remedy")
    assert 0 <= heading.bounding_box()["y"] < 844, "the steps' heading is on the screen"
    expect(page.locator("#remedy ~ .pd-cards table").first).to_be_attached()


def find_who_chairs_the_national_task_force(steps, page, context, site):
    steps.tap(page.locator('article a[href="about/"]').first, then=r"/about/$")
    lang = page.locator("html").get_attribute("lang")
    text = page.locator("article").inner_text()
    assert re.search(CHAIR[lang], text), "the page names the national task force's chairs"


def get_the_sk_for_a_district(steps, page, context, site):
    steps.tap(page.locator('article a[href="drafting-kit/"]').first, then=r"/drafting-kit/$")
    lang = page.locator("html").get_attribute("lang")
    decree = page.locator(f'article a[href*="documents/gt-kabupaten-desa/"][hreflang="{lang}"][href$=".docx"]').first
    assert re.search(DECREE[lang], decree.inner_text().strip()), decree.inner_text()
    with page.expect_download() as download:
        steps.tap(decree, least=44)
    assert download.value.suggested_filename.endswith(".docx") and download.value.failure() is None


def get_a_handout_offline(steps, page, context, site):
    until_filled(page, site, "")
    context.set_offline(True)
    steps.tap(page.locator(f'article a[href$="{ASSISTANCE}/#stages"]').first, then=rf"/{ASSISTANCE}/#stages$")
    lang = page.locator("html").get_attribute("lang")
    handout = page.locator(f'article .pd-handout a[href$="{ASSISTANCE}.handout.{lang}.pdf"]')
    with page.expect_response(lambda r: r.url.endswith(f"{ASSISTANCE}.handout.{lang}.pdf")) as response:
        steps.tap(handout, then=rf"/pdf/{ASSISTANCE}\.handout\.{lang}\.pdf$", least=44)  # the browser shows it
    assert response.value.status == 200 and response.value.from_service_worker
    assert response.value.headers["content-type"] == "application/pdf"


TASKS = [call_a_hotline, open_the_restitution_steps, find_who_chairs_the_national_task_force,
         get_the_sk_for_a_district, get_a_handout_offline]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("task", TASKS, ids=[t.__name__ for t in TASKS])
def test_a_task_takes_at_most_four_taps_from_the_home_page(browser, site, lang, task):
    with serve(site) as base:
        walk(browser, site, base, lang, task)
