"""Validation of a content folder: each file against its model, then the rules across files.

`validate_folder` reads every file of the folder, checks it against its model
(`model.py`) and the rules that need the whole folder (ids that resolve, unique
ids, file names, personal data), and either returns the typed values or raises
`ContentErrors` with every problem found, each pointing at `file:line:col` and
the field path. `corpus.load_corpus` turns the result into the `Corpus` the
stages read.
"""

from __future__ import annotations

import datetime
import difflib
import os
import re
import types
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Iterator, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .clock import build_date
from .errors import ContentError, ContentErrors
from .language import LANGUAGE_NAMES, misplaced
from .loader import Document, format_path, load_yaml
from .privacy import find_personal_data
from .urls import PACK_NAMES, RESERVED_NAMES, glossary_anchor
from .model import (
    GUIDELINE_MODELS,
    KINDS,
    RESERVED_ANCHORS,
    AGENCY_GONE,
    REGULATION_GONE,
    AgenciesFile,
    GlossaryFile,
    Guideline,
    RecommendationsFile,
    Ref,
    RegulationsFile,
    version_key,
    ReviewedFile,
    TranslationsFile,
    Text,
)

REGISTERS = {
    "recommendations.yaml": RecommendationsFile,
    "agencies.yaml": AgenciesFile,
    "glossary.yaml": GlossaryFile,
    "regulations.yaml": RegulationsFile,
}
OPTIONAL_REGISTERS = {"reviewed.yaml": ReviewedFile, "translations.yaml": TranslationsFile}


# --- turning pydantic's errors into an editor's words ----------------------


def _describe(value: Any, written: str | None = None) -> str:
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
    found = _describe(value, written)
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
    if kind == "value_error":
        return f"{ctx.get('error')}, found {found}"
    if kind.startswith("date"):
        return f"expected a date written as YYYY-MM-DD, found {found}"
    return f"{error['msg']}, found {found}"


def _model_errors(doc: Document, model: type[BaseModel]) -> tuple[Any, list[ContentError]]:
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


# --- cross-checks ------------------------------------------------------------


@lru_cache(maxsize=None)
def _ref_fields(model: type[BaseModel]) -> tuple[tuple[str, str | None], ...]:
    """(field name, register it refers to or None) for each field of a model class."""
    fields = []
    for name, info in model.model_fields.items():
        ref = next((m for m in info.metadata if isinstance(m, Ref)), None)
        origin = get_origin(info.annotation)
        if ref is None and (origin in (list, Union) or str(origin) == "types.UnionType"):
            for item in get_args(info.annotation):  # list[Id] or Id | None
                if get_origin(item) is Annotated:
                    ref = next((m for m in item.__metadata__ if isinstance(m, Ref)), ref)
        fields.append((name, str(ref) if ref is not None else None))
    return tuple(fields)


def _refs(obj: BaseModel, loc: tuple = ()) -> Iterator[tuple[tuple, str, str]]:
    """Every (path, register, value) a model instance points at through a `Ref` field."""
    for name, ref in _ref_fields(type(obj)):
        value = getattr(obj, name)
        here = (*loc, name)
        if ref is not None:
            if isinstance(value, list):
                for i, v in enumerate(value):
                    yield (*here, i), ref, v
            elif value is not None:
                yield here, ref, value
        elif isinstance(value, BaseModel):
            yield from _refs(value, here)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                if isinstance(v, BaseModel):
                    yield from _refs(v, (*here, i))


def _duplicates(doc: Document, items: list, key: str, what: str, list_loc: tuple) -> list[ContentError]:
    counts = Counter(getattr(item, key) for item in items)
    errors, seen = [], set()
    for i, item in enumerate(items):
        value = getattr(item, key)
        if counts[value] > 1 and value in seen:
            loc = (*list_loc, i, key)
            errors.append(ContentError(doc.path, *doc.mark(loc), format_path(loc),
                                       f"duplicate {what} '{value}' (each must be unique)"))
        seen.add(value)
    return errors


