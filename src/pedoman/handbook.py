"""Print-ready A4 handbooks for trainers: a PDF per guideline and language, and a training pack.

The PDFs come from print templates of their own (templates/handbook/), not from
the web pages, and are laid out by WeasyPrint: cover, table of contents with
page numbers, running header and footer, bookmarks for every section, tables
whose header row repeats, tick boxes, the same SVG diagrams as the site, the
references and an annex of the abbreviations the guideline uses.

Laying out is the slow part of a build (about a minute for the shipped
corpus), so each PDF is cached under a digest of what WeasyPrint is handed:
the whole print HTML (which holds the stylesheet and the diagrams inline) and
WeasyPrint's version. The HTML is made anew by every build, from the current
content, templates and code, so whatever changes a PDF changes its key and
nothing else has to be listed. A rebuild with no change renders nothing; a
change to one guideline renders its two PDFs and the two training packs.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import time
from importlib import metadata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import diagrams, urls
from .words import CATALOGUE, long_date
from .model import LANGUAGES, Guideline, Text, part_anchor, structured_parts
from .render import body_html, text_html
from .translations import text_fields
from .corpus import Corpus

TEMPLATES = Path(__file__).parent / "templates" / "handbook"


UNUSED_DAYS = 14
"""A cached PDF that no build used for this many days is removed."""


@dataclass
class HandbookReport:
    rendered: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("pedoman", "templates/handbook"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def cache_key(html: str) -> str:
    """The name of the PDF WeasyPrint lays out from `html`: a digest of it and of WeasyPrint's version.

    The version is read from the package metadata: importing WeasyPrint takes about
    a second, paid only when a PDF must really be laid out.
    """
    digest = hashlib.sha256(f"weasyprint {metadata.version('weasyprint')}\0".encode())
    digest.update(html.encode("utf-8"))
    return digest.hexdigest()[:32]


def abbreviations_used(g: Guideline, corpus: Corpus, lang: str) -> list[tuple[str, str]]:
    """(term, expansion) of every glossary term that appears as a whole word in `g` in `lang`."""
    text = " ".join(t.get(lang) for _, t in text_fields(g))
    used = [t for t in corpus.terms if re.search(rf"(?<![\w-]){re.escape(t.term)}(?![\w-])", text)]
    return [(t.term, t.expansion.get(lang)) for t in sorted(used, key=lambda t: t.term.lower())]


def _helpers(corpus: Corpus, lang: str, site_url: str | None) -> dict:
    labels = CATALOGUE[lang]

    def text(value: Text | None) -> Markup:
        return text_html(value, lang)

    def body(value: Text) -> Markup:
        return body_html(value, lang)

    def agency(agency_id: str) -> str:
        return corpus.agencies[agency_id].short(lang)

    def diagram(g: Guideline) -> Markup:
        svg = diagrams.for_guideline(g, lang, agency)
        if not svg:
            return Markup("")
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        return Markup('<img class="diagram" alt="{}" src="data:image/svg+xml;base64,{}">').format(
            re.search(r"<title[^>]*>(.*?)</title>", svg).group(1), data)

    def online(g: Guideline) -> str:
        path = urls.page_url(urls.guideline_key(g.kind, g.id), lang)
        return f"{site_url.rstrip('/')}/{path}" if site_url else path

    def parts(g: Guideline) -> list[tuple[str, str]]:
        """(anchor, title) of the working tools, references and annex, for the contents page."""
        found = [(part_anchor(name), labels[name]) for name in structured_parts(g.kind)]
        found.append(("references", labels["references"]))
        if abbreviations_used(g, corpus, lang):
            found.append(("abbreviations", labels["abbreviations"]))
        return found

    return dict(lang=lang, L=labels, corpus=corpus, text=text, body=body,
                agency=agency, diagram=diagram, online=online, parts=parts, plain=lambda v: v.get(lang),
                date=lambda d: long_date(d, lang),
                rec_title=lambda r: corpus.recommendation(r).title.get(lang),
                abbreviations=lambda g: abbreviations_used(g, corpus, lang))


def render_html(corpus: Corpus, guidelines: list[Guideline], lang: str, site_url: str | None = None,
                pack: bool = False) -> str:
    """The print HTML of one guideline (or of the training pack) in `lang`."""
    template = _environment().get_template("handbook.html.j2")
    css = (TEMPLATES / "print.css").read_text(encoding="utf-8")
    return template.render(guidelines=guidelines, pack=pack, css=Markup(css),
                           **_helpers(corpus, lang, site_url))


def _write(html: str, target: Path) -> int:
    import weasyprint

    document = weasyprint.HTML(string=html, base_url=str(TEMPLATES)).render()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    document.write_pdf(partial)
    partial.replace(target)  # an interrupted build must not leave a truncated PDF under a valid key
    return len(document.pages)


def build_pdfs(corpus: Corpus, site_dir: Path | str, cache_dir: Path | str,
               site_url: str | None = None) -> HandbookReport:
    """Write site/pdf/<guideline-id>.<lang>.pdf and site/pdf/pedoman.<lang>.pdf, from cache when unchanged."""
    out, cache = Path(site_dir) / "pdf", Path(cache_dir)
    cache.mkdir(parents=True, exist_ok=True)
    report = HandbookReport()
    start = time.perf_counter()
    jobs = [(f"{g.id}.{lang}.pdf", [g], lang, False) for g in corpus.guidelines for lang in LANGUAGES]
    jobs += [(f"pedoman.{lang}.pdf", corpus.guidelines, lang, True) for lang in LANGUAGES]
    for name, guidelines, lang, pack in jobs:
        html = render_html(corpus, guidelines, lang, site_url, pack)
        cached = cache / f"{cache_key(html)}.pdf"
        if cached.is_file():
            report.cached.append(name)
            os.utime(cached)  # used now: kept by _prune
        else:
            report.pages += _write(html, cached)
            report.rendered.append(name)
        out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, out / name)
    report.seconds = time.perf_counter() - start
    _prune(cache)
    return report


def _prune(cache: Path) -> None:
    """Drop the cached PDFs no build has used for UNUSED_DAYS (a build touches those it uses)."""
    limit = time.time() - UNUSED_DAYS * 86400
    for path in cache.glob("*.pdf"):
        if path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)
