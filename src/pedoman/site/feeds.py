"""An Atom feed per language of what changed: `feed.xml` (Indonesian, at the site root) and
`en/feed.xml` (English), so trainers can subscribe and see what changed since the PDF they printed.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pedoman import urls
from pedoman.content.changes import entries
from pedoman.content.model import LANGUAGES

if TYPE_CHECKING:
    from pedoman.content.corpus import Corpus

FEED_NAME = "feed.xml"



def feed_path(lang: str) -> str:
    """Where a language's feed sits, relative to the site root."""
    return FEED_NAME if lang == urls.DEFAULT_LANGUAGE else f"{lang}/{FEED_NAME}"


def _link(key: str, lang: str, site_url: str | None, anchor: str | None = None) -> str:
    """A page's address as the feed gives it: absolute with a site address, else relative to the feed."""
    path = urls.page_url(key, lang, anchor)
    if site_url:
        return site_url.rstrip("/") + "/" + path
    prefix = "" if lang == urls.DEFAULT_LANGUAGE else f"{lang}/"
    return path[len(prefix):] or "./"


def _moment(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc)


def atom_feed(corpus: Corpus, lang: str, words, site_url: str | None = None) -> bytes:
    """The Atom feed of `lang`: one entry per change, newest first."""
    from feedgen.feed import FeedGenerator

    listed = entries(corpus)
    feed = FeedGenerator()
    base = (site_url.rstrip("/") + "/") if site_url else "urn:pedoman:"
    feed.id(base + feed_path(lang))
    feed.title(words["feed_title"])
    feed.subtitle(words["whats_new_intro"])
    feed.language(lang)
    feed.link(href=_link(urls.WHATS_NEW, lang, site_url), rel="alternate")
    if site_url:
        feed.link(href=base + feed_path(lang), rel="self")
    feed.updated(_moment(listed[0].change.date if listed else corpus.source.date))
    for e in listed:
        g, c = e.guideline, e.change
        key = urls.guideline_key(g.kind, g.id)
        item = feed.add_entry(order="append")
        item.id(f"{base}{urls.page_url(key, lang)}#{words['version'].lower()}-{c.version}")
        item.title(f"{g.title.get(lang)} · {words['version']} {c.version}")
        item.link(href=_link(key, lang, site_url, "changes"))
        item.updated(_moment(c.date))
        item.published(_moment(c.date))
        item.summary(c.note.get(lang))
        item.category(term=g.kind, label=words[g.kind])
    return feed.atom_str(pretty=True)


def write_feeds(corpus: Corpus, site_dir: Path | str, site_url: str | None = None) -> list[Path]:
    """Write `feed.xml` and `en/feed.xml` into the built site."""
    from pedoman.presentation.words import CATALOGUE

    written = []
    for lang in LANGUAGES:
        path = Path(site_dir) / feed_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(atom_feed(corpus, lang, CATALOGUE[lang], site_url))
        written.append(path)
    return written
