"""The one catalogue of the words the site and the PDFs print: checked like content, the only
source of the templates' words, and what the built pages show in each language."""

from __future__ import annotations

import importlib.util
import re
import typing
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
import yaml

from conftest import ROOT
from harness import read_config
from pedoman.content import model
from pedoman.presentation import words
from pedoman.errors import ContentErrors
from pedoman.site.render import nav_translations
from sitecheck import soup

TEMPLATES = sorted((ROOT / "src/pedoman").rglob("*.j2")) + sorted((ROOT / "overrides").rglob("*.html"))
W = words.CATALOGUE


# --- the catalogue, checked like content ---

def test_every_word_has_a_non_empty_text_in_every_language():
    assert set(W) == set(model.LANGUAGES)
    keys = set(W["id"])
    assert len(keys) > 100
    for lang in model.LANGUAGES:
        assert set(W[lang]) == keys, lang
        assert all(W[lang][k].strip() for k in keys), lang


def test_the_words_templates_ask_for_by_value_exist():
    """Kinds, statuses, 5K, parties, working-tool titles and report states are looked up by value."""
    statuses = typing.get_args(model.GuidelineBase.model_fields["status"].annotation)
    assert statuses
    needed = {*model.KINDS, *model.STAKEHOLDERS, *typing.get_args(model.Party), *statuses, "missing",
              *(part for kind in model.KINDS for part in model.structured_parts(kind))}
    for lang in model.LANGUAGES:
        assert needed <= set(W[lang]), needed - set(W[lang])


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "words.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(path: Path) -> list[str]:
    with pytest.raises(ContentErrors) as raised:
        words.load(path)
    return [str(e) for e in raised.value.errors]


GOOD = "search:\n  id: Cari\n  en: Search\n"


def test_a_good_catalogue_loads(tmp_path):
    loaded = words.load(write(tmp_path, GOOD))
    assert (loaded["id"]["search"], loaded["en"].search) == ("Cari", "Search")


def test_a_missing_english_text_is_an_error_at_its_word(tmp_path):
    path = write(tmp_path, GOOD + "close:\n  id: Tutup\n")
    assert errors_of(path) == [f"{path}:4:1: close: no English text (en); every word needs one in each language"]


def test_a_missing_indonesian_text_is_an_error_too(tmp_path):
    path = write(tmp_path, GOOD + "close:\n  en: Close\n")
    assert errors_of(path) == [f"{path}:4:1: close: no Indonesian text (id); every word needs one in each language"]


@pytest.mark.parametrize("empty", ["''", '"  "', ""])
def test_an_empty_text_is_an_error_at_the_text(tmp_path, empty):
    path = write(tmp_path, GOOD + f"close:\n  id: Tutup\n  en: {empty}\n")
    [error] = errors_of(path)
    if empty:
        assert error == f"{path}:6:7: close.en: the English text is empty"
    else:  # `en:` with nothing after it is null, not a text
        assert error.startswith(f"{path}:6:") and "close.en: expected a text" in error


def test_an_unknown_language_is_an_error_at_its_key(tmp_path):
    path = write(tmp_path, GOOD + "close:\n  id: Tutup\n  en: Close\n  EN: Close\n")
    assert errors_of(path) == [f"{path}:7:3: close.EN: unknown language 'EN'; the site's languages are id, en "
                               "(and 'markup: true' marks Markdown or HTML)"]


def test_other_broken_entries_are_all_reported_at_once(tmp_path):
    path = write(tmp_path, GOOD + "close: Tutup\nitems:\n  id: Butir\n  en: Items\n"
                 "note:\n  markup: yes please\n  id: <b>Catatan</b>\n  en: <b>Note</b>\n")
    found = errors_of(path)
    assert len(found) == 3
    assert f"{path}:4:8: close: expected the word's texts (id: ..., en: ...)" in found
    assert any(e.startswith(f"{path}:5:1: items: 'items' cannot name a word") for e in found)
    assert f"{path}:9:11: note.markup: expected true or false" in found


def test_a_word_written_twice_is_an_error(tmp_path):
    path = write(tmp_path, GOOD + "search:\n  id: Telusuri\n  en: Look up\n")
    [error] = errors_of(path)
    assert error.startswith(f"{path}:4:1: search: duplicate key 'search'")


def test_markup_words_are_printed_as_written_and_others_escaped(tmp_path):
    loaded = words.load(write(tmp_path, GOOD + 'hint:\n  markup: true\n  id: "<a href=\\"{home}\\">beranda</a>"\n'
                                                "  en: <em>home</em>\n" "plain:\n  id: a < b\n  en: a < b\n"))
    env = jinja2.Environment(autoescape=True)
    page = env.from_string("{{ L.hint.format(home='/') }} {{ L.plain }}").render(L=loaded["id"])
    assert page == '<a href="/">beranda</a> a &lt; b'


