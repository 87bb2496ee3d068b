"""From a content folder to what the site build needs: pages, navigation, warnings,
and once every language is built, the open data, schemas, PDFs and search index.

Every build validates the whole corpus anew. What is slow to make is kept between
builds, each under a digest of everything it is made from, so nothing shown can be
older than its sources: the PDFs (`print.pdfbuild`), each drafting-kit document
(`documents.kit`), compiled templates and each guideline's pages (`site.pagecache`),
and the open data, documents, slides, feeds and schemas as a whole (`_side_outputs`).

What needs only the validated content is made beside the pages: `mkdocs build` starts the PDFs'
workers and the side outputs' two processes (`SideWriter`) as soon as the content is valid, so they
run while the pages are rendered, and `finish` collects them.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import pickle
import shutil
import sys
import threading
import traceback
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from pedoman.content.corpus import Corpus, load_corpus
from pedoman.content.loader import keep_loaded_in
from pedoman.content.model import LANGUAGES
from pedoman.data.crossref import CrossRef, build_crossref
from pedoman.data.exports import write_exports
from pedoman.data.schema import write_schemas
from pedoman.documents.kit import write_decks, write_documents
from pedoman import cachefolder, codewatch
from pedoman.clock import build_date
from pedoman.errors import BuildError
from pedoman.presentation.abbreviations import expansions, mark_abbreviations
from pedoman.settings import Settings
from pedoman.site import pagecache
from pedoman.site.downloads import settle
from pedoman.site.feeds import write_feeds
from pedoman.site.offline import write_offline, write_retiring_worker
from pedoman.site.pages import page_date, updated_line
from pedoman.site.render import Renderer, page_templates
from pedoman.site.search import build_index
from pedoman.site.sitemap import write_sitemap
from pedoman.site.staging import sync_folder

if TYPE_CHECKING:
    from pedoman.print.pdfbuild import PdfBuild


@dataclass
class Prepared:
    """The rendered content of one build."""

    corpus: Corpus
    crossref: CrossRef
    pages: dict[str, str]
    """Source path in the staging folder → Markdown."""
    nav: list
    warnings: list[str]
    expansions: dict[str, dict[str, str]] = field(init=False)
    """Per language: glossary term → its expansion."""
    pdfs: PdfBuild | None = None
    """The PDFs being laid out beside the build, once `start_outputs` started them."""
    side: SideWriter | None = None
    """The side outputs being written beside the build, once `start_outputs` started them."""

    def __post_init__(self) -> None:
        self.expansions = {lang: expansions(self.corpus.terms, lang) for lang in LANGUAGES}

    def abbreviate(self, page_html: str, lang: str) -> str:
        """`page_html` with the glossary's abbreviations marked (see `abbreviations`)."""
        return mark_abbreviations(page_html, self.expansions[lang])

    def updated_line(self, meta: dict, hand_written: Path | None, lang: str) -> str:
        """"Terakhir diperbarui 28 November 2026" for the page, or "" if it has no date."""
        date = page_date(meta, hand_written)
        return updated_line(date, lang) if date else ""


def coverage_warnings(corpus: Corpus, crossref: CrossRef) -> list[str]:
    """One warning per recommendation that no section implements (fails a --strict build)."""
    return [
        f"recommendation {rec_id} ({corpus.recommendation(rec_id).title.id}) is implemented by no "
        f"guideline section; add it to a section's `implements`"
        for rec_id in crossref.uncovered
    ]


def prepare(content: Path, docs: Path, staging: Path, render_cache: Path | None = None,
            keep_corpus: bool = False, outputs: tuple[Settings, Path, str | None] | None = None) -> Prepared:
    """Validate `content`, render every page and sync them with `docs` into `staging`; with
    `render_cache`, compiled templates and the guidelines' rendered pages are kept there between builds,
    and with `keep_corpus` too the validated content (`_load`) and what loading each file gave
    (`loader.keep_loaded_in`; neither for the live preview, where every save changes the content and
    unchanged files are not parsed again anyway). With `outputs` (the settings,
    the folder their paths are relative to, the site's address), what the build makes beside its pages
    is started in processes of its own as soon as the content is validated (`start_outputs`), so that
    it runs while the pages are rendered; `finish` collects it.

    Raises `ContentErrors` before anything is written when the content is invalid.
    """
    wait_for_background()
    if render_cache is not None:
        cachefolder.keep_compiled(page_templates(), render_cache / "templates")
        pagecache.keep_in(render_cache / "pages")
    kept = render_cache is not None and keep_corpus
    keep_loaded_in(render_cache / "loaded" if kept else None)
    corpus = _load(Path(content), render_cache / "corpus" if kept else None)
    crossref = build_crossref(corpus)
    side, pdfs = start_outputs(corpus, crossref, *outputs) if outputs is not None else (None, None)
    try:
        renderer = Renderer(corpus, crossref)
        prepared = Prepared(corpus, crossref, {page.path: page.markdown for page in renderer.pages()},
                            renderer.nav(), coverage_warnings(corpus, crossref), pdfs=pdfs, side=side)
        sync_folder(staging, docs, prepared.pages, corpus.personal_data_reviewed, corpus.agencies)
    except BaseException:
        stop_outputs(SimpleNamespace(side=side, pdfs=pdfs))
        raise
    return prepared


