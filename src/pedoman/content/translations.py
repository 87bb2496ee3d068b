"""Translation tracking per field: which English texts are missing, and which may be outdated.

When an editor confirms an English text, the fingerprint of the Indonesian text
it translates is recorded in `guidelines/translations.yaml`. If the Indonesian
text changes later, its fingerprint no longer matches and the English page
shows "translation may be outdated" on that part until an editor confirms the
translation again (`pedoman translations --mark-reviewed`). A field with an
English text but no record counts as outdated too: nobody has confirmed it.
Tracking starts once `translations.yaml` exists.

Fields are named by stable keys: `title`, `sections/<section-id>/body`,
`stages/<stage-id>/services/0`, `steps/2/instrument`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from pydantic import BaseModel

from pedoman.content.corpus import Corpus
from pedoman.content.loader import Quoted, dump_yaml, schema_line
from pedoman.content.model import Guideline, Text, part_anchor

FILE = "translations.yaml"


def fingerprint(text: str) -> str:
    """A short hash of a text, blind to changes of whitespace only."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def text_fields(obj: BaseModel, prefix: str = "") -> Iterator[tuple[str, Text]]:
    """Every Text inside a guideline, with its stable key."""
    for name in type(obj).model_fields:
        value = getattr(obj, name)
        key = f"{prefix}{name}"
        if isinstance(value, Text):
            yield key, value
        elif isinstance(value, BaseModel):
            yield from text_fields(value, key + "/")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                label = getattr(item, "id", None) if isinstance(item, BaseModel) and name in ("sections", "stages") else i
                if isinstance(item, Text):
                    yield f"{key}/{label}", item
                elif isinstance(item, BaseModel):
                    yield from text_fields(item, f"{key}/{label}/")


@dataclass(frozen=True)
class Entry:
    guideline: str
    key: str
    state: str  # "missing" or "outdated"

    @property
    def part(self) -> str:
        """The part of the page the field sits in: `sections/<id>`, `steps`, `title`..."""
        head, _, rest = self.key.partition("/")
        if head in ("sections",):
            return f"{head}/{rest.split('/')[0]}"
        return head

    @property
    def anchor(self) -> str | None:
        """The anchor of that part on the guideline page (None: the top of the page)."""
        part = self.part
        if part.startswith("sections/"):
            return part.removeprefix("sections/")
        return None if part in ("title", "summary") else part_anchor(part)


def report(guidelines: list[Guideline], reviewed: dict[str, dict[str, str]] | None) -> list[Entry]:
    """Missing English texts, and (when tracking is on) outdated ones."""
    entries = []
    for g in guidelines:
        records = (reviewed or {}).get(g.id, {})
        for key, text in text_fields(g):
            if text.missing("en"):
                entries.append(Entry(g.id, key, "missing"))
            elif reviewed is not None and records.get(key) != fingerprint(text.id):
                entries.append(Entry(g.id, key, "outdated"))
    return entries


def outdated_parts(entries: list[Entry]) -> dict[str, set[str]]:
    """Guideline id → the parts of its page holding an outdated English text."""
    parts: dict[str, set[str]] = {}
    for e in entries:
        if e.state == "outdated":
            parts.setdefault(e.guideline, set()).add(e.part)
    return parts


def mark_reviewed(content: Path, corpus: Corpus, target: str = "all") -> int:
    """Record the current Indonesian fingerprints as reviewed; return how many fields changed.

    `target` is `all`, a guideline id, or `<guideline-id>/<key>`.
    """
    reviewed = {g: dict(f) for g, f in (corpus.reviewed or {}).items()}
    guidelines = corpus.guidelines
    changed = 0
    for g in guidelines:
        if target not in ("all", g.id) and not target.startswith(f"{g.id}/"):
            continue
        records = reviewed.setdefault(g.id, {})
        for key, text in text_fields(g):
            if target.startswith(f"{g.id}/") and target != f"{g.id}/{key}":
                continue
            if text.en and records.get(key) != fingerprint(text.id):
                records[key] = fingerprint(text.id)
                changed += 1
    write_reviewed(content, reviewed)
    return changed


def write_reviewed(content: Path, reviewed: dict[str, dict[str, str]]) -> Path:
    """Write `translations.yaml`; fingerprints in double quotes (`044e19434842` is a number in YAML 1.2)."""
    path = content / FILE
    body = dump_yaml({"reviewed": {g: {key: Quoted(value) for key, value in sorted(f.items())}
                                   for g, f in sorted(reviewed.items()) if f}})
    header = ("# Fingerprints of the Indonesian texts each English translation was checked against.\n"
              "# Written by `pedoman translations --mark-reviewed`; do not edit by hand.\n")
    path.write_text(f"{schema_line(path, content)}\n{header}{body}", encoding="utf-8")
    return path
