"""The legal basis, references, change history, what's new and feeds as the built site shows them."""

from __future__ import annotations

import datetime
import json
import shutil

import feedparser
import pytest
from pypdf import PdfReader

from pedoman import load_corpus
from pedoman.content.legal import citations

from conftest import VALID, build_site
from sitecheck import soup


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = tmp_path_factory.mktemp("legal-site")
    content = project / "guidelines"
    shutil.copytree(VALID, content)
    build = build_site(project, content, pedoman={"pdf": True})
    assert build.returncode == 0, build.output
    return build.site


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_legal_page_table_matches_the_citations(site, prefix):
    corpus = load_corpus(VALID)
    cited = citations(corpus)
    html = soup(site, prefix + "legal/")
    rows = html.select("table.pd-legal tbody tr")
    assert [r["id"] for r in rows] == list(corpus.regulations)
    for row in rows:
        shown = [a["data-guideline"] for a in row.select("a.pd-cited-by")]
        assert shown == [g.id for g, _ in cited[row["id"]]], row["id"]
        for a in row.select("a.pd-cited-by"):
            assert a["href"].endswith("#references")
    status = {r["id"]: r.select("td")[0].get_text(strip=True) for r in rows}
    assert status["perban-bp2mi-9-2020"] == ("diganti (diganti dengan Permen 17/2025)" if not prefix
                                             else "replaced (replaced by Permen 17/2025)")
    due = [a["href"] for a in html.select(".pd-legal-due a")]
    assert "#pp-9-2008" in due  # checked on 2024-06-01: listed, and the build did not fail
    cited_by = " ".join(r.get_text(" ", strip=True) for r in rows)
    assert ("(Pasal 11)" in cited_by) == (not prefix) and ("(Article 11)" in cited_by) == bool(prefix)
    changed = [r["id"] for r in html.select("table.pd-institutions tbody tr")]
    assert changed == ["agency-dinas-lama"]


def test_a_guideline_prints_its_references_from_the_register_with_status(site):
    html = soup(site, "en/guidelines/victim-assistance/layanan-uji/")
    items = [li.get_text(" ", strip=True) for li in html.select("ol.pd-references li")]
    assert items[1].startswith("Presidential Regulation No. 69 of 2008 on Anti-Trafficking Task Force")
    assert "as amended by Perpres 49/2023, Article 11" in items[1]  # the register writes "Pasal 11"
    assert items[0].startswith("Government Regulation No. 9 of 2008") and "[in force]" in items[0]
    assert "[in force as amended]" in items[1]
    link = html.select("ol.pd-references li a")[1]["href"]
    assert link.endswith("legal/#perpres-69-2008")


@pytest.mark.parametrize("prefix,lang", [("", "id"), ("en/", "en")])
def test_change_history_and_whats_new_in_both_languages(site, prefix, lang):
    page = soup(site, prefix + "guidelines/formation/gt-uji/")
    assert page.find(id="changes") is not None
    rows = page.select("table.pd-changes tbody tr")
    assert [r.select("td")[0].get_text(strip=True) for r in rows] == ["1.0"]
    new = soup(site, prefix + "whats-new/")
    dates = [t["datetime"] for t in new.select("table.pd-whats-new time")]
    assert dates == sorted(dates, reverse=True) and len(dates) == 4
    feed_link = new.select_one("a.pd-feed")["href"]
    feed = feedparser.parse((site / (prefix + "feed.xml")).read_bytes())
    assert not feed.bozo and feed.feed.language == lang
    assert feed_link.endswith(prefix + "feed.xml")
    assert [datetime.date(*e.updated_parsed[:3]).isoformat() for e in feed.entries] == dates


def test_open_data_of_the_register(site):
    data = json.loads((site / "data" / "regulations.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in data["regulations"]] == list(load_corpus(VALID).regulations)
    crossref = json.loads((site / "data" / "crossref.json").read_text(encoding="utf-8"))
    assert {g["id"]: [c["regulation"] for c in g["cites"]] for g in crossref["guidelines"]}["gt-uji"] == ["uu-21-2007"]


def test_a_guideline_pdf_shows_its_change_history_and_amended_references(site):
    for lang, heading, amended in (("id", "Riwayat perubahan", "sebagaimana telah diubah dengan"),
                                   ("en", "Change history", "as amended by")):
        text = "\n".join(page.extract_text() for page in PdfReader(site / "pdf" / f"layanan-uji.{lang}.pdf").pages)
        assert heading in text
        assert amended in " ".join(text.split())
        assert "First version." in text or "Versi pertama." in text