CORPUS_LIBRARIES = ("pydantic", "pydantic_core", "PyYAML", "Babel")
"""The libraries that read and validate the content (part of the kept corpus's key)."""
KEPT_CORPORA = 8
"""Validated corpora `_load` keeps at most, the least recently used removed first."""


def _load(content: Path, folder: Path | None) -> Corpus:
    """The validated content of `content`. With `folder`, it is kept there under a digest of what it is
    made from (every content file and where the folder is, the package's code, the libraries that
    validate, the build's date, which judges "a date in the future"): a build of unchanged content
    skips validation (about 1 s of the shipped corpus's build). Invalid content is never kept."""
    if folder is None:
        return load_corpus(content)
    key = hashlib.sha256(repr((_content_digest(content), str(content.resolve()), codewatch.code_digest(),
                               [metadata.version(name) for name in CORPUS_LIBRARIES], sys.version,
                               build_date().isoformat())).encode("utf-8")).hexdigest()
    path = folder / f"{key}.pickle"
    if path.is_file():
        cachefolder.used(path)
        return pickle.loads(path.read_bytes())
    corpus = load_corpus(content)
    folder.mkdir(parents=True, exist_ok=True)
    partial = cachefolder.partial(path)
    partial.write_bytes(pickle.dumps(corpus, protocol=pickle.HIGHEST_PROTOCOL))
    partial.replace(path)
    cachefolder.prune(folder, keep=KEPT_CORPORA)
    return corpus


