"""Settings and pages the build is given: a mistake stops the build with where and what,
no traceback, and the previous site stays as it was."""

from __future__ import annotations

import shutil

import pytest

from conftest import VALID, build_site
from harness import ROOT
from pedoman.settings import Settings, SettingsError, read_settings


@pytest.mark.parametrize("pedoman, message", [
    ({"pdf_cach": "x"}, "extra.pedoman.pdf_cach: unknown setting; did you mean 'pdf_cache'?"),
    ({"colour": "red"}, "extra.pedoman.colour: unknown setting (known settings: content, staging, search, pdf, "
                        "pdf_cache, pdf_author, documents_paper, documents_cache, render_cache)"),
    ({"documents_paper": "letter"}, "extra.pedoman.documents_paper: expected f4 or a4, found 'letter'"),
    ({"pdf_author": 7}, "extra.pedoman.pdf_author: expected a text, found 7"),
    ({"pdf": "no"}, "extra.pedoman.pdf: expected true or false, found 'no'"),
    ({"search": 1}, "extra.pedoman.search: expected true or false, found 1"),
    ({"content": ["guidelines"]}, "extra.pedoman.content: expected a path relative to mkdocs.yml, "
                                  "found ['guidelines']"),
])
def test_a_wrong_setting_is_named_with_what_was_expected(pedoman, message):
    with pytest.raises(SettingsError) as error:
        read_settings({"pedoman": pedoman})
    assert str(error.value) == f"mkdocs.yml: {message}"


def test_every_problem_of_the_settings_is_reported_at_once():
    with pytest.raises(SettingsError) as error:
        read_settings({"pedoman": {"serch": False, "pdf": "yes"}})
    assert str(error.value).splitlines() == [
        "mkdocs.yml: extra.pedoman.serch: unknown setting; did you mean 'search'?",
        "mkdocs.yml: extra.pedoman.pdf: expected true or false, found 'yes'",
    ]


def test_settings_not_given_take_their_defaults():
    assert read_settings({}) == Settings()
    assert read_settings({"pedoman": {"pdf": False}}).pdf is False
    assert read_settings({"pedoman": {"pdf": False}}).pdf_cache == "build/pdf-cache"


@pytest.fixture
def previous_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site")
    return site


def assert_stopped_cleanly(build, site, message):
    assert build.returncode != 0
    assert message in build.output
    assert "Traceback" not in build.output
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "previous site"


def test_a_misspelt_setting_stops_the_build(tmp_path, corpus_dir, previous_site):
    build = build_site(tmp_path, corpus_dir, previous_site, pedoman={"pdf_cach": str(tmp_path / "pdf")})
    assert_stopped_cleanly(build, previous_site,
                           "mkdocs.yml: extra.pedoman.pdf_cach: unknown setting; did you mean 'pdf_cache'?")


def test_a_hand_written_page_that_shadows_a_generated_one_stops_the_build(tmp_path, corpus_dir, previous_site):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "glossary.md").write_text("# Glosarium\n", encoding="utf-8")
    build = build_site(tmp_path / "project", corpus_dir, previous_site, docs_dir=str(docs))
    assert_stopped_cleanly(build, previous_site,
                           f"{docs / 'glossary.md'}: this page is generated from the content; "
                           "remove the hand-written file")


def test_a_hand_written_page_with_an_unreadable_date_stops_the_build(tmp_path, corpus_dir):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    about = docs / "about.md"
    about.write_text("---\nupdated: pekan depan\n---\n" + about.read_text(encoding="utf-8"), encoding="utf-8")
    build = build_site(tmp_path / "project", corpus_dir, docs_dir=str(docs))
    assert build.returncode != 0
    assert f"{about}: updated: expected a date as YYYY-MM-DD, found 'pekan depan'" in build.output
    assert "Traceback" not in build.output


def test_the_valid_corpus_builds_with_every_setting_spelt_out(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(VALID, content)
    build = build_site(tmp_path, content, pedoman={"pdf": False, "search": False,
                                                  "pdf_cache": str(tmp_path / "pdfs")})
    assert build.returncode == 0, build.output
    assert (build.site / "glossary" / "index.html").is_file()
