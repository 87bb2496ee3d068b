"""The legal register's upkeep: which instruments are due for a check, and who cites what.

A `checked` date older than twelve months is listed (by `pedoman legal`), never an
error: time passing must not break a build.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .corpus import Corpus
    from .model import Guideline, Reference, Regulation

STALE_AFTER_MONTHS = 12


def stale_before(today: datetime.date, months: int = STALE_AFTER_MONTHS) -> datetime.date:
    """The date `months` before `today` (29 February falls back to the 28th)."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    for day in (today.day, 30, 29, 28):
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def stale(corpus: Corpus, today: datetime.date | None = None) -> list[Regulation]:
    """Instruments whose status was last checked more than twelve months before `today`, oldest first."""
    limit = stale_before(today or datetime.date.today())
    return sorted((r for r in corpus.regulations.values() if r.checked < limit), key=lambda r: (r.checked, r.id))


def citations(corpus: Corpus) -> dict[str, list[tuple[Guideline, Reference]]]:
    """Register id → every (guideline, citation) naming it, in register and corpus order."""
    found: dict[str, list] = {rid: [] for rid in corpus.regulations}
    for g in corpus.guidelines:
        for ref in g.references:
            if ref.regulation is not None:
                found[ref.regulation].append((g, ref))
    return found
