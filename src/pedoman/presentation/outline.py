"""What a guideline page shows a reader on a phone: its diagram as a numbered list.

A diagram is drawn for a wide screen (`diagrams.py`); scaled into a phone's width its
text would be a few pixels high and cut short. So beside the drawing every page gets
the same steps as a vertical, numbered list in full text, each with its lane (the
party, for a cooperation workflow) as a label; the stylesheet shows the list on a
narrow screen and the drawing on a wide one.
"""

from __future__ import annotations

from typing import Callable

from markupsafe import Markup, escape

from pedoman.content.model import (
    CooperationGuideline,
    FormationGuideline,
    Guideline,
    Text,
    VictimAssistanceGuideline,
)
from pedoman.presentation.words import CATALOGUE

Texts = Callable[[Text], Markup]
Names = Callable[[str], str]


def _item(number: int, heading: Markup, detail: Markup, lane: tuple[str, str] | None = None) -> Markup:
    label = (Markup('<span class="pd-lane pd-lane--{}">{}</span> ').format(lane[0], lane[1]) if lane else "")
    return Markup('<li value="{}">{}<strong>{}</strong><br>{}</li>').format(number, label, heading, detail)


def _names(ids: list[str], agency: Names) -> Markup:
    return escape(", ".join(agency(a) for a in ids))


def diagram_list(g: Guideline, lang: str, text: Texts, agency: Names) -> Markup:
    """The steps of `g`'s diagram as an ordered list in full text (empty when its kind has no diagram).

    `text` prints a content text in `lang` (marking an untranslated one), `agency` names an agency."""
    words = CATALOGUE[lang]
    items: list[Markup] = []
    if isinstance(g, CooperationGuideline):
        for i, step in enumerate(g.workflow, start=1):
            detail = text(step.action)
            if step.output:
                detail += Markup(" <em>{}:</em> ").format(words["output"]) + text(step.output)
            items.append(_item(i, escape(agency(step.agency)), detail, (step.party, words[step.party])))
    elif isinstance(g, VictimAssistanceGuideline):
        for i, stage in enumerate(g.stages, start=1):
            detail = (Markup("<em>{}:</em> ").format(words["responsible"]) + _names(stage.agencies, agency)
                      + Markup(" · <em>{}:</em> ").format(words["time_limit"]) + text(stage.time_limit))
            items.append(_item(i, text(stage.title), detail))
    elif isinstance(g, FormationGuideline):
        for i, step in enumerate(g.steps, start=1):
            detail = (Markup("<em>{}:</em> ").format(words["instrument"]) + text(step.instrument)
                      + Markup(" · <em>{}:</em> ").format(words["responsible"]) + _names(step.responsible, agency))
            items.append(_item(i, text(step.title), detail))
    if not items:
        return Markup("")
    # the drawing's <desc> already gives search and screen readers these steps: Pagefind skips the list
    return Markup('<ol class="pd-diagram-list" data-pagefind-ignore>{}</ol>').format(Markup("").join(items))


def contents(g: Guideline, lang: str) -> list[tuple[str, str]]:
    """(anchor, title) of each part of a guideline page in order: its numbered sections, its
    working tools, references and change history, for the contents a phone shows before the text."""
    from pedoman.content.model import part_anchor, structured_parts

    words = CATALOGUE[lang]
    found = [(s.id, f"{i}. {s.title.get(lang)}") for i, s in enumerate(g.sections, start=1)]
    found += [(part_anchor(part), words[part]) for part in structured_parts(g.kind)]
    return found + [("references", words["references"]), ("changes", words["change_history"])]
