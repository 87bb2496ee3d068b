"""The recommendation matrix in a real browser: it fits a laptop's width (1280 px) without
sideways scrolling, in both languages, on the shipped corpus (14 guidelines) and the test
corpus; on a phone it reads as cards (test_phone.py), so neither its box nor the page scrolls sideways."""

from __future__ import annotations

import pytest

from webcheck import launch, serve


@pytest.fixture(scope="module")
def browser():
    with launch() as b:
        yield b


def widths(browser, site, width: int, prefix: str) -> dict:
    with serve(site) as base:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(base + prefix + "recommendations/")
        sizes = page.locator(".pd-matrix").evaluate(
            "el => ({box: el.clientWidth, content: el.scrollWidth,"
            " page: document.documentElement.scrollWidth - document.documentElement.clientWidth})")
        context.close()
    return sizes


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_matrix_fits_a_laptop(browser, shipped_site, prefix):
    sizes = widths(browser, shipped_site.site, 1280, prefix)
    assert sizes["content"] <= sizes["box"] and sizes["page"] <= 0, sizes


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_matrix_reads_without_sideways_scrolling_on_a_phone(browser, shipped_site, prefix):
    sizes = widths(browser, shipped_site.site, 390, prefix)
    assert sizes["content"] <= sizes["box"] and sizes["page"] <= 0, sizes
