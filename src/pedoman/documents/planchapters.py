"""The narrative chapters of the RAD, in the Lampiran of the regulation adopting it, before the matrix:
Pendahuluan (background from the regulation's considerations, purpose, legal basis from its Mengingat,
outline), Kondisi dan Situasi (the baseline to fill in and the Rakornas recommendations the guideline
answers), Strategi dan Arah Kebijakan (the RAD's programmes with their activities and agencies), Program dan
Kegiatan per Subgugus Tugas (each sub-task-force's duties, victim services, return and reintegration
included, and its RAD rows), Monitoring, Evaluasi, dan Pelaporan (the reporting lines of the guideline's
level) and Penutup. Each is made from the guideline; the fixed wording is in decisions.yaml."""


from __future__ import annotations

from pedoman.documents.blocks import Block, Heading, Labelled, Para, Table, runs
from pedoman.documents.texts import items
from pedoman.documents.taskforce import TaskForceDrafts

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


class PlanChapters(TaskForceDrafts):
    """The RAD's narrative chapters, from the guideline."""

    def sentence(self, reason: str) -> str:
        """A consideration ("bahwa ...;" / "that ...;") as a sentence of the background."""
        text = reason.strip().rstrip(";.").strip()
        for lead in ("bahwa ", "that "):
            if text.lower().startswith(lead):
                text = text[len(lead):]
        return text[:1].upper() + text[1:] + "."

    def plan_chapters(self, observing: list, short: str) -> list[Block]:
        """The chapters, each under "BAB I" and its title; `observing` is the regulation's Mengingat."""
        g, W, X = self.g, self.W, self.D
        level = g.documents.decree.level
        letters = X.section_letters.split(",")
        titles = items(X.rad_chapters)

        def part(i: int, heading: str) -> Block:
            return Heading(runs(f"{letters[i]}. {heading}"), 3, centered=False)

        background = [Para(runs(X.rad_background))]
        background += [Para(runs(self.sentence(self.t(c)))) for c in g.documents.action_plan.considering]
        outline = [runs(f"{X.chapter.format(n=ROMAN[i])} {t}") for i, t in enumerate(titles)]
        outline.append(runs(X.rad_matrix_item))
        recommendations = sorted({r for s in g.sections for r in s.implements})
        by_id = {r.id: r for r in self.corpus.recommendations}
        programs: dict[str, list] = {}
        for row in g.action_plan:
            programs.setdefault(self.t(row.program), []).append(row)
        groups, rest = self.plan_by_subtaskforce()
        per_subtaskforce: list[Block] = [Para(runs(X.rad_subtaskforce_intro))]
        for i, s in enumerate(g.subtaskforces):
            per_subtaskforce += [part(i, self.subtaskforce_name(s)),
                                 Para(runs(f"{W.doc_subtaskforce_head}: {self.agency(s.lead)}")),
                                 Labelled(X.sub_duties_label, self.tabulated([self.t(d) for d in s.duties]), "number"),
                                 Labelled(X.sub_activities_label, self.activities(groups[i]) if groups[i]
                                          else (runs(X.sub_no_activity),), "number")]
        if rest:
            per_subtaskforce += [part(len(g.subtaskforces), X.rad_shared_title), Para(runs(X.rad_shared_intro)),
                                 Labelled("", self.activities(rest), "number", level=1)]
        chapters: list[list[Block]] = [
            [part(0, X.rad_background_title), *background,
             part(1, X.rad_aims_title), Para(runs(X.rad_aims_intro)),
             Labelled("", self.tabulated(items(X.rad_aims)), "alpha", level=1),
             part(2, X.rad_basis_title), Para(runs(X.rad_basis_intro.format(short=short))),
             Labelled("", self.listed([c if isinstance(c, tuple) else self.citation(c) for c in observing]),
                      "number", level=1),
             part(3, X.rad_outline_title), Para(runs(X.rad_outline_intro)),
             Labelled("", self.listed(outline), "number", level=1)],
            [Para(runs(X.rad_situation)),
             Table(tuple(items(X.rad_situation_headers)),
                   tuple((runs(str(n)), runs(row.split(";")[0]), runs(X.rad_blank_figure), runs(row.split(";")[1]))
                         for n, row in enumerate(items(X.rad_situation_rows), 1)), (0.8, 7, 2.5, 4)),
             Para(runs(X.rad_issues_intro)),
             Labelled("", self.listed([runs(f"{r} {by_id[r].title.get(self.lang)}") for r in recommendations
                                       if r in by_id]), "number", level=1)],
            [Para(runs(X.rad_strategy_intro)),
             Labelled("", self.listed([runs(X.rad_program.format(
                 program=name, count=len(rows),
                 agencies=self.joined(list(dict.fromkeys(self.agency(r.agency) for r in rows)))))
                 for name, rows in programs.items()]), "alpha", level=1),
             Para(runs(X.rad_policy_intro)), Labelled("", self.tabulated(items(X.rad_policy)), "alpha", level=1)],
            per_subtaskforce,
            [Para(runs(X.rad_monev)), self.reporting_lines(level)],
            [Para(runs(X.rad_closing))],
        ]
        blocks: list[Block] = []
        for i, (title, body) in enumerate(zip(titles, chapters)):
            blocks += [Heading(runs(X.chapter.format(n=ROMAN[i])), 2), Heading(runs(title.upper()), 2), *body]
        return blocks

    def joined(self, names: list[str]) -> str:
        """"a, b, dan c" / "a, b and c"."""
        if len(names) < 2:
            return "".join(names)
        comma = "," if self.lang == "id" and len(names) > 2 else ""
        return f"{', '.join(names[:-1])}{comma} {self.W['and']} {names[-1]}"
