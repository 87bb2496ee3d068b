"""Print-ready A4 PDFs for trainers: a handbook and a one-sheet handout per guideline and
language, and a training pack per language.

The PDFs come from print templates of their own (templates/handbook/), not from
the web pages, and are laid out by WeasyPrint as tagged PDF/UA-1 (headings,
lists, tables with header cells, figures with their text alternative, language,
title, author, subject and keywords): cover with a QR code to the page online,
table of contents with page numbers, running header and footer, bookmarks for
every section, tables whose header row repeats, tick boxes, the same SVG
diagrams as the site (split at a step boundary when taller than a page), the
documents to fill in that come with the guideline (drafting kit), the references and an annex
of the abbreviations the guideline uses.

The training pack binds the handbooks of one language together behind a cover
and a contents of two levels (guidelines and their sections). Its pages are
the handbooks' PDFs as written, bound at the PDF level (binding.py), not a
second layout: each handbook keeps its cover, contents and page numbers, and
the pack's contents give each section's page within its handbook, read from
the handbook's PDF. Every handbook and handout is a task of its own, spread
over one worker process per core; the packs are bound when their handbooks are
written. `workers=1` (or PEDOMAN_PDF_WORKERS=1) runs everything in this
process, one PDF after the other.

Laying out is the slow part of a build, so each PDF is cached under a digest of
what WeasyPrint is handed: the whole print HTML (which holds the stylesheet,
the diagrams and the QR code inline), the options passed to WeasyPrint, its
version and the fonts installed; a pack's key is made of its front matter and the keys of the
handbooks it binds. The HTML is made anew by every build, from the current
content, templates and code, so whatever changes a PDF changes its key and
nothing else has to be listed.
"""

from __future__ import annotations

import base64
import gc
import hashlib
import json
import math
import multiprocessing
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import binding, cachefolder, diagrams, qr, urls
from . import documents as drafting
from .corpus import Corpus
from .model import LANGUAGES, Guideline, Text, part_anchor, structured_parts
from .render import body_html, text_html
from .translations import text_fields
from .words import CATALOGUE, long_date

TEMPLATES = Path(__file__).parent / "templates" / "handbook"

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
"""What WeasyPrint is asked for besides the HTML: tagged PDF/UA-1. Part of every cache key."""

DEFAULT_AUTHOR = "Gugus Tugas PP-TPPO"

CONTENT_WIDTH_MM = 174
"""A4 less the page margins of print.css: the width a diagram is printed at."""
DIAGRAM_MAX_MM = 210
"""The tallest a diagram may be printed: a page's content area (255 mm) less a heading, the
caption and the margins. A taller diagram is split at a step boundary and continues on the next page."""

_PAGE_MARK = re.compile(r"\[\[(page|pages):([^\]]+)\]\]")


@dataclass
class HandbookReport:
    rendered: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    handouts_rendered: list[str] = field(default_factory=list)
    handouts_cached: list[str] = field(default_factory=list)
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
    """A language's training pack: its front matter (with [[page:anchor]] marks for the numbers
    only the handbooks' layout knows) and the handbooks it binds, in order."""

    name: str
    front: str
    key: str
    handbooks: list[Job]


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("pedoman", "templates/handbook"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


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


def cache_key(html: str, fonts: str, options: dict = PDF_OPTIONS) -> str:
    """The name of the PDF WeasyPrint lays out from `html` with `options` and the installed
    `fonts` (fonts_digest): a digest of them and of WeasyPrint's version.

    The version is read from the package metadata: importing WeasyPrint takes about
    a second, paid only when a PDF must really be laid out.
    """
    digest = hashlib.sha256(f"weasyprint {metadata.version('weasyprint')}\0{fonts}\0".encode())
    digest.update(json.dumps(options, sort_keys=True).encode("utf-8") + b"\0")
    digest.update(html.encode("utf-8"))
    return digest.hexdigest()[:32]


def abbreviations_used(g: Guideline, corpus: Corpus, lang: str) -> list[tuple[str, str]]:
    """(term, expansion) of every glossary term that appears as a whole word in `g` in `lang`."""
    used = _terms_in(" ".join(t.get(lang) for _, t in text_fields(g)), tuple(t.term for t in corpus.terms))
    return [(t.term, t.expansion.get(lang)) for t in sorted(corpus.terms, key=lambda t: t.term.lower())
            if t.term in used]


@lru_cache(maxsize=256)
def _terms_in(text: str, terms: tuple[str, ...]) -> frozenset[str]:
    """The `terms` that appear in `text` as whole words. Asked for three times per handbook (its
    contents, its annex and the pack's contents), so remembered for the same text and terms."""
    return frozenset(term for term in terms  # the plain substring test first: it rules out most terms quickly
                     if term in text and re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text))


