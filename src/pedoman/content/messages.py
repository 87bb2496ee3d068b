"""pydantic's validation errors in an editor's words: the field, what was expected, what was found,
and a did-you-mean for a misspelt field."""


from __future__ import annotations

import datetime
import difflib
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from pedoman.content.loader import Document, format_path
from pedoman.content.model import Text
from pedoman.errors import ContentError

# --- turning pydantic's errors into an editor's words ----------------------


def describe(value: Any, written: str | None = None) -> str:
    """The value found, in an editor's words; `written` is its text in the file, if YAML converted it."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        short = value if len(value) <= 60 else value[:57] + "..."
        return f"'{short}'" if value.strip() else "an empty text"
    if isinstance(value, bool):
        read = f"the yes/no value {str(value).lower()}"
    elif isinstance(value, (int, float)):
        read = f"the number {value}"
    elif isinstance(value, datetime.datetime):
        read = f"the date and time {value.isoformat(' ')}"
    elif isinstance(value, datetime.date):
        read = f"the date {value.isoformat()}"
    else:
        read = f"{type(value).__name__} {value!r}"
    if written is None or read.endswith(f" {written}"):
        return read
    return f"{written}, which YAML reads as {read}"


def _unwrap(annotation: Any) -> Any:
    """The model class inside list[...], X | None or Annotated[...], if any."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (list, Union, types.UnionType):
            inner = [a for a in get_args(annotation) if a is not type(None)]
            annotation = inner[0]
        else:
            return annotation


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    for part in loc:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        if info is None:
            return None
        inner = _unwrap(info.annotation)
        if not (isinstance(inner, type) and issubclass(inner, BaseModel)):
            return None
        model = inner
    return model


_PATTERN_HINTS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "a slug of lowercase letters, digits and hyphens",
    "^R[0-9]{2}$": "a recommendation id such as R05",
    "^https?://": "a web address starting with http:// or https://",
    "^[0-9]+\\.[0-9]+(\\.[0-9]+)?$": "a version such as 1.0 or 1.2.3",
}


def _message(error: dict, model: type[BaseModel], written: str | None = None) -> str:
    kind, loc, value, ctx = error["type"], error["loc"], error.get("input"), error.get("ctx", {})
    name = loc[-1] if loc else ""
    found = describe(value, written)
    if kind == "missing":
        if name == "id" and _model_at(model, loc[:-1]) is Text:
            return "missing the Indonesian text 'id' (it is required; 'en' is optional)"
        return f"missing required field '{name}'"
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        allowed = list(parent.model_fields) if parent else []
        close = difflib.get_close_matches(str(name), allowed, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"unknown field '{name}'" + (f" (expected one of: {', '.join(allowed)}){hint}" if allowed else "")
    if kind == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(ctx.get("pattern"), f"text matching {ctx.get('pattern')}")
        return f"expected {hint}, found {found}"
    if kind == "literal_error":
        where = " (the folder the file is in)" if loc == ("kind",) else ""
        return f"expected {ctx.get('expected')}{where}, found {found}"
    if kind in ("string_too_short", "too_short"):
        if kind == "string_too_short":
            required = "the Indonesian text is required" if name == "id" else "text may not be empty"
            return f"{required}, found an empty text"
        return f"expected at least {ctx.get('min_length')} item(s), found {len(value or [])}"
    if kind == "string_too_long":
        return f"expected at most {ctx.get('max_length')} characters, found {len(value)}"
    if kind == "string_type":
        return f"expected text, found {found}" + (" (put quotes around it)" if not isinstance(value, (dict, list)) else "")
    if kind == "list_type":
        return f"expected a list, found {found}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if isinstance(value, str):
            return f"expected a mapping such as {{id: ..., en: ...}}, found {found}"
        return f"expected a mapping of fields, found {found}"
    if kind == "value_error":  # a rule over a whole mapping says itself what it found
        return str(ctx.get("error")) + ("" if isinstance(value, dict) else f", found {found}")
    if kind.startswith("date"):
        return f"expected a date written as YYYY-MM-DD, found {found}"
    return f"{error['msg']}, found {found}"


def check_model(doc: Document, model: type[BaseModel]) -> tuple[Any, list[ContentError]]:
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        errors = []
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            line, column = doc.key_mark(loc) if error["type"] == "extra_forbidden" else doc.mark(loc)
            message = _message(error, model, doc.written(loc))
            errors.append(ContentError(doc.path, line, column, format_path(loc), message))
        return None, errors
