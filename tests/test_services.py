"""The services register: `pedoman services` lists the entries due for a check and never fails; the
page, the guidelines and the open data show the register as it is."""

from __future__ import annotations

import datetime

from pedoman import load_corpus
from pedoman.cli import main
from pedoman.content.registers import PROVINCIAL_KINDS
from pedoman.content.services import by_province, citations, due, services_data

from conftest import ROOT, VALID


def test_an_entry_not_checked_for_six_months_is_listed_and_does_not_fail(capsys):
    assert main(["services", "--content", str(VALID), "--today", "2026-12-02"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{VALID / 'services.yaml'}: polisi-110: last checked 2026-03-01, more than 6 months ago; cited by no guideline",
        "1 of 4 services due for a check of their contacts (as of 2026-12-02); this never fails a build",
    ]


def test_time_passing_lists_more_but_still_exits_0(capsys):
    assert main(["services", "--content", str(VALID), "--today", "2030-01-01"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1].startswith("4 of 4 services due for a check")
    assert out[2].endswith("sapa-129: last checked 2026-11-30, more than 6 months ago; cited by layanan-uji")


def test_six_months_is_judged_to_the_day():
    corpus = load_corpus(VALID)
    assert [s.id for s in due(corpus, datetime.date(2026, 9, 1))] == []  # checked 2026-03-01: six months ago today
    assert [s.id for s in due(corpus, datetime.date(2026, 9, 2))] == ["polisi-110"]


def test_a_bad_date_is_a_usage_error(capsys):
    assert main(["services", "--content", str(VALID), "--today", "2-12-2026"]) == 2
    assert "expects a date written as YYYY-MM-DD" in capsys.readouterr().err


def test_citations_and_provinces_follow_the_register():
    corpus = load_corpus(VALID)
    cited = citations(corpus)
    assert [(g.id, s.id) for g, s in cited["sapa-129"]] == [("layanan-uji", "identifikasi")]
    assert cited["polisi-110"] == []
    provinces = {p.id: ([s.id for s in entries], missing) for p, entries, missing in by_province(corpus)}
    assert provinces == {"ntt": (["uptd-ppa-ntt", "rumah-aman-lama"], ["migrant-workers"]),
                         "maluku": ([], list(PROVINCIAL_KINDS))}


def test_the_open_data_lists_every_service_with_its_contacts_source_and_citations():
    data = services_data(load_corpus(VALID))
    assert [p["id"] for p in data["provinces"]] == ["ntt", "maluku"]
    by_id = {s["id"]: s for s in data["services"]}
    assert by_id["sapa-129"]["contacts"]["whatsapp"] == "08111-129-129"
    assert by_id["sapa-129"]["cited_by"] == [{
        "guideline": "layanan-uji", "section": "identifikasi",
        "url": {"id": "guidelines/victim-assistance/layanan-uji/#identifikasi",
                "en": "en/guidelines/victim-assistance/layanan-uji/#identifikasi"}}]
    assert by_id["sapa-129"]["url"] == {"id": "services/#sapa-129", "en": "en/services/#sapa-129"}
    assert by_id["uptd-ppa-ntt"]["status"] == "changed" and by_id["uptd-ppa-ntt"]["province"] == "ntt"
    assert by_id["polisi-110"]["sources"][0]["url"] == "https://contoh.go.id/110"


def test_the_shipped_register_has_a_source_and_check_for_every_entry_and_is_cited():
    corpus = load_corpus(ROOT / "guidelines")
    assert all(s.sources and s.checked for s in corpus.services.values())
    assert {"sapa-129", "polri-110", "lpsk", "kp2mi-pengaduan", "peduli-wni"} <= set(corpus.services)
    cited = citations(corpus)
    for guideline in ("pendampingan-pemulihan-korban", "korban-anak", "korban-penipuan-daring",
                      "korban-laki-laki-dewasa", "direktori-rujukan"):
        assert any(g.id == guideline for users in cited.values() for g, _ in users), guideline
    assert [p.id for p, entries, _ in by_province(corpus) if not entries] == ["maluku"]
