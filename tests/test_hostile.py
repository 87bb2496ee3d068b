"""A pull request from a stranger reaches no reader: generated hostile content, built.

Hypothesis writes hostile strings (markup, schemes hidden behind character
references, formula prefixes, Markdown and template syntax, very long words)
into every text field of the small fixture corpus, registers included, and the
whole site is built: HTML, PDFs, the drafting kit, open data, feeds and search.
Then the output is parsed, not grepped: no element or event attribute from the
input, no unsafe link, no formula in a workbook or CSV, no traceback. Personal
data and unprintable characters planted in any field must each be reported at
that field. Examples are derandomized, so CI always runs the same ones;
`PEDOMAN_FUZZ_EXAMPLES=50` explores further on a developer's machine.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, given, settings, strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader
from ruamel.yaml import YAML

from pedoman import ContentErrors, load_corpus
from pedoman.presentation.markdown import is_safe_url
from pedoman.documents.xlsx import FORMULA_STARTS

from conftest import VALID, build_site

MARK = "pdxevil"
"""In every planted payload: an element, attribute or formula carrying it came from the input."""

MARKUP = [
    f"<script>{MARK}(1)</script>",
    f'"><img src=x onerror={MARK}(2)>',
    f"'><svg onload={MARK}(3)>",
    f"</title><{MARK}-tag>",
    f"</textarea></style><iframe src=javascript:{MARK}(4)>",
    f"[klik](javascript:{MARK}(5))",
    f"[klik](java&#x09;script:{MARK}(6))",
    f"[klik](javascript&colon;{MARK}(7))",
    f'<a href="jav&#97;script:{MARK}(8)">a</a>',
    f"![gambar](javascript:{MARK}(9))",
    f"<{MARK}-tag onclick={MARK}(10)>",
    f"{{: onclick={MARK}(11) }}",
    f"{{ #id-{MARK} onmouseover={MARK}(12) }}",
    f"<details open ontoggle={MARK}(13)>",
    f"[x]: javascript:{MARK}(14)",
    "&amp; &lt;b&gt; &#60;i&#62; &amp;amp;",
    "{{ 7*7 }} {% raw %} ${7*7} #{7*7}",
    "**tebal** _miring_ `kode` ~~coret~~",
    "| kolom | kolom |\n|---|---|\n| a | b |",
    "# Judul\n\n---\n\n> kutipan",
    "\\ \\\\ \\` \\*",
    "<!-- komentar --> <![CDATA[ x ]]>",
    f"{MARK}" + "panjang" * 60,
]
FORMULAS = [
    f'=HYPERLINK("https://contoh.test","{MARK}")',
    f"+1+{MARK}",
    f"-2+3+{MARK}",
    f"@SUM(1)+{MARK}",
    f"\t={MARK}",
    f"\r={MARK}",
    f" ={MARK}",
    f"＝{MARK}",
    f"=cmd|' /C calc'!A0{MARK}",
]
SAFE_LETTERS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ÀéüĞßЖ–’…", min_size=1, max_size=12)
"""Harmless text around the payloads: no digit (no phone number by chance), no @."""

hostile = st.tuples(
    st.sampled_from(["", *FORMULAS]),
    st.lists(st.one_of(st.sampled_from(MARKUP), SAFE_LETTERS), min_size=1, max_size=3),
).map(lambda parts: (parts[0] + " " + " ".join(parts[1])).strip() or MARK)

EXAMPLES = int(os.environ.get("PEDOMAN_FUZZ_EXAMPLES", "3"))
yaml = YAML()
yaml.width = 4096


def text_fields(data, path=()):
    """(container, key) of every bilingual text: a mapping of `id` and optionally `en`, both strings."""
    if isinstance(data, dict):
        if data and set(data) <= {"id", "en"} and all(isinstance(v, str) for v in data.values()):
            yield data, path
            return
        for key, value in data.items():
            yield from text_fields(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from text_fields(value, (*path, i))


def plant(content: Path, payloads: list[str]) -> dict[str, int]:
    """Write `payloads` round-robin into every text of every file under `content`, the same
    text in both languages (a name written alike is not judged by the language check); the
    glossary's terms get payloads too. Returns how many texts each file got."""
    counts, n = {}, 0
    for path in sorted(content.rglob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"))
        fields = list(text_fields(data))
        for text, _ in fields:
            value = payloads[n % len(payloads)]
            text["id"] = value
            if "en" in text:
                text["en"] = value
            n += 1
        if path.name == "glossary.yaml":
            for i, term in enumerate(data["terms"]):
                term["term"] = f"{MARK}{i}<b>&amp;"
        with path.open("w", encoding="utf-8") as out:
            yaml.dump(data, out)
        counts[str(path.relative_to(content))] = len(fields)
    return counts


# --- what may appear in the output ----------------------------------------------------------


def html_problems(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    problems = []
    for el in soup.find_all(True):
        if MARK in el.name or el.name in ("iframe", "img", "details") and MARK in str(el.attrs):
            problems.append(f"element <{el.name}>")
        if el.name in ("script", "style") and MARK in el.get_text():
            problems.append(f"<{el.name}> holding {el.get_text()[:60]!r}")
        for name, value in el.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.startswith("on") or MARK in name:
                problems.append(f"attribute {name}={value[:60]!r} on <{el.name}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and not is_safe_url(value):
                problems.append(f"{name}={value[:60]!r} on <{el.name}>")
    return problems


def workbook_problems(path: Path) -> list[str]:
    problems = []
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" and MARK in str(cell.value):
                    problems.append(f"{sheet.title}!{cell.coordinate} is the formula {cell.value!r}")
    return problems


def csv_problems(path: Path) -> list[str]:
    rows = csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    return [f"row {r} holds {cell!r}" for r, row in enumerate(rows, 1) for cell in row
            if cell.lstrip(" \t\r\n").startswith((*FORMULA_STARTS, "＝", "＋", "－", "＠")) and MARK in cell
            and not cell.startswith("'")]


def pdf_problems(path: Path) -> list[str]:
    problems = []
    for number, page in enumerate(PdfReader(path).pages, 1):
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is None:
                continue
            action = action.get_object()
            if action.get("/S") not in ("/URI", "/GoTo"):
                problems.append(f"page {number}: a {action.get('/S')} action")
            elif action.get("/S") == "/URI" and not is_safe_url(str(action["/URI"])):
                problems.append(f"page {number}: a link to {str(action['/URI'])[:60]!r}")
    return problems


def docx_problems(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    return ["a field instruction from the input"] if MARK in xml and ("instrText" in xml or "fldSimple" in xml) \
        and any(MARK in part for part in xml.split("instrText")[1::2]) else []


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          phases=[Phase.explicit, Phase.generate],  # a build takes seconds: no shrinking, the example is printed
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(payloads=st.lists(hostile, min_size=12, max_size=12))
def test_hostile_text_in_every_field_reaches_no_reader(tmp_path_factory, payloads):
    project = tmp_path_factory.mktemp("hostile")
    content = project / "guidelines"
    shutil.copytree(VALID, content)
    counts = plant(content, payloads)
    assert all(counts.values()), f"a file has no text to plant into: {counts}"
    build = build_site(project, content, pedoman={"pdf": True, "search": True})
    assert build.returncode == 0 and "Traceback" not in build.output, build.output[-3000:]
    site = build.site

    problems = {}
    for page in sorted(site.rglob("*.html")):
        problems[page] = html_problems(page)
    for book in sorted(site.rglob("*.xlsx")):
        problems[book] = workbook_problems(book)
    for table in sorted(site.rglob("*.csv")):
        problems[table] = csv_problems(table)
    for pdf in sorted(site.rglob("*.pdf")):
        problems[pdf] = pdf_problems(pdf)
    for doc in sorted(site.rglob("*.docx")):
        problems[doc] = docx_problems(doc)
    for feed in sorted(site.rglob("*.xml")):
        ET.parse(feed)  # well-formed: the feeds and sitemaps escape what they carry
    for data in sorted(site.rglob("*.json")):
        json.loads(data.read_text(encoding="utf-8"))
    found = {str(p.relative_to(site)): v for p, v in problems.items() if v}
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)[:4000]

    # the payloads were printed as text, not dropped: a handbook shows the markup as its reader wrote it
    printed = subprocess.run(["pdftotext", str(site / "pdf" / "gt-uji.id.pdf"), "-"], capture_output=True,
                             text=True, check=True).stdout
    assert MARK in printed.replace("\n", "").replace("-", "")


# --- what validation must refuse, in any field -------------------------------------------------


NIK_DIGITS = st.from_regex(r"\A(1[1-9]|[2-9][0-9])[0-9]{14}\Z")
SEPARATORS = st.sampled_from([" ", ".", "-", "\u2013", "\u2014", "\u2011", "\u00a0", " - ", "\u200b", "\u2009", ""])


def spaced(digits: str, separator: str, groups: tuple[int, ...]) -> str:
    parts, at = [], 0
    for size in groups:
        parts.append(digits[at:at + size])
        at += size
    parts.append(digits[at:])
    return separator.join(p for p in parts if p)


@st.composite
def personal_data(draw) -> str:
    kind = draw(st.sampled_from(["nik", "mobile", "landline", "email"]))
    separator = draw(SEPARATORS)
    if kind == "nik":
        value = spaced(draw(NIK_DIGITS), separator, draw(st.sampled_from([(6, 6), (4, 4, 4), (2, 2, 2, 6), (16,)])))
    elif kind == "mobile":
        rest = draw(st.from_regex(r"\A8[1-9][0-9]{7,9}\Z"))
        prefix = draw(st.sampled_from(["0", "+62 ", "+62", "62", "(+62) ", "+62-", "https://wa.me/62", "tel:+62"]))
        value = prefix + spaced(rest, "" if prefix.startswith(("https", "tel")) else separator, (3, 4))
    elif kind == "landline":
        area = draw(st.sampled_from(["21", "31", "380", "778", "61", "411"]))
        number = draw(st.from_regex(r"\A[2-9][0-9]{6}\Z"))
        value = draw(st.sampled_from([f"(0{area}) {number[:3]}{separator}{number[3:]}", f"0{area}{separator}{number}",
                                      f"+62 {area} {number}"]))
    else:
        user = draw(st.from_regex(r"\A[a-z]{3,8}(\.[a-z]{2,6})?\Z"))
        domain = draw(st.sampled_from(["gmail", "yahoo", "contoh-ngo", "mail"]))
        tld = draw(st.sampled_from(["com", "co.id", "or.id", "org"]))
        at, dot = draw(st.sampled_from([("@", "."), ("＠", "."), (" [at] ", " [dot] "), ("(at)", "(dot)"),
                                        (" at ", " dot "), ("@", " . ")]))
        value = f"{user}{at}{domain}{dot}{tld.replace('.', dot)}"
    if draw(st.booleans()):
        value = value.translate(str.maketrans("0123456789", "０１２３４５６７８９"))  # full-width digits
    return value


def _plant_one(content: Path, file_index: int, field_index: int, make) -> tuple[str, str]:
    """Put `make(old_text)` into one text of one file; returns the file and the field's dotted path."""
    files = sorted(content.rglob("*.yaml"))
    path = files[file_index % len(files)]
    data = yaml.load(path.read_text(encoding="utf-8"))
    fields = list(text_fields(data))
    text, where = fields[field_index % len(fields)]
    text["id"] = make(text["id"])
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in (*where, "id")).lstrip(".")
    return str(path.relative_to(content.parent)), field


@settings(max_examples=max(40, EXAMPLES * 10), deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(value=personal_data(), file_index=st.integers(0, 50), field_index=st.integers(0, 500))
def test_personal_data_in_any_field_is_found(tmp_path_factory, value, file_index, field_index):
    content = tmp_path_factory.mktemp("personal") / "guidelines"
    shutil.copytree(VALID, content)
    file, field = _plant_one(content, file_index, field_index, lambda old: f"{old} Hubungi {value} segera.")
    with pytest.raises(ContentErrors) as caught:
        load_corpus(content)
    hits = [e for e in caught.value.errors if e.file == file and e.field == field and "personal data" in e.message]
    assert hits, f"{value!r} in {file} {field} was not found: {caught.value.report()}"


REFUSED = st.one_of(
    st.sampled_from(["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9b",
                     "\u202e", "\u2066", "\u200f", "\ue000", "\U000f0000", "\u0378"]),
    st.characters(categories=["Cc"]).filter(lambda c: c not in "\t\n\r"),
    st.characters(categories=["Co"]),
)


@settings(max_examples=max(40, EXAMPLES * 10), deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(char=REFUSED, file_index=st.integers(0, 50), field_index=st.integers(0, 500), at=st.integers(0, 30))
def test_an_unprintable_character_in_any_field_is_named_at_its_field(tmp_path_factory, char, file_index,
                                                                     field_index, at):
    content = tmp_path_factory.mktemp("characters") / "guidelines"
    shutil.copytree(VALID, content)
    file, field = _plant_one(content, file_index, field_index, lambda old: old[:at] + char + old[at:])
    with pytest.raises(ContentErrors) as caught:
        load_corpus(content)
    named = f"U+{ord(char):04X}"
    hits = [e for e in caught.value.errors if e.file == file and e.field == field and named in e.message]
    assert hits, f"{named} in {file} {field} was not named: {caught.value.report()}"
