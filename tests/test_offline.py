"""Offline after one visit: the web app manifests, icons and service worker (pedoman.offline).

In Chromium, the site served under a sub-path (as a project site is): after the first visit the
worker controls the page; offline, another guideline page opens, the language switcher works,
the search finds results in both languages, a PDF opened while online opens again, and every handout
and document of the drafting kit opens though it was never opened (the first visit keeps them). An
address with a query string is answered with the file kept without it and never stored; of the
PDFs and documents opened, the worker keeps no more than `offline.EXTRA_LIMIT`, the oldest dropped
first. A rebuild with a change gives a new cache, deletes the old one and shows the notice of a
newer version in each page's language. No request leaves the site's host.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from PIL import Image
from playwright.sync_api import Error as PlaywrightError, expect

from conftest import VALID, build_site
from harness import ROOT, Preview, free_port, read_config, write_variant
from pedoman.site import offline
from pedoman.presentation.words import CATALOGUE
from webcheck import launch, serve, type_search

SUB_PATH = "site/"
"""The fixture sites are served from their project folder, so the site lives under /site/."""


# --- the digest and what the worker keeps -------------------------------------------------

def small_site(root: Path) -> Path:
    files = {
        "index.html": '<link rel="stylesheet" href="assets/a.css"><script src="assets/a.js"></script>',
        "guidelines/x/index.html": '<link rel="stylesheet" href="../../assets/a.css"><a href="../../pdf/x.pdf">PDF</a>',
        "en/index.html": '<img src="../assets/logo.png"><link rel="stylesheet" href="https://elsewhere.invalid/x.css">',
        "404.html": "<p>not found</p>",
        "assets/a.css": "body{}", "assets/a.js": "1", "assets/logo.png": "png", "assets/unused.js": "2",
        "pagefind/pagefind.js": "pf", "pagefind/fragment/en_1.pf_fragment": "f",
        "pagefind/pagefind-modular-ui.js": "m",
        "pdf/x.pdf": "%PDF", "documents/x.docx": "docx", "data/crossref.json": "{}",
        "pdf/x.handout.id.pdf": "%PDF-h", "documents/x/y.en.xlsx": "xlsx", "slides/x.id.pptx": "pptx",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_the_digest_changes_when_any_served_file_changes(tmp_path):
    site = small_site(tmp_path)
    before = offline.digest(site)
    assert offline.digest(site) == before
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        original = file.read_bytes()
        file.write_bytes(original + b" ")
        assert offline.digest(site) != before, file
        file.write_bytes(original)
    assert offline.digest(site) == before
    (site / "assets/a.css").rename(site / "assets/b.css")  # the same bytes under another name
    assert offline.digest(site) != before
    (site / "assets/b.css").rename(site / "assets/a.css")
    (site / "pdf/y.pdf").write_text("%PDF", encoding="utf-8")  # a file added
    assert offline.digest(site) != before
    (site / "pdf/y.pdf").unlink()
    (site / offline.WORKER).write_text("the worker itself", encoding="utf-8")  # it carries the digest
    assert offline.digest(site) == before


def test_the_worker_keeps_pages_what_they_load_and_the_index_not_pdfs_or_documents(tmp_path):
    kept = dict(offline.precache(small_site(tmp_path)))
    assert set(kept) == {"./", "guidelines/x/", "en/", "404.html", "assets/a.css", "assets/a.js",
                         "assets/logo.png", "pagefind/pagefind.js", "pagefind/fragment/en_1.pf_fragment",
                         *(offline.manifest_name(lang) for lang in ("id", "en")), "assets/icons/pedoman.svg",
                         "assets/icons/pedoman-192.png", "assets/icons/pedoman-512.png"}
    assert kept["./"] == "index.html" and kept["guidelines/x/"] == "guidelines/x/index.html"


def test_the_first_visit_keeps_every_handout_and_document_each_under_its_digest(tmp_path):
    site = small_site(tmp_path)
    files = {url: (path, file_digest) for url, path, file_digest in offline.first_visit(site)}
    assert set(files) == {"pdf/x.handout.id.pdf", "documents/x.docx", "documents/x/y.en.xlsx"}  # not a handbook
    assert offline.first_visit_bytes(site) == len("%PDF-h") + len("docx") + len("xlsx")
    (site / "pdf/x.handout.id.pdf").write_text("%PDF-changed", encoding="utf-8")
    again = {url: file_digest for url, _, file_digest in offline.first_visit(site)}
    assert again["pdf/x.handout.id.pdf"] != files["pdf/x.handout.id.pdf"][1]
    assert again["documents/x.docx"] == files["documents/x.docx"][1]


def worker_files(site: Path) -> tuple[str, dict]:
    worker = (site / offline.WORKER).read_text(encoding="utf-8")
    version = re.search(r'const VERSION = "(\w+)";', worker).group(1)
    return version, json.loads(re.search(r"const FILES = (\{.*?\});", worker, re.S).group(1))


def test_a_changed_handout_or_document_gives_a_new_version_and_only_its_digest_changes(tmp_path):
    """The worker fetches again only a file whose digest changed; the version (the cache of the pages) changes too."""
    site = small_site(tmp_path)
    report = offline.write_offline(site)
    version, files = worker_files(site)
    assert version == report.version and set(files) == {"pdf/x.handout.id.pdf", "documents/x.docx", "documents/x/y.en.xlsx"}
    assert report.downloads == 3 and "3 handouts and documents" in report.line()
    for changed in ("documents/x.docx", "pdf/x.handout.id.pdf"):
        (site / changed).write_bytes((site / changed).read_bytes() + b" ")
        offline.write_offline(site)
        new_version, new_files = worker_files(site)
        assert new_version != version
        assert {url for url in files if new_files[url] != files[url]} == {changed}
        version, files = new_version, new_files


def test_the_shipped_sites_handouts_and_documents_keep_within_the_budget(shipped_site, tmp_path):
    """Every handout, laid out and finished as the build writes it, and every document of the drafting kit the
    shipped site serves: their total is what a reader's phone fetches on the first visit."""
    from pedoman import load_corpus
    from pedoman.print.handbook import render_handout
    from pedoman.print.pdfbuild import _render, _save

    site = tmp_path / "site"
    shutil.copytree(shipped_site.site / "documents", site / "documents")
    corpus = load_corpus(ROOT / "guidelines")
    for g in corpus.guidelines:
        for lang in ("id", "en"):
            html = render_handout(corpus, g, lang, "https://pedoman.example.org/")
            _save(_render(html), site / "pdf" / f"{g.id}.handout.{lang}.pdf", f"{g.id}{lang}", html)
    files = offline.first_visit(site)
    total = offline.first_visit_bytes(site, files)
    handouts = [url for url, _, _ in files if url.startswith("pdf/")]
    print(f"first visit: {len(handouts)} handouts and {len(files) - len(handouts)} documents, {total / 1e6:.2f} MB")
    assert len(handouts) == 2 * len(corpus.guidelines) and len(files) > len(handouts)
    assert total <= offline.FIRST_VISIT_BUDGET, f"{total / 1e6:.1f} MB is over the budget"


