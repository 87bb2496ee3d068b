"""The Penjelasan of a regulation, as Lampiran II of UU 12/2011 lays one out after the body, the signatures
and the promulgation: on a page of its own, "PENJELASAN ATAS" over the regulation's own title, I. UMUM (the
general explanation), II. PASAL DEMI PASAL with an entry for every Pasal in order ("Cukup jelas." where the
Pasal needs none; once one ayat needs explaining, every ayat under "Ayat (n)" with its own), and the line of
the gazette's supplement. A Penjelasan explains the norms and holds none of its own; its wording lives in
explanation.yaml, keyed as the Pasal it explains."""


from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pedoman.documents.blocks import Block, Heading, PageBreak, Para, runs
from pedoman.documents.decisions import DecisionDrafts, ayat
from pedoman.documents.texts import items
from pedoman.presentation.words import load

PATH = Path(__file__).with_name("explanation.yaml")


@lru_cache(maxsize=1)
def catalogue():
    """Language → the wording of the Penjelasan (explanation.yaml, checked as texts.yaml is)."""
    return load(PATH)


class ExplanationDrafts(DecisionDrafts):
    """The Penjelasan of a regulation the kit drafts."""

    @property
    def E(self):
        """The Penjelasan's wording in the document's language (explanation.yaml)."""
        return catalogue()[self.lang]

    def explanation(self, title: list[str], general: str, articles: list[tuple[str, str]],
                    supplement: str, **fill: str) -> list[Block]:
        """The Penjelasan of the regulation whose title lines are `title` (instrument, number, TENTANG, title):
        `general` (paragraphs by "|") under I. UMUM, then for each (text of the Pasal, its explanation) of
        `articles`, in order, "Pasal n" and its explanation: one text, or one per ayat ("|" between them, as
        many as the Pasal has ayat) under "Ayat (n)"; then `supplement`, the gazette's supplement line. `fill`
        fills the "{name}" fields of the texts."""
        W, E = self.W, self.E
        blocks: list[Block] = [PageBreak(), *(Heading(runs(line.upper()), 1) for line in [*items(E.title), *title]),
                               Heading(runs(E.general_heading), 2, centered=False),
                               *(Para(runs(t.format(**fill))) for t in items(general)),
                               Heading(runs(E.articles_heading), 2, centered=False)]
        for n, (body, explained) in enumerate(articles, 1):
            parts = [t.format(**fill) for t in items(explained)]
            blocks.append(Heading(runs(W.doc_article.format(n=n)), 3, centered=False))
            if len(parts) == 1:
                blocks.append(Para(runs(parts[0])))
                continue
            if len(parts) != len(ayat(body)):
                raise ValueError(f"explanation.yaml: the Penjelasan of Pasal {n} has {len(parts)} parts for "
                                 f"{len(ayat(body))} ayat")
            for i, text in enumerate(parts, 1):
                blocks += [Heading(runs(E.ayat.format(n=i)), 3, centered=False), Para(runs(text))]
        blocks.append(Para(runs(supplement.upper()), bold=True))
        return blocks
