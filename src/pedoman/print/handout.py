"""What a guideline's handout holds so that it fits one A4 sheet, hotline box included.

A handout is the guideline's procedure as a table to tick (what, who acts, the instrument or
time limit), its checklist where it has one, a key to the abbreviations printed on it and the
numbers to call to report suspected trafficking, taken from the services register. Its height is
estimated before layout from the font's own glyph widths (`measure`) and the sheet's geometry
(`GEOMETRY`, which the template prints into its stylesheet), and the first of these that fits is
kept:

1. everything, at 10 pt, then 9.5 pt, then 9 pt (the floor: smaller is hard to read on paper);
2. at 9 pt, the checklist cut to its first items (no fewer than `MIN_CHECKLIST`);
3. then every step without the instrument or time-limit line under it;
4. then the first steps only, with those lines, down to one.

What is left out is said on the sheet: the steps or questions that follow are in the full
guideline, online through the QR code. Never a second page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Callable

from markupsafe import Markup

from pedoman.content import services
from pedoman.content.corpus import Corpus
from pedoman.content.model import Guideline, Text
from pedoman.errors import BuildError
from pedoman.presentation import contacts
from pedoman.presentation.html import text_html
from pedoman.presentation.words import CATALOGUE
from pedoman.print.measure import PT_MM, line_count, width_em

SIZES = (10.0, 9.5, 9.0)
"""The sheet's text sizes in points, largest first; the last is the floor."""

MIN_CHECKLIST = 6
"""The fewest checklist questions a sheet keeps before it drops the lines under its steps."""

REPORT_KINDS = ("hotline", "police")
"""The national services of these kinds make the "report suspected trafficking" box."""

GEOMETRY = {
    "margin_top": 12, "margin_side": 14, "margin_bottom": 16,  # mm; the page number sits in the bottom margin
    "qr": 24, "qr_gap": 4, "line": 1.25, "title_pt": 14, "meta_pt": 8, "h2_pt": 10.5,
    "h2_before": 3, "h2_after": 1.2, "cell_x": 1.2, "cell_y": 0.8, "rule": 0.25,
    "item_gap": 0.8, "box_pad_x": 3, "box_pad_y": 1.5, "box_rule": 0.5,
}
"""The sheet's measures in mm (sizes in pt), printed into the handout's stylesheet by its template."""

PAGE_MM = (210, 297)
SAFETY = 0.97
"""The share of the page's height the estimate may fill: room for what it does not model."""
NARROWER = 0.96
"""Text is measured in columns this much narrower than they are: a line WeasyPrint breaks a word
earlier than the estimate must not make the sheet overflow (measured on the 38 shipped handouts:
the estimate was up to 11 mm short without it)."""
ALLOWANCE = 4
"""mm added to every estimate, for the boxes' borders and the rounding of each line."""


@dataclass(frozen=True)
class Step:
    number: int
    what: Markup
    who: str
    note: str
    plain: tuple[str, str, str]
    """The same three as plain text, for measuring."""


@dataclass(frozen=True)
class Hotline:
    numbers: str
    name: Markup
    more: str


@dataclass(frozen=True)
class Sheet:
    """What the handout prints, and at what size."""

    lang: str
    size: float
    steps: list[Step]
    total: int
    checklist: list[Markup]
    hotlines: list[Hotline]
    columns: tuple[float, float, float, float]
    """Widths of the tick, number, step and who-acts columns, in per cent of the page's width."""
    notes: bool = True
    kept_checklist: int = 0
    key: list[tuple[str, str]] = field(default_factory=list)
    more: list[str] = field(default_factory=list)
    """What the sheet leaves out, in sentences."""

    @property
    def rows(self) -> list[Step]:
        return [s if self.notes else replace(s, note="", plain=(*s.plain[:2], "")) for s in self.steps]

    @property
    def checks(self) -> list[Markup]:
        return self.checklist[:self.kept_checklist]


def _plain(value: Text, lang: str) -> str:
    """The text as printed, with the notice an untranslated text carries."""
    return value.get(lang) + (f" ({CATALOGUE[lang]['untranslated']})" if value.missing(lang) else "")


