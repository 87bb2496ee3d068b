"""No output is ever older than what it is made from.

Each test runs a whole copy of the project (its package, hooks, theme overrides,
pages, mkdocs.yml and a small corpus) with the copy's `src/` first on the Python
path, edits one input at a time, and finds the edit in the output: under a real
`mkdocs serve` for the pages, and between two real builds for the PDFs and the
open data.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from conftest import VALID
from harness import ROOT, Preview, read_config


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A copy of the project laid out as the repository is; its mkdocs.yml's path."""
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns("__pycache__")
    for folder in ["src/pedoman", "hooks", "overrides", "docs"]:
        shutil.copytree(ROOT / folder, copy / folder, ignore=ignore)
    shutil.copytree(VALID, copy / "guidelines")
    config = read_config()
    config["extra"]["pedoman"] |= {"search": False, "pdf": False}
    (copy / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(copy / "src"))  # the copy's package, not the installed one
    return copy / "mkdocs.yml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_every_input_edited_under_the_live_preview_shows_on_the_next_rebuild(project):
    root = project.parent
    edits = [
        ("a guideline", "guidelines/formation/gt-uji/",
         lambda: edit(root / "guidelines/formation/gt-uji.yaml", "Pembentukan gugus tugas provinsi",
                      "Pembentukan gugus tugas pratinjau"), "Pembentukan gugus tugas pratinjau"),
        ("a register", "guidelines/formation/gt-uji/",
         lambda: edit(root / "guidelines/agencies.yaml", "name: {id: Kepolisian Daerah,",
                      "name: {id: Kepolisian Daerah Penyuntingan,"), "Kepolisian Daerah Penyuntingan"),
        ("a page template", "glossary/",
         lambda: append(root / "src/pedoman/site/templates/glossary.md.j2", "\nTemplat glosarium yang disunting.\n"),
         "Templat glosarium yang disunting."),
        ("a module of the package", "about/",
         lambda: append(root / "src/pedoman/site/pages.py",
                        "\n\n_updated_line = updated_line\n\n\ndef updated_line(date, lang):\n"
                        "    return 'Modul yang disunting: ' + _updated_line(date, lang)\n"),
         "Modul yang disunting: "),
        ("a theme override", "about/",
         lambda: append(root / "overrides/main.html",
                        '\n{% block footer %}<p class="pd-test">Penanda tema yang disunting</p>{{ super() }}'
                        '{% endblock %}\n'), "Penanda tema yang disunting"),
        ("a hand-written page", "about/",
         lambda: append(root / "docs/about.md", "\nKalimat yang baru disimpan.\n"), "Kalimat yang baru disimpan."),
        ("mkdocs.yml", "about/",
         lambda: append(project, "copyright: Hak cipta konfigurasi yang disunting\n"),
         "Hak cipta konfigurasi yang disunting"),
    ]
    with Preview(project) as preview:
        preview.wait_for("Serving on")
        for what, page, make_edit, expected in edits:
            assert expected not in preview.page(page), what
            make_edit()
            log = preview.wait_for("Reloading browsers", "An error happened during the rebuild")
            assert "Reloading browsers" in log, f"{what}: the rebuild failed:\n{log}"
            assert expected in preview.page(page), f"{what} did not show:\n{log}"
            if what == "a module of the package":
                assert "imported again" in log


