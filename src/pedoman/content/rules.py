"""The rules across a guideline's parts and across files that a field's type cannot say: ids that
resolve and are unique, citations of instruments in force and of services still open, the change
history, the drafting kit's references, the agencies', the legal and the services register's own
consistency, glossary anchors."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Iterator, Union, get_args, get_origin

from pydantic import BaseModel

from pedoman.content.loader import Document, format_path
from pedoman.content.model import RESERVED_ANCHORS, Guideline, Ref, version_key
from pedoman.content.registers import (
    AGENCY_GONE,
    REGULATION_GONE,
    SERVICE_GONE,
    AgenciesFile,
    GlossaryFile,
    RegulationsFile,
    ServicesFile,
)
from pedoman.errors import ContentError
from pedoman.urls import PACK_NAMES, RESERVED_NAMES, SERVICES_ANCHORS, glossary_anchor, province_anchor


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


def duplicates(doc: Document, items: list, key: str, what: str, list_loc: tuple) -> list[ContentError]:
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


def _gone_agency(agency) -> str:
    """Why an institution that was split or dissolved may not be named as one that acts."""
    return (f"'{agency.id}' was {agency.status} on {agency.since.isoformat() if agency.since else '?'}; list "
            f"{' or '.join(repr(s) for s in agency.successors) or 'the institution now responsible'} instead")


EXPECTED_IDS = {
    "recommendation": lambda ids: f"expected one of {min(ids)}–{max(ids)}",
    "agency": lambda ids: "expected an id from agencies.yaml",
    "regulation": lambda ids: "expected an id from regulations.yaml",
    "service": lambda ids: "expected an id from services.yaml",
    "province": lambda ids: "expected an id from the provinces of services.yaml",
}
"""What an unknown id of each register should have been."""


def check_guideline(doc: Document, g: Guideline, path: Path, registers: dict[str, set[str]],
                     regulations: dict | None = None,
                     agencies: dict | None = None,
                     services: dict | None = None) -> list[ContentError]:
    errors: list[ContentError] = []

    def err(loc: tuple, message: str) -> None:
        errors.append(ContentError(doc.path, *doc.mark(loc), format_path(loc), message))

    if g.id != path.stem:
        err(("id",), f"expected '{path.stem}' (the file name without .yaml), found '{g.id}'")
    elif g.id in PACK_NAMES.values():
        err(("id",), f"'{g.id}' names the training pack's PDF; choose another id (and file name)")
    elif g.id in RESERVED_NAMES:
        err(("id",), f"'{g.id}' is the name of a page or folder the site writes; choose another id (and file name)")
    errors += duplicates(doc, g.sections, "id", "section id", ("sections",))
    for i, section in enumerate(g.sections):
        if section.id in RESERVED_ANCHORS:
            err(("sections", i, "id"), f"'{section.id}' is reserved for a part of the page; choose another id")
    if hasattr(g, "stages"):
        errors += duplicates(doc, g.stages, "id", "stage id", ("stages",))
    for loc, register, value in _refs(g):
        known = registers[register]
        if value not in known:
            err(loc, f"unknown {register} '{value}' ({EXPECTED_IDS[register](known)})")
        elif register == "agency" and agencies and agencies[value].status in AGENCY_GONE:
            err(loc, _gone_agency(agencies[value]))
        elif register == "service" and services and services[value].status in SERVICE_GONE:
            sv = services[value]
            err(loc, f"'{value}' is {sv.status} (checked {sv.checked.isoformat()}); cite the service that took over "
                     "its work, or remove it")
    _check_references(doc, g, regulations or {}, err)
    _check_changes(doc, g, err)
    _check_documents(g, regulations or {}, err)
    if g.training:
        errors += duplicates(doc, g.training.exercises, "id", "exercise id", ("training", "exercises"))
        _check_training(g.training, err)
    return errors


def _check_training(t, err) -> None:
    """Each session's exercise is one of the module's, and each exercise is run by a session."""
    ids = [e.id for e in t.exercises]
    for i, session in enumerate(t.sessions):
        if session.exercise and session.exercise not in ids:
            err(("training", "sessions", i, "exercise"),
                f"unknown exercise '{session.exercise}' (expected one of {', '.join(ids)})")
    run = {s.exercise for s in t.sessions}
    for i, exercise in enumerate(t.exercises):
        if exercise.id not in run:
            err(("training", "exercises", i, "id"),
                f"no session runs exercise '{exercise.id}'; name it in a session's exercise field")


def glossary_anchors(doc: Document, glossary: GlossaryFile) -> list[ContentError]:
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


def check_agencies(doc: Document, file: AgenciesFile) -> list[ContentError]:
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


def check_regulations(doc: Document, file: RegulationsFile) -> list[ContentError]:
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


def check_services(doc: Document, file: ServicesFile, agencies: dict) -> list[ContentError]:
    """Each service against the provinces and agencies it names, its level and its status."""
    errors: list[ContentError] = []

    def err(loc: tuple, message: str) -> None:
        errors.append(ContentError(doc.path, *doc.mark(loc), format_path(loc), message))

    errors += duplicates(doc, file.provinces, "id", "province id", ("provinces",))
    errors += duplicates(doc, file.services, "id", "service id", ("services",))
    known = {"agency": set(agencies), "province": {p.id for p in file.provinces}}
    for loc, register, value in _refs(file):
        if value not in known[register]:
            err(loc, f"unknown {register} '{value}' ({EXPECTED_IDS[register](known[register])})")
        elif register == "agency" and agencies[value].status in AGENCY_GONE:
            err(loc, _gone_agency(agencies[value]))
    for i, sv in enumerate(file.services):
        here = ("services", i)
        if sv.id in SERVICES_ANCHORS or sv.id.startswith(province_anchor("")):
            err((*here, "id"), f"'{sv.id}' is the anchor of a part of the services page; choose another id")
        if sv.level == "national" and sv.province is not None:
            err((*here, "province"), "a national service has no 'province'; give the level 'provincial' or "
                                     "'district', or remove the province")
        elif sv.level != "national" and sv.province is None:
            err(here, f"missing required field 'province' (a {sv.level} service names its province)")
        if sv.status != "active" and sv.status_note is None:
            err((*here, "status"), f"a service that is {sv.status} needs 'status_note', saying what changed")
    return errors
