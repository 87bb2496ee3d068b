"""The content model: one pydantic definition per file kind.

Each class here is at once the validation rule for an editor's YAML, the typed
object the templates read, and the source of the JSON Schema published for
editors' autocompletion (`pedoman schema`). Cross-file rules (ids that must
resolve, unique ids) live in `validate.py`, because they need the whole corpus; the shared
registers (recommendations, agencies, glossary, legal instruments) are in `registers.py`.

Longer than 400 lines, and kept whole: it is the one contract editors write against, the shared
field types followed by each kind's shape, and a reader compares the kinds side by side.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

LANGUAGES = ("id", "en")
"""Site languages; Indonesian is the source language and is always required."""

STAKEHOLDERS = ("kampung", "kampus", "komunitas", "korporasi", "kota")
"""The 5K of recommendation R03: village, campus, community, corporation, city."""

KINDS = ("formation", "victim-assistance", "cooperation", "corporate-engagement")
"""Guideline kinds; each has its folder under `guidelines/`."""

class Ref(str):
    """Marks a field whose value must name an entry of a register (resolved in validate.py).

    The JSON Schema of such a field carries the register's name under `REGISTER_KEY`;
    `schema.py` replaces it with the ids the register holds.
    """

    def __get_pydantic_json_schema__(self, core_schema, handler):
        return {**handler(core_schema), REGISTER_KEY: str(self)}


REGISTER_KEY = "x-pedoman-register"


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
RecommendationId = Annotated[str, StringConstraints(pattern=r"^R[0-9]{2}$"), Ref("recommendation")]
AgencyId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$"), Ref("agency")]
RegulationId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$"), Ref("regulation")]
ServiceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$"), Ref("service")]
ProvinceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$"), Ref("province")]
Stakeholder = Literal["kampung", "kampus", "komunitas", "korporasi", "kota"]
Party = Literal["origin", "transit", "destination"]
SCAFFOLD_MARK = "⟦"
"""Opens every text `pedoman new` writes; a text still holding it is an error."""


def _not_scaffold(value: str) -> str:
    if SCAFFOLD_MARK in value:
        raise ValueError("replace the text `pedoman new` put here with your own")
    return value


NonBlank = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_not_scaffold),
    # The same two rules for editors' tools, which see only the schema: a character other
    # than a space, and no text left by `pedoman new`.
    WithJsonSchema({"type": "string", "pattern": f"^[^{SCAFFOLD_MARK}]*[^{SCAFFOLD_MARK}\\s][^{SCAFFOLD_MARK}]*$"}),
]


def _not_a_number(value: object) -> object:
    if isinstance(value, (bool, int, float)):  # pydantic would read 0 as 1970-01-01
        raise ValueError("expected a date written as YYYY-MM-DD")
    return value


Date = Annotated[datetime.date, BeforeValidator(_not_a_number)]
"""A calendar date: written as YYYY-MM-DD, never a number of seconds."""


class Strict(BaseModel):
    """Base for every mapping: an unknown key is an error, never dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Text(Strict):
    """A human-readable text: Indonesian (`id`, required) and English (`en`)."""

    id: NonBlank = Field(description="Bahasa Indonesia (required, the source text)")
    en: NonBlank | None = Field(default=None, description="English translation")

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to Indonesian."""
        return self.en if lang == "en" and self.en else self.id

    def missing(self, lang: str) -> bool:
        """True when `lang` has no text of its own and shows the Indonesian one."""
        return lang == "en" and not self.en


class Reference(Strict):
    """A source the guideline relies on: a legal instrument of `regulations.yaml` by its id
    (optionally with the article), or, for a handbook, report or news item, a free title.

    Exactly one of `regulation` and `title` is given (checked in validate.py, which
    also refuses a free title that names a legal instrument). A revoked or replaced
    instrument may be cited only with `historical`, saying why the old text matters.
    """

    model_config = ConfigDict(json_schema_extra={"oneOf": [{"required": ["regulation"]}, {"required": ["title"]}]})

    regulation: RegulationId | None = Field(default=None, description="An id from regulations.yaml")
    article: NonBlank | None = Field(default=None, description="The articles cited, e.g. Pasal 48–50")
    historical: Text | None = Field(
        default=None, description="Why a revoked or replaced instrument is cited (it is then printed as historical)")
    note: Text | None = Field(default=None, description="What the guideline takes from a cited instrument, if not plain")
    title: Text | None = Field(default=None, description="A source that is not a legal instrument")
    url: Annotated[str, StringConstraints(pattern=r"^https?://")] | None = None


class Section(Strict):
    """A numbered part of a guideline, traceable to the recommendations."""

    id: Slug
    title: Text
    body: Text = Field(description="Markdown; raw HTML is shown as text, never as markup")
    implements: list[RecommendationId] = Field(min_length=1)
    agencies: list[AgencyId] = Field(default_factory=list)
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    services: list[ServiceId] = Field(
        default_factory=list, description="The services of services.yaml a victim is referred to from this section, "
                                          "by id (national channels and provincial services)")


Version = Annotated[str, StringConstraints(pattern=r"^[0-9]+\.[0-9]+(\.[0-9]+)?$")]


def version_key(version: str) -> tuple[int, ...]:
    """`1.10` after `1.9`: a version compared number by number."""
    return tuple(int(part) for part in version.split("."))


class Change(Strict):
    """One entry of a guideline's change history."""

    date: Date
    version: Version
    note: Text = Field(description="What changed, for trainers who printed the previous version")


