"""Content text as safe HTML, in a page's language, for every output that prints HTML (the site and the PDFs).

A short text is escaped; a Markdown body goes through `markdown.render_markdown`
(raw HTML shown as text, then nh3's allow-list); an English field that has no
translation shows the Indonesian text under a visible notice.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from pedoman.content.model import Text
from pedoman.presentation.markdown import render_markdown
from pedoman.presentation.words import CATALOGUE


def text_html(value: Text | None, lang: str) -> Markup:
    """A short text, escaped; an untranslated one shows the Indonesian text, marked."""
    if value is None:
        return Markup("")
    if value.missing(lang):
        return Markup('<span class="pd-untranslated" lang="id" title="{}">{}</span>').format(
            CATALOGUE[lang]["untranslated"], value.id)
    return escape(value.get(lang))


def body_html(value: Text, lang: str) -> Markup:
    """A Markdown text as safe HTML; an untranslated one sits under a visible notice."""
    html = Markup(render_markdown(value.get(lang)))
    if value.missing(lang):
        return Markup(
            '<div class="pd-untranslated-block"><p class="pd-untranslated-note">{}</p>'
            '<div lang="id">{}</div></div>').format(CATALOGUE[lang]["untranslated"], html)
    return html
