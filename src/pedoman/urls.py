"""Where each page lives: its source file in the staging docs folder and its URL.

A page is named by its key, a path without extension ("guidelines/formation/
gt-provinsi"). Indonesian pages sit at the site root and English ones under
`en/` (mkdocs-static-i18n's suffix layout: `page.md` and `page.en.md`).
Everything that prints a link, in pages or in data exports, asks this module.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

DEFAULT_LANGUAGE = "id"


PACK_NAMES = {"id": "paket-pelatihan", "en": "training-pack"}
"""What a language's training pack is called in its file name, in that language."""


def pack_pdf(lang: str) -> str:
    """The file name of a language's training pack (every guideline in one PDF), under `pdf/`:
    `paket-pelatihan.id.pdf`, `training-pack.en.pdf`."""
    return f"{PACK_NAMES[lang]}.{lang}.pdf"


TRAINING_FILES = ("facilitator", "workbook")
"""A guideline's training PDFs beside its handbook and handout under `pdf/`: the facilitator guide and the
participant workbook."""


def training_pdf(guideline_id: str, part: str, lang: str) -> str:
    """The file name of a training PDF under `pdf/`: `gt-provinsi.facilitator.id.pdf`."""
    assert part in TRAINING_FILES, part
    return f"{guideline_id}.{part}.{lang}.pdf"


def slides_file(guideline_id: str, lang: str) -> str:
    """The file name of a module's slides under `slides/`: `gt-provinsi.id.pptx`."""
    return f"{guideline_id}.{lang}.pptx"


def source_path(key: str, lang: str) -> str:
    """`guidelines/x.md` for Indonesian, `guidelines/x.en.md` for English."""
    return f"{key}.md" if lang == DEFAULT_LANGUAGE else f"{key}.{lang}.md"


def page_url(key: str, lang: str, anchor: str | None = None) -> str:
    """The URL of a page relative to the site root, as MkDocs writes it with directory URLs."""
    path = "" if key == "index" else (key[: -len("/index")] + "/" if key.endswith("/index") else key + "/")
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return prefix + path + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=4096)  # the tables link the same pages from many rows
def relative_url(from_key: str, to_key: str, lang: str, anchor: str | None = None) -> str:
    """A link from one page to another of the same language, relative as MkDocs would write it."""
    here = page_url(from_key, lang) or "./"
    there = page_url(to_key, lang)
    rel = posixpath.relpath("/" + there, "/" + here)
    if there.endswith("/") or there == "":
        rel = rel.rstrip("/") + "/"
    if rel == "./":
        rel = "./"
    return rel + (f"#{anchor}" if anchor else "")


def site_root(from_key: str, lang: str) -> str:
    """The relative way from a page to the site root, where language-neutral files live (data/)."""
    here = page_url(from_key, lang)
    return "../" * here.count("/") or "./"


def source_link(from_key: str, to_key: str) -> str:
    """A relative link from one page's source file to another's, for Markdown links."""
    return posixpath.relpath(f"{to_key}.md", posixpath.dirname(from_key) or ".")


def guideline_key(kind: str, guideline_id: str) -> str:
    return f"guidelines/{kind}/{guideline_id}"


def kind_key(kind: str) -> str:
    return f"guidelines/{kind}/index"


def recommendation_key(rec_id: str) -> str:
    return f"recommendations/{rec_id.lower()}"


GUIDELINES_INDEX = "guidelines/index"
MATRIX = "recommendations/index"
AGENCY_TABLE = "recommendations/agencies"
STAKEHOLDER_TABLE = "recommendations/stakeholders"
COVERAGE = "recommendations/coverage"
GLOSSARY = "glossary"
TRANSLATIONS = "translations"
LEGAL = "legal"
WHATS_NEW = "whats-new"
DRAFTING_KIT = "drafting-kit"
SERVICES = "services"
TRAINING = "training/index"
"""The training page: every module with its duration, its files and its self-check."""


def training_key(guideline_id: str) -> str:
    """A module's page: its timetable, files and the online self-check of its test."""
    return f"training/{guideline_id}"

SERVICES_ANCHORS = frozenset({"due", "national", "provinces"})
"""The anchors of the services page's own parts; each service takes its id as anchor, each province
`province_anchor(id)`, so a service id may be none of these."""


def province_anchor(province_id: str) -> str:
    """A province's part of the services page: `province-ntt`."""
    return f"province-{province_id}"


RESERVED_NAMES = frozenset({
    "index", "en", "id", "pdf", "data", "documents", "schema", "assets", "pagefind", "search", "sw", "sw.js",
    "feed", "sitemap", "manifest", "404", "icons", "stylesheets", "javascripts", "slides", "training",
    "guidelines", "recommendations", "about", "contribute", "how-to-read", "paket-pelatihan", "training-pack",
    *(key.split("/")[0] for key in (GUIDELINES_INDEX, MATRIX, GLOSSARY, TRANSLATIONS, LEGAL, WHATS_NEW, DRAFTING_KIT,
                                    SERVICES)),
    *(key.split("/")[1] for key in (AGENCY_TABLE, STAKEHOLDER_TABLE, COVERAGE)),
})
"""Names of the pages and folders the site writes (at its root, beside guideline pages, and for
PDFs and documents): an id that takes one of them would replace that page or share its folder."""


def glossary_anchor(term: str) -> str:
    """The anchor of a glossary term on the glossary page: case and spacing do not tell two apart."""
    return "-".join(term.lower().split())
