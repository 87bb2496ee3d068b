"""The regional task force's narrative semester and annual report (laporan semester dan tahunan).

Its parts follow the reporting section of the formation guidelines ("Monev dan pelaporan"): the period, the
activities of each sub-task-force (the guideline's RAD rows, each under the sub-task-force whose lead agency
is responsible for it), the cases and victims served by type of service as aggregate numbers only, the
budget allocated and spent, obstacles, follow-up, and the daily chair's signature. The semester report goes
to the regional head, the annual one to the task force above (the guideline's own words), so the addressee
and copies follow the decree's level. The figures are written in by hand or typed into the empty cells: no
cell asks for anything that could identify a victim, and a boxed notice says so.
"""


from __future__ import annotations

from pedoman.documents.blocks import Block, Document, Heading, Labelled, Para, Signature, Table, runs
from pedoman.documents.drafting import Drafter
from pedoman.documents.texts import catalogue, items

WRITE_IN = 4.0
"""Centimetres of room for a part written as prose (obstacles, follow-up, an account of the activities)."""
ROW = 1.0
"""Centimetres of a row whose figures are written in."""


class ReportDrafts(Drafter):
    """The regional task force's narrative semester and annual report."""

    def _write_in(self, prompt: str) -> list[Block]:
        """A prompt and a framed space under it to write the part's prose in."""
        return [Para(runs(prompt)), Table(("",), ((),), (1,), heights=(WRITE_IN,))]

    def _activities(self) -> list[Block]:
        """Part II: per sub-task-force (and one group for the rest), the RAD activities its lead is
        responsible for, with their target and empty cells for what was achieved."""
        g, X = self.g, catalogue()[self.lang]
        heads = tuple(items(X.report_activity_headers))
        leads = {s.lead for s in g.subtaskforces}
        groups = [(self.t(s.name), X.report_lead.format(agency=self.agency(s.lead)),
                   [r for r in g.action_plan if r.agency == s.lead]) for s in g.subtaskforces]
        rest = [r for r in g.action_plan if r.agency not in leads]
        groups.append((X.report_other_activities, "", rest))
        blocks: list[Block] = [Para(runs(X.report_activities_intro))]
        for n, (name, lead, rows) in enumerate(groups, 1):
            blocks.append(Heading(runs(f"{n}. {name}"), 3, centered=False))
            if lead:
                blocks.append(Para(runs(lead)))
            body = tuple((runs(str(i)), self.r(r.activity), self.r(r.target), (), ()) for i, r in enumerate(rows, 1))
            body += ((runs(str(len(rows) + 1)), (), (), (), ()),)  # an activity outside the RAD
            blocks.append(Table(heads, body, (0.8, 5, 3, 3, 3), heights=(ROW,) * len(body)))
        blocks += self._write_in(X.report_narrative)
        return blocks

    def _cases(self) -> list[Block]:
        """Part III: cases and victims per type of service, counts only, under the aggregate-only notice."""
        X = catalogue()[self.lang]
        heads = tuple(items(X.report_cases_headers))
        rows = tuple((runs(service), *((),) * (len(heads) - 1)) for service in items(X.report_services))
        return [Para(runs(X.report_aggregate_notice), notice=True),
                Table(heads, rows, (4, 1.4, 1.6, 1.6, 1.6, 1.6, 1.6), heights=(ROW,) * len(rows), together=True),
                Para(runs(X.report_cases_note))]

    def _budget(self, level: str) -> list[Block]:
        """Part IV: ceiling and spending per source of funds, the total last."""
        X = catalogue()[self.lang]
        heads = tuple(items(X.report_budget_headers))
        rows = tuple((runs(source), (), (), ()) for source in items(X[f"report_budget_sources_{level}"]))
        return [Table(heads, rows, (5, 3, 3, 2), heights=(ROW,) * len(rows), together=True)]

    def task_force_report(self) -> Document:
        """The report as a letter-headed document: heading and period, Nomor/Sifat/Lampiran/Hal, addressee,
        the seven parts, the daily chair's signature and the copies."""
        g, W, X = self.g, self.W, catalogue()[self.lang]
        level = g.documents.decree.level
        parts = items(X.report_parts)
        copies = items(X[f"report_copies_{level}"])
        blocks: list[Block] = [*self.intro(), Heading(runs(self.office(level).upper()), 1),
                               Heading(runs(X.report_heading), 1),
                               Heading(runs(W[f"doc_decree_title_{level}"].upper()), 1),
                               Para(runs(W.doc_signed_at), aside=True)]
        blocks += [Labelled(head, (runs(value),)) for head, value in zip(items(X.report_heads), items(X.report_values))]
        blocks += [Para(runs(X[f"report_addressee_{level}"]), ragged=True),
                   Heading(runs(parts[0]), 2, centered=False),
                   *(Para(runs(f"{letter}. {text}")) for letter, text in
                     zip("ABC", (X.report_basis, X.report_period, X.report_sources))),
                   Heading(runs(parts[1]), 2, centered=False), *self._activities(),
                   Heading(runs(parts[2]), 2, centered=False), *self._cases(),
                   Heading(runs(parts[3]), 2, centered=False), *self._budget(level),
                   Heading(runs(parts[4]), 2, centered=False), *self._write_in(X.report_obstacles),
                   Heading(runs(parts[5]), 2, centered=False), *self._write_in(X.report_follow_up),
                   Heading(runs(parts[6]), 2, centered=False), Para(runs(X.report_closing)),
                   Signature(office=runs(X.report_signer), name=runs(X.report_name)),
                   Para(runs(copies[0])), *(Para(runs(f"{i}. {c}")) for i, c in enumerate(copies[1:], 1))]
        return self.document("laporan-gugus-tugas", "report", f"{X.report_title}: {self.t(g.title)}",
                             X.report_purpose, blocks)
