"""The print HTML of trainers' PDFs: a handbook and a one-sheet handout per guideline and language,
and the front matter of a training pack per language.

The PDFs come from print templates of their own (templates/), not from the web
pages: cover with a QR code to the page online, table of contents with page
numbers, running header and footer, bookmarks for every section, tables whose
header row repeats, tick boxes, the same SVG diagrams as the site (split at a
step boundary when taller than a page), the documents to fill in that come with
the guideline (drafting kit), the references and an annex of the abbreviations
the guideline uses. `pdfbuild` lays the HTML out as PDFs.
"""

from __future__ import annotations

import base64
import math
import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from pedoman import urls
from pedoman.content import legal
from pedoman.content.corpus import Corpus
from pedoman.content.model import Guideline, Text, part_anchor, structured_parts
from pedoman.content.translations import text_fields
from pedoman.documents import kit as drafting
from pedoman.presentation import contacts, diagrams
from pedoman.presentation.html import body_html, text_html
from pedoman.presentation.words import CATALOGUE, long_date
from pedoman.print import handout, qr

TEMPLATES = Path(__file__).parent / "templates"


DEFAULT_AUTHOR = "Gugus Tugas PP-TPPO"


CONTENT_WIDTH_MM = 174
"""A4 less the page margins of print.css: the width a diagram is printed at."""


DIAGRAM_MAX_MM = 210
"""The tallest a diagram may be printed: a page's content area (255 mm) less a heading, the
caption and the margins. A taller diagram is split at a step boundary and continues on the next page."""


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("pedoman.print", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def abbreviations_used(g: Guideline, corpus: Corpus, lang: str) -> list[tuple[str, str]]:
    """(term, expansion) of every glossary term that appears as a whole word in `g` in `lang`."""
    used = _terms_in(" ".join(t.get(lang) for _, t in text_fields(g)), tuple(t.term for t in corpus.terms))
    return [(t.term, t.expansion.get(lang)) for t in sorted(corpus.terms, key=lambda t: t.term.lower())
            if t.term in used]


@lru_cache(maxsize=256)
def _terms_in(text: str, terms: tuple[str, ...]) -> frozenset[str]:
    """The `terms` that appear in `text` as whole words. Asked for three times per handbook (its
    contents, its annex and the pack's contents), so remembered for the same text and terms."""
    return frozenset(term for term in terms  # the plain substring test first: it rules out most terms quickly
                     if term in text and re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text))


def _svg_size(svg: str) -> tuple[float, float]:
    width, height = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups()
    return float(width), float(height)


def diagram_parts(g: Guideline, lang: str, agency) -> list[tuple[str, range]]:
    """The guideline's diagram as SVGs that each fit on a printed page, with the steps each shows:
    the whole diagram when it fits, otherwise runs of consecutive steps of about equal length
    (numbered as in the whole)."""
    count = diagrams.step_count(g)
    if not count:
        return []

    def fits(svg: str) -> bool:
        width, height = _svg_size(svg)
        return height * CONTENT_WIDTH_MM / width <= DIAGRAM_MAX_MM

    whole = diagrams.for_guideline(g, lang, agency)
    if fits(whole):
        return [(whole, range(count))]
    runs, start = [], 0  # greedy: as many steps as fit, to learn how many pages are needed
    while start < count:
        end = start + 1
        while end < count and fits(diagrams.for_guideline(g, lang, agency, range(start, end + 1))):
            end += 1
        runs.append(range(start, end))
        start = end
    size = math.ceil(count / len(runs))  # then the same number of steps on each page, if that fits
    even = [range(i, min(i + size, count)) for i in range(0, count, size)]
    parts = [diagrams.for_guideline(g, lang, agency, r) for r in even]
    if len(even) == len(runs) and all(fits(p) for p in parts):
        return list(zip(parts, even))
    return [(diagrams.for_guideline(g, lang, agency, r), r) for r in runs]


def _svg_img(svg: str) -> Markup:
    """An <img> of an inline SVG; its title and description are the figure's text alternative."""
    title = re.search(r"<title[^>]*>(.*?)</title>", svg, re.DOTALL).group(1)
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.DOTALL)
    alt = Markup(f"{title}. {desc.group(1)}" if desc else title).unescape()
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return Markup('<img class="diagram" alt="{}" src="data:image/svg+xml;base64,{}">').format(alt, data)


