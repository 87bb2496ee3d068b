"""The slides of a training module: what each slide of a guideline's deck says, in one language.

A guideline with a `training` block (model.py) gets a deck per language, written as an editable
PowerPoint file by `pptx` into `slides/` (`urls.slides_file`): a title slide (module, audience,
duration, version, the project's name); one slide per learning objective; one per key point of
each session, with the session as a small header and its facilitator notes as speaker notes;
the guideline's diagram, from the same steps the site draws (`presentation/diagrams`); the
exercise of each session that runs one (scenario and tasks, the answer key in the notes); and
the test, one or two questions a slide, answers and reasons in the notes.

This module decides the content as plain frozen values (`Deck`, `Slide`, `Para`, `Step`), whose
`repr` is what the cache keys them on (`kit.write_documents`); `pptx` only lays them out, and
may continue a slide whose text does not fit at the smallest size on a next one.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from pedoman import urls
from pedoman.content.model import LANGUAGES, CooperationGuideline, FormationGuideline, VictimAssistanceGuideline
from pedoman.presentation import diagrams
from pedoman.presentation.markdown import render_markdown
from pedoman.presentation.words import CATALOGUE, long_date

if TYPE_CHECKING:
    from pedoman.content.corpus import Corpus
    from pedoman.content.model import Guideline, Session, Training

FOLDER = "slides"
"""Where the decks live in the built site: slides/<guideline-id>.<lang>.pptx."""

PAIR_LIMIT = 420
"""Two questions share a slide when their texts (questions and options) add up to at most this many
characters: at 20 pt on a 16:9 slide that is about twelve lines, which leave room for both."""


@dataclass(frozen=True)
class Para:
    """A paragraph of a slide's body: `level` 1 is a numbered or lettered item under a lead line."""

    text: str
    bold: bool = False
    level: int = 0


@dataclass(frozen=True)
class Step:
    """One box of a diagram: its number, its heading (bold), its detail, and its colours (fill, line)."""

    number: int
    heading: str
    detail: str
    fill: str
    line: str


@dataclass(frozen=True)
class Slide:
    kind: str
    """title, objective, point, diagram, exercise or question: what the slide is for."""
    title: str
    header: str = ""
    """A small line above the title: the session a key point belongs to, the module on the title slide."""
    body: tuple[Para, ...] = ()
    notes: str = ""
    """The speaker notes: facilitator notes, answer keys; never shown to participants."""
    steps: tuple[Step, ...] = ()
    size: int = 28
    """The body's size in points before it has to shrink to fit (never below pptx.FLOOR)."""


@dataclass(frozen=True)
class Deck:
    guideline: str
    lang: str
    path: str
    """Relative to the site root: slides/<id>.<lang>.pptx."""
    title: str
    subject: str
    version: str
    updated: datetime.date
    continued: str
    """What a slide continued on the next one adds to its title."""
    part: str
    """The words for a diagram split over slides ({first}, {last}, {total})."""
    footer: str
    slides: tuple[Slide, ...]


