"""What the task force's own decisions and the village's documents share with the decree (`drafting`):
a decision of any office laid out as Lampiran II of UU 12/2011 lays out a keputusan (heading, Menimbang,
Mengingat, MEMUTUSKAN, Menetapkan, diktum KESATU…, signature, Tembusan, Lampiran), the task force's full
name, the table of its reporting lines, and a list written as a tabulation."""


from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pedoman.documents.blocks import Block, Heading, Labelled, PageBreak, Para, Runs, Signature, Table, runs
from pedoman.documents.drafting import Drafter
from pedoman.documents.texts import items
from pedoman.documents.wording import item as as_item
from pedoman.presentation.words import load

PATH = Path(__file__).with_name("decisions.yaml")


def ayat(text: str) -> list[tuple[str, list[str]]]:
    """A Pasal's text ("|" between its ayat; an item starting with "- " is a letter under the ayat before
    it) as its ayat, each with its letters."""
    out: list[tuple[str, list[str]]] = []
    for part in items(text):
        if part.startswith("- ") and out:
            out[-1][1].append(part[2:])
        else:
            out.append((part, []))
    return out


@lru_cache(maxsize=1)
def catalogue():
    """Language → the fixed wording of these documents (decisions.yaml, checked as texts.yaml is)."""
    return load(PATH)


class DecisionDrafts(Drafter):
    """A keputusan whoever signs it, and the parts the task force's documents share."""

    @property
    def D(self):
        """The fixed wording of these documents in the document's language (decisions.yaml)."""
        return catalogue()[self.lang]

    def task_force(self, level: str) -> str:
        """The task force's full name, as the decree forming it names it."""
        return self.W[f"doc_decree_title_{level}"]

    def tabulated(self, texts: list[str], conjunction: str = "") -> tuple[Runs, ...]:
        """Items of a tabulation (Lampiran II of UU 12/2011): each begins in lower case and ends with ";",
        the one before the last with "; dan", the last with "."."""
        return self.listed([runs(as_item(t)) for t in texts], conjunction)

    def reporting_lines(self, level: str) -> Table:
        """Who reports to whom, what and when, as the guideline's reporting section sets it for its level."""
        X = self.D
        rows = [row.split(";") for row in items(X[f"lines_{level}"])]
        return Table(tuple(items(X.lines_headers)), tuple(tuple(runs(c.strip()) for c in row) for row in rows),
                     (3, 3.5, 5, 4))

    def decision(self, heads: list[str], speaker: str, instrument: str, title: str, considering: list[str],
                 observing: list, diktum: list, signer: Signature, copies: list[str] = (),
                 annex: list[Block] = ()) -> list[Block]:
        """A keputusan: `heads` (the office over the title), the instrument with its number and title, the
        invocation and `speaker`; Menimbang (`considering`, then the standard closing one), Mengingat (each a
        register `Citation` or runs already written, punctuated as a list), MEMUTUSKAN and the title enacted;
        each diktum (runs, or a list of runs and the letters under it); the signature; the Tembusan; and, on a new page,
        the Lampiran under a header with its number and date, closed by the office and name only."""
        W = self.W
        blocks: list[Block] = [*self.intro(), *(Heading(runs(h.upper()), 1) for h in heads),
                               Heading(runs(instrument.upper()), 1), Heading(runs(W.doc_number_year.upper()), 1),
                               Heading(runs(W.doc_about.upper()), 1), Heading(runs(title.upper()), 1),
                               Para(runs(W.doc_invocation), centered=True, bold=True),
                               Para(runs(speaker.upper() + ","), centered=True, bold=True),
                               self.considering(considering, f"{instrument} {W.doc_about} {title}"),
                               Labelled(W.doc_observing, self.grounds(
                                   [c if isinstance(c, tuple) else self.citation(c) for c in observing]), "number"),
                               Para(runs(W.doc_decides), centered=True, bold=True),
                               Labelled(W.doc_enact, (runs(f"{instrument.upper()} {W.doc_about.upper()} "
                                                           f"{title.upper()}."),))]
        ordinals = W.doc_ordinals.split(",")
        for i, part in enumerate(diktum):
            text, letters = (part[0], part[1]) if isinstance(part, list) else (part, ())
            blocks.append(Labelled(ordinals[i], (text,)))
            if letters:
                blocks.append(Labelled("", letters, "alpha"))
        blocks.append(signer)
        if copies:
            blocks.append(Para(runs(W.doc_copies)))
            blocks += [Para((f"{i}. ", *c)) for i, c in enumerate(self.listed([runs(c) for c in copies]), 1)]
        if annex:
            blocks += [PageBreak(), *self.annex_header(instrument, title), *annex,
                       Signature(office=signer.office, name=signer.name)]
        return blocks

    def pasal(self, n: int, text: str) -> list[Block]:
        """Pasal `n`: one ayat as a paragraph, several numbered (1), (2) ...; the letters under an ayat as a
        tabulation ("; dan" before the last, "." after it)."""
        parts = ayat(text)
        blocks: list[Block] = [Heading(runs(self.W.doc_article.format(n=n)), 2)]
        for i, (body, letters) in enumerate(parts):
            if len(parts) == 1:
                blocks.append(Para(runs(body)))
            else:
                blocks.append(Labelled("", (runs(body),), "paren", start=i + 1))
            if letters:
                blocks.append(Labelled("", self.tabulated(letters), "alpha", level=1))
        return blocks