def _helpers(corpus: Corpus, lang: str, site_url: str | None, author: str) -> dict:
    labels = CATALOGUE[lang]

    def text(value: Text | None) -> Markup:
        return text_html(value, lang)

    def body(value: Text) -> Markup:
        return body_html(value, lang)

    def short_name(agency_id: str) -> str:
        return corpus.agencies[agency_id].short(lang)

    def term_in_id(term: str) -> Markup:
        """An Indonesian abbreviation or term, marked as Indonesian in a file in another language."""
        return Markup('<span lang="id">{}</span>').format(term) if lang != "id" else escape(term)

    indonesian = {a.abbreviation for a in corpus.agencies.values() if a.abbreviation and a.level != "international"}

    def term(word: str) -> Markup:
        """A term of a key to abbreviations: marked as Indonesian when it is an Indonesian institution's
        abbreviation (the glossary does not record its terms' language)."""
        return term_in_id(word) if word in indonesian else escape(word)

    def agency(agency_id: str) -> Markup:
        """The agency's abbreviation or, without one, its name in `lang`. The abbreviation of an
        Indonesian institution is Indonesian and marked so; an international body's (IOM) is not."""
        found = corpus.agencies[agency_id]
        label = found.short(lang)  # the register says how an agency is named in short (registers.py)
        if not found.abbreviation or found.level == "international":
            return escape(label)
        return term_in_id(label)

    def diagram(g: Guideline) -> Markup:
        parts = diagram_parts(g, lang, short_name)
        if len(parts) == 1:
            return _svg_img(parts[0][0])
        count = diagrams.step_count(g)  # in parts: each says which steps it shows
        return Markup("").join(
            Markup('<figure class="diagram-part">{}<figcaption>{}</figcaption></figure>').format(
                _svg_img(svg), labels["diagram_part"].format(first=r.start + 1, last=r.stop, total=count))
            for svg, r in parts)

    def online(g: Guideline) -> str | None:
        """The guideline's page online in this language; None when the site's address is not set."""
        if not site_url:
            return None
        return f"{site_url.rstrip('/')}/{urls.page_url(urls.guideline_key(g.kind, g.id), lang)}"

    def qr_code(g: Guideline) -> Markup:
        address = online(g)
        return qr.img(address, f"{labels['qr_code']}: {address}") if address else Markup("")

    listed: dict[str, list[dict]] = {}

    def documents(g: Guideline) -> list[dict]:
        """The documents to fill in that come with the guideline, in this language (documents.listing),
        each with `address`: the file's address online when the site's address is set, otherwise
        its path within the site (documents/<id>/<name>.<lang>.<format>)."""
        if g.id not in listed:
            listed[g.id] = [item | {"address": f"{site_url.rstrip('/')}/{item['path']}" if site_url else item["path"]}
                            for item in drafting.listing(corpus, g, lang)]
        return listed[g.id]

    def parts(g: Guideline) -> list[tuple[str, str]]:
        """(anchor, title) of the working tools, documents to fill in, references and annex, for the
        contents page."""
        found = [(part_anchor(name), labels[name]) for name in structured_parts(g.kind)]
        if documents(g):
            found.append(("documents", labels["documents_box"]))
        found.append(("references", labels["references"]))
        found.append(("changes", labels["change_history"]))
        if abbreviations_used(g, corpus, lang):
            found.append(("abbreviations", labels["abbreviations"]))
        return found

    def procedure(g: Guideline) -> str:
        """The title of the guideline's procedure: its steps, stages, workflow or due diligence."""
        return labels[{"formation": "steps", "victim-assistance": "stages", "cooperation": "workflow",
                       "corporate-engagement": "due_diligence"}[g.kind]]

    def keywords(guidelines: list[Guideline]) -> str:
        found = ["GT PP-TPPO", "TPPO"]
        for g in guidelines:
            found += [labels[g.kind], *(r for s in g.sections for r in s.implements)]
        return ", ".join(dict.fromkeys(found))

    def cite(ref) -> dict:
        return legal.citation(ref, corpus, lang, labels)

    return dict(lang=lang, L=labels, corpus=corpus, text=text, body=body, author=author, cite=cite,
                agency=agency, short_name=short_name, term_in_id=term_in_id, term=term, diagram=diagram, procedure=procedure,
                online=online, qr_code=qr_code, parts=parts,
                documents=documents, site_url=site_url,
                plain=lambda v: v.get(lang), keywords=keywords, ways=lambda channel: contacts.ways(channel, lang),
                date=lambda d: long_date(d, lang),
                rec_title=lambda r: corpus.recommendation(r).title.get(lang),
                abbreviations=lambda g: abbreviations_used(g, corpus, lang))


def _css() -> Markup:
    return Markup((TEMPLATES / "print.css").read_text(encoding="utf-8"))


def render_html(corpus: Corpus, guidelines: list[Guideline], lang: str, site_url: str | None = None,
                pack: bool = False, author: str = DEFAULT_AUTHOR) -> str:
    """The print HTML of one guideline's handbook in `lang`, or with `pack` the front matter of the
    training pack (cover and contents) of `guidelines`, with [[page:anchor]] where a number goes."""
    template = _environment().get_template("pack.html.j2" if pack else "handbook.html.j2")
    return template.render(guidelines=guidelines, css=_css(), **_helpers(corpus, lang, site_url, author))


def render_handout(corpus: Corpus, g: Guideline, lang: str, site_url: str | None = None,
                   author: str = DEFAULT_AUTHOR) -> str:
    """The print HTML of the guideline's handout: one A4 sheet of its steps, who acts, what to
    check, the abbreviations it uses and where to report (what it holds: `handout.plan`)."""
    helpers = _helpers(corpus, lang, site_url, author)
    labels = helpers["L"]
    head = [f"{labels['handout']} · {labels[g.kind]}", g.title.get(lang),
            f"{labels['version']} {g.version} · {labels[g.status]} · {long_date(g.updated, lang)} · {author}"]
    if helpers["online"](g):
        head.append(f"{labels['handout_full']}: {helpers['online'](g)}")
    sheet = handout.plan(g, corpus, lang, helpers["short_name"], head, helpers["procedure"](g))
    template = _environment().get_template("handout.html.j2")
    return template.render(g=g, css=_css(), sheet=sheet, head=head, geometry=handout.GEOMETRY, **helpers)