def _strings(data: Any, loc: tuple = (), keys: bool = False) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if keys:
                yield loc, str(key)
            yield from _strings(value, (*loc, key), keys)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, (*loc, i), keys)
    elif isinstance(data, str):
        yield loc, data


LEGAL_TITLE = re.compile(
    r"^\s*(UU|Undang-Undang|Perppu|Peraturan|PP|Perpres|Permen\w*|Perma|Perban|Perda|Pergub|Perbup|Keputusan|Keppres)"
    r"\s+(Nomor|No\.?|[A-Z][a-z]+)", re.IGNORECASE)
"""A free reference title that names a legal instrument, which belongs in regulations.yaml."""


def _check_references(doc: Document, g: Guideline, regulations: dict, err) -> None:
    for i, ref in enumerate(g.references):
        here = ("references", i)
        if (ref.regulation is None) == (ref.title is None):
            err(here, "give either 'regulation' (an id from regulations.yaml) or 'title' (a source that is "
                      "not a legal instrument), not " + ("both" if ref.regulation else "neither"))
            continue
        if ref.title is not None:
            for name in ("article", "historical", "note"):
                if getattr(ref, name) is not None:
                    err((*here, name), f"'{name}' belongs to a citation of a regulation; this reference has a 'title'")
            if LEGAL_TITLE.match(ref.title.id):
                err((*here, "title"), "a legal instrument cited as free text; add it to regulations.yaml and cite "
                                      f"its id with 'regulation', found '{ref.title.id[:60]}'")
            continue
        if ref.url is not None:
            err((*here, "url"), "a regulation's address belongs in regulations.yaml, not in the citation")
        reg = regulations.get(ref.regulation)
        if reg is None:
            continue  # reported as an unknown regulation with the other ids
        if reg.status in REGULATION_GONE and ref.historical is None:
            successor = f" by '{reg.replaced_by}'" if reg.replaced_by else ""
            err((*here, "regulation"), f"'{reg.id}' is {reg.status}{successor} (checked {reg.checked.isoformat()}); "
                                       f"cite the instrument in force, or say in 'historical' why the old one is cited")
        elif reg.status not in REGULATION_GONE and ref.historical is not None:
            err((*here, "historical"), f"'{reg.id}' is {reg.status.replace('-', ' ')}; 'historical' is only for a revoked or "
                                       "replaced instrument")


def _check_changes(doc: Document, g: Guideline, err) -> None:
    newest = g.changes[0]
    for i, (newer, older) in enumerate(zip(g.changes, g.changes[1:])):
        if not (version_key(newer.version) > version_key(older.version) and newer.date >= older.date):
            err(("changes", i + 1), f"expected the history newest first, each entry older and of a lower version "
                                    f"than the one above it ({newer.version} of {newer.date.isoformat()}), found "
                                    f"{older.version} of {older.date.isoformat()}")
    if newest.version != g.version:
        err(("changes", 0, "version"), f"expected the newest change to be this version '{g.version}', "
                                       f"found '{newest.version}'")
    if newest.date != g.updated:
        err(("changes", 0, "date"), f"expected the newest change to be dated as 'updated' "
                                    f"({g.updated.isoformat()}), found {newest.date.isoformat()}")


