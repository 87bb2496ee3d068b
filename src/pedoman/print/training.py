"""The print HTML of a guideline's training material, per language: the facilitator guide and the
participant workbook of its one-day workshop (`Guideline.training`).

The facilitator guide holds everything a trainer runs the day from: cover (audience, duration,
version), objectives, the day's timetable with clock times, each session's method, minutes, key
points, materials and notes, the exercises with their answer keys, the test with the right answer
and why, and the evaluation form. The workbook is what each participant writes in: objectives,
timetable, key points with ruled space for notes, the exercises' scenarios and tasks with space to
answer, the test sheet (ticked "pre-test" or "post-test", printed twice) and the evaluation form;
it holds no answer.

The timetable is decided here, not in a template: the day starts at 08:30 and the breaks (a short
one mid-morning, lunch around noon, a short one mid-afternoon) go between sessions, at the session
boundaries closest to their usual times (`timetable`). `pdfbuild` lays the HTML out as PDFs.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from pedoman.content.corpus import Corpus
from pedoman.content.model import Guideline, Session, Training
from pedoman.presentation.words import CATALOGUE
from pedoman.print.handbook import DEFAULT_AUTHOR, _css, _environment, _helpers

DAY_START = 8 * 60 + 30
"""The workshop starts at 08:30 (minutes after midnight)."""


@dataclass(frozen=True)
class Break:
    """A break the day may have: its label (words.yaml), length, the time it is best started at
    and the window it should start in (minutes after midnight)."""

    key: str
    minutes: int
    target: int | None
    """None: the middle of the afternoon, between the end of lunch and the end of the day."""
    earliest: int
    latest: int


BREAKS = (
    Break("tr_break_morning", 15, 10 * 60 + 15, 9 * 60 + 30, 11 * 60 + 15),
    Break("tr_break_lunch", 60, 12 * 60, 11 * 60 + 30, 13 * 60),
    Break("tr_break_afternoon", 15, None, 13 * 60 + 30, 16 * 60),
)
MORNING, LUNCH, AFTERNOON = BREAKS

LUNCH_AFTER = 13 * 60
"""A day whose sessions (with the morning break) would run past 13:00 has lunch; a shorter one ends before it."""
AFTERNOON_FROM = 120
"""An afternoon of sessions at least this long after lunch has a break in it."""
_MISSED = 10_000
"""The cost of a break the day wants but cannot place: more than any placement costs."""


@dataclass(frozen=True)
class Slot:
    """One line of the timetable: a session (its number from 1 and itself) or a break (its label key)."""

    start: int
    end: int
    number: int | None = None
    session: Session | None = None
    key: str | None = None

    @property
    def is_break(self) -> bool:
        return self.session is None


def clock(minutes: int) -> str:
    """08:30 for 510 minutes after midnight."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def duration(minutes: int, lang: str) -> str:
    """"6 jam 30 menit", "6 h 30 min", "45 min", "2 h"."""
    words = CATALOGUE[lang]
    hours, rest = divmod(minutes, 60)
    if not hours:
        return words["tr_minutes"].format(minutes=rest)
    if not rest:
        return words["tr_hours"].format(hours=hours)
    return words["tr_hours_minutes"].format(hours=hours, minutes=rest)


def _wanted(total: int) -> tuple[Break, ...]:
    """The breaks a day of `total` minutes of sessions has."""
    if DAY_START + total + MORNING.minutes <= LUNCH_AFTER:
        return (MORNING,)
    afternoon = DAY_START + total + MORNING.minutes - (LUNCH.target + LUNCH.minutes)
    return (MORNING, LUNCH, AFTERNOON) if afternoon >= AFTERNOON_FROM else (MORNING, LUNCH)


