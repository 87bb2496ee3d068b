"""The formation documents: the governor's or regent's decree forming the task force (SK) and the
regional action plan (RAD) with its matrix."""


from __future__ import annotations

from typing import TYPE_CHECKING

from pedoman.content.model import LANGUAGES

if TYPE_CHECKING:
    pass

from pedoman.documents.blocks import Document, Heading, Labelled, PageBreak, Para, Sheet, Signature, Table, runs
from pedoman.documents.drafting import Drafter


class FormationDrafts(Drafter):
    """The formation documents: the governor's or regent's decree forming the task force (SK) and the"""

    def decree(self) -> Document:
        g, W = self.g, self.W
        d = g.documents.decree
        level = d.level
        instrument = W[f"doc_decree_{level}"]
        title = W[f"doc_decree_title_{level}"]
        ordinals = W.doc_ordinals.split(",")
        diktum = [runs(W[f"doc_decree_forming_{level}"]), runs(W.doc_decree_annex)]
        diktum += [self.r(p) for p in d.provisions]
        diktum.append(runs(W.doc_decree_in_force))
        blocks = self.preamble(level, instrument, title, d.considering, d.observing)
        blocks += [Labelled(ordinals[i], (text,)) for i, text in enumerate(diktum)]
        blocks.append(self.signing(level))
        blocks += [PageBreak(), *self.annex_header(instrument, title),
                   Heading(runs(W.doc_membership_heading), 2, centered=False),
                   Table((W.doc_no, W.agency, W.doc_office_held, W.role),
                         tuple((runs(str(i)), runs(self.agency(m.agency)), runs(f"[{W.doc_blank_office_held}]"),
                                self.r(m.role)) for i, m in enumerate(g.membership, 1)),
                         (0.8, 3, 2.5, 4)),
                   Heading(runs(W.doc_duties_heading), 2, centered=False)]
        for i, s in enumerate(g.subtaskforces, 1):
            blocks.append(Heading(runs(f"{i}. {self.t(s.name)}"), 3, centered=False))
            blocks.append(Para(runs(f"{W.lead}: {self.agency(s.lead)}")))
            blocks.append(Labelled(W.duties, tuple(self.r(duty) for duty in s.duties), "number"))
        blocks.append(self.signing(level))
        return self.document("sk-pembentukan", "decree", f"{instrument} {W.doc_about} {title}",
                             W[f"doc_purpose_decree_{level}"], blocks)

    def plan_rows(self) -> list[tuple[str, ...]]:
        period = self.g.documents.action_plan.period
        rows = []
        for i, row in enumerate(self.g.action_plan, 1):
            years = tuple("✓" if y in row.years else "" for y in range(1, period + 1))
            rows.append((str(i), self.t(row.program), self.t(row.activity), self.t(row.indicator),
                         self.t(row.target), self.agency(row.agency), self.t(row.budget), *years))
        return rows

    def plan_headers(self) -> tuple[str, ...]:
        W = self.W
        period = self.g.documents.action_plan.period
        return (W.doc_no, W.doc_program, W.activity, W.indicator, W.target, W.doc_responsible_agency,
                W.budget_source, *(W.doc_year_n.format(n=n) for n in range(1, period + 1)))

    def action_plan(self) -> Document:
        g, W = self.g, self.W
        p = g.documents.action_plan
        level = g.documents.decree.level
        instrument = W[f"doc_regulation_{level}"]
        title = W.doc_plan_title
        articles = [self.r(a) for a in p.articles]
        articles += [runs(W.doc_plan_annex), runs(W[f"doc_regulation_in_force_{level}"])]
        blocks = self.preamble(level, instrument, title, p.considering, p.observing)
        for i, text in enumerate(articles, 1):
            blocks += [Heading(runs(W.doc_article.format(n=i)), 2), Para(text)]
        blocks.append(self.signing(level))
        blocks.append(Signature(office=runs(W[f"doc_secretary_{level}"].upper() + ","),
                                name=runs(f"[{W.doc_blank_name}]"), place=runs(W.doc_promulgated_at),
                                date=runs(W.doc_promulgated_on)))
        blocks.append(Para(runs(W[f"doc_gazette_{level}"].upper()), bold=True))
        headers = self.plan_headers()
        blocks += [PageBreak(landscape=True), *self.annex_header(instrument, title),
                   Heading(runs(W.doc_plan_matrix), 2),
                   Table(headers, tuple(tuple(runs(c) for c in row) for row in self.plan_rows()),
                         (0.8, 2, 3, 3, 2.5, 2.5, 2, *([0.7] * p.period)), landscape=True),
                   self.signing(level)]
        return self.document("rad", "action-plan", f"{instrument} {W.doc_about} {title}",
                             W[f"doc_purpose_plan_{level}"], blocks)

    def action_plan_matrix(self) -> Document:
        W = self.W
        p = self.g.documents.action_plan
        headers = (*self.plan_headers(), W.doc_status)
        rows = tuple((*row, "") for row in self.plan_rows())
        programs = tuple(dict.fromkeys(self.t(row.program) for row in self.g.action_plan))
        agencies = tuple(dict.fromkeys(self.agency(row.agency) for row in self.g.action_plan))
        years = {7 + i: ("✓",) for i in range(p.period)}
        sheet = Sheet(W.doc_plan_matrix[:31], headers, rows, (5, 28, 40, 36, 30, 30, 28, *([9] * p.period), 16),
                      choices={1: programs, 5: agencies, **years,
                               7 + p.period: tuple(W.doc_status_values.split(","))},
                      note=W.doc_translation_notice if self.lang != LANGUAGES[0] else "")
        return self.document("rad-matriks", "action-plan-matrix", f"{W.doc_plan_matrix}: {self.t(self.g.title)}",
                             W.doc_purpose_plan_matrix, sheets=(sheet,), format="xlsx")
