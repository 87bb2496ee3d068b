"""A whole bilingual site built with `mkdocs build --strict` in tmp_path, checked page by page."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import FIXTURES, VALID, build_site
from sitecheck import html_pages, internal_links, resolves, soup

GUIDELINES = {
    "formation/gt-uji", "victim-assistance/layanan-uji",
    "cooperation/kerja-sama-uji", "corporate-engagement/usaha-uji",
}
KINDS = ["formation", "victim-assistance", "cooperation", "corporate-engagement"]


def expected_pages(prefix: str) -> set[str]:
    pages = {"index.html", "about/index.html", "how-to-read/index.html", "glossary/index.html",
             "contribute/index.html", "translations/index.html", "legal/index.html", "whats-new/index.html",
             "drafting-kit/index.html", "services/index.html", "training/index.html", "training/gt-uji/index.html",
             "guidelines/index.html", "recommendations/index.html",
             "recommendations/agencies/index.html", "recommendations/stakeholders/index.html",
             "recommendations/coverage/index.html"}
    pages |= {f"guidelines/{kind}/index.html" for kind in KINDS}
    pages |= {f"guidelines/{g}/index.html" for g in GUIDELINES}
    pages |= {f"recommendations/r{i:02d}/index.html" for i in range(1, 13)}
    return {prefix + p for p in pages}


def test_exactly_the_expected_pages_in_both_languages(fixture_site):
    assert html_pages(fixture_site.site) == expected_pages("") | expected_pages("en/") | {"404.html", "en/404.html"}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_page_has_its_language_and_a_switcher_to_the_same_page(fixture_site, lang):
    prefix = "" if lang == "id" else "en/"
    other_prefix = "en/" if lang == "id" else ""
    for page in sorted(expected_pages(prefix)):
        url = page.removesuffix("index.html")
        html = soup(fixture_site.site, url)
        assert html.html["lang"] == lang, page
        other = [a for a in html.select("a.md-select__link[hreflang]") if a["hreflang"] != lang]
        assert len(other) == 1, page
        target = internal_links_of(other[0], url)
        assert target == other_prefix + url.removeprefix(prefix), page


def internal_links_of(anchor, url):
    from urllib.parse import urljoin, urlparse
    return urlparse(urljoin("http://site/" + url, anchor["href"])).path.lstrip("/")


def test_every_internal_link_resolves(fixture_site):
    broken = []
    for page in sorted(html_pages(fixture_site.site)):
        url = "" if page == "index.html" else page.removesuffix("index.html")
        if page == "404.html":
            continue
        for link in internal_links(fixture_site.site, url):
            if not resolves(fixture_site.site, link):
                broken.append(f"{page} -> {link}")
    assert broken == []


@pytest.mark.parametrize(("prefix", "title"), [("", "Panduan pembentukan dan penguatan GT"),
                                               ("en/", "Forming and strengthening task forces")])
def test_matrix_has_a_row_per_guideline_and_a_column_per_recommendation(fixture_site, prefix, title):
    page = prefix + "recommendations/"
    html = soup(fixture_site.site, page)
    headers = html.select("table thead th")[1:]
    assert [th.get_text(strip=True) for th in headers] == [f"R{i:02d}" for i in range(1, 13)]
    # the short id's text alternative is the whole recommendation, also set out in the legend
    assert headers[0].a["aria-label"] == f"R01: {title}"
    legend = dict(zip([dt.get_text(strip=True) for dt in html.select("dl.pd-legend dt")],
                      [dd.get_text(" ", strip=True) for dd in html.select("dl.pd-legend dd")]))
    assert list(legend) == [f"R{i:02d}" for i in range(1, 13)] and title in legend["R01"]
    rows = html.select("table tbody tr")
    assert sorted(r.get("id") for r in rows[:-1]) == sorted(g.split("/")[1] for g in GUIDELINES)
    # R01 is implemented by gt-uji section 1 only: one link, in the R01 column of gt-uji's row, total 1
    gt_uji = html.select_one("tr#gt-uji")
    cells = gt_uji.find_all("td")
    assert len(cells) == 12
    assert [a["href"] for a in cells[0].select("a")] == ["../guidelines/formation/gt-uji/#dasar-hukum"]
    assert [a["href"] for r in rows[:-1] for a in r.find_all("td")[0].select("a")] == [
        "../guidelines/formation/gt-uji/#dasar-hukum"]
    assert rows[-1].find_all("td")[0].get_text() == "1"
    for row in rows:
        for a in row.select("a"):
            assert resolves(fixture_site.site, internal_links_of(a, page))


@pytest.mark.parametrize(("prefix", "text"), [
    ("", "Perlu ada panduan model pendampingan dan pemulihan korban TPPO sampai paripurna;"),
    ("en/", "A guideline is needed on a model for assisting trafficking victims"),
])
def test_recommendation_page_gives_text_agencies_and_sections(fixture_site, prefix, text):
    page = prefix + "recommendations/r05/"
    html = soup(fixture_site.site, page)
    assert text in html.select_one("blockquote.pd-rec-text").get_text()
    section_links = [internal_links_of(a, page) for a in html.select(".pd-implementing ul a")]
    assert section_links == [prefix + "guidelines/victim-assistance/layanan-uji/"]
    assert html.select_one(".pd-implementing ul a").get("href").endswith("#identifikasi")
    agencies = [li.get_text() for li in html.select(".pd-agencies li")]
    expected = "UPTD Perlindungan Perempuan dan Anak" if prefix == "" else "Technical unit for the protection"
    assert len(agencies) == 1 and agencies[0].startswith(expected)


def test_each_section_shows_the_recommendations_it_implements(fixture_site):
    page = "guidelines/formation/gt-uji/"
    html = soup(fixture_site.site, page)
    section = html.find(id="pemantauan").find_next("div", class_="pd-section")
    links = section.select_one(".pd-implements").select("a")
    assert [a.get_text() for a in links] == ["R08", "R07"]
    assert [internal_links_of(a, page) for a in links] == ["recommendations/r08/", "recommendations/r07/"]


def test_missing_english_shows_indonesian_under_a_notice(fixture_site):
    en = soup(fixture_site.site, "en/guidelines/formation/gt-uji/")
    section = en.find(id="pemantauan").find_next("div", class_="pd-section")
    block = section.select_one(".pd-untranslated-block")
    assert block.select_one(".pd-untranslated-note").get_text() == "Not yet translated"
    assert block.select_one("[lang=id]").get_text().strip() == "Gugus tugas memantau rencana aksi setiap triwulan."
    translated = en.find(id="dasar-hukum").find_next("div", class_="pd-section")
    assert translated.select_one(".pd-untranslated-block") is None
    # the Indonesian page never shows the notice
    assert soup(fixture_site.site, "guidelines/formation/gt-uji/").select(".pd-untranslated-block") == []


def test_raw_html_in_content_is_shown_as_text(fixture_site):
    html = soup(fixture_site.site, "guidelines/formation/gt-uji/")
    body = html.find(id="dasar-hukum").find_next("div", class_="pd-section")
    assert body.find("script") is None
    assert "<script>alert(1)</script>" in body.get_text()


def test_kind_structures_render_as_tables_and_lists(fixture_site):
    site = fixture_site.site
    formation = soup(site, "guidelines/formation/gt-uji/")
    for anchor in ("membership", "subtaskforces", "action-plan"):
        assert formation.find(id=anchor).find_next("table") is not None
    assert len(formation.select(".pd-steps > li")) == 1
    victim = soup(site, "en/guidelines/victim-assistance/layanan-uji/")
    assert victim.select_one("#stage-pengaduan dt").get_text() == "Services"
    cooperation = soup(site, "guidelines/cooperation/kerja-sama-uji/")
    header = [th.get_text() for th in cooperation.find(id="tasks").find_next("table").select("th")]
    assert header == ["Tugas", "Daerah asal", "Daerah transit", "Daerah tujuan"]
    business = soup(site, "en/guidelines/corporate-engagement/usaha-uji/")
    assert len(business.select(".pd-checklist input[type=checkbox]")) == 1


def test_crossref_json_and_csv_point_at_built_pages(fixture_site):
    site = fixture_site.site
    data = json.loads((site / "data" / "crossref.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in data["recommendations"]] == [f"R{i:02d}" for i in range(1, 13)]
    assert {g["id"] for g in data["guidelines"]} == {g.split("/")[1] for g in GUIDELINES}
    r01 = data["recommendations"][0]
    assert r01["url"] == {"id": "recommendations/r01/", "en": "en/recommendations/r01/"}
    assert r01["sections"] == [{
        "id": "gt-uji/dasar-hukum", "guideline": "gt-uji",
        "title": {"id": "Dasar hukum", "en": "Legal basis"},
        "url": {"id": "guidelines/formation/gt-uji/#dasar-hukum",
                "en": "en/guidelines/formation/gt-uji/#dasar-hukum"},
    }]
    urls = []
    for item in data["recommendations"] + data["guidelines"]:
        urls += item["url"].values()
        for section in item["sections"]:
            urls += section["url"].values()
    assert urls and all(resolves(site, u) for u in urls), [u for u in urls if not resolves(site, u)]
    rows = (site / "data" / "crossref.csv").read_text(encoding="utf-8").splitlines()
    section_links = sum(len(r["sections"]) for r in data["recommendations"])
    assert len(rows) == 1 + section_links
    assert rows[1].startswith("R01,Panduan pembentukan dan penguatan GT,")


PACK = {"id": "paket-pelatihan.id.pdf", "en": "training-pack.en.pdf"}
"""The training pack's file in each language: its name says what it is, in that language."""