def _placements(minutes: list[int]) -> dict[Break, int]:
    """{break: the number of sessions before it} for the breaks of a day of sessions lasting `minutes`.

    Every way of putting the wanted breaks at session boundaries, in their order, is tried (a day
    has a dozen sessions at most); the one kept places the most breaks and, among those, starts
    them nearest their usual times, a minute outside a break's window counting five times.
    """
    wanted = _wanted(sum(minutes))
    boundaries = range(1, len(minutes))
    best, best_cost = {}, None
    for choice in product([None, *boundaries], repeat=len(wanted)):
        placed = [(b, n) for b, n in zip(wanted, choice) if n is not None]
        if any(a >= b for (_, a), (_, b) in zip(placed, placed[1:])):
            continue
        starts = _starts(minutes, dict(placed))
        end = starts[None]
        cost = _MISSED * (len(wanted) - len(placed))
        for brk, _ in placed:
            start = starts[brk]
            target = brk.target
            if target is None:  # the middle of the afternoon
                lunch_end = starts.get(LUNCH, start) + LUNCH.minutes
                target = (lunch_end + end) // 2
            outside = max(0, brk.earliest - start, start - brk.latest)
            cost += abs(start - target) + 5 * outside
        if best_cost is None or cost < best_cost:
            best, best_cost = dict(placed), cost
    return best


def _starts(minutes: list[int], placed: dict[Break, int]) -> dict:
    """{break: its start} with the breaks at `placed`, and {None: the end of the day}."""
    starts, now = {}, DAY_START
    for number, length in enumerate(minutes):
        for brk, before in placed.items():
            if before == number:
                starts[brk] = now
                now += brk.minutes
        now += length
    starts[None] = now
    return starts


def timetable(training: Training) -> list[Slot]:
    """The workshop's day: its sessions in order from 08:30, with the breaks between them."""
    placed = _placements([s.minutes for s in training.sessions])
    slots, now = [], DAY_START
    for number, session in enumerate(training.sessions):
        for brk in BREAKS:
            if placed.get(brk) == number:
                slots.append(Slot(now, now + brk.minutes, key=brk.key))
                now += brk.minutes
        slots.append(Slot(now, now + session.minutes, number + 1, session))
        now += session.minutes
    return slots


RULED_LINES = {"notes": 6, "task": 5, "question": 3}
"""Lines left to write on in the workbook: under a session's key points, under each task of an
exercise, under each open question of the evaluation form."""

EVALUATION_RATINGS = ("tr_eval_pace", "tr_eval_materials", "tr_eval_facilitator")
EVALUATION_QUESTIONS = ("tr_eval_useful", "tr_eval_change", "tr_eval_unclear", "tr_eval_first_step")
"""The evaluation form's questions beyond the objectives (words.yaml): statements rated 1–5, then open questions."""


def _training_helpers(g: Guideline, lang: str) -> dict:
    training = g.training
    labels = CATALOGUE[lang]
    slots = timetable(training)
    sessions = [slot for slot in slots if not slot.is_break]
    exercise_session = {s.session.exercise: s for s in sessions if s.session.exercise}
    exercises = {e.id: e for e in training.exercises}
    total = slots[-1].end - slots[0].start
    return dict(
        training=training, slots=slots, sessions=sessions, clock=clock,
        minutes=lambda m: duration(m, lang),
        method=lambda name: labels[f"method_{name}"],
        day=labels["tr_duration_value"].format(
            total=duration(total, lang), start=clock(slots[0].start), end=clock(slots[-1].end),
            sessions=duration(sum(s.minutes for s in training.sessions), lang)),
        exercise_session=lambda exercise: exercise_session.get(exercise.id),
        exercise_of=lambda session: exercises.get(session.exercise),
        option_letter=lambda n: "abcde"[n],
        ruled=RULED_LINES, ratings=EVALUATION_RATINGS, questions=EVALUATION_QUESTIONS,
    )


def render_training(corpus: Corpus, g: Guideline, part: str, lang: str, site_url: str | None = None,
                    author: str = DEFAULT_AUTHOR) -> str:
    """The print HTML of the guideline's facilitator guide (`part` "facilitator") or participant
    workbook ("workbook") in `lang`; the guideline must have training."""
    if g.training is None:
        raise ValueError(f"guideline '{g.id}' has no training")
    template = _environment().get_template(f"training-{part}.html.j2")
    return template.render(g=g, css=_css(), **_helpers(corpus, lang, site_url, author), **_training_helpers(g, lang))
