"""The task force's own regulation and the decree on its membership, as several provinces made them after
Perpres 69/2008 Pasal 12 and again after Perpres 49/2023 (Bengkulu Pergub 40/2015, Bangka Belitung Pergub
54/2013, Central Java in 2024): a Peraturan Gubernur on the task force itself, its structure and tata kerja,
and a Keputusan Gubernur naming its members by office.

The Pergub is laid out as Lampiran II of UU 12/2011 lays out a regulation (the RAD regulation's preamble,
`Drafter.preamble`, Menetapkan "PERATURAN GUBERNUR TENTANG ..."): BAB I Ketentuan Umum to BAB IX
Ketentuan Penutup, each Pasal with its ayat and letters (`DecisionDrafts.pasal`), "Agar setiap orang
mengetahuinya ..." after the last Pasal, the signature, the pengundangan block on the left and the Berita
Daerah under it. Who holds the Ketua, Ketua Harian and Sekretaris seats, which sub-task-forces there are
and who coordinates each, who the members are and how many years the RAD covers come from the guideline;
Menimbang and Mengingat from its `documents.regulation` block, each citation with its gazette and
amendments computed from the register (`Drafter.citation`).

The Kepgub is a keputusan (`DecisionDrafts.decision`) resting on that Pergub (its number a blank): the
diktum sets the membership in its Lampiran, by office, and revokes the decree that formed the task force
before (which the Pergub's transitional provision keeps in force until then); the Lampiran, under a header
with NOMOR and TANGGAL, lists the seats, each sub-task-force's head and members, and the other members,
each with a blank for the office that holds the seat at its agency."""


from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pedoman.documents.blocks import Block, Document, Heading, Labelled, Para, Runs, Table, runs
from pedoman.documents.decrees import FormationDrafts
from pedoman.documents.taskforce import TaskForceDrafts
from pedoman.documents.texts import catalogue as texts
from pedoman.documents.texts import items
from pedoman.documents.wording import item as as_item
from pedoman.presentation.words import load

PATH = Path(__file__).with_name("regulation.yaml")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
SEATS = ("chair", "daily-chair", "secretary")
"""The seats the Pergub's Pasal on the organisation names, in its order (ayat (1) letters a, b, c)."""


@lru_cache(maxsize=1)
def catalogue():
    """Language → the fixed wording of the Pergub and the Kepgub (regulation.yaml, checked as texts.yaml is)."""
    return load(PATH)