def _svg_size(svg: str) -> tuple[float, float]:
    width, height = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups()
    return float(width), float(height)


def diagram_parts(g: Guideline, lang: str, agency) -> list[tuple[str, range]]:
    """The guideline's diagram as SVGs that each fit on a printed page, with the steps each shows:
    the whole diagram when it fits, otherwise runs of consecutive steps of about equal length
    (numbered as in the whole)."""
    count = diagrams.step_count(g)
    if not count:
        return []

    def fits(svg: str) -> bool:
        width, height = _svg_size(svg)
        return height * CONTENT_WIDTH_MM / width <= DIAGRAM_MAX_MM

    whole = diagrams.for_guideline(g, lang, agency)
    if fits(whole):
        return [(whole, range(count))]
    runs, start = [], 0  # greedy: as many steps as fit, to learn how many pages are needed
    while start < count:
        end = start + 1
        while end < count and fits(diagrams.for_guideline(g, lang, agency, range(start, end + 1))):
            end += 1
        runs.append(range(start, end))
        start = end
    size = math.ceil(count / len(runs))  # then the same number of steps on each page, if that fits
    even = [range(i, min(i + size, count)) for i in range(0, count, size)]
    parts = [diagrams.for_guideline(g, lang, agency, r) for r in even]
    if len(even) == len(runs) and all(fits(p) for p in parts):
        return list(zip(parts, even))
    return [(diagrams.for_guideline(g, lang, agency, r), r) for r in runs]


def _svg_img(svg: str) -> Markup:
    """An <img> of an inline SVG; its title and description are the figure's text alternative."""
    title = re.search(r"<title[^>]*>(.*?)</title>", svg, re.DOTALL).group(1)
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.DOTALL)
    alt = Markup(f"{title}. {desc.group(1)}" if desc else title).unescape()
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return Markup('<img class="diagram" alt="{}" src="data:image/svg+xml;base64,{}">').format(alt, data)