def test_the_readme_states_the_bound_of_files_kept_once_opened():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"once it was opened, at most {offline.EXTRA_LIMIT} of them" in " ".join(readme.split())


# --- what a build writes ----------------------------------------------------------------------

def test_each_language_has_a_manifest_with_icons_in_the_theme_colour(fixture_site):
    site = fixture_site.site
    palette = read_config()["theme"]["palette"]["primary"]
    assert palette == "indigo"  # Material's indigo is #4051b5; a new palette needs a new expectation here
    for lang in ("id", "en"):
        data = json.loads((site / offline.manifest_name(lang)).read_text(encoding="utf-8"))
        assert data["lang"] == lang
        assert data["name"] == CATALOGUE[lang].app_name and data["short_name"] == CATALOGUE[lang].app_short_name
        assert data["theme_color"] == "#4051b5"
        assert data["start_url"] == ("./" if lang == "id" else "en/") and data["scope"] == "./"
        sizes = {icon["sizes"]: icon for icon in data["icons"]}
        assert set(sizes) == {"any", "192x192", "512x512"}
        for size in (192, 512):
            with Image.open(site / sizes[f"{size}x{size}"]["src"]) as image:
                assert image.format == "PNG" and image.size == (size, size)
                assert image.getpixel((2, 2))[:3] == (0x40, 0x51, 0xB5)
        svg = (site / sizes["any"]["src"]).read_text(encoding="utf-8")
        assert svg.startswith("<svg") and 'fill="#4051b5"' in svg
    home = (site / "index.html").read_text(encoding="utf-8")
    english = (site / "en/guidelines/index.html").read_text(encoding="utf-8")
    assert '<link rel="manifest" href="manifest.id.webmanifest">' in home
    assert '<link rel="manifest" href="../../manifest.en.webmanifest">' in english
    assert 'data-worker="../../sw.js"' in english