class _Blocks(HTMLParser):
    """The text of each paragraph and list item of rendered Markdown, markup dropped."""

    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.BLOCKS or tag == "br":
            self._close()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self._close()

    def handle_data(self, data: str) -> None:
        self.current.append(data)

    def _close(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []


def paragraphs(markdown_text: str) -> list[str]:
    """A Markdown text as the plain paragraphs a slide shows (emphasis and links as their words)."""
    parser = _Blocks()
    parser.feed(render_markdown(markdown_text))
    parser.close()
    parser._close()
    return parser.blocks


def plain(markdown_text: str) -> str:
    return " ".join(paragraphs(markdown_text))


def has_slides(g: Guideline) -> bool:
    return g.training is not None


def path(g: Guideline, lang: str) -> str:
    """The deck's address relative to the site root (another page links it from there)."""
    return f"{FOLDER}/{urls.slides_file(g.id, lang)}"


def letter(index: int) -> str:
    """The letter of an option: 0 → A."""
    return "ABCDE"[index]


def diagram_steps(corpus: Corpus, g: Guideline, lang: str) -> tuple[str, tuple[Step, ...]]:
    """The title and the boxes of a guideline's diagram, from the fields and words `diagrams` draws with
    (the abbreviation of each agency, as in the site's drawing); no steps for a kind without a diagram."""
    W = CATALOGUE[lang]

    def agency(agency_id: str) -> str:
        return corpus.agencies[agency_id].short(lang)

    fill, line = diagrams.COLORS["step"]
    if isinstance(g, FormationGuideline):
        return W["steps"], tuple(
            Step(i, s.title.get(lang), f"{W['instrument']}: {s.instrument.get(lang)} · "
                 + ", ".join(agency(a) for a in s.responsible), fill, line)
            for i, s in enumerate(g.steps, start=1))
    if isinstance(g, VictimAssistanceGuideline):
        return W["stages"], tuple(
            Step(i, s.title.get(lang), f"{W['responsible']}: " + ", ".join(agency(a) for a in s.agencies)
                 + f" · {W['time_limit']}: {s.time_limit.get(lang)}", fill, line)
            for i, s in enumerate(g.stages, start=1))
    if isinstance(g, CooperationGuideline):
        return W["workflow"], tuple(
            Step(i, f"{W[s.party]} · {agency(s.agency)}", s.action.get(lang), *diagrams.COLORS[s.party])
            for i, s in enumerate(g.workflow, start=1))
    return "", ()


def _duration(minutes: int, lang: str) -> str:
    W = CATALOGUE[lang]
    hours, rest = divmod(minutes, 60)
    length = W.tr_hours.format(hours=hours) if rest == 0 else W.tr_hours_minutes.format(hours=hours, minutes=rest)
    return W.slides_duration.format(length=length)


def _session_header(number: int, session: Session, lang: str) -> str:
    W = CATALOGUE[lang]
    return W.slides_session.format(number=number, title=session.title.get(lang), minutes=session.minutes,
                                   method=W[f"method_{session.method}"])


def _session_notes(session: Session, lang: str) -> str:
    W = CATALOGUE[lang]
    materials = "; ".join(plain(m.get(lang)) for m in session.materials)
    return "\n".join([*paragraphs(session.notes.get(lang)), f"{W.tr_materials}: {materials}"])


def _title_slide(g: Guideline, lang: str) -> Slide:
    W, t = CATALOGUE[lang], g.training
    total = sum(s.minutes for s in t.sessions)
    timetable = [f"{i}. {s.title.get(lang)} ({W.tr_minutes.format(minutes=s.minutes)})"
                 for i, s in enumerate(t.sessions, start=1)]
    return Slide("title", g.title.get(lang), header=W.slides_module, body=(
        Para(f"{W.tr_audience}: {plain(t.audience.get(lang))}"),
        Para(_duration(total, lang)),
        Para(f"{W.version} {g.version} · {long_date(g.updated, lang)}"),
        Para(W.app_name, bold=True)),
        notes="\n".join([W.tr_timetable, *timetable]))


def _question_slides(t: Training, lang: str) -> list[Slide]:
    """The test: two questions a slide when both are short (PAIR_LIMIT), else one; answers in the notes."""
    W = CATALOGUE[lang]
    total = len(t.test)

    def length(q) -> int:
        return len(q.question.get(lang)) + sum(len(o.get(lang)) + 4 for o in q.options)

    groups, i = [], 0
    while i < total:
        pair = i + 1 < total and length(t.test[i]) + length(t.test[i + 1]) <= PAIR_LIMIT
        groups.append(list(range(i, i + (2 if pair else 1))))
        i += len(groups[-1])
    slides = []
    for group in groups:
        body, notes = [], []
        for n in group:
            q = t.test[n]
            body.append(Para(f"{n + 1}. {plain(q.question.get(lang))}", bold=True))
            body += [Para(f"{letter(k)}. {plain(o.get(lang))}", level=1) for k, o in enumerate(q.options)]
            right = q.options[q.answer - 1]
            notes += [f"{n + 1}. " + W.slides_answer.format(letter=letter(q.answer - 1), option=plain(right.get(lang))),
                      W.slides_why.format(why=plain(q.why.get(lang)))]
        title = (W.slides_question.format(number=group[0] + 1, total=total) if len(group) == 1
                 else W.slides_questions.format(first=group[0] + 1, last=group[-1] + 1, total=total))
        slides.append(Slide("question", title, header=W.tr_test, body=tuple(body), notes="\n".join(notes), size=24))
    return slides


def _exercise_slide(t: Training, number: int, session: Session, lang: str) -> Slide:
    W = CATALOGUE[lang]
    ex = next(e for e in t.exercises if e.id == session.exercise)
    body = [Para(W.tr_scenario, bold=True), *(Para(p) for p in paragraphs(ex.scenario.get(lang))),
            Para(W.tr_tasks, bold=True),
            *(Para(f"{n}. {plain(task.get(lang))}", level=1) for n, task in enumerate(ex.tasks, start=1))]
    key = [f"{n}. {plain(answer.get(lang))}" for n, answer in enumerate(ex.answers, start=1)]
    notes = "\n".join([W.tr_answer_key, *key, "", _session_notes(session, lang)])
    header = _session_header(number, session, lang)
    return Slide("exercise", W.slides_exercise.format(title=ex.title.get(lang)),
                 header=header if ex.method == session.method else f"{W[f'method_{ex.method}']} · {header}",
                 body=tuple(body), notes=notes, size=24)


def deck(corpus: Corpus, g: Guideline, lang: str) -> Deck:
    """The slides of `g`'s training module in `lang`, in the order a trainer shows them: title,
    objectives, the diagram, each session's key points followed by its exercise, then the test."""
    W, t = CATALOGUE[lang], g.training
    assert t is not None, g.id
    slides = [_title_slide(g, lang)]
    count = len(t.objectives)
    slides += [Slide("objective", W.slides_objective.format(number=n, total=count), header=W.tr_objectives,
                     body=(Para(plain(o.get(lang))),), size=36)
               for n, o in enumerate(t.objectives, start=1)]
    diagram_title, steps = diagram_steps(corpus, g, lang)
    if steps:
        slides.append(Slide("diagram", diagram_title, steps=steps, notes=W.slides_diagram_notes))
    for number, session in enumerate(t.sessions, start=1):
        header, notes = _session_header(number, session, lang), _session_notes(session, lang)
        slides += [Slide("point", session.title.get(lang), header=header, body=(Para(plain(p.get(lang))),),
                         notes=notes, size=36) for p in session.key_points]
        if session.exercise:
            slides.append(_exercise_slide(t, number, session, lang))
    slides += _question_slides(t, lang)
    return Deck(g.id, lang, path(g, lang), g.title.get(lang), W.slides_module, g.version, g.updated,
                W.slides_continued, W.diagram_part, W.app_name, tuple(slides))


def decks(corpus: Corpus) -> list[Deck]:
    """Every deck of the corpus: guideline by guideline, language by language."""
    return [deck(corpus, g, lang) for g in corpus.guidelines if has_slides(g) for lang in LANGUAGES]

