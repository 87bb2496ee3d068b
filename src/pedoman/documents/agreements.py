"""The cooperation documents: the joint agreement (Kesepakatan Bersama) of the heads of region, the
cooperation agreement (PKS) between areas of origin, transit and destination that carries it out, and
the agreement's budget.

The PKS's operative text follows PP 28/2018 and Permendagri 22/2020 (FACTS.md, "Official document
formats"): parties, purpose, scope, rights and duties, funding, term, force majeure, dispute
settlement, amendment and termination. The guideline's clauses say what is particular to its route;
the standard clauses (definitions, rights and duties, term and amendment, force majeure, termination,
dispute settlement, closing) come from texts.yaml and take the place of the guideline's clauses on the
same matter (`STANDARD`). Annex tasks go to the parties only: a body that is not a regional
government's own (Polres, Imigrasi, BP3MI, a mission abroad) appears as one a party coordinates with."""


from __future__ import annotations

from pedoman.content.model import LANGUAGES
from pedoman.documents import wording
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
from pedoman.documents.texts import catalogue, items

STANDARD = (("jangka waktu", "term"), ("keadaan kahar", "force"), ("perselisihan", "dispute"),
            ("tugas dan tanggung jawab", "duties"), ("penutup", "closing"))
"""Words of a guideline clause's Indonesian title → the standard clause that replaces it."""
REGIONAL_BODIES = frozenset((
    "pemprov", "pemkab", "bappeda-provinsi", "bappeda-kabupaten", "dinas-pppa-provinsi", "dinas-pppa-kabupaten",
    "dinas-sosial-provinsi", "dinas-sosial-kabupaten", "dinas-kesehatan-provinsi", "dinas-kesehatan-kabupaten",
    "disnaker-provinsi", "disnaker-kabupaten", "dpmd-provinsi", "dpmd-kabupaten", "uptd-ppa-provinsi",
    "uptd-ppa-kabupaten", "dukcapil", "rsud", "puskesmas", "ltsa", "kecamatan", "dinas-pendidikan-kabupaten",
    "diskominfo"))
"""The agencies that are a regional government's own offices and units (perangkat daerah), so a party
to a regional agreement can take on their tasks. Every other body (vertical offices, villages, bodies
abroad) is one a party coordinates with; an agency added to the register later counts as such until
it is named here."""


