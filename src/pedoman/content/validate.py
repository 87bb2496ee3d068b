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
import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pedoman.clock import build_date
from pedoman.content.loader import Document, load_yaml
from pedoman.content.messages import check_model
from pedoman.content.model import GUIDELINE_MODELS, KINDS, Guideline
from pedoman.content.registers import (
    OPTIONAL_REGISTERS,
    REGISTERS,
    AgenciesFile,
    GlossaryFile,
    RecommendationsFile,
    RegulationsFile,
    ReviewedFile,
    ServicesFile,
    TranslationsFile,
)
from pedoman.content.rules import (
    check_agencies,
    check_guideline,
    check_regulations,
    check_services,
    duplicates,
    glossary_anchors,
)
from pedoman.content.scan import check_dates, check_languages, check_personal_data
from pedoman.errors import ContentError, ContentErrors



@dataclass
class Validated:
    """The typed content of a valid folder, before it is assembled into a `Corpus`."""

    recommendations: RecommendationsFile
    agencies: AgenciesFile
    glossary: GlossaryFile
    regulations: RegulationsFile
    services: ServicesFile
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


@contextmanager
def _collector_paused():
    """Validation makes some hundred thousand short-lived objects (YAML nodes, paths) and almost no
    reference cycles: Python's cyclic collector, run every 700 allocations, took 30% of its time
    (`make bench`, validation). Reference counting frees them as before; the collector runs again
    when validation ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def validate_folder(root: Path, base: Path, today: datetime.date | None = None) -> Validated:
    """Check every file under `root`; raise `ContentErrors` listing all problems.

    File names in errors are shown relative to `base`; dates are judged against `today`
    (the build's date unless given).
    """
    with _collector_paused():
        return _validate_folder(root, base, today or build_date())


def _validate_folder(root: Path, base: Path, today: datetime.date) -> Validated:
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
        value, model_errors = check_model(doc, model) if doc else (None, [])
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
        value, model_errors = check_model(doc, GUIDELINE_MODELS[kind])
        errors += model_errors
        if value is not None:
            guideline_docs.append((path, doc, value))

    if any(name not in registers for name in REGISTERS):
        raise ContentErrors(errors)

    rec_doc, recs = registers["recommendations.yaml"]
    agency_doc, agencies = registers["agencies.yaml"]
    glossary_doc, glossary = registers["glossary.yaml"]
    errors += duplicates(rec_doc, recs.recommendations, "id", "recommendation id", ("recommendations",))
    errors += duplicates(agency_doc, agencies.agencies, "id", "agency id", ("agencies",))
    errors += duplicates(glossary_doc, glossary.terms, "term", "term", ("terms",))
    errors += glossary_anchors(glossary_doc, glossary)
    reg_doc, regs = registers["regulations.yaml"]
    errors += duplicates(reg_doc, regs.regulations, "id", "regulation id", ("regulations",))
    errors += check_agencies(agency_doc, agencies)
    errors += check_regulations(reg_doc, regs)
    agency_by_id = {a.id: a for a in agencies.agencies}
    services_doc, services = registers["services.yaml"]
    errors += check_services(services_doc, services, agency_by_id)

    known = {
        "recommendation": {r.id for r in recs.recommendations},
        "agency": {a.id for a in agencies.agencies},
        "regulation": {r.id for r in regs.regulations},
        "service": {s.id for s in services.services},
    }
    regulation_by_id = {r.id: r for r in regs.regulations}
    service_by_id = {s.id: s for s in services.services}
    first_file: dict[str, str] = {}
    for path, doc, g in guideline_docs:
        errors += check_guideline(doc, g, path, known, regulation_by_id, agency_by_id, service_by_id)
        if g.id in first_file:
            errors.append(ContentError(doc.path, *doc.mark(("id",)), "id",
                                       f"duplicate guideline id '{g.id}' (also used by {first_file[g.id]})"))
        first_file.setdefault(g.id, doc.path)
    documents = [registers[name] for name in REGISTERS] + [(doc, g) for _, doc, g in guideline_docs]
    for doc, value in documents:
        errors += check_personal_data(doc, reviewed)
        errors += check_dates(doc, today)
    errors += check_languages(documents)

    if errors:
        raise ContentErrors(errors)

    optional = {name: registers[name][1] if name in registers else None for name in OPTIONAL_REGISTERS}
    return Validated(recs, agencies, glossary, regs, services, [(doc.path, g) for _, doc, g in guideline_docs],
                     optional["reviewed.yaml"], optional["translations.yaml"])
