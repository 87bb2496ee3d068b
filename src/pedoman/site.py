"""From a content folder to what the site build needs: pages, navigation, warnings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .crossref import CrossRef, build_crossref
from .exports import write_exports
from .handbook import build_pdfs
from .render import Renderer
from .schema import write_schemas
from .search import build_index
from .staging import sync_folder
from .validate import Corpus, load_corpus


@dataclass
class Prepared:
    corpus: Corpus
    crossref: CrossRef
    nav: list
    warnings: list[str]
    written: int


def coverage_warnings(corpus: Corpus, crossref: CrossRef) -> list[str]:
    """One warning per recommendation that no section implements (fails a --strict build)."""
    return [
        f"recommendation {rec_id} ({corpus.recommendation(rec_id).title.id}) is implemented by no "
        f"guideline section; add it to a section's `implements`"
        for rec_id in crossref.uncovered
    ]


def prepare(content: Path, docs: Path, staging: Path) -> Prepared:
    """Validate `content`, render every page and sync them with `docs` into `staging`.

    Raises `ContentErrors` before anything is written when the content is invalid.
    """
    corpus = load_corpus(content)
    crossref = build_crossref(corpus)
    renderer = Renderer(corpus, crossref)
    pages = {page.path: page.markdown for page in renderer.pages()}
    written = sync_folder(staging, docs, pages)
    return Prepared(corpus, crossref, renderer.nav(), coverage_warnings(corpus, crossref), written)


def finish(prepared: Prepared, site_dir: Path | str, pdf_cache: Path | None, site_url: str | None = None,
           search: bool = True) -> list[str]:
    """Once every language is built: open data, schemas, PDFs (unless `pdf_cache` is None), search.

    Returns lines for the build log. Raises `search.SearchIndexError` if Pagefind fails.
    """
    site_dir = Path(site_dir)
    write_exports(prepared.corpus, prepared.crossref, site_dir)
    write_schemas(site_dir / "schema")
    log = []
    if pdf_cache is not None:
        pdfs = build_pdfs(prepared.corpus, site_dir, pdf_cache, site_url)
        log.append(f"PDFs: {len(pdfs.rendered)} rendered ({pdfs.pages} pages, {pdfs.pages_per_second:.1f} "
                   f"pages/s), {len(pdfs.cached)} from the cache")
    if search:
        index = build_index(site_dir)
        log.append(f"search index: {index.pages} pages in {', '.join(index.languages)}")
    return log