def test_the_worker_names_its_cache_after_the_files_it_serves(fixture_site):
    site = fixture_site.site
    worker = (site / offline.WORKER).read_text(encoding="utf-8")
    assert f'const VERSION = "{offline.digest(site)}";' in worker
    assert "__PEDOMAN_" not in worker
    assert f"const EXTRA_LIMIT = {offline.EXTRA_LIMIT};" in worker
    assert 'const OPENED = [".pdf", ".docx", ".xlsx", ".pptx"];' in worker
    assert "//" not in "".join(json.loads(re.search(r"const PRECACHE = (\[.*?\]);", worker, re.S).group(1)))


# --- in the browser ---------------------------------------------------------------------------


CONTROLLED = "() => navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller !== null)"
"""True once this build's worker is installed, holds every file and controls the page."""


def wait_until(page, predicate: str, arg=None, timeout: float = 10_000) -> None:
    """Wait until the JavaScript function `predicate`, which may return a promise, gives a true value.

    Not Playwright's own wait for a function: it returns as soon as a promise settles, even to
    false (Playwright 1.65), so each wait for the worker or the Cache Storage passed at once."""
    deadline = time.monotonic() + timeout / 1000
    while True:
        try:
            if page.evaluate(predicate, arg):
                return
        except PlaywrightError as error:  # the page navigated meanwhile: ask the next one
            if "context was destroyed" not in str(error) and "navigat" not in str(error):
                raise
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout / 1000:.0f} s: {predicate} ({arg!r})")
        time.sleep(0.1)


def until_controlled(page) -> float:
    """Wait until the service worker controls `page`; seconds it took."""
    start = time.monotonic()
    wait_until(page, CONTROLLED, timeout=60_000)
    return time.monotonic() - start


def cache_names(page) -> list[str]:
    return page.evaluate("caches.keys()")


FILLED = """([name, count]) => caches.has(name).then(has => has && caches.open(name)
    .then(cache => cache.keys()).then(keys => keys.length === count))"""


def downloads_cache(sub_path: str = SUB_PATH) -> str:
    return f"pedoman /{sub_path} downloads"


def until_filled(page, site: Path, sub_path: str = SUB_PATH) -> None:
    """Wait until the worker has fetched every handout and document of the first visit (`offline.first_visit`)."""
    wait_until(page, FILLED, [downloads_cache(sub_path), len(offline.first_visit(site))], timeout=60_000)


def search(page, query: str) -> list[str]:
    type_search(page, query)
    return [urlparse(a.get_attribute("href")).path for a in page.query_selector_all(".pagefind-ui__result-link")]


def switch_language(page, lang: str) -> None:
    page.locator(".md-select").hover()
    page.locator(f'a.md-select__link[hreflang="{lang}"]').click()
    page.wait_for_load_state()


