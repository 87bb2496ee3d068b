"""pedoman: structured YAML guidelines turned into a bilingual site, PDFs and open data.

Names are imported from their modules on first use, so `pedoman validate` does
not pay for importing the renderer, Babel or WeasyPrint.
"""

from __future__ import annotations

import importlib

from pedoman import codewatch

_EXPORTS = {
    "expansions": "presentation.abbreviations",
    "mark_abbreviations": "presentation.abbreviations",
    "CrossRef": "data.crossref",
    "build_crossref": "data.crossref",
    "BuildError": "errors",
    "ContentError": "errors",
    "ContentErrors": "errors",
    "write_exports": "data.exports",
    "HandbookReport": "print.pdfbuild",
    "build_pdfs": "print.pdfbuild",
    "edit_url": "site.pages",
    "write_schemas": "data.schema",
    "SearchIndexError": "site.search",
    "SearchReport": "site.search",
    "alternates": "site.sitemap",
    "write_sitemap": "site.sitemap",
    "Prepared": "build",
    "finish": "build",
    "prepare": "build",
    "stop_outputs": "build",
    "keep_compiled": "cachefolder",
    "read_settings": "settings",
    "Settings": "settings",
    "SettingsError": "settings",
    "Corpus": "content.corpus",
    "load_corpus": "content.corpus",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'pedoman' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value
