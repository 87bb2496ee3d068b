"""The search index: Pagefind, run once over the finished site, one index per <html lang>.

Material's built-in search has no Indonesian stemmer and mixes both languages
in one index; Pagefind stems Indonesian and keeps each language apart. Only
the content marked `data-pagefind-body` (the article, see overrides/main.html)
is indexed, so navigation text never matches.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pedoman.errors import BuildError


class SearchIndexError(BuildError):
    """Pagefind failed; its own output says why."""


@dataclass
class SearchReport:
    languages: list[str]
    pages: int


# A query that names a section (its heading) or a stage (its title) should find that section
# first, before pages that merely mention the word: Pagefind weighs these elements highest.
# The search UI (overrides/assets/search.js) also ignores how often a word is repeated.
HEADING_WEIGHT = 10
# A guideline's summary says what the page is for ("membentuk GT PP-TPPO kabupaten/kota dengan SK
# Bupati/Wali Kota"): its words weigh more than the same words further down, less than a heading.
SUMMARY_WEIGHT = 3
_WEIGHED = [
    (re.compile(r"<h([23])(?![^>]*data-pagefind-weight)"), rf'<h\1 data-pagefind-weight="{HEADING_WEIGHT}"'),
    (re.compile(r'<div class="pd-summary">'), rf'<div class="pd-summary" data-pagefind-weight="{SUMMARY_WEIGHT}">'),
    (re.compile(r'(<li id="stage-[^"]*">\s*<p)>'), rf'\1 data-pagefind-weight="{HEADING_WEIGHT}">'),
]


# Pagefind joins the text of elements that touch ("<td>Kegiatan</td><td>Indikator</td>" reads
# "KegiatanIndikator" in a result): a space after each cell, item or block that another tag follows
# keeps the words of neighbouring cells and list items apart. Whitespace there changes no layout.
_SEPARATED = re.compile(r"(</(?:td|th|li|dt|dd|p|h[1-6]|caption|figcaption)>)(?=<)")


# A table's header row names its columns ("# Langkah Penanggung jawab"): indexed, it made a result's
# snippet read like a raw Markdown table. Each cell of a card shows its column's name on a phone
# (data-label), and no reader searches for a column's name, so Pagefind leaves the header row out.
_HEADER_ROW = re.compile(r"<thead(?![^>]*data-pagefind-ignore)")


def weigh(page_html: str) -> str:
    """`page_html` with its section headings and stage titles weighted for Pagefind, a space
    between neighbouring table cells and list items, and tables' header rows left out."""
    for pattern, replacement in _WEIGHED:
        page_html = pattern.sub(replacement, page_html)
    page_html = _HEADER_ROW.sub("<thead data-pagefind-ignore", page_html)
    return _SEPARATED.sub(r"\1 ", page_html)


ENTRY = "pagefind-entry.json"
"""The index's entry point: Pagefind's version and each language's index (by content digest)."""


def sort_entry(path: Path) -> None:
    """Rewrite Pagefind's entry file with its languages in alphabetical order.

    Pagefind writes them in the order of a Rust hash map, which changes from run to run: the
    same pages gave a different file, so a different offline version (`offline.digest`) and
    every reader's browser fetched the whole site again. Pagefind's script looks a language up by
    name (only a page in a language without an index falls back to the largest index, on a tie the
    first listed, now always the same); the rest of the file is written as Pagefind writes it."""
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry["languages"] = dict(sorted(entry.get("languages", {}).items()))
    path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def build_index(site_dir: Path | str) -> SearchReport:
    """Index the built site into `<site_dir>/pagefind/`, headings and stage titles weighted."""
    for page in Path(site_dir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        weighed = weigh(text)
        if weighed != text:
            page.write_text(weighed, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", "pagefind",
         "--exclude-selectors", ".headerlink"],
        capture_output=True, text=True,
    )
    if run.returncode != 0:
        raise SearchIndexError(f"Pagefind failed:\n{run.stdout}\n{run.stderr}")
    sort_entry(Path(site_dir) / "pagefind" / ENTRY)
    languages = re.search(r"Discovered \d+ languages?: (.*)", run.stdout)
    pages = re.search(r"Indexed (\d+) pages", run.stdout)
    return SearchReport(
        languages=languages.group(1).split(", ") if languages else [],
        pages=int(pages.group(1)) if pages else 0,
    )
