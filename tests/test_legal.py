"""The legal register's upkeep: `pedoman legal` lists what is due for a check and never fails."""

from __future__ import annotations

import datetime

from pedoman import load_corpus
from pedoman.cli import main
from pedoman.legal import citations, stale, stale_before

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