def _helpers(corpus: Corpus, lang: str, site_url: str | None, author: str) -> dict:
    labels = CATALOGUE[lang]

    def text(value: Text | None) -> Markup:
        return text_html(value, lang)

    def body(value: Text) -> Markup:
        return body_html(value, lang)

    def agency(agency_id: str) -> str:
        return corpus.agencies[agency_id].short(lang)

    def diagram(g: Guideline) -> Markup:
        parts = diagram_parts(g, lang, agency)
        if len(parts) == 1:
            return _svg_img(parts[0][0])
        count = diagrams.step_count(g)  # in parts: each says which steps it shows
        return Markup("").join(
            Markup('<figure class="diagram-part">{}<figcaption>{}</figcaption></figure>').format(
                _svg_img(svg), labels["diagram_part"].format(first=r.start + 1, last=r.stop, total=count))
            for svg, r in parts)

    def online(g: Guideline) -> str | None:
        """The guideline's page online in this language; None when the site's address is not set."""
        if not site_url:
            return None
        return f"{site_url.rstrip('/')}/{urls.page_url(urls.guideline_key(g.kind, g.id), lang)}"

    def qr_code(g: Guideline) -> Markup:
        address = online(g)
        return qr.img(address, f"{labels['qr_code']}: {address}") if address else Markup("")

    listed: dict[str, list[dict]] = {}

    def documents(g: Guideline) -> list[dict]:
        """The documents to fill in that come with the guideline, in this language (documents.listing),
        each with `address`: the file's address online when the site's address is set, otherwise
        its path within the site (documents/<id>/<name>.<lang>.<format>)."""
        if g.id not in listed:
            listed[g.id] = [item | {"address": f"{site_url.rstrip('/')}/{item['path']}" if site_url else item["path"]}
                            for item in drafting.listing(corpus, g, lang)]
        return listed[g.id]

    def parts(g: Guideline) -> list[tuple[str, str]]:
        """(anchor, title) of the working tools, documents to fill in, references and annex, for the
        contents page."""
        found = [(part_anchor(name), labels[name]) for name in structured_parts(g.kind)]
        if documents(g):
            found.append(("documents", labels["documents_box"]))
        found.append(("references", labels["references"]))
        found.append(("changes", labels["change_history"]))
        if abbreviations_used(g, corpus, lang):
            found.append(("abbreviations", labels["abbreviations"]))
        return found

    def steps(g: Guideline) -> list[tuple[str, str, str]]:
        """(what, who acts, when or with what) of each step of the guideline's procedure, for the handout."""
        if g.kind == "formation":
            return [(text(s.title), ", ".join(agency(a) for a in s.responsible),
                     f"{labels['instrument']}: {s.instrument.get(lang)}") for s in g.steps]
        if g.kind == "victim-assistance":
            return [(text(s.title), ", ".join(agency(a) for a in s.agencies),
                     f"{labels['time_limit']}: {s.time_limit.get(lang)}") for s in g.stages]
        if g.kind == "cooperation":
            return [(text(w.action), f"{labels[w.party]}: {agency(w.agency)}", "") for w in g.workflow]
        return [(text(d.title), "", "") for d in g.due_diligence]

    def procedure(g: Guideline) -> str:
        """The title of the guideline's procedure: its steps, stages, workflow or due diligence."""
        return labels[{"formation": "steps", "victim-assistance": "stages", "cooperation": "workflow",
                       "corporate-engagement": "due_diligence"}[g.kind]]

    def checklist(g: Guideline) -> list[Markup]:
        """What to check: the guideline's own checklist where it has one."""
        return [text(item) for item in getattr(g, "checklist", [])]

    def keywords(guidelines: list[Guideline]) -> str:
        found = ["GT PP-TPPO", "TPPO"]
        for g in guidelines:
            found += [labels[g.kind], *(r for s in g.sections for r in s.implements)]
        return ", ".join(dict.fromkeys(found))

    def cite(ref) -> dict:
        from .legal import citation
        return citation(ref, corpus, lang, labels)

    return dict(lang=lang, L=labels, corpus=corpus, text=text, body=body, author=author, cite=cite,
                agency=agency, diagram=diagram, steps=steps, procedure=procedure, checklist=checklist, online=online, qr_code=qr_code, parts=parts,
                documents=documents, site_url=site_url,
                plain=lambda v: v.get(lang), keywords=keywords,
                date=lambda d: long_date(d, lang),
                rec_title=lambda r: corpus.recommendation(r).title.get(lang),
                abbreviations=lambda g: abbreviations_used(g, corpus, lang))


def _css() -> Markup:
    return Markup((TEMPLATES / "print.css").read_text(encoding="utf-8"))


def render_html(corpus: Corpus, guidelines: list[Guideline], lang: str, site_url: str | None = None,
                pack: bool = False, author: str = DEFAULT_AUTHOR) -> str:
    """The print HTML of one guideline's handbook in `lang`, or with `pack` the front matter of the
    training pack (cover and contents) of `guidelines`, with [[page:anchor]] where a number goes."""
    template = _environment().get_template("pack.html.j2" if pack else "handbook.html.j2")
    return template.render(guidelines=guidelines, css=_css(), **_helpers(corpus, lang, site_url, author))


