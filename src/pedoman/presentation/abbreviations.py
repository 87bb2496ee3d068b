"""Glossary abbreviations marked up in finished page HTML, in the page's language.

Every occurrence of a glossary term in running text becomes
`<abbr title="expansion">TERM</abbr>`, so a reader sees what it stands for on
hover, on tap or on keyboard focus (overrides/assets/abbr.js). Text inside links, code,
headings and existing `<abbr>` elements is left alone.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pedoman.content.registers import Term

SKIP = ("a", "abbr", "code", "pre", "script", "style", "textarea", "button", "svg",
        "h1", "h2", "h3", "h4", "h5", "h6", "title", "dialog")
_LEFT_ALONE = (rf"(?P<skip><(?i:(?P<tag>{'|'.join(SKIP)}))\b[^>]*(?<!/)>.*?</(?i:(?P=tag))\s*>"
               r"|<!--.*?-->)")
"""An element whose text is left alone (up to its first closing tag), or a comment."""
_IN_TEXT = r"(?![^<]*>)"
"""Not inside a tag: no `>` comes before the next `<`."""


def expansions(terms: list[Term], lang: str) -> dict[str, str]:
    """Term → its expansion in `lang` (Indonesian where English is missing)."""
    return {t.term: t.expansion.get(lang) for t in terms}


@lru_cache(maxsize=8)
def _pattern(terms: frozenset[str]) -> re.Pattern | None:
    """One regex for the whole glossary, compiled once per glossary: it matches either
    a stretch to leave alone or a term in running text, so one scan in C does a page.
    The leading lookahead lets the scan skip every character that starts neither."""
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=lambda t: (-len(t), t)))
    starts = "".join(sorted({re.escape(t[0]) for t in terms}))
    # A term is a whole word of running text: not a part of a longer word, nor of a character
    # reference (a term "amp" must leave "&amp;" alone).
    return re.compile(rf"(?=[<{starts}])(?:{_LEFT_ALONE}|(?<![\w&#-])(?P<term>{alternatives})(?![\w-]){_IN_TEXT})",
                      re.DOTALL)


def mark_abbreviations(page_html: str, table: dict[str, str]) -> str:
    """Wrap each glossary term found in running text of `page_html` in an <abbr>."""
    return _marked(page_html, frozenset(table.items()))


@lru_cache(maxsize=512)
def _marked(page_html: str, table_items: frozenset[tuple[str, str]]) -> str:
    """Kept for the page's exact HTML and glossary: the live preview builds every page again
    on each save, and most pages come out as they were."""
    table = dict(table_items)
    pattern = _pattern(frozenset(table))
    if pattern is None:
        return page_html

    def mark(match: re.Match) -> str:
        term = match.group("term")
        if term is None:
            return match.group(0)
        # tabindex: a keyboard reaches it and its expansion shows on focus (overrides/assets/abbr.js)
        return f'<abbr title="{html.escape(table[term], quote=True)}" tabindex="0">{html.escape(term, quote=False)}</abbr>'

    return pattern.sub(mark, page_html)
