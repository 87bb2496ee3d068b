"""pedoman: structured YAML guidelines turned into a bilingual site, PDFs and open data."""

from .abbreviations import expansions, mark_abbreviations
from .crossref import CrossRef, build_crossref
from .errors import ContentError, ContentErrors
from .exports import write_exports
from .handbook import HandbookReport, build_pdfs
from .pages import edit_url, updated_line
from .schema import write_schemas
from .search import SearchIndexError, SearchReport, build_index
from .site import Prepared, finish, prepare
from .validate import Corpus, load_corpus

__all__ = [
    "ContentError",
    "ContentErrors",
    "HandbookReport",
    "Corpus",
    "CrossRef",
    "Prepared",
    "SearchIndexError",
    "SearchReport",
    "build_crossref",
    "build_index",
    "build_pdfs",
    "edit_url",
    "expansions",
    "finish",
    "load_corpus",
    "mark_abbreviations",
    "updated_line",
    "write_schemas",
    "prepare",
    "write_exports",
]
