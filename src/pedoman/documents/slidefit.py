"""How much room a slide's text takes, and how a deck's text and diagram are fitted to 16:9 slides.

`pptx` draws what this module decides: the size a text is shown at (from its slide's size down in
steps of 2 pt to FLOOR, the diagram's boxes to DIAGRAM_FLOOR), the slides a text too long for one
continues on (`pages`), and the grid and parts of a diagram (`diagram_parts`, `grid`). Text is
measured with a glyph width on the wide side: DejaVu Sans, what LibreOffice shows for Arial where
Arial is missing, so a text that fits here fits in Arial and its substitutes too. Nothing is cut.
"""

from __future__ import annotations

import math
import re

from pedoman.documents.slides import Para, Step

WIDTH, HEIGHT = 13.333, 7.5
"""The slide in inches: 16:9, PowerPoint's widescreen size."""
LEFT, RIGHT, BOTTOM = 0.6, 12.733, 6.75
"""The margins of the content, in inches; the footer sits below BOTTOM."""

FLOOR = 18
"""No body text is smaller than this, in points."""
DIAGRAM_FLOOR, DIAGRAM_START = 16, 20
"""The diagram's boxes shrink from DIAGRAM_START to DIAGRAM_FLOOR before the diagram is split."""
GLYPH, GLYPH_BOLD = 0.6, 0.66
"""Average glyph width as a share of the font size, regular and bold: DejaVu Sans' (0.49–0.53 and
0.56–0.60 in English and Indonesian sentences, measured) with room for what a narrow box wastes."""
LINE = 1.22
"""Line height as a share of the font size."""
INSET = 0.1
"""A text box's inner margin on each side, in inches."""
LEADING = 0.4
"""Room above the first line, as a share of the size: LibreOffice puts a line's extra spacing above it
(measured: a box's text starts 5 pt lower at 18 pt than its margin says)."""


# --- measuring ------------------------------------------------------------------


def line_count(text: str, width: float, size: float, bold: bool = False) -> int:
    """How many lines `text` takes in a box `width` inches wide (inner) at `size` points; a word longer
    than a line is broken over several, as PowerPoint and LibreOffice do."""
    per_line = max(1, int(width * 72 / (size * (GLYPH_BOLD if bold else GLYPH))))
    lines, current = 1, 0
    for word in text.split():
        if current and current + 1 + len(word) <= per_line:
            current += 1 + len(word)
            continue
        if current:
            lines += 1
        rest = len(word)
        while rest > per_line:
            lines, rest = lines + 1, rest - per_line
        current = rest
    return lines


def para_gap(p: Para, first: bool, size: float) -> float:
    """Space before a paragraph, in points: a bold lead line stands apart from what precedes it."""
    return 0.0 if first else size * (0.6 if p.bold else 0.3)


def height(paras: tuple[Para, ...] | list[Para], width: float, size: float) -> float:
    """The height in inches that `paras` take in a box `width` inches wide, margins included."""
    points = sum(line_count(p.text, width - 2 * INSET - indent(p), size, p.bold) * size * LINE
                 + para_gap(p, i == 0, size) for i, p in enumerate(paras))
    return points / 72 + 2 * INSET + LEADING * size / 72


def indent(p: Para) -> float:
    return 0.45 * p.level


def fit(paras: tuple[Para, ...], width: float, room: float, start: int, floor: int = FLOOR) -> int | None:
    """The largest size from `start` down to `floor`, in steps of 2, at which `paras` fit `room` inches."""
    for size in range(start, floor - 1, -2):
        if height(paras, width, size) <= room:
            return size
    return None


_SENTENCE = re.compile(r"(?<=[.!?;:])\s+")


def pages(paras: tuple[Para, ...], width: float, room: float, size: int = FLOOR) -> list[tuple[Para, ...]]:
    """`paras` over as many boxes as they need at `size`, never splitting inside a word: a paragraph
    too long for a whole box is split between sentences, and a sentence too long between words."""
    def pieces(p: Para) -> list[Para]:
        if height((p,), width, size) <= room:
            return [p]
        sentences = _SENTENCE.split(p.text)
        parts = sentences if len(sentences) > 1 else p.text.split()
        if len(parts) == 1:
            return [p]  # one word longer than a whole box: it is broken over lines, not cut
        out: list[Para] = []
        for part in parts:
            joined = Para(f"{out[-1].text} {part}", p.bold, p.level) if out else None
            if joined is not None and height((joined,), width, size) <= room:
                out[-1] = joined
            else:
                out.append(Para(part, p.bold, p.level))
        return [q for part in out for q in pieces(part)]

    result: list[list[Para]] = [[]]
    for p in (q for p in paras for q in pieces(p)):
        if result[-1] and height((*result[-1], p), width, size) > room:
            # a lead line ("Tasks") goes on with what it leads, never alone at the foot of a slide
            kept = [result[-1].pop()] if result[-1][-1].bold and len(result[-1]) > 1 else []
            result.append(kept)
        result[-1].append(p)
    return [tuple(r) for r in result]




# --- the diagram's grid


GAP_X, GAP_Y = 0.5, 0.4
"""The room between a diagram's boxes, in inches, for the arrows."""


def box_width(cols: int) -> float:
    return (RIGHT - LEFT - (cols - 1) * GAP_X) / cols


def _step_height(step: Step, width: float, size: int) -> float:
    return height((Para(f"{step.number}. {step.heading}", bold=True), Para(step.detail)), width, size)


def grid(steps: tuple[Step, ...], width: float, room: float, size: int) -> tuple[int, list[float]] | None:
    """Columns and row heights that hold `steps` at `size` within `room` inches, or None. At most four
    columns, and first the number that makes boxes about half again as wide as their row is tall
    apart (√(1.5 × steps)): four steps in two rows of two, eight in three rows of three."""
    count = len(steps)
    for cols in sorted(range(1, min(count, 4) + 1), key=lambda c: (abs(c - math.sqrt(count * 1.5)), c)):
        w = box_width(cols)
        heights = [max(_step_height(s, w, size) for s in steps[r * cols:(r + 1) * cols])
                   for r in range(math.ceil(count / cols))]
        if sum(heights) + GAP_Y * (len(heights) - 1) <= room:
            return cols, heights
    return None


def diagram_parts(steps: tuple[Step, ...], width: float, room: float) -> tuple[list[tuple[Step, ...]], int]:
    """The fewest even runs of steps that each fit a slide at DIAGRAM_FLOOR or more, and the largest size
    all of them fit at (the same in every part)."""
    for count in range(1, len(steps) + 1):
        base, extra = divmod(len(steps), count)
        runs, start = [], 0
        for n in range(count):
            end = start + base + (1 if n < extra else 0)
            runs.append(steps[start:end])
            start = end
        sizes = [next((z for z in range(DIAGRAM_START, DIAGRAM_FLOOR - 1, -2) if grid(r, width, room, z)), None)
                 for r in runs]
        if all(sizes):
            return runs, min(sizes)
    return [(s,) for s in steps], DIAGRAM_FLOOR
