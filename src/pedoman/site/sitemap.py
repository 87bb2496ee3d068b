"""The site's address in what the build writes: hreflang alternates and the sitemap.

The address (MkDocs' `site_url`, from the environment) is optional. With it, every
page names its Indonesian and English versions and an `x-default` (Indonesian) by
absolute URL, and `sitemap.xml` lists every page with those alternates. Without
it there is no address to give: no alternates and no sitemap, rather than entries
that read `None/about/`.

The sitemap is read back from the built pages themselves (their canonical link and
alternates), so it lists exactly the pages that exist and says what their heads say.
"""

from __future__ import annotations

import gzip
from html.parser import HTMLParser
from pathlib import Path
from xml.sax.saxutils import quoteattr

from pedoman.content.model import LANGUAGES
from pedoman.urls import DEFAULT_LANGUAGE

SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")


def language_neutral(path: str) -> str:
    """`en/about/` and `about/` → `about/`: a page's URL from the site root without its language."""
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and (path == lang or path.startswith(f"{lang}/")):
            return path[len(lang) + 1:]
    return path


def alternates(site_url: str, canonical_url: str) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of a page in every language, then `x-default` (Indonesian)."""
    root = site_url.rstrip("/") + "/"
    if not canonical_url.startswith(root):
        raise ValueError(f"{canonical_url} is not under the site's address {root}")
    path = language_neutral(canonical_url[len(root):])
    links = [(lang, root + ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") + path) for lang in LANGUAGES]
    return links + [("x-default", links[LANGUAGES.index(DEFAULT_LANGUAGE)][1])]


class _Head(HTMLParser):
    """The canonical link and hreflang alternates of a page's <head>."""

    def __init__(self) -> None:
        super().__init__()
        self.canonical: str | None = None
        self.alternates: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag != "link":
            return
        a = dict(attrs)
        rel = (a.get("rel") or "").lower().split()
        if "canonical" in rel and a.get("href"):
            self.canonical = a["href"]
        elif "alternate" in rel and a.get("hreflang") and a.get("href"):
            self.alternates.append((a["hreflang"], a["href"]))


def read_head(page: Path) -> _Head:
    text = page.read_text(encoding="utf-8")
    end = text.find("</head>")
    head = _Head()
    head.feed(text[: end if end >= 0 else None])
    return head


def sitemap_xml(entries: list[_Head]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for entry in sorted(entries, key=lambda e: e.canonical):
        lines.append("  <url>")
        lines.append(f"    <loc>{_text(entry.canonical)}</loc>")
        for lang, href in entry.alternates:
            lines.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(lang)} href={quoteattr(href)}/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_sitemap(site_dir: Path | str, site_url: str | None) -> int:
    """Replace the sitemaps MkDocs wrote (one per language build) by one for the whole site.

    Without an address the sitemaps are removed. Returns the number of URLs listed.
    """
    site_dir = Path(site_dir)
    for folder in [site_dir, *(site_dir / lang for lang in LANGUAGES)]:
        for name in SITEMAPS:
            (folder / name).unlink(missing_ok=True)
    if not site_url:
        return 0
    entries = [head for page in sorted(site_dir.rglob("*.html")) if (head := read_head(page)).canonical]
    xml = sitemap_xml(entries).encode("utf-8")
    (site_dir / "sitemap.xml").write_bytes(xml)
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(xml, mtime=0))
    return len(entries)
