"""Helpers that read a built site: pages, links and anchors, by meaning rather than by text."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from bs4 import BeautifulSoup

from pedoman.urls import pack_pdf


def soup(site: Path, url: str) -> BeautifulSoup:
    """The parsed page at a site-root-relative URL such as `en/recommendations/`."""
    return BeautifulSoup(page_file(site, url).read_text(encoding="utf-8"), "html.parser")


def page_file(site: Path, url: str) -> Path:
    path = unquote(urlparse(url).path)
    target = site / path
    if path == "" or path.endswith("/"):
        target = target / "index.html"
    return target


def resolves(site: Path, url: str) -> bool:
    """True when the URL names a built file and, if it has an #anchor, an element with that id.

    A site built without PDFs (`pdf: false`: no `pdf/` folder) still links to them; there
    a link into `pdf/` resolves when it names a file a build with PDFs writes: a guideline
    of the site's open data, its handout, or the training pack (`urls.pack_pdf`), in one of its languages.
    """
    target = page_file(site, url)
    if target.parent == site / "pdf" and not target.parent.exists():
        return target.name in _pdf_names(site)
    if not target.is_file():
        return False
    fragment = urlparse(url).fragment
    return not fragment or unquote(fragment) in _ids(target)


@lru_cache(maxsize=None)
def _pdf_names(site: Path) -> frozenset[str]:
    data = json.loads((site / "data" / "crossref.json").read_text(encoding="utf-8"))
    languages = {lang for g in data["guidelines"] for lang in g["url"]}
    names = [*(g["id"] for g in data["guidelines"]), *(f"{g['id']}.handout" for g in data["guidelines"])]
    return frozenset([*(f"{name}.{lang}.pdf" for name in names for lang in languages),
                      *(pack_pdf(lang) for lang in languages)])


@lru_cache(maxsize=None)
def _ids(page: Path) -> frozenset[str]:
    """Every element id of a built page (pages are read once per test session)."""
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return frozenset(el["id"] for el in html.find_all(id=True))


def html_pages(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*.html")}


def internal_links(site: Path, url: str) -> list[str]:
    """Every link of a page to the same site, as site-root-relative URLs."""
    links = []
    for a in soup(site, url).select("a[href], link[rel=alternate][href]"):
        href = a["href"]
        if urlparse(href).scheme or href.startswith(("mailto:", "tel:", "//")):
            continue
        absolute = urljoin("http://site/" + url, href)
        links.append(urlparse(absolute)._replace(scheme="", netloc="").geturl().lstrip("/"))
    return links
