"""Change history: newest first across the corpus, and an Atom feed per language read by a real client."""

from __future__ import annotations

import datetime

import feedparser

from pedoman import load_corpus
from pedoman.site.feeds import atom_feed, write_feeds
from pedoman.content.changes import entries
from pedoman.presentation.words import CATALOGUE

from conftest import ROOT, VALID


def test_entries_are_newest_first():
    corpus = load_corpus(ROOT / "guidelines")
    listed = entries(corpus)
    dates = [e.change.date for e in listed]
    assert dates == sorted(dates, reverse=True)
    assert len(listed) == sum(len(g.changes) for g in corpus.guidelines)
    assert all(g.changes[0].version == g.version and g.changes[0].date == g.updated for g in corpus.guidelines)


def test_each_language_has_a_feed_a_client_reads_newest_first(tmp_path):
    corpus = load_corpus(VALID)
    paths = write_feeds(corpus, tmp_path, "https://example.org/pedoman/")
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == ["feed.xml", "en/feed.xml"]
    for lang, path in zip(("id", "en"), paths):
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert feed.version == "atom10"
        assert feed.feed.title == CATALOGUE[lang]["feed_title"]
        assert feed.feed.language == lang
        updated = [datetime.date(*e.updated_parsed[:3]) for e in feed.entries]
        assert updated == sorted(updated, reverse=True)
        newest = feed.entries[0]
        assert updated[0] == max(g.updated for g in corpus.guidelines)
        assert newest.link.startswith("https://example.org/pedoman/" + ("en/" if lang == "en" else "") + "guidelines/")
        assert newest.link.endswith("/#changes")
        assert len({e.id for e in feed.entries}) == len(feed.entries) == 4


def test_the_shipped_feed_lists_the_newest_version_first():
    corpus = load_corpus(ROOT / "guidelines")
    feed = feedparser.parse(atom_feed(corpus, "en", CATALOGUE["en"]))
    assert not feed.bozo
    newest = max(g.updated for g in corpus.guidelines)
    assert datetime.date(*feed.entries[0].updated_parsed[:3]) == newest
    first = next(e for e in entries(corpus) if e.change.date == newest)
    assert feed.entries[0].summary == first.change.note.en
    assert feed.entries[0].link == "guidelines/" + first.guideline.kind + "/" + first.guideline.id + "/#changes"


def test_every_page_names_the_feed_of_its_language(fixture_site):
    from urllib.parse import urljoin

    from bs4 import BeautifulSoup

    for prefix, lang in (("", "id"), ("en/", "en")):
        for path in ("", "guidelines/formation/gt-uji/"):
            page = fixture_site.site / prefix / path / "index.html"
            link = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find(
                "link", type="application/atom+xml")
            assert link and link["rel"] == ["alternate"], page
            target = urljoin(f"http://site/{prefix}{path}", link["href"])
            feed = feedparser.parse((fixture_site.site / target.removeprefix("http://site/")).read_bytes())
            assert feed.feed.language == lang and link["title"] == CATALOGUE[lang]["feed_title"]