@pytest.fixture(scope="module")
def browser():
    with launch() as b:
        yield b


def test_after_one_visit_pages_language_switch_and_search_work_offline(browser, fixture_site):
    pdfs = sorted(p.relative_to(fixture_site.site).as_posix() for p in (fixture_site.site / "pdf").glob("*.pdf"))
    assert len(pdfs) >= 2
    with serve(fixture_site.site.parent) as root:
        base = root + SUB_PATH
        context = browser.new_context()
        hosts: set[str] = set()
        context.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
        page = context.new_page()
        page.goto(base)
        waited = until_controlled(page)
        print(f"time to first control: {waited:.2f} s")
        version = offline.digest(fixture_site.site)
        until_filled(page, fixture_site.site)  # the handouts and documents, fetched in the background
        assert sorted(cache_names(page)) == sorted([f"pedoman /{SUB_PATH} {version}", downloads_cache()])
        opened = page.evaluate("url => fetch(url).then(r => r.status)", base + pdfs[0])  # a PDF read online
        assert opened == 200
        handout = next(p for p in pdfs if ".handout.id." in p)
        document = next(p.relative_to(fixture_site.site).as_posix() for p in (fixture_site.site / "documents").rglob("*.docx"))

        context.set_offline(True)
        assert page.evaluate("url => fetch(url).then(r => r.status, () => 'failed')", root) == "failed"
        page.goto(base + "guidelines/cooperation/kerja-sama-uji/")  # never visited
        assert page.locator("html").get_attribute("lang") == "id"
        expect(page.locator("h1")).to_have_text(re.compile(r"\S"))
        switch_language(page, "en")
        expect(page).to_have_url(base + "en/guidelines/cooperation/kerja-sama-uji/")
        assert page.locator("html").get_attribute("lang") == "en"
        assert "/site/en/guidelines/victim-assistance/layanan-uji/" in search(page, "restitution")
        page.goto(base + "en/guidelines/formation/gt-uji/")
        switch_language(page, "id")
        expect(page).to_have_url(base + "guidelines/formation/gt-uji/")
        results = search(page, "dampingi")
        assert "/site/guidelines/victim-assistance/layanan-uji/" in results
        assert all(not r.startswith("/site/en/") for r in results)
        fetch_status = "url => fetch(url).then(r => r.status, () => 'failed')"
        assert page.evaluate(fetch_status, base + pdfs[0]) == 200  # opened once online: kept
        assert page.evaluate(fetch_status, base + pdfs[1]) == "failed"  # a handbook never opened: needs the network
        # a handout and a document never opened: kept by the first visit, whole
        opened = """url => fetch(url).then(r => r.arrayBuffer().then(b => [r.status, r.headers.get('content-type'), b.byteLength]),
            () => 'failed')"""
        for path, kind in ((handout, "application/pdf"), (document, "officedocument.wordprocessingml")):
            status, content_type, size = page.evaluate(opened, base + path)
            assert status == 200 and kind in content_type and size == (fixture_site.site / path).stat().st_size, path
        assert page.evaluate(fetch_status, base + document + "?from=offline") == 200
        context.close()
    assert hosts == {urlparse(root).netloc}


CACHED_URLS = """() => caches.keys().then(names => Promise.all(names.map(name =>
    caches.open(name).then(cache => cache.keys()).then(requests => requests.map(r => r.url))))).then(lists => lists.flat())"""
"""Every URL the page's origin keeps, in every cache, in the order stored."""