def _check_documents(g: Guideline, regulations: dict, err) -> None:
    """The documents to fill in (the drafting kit) against the rest of the guideline."""
    docs = getattr(g, "documents", None)
    if docs is None:
        return
    citations = []
    if g.kind == "formation":
        period = docs.action_plan.period
        for i, row in enumerate(g.action_plan):
            for name in ("program", "years"):
                if getattr(row, name) is None:
                    err(("action_plan", i), f"missing required field '{name}' (the RAD matrix of documents.action_plan "
                                            "needs each activity's programme and years)")
            for j, year in enumerate(row.years or []):
                if year > period:
                    err(("action_plan", i, "years", j), f"expected a year of the RAD period 1–{period} "
                                                        f"(documents.action_plan.period), found {year}")
        citations += [(("documents", "decree", "observing", i), c) for i, c in enumerate(docs.decree.observing)]
        citations += [(("documents", "action_plan", "observing", i), c)
                      for i, c in enumerate(docs.action_plan.observing)]
    elif g.kind == "victim-assistance":
        stages = [s.id for s in g.stages]
        seen: set[str] = set()
        for i, form in enumerate(docs.forms):
            if form.id in seen:
                err(("documents", "forms", i, "id"), f"duplicate form id '{form.id}' (each must be unique)")
            seen.add(form.id)
            for j, stage in enumerate(form.stages):
                if stage not in stages:
                    err(("documents", "forms", i, "stages", j), f"unknown stage '{stage}' (expected one of the "
                                                                f"guideline's stages: {', '.join(stages)})")
            for j, part in enumerate(form.parts):
                for k, field in enumerate(part.fields):
                    here = ("documents", "forms", i, "parts", j, "fields", k)
                    if field.answer == "choice" and len(field.options) < 2:
                        err(here, "a 'choice' field needs at least 2 options")
                    elif field.answer != "choice" and field.options:
                        err((*here, "options"), f"only a 'choice' field has options; this one is '{field.answer}'")
    elif g.kind == "cooperation":
        roles = [p.role for p in g.parties]
        for i, signatory in enumerate(docs.agreement.signatories):
            if signatory.party not in roles:
                err(("documents", "agreement", "signatories", i, "party"),
                    f"'{signatory.party}' is not among the guideline's parties ({', '.join(roles)})")
        citations += [(("documents", "agreement", "observing", i), c)
                      for i, c in enumerate(docs.agreement.observing)]
    for loc, citation in citations:
        reg = regulations.get(citation.regulation)
        if reg is not None and reg.status in REGULATION_GONE:
            err((*loc, "regulation"), f"'{reg.id}' is {reg.status}; a document to sign cites the instrument in force")


def _check_guideline(doc: Document, g: Guideline, path: Path, registers: dict[str, set[str]],
                     regulations: dict | None = None,
                     agencies: dict | None = None) -> list[ContentError]:
    errors: list[ContentError] = []

    def err(loc: tuple, message: str) -> None:
        errors.append(ContentError(doc.path, *doc.mark(loc), format_path(loc), message))

    if g.id != path.stem:
        err(("id",), f"expected '{path.stem}' (the file name without .yaml), found '{g.id}'")
    elif g.id in PACK_NAMES.values():
        err(("id",), f"'{g.id}' names the training pack's PDF; choose another id (and file name)")
    elif g.id in RESERVED_NAMES:
        err(("id",), f"'{g.id}' is the name of a page or folder the site writes; choose another id (and file name)")
    errors += _duplicates(doc, g.sections, "id", "section id", ("sections",))
    for i, section in enumerate(g.sections):
        if section.id in RESERVED_ANCHORS:
            err(("sections", i, "id"), f"'{section.id}' is reserved for a part of the page; choose another id")
    if hasattr(g, "stages"):
        errors += _duplicates(doc, g.stages, "id", "stage id", ("stages",))
    expected = {
        "recommendation": lambda ids: f"expected one of {min(ids)}–{max(ids)}",
        "agency": lambda ids: "expected an id from agencies.yaml",
        "regulation": lambda ids: "expected an id from regulations.yaml",
    }
    for loc, register, value in _refs(g):
        known = registers[register]
        if value not in known:
            err(loc, f"unknown {register} '{value}' ({expected[register](known)})")
        elif register == "agency" and agencies and agencies[value].status in AGENCY_GONE:
            a = agencies[value]
            err(loc, f"'{value}' was {a.status} on {a.since.isoformat() if a.since else '?'}; "
                     f"list {' or '.join(repr(s) for s in a.successors) or 'the institution now responsible'} instead")
    _check_references(doc, g, regulations or {}, err)
    _check_changes(doc, g, err)
    _check_documents(g, regulations or {}, err)
    return errors


