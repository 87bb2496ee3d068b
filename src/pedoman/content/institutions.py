"""Hand-written pages (docs/*.md) name institutions as they are now, as guidelines must.

A guideline lists institutions by id and the validator refuses one that was split or dissolved
(`rules.check_guideline`). A hand-written page names them in prose, so the rule reads the prose:

- **What is looked for.** Each institution of agencies.yaml whose status is not `active` (renamed,
  merged, split, dissolved), by its abbreviation exactly as the register writes it ("Kemenko
  Polhukam", case kept: "MA" must not match "ma") or by its full name in either language in any
  case. Either stands as a whole word (no letter, digit or hyphen touches it, but "-nya" may follow)
  and may break across a line (any run of spaces between its words). Only the institution counts,
  not the title of its head: "Menko Polhukam" (the minister) is not "Kemenko Polhukam".
- **Where.** Prose only: front matter, fenced code, inline code, HTML comments and tags, and link
  targets are blanked before reading (kept at their length, so line and column stay true).
- **The sentence.** A mention is judged with its sentence: the text between two sentence ends.
  A sentence ends at `.`, `!` or `?` followed by a space and a capital letter or an opening
  bracket or quote (a period after a short abbreviation such as "No." or "Jl." does not end
  one), at a blank line, and where a line starts a heading, a list item, a quote or a table row.
- **Named as it is now.** The mention is fine when the rest of its sentence (the mentions left
  out, since a name may hold such a word itself) names one of its successors (abbreviation or
  name), or places it in the past with a word that says so: "dahulu", "dulu", "semula",
  "sebelumnya", "mantan", "former", "formerly", "previously", or a word of the change itself:
  "dipisah", "dipecah", "dilebur", "digabung", "dibubarkan", "berganti nama", "split", "merged",
  "dissolved", "renamed". "Kini" and "now" alone do not count: they speak
  of the present ("X kini memimpin…" reads as X acting today); a sentence that says what an
  institution is *now* names the successor, and that counts.

Anything else is an error at `docs/<file>:line:col` saying which institution, its status and its
successors. The rule is as sharp as its words: a false flag means a sharper rule, never a list of
exempted pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from pedoman.content.loader import position
from pedoman.errors import ContentError

if TYPE_CHECKING:
    from pedoman.content.registers import Agency

PAST_WORDS = ("dahulu", "dulu", "semula", "sebelumnya", "mantan", "former", "formerly", "previously")
"""Words that place a statement about an institution in the past."""
CHANGE_WORDS = ("dipisah", "dipecah", "dilebur", "digabung", "dibubarkan", "berganti nama", "split", "merged",
                "dissolved", "renamed")
"""Words that state the change itself."""
_MARKER = re.compile(r"(?<![\w-])(?:" + "|".join(w.replace(" ", r"\s+") for w in PAST_WORDS + CHANGE_WORDS)
                     + r")(?![\w-])", re.IGNORECASE)

_NOT_PROSE = re.compile(
    r"\A---\n.*?\n---\n"  # front matter
    r"|^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$"  # fenced code
    r"|<!--.*?-->"  # HTML comments
    r"|`[^`\n]+`"  # inline code
    r"|\]\([^)\n]*\)"  # link targets
    r"|<[a-zA-Z/][^>\n]*>",  # HTML tags (their attributes)
    re.DOTALL | re.MULTILINE)

_SHORT = ("No", "Jl", "Km", "Dr", "Prof", "St", "dkk", "cf", "vs", "e.g", "i.e")
"""Abbreviations whose period does not end a sentence."""
_SENTENCE_END = re.compile(
    "".join(rf"(?<!\b{re.escape(s)})" for s in _SHORT)  # not after "No." and the like
    + r"[.!?][)\]\"'”’*_]*\s+(?=[\[(\"'“‘*_]*[A-Z])"
    r"|\n[ \t]*\n"  # a blank line
    r"|\n(?=[ \t]*(?:#|[-*+][ \t]|\d+[.)][ \t]|>|\|))")  # a line that starts a block


def _blanked(text: str) -> str:
    """`text` with what is not prose replaced by spaces (line breaks kept)."""
    return _NOT_PROSE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _sentences(prose: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `prose`."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(prose):
        spans.append((start, m.start() + 1))
        start = m.end()
    spans.append((start, len(prose)))
    return spans


def _words(value: str, case: bool) -> str:
    """A pattern for `value` as a whole word, its spaces matching any run of spaces or a line break;
    the Indonesian suffix "-nya" may follow it ("Kemenko Polhukam-nya")."""
    body = r"\s+".join(re.escape(part) for part in value.split())
    return rf"(?<![\w-])(?{'' if case else 'i'}:{body})(?!\w|-(?!nya(?![\w-])))"


@lru_cache(maxsize=256)
def _pattern(names: tuple[str, ...], abbreviation: str | None) -> re.Pattern:
    parts = [_words(abbreviation, case=True)] if abbreviation else []
    parts += [_words(name, case=False) for name in names]
    return re.compile("|".join(parts))


def _named(agency: Agency) -> re.Pattern:
    return _pattern(tuple(dict.fromkeys(n for n in (agency.name.id, agency.name.en) if n)), agency.abbreviation)


@dataclass(frozen=True)
class Mention:
    """An institution that is no longer active, named as if it were."""

    agency: Agency
    start: int
    text: str


def mentions(text: str, agencies: dict[str, Agency]) -> list[Mention]:
    """Every mention in `text` (Markdown) of an institution that is not active, in a sentence that
    names none of its successors and marks it neither as former nor as changed."""
    gone = [a for a in agencies.values() if not a.active]
    if not gone:
        return []
    prose = _blanked(text)
    found = []
    for start, end in _sentences(prose):
        sentence = prose[start:end]
        for agency in gone:
            hits = list(_named(agency).finditer(sentence))
            if not hits:
                continue
            rest = sentence  # the sentence without the mentions: a name may hold a marker ("dipecah")
            for h in hits:
                rest = rest[:h.start()] + " " * (h.end() - h.start()) + rest[h.end():]
            if _MARKER.search(rest) or any(_named(agencies[s]).search(rest) for s in agency.successors
                                           if s in agencies):
                continue
            found += [Mention(agency, start + h.start(), h.group(0)) for h in hits]
    return sorted(found, key=lambda m: m.start)


def check_page(text: str, shown: str, agencies: dict[str, Agency]) -> list[ContentError]:
    """An error at `shown`:line:col for each mention of an institution named as if still active."""
    errors = []
    for m in mentions(text, agencies):
        a = m.agency
        since = f" on {a.since.isoformat()}" if a.since else ""
        successors = [agencies[s].label("en") if s in agencies else s for s in a.successors]
        carried = (f"its successor{'s are' if len(successors) > 1 else ' is'} {' and '.join(successors)}"
                   if successors else "it has no successor")
        who = " ".join(m.text.split())
        errors.append(ContentError(shown, *position(text, m.start), "", (
            f"'{who}' names {a.label('en')} ({a.id}), which was {a.status}{since}; {carried}. Name the "
            "successor in the same sentence, or mark it as former (dahulu, sebelumnya, formerly, former) "
            "or say what changed (dipisah, split, dibubarkan, dissolved)")))
    return errors
