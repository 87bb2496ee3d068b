"""Cross-references computed from a whole corpus."""

from __future__ import annotations

from pedoman import build_crossref, load_corpus
from pedoman.data.exports import crossref_csv, crossref_data
from pedoman.urls import page_url, relative_url, site_root

from conftest import VALID


def test_sections_are_indexed_by_recommendation_agency_and_5k():
    corpus = load_corpus(VALID)
    xref = build_crossref(corpus)
    assert [(r.guideline.id, r.section.id, r.number) for r in xref.by_recommendation["R07"]] == [
        ("gt-uji", "pemantauan", 2)]
    assert [r.section.id for r in xref.matrix["R04", "gt-uji"]] == ["dasar-hukum"]
    assert ("R04", "layanan-uji") not in xref.matrix
    assert xref.agencies_by_recommendation["R08"] == ["pemprov", "polda"]  # register order
    assert [r.section.id for r in xref.agency_matrix["lpsk", "R06"]] == ["restitusi"]
    assert [r.section.id for r in xref.stakeholder_matrix["kota", "gt-uji"]] == ["dasar-hukum"]
    assert xref.agencies_in_use == ["pemprov", "polda", "lpsk", "uptd-ppa", "apindo"]
    assert xref.uncovered == []


def test_a_recommendation_nobody_implements_is_uncovered(corpus_dir):
    path = corpus_dir / "corporate-engagement" / "usaha-uji.yaml"
    path.write_text(path.read_text().replace("implements: [R11, R10]", "implements: [R11]"))
    xref = build_crossref(load_corpus(corpus_dir))
    assert xref.uncovered == ["R10"]
    assert xref.by_recommendation["R10"] == []


def test_exports_carry_both_languages_and_empty_english_as_null(corpus_dir):
    path = corpus_dir / "formation" / "gt-uji.yaml"
    path.write_text(path.read_text().replace("title: {id: Pemantauan, en: Monitoring}", "title: {id: Pemantauan}"))
    corpus = load_corpus(corpus_dir)
    data = crossref_data(corpus, build_crossref(corpus))
    r08 = next(r for r in data["recommendations"] if r["id"] == "R08")
    assert r08["sections"][0]["title"] == {"id": "Pemantauan", "en": None}
    csv_rows = crossref_csv(corpus, build_crossref(corpus)).splitlines()
    assert "gt-uji/pemantauan,Pemantauan,," in next(r for r in csv_rows if r.startswith("R08,"))


def test_urls_follow_the_i18n_layout():
    assert page_url("index", "id") == ""
    assert page_url("index", "en") == "en/"
    assert page_url("guidelines/index", "en") == "en/guidelines/"
    assert page_url("recommendations/r01", "id", "x") == "recommendations/r01/#x"
    assert relative_url("guidelines/formation/gt-uji", "recommendations/r01", "en") == "../../../recommendations/r01/"
    assert relative_url("recommendations/index", "recommendations/r02", "id") == "r02/"
    assert site_root("recommendations/index", "en") == "../../"
    assert site_root("index", "id") == "./"
