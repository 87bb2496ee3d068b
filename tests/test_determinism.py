"""The same inputs give the same site, byte for byte.

A file that changes between two builds of the same content changes the offline version (a digest
of every file, `offline.digest`), and every reader's browser then fetches the whole site again;
it also makes a published build impossible to check against its sources. So the small corpus is
built twice, with PDFs, the search index and the site's address (for the sitemap and the feeds'
absolute links), in two fresh project folders: no PDF or document cache is shared, the second
build lays out and writes everything anew. The two builds run with different hash seeds (the
order of Python's sets and dicts of strings) and one lays out the PDFs in worker processes, the
other in its own process, so neither may show in a file.

Dates come from the content (`updated`, `changes`) or, for a hand-written page, from git: the
two builds run seconds apart, and nothing they write may carry the clock. One output follows the
calendar day on purpose: the legal page lists the instruments checked more than twelve months
before the day of the build (`legal.stale`), which two builds on the same day agree on.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from conftest import VALID, build_site
from pedoman.site import search

SITE_URL = "https://example.org/pedoman/"


def _build(project: Path, monkeypatch, seed: str, workers: str):
    content = project / "guidelines"
    shutil.copytree(VALID, content)
    with monkeypatch.context() as env:  # build_site passes os.environ to mkdocs
        env.setenv("PYTHONHASHSEED", seed)
        env.setenv("PEDOMAN_PDF_WORKERS", workers)
        build = build_site(project, content, pedoman={"pdf": True, "search": True}, site_url=SITE_URL)
    assert build.returncode == 0, build.output
    assert "0 from the cache" in build.output and "0 kept" in build.output, build.output  # all made anew
    return build


def _files(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path, monkeypatch):
    first = _build(tmp_path / "first", monkeypatch, seed="1", workers="2")
    second = _build(tmp_path / "second", monkeypatch, seed="2", workers="1")
    one, two = _files(first.site), _files(second.site)
    # every kind of output is there to compare
    for path in ("sw.js", "sitemap.xml", "sitemap.xml.gz", "feed.xml", "en/feed.xml", "pagefind/pagefind-entry.json",
                 "manifest.id.webmanifest", "data/crossref.json", "data/crossref.csv", "data/crossref.xlsx",
                 "data/regulations.json", "pdf/paket-pelatihan.id.pdf", "pdf/gt-uji.handout.en.pdf"):
        assert path in one, path
    assert any(p.startswith("documents/") and p.endswith(".docx") for p in one)
    assert any(p.startswith("documents/") and p.endswith(".xlsx") for p in one)
    differing = sorted(path for path in one.keys() & two.keys() if one[path] != two[path])
    assert not differing, f"differ between two builds: {differing}"
    assert one.keys() == two.keys(), f"only in the first: {sorted(one.keys() - two.keys())}, " \
                                     f"only in the second: {sorted(two.keys() - one.keys())}"


def test_the_search_entry_lists_its_languages_in_alphabetical_order(tmp_path):
    entry = tmp_path / search.ENTRY
    entry.write_text('{"version":"1.5.2","languages":{"id":{"hash":"id_1","page_count":3},'
                     '"en":{"hash":"en_2","page_count":3}},"include_characters":["_","‿"]}', encoding="utf-8")
    search.sort_entry(entry)
    assert entry.read_text(encoding="utf-8") == (  # otherwise written as Pagefind writes it
        '{"version":"1.5.2","languages":{"en":{"hash":"en_2","page_count":3},'
        '"id":{"hash":"id_1","page_count":3}},"include_characters":["_","‿"]}')
