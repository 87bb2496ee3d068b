"""The home page built around what people come to do (issue 26), on a 390×844 phone and a 1280 laptop:
help first (the hotlines as tap-to-call buttons on the first screen), then the tasks, each linking
straight to the page that does it, then the prose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import VALID, build_site
from sitecheck import soup
from webcheck import launch, serve

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
LAPTOP = {"viewport": {"width": 1280, "height": 900}}
SIZES = {"390": PHONE, "1280": LAPTOP}
LANGS = {"id": "", "en": "en/"}
HOTLINES = ("tel:129", "https://wa.me/628111129129", "tel:110")
MIN_TARGET = 44
"""The usual floor for a touch target, in CSS px."""


@pytest.fixture(scope="module")
def base(fixture_site):
    with serve(fixture_site.site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with launch() as b:
        yield b


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_hotlines_are_big_buttons_on_the_first_screen(browser, base, lang, size):
    context = browser.new_context(**SIZES[size])
    page = context.new_page()
    page.goto(base + LANGS[lang])
    heading = page.locator("article .pd-help h2")
    assert heading.inner_text().strip() == {"id": "Butuh bantuan sekarang?", "en": "Need help now?"}[lang]
    screen = SIZES[size]["viewport"]["height"]
    for href in HOTLINES:
        link = page.locator(f'article .pd-help a[href="{href}"]')
        assert link.count() == 1, href
        box = link.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= screen, (href, box)
        assert box["height"] >= MIN_TARGET and box["width"] >= MIN_TARGET, (href, box)
    # help comes before the tasks, and the tasks before the prose
    tasks = page.locator("article ul.pd-tasks")
    prose = page.locator("article #tentang")
    assert heading.bounding_box()["y"] < tasks.bounding_box()["y"] < prose.bounding_box()["y"]
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_tasks_are_big_links_that_resolve(browser, base, lang):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(base + LANGS[lang])
    links = page.locator("article ul.pd-tasks a.pd-task")
    assert 4 <= links.count() <= 8
    for link in links.all():
        box = link.bounding_box()
        assert box["height"] >= MIN_TARGET and box["x"] + box["width"] <= 390, (link.inner_text(), box)
        response = page.request.get(link.evaluate("a => a.href"))
        assert response.ok, link.get_attribute("href")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_a_task_links_straight_to_its_guideline_when_the_build_has_it(tmp_path):
    """The fixture corpus has none of the shipped guidelines, so its tasks link to the kinds' lists;
    name its formation guideline like the shipped one and the task goes straight to its steps."""
    content = tmp_path / "guidelines"
    shutil.copytree(VALID, content)
    source = content / "formation" / "gt-uji.yaml"
    source.with_name("gt-provinsi.yaml").write_text(
        source.read_text(encoding="utf-8").replace("id: gt-uji", "id: gt-provinsi", 1), encoding="utf-8")
    source.unlink()
    build = build_site(tmp_path, content)
    assert build.returncode == 0, build.output
    for prefix in LANGS.values():
        html = (build.site / prefix / "index.html").read_text(encoding="utf-8")
        assert 'class="pd-task" href="guidelines/formation/gt-provinsi/#steps"' in html
        assert 'class="pd-task" href="guidelines/victim-assistance/"' in html  # no such guideline: the list
        assert "[[pd-tasks]]" not in html
        assert (build.site / prefix / "guidelines/formation/gt-provinsi/index.html").exists()


GUIDELINE = "guidelines/formation/gt-uji/"
CHANNELS = "guidelines/corporate-engagement/usaha-uji/"


@pytest.mark.parametrize("lang", LANGS)
def test_number_links_and_recommendation_chips_are_44px_high_on_a_phone(browser, base, lang):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    heights = {}
    for path, selector in ((GUIDELINE, "article a.pd-rec"), (CHANNELS, 'article a[href^="tel:"]'),
                           (CHANNELS, 'article a[href^="https://wa.me/"]')):
        page.goto(base + LANGS[lang] + path)
        boxes = [link.bounding_box() for link in page.locator(selector).all()]
        assert boxes, (path, selector)
        heights[selector] = min(b["height"] for b in boxes)
        assert min(b["width"] for b in boxes) >= MIN_TARGET, (path, selector)
    context.close()
    assert min(heights.values()) >= MIN_TARGET, heights


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["", GUIDELINE, "guidelines/", "recommendations/r05/", "glossary/", "404.html"])
def test_help_is_one_tap_away_on_every_page(browser, base, lang, path):
    """The header's phone button: 44 px at least, and one tap shows the hotlines."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(base + LANGS[lang] + path)
    button = page.locator(".md-header a.pd-help-button")
    box = button.bounding_box()
    assert box and box["width"] >= MIN_TARGET and box["height"] >= MIN_TARGET, box
    assert button.get_attribute("aria-label")
    button.tap()
    page.wait_for_url(base + LANGS[lang] + "#bantuan")
    call = page.locator('article .pd-help a[href="tel:129"]').bounding_box()
    assert 0 <= call["y"] and call["y"] + call["height"] <= 844, call
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_shipped_home_page_links_each_task_straight_to_its_page(shipped_site, lang):
    """With the shipped guidelines no task falls back to a kind's list: each opens the page (and the
    part of it) that does the task."""
    home = soup(shipped_site.site, LANGS[lang])
    links = [a["href"] for a in home.select("ul.pd-tasks a.pd-task")]
    assert 4 <= len(links) <= 8
    for href in links:
        path, _, anchor = href.partition("#")
        assert not path.rstrip("/").endswith(("formation", "victim-assistance", "cooperation", "corporate-engagement")), href
        target = soup(shipped_site.site, LANGS[lang] + path)
        assert not anchor or target.find(id=anchor) is not None, href


@pytest.mark.parametrize("lang", LANGS)
def test_the_help_block_leads_to_the_register_of_services(browser, base, lang):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(base + LANGS[lang])
    link = page.locator('article .pd-help a[href="services/"]')
    box = link.bounding_box()
    assert box["height"] >= MIN_TARGET and box["y"] + box["height"] <= 844, box
    link.tap()
    page.wait_for_url(base + LANGS[lang] + "services/")
    assert page.locator('article a[href="tel:129"]').count() >= 1
    context.close()
