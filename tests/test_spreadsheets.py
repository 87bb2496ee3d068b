"""Spreadsheets that cannot run anything: a text from the content that a spreadsheet would read as a
formula (OWASP, CSV Injection) is written as text, in data/crossref.csv with an apostrophe before it and
quoted, in data/crossref.xlsx and the drafting kit's workbooks as a string cell. Every file is read back
with csv and openpyxl, never searched as bytes."""

from __future__ import annotations

import csv
import datetime
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from pedoman import ContentErrors, load_corpus
from pedoman.data.exports import csv_field, csv_text
from pedoman.documents.xlsx import starts_like_formula, write_table

from conftest import VALID, build_site

FORMULAS = ["=1+1", '=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "\n=1",
            " =1+1", "  @A1", "\u3000=1", "\xa0+1", "＝1+1", "＋1", "－1", "＠SUM(A1)", "﹦1", "⁺1", "-"]
"""Texts a spreadsheet may read as a formula: OWASP's seven first characters (= + - @, tab, carriage return,
line feed), a sign after leading whitespace, the full-width and other forms NFKC folds to the signs, and a
lone dash (no exception, see the rule)."""

TEXTS = ["", "R01", "Dasar hukum", "100%", "1-2", "a=b", "e-mail", "'=1+1", "– dash", "—", "#N/A",
         "[nama provinsi]", "✓", "Pasal 58 ayat (1)", "x\t=1"]
"""Texts that are no formula: signs after the first character, an apostrophe already, dashes that are no minus."""


@pytest.mark.parametrize("text", FORMULAS, ids=repr)
def test_a_text_starting_with_a_formula_sign_is_caught(text):
    assert starts_like_formula(text)


@pytest.mark.parametrize("text", TEXTS, ids=repr)
def test_other_texts_are_left_alone(text):
    assert not starts_like_formula(text)
    assert csv_field(text) == text or csv_field(text) == '"' + text.replace('"', '""') + '"'


@pytest.mark.parametrize(("text", "field"), [
    ('=1+2";=1+2', '"\'=1+2"";=1+2"'),  # OWASP's two examples, escaped as the page shows
    ("=1+2'\" ;,=1+2", '"\'=1+2\'"" ;,=1+2"'),
    ("-", '"\'-"'),
    ("\t=1", "\"'\t=1\""),
    ("Dasar hukum", "Dasar hukum"),
    ("Kupang, 2019", '"Kupang, 2019"'),
    ('Sebut "korban"', '"Sebut ""korban"""'),
    ("a\r=1", '"a\r=1"'),  # a bare carriage return could start a line, so it is quoted
])
def test_csv_field_follows_owasp(text, field):
    assert csv_field(text) == field


def test_csv_reads_back_each_text_with_the_apostrophe_only_where_needed():
    rows = [["id", "text"], *[[str(i), t] for i, t in enumerate(FORMULAS + TEXTS)]]
    read = list(csv.reader(io.StringIO(csv_text(rows), newline="")))
    assert read[0] == ["id", "text"] and len(read) == len(rows)
    for (_, text), (_, back) in zip(rows[1:], read[1:]):
        assert back == ("'" + text if starts_like_formula(text) else text)
        assert not starts_like_formula(back)


def test_a_workbook_writes_every_text_as_a_string_cell(tmp_path):
    path = tmp_path / "t.xlsx"
    texts = FORMULAS + TEXTS
    write_table(path, "t", ["no", "text"], [[str(i), t] for i, t in enumerate(texts, 1)], (5, 40),
                datetime.date(2026, 1, 1))
    ws = openpyxl.load_workbook(path, data_only=False)["t"]
    for r, text in enumerate(texts, 2):
        number, cell = ws.cell(row=r, column=1), ws.cell(row=r, column=2)
        assert number.value == r - 1 and number.data_type == "n"
        if text == "":
            assert cell.value is None
            continue
        assert cell.data_type == "s" and cell.value == text, (text, cell.value, cell.data_type)
        assert cell.quotePrefix == starts_like_formula(text), text


# --- a whole build with formulas planted in the content ------------------------------------------------

PLANTED = {"eq": '=HYPERLINK("http://x","y")', "plus": "+1+1", "minus": "-2+3", "at": "@SUM(A1)", "tab": "\t=1",
           "wide": "＝1+1", "space": " =1+1"}
ARRIVES = {k: v.strip() for k, v in PLANTED.items()}
"""What the writers get: the model strips the whitespace around a text (model.NonBlank), so "\t=1" arrives as "=1"."""


