"""Nothing in the wrong language: every text pages print is bilingual, and each text is in its field's language.

The walk goes through the content model's classes (model.py) and fails on a plain-text field,
unless the field is one of the kinds below that are the same in both languages.
"""

from __future__ import annotations

import types

from typing import Annotated, Literal, Union, get_args, get_origin

import pytest
from pydantic import BaseModel, StringConstraints

from pedoman import ContentErrors, load_corpus
from pedoman.content.model import GUIDELINE_MODELS, Strict, Text
from pedoman.content.validate import OPTIONAL_REGISTERS, REGISTERS

from harness import ROOT

SAME_IN_BOTH_LANGUAGES = {
    "abbreviation": "an agency's abbreviation (BP3MI) is written the same in both languages; its name is Text",
    "term": "a glossary term as the text writes it (TPPO); its expansion and definition are Text",
    "article": "the articles of an Indonesian instrument as it numbers them (Pasal 6 ayat (6)); such an "
               "instrument has no official English text to number them otherwise",
    "file": "the path of a source record kept with the project, not shown as text",
}
"""Plain-text fields allowed by name, each with why it is the same in both languages."""

NOT_PRINTED = {
    "ReviewedFile": "reviewed.yaml: contacts an editor allowed and why, read by the validator, printed nowhere",
    "TranslationsFile": "translations.yaml: fingerprints written by `pedoman translations`, printed nowhere",
}
"""Files of editors' records that no page, PDF or document prints."""


def _has_pattern(metadata) -> bool:
    """A text constrained to a fixed form (an id, slug, version, number, phone number, e-mail or web
    address): a code, not words to translate."""
    return any(isinstance(m, StringConstraints) and m.pattern for m in metadata)


def plain_text_fields(model: type[BaseModel], seen: set | None = None) -> list[str]:
    """`Class.field` of every field under `model` that holds free text in one language only."""
    seen = set() if seen is None else seen
    if model in seen or model is Text or model.__name__ in NOT_PRINTED:
        return []
    seen.add(model)
    found = []
    for name, info in model.model_fields.items():
        for leaf, metadata in _leaves(info.annotation, tuple(info.metadata)):
            if isinstance(leaf, type) and issubclass(leaf, BaseModel):
                found += plain_text_fields(leaf, seen)
            elif leaf is str and not _has_pattern(metadata) and name not in SAME_IN_BOTH_LANGUAGES:
                found.append(f"{model.__name__}.{name}")  # a dict's keys are text too
    return found


def _leaves(annotation, metadata=()):
    """Each type a field may hold, through lists, dicts, unions and Annotated, with its constraints."""
    origin = get_origin(annotation)
    if origin is Annotated:
        yield from _leaves(get_args(annotation)[0], (*metadata, *annotation.__metadata__))
    elif origin is Literal:
        return  # a code chosen from a fixed list
    elif origin in (list, dict, Union, types.UnionType):
        for arg in get_args(annotation):
            yield from _leaves(arg, metadata)
    else:
        yield annotation, metadata


ROOTS = [*GUIDELINE_MODELS.values(), *REGISTERS.values(), *OPTIONAL_REGISTERS.values()]


def test_every_field_pages_print_as_words_is_bilingual():
    offenders = sorted({f for root in ROOTS for f in plain_text_fields(root)})
    assert offenders == [], f"make these fields Text ({{id: ..., en: ...}}): {offenders}"


class _Caption(Strict):
    caption: str | None = None
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z]+$")]
    kind: Literal["a", "b"]


class _Row(Strict):
    cells: list[_Caption]
    label: Text


class _Page(Strict):
    rows: list[_Row] | None = None
    notes: dict[str, int]
    remarks: list[str]


def test_the_walk_finds_a_plain_text_field_at_any_depth():
    assert sorted(set(plain_text_fields(_Page))) == ["_Caption.caption", "_Page.notes", "_Page.remarks"]


def test_the_allowances_name_real_fields():
    names = {name for root in ROOTS for model in _models(root) for name in model.model_fields}
    assert set(SAME_IN_BOTH_LANGUAGES) <= names
    assert set(NOT_PRINTED) <= {model.__name__ for model in ROOTS}


def _models(model, seen=None):
    seen = set() if seen is None else seen
    if model in seen:
        return seen
    seen.add(model)
    for info in model.model_fields.values():
        for leaf, _ in _leaves(info.annotation):
            if isinstance(leaf, type) and issubclass(leaf, BaseModel):
                _models(leaf, seen)
    return seen


# --- the language check (language.py, through validation) ---------------------


@pytest.mark.parametrize("id_text, en_text", [
    ("Bupati Timor Tengah Selatan", "Regent of Timor Tengah Selatan"),  # a name with few words of its own
    ("Anggaran APBD provinsi NTT", "Provincial APBD of NTT"),
    ("Gugus tugas", "Task force"),  # too short to judge
    ("Institute for Human Rights and Business", "Institute for Human Rights and Business"),  # the same: a name
])
def test_names_and_short_texts_pass(corpus_dir, id_text, en_text):
    path = corpus_dir / "formation" / "gt-uji.yaml"
    text = path.read_text(encoding="utf-8")
    line = "    instrument: {id: SK Gubernur, en: Governor's decree}\n"
    assert line in text
    path.write_text(text.replace(line, f"    instrument: {{id: \"{id_text}\", en: \"{en_text}\"}}\n"),
                    encoding="utf-8")
    assert load_corpus(corpus_dir).guidelines


def test_every_translation_put_in_the_wrong_field_is_flagged(corpus_dir):
    """The small corpus with `id` and `en` swapped in every text long enough to judge: each one is flagged,
    in both languages, and nothing else is."""
    from pedoman.content.language import MIN_WORDS, plain_words
    from pedoman.content.loader import dump_yaml, load_yaml

    swapped = 0

    def swap(data):
        nonlocal swapped
        if isinstance(data, dict):
            if set(data) == {"id", "en"} and isinstance(data["id"], str) and data["id"] != data["en"] and all(
                    len(plain_words(data[lang])) >= MIN_WORDS for lang in ("id", "en")):
                swapped += 2
                return {"id": data["en"], "en": data["id"]}
            return {k: swap(v) for k, v in data.items()}
        if isinstance(data, list):
            return [swap(v) for v in data]
        return data

    for path in sorted(corpus_dir.glob("*/*.yaml")):
        doc, _ = load_yaml(path)
        path.write_text(dump_yaml(swap(doc.data)), encoding="utf-8")
    assert swapped > 20
    with pytest.raises(ContentErrors) as caught:
        load_corpus(corpus_dir)
    messages = [e.message for e in caught.value.errors]
    assert len(messages) == swapped
    assert all(m.startswith(("expected English text, found Indonesian: ",
                             "expected Indonesian text, found English: ")) for m in messages)
    assert {m.split(",")[0] for m in messages} == {"expected English text", "expected Indonesian text"}


def test_the_shipped_guidelines_are_each_in_their_language():
    assert load_corpus(ROOT / "guidelines").guidelines
