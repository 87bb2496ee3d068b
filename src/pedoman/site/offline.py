"""Offline after one visit: a web app manifest per language, the app's icons and a service worker.

Written once every language is built and the search index is made (the index rewrites
pages), so the worker lists and digests the files exactly as they are served:

- `manifest.<lang>.webmanifest` at the site's root, one per language (the theme links each
  page to its language's), naming the app with words from the catalogue, with the theme's
  primary colour read from the built site itself (the palette Material was given in mkdocs.yml);
- `assets/icons/pedoman.svg` and PNGs at 192 and 512 px, drawn here from one shape;
- `sw.js` at the site's root: `offline_worker.js` beside this module with the cache's name and
  the list of files to keep filled in. It precaches every page of both languages, the styles,
  scripts and images the pages use, and the Pagefind index (its manifest); a PDF or document
  (`OPENED`) is fetched while online and kept once opened, at most `EXTRA_LIMIT` of them (the
  oldest dropped first); other files (open data, feeds) are never kept. A request with a query
  string is answered with the kept file of its address without it, and no such variant is ever
  stored: a reader's copy holds the manifest's files and at most `EXTRA_LIMIT` more. A guideline
  page's "keep for offline use" button (site/templates/_keep.j2) has the worker keep that page's
  PDF, handout and documents in a cache of their own that no build replaces: a reader chose them.
- the first visit's files (`first_visit`): every handout and every document of the drafting kit,
  which a trainer or a secretary needs where there is no signal. The worker fetches them in the
  background once the pages are kept, into a cache that outlives a build, each under a digest of
  its bytes, so a new build fetches again only the files that changed. Their total is held under
  `FIRST_VISIT_BUDGET`; the handbooks and packs, far larger, are kept when opened (`OPENED`).

The cache's name carries a digest of every file the site serves (the worker aside), so any
change to a page, a PDF or the index gives a new worker and a new cache, and the old cache is
deleted when the new worker takes over. Every URL is relative to the worker's folder, so the
site works from a sub-path (`/<repo>/`) as well as from a host's root.
"""

from __future__ import annotations

import hashlib
import io
import json
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pedoman.content.model import LANGUAGES
from pedoman.urls import DEFAULT_LANGUAGE

WORKER = "sw.js"
WORKER_SOURCE = Path(__file__).with_name("offline_worker.js")
RETIRING_SOURCE = Path(__file__).with_name("offline_retire.js")
"""The live preview's worker: it retires a built site's worker at the same address."""
ICONS = "assets/icons"
ICON_SIZES = (192, 512)
BACKGROUND = "#ffffff"
OPENED = (".pdf", ".docx", ".xlsx", ".pptx")
"""Files the worker keeps once a reader opened one while online: PDFs, the drafting kit's documents and the training slides."""
LOADED_BY_SCRIPTS = ("assets/fflate.js",)
"""Files a script fetches itself, which no page links: the zip library `fill.js` loads when a form is
first sent, kept from the first visit so that blanks can be filled in offline."""
FIRST_VISIT = re.compile(r"^(?:pdf/[^/]+\.handout\.[a-z]{2}\.pdf|documents/.+\.(?:docx|xlsx))$")
"""The files the worker keeps from the first visit on, beside the pages: each guideline's one-page handout
(`pdf/<id>.handout.<lang>.pdf`, print/pdfbuild.py) and the drafting kit's Word and Excel documents."""
FIRST_VISIT_BUDGET = 10_000_000
"""The most bytes the first visit's files (`first_visit`) may take on a reader's phone, uncompressed:
tests/test_offline.py fails when the shipped site's are over it, and the build says how much is used. In
2026-12 the shipped site's 38 handouts and 64 documents took about 3 MB: room for the kit to grow threefold."""
EXTRA_LIMIT = 60
"""The most files a reader's offline copy keeps beyond its manifest (OPENED ones), the oldest dropped
first. Every PDF and document of one language of the shipped site (52 files, 4.3 MB in 2026-12)
fits, so a trainer who opens them all keeps them all; however large the site grows, a reader's
phone keeps no more than this."""

# What a page refers to and a reader needs offline: styles, scripts, images, icons, manifests.
_ASSET = re.compile(rb'<(?:link|script|img)\b[^>]*?\b(?:href|src)="([^"#?]+)"')
_KEPT_SUFFIXES = {".css", ".js", ".png", ".svg", ".ico", ".jpg", ".jpeg", ".webp", ".woff2", ".webmanifest"}
# Pagefind ships three UIs; the site uses the default one (overrides/assets/search.js).
_UNUSED_PAGEFIND = re.compile(r"^pagefind/pagefind-(component|modular)-ui\.")
_PRIMARY = re.compile(r'data-md-color-primary="([a-z-]+)"')


def manifest_name(lang: str) -> str:
    return f"manifest.{lang}.webmanifest"


