"""Download lists that never show a dead link: settled once every file of the build is written.

Pages are rendered before the PDFs and slides are made, so a page lists a module's files as the
build names them, each item marked with the file it links (`data-pd-file`, relative to the site's
root). `settle` then reads the built pages: an item whose file the build did not make (no PDFs in an
HTML-only build, a part not produced) is removed, the others get the file's size; a list left empty
gives way to its notice. Run before the offline worker digests the site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pedoman import urls
from pedoman.content.model import LANGUAGES

_ITEM = re.compile(r'<li class="pd-download" data-pd-file="(?P<file>[^"]+)" data-pd-lang="(?P<lang>[a-z]+)">'
                   r'(?P<body>.*?)</li>\s*', re.DOTALL)
_SIZE = '<span class="pd-file-size" data-pd-size></span>'
_LIST = re.compile(r'<ul class="pd-downloads">\s*</ul>\s*<p class="pd-downloads-none" hidden>', re.DOTALL)
_NOTICE = re.compile(r'<p class="pd-downloads-none" hidden>.*?</p>\s*', re.DOTALL)


def file_size(size: int, lang: str) -> str:
    """"245 KB", "1,2 MB" (Indonesian) / "1.2 MB" (English): a file's size as a reader weighs a download."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    figure = f"{size / 1_000_000:.1f}"
    return f"{figure.replace('.', ',') if lang == 'id' else figure} MB"


@dataclass
class Settled:
    pages: int
    linked: int
    dropped: int

    def line(self) -> str:
        return (f"training downloads: {self.linked} files linked with their size, {self.dropped} not made by "
                f"this build left out, on {self.pages} pages")


def settle_page(page_html: str, site_dir: Path) -> tuple[str, int, int]:
    """`page_html` with each download item of a missing file removed and each other one's size filled in;
    with the counts of items kept and removed."""
    kept = dropped = 0

    def item(match: re.Match) -> str:
        nonlocal kept, dropped
        target = (site_dir / match["file"]).resolve()
        if not (target.is_file() and target.is_relative_to(site_dir.resolve())):
            dropped += 1
            return ""
        kept += 1
        size = f'<span class="pd-file-size">, {file_size(target.stat().st_size, match["lang"])}</span>'
        return match[0].replace(_SIZE, size, 1)

    page_html = _ITEM.sub(item, page_html)
    page_html = _LIST.sub('<p class="pd-downloads-none">', page_html)  # nothing left: the notice shows
    page_html = _NOTICE.sub("", page_html)  # files listed: the notice goes
    return page_html, kept, dropped


def settle(site_dir: Path | str) -> Settled:
    """Settle the download lists of the training pages of every language in the built site `site_dir`."""
    site_dir = Path(site_dir)
    report = Settled(0, 0, 0)
    for lang in LANGUAGES:
        folder = site_dir / urls.page_url(urls.TRAINING, lang)
        for page in sorted(folder.rglob("index.html")) if folder.is_dir() else []:
            text = page.read_text(encoding="utf-8")
            settled, kept, dropped = settle_page(text, site_dir)
            if settled != text:
                page.write_text(settled, encoding="utf-8")
                report.pages += 1
            report.linked += kept
            report.dropped += dropped
    return report
