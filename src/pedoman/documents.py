"""The drafting kit: which documents each guideline calls for, and what they say.

A guideline's `documents` block (model.py) adds what a document needs beyond the
guideline's own parts: the decree's considerations, the agreement's signatories,
the forms' fields. This module decides the content of every document from the
corpus, in each language, as plain blocks (headings, paragraphs, labelled lists,
tables, signatures); `docx_writer` and `xlsx_writer` only lay them out.

A text may hold blanks to fill in, written in square brackets ("Provinsi [nama
provinsi]"): they become `Blank` runs, highlighted in the files and listed on
the guideline's page. The Indonesian document is the one to sign; the English
one is a working translation and says so on its first page.

A build writes a document only when its file is not already kept in the
documents cache (`write_documents` with `cache_dir`, the setting
documents_cache): each file is kept under a digest of everything it is made
from (`cache_key`): what the document says, with the whole guideline it comes
from, the paper size, the writers' code and the versions of python-docx and
openpyxl. Writing the whole kit takes about 1.5 s; finding it kept, 0.1 s.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Union

from . import cachefolder, legal, urls
from .model import LANGUAGES, Text
from .words import CATALOGUE

if TYPE_CHECKING:
    from .corpus import Corpus
    from .model import Citation, Guideline

FOLDER = "documents"
"""Where the kit lives in the built site: documents/<guideline-id>/<name>.<lang>.<format>."""

PAPER_SIZES = {"f4": (215, 330), "a4": (210, 297)}
"""Paper sizes in millimetres. F4 is the default: Lampiran II of UU 12/2011, angka 284, types
regulations on F4; A4 is the setting `documents_paper: a4`."""

DEFAULT_PAPER = "f4"

_BLANK = re.compile(r"\[([^\[\]]+)\]")


# --- the blocks a document is made of ----------------------------------------


@dataclass(frozen=True)
class Blank:
    """A place to fill in, printed as "[label]" and highlighted."""

    label: str


Run = Union[str, Blank]
Runs = tuple[Run, ...]


def runs(text: str) -> Runs:
    """A text with its "[...]" blanks as `Blank` runs."""
    out: list[Run] = []
    pos = 0
    for match in _BLANK.finditer(text):
        if match.start() > pos:
            out.append(text[pos:match.start()])
        out.append(Blank(match.group(1)))
        pos = match.end()
    if pos < len(text):
        out.append(text[pos:])
    return tuple(out)


def plain(value: Runs) -> str:
    """The runs as the text a reader sees, blanks in brackets."""
    return "".join(r if isinstance(r, str) else f"[{r.label}]" for r in value)


@dataclass(frozen=True)
class Heading:
    text: Runs
    level: int = 1
    """1: the document's title lines; 2: a part (Pasal, annex); 3: a sub-part."""
    centered: bool = True


@dataclass(frozen=True)
class Para:
    text: Runs
    centered: bool = False
    bold: bool = False
    notice: bool = False
    """A boxed notice (the working-translation note, the confidentiality note)."""


@dataclass(frozen=True)
class Labelled:
    """A label beside numbered items: "Menimbang : a. ...", or one diktum "KESATU : ..."."""

    label: str
    items: tuple[Runs, ...]
    numbering: str = ""
    """"alpha" (a., b.), "number" (1., 2.) or "" (one item, no number)."""


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[Runs, ...], ...]
    widths: tuple[float, ...]
    """Relative column widths."""
    landscape: bool = False


@dataclass(frozen=True)
class Signature:
    """Place and date (optional), the signing office, a space to sign and the name."""

    office: Runs
    name: Runs
    place: Runs = ()
    date: Runs = ()
    caption: str = ""
    """Over the office, e.g. PIHAK KESATU."""


@dataclass(frozen=True)
class Signatures:
    """Several signatures side by side (an agreement)."""

    items: tuple[Signature, ...]


@dataclass(frozen=True)
class PageBreak:
    landscape: bool = False
    """The pages after the break are landscape (a wide annex)."""


Block = Union[Heading, Para, Labelled, Table, Signature, Signatures, PageBreak]


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a table with its header row, and the closed sets some columns take."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]
    """Column widths in characters."""
    choices: dict[int, tuple[str, ...]] = field(default_factory=dict)
    """Column index → the values it may take (a drop-down list)."""
    whole_numbers: tuple[int, ...] = ()
    """Columns that take a whole number of rupiah, 0 or more."""
    note: str = ""
    """A line above the table (the working-translation note)."""


