"""Translation tracking: a changed Indonesian text flags its English until an editor confirms it."""

from __future__ import annotations

from pedoman import load_corpus
from pedoman.cli import main
from pedoman.content.translations import fingerprint, report

from conftest import build_site
from sitecheck import soup


def notices(site, page: str, section: str) -> list[str]:
    html = soup(site, page)
    block = html.find(id=section).find_next("div", class_="pd-section")
    return [p.get_text() for p in block.select(".pd-outdated-note")]


def test_fingerprint_ignores_whitespace_only():
    assert fingerprint("Gugus  tugas\nmemantau") == fingerprint("Gugus tugas memantau")
    assert fingerprint("Gugus tugas memantau") != fingerprint("Gugus tugas menilai")


def test_tracking_starts_with_the_file(corpus_dir, capsys):
    corpus = load_corpus(corpus_dir)
    assert corpus.reviewed is None
    assert [(e.key, e.state) for e in report(corpus.guidelines, corpus.reviewed)] == [
        ("sections/pemantauan/body", "missing")]
    assert main(["translations", "--content", str(corpus_dir)]) == 0
    out = capsys.readouterr().out
    assert "valid/formation/gt-uji.yaml: sections/pemantauan/body: not yet translated" not in out
    assert "formation/gt-uji.yaml: sections/pemantauan/body: not yet translated" in out
    assert out.strip().endswith("1 missing, 0 possibly outdated (tracking of outdated texts starts with translations.yaml)")


def test_round_trip_change_notice_review_gone(tmp_path, capsys):
    import shutil
    from conftest import VALID
    content = tmp_path / "guidelines"
    shutil.copytree(VALID, content)
    assert main(["translations", "--content", str(content), "--mark-reviewed", "all"]) == 0
    assert (content / "translations.yaml").read_text().startswith(
        "# yaml-language-server: $schema=../schema/translations.json\n")
    corpus = load_corpus(content)
    assert [e.state for e in report(corpus.guidelines, corpus.reviewed)] == ["missing"]

    path = content / "formation" / "gt-uji.yaml"
    path.write_text(path.read_text().replace("Pasal 58 UU 21/2007 mengatur pembentukan gugus tugas.",
                                             "Pasal 58 UU 21/2007 mewajibkan pembentukan gugus tugas."))
    corpus = load_corpus(content)
    outdated = [(e.guideline, e.key) for e in report(corpus.guidelines, corpus.reviewed) if e.state == "outdated"]
    assert outdated == [("gt-uji", "sections/dasar-hukum/body")]

    build = build_site(tmp_path, content)
    assert build.returncode == 0, build.output
    page = "en/guidelines/formation/gt-uji/"
    assert notices(build.site, page, "dasar-hukum") == [
        "Translation may be outdated: the Indonesian text changed after this English text was checked"]
    assert notices(build.site, page, "pemantauan") == []
    assert notices(build.site, "guidelines/formation/gt-uji/", "dasar-hukum") == []
    report_page = soup(build.site, "en/translations/")
    assert "sections/dasar-hukum/body" in report_page.get_text()

    assert main(["translations", "--content", str(content), "--mark-reviewed", "gt-uji/sections/dasar-hukum/body"]) == 0
    assert "1 English text(s) marked as reviewed" in capsys.readouterr().out
    build = build_site(tmp_path, content)
    assert build.returncode == 0, build.output
    assert notices(build.site, page, "dasar-hukum") == []
    assert "sections/dasar-hukum/body" not in soup(build.site, "en/translations/").get_text()


def test_mark_reviewed_rejects_an_unknown_guideline(corpus_dir, capsys):
    assert main(["translations", "--content", str(corpus_dir), "--mark-reviewed", "tidak-ada"]) == 2
    assert "no guideline 'tidak-ada'" in capsys.readouterr().err