# --- training (the workshop a trainer runs from a guideline) ----------------

METHODS = ("presentation", "discussion", "group-work", "role-play", "case-study", "test", "evaluation")
"""How a session is run; pages and print name each in words.yaml."""
WORKSHOP_MINUTES = (240, 480)
"""A module's sessions fill half a day to one working day (breaks not counted)."""


class Session(Strict):
    """One block of the workshop's timetable."""

    title: Text
    minutes: Annotated[int, Field(ge=10, le=180)] = Field(description="How long it runs, breaks not counted")
    method: Literal["presentation", "discussion", "group-work", "role-play", "case-study", "test", "evaluation"]
    key_points: list[Text] = Field(
        min_length=1, description="What participants take away; each becomes a slide and a workbook line")
    materials: list[Text] = Field(min_length=1, description="What the trainer brings or prepares")
    notes: Text = Field(description="Facilitator notes: how to run it, what to watch for (the slides' speaker notes)")
    exercise: Slug | None = Field(default=None, description="The id of the exercise this session runs")


class Exercise(Strict):
    """A case study, role play or exercise built on the guideline's own content, with its answer key."""

    id: Slug
    title: Text
    method: Literal["case-study", "role-play", "group-work"]
    scenario: Text = Field(description="The situation participants work on (Markdown)")
    tasks: list[Text] = Field(min_length=1, description="What participants are asked to do or answer")
    answers: list[Text] = Field(
        min_length=1, description="The answer key: one entry per task, in the same order, for the facilitator")

    @model_validator(mode="after")
    def _an_answer_per_task(self) -> "Exercise":
        if len(self.answers) != len(self.tasks):
            raise ValueError(f"expected one answer per task: {len(self.tasks)} tasks, {len(self.answers)} answers")
        return self


class Question(Strict):
    """A multiple-choice question of the test taken before and after the workshop."""

    question: Text
    options: list[Text] = Field(min_length=2, max_length=5)
    answer: Annotated[int, Field(ge=1, le=5)] = Field(description="The number of the right option, 1 = the first")
    why: Text = Field(description="Why that answer is right, shown after answering")

    @model_validator(mode="after")
    def _answer_is_an_option(self) -> "Question":
        if self.answer > len(self.options):
            raise ValueError(f"expected answer to number one of the {len(self.options)} options")
        return self


class Training(Strict):
    """The one-day workshop a trainer runs from the guideline: objectives, timetable, exercises and test.

    The workshop evaluation form is built from the objectives (each rated) and the questions of words.yaml.
    """

    audience: Text = Field(description="Who the workshop is for")
    objectives: list[Text] = Field(
        min_length=3, description="Learning objectives: what participants can do afterwards")
    sessions: list[Session] = Field(min_length=4)
    exercises: list[Exercise] = Field(min_length=1)
    test: list[Question] = Field(min_length=8, description="Taken before and after the workshop")

    @model_validator(mode="after")
    def _fits_a_day(self) -> "Training":
        low, high = WORKSHOP_MINUTES
        total = sum(session.minutes for session in self.sessions)
        if not low <= total <= high:
            raise ValueError(f"expected sessions lasting {low}–{high} minutes in all, found {total}")
        return self


class GuidelineBase(Strict):
    """The core every guideline kind shares."""

    id: Slug = Field(description="Equal to the file name without .yaml")
    title: Text
    summary: Text
    version: Version
    status: Literal["draft", "approved"]
    updated: Date
    changes: list[Change] = Field(
        min_length=1, description="What changed in each version, newest first; the first entry is this version")
    references: list[Reference] = Field(min_length=1)
    sections: list[Section] = Field(min_length=1)
    training: Training | None = Field(default=None, description="The workshop a trainer runs from this guideline")