def test_query_strings_are_answered_from_the_kept_file_and_never_stored(browser, fixture_site):
    site = fixture_site.site
    pdf = sorted(p.relative_to(site).as_posix() for p in (site / "pdf").glob("*.pdf"))[0]
    document = sorted(p.relative_to(site).as_posix() for p in (site / "documents").rglob("*.docx"))[0]
    with serve(site.parent) as root:
        base = root + SUB_PATH
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + "?utm_source=wa")
        until_controlled(page)
        until_filled(page, site)
        manifest = set(page.evaluate(CACHED_URLS))
        for url in ("guidelines/formation/gt-uji/?x=1", "guidelines/formation/gt-uji/?x=2#stages",
                    "en/?q=restitution", "glossary/?a=1&b=2"):
            page.goto(base + url)
            expect(page.locator("h1")).to_have_text(re.compile(r"\S"))
        fetch_status = "url => fetch(url).then(r => r.status, () => 'failed')"
        for url in (f"{pdf}?download=1", f"{pdf}?download=2", f"{document}?v=3", "data/crossref.json?x=1",
                    "feed.xml?x=1"):
            assert page.evaluate(fetch_status, base + url) == 200, url
        wait_until(page, "url => caches.match(url).then(hit => hit !== undefined)", arg=base + pdf)
        kept = page.evaluate(CACHED_URLS)
        assert [url for url in kept if "?" in url or "#" in url] == []
        assert base + document in manifest  # kept by the first visit
        assert set(kept) - manifest == {base + pdf}  # open data and feeds are not kept

        context.set_offline(True)
        assert page.evaluate(fetch_status, base + f"{pdf}?another=1") == 200  # the kept PDF, whatever the query
        assert page.evaluate(fetch_status, base + "data/crossref.json") == "failed"
        page.goto(base + "en/guidelines/cooperation/kerja-sama-uji/?from=offline")
        assert page.locator("html").get_attribute("lang") == "en"
        expect(page.locator("h1")).to_have_text(re.compile(r"\S"))
        assert [url for url in page.evaluate(CACHED_URLS) if "?" in url] == []
        context.close()


def test_the_files_kept_once_opened_are_bounded_the_oldest_dropped_first(browser, fixture_site, tmp_path):
    """More PDFs opened than the bound: the cache keeps the manifest and the newest EXTRA_LIMIT."""
    site = tmp_path / "site"
    shutil.copytree(fixture_site.site, site)  # the session's site stays as it was built
    source = next((site / "pdf").glob("*.pdf")).read_bytes()
    opened = [f"pdf/opened-{n:03}.pdf" for n in range(offline.EXTRA_LIMIT + 12)]
    for name in opened:  # not in the manifest: files the worker learns of only as they are opened
        (site / name).write_bytes(source)
    # the handouts and documents are kept by the first visit (test_after_one_visit…), outside this bound
    with serve(tmp_path) as root:
        base = root + SUB_PATH
        context = browser.new_context()
        page = context.new_page()
        page.goto(base)
        until_controlled(page)
        until_filled(page, site)
        manifest = page.evaluate(CACHED_URLS)
        statuses = page.evaluate("urls => urls.reduce((done, url) => done.then(list => "
                                 "fetch(url).then(r => r.blob().then(() => [...list, r.status]))), Promise.resolve([]))",
                                 [base + name for name in opened])
        assert set(statuses) == {200}
        last = base + opened[-1]
        # each copy is stored and then the oldest beyond the bound dropped, one after the other
        wait_until(page, f"""() => ({CACHED_URLS})().then(urls => urls.includes({json.dumps(last)})
            && urls.length === {len(manifest) + offline.EXTRA_LIMIT})""", timeout=30_000)
        kept = page.evaluate(CACHED_URLS)
        assert len(kept) == len(manifest) + offline.EXTRA_LIMIT
        assert [url for url in kept if url not in manifest] == [base + name for name in opened[-offline.EXTRA_LIMIT:]]
        assert set(manifest) <= set(kept)  # nothing of the manifest is dropped

        context.set_offline(True)
        fetch_status = "url => fetch(url).then(r => r.status, () => 'failed')"
        assert page.evaluate(fetch_status, last) == 200
        assert page.evaluate(fetch_status, base + opened[0]) == "failed"  # the oldest was dropped
        page.goto(base + "guidelines/victim-assistance/layanan-uji/")  # a page of the manifest, never visited
        assert page.locator("html").get_attribute("lang") == "id"
        expect(page.locator("h1")).to_have_text(re.compile(r"\S"))
        assert "/site/guidelines/victim-assistance/layanan-uji/" in search(page, "dampingi")
        context.close()


