"""Print-ready A4 PDFs laid out from the print HTML (`handbook`) by WeasyPrint, as tagged PDF/UA-1
(headings, lists, tables with header cells, figures with their text alternative, language,
title, author, subject and keywords), cached, in worker processes.

The training pack binds the handbooks of one language together behind a cover
and a contents of two levels (guidelines and their sections), with the
handouts as its last part. Its pages are the parts' PDFs as written, bound at
the PDF level (binding.py), not a second layout: each handbook keeps its cover,
contents and page numbers; every part starts on a right-hand page, every page's
foot gives its pack page beside its part's own ("87 · 3-12"), and the pack's
contents give pack pages, from the anchors read in the parts' PDFs and
`binding.plan`. A guideline with training also has a facilitator guide and a
participant workbook per language (`training`). Every handbook, handout and
training PDF is a task of its own, spread over one worker process per core;
the packs are bound when their parts are written. `workers=1` (or
PEDOMAN_PDF_WORKERS=1) runs everything in this process, one PDF after the other.

Every PDF WeasyPrint writes has its structure finished from its print HTML
(`tagging.tidy`: margins and leader dots as artifacts, contents as TOC/TOCI,
links described by their text, /Lang on texts in the other language, an IDTree).

Laying out is the slow part of a build, so each PDF is cached under a digest of
what WeasyPrint is handed: the whole print HTML (which holds the stylesheet,
the diagrams and the QR code inline), the options passed to WeasyPrint, its
version, the fonts installed and the code of `tagging` and `pdftext`; a pack's key is made of its front matter, the
template of its feet, the binding's code and the keys of the parts it binds
(whose lengths decide its page numbers). The HTML is made anew by every build,
from the current content, templates and code, so whatever changes a PDF
changes its key and nothing else has to be listed.
"""

from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from pedoman import cachefolder, urls
from pedoman.content.corpus import Corpus
from pedoman.content.model import LANGUAGES
from pedoman.presentation.words import CATALOGUE
from pedoman.print import binding, pdftext, tagging
from pedoman.print.handbook import DEFAULT_AUTHOR, TEMPLATES, render_handout, render_html
from pedoman.print.training import render_training

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
"""What WeasyPrint is asked for besides the HTML: tagged PDF/UA-1. Part of every cache key."""


_BINDING_CODE = Path(binding.__file__).read_text(encoding="utf-8")
"""How a pack is bound and its feet drawn: part of every pack's key."""

_TAGGING_CODE = "\0".join(Path(module.__file__).read_text(encoding="utf-8") for module in (tagging, pdftext))
"""How the structure WeasyPrint writes is finished (artifacts, contents, languages): part of every key."""

_PAGE_MARK = re.compile(r"\[\[(page|pages):([^\]]+)\]\]")


@dataclass
class HandbookReport:
    rendered: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    handouts_rendered: list[str] = field(default_factory=list)
    handouts_cached: list[str] = field(default_factory=list)
    training_rendered: list[str] = field(default_factory=list)
    training_cached: list[str] = field(default_factory=list)
    pages: int = 0
    """Pages laid out by WeasyPrint (a pack binds pages already laid out: they count once)."""
    seconds: float = 0.0
    workers: int = 1

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


@dataclass
class Job:
    """One PDF: the file it is published as, the HTML it is laid out from, its cache key."""

    name: str
    html: str
    key: str


@dataclass
class Pack:
    """A language's training pack: its front matter (with [[page:anchor]] marks for the pack pages
    only the parts' layout knows), the handbooks it binds, in order, then the handouts."""

    name: str
    lang: str
    front: str
    key: str
    handbooks: list[Job]
    handouts: list[Job]


FONT_FOLDERS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                Path.home() / ".local" / "share" / "fonts", Path.home() / ".fonts")
"""Where fontconfig finds the system's fonts (its default folders), which WeasyPrint lays text out with."""


