"""The forms to fill in: a victim-assistance stage's forms and the corporate due-diligence questionnaire."""


from __future__ import annotations


from pedoman.documents.blocks import Block, Document, Heading, Labelled, Para, Runs, Signature, Table, runs
from pedoman.documents.drafting import Drafter
from pedoman.documents.texts import catalogue, items

REFERRAL = "rujukan"
"""A victim-assistance guideline whose forms include a referral form (its id holds this word) also gets
the formal referral letter the head of the UPTD PPA signs."""


NBSP = "\u00a0"
"""Between a box and its label's first word: a line may break after a label, never between "☐" and it."""

HEIGHTS = {"text": 1.0, "long-text": 3.0, "date": 1.0, "datetime": 1.0, "signature": 2.6}
"""Per kind of answer, the least height of its row in centimetres: a handwritten line needs about 8 mm, a
paragraph three lines, a signature with the name under it 2.6 cm; boxes to tick take what their labels need."""

EVIDENCE_HEIGHT = 1.8
"""The questionnaire's rows: room to write the evidence or a remark by hand."""


def box(label: str) -> str:
    """"☐ label" with the box tied to the label's first word."""
    return f"☐{NBSP}{label}"


class FormDrafts(Drafter):
    """The forms to fill in: a victim-assistance stage's forms and the corporate due-diligence questionnaire."""

    def answer(self, f) -> Runs:
        """What the entry cell prints before it is written in: boxes to tick, the frame of a date (and time),
        the name line under a signature; a text answer's cell is empty, its height the room to write."""
        W, X = self.W, catalogue()[self.lang]
        if f.answer == "yes-no":
            return runs(f"{box(W.doc_yes)}     {box(W.doc_no_answer)}")
        if f.answer == "choice":
            return runs("\n".join(box(self.t(o)) for o in f.options))
        if f.answer == "date":
            return runs(X.form_date)
        if f.answer == "datetime":
            return runs(X.form_datetime)
        if f.answer == "signature":
            return runs(X.form_signature_name)
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
                                tuple((self.r(f.label), self.answer(f)) for f in part.fields), (4, 6),
                                heights=tuple(HEIGHTS.get(f.answer, 0) for f in part.fields),
                                bottom=tuple(n for n, f in enumerate(part.fields) if f.answer == "signature"),
                                together=any(f.answer == "signature" for f in part.fields)))
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
        """The due-diligence questionnaire: the respondent, the guideline's steps and checklist with an answer
        per question (each box with its label), room for evidence, the scoring rule and a table to score each
        part and the whole, and the respondent's signature. Both languages are versions to send and sign
        (`blocks.VERSIONS`), and say so."""
        g, W, X = self.g, self.W, catalogue()[self.lang]
        q = g.documents.questionnaire
        options = "\n".join(box(o) for o in W.doc_answer_values.split(","))
        steps = tuple((runs(str(i)), runs(f"{self.t(s.title)}: {self.t(s.description)}"), runs(options), ())
                      for i, s in enumerate(g.due_diligence, 1))
        checks = tuple((runs(str(i)), self.r(c), runs(options), ()) for i, c in enumerate(g.checklist, 1))
        counts = (str(len(steps)), str(len(checks)), str(len(steps) + len(checks)))
        heads = ("", f"B. {W.due_diligence}", f"C. {W.checklist}", X.questionnaire_scoring_total)
        labels = items(X.questionnaire_scoring_rows)
        scoring = ((runs(labels[0]), *(runs(c) for c in counts)),
                   *((runs(label), (), (), ()) for label in labels[1:]))
        blocks: list[Block] = [Para(runs(X.questionnaire_version_notice), notice=True),
                               Heading(runs(W.doc_questionnaire.upper()), 1),
                               Heading(runs(self.t(g.title)), 1),
                               Para(runs(f"{W.doc_respondent}: ") + self.r(q.respondent)),
                               Para(self.r(q.introduction)),
                               Heading(runs(f"A. {W.doc_respondent_identity}"), 2, centered=False),
                               Table((W.doc_field, W.doc_entry),
                                     tuple((runs(label), runs(f"[{blank}]")) for label, blank in (
                                         (W.doc_company, W.doc_blank_company), (W.doc_address, W.doc_blank_address),
                                         (W.doc_filled_by, W.doc_blank_filled_by), (W.date, W.doc_blank_date))),
                                     (4, 6), heights=(1.0,) * 4),
                               Heading(runs(f"B. {W.due_diligence}"), 2, centered=False),
                               Table((W.doc_no, W.doc_step, W.doc_answer, W.doc_evidence), steps, (0.8, 5, 2.6, 3),
                                     heights=(EVIDENCE_HEIGHT,) * len(steps)),
                               Heading(runs(f"C. {W.checklist}"), 2, centered=False),
                               Table((W.doc_no, W.doc_question, W.doc_answer, W.doc_evidence), checks,
                                     (0.8, 5, 2.6, 3), heights=(EVIDENCE_HEIGHT,) * len(checks)),
                               Heading(runs(X.questionnaire_scoring_title), 2, centered=False),
                               Table(heads, scoring, (4.5, 2.5, 2.5, 2.5), heights=(0.9,) * len(scoring),
                                     together=True),
                               Para(runs(X.questionnaire_scoring_rule)),
                               Para(runs(X.questionnaire_scoring_use)),
                               Para(runs(X.questionnaire_scored_by)),
                               Signature(office=runs(W.doc_filled_by_sign), name=runs(f"[{W.doc_blank_filled_by}]"),
                                         place=runs(W.doc_signed_at), date=runs(W.doc_signed_on))]
        return self.document("kuesioner-uji-tuntas", "questionnaire", f"{W.doc_questionnaire}: {self.t(g.title)}",
                             W.doc_purpose_questionnaire.format(respondent=self.t(q.respondent)), blocks)