def test_a_new_build_replaces_the_cache_and_says_so(browser, tmp_path):
    content = tmp_path / "guidelines"
    shutil.copytree(VALID, content)
    first = build_site(tmp_path, content)
    assert first.returncode == 0, first.output
    old = offline.digest(first.site)
    with serve(tmp_path) as root:
        base = root + SUB_PATH
        context = browser.new_context()
        hosts: set[str] = set()
        context.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
        indonesian, english = context.new_page(), context.new_page()
        indonesian.goto(base + "guidelines/formation/gt-uji/")
        until_controlled(indonesian)
        english.goto(base + "en/")
        until_controlled(english)
        until_filled(indonesian, first.site)
        assert sorted(cache_names(indonesian)) == sorted([f"pedoman /{SUB_PATH} {old}", downloads_cache()])
        assert indonesian.locator("#pd-update").is_hidden()

        guideline = content / "formation" / "gt-uji.yaml"
        guideline.write_text(guideline.read_text(encoding="utf-8").replace(
            "Pembentukan gugus tugas provinsi", "Pembentukan gugus tugas provinsi baru"), encoding="utf-8")
        second = build_site(tmp_path, content)
        assert second.returncode == 0, second.output
        new = offline.digest(second.site)
        assert new != old

        indonesian.reload()  # still the old version, from the old cache; the browser finds the new worker
        expect(indonesian.locator("#pd-update")).to_be_visible(timeout=60_000)
        expect(indonesian.locator("#pd-update")).to_have_text("Versi baru tersedia — muat ulang")
        expect(english.locator("#pd-update")).to_have_text("A newer version is available — reload")
        # the new worker controls the pages as it activates; its activate step then deletes the old cache
        wait_until(indonesian, "names => caches.keys().then(keys => keys.sort().join() === names.join())",
                   arg=sorted([f"pedoman /{SUB_PATH} {new}", downloads_cache()]))  # the downloads outlive a build
        indonesian.locator("#pd-update button").click()
        expect(indonesian.locator("h1")).to_contain_text("Pembentukan gugus tugas provinsi baru")
        expect(indonesian.locator("#pd-update")).to_be_hidden()
        context.close()
    assert hosts == {urlparse(root).netloc}



def test_the_live_preview_retires_a_built_sites_worker_at_the_same_address(browser, tmp_path):
    """`make site`, the site opened through a local web server, then `make serve` on the same
    port: the built site's worker must not go on showing the pages it kept."""
    content = tmp_path / "guidelines"
    shutil.copytree(VALID, content)
    built = build_site(tmp_path / "built", content)
    assert built.returncode == 0, built.output
    port = free_port()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{port}/"
    context = browser.new_context()
    page = context.new_page()
    page.goto(root + "guidelines/formation/gt-uji/")
    until_controlled(page)
    until_filled(page, built.site, "")
    assert sorted(cache_names(page)) == sorted([f"pedoman / {offline.digest(built.site)}", downloads_cache("")])
    server.shutdown()
    server.server_close()

    guideline = content / "formation" / "gt-uji.yaml"
    guideline.write_text(guideline.read_text(encoding="utf-8").replace(
        "Pembentukan gugus tugas provinsi", "Pembentukan gugus tugas pratinjau"), encoding="utf-8")
    config = write_variant(tmp_path / "preview", content, pedoman={"search": False, "pdf": False})
    with Preview(config, port=port) as preview:
        preview.wait_for("Serving on")
        assert "caches.delete" in preview.page("sw.js") and "PRECACHE" not in preview.page("sw.js")
        page.goto(root + "guidelines/formation/gt-uji/")  # may first come from the old worker's cache
        expect(page.locator("h1")).to_contain_text("Pembentukan gugus tugas pratinjau", timeout=30_000)
        wait_until(page, "() => caches.keys().then(keys => keys.length === 0)")
        wait_until(page, "() => navigator.serviceWorker.getRegistrations().then(r => r.length === 0)")
        assert page.locator("script[data-worker]").count() == 0  # the preview's pages register none
    context.close()