def _content_digest(root: Path) -> bytes:
    """A digest of every file under `root`: its path in the folder and its bytes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.digest()


def start_outputs(corpus: Corpus, crossref: CrossRef, settings: Settings, base: Path,
                  site_url: str | None = None) -> tuple[SideWriter, PdfBuild | None]:
    """Start what the build writes beside its pages, each in processes of its own: the side outputs
    (`SideWriter`) and the PDFs the cache lacks (`_pdfs`). Not for the live preview, which makes no PDFs
    and writes the side outputs after serving the pages."""
    return SideWriter(corpus, crossref, settings, base, site_url), _pdfs(corpus, settings, base, site_url)


def _pdfs(corpus: Corpus, settings: Settings, base: Path, site_url: str | None) -> PdfBuild | None:
    """The PDFs laid out in worker processes (`print.pdfbuild`), if the settings ask for PDFs."""
    if not settings.pdf:
        return None
    from pedoman.print.pdfbuild import PdfBuild

    return PdfBuild(corpus, base / settings.pdf_cache, site_url, settings.pdf_author)


def stop_outputs(prepared: Prepared | None) -> None:
    """Stop the processes of a build that failed."""
    if prepared is not None and prepared.side is not None:
        prepared.side.cancel()
    if prepared is not None and prepared.pdfs is not None:
        prepared.pdfs.cancel()


def finish(prepared: Prepared, site_dir: Path | str, settings: Settings, base: Path, site_url: str | None = None,
           live: bool = False) -> list[str]:
    """Once every language is built: open data, drafting-kit documents, feeds, schemas, the
    sitemap (with an address `site_url`), PDFs, the search index and the offline worker.

    `settings` are the project's (`extra.pedoman`), their paths relative to `base`. `live` is
    the live preview (`mkdocs serve`): it makes no PDFs (a changed guideline's take half a
    minute), its worker retires any worker a built site left at the same address, so the
    preview never shows a page kept from another build, and it writes what no page shows while
    an editor reads it (open data, documents, feeds, schemas, sitemap, search index) in the
    background, after the pages are served: the next build waits for it (`wait_for_background`).
    Returns lines for the build log. Raises a `BuildError` (e.g. `search.SearchIndexError`) for
    what the build was given; in the live preview such an error is logged as a warning.
    """
    site_dir = Path(site_dir)
    if live:
        write_retiring_worker(site_dir)
        settle(site_dir)  # the live preview makes no PDFs: their links go
        _in_background(lambda: _side_outputs(prepared, site_dir, settings, base, site_url))
        lines = ["open data, documents, feeds, schemas and search index are written in the background",
                 "offline: the live preview's worker retires any kept copy of a built site"]
        return lines + (["PDFs are not made by the live preview; `make site` makes them"] if settings.pdf else [])
    log = _side_outputs(prepared, site_dir, settings, base, site_url)
    if settings.pdf:
        if prepared.pdfs is None:
            prepared.pdfs = _pdfs(prepared.corpus, settings, base, site_url)
        pdfs = prepared.pdfs.finish(site_dir)
        log.append(f"PDFs: {len(pdfs.rendered)} rendered ({pdfs.pages} pages, {pdfs.pages_per_second:.1f} "
                   f"pages/s, {pdfs.workers} worker processes), {len(pdfs.cached)} from the cache; handouts: "
                   f"{len(pdfs.handouts_rendered)} rendered, {len(pdfs.handouts_cached)} from the cache")
    log.append(settle(site_dir).line())  # once every file is written: no link to a file not made
    log.append(write_offline(site_dir).line())  # last: the worker digests every file written above
    return log


OUTPUT_LIBRARIES = ("python-docx", "openpyxl", "python-pptx", "lxml", "feedgen", "pydantic", "pydantic_core",
                    "Babel", "PyYAML", "Jinja2", "Markdown", "nh3", "MarkupSafe", "segno", "Pillow")
"""The libraries that write or shape what `_side_outputs` keeps (part of its key)."""


def _side_outputs(prepared: Prepared, site_dir: Path, settings: Settings, base: Path,
                  site_url: str | None) -> list[str]:
    """What the build writes beside the pages: open data, the drafting kit, feeds, schemas,
    the sitemap and the search index (which reads the pages, so it comes last).

    The first four are kept whole in the render cache (`outputs/`) under a digest of what they are made
    from (`_outputs_key`): a build of unchanged content, code and settings copies them from there. The
    `SideWriter` the build started (if any) has written them there meanwhile."""
    written = prepared.side.collect() if prepared.side is not None else None
    log: list[str] = []

    def write(folder: Path) -> None:
        log.extend(_write_side(prepared.corpus, prepared.crossref, settings, base, site_url, folder))

    key = prepared.side.key if prepared.side is not None else _outputs_key(prepared.corpus, settings, site_url)
    if cachefolder.kept_tree(base / settings.render_cache / "outputs", key, write, site_dir) and not written:
        log.append("open data, documents, slides, feeds and schemas: content, code and settings as in an earlier "
                   "build, copied from what it kept")
    log.extend(written or [])
    listed = write_sitemap(site_dir, site_url)
    log.append(f"sitemap: {listed} pages" if site_url else "no sitemap: the site's address (site_url) is not set")
    if settings.search:
        index = build_index(site_dir)
        log.append(f"search index: {index.pages} pages in {', '.join(index.languages)}")
    return log


def _write_side(corpus: Corpus, crossref: CrossRef, settings: Settings, base: Path, site_url: str | None, folder: Path,
                parts: tuple[str, ...] = ("documents", "slides"), prune: bool = True) -> list[str]:
    """Write into `folder` the side outputs of `parts`: "documents" (the open data, the drafting kit's
    documents, feeds and schemas) and "slides" (the training decks); lines for the build log. With
    `prune`, the documents cache is pruned after (never while another process writes into it)."""
    cache = base / settings.documents_cache
    lines = []
    if "documents" in parts:
        write_exports(corpus, crossref, folder, cache, site_url)
        lines.append(write_documents(corpus, folder, settings.documents_paper, cache, slides=False, prune=False).line())
        write_feeds(corpus, folder, site_url)
        write_schemas(folder / "schema", corpus)
    if "slides" in parts:
        lines.append(write_decks(corpus, folder, cache, prune=False).line())
    if prune:
        cachefolder.prune(cache)
    return lines


def _outputs_key(corpus: Corpus, settings: Settings, site_url: str | None) -> str:
    """A digest of everything the open data, documents, slides, feeds and schemas are made from: every
    file of the content folder and where each guideline lives, the package's code (its templates and
    word lists too), the libraries that write them, the paper, the site's address and the build's date."""
    digest = hashlib.sha256(_content_digest(corpus.root))
    digest.update(repr((sorted(corpus.paths.items()), codewatch.code_digest(),
                        [metadata.version(name) for name in OUTPUT_LIBRARIES], sys.version, zlib.ZLIB_RUNTIME_VERSION,
                        settings.documents_paper, site_url, build_date().isoformat())).encode("utf-8"))
    return digest.hexdigest()


NICENESS = 10
"""How much lower the side outputs' processes run than the build's own: when the cores are short, the
rendering of the pages, which the build waits on, goes first (a build after an edit writes few files)."""


class SideWriter:
    """The side outputs (`_write_side`) written into the render cache while MkDocs renders the pages on
    this process, when no earlier build kept them under the same key: the training decks in one process,
    the rest in another (about half each on the shipped corpus), each started as a fork of this one with
    the validated corpus in memory, both into one folder that takes the key's name once both are done."""

    PARTS = (("documents",), ("slides",))

    def __init__(self, corpus: Corpus, crossref: CrossRef, settings: Settings, base: Path, site_url: str | None):
        self.key = _outputs_key(corpus, settings, site_url)
        self.tree = base / settings.render_cache / "outputs" / self.key
        self.cache = base / settings.documents_cache
        self.processes: list = []
        if self.tree.is_dir():
            return  # kept: `_side_outputs` copies it
        scratch = cachefolder.partial(self.tree)
        shutil.rmtree(scratch, ignore_errors=True)
        context = multiprocessing.get_context("fork")
        for parts in self.PARTS:
            reader, sender = context.Pipe(duplex=False)

            def run(parts=parts, sender=sender) -> None:
                os.nice(NICENESS)  # the pages' rendering on the build's own process goes first
                try:
                    sender.send(("written", _write_side(corpus, crossref, settings, base, site_url, scratch,
                                                        parts, prune=False)))
                except BuildError as exc:
                    sender.send(("refused", str(exc)))
                except BaseException:  # a fault in pedoman: its traceback, raised again in the build
                    sender.send(("failed", traceback.format_exc()))

            process = context.Process(target=run, name=f"pedoman-side-outputs-{parts[0]}", daemon=True)
            process.start()
            sender.close()
            self.processes.append((process, reader))

    def collect(self) -> list[str] | None:
        """Wait for the processes: their lines for the build log, or None when none was started. Raises a
        `BuildError` with a process's message for what the build was given, a `RuntimeError` for a fault;
        then nothing is kept under the key."""
        if not self.processes:
            return None
        outcomes = []
        for process, reader in self.processes:
            try:
                outcomes.append(reader.recv())
            except EOFError:
                outcomes.append(("failed", f"the process writing them ended with code {process.exitcode}"))
            process.join()
            reader.close()
        self.processes = []
        lines = []
        for outcome, detail in outcomes:
            if outcome == "refused":
                raise BuildError(detail)
            if outcome == "failed":
                raise RuntimeError(f"writing the open data, documents, slides, feeds and schemas failed:\n{detail}")
            lines += detail
        cachefolder.prune(self.cache)
        cachefolder.promote(self.tree)
        return lines

    def cancel(self) -> None:
        """Stop the processes of a build that failed (what they were writing stays a `.part`, cleared later)."""
        for process, reader in self.processes:
            process.terminate()
            process.join()
            reader.close()
        self.processes = []


BACKGROUND = "pedoman-live-outputs"
"""The name of the live preview's background writer: found by name, so that a build waits for
one started by the package as it was before `codewatch` imported it again."""

logger = logging.getLogger("mkdocs.plugins.pedoman")  # the hooks' logger: lines show in MkDocs' output


def _in_background(work: Callable[[], list[str]]) -> None:
    """Run `work` in a thread after the previous one ended; its lines and errors go to the log."""
    wait_for_background()

    def run() -> None:
        try:
            for line in work():
                logger.info(line)
        except BuildError as exc:
            logger.warning(str(exc))

    threading.Thread(target=run, name=BACKGROUND, daemon=True).start()


def wait_for_background() -> None:
    """Wait until the live preview's background writer (if any) has finished: a new build never
    cleans or writes the site while it writes."""
    for thread in threading.enumerate():
        if thread.name == BACKGROUND and thread is not threading.current_thread():
            thread.join()
