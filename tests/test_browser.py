"""The built site in a real browser: Playwright driving Debian's Chromium headless.

Search (stemmed Indonesian, one language per index), language switching,
no request to another host, accessibility (axe-core), phone width, diagrams.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

from webcheck import _RESULTS_SHOWN, type_search

CHROMIUM = os.environ.get("PEDOMAN_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]
SHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"

PAGE_TYPES = {
    "home": "",
    "hand-written": "about/",
    "guideline list": "guidelines/",
    "formation": "guidelines/formation/gt-uji/",
    "victim-assistance": "guidelines/victim-assistance/layanan-uji/",
    "cooperation": "guidelines/cooperation/kerja-sama-uji/",
    "corporate-engagement": "guidelines/corporate-engagement/usaha-uji/",
    "matrix": "recommendations/",
    "recommendation": "recommendations/r05/",
    "agency table": "recommendations/agencies/",
    "glossary": "glossary/",
    "not found": "404.html",
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(fixture_site):
    handler = functools.partial(_Quiet, directory=str(fixture_site.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    yield p
    context.close()




def search(page, base: str, path: str, query: str) -> list[str]:
    page.goto(base + path)
    type_search(page, query)
    return [urlparse(a.get_attribute("href")).path for a in page.query_selector_all(".pagefind-ui__result-link")]


def test_indonesian_search_finds_other_word_forms(page, server):
    results = search(page, server, "", "dampingi")
    assert "/guidelines/victim-assistance/layanan-uji/" in results
    assert all(not r.startswith("/en/") for r in results)
    first = page.locator(".pagefind-ui__result").first
    assert first.locator(".pagefind-ui__result-title").first.inner_text().strip()
    assert first.locator(".pagefind-ui__result-excerpt").first.inner_text().strip()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / "search-id.png")


def test_english_search_stays_in_english(page, server):
    results = search(page, server, "en/", "restitution")
    assert "/en/guidelines/victim-assistance/layanan-uji/" in results
    assert all(r.startswith("/en/") for r in results)


def test_search_button_opens_the_dialog(page, server):
    page.goto(server + "guidelines/")
    page.get_by_role("button", name="Cari").first.click()
    dialog = page.get_by_role("dialog", name="Cari")
    assert dialog.is_visible()
    expect(dialog.locator("input")).to_be_focused(timeout=10_000)  # Pagefind's UI loads on first open


def test_language_switcher_goes_to_the_same_generated_page(page, server):
    page.goto(server + "recommendations/r05/")
    assert page.locator("html").get_attribute("lang") == "id"
    page.locator(".md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    expect(page).to_have_url(re.compile(r"^[^?#]*/en/recommendations/r05/$"))
    assert urlparse(page.url).path == "/en/recommendations/r05/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().startswith("R05 — Assisting victims")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_request_leaves_the_site(browser, server, lang):
    prefix = "" if lang == "id" else "en/"
    context = browser.new_context()
    hosts: set[str] = set()
    page = context.new_page()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    for path in PAGE_TYPES.values():
        page.goto(server + prefix + path, wait_until="networkidle")
    type_search(page, "gugus")  # the search's own script, index and results
    context.close()
    assert hosts == {urlparse(server).netloc}


def violations(page) -> list[tuple[str, str, int]]:
    """axe-core's violations of the page as it stands, whatever their impact (minor and moderate ones
    too: a moderate "landmark-unique" once went unnoticed on every page), as (rule, impact, nodes)."""
    return [(v["id"], v["impact"], len(v["nodes"])) for v in Axe().run(page).response["violations"]]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("kind", [*PAGE_TYPES, "services"])
@pytest.mark.parametrize("width", [390, 1280])
def test_no_accessibility_violations(browser, server, lang, kind, width):
    """Every page type, on a phone (its menu a drawer with the page's contents inside) and on a desktop."""
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 500 else 900})
    page = context.new_page()
    prefix = "" if lang == "id" else "en/"
    page.goto(server + prefix + PAGE_TYPES.get(kind, "services/"))
    found = violations(page)
    context.close()
    assert found == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_accessibility_violations_with_the_search_open(page, server, lang):
    """The search page: an address with ?q= opens the dialog with the words searched (search.js)."""
    prefix = "" if lang == "id" else "en/"
    query = "restitusi" if lang == "id" else "restitution"
    page.goto(server + prefix + "?q=" + query)
    page.wait_for_function(_RESULTS_SHOWN, timeout=10_000)
    assert page.locator("#pd-search-ui input").input_value() == query
    expect(page.get_by_role("textbox", name="Cari" if lang == "id" else "Search")).to_be_focused()
    assert violations(page) == []
    page.keyboard.press("Escape")
    page.goto(server + prefix + "guidelines/formation/gt-uji/")
    type_search(page, "gugus tugas" if lang == "id" else "task force")
    assert violations(page) == []


