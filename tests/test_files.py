"""The build reads only regular files inside the repository: a symbolic link under the content
folder or the hand-written pages is an error naming the link, and is never followed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pedoman import ContentErrors, load_corpus
from pedoman.site.staging import sync_folder

from conftest import VALID, build_site
from harness import ROOT

SECRET = "url = https://token:rahasia@contoh.test/repo.git"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside the content folder that a link points at (as `.git/config` would be)."""
    path = tmp_path / "outside" / "config"
    path.parent.mkdir()
    path.write_text(f"[remote]\n{SECRET}\n")
    return path


@pytest.mark.parametrize("link", ["formation/tautan.yaml", "agencies.yaml", "tautan-folder/x.yaml"])
def test_a_link_in_the_content_is_an_error_and_never_read(corpus_dir, secret, link):
    target = corpus_dir / link
    if link.startswith("tautan-folder"):
        target = corpus_dir / "tautan-folder"
        target.symlink_to(secret.parent, target_is_directory=True)
    else:
        target.unlink(missing_ok=True)
        target.symlink_to(secret)
    with pytest.raises(ContentErrors) as caught:
        load_corpus(corpus_dir)
    report = caught.value.report()
    assert f"guidelines/{link.split('/x.yaml')[0]}:1:1: a symbolic link" in report
    assert "rahasia" not in report


def test_a_link_in_the_hand_written_pages_stops_the_build_and_is_not_published(tmp_path, secret):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "config.md").symlink_to(secret)
    content = tmp_path / "guidelines"
    shutil.copytree(VALID, content)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site")
    build = build_site(tmp_path, content, site, docs_dir=str(docs))
    assert build.returncode != 0
    assert "docs/config.md:1:1: a symbolic link" in build.output
    assert "Traceback" not in build.output and "rahasia" not in build.output
    assert [p.name for p in site.iterdir()] == ["index.html"]


def test_hand_written_pages_are_checked_like_content(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "about.md").write_text("# Tentang\n\nHubungi 0812\u20113456\u20117890 atau\u202e\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        sync_folder(tmp_path / "staging", docs, {})
    report = caught.value.report()
    assert "docs/about.md:3:9: a phone number" in report
    assert "docs/about.md:3:28: U+202E RIGHT-TO-LEFT OVERRIDE" in report
    assert not (tmp_path / "staging").exists()
