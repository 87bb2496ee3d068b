"""The legal register's upkeep: which instruments are due for a check, and who cites what.

A `checked` date older than twelve months is listed (by `pedoman legal`), never an
error: time passing must not break a build.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING

from pedoman.clock import build_date

if TYPE_CHECKING:
    from pedoman.content.corpus import Corpus
    from pedoman.content.model import Guideline, Reference
    from pedoman.content.registers import Regulation

STALE_AFTER_MONTHS = 12


def stale_before(today: datetime.date, months: int = STALE_AFTER_MONTHS) -> datetime.date:
    """The date `months` before `today` (29 February falls back to the 28th)."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    for day in (today.day, 30, 29, 28):
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def stale(corpus: Corpus, today: datetime.date | None = None) -> list[Regulation]:
    """Instruments whose status was last checked more than twelve months before `today`, oldest first."""
    limit = stale_before(today or build_date())
    return sorted((r for r in corpus.regulations.values() if r.checked < limit), key=lambda r: (r.checked, r.id))


def citations(corpus: Corpus) -> dict[str, list[tuple[Guideline, Reference]]]:
    """Register id → every (guideline, citation) naming it, in register and corpus order."""
    found: dict[str, list] = {rid: [] for rid in corpus.regulations}
    for g in corpus.guidelines:
        for ref in g.references:
            if ref.regulation is not None:
                found[ref.regulation].append((g, ref))
    return found


# --- how an instrument is named ------------------------------------------------

_TYPE_WORD = {"UU": "reg_uu", "Perppu": "reg_perppu", "PP": "reg_pp", "Perpres": "reg_perpres", "Permen": "reg_issuer",
              "Perma": "reg_perma", "Perban": "reg_issuer", "Perda": "reg_perda", "Pergub": "reg_issuer",
              "Perbup": "reg_issuer"}
STATUS_WORD = {"in-force": "status_in_force", "amended": "status_amended", "revoked": "status_revoked",
               "replaced": "status_replaced"}
"""The catalogue word of each status (words.yaml)."""


def name(reg: Regulation, lang: str, words) -> str:
    """The instrument's full name: `Undang-Undang Nomor 21 Tahun 2007 tentang …` / `Law No. 21 of 2007 on …`."""
    title = reg.title.get(lang)
    if reg.type == "international":
        return f"{title} ({reg.year})"
    kind = words[_TYPE_WORD[reg.type]].format(issuer=reg.issuer.get(lang) if reg.issuer else "")
    number = words["reg_number"].format(number=reg.number, year=reg.year)
    return f"{kind} {number} {words['reg_about']} {title}"


def short_name(reg: Regulation, lang: str, words) -> str:
    """`UU 21/2007`, `Permen 10/2012`, or an international instrument's year and title."""
    if reg.type == "international":
        return f"{reg.title.get(lang)} ({reg.year})"
    return f"{reg.type} {reg.number}/{reg.year}"


def amendments(reg: Regulation, corpus: Corpus, lang: str, words) -> str:
    """`sebagaimana telah diubah dengan PP 35/2020` for an amended instrument, else ""."""
    if not reg.amended_by:
        return ""
    names = [short_name(corpus.regulations[a], lang, words) for a in reg.amended_by]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {words['and']} {names[-1]}"
    return f"{words['as_amended_by']} {listed}"


_ARTICLE_PARTS = re.compile(r"\b(Pasal|ayat|huruf|angka|dan)\b")
_ARTICLE_WORDS = {"Pasal": "law_article", "ayat": "law_paragraph", "huruf": "law_letter", "angka": "law_point",
                  "dan": "and"}


def article(cited: str, words) -> str:
    """The articles a citation names, written in Indonesian as the instrument numbers them
    ("Pasal 6 ayat (6)", "Pasal 48, Pasal 49, dan Pasal 50"), in the words of `words`' language."""
    return _ARTICLE_PARTS.sub(lambda match: words[_ARTICLE_WORDS[match.group(1)]], cited)


def citation(ref: Reference, corpus: Corpus, lang: str, words) -> dict:
    """What a page or a PDF prints for one citation of a register instrument, as plain texts."""
    reg = corpus.regulations[ref.regulation]
    status = words[STATUS_WORD[reg.status]]
    if reg.replaced_by:
        status += f" ({words['replaced_by']} {short_name(corpus.regulations[reg.replaced_by], lang, words)})"
    return {
        "id": reg.id,
        "name": name(reg, lang, words),
        "amended": amendments(reg, corpus, lang, words),
        "article": article(ref.article, words) if ref.article else "",
        "note": ref.note.get(lang) if ref.note else "",
        "historical": ref.historical.get(lang) if ref.historical else "",
        "status": status,
        "status_key": reg.status,
        "checked": reg.checked,
        "url": reg.url or "",
    }


def regulations_data(corpus: Corpus) -> dict:
    """The register with who cites what, in the shape published at data/regulations.json."""
    from pedoman import urls

    cited = citations(corpus)

    def text(value):
        return None if value is None else {"id": value.id, "en": value.en}

    return {"regulations": [
        {
            "id": r.id, "type": r.type, "issuer": text(r.issuer), "number": r.number, "year": r.year,
            "title": text(r.title), "status": r.status, "amended_by": list(r.amended_by),
            "replaced_by": r.replaced_by, "status_note": text(r.status_note), "checked": r.checked.isoformat(),
            "published": text(r.published), "url": r.url,
            "cited_by": [{"guideline": g.id, "article": ref.article,
                          "url": {lang: urls.page_url(urls.guideline_key(g.kind, g.id), lang, "references")
                                  for lang in ("id", "en")}}
                         for g, ref in cited[r.id]],
        }
        for r in corpus.regulations.values()
    ]}
