"""Glossary abbreviations marked up in finished page HTML, in the page's language.

Every occurrence of a glossary term in running text becomes
`<abbr title="expansion">TERM</abbr>`, so a reader sees what it stands for on
hover, or on tap (overrides/assets/abbr.js). Text inside links, code,
headings and existing `<abbr>` elements is left alone.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Term

SKIP = {"a", "abbr", "code", "pre", "script", "style", "textarea", "button", "svg",
        "h1", "h2", "h3", "h4", "h5", "h6", "title", "dialog"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>|<!--.*?-->", re.DOTALL)
_VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area", "base", "embed", "track"}


def expansions(terms: list[Term], lang: str) -> dict[str, str]:
    """Term → its expansion in `lang` (Indonesian where English is missing)."""
    return {t.term: t.expansion.get(lang) for t in terms}


@lru_cache(maxsize=8)
def _pattern(terms: frozenset[str]) -> re.Pattern | None:
    """One regex for the whole glossary, compiled once per glossary."""
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=lambda t: (-len(t), t)))
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])")


def mark_abbreviations(page_html: str, table: dict[str, str]) -> str:
    """Wrap each glossary term found in running text of `page_html` in an <abbr>."""
    pattern = _pattern(frozenset(table))
    if pattern is None:
        return page_html
    out: list[str] = []
    skipping: list[str] = []
    position = 0

    def text(chunk: str) -> str:
        if skipping or not chunk.strip():
            return chunk
        return pattern.sub(
            lambda m: f'<abbr title="{html.escape(table[m.group(1)], quote=True)}">{m.group(1)}</abbr>', chunk)

    for match in _TAG.finditer(page_html):
        out.append(text(page_html[position:match.start()]))
        out.append(match.group(0))
        position = match.end()
        if match.group(2) is None:  # a comment
            continue
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _VOID or self_closing:
            continue
        if closing:
            if skipping and skipping[-1] == name:
                skipping.pop()
        elif name in SKIP or skipping:
            skipping.append(name)
    out.append(text(page_html[position:]))
    return "".join(out)
