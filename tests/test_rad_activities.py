"""Every sub-task-force has its RAD activities: the decree forming the sub-task-forces, the RAD regulation's
Lampiran (its chapter per sub-task-force and its matrix) and the RAD workbook, read back with python-docx
and openpyxl in both languages, list at least one activity for each, never the blank left for none; each
row names the recommendations it carries out, which the workbook shows, and an unknown one is refused."""

from __future__ import annotations

import shutil
import subprocess
import sys

import openpyxl
import pytest
from docx import Document as open_docx

from pedoman import load_corpus
from pedoman.documents import kit as documents
from pedoman.documents.decisions import catalogue
from pedoman.documents.kit import _Builder
from pedoman.presentation.words import CATALOGUE

from conftest import ROOT
from test_documents import texts

FORMATION = ("gt-provinsi", "gt-kabupaten-desa")
LANGS = ("id", "en")


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "guidelines")


@pytest.fixture(scope="module")
def site(corpus, tmp_path_factory):
    root = tmp_path_factory.mktemp("rad")
    documents.write_documents(corpus, root)
    return root


def guideline(corpus, gid):
    return next(g for g in corpus.guidelines if g.id == gid)


def doc_of(corpus, g, name, lang):
    return next(d for d in documents.for_guideline(corpus, g, lang) if d.name == name)


def parts(lines, g, builder, start):
    """Each sub-task-force's part of the annex ("A. Subgugus Tugas ..." up to the next part), as text."""
    heads = [f"{chr(ord('A') + i)}. {builder.subtaskforce_name(s)}" for i, s in enumerate(g.subtaskforces)]
    at = []
    for head in heads:
        at.append(next(i for i, line in enumerate(lines) if i > (at[-1] if at else start) and line == head))
    return ["\n".join(lines[a:b]) for a, b in zip(at, [*at[1:], len(lines)])]


@pytest.mark.parametrize("gid", FORMATION)
@pytest.mark.parametrize("lang", LANGS)
def test_every_sub_task_force_has_rad_rows(corpus, gid, lang):
    g = guideline(corpus, gid)
    groups, _ = _Builder(corpus, g, lang).plan_by_subtaskforce()
    assert len(groups) == len(g.subtaskforces)
    for s, rows in zip(g.subtaskforces, groups):
        assert rows, s.name.id
        for row in rows:
            for field in (row.activity, row.indicator, row.target, row.budget, row.program):
                assert field.id.strip() and field.en and field.en.strip(), row.activity.id
            assert row.years and row.implements, row.activity.id


@pytest.mark.parametrize("gid", FORMATION)
@pytest.mark.parametrize("lang", LANGS)
def test_the_sub_task_force_decree_lists_the_activities_of_each(corpus, site, gid, lang):
    g = guideline(corpus, gid)
    b = _Builder(corpus, g, lang)
    X = catalogue()[lang]
    lines = texts(open_docx(site / doc_of(corpus, g, "sk-subgugus-tugas", lang).path))
    whole = "\n".join(lines)
    assert X.sub_no_activity not in whole
    annex = next(i for i, line in enumerate(lines) if line.startswith(("LAMPIRAN\n", "ANNEX\n")))
    groups, _ = b.plan_by_subtaskforce()
    for s, part, rows in zip(g.subtaskforces, parts(lines, g, b, annex), groups):
        label = part.index(X.sub_activities_label)
        for row in rows:
            assert b.t(row.activity)[1:] in part[label:], (s.name.id, row.activity.id)  # an item begins in lower case


@pytest.mark.parametrize("gid", FORMATION)
@pytest.mark.parametrize("lang", LANGS)
def test_the_rad_lampiran_shows_them_in_its_chapter_and_its_matrix(corpus, site, gid, lang):
    g = guideline(corpus, gid)
    b = _Builder(corpus, g, lang)
    X = catalogue()[lang]
    doc = open_docx(site / doc_of(corpus, g, "rad", lang).path)
    lines = texts(doc)
    assert X.sub_no_activity not in "\n".join(lines)
    chapter = next(i for i, line in enumerate(lines) if line == X.chapter.format(n="IV"))
    groups, _ = b.plan_by_subtaskforce()
    for s, part, rows in zip(g.subtaskforces, parts(lines, g, b, chapter), groups):
        for row in rows:
            assert b.t(row.activity)[1:] in part, (s.name.id, row.activity.id)
    W = CATALOGUE[lang]
    matrix = next(t for t in doc.tables if len(t.columns) > 7 and t.rows[0].cells[2].text == W.activity)
    assert [r.cells[2].text for r in matrix.rows[1:]] == [b.t(row.activity) for row in g.action_plan]
    assert all(cell.text.strip() for r in matrix.rows[1:] for cell in r.cells[:7])


