"""The workflow diagrams lose no text: no step is cut with "…"; a long text is set smaller, down to
a floor, and then its box grows."""

from __future__ import annotations

import html
import re

import pytest

from pedoman import load_corpus
from pedoman.presentation import diagrams

from harness import ROOT

_TEXT = re.compile(r"<text [^>]*>(.*?)</text>")
_BOX = re.compile(r"<rect [^>]*rx=\"6\"[^>]*/>((?:<text [^>]*>.*?</text>)+)")


def squeezed(text: str) -> str:
    """The text without spaces and hyphens: line breaks (and a word split over lines) are left out."""
    return re.sub(r"[\s\-]", "", text)


def steps(g, lang: str, agency) -> list[str]:
    """Each box's whole text, as the diagram must print it."""
    labels = diagrams.CATALOGUE[lang]
    if g.kind == "cooperation":
        return [f"{i}. {agency(w.agency)} {w.action.get(lang)}" for i, w in enumerate(g.workflow, start=1)]
    if g.kind == "victim-assistance":
        return [f"{i}. {s.title.get(lang)} {labels['responsible']}: {', '.join(agency(a) for a in s.agencies)}"
                f" · {labels['time_limit']}: {s.time_limit.get(lang)}" for i, s in enumerate(g.stages, start=1)]
    return [f"{i}. {s.title.get(lang)} {labels['instrument']}: {s.instrument.get(lang)} · "
            f"{', '.join(agency(a) for a in s.responsible)}" for i, s in enumerate(g.steps, start=1)]


@pytest.fixture(scope="module")
def shipped():
    return load_corpus(ROOT / "guidelines")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_diagram_of_the_shipped_guidelines_cuts_a_step(shipped, lang):
    checked = 0
    for g in shipped.guidelines:
        def agency(a):
            return shipped.agencies[a].short(lang)
        svg = diagrams.for_guideline(g, lang, agency)
        if not svg:
            continue
        assert "…" not in svg, g.id
        boxes = [" ".join(html.unescape(t) for t in _TEXT.findall(texts)) for texts in _BOX.findall(svg)]
        expected = steps(g, lang, agency)
        assert len(boxes) == len(expected), g.id
        for printed, whole in zip(boxes, expected):
            assert squeezed(printed) == squeezed(whole), (g.id, whole)
            checked += 1
    assert checked >= 100


def test_a_long_text_is_set_smaller_then_its_box_grows():
    long = "kata " * 60
    lines, size = diagrams.fit([("1. Judul", 2), (long, 3)], 580, 13)
    assert size == diagrams.SMALLEST and len(lines[1]) > 3  # at the floor, the box takes every line
    assert " ".join(lines[1]).split() == long.split()
    short, size = diagrams.fit([("1. Judul", 2), ("kata " * 20, 3)], 580, 13)
    assert diagrams.SMALLEST < size <= 13 and len(short[1]) <= 3


def test_a_word_longer_than_a_line_is_split_not_cut():
    word = "x" * 100
    lines = diagrams.wrap(word, 100, 12)
    assert len(lines) > 1 and "".join(line.rstrip("-") for line in lines) == word


def test_a_box_is_as_tall_as_its_lines():
    box = diagrams.Box(0, 0, 600, [("a", True)] * 7, "#fff", "#000", size=10)
    assert box.height == 14 + 7 * 10 * 1.3
    assert box.svg().count("<text") == 7