class CooperationDrafts(Drafter):
    """The cooperation documents: the joint agreement, the cooperation agreement (PKS) and its budget."""

    @property
    def X(self):
        return catalogue()[self.lang]

    def party_label(self, role: str) -> str:
        return self.W[role]

    def ordinals(self) -> list[str]:
        return self.W.doc_party_ordinals.split(",")

    def op(self, text: str) -> str:
        """A text as the agreement's operative part prints it (wording.operative)."""
        return wording.operative(text, self.corpus, self.lang, self.W, self.X)

    def joined(self, names: list[str]) -> str:
        if len(names) < 3:
            return f" {self.W['and']} ".join(names)
        return f"{', '.join(names[:-1])}, {self.W['and']} {names[-1]}"

    def title_page(self, instrument: str) -> list[Block]:
        """The instrument's name, the governments between which it is made and its subject."""
        a, W = self.g.documents.agreement, self.W
        blocks: list[Block] = [*self.intro(), Heading(runs(instrument.upper()), 1), Heading(runs(W.doc_between.upper()), 1)]
        for i, s in enumerate(a.signatories):
            if i:
                blocks.append(Heading(runs(W["and"].upper()), 1))
            blocks.append(Heading(runs(self.t(s.government).upper()), 1))
        blocks += [Heading(runs(W.doc_about.upper()), 1), Heading(runs(self.t(a.subject).upper()), 1)]
        return blocks

    def numbers(self) -> list[Block]:
        return [Para(runs(self.X.pks_party_number.format(party=o)), centered=True)
                for o in self.ordinals()[:len(self.g.documents.agreement.signatories)]]

    def signatory_table(self, opening: str) -> list[Block]:
        a, W = self.g.documents.agreement, self.W
        return [Para(runs(opening)),
                Table((W.doc_no, W.doc_signatory, W.doc_acting_for, W.doc_called),
                      tuple((runs(f"{i}."), runs(f"[{W.doc_blank_name}], ") + self.r(s.office), self.r(s.government),
                             runs(self.ordinals()[i - 1])) for i, s in enumerate(a.signatories, 1)), (0.8, 3.5, 3.5, 2))]

    def signatures(self) -> Signatures:
        a = self.g.documents.agreement
        return Signatures(tuple(Signature(caption=self.ordinals()[i], office=self.r(s.office),
                                          name=runs(f"[{self.W.doc_blank_name}]")) for i, s in enumerate(a.signatories)))

    def article(self, n: int, title: str, body: list[Block]) -> list[Block]:
        return [Heading(runs(self.W.doc_article.format(n=n)), 2), Heading(runs(title), 3), *body]

    def ayat(self, texts: list[str], start: int = 1) -> Labelled:
        return Labelled("", tuple(runs(t) for t in texts), "paren", start=start)

    def letters(self, texts: list[str], conjunction: str = "") -> Labelled:
        return Labelled("", self.listed([runs(t) for t in texts], conjunction), "alpha", level=1)

    # --- the standard clauses ------------------------------------------------

    def duties(self) -> list[Block]:
        """Per party, what it may ask of the others and what it owes: its role's responsibilities in the
        guideline, then the duties every party has."""
        a, X = self.g.documents.agreement, self.X
        roles = {p.role: p for p in self.g.parties}
        out: list[Block] = []
        n = 1
        for ordinal, s in zip(self.ordinals(), a.signatories):
            out += [self.ayat([X.pks_rights.format(party=ordinal)], n), self.letters(items(X.pks_rights_items))]
            own = [wording.item(self.op(self.t(r))) for r in roles[s.party].responsibilities] if s.party in roles else []
            out += [self.ayat([X.pks_duties.format(party=ordinal, role=self.party_label(s.party).lower())], n + 1),
                    self.letters(own + items(X.pks_duties_items))]
            n += 2
        return out

    def termination(self) -> list[Block]:
        X = self.X
        return [self.ayat([X.pks_termination_intro]), self.letters(items(X.pks_termination_grounds), X.pks_or),
                self.ayat(items(X.pks_termination_more), 2)]

    def standard(self) -> dict[str, tuple[str, list[Block]]]:
        X = self.X
        return {"duties": (X.pks_duties_title, self.duties()),
                "term": (X.pks_term_title, [self.ayat(items(X.pks_term))]),
                "force": (X.pks_force_majeure_title, [self.ayat(items(X.pks_force_majeure))]),
                "termination": (X.pks_termination_title, self.termination()),
                "dispute": (X.pks_dispute_title, [self.ayat(items(X.pks_dispute))]),
                "closing": (X.pks_closing_title, [Para(runs(X.pks_closing))])}

    def clauses(self) -> list[tuple[str, list[Block]]]:
        """The agreement's articles after the definitions, in order: the guideline's own clauses, the rights
        and duties after its scope, and the standard clauses in place of the guideline's on the same matter,
        the closing last."""
        a = self.g.documents.agreement
        standard = self.standard()
        own: list[tuple[str, list[Block]]] = []
        after_scope = None
        for clause in self.g.clauses:
            title = clause.title.get(LANGUAGES[0]).casefold()
            if any(words in title for words, _ in STANDARD):
                continue
            text = (Blank(self.op(self.t(clause.text))),) if a.clauses_are_outline else runs(self.op(self.t(clause.text)))
            own.append((wording.titled(self.t(clause.title), self.lang), [Para(text)]))
            if "ruang lingkup" in title and after_scope is None:
                after_scope = len(own)
        at = after_scope if after_scope is not None else min(3, len(own))
        order = ("term", "force", "termination", "dispute", "closing")
        return own[:at] + [standard["duties"]] + own[at:] + [standard[k] for k in order]

    def definitions(self, clauses: list[tuple[str, list[Block]]]) -> tuple[str, list[Block]]:
        """Pasal 1: the agreement, the parties, and every abbreviation the articles use, defined once."""
        a, X = self.g.documents.agreement, self.X
        texts = [self.text_of(b) for _, body in clauses for b in body]
        items_ = [X.pks_definition_agreement,
                  X.pks_definition_parties.format(parties=self.joined(self.ordinals()[:len(a.signatories)]))]
        items_ += [X.pks_definition_abbreviation.format(abbreviation=abbr, expansion=expansion)
                   for abbr, expansion in wording.abbreviations(texts, self.corpus, self.lang)]
        return X.pks_definitions_title, [Para(runs(X.pks_definitions_intro)),
                                         Labelled("", tuple(runs(t + ".") for t in items_), "paren")]

    @staticmethod
    def text_of(block: Block) -> str:
        from pedoman.documents.blocks import plain
        if isinstance(block, Para):
            return plain(block.text)
        if isinstance(block, Labelled):
            return " ".join(plain(i) for i in block.items)
        return ""

    # --- the annexes ---------------------------------------------------------

    def agreement_annex_header(self, numeral: str) -> Para:
        a, W, X = self.g.documents.agreement, self.W, self.X
        numbers = "; ".join(f"[{X.pks_party_number_blank.format(party=o)}]" for o in self.ordinals()[:len(a.signatories)])
        return Para(runs(f"{W.doc_annex.upper()} {numeral}\n{W.doc_agreement.upper()}\n"
                         f"{X.pks_annex_number.upper()}: {numbers.upper()}\n{X.pks_annex_date.upper()}\n"
                         f"{W.doc_about.upper()} {self.t(a.subject).upper()}"), aside=True)

    def role_ordinals(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for ordinal, s in zip(self.ordinals(), self.g.documents.agreement.signatories):
            out.setdefault(s.party, []).append(ordinal)
        return out

    def role_heading(self, role: str) -> str:
        parties = self.role_ordinals().get(role)
        label = self.party_label(role)
        if not parties:
            return self.X.pks_not_party.format(role=label)
        return self.X.pks_role_parties.format(role=label, parties=self.joined(parties))

    def actor(self, role: str, agency: str) -> str:
        """Who carries out a workflow step in the annex: the party's own office, or the party's task force
        (the Parties, when the step's area is not a party) in coordination with the body that is not one."""
        X = self.X
        parties = self.role_ordinals().get(role)
        if parties and agency in REGIONAL_BODIES:
            return self.op(self.agency(agency))
        who = X.pks_task_force_of.format(party=self.party_label(role).lower()) if parties else "Para Pihak" \
            if self.lang == LANGUAGES[0] else "the Parties"
        return X.pks_coordinates.format(actor=who[0].upper() + who[1:], agency=self.op(self.agency(agency)))

    def annexes(self) -> list[Block]:
        g, W = self.g, self.W
        roles = ("origin", "transit", "destination")
        tables = [
            (W.workflow, Table((W.doc_no, W.doc_party, W.agency, W.action, W.output),
                               tuple((runs(str(i)), runs(self.role_heading(st.party)), runs(self.actor(st.party, st.agency)),
                                      runs(self.op(self.t(st.action))), runs(self.op(self.t(st.output))) if st.output else ())
                                     for i, st in enumerate(g.workflow, 1)), (0.8, 2, 3.2, 4, 3))),
            (W.tasks, Table((W.task, *(self.role_heading(r) for r in roles)),
                            tuple((self.r(t.task), *(runs(self.op(self.t(getattr(t, r)))) for r in roles))
                                  for t in g.tasks), (2.5, 3, 3, 3))),
            (W.budget, Table((W.doc_no, W.doc_item, W.payer, W.share, W.source),
                             tuple((runs(str(i)), runs(self.op(self.t(b.item))),
                                    runs(", ".join(self.party_label(p) for p in b.payer)),
                                    self.r(b.share), runs(self.op(self.t(b.source)))) for i, b in enumerate(g.budget, 1)),
                             (0.8, 4, 2, 2, 4))),
        ]
        blocks: list[Block] = []
        for numeral, (title, table) in zip(("I", "II", "III"), tables):
            blocks += [PageBreak(), self.agreement_annex_header(numeral), Heading(runs(title), 2), table]
        return blocks

    # --- the documents -------------------------------------------------------

    def agreement(self) -> Document:
        a, W = self.g.documents.agreement, self.W
        blocks: list[Block] = [*self.title_page(W.doc_agreement), *self.numbers(),
                               *self.signatory_table(W.doc_agreement_opening), Para(runs(W.doc_recitals_intro)),
                               Labelled("", tuple(runs(self.op(self.t(x))) for x in a.recitals), "alpha")]
        if a.observing:
            blocks.append(Para(runs(W.doc_made_under)))
            blocks.append(Labelled("", self.listed([self.citation(c) for c in a.observing]), "number"))
        blocks.append(Para(runs(W.doc_agree)))
        clauses = self.clauses()
        for n, (title, body) in enumerate([self.definitions(clauses), *clauses], 1):
            blocks += self.article(n, title, body)
        blocks += [self.signatures(), *self.annexes()]
        return self.document("pks", "agreement", f"{W.doc_agreement} {W.doc_about} {self.t(a.subject)}",
                             W.doc_purpose_agreement, blocks)

    def joint_agreement(self) -> Document:
        """The Kesepakatan Bersama the heads of region sign before the PKS: the same parties and subject, the
        scope from the guideline's tasks, a term, and the PKS as its follow-up."""
        g, W, X = self.g, self.W, self.X
        a = g.documents.agreement
        subject = self.t(a.subject)
        scope = [wording.spelled_out(self.op(self.t(t.task)), self.corpus, self.lang) for t in g.tasks]
        recitals = [r for r in a.recitals if not any(k in self.t(r).casefold() for k in ("kesepakatan bersama", "joint agreement"))]
        articles = [
            (X.kb_purpose_title, [Para(runs(X.kb_purpose.format(subject=subject)))]),
            (X.kb_scope_title, [Para(runs(X.kb_scope_intro)),
                                Labelled("", self.listed([runs(s[0].lower() + s[1:]) for s in scope]), "alpha", level=1)]),
            (X.kb_follow_up_title, [self.ayat(items(X.kb_follow_up))]),
            (X.kb_funding_title, [Para(runs(X.kb_funding))]),
            (X.kb_term_title, [self.ayat(items(X.kb_term))]),
            (X.pks_closing_title, [Para(runs(X.kb_closing))]),
        ]
        blocks: list[Block] = [*self.title_page(X.kb_title), *self.numbers(), *self.signatory_table(X.kb_opening),
                               Para(runs(W.doc_recitals_intro)),
                               Labelled("", self.listed([runs(self.op(self.t(x))) for x in recitals]
                                                        or [runs(X.kb_recital)]), "alpha")]
        if a.observing:
            blocks.append(Para(runs(X.kb_made_under)))
            blocks.append(Labelled("", self.listed([self.citation(c) for c in a.observing]), "number"))
        blocks.append(Para(runs(X.kb_agree)))
        for n, (title, body) in enumerate(articles, 1):
            blocks += self.article(n, title, body)
        blocks.append(self.signatures())
        return self.document("kesepakatan-bersama", "joint-agreement", f"{X.kb_title} {W.doc_about} {subject}",
                             X.kb_purpose_doc, blocks)
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