@dataclass(frozen=True)
class Document:
    """One file of the kit, in one language."""

    guideline: Guideline
    name: str
    """The file name without language and format, e.g. sk-pembentukan."""
    lang: str
    format: str
    """docx or xlsx"""
    kind: str
    """decree, action-plan, action-plan-matrix, agreement, agreement-budget, form, questionnaire"""
    title: str
    purpose: str
    blocks: tuple[Block, ...] = ()
    sheets: tuple[Sheet, ...] = ()

    @property
    def path(self) -> str:
        """Relative to the site root: documents/<guideline>/<name>.<lang>.<format>."""
        return f"{FOLDER}/{self.guideline.id}/{self.name}.{self.lang}.{self.format}"

    @property
    def blanks(self) -> list[str]:
        """Every blank to fill in, in the order it first appears, each once (case aside)."""
        seen: dict[str, str] = {}

        def add(value: Runs) -> None:
            for r in value:
                if isinstance(r, Blank):
                    key = r.label.casefold()
                    if key not in seen or seen[key].isupper() and not r.label.isupper():
                        seen[key] = r.label  # listed as written in running text, not as in a title

        for block in self.blocks:
            if isinstance(block, (Heading, Para)):
                add(block.text)
            elif isinstance(block, Labelled):
                for item in block.items:
                    add(item)
            elif isinstance(block, Table):
                for row in block.rows:
                    for cell in row:
                        add(cell)
            elif isinstance(block, (Signature, Signatures)):
                for s in block.items if isinstance(block, Signatures) else (block,):
                    for value in (s.place, s.date, s.office, s.name):
                        add(value)
        for sheet in self.sheets:
            for text in (sheet.note, *sheet.headers, *(c for row in sheet.rows for c in row)):
                add(runs(text))
        return list(seen.values())


# --- deciding the content ----------------------------------------------------


