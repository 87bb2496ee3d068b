"""The corpus: everything the site is made of, validated and resolved, and how it is loaded.

Every stage (render, handbook, exports, crossref, translations) reads a
`Corpus`; only `load_corpus` needs the validator, and imports it when called,
so that a stage can name the type without importing pydantic and the rules.
Runs without MkDocs: the command line and the build hook both call
`load_corpus`, which either returns a corpus every template can trust or
raises `ContentErrors` with every problem found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pedoman.content.model import Guideline
    from pedoman.content.registers import Agency, Province, Recommendation, Regulation, Service, Source, Term


@dataclass
class Corpus:
    """Everything the site is made of, validated and resolved."""

    root: Path
    source: Source
    recommendations: list[Recommendation]
    agencies: dict[str, Agency]
    terms: list[Term]
    guidelines: list[Guideline]
    paths: dict[str, str] = field(default_factory=dict)
    """Guideline id → its file, relative to the repository (for "edit this page")."""
    reviewed: dict[str, dict[str, str]] | None = None
    """Translation fingerprints from translations.yaml; None when tracking has not started."""
    regulations: dict[str, Regulation] = field(default_factory=dict)
    """The legal instruments guidelines cite, in register order."""
    personal_data_reviewed: frozenset[str] = frozenset()
    """Official contacts an editor recorded in reviewed.yaml: not personal data (see `privacy`)."""
    services: dict[str, Service] = field(default_factory=dict)
    """The services victims are referred to (services.yaml), in register order."""
    provinces: list[Province] = field(default_factory=list)
    """The provinces the services register accounts for, in register order."""

    def recommendation(self, rec_id: str) -> Recommendation:
        return next(r for r in self.recommendations if r.id == rec_id)


def load_corpus(root: Path | str, base: Path | None = None) -> Corpus:
    """Load and check every file under `root`; raise `ContentErrors` listing all problems.

    `base` is the folder file names are shown relative to (default: root's parent).
    """
    from pedoman.content.model import KINDS
    from pedoman.content.validate import validate_folder

    root = Path(root)
    valid = validate_folder(root, base or root.parent)
    return Corpus(
        root=root,
        source=valid.recommendations.source,
        recommendations=list(valid.recommendations.recommendations),
        agencies={a.id: a for a in valid.agencies.agencies},
        terms=list(valid.glossary.terms),
        guidelines=sorted((g for _, g in valid.guidelines), key=lambda g: (KINDS.index(g.kind), g.id)),
        paths={g.id: path for path, g in valid.guidelines},
        reviewed=dict(valid.translations.reviewed) if valid.translations else None,
        regulations={r.id: r for r in valid.regulations.regulations},
        personal_data_reviewed=frozenset(v.value for v in valid.reviewed.personal_data) if valid.reviewed else frozenset(),
        services={s.id: s for s in valid.services.services},
        provinces=list(valid.services.provinces),
    )