# --- formation -------------------------------------------------------------


class FormationStep(Strict):
    title: Text
    description: Text
    instrument: Text = Field(description="The legal instrument the step needs, e.g. SK Gubernur")
    responsible: list[AgencyId] = Field(min_length=1)


class Member(Strict):
    agency: AgencyId
    role: Text


class SubTaskForce(Strict):
    name: Text
    lead: AgencyId
    duties: list[Text] = Field(min_length=1)


class ActionPlanRow(Strict):
    activity: Text
    indicator: Text
    target: Text
    agency: AgencyId
    budget: Text = Field(description="Budget source, e.g. APBD provinsi")
    program: Text | None = Field(
        default=None, description="The RAD programme the activity belongs to (required with documents.action_plan)")
    years: list[Annotated[int, Field(ge=1, le=10)]] | None = Field(
        default=None, description="The years of the RAD period it runs in, 1 = the first (required with "
                                  "documents.action_plan)")
    implements: list[RecommendationId] = Field(
        default_factory=list, description="The Rakornas recommendations (R01–R12) the activity carries out; the RAD "
                                          "workbook prints them in its recommendation column")


# --- documents to fill in (the drafting kit, see documents/) ----------------
# A text a document prints may hold blanks to fill in, written in square brackets:
# "Provinsi [nama provinsi]". They are highlighted in the files and listed on the page.


class Citation(Strict):
    """An instrument of regulations.yaml that a decree or regulation rests on ("Mengingat")."""

    regulation: RegulationId


class Seat(Strict):
    """A place at the head of the task force that the decree's annex names: Ketua, Ketua Harian, Sekretaris."""

    position: Literal["chair", "daily-chair", "secretary"]
    agency: AgencyId
    office: Text | None = Field(
        default=None, description="The office that holds the seat, e.g. Gubernur [nama provinsi]; without it the "
                                  "annex prints a blank to fill in")


class TaskForceDecree(Strict):
    """The decree forming the task force (SK Gubernur / SK Bupati-Wali Kota)."""

    level: Literal["province", "district"] = Field(
        description="province: decree of the governor; district: decree of the regent or mayor")
    considering: list[Text] = Field(min_length=1, description="Menimbang: each reason, starting with 'bahwa'")
    observing: list[Citation] = Field(
        min_length=1, description="Mengingat: the instruments it rests on, highest rank first, then by year")
    provisions: list[Text] = Field(
        min_length=1, description="The diktum after the first two (forming the task force; its membership and "
                                  "duties in the annex), printed as KETIGA, KEEMPAT, ...")
    seats: list[Seat] = Field(
        default_factory=list, description="Ketua, Ketua Harian and Sekretaris as the annex lists them; each "
                                          "subtaskforce's lead is its Ketua Subgugus Tugas, and the other members "
                                          "are Anggota")


class RegionalActionPlan(Strict):
    """The Pergub/Perbup setting the RAD; its matrix is the guideline's action_plan."""

    period: Annotated[int, Field(ge=1, le=10)] = Field(description="How many years the RAD covers")
    considering: list[Text] = Field(min_length=1, description="Menimbang: each reason, starting with 'bahwa'")
    observing: list[Citation] = Field(min_length=1, description="Mengingat: highest rank first, then by year")
    articles: list[Text] = Field(min_length=1, description="The articles (Pasal 1, 2, ...) of the regulation's body")


class TaskForceRegulation(Strict):
    """The Pergub on the task force itself (its structure and tata kerja), as provinces made one after Perpres
    69/2008 Pasal 12 and again after Perpres 49/2023; its chapters are the kit's fixed wording, its Ketentuan
    Umum, structure and reporting periods follow the guideline's decree block."""

    considering: list[Text] = Field(min_length=1, description="Menimbang: each reason, starting with 'bahwa'")
    observing: list[Citation] = Field(
        min_length=1, description="Mengingat after the constitution and the law forming the region: highest "
                                  "rank first, then by year")


class MembershipDecree(Strict):
    """The Kepgub on the task force's membership under that Pergub: its Lampiran names the seats by office."""

    considering: list[Text] = Field(min_length=1, description="Menimbang: each reason, starting with 'bahwa'")


