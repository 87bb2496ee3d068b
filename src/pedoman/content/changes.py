"""Change history across the corpus, merged newest first.

Each guideline keeps its own `changes` (newest first, checked by the validator).
Here they are merged for the "Pembaruan" / "What's new" page and the Atom feeds
(`site/feeds.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pedoman.content.corpus import Corpus
    from pedoman.content.model import Change, Guideline


@dataclass(frozen=True)
class Entry:
    guideline: Guideline
    change: Change


def entries(corpus: Corpus) -> list[Entry]:
    """Every change of every guideline, newest first; on one day, in the order of the site's navigation."""
    found = [Entry(g, c) for g in corpus.guidelines for c in g.changes]
    order = {g.id: i for i, g in enumerate(corpus.guidelines)}
    return sorted(found, key=lambda e: (-e.change.date.toordinal(), order[e.guideline.id],
                                        [-int(p) for p in e.change.version.split(".")]))
