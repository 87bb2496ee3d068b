"""The services register's upkeep: which entries are due for a check, who cites what, and the
register as open data.

A service's contacts change faster than a law: an entry whose `checked` date is more than six
months old is listed (by `pedoman services` and on the services page), never an error, so that
time passing does not break a build.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from pedoman.clock import build_date
from pedoman.content.legal import stale_before
from pedoman.content.registers import PROVINCIAL_KINDS, SERVICE_KINDS

if TYPE_CHECKING:
    from pedoman.content.corpus import Corpus
    from pedoman.content.model import Guideline, Section
    from pedoman.content.registers import Province, Service

STALE_AFTER_MONTHS = 6


def due(corpus: Corpus, today: datetime.date | None = None) -> list[Service]:
    """Services last checked more than six months before `today`, oldest first."""
    limit = stale_before(today or build_date(), STALE_AFTER_MONTHS)
    return sorted((s for s in corpus.services.values() if s.checked < limit), key=lambda s: (s.checked, s.id))


def citations(corpus: Corpus) -> dict[str, list[tuple[Guideline, Section]]]:
    """Service id → every (guideline, section) citing it, in register and corpus order."""
    found: dict[str, list] = {sid: [] for sid in corpus.services}
    for g in corpus.guidelines:
        for section in g.sections:
            for sid in section.services:
                found[sid].append((g, section))
    return found


def _ordered(services) -> list[Service]:
    """By kind as the page lists them, then in register order."""
    return sorted(services, key=lambda s: SERVICE_KINDS.index(s.kind))


def national(corpus: Corpus) -> list[Service]:
    return _ordered(s for s in corpus.services.values() if s.level == "national")


def by_province(corpus: Corpus) -> list[tuple[Province, list[Service], list[str]]]:
    """Each province of the register with its services and the provincial kinds it has no entry of."""
    listed = []
    for province in corpus.provinces:
        entries = _ordered(s for s in corpus.services.values() if s.province == province.id)
        missing = [kind for kind in PROVINCIAL_KINDS if not any(s.kind == kind for s in entries)]
        listed.append((province, entries, missing))
    return listed


def services_data(corpus: Corpus) -> dict:
    """The register with who cites what, in the shape published at data/services.json."""
    from pedoman import urls

    cited = citations(corpus)

    def text(value):
        return None if value is None else {"id": value.id, "en": value.en}

    def contacts(c) -> dict:
        return {"phone": list(c.phone), "whatsapp": c.whatsapp, "email": c.email, "web": c.web,
                "office": text(c.office), "note": text(c.note)}

    return {
        "provinces": [{"id": p.id, "name": text(p.name)} for p in corpus.provinces],
        "services": [
            {
                "id": s.id, "name": text(s.name), "kind": s.kind, "level": s.level, "province": s.province,
                "agency": s.agency, "serves": text(s.serves), "hours": text(s.hours), "contacts": contacts(s.contacts),
                "sources": [{"title": text(src.title), "publisher": text(src.publisher),
                             "date": src.date.isoformat() if src.date else None, "url": src.url}
                            for src in s.sources],
                "checked": s.checked.isoformat(), "status": s.status, "status_note": text(s.status_note),
                "url": {lang: urls.page_url(urls.SERVICES, lang, s.id) for lang in ("id", "en")},
                "cited_by": [{"guideline": g.id, "section": section.id,
                              "url": {lang: urls.page_url(urls.guideline_key(g.kind, g.id), lang, section.id)
                                      for lang in ("id", "en")}}
                             for g, section in cited[s.id]],
            }
            for s in corpus.services.values()
        ],
    }
