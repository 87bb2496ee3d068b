"""From a content folder to what the site build needs: pages, navigation, warnings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .crossref import CrossRef, build_crossref
from .render import Renderer
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
