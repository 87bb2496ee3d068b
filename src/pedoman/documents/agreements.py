"""The cooperation documents: the cooperation agreement (PKS) between areas of origin, transit and
destination, and its budget."""


from __future__ import annotations

from typing import TYPE_CHECKING

from pedoman.content.model import LANGUAGES

if TYPE_CHECKING:
    pass

from pedoman.documents.blocks import (
    Blank,
    Block,
    Document,
    Heading,
    Labelled,
    PageBreak,
    Para,
    Sheet,
    Signature,
    Signatures,
    Summary,
    Table,
    runs,
)
from pedoman.documents.drafting import Drafter


class CooperationDrafts(Drafter):
    """The cooperation documents: the cooperation agreement (PKS) between areas of origin, transit and"""

    def party_label(self, role: str) -> str:
        return self.W[role]

    def agreement(self) -> Document:
        g, W = self.g, self.W
        a = g.documents.agreement
        ordinals = W.doc_party_ordinals.split(",")
        blocks: list[Block] = [*self.intro(), Heading(runs(W.doc_agreement.upper()), 1),
                               Heading(runs(W.doc_between.upper()), 1)]
        for i, s in enumerate(a.signatories):
            if i:
                blocks.append(Heading(runs(W["and"].upper()), 1))
            blocks.append(Heading(runs(self.t(s.government).upper()), 1))
        blocks += [Heading(runs(W.doc_about.upper()), 1), Heading(runs(self.t(a.subject).upper()), 1)]
        for i, s in enumerate(a.signatories):
            blocks.append(Para(runs(W.doc_party_number.format(party=ordinals[i])), centered=True))
        blocks.append(Para(runs(W.doc_agreement_opening)))
        blocks.append(Table((W.doc_no, W.doc_signatory, W.doc_acting_for, W.doc_called),
                            tuple((runs(f"{i}."), runs(f"[{W.doc_blank_name}], ") + self.r(s.office),
                                   self.r(s.government), runs(ordinals[i - 1]))
                                  for i, s in enumerate(a.signatories, 1)), (0.8, 3.5, 3.5, 2)))
        blocks.append(Para(runs(W.doc_recitals_intro)))
        blocks.append(Labelled("", tuple(self.r(x) for x in a.recitals), "alpha"))
        if a.observing:
            blocks.append(Para(runs(W.doc_made_under)))
            blocks.append(Labelled("", self.listed([self.citation(c) for c in a.observing]), "number"))
        blocks.append(Para(runs(W.doc_agree)))
        for i, clause in enumerate(g.clauses, 1):
            text = (Blank(self.t(clause.text)),) if a.clauses_are_outline else self.r(clause.text)
            blocks += [Heading(runs(W.doc_article.format(n=i)), 2), Heading(self.r(clause.title), 3), Para(text)]
        blocks.append(Signatures(tuple(
            Signature(caption=ordinals[i], office=self.r(s.office), name=runs(f"[{W.doc_blank_name}]"))
            for i, s in enumerate(a.signatories))))
        annexes = [
            (W.workflow, Table((W.doc_no, W.doc_party, W.agency, W.action, W.output),
                               tuple((runs(str(i)), runs(self.party_label(st.party)), runs(self.agency(st.agency)),
                                      self.r(st.action), self.r(st.output) if st.output else ())
                                     for i, st in enumerate(g.workflow, 1)), (0.8, 1.5, 3, 4, 3))),
            (W.tasks, Table((W.task, self.party_label("origin"), self.party_label("transit"),
                             self.party_label("destination")),
                            tuple((self.r(t.task), self.r(t.origin), self.r(t.transit), self.r(t.destination))
                                  for t in g.tasks), (2.5, 3, 3, 3))),
            (W.budget, Table((W.doc_no, W.doc_item, W.payer, W.share, W.source),
                             tuple((runs(str(i)), self.r(b.item), runs(", ".join(self.party_label(p) for p in b.payer)),
                                    self.r(b.share), self.r(b.source)) for i, b in enumerate(g.budget, 1)),
                             (0.8, 4, 2, 2, 4))),
        ]
        for numeral, (title, table) in zip(("I", "II", "III"), annexes):
            blocks += [PageBreak(), Para(runs(f"{W.doc_annex.upper()} {numeral}\n{W.doc_agreement.upper()}\n"
                                              f"{W.doc_about.upper()} {self.t(a.subject).upper()}"), aside=True),
                       Heading(runs(title), 2), table]
        return self.document("pks", "agreement", f"{W.doc_agreement} {W.doc_about} {self.t(a.subject)}",
                             W.doc_purpose_agreement, blocks)

    def agreement_budget(self) -> Document:
        """The agreement's budget as a workbook: each cost item with each party's share in rupiah, its total,
        the budget year and whether the APBD holds it; a total row (per party) and the totals per budget
        year and per source of funds are formulas; signed by every party, as the agreement is."""
        g, W = self.g, self.W
        a = g.documents.agreement
        ordinals = W.doc_party_ordinals.split(",")
        named = {s.party for s in a.signatories} | {p for b in g.budget for p in b.payer}
        parties = tuple(p for p in ("origin", "transit", "destination") if p in named)
        n = len(parties)
        headers = (W.doc_no, W.doc_item, W.payer, W.share, W.source, W.doc_fund_source,
                   *(W.doc_party_amount.format(party=self.party_label(p).lower() if self.lang != LANGUAGES[0]
                                               else self.party_label(p)) for p in parties),
                   W.doc_amount, W.doc_budget_year, W.doc_budgeted)
        amounts = tuple(range(6, 6 + n))
        total, year, budgeted = 6 + n, 7 + n, 8 + n
        rows = tuple((str(i), self.t(b.item), ", ".join(self.party_label(p) for p in b.payer), self.t(b.share),
                      self.t(b.source), "", *("" for _ in parties), "", "", "") for i, b in enumerate(g.budget, 1))
        years = tuple(range(g.updated.year, g.updated.year + 6))
        sources = tuple(W.doc_fund_sources.split(","))
        sheet = Sheet(
            W.budget[:31], headers, rows, (5, 36, 20, 18, 36, 18, *([18] * n), 18, 12, 26),
            choices={5: sources, year: years, budgeted: tuple(W.doc_budgeted_values.split(","))},
            amounts=amounts, row_totals={total: amounts}, total=W.doc_total, empty_rows=10,
            summaries=(Summary(W.doc_total_by_year, year, years, total),
                       Summary(W.doc_total_by_source, 5, sources, total)),
            heading=f"{W.budget}: {self.t(a.subject)}", note=W.doc_translation_notice,
            page_header=W.doc_sheet_header if self.lang != LANGUAGES[0] else "", footer=W.doc_page_of,
            signatures=tuple(Signature(caption=ordinals[i], office=self.r(s.office), name=runs(f"[{W.doc_blank_name}]"))
                             for i, s in enumerate(a.signatories)))
        return self.document("pks-anggaran", "agreement-budget", f"{W.budget}: {self.t(a.subject)}",
                             W.doc_purpose_agreement_budget, sheets=(sheet,), format="xlsx")
