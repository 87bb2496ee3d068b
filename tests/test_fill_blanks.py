"""Blanks filled in the browser (issue 24, item 5; site/templates/_documents.j2, overrides/assets/fill.js).

In Chromium, on a built site served under a sub-path: a document's entry shows a field per blank; filled
in, its button downloads the published .docx/.xlsx with every value in place of its "[blank]" (in capitals
where the blank is written in capitals), the filled runs no longer highlighted, nothing else changed, and
the file still opens in python-docx, openpyxl and LibreOffice. An empty field leaves its blank. No request
goes to another host or carries what was typed. Offline, a document opened once is filled in all the same;
one that cannot be fetched gets a plain message. Without JavaScript no form shows and the plain download remains.
The expected files are worked out here from the published ones, not taken from the script.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

import docx
import openpyxl
import pytest
from axe_playwright_python.sync_playwright import Axe
from docx.oxml.ns import qn
from playwright.sync_api import expect

from conftest import VALID, build_site
from harness import ROOT
from pedoman.presentation.words import CATALOGUE
from test_offline import until_controlled, wait_until
from webcheck import launch, serve

SUB_PATH = "site/"
PAGE = "guidelines/formation/gt-uji/"
"""The fixture's formation guideline: its decree (SK) and its RAD matrix."""
SK = {"id": "documents/gt-uji/sk-pembentukan.id.docx", "en": "documents/gt-uji/decree-forming-the-task-force.en.docx"}
MATRIX = {"id": "documents/gt-uji/rad-matriks.id.xlsx", "en": "documents/gt-uji/regional-action-plan-matrix.en.xlsx"}
"""Each language's file, under its own name (documents/filenames.py)."""
BLANK = re.compile(r"\[([^\[\]]+)\]")
TRICKY = """A & B <"Uji"> 'satu' &amp; </w:t>"""
"""A value with what XML must escape, and what would break the file if it were pasted in unescaped."""
WORD_PARTS = re.compile(r"^/word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("fill")
    content = project / "guidelines"
    shutil.copytree(VALID, content)
    build = build_site(project, content)
    assert build.returncode == 0, build.output
    return build.site


@pytest.fixture(scope="module")
def browser():
    with launch() as b:
        yield b


def prefix(lang: str) -> str:
    return "" if lang == "id" else "en/"


# --- reading the files, independently of the script ----------------------------------------------------

def word_parts(path: Path):
    """The XML parts of a Word file that hold its text: body, headers, footers."""
    document = docx.Document(str(path))
    return document, [part for part in document.part.package.iter_parts() if WORD_PARTS.match(str(part.partname))]


def word_text(path: Path) -> tuple[list[str], list[str], str]:
    """Each paragraph's text in every part, the text of each highlighted run, and the title."""
    document, parts = word_parts(path)
    paragraphs, marked = [], []
    for part in parts:
        for p in part.element.iter(qn("w:p")):
            paragraphs.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
        for r in part.element.iter(qn("w:r")):
            if r.find(f"{qn('w:rPr')}/{qn('w:highlight')}") is not None:
                marked.append("".join(t.text or "" for t in r.iter(qn("w:t"))))
    return paragraphs, marked, document.core_properties.title


def sheet_cells(path: Path) -> dict[tuple[str, str], object]:
    """Every cell of every sheet, by sheet title and coordinate."""
    book = openpyxl.load_workbook(path)
    return {(ws.title, c.coordinate): c.value for ws in book.worksheets for row in ws.iter_rows() for c in row}


def labels_in(texts) -> list[str]:
    return [m.group(1) for text in texts if isinstance(text, str) for m in BLANK.finditer(text)]


def expected(text, values: dict[str, str], fields: dict[str, str]):
    """`text` as the filled file must have it: each blank with a value replaced, in capitals where the
    blank is in capitals and its field's label is not; `values` and `fields` by case-folded label."""
    if not isinstance(text, str):
        return text

    def one(match):
        label = match.group(1)
        value = values.get(label.casefold())
        if value is None:
            return match.group(0)
        shouted = label != fields[label.casefold()] and label.isupper()
        return value.upper() if shouted else value

    return BLANK.sub(one, text)


# --- in the browser --------------------------------------------------------------------------------------

def open_form(page, path: str):
    """The form of the entry whose file is `path`, its blanks' list opened."""
    form = page.locator(f'form[data-pd-fill][data-pd-src$="{path}"]')
    details = page.locator("details.pd-blanks").filter(has=form)
    if not details.evaluate("d => d.open"):
        details.locator("summary").click()
    expect(form).to_be_visible()
    return form


def field_labels(form) -> list[str]:
    return form.locator("input[data-pd-blank]").evaluate_all("inputs => inputs.map(i => i.dataset.pdBlank)")


def fill_and_download(page, path: str, values: dict[str, str], target: Path):
    """Type `values` (by case-folded label) into the form of `path`, press its button, save the download."""
    form = open_form(page, path)
    for label in field_labels(form):
        form.locator(f'input[data-pd-blank="{label}"]').fill(values.get(label.casefold(), ""))
    with page.expect_download() as info:
        form.locator("button").click()
    download = info.value
    assert download.failure() is None
    download.save_as(target)
    return download.suggested_filename, form


def values_for(labels: list[str], lang: str, tag: str = "") -> dict[str, str]:
    """A distinct value per blank (case-folded label), the first one full of what XML must escape."""
    values = {label.casefold(): f"Isian {n} {lang}{tag}" for n, label in enumerate(labels, start=1)}
    values[labels[0].casefold()] = TRICKY
    return values


class Requests:
    """Every request a browser context makes: the address and the body."""

    def __init__(self, context):
        self.seen: list[tuple[str, str]] = []
        context.on("request", lambda request: self.seen.append((request.url, request.post_data or "")))

    def check(self, root: str, values) -> None:
        hosts = {urlparse(url).netloc for url, _ in self.seen}
        assert hosts == {urlparse(root).netloc}, hosts
        for url, body in self.seen:
            for value in values:
                for form in {value, quote(value), quote(value, safe=""), quote(value).replace("%20", "+")}:
                    assert form not in url and form not in unquote(url) and form not in body, (url, value)


def check_word(original: Path, filled: Path, values: dict[str, str], fields: dict[str, str]) -> None:
    paragraphs, marked, title = word_text(original)
    paragraphs_after, marked_after, title_after = word_text(filled)
    assert labels_in(paragraphs), "the decree has blanks to fill in"
    assert marked and all(BLANK.fullmatch(text) for text in marked), "each blank is a highlighted run of its own"
    assert paragraphs_after == [expected(p, values, fields) for p in paragraphs]
    assert title_after == expected(title, values, fields)
    left = [label for label in labels_in(paragraphs_after) if label.casefold() in values]
    assert left == []
    # a run still highlighted is exactly a blank left empty
    assert sorted(marked_after) == sorted(text for text in marked if BLANK.fullmatch(text).group(1).casefold() not in values)


def check_workbook(original: Path, filled: Path, values: dict[str, str], fields: dict[str, str]) -> None:
    before, after = sheet_cells(original), sheet_cells(filled)
    assert labels_in(before.values()), "the matrix has blanks to fill in"
    assert after == {where: expected(value, values, fields) for where, value in before.items()}
    assert [label for label in labels_in(after.values()) if label.casefold() in values] == []


def blank_fields(site: Path, path: str, kind: str) -> set[str]:
    """The blanks a file holds, case-folded, read from the file itself."""
    if kind == "docx":
        paragraphs, _, title = word_text(site / path)
        return {label.casefold() for label in labels_in([*paragraphs, title])}
    return {label.casefold() for label in labels_in(sheet_cells(site / path).values())}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_blank_of_the_decree_and_the_matrix_is_filled_in_on_the_page(browser, site, tmp_path, lang):
    words = CATALOGUE[lang]
    with serve(site.parent) as root:
        base = root + SUB_PATH
        context = browser.new_context()
        requests = Requests(context)
        page = context.new_page()
        page.goto(base + prefix(lang) + PAGE)
        typed: list[str] = []
        for template, kind in ((SK, "docx"), (MATRIX, "xlsx")):
            path = template[lang]
            form = open_form(page, path)
            expect(form.locator(".pd-fill__intro")).to_have_text(words.fill_intro)
            labels = field_labels(form)
            assert {label.casefold() for label in labels} == blank_fields(site, path, kind)
            assert len(labels) == len({label.casefold() for label in labels})  # one field per blank
            for label in labels:  # each field has its label, tied to it, and the blank as placeholder
                field = form.locator(f'input[data-pd-blank="{label}"]')
                assert form.locator(f'label[for="{field.get_attribute("id")}"]').inner_text() == label
                assert field.get_attribute("placeholder") == f"[{label}]"
                assert field.get_attribute("name") is None  # nothing a form could send
            values = values_for(labels, lang)
            typed += values.values()
            fields = {label.casefold(): label for label in labels}
            target = tmp_path / f"filled-{Path(path).name}"
            name, form = fill_and_download(page, path, values, target)
            assert name == Path(path).name
            count = sum(1 for label in labels_in(
                word_text(site / path)[0] if kind == "docx" else sheet_cells(site / path).values())
                if label.casefold() in values)
            expect(form.locator(".pd-fill__status")).to_contain_text(name)
            assert re.search(rf"\b{count}\b", form.locator(".pd-fill__status").inner_text())
            if kind == "docx":
                check_word(site / path, target, values, fields)
            else:
                check_workbook(site / path, target, values, fields)
            with zipfile.ZipFile(target) as z:  # the published file's parts, none lost or added
                with zipfile.ZipFile(site / path) as published:
                    assert z.namelist() == published.namelist()
                assert z.testzip() is None
        context.close()
    requests.check(root, typed)


def test_an_empty_field_leaves_its_blank_highlighted(browser, site, tmp_path):
    path = SK["en"]
    with serve(site.parent) as root:
        context = browser.new_context()
        page = context.new_page()
        page.goto(root + SUB_PATH + "en/" + PAGE)
        labels = field_labels(open_form(page, path))
        assert len(labels) >= 4
        values = {label.casefold(): f"Value {n}" for n, label in enumerate(labels) if n % 2 == 0}
        fill_and_download(page, path, values, tmp_path / "half.docx")
        context.close()
    check_word(site / path, tmp_path / "half.docx", values, {label.casefold(): label for label in labels})
    _, marked, _ = word_text(tmp_path / "half.docx")
    assert {BLANK.fullmatch(text).group(1).casefold() for text in marked} == {
        label.casefold() for n, label in enumerate(labels) if n % 2}


def test_offline_a_document_opened_once_is_filled_in_all_the_same(browser, site, tmp_path):
    words = CATALOGUE["id"]
    with serve(site.parent) as root:
        base = root + SUB_PATH
        context = browser.new_context()
        requests = Requests(context)
        page = context.new_page()
        page.goto(base + PAGE)
        until_controlled(page)
        typed: list[str] = []
        for template in (SK, MATRIX):  # opened once while online: the worker keeps them
            url = base + template["id"]
            assert page.evaluate("url => fetch(url).then(r => r.status)", url) == 200
            wait_until(page, "url => caches.match(url).then(hit => hit !== undefined)", arg=url)
        context.set_offline(True)
        page.reload()
        for template, check in ((SK, check_word), (MATRIX, check_workbook)):
            path = template["id"]
            labels = field_labels(open_form(page, path))
            values = values_for(labels, "id", " offline")
            typed += values.values()
            fill_and_download(page, path, values, tmp_path / Path(path).name)
            check(site / path, tmp_path / Path(path).name, values, {label.casefold(): label for label in labels})
        context.close()
    requests.check(root, typed)


def test_a_document_that_cannot_be_fetched_says_so_and_downloads_nothing(browser, site):
    """Offline, a document the browser does not hold cannot be fetched: the page says so."""
    words = CATALOGUE["id"]
    path = SK["id"]
    with serve(site.parent) as root:
        context = browser.new_context(service_workers="block")  # so that the request reaches the route below
        page = context.new_page()
        page.goto(root + SUB_PATH + PAGE)
        page.route(f"**/{Path(path).name}", lambda route: route.abort("internetdisconnected"))
        form = open_form(page, path)
        form.locator("input").first.fill("Nusa Tenggara Timur")
        downloads = []
        page.on("download", lambda download: downloads.append(download))
        form.locator("button").click()
        expect(form.locator(".pd-fill__status")).to_have_text(words.fill_offline)
        expect(form.locator("button")).to_be_enabled()  # ready to try again
        assert downloads == []
        context.close()


def test_without_javascript_only_the_plain_downloads_show(browser, site):
    with serve(site.parent) as root:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        for url in (PAGE, "drafting-kit/"):
            page.goto(root + SUB_PATH + url)
            forms = page.locator("form[data-pd-fill]")
            assert forms.count() >= 4
            for n in range(forms.count()):
                expect(forms.nth(n)).to_be_hidden()
            links = page.locator(f'a[download][href$="{Path(SK["id"]).name}"]')
            assert links.count() == 1
        context.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_form_is_accessible_and_easy_to_tap_on_a_phone(browser, site, lang):
    with serve(site.parent) as root:
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.goto(root + SUB_PATH + prefix(lang) + "drafting-kit/")
        form = open_form(page, SK[lang])
        for control in [*form.locator("input").all(), form.locator("button")]:
            box = control.bounding_box()
            assert box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
        assert form.locator("button").inner_text().strip() == CATALOGUE[lang].fill_button
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
        (ROOT / "build" / "screenshots").mkdir(parents=True, exist_ok=True)
        form.screenshot(path=ROOT / "build" / "screenshots" / f"phone-fill-{lang}.png")
        results = Axe().run(page)
        serious = [(v["id"], len(v["nodes"])) for v in results.response["violations"]
                   if v["impact"] in ("serious", "critical")]
        context.close()
    assert serious == []


def test_libreoffice_converts_a_filled_decree(browser, site, tmp_path):
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: `make test` installs libreoffice-writer-nogui"
    path = SK["id"]
    with serve(site.parent) as root:
        context = browser.new_context()
        page = context.new_page()
        page.goto(root + SUB_PATH + PAGE)
        labels = field_labels(open_form(page, path))
        values = values_for(labels, "id")
        values["nama provinsi"] = "Nusa Tenggara Timur"
        values[labels[-1].casefold()] = TRICKY
        fill_and_download(page, path, values, tmp_path / "filled.docx")
        context.close()
    run = subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(tmp_path / "filled.docx")],
                         capture_output=True, text=True, timeout=300, env=os.environ | {"HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    text = subprocess.run(["pdftotext", str(tmp_path / "pdf" / "filled.pdf"), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "NUSA TENGGARA TIMUR" in flat and "Provinsi Nusa Tenggara Timur" in flat
    assert " ".join(TRICKY.split()) in flat
    assert not BLANK.search(flat)


def test_the_zip_library_is_the_pinned_release_unchanged():
    """overrides/assets/fflate.js is fflate's browser build at the version package.json pins, with its licence."""
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["fflate"]
    installed = ROOT / "node_modules" / "fflate"
    assert installed.is_dir(), "fflate is missing from node_modules: `make test` installs it (npm ci)"
    assert json.loads((installed / "package.json").read_text(encoding="utf-8"))["version"] == pinned
    vendored = (ROOT / "overrides" / "assets" / "fflate.js").read_text(encoding="utf-8")
    header, body = vendored.split("\n*/\n", 1)
    assert header.startswith(f"/*! fflate {pinned},")
    assert "MIT License" in header and "Permission is hereby granted" in header
    assert body == (installed / "umd" / "index.js").read_text(encoding="utf-8")
    assert not re.search(r"https?://", body)  # it loads nothing from anywhere