def _steps(g: Guideline, lang: str, agency: Callable[[str], str]) -> list[Step]:
    """(what, who acts, instrument or time limit) of each step of the guideline's procedure."""
    labels = CATALOGUE[lang]
    if g.kind == "formation":
        rows = [(s.title, ", ".join(agency(a) for a in s.responsible), f"{labels['instrument']}: {s.instrument.get(lang)}")
                for s in g.steps]
    elif g.kind == "victim-assistance":
        rows = [(s.title, ", ".join(agency(a) for a in s.agencies), f"{labels['time_limit']}: {s.time_limit.get(lang)}")
                for s in g.stages]
    elif g.kind == "cooperation":
        rows = [(w.action, f"{labels[w.party]}: {agency(w.agency)}", "") for w in g.workflow]
    else:
        rows = [(d.title, "", "") for d in g.due_diligence]
    return [Step(i, text_html(what, lang), who, note, (_plain(what, lang), who or "—", note))
            for i, (what, who, note) in enumerate(rows, start=1)]


def hotlines(corpus: Corpus, lang: str) -> list[Hotline]:
    """The national services to report suspected trafficking to, from the services register: the
    numbers to call, the service's name and its other ways (WhatsApp)."""
    found = []
    for s in services.national(corpus):
        if s.kind not in REPORT_KINDS or s.status != "active":
            continue
        ways = contacts.ways(s.contacts, lang)
        numbers = " / ".join(w.value for w in ways if w.kind == "phone")
        more = " · ".join(f"{w.label} {w.value}" for w in ways if w.kind == "whatsapp")
        found.append(Hotline(numbers, text_html(s.name, lang), more))
    return found


def _is_abbreviation(term: str) -> bool:
    """A glossary entry written as an abbreviation or a name (TPPO, Disdukcapil, 5K), not a common word."""
    return term[:1].isupper() or term[:1].isdigit()


def key(text: str, corpus: Corpus, lang: str, agencies: list[str]) -> list[tuple[str, str]]:
    """(abbreviation, what it stands for) of each abbreviation printed in `text`: the agencies'
    from the agency register, the others from the glossary; the longest first where one holds
    another ("GT PP-TPPO" is one entry, not three)."""
    meaning = {corpus.agencies[a].abbreviation: corpus.agencies[a].name.get(lang)
               for a in agencies if corpus.agencies[a].abbreviation}
    for t in corpus.terms:
        if _is_abbreviation(t.term) and t.term not in meaning:
            meaning[t.term] = t.expansion.get(lang)
    found = []
    for term in sorted(meaning, key=lambda t: (-len(t), t)):
        pattern = rf"(?<![\w-]){re.escape(term)}(?![\w-])"
        if term in text and re.search(pattern, text):
            text = re.sub(pattern, " ", text)
            if meaning[term] != term:
                found.append((term, meaning[term]))
    return sorted(found, key=lambda item: item[0].lower())


def _columns(lang: str, size: float) -> tuple[float, float, float, float]:
    """The tick and number columns as narrow as their headings allow (a heading never breaks inside
    a word), the step and who-acts columns sharing the rest 2 : 1."""
    width = PAGE_MM[0] - 2 * GEOMETRY["margin_side"]
    pad = 2 * GEOMETRY["cell_x"] + GEOMETRY["rule"] + 0.5

    def share(label: str, least: float) -> float:
        return round(100 * max(least, width_em(label, bold=True) * size * PT_MM + pad) / width + 0.5)
    tick = share(CATALOGUE[lang]["done"], 6)
    number = share("88", 5)
    step = round((100 - tick - number) * 2 / 3)
    return tick, number, step, 100 - tick - number - step


