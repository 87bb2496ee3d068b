"""The task force's own decisions after the decree forming it: the head of region's decree forming its
sub-task-forces (SK subgugus tugas), each with its membership by office, its duties and its RAD activities;
and the daily chair's decision on working procedures (tata kerja): meetings, working relations and the
reporting schedule, the secretariat, coordination with the sub-task-forces. Both are keputusan laid out as
Lampiran II of UU 12/2011 (C.4) and Permendagri 80/2015 lay one out (`decisions`); what they say comes from
the guideline: its sub-task-forces, membership, seats, RAD rows and level."""


from __future__ import annotations

import re

from pedoman.documents.blocks import Document, Heading, Labelled, Para, Signature, Table, runs
from pedoman.documents.decisions import DecisionDrafts
from pedoman.documents.texts import items
from pedoman.documents.wording import item as as_item
from pedoman.documents.wording import titled

_WORD = re.compile(r"[a-z]{5,}")
_COMMON = {"subgugus", "tugas", "korban", "gugus"}
"""Words of a sub-task-force's name that say nothing of what it does."""


class TaskForceDrafts(DecisionDrafts):
    """The decree on the sub-task-forces and the daily chair's decision on working procedures."""

    def office_lines(self, level: str) -> list[str]:
        """The signing office over the title; a district's under its province."""
        return [self.office(level)] + ([self.W.doc_in_province] if level == "district" else [])

    def subtaskforce_name(self, s) -> str:
        """A sub-task-force's name as a proper name ("Subgugus Tugas Pencegahan")."""
        return titled(self.t(s.name), self.lang)

    def subtaskforce_members(self, s) -> list[str]:
        """The agencies (ids) whose role in the guideline's membership names this sub-task-force, its lead
        left out: "Anggota subgugus tugas pencegahan" sits in the prevention sub-task-force."""
        key = s.name.get("id").casefold()
        return [m.agency for m in self.g.membership if m.agency != s.lead and key in m.role.get("id").casefold()]

    def plan_by_subtaskforce(self) -> tuple[list[list], list]:
        """The RAD rows of each sub-task-force, and the rows of none (the secretariat's and the others'): a
        row goes to the sub-task-force whose name shares most words with its programme ("Layanan dan
        reintegrasi korban" to the one on social rehabilitation, return and reintegration); failing that, a
        row of the secretariat's agency to none (it serves the whole task force), and any other to the
        sub-task-force its agency leads or sits in."""
        subtaskforces = self.g.subtaskforces
        secretary = {seat.agency for seat in self.g.documents.decree.seats if seat.position == "secretary"}
        words = [set(_WORD.findall(s.name.get("id").casefold())) - _COMMON for s in subtaskforces]
        groups: list[list] = [[] for _ in subtaskforces]
        rest = []
        for row in self.g.action_plan:
            program = set(_WORD.findall((row.program or row.activity).get("id").casefold()))
            score, at = max(((len(w & program), i) for i, w in enumerate(words)), default=(0, None),
                            key=lambda found: (found[0], -found[1]))
            if not score:
                at = None if row.agency in secretary else next(
                    (i for i, s in enumerate(subtaskforces)
                     if row.agency == s.lead or row.agency in self.subtaskforce_members(s)), None)
            (groups[at] if at is not None else rest).append(row)
        return groups, rest

    def activities(self, rows) -> tuple:
        """RAD rows as the items of a tabulation: activity, indicator and target."""
        X = self.D
        return self.tabulated([X.sub_activity.format(activity=self.t(r.activity),
                                                     indicator=as_item(self.t(r.indicator)),
                                                     target=as_item(self.t(r.target))) for r in rows])

    def subtaskforce_decree(self) -> Document:
        g, W, X = self.g, self.W, self.D
        level = g.documents.decree.level
        tf = self.task_force(level)
        instrument = W[f"doc_decree_{level}"]
        title = X.sub_title.format(task_force=tf)
        blank = runs(f"[{W.doc_blank_office_held}]")
        groups, _ = self.plan_by_subtaskforce()
        annex = []
        letters = X.section_letters.split(",")
        for i, s in enumerate(g.subtaskforces):
            rows = [(W.doc_subtaskforce_head, runs(self.agency(s.lead))), (X.sub_secretary, runs(X.sub_blank_agency))]
            rows += [(W.doc_position_member, runs(self.agency(a))) for a in self.subtaskforce_members(s)]
            rows += [(X.sub_pic, runs(X.sub_blank_agency)), (W.doc_position_member, runs(X.sub_blank_member))]
            annex += [Heading(runs(f"{letters[i]}. {self.subtaskforce_name(s)}"), 2, centered=False),
                      Table((W.doc_no, X.sub_position, W.agency, W.doc_office_held),
                            tuple((runs(str(n)), runs(position), agency, blank)
                                  for n, (position, agency) in enumerate(rows, 1)), (1.1, 3.4, 4.5, 3)),
                      Labelled(X.sub_duties_label, self.tabulated([self.t(d) for d in s.duties]), "number"),
                      Labelled(X.sub_activities_label, self.activities(groups[i]) if groups[i]
                               else (runs(X.sub_no_activity),), "number")]
        diktum = [[runs(X.sub_forming.format(task_force=tf)),
                   self.listed([runs(self.subtaskforce_name(s)) for s in g.subtaskforces])],
                  *(runs(t) for t in items(X.sub_diktum)), runs(X[f"sub_costs_{level}"]), runs(W.doc_decree_in_force)]
        blocks = self.decision(
            self.office_lines(level), self.office(level), instrument, title,
            [f"{t};" for t in items(X.sub_considering.format(task_force=tf))],
            [*g.documents.decree.observing,
             runs(X.sub_basis.format(decree=instrument, task_force=tf))],
            diktum, self.signing(level), W[f"doc_copies_{level}"].split("|"), annex)
        return self.document("sk-subgugus-tugas", "decree-subtaskforces", f"{instrument} {W.doc_about} {title}",
                             X.sub_purpose, blocks)

    def working_procedures(self) -> Document:
        g, W, X = self.g, self.W, self.D
        level = g.documents.decree.level
        tf = self.task_force(level)
        office = X.wp_office.format(task_force=tf)
        instrument = X.wp_instrument.format(task_force=tf)
        title = X.wp_title.format(task_force=tf)
        decree = W[f"doc_decree_{level}"]
        letters = X.section_letters.split(",")
        secretary = next((self.agency(seat.agency) for seat in g.documents.decree.seats
                          if seat.position == "secretary"), X.wp_blank_secretary)
        parts = [
            (X.wp_meetings_title, [Para(runs(X.wp_meetings_intro)),
                                   Labelled("", self.tabulated(items(X.wp_meetings)), "number", level=1)]),
            (X.wp_lines_title, [Para(runs(X.wp_lines_intro)), self.reporting_lines(level)]),
            (X.wp_secretariat_title, [Para(runs(X.wp_secretariat_intro.format(secretary=secretary))),
                                      Labelled("", self.tabulated(items(X.wp_secretariat)), "alpha", level=1)]),
            (X.wp_coordination_title, [
                Para(runs(X.wp_coordination_intro)),
                Table(tuple(items(X.wp_coordination_headers)),
                      tuple((runs(str(i)), runs(self.subtaskforce_name(s)), runs(self.agency(s.lead)),
                             runs(X.wp_blank_pic)) for i, s in enumerate(g.subtaskforces, 1)), (1.1, 4.5, 4.5, 3.5)),
                Labelled("", tuple(runs(t) for t in items(X[f"wp_coordination_{level}"])), "number", level=1)]),
        ]
        annex = []
        for i, (heading, body) in enumerate(parts):
            annex += [Heading(runs(f"{letters[i]}. {heading}"), 2, centered=False), *body]
        signer = Signature(office=runs(office.upper() + ","), name=runs(f"[{W.doc_blank_name}]"),
                           place=runs(W.doc_issued_at), date=runs(W.doc_issued_on))
        blocks = self.decision(
            [office], office, instrument, title,
            [f"{t};" for t in items(X.wp_considering.format(task_force=tf))],
            [*g.documents.decree.observing, runs(X.sub_basis.format(decree=decree, task_force=tf)),
             runs(X.wp_sub_basis.format(decree=decree, title=X.sub_title.format(task_force=tf)))],
            [*(runs(t.format(task_force=tf)) for t in items(X.wp_diktum)), runs(X.wp_in_force)],
            signer, X[f"wp_copies_{level}"].split("|"), annex)
        return self.document("tata-kerja", "working-procedures", f"{instrument} {W.doc_about} {title}",
                             X.wp_purpose, blocks)
