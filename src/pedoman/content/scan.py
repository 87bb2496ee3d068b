"""Rules over every value of a file, whatever its kind: personal data in any text (keys included),
dates of things done that lie in the future, each text in its field's language."""

from __future__ import annotations

import datetime
import types
from functools import lru_cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from pedoman.content.language import LANGUAGE_NAMES, misplaced
from pedoman.content.loader import Document, format_path
from pedoman.content.messages import describe
from pedoman.content.model import Text
from pedoman.content.privacy import find_personal_data
from pedoman.errors import ContentError


FUTURE_MARGIN = datetime.timedelta(days=1)
"""A date may lie this far past the build's date (a day ahead in Jayapura is still today in UTC)."""


def check_dates(doc: Document, today: datetime.date) -> list[ContentError]:
    """Dates that say when something happened (`updated`, `checked`, a change's `date`) are not in the future."""
    errors = []
    latest = today + FUTURE_MARGIN
    for loc, value in doc.scalars:
        if loc and (loc[-1] in PAST_DATES or loc[-1] == "date" and "changes" in loc):
            date = _as_date(value)
            if date is not None and date > latest:
                errors.append(ContentError(doc.path, *doc.mark(loc), format_path(loc),
                                           f"{date.isoformat()} is in the future; write the date it happened "
                                           "(at most one day past the build's date)"))
    return errors


PAST_DATES = ("updated", "checked")
"""Fields whose date records something done; plus every `date` inside `changes`."""


def _as_date(value: Any) -> datetime.date | None:
    """A date as YAML gave it, or as a quoted text the model reads as one."""
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def check_personal_data(doc: Document, reviewed: frozenset[str]) -> list[ContentError]:
    """Every text of a file, keys included, read for personal data (see `privacy`)."""
    return [ContentError(doc.path, *doc.mark(loc), format_path(loc), finding.message())
            for loc, text in doc.scalars if isinstance(text, str)
            for finding in find_personal_data(text, reviewed)]


def _holds_models(annotation: Any) -> bool:
    """True when a field of this type may hold a model: alone, in a list, or as one choice of a union."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _holds_models(get_args(annotation)[0])
    if origin in (list, Union, types.UnionType):
        return any(_holds_models(arg) for arg in get_args(annotation))
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


@lru_cache(maxsize=None)
def _model_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model class that hold a model (a `Text` among them)."""
    return tuple(name for name, info in model.model_fields.items() if _holds_models(info.annotation))


def _texts(obj: Any, loc: tuple, visit) -> None:
    """Call `visit(path, text)` for every `Text` of a model instance."""
    if isinstance(obj, Text):
        visit(loc, obj)
    elif isinstance(obj, BaseModel):
        for name in _model_fields(type(obj)):
            _texts(getattr(obj, name), (*loc, name), visit)
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            _texts(value, (*loc, i), visit)


def check_languages(values: list[tuple[Document, BaseModel]]) -> list[ContentError]:
    """Each text in the language of its field (see language.py); a text written alike in both is a name.

    Each text is judged once, however often it is repeated, and places are looked up only for the
    texts flagged: what the walk keeps is plain text, which the garbage collector does not visit.
    """
    unique: dict[str, dict[str, None]] = {"id": {}, "en": {}}

    def collect(loc: tuple, text: Text) -> None:
        if text.en is not None and text.en != text.id:
            unique["id"][text.id] = None
            unique["en"][text.en] = None

    for _, value in values:
        _texts(value, (), collect)
    texts = [(lang, text) for lang in ("id", "en") for text in unique[lang]]
    flagged = {texts[i] for i in misplaced(texts)}
    if not flagged:
        return []
    errors = []
    for doc, value in values:
        def report(loc: tuple, text: Text, doc: Document = doc) -> None:
            if text.en is None or text.en == text.id:
                return
            for lang in ("id", "en"):
                if (lang, getattr(text, lang)) in flagged:
                    other = LANGUAGE_NAMES["en" if lang == "id" else "id"]
                    errors.append(ContentError(
                        doc.path, *doc.mark((*loc, lang)), format_path((*loc, lang)),
                        f"expected {LANGUAGE_NAMES[lang]} text, found {other}: {describe(getattr(text, lang))} "
                        f"(a name that stays the same in both languages is written alike in 'id' and 'en')"))

        _texts(value, (), report)
    return errors
