"""The legal register's upkeep: `pedoman legal` lists what is due for a check and never fails."""

from __future__ import annotations

import datetime

from pedoman import load_corpus
from pedoman.cli import main
from pedoman.data.crossref import build_crossref
from pedoman.data.exports import crossref_data
from pedoman.content.legal import citations, regulations_data, stale, stale_before

from conftest import VALID


def test_twelve_months_back():
    assert stale_before(datetime.date(2026, 11, 30)) == datetime.date(2025, 11, 30)
    assert stale_before(datetime.date(2028, 2, 29)) == datetime.date(2027, 2, 28)


def test_an_old_check_is_listed_and_does_not_fail(capsys):
    assert main(["legal", "--content", str(VALID), "--today", "2026-12-01"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("regulations.yaml: pp-9-2008: status last checked 2024-06-01, more than 12 months ago; "
                           "cited by layanan-uji")
    assert out[-1].startswith("1 of 8 instruments due for a check")


def test_time_passing_lists_more_but_still_exits_0(capsys):
    assert main(["legal", "--content", str(VALID), "--today", "2030-01-01"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("8 of 8 instruments due for a check")
    assert main(["validate", str(VALID)]) == 0


def test_citations_follow_the_register():
    corpus = load_corpus(VALID)
    cited = citations(corpus)
    assert [g.id for g, _ in cited["uu-21-2007"]] == ["gt-uji"]
    assert [ref.article for _, ref in cited["perpres-69-2008"]] == ["Pasal 11"]
    assert cited["perban-bp2mi-9-2020"] == []
    assert [r.id for r in stale(corpus, datetime.date(2026, 11, 30))] == ["pp-9-2008"]


def test_bad_date_is_a_usage_error(capsys):
    assert main(["legal", "--content", str(VALID), "--today", "30-11-2026"]) == 2
    assert "expects a date written as YYYY-MM-DD" in capsys.readouterr().err



def test_the_open_data_lists_every_instrument_with_who_cites_it():
    data = regulations_data(load_corpus(VALID))["regulations"]
    by_id = {r["id"]: r for r in data}
    assert len(data) == 8
    assert by_id["perban-bp2mi-9-2020"]["status"] == "replaced"
    assert by_id["perban-bp2mi-9-2020"]["replaced_by"] == "permen-p2mi-17-2025"
    assert by_id["uu-21-2007"]["cited_by"] == [{
        "guideline": "gt-uji", "article": "Pasal 58",
        "url": {"id": "guidelines/formation/gt-uji/#references", "en": "en/guidelines/formation/gt-uji/#references"}}]
    assert by_id["pp-9-2008"]["checked"] == "2024-06-01"


def test_the_crossref_data_names_each_guidelines_instruments():
    corpus = load_corpus(VALID)
    data = crossref_data(corpus, build_crossref(corpus))
    cites = {g["id"]: g["cites"] for g in data["guidelines"]}
    assert cites["layanan-uji"] == [{"regulation": "pp-9-2008", "article": None},
                                    {"regulation": "perpres-69-2008", "article": "Pasal 11"}]


def test_the_shipped_register_holds_every_instrument_the_corpus_cites_with_status_and_date():
    corpus = load_corpus(VALID.parents[2] / "guidelines")
    cited = citations(corpus)
    assert all(r.checked and r.status and r.published for r in corpus.regulations.values())
    for rid in ("uu-21-2007", "uu-18-2017", "uu-1-2023", "perpres-55-2024", "permen-pppa-10-2012",
                "permen-p2mi-17-2025", "perpres-69-2008"):
        assert cited[rid], rid
    assert corpus.regulations["uu-18-2017"].amended_by == ["uu-6-2023"]
    assert corpus.regulations["perban-bp2mi-9-2020"].replaced_by == "permen-p2mi-17-2025"
    assert not cited["perban-bp2mi-9-2020"]


def test_the_build_date_follows_source_date_epoch(monkeypatch):
    """An old commit rebuilt with SOURCE_DATE_EPOCH lists the instruments due on its own day."""
    corpus = load_corpus(VALID)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime.datetime(2025, 5, 1, tzinfo=datetime.timezone.utc).timestamp())))
    assert stale(corpus) == []
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime.datetime(2026, 11, 30, tzinfo=datetime.timezone.utc).timestamp())))
    assert [r.id for r in stale(corpus)] == ["pp-9-2008"]