FUTURE_MARGIN = datetime.timedelta(days=1)
"""A date may lie this far past the build's date (a day ahead in Jayapura is still today in UTC)."""


def _check_dates(doc: Document, value: BaseModel, today: datetime.date) -> list[ContentError]:
    """Dates that say when something happened (`updated`, `checked`, a change's `date`) are not in the future."""
    errors = []
    latest = today + FUTURE_MARGIN
    for loc, date in _dates(value):
        if date > latest:
            errors.append(ContentError(doc.path, *doc.mark(loc), format_path(loc),
                                       f"{date.isoformat()} is in the future; write the date it happened "
                                       "(at most one day past the build's date)"))
    return errors


PAST_DATES = ("updated", "checked")
"""Fields whose date records something done; plus every `date` inside `changes`."""


def _dates(obj: Any, loc: tuple = (), in_changes: bool = False) -> Iterator[tuple[tuple, datetime.date]]:
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if isinstance(value, datetime.date):
                if name in PAST_DATES or in_changes and name == "date":
                    yield (*loc, name), value
            elif isinstance(value, (BaseModel, list)):
                yield from _dates(value, (*loc, name), in_changes or name == "changes")
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _dates(item, (*loc, i), in_changes)


def _check_personal_data(doc: Document, reviewed: frozenset[str]) -> list[ContentError]:
    """Every text of a file, keys included, read for personal data (see `privacy`)."""
    return [ContentError(doc.path, *doc.mark(loc), format_path(loc), finding.message())
            for loc, text in _strings(doc.data, keys=True)
            for finding in find_personal_data(text, reviewed)]


def _glossary_anchors(doc: Document, glossary: GlossaryFile) -> list[ContentError]:
    """Glossary terms that would share an anchor on the glossary page (it ignores case and spaces)."""
    errors, first = [], {}
    for i, term in enumerate(glossary.terms):
        anchor = glossary_anchor(term.term)
        if anchor in first and glossary.terms[first[anchor]].term != term.term:
            loc = ("terms", i, "term")
            errors.append(ContentError(doc.path, *doc.mark(loc), format_path(loc),
                                       f"'{term.term}' differs from '{glossary.terms[first[anchor]].term}' only in "
                                       "case or spacing; keep one of them"))
        first.setdefault(anchor, i)
    return errors


def _check_agencies(doc: Document, file: AgenciesFile) -> list[ContentError]:
    """Each institution's status against its successors and date."""
    errors: list[ContentError] = []
    ids = {a.id for a in file.agencies}
    wanted = {"renamed": (1, 1, "exactly one successor"), "merged": (1, 1, "exactly one successor"),
              "split": (2, 99, "two or more successors"), "dissolved": (0, 99, ""), "active": (0, 0, "no successors")}

    def err(loc: tuple, message: str) -> None:
        errors.append(ContentError(doc.path, *doc.mark(loc), format_path(loc), message))

    for i, a in enumerate(file.agencies):
        low, high, words = wanted[a.status]
        if not low <= len(a.successors) <= high:
            err(("agencies", i, "successors"), f"an institution that is {a.status} has {words}, "
                                               f"found {len(a.successors)}")
        for j, successor in enumerate(a.successors):
            if successor not in ids or successor == a.id:
                err(("agencies", i, "successors", j), f"expected the id of another institution in agencies.yaml, "
                                                      f"found '{successor}'")
        if a.status != "active" and a.since is None:
            err(("agencies", i, "status"), f"an institution that is {a.status} needs 'since', the date it took effect")
    return errors


