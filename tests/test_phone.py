"""A guideline site on a phone (390 px) and a laptop (1280 px), in both languages: contacts a phone
can call, the page's contents before its text, diagrams as numbered lists, no text under 12 px,
abbreviations inside the viewport, the switcher keeping the #section, the training pack in sight,
search snippets that read as text, and the theme's words in the page's language."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from pedoman.presentation.contacts import international, tel_href, whatsapp_href
from pedoman.content.model import structured_parts
from pedoman.site.search import weigh
from pedoman.presentation.words import CATALOGUE
from webcheck import launch, serve, type_search

SHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
LAPTOP = {"viewport": {"width": 1280, "height": 900}}
SIZES = {"390": PHONE, "1280": LAPTOP}
LANGS = {"id": "", "en": "en/"}
PACK = {"id": "paket-pelatihan.id.pdf", "en": "training-pack.en.pdf"}
"""The training pack's file in each language: its name says what it is, in that language."""
CHANNELS = "guidelines/corporate-engagement/usaha-uji/"
DIAGRAM_PAGES = ["guidelines/formation/gt-uji/", "guidelines/cooperation/kerja-sama-uji/",
                 "guidelines/victim-assistance/layanan-uji/"]
WHATSAPP_SAPA = whatsapp_href("08111-129-129")


@pytest.fixture(scope="module")
def base(fixture_site):
    with serve(fixture_site.site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with launch() as b:
        yield b




def open_page(browser, size: str):
    context = browser.new_context(**SIZES[size])
    return context, context.new_page()


def test_links_a_phone_can_use():
    assert tel_href("129") == "tel:129" and tel_href("+62 21 129") == "tel:+6221129"
    assert international("08111-129-129") == "628111129129" and WHATSAPP_SAPA.endswith("/628111129129")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_hotlines_are_links_on_the_home_page_and_in_a_channels_table(browser, base, lang, size):
    context, page = open_page(browser, size)
    for path in ("", CHANNELS):
        page.goto(base + LANGS[lang] + path)
        scope = page.locator("article")
        for href in ("tel:129", WHATSAPP_SAPA):
            assert scope.locator(f'a[href="{href}"]').count() >= 1, (path, href)
        if path == "":
            assert scope.locator('a[href="tel:110"]').count() == 1
        else:
            link = scope.locator("#channels ~ * a[href='tel:129']").first
            box = link.bounding_box()
            assert box and box["height"] >= 20, "too small to tap"
    page.goto(base + LANGS[lang] + CHANNELS + "#channels")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"channels-{lang}-{size}.png")
    context.close()


@pytest.mark.parametrize(("lang", "query"), [("id", "hotline"), ("id", "nomor pengaduan"), ("id", "lapor"),
                                             ("en", "complaint"), ("en", "hotline")])
def test_search_finds_the_help_block(browser, base, lang, query):
    context, page = open_page(browser, "1280")
    page.goto(base + LANGS[lang])
    type_search(page, query)
    paths = [urlparse(a.get_attribute("href")).path for a in page.query_selector_all(".pagefind-ui__result-link")]
    context.close()
    assert "/" + LANGS[lang] in paths, "\n".join(paths)


@pytest.mark.parametrize("lang", LANGS)
def test_contents_before_the_text_on_a_phone_and_beside_it_on_a_laptop(browser, base, lang):
    context, page = open_page(browser, "390")
    page.goto(base + LANGS[lang] + "guidelines/cooperation/kerja-sama-uji/")
    toc = page.locator("details.pd-toc")
    expect(toc).to_be_visible()
    first_section = page.locator("article h2").first
    assert toc.bounding_box()["y"] < page.locator(".pd-summary").bounding_box()["y"] < first_section.bounding_box()["y"]
    assert toc.bounding_box()["y"] < 844, "the contents are on the first screen"
    toc.locator("summary").tap()
    toc.locator('a[href="#workflow"]').tap()
    expect(page).to_have_url(re.compile("#workflow$"))
    assert abs(page.locator("#workflow").bounding_box()["y"]) < 844
    backs = page.locator(".pd-back a:visible")
    # after each section and after each working tool (parties, workflow, tasks, budget, clauses)
    assert backs.count() == page.locator(".pd-section").count() + len(structured_parts("cooperation"))
    page.screenshot(path=SHOTS / f"phone-contents-{lang}.png")
    context.close()

    context, page = open_page(browser, "1280")
    page.goto(base + LANGS[lang] + "guidelines/cooperation/kerja-sama-uji/")
    expect(page.locator("details.pd-toc")).to_be_hidden()
    expect(page.locator(".pd-back").first).to_be_hidden()
    expect(page.locator(".md-sidebar--secondary .md-nav--secondary")).to_be_visible()
    context.close()


