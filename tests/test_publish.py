"""Published at an address: canonical links, hreflang alternates, the sitemap and the edit link,
built twice, with the site's address (`site_url`) and without it; and in a browser, the
language switcher of both builds asks for nothing that is not there.
"""

from __future__ import annotations

import gzip
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from conftest import VALID, build_site
from sitecheck import html_pages, page_file, soup
from webcheck import launch, serve

ADDRESS = "https://example.org/pedoman/"
REPO = "https://example.org/git/pedoman"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def with_address(tmp_path_factory, corpus_module):
    build = build_site(tmp_path_factory.mktemp("with-address"), corpus_module,
                       site_url=ADDRESS, repo_url=REPO, edit_uri="edit/main/docs/")
    assert build.returncode == 0, build.output
    return build.site


@pytest.fixture(scope="module")
def without_address(tmp_path_factory, corpus_module):
    build = build_site(tmp_path_factory.mktemp("without-address"), corpus_module,
                       site_url=None, repo_url=None, edit_uri=None)
    assert build.returncode == 0, build.output
    return build.site


@pytest.fixture(scope="module")
def corpus_module(tmp_path_factory):
    target = tmp_path_factory.mktemp("content") / "guidelines"
    shutil.copytree(VALID, target)
    return target


def pages(site: Path) -> list[str]:
    """Every built page as a site-root-relative URL, the not-found pages left out."""
    urls = []
    for name in sorted(html_pages(site)):
        if name.endswith("404.html"):
            continue
        urls.append(name[: -len("index.html")] if name.endswith("index.html") else name)
    return urls


def alternates(page) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in page.select("head link[hreflang]")
            if "alternate" in link.get("rel", [])}


def test_every_page_names_its_absolute_address_and_both_languages(with_address):
    urls = pages(with_address)
    assert len(urls) > 20 and any(u.startswith("en/") for u in urls)
    for url in urls:
        page = soup(with_address, url)
        canonical = page.select("head link[rel=canonical]")
        assert [c["href"] for c in canonical] == [ADDRESS + url], url
        neutral = url.removeprefix("en/")
        assert alternates(page) == {"id": ADDRESS + neutral, "en": ADDRESS + "en/" + neutral,
                                    "x-default": ADDRESS + neutral}, url


def test_sitemap_lists_every_page_with_its_alternates(with_address):
    tree = ET.fromstring((with_address / "sitemap.xml").read_bytes())
    entries = {u.findtext("s:loc", namespaces=NS): {x.get("hreflang"): x.get("href")
                                                     for x in u.findall("x:link", NS)}
               for u in tree.findall("s:url", NS)}
    assert sorted(entries) == sorted(ADDRESS + u for u in pages(with_address))
    for loc, links in entries.items():
        assert set(links) == {"id", "en", "x-default"}, loc
        for href in links.values():
            assert href.startswith(ADDRESS) and page_file(with_address, href[len(ADDRESS):]).is_file(), href
        assert links["x-default"] == links["id"]
    assert gzip.decompress((with_address / "sitemap.xml.gz").read_bytes()) == (with_address / "sitemap.xml").read_bytes()
    assert not (with_address / "en" / "sitemap.xml").exists()


def test_without_an_address_nothing_names_a_missing_one(without_address):
    assert not list(without_address.rglob("sitemap.xml*"))
    for url in pages(without_address):
        page = soup(without_address, url)
        assert not page.select("head link[rel=canonical]"), url
        assert not alternates(page), url
        hrefs = [el.get("href", "") for el in page.select("[href]")] + [el.get("src", "") for el in page.select("[src]")]
        assert not [h for h in hrefs if "None" in h], url


def test_edit_link_opens_the_repository(with_address, without_address):
    hand_written = soup(with_address, "en/about/").select_one("a.md-content__button[href]")
    assert hand_written["href"] == REPO + "/edit/main/docs/about.en.md"
    generated = soup(with_address, "guidelines/formation/gt-uji/").select_one("a.md-content__button[href]")
    assert generated["href"].startswith(REPO + "/edit/main/guidelines/formation/gt-uji.yaml")
    assert not soup(without_address, "en/about/").select("a.md-content__button")


@pytest.fixture(scope="module")
def browser():
    with launch() as b:
        yield b


@pytest.mark.parametrize("build", ["with_address", "without_address"])
def test_language_switcher_asks_for_nothing_missing(browser, request, build):
    site = request.getfixturevalue(build)
    with serve(site) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        requested: list[str] = []
        failed: list[str] = []
        page.on("request", lambda r: requested.append(r.url))
        page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.on("requestfailed", lambda r: failed.append(f"failed {r.url}"))
        page.goto(base + "recommendations/r05/", wait_until="networkidle")
        page.locator(".md-select").hover()
        page.locator('a.md-select__link[hreflang="en"]').click()
        expect(page).to_have_url(re.compile(r"/en/recommendations/r05/$"))
        page.wait_for_load_state("networkidle")
        page.locator(".md-select").hover()
        page.locator('a.md-select__link[hreflang="id"]').click()
        expect(page).to_have_url(re.compile(r"127\.0\.0\.1:\d+/recommendations/r05/$"))
        page.wait_for_load_state("networkidle")
        context.close()
    assert failed == []
    assert {urlparse(u).netloc for u in requested} == {urlparse(base).netloc}
    assert not [u for u in requested if u.endswith("sitemap.xml")]