class RegulationDrafts(TaskForceDrafts):
    """The Pergub on the task force and the Kepgub on its membership, for a guideline whose `documents` block
    has a `regulation` (and a `membership`) entry."""

    @property
    def R(self):
        """The fixed wording of these two documents in the document's language (regulation.yaml)."""
        return catalogue()[self.lang]

    def regulation_documents(self) -> list[Document]:
        d = self.g.documents
        return ([self.task_force_regulation()] if d.regulation is not None else []) + \
            ([self.membership_decree()] if d.membership is not None else [])

    def seat_office(self, position: str) -> str:
        """Who holds a seat: the office the decree block names, or the head of its agency."""
        seat = next((s for s in self.g.documents.decree.seats if s.position == position), None)
        if seat is None:
            return self.R.pg_secretary_office.format(agency=f"[{self.W.doc_blank_office_held}]")
        if seat.office is not None:
            return self.t(seat.office)
        return self.R.pg_secretary_office.format(agency=self.lead_name(seat.agency))

    def name_of(self, agency_id: str) -> str:
        """An agency's full name, as a regulation writes it (no abbreviation it does not define)."""
        return self.t(self.corpus.agencies[agency_id].name)

    def lead_name(self, agency_id: str) -> str:
        """An agency's name after "the" in English ("the provincial health office"); as it is in Indonesian,
        where a name keeps its capitals."""
        name = self.name_of(agency_id)
        return name if self.lang == "id" else as_item(name)

    def named_article(self, n: int, ayat: list[tuple[str, tuple[Runs, ...]]]) -> list[Block]:
        """Pasal `n` from ayat already written, each with the letters under it (runs, punctuated): for the
        Pasal whose letters are names (offices, agencies) that keep their capitals, which `pasal` would
        write as a tabulation beginning in lower case."""
        blocks: list[Block] = [Heading(runs(self.W.doc_article.format(n=n)), 2)]
        for i, (body, letters) in enumerate(ayat):
            blocks.append(Labelled("", (runs(body),), "paren", start=i + 1) if len(ayat) > 1 else Para(runs(body)))
            if letters:
                blocks.append(Labelled("", letters, "alpha", level=1))
        return blocks

    def organisation(self, n: int) -> list[Block]:
        """The Pasal on the organisation (Ketua, Ketua Harian, Sekretaris, Subgugus Tugas, anggota: who holds
        each seat, who the members are) and the one on the sub-task-forces, numbered from `n`."""
        R, W = self.R, self.W
        structure = items(R.pg_structure)
        seats = [R.pg_seat.format(position=W["doc_position_" + position.replace("-", "_")],
                                  letter=chr(ord("a") + i), office=self.seat_office(position))
                 for i, position in enumerate(SEATS)]
        chair = {s.agency for s in self.g.documents.decree.seats if s.position == "chair"}
        members = [self.name_of(m.agency) for m in self.g.membership if m.agency not in chair]
        first = [(structure[0], self.listed([runs(s[2:]) for s in structure[1:]])), *((s, ()) for s in seats),
                 (R.pg_members, self.listed([runs(m) for m in members])), (R.pg_membership_decree, ())]
        subs = [runs(R.pg_subtaskforce.format(name=self.subtaskforce_name(s), agency=self.lead_name(s.lead)))
                for s in self.g.subtaskforces]
        second = [(R.pg_subtaskforces.format(article=n), self.listed(subs)),
                  *((t, ()) for t in items(R.pg_subtaskforce_rules))]
        return self.named_article(n, first) + self.named_article(n + 1, second) + self.pasal(n + 2, R.pg_officers)

    def task_force_regulation(self) -> Document:
        g, W, R, X = self.g, self.W, self.R, texts()[self.lang]
        level = g.documents.decree.level
        p = g.documents.regulation
        instrument, short = W[f"doc_regulation_{level}"], X[f"reg_short_{level}"]
        title = self.task_force(level)
        secretary = next((self.name_of(s.agency) for s in g.documents.decree.seats if s.position == "secretary"),
                         f"[{W.doc_blank_office_held}]")
        period = g.documents.action_plan.period
        words = R.pg_numbers.split(",")
        chapters: list[list] = [
            [lambda n: [Heading(runs(W.doc_article.format(n=n)), 2),
                        Para(runs(X.reg_definitions_intro.format(short=short))),
                        Labelled("", tuple(runs(d) for d in items(R[f"pg_definitions_{level}"])), "number",
                                 level=1)]],
            [R.pg_establishment, R.pg_duties],
            [self.organisation],
            [R.pg_meetings, R.pg_coordination, R.pg_reporting],
            [R.pg_secretariat.format(agency=secretary)],
            [R.pg_plan.format(period=f"{period} ({words[period - 1]})")],
            [R.pg_funding],
            [R.pg_transition],
            [R.pg_revokes, X.reg_in_force.format(short=short)],
        ]
        blocks = self.preamble(level, instrument, title, p.considering, p.observing, enacted=short)
        article = W.doc_article.split("{")[0]
        n = 1
        for c, (heading, parts) in enumerate(zip(items(R.pg_chapters), chapters)):
            blocks += [Heading(runs(self.D.chapter.format(n=ROMAN[c])), 2), Heading(runs(heading.upper()), 2)]
            for part in parts:
                made = part(n) if callable(part) else self.pasal(n, part)
                blocks += made
                n += sum(1 for b in made if isinstance(b, Heading) and b.text[0].startswith(article))
        blocks += self.promulgation(level, X[f"reg_promulgation_{level}"], R[f"pg_gazette_{level}"])
        return self.document("pergub-gugus-tugas", "task-force-regulation", f"{instrument} {W.doc_about} {title}",
                             R.pg_purpose, blocks)

    def membership_rows(self) -> list[tuple[str, str]]:
        """(position, agency id) seat by seat: Ketua, Ketua Harian and Sekretaris, each sub-task-force's head
        and the members its role names, then every other member of the guideline's membership."""
        W, R = self.W, self.R
        seats = sorted(self.g.documents.decree.seats, key=lambda s: SEATS.index(s.position))
        rows = [(W["doc_position_" + s.position.replace("-", "_")], s.agency) for s in seats]
        placed = {s.agency for s in seats if s.position == "chair"}
        for s in self.g.subtaskforces:
            name = self.subtaskforce_name(s)
            rows.append((R.km_subtaskforce_head.format(name=name), s.lead))
            rows += [(R.km_subtaskforce_member.format(name=name), a) for a in self.subtaskforce_members(s)]
            placed |= {s.lead, *self.subtaskforce_members(s)}
        placed |= {a for _, a in rows}
        rows += [(W.doc_position_member, m.agency) for m in self.g.membership if m.agency not in placed]
        return rows

    def membership_decree(self) -> Document:
        g, W, R = self.g, self.W, self.R
        level = g.documents.decree.level
        tf = self.task_force(level)
        instrument = W[f"doc_decree_{level}"]
        title = R.km_title.format(task_force=tf)
        offices = {s.position: s.office for s in g.documents.decree.seats if s.office is not None}
        by_position = {W["doc_position_" + p.replace("-", "_")]: p for p in SEATS}

        def office(position: str, agency: str) -> Runs:
            seat = by_position.get(position)
            if seat in offices:
                return self.r(offices[seat])
            if seat == "secretary":  # as the Pergub has it: the head of the secretariat's agency
                held = self.seat_office(seat)
                return runs(held[0].upper() + held[1:])
            return runs(R.km_office.format(agency=self.corpus.agencies[agency].abbreviation or self.name_of(agency)))

        annex = [Heading(runs(title.upper()), 2),
                 Table(tuple(items(R.km_headers)),
                       tuple((runs(str(i)), runs(position), office(position, agency), runs(self.agency(agency)))
                             for i, (position, agency) in enumerate(self.membership_rows(), 1)),
                       (1.1, 4.2, 4.2, 4.2))]
        cited = [c for c in g.documents.regulation.observing if c.regulation != FormationDrafts.LAW_MAKING] \
            if g.documents.regulation is not None else list(g.documents.decree.observing)
        observing = [runs(W.doc_constitution), runs(f"[{W['doc_blank_law_forming_' + level]}]"), *cited,
                     runs(R.km_basis.format(task_force=tf))]
        diktum = [runs(t.format(task_force=tf)) for t in items(R.km_diktum)] + [runs(W.doc_decree_in_force)]
        blocks = self.decision(self.office_lines(level), self.office(level), instrument, title,
                               [self.t(c) for c in g.documents.membership.considering], observing, diktum,
                               self.signing(level), W[f"doc_copies_{level}"].split("|"), annex)
        return self.document("kepgub-keanggotaan", "membership-decree", f"{instrument} {W.doc_about} {title}",
                             R.km_purpose, blocks)