@pytest.mark.parametrize(("lang", "prefix"), [("id", ""), ("en", "en/")])
def test_each_guideline_page_links_the_training_pack_beside_its_pdfs(fixture_site, lang, prefix):
    """Beside the guideline's own PDF links, the pack in the page's language and in the other one,
    named for what it is; each link resolves to the PDF the build wrote, and no file keeps the old name."""
    from urllib.parse import urljoin, urlparse

    from pedoman.presentation.words import CATALOGUE

    site = fixture_site.site
    other = "en" if lang == "id" else "id"
    for g in GUIDELINES:
        url = f"{prefix}guidelines/{g}/"
        page = soup(site, url)
        guideline_id = g.split("/")[1]
        guideline_pdf = page.select_one(f'a[href$="pdf/{guideline_id}.{lang}.pdf"]')
        assert guideline_pdf is not None, url
        meta = guideline_pdf.find_parent(class_="pd-meta")
        for target_lang in (lang, other):
            links = meta.select(f'a[href$="pdf/{PACK[target_lang]}"]')
            assert len(links) == 1, (url, target_lang)
            link = links[0]
            assert link["hreflang"] == target_lang and link["type"] == "application/pdf"
            assert CATALOGUE[lang]["training_pack"] in link.parent.get_text()
            target = urlparse(urljoin("http://site/" + url, link["href"])).path.lstrip("/")
            assert target == f"pdf/{PACK[target_lang]}" and resolves(site, target), (url, link["href"])
            assert (site / target).read_bytes().startswith(b"%PDF-")
    assert not list((site / "pdf").glob("pedoman.*.pdf"))