def _plant(content: Path) -> None:
    """Put the texts of PLANTED where data/crossref.* (recommendation, guideline and section titles) and the
    kit's workbooks (the action plan matrix, the agreement's budget; the lists of their drop-downs) print them."""
    p = {k: json.dumps(v, ensure_ascii=False) for k, v in PLANTED.items()}
    edits = {
        "recommendations.yaml": [
            ("id: Panduan pembentukan dan penguatan GT\n      en: Forming and strengthening task forces",
             f"id: {p['eq']}\n      en: {p['plus']}")],
        "formation/gt-uji.yaml": [
            ("title: {id: Pembentukan gugus tugas provinsi, en: Forming a provincial task force}",
             f"title: {{id: {p['tab']}, en: {p['wide']}}}"),
            ("title: {id: Dasar hukum, en: Legal basis}", f"title: {{id: {p['minus']}, en: {p['at']}}}"),
            ("program: {id: Penguatan kelembagaan, en: Institutional strengthening}",
             f"program: {{id: {p['eq']}, en: {p['space']}}}"),
            ("activity: {id: Pelatihan anggota, en: Member training}",
             f"activity: {{id: {p['plus']}, en: {p['minus']}}}"),
            ("indicator: {id: Jumlah anggota terlatih, en: Members trained}",
             f"indicator: {{id: {p['at']}, en: {p['tab']}}}"),
            ("target: {id: 40 orang, en: 40 people}", f"target: {{id: {p['wide']}, en: {p['plus']}}}")],
        "cooperation/kerja-sama-uji.yaml": [
            ("item: {id: Tiket pulang, en: Return ticket}", f"item: {{id: {p['eq']}, en: {p['at']}}}"),
            ('share: {id: "100%", en: "100%"}', f"share: {{id: {p['minus']}, en: {p['tab']}}}"),
            ("source: {id: APBD, en: Regional budget}", f"source: {{id: {p['space']}, en: {p['wide']}}}")],
    }
    for name, pairs in edits.items():
        path = content / name
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, (name, old)
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def planted_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("planted")
    content = project / "guidelines"
    shutil.copytree(VALID, content)
    _plant(content)
    build = build_site(project, content)
    assert build.returncode == 0, build.output
    return build.site


def _cells(path: Path):
    book = openpyxl.load_workbook(path, data_only=False)
    return book, [cell for ws in book.worksheets for row in ws.iter_rows() for cell in row if cell.value is not None]


def _no_planted_formula(cells) -> None:
    """No formula cell holds a planted text, as it is or after an "=" (the workbook's own formulas may stay)."""
    formulas = [str(c.value) for c in cells if c.data_type == "f"]
    assert not [f for f in formulas if any(t in f or f == "=" + t for t in ARRIVES.values())], formulas


def test_crossref_csv_carries_each_planted_text_as_text(planted_site):
    raw = (planted_site / "data/crossref.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    fields = [f for row in rows for f in row]
    assert not [f for f in fields if starts_like_formula(f)]
    found = {f[1:] for f in fields if f.startswith("'")}
    assert {ARRIVES[k] for k in ("eq", "plus", "minus", "at", "tab", "wide")} <= found, found
    r01 = next(r for r in rows if r[0] == "R01")
    assert r01[1:3] == ["'" + ARRIVES["eq"], "'" + ARRIVES["plus"]]
    assert all(len(r) == len(rows[0]) for r in rows)


def test_crossref_xlsx_holds_each_planted_text_unchanged_in_a_string_cell(planted_site):
    book, cells = _cells(planted_site / "data/crossref.xlsx")
    _no_planted_formula(cells)
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    values = {c.value: c for c in cells}
    for key in ("eq", "plus", "minus", "at", "tab", "wide"):
        cell = values[ARRIVES[key]]
        assert cell.data_type == "s" and cell.quotePrefix, key
    rows = list(book.active.values)
    csv_rows = list(csv.reader(io.StringIO((planted_site / "data/crossref.csv").read_text(encoding="utf-8-sig"),
                                           newline="")))
    assert len(rows) == len(csv_rows)
    assert [v.lstrip("'") if isinstance(v, str) else v for v in csv_rows[1]] == \
        [v.lstrip("'") if isinstance(v, str) else "" if v is None else v for v in rows[1]]


@pytest.mark.parametrize("path", ["documents/gt-uji/rad-matriks.id.xlsx",
                                  "documents/gt-uji/regional-action-plan-matrix.en.xlsx",
                                  "documents/kerja-sama-uji/pks-anggaran.id.xlsx",
                                  "documents/kerja-sama-uji/cooperation-agreement-budget.en.xlsx"])
def test_the_kits_workbooks_hold_planted_texts_as_text_and_keep_their_own_formulas(planted_site, path):
    book, cells = _cells(planted_site / path)
    _no_planted_formula(cells)
    planted = [c for c in cells if c.value in ARRIVES.values()]
    assert len({c.value for c in planted}) >= 3, [c.value for c in cells]
    assert all(c.data_type == "s" and c.quotePrefix for c in planted)
    assert any(c.parent.title == "lists" for c in planted) == ("gt-uji" in path)  # a program's drop-down
    # The workbook's own formulas: each drop-down's list on the hidden sheet, the check of an amount.
    ws = book.worksheets[1]
    checks = ws.data_validations.dataValidation
    lists = [dv.formula1 for dv in checks if dv.type == "list"]
    assert lists and all(f.startswith("'lists'!$") for f in lists), lists
    for source in lists:
        assert all(c.value for row in book["lists"][source.split("!")[1].replace("$", "")] for c in row)
    if "kerja-sama-uji" in path:
        assert [dv.formula1 for dv in checks if dv.type == "whole"] == ["0"]


def test_a_control_character_is_refused_by_validation_before_any_writer(corpus_dir):
    """openpyxl raises IllegalCharacterError for a text holding a C0 control character (tab, line feed and
    carriage return aside): validation must refuse such content, so that no writer is where it fails."""
    path = corpus_dir / "cooperation" / "kerja-sama-uji.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("item: {id: Tiket pulang,", 'item: {id: "Tiket\\x01pulang",', 1), encoding="utf-8")
    try:
        load_corpus(corpus_dir)
    except ContentErrors as caught:
        assert any("budget[0].item.id" in str(e) for e in caught.errors), [str(e) for e in caught.errors]
    else:
        pytest.skip("validation does not refuse control characters yet")
