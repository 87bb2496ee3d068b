"""Cross-references computed once from the whole validated corpus.

Collect, then resolve: every table and export of the site is read from one
`CrossRef`, so a page never works out links on its own and the matrix, the
recommendation pages and `crossref.json` cannot disagree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from pedoman.content.corpus import Corpus
from pedoman.content.model import Guideline, Section


@dataclass(frozen=True)
class SectionRef:
    """A section with the guideline it belongs to and its 1-based number there."""

    guideline: Guideline
    section: Section
    number: int


@dataclass
class CrossRef:
    sections: list[SectionRef]
    by_recommendation: dict[str, list[SectionRef]]
    matrix: dict[tuple[str, str], list[SectionRef]]
    """(recommendation id, guideline id) → sections."""
    agencies_by_recommendation: dict[str, list[str]]
    """Recommendation id → agency ids named by its sections, in register order."""
    agency_matrix: dict[tuple[str, str], list[SectionRef]]
    """(agency id, recommendation id) → sections."""
    agencies_in_use: list[str]
    by_agency: dict[str, list[SectionRef]]
    stakeholder_matrix: dict[tuple[str, str], list[SectionRef]]
    """(5K stakeholder, guideline id) → sections."""
    uncovered: list[str] = field(default_factory=list)
    """Recommendations no section implements."""


def build_crossref(corpus: Corpus) -> CrossRef:
    """Index every section by recommendation, agency and 5K stakeholder."""
    agency_order = {agency_id: i for i, agency_id in enumerate(corpus.agencies)}
    sections = [
        SectionRef(g, s, n) for g in corpus.guidelines for n, s in enumerate(g.sections, start=1)
    ]
    by_rec: dict[str, list[SectionRef]] = {r.id: [] for r in corpus.recommendations}
    matrix: dict[tuple[str, str], list[SectionRef]] = defaultdict(list)
    agency_matrix: dict[tuple[str, str], list[SectionRef]] = defaultdict(list)
    stakeholder_matrix: dict[tuple[str, str], list[SectionRef]] = defaultdict(list)
    by_agency: dict[str, list[SectionRef]] = defaultdict(list)
    for ref in sections:
        for agency_id in ref.section.agencies:
            by_agency[agency_id].append(ref)
        for rec_id in ref.section.implements:
            by_rec[rec_id].append(ref)
            matrix[rec_id, ref.guideline.id].append(ref)
            for agency_id in ref.section.agencies:
                agency_matrix[agency_id, rec_id].append(ref)
        for stakeholder in ref.section.stakeholders:
            stakeholder_matrix[stakeholder, ref.guideline.id].append(ref)
    agencies_by_rec = {
        rec_id: sorted({a for ref in refs for a in ref.section.agencies}, key=agency_order.__getitem__)
        for rec_id, refs in by_rec.items()
    }
    in_use = sorted(by_agency, key=agency_order.__getitem__)
    return CrossRef(
        sections=sections,
        by_recommendation=by_rec,
        matrix=dict(matrix),
        agencies_by_recommendation=agencies_by_rec,
        agency_matrix=dict(agency_matrix),
        agencies_in_use=in_use,
        by_agency=dict(by_agency),
        stakeholder_matrix=dict(stakeholder_matrix),
        uncovered=[rec_id for rec_id, refs in by_rec.items() if not refs],
    )