# --- "keep for offline use" on a guideline page ---------------------------------------------

KEEP_STATE = """() => [...document.querySelectorAll('[data-pd-keep] li')].map(li => [li.getAttribute('data-pd-file'),
    li.querySelector('.pd-keep__state').textContent])"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_trainer_keeps_a_guidelines_files_and_opens_them_offline(browser, fixture_site, lang):
    """A trainer in a village hall: the first visit kept the guideline's handout and documents, and the box
    says so (each marked kept, with its size) but not of the handbook; online, one tap keeps the handbook
    too, the box says each is kept and how large; offline, each opens."""
    prefix = "" if lang == "id" else "en/"
    words = CATALOGUE[lang]
    with serve(fixture_site.site.parent) as root:
        base = root + SUB_PATH
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.goto(base + prefix + "guidelines/formation/gt-uji/")
        until_controlled(page)
        box = page.locator("[data-pd-keep]")
        expect(box).to_be_visible()
        files = [f for f, _ in page.evaluate(KEEP_STATE)]
        assert any(f.endswith(f"gt-uji.handout.{lang}.pdf") for f in files)
        assert any(f.endswith(f"gt-uji.{lang}.pdf") for f in files)
        assert any(f.endswith((".docx", ".xlsx")) for f in files), files
        # before the tap: the handout and the documents are kept, and said to be; the handbook is not
        absolute = [page.evaluate("f => new URL(f, document.baseURI).href", f) for f in files]
        until_filled(page, fixture_site.site)
        first = [f for f in files if re.search(r"\.handout\.|\.(docx|xlsx)$", f)]
        expect(box.locator("li.pd-keep--kept")).to_have_count(len(first))  # told once the worker has them
        states = dict(page.evaluate(KEEP_STATE))
        assert all(states[f].startswith("✓ " + words.keep_kept) for f in first), states
        assert states[next(f for f in files if f.endswith(f"gt-uji.{lang}.pdf"))] == ""
        assert page.evaluate("urls => Promise.all(urls.map(u => caches.match(u))).then(h => h.filter(Boolean).length)",
                             absolute) == len(first)
        button = box.locator("button")
        assert button.inner_text().strip() == words.keep_button
        assert button.bounding_box()["height"] >= 44
        button.tap()
        status = box.locator(".pd-keep__status")
        expect(status).to_contain_text(words.keep_done.split(":")[0], timeout=30_000)
        assert re.search(rf"\b{len(files)}\b", status.inner_text()) and re.search(r"\d ([kM]B)", status.inner_text())
        states = page.evaluate(KEEP_STATE)
        assert all(state.startswith("✓ " + words.keep_kept) and re.search(r"\d ([kM]B)$", state) for _, state in states), states
        (ROOT / "build" / "screenshots").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=ROOT / "build" / "screenshots" / f"phone-keep-{lang}.png")

        context.set_offline(True)
        fetched = page.evaluate("""urls => Promise.all(urls.map(u => fetch(u).then(
            r => [r.status, r.headers.get('content-type')], () => 'failed')))""", absolute)
        assert all(status == 200 for status, _ in fetched), fetched
        page.reload()  # offline, the page still says what it keeps
        expect(box.locator(".pd-keep__status")).to_contain_text(words.keep_done.split(":")[0])
        context.close()


def test_the_keep_box_stays_hidden_without_javascript(browser, fixture_site):
    with serve(fixture_site.site) as base:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(base + "guidelines/formation/gt-uji/")
        assert page.locator("[data-pd-keep]").count() == 1
        expect(page.locator("[data-pd-keep]")).to_be_hidden()
        context.close()
