"""The live preview (`mkdocs serve`): every edit an editor saves is rebuilt once and shown,
and it leaves the slow PDFs to `make site`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness import ROOT, Preview, write_variant


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
    assert preview.process.returncode == 0 and not preview.forced
    assert list(preview.tmp.iterdir()) == []  # MkDocs removed its temporary site folder
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


STOP_UNDER_IGNORED_CTRL_C = """
import signal, sys
from pathlib import Path
signal.signal(signal.SIGINT, signal.SIG_IGN)  # as `nohup make test &` and many CI runners start us
sys.path.insert(0, sys.argv[1])
from harness import Preview
with Preview(Path(sys.argv[2]), tmp=Path(sys.argv[3]), stop_timeout=20) as preview:
    preview.wait_for("Serving on")
print("serve", preview.process.pid, preview.process.returncode, preview.forced)
print("".join(preview.log))
"""


def test_the_preview_stops_cleanly_under_a_parent_that_ignores_ctrl_c(project, tmp_path):
    tmp = tmp_path / "serve-tmp"
    run = subprocess.run([sys.executable, "-c", STOP_UNDER_IGNORED_CTRL_C, str(Path(__file__).parent), str(project),
                          str(tmp)], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stdout + run.stderr
    _, _, returncode, forced = run.stdout.splitlines()[0].split()
    assert (returncode, forced) == ("0", "False"), run.stdout  # it ended, on Ctrl-C, not terminated
    assert "Shutting down..." in run.stdout
    assert list(tmp.iterdir()) == []  # MkDocs removed its temporary site folder


def test_what_no_page_shows_is_written_after_the_pages_and_never_lags_an_edit(project, corpus_dir):
    """Open data, the drafting kit and feeds are written in the background after each rebuild:
    the pages come first, and the files follow the same edit."""
    guideline = corpus_dir / "formation" / "gt-uji.yaml"
    text = guideline.read_text(encoding="utf-8")
    with Preview(project) as preview:
        started = preview.wait_for("drafting kit:")
        assert "written in the background" in started
        guideline.write_text(text.replace("Pembentukan gugus tugas provinsi", "Pembentukan gugus tugas latar", 1),
                             encoding="utf-8")
        rebuilt = preview.wait_for("Reloading browsers")
        assert "Pembentukan gugus tugas latar" in preview.page("guidelines/formation/gt-uji/")
        if "drafting kit:" not in rebuilt.split("written in the background")[-1]:
            preview.wait_for("drafting kit:")
        assert "Pembentukan gugus tugas latar" in preview.page("data/crossref.json")
        assert "Pembentukan gugus tugas latar" in preview.page("feed.xml")
    assert preview.process.returncode == 0 and not preview.forced
