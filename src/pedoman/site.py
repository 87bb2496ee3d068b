"""From a content folder to what the site build needs: pages, navigation, warnings.

With a build cache (`buildcache`), a build whose content and code are unchanged
restores the previous build's results. The modules that validate and render
(and import pydantic, Python-Markdown and Babel) are then never imported, so
they are imported inside the functions that need them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from . import buildcache
from .abbreviations import mark_abbreviations
from .pages import page_date, updated_line
from .search import build_index
from .staging import sync_folder

if TYPE_CHECKING:
    from .crossref import CrossRef
    from .corpus import Corpus


@dataclass
class Prepared:
    """The rendered content of one build, either computed or restored from the build cache."""

    content: Path
    pages: dict[str, str]
    nav: list
    warnings: list[str]
    expansions: dict[str, dict[str, str]]
    """Per language: glossary term → its expansion."""
    cache: Path | None = None
    key: str | None = None
    record: dict | None = None
    """The cache record this build was restored from (None if it was computed)."""
    written: int = 0
    memo: buildcache.Memo = field(default_factory=lambda: buildcache.Memo(None))
    _corpus: Corpus | None = None
    _crossref: CrossRef | None = None

    @property
    def corpus(self) -> Corpus:
        """The validated corpus (loaded again if this build was restored from the cache)."""
        if self._corpus is None:
            from .corpus import load_corpus

            self._corpus = load_corpus(self.content)
        return self._corpus

    @property
    def crossref(self) -> CrossRef:
        if self._crossref is None:
            from .crossref import build_crossref

            self._crossref = build_crossref(self.corpus)
        return self._crossref

    def abbreviate(self, page_html: str, lang: str) -> str:
        """`page_html` with the glossary's abbreviations marked (see `abbreviations`)."""
        table = self.expansions[lang]
        return self.memo(lambda: mark_abbreviations(page_html, table), "abbr", self._tables[lang], page_html)

    @cached_property
    def _tables(self) -> dict[str, str]:
        return {lang: json.dumps(table, sort_keys=True) for lang, table in self.expansions.items()}

    def updated_line(self, meta: dict, hand_written: Path | None, lang: str) -> str:
        """"Terakhir diperbarui 28 November 2026" for the page, or "" if it has no date."""
        date = page_date(meta, hand_written)
        if date is None:
            return ""
        return self.memo(lambda: updated_line(date, lang), "updated", lang, date.isoformat())


def coverage_warnings(corpus: Corpus, crossref: CrossRef) -> list[str]:
    """One warning per recommendation that no section implements (fails a --strict build)."""
    return [
        f"recommendation {rec_id} ({corpus.recommendation(rec_id).title.id}) is implemented by no "
        f"guideline section; add it to a section's `implements`"
        for rec_id in crossref.uncovered
    ]


def _compute(content: Path, cache: Path | None, memo: buildcache.Memo) -> Prepared:
    from .abbreviations import expansions
    from .crossref import build_crossref
    from .model import LANGUAGES
    from .render import Renderer, keep_compiled_templates
    from .corpus import load_corpus

    if cache:
        keep_compiled_templates(cache / "templates")
    corpus = load_corpus(content)
    crossref = build_crossref(corpus)
    renderer = Renderer(corpus, crossref, memo)
    return Prepared(content, {page.path: page.markdown for page in renderer.pages()}, renderer.nav(),
                    coverage_warnings(corpus, crossref), {lang: expansions(corpus.terms, lang) for lang in LANGUAGES},
                    memo=memo, _corpus=corpus, _crossref=crossref)


def prepare(content: Path, docs: Path, staging: Path, cache: Path | None = None) -> Prepared:
    """Validate `content`, render every page and sync them with `docs` into `staging`.

    With `cache` (a folder), an unchanged content and code restore the previous
    build's pages instead. Raises `ContentErrors` before anything is written
    when the content is invalid.
    """
    content = Path(content)
    key = buildcache.key(content) if cache else None
    record = buildcache.load(cache, key) if cache else None
    memo = buildcache.Memo(cache)
    if record is None:
        prepared = _compute(content, cache, memo)
    else:
        prepared = Prepared(content, record["pages"], record["nav"], record["warnings"], record["expansions"],
                            record=record)
    prepared.cache, prepared.key, prepared.memo = cache, key, memo
    prepared.written = sync_folder(staging, docs, prepared.pages)
    return prepared


def _write_outputs(prepared: Prepared, site_dir: Path, pdf_cache: Path | None, site_url: str | None,
                   log: list[str]) -> list[Path]:
    from .exports import write_exports
    from .handbook import build_pdfs
    from .schema import write_schemas

    written = write_exports(prepared.corpus, prepared.crossref, site_dir) + write_schemas(site_dir / "schema")
    if pdf_cache is not None:
        pdfs = build_pdfs(prepared.corpus, site_dir, pdf_cache, site_url)
        log.append(f"PDFs: {len(pdfs.rendered)} rendered ({pdfs.pages} pages, {pdfs.pages_per_second:.1f} "
                   f"pages/s), {len(pdfs.cached)} from the cache")
        written += [site_dir / "pdf" / name for name in pdfs.rendered + pdfs.cached]
    return written


def finish(prepared: Prepared, site_dir: Path | str, pdf_cache: Path | None, site_url: str | None = None,
           search: bool = True) -> list[str]:
    """Once every language is built: open data, schemas, PDFs (unless `pdf_cache` is None), search.

    Returns lines for the build log. Raises `search.SearchIndexError` if Pagefind fails.
    """
    site_dir = Path(site_dir)
    log: list[str] = []
    variant = buildcache.variant(site_url, pdf_cache is not None)
    record = prepared.record or {}
    files = dict(record.get("files", {}))
    if variant in files and buildcache.restore_files(prepared.cache, prepared.key, variant, site_dir, files[variant]):
        pdfs = sum(name.startswith("pdf/") for name in files[variant])
        log.append(f"from the build cache: {len(files[variant]) - pdfs} open data and schema files, {pdfs} PDFs")
    else:
        written = _write_outputs(prepared, site_dir, pdf_cache, site_url, log)
        if prepared.cache:
            files[variant] = buildcache.keep_files(prepared.cache, prepared.key, variant, site_dir, written)
    if prepared.cache and files != record.get("files"):
        buildcache.store(prepared.cache, prepared.key, {
            "pages": prepared.pages, "nav": prepared.nav, "warnings": prepared.warnings,
            "expansions": prepared.expansions, "files": files})
    prepared.memo.store()
    if search:
        index = build_index(site_dir)
        log.append(f"search index: {index.pages} pages in {', '.join(index.languages)}")
    return log
