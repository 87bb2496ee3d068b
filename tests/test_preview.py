"""The live preview (`mkdocs serve`): every edit an editor saves is rebuilt once and shown,
and it leaves the slow PDFs to `make site`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pedoman.project import ROOT, Preview, write_variant


@pytest.fixture
def project(tmp_path, corpus_dir) -> Path:
    """A project whose hand-written pages and content may be edited."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return write_variant(tmp_path, corpus_dir, docs_dir=str(tmp_path / "docs"),
                         pedoman={"pdf_cache": str(tmp_path / "pdf-cache"), "search": False})


def test_each_saved_edit_is_rebuilt_once_and_shown(project, corpus_dir):
    with Preview(project) as preview:
        startup = preview.wait_for("Serving on")
        assert "PDFs are not made by the live preview" in startup
        assert "rendered" not in startup
        docs = project.parent / "docs"

        about = docs / "about.md"
        about.write_text(about.read_text(encoding="utf-8") + "\nKalimat yang baru disimpan.\n", encoding="utf-8")
        preview.wait_for("Reloading browsers")
        assert "Kalimat yang baru disimpan." in preview.page("about/")

        guideline = corpus_dir / "formation" / "gt-uji.yaml"
        text = guideline.read_text(encoding="utf-8")
        assert "Pembentukan gugus tugas provinsi" in text
        guideline.write_text(text.replace("Pembentukan gugus tugas provinsi", "Pembentukan gugus tugas pratinjau", 1),
                             encoding="utf-8")
        preview.wait_for("Reloading browsers")
        assert "Pembentukan gugus tugas pratinjau" in preview.page("guidelines/formation/gt-uji/")

        # Writing the staging folder during that build must not start another one.
        assert "Detected file changes" not in preview.quiet_for(4)
    assert not (project.parent / "pdf-cache").exists()


def test_invalid_content_is_reported_and_the_preview_recovers_once_fixed(project, corpus_dir):
    guideline = corpus_dir / "formation" / "gt-uji.yaml"
    text = guideline.read_text(encoding="utf-8")
    with Preview(project) as preview:
        preview.wait_for("Serving on")
        guideline.write_text(text.replace("title: {id: Pembentukan", "titel: {id: Pembentukan", 1), encoding="utf-8")
        report = preview.wait_for("did you mean 'title'")
        assert "gt-uji.yaml:3:1: titel: unknown field 'titel'" in report
        report += preview.wait_for("An error happened during the rebuild")  # MkDocs holds requests until fixed
        assert "Traceback" not in report

        guideline.write_text(text.replace("provinsi", "provinsi yang diperbaiki", 1), encoding="utf-8")
        preview.wait_for("Reloading browsers")
        assert "Pembentukan gugus tugas provinsi yang diperbaiki" in preview.page("guidelines/formation/gt-uji/")