class _Builder:
    """The documents of one guideline in one language."""

    def __init__(self, corpus: Corpus, g: Guideline, lang: str):
        self.corpus, self.g, self.lang = corpus, g, lang
        self.W = CATALOGUE[lang]

    def t(self, value: Text) -> str:
        return value.get(self.lang)

    def r(self, value: Text | str) -> Runs:
        return runs(self.t(value) if isinstance(value, Text) else value)

    def agency(self, agency_id: str) -> str:
        return self.corpus.agencies[agency_id].label(self.lang)

    def intro(self) -> list[Block]:
        """The working-translation note on the first page of an English document."""
        return [Para(runs(self.W.doc_translation_notice), notice=True)] if self.lang != LANGUAGES[0] else []

    def citation(self, citation: Citation) -> Runs:
        """One "Mengingat" item: the instrument with its gazette, and the last amendment with its own."""
        reg = self.corpus.regulations[citation.regulation]
        text = legal.name(reg, self.lang, self.W) + self.gazette(reg)
        if reg.amended_by:
            last = self.corpus.regulations[reg.amended_by[-1]]
            word = self.W.doc_amended_once if len(reg.amended_by) == 1 else self.W.doc_amended_last
            text += f" {word} {legal.name(last, self.lang, self.W)}{self.gazette(last)}"
        return runs(text + ";")

    def gazette(self, reg) -> str:
        """" (Lembaran Negara ... Nomor 58, ...)" when the register holds the number, else a blank for it."""
        published = reg.published.get(self.lang)
        if re.search(r"(Nomor|No\.) ?[0-9]", published):
            return f" ({published})"
        return f" ([{self.W.doc_blank_gazette}])"

    def considering(self, reasons: list[Text], closing: str) -> Labelled:
        """Menimbang: the guideline's reasons, then the standard last one pointing back at them."""
        items = [self.r(reason) for reason in reasons]
        letters = [f"{self.W.doc_letter} {chr(ord('a') + i)}" for i in range(len(items))]
        listed = letters[0] if len(letters) == 1 else f"{', '.join(letters[:-1])} {self.W['and']} {letters[-1]}"
        items.append(runs(self.W.doc_considering_closing.format(letters=listed, title=closing)))
        return Labelled(self.W.doc_considering, tuple(items), "alpha")

    def observing(self, citations: list[Citation], level: str) -> Labelled:
        items = [runs(self.W.doc_constitution), runs(f"[{self.W['doc_blank_law_forming_' + level]}];")]
        items += [self.citation(c) for c in citations]
        return Labelled(self.W.doc_observing, tuple(items), "number")

    # The regional head who signs, and the region, in the document's words.

    def office(self, level: str) -> str:
        return self.W[f"doc_office_{level}"]

    def header(self, level: str, instrument: str, title: str) -> list[Block]:
        """Kepala and judul: the office, the instrument's name, number and year, and its title."""
        blocks: list[Block] = [Heading(runs(self.office(level).upper()), 1)]
        if level == "district":
            blocks.append(Heading(runs(self.W.doc_in_province.upper()), 1))
        blocks += [Heading(runs(instrument.upper()), 1), Heading(runs(self.W.doc_number_year.upper()), 1),
                   Heading(runs(self.W.doc_about.upper()), 1), Heading(runs(title.upper()), 1)]
        return blocks

    def opening(self, level: str) -> list[Block]:
        return [Para(runs(self.W.doc_invocation), centered=True, bold=True),
                Para(runs(self.office(level).upper() + ","), centered=True, bold=True)]

    def signing(self, level: str) -> Signature:
        return Signature(office=runs(self.office(level).upper() + ","), name=runs(f"[{self.W.doc_blank_name}]"),
                         place=runs(self.W.doc_issued_at), date=runs(self.W.doc_issued_on))

    def annex_header(self, instrument: str, title: str, numeral: str = "") -> list[Block]:
        label = self.W.doc_annex + (f" {numeral}" if numeral else "")
        return [Para(runs(label.upper()), bold=True),
                Para(runs(f"{instrument.upper()}\n{self.W.doc_number_year.upper()}\n"
                          f"{self.W.doc_about.upper()} {title.upper()}"))]

    # --- formation: the decree and the RAD --------------------------------------

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

    def preamble(self, level: str, instrument: str, title: str, considering, observing) -> list[Block]:
        """A regional legal product up to "Menetapkan": heading, opening, Menimbang, Mengingat,
        MEMUTUSKAN and the enacted title (the same for a decree and a regulation)."""
        W = self.W
        return [*self.intro(), *self.header(level, instrument, title), *self.opening(level),
                self.considering(considering, f"{instrument} {W.doc_about} {title}"),
                self.observing(observing, level),
                Para(runs(W.doc_decides), centered=True, bold=True),
                Labelled(W.doc_enact, (runs(f"{instrument.upper()} {W.doc_about.upper()} {title.upper()}."),))]

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

    # --- cooperation: the agreement and its budget -------------------------------

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
            blocks.append(Labelled("", tuple(self.citation(c) for c in a.observing), "number"))
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
            blocks += [PageBreak(), Para(runs(f"{W.doc_annex.upper()} {numeral}"), bold=True),
                       Para(runs(f"{W.doc_agreement.upper()} {W.doc_about.upper()} {self.t(a.subject).upper()}")),
                       Heading(runs(title), 2), table]
        return self.document("pks", "agreement", f"{W.doc_agreement} {W.doc_about} {self.t(a.subject)}",
                             W.doc_purpose_agreement, blocks)

    def agreement_budget(self) -> Document:
        g, W = self.g, self.W
        a = g.documents.agreement
        headers = (W.doc_no, W.doc_item, W.payer, W.share, W.source, W.doc_amount, W.doc_budget_year, W.doc_budgeted)
        rows = tuple((str(i), self.t(b.item), ", ".join(self.party_label(p) for p in b.payer), self.t(b.share),
                      self.t(b.source), "", "", "") for i, b in enumerate(g.budget, 1))
        sheet = Sheet(W.budget[:31], headers, rows, (5, 44, 22, 22, 48, 18, 14, 30),
                      choices={6: tuple(str(y) for y in range(g.updated.year, g.updated.year + 6)),
                               7: tuple(W.doc_budgeted_values.split(","))},
                      whole_numbers=(5,), note=W.doc_translation_notice if self.lang != LANGUAGES[0] else "")
        return self.document("pks-anggaran", "agreement-budget", f"{W.budget}: {self.t(a.subject)}",
                             W.doc_purpose_agreement_budget, sheets=(sheet,), format="xlsx")

    # --- victim assistance: the forms ------------------------------------------------

    def answer(self, f) -> Runs:
        W = self.W
        if f.answer == "yes-no":
            return runs(f"☐ {W.doc_yes}   ☐ {W.doc_no_answer}")
        if f.answer == "choice":
            return runs("   ".join(f"☐ {self.t(o)}" for o in f.options))
        if f.answer == "date":
            return runs("…… / …… / …………")
        return ()

    def form(self, form) -> Document:
        g, W = self.g, self.W
        stages = {s.id: s for s in g.stages}
        blocks: list[Block] = [*self.intro(), Para(runs(W.doc_form_unit), centered=True, bold=True),
                               Heading(runs(self.t(form.title).upper()), 1),
                               Para(runs(W.doc_case_number), centered=True),
                               Para(runs(W.doc_confidential), notice=True),
                               Para(self.r(form.purpose)),
                               Para(runs(f"{W.doc_stages}: " + "; ".join(self.t(stages[s].title) for s in form.stages)))]
        for i, part in enumerate(form.parts, 1):
            blocks.append(Heading(runs(f"{chr(ord('A') + i - 1)}. {self.t(part.title)}"), 2, centered=False))
            blocks.append(Table((W.doc_field, W.doc_entry),
                                tuple((self.r(f.label), self.answer(f)) for f in part.fields), (4, 6)))
        return self.document(form.id, "form", self.t(form.title), self.t(form.purpose), blocks)

    # --- corporate engagement: the questionnaire ---------------------------------------

    def questionnaire(self) -> Document:
        g, W = self.g, self.W
        q = g.documents.questionnaire
        options = "  ".join(f"☐ {o}" for o in W.doc_answer_values.split(","))
        blocks: list[Block] = [*self.intro(), Heading(runs(W.doc_questionnaire.upper()), 1),
                               Heading(runs(self.t(g.title)), 1),
                               Para(runs(f"{W.doc_respondent}: ") + self.r(q.respondent)),
                               Para(self.r(q.introduction)),
                               Heading(runs(f"A. {W.doc_respondent_identity}"), 2, centered=False),
                               Table((W.doc_field, W.doc_entry),
                                     tuple((runs(label), runs(f"[{blank}]")) for label, blank in (
                                         (W.doc_company, W.doc_blank_company), (W.doc_address, W.doc_blank_address),
                                         (W.doc_filled_by, W.doc_blank_filled_by), (W.date, W.doc_blank_date))),
                                     (4, 6)),
                               Heading(runs(f"B. {W.due_diligence}"), 2, centered=False),
                               Table((W.doc_no, W.doc_step, W.doc_answer, W.doc_evidence),
                                     tuple((runs(str(i)), runs(f"{self.t(s.title)}: {self.t(s.description)}"),
                                            runs(options), ()) for i, s in enumerate(g.due_diligence, 1)),
                                     (0.8, 5, 2.5, 3)),
                               Heading(runs(f"C. {W.checklist}"), 2, centered=False),
                               Table((W.doc_no, W.doc_question, W.doc_answer, W.doc_evidence),
                                     tuple((runs(str(i)), self.r(c), runs(options), ())
                                           for i, c in enumerate(g.checklist, 1)), (0.8, 5, 2.5, 3)),
                               Signature(office=runs(W.doc_filled_by_sign), name=runs(f"[{W.doc_blank_filled_by}]"),
                                         place=runs(W.doc_signed_at), date=runs(W.doc_signed_on))]
        return self.document("kuesioner-uji-tuntas", "questionnaire", f"{W.doc_questionnaire}: {self.t(g.title)}",
                             W.doc_purpose_questionnaire.format(respondent=self.t(q.respondent)), blocks)

    def document(self, name: str, kind: str, title: str, purpose: str, blocks=(), sheets=(),
                 format: str = "docx") -> Document:
        return Document(self.g, name, self.lang, format, kind, title, purpose, tuple(blocks), tuple(sheets))

    def all(self) -> list[Document]:
        docs = getattr(self.g, "documents", None)
        if docs is None:
            return []
        kind = self.g.kind
        if kind == "formation":
            return [self.decree(), self.action_plan(), self.action_plan_matrix()]
        if kind == "cooperation":
            return [self.agreement(), self.agreement_budget()]
        if kind == "victim-assistance":
            return [self.form(f) for f in docs.forms]
        return [self.questionnaire()]


