"""How the operative text of an agreement is written, whatever the guideline's prose wrote: "Para
Pihak" with capitals; a short citation ("UU 21/2007") written out as the register names the
instrument ("Undang-Undang Nomor 21 Tahun 2007 tentang ..."); the former BP2MI named only beside the
ministry that took over its functions ("KP2MI (dahulu BP2MI)"); and every abbreviation the text then
uses, found so the agreement can define it once in its definitions clause."""


from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pedoman.content import legal

if TYPE_CHECKING:
    from pedoman.content.corpus import Corpus

_DEFINED = {"id": ((re.compile(r"\b[Pp]ara [Pp]ihak\b"), "Para Pihak"),
                   (re.compile(r"\b([Ss]etiap|[Mm]asing-masing|[Ss]eluruh|[Ss]alah satu) pihak\b"), "{} Pihak"),
                   (re.compile(r"\b[Pp]erjanjian ini\b"), "Perjanjian ini")),
            "en": ((re.compile(r"\b([Tt])he parties\b"), "{}he Parties"),
                   (re.compile(r"\b([Ee]ach|[Ee]very|[Ee]ither|[Aa]ny) party\b"), "{} Party"),
                   (re.compile(r"\b([Tt])his agreement\b"), "{}his Agreement"))}
"""The terms the agreement defines, written with capitals wherever the text uses them."""
_SMALL_WORDS = {"id": {"dan", "atau", "dengan", "di", "ke", "dari", "yang", "untuk", "pada", "serta", "atas"},
                "en": {"and", "or", "with", "of", "the", "to", "in", "on", "for", "a", "an"}}
_SHORT_CITATION = re.compile(r"\b(UU|Perppu|PP|Perpres|Permen(?:dagri|[ \w]*?)?) (\d+[A-Za-z]?)/(\d{4})\b")
_FORMER = re.compile(r"\bKP2MI ?/ ?BP2MI\b|(?<!dahulu )(?<!formerly )\bBP2MI\b")
CURRENT, FORMER = "kp2mi", "bp2mi"
"""The ministry that took over BP2MI's functions (Perpres 165/2024), and BP2MI: their labels come
from the agency register."""


def parties(text: str, lang: str) -> str:
    """"para pihak" / "the parties", "setiap pihak", "perjanjian ini" capitalised as defined terms."""
    for pattern, replacement in _DEFINED.get(lang, ()):
        text = pattern.sub(lambda m, r=replacement: r.format(*m.groups()), text)
    return text


def titled(title: str, lang: str) -> str:
    """A Pasal's title with each word capitalised but the small ones ("Jangka Waktu dan Perubahan")."""
    small = _SMALL_WORDS.get(lang, set())
    words = title.split(" ")
    return " ".join(w if (i and w in small) or not w[:1].islower() else w[0].upper() + w[1:]
                    for i, w in enumerate(words))


def item(text: str) -> str:
    """A text as an item of a lettered list: its first word in lower case unless it is an abbreviation."""
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first[:1].isupper() and first[1:].islower() else text


def citations(text: str, corpus: Corpus, lang: str, words) -> str:
    """Each short citation of an instrument the register holds, written out with its full name."""
    if "/" not in text:
        return text
    by_key = _cached(corpus, "regulations", lambda: {(reg.type, reg.number, reg.year): reg
                                                      for reg in corpus.regulations.values()})

    def full(match: re.Match) -> str:
        kind = "Permen" if match.group(1).startswith("Permen") else match.group(1)
        reg = by_key.get((kind, match.group(2), int(match.group(3))))
        return legal.name(reg, lang, words) if reg is not None else match.group(0)

    return _SHORT_CITATION.sub(full, text)


def former(text: str, current: str, former_name: str, template: str) -> str:
    """"KP2MI/BP2MI" or a lone "BP2MI" as `template` ("KP2MI (dahulu BP2MI)")."""
    return _FORMER.sub(template.format(current=current, former=former_name), text)


def operative(text: str, corpus: Corpus, lang: str, words, texts) -> str:
    """The text as an agreement's clause or annex prints it."""
    text = citations(parties(text, lang), corpus, lang, words)
    if "BP2MI" in text and FORMER in corpus.agencies and CURRENT in corpus.agencies:
        text = former(text, corpus.agencies[CURRENT].abbreviation or CURRENT, corpus.agencies[FORMER].abbreviation
                      or FORMER, texts.pks_former)
    return text


_CACHE: dict[tuple[int, str], tuple[object, object]] = {}


def _cached(corpus: Corpus, what: str, make):
    """What `make` gives for this corpus, computed once per corpus object (a build decides every
    document several times: for the files, the pages and the open data)."""
    key = (id(corpus), what)
    kept = _CACHE.get(key)
    if kept is None or kept[0] is not corpus:
        if len(_CACHE) > 64:
            _CACHE.clear()
        kept = _CACHE[key] = (corpus, make())
    return kept[1]


def _pattern(corpus: Corpus, lang: str) -> re.Pattern:
    return _cached(corpus, f"pattern-{lang}", lambda: _compile(_known(corpus, lang)))


def _compile(known: dict[str, str]) -> re.Pattern:
    return re.compile(r"(?<![\w/-])(" + "|".join(re.escape(t) for t in sorted(known, key=lambda t: -len(t)))
                      + r")(?![\w-])")


def spelled_out(text: str, corpus: Corpus, lang: str) -> str:
    """Each abbreviation the text uses replaced by what it stands for (a short document that defines
    none)."""
    known = _known(corpus, lang)
    return _pattern(corpus, lang).sub(lambda m: known[m.group(1)], text) if known else text


def abbreviations(texts: list[str], corpus: Corpus, lang: str) -> list[tuple[str, str]]:
    """(abbreviation, expansion) for every glossary term and agency abbreviation the texts use as a
    whole word, in the order each first appears; a longer term is preferred where two overlap."""
    known = _known(corpus, lang)
    if not known:
        return []
    pattern = _pattern(corpus, lang)
    found: dict[str, str] = {}
    for text in texts:
        for match in pattern.finditer(text):
            found.setdefault(match.group(1), known[match.group(1)])
    return list(found.items())


def _known(corpus: Corpus, lang: str) -> dict[str, str]:
    """Abbreviation → what it stands for, from the agency register and the glossary."""
    return _cached(corpus, f"known-{lang}", lambda: _abbreviations(corpus, lang))


def _abbreviations(corpus: Corpus, lang: str) -> dict[str, str]:
    known: dict[str, str] = {}
    for agency in corpus.agencies.values():
        if agency.abbreviation and agency.abbreviation != agency.name.get(lang):
            known.setdefault(agency.abbreviation, agency.name.get(lang))
    for term in corpus.terms:
        expansion = term.expansion.get(lang)
        if expansion and expansion != term.term:
            known[term.term] = expansion
            if term.term[:1].isupper() and term.term[1:].islower():  # "Monev" is written "monev" in a sentence
                known.setdefault(term.term.lower(), expansion)
    return known
