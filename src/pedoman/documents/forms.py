"""The forms to fill in: a victim-assistance stage's forms and the corporate due-diligence questionnaire."""


from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

from pedoman.documents.blocks import Block, Document, Heading, Labelled, Para, Runs, Signature, Table, runs
from pedoman.documents.drafting import Drafter
from pedoman.documents.texts import catalogue, items

REFERRAL = "rujukan"
"""A victim-assistance guideline whose forms include a referral form (its id holds this word) also gets
the formal referral letter the head of the UPTD PPA signs."""


class FormDrafts(Drafter):
    """The forms to fill in: a victim-assistance stage's forms and the corporate due-diligence questionnaire."""

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

    def referral_letter(self) -> Document:
        """The UPTD PPA's referral letter as an official letter (tata naskah dinas): letterhead, place and
        date, Nomor / Sifat (Rahasia) / Lampiran / Hal, addressee, body without the victim's identity,
        the head's signature with NIP, and Tembusan."""
        X = catalogue()[self.lang]
        heads, values = items(X.letter_heads), items(X.letter_values)
        body = items(X.letter_body)
        copies = items(X.letter_copies)
        blocks: list[Block] = [*self.intro(), Para(runs(X.letter_letterhead), centered=True, bold=True),
                               Para(runs(X.letter_place_date), aside=True)]
        blocks += [Labelled(head, (runs(value),)) for head, value in zip(heads, values)]
        blocks += [Para(runs(X.letter_addressee), ragged=True), *(Para(runs(p)) for p in body),
                   Signature(office=runs(X.letter_signer), name=runs(X.letter_name)),
                   Para(runs(copies[0])), *(Para(runs(f"{i}. {c}")) for i, c in enumerate(copies[1:], 1))]
        return self.document("surat-rujukan", "letter", X.letter_title, X.letter_purpose, blocks)

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
