"""The live preview renders again only the guideline pages whose inputs changed.

After an editor saves one guideline, the pages of the other guidelines (their page and their
training module's page, about 40 of the site's 130 generated pages and most of the rendering
time) would come out the same. A guideline's pages are kept in memory under a digest of all
they are made from:
- the guideline itself, whole, and its translation records (the "may be outdated" notices);
- the registers every page may cite (recommendations, agencies, glossary, legal instruments,
  services, provinces, reviewed contacts, the record of the 2019 meeting);
- the outline of every guideline that a page may name or link: id, kind, title, summary,
  whether it is fully translated, and each section's id, title and cross-references (the tables
  linking sections to recommendations, agencies and the 5K); not its version, status or date,
  which an editor changes at every save and no other guideline's page prints;
- the template, the page's address, its language and its front matter.
The pages made from the registers and every guideline's outline alone (the recommendation matrix,
each recommendation, the agencies', stakeholders' and coverage tables, the glossary) are kept the same
way, under the registers, the outlines and the newest guideline's date (`Renderer.shared`).
In memory, templates and code need not be in the key: `codewatch` imports the package again when
any of its files changes, which starts an empty cache. On disk (`keep_in`, the build's
`render_cache`), the key also holds a digest of the package's files and the versions of the
libraries that render, so a fresh build re-uses a page only from the same code.
`tests/test_pagecache.py` renders every guideline page with every other guideline's remaining
content changed and finds the page unchanged, so a template that starts reading more fails it
before it can show old text.
"""

from __future__ import annotations

import hashlib
import pickle
from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from pedoman import cachefolder, codewatch

if TYPE_CHECKING:
    from pedoman.content.corpus import Corpus
    from pedoman.content.model import Guideline

KEPT_PAGES = 512
"""Pages kept at most (two languages × two pages per guideline, for a few hundred edits)."""

_KEPT: OrderedDict[str, object] = OrderedDict()


def outline(g: Guideline) -> list:
    """What a page of another guideline may print of `g`: see the module's docstring."""
    sections = [(s.id, s.title.model_dump_json(), s.implements, s.agencies, s.stakeholders, s.services)
                for s in g.sections]
    return [g.id, g.kind, g.title.model_dump_json(), g.summary.model_dump_json(), g.training is not None, sections]


def corpus_digest(corpus: Corpus, untranslated: dict[str, bool]) -> bytes:
    """A digest of the registers and of every guideline's outline (module docstring)."""
    digest = hashlib.sha256()
    for register in (corpus.recommendations, corpus.agencies.values(), corpus.terms, corpus.regulations.values(),
                     corpus.services.values(), corpus.provinces):
        for entry in register:
            digest.update(entry.model_dump_json().encode("utf-8") + b"\0")
    digest.update(corpus.source.model_dump_json().encode("utf-8"))
    digest.update(repr(sorted(corpus.personal_data_reviewed)).encode("utf-8"))
    for g in corpus.guidelines:
        digest.update(repr([outline(g), untranslated[g.id], corpus.paths.get(g.id)]).encode("utf-8"))
    return digest.digest()


def guideline_digest(corpus: Corpus, g: Guideline) -> bytes:
    """A digest of the guideline whole and of its translation records."""
    records = (corpus.reviewed or {}).get(g.id)
    return hashlib.sha256(g.model_dump_json().encode("utf-8") + repr(sorted((records or {}).items())).encode()).digest()


RENDERING_LIBRARIES = ("Jinja2", "Markdown", "nh3", "MarkupSafe", "Babel", "pydantic")
_FOLDER: list[Path] = []


@cache
def _code() -> str:
    """The package's code and the rendering libraries' versions: part of every key kept on disk."""
    return codewatch.code_digest() + repr([metadata.version(name) for name in RENDERING_LIBRARIES])


def keep_in(folder: Path) -> None:
    """Keep pages in `folder` too, for the next build (files no build used for 14 days are removed)."""
    folder.mkdir(parents=True, exist_ok=True)
    cachefolder.prune(folder)
    _FOLDER[:] = [folder]


def kept(key_parts: tuple, make: Callable[[], object]) -> object:
    """The page made by `make`, or the one kept under the same inputs."""
    key = hashlib.sha256(repr((_code(), key_parts)).encode("utf-8")).hexdigest()
    if key in _KEPT:
        _KEPT.move_to_end(key)
        return _KEPT[key]
    path = _FOLDER[0] / f"{key}.pickle" if _FOLDER else None
    if path is not None and path.is_file():
        page = pickle.loads(path.read_bytes())
        cachefolder.used(path)
    else:
        page = make()
        if path is not None:
            partial = cachefolder.partial(path)
            partial.write_bytes(pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL))
            partial.replace(path)
    _KEPT[key] = page
    if len(_KEPT) > KEPT_PAGES:
        _KEPT.popitem(last=False)
    return page


def forget(folder: bool = False) -> None:
    """Empty the cache in memory, and stop using the folder with `folder` (tests compare cold renders)."""
    _KEPT.clear()
    if folder:
        _FOLDER.clear()