def fonts_digest() -> str:
    """A digest of the fonts installed in FONT_FOLDERS (each file's path, size and modification
    time): a font installed, removed or updated gives every PDF a new key, since the fonts a
    text falls back to may change."""
    digest = hashlib.sha256()
    for folder in FONT_FOLDERS:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def cache_key(html: str, fonts: str, options: dict = PDF_OPTIONS, tagging_code: str = _TAGGING_CODE) -> str:
    """The name of the PDF WeasyPrint lays out from `html` with `options` and the installed
    `fonts` (fonts_digest), its structure finished by `tagging_code` (tagging.tidy): a digest of
    them and of WeasyPrint's version.

    The version is read from the package metadata: importing WeasyPrint takes about
    a second, paid only when a PDF must really be laid out.
    """
    digest = hashlib.sha256(f"weasyprint {metadata.version('weasyprint')}\0{fonts}\0".encode())
    digest.update(json.dumps(options, sort_keys=True).encode("utf-8") + b"\0")
    digest.update(hashlib.sha256(tagging_code.encode("utf-8")).digest())
    digest.update(html.encode("utf-8"))
    return digest.hexdigest()[:32]


@lru_cache(maxsize=1)
def _fonts():
    """One font configuration per process, shared by every PDF it lays out."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def _render(html: str):
    import weasyprint

    return weasyprint.HTML(string=html, base_url=str(TEMPLATES)).render(font_config=_fonts(), **PDF_OPTIONS)


def _save(document, target: Path, key: str, html: str) -> None:
    """Write the laid-out `document` to `target`, its structure finished from its print `html`
    (tagging.tidy: margins as artifacts, contents as TOC, other languages' /Lang, an IDTree)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = cachefolder.partial(target)
    # The file identifier comes from the key: the same input gives the very same file.
    document.write_pdf(partial, pdf_identifier=key.encode("ascii"), **PDF_OPTIONS)
    tagging.tidy(partial, html)
    partial.replace(target)  # an interrupted build must not leave a truncated PDF under a valid key


def _worker_start() -> None:
    """Make a worker's garbage collector cheaper: the modules and content it inherits from the
    build are frozen out of its scans, and the layout's millions of short-lived objects are
    scanned less often (3 to 8% of a PDF's processor time in three measurements on 2026-11-30).
    Memory stays bounded: collections still run."""
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)


def _lay_out(job: Job, cache: Path) -> tuple[list[str], int]:
    """Lay out one PDF into the cache: ([its name], pages)."""
    document = _render(job.html)
    _save(document, cache / f"{job.key}.pdf", job.key, job.html)
    return [job.name], len(document.pages)


def fill_page_numbers(front: str, numbers: dict[str, int], totals: dict[str, int] | None = None) -> str:
    """The pack's front matter with [[page:anchor]] replaced by the anchor's page number and
    [[pages:guideline-id]] by the guideline's number of pages."""
    def number(match: re.Match) -> str:
        return str((numbers if match.group(1) == "page" else totals or {})[match.group(2)])
    return _PAGE_MARK.sub(number, front)


def pack_numbers(pages: list[binding.PackPage], anchors: list[dict[str, int]],
                 handouts: dict[str, int]) -> dict[str, int]:
    """{anchor: its pack page} in a pack laid out as `pages`: each handbook's `anchors` (anchor: page
    within the handbook) and, in the last part, each handout (its guideline's id: its length)."""
    start = binding.starts(pages)
    found = {name: start[part] + page - 1
             for part, names in enumerate(anchors, start=1) for name, page in names.items()}
    page = start.get(len(anchors) + 1, 0)
    for guideline_id, length in handouts.items():
        found[binding.HANDOUT_PREFIX + guideline_id] = page
        page += length
    return found


FRONT_TRIES = 4
"""How often the front matter is laid out at most until its length is the one its page numbers assumed."""