def _check_regulations(doc: Document, file: RegulationsFile) -> list[ContentError]:
    """Each instrument's status against its amending and replacing instruments."""
    errors: list[ContentError] = []
    ids = {r.id for r in file.regulations}

    def err(loc: tuple, message: str) -> None:
        errors.append(ContentError(doc.path, *doc.mark(loc), format_path(loc), message))

    for i, r in enumerate(file.regulations):
        here = ("regulations", i)
        if r.type != "international" and r.number is None:
            err(here, f"missing required field 'number' (only an international instrument may have none)")
        if r.type in ("Permen", "Perban", "Perda", "Pergub", "Perbup") and r.issuer is None:
            err(here, f"missing required field 'issuer' (whose {r.type} it is)")
        for j, other in enumerate(r.amended_by):
            if other not in ids or other == r.id:
                err((*here, "amended_by", j), f"expected the id of another instrument in regulations.yaml, found '{other}'")
        if r.replaced_by is not None and (r.replaced_by not in ids or r.replaced_by == r.id):
            err((*here, "replaced_by"), f"expected the id of another instrument in regulations.yaml, "
                                        f"found '{r.replaced_by}'")
        if r.status == "amended" and not r.amended_by:
            err((*here, "status"), "an amended instrument needs 'amended_by', the instruments amending it")
        if r.status == "replaced" and r.replaced_by is None:
            err((*here, "status"), "a replaced instrument needs 'replaced_by', the instrument replacing it")
        if r.status in ("in-force", "amended") and r.replaced_by is not None:
            err((*here, "replaced_by"), f"an instrument {r.status} has no 'replaced_by'; set its status to "
                                        "'replaced' or 'revoked'")
        if r.status == "in-force" and r.amended_by:
            err((*here, "status"), "an instrument with 'amended_by' has the status 'amended'")
    return errors


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


def _check_languages(values: list[tuple[Document, BaseModel]]) -> list[ContentError]:
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
                        f"expected {LANGUAGE_NAMES[lang]} text, found {other}: {_describe(getattr(text, lang))} "
                        f"(a name that stays the same in both languages is written alike in 'id' and 'en')"))

        _texts(value, (), report)
    return errors


@dataclass
class Validated:
    """The typed content of a valid folder, before it is assembled into a `Corpus`."""

    recommendations: RecommendationsFile
    agencies: AgenciesFile
    glossary: GlossaryFile
    regulations: RegulationsFile
    guidelines: list[tuple[str, Guideline]]
    """(file shown relative to `base`, guideline), in file order."""
    reviewed: ReviewedFile | None
    translations: TranslationsFile | None


def content_files(root: Path, show) -> tuple[list[Path], list[ContentError]]:
    """Every regular file under `root`, and an error for each symbolic link: a link is never
    followed, so a pull request cannot make the build read (and print) a file outside the folder."""
    files, errors = [], []
    for folder, dirs, names in os.walk(root):
        for name in sorted(dirs + names):
            path = Path(folder, name)
            if path.is_symlink():
                errors.append(ContentError(show(path), 1, 1, "", "a symbolic link; content files must be regular "
                                           "files inside the folder (copy the file here instead)"))
            elif name in names:
                files.append(path)
        dirs[:] = sorted(d for d in dirs if not Path(folder, d).is_symlink())
    return sorted(files), errors