def build(project: Path) -> str:
    run = subprocess.run([str(Path(sys.executable).with_name("mkdocs")), "build", "--strict", "-f", str(project)],
                         capture_output=True, text=True, cwd=project.parent,
                         env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout + run.stderr


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_every_input_of_the_pdfs_and_the_open_data_shows_in_the_next_build(project):
    root, site = project.parent, project.parent / "site"
    config = yaml.safe_load(project.read_text(encoding="utf-8"))
    config["extra"]["pedoman"]["pdf"] = True
    project.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    first = build(project)
    assert "PDFs: 10 rendered" in first
    again = build(project)
    assert "PDFs: 0 rendered" in again and "10 from the cache" in again

    edit(root / "guidelines/formation/gt-uji.yaml", "Pembentukan gugus tugas provinsi",
         "Pembentukan gugus tugas tercetak")
    log = build(project)
    assert "PDFs: 2 rendered" in log  # an Indonesian text: its Indonesian PDF and the Indonesian pack
    assert "Pembentukan gugus tugas tercetak" in pdf_text(site / "pdf/gt-uji.id.pdf")
    assert "Pembentukan gugus tugas tercetak" in pdf_text(site / "pdf/paket-pelatihan.id.pdf")
    crossref = (site / "data/crossref.json").read_text(encoding="utf-8")
    assert "Pembentukan gugus tugas tercetak" in crossref and json.loads(crossref)

    # How an agency's short label is computed (registers.py) reaches every PDF that shows one.
    append(root / "src/pedoman/content/registers.py",
           "\n\n_short = Agency.short\nAgency.short = lambda self, lang: 'Lbg-' + _short(self, lang)\n")
    assert "PDFs: 0 rendered" not in build(project)
    assert "Lbg-Polda" in pdf_text(site / "pdf/gt-uji.id.pdf")

    append(root / "src/pedoman/print/templates/handbook.html.j2", "<p>Penanda templat cetak</p>\n")
    assert "PDFs: 10 rendered" in build(project)
    assert "Penanda templat cetak" in pdf_text(site / "pdf/layanan-uji.en.pdf")

    append(root / "src/pedoman/print/templates/print.css",
           '\nbody::before { content: "Penanda lembar gaya cetak"; }\n')
    assert "PDFs: 10 rendered" in build(project)
    assert "Penanda lembar gaya cetak" in pdf_text(site / "pdf/kerja-sama-uji.id.pdf")

    edit(root / "guidelines/agencies.yaml", "abbreviation: Polda,", "abbreviation: Polwil,")
    assert "PDFs: 0 rendered" not in build(project)
    assert "Lbg-Polwil" in pdf_text(site / "pdf/gt-uji.id.pdf")


def docx_text(path: Path) -> str:
    from docx import Document

    document = Document(str(path))
    return " ".join([p.text for p in document.paragraphs]
                    + [cell.text for table in document.tables for row in table.rows for cell in row.cells])


def test_every_input_of_the_drafting_kit_shows_in_the_next_build(project):
    """The drafting kit is kept between builds (documents_cache): each input of a document is
    edited, and the next build writes exactly the documents it changes."""
    from docx import Document

    from pedoman import load_corpus
    from pedoman.documents.kit import kit

    root, site = project.parent, project.parent / "site"
    decree = site / "documents/gt-uji/sk-pembentukan.id.docx"
    every = kit(load_corpus(root / "guidelines"))  # counted, not written down: the kit grows
    n, own = len(every), sum(d.guideline.id == "gt-uji" for d in every)
    assert f"drafting kit: {n} documents ({n} written, 0 kept)" in build(project)
    assert "documents, slides, feeds and schemas: content, code and settings as in an earlier build" in build(project)

    edit(root / "guidelines/formation/gt-uji.yaml", "mewajibkan pemerintah daerah membentuk gugus tugas",
         "mewajibkan pemerintah daerah membentuk gugus tugas tersunting")
    assert f"drafting kit: {n} documents ({own} written, {n - own} kept)" in build(project)  # gt-uji's, both languages
    assert "membentuk gugus tugas tersunting" in docx_text(decree)

    edit(root / "guidelines/agencies.yaml", "abbreviation: Polda,", "abbreviation: Polwil,")
    assert f"(0 written, {n} kept)" not in build(project)
    assert "Polwil" in docx_text(decree)

    docx = len(list((site / "documents").rglob("*.docx")))
    edit(root / "src/pedoman/documents/docx.py", 'props.keywords = f"{d.guideline.id}; {d.kind}"',
         'props.keywords = f"{d.guideline.id}; {d.kind}; penanda penulis"')
    assert f"drafting kit: {n} documents ({docx} written, {n - docx} kept)" in build(project)
    assert Document(str(decree)).core_properties.keywords.endswith("penanda penulis")

    config = yaml.safe_load(project.read_text(encoding="utf-8"))
    config["extra"]["pedoman"]["documents_paper"] = "a4"
    project.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    assert f"drafting kit: {n} documents ({n} written, 0 kept) " in build(project)
    assert round(Document(str(decree)).sections[0].page_height.mm) == 297
