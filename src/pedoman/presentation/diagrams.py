"""Diagrams drawn at build time as inline SVG, with no JavaScript.

Three drawings: the victim-assistance pathway (stages and who is responsible),
the cooperation workflow (one lane per party) and the formation steps. Each
carries a `<title>` and a `<desc>` that spell out the same steps in words, so a
screen reader, a search engine and a printed page all get the content. The
web pages and the PDFs use the same SVG.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Callable

from pedoman.content.model import (
    CooperationGuideline,
    FormationGuideline,
    Guideline,
    VictimAssistanceGuideline,
)
from pedoman.presentation.words import CATALOGUE

FONT = "DejaVu Sans, Roboto, Helvetica, Arial, sans-serif"
CHAR_WIDTH = 0.6
"""Average glyph width as a share of the font size, for wrapping text into boxes."""

COLORS = {
    "origin": ("#e3f2fd", "#1565c0"),
    "transit": ("#fff8e1", "#a15c00"),
    "destination": ("#e8f5e9", "#2e7d32"),
    "step": ("#ede7f6", "#4527a0"),
}
TEXT = "#1b1b1b"
MUTED = "#424242"


SMALLEST = 10
"""The smallest font size a box's text is shrunk to before the box grows instead."""


def wrap(text: str, width: float, size: float) -> list[str]:
    """Break `text` into lines that fit `width` pixels at font `size`, every word kept: a word longer
    than a line is split over lines, each piece but the last ending in a hyphen."""
    per_line = max(8, int(width / (size * CHAR_WIDTH)))
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if len(candidate) <= per_line:
            current = candidate
            continue
        if current:
            lines.append(current)
        while len(word) > per_line:
            lines.append(word[: per_line - 1] + "-")
            word = word[per_line - 1:]
        current = word
    if current:
        lines.append(current)
    return lines


def fit(texts: list[tuple[str, int]], width: float, size: float) -> tuple[list[list[str]], float]:
    """Lines for each (text, lines it should take at most) in a box `width` pixels wide, and the font
    size they are printed at: `size`, or smaller down to SMALLEST until each text takes no more than
    its lines; at SMALLEST a text takes the lines it needs and the box grows. Nothing is cut."""
    current = size
    while True:
        wrapped = [wrap(text, width, current) for text, _ in texts]
        if current <= SMALLEST or all(len(lines) <= most for lines, (_, most) in zip(wrapped, texts)):
            return wrapped, current
        current = max(SMALLEST, current - 0.5)


@dataclass
class Box:
    x: float
    y: float
    width: float
    lines: list[tuple[str, bool]]  # (text, bold)
    fill: str
    stroke: str
    size: float = 13

    @property
    def height(self) -> float:
        return 14 + len(self.lines) * self.size * 1.3

    def svg(self) -> str:
        parts = [f'<rect x="{self.x:.1f}" y="{self.y:.1f}" width="{self.width:.1f}" height="{self.height:.1f}" '
                 f'rx="6" fill="{self.fill}" stroke="{self.stroke}" stroke-width="1.5"/>']
        for i, (line, bold) in enumerate(self.lines):
            y = self.y + 8 + self.size + i * self.size * 1.3
            weight = ' font-weight="bold"' if bold else ""
            color = TEXT if bold else MUTED
            parts.append(f'<text x="{self.x + 10:.1f}" y="{y:.1f}" font-size="{self.size:g}"{weight} '
                         f'fill="{color}">{escape(line)}</text>')
        return "".join(parts)


def _arrow(x1: float, y1: float, x2: float, y2: float, marker: str) -> str:
    if x1 == x2:
        path = f"M{x1:.1f},{y1:.1f} V{y2:.1f}"
    else:
        middle = (y1 + y2) / 2
        path = f"M{x1:.1f},{y1:.1f} V{middle:.1f} H{x2:.1f} V{y2:.1f}"
    return f'<path d="{path}" fill="none" stroke="#546e7a" stroke-width="1.5" marker-end="url(#{marker})"/>'


def _document(width: float, height: float, title: str, steps: list[str], body: str, kind: str, key: str,
              first: int = 1) -> str:
    # ids derive from the guideline (and the first step shown), so a rebuild writes the very same page
    key = key if first == 1 else f"{key}-{first}"
    title_id, desc_id, marker = f"pd-{kind}-{key}-title", f"pd-{kind}-{key}-desc", f"pd-{kind}-{key}-arrow"
    desc = " ".join(f"{i}. {step}" for i, step in enumerate(steps, start=first))
    return (
        f'<svg class="pd-diagram__svg pd-diagram--{kind}" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'aria-labelledby="{title_id} {desc_id}" font-family="{FONT}">'
        f'<title id="{title_id}">{escape(title)}</title><desc id="{desc_id}">{escape(desc)}</desc>'
        f'<defs><marker id="{marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#546e7a"/></marker></defs>'
        + body.replace("url(#MARKER)", f"url(#{marker})") + "</svg>"
    )


def _part_title(title: str, steps: range | None, total: int, lang: str) -> str:
    """`title`, followed by which steps it shows when it shows only some (a diagram split over pages)."""
    if steps is None or len(steps) == total:
        return title
    shown = CATALOGUE[lang]["diagram_part"].format(first=steps.start + 1, last=steps.stop, total=total)
    return f"{title} ({shown})"