def for_guideline(corpus: Corpus, g: Guideline, lang: str) -> list[Document]:
    """The documents a guideline calls for, in `lang` (none without a `documents` block)."""
    return _Builder(corpus, g, lang).all()


def kit(corpus: Corpus) -> list[Document]:
    """Every document of the corpus in every language: guideline by guideline, language by language."""
    return [d for g in corpus.guidelines for lang in LANGUAGES for d in for_guideline(corpus, g, lang)]


def listing(corpus: Corpus, g: Guideline, lang: str) -> list[dict]:
    """What a page or a PDF prints about a guideline's documents in `lang`: title, purpose, file, format,
    blanks, and the same file in the other language. Paths are relative to the site root."""
    other = {(d.name, d.format): d for lang2 in LANGUAGES if lang2 != lang
             for d in for_guideline(corpus, g, lang2)}
    return [{"name": d.name, "kind": d.kind, "title": d.title, "purpose": d.purpose, "format": d.format,
             "path": d.path, "blanks": d.blanks,
             "other": other[(d.name, d.format)].path if (d.name, d.format) in other else None}
            for d in for_guideline(corpus, g, lang)]


def urls_data(corpus: Corpus) -> dict[str, list[dict]]:
    """Guideline id → its documents with the file of each language, for the open data."""
    out: dict[str, list[dict]] = {}
    for g in corpus.guidelines:
        by_name: dict[tuple[str, str], dict] = {}
        for lang in LANGUAGES:
            for d in for_guideline(corpus, g, lang):
                entry = by_name.setdefault((d.name, d.format), {"name": d.name, "kind": d.kind, "format": d.format,
                                                                  "title": {}, "url": {}})
                entry["title"][lang] = d.title
                entry["url"][lang] = d.path
        if by_name:
            out[g.id] = list(by_name.values())
    return out