class FormationDocuments(Strict):
    decree: TaskForceDecree
    action_plan: RegionalActionPlan
    regulation: TaskForceRegulation | None = Field(
        default=None, description="The regulation of the head of region on the task force's structure and tata "
                                  "kerja (Pergub), with `membership`, the decree on its membership (Kepgub)")
    membership: MembershipDecree | None = Field(
        default=None, description="The decree on the membership of the task force the `regulation` sets up")

    @model_validator(mode="after")
    def _a_provincial_regulation_before_its_membership(self) -> "FormationDocuments":
        if self.regulation is not None and self.decree.level != "province":
            raise ValueError("expected regulation only with a province's decree: its wording is the governor's")
        if self.membership is not None and self.regulation is None:
            raise ValueError("expected regulation with membership: the membership decree rests on it")
        return self


class FormationGuideline(GuidelineBase):
    kind: Literal["formation"]
    steps: list[FormationStep] = Field(min_length=1)
    membership: list[Member] = Field(min_length=1)
    subtaskforces: list[SubTaskForce] = Field(min_length=1)
    action_plan: list[ActionPlanRow] = Field(min_length=1)
    documents: FormationDocuments | None = Field(
        default=None, description="For a guideline that forms a task force: its decree and RAD to fill in")


# --- victim-assistance -----------------------------------------------------


class Stage(Strict):
    id: Slug
    title: Text
    services: list[Text] = Field(min_length=1)
    agencies: list[AgencyId] = Field(min_length=1)
    time_limit: Text
    documents: list[Text] = Field(min_length=1)
    exit_criteria: list[Text] = Field(min_length=1)


class RemedyStep(Strict):
    title: Text
    description: Text
    agencies: list[AgencyId] = Field(min_length=1)
    legal_basis: Text


FieldAnswer = Literal["text", "long-text", "date", "datetime", "yes-no", "choice", "signature"]


class FormField(Strict):
    label: Text
    answer: FieldAnswer = Field(default="text", description="What is written in: text, long-text, date, datetime "
                                                            "(date and time), yes-no, choice (one of options), "
                                                            "signature")
    options: list[Text] = Field(default_factory=list, description="The choices of a 'choice' field")


class FormPart(Strict):
    title: Text
    fields: list[FormField] = Field(min_length=1)


class AssistanceForm(Strict):
    """A blank form carrying a victim's case through stages; it never holds a real person's data."""

    id: Slug = Field(description="The file name of the form")
    title: Text
    purpose: Text = Field(description="What the form is for and who fills it in")
    stages: list[Slug] = Field(min_length=1, description="Ids of the stages it serves")
    parts: list[FormPart] = Field(min_length=1)


class AssistanceDocuments(Strict):
    forms: list[AssistanceForm] = Field(min_length=1)


class VictimAssistanceGuideline(GuidelineBase):
    kind: Literal["victim-assistance"]
    stages: list[Stage] = Field(min_length=1)
    remedy: list[RemedyStep] = Field(
        min_length=1, description="The restitution and compensation path"
    )
    documents: AssistanceDocuments | None = Field(default=None, description="Forms to fill in at the stages")


# --- cooperation -----------------------------------------------------------


class CooperationParty(Strict):
    role: Party
    area: Text
    agencies: list[AgencyId] = Field(min_length=1)
    responsibilities: list[Text] = Field(min_length=1)


class WorkflowStep(Strict):
    party: Party
    agency: AgencyId
    action: Text
    output: Text | None = None


class TaskRow(Strict):
    task: Text
    origin: Text
    transit: Text
    destination: Text


class BudgetRow(Strict):
    item: Text
    payer: list[Party] = Field(min_length=1)
    share: Text = Field(description="How the cost is shared, e.g. 100% or 50% / 50%")
    source: Text


class Clause(Strict):
    title: Text
    text: Text


class Signatory(Strict):
    party: Party
    government: Text = Field(description="The government that is a party, e.g. Pemerintah Provinsi Nusa Tenggara Timur")
    office: Text = Field(description="Who signs for it, e.g. Gubernur Nusa Tenggara Timur")


class Agreement(Strict):
    """The cooperation agreement (PKS): its clauses, workflow, tasks and budget are the guideline's."""

    subject: Text = Field(description="What the agreement is about (after 'tentang')")
    signatories: list[Signatory] = Field(min_length=2, description="Each signing government, in the order of parties")
    recitals: list[Text] = Field(min_length=1, description="What the parties first state, before the clauses")
    observing: list[Citation] = Field(default_factory=list, description="The instruments it is made under")
    clauses_are_outline: bool = Field(
        default=False, description="true when the guideline's clauses say what each clause should contain rather "
                                   "than its wording: the agreement then prints each as a blank to write")


class CooperationDocuments(Strict):
    agreement: Agreement