def _bind_pack(pack: Pack, cache: Path) -> tuple[list[str], int]:
    """Lay out the pack's front matter with the pack pages of its parts' headings (read from their
    PDFs in the cache and `binding.plan`), the feet of every pack page, and bind the front matter and
    parts into the pack: ([its name], pages laid out)."""
    anchors, lengths = [], []
    for job in pack.handbooks:
        found, length = binding.anchor_pages(cache / f"{job.key}.pdf")
        anchors.append(found)
        lengths.append(length)
    handouts = {job.name.split(".")[0]: binding.anchor_pages(cache / f"{job.key}.pdf")[1] for job in pack.handouts}
    parts = lengths + ([sum(handouts.values())] if handouts else [])
    assumed = 2  # the front matter's pages move every part's numbers: lay it out until they agree
    for _ in range(FRONT_TRIES):
        pages = binding.plan(assumed, parts)
        html = fill_page_numbers(pack.front, pack_numbers(pages, anchors, handouts))
        front = _render(html)
        if len(front.pages) == assumed:
            break
        assumed = len(front.pages)
    else:
        raise RuntimeError(f"{pack.name}: the front matter's length does not settle ({assumed} pages)")
    front_pdf, feet_pdf = cache / f"{pack.key}.front", cache / f"{pack.key}.feet"
    _save(front, front_pdf, pack.key, html)
    import weasyprint  # untagged: bind marks every foot as an artifact

    feet = weasyprint.HTML(string=binding.footer_sheet_html(pages, pack.lang)).render(font_config=_fonts())
    feet.write_pdf(feet_pdf)
    binding.bind(front_pdf, [cache / f"{job.key}.pdf" for job in pack.handbooks], cache / f"{pack.key}.pdf",
                 feet_pdf, [cache / f"{job.key}.pdf" for job in pack.handouts], CATALOGUE[pack.lang]["pack_handouts"])
    front_pdf.unlink()
    feet_pdf.unlink()
    return [pack.name], len(front.pages) + len(feet.pages)