@pytest.mark.parametrize("gid", FORMATION)
@pytest.mark.parametrize("lang", LANGS)
def test_the_workbook_has_every_row_with_its_agency_funding_and_recommendations(corpus, site, gid, lang):
    g = guideline(corpus, gid)
    b = _Builder(corpus, g, lang)
    W = CATALOGUE[lang]
    wb = openpyxl.load_workbook(site / doc_of(corpus, g, "rad-matriks", lang).path)
    ws = wb[W.doc_plan_matrix[:31]]
    header = next(r for r in range(1, 6) if ws.cell(r, 1).value == W.doc_no)
    columns = {ws.cell(header, c).value: c for c in range(1, ws.max_column + 1)}
    found = []
    for r in range(header + 1, header + 1 + len(g.action_plan)):
        found.append({name: ws.cell(r, c).value for name, c in columns.items()})
    assert [row[W.activity] for row in found] == [b.t(row.activity) for row in g.action_plan]
    groups, _ = b.plan_by_subtaskforce()
    in_sheet = {row[W.activity] for row in found}
    for s, rows in zip(g.subtaskforces, groups):
        assert {b.t(r.activity) for r in rows} <= in_sheet and rows, s.name.id
    for row, source in zip(found, g.action_plan):
        assert row[W.doc_program] == b.t(source.program)
        assert row[W.indicator] == b.t(source.indicator) and row[W.doc_target_end] == b.t(source.target)
        assert row[W.doc_responsible_agency] == b.agency(source.agency)
        assert row[W.budget_source] == b.t(source.budget)
        assert row[W.doc_recommendation] == ", ".join(source.implements)
        assert all(r in {x.id for x in corpus.recommendations} for r in row[W.doc_recommendation].split(", "))
    # the yearly sheet has a row per activity too, linked from the matrix
    years = wb.worksheets[wb.sheetnames.index(ws.title) + 1]
    linked = [years.cell(r, 2).value for r in range(header + 1, header + 1 + len(g.action_plan))]
    assert all(isinstance(v, str) and v.startswith("=") for v in linked)


def test_without_the_rows_of_a_sub_task_force_its_place_shows_the_blank(corpus):
    """The check above can fail: drop the health rows and the decree prints the blank for none."""
    g = guideline(corpus, "gt-provinsi")
    b = _Builder(corpus, g, "id")
    groups, _ = b.plan_by_subtaskforce()
    health = next(i for i, s in enumerate(g.subtaskforces) if "kesehatan" in s.name.id)
    kept = [row for row in g.action_plan if row not in groups[health]]
    bare = g.model_copy(update={"action_plan": kept})
    d = _Builder(corpus, bare, "id").subtaskforce_decree()
    blank = catalogue()["id"].sub_no_activity
    assert blank[1:-1] in d.blanks
    assert blank[1:-1] not in doc_of(corpus, g, "sk-subgugus-tugas", "id").blanks


def test_an_unknown_recommendation_on_a_rad_row_is_refused(tmp_path):
    content = tmp_path / "guidelines"
    shutil.copytree(ROOT / "guidelines", content)
    path = content / "formation" / "gt-kabupaten-desa.yaml"
    text = path.read_text(encoding="utf-8")
    assert "    implements: [R05]\n" in text
    path.write_text(text.replace("    implements: [R05]\n", "    implements: [R13]\n", 1), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pedoman.cli", "validate", str(content)], capture_output=True,
                         text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 1, run.stdout + run.stderr
    assert "implements[0]: unknown recommendation 'R13'" in run.stdout + run.stderr