@dataclass
class Written:
    files: list[Path]
    written: int
    """Files written by this build; the others were kept from an earlier one."""
    seconds: float
    paper: str

    def line(self) -> str:
        """What the build log says."""
        return (f"drafting kit: {len(self.files)} documents ({self.written} written, "
                f"{len(self.files) - self.written} kept) in {self.seconds:.2f} s ({self.paper.upper()} paper)")


WRITERS = {"docx": ("python-docx", "docx_writer.py"), "xlsx": ("openpyxl", "xlsx_writer.py")}
"""Per format, the library and the module that write it: part of its documents' cache keys."""


def writers_digest() -> dict[str, bytes]:
    """Per format, a digest of the code a file is written by: its writer module, this module
    (whose constants the writers use, e.g. PAPER_SIZES) and the version of its library."""
    here = Path(__file__).parent
    found = {}
    for format_, (package, module) in WRITERS.items():
        digest = hashlib.sha256(f"{package} {metadata.version(package)}\0".encode())
        for name in (module, Path(__file__).name):
            digest.update((here / name).read_bytes() + b"\0")
        found[format_] = digest.digest()
    return found


def cache_key(d: Document, paper: str, writers: dict[str, bytes]) -> str:
    """The name `d`'s file is kept under: a digest of what it says (its blocks and sheets, and the
    guideline it comes from, whose dates and id the file carries), the paper and the code that
    writes its format (writers_digest)."""
    return hashlib.sha256(writers[d.format] + f"{paper}\0{d!r}".encode("utf-8")).hexdigest()[:32]


def _writer(format_: str):
    """The function that writes a file of `format_`; its library is imported only when a file
    must be written, not when every file is kept."""
    if format_ == "docx":
        from .docx_writer import write_docx
        return write_docx
    from .xlsx_writer import write_xlsx
    return write_xlsx


def write_documents(corpus: Corpus, site_dir: Path | str, paper: str = DEFAULT_PAPER,
                    cache_dir: Path | str | None = None) -> Written:
    """Write the whole kit into `site_dir`/documents/, replacing what an earlier build left there;
    with `cache_dir`, copy each file kept there under its `cache_key` and write only the others."""
    start = time.perf_counter()
    shutil.rmtree(Path(site_dir) / FOLDER, ignore_errors=True)
    cache = Path(cache_dir) if cache_dir is not None else None
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        writers = writers_digest()
    files, written = [], 0
    for d in kit(corpus):
        path = Path(site_dir) / d.path
        path.parent.mkdir(parents=True, exist_ok=True)
        if cache is None:
            _writer(d.format)(d, path, paper)
            written += 1
        else:
            kept = cache / f"{cache_key(d, paper, writers)}.{d.format}"
            if kept.is_file():
                cachefolder.used(kept)
            else:
                partial = cachefolder.partial(kept)
                _writer(d.format)(d, partial, paper)
                partial.replace(kept)
                written += 1
            shutil.copyfile(kept, path)
        files.append(path)
    if cache is not None:
        cachefolder.prune(cache)
    return Written(files, written, time.perf_counter() - start, paper)