@dataclass
class OfflineReport:
    version: str
    """The digest of every file served, which names the worker's cache."""
    files: int
    """Files the worker keeps from the first visit on: pages and what they load."""
    bytes: int
    """Their total size, uncompressed."""
    downloads: int = 0
    """Handouts and documents kept from the first visit on too (`first_visit`)."""
    download_bytes: int = 0

    def line(self) -> str:
        return (f"offline: {self.files} files ({self.bytes / 1_000_000:.1f} MB) kept from the first visit, and "
                f"{self.downloads} handouts and documents ({self.download_bytes / 1_000_000:.1f} MB of a budget of "
                f"{FIRST_VISIT_BUDGET / 1_000_000:.0f} MB), version {self.version}")


def write_offline(site_dir: Path | str) -> OfflineReport:
    """Write the manifests, icons and service worker into the built site `site_dir`."""
    site_dir = Path(site_dir)
    colour = theme_colour(site_dir)
    write_icons(site_dir, colour)
    for lang in LANGUAGES:
        (site_dir / manifest_name(lang)).write_text(
            json.dumps(manifest(lang, colour), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    kept = precache(site_dir)
    downloads = first_visit(site_dir)
    version = digest(site_dir)
    not_found = {("" if lang == DEFAULT_LANGUAGE else f"{lang}/"): ("" if lang == DEFAULT_LANGUAGE else f"{lang}/")
                 + "404.html" for lang in LANGUAGES}
    worker = (WORKER_SOURCE.read_text(encoding="utf-8")
              .replace('"__PEDOMAN_VERSION__"', json.dumps(version))
              .replace('["__PEDOMAN_PRECACHE__"]', json.dumps([url for url, _ in kept], indent=0))
              .replace('{"__PEDOMAN_NOT_FOUND__": ""}', json.dumps(
                  {prefix: page for prefix, page in not_found.items() if (site_dir / page).is_file()}))
              .replace('{"__PEDOMAN_FILES__": ""}', json.dumps({url: file_digest for url, _, file_digest in downloads},
                                                                indent=0))
              .replace('["__PEDOMAN_OPENED__"]', json.dumps(list(OPENED)))
              .replace('"__PEDOMAN_EXTRA_LIMIT__"', json.dumps(EXTRA_LIMIT)))
    if "__PEDOMAN_" in worker:
        raise ValueError(f"{WORKER_SOURCE.name}: a placeholder was left unfilled")
    (site_dir / WORKER).write_text(worker, encoding="utf-8")
    return OfflineReport(version, len(kept), sum((site_dir / path).stat().st_size for _, path in kept),
                         len(downloads), first_visit_bytes(site_dir, downloads))


def write_retiring_worker(site_dir: Path | str) -> None:
    """Write the live preview's sw.js, which removes what a built site's worker kept (see the file)."""
    (Path(site_dir) / WORKER).write_text(RETIRING_SOURCE.read_text(encoding="utf-8"), encoding="utf-8")


def manifest(lang: str, colour: str) -> dict:
    """The web app manifest of `lang`: all URLs relative to the manifest, at the site's root."""
    from pedoman.presentation.words import CATALOGUE

    w = CATALOGUE[lang]
    start = "./" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    icons = [{"src": f"{ICONS}/pedoman.svg", "sizes": "any", "type": "image/svg+xml"}]
    icons += [{"src": f"{ICONS}/pedoman-{size}.png", "sizes": f"{size}x{size}", "type": "image/png"}
              for size in ICON_SIZES]
    return {
        "id": start,
        "name": w.app_name,
        "short_name": w.app_short_name,
        "description": w.app_description,
        "lang": lang,
        "dir": "ltr",
        "start_url": start,
        "scope": "./",  # both languages: the language switcher stays inside the app
        "display": "standalone",
        "theme_color": colour,
        "background_color": BACKGROUND,
        "icons": icons,
    }


def theme_colour(site_dir: Path) -> str:
    """The primary colour of the built site: its palette's name (from mkdocs.yml, on the home
    page's body) looked up in Material's palette stylesheet."""
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    name = _PRIMARY.search(home)
    if name:
        for sheet in sorted((site_dir / "assets" / "stylesheets").glob("palette.*.css")):
            found = re.search(r"\[data-md-color-primary=" + re.escape(name.group(1))
                              + r"\]\{--md-primary-fg-color:(#[0-9a-fA-F]{3,8})", sheet.read_text(encoding="utf-8"))
            if found:
                return found.group(1).lower()
    return "#4051b5"  # Material's indigo, its default primary colour


# The icon: an open book (two pages) with a bookmark in the accent colour, on the primary
# colour, drawn on a 512-unit square. The book keeps to the middle 60 %, so a launcher that
# cuts the icon to a circle keeps all of it.
_PAGES = [[(112, 166), (248, 194), (248, 370), (112, 342)], [(264, 194), (400, 166), (400, 342), (264, 370)]]
_BOOKMARK = [(348, 176), (380, 170), (380, 254), (364, 240), (348, 254)]
_ACCENT = "#ff6e42"  # Material's deep orange, the accent of mkdocs.yml


def icon_svg(colour: str) -> str:
    def points(shape):
        return " ".join(f"{x},{y}" for x, y in shape)

    shapes = "".join(f'<polygon points="{points(p)}" fill="#ffffff"/>' for p in _PAGES)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">'
            f'<rect width="512" height="512" fill="{colour}"/>{shapes}'
            f'<polygon points="{points(_BOOKMARK)}" fill="{_ACCENT}"/></svg>\n')


@lru_cache(maxsize=8)  # the live preview draws the same icons after every save
def icon_png(colour: str, size: int) -> bytes:
    """The icon as a PNG of `size` px, drawn twice as large and scaled down (smooth edges)."""
    from PIL import Image, ImageDraw

    scale = 2 * size / 512
    image = Image.new("RGB", (2 * size, 2 * size), colour)
    draw = ImageDraw.Draw(image)
    for shape, fill in [(p, "#ffffff") for p in _PAGES] + [(_BOOKMARK, _ACCENT)]:
        draw.polygon([(x * scale, y * scale) for x, y in shape], fill=fill)
    out = io.BytesIO()
    image.resize((size, size), Image.LANCZOS).save(out, format="PNG", optimize=True)
    return out.getvalue()


def write_icons(site_dir: Path, colour: str) -> None:
    folder = site_dir / ICONS
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pedoman.svg").write_text(icon_svg(colour), encoding="utf-8")
    for size in ICON_SIZES:
        (folder / f"pedoman-{size}.png").write_bytes(icon_png(colour, size))


def page_url(path: str) -> str:
    """`guidelines/x/index.html` → `guidelines/x/`, `index.html` → `./`: the URL links use."""
    if path == "index.html":
        return "./"
    return path[: -len("index.html")] if path.endswith("/index.html") else path


def precache(site_dir: Path) -> list[tuple[str, str]]:
    """(URL relative to the site's root, file) of everything kept from the first visit on:
    every page, what the pages load, the manifests and icons, and the Pagefind index."""
    site_dir = site_dir.resolve()
    files = {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file()}
    kept: dict[str, str] = {}
    for path in sorted(file for file in files if file.endswith(".html")):
        kept[path] = page_url(path)
        folder = posixpath.dirname(path)
        for ref in set(_ASSET.findall((site_dir / path).read_bytes())):
            ref = ref.decode("utf-8")
            if "//" in ref or ref.startswith(("/", "data:")):
                continue  # nothing from another host; the site's own files are linked relatively
            rel = posixpath.normpath(posixpath.join(folder, ref))
            if posixpath.splitext(rel)[1] in _KEPT_SUFFIXES and rel in files:  # a file of the site, not above it
                kept[rel] = rel
    for extra in [*(manifest_name(lang) for lang in LANGUAGES), f"{ICONS}/pedoman.svg",
                  *(f"{ICONS}/pedoman-{size}.png" for size in ICON_SIZES),
                  *(name for name in LOADED_BY_SCRIPTS if name in files)]:
        kept[extra] = extra
    pagefind = site_dir / "pagefind"
    if pagefind.is_dir():
        for file in sorted(pagefind.rglob("*")):
            rel = file.relative_to(site_dir).as_posix()
            if file.is_file() and not _UNUSED_PAGEFIND.match(rel):
                kept[rel] = rel
    return sorted((url, path) for path, url in kept.items())


def first_visit(site_dir: Path | str) -> list[tuple[str, str, str]]:
    """(URL relative to the site's root, file, digest of its bytes) of each handout and document the
    worker keeps from the first visit on (`FIRST_VISIT`), in a cache that outlives a build: a file whose
    digest is unchanged is not fetched again."""
    site_dir = Path(site_dir)
    found = []
    for file in sorted(site_dir.rglob("*")):
        rel = file.relative_to(site_dir).as_posix()
        if file.is_file() and FIRST_VISIT.match(rel):
            found.append((rel, rel, hashlib.sha256(file.read_bytes()).hexdigest()[:16]))
    return found


def first_visit_bytes(site_dir: Path | str, files: list[tuple[str, str, str]] | None = None) -> int:
    """The total size of the first visit's handouts and documents (`first_visit`), uncompressed."""
    site_dir = Path(site_dir)
    return sum((site_dir / path).stat().st_size for _, path, _ in (first_visit(site_dir) if files is None else files))


def digest(site_dir: Path | str) -> str:
    """A digest of every file under `site_dir` (its path and its bytes), the worker aside."""
    site_dir = Path(site_dir)
    total = hashlib.sha256()
    for file in sorted(site_dir.rglob("*")):
        rel = file.relative_to(site_dir).as_posix()
        if file.is_file() and rel != WORKER:
            total.update(rel.encode("utf-8") + b"\0" + hashlib.sha256(file.read_bytes()).digest())
    # a change to the worker's own code or to what it keeps once opened is a new version too
    total.update(WORKER_SOURCE.read_bytes() + json.dumps([OPENED, EXTRA_LIMIT, FIRST_VISIT.pattern]).encode("ascii"))
    return total.hexdigest()[:16]