def height(sheet: Sheet, head: list[str]) -> float:
    """The sheet's estimated height in mm: its heading (kind, title, meta lines) and the sections."""
    G, size = GEOMETRY, sheet.size
    full = PAGE_MM[0] - 2 * G["margin_side"]
    width = full * NARROWER
    line = size * PT_MM * G["line"]
    beside_qr = (full - G["qr"] - G["qr_gap"]) * NARROWER
    kind, title, *meta = head
    top = (G["meta_pt"] * PT_MM * G["line"] + 1 + line_count(title, beside_qr, G["title_pt"], True)
           * G["title_pt"] * PT_MM * 1.2 + 1.5 + sum(line_count(m, beside_qr, G["meta_pt"]) for m in meta)
           * (G["meta_pt"] * PT_MM * G["line"] + 0.5))
    total = max(top, G["qr"]) + 1 + ALLOWANCE
    h2 = G["h2_before"] + G["h2_pt"] * PT_MM * 1.2 + G["h2_after"]
    cells = [(full * c / 100 - 2 * G["cell_x"] - G["rule"]) * NARROWER for c in sheet.columns]
    row_pad = 2 * G["cell_y"] + G["rule"]
    total += h2 + line + row_pad  # the table's heading and its header row
    for s in sheet.rows:
        what, who, note = s.plain
        lines = max(line_count(what, cells[2], size) + (line_count(note, cells[2], size) if note else 0),
                    line_count(who, cells[3], size), 1)
        total += lines * line + row_pad
    if sheet.checks:
        total += h2 + sum(line_count(str(Markup(c).striptags()), width - 6, size) * line + G["item_gap"]
                          for c in sheet.checks)
    for sentence in sheet.more:
        total += line_count(sentence, width, size) * line + 1
    if sheet.key:
        total += 2 + line_count(_key_text(sheet.key, sheet.lang), width * NARROWER, size) * line  # bold terms
    box = width - 2 * G["box_pad_x"] - 2 * G["box_rule"]
    total += (3 + 2 * G["box_pad_y"] + 2 * G["box_rule"] + G["h2_pt"] * PT_MM * 1.2 + G["h2_after"]
              + sum(line_count(f"{h.numbers} · {Markup(h.name).striptags()} · {h.more}", box, size) * line + 0.5
                    for h in sheet.hotlines))
    return total


def _key_text(pairs: list[tuple[str, str]], lang: str) -> str:
    return f"{CATALOGUE[lang]['handout_key']}: " + "; ".join(f"{term} {meaning}" for term, meaning in pairs)


def _room() -> float:
    return (PAGE_MM[1] - GEOMETRY["margin_top"] - GEOMETRY["margin_bottom"]) * SAFETY


def _candidates(full: Sheet):
    """The sheets to try, the fullest first (the order of the module's docstring)."""
    for size in SIZES:
        yield replace(full, size=size, columns=_columns(full.lang, size))
    floor = replace(full, size=SIZES[-1], columns=_columns(full.lang, SIZES[-1]))
    for kept in range(len(full.checklist) - 1, MIN_CHECKLIST - 1, -1):
        yield replace(floor, kept_checklist=kept)
    floor = replace(floor, kept_checklist=min(len(full.checklist), MIN_CHECKLIST))
    yield replace(floor, notes=False)
    for count in range(len(full.steps) - 1, 0, -1):
        yield replace(floor, steps=full.steps[:count])


def plan(g: Guideline, corpus: Corpus, lang: str, agency: Callable[[str], str], head: list[str],
         procedure: str) -> Sheet:
    """The handout of `g` in `lang` that fits one sheet; `head` is the plain text of its heading
    (kind, title, meta lines) and `procedure` the name of its steps."""
    labels = CATALOGUE[lang]
    steps = _steps(g, lang, agency)
    checklist = [text_html(item, lang) for item in getattr(g, "checklist", [])]
    full = Sheet(lang, SIZES[0], steps, len(steps), checklist, hotlines(corpus, lang), _columns(lang, SIZES[0]),
                 kept_checklist=len(checklist))
    used = sorted({a for s in _agencies(g) for a in s} | {s.agency for s in services.national(corpus)
                                                          if s.kind in REPORT_KINDS and s.agency})
    for sheet in _candidates(full):
        more = []
        if len(sheet.steps) < sheet.total:
            more.append(labels["handout_more_steps"].format(first=len(sheet.steps) + 1, last=sheet.total,
                                                             part=procedure))
        if sheet.kept_checklist < len(sheet.checklist):
            more.append(labels["handout_more_checks"].format(count=len(sheet.checklist) - sheet.kept_checklist))
        printed = " ".join([*head, *(" ".join(s.plain) for s in sheet.rows),
                            *(str(Markup(c).striptags()) for c in sheet.checks), *more,
                            *(f"{h.numbers} {Markup(h.name).striptags()} {h.more}" for h in sheet.hotlines)])
        sheet = replace(sheet, more=more, key=key(printed, corpus, lang, used))
        if height(sheet, head) <= _room():
            return sheet
    raise BuildError(f"guidelines/{g.kind}/{g.id}.yaml: title: the {lang} handout does not fit one A4 sheet "
                     "even with one step: shorten the title or the first step")


def _agencies(g: Guideline) -> list[list[str]]:
    """The agencies of each step of the guideline's procedure."""
    if g.kind == "formation":
        return [s.responsible for s in g.steps]
    if g.kind == "victim-assistance":
        return [s.agencies for s in g.stages]
    if g.kind == "cooperation":
        return [[w.agency] for w in g.workflow]
    return []
