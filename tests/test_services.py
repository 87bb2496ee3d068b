"""The services register: `pedoman services` lists the entries due for a check and never fails; the
page, the guidelines and the open data show the register as it is."""

from __future__ import annotations

import datetime
import json

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


# --- the built site ------------------------------------------------------------------------------

import shutil  # noqa: E402

import pytest  # noqa: E402

from conftest import build_site  # noqa: E402
from sitecheck import soup  # noqa: E402


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = tmp_path_factory.mktemp("services-site")
    content = project / "guidelines"
    shutil.copytree(VALID, content)
    build = build_site(project, content)
    assert build.returncode == 0, build.output
    return build.site


@pytest.mark.parametrize("prefix,title,none", [("", "Layanan rujukan", "Belum ada entri bersumber untuk"),
                                               ("en/", "Referral services", "No sourced entry yet for")])
def test_the_page_lists_national_channels_then_each_province_with_tap_to_call_links(site, prefix, title, none):
    html = soup(site, prefix + "services/")
    assert html.select_one("h1").get_text(strip=True).rstrip("¶") == title
    national = [a["id"] for a in html.select("#national ~ article.pd-service")][:2]
    assert national == ["sapa-129", "polisi-110"]
    sapa = html.select_one("article#sapa-129")
    assert [a["href"] for a in sapa.select(".pd-ways a")] == ["tel:129", "https://wa.me/628111129129"]
    assert [a["href"] for a in sapa.select("a.pd-cited-by")] == [
        "../guidelines/victim-assistance/layanan-uji/#identifikasi"]
    assert html.select_one("article#uptd-ppa-ntt .pd-ways a")["href"] == "mailto:uptdppa@ntt.go.id"
    assert "pd-service--changed" in html.select_one("article#uptd-ppa-ntt")["class"]
    missing = {p["data-province"]: p.get_text(" ", strip=True) for p in html.select("p.pd-service-missing")}
    assert set(missing) == {"ntt", "maluku"} and all(text.startswith(none) for text in missing.values())
    assert html.find(id="province-maluku") is not None
    assert [a["href"] for a in html.select(".pd-services-due a")] == ["#polisi-110"]  # checked 2026-03-01


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_section_links_the_services_it_cites_with_their_numbers(site, prefix):
    html = soup(site, prefix + "guidelines/victim-assistance/layanan-uji/")
    cited = html.select('[data-section="layanan-uji/identifikasi"] .pd-section-services')[0]
    assert [a["href"] for a in cited.select("a.pd-service-link")] == ["../../../services/#sapa-129",
                                                                     "../../../services/#uptd-ppa-ntt"]
    assert [a["href"] for a in cited.select("a.pd-way")] == ["tel:129", "https://wa.me/628111129129"]


def test_the_page_is_in_the_navigation_and_the_open_data(site):
    for prefix, title in (("", "Layanan rujukan"), ("en/", "Referral services")):
        nav = soup(site, prefix).select_one(".md-nav--primary").get_text(" ", strip=True)
        assert title in nav
    assert soup(site, "en/services/").select_one(".pd-open-data a")["href"] == "../../data/services.json"
    data = json.loads((site / "data" / "services.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in data["services"]] == list(load_corpus(VALID).services)


def test_the_handbook_prints_a_sections_services_with_their_numbers():
    from pedoman.print.handbook import render_html

    corpus = load_corpus(VALID)
    g = next(g for g in corpus.guidelines if g.id == "layanan-uji")
    html = render_html(corpus, [g], "en")
    assert ("<strong>Referral services:</strong> SAPA 129 (129, WhatsApp 08111-129-129); "
            "Provincial UPTD PPA of East Nusa Tenggara</p>") in html
