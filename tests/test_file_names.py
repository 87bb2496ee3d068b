"""Each file of the drafting kit is downloaded under a name in its own language: the Indonesian original under
its Indonesian name, the English file under an English one, unique within its guideline, ASCII only; pages,
the print listing and the open data all point at those names."""

from __future__ import annotations

import dataclasses
import re

import pytest

from pedoman import load_corpus
from pedoman.documents import kit as documents
from pedoman.documents.filenames import LONGEST, named, slug
from pedoman.documents.texts import catalogue

from conftest import ROOT, VALID

NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@pytest.fixture(scope="module", params=["shipped", "fixture"])
def corpus(request):
    return load_corpus(ROOT / "guidelines" if request.param == "shipped" else VALID)


def test_names_are_ascii_unique_and_in_each_files_language(corpus):
    every = documents.kit(corpus)
    assert every
    by_guideline: dict[tuple[str, str], list[str]] = {}
    for d in every:
        file = d.path.rsplit("/", 1)[1]
        name, lang, fmt = file.rsplit(".", 2)
        assert (lang, fmt) == (d.lang, d.format) and d.path == f"documents/{d.guideline.id}/{file}"
        assert NAME.fullmatch(name) and name.isascii(), d.path
        by_guideline.setdefault((d.guideline.id, d.lang), []).append(f"{name}.{fmt}")
        if d.lang == "id":
            assert name == d.name, d.path  # the Indonesian original keeps its Indonesian name
        else:
            assert name != d.name, d.path  # the English file is named in English
    for key, names in by_guideline.items():
        assert len(names) == len(set(names)), key
    ids = {d.guideline.id for d in every}
    assert all(len(by_guideline[(g, "id")]) == len(by_guideline[(g, "en")]) for g in ids)


def test_a_form_is_named_after_its_english_title_and_a_fixed_document_after_the_texts(corpus):
    for d in documents.kit(corpus):
        if d.lang != "en":
            continue
        name = d.path.rsplit("/", 1)[1].split(".")[0]
        if d.kind == "form":  # named after content: its English title
            assert name == slug(d.title) and len(name) <= LONGEST
        else:  # a document of the kit's own: its name written once in texts.yaml, in both languages
            entry = "file_" + d.name.replace("-", "_")
            assert (catalogue()["id"][entry], catalogue()["en"][entry]) == (d.name, name), d.path


def test_pages_print_and_open_data_point_at_each_languages_file(corpus):
    data = documents.urls_data(corpus)
    for g in corpus.guidelines:
        for lang, other in (("id", "en"), ("en", "id")):
            items = documents.listing(corpus, g, lang)
            mine = {(d.name, d.format): d.path for d in documents.for_guideline(corpus, g, lang)}
            theirs = {(d.name, d.format): d.path for d in documents.for_guideline(corpus, g, other)}
            assert [i["path"] for i in items] == list(mine.values())
            assert [i["other"] for i in items] == [theirs[(i["name"], i["format"])] for i in items]
            for entry in data.get(g.id, []):
                assert entry["url"][lang] == mine[(entry["name"], entry["format"])]


@pytest.mark.parametrize(("title", "expected"), [
    ("Consent and best-interests record for a child", "consent-and-best-interests-record-for-a-child"),
    ("Decree of the Governor of [province name] on the Task Force", "decree-of-the-governor-of-on-the-task-force"),
    ("Pemulihan korban — anak & remaja (Ü)", "pemulihan-korban-anak-remaja-u"),
    ("Record of handover of a victim on return from a very long journey across several provinces of the east",
     "record-of-handover-of-a-victim-on-return-from-a-very-long"),
])
def test_slug(title, expected):
    assert slug(title) == expected and len(slug(title)) <= LONGEST


def test_two_files_with_one_english_name_are_told_apart():
    corpus = load_corpus(VALID)
    g = next(g for g in corpus.guidelines if g.id == "layanan-uji")
    (form,) = [d for d in documents.for_guideline(corpus, g, "en") if d.kind == "form"]
    twin = dataclasses.replace(form, name=form.name + "-salinan", file_name="")
    names = [d.path for d in named([dataclasses.replace(form, file_name=""), twin])]
    assert names[0] != names[1] and names[1].endswith("-2.en.docx") and names[0] == form.path