class CooperationGuideline(GuidelineBase):
    kind: Literal["cooperation"]
    parties: list[CooperationParty] = Field(min_length=2)
    workflow: list[WorkflowStep] = Field(min_length=1)
    tasks: list[TaskRow] = Field(min_length=1)
    budget: list[BudgetRow] = Field(min_length=1)
    clauses: list[Clause] = Field(min_length=1)
    documents: CooperationDocuments | None = Field(default=None, description="The agreement (PKS) to fill in")


# --- corporate-engagement --------------------------------------------------


class SectorRisk(Strict):
    sector: Text
    risks: list[Text] = Field(min_length=1)
    red_flags: list[Text] = Field(min_length=1)


class DueDiligenceStep(Strict):
    title: Text
    description: Text


PhoneNumber = Annotated[str, StringConstraints(pattern=r"^\+?[0-9]+(-[0-9]+)*$", max_length=20)]
"""A number as dialled in Indonesia, groups joined by hyphens: 110, 129, 08111-129-129."""
EmailAddress = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")]
WebAddress = Annotated[str, StringConstraints(pattern=r"^https?://[^\s]+$")]
CHANNEL_WAYS = ("phone", "whatsapp", "email", "web", "office", "note")
"""The ways to reach a channel, in the order pages print them; a channel has at least one."""


class Contacts(Strict):
    """Each way to reach a channel or a service: pages make numbers and addresses links a phone can call
    or open (see presentation/contacts.py); PDFs print them as they are."""

    model_config = ConfigDict(json_schema_extra={"anyOf": [{"required": [way]} for way in CHANNEL_WAYS]})

    phone: list[PhoneNumber] = Field(default_factory=list, description="Numbers to call, e.g. 129 or 110")
    whatsapp: PhoneNumber | None = Field(default=None, description="A WhatsApp number, e.g. 08111-129-129")
    email: EmailAddress | None = Field(default=None, description="An official e-mail address")
    web: WebAddress | None = Field(default=None, description="The official page or portal that takes reports")
    office: Text | None = Field(default=None, description="Where to go in person, e.g. the local UPTD PPA office")
    note: Text | None = Field(default=None, description="How to reach it when it has no number or address of its "
                                                        "own, or what to know before using it")

    @model_validator(mode="after")
    def _reachable(self) -> "Contacts":
        if not any(getattr(self, way) for way in CHANNEL_WAYS):
            raise ValueError(f"expected {', '.join(CHANNEL_WAYS[:-1])} or {CHANNEL_WAYS[-1]}, saying how to reach "
                             "the channel")
        return self


class Channel(Contacts):
    """Where to report or ask for help, with each way to reach it (a corporate guideline's channels)."""

    name: Text
    description: Text


class Questionnaire(Strict):
    """The due-diligence questionnaire: the checklist asked of a business partner, step by step."""

    respondent: Text = Field(description="Who fills it in, e.g. a supplier or a labour provider")
    introduction: Text = Field(description="What the questionnaire is for and how the answers are used")


class CorporateDocuments(Strict):
    questionnaire: Questionnaire


class CorporateEngagementGuideline(GuidelineBase):
    kind: Literal["corporate-engagement"]
    sectors: list[SectorRisk] = Field(min_length=1)
    due_diligence: list[DueDiligenceStep] = Field(min_length=1)
    commitments: list[Text] = Field(min_length=1)
    channels: list[Channel] = Field(min_length=1)
    checklist: list[Text] = Field(min_length=1)
    documents: CorporateDocuments | None = Field(default=None, description="The questionnaire to fill in")


Guideline = Union[
    FormationGuideline,
    VictimAssistanceGuideline,
    CooperationGuideline,
    CorporateEngagementGuideline,
]

GUIDELINE_MODELS: dict[str, type[GuidelineBase]] = {
    "formation": FormationGuideline,
    "victim-assistance": VictimAssistanceGuideline,
    "cooperation": CooperationGuideline,
    "corporate-engagement": CorporateEngagementGuideline,
}

def structured_parts(kind: str) -> list[str]:
    """A kind's working tools (steps, tables, checklists): its fields beyond the common core."""
    return [name for name in GUIDELINE_MODELS[kind].model_fields
            if name not in GuidelineBase.model_fields and name not in ("kind", "documents")]


def part_anchor(part: str) -> str:
    """The anchor a structured part gets on pages and in PDFs: `action_plan` → `action-plan`."""
    return part.replace("_", "-")


# A section id may not take the anchor of another part of the page (or of the PDF's
# abbreviation annex), or two headings would share an anchor.
RESERVED_ANCHORS = frozenset(
    {"summary", "sections", "references", "changes", "abbreviations", "documents", "training"}
    | {part_anchor(part) for kind in GUIDELINE_MODELS for part in structured_parts(kind)}
)
