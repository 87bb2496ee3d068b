"""What every document of the drafting kit shares: the page's words, the legal citations with their
gazette, the decree's preamble, header, signature and annex header."""


from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pedoman.content import legal
from pedoman.content.model import LANGUAGES, Text
from pedoman.presentation.words import CATALOGUE

if TYPE_CHECKING:
    from pedoman.content.corpus import Corpus
    from pedoman.content.model import Citation, Guideline

from pedoman.documents.blocks import Blank, Block, Document, Heading, Labelled, Para, Runs, Signature, runs

TAMBAHAN = {"UU", "Perppu", "PP"}
"""Instruments published with a Tambahan Lembaran Negara as well as the Lembaran Negara."""
BERITA_NEGARA = {"Permen", "Perban", "Perma"}
"""Instruments published in the Berita Negara."""


def _number(pattern: str, text: str) -> str | None:
    found = re.search(pattern, text)
    return found.group(1) if found else None


class Drafter:
    """What every document of the drafting kit shares: the page's words, the legal citations with their"""

    def __init__(self, corpus: Corpus, g: Guideline, lang: str):
        self.corpus, self.g, self.lang = corpus, g, lang
        self.W = CATALOGUE[lang]

    def t(self, value: Text) -> str:
        return value.get(self.lang)

    def r(self, value: Text | str) -> Runs:
        return runs(self.t(value) if isinstance(value, Text) else value)

    def agency(self, agency_id: str) -> str:
        return self.corpus.agencies[agency_id].label(self.lang)

    def intro(self) -> list[Block]:
        """The working-translation note on the first page of an English document."""
        return [Para(runs(self.W.doc_translation_notice), notice=True)] if self.lang != LANGUAGES[0] else []

    def citation(self, citation: Citation) -> Runs:
        """One "Mengingat" item without its closing punctuation (`grounds` adds it): the instrument with its
        gazette, and, once amended, "sebagaimana telah diubah dengan" the amendment, or after several
        "sebagaimana telah beberapa kali diubah terakhir dengan" the last one, with its own gazette
        (Lampiran II of UU 12/2011, the dasar hukum)."""
        reg = self.corpus.regulations[citation.regulation]
        text = runs(legal.name(reg, self.lang, self.W)) + self.gazette(reg)
        if reg.amended_by:
            last = self.corpus.regulations[reg.amended_by[-1]]
            word = self.W.doc_amended_once if len(reg.amended_by) == 1 else self.W.doc_amended_last
            text += (f" {word} {legal.name(last, self.lang, self.W)}",) + self.gazette(last)
        return text

    def gazette(self, reg) -> Runs:
        """" (Lembaran Negara Republik Indonesia Tahun 2007 Nomor 58, Tambahan Lembaran Negara Republik
        Indonesia Nomor 4720)" from the numbers the register records (`published`); a number it does not
        record is a blank to fill in. A law and a government regulation have both (their elucidation is in
        the Tambahan), a presidential regulation the Lembaran Negara only, a ministerial or agency
        regulation the Berita Negara."""
        if reg.type == "international":
            return ()
        published = reg.published.get(LANGUAGES[0])
        found = re.search(r"Tahun (\d{4})", published)
        year = found.group(1) if found else str(reg.year)
        W = self.W
        if "Berita Negara" in published or reg.type in BERITA_NEGARA:
            parts = [self.fill(W.doc_gazette_bn, year, _number(r"Berita Negara[^,(]*?Nomor (\d+)", published),
                               W.doc_blank_bn)]
        elif "Lembaran Negara" in published or reg.type in TAMBAHAN or reg.type == "Perpres":
            parts = [self.fill(W.doc_gazette_ln, year,
                               _number(r"^Lembaran Negara[^,(]*?Nomor (\d+)", published), W.doc_blank_ln)]
            if reg.type in TAMBAHAN:
                parts.append(self.fill(W.doc_gazette_tln, year,
                                       _number(r"Tambahan Lembaran Negara[^,(]*?Nomor (\d+)", published),
                                       W.doc_blank_tln))
        else:
            return (" (", Blank(W.doc_blank_gazette), ")")
        out: list = [" ("]
        for i, part in enumerate(parts):
            out += ([", "] if i else []) + list(part)
        return tuple(out) + (")",)

    @staticmethod
    def fill(template: str, year: str, number: str | None, blank: str) -> Runs:
        """`template` with its year, and its number or a blank labelled `blank`."""
        before, after = template.format(year=year, number="\0").split("\0")
        return (before, number if number else Blank(blank), after)

    def listed(self, items, conjunction: str = "") -> tuple[Runs, ...]:
        """Items of a list with their closing punctuation: ";" after each, "; dan" (or `conjunction`, e.g.
        "atau" for alternatives) after the one before the last, "." after the last (whatever the item
        ended with is replaced)."""
        conjunction = conjunction or self.W["and"]
        out = []
        for i, item in enumerate(items):
            item = tuple(item)
            if item and isinstance(item[-1], str):
                item = item[:-1] + (item[-1].rstrip().rstrip(";.,").rstrip(),)
            end = "." if i == len(items) - 1 else f"; {conjunction}" if i == len(items) - 2 else ";"
            out.append(item + (end,))
        return tuple(out)

    @staticmethod
    def grounds(items) -> tuple[Runs, ...]:
        """Mengingat's items, each closed by ";", the last too (Lampiran II of UU 12/2011 on the dasar hukum:
        its examples close every item with ";", as Menimbang's; "; dan" and "." belong to a tabulation in
        the body)."""
        out = []
        for item in items:
            item = tuple(item)
            if item and isinstance(item[-1], str):
                item = item[:-1] + (item[-1].rstrip().rstrip(";.,").rstrip(),)
            out.append(item + (";",))
        return tuple(out)

    def considering(self, reasons: list[Text], closing: str) -> Labelled:
        """Menimbang: the guideline's reasons, then the standard last one pointing back at them."""
        items = [self.r(reason) for reason in reasons]
        letters = [f"{self.W.doc_letter} {chr(ord('a') + i)}" for i in range(len(items))]
        listed = letters[0] if len(letters) == 1 else f"{', '.join(letters[:-1])} {self.W['and']} {letters[-1]}"
        items.append(runs(self.W.doc_considering_closing.format(letters=listed, title=closing)))
        return Labelled(self.W.doc_considering, tuple(items), "alpha")

    def observing(self, citations: list, level: str) -> Labelled:
        """Mengingat: the constitution, the law forming the region, then each instrument cited (a
        `Citation` of the register, or runs already written, e.g. a blank for one the register lacks)."""
        items = [runs(self.W.doc_constitution), runs(f"[{self.W['doc_blank_law_forming_' + level]}]")]
        items += [c if isinstance(c, tuple) else self.citation(c) for c in citations]
        return Labelled(self.W.doc_observing, self.grounds(items), "number")

    def office(self, level: str) -> str:
        return self.W[f"doc_office_{level}"]

    def header(self, level: str, instrument: str, title: str) -> list[Block]:
        """Kepala and judul: the office, the instrument's name, number and year, and its title."""
        blocks: list[Block] = [Heading(runs(self.office(level).upper()), 1)]
        if level == "district":
            blocks.append(Heading(runs(self.W.doc_in_province.upper()), 1))
        blocks += [Heading(runs(instrument.upper()), 1), Heading(runs(self.W.doc_number_year.upper()), 1),
                   Heading(runs(self.W.doc_about.upper()), 1), Heading(runs(title.upper()), 1)]
        return blocks

    def opening(self, level: str) -> list[Block]:
        return [Para(runs(self.W.doc_invocation), centered=True, bold=True),
                Para(runs(self.office(level).upper() + ","), centered=True, bold=True)]

    def signing(self, level: str) -> Signature:
        return Signature(office=runs(self.office(level).upper() + ","), name=runs(f"[{self.W.doc_blank_name}]"),
                         place=runs(self.W.doc_issued_at), date=runs(self.W.doc_issued_on))

    def promulgation(self, level: str, order: str, gazette: str) -> list[Block]:
        """A regional regulation's closing: `order` (the order to promulgate it), the head of region's signature,
        the regional secretary's promulgation on the left and the gazette line `gazette`."""
        W = self.W
        return [Para(runs(order)), self.signing(level),
                Signature(office=runs(W[f"doc_secretary_{level}"].upper() + ","), name=runs(f"[{W.doc_blank_name}]"),
                          place=runs(W.doc_promulgated_at), date=runs(W.doc_promulgated_on), left=True),
                Para(runs(gazette.upper()), bold=True)]

    def annex_header(self, instrument: str, title: str, numeral: str = "") -> list[Block]:
        label = self.W.doc_annex + (f" {numeral}" if numeral else "")
        return [Para(runs(f"{label.upper()}\n{instrument.upper()}\n{self.W.doc_number_year.upper()}\n"
                          f"{self.W.doc_annex_date.upper()}\n{self.W.doc_about.upper()} {title.upper()}"),
                     aside=True)]

    def preamble(self, level: str, instrument: str, title: str, considering, observing,
                 enacted: str = "") -> list[Block]:
        """A regional legal product up to "Menetapkan": heading, opening, Menimbang, Mengingat,
        MEMUTUSKAN and the enacted title (the same for a decree and a regulation; a regulation is enacted
        under its kind's name without the region's, `enacted`: "PERATURAN GUBERNUR TENTANG ...")."""
        W = self.W
        return [*self.intro(), *self.header(level, instrument, title), *self.opening(level),
                self.considering(considering, f"{instrument} {W.doc_about} {title}"),
                self.observing(observing, level),
                Para(runs(W.doc_decides), centered=True, bold=True),
                Labelled(W.doc_enact, (runs(f"{(enacted or instrument).upper()} {W.doc_about.upper()} {title.upper()}."),))]

    def document(self, name: str, kind: str, title: str, purpose: str, blocks=(), sheets=(),
                 format: str = "docx") -> Document:
        return Document(self.g, name, self.lang, format, kind, title, purpose, tuple(blocks), tuple(sheets),
                        footer=self.W.doc_page_of if format == "docx" else "")