def test_invalid_content_stops_the_build_and_keeps_the_old_site(tmp_path):
    content = tmp_path / "guidelines"
    shutil.copytree(VALID, content)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site")
    shutil.copy(FIXTURES / "invalid" / "unknown-recommendation.yaml", content / "formation" / "unknown-recommendation.yaml")
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    build = build_site(tmp_path, content, site)
    assert build.returncode != 0
    assert "unknown-recommendation.yaml:16:18: sections[0].implements[0]: unknown recommendation 'R13'" in build.output
    assert "Traceback" not in build.output
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "previous site"
    assert not build.staging.exists()
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before


def test_unimplemented_recommendation_fails_a_strict_build(tmp_path):
    content = tmp_path / "guidelines"
    shutil.copytree(VALID, content)
    path = content / "corporate-engagement" / "usaha-uji.yaml"
    path.write_text(path.read_text().replace("implements: [R11, R10]", "implements: [R11]"))
    build = build_site(tmp_path, content)
    assert build.returncode != 0
    assert "recommendation R10 (Revisi UU 21/2007 Pasal 58 menuju badan nasional) is implemented by no guideline section" in build.output
    coverage = (build.staging / "recommendations" / "coverage.en.md").read_text()
    assert "Recommendations not yet implemented" in coverage and "r10/" in coverage