def validate_folder(root: Path, base: Path, today: datetime.date | None = None) -> Validated:
    """Check every file under `root`; raise `ContentErrors` listing all problems.

    File names in errors are shown relative to `base`; dates are judged against `today`
    (the build's date unless given).
    """
    today = today or build_date()
    errors: list[ContentError] = []

    def show(path: Path) -> str:
        try:
            return str(path.relative_to(base))
        except ValueError:
            return str(path)

    files, errors = content_files(root, show)
    registers: dict[str, Any] = {}
    for name, model in (REGISTERS | OPTIONAL_REGISTERS).items():
        path = root / name
        if path.is_symlink():
            continue  # reported by content_files
        if not path.is_file():
            if name in REGISTERS:
                errors.append(ContentError(show(path), 1, 1, "", f"missing file: {name} is required"))
            continue
        doc, load_errors = load_yaml(path, show(path))
        errors += load_errors
        value, model_errors = _model_errors(doc, model) if doc else (None, [])
        errors += model_errors
        if value is not None:
            registers[name] = (doc, value)
    reviewed = frozenset(v.value for v in registers["reviewed.yaml"][1].personal_data) \
        if "reviewed.yaml" in registers else frozenset()

    guideline_docs: list[tuple[Path, Document, Guideline]] = []
    for path in files:
        if path.parent == root and (path.name in REGISTERS or path.name in OPTIONAL_REGISTERS):
            continue
        rel = path.relative_to(root)
        if path.suffix not in (".yaml", ".yml") or rel.parts[0].startswith("."):
            if not rel.parts[0].startswith("."):
                errors.append(ContentError(show(path), 1, 1, "", "not a content file; expected a .yaml file under one of the folders " + ", ".join(KINDS)))
            continue
        if len(rel.parts) != 2 or rel.parts[0] not in GUIDELINE_MODELS:
            errors.append(ContentError(show(path), 1, 1, "", "a guideline file must sit directly in one of the folders " + ", ".join(KINDS)))
            continue
        if path.suffix == ".yml":
            errors.append(ContentError(show(path), 1, 1, "", "rename the file to end in .yaml"))
            continue
        doc, load_errors = load_yaml(path, show(path))
        errors += load_errors
        if doc is None:
            continue
        kind = rel.parts[0]
        if isinstance(doc.data.get("kind"), str) and doc.data["kind"] != kind and doc.data["kind"] in KINDS:
            errors.append(ContentError(doc.path, *doc.mark(("kind",)), "kind",
                                       f"expected '{kind}' (the folder the file is in), found '{doc.data['kind']}'; move the file or fix the kind"))
            continue
        value, model_errors = _model_errors(doc, GUIDELINE_MODELS[kind])
        errors += model_errors
        if value is not None:
            guideline_docs.append((path, doc, value))

    if any(name not in registers for name in REGISTERS):
        raise ContentErrors(errors)

    rec_doc, recs = registers["recommendations.yaml"]
    agency_doc, agencies = registers["agencies.yaml"]
    glossary_doc, glossary = registers["glossary.yaml"]
    errors += _duplicates(rec_doc, recs.recommendations, "id", "recommendation id", ("recommendations",))
    errors += _duplicates(agency_doc, agencies.agencies, "id", "agency id", ("agencies",))
    errors += _duplicates(glossary_doc, glossary.terms, "term", "term", ("terms",))
    errors += _glossary_anchors(glossary_doc, glossary)
    reg_doc, regs = registers["regulations.yaml"]
    errors += _duplicates(reg_doc, regs.regulations, "id", "regulation id", ("regulations",))
    errors += _check_agencies(agency_doc, agencies)
    errors += _check_regulations(reg_doc, regs)

    known = {
        "recommendation": {r.id for r in recs.recommendations},
        "agency": {a.id for a in agencies.agencies},
        "regulation": {r.id for r in regs.regulations},
    }
    agency_by_id = {a.id: a for a in agencies.agencies}
    regulation_by_id = {r.id: r for r in regs.regulations}
    first_file: dict[str, str] = {}
    for path, doc, g in guideline_docs:
        errors += _check_guideline(doc, g, path, known, regulation_by_id, agency_by_id)
        if g.id in first_file:
            errors.append(ContentError(doc.path, *doc.mark(("id",)), "id",
                                       f"duplicate guideline id '{g.id}' (also used by {first_file[g.id]})"))
        first_file.setdefault(g.id, doc.path)
    documents = [registers[name] for name in REGISTERS] + [(doc, g) for _, doc, g in guideline_docs]
    for doc, value in documents:
        errors += _check_personal_data(doc, reviewed)
        errors += _check_dates(doc, value, today)
    errors += _check_languages(documents)

    if errors:
        raise ContentErrors(errors)

    optional = {name: registers[name][1] if name in registers else None for name in OPTIONAL_REGISTERS}
    return Validated(recs, agencies, glossary, regs, [(doc.path, g) for _, doc, g in guideline_docs],
                     optional["reviewed.yaml"], optional["translations.yaml"])