def test_the_menu_has_one_navigation_landmark_and_its_sub_menus_still_open(browser, server):
    """One "Navigasi" landmark; a sub-menu is a group whose aria-expanded Material's script keeps
    (it looks the group up by aria-labelledby when its toggle, a label with a tabindex, is clicked)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + "guidelines/formation/gt-uji/")
    assert page.locator(".md-sidebar--primary nav").count() == 1
    assert page.get_by_role("navigation", name="Navigasi").count() == 1
    assert page.locator(".md-sidebar--primary .md-nav--secondary").get_attribute("role") == "group"
    context.close()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server)
    label = page.locator(".md-sidebar--primary label.md-nav__link[tabindex]").first
    group = page.locator(f'[aria-labelledby="{label.get_attribute("id")}"]')
    assert group.get_attribute("role") == "group"
    assert group.get_attribute("aria-expanded") == "false"
    label.click()
    expect(group).to_have_attribute("aria-expanded", "true")
    context.close()
    assert errors == []


@pytest.mark.parametrize("kind", ["formation", "cooperation", "matrix", "agency table", "glossary"])
def test_no_sideways_scrolling_on_a_phone(browser, server, kind):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    for prefix in ("", "en/"):
        page.goto(server + prefix + PAGE_TYPES[kind])
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{prefix}{PAGE_TYPES[kind]} scrolls sideways by {overflow}px"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"phone-{kind.replace(' ', '-')}.png", full_page=True)
    context.close()


def test_the_wide_matrix_reads_as_cards_inside_its_box_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + "recommendations/")
    box = page.locator(".md-typeset__scrollwrap").first
    sizes = box.evaluate("el => [el.scrollWidth, el.clientWidth]")
    rows = box.evaluate("el => [...el.querySelectorAll('tbody tr')].map(r => getComputedStyle(r).display)")
    context.close()
    assert sizes[0] <= sizes[1]  # nothing to scroll sideways
    assert rows and set(rows) == {"block"}  # each row a card


@pytest.mark.parametrize(("path", "kind"), [
    ("guidelines/victim-assistance/layanan-uji/", "pathway"),
    ("en/guidelines/cooperation/kerja-sama-uji/", "workflow"),
    ("guidelines/formation/gt-uji/", "steps"),
])
def test_diagrams_are_inline_svg_with_a_text_alternative(page, server, path, kind):
    page.goto(server + path)
    svg = page.locator(f"svg.pd-diagram--{kind}")
    assert svg.count() == 1
    assert svg.get_attribute("role") == "img"
    title, desc = svg.get_attribute("aria-labelledby").split()
    assert page.locator(f"#{title}").text_content().strip()
    assert "1." in page.locator(f"#{desc}").text_content()
    assert page.locator("script[src*=mermaid]").count() == 0


def test_abbreviation_shows_its_expansion_on_tap(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    page.goto(server + "en/recommendations/r01/")  # "GT TPPO" in the English recommendation
    abbr = page.locator("article abbr", has_text="TPPO").first
    abbr.tap()
    expect(abbr).to_have_class(re.compile(r"\bpd-abbr--open\b"))
    shown = abbr.evaluate("el => getComputedStyle(el, '::after').content")
    context.close()
    assert shown == '"trafficking in persons"'


def test_search_code_loads_only_when_the_search_opens(browser, server):
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlparse(request.url).path))
    page.goto(server + "guidelines/", wait_until="networkidle")
    assert not any("/pagefind/" in path for path in requested)
    page.keyboard.press("/")
    page.locator("#pd-search-ui input").wait_for()
    context.close()
    assert "/pagefind/pagefind-ui.js" in requested