def test_a_new_guideline_file_adds_its_pages_in_both_languages(tmp_path):
    content = tmp_path / "guidelines"
    shutil.copytree(VALID, content)
    text = (content / "formation" / "gt-uji.yaml").read_text()
    (content / "formation" / "gt-kedua.yaml").write_text(text.replace("id: gt-uji", "id: gt-kedua"))
    build = build_site(tmp_path, content)
    assert build.returncode == 0, build.output
    for prefix in ("", "en/"):
        assert (build.site / prefix / "guidelines/formation/gt-kedua/index.html").is_file()
        nav = soup(build.site, prefix + "guidelines/formation/").select("nav a")
        assert any(a["href"].endswith("gt-kedua/") for a in nav)


def test_english_navigation_is_in_english(fixture_site):
    nav = soup(fixture_site.site, "en/").select_one(".md-nav--primary").get_text(" ", strip=True)
    for title in ("Guidelines", "Recommendations", "For editors", "Inter-regional cooperation"):
        assert title in nav
    for title in ("Pedoman", "Rekomendasi", "Untuk editor", "Kerja sama antarwilayah"):
        assert title not in nav


def test_edit_button_opens_the_yaml_source_of_a_generated_page(tmp_path):
    content = tmp_path / "guidelines"
    shutil.copytree(VALID, content)
    build = build_site(tmp_path, content, repo_url="https://github.com/contoh/pedoman", edit_uri="edit/main/docs/")
    assert build.returncode == 0, build.output
    for prefix in ("", "en/"):
        generated = soup(build.site, prefix + "guidelines/formation/gt-uji/").select_one("a.md-content__button")
        assert generated["href"] == "https://github.com/contoh/pedoman/edit/main/guidelines/formation/gt-uji.yaml"
    hand_written = soup(build.site, "en/about/").select_one("a.md-content__button")
    assert hand_written["href"] == "https://github.com/contoh/pedoman/edit/main/docs/about.en.md"


@pytest.mark.parametrize(("page", "text"), [
    ("guidelines/formation/gt-uji/", "Terakhir diperbarui 1 November 2026"),
    ("en/guidelines/formation/gt-uji/", "Last updated November 1, 2026"),
    ("en/recommendations/", "Last updated November 4, 2026"),
    ("guidelines/corporate-engagement/", "Terakhir diperbarui 4 November 2026"),
])
def test_every_page_shows_its_last_update_in_its_language(fixture_site, page, text):
    assert soup(fixture_site.site, page).select_one(".pd-updated").get_text(strip=True) == text


def test_hand_written_pages_show_a_date_too(fixture_site):
    import re
    for page in ("", "about/", "en/how-to-read/"):
        line = soup(fixture_site.site, page).select_one(".pd-updated").get_text(strip=True)
        assert re.fullmatch(r"(Terakhir diperbarui \d{1,2} \w+ \d{4}|Last updated \w+ \d{1,2}, \d{4})", line)


def test_shipped_corpus_builds_strict_with_every_link_and_data_url_resolving(shipped_site):
    from pedoman import load_corpus

    from conftest import ROOT
    corpus = load_corpus(ROOT / "guidelines")
    site = shipped_site.site
    for g in corpus.guidelines:
        for prefix in ("", "en/"):
            assert (site / prefix / "guidelines" / g.kind / g.id / "index.html").is_file()
    broken = []
    for page in sorted(html_pages(site)):
        if page.endswith("404.html"):
            continue
        url = "" if page == "index.html" else page.removesuffix("index.html")
        broken += [f"{page} -> {link}" for link in internal_links(site, url) if not resolves(site, link)]
    assert broken == []
    data = json.loads((site / "data" / "crossref.json").read_text(encoding="utf-8"))
    urls = [u for item in data["recommendations"] + data["guidelines"]
            for ref in [item, *item["sections"]] for u in ref["url"].values()]
    assert len(urls) > 400 and all(resolves(site, u) for u in urls)
