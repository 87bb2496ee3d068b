"""The words the site and the PDFs print around the content, in every site language.

They live in one catalogue, `words.yaml` beside this module, and are checked like
content when it is loaded: every entry needs a non-empty text in each language of
`model.LANGUAGES`, and a wrong entry stops the build with `file:line:col`. Page
templates get one language's words as `L`, print templates too, and the theme's
templates (overrides/) get the whole catalogue as `pd_words` (see the hooks).

Asking for a word the catalogue does not hold is an error (`UnknownWord`), never
an empty text on a page. An entry marked `markup: true` is printed as written
(Markdown or HTML, with `{home}` where a template fills in a link); every other
text is escaped like any other text.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from pedoman.content.loader import Document, format_path, load_yaml
from pedoman.content.model import LANGUAGES
from pedoman.errors import BuildError, ContentError, ContentErrors

PATH = Path(__file__).with_name("words.yaml")

_LANGUAGE_NAMES = {"id": "Indonesian", "en": "English"}


class UnknownWord(BuildError):
    """A template or module asked for a word the catalogue does not hold.

    Not a LookupError: Jinja turns those into an undefined value, which the
    theme's templates would print as nothing.
    """


class Words(Mapping[str, str]):
    """The words of one language: `words["pdf"]` in Python, `L.pdf` or `L["pdf"]` in a template."""

    def __init__(self, lang: str, texts: dict[str, str]):
        self._lang = lang
        self._texts = texts

    def __getitem__(self, key: str) -> str:
        try:
            return self._texts[key]
        except KeyError:
            raise UnknownWord(f"{PATH.name} has no word '{key}' (asked for in {self._lang}); "
                              f"add it with its texts in {', '.join(LANGUAGES)}") from None

    def __getattr__(self, key: str) -> str:
        if key.startswith("_"):
            raise AttributeError(key)
        return self[key]

    def __contains__(self, key: object) -> bool:
        return key in self._texts

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __repr__(self) -> str:
        return f"Words({self._lang!r}, {len(self)} words)"


def _check(doc: Document) -> tuple[dict[str, dict[str, str]], list[ContentError]]:
    """Every entry's texts by language, and what is wrong with the catalogue."""
    errors: list[ContentError] = []

    def error(path: tuple, message: str, at_key: bool = False) -> None:
        line, column = doc.key_mark(path) if at_key else doc.mark(path)
        errors.append(ContentError(doc.path, line, column, format_path(path), message))

    texts: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for key, entry in doc.data.items():
        if key.startswith("_") or hasattr(Words, key):
            error((key,), f"'{key}' cannot name a word: templates would get Python's '{key}' instead",
                  at_key=True)
            continue
        if not isinstance(entry, dict):
            error((key,), f"expected the word's texts ({', '.join(f'{lang}: ...' for lang in LANGUAGES)})")
            continue
        for name in entry:
            if name not in (*LANGUAGES, "markup"):
                error((key, name), f"unknown language '{name}'; the site's languages are "
                      f"{', '.join(LANGUAGES)} (and 'markup: true' marks Markdown or HTML)", at_key=True)
        markup = entry.get("markup", False)
        if not isinstance(markup, bool):
            error((key, "markup"), "expected true or false")
        for lang in LANGUAGES:
            value = entry.get(lang)
            if lang not in entry:
                error((key,), f"no {_LANGUAGE_NAMES.get(lang, lang)} text ({lang}); every word needs one "
                      "in each language", at_key=True)
            elif not isinstance(value, str):
                error((key, lang), "expected a text")
            elif not value.strip():
                error((key, lang), f"the {_LANGUAGE_NAMES.get(lang, lang)} text is empty")
            else:
                texts[lang][key] = Markup(value) if markup is True else value
    return texts, errors


def load(path: Path = PATH) -> dict[str, Words]:
    """The catalogue at `path`, checked: language → its words. Raises ContentErrors."""
    doc, errors = load_yaml(path)
    if doc is None:
        raise ContentErrors(errors)
    texts, errors = _check(doc)
    if errors:
        raise ContentErrors(errors)
    return {lang: Words(lang, texts[lang]) for lang in LANGUAGES}


CATALOGUE: dict[str, Words] = load()
"""Language → its words. Loaded with the package: `codewatch` imports it again when words.yaml changes."""


@lru_cache(maxsize=256)  # a corpus has few distinct dates, printed on many pages
def long_date(value: datetime.date, lang: str) -> str:
    """A date as readers of `lang` write it: 28 November 2026 / November 28, 2026."""
    from babel.dates import format_date  # imported on first use: `pedoman validate` needs no Babel

    return format_date(value, format="long", locale=lang)