def _chain(title: str, items: list[tuple[str, str]], kind: str, key: str, colors: tuple[str, str],
           steps: range | None = None) -> str:
    """A vertical chain of numbered boxes: (heading, detail) each; only those in `steps` when given."""
    width, box_width, gap, x = 640, 600, 26, 20
    body, y, previous = [], 10.0, None
    steps = steps if steps is not None else range(len(items))
    for i, (heading, detail) in ((i + 1, items[i]) for i in steps):
        (bold, plain), size = fit([(f"{i}. {heading}", 2), (detail, 3)], box_width - 20, 13)
        box = Box(x, y, box_width, [(line, True) for line in bold] + [(line, False) for line in plain], *colors,
                  size=size)
        if previous is not None:
            body.append(_arrow(x + box_width / 2, previous.y + previous.height, x + box_width / 2, y - 2, "MARKER"))
        body.append(box.svg())
        previous = box
        y += box.height + gap
    described = [f"{heading} — {detail}" for heading, detail in (items[i] for i in steps)]
    return _document(width, y - gap + 10, title, described, "".join(body), kind, key, steps.start + 1)


def pathway(g: VictimAssistanceGuideline, lang: str, agency: Callable[[str], str], steps: range | None = None) -> str:
    """The victim-assistance pathway: each stage with the agencies responsible for it."""
    labels = CATALOGUE[lang]
    items = [(s.title.get(lang), f"{labels['responsible']}: " + ", ".join(agency(a) for a in s.agencies)
              + f" · {labels['time_limit']}: {s.time_limit.get(lang)}") for s in g.stages]
    return _chain(_part_title(f"{labels['stages']}: {g.title.get(lang)}", steps, len(items), lang), items,
                  "pathway", g.id, COLORS["step"], steps)


def formation_steps(g: FormationGuideline, lang: str, agency: Callable[[str], str],
                    steps: range | None = None) -> str:
    """The formation steps, each with the legal instrument it needs."""
    labels = CATALOGUE[lang]
    items = [(s.title.get(lang), f"{labels['instrument']}: {s.instrument.get(lang)} · "
              + ", ".join(agency(a) for a in s.responsible)) for s in g.steps]
    return _chain(_part_title(f"{labels['steps']}: {g.title.get(lang)}", steps, len(items), lang), items,
                  "steps", g.id, COLORS["step"], steps)


def workflow(g: CooperationGuideline, lang: str, agency: Callable[[str], str], steps: range | None = None) -> str:
    """The cooperation workflow as swimlanes: one column per party, steps in order (those in `steps` when given)."""
    labels = CATALOGUE[lang]
    lanes = ["origin", "transit", "destination"]
    lane_width, gap, top = 250, 14, 46
    width = len(lanes) * lane_width + (len(lanes) + 1) * gap
    header = []
    for i, lane in enumerate(lanes):
        x = gap + i * (lane_width + gap)
        fill, stroke = COLORS[lane]
        header.append(f'<rect x="{x}" y="8" width="{lane_width}" height="28" rx="4" fill="{stroke}"/>'
                      f'<text x="{x + lane_width / 2}" y="27" font-size="14" font-weight="bold" fill="#ffffff" '
                      f'text-anchor="middle">{escape(labels[lane])}</text>')
    boxes, y, previous = [], float(top), None
    arrows = []
    steps = steps if steps is not None else range(len(g.workflow))
    for i, step in ((i + 1, g.workflow[i]) for i in steps):
        lane = lanes.index(step.party)
        x = gap + lane * (lane_width + gap)
        (bold, plain), size = fit([(f"{i}. {agency(step.agency)}", 1), (step.action.get(lang), 4)],
                                  lane_width - 20, 12)
        box = Box(x, y, lane_width, [(line, True) for line in bold] + [(line, False) for line in plain],
                  *COLORS[step.party], size=size)
        if previous is not None:
            arrows.append(_arrow(previous.x + lane_width / 2, previous.y + previous.height,
                                 x + lane_width / 2, y - 2, "MARKER"))
        boxes.append(box.svg())
        previous = box
        y += box.height + 22
    height = y - 22 + 10
    guides = "".join(
        f'<line x1="{gap + i * (lane_width + gap) + lane_width / 2}" y1="36" '
        f'x2="{gap + i * (lane_width + gap) + lane_width / 2}" y2="{height}" stroke="#cfd8dc" '
        f'stroke-dasharray="4 4"/>' for i in range(len(lanes)))
    described = [f"{labels[s.party]}, {agency(s.agency)}: {s.action.get(lang)}" for s in (g.workflow[i] for i in steps)]
    title = _part_title(f"{labels['workflow']}: {g.title.get(lang)}", steps, len(g.workflow), lang)
    return _document(width, height, title, described,
                     "".join(header) + guides + "".join(arrows) + "".join(boxes), "workflow", g.id, steps.start + 1)


def step_count(g: Guideline) -> int:
    """How many steps (boxes) the guideline's diagram has; 0 when its kind has none."""
    if isinstance(g, VictimAssistanceGuideline):
        return len(g.stages)
    if isinstance(g, CooperationGuideline):
        return len(g.workflow)
    if isinstance(g, FormationGuideline):
        return len(g.steps)
    return 0


def for_guideline(g: Guideline, lang: str, agency: Callable[[str], str], steps: range | None = None) -> str:
    """The diagram a guideline's kind has, or an empty string; only the steps in `steps` when given
    (numbered as in the whole diagram), for a print page that cannot hold them all."""
    if isinstance(g, VictimAssistanceGuideline):
        return pathway(g, lang, agency, steps)
    if isinstance(g, CooperationGuideline):
        return workflow(g, lang, agency, steps)
    if isinstance(g, FormationGuideline):
        return formation_steps(g, lang, agency, steps)
    return ""
