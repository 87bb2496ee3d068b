"""The formation documents: the governor's or regent's decree forming the task force (SK) and the
regional action plan (RAD) with its matrix."""


from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pedoman.content.model import LANGUAGES

if TYPE_CHECKING:
    pass

from pedoman.documents.blocks import (
    Document,
    Heading,
    Labelled,
    PageBreak,
    Para,
    Sheet,
    Signature,
    Summary,
    Table,
    runs,
)
from pedoman.documents.planchapters import PlanChapters
from pedoman.documents.texts import catalogue, items
from pedoman.documents.wording import item as as_item


class FormationDrafts(PlanChapters):
    """The formation documents: the governor's or regent's decree forming the task force (SK) and the
    regional action plan (RAD): the regulation with its narrative annex and matrix, the matrix as a
    workbook and the monitoring sheet."""

    @property
    def texts(self):
        return catalogue()[self.lang]

    def decree(self) -> Document:
        g, W = self.g, self.W
        d = g.documents.decree
        level = d.level
        instrument = W[f"doc_decree_{level}"]
        title = W[f"doc_decree_title_{level}"]
        ordinals = W.doc_ordinals.split(",")
        diktum = [runs(W[f"doc_decree_forming_{level}"]), runs(W.doc_decree_annex)]
        diktum += [self.r(p) for p in d.provisions]
        diktum += [runs(W[f"doc_decree_revokes_{level}"]), runs(W.doc_decree_in_force)]
        blocks = self.preamble(level, instrument, title, d.considering, d.observing)
        blocks += [Labelled(ordinals[i], (text,)) for i, text in enumerate(diktum)]
        blocks.append(self.signing(level))
        blocks.append(Para(runs(W.doc_copies)))
        copies = self.listed([runs(c) for c in W[f"doc_copies_{level}"].split("|")])
        blocks += [Para((f"{i}. ", *c)) for i, c in enumerate(copies, 1)]
        blocks += [PageBreak(), *self.annex_header(instrument, title),
                   Heading(runs(W.doc_membership_heading), 2, centered=False),
                   Table((W.doc_no, W.doc_position, W.agency, W.doc_office_held),
                         tuple((runs(str(i)), runs(position), runs(self.agency(agency)), office)
                               for i, (position, agency, office) in enumerate(self.composition(), 1)),
                         (0.8, 3.2, 3.5, 3)),
                   Heading(runs(W.doc_duties_heading), 2, centered=False)]
        for i, s in enumerate(g.subtaskforces, 1):
            blocks.append(Heading(runs(f"{i}. {self.t(s.name)}"), 3, centered=False))
            blocks.append(Para(runs(f"{W.doc_subtaskforce_head}: {self.agency(s.lead)}")))
            blocks.append(Labelled(W.duties, self.listed([runs(as_item(self.t(duty))) for duty in s.duties]),
                                   "number"))
        blocks.append(self.annex_signing(level))
        return self.document("sk-pembentukan", "decree", f"{instrument} {W.doc_about} {title}",
                             W[f"doc_purpose_decree_{level}"], blocks)

    def annex_signing(self, level: str) -> Signature:
        """The close of a Lampiran: the office and the name, without place and date (they are the body's)."""
        return Signature(office=runs(self.office(level).upper() + ","), name=runs(f"[{self.W.doc_blank_name}]"))

    def composition(self) -> list[tuple[str, str, tuple]]:
        """The annex's membership, seat by seat: Ketua, Ketua Harian and Sekretaris as the decree block
        names them, each subtaskforce's lead as its Ketua Subgugus Tugas, then every other member as
        Anggota; each with its agency and the office that holds the seat (a blank where none is given)."""
        W = self.W
        d = self.g.documents.decree
        blank = runs(f"[{W.doc_blank_office_held}]")
        order = ("chair", "daily-chair", "secretary")
        seats = sorted(d.seats, key=lambda seat: order.index(seat.position))
        out = [(W["doc_position_" + seat.position.replace("-", "_")], seat.agency,
                self.r(seat.office) if seat.office else blank) for seat in seats]
        out += [(f"{W.doc_subtaskforce_head} ({self.t(s.name)})", s.lead, blank) for s in self.g.subtaskforces]
        seated = {agency for _, agency, _ in out}
        out += [(W.doc_position_member, m.agency, blank) for m in self.g.membership if m.agency not in seated]
        return out

    def plan_years(self) -> list[int]:
        """The calendar years of the RAD period: from the year after the guideline's last update (the
        next budget year a plan adopted now can reach), `period` years."""
        first = self.g.updated.year + 1
        return list(range(first, first + self.g.documents.action_plan.period))

    def plan_rows(self) -> list[tuple[str, ...]]:
        rows = []
        for i, row in enumerate(self.g.action_plan, 1):
            years = tuple("✓" if n in row.years else "" for n in range(1, len(self.plan_years()) + 1))
            rows.append((str(i), self.t(row.program), self.t(row.activity), self.t(row.indicator),
                         self.t(row.target), self.agency(row.agency), self.t(row.budget), *years))
        return rows

    def plan_headers(self) -> tuple[str, ...]:
        W = self.W
        return (W.doc_no, W.doc_program, W.activity, W.indicator, W.target, W.doc_responsible_agency,
                W.budget_source, *(str(y) for y in self.plan_years()))

    RANKS = {"UU": 0, "Perppu": 0, "PP": 1, "Perpres": 2}
    """The rank of an instrument in Mengingat (UU 12/2011 Pasal 7); every other comes after them."""
    LAW_MAKING = "uu-12-2011"
    """UU 12/2011 on making laws and regulations, which every regional regulation rests on."""

    def plan_observing(self) -> list:
        """The regulation's Mengingat: the guideline's citations, with UU 12/2011 (its amendments computed
        from the register) in its place by rank and year, and after the presidential regulations a blank
        for the national action plan in force, which the register does not hold."""
        cited = list(self.g.documents.action_plan.observing)
        regs = self.corpus.regulations

        def rank(c) -> tuple[int, int]:
            reg = regs[c.regulation]
            return self.RANKS.get(reg.type, 3), reg.year

        if self.LAW_MAKING in regs and all(c.regulation != self.LAW_MAKING for c in cited):
            from pedoman.content.model import Citation
            law = Citation(regulation=self.LAW_MAKING)
            at = next((i for i, c in enumerate(cited) if rank(c) > rank(law)), len(cited))
            cited.insert(at, law)
        at = next((i for i, c in enumerate(cited) if rank(c)[0] > 2), len(cited))
        return cited[:at] + [runs(self.texts.reg_ran_blank)] + cited[at:]

    def action_plan(self) -> Document:
        """The regional regulation adopting the RAD (Lampiran II of UU 12/2011): Pasal 1 defines Daerah, the
        head of region, the Gugus Tugas and the RAD; it says "Peraturan Gubernur ini" throughout; the
        article bringing it into force is followed, outside the articles, by "Agar setiap orang
        mengetahuinya ..."; the pengundangan block stands on the left."""
        g, W, X = self.g, self.W, self.texts
        p = g.documents.action_plan
        level = g.documents.decree.level
        instrument = W[f"doc_regulation_{level}"]
        short = X[f"reg_short_{level}"]
        title = W.doc_plan_title
        this = re.compile(r"\b([Pp])eraturan ini\b" if self.lang == LANGUAGES[0] else r"\b([Tt])his Regulation\b")

        def own(text: str) -> str:
            if self.lang == LANGUAGES[0]:
                return this.sub(lambda m: f"{short} ini", text)
            return this.sub(lambda m: f"{m.group(1)}his {short}", text)

        defined = [a for a in p.articles if "yang selanjutnya disebut" in a.get(LANGUAGES[0])]
        definitions = items(X[f"reg_definitions_{level}"]) + [own(self.t(a)) for a in defined]
        articles: list[list] = [[Para(runs(X.reg_definitions_intro.format(short=short))),
                                 Labelled("", tuple(runs(d) for d in definitions), "number", level=1)]]
        articles += [[Para(runs(own(self.t(a))))] for a in p.articles if a not in defined]
        articles += [[Para(runs(own(W.doc_plan_annex)))], [Para(runs(X.reg_in_force.format(short=short)))]]
        blocks = self.preamble(level, instrument, title, p.considering, self.plan_observing(), enacted=short)
        for i, body in enumerate(articles, 1):
            blocks += [Heading(runs(W.doc_article.format(n=i)), 2)]
            if i == 1:
                blocks.append(Heading(runs(X.reg_definitions_title), 3))
            blocks += body
        blocks += self.promulgation(level, X[f"reg_promulgation_{level}"], W[f"doc_gazette_{level}"])
        headers = self.plan_headers()
        blocks += [PageBreak(), *self.annex_header(instrument, title), Heading(runs(title.upper()), 2),
                   *self.plan_chapters(self.plan_observing(), short),
                   PageBreak(landscape=True), Heading(runs(W.doc_plan_matrix), 2),
                   Table(headers, tuple(tuple(runs(c) for c in row) for row in self.plan_rows()),
                         (0.8, 2, 3, 3, 2.5, 2.5, 2, *([0.7] * p.period)), landscape=True),
                   self.annex_signing(level)]
        return self.document("rad", "action-plan", f"{instrument} {W.doc_about} {title}",
                             W[f"doc_purpose_plan_{level}"], blocks)

    def action_plan_matrix(self) -> Document:
        """The RAD matrix as a workbook to plan and budget with, on two sheets that each print readably on
        A3 landscape (the 24 columns on one sheet printed at 36% on F4, 55% on A3):
        - the matrix: per activity its baseline, unit, target at the end of the period, the total ceiling
          (linked from the second sheet), the agency, the source of funds, the nomenclature code (left to
          the planner), the recommendations it carries out (the row's `implements`) and the status, with a
          total row and the totals per source of funds and per agency as formulas;
        - the years: per activity (linked from the first sheet, row by row) its target and ceiling (pagu)
          for each year of the period and their total, with a total row per year.
        Both are signed by the head of the region."""
        g, W, X = self.g, self.W, self.texts
        level = g.documents.decree.level
        years = self.plan_years()
        n = len(years)
        blank = f"[{W.doc_blank_yearly_target}]"
        matrix_title, years_title = W.doc_plan_matrix[:31], X.matrix_years_sheet[:31]
        headers = (W.doc_no, W.doc_program, W.activity, W.indicator, W.doc_baseline, W.doc_unit, W.doc_target_end,
                   W.doc_ceiling_total, W.doc_responsible_agency, W.budget_source, W.doc_fund_source,
                   W.doc_nomenclature_code, W.doc_recommendation, W.doc_status)
        total, agency, _, source, code, rec, status = range(7, 14)
        rows = tuple((str(i), self.t(row.program), self.t(row.activity), self.t(row.indicator), "", "",
                      self.t(row.target), "", self.agency(row.agency), self.t(row.budget), "", "",
                      ", ".join(row.implements), "")
                     for i, row in enumerate(g.action_plan, 1))
        programs = tuple(dict.fromkeys(self.t(row.program) for row in g.action_plan))
        in_rows = tuple(dict.fromkeys(self.agency(row.agency) for row in g.action_plan))
        register = tuple(a.label(self.lang) for a in self.corpus.agencies.values() if a.active)
        sources = tuple(W.doc_fund_sources.split(","))
        common = dict(note=W.doc_translation_notice, empty_rows=10, total=W.doc_total, footer=W.doc_page_of,
                      page_header=W.doc_sheet_header if self.lang != LANGUAGES[0] else "",
                      signatures=(self.signing(level),), paper="a3")
        year_total = 2 + 2 * n
        matrix = Sheet(
            matrix_title, headers, rows, (5, 18, 28, 24, 12, 9, 18, 17, 22, 18, 13, 13, 10, 12),
            choices={1: programs, agency: tuple(dict.fromkeys(in_rows + register)),
                     source: sources, rec: tuple(r.id for r in self.corpus.recommendations),
                     status: tuple(W.doc_status_values.split(","))},
            links={total: (years_title, year_total)},
            summaries=(Summary(W.doc_total_by_source, source, sources, total),
                       Summary(W.doc_total_by_agency, agency, in_rows, total)),
            comments={code: W.doc_nomenclature_comment},
            heading=f"{W.doc_plan_matrix}: {self.t(g.title)}", **common)
        ceilings = tuple(range(2 + n, 2 + 2 * n))
        year_rows = tuple(("", "", *(blank if y in row.years else "" for y in range(1, n + 1)), *("" for _ in years), "")
                          for row in g.action_plan)
        per_year = Sheet(
            years_title, (W.doc_no, W.activity, *(W.doc_target_year.format(year=y) for y in years),
                          *(W.doc_ceiling_year.format(year=y) for y in years), W.doc_ceiling_total),
            year_rows, (5, 30, *([11] * n), *([16] * n), 18),
            links={0: (matrix_title, 0), 1: (matrix_title, 2)},
            amounts=ceilings, row_totals={year_total: ceilings},
            heading=f"{X.matrix_years_sheet}: {self.t(g.title)}", **common)
        return self.document("rad-matriks", "action-plan-matrix", f"{W.doc_plan_matrix}: {self.t(g.title)}",
                             W.doc_purpose_plan_matrix, sheets=(matrix, per_year), format="xlsx")

    def action_plan_monitor(self) -> Document:
        """The half-yearly monitoring sheet of the RAD: per activity its target and what was achieved, the
        ceiling and what was spent, achievement and absorption as formulas (the latter in the total row
        too), obstacles and follow-up; signed by the task force's daily chair."""
        g, W, X = self.g, self.W, self.texts
        heads = items(X.monitor_headers)
        headers = (W.doc_no, W.doc_program, W.activity, W.indicator, W.doc_responsible_agency, *heads)
        rows = tuple((str(i), self.t(row.program), self.t(row.activity), self.t(row.indicator),
                      self.agency(row.agency), *("" for _ in heads)) for i, row in enumerate(g.action_plan, 1))
        sheet = Sheet(
            X.monitor_sheet[:31], headers, rows, (5, 16, 26, 22, 20, 12, 12, 11, 16, 16, 12, 24, 24),
            amounts=(8, 9), ratios={7: (6, 5), 10: (9, 8)}, total=W.doc_total, empty_rows=10,
            heading=f"{X.monitor_title}: {self.t(g.title)} — {X.monitor_period}", note=W.doc_translation_notice,
            page_header=W.doc_sheet_header if self.lang != LANGUAGES[0] else "", footer=W.doc_page_of,
            signatures=(Signature(office=runs(X.monitor_signer), name=runs(f"[{W.doc_blank_name}]"),
                                  place=runs(W.doc_signed_at), date=runs(W.doc_signed_on)),), paper="a3")
        return self.document("rad-pemantauan", "action-plan-monitor", f"{X.monitor_title}: {self.t(g.title)}",
                             X.monitor_purpose, sheets=(sheet,), format="xlsx")