# --- templates print words from the catalogue only ---

LANGUAGE = re.compile(r"lang|locale")
COMPARED_TO_A_CODE = re.compile(r"""[!=]=\s*["'][a-z]{2}["']|["'][a-z]{2}["']\s*[!=]=""")
IF_BLOCK = re.compile(r"\{%-?\s*(?:el)?if\b(?P<cond>(?:(?!%\}).)*)-?%\}(?P<body>.*?)\{%-?\s*endif\s*-?%\}", re.S)
INLINE_IF = re.compile(r"""(["'])(?P<a>[^"'{}]*)\1\s+if\s+(?P<cond>[^{}%]*?)\s+else\s+(["'])(?P<b>[^"'{}]*)\4""")


def literal_words(text: str) -> bool:
    """True when `text` holds words of its own, outside Jinja tags and expressions and HTML tags."""
    bare = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|<[^>]*>|&\w+;", " ", text, flags=re.S)
    return re.search(r"[^\W\d_]{2,}", bare) is not None


def by_language(condition: str) -> bool:
    return bool(LANGUAGE.search(condition) and COMPARED_TO_A_CODE.search(condition))


def language_branches(source: str) -> list[str]:
    """Every place a template chooses a literal text by language."""
    found = []
    starts = (IF_BLOCK.match(source, start.start()) for start in re.finditer(r"\{%-?\s*(?:el)?if\b", source))
    for m in filter(None, starts):  # each if and elif, nested ones too
        if by_language(m["cond"]) and literal_words(m["body"]):
            found.append(m[0][:80])
    for m in INLINE_IF.finditer(source):
        if by_language(m["cond"]) and (literal_words(m["a"]) or literal_words(m["b"])):
            found.append(m[0][:80])
    return found


@pytest.mark.parametrize("source", [
    '{% if lang == "id" %}\nJumlah bagian.\n{% else %}\nHow many sections.\n{% endif %}',
    '<p>{% if lang == "id" %}Semua teks.{% else %}Every text.{% endif %}</p>',
    '{{ L.source }}.{% if lang == "en" %} The Indonesian text is the original.{% endif %}',
    '{% if (i18n_current_language | d("id")) == "en" %}\n<h1>Page not found</h1>\n{% else %}<h1>Halaman</h1>{% endif %}',
    '{% if found %}{% if lang == "id" %}Ada.{% endif %}{% else %}{% if lang != "id" %}None.{% endif %}{% endif %}',
    '{% if lang == "en" %}{{ L.x }}{% elif lang == "id" %}Teks{% endif %}',
    '{% set pd_label = "Cari" if pd_lang == "id" else "Search" %}',
    "aria-label=\"{{ 'Tutup' if pd_lang == 'id' else 'Close' }}\"",
])
def test_the_scan_finds_a_language_branch_between_literal_texts(source):
    assert language_branches(source)


@pytest.mark.parametrize("source", [
    '{% if translation and untranslated[g.id] %}<p>{{ L.untranslated_parts }}</p>{% endif %}',
    '{% set alt_href = ("/" ~ root ~ "/" if root else "/") ~ ("" if alt.lang == "id" else alt.lang ~ "/") %}',
])
def test_the_scan_lets_words_from_the_catalogue_and_links_by_language_pass(source):
    assert not language_branches(source)


def test_no_template_chooses_a_literal_text_by_language():
    assert len(TEMPLATES) > 20
    found = {str(t.relative_to(ROOT)): language_branches(t.read_text(encoding="utf-8")) for t in TEMPLATES}
    assert {k: v for k, v in found.items() if v} == {}


def test_every_word_a_template_names_is_in_the_catalogue():
    named: dict[str, set[str]] = {}
    for template in TEMPLATES:
        source = template.read_text(encoding="utf-8")
        keys = set(re.findall(r"\bL\.(\w+)", source)) | set(re.findall(r"""\bL\[["']([\w-]+)["']\]""", source))
        keys |= set(re.findall(r"\bpd_words\[[^\]]+\]\.(\w+)", source)) | set(re.findall(r"\bpd_w\.(\w+)", source))
        if keys:
            named[str(template.relative_to(ROOT))] = keys
    assert "overrides/404.html" in named and "overrides/partials/pd-search.html" in named
    missing = {t: sorted(k - set(W["id"])) for t, k in named.items() if k - set(W["id"])}
    assert missing == {}


