"""What the training pages show: the modules by kind, a workshop's length in words, its timetable, the
files a trainer downloads and the self-check made from its test.

A module is a guideline with a `training` block. Templates print what these functions return; the
files are listed as the build will write them, and `downloads.settle` drops, once every file is
written, each one the build did not make and gives the others their size.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pedoman import urls
from pedoman.content.model import KINDS, Guideline, Session, Text
from pedoman.presentation.words import CATALOGUE

SCRIPT = "assets/selfcheck.js"
"""Where the self-check's script is written in the site."""
SCRIPT_SOURCE = Path(__file__).with_name("selfcheck.js")


def modules(guidelines: list[Guideline]) -> list[tuple[str, list[Guideline]]]:
    """Each kind that has a module, in the order of `KINDS`, with its guidelines that carry training."""
    grouped = [(kind, [g for g in guidelines if g.kind == kind and g.training is not None]) for kind in KINDS]
    return [(kind, members) for kind, members in grouped if members]


def total_minutes(g: Guideline) -> int:
    """The length of a module's sessions, breaks not counted."""
    return sum(session.minutes for session in g.training.sessions) if g.training else 0


def duration_words(minutes: int, lang: str) -> str:
    """"6 jam 30 menit" / "6 hours 30 minutes", "1 hour", "45 menit": a length as a reader says it."""
    words = CATALOGUE[lang]
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append((words.duration_hour if hours == 1 else words.duration_hours).format(n=hours))
    if rest or not hours:
        parts.append((words.duration_minute if rest == 1 else words.duration_minutes).format(n=rest))
    return " ".join(parts)


def clock(minutes: int) -> str:
    """Time into the workshop as hours and minutes: 0:00, 1:20, 6:30."""
    return f"{minutes // 60}:{minutes % 60:02d}"


@dataclass(frozen=True)
class Slot:
    """A session in the timetable: its number, its start and end into the day, and the session."""

    number: int
    start: str
    end: str
    session: Session


def timetable(g: Guideline) -> list[Slot]:
    """The sessions one after another, each with its time into the workshop (breaks are the trainer's)."""
    slots, elapsed = [], 0
    for number, session in enumerate(g.training.sessions, start=1):
        slots.append(Slot(number, clock(elapsed), clock(elapsed + session.minutes), session))
        elapsed += session.minutes
    return slots


@dataclass(frozen=True)
class Download:
    """A file of a module: where it is under the site's root, what it is called and what a trainer does with it."""

    part: str
    """facilitator, workbook, slides, handout or handbook: the words.yaml keys `training_file_<part>`
    (its label) and `training_use_<part>` (what it is for)."""
    path: str
    kind: str
    """PDF or PPTX: what the reader needs to open it."""
    mime: str

    def label(self, lang: str) -> str:
        return CATALOGUE[lang][f"training_file_{self.part}"]

    def use(self, lang: str) -> str:
        return CATALOGUE[lang][f"training_use_{self.part}"]


PDF = "application/pdf"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def downloads(g: Guideline, lang: str) -> list[Download]:
    """A module's files in `lang`, in the order a trainer uses them: the facilitator guide, the
    participant workbook, the slides, the handout and the handbook (paths from `urls`)."""
    return [
        *(Download(part, f"pdf/{urls.training_pdf(g.id, part, lang)}", "PDF", PDF) for part in urls.TRAINING_FILES),
        Download("slides", f"slides/{urls.slides_file(g.id, lang)}", "PPTX", PPTX),
        Download("handout", f"pdf/{g.id}.handout.{lang}.pdf", "PDF", PDF),
        Download("handbook", f"pdf/{g.id}.{lang}.pdf", "PDF", PDF),
    ]


def keep_files(g: Guideline, lang: str) -> list[tuple[str, str]]:
    """(path, label) of a module's files, for the page's "keep for offline use" box (_keep.j2)."""
    return [(d.path, d.label(lang)) for d in downloads(g, lang)]


@dataclass(frozen=True)
class Quiz:
    """A question of the self-check as the page prints it: its number, the name its radio buttons share,
    its options, the right one (1 = the first) and why."""

    number: int
    name: str
    question: Text
    options: list[Text]
    answer: int
    why: Text

    @property
    def right_option(self) -> Text:
        return self.options[self.answer - 1]


def quiz(g: Guideline) -> list[Quiz]:
    """The module's test as the self-check's questions."""
    return [Quiz(n, f"q{n}", q.question, list(q.options), q.answer, q.why)
            for n, q in enumerate(g.training.test, start=1)]


OPTION_LETTERS = "ABCDE"
"""Options are lettered as on a printed test sheet (a question has at most five)."""
