"""The village's documents, for a guideline that carries the task force's work down to the villages (a
district guideline): the village head's decision forming the village liaison team (Keputusan Kepala Desa)
and a model village regulation on protecting villagers who migrate for work and preventing trafficking
(Peraturan Desa). Both follow the forms in the Lampiran of Permendagri 111/2014 on the technical guidance
for village regulations: the village head and the district over the title; in a Perdes, "Dengan Kesepakatan
Bersama" of the BPD and the village head before MEMUTUSKAN, BAB and Pasal, the village head enacting and
the village secretary promulgating in the Lembaran Desa. The Mengingat cites the register. The Perdes ends
with its Penjelasan (`explanation`): I. UMUM, then an entry for every Pasal in order."""


from __future__ import annotations

from pedoman.documents.blocks import Block, Document, Heading, Labelled, Para, Runs, Signature, Table, runs
from pedoman.documents.explanation import ExplanationDrafts
from pedoman.documents.texts import items

VILLAGE_BASIS = ("uu-21-2007", "uu-23-2014", "uu-6-2014", "uu-18-2017", "uu-27-2022")
"""The laws a village's documents rest on, in the order of Mengingat (rank, then year): trafficking, regional
government, villages, migrant workers' protection, personal data; each cited from the register when it holds it."""


BODY = (("pd_information",), ("pd_recruitment",), ("pd_certificate", "pd_records"), ("pd_referral",),
        ("pd_team",), ("pd_funding",), ("pd_reporting",))
"""The Pasal (keys of decisions.yaml) of each chapter of the model Perdes between the general provisions and
the closing ones."""
ARTICLES = ("pd_definitions", *(key for chapter in BODY for key in chapter), "pd_in_force")
"""Every Pasal of the model Perdes in order; its Penjelasan is under the same key in explanation.yaml."""


class VillageDrafts(ExplanationDrafts):
    """The village head's decision on the liaison team and the model Perdes on safe migration."""

    def village_observing(self, decision: bool) -> list:
        """Mengingat of a village's document: the law forming the district (a blank), the laws of
        `VILLAGE_BASIS` the register holds, the district's regulation on villages (a blank) and, for a
        decision (not for a regulation, which rests on regulations only), the decree forming the district's
        task force."""
        regs = self.corpus.regulations
        from pedoman.content.model import Citation
        X = self.D
        return [runs(f"[{self.W.doc_blank_law_forming_district}]"),
                *(Citation(regulation=r) for r in VILLAGE_BASIS if r in regs),
                runs(X.village_blank_perda),
                *([runs(X.village_basis.format(task_force=X.village_task_force))] if decision else [])]

    def village_heads(self) -> list[str]:
        return [self.D.village_head, self.D.village_district]

    def village_team_decree(self) -> Document:
        W, X = self.W, self.D
        tf = X.village_task_force
        seats = [row.split(";") for row in items(X.vt_seats)]
        annex = [Heading(runs(X.vt_membership), 2, centered=False),
                 Table(tuple(items(X.vt_headers)),
                       tuple((runs(str(i)), runs(seat), runs(group), runs(X.vt_blank_name))
                             for i, (seat, group) in enumerate(seats, 1)), (0.8, 3.2, 5, 4))]
        diktum = [runs(X.vt_forming),
                  [runs(X.vt_duties_intro), self.tabulated(items(X.vt_duties))],
                  runs(X.vt_reporting.format(task_force=tf)), runs(X.vt_data), runs(X.vt_costs),
                  runs(X.wp_in_force)]
        signer = Signature(office=runs(X.village_head.upper() + ","), name=runs(f"[{W.doc_blank_name}]"),
                           place=runs(W.doc_issued_at), date=runs(W.doc_issued_on))
        blocks = self.decision(
            self.village_heads(), X.village_head, X.vt_instrument, X.vt_title,
            [f"{t};" for t in items(X.vt_considering.format(task_force=tf))], self.village_observing(True), diktum,
            signer, X.vt_copies.format(task_force=tf).split("|"), annex)
        return self.document("sk-tim-desa", "village-decree", f"{X.vt_instrument} {W.doc_about} {X.vt_title}",
                             X.vt_purpose, blocks)

    def village_regulation(self) -> Document:
        W, X = self.W, self.D
        tf = X.village_task_force
        chapters = items(X.pd_chapters)
        roman = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
        definitions: list[Runs] = [runs(d) for d in items(X.pd_definitions.format(task_force=tf))]
        blocks: list[Block] = [
            *self.intro(), *(Heading(runs(h.upper()), 1) for h in self.village_heads()),
            Heading(runs(X.pd_instrument.upper()), 1), Heading(runs(W.doc_number_year.upper()), 1),
            Heading(runs(W.doc_about.upper()), 1), Heading(runs(X.pd_title.upper()), 1),
            Para(runs(W.doc_invocation), centered=True, bold=True),
            Para(runs(X.village_head.upper() + ","), centered=True, bold=True),
            self.considering([f"{t};" for t in items(X.pd_considering)],
                             f"{X.pd_instrument} {W.doc_about} {X.pd_title}"),
            Labelled(W.doc_observing, self.grounds([c if isinstance(c, tuple) else self.citation(c)
                                                   for c in self.village_observing(False)]), "number"),
            *(Para(runs(line), centered=True, bold=i > 0) for i, line in enumerate(items(X.pd_agreement))),
            Para(runs(W.doc_decides), centered=True, bold=True),
            Labelled(W.doc_enact, (runs(f"{X.pd_short.upper()} {W.doc_about.upper()} {X.pd_title.upper()}."),))]
        n = 1
        for c, chapter in enumerate(chapters):
            blocks += [Heading(runs(self.D.chapter.format(n=roman[c])), 2), Heading(runs(chapter.upper()), 2)]
            if c == 0:
                blocks += [Heading(runs(W.doc_article.format(n=n)), 2), Para(runs(X.pd_definitions_intro)),
                           Labelled("", tuple(definitions), "number", level=1)]
                n += 1
            elif c == len(chapters) - 1:
                blocks += self.pasal(n, X.pd_in_force)
                n += 1
            else:
                for key in BODY[c - 1]:
                    blocks += self.pasal(n, X[key])
                    n += 1
        blocks.append(Para(runs(X.pd_promulgation)))
        blocks.append(Signature(office=runs(X.village_head.upper() + ","), name=runs(f"[{W.doc_blank_name}]"),
                                place=runs(W.doc_issued_at), date=runs(W.doc_issued_on)))
        blocks.append(Signature(office=runs(X.pd_secretary.upper() + ","), name=runs(f"[{W.doc_blank_name}]"),
                                place=runs(W.doc_promulgated_at), date=runs(W.doc_promulgated_on), left=True))
        blocks.append(Para(runs(X.pd_gazette.upper()), bold=True))
        E = self.E
        blocks += self.explanation([X.pd_instrument, W.doc_number_year, W.doc_about, X.pd_title], E.pd_general,
                                   [(X[key], E[key]) for key in ARTICLES], E.supplement, task_force=tf)
        return self.document("perdes-migrasi-aman", "village-regulation",
                             f"{X.pd_instrument} {W.doc_about} {X.pd_title}", X.pd_purpose, blocks)