def render_handout(corpus: Corpus, g: Guideline, lang: str, site_url: str | None = None,
                   author: str = DEFAULT_AUTHOR) -> str:
    """The print HTML of the guideline's handout: one A4 sheet of its steps, who acts, what to
    check and where to report."""
    template = _environment().get_template("handout.html.j2")
    return template.render(g=g, css=_css(), **_helpers(corpus, lang, site_url, author))


@lru_cache(maxsize=1)
def _fonts():
    """One font configuration per process, shared by every PDF it lays out."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def _render(html: str):
    import weasyprint

    return weasyprint.HTML(string=html, base_url=str(TEMPLATES)).render(font_config=_fonts(), **PDF_OPTIONS)


def _save(document, target: Path, key: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = cachefolder.partial(target)
    # The file identifier comes from the key: the same input gives the very same file.
    document.write_pdf(partial, pdf_identifier=key.encode("ascii"), **PDF_OPTIONS)
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
    _save(document, cache / f"{job.key}.pdf", job.key)
    return [job.name], len(document.pages)


def fill_page_numbers(front: str, numbers: dict[str, int], totals: dict[str, int]) -> str:
    """The pack's front matter with [[page:anchor]] replaced by the anchor's page number and
    [[pages:guideline-id]] by the guideline's number of pages."""
    def number(match: re.Match) -> str:
        return str((numbers if match.group(1) == "page" else totals)[match.group(2)])
    return _PAGE_MARK.sub(number, front)


def _bind_pack(pack: Pack, cache: Path) -> tuple[list[str], int]:
    """Lay out the pack's front matter with the page numbers read from its handbooks' PDFs (in the
    cache) and bind it and them into the pack: ([its name], pages laid out)."""
    numbers, totals = {}, {}
    for job in pack.handbooks:
        found, totals[job.name.split(".")[0]] = binding.anchor_pages(cache / f"{job.key}.pdf")
        numbers |= found
    front = _render(fill_page_numbers(pack.front, numbers, totals))
    front_pdf = cache / f"{pack.key}.front"
    _save(front, front_pdf, pack.key)
    binding.bind(front_pdf, [cache / f"{job.key}.pdf" for job in pack.handbooks], cache / f"{pack.key}.pdf")
    front_pdf.unlink()
    return [pack.name], len(front.pages)


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
        self.layouts: list[Job] = []
        self._pool = None
        self._laid_out: list = []
        # Each PDF the cache lacks goes to a worker as soon as its HTML is made: the handbooks
        # first (the largest), then the handouts; the packs bind handbooks, so they come last.
        for lang in LANGUAGES:
            handbooks = [self._job(f"{g.id}.{lang}.pdf", render_html(corpus, [g], lang, site_url, author=author))
                         for g in corpus.guidelines]
            front = render_html(corpus, corpus.guidelines, lang, site_url, pack=True, author=author)
            key = cache_key("\0".join([front, *(job.key for job in handbooks)]), self.fonts)
            self.packs.append(Pack(urls.pack_pdf(lang), front, key, handbooks))
        for lang in LANGUAGES:
            self.handouts += [self._job(f"{g.id}.handout.{lang}.pdf", render_handout(corpus, g, lang, site_url, author))
                              for g in corpus.guidelines]
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
        site/pdf/<guideline-id>.handout.<lang>.pdf and the training packs site/pdf/`urls.pack_pdf(lang)`."""
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
        handout_names = {job.name for job in self.handouts}
        for job in [*(j for p in self.packs for j in p.handbooks), *self.packs, *self.handouts]:
            handout = job.name in handout_names
            if job.name in written:
                (report.handouts_rendered if handout else report.rendered).append(job.name)
            else:
                (report.handouts_cached if handout else report.cached).append(job.name)
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
