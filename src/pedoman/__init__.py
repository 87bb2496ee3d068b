"""pedoman: structured YAML guidelines turned into a bilingual site, PDFs and open data.

Names are imported from their modules on first use, so `pedoman validate` does
not pay for importing the renderer, Babel or WeasyPrint.
"""

from __future__ import annotations

import importlib

from . import codewatch  # first: its digest of the package's files predates every other module

_EXPORTS = {
    "expansions": "abbreviations",
    "mark_abbreviations": "abbreviations",
    "CrossRef": "crossref",
    "build_crossref": "crossref",
    "BuildError": "errors",
    "ContentError": "errors",
    "ContentErrors": "errors",
    "write_exports": "exports",
    "HandbookReport": "handbook",
    "build_pdfs": "handbook",
    "edit_url": "pages",
    "write_schemas": "schema",
    "SearchIndexError": "search",
    "SearchReport": "search",
    "alternates": "sitemap",
    "write_sitemap": "sitemap",
    "Prepared": "site",
    "finish": "site",
    "prepare": "site",
    "start_pdfs": "site",
    "stop_pdfs": "site",
    "read_settings": "settings",
    "Settings": "settings",
    "SettingsError": "settings",
    "Corpus": "corpus",
    "load_corpus": "corpus",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'pedoman' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value