SMALLEST_TEXT = """() => {
  let smallest = 99, where = '';
  for (const el of document.querySelectorAll('.pd-diagram text, .pd-diagram li, article table th, article table td')) {
    if (!el.getClientRects().length || !el.textContent.trim()) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest('svg');
    if (svg) size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    if (size < smallest) { smallest = size; where = el.textContent.trim().slice(0, 40); }
  }
  return [smallest, where];
}"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", DIAGRAM_PAGES)
def test_diagrams_are_numbered_lists_on_a_phone_with_no_text_under_12px(browser, base, lang, path):
    context, page = open_page(browser, "390")
    page.goto(base + LANGS[lang] + path)
    figure = page.locator("figure.pd-diagram")
    expect(figure.locator("svg")).to_be_hidden()
    items = figure.locator("ol.pd-diagram-list > li")
    expect(items.first).to_be_visible()
    assert items.count() >= 1 and "…" not in figure.inner_text()
    smallest, where = page.evaluate(SMALLEST_TEXT)
    assert smallest >= 12, f"{where!r} is {smallest:.1f}px"
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    figure.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / f"phone-diagram-{lang}-{path.split('/')[1]}.png")
    context.close()

    context, page = open_page(browser, "1280")
    page.goto(base + LANGS[lang] + path)
    expect(page.locator("figure.pd-diagram svg")).to_be_visible()
    expect(page.locator("ol.pd-diagram-list")).to_be_hidden()
    context.close()


def test_lanes_are_labels_in_the_phone_list(browser, base):
    context, page = open_page(browser, "390")
    page.goto(base + "en/guidelines/cooperation/kerja-sama-uji/")
    lanes = page.locator("ol.pd-diagram-list .pd-lane").all_inner_texts()
    context.close()
    assert lanes and set(lanes) <= {CATALOGUE["en"][party] for party in ("origin", "transit", "destination")}, lanes


ABBR_BOX = """el => { const after = getComputedStyle(el, '::after');
  const left = el.getBoundingClientRect().left + parseFloat(after.left);
  return [after.content, left, left + parseFloat(after.width), document.documentElement.clientWidth]; }"""


@pytest.mark.parametrize("lang", LANGS)
def test_abbreviation_at_the_right_edge_opens_inside_the_viewport(browser, base, lang):
    context, page = open_page(browser, "390")
    page.goto(base + LANGS[lang])
    # an abbreviation of the page, moved to the very end of a right-aligned line
    page.evaluate("""() => { const p = document.createElement('p'); p.id = 'edge'; p.style.textAlign = 'right';
        p.appendChild(document.querySelector('article abbr[title]').cloneNode(true));
        document.querySelector('article h1').after(p); }""")
    abbr = page.locator("#edge abbr")
    assert abbr.bounding_box()["x"] + abbr.bounding_box()["width"] > 390 - 40
    abbr.tap()
    expect(abbr).to_have_class(re.compile(r"\bpd-abbr--open\b"))
    content, left, right, width = abbr.evaluate(ABBR_BOX)
    assert content.strip('"') == abbr.get_attribute("title")
    assert 0 <= left and right <= width, (left, right, width)
    page.screenshot(path=SHOTS / f"phone-abbr-{lang}.png")
    page.keyboard.press("Escape")
    expect(abbr).not_to_have_class(re.compile(r"\bpd-abbr--open\b"))
    abbr.tap()
    page.locator("article h1").tap()  # a tap elsewhere closes it
    expect(abbr).not_to_have_class(re.compile(r"\bpd-abbr--open\b"))
    context.close()


def test_abbreviation_opens_on_keyboard_focus(browser, base):
    context, page = open_page(browser, "1280")
    page.goto(base + "guidelines/formation/gt-uji/")
    abbr = page.locator("article abbr[title]").first
    assert abbr.get_attribute("tabindex") == "0"
    abbr.focus()
    expect(abbr).to_have_class(re.compile(r"\bpd-abbr--open\b"))
    _, left, right, width = abbr.evaluate(ABBR_BOX)
    assert 0 <= left and right <= width
    page.keyboard.press("Escape")
    expect(abbr).not_to_have_class(re.compile(r"\bpd-abbr--open\b"))
    context.close()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("start", "other"), [("id", "en"), ("en", "id")])
def test_switcher_keeps_the_section_and_marks_the_current_language(browser, base, size, start, other):
    context, page = open_page(browser, size)
    page.goto(base + LANGS[start] + CHANNELS + "#channels")
    current = page.locator("a.md-select__link[aria-current]")
    assert current.count() == 1 and current.get_attribute("hreflang") == start
    link = page.locator(f'a.md-select__link[hreflang="{other}"]')
    page.goto(link.evaluate("a => a.href"))  # where the menu's link leads
    assert urlparse(page.url).path == "/" + LANGS[other] + CHANNELS and urlparse(page.url).fragment == "channels"
    assert page.locator("html").get_attribute("lang") == other
    context.close()


def test_switcher_link_follows_the_section_the_reader_moves_to(browser, base):
    context, page = open_page(browser, "1280")
    page.goto(base + CHANNELS)
    page.evaluate("location.hash = 'checklist'")
    page.locator(".md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    expect(page).to_have_url(re.compile(r"/en/guidelines/corporate-engagement/usaha-uji/#checklist$"))
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_training_pack_linked_from_home_guideline_list_and_guideline_page(browser, base, lang):
    context, page = open_page(browser, "390")
    for path in ("", "guidelines/", CHANNELS):
        page.goto(base + LANGS[lang] + path)
        link = page.locator(f'article a[href$="pdf/{PACK[lang]}"]').first
        expect(link).to_be_visible()
        response = page.request.get(link.evaluate("a => a.href"))
        assert response.ok and response.headers["content-type"] == "application/pdf"
    context.close()


def test_table_cells_and_list_items_are_apart_in_the_index():
    html = "<table><tr><td>Kegiatan</td><td>Indikator</td></tr></table><ul><li>a</li><li>b</li></ul>"
    assert re.sub(r"<[^>]+>", "", weigh(html)).split() == ["Kegiatan", "Indikator", "a", "b"]


def test_a_tables_header_row_is_left_out_of_the_index():
    html = '<table><thead><tr><th>#</th><th>Langkah</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>'
    assert '<thead data-pagefind-ignore>' in weigh(html) and weigh(weigh(html)).count("data-pagefind-ignore") == 1


def test_table_search_snippet_has_spaces_between_cells(browser, base):
    context, page = open_page(browser, "1280")
    page.goto(base + "en/")
    type_search(page, "documents withheld")
    excerpts = " ".join(page.locator(".pagefind-ui__result-excerpt").all_inner_texts())
    context.close()
    # cells apart, and no header row ("Sector Risks Red flags") read out like a raw Markdown table
    assert re.search(r"\bsea\.? Documents\b", excerpts) and "Sector Risks Red flags" not in excerpts, excerpts


@pytest.mark.parametrize("lang", LANGS)
def test_no_heading_twice_in_a_pages_contents(browser, base, lang):
    context, page = open_page(browser, "1280")
    for path in DIAGRAM_PAGES + [CHANNELS]:
        page.goto(base + LANGS[lang] + path)
        for selector in (".md-sidebar--secondary .md-nav--secondary > ul > li > a", "details.pd-toc a"):
            titles = [t.strip() for t in page.locator(selector).all_text_contents()]
            assert titles and len(titles) == len(set(titles)), (path, selector, titles)
    context.close()


@pytest.mark.parametrize(("lang", "words", "foreign"), [("id", "Dibuat dengan", "Made with"),
                                                         ("en", "Made with", "Dibuat dengan")])
def test_footer_speaks_the_pages_language(browser, base, lang, words, foreign):
    context, page = open_page(browser, "390")
    page.goto(base + LANGS[lang] + CHANNELS)
    footer = page.locator(".md-copyright").inner_text()
    context.close()
    assert words in footer and foreign not in footer


GUIDELINE_PAGES = DIAGRAM_PAGES + [CHANNELS]
REMEDY = "guidelines/victim-assistance/layanan-uji/"
CELLS = """sel => [...document.querySelectorAll(sel)].map(td => { const r = td.getBoundingClientRect();
  return [td.dataset.label, Math.round(r.left), Math.round(r.right), Math.round(r.width)]; })"""


@pytest.mark.parametrize("lang", LANGS)
def test_no_guideline_page_is_wider_than_a_phone(browser, base, lang):
    context, page = open_page(browser, "390")
    wide = {}
    for path in GUIDELINE_PAGES:
        page.goto(base + LANGS[lang] + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide[path] = width
    context.close()
    assert wide == {}


@pytest.mark.parametrize("lang", LANGS)
def test_a_steps_table_reads_as_cards_on_a_phone(browser, base, lang):
    """Each row a card, each cell under its column's label: the step text takes the screen's width
    (was about 95 px), nothing is cut off on the right, and the "#" column takes no width of its own."""
    context, page = open_page(browser, "390")
    page.goto(base + LANGS[lang] + REMEDY)
    table = page.locator("#remedy ~ .pd-cards table").first
    headers = table.locator("thead th").all_text_contents()
    assert headers[0] == "#" and len(headers) == 4
    cells = page.evaluate(CELLS, "#remedy ~ .pd-cards tbody td")
    assert cells and {c[0] for c in cells} == set(headers)
    for label, left, right, width in cells:
        assert left >= 0 and right <= 390, (label, left, right)
        if label != "#":
            assert width >= 200, (label, width)
    label = table.locator("tbody td").nth(1).evaluate("td => getComputedStyle(td, '::before').content")
    assert label.strip('"') == headers[1]
    table.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / f"phone-steps-cards-{lang}.png")
    results = Axe().run(page)
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    context.close()
    assert serious == []

    context, page = open_page(browser, "1280")
    page.goto(base + LANGS[lang] + REMEDY)
    table = page.locator("#remedy ~ .pd-cards table").first
    assert table.evaluate("t => getComputedStyle(t.querySelector('tbody tr')).display") == "table-row"
    widths = table.locator("thead th").evaluate_all("ths => ths.map(th => th.getBoundingClientRect().width)")
    context.close()
    assert widths[0] < 60 < min(widths[1:]), widths


HIT = """el => { const r = el.getBoundingClientRect(); const x = r.left + 30, y = r.top + r.height / 2;
  const hit = document.elementFromPoint(x, y);
  return r.width > 0 && x < innerWidth && y > 0 && y < innerHeight && !!hit && (el.contains(hit) || hit.closest('.md-nav__container') === el.closest('.md-nav__container')) ? [x, y] : null; }"""


def tap_row(page, rows) -> None:
    """Tap the words of the one row of `rows` a reader sees (the drawer keeps its other panels off screen)."""
    for row in rows.all():
        point = row.evaluate(HIT)
        if point:
            page.touchscreen.tap(*point)
            page.wait_for_timeout(500)  # the drawer slides
            return
    raise AssertionError(f"no row of {rows} can be tapped")


@pytest.mark.parametrize("lang", LANGS)
def test_a_guideline_is_four_taps_from_the_home_page_through_the_drawer(browser, base, lang):
    """The drawer: tapping a section's or a kind's words opens its sub-menu (they used to open the
    section's page, and only the small chevron opened the sub-menu), whose first entry is that page."""
    context, page = open_page(browser, "390")
    page.goto(base + LANGS[lang])
    nav = page.locator(".md-nav--primary")
    page.locator('.md-header label[for="__drawer"]').tap()  # 1
    page.wait_for_timeout(500)
    for word in ("guidelines", "formation"):  # 2, 3
        tap_row(page, nav.locator(".md-nav__container").filter(has=page.get_by_text(CATALOGUE[lang][word], exact=True)))
        assert urlparse(page.url).path == "/" + LANGS[lang], "the sub-menu opened, no page changed"
    entry = nav.locator(".pd-nav-index a").filter(has=page.get_by_text(CATALOGUE[lang]["formation"], exact=True))
    assert any(row.evaluate(HIT) for row in entry.all()), "the kind's own page is the sub-menu's first entry"
    page.screenshot(path=SHOTS / f"phone-drawer-{lang}.png")
    tap_row(page, nav.locator('a.md-nav__link[href$="guidelines/formation/gt-uji/"]'))  # 4
    page.wait_for_load_state()
    assert urlparse(page.url).path == "/" + LANGS[lang] + "guidelines/formation/gt-uji/"
    context.close()

    context, page = open_page(browser, "1280")  # a wide screen: the kind's title still opens its page
    page.goto(base + LANGS[lang])
    page.locator(".md-sidebar--primary .md-nav__container a", has_text=CATALOGUE[lang]["formation"]).first.click()
    assert urlparse(page.url).path == "/" + LANGS[lang] + "guidelines/formation/"
    expect(page.locator(".md-sidebar--primary .pd-nav-index").first).to_be_hidden()
    context.close()


ABBR_BOXES = """() => { const vw = document.documentElement.clientWidth, out = [];
  for (const abbr of document.querySelectorAll('article abbr[title]')) {
    if (!abbr.getClientRects().length) continue;
    abbr.scrollIntoView({block: 'center'});
    abbr.dispatchEvent(new MouseEvent('click', {bubbles: true}));
    // the box is placed from the abbreviation's first line box (its containing block starts there)
    const after = getComputedStyle(abbr, '::after'), first = abbr.getClientRects()[0];
    const left = first.left + parseFloat(after.left), right = left + parseFloat(after.width);
    out.push([abbr.textContent, abbr.getClientRects().length, Math.round(left), Math.round(right), vw]);
  }
  document.body.click();
  return out; }"""
WRAP_AN_ABBREVIATION = """() => { const p = document.createElement('p'), pad = document.createElement('span');
  const abbr = document.querySelector('article abbr[title]').cloneNode(true);
  abbr.textContent = 'GT PP-TPPO'; p.id = 'wrapped'; pad.style.display = 'inline-block';
  p.append(pad, ' ', abbr); document.querySelector('article h1').after(p);
  for (let w = 0; w < p.clientWidth && abbr.getClientRects().length < 2; w += 4) pad.style.width = w + 'px';
  return abbr.getClientRects().length; }"""


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("lang", LANGS)
def test_every_abbreviation_opens_inside_the_screen(browser, base, lang, width):
    """Every abbreviation of the home page and the guideline pages, one broken over two lines among them
    (its box used to be placed from its bounding box's left edge, and left the screen)."""
    context = browser.new_context(viewport={"width": width, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    seen, outside = 0, []
    for path in [""] + GUIDELINE_PAGES:
        page.goto(base + LANGS[lang] + path)
        if path == "":
            assert page.evaluate(WRAP_AN_ABBREVIATION) == 2
        boxes = page.evaluate(ABBR_BOXES)
        seen += len(boxes)
        outside += [(path, *box) for box in boxes if box[2] < 0 or box[3] > box[4]]
        assert path or any(box[1] == 2 for box in boxes)
    context.close()
    assert seen >= 3 and outside == [], outside


HEADER_BUTTONS = """() => [...document.querySelectorAll(
    '.md-header label[for="__drawer"], .md-header .pd-lang, .md-header .pd-help-button, .md-header .pd-search-open')].map(el => { const r = el.getBoundingClientRect();
  return [el.className, Math.round(r.width), Math.round(r.height), Math.round(r.left), Math.round(r.right)]; })"""


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("lang", LANGS)
def test_header_buttons_are_44px_on_a_phone(browser, base, lang, width):
    """Menu, language, help and search: each 44 x 44 px at least (they were 40 px), all inside the screen,
    and the header keeps the site's title between them."""
    context = browser.new_context(viewport={"width": width, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base + LANGS[lang] + CHANNELS)
    buttons = page.evaluate(HEADER_BUTTONS)
    title = page.locator(".md-header__title").bounding_box()
    context.close()
    assert len(buttons) == 4, buttons
    for name, w, h, left, right in buttons:
        assert w >= 44 and h >= 44 and left >= 0 and right <= width, (name, w, h, left, right)
    assert title["width"] >= 80


WIDE_TABLES = ["recommendations/", "recommendations/agencies/", "recommendations/stakeholders/"]
"""The tables with a column per recommendation or per guideline (the stakeholders table has one per
guideline: five on the fixture site, fifteen on the shipped one)."""
CARDS = """() => { const cells = [...document.querySelectorAll('article table tbody td, article table tbody th')];
  const shown = cells.filter(c => c.getClientRects().length), rect = c => c.getBoundingClientRect();
  return {page: document.documentElement.scrollWidth,
          boxes: [...document.querySelectorAll('article .md-typeset__scrollwrap')].map(w => w.scrollWidth - w.clientWidth),
          narrow: shown.map(c => [c.textContent.trim().slice(0, 20), Math.round(rect(c).width)]).filter(([, w]) => w < 60),
          emptyShown: shown.filter(c => c.tagName === 'TD' && !c.textContent.trim()).length,
          filledHidden: cells.filter(c => !c.getClientRects().length && c.textContent.trim()).length,
          unlabelled: shown.filter(c => c.tagName === 'TD' && !c.dataset.label).length,
          header: Math.round(document.querySelector('article table thead').getBoundingClientRect().height),
          rows: [...document.querySelectorAll('article table tbody tr')].map(tr => getComputedStyle(tr).display)}; }"""


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", WIDE_TABLES)
def test_a_wide_table_reads_as_cards_on_a_phone(browser, base, lang, path, width):
    """The tables of more than six columns read as cards, like the steps tables: each row a card, each cell that
    holds something under its column's label, an empty one left out; no box and no page scrolls sideways and no
    cell is under 60 px (they used to scroll inside their box under a "swipe sideways" line). The header row
    stays in the table for screen readers, out of sight; axe finds nothing serious and nothing about tables."""
    context = browser.new_context(viewport={"width": width, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base + LANGS[lang] + path)
    cards = page.evaluate(CARDS)
    assert cards["page"] <= width and max(cards["boxes"]) <= 0, cards
    assert cards["narrow"] == [] and cards["emptyShown"] == 0 and cards["filledHidden"] == 0, cards
    assert cards["unlabelled"] == 0 and cards["header"] <= 1 and set(cards["rows"]) == {"block"}, cards
    assert page.locator("article table thead th").count() > 6 or path.endswith("stakeholders/")
    if width == 390:
        page.screenshot(path=SHOTS / f"phone-cards-{lang}-{path.strip('/').replace('/', '-')}.png")
        violations = Axe().run(page).response["violations"]
        assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
        assert [v["id"] for v in violations if "table" in v["id"] or "th-" in v["id"] or "td-" in v["id"]] == []
    context.close()

    context, page = open_page(browser, "1280")  # a laptop: still a table
    page.goto(base + LANGS[lang] + path)
    layout = page.evaluate("""() => [getComputedStyle(document.querySelector('article table tbody tr')).display,
        document.querySelector('article table thead').getBoundingClientRect().height]""")
    context.close()
    assert layout[0] == "table-row" and layout[1] > 20, layout


@pytest.mark.parametrize("lang", LANGS)
def test_a_guidelines_card_in_the_matrix_lists_the_recommendations_it_implements(browser, base, lang):
    """Each guideline's card names, by code and short title, exactly the recommendations the cross-reference
    index says its sections implement, each with links to those sections."""
    from pedoman import build_crossref, load_corpus
    from conftest import VALID

    corpus = load_corpus(VALID)
    xref = build_crossref(corpus)
    context, page = open_page(browser, "390")
    page.goto(base + LANGS[lang] + "recommendations/")
    for g in corpus.guidelines:
        card = page.locator(f"article tr#{g.id}")
        labels = card.locator("td").evaluate_all(
            "tds => tds.filter(td => td.getClientRects().length).map(td => getComputedStyle(td, '::before').content)")
        expected = [f'"{r.id} · {r.title.get(lang)}"' for r in corpus.recommendations if xref.matrix.get((r.id, g.id))]
        assert labels == expected, (g.id, labels)
        links = card.locator("td a.pd-ref").count()
        assert links == sum(len(xref.matrix.get((r.id, g.id), [])) for r in corpus.recommendations)
        box = card.locator("td a.pd-ref").first.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, box
    context.close()


SQUEEZED = """() => [...document.querySelectorAll('article table td, article table tbody th')]
  .filter(c => c.getClientRects().length && c.textContent.trim().length > 25)
  .map(c => { const r = c.getBoundingClientRect(); return [c.textContent.trim().slice(0, 30), Math.round(r.width), Math.round(r.right)]; })
  .filter(([, width, right]) => width < 150 || right > document.documentElement.clientWidth)"""


@pytest.mark.parametrize("lang", LANGS)
def test_no_table_text_is_squeezed_or_cut_off_on_a_phone(browser, base, lang):
    """No cell with a sentence in it is under 150 px wide or runs past the screen's right edge, and no page
    scrolls sideways: the legal register and what's new were
    448 px and 391 px wide, with cells of 89 and 76 px."""
    context, page = open_page(browser, "390")
    found = {}
    for path in ["", "legal/", "whats-new/", "glossary/", "services/", "recommendations/coverage/"] + WIDE_TABLES + GUIDELINE_PAGES:
        page.goto(base + LANGS[lang] + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        squeezed = page.evaluate(SQUEEZED)
        if width > 390 or squeezed:
            found[path] = (width, squeezed[:3])
    context.close()
    assert found == {}


# --- words people use (issue 26) --------------------------------------------------------------

def test_the_open_data_has_absolute_page_urls_when_the_sites_address_is_known():
    from pedoman import build_crossref, load_corpus
    from pedoman.data.exports import crossref_data, crossref_rows, write_exports
    from conftest import VALID

    corpus = load_corpus(VALID)
    xref = build_crossref(corpus)
    rows = crossref_rows(corpus, xref, "https://example.org/pedoman/")
    url_id, url_en = rows[0].index("url_id"), rows[0].index("url_en")
    assert all(r[url_id].startswith("https://example.org/pedoman/guidelines/") for r in rows[1:] if r[url_id])
    assert all(r[url_en].startswith("https://example.org/pedoman/en/guidelines/") for r in rows[1:] if r[url_en])
    data = crossref_data(corpus, xref, "https://example.org/pedoman")
    assert data["guidelines"][0]["url"]["en"].startswith("https://example.org/pedoman/en/")
    assert all(not r[url_id].startswith("http") for r in crossref_rows(corpus, xref)[1:] if r[url_id])  # no address: relative


def test_the_workbook_carries_the_absolute_urls_too(tmp_path):
    from openpyxl import load_workbook
    from pedoman import build_crossref, load_corpus
    from pedoman.data.exports import write_exports
    from conftest import VALID

    corpus = load_corpus(VALID)
    write_exports(corpus, build_crossref(corpus), tmp_path, site_url="https://example.org/")
    sheet = load_workbook(tmp_path / "data" / "crossref.xlsx").active
    header = [c.value for c in sheet[1]]
    urls = [row[header.index("url_en")] for row in sheet.iter_rows(min_row=2, values_only=True) if row[header.index("url_en")]]
    assert urls and all(u.startswith("https://example.org/en/") for u in urls)
    assert (tmp_path / "data" / "crossref.csv").read_text(encoding="utf-8-sig").count("https://example.org/") >= len(urls)


@pytest.mark.parametrize("lang", LANGS)
def test_open_data_and_documents_say_what_each_file_is(browser, base, lang):
    """The open data in words (not "crossref.csv"), the workbook first; each document's link says whether
    it is the Indonesian original to sign or the English working translation."""
    context, page = open_page(browser, "390")
    page.goto(base + LANGS[lang] + "recommendations/")
    links = page.locator("article a[href*='data/crossref.']")
    assert [a.split("/")[-1] for a in links.evaluate_all("as => as.map(a => a.getAttribute('href'))")] == [
        "crossref.xlsx", "crossref.csv", "crossref.json"]
    assert "crossref" not in " ".join(links.all_inner_texts())
    expect(page.locator("article", has_text=CATALOGUE[lang]["open_data_crossref"])).to_have_count(1)
    for href in links.evaluate_all("as => as.map(a => a.href)"):
        assert page.request.get(href).ok, href
    page.goto(base + LANGS[lang] + "guidelines/formation/gt-uji/")
    docs = page.locator("#documents .pd-documents > li")
    assert docs.count() >= 1
    for item in docs.all():
        this, other = item.locator("a").nth(0), item.locator("a").nth(1)
        assert CATALOGUE[lang]["doc_this_language"] in this.inner_text()
        assert other.inner_text().strip() == CATALOGUE[lang]["doc_other_language"]
    context.close()
    if lang == "en":
        assert "working translation, not for signing" in CATALOGUE["en"]["doc_this_language"]
        assert "Indonesian original, to sign" == CATALOGUE["en"]["doc_other_language"]


# --- desktop faults (issue 26) ----------------------------------------------------------------

SIDEBAR_TITLE = """() => { const wrap = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap');
  wrap.scrollTop = 37;
  const title = document.querySelector('.md-sidebar--primary .md-nav--primary > .md-nav__title');
  const r = title.getBoundingClientRect(), style = getComputedStyle(title), hits = [];
  for (let y = r.top + 1; y < r.bottom; y += 3)
    for (let x = r.left + 2; x < r.right; x += 20) { const hit = document.elementFromPoint(x, y); hits.push(!!hit && title.contains(hit)); }
  return {scrolled: wrap.scrollTop, hits, background: style.backgroundColor, glow: style.boxShadow, rule: style.borderBottomWidth}; }"""


def test_the_sidebar_title_covers_what_scrolls_under_it_on_a_laptop(browser, base):
    context, page = open_page(browser, "1280")
    page.goto(base + "guidelines/formation/gt-uji/")
    state = page.evaluate(SIDEBAR_TITLE)
    context.close()
    assert state["scrolled"] > 0 and all(state["hits"]), state
    assert state["background"] == "rgb(255, 255, 255)" and state["glow"] == "none" and state["rule"] != "0px", state


@pytest.mark.parametrize("lang", LANGS)
def test_a_guidelines_title_sits_close_to_its_facts_on_a_laptop(browser, base, lang):
    context, page = open_page(browser, "1280")
    page.goto(base + LANGS[lang] + "guidelines/formation/gt-uji/")
    gap = page.evaluate("""() => document.querySelector('article .pd-meta').getBoundingClientRect().top
        - document.querySelector('article h1').getBoundingClientRect().bottom""")
    context.close()
    assert 0 <= gap <= 20, gap  # was 40 px


def test_the_contents_and_the_blanks_to_fill_have_their_own_icons(browser, base):
    context, page = open_page(browser, "390")
    page.goto(base + "guidelines/formation/gt-uji/")
    icons = page.evaluate("""() => ['details.pd-toc', 'details.pd-blanks', '.pd-icon-probe'].map(sel => {
        let el = document.querySelector(sel);
        if (!el) { el = document.createElement('details'); el.className = 'pd-icon-probe'; el.innerHTML = '<summary>x</summary>';
                   document.querySelector('article').append(el); }  // a plain box: the admonition's pencil
        return getComputedStyle(el.querySelector('summary'), '::before').maskImage; })""")
    context.close()
    assert all(icon.startswith("url(") for icon in icons) and len(set(icons)) == 3, icons