@pytest.mark.parametrize("undefined", [jinja2.StrictUndefined, jinja2.Undefined])
def test_a_word_missing_from_the_catalogue_fails_the_render_never_prints_empty(undefined):
    """Page templates render with StrictUndefined; the theme's (MkDocs) with Jinja's lenient default."""
    env = jinja2.Environment(undefined=undefined)
    for source in ("{{ L.no_such_word }}", "{{ L['no_such_word'] }}", "{{ pd_words['en'].no_such_word }}"):
        with pytest.raises(words.UnknownWord, match="no word 'no_such_word'"):
            env.from_string(source).render(L=W["id"], pd_words=W)
    assert env.from_string("{{ L.search }}").render(L=W["en"]) == "Search"


# --- the navigation's English titles come from the catalogue ---

def test_mkdocs_yml_holds_no_navigation_titles_of_its_own():
    config = read_config()
    for language in config["plugins"][0]["i18n"]["languages"]:
        assert "nav_translations" not in language, language["locale"]


def test_the_hooks_give_the_i18n_plugin_the_english_navigation_titles():
    spec = importlib.util.spec_from_file_location("site_hooks_for_words", ROOT / "hooks/site_hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    languages = [SimpleNamespace(locale="id", default=True, nav_translations=None),
                 SimpleNamespace(locale="en", default=False, nav_translations=None)]
    hooks._translate_nav(SimpleNamespace(plugins={"i18n": SimpleNamespace(config=SimpleNamespace(languages=languages))}))
    assert languages[0].nav_translations is None
    assert languages[1].nav_translations == nav_translations("en")
    assert nav_translations("en")["Kerja sama antarwilayah"] == W["en"]["cooperation"]
    assert len(nav_translations("en")) == 4 + len(model.KINDS)  # guidelines, recommendations, training, editors


# --- what the built site shows ---

@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_not_found_page_speaks_its_language_and_points_to_the_other(fixture_site, lang):
    other = "en" if lang == "id" else "id"
    page = soup(fixture_site.site, ("" if lang == "id" else "en/") + "404.html")
    heading = page.find("h1", string=W[lang]["not_found"])
    help_text = heading.find_next("p")
    assert help_text.get_text().startswith(W[lang]["not_found_help"].split("<", 1)[0])
    assert [a["href"] for a in help_text("a")] == (["/", "/guidelines/"] if lang == "id" else ["/en/", "/en/guidelines/"])
    pointer = page.select_one(f'p[lang="{other}"]')
    assert pointer.a["href"] == ("/en/" if other == "en" else "/")
    assert pointer.get_text().startswith(W[other]["not_found_elsewhere"].split("<", 1)[0])


@pytest.mark.parametrize("url", ["", "en/", "guidelines/formation/gt-uji/", "en/recommendations/", "404.html", "en/404.html"])
def test_the_search_button_is_labelled_in_the_page_language(fixture_site, url):
    lang = "en" if url.startswith("en/") else "id"
    page = soup(fixture_site.site, url)
    assert page.select_one("button[data-pd-search-open]")["aria-label"] == W[lang]["search"]
    assert page.select_one("dialog#pd-search")["aria-label"] == W[lang]["search"]
    assert page.select_one("button[data-pd-search-close]")["aria-label"] == W[lang]["close"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_table_headers_and_paragraphs_come_from_the_catalogue(fixture_site, lang):
    prefix = "" if lang == "id" else "en/"
    glossary = soup(fixture_site.site, prefix + "glossary/")
    assert [th.get_text(strip=True) for th in glossary.select("thead th")] == [W[lang]["term"], W[lang]["expansion"]]
    matrix = soup(fixture_site.site, prefix + "recommendations/")
    assert matrix.select_one("thead th").get_text(strip=True) == W[lang]["guideline"]
    assert W[lang]["matrix_intro"] in matrix.get_text(" ", strip=True)
    report = soup(fixture_site.site, prefix + "translations/")
    command = next(c.get_text() for c in report.select("p code") if c.get_text().startswith("pedoman translations"))
    assert command == re.search(r"`(.*?)`", W[lang]["translation_report_intro"])[1]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_navigation_sections_are_titled_in_the_page_language(fixture_site, lang):
    page = soup(fixture_site.site, "" if lang == "id" else "en/")
    sections = [link.get_text(" ", strip=True)
                for link in page.select(".md-nav--primary .md-nav__item--nested > .md-nav__link")]
    assert sections == [W[lang][key] for key in ("guidelines", *model.KINDS, "recommendations", "training", "editors")]