def default_workers() -> int:
    """PEDOMAN_PDF_WORKERS when set (1 runs everything in this process), else one per core this
    process may run on."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, int(os.environ.get("PEDOMAN_PDF_WORKERS") or cores or 1))


class PdfBuild:
    """The PDFs of a corpus being made. Created as a build starts: the layouts the cache lacks go
    at once to worker processes, one per core, and run while MkDocs renders the site; `finish`
    waits for them, binds the packs and copies every PDF into the site; `cancel` stops the
    workers of a build that failed. With one worker, everything happens in `finish`, in this
    process, one PDF after the other."""

    def __init__(self, corpus: Corpus, cache_dir: Path | str, site_url: str | None = None,
                 author: str | None = None, workers: int | None = None):
        author = author or DEFAULT_AUTHOR
        self.started = time.perf_counter()
        self.cache = Path(cache_dir)
        self.cache.mkdir(parents=True, exist_ok=True)
        self.workers = workers or default_workers()
        self.fonts = fonts_digest()
        self.packs: list[Pack] = []
        self.handouts: list[Job] = []
        self.training: list[Job] = []
        self.layouts: list[Job] = []
        self._pool = None
        self._laid_out: list = []
        # Each PDF the cache lacks goes to a worker as soon as its HTML is made: the handbooks
        # first (the largest), then the training PDFs and the handouts; the packs bind handbooks,
        # so they come last.
        handbooks = {lang: [self._job(f"{g.id}.{lang}.pdf", render_html(corpus, [g], lang, site_url, author=author))
                            for g in corpus.guidelines] for lang in LANGUAGES}
        for lang in LANGUAGES:  # the facilitator guides and workbooks of the guidelines that have training
            self.training += [self._job(urls.training_pdf(g.id, part, lang),
                                        render_training(corpus, g, part, lang, site_url, author))
                              for g in corpus.guidelines if g.training for part in urls.TRAINING_FILES]
        handouts = {lang: [self._job(f"{g.id}.handout.{lang}.pdf", render_handout(corpus, g, lang, site_url, author))
                           for g in corpus.guidelines] for lang in LANGUAGES}
        self.handouts = [job for lang in LANGUAGES for job in handouts[lang]]
        for lang in LANGUAGES:
            front = render_html(corpus, corpus.guidelines, lang, site_url, pack=True, author=author)
            # the feet are made from the parts' lengths (their keys), their template and the binding's code
            feet = binding.footer_sheet_html(binding.plan(1, [1]), lang) + _BINDING_CODE
            parts = [job.key for job in handbooks[lang] + handouts[lang]]
            key = cache_key("\0".join([front, feet, *parts]), self.fonts)
            self.packs.append(Pack(urls.pack_pdf(lang), lang, front, key, handbooks[lang], handouts[lang]))
        self.bindings = [pack for pack in self.packs if not self._cached(pack.key)]

    def _job(self, name: str, html: str) -> Job:
        """The PDF `name` laid out from `html`; sent to a worker at once when the cache lacks it."""
        job = Job(name, html, cache_key(html, self.fonts))
        if not self._cached(job.key):
            self.layouts.append(job)
            if self.workers > 1:
                if self._pool is None:
                    # fork: the workers start with this process's modules; each imports WeasyPrint once
                    self._pool = multiprocessing.get_context("fork").Pool(self.workers, initializer=_worker_start)
                self._laid_out.append(self._pool.apply_async(_lay_out, (job, self.cache)))
        return job

    def _cached(self, key: str) -> bool:
        return (self.cache / f"{key}.pdf").is_file()

    def finish(self, site_dir: Path | str) -> HandbookReport:
        """Wait for the layouts, bind the packs, and write site/pdf/<guideline-id>.<lang>.pdf,
        site/pdf/<guideline-id>.handout.<lang>.pdf, the facilitator guides and workbooks
        site/pdf/`urls.training_pdf(id, part, lang)` of the guidelines with training, and the training
        packs site/pdf/`urls.pack_pdf(lang)`."""
        try:
            if self._pool is None:
                results = [_lay_out(job, self.cache) for job in self.layouts]
                results += [_bind_pack(pack, self.cache) for pack in self.bindings]
            else:
                results = [laid_out.get() for laid_out in self._laid_out]
                results += self._pool.starmap(_bind_pack, [(pack, self.cache) for pack in self.bindings])
                self._pool.close()
        finally:
            self.cancel()
        report = HandbookReport(workers=self.workers)
        written: list[str] = []
        for names, pages in results:
            written += names
            report.pages += pages
        out = Path(site_dir) / "pdf"
        out.mkdir(parents=True, exist_ok=True)
        groups = [(job, report.rendered, report.cached) for job in
                  [*(j for p in self.packs for j in p.handbooks), *self.packs]]
        groups += [(job, report.training_rendered, report.training_cached) for job in self.training]
        groups += [(job, report.handouts_rendered, report.handouts_cached) for job in self.handouts]
        for job, rendered, cached in groups:
            if job.name in written:
                rendered.append(job.name)
            else:
                cached.append(job.name)
                cachefolder.used(self.cache / f"{job.key}.pdf")
            shutil.copyfile(self.cache / f"{job.key}.pdf", out / job.name)
        report.seconds = time.perf_counter() - self.started
        cachefolder.prune(self.cache)
        return report

    def cancel(self) -> None:
        """Stop the worker processes (a PDF they were writing is left as a .part file, never under its key)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


def build_pdfs(corpus: Corpus, site_dir: Path | str, cache_dir: Path | str,
               site_url: str | None = None, author: str | None = None,
               workers: int | None = None) -> HandbookReport:
    """Write every PDF of `corpus` into site_dir/pdf/, from the cache when unchanged. `author` is
    the task force that publishes them (the setting pdf_author); `workers` the processes that
    lay them out (PdfBuild)."""
    return PdfBuild(corpus, cache_dir, site_url, author, workers).finish(site_dir)
