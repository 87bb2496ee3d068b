"""The live preview's page cache (site/pagecache.py) never shows old text: a guideline's pages are
made only from what their key holds, and any change to that gives a new page."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from pedoman import build_crossref, load_corpus
from pedoman.content.model import GUIDELINE_MODELS
from pedoman.presentation.words import LANGUAGES
from pedoman.site import pagecache
from pedoman.site.render import Renderer
from pedoman import urls

from conftest import ROOT

CORPUS = load_corpus(ROOT / "guidelines")
OUTLINE_TEXTS = {("title",), ("summary",)}
"""The texts of a guideline that its outline holds (with each section's title): other pages may print them."""


def _changed(value, path=()):
    """`value` (a guideline dumped to plain data) with every text outside its outline changed."""
    if isinstance(value, dict) and set(value) <= {"id", "en"} and "id" in value:
        keep = path in OUTLINE_TEXTS or (len(path) == 3 and path[0] == "sections" and path[2] == "title")
        return value if keep else {k: (v + " berubah" if v else v) for k, v in value.items()}
    if isinstance(value, dict):
        return {k: _changed(v, (*path, k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_changed(v, (*path, i)) for i, v in enumerate(value)]
    return value


def _restamped(value: dict, days: int = 1) -> dict:
    """`value` (a guideline dumped to plain data) in a later version, with the other status, `days` later:
    what an editor changes at every save, and what no other guideline's page prints."""
    version, day = value["version"] + ".9", value["updated"] + datetime.timedelta(days=days)
    changes = [dict(value["changes"][0], version=version, date=day), *value["changes"][1:]]
    status = "draft" if value["status"] == "approved" else "approved"
    return value | {"version": version, "updated": day, "status": status, "changes": changes}


def _with_changed(corpus, except_id=None, days=1):
    guidelines = [g if g.id == except_id else
                  GUIDELINE_MODELS[g.kind].model_validate(_restamped(_changed(g.model_dump()), days))
                  for g in corpus.guidelines]
    return dataclasses.replace(corpus, guidelines=guidelines)


def _own_pages(corpus, g_id: str) -> dict:
    """Guideline `g_id`'s page, its training module's page and its documents' listing, in each language,
    rendered cold."""
    pagecache.forget(folder=True)
    renderer = Renderer(corpus, build_crossref(corpus))
    g = next(g for g in corpus.guidelines if g.id == g_id)
    out = {}
    for lang in LANGUAGES:
        out[("page", lang)] = renderer.render(f"{g.kind}.md.j2", urls.guideline_key(g.kind, g.id), lang,
                                             renderer.own_meta(g, g.summary.get(lang)), g=g).markdown
        if g.training:
            out[("module", lang)] = renderer.render("training_module.md.j2", urls.training_key(g.id), lang,
                                                    renderer.own_meta(g, g.training.audience.get(lang)), g=g).markdown
        out[("documents", lang)] = repr(renderer.listing(g, lang))
    return out


@pytest.mark.parametrize("g_id", [g.id for g in CORPUS.guidelines])
def test_a_guideline_page_reads_nothing_of_another_guideline_beyond_its_outline(g_id):
    assert _own_pages(_with_changed(CORPUS, except_id=g_id), g_id) == _own_pages(CORPUS, g_id)


def test_the_change_used_above_does_change_the_guidelines_own_pages():
    g_id = CORPUS.guidelines[0].id
    before, after = _own_pages(CORPUS, g_id), _own_pages(_with_changed(CORPUS), g_id)
    assert all(before[k] != after[k] for k in before if k[0] != "documents" or before[k] != "[]")


def _agency_renamed(corpus):
    agency_id = corpus.guidelines[0].sections[0].agencies[0]
    agency = corpus.agencies[agency_id]
    renamed = agency.model_copy(update={"name": agency.name.model_copy(update={"id": agency.name.id + " Baru"})})
    return dataclasses.replace(corpus, agencies=corpus.agencies | {agency_id: renamed}), renamed.name.id


def _pages(corpus):
    return {(p.key, p.lang): p for p in Renderer(corpus, build_crossref(corpus)).pages()}


def test_a_kept_page_is_used_only_while_its_inputs_are_unchanged():
    pagecache.forget(folder=True)
    g = CORPUS.guidelines[0]
    key = (urls.guideline_key(g.kind, g.id), "id")
    first = _pages(CORPUS)
    assert _pages(CORPUS)[key] is first[key]  # kept

    renamed, new_name = _agency_renamed(CORPUS)
    pages = _pages(renamed)
    assert new_name in pages[key].markdown and pages[key].markdown != first[key].markdown

    edited = _with_changed(CORPUS)
    assert _pages(edited)[key].markdown != first[key].markdown
    pagecache.forget()
    assert _pages(edited)[key].markdown == _pages(edited)[key].markdown


def test_a_fresh_build_finds_a_page_kept_on_disk_only_from_the_same_inputs_and_code(tmp_path, monkeypatch):
    g = CORPUS.guidelines[0]
    key = (urls.guideline_key(g.kind, g.id), "en")
    pagecache.forget(folder=True)
    pagecache.keep_in(tmp_path)
    first = _pages(CORPUS)[key]
    files = sorted(tmp_path.glob("*.pickle"))
    # per guideline its page, module page and documents; the matrix, each recommendation, three tables and the
    # glossary: each in two languages
    assert len(files) == 6 * len(CORPUS.guidelines) + 2 * (len(CORPUS.recommendations) + 5)

    rendered, render = [], Renderer.render
    monkeypatch.setattr(Renderer, "render", lambda self, template, *a, **k: rendered.append(template)
                        or render(self, template, *a, **k))
    pagecache.forget()  # a new process: nothing in memory
    again = _pages(CORPUS)[key]
    assert again is not first and again.markdown == first.markdown
    per_guideline = {f"{kind}.md.j2" for kind in {g.kind for g in CORPUS.guidelines}} | {"training_module.md.j2"}
    shared = {"matrix.md.j2", "recommendation.md.j2", "agencies.md.j2", "stakeholders.md.j2", "coverage.md.j2",
              "glossary.md.j2"}
    assert rendered and not (per_guideline | shared) & set(rendered)  # the other pages are rendered every build

    pagecache.forget()
    monkeypatch.setattr(pagecache, "_code", lambda: "other code")
    pagecache.keep_in(tmp_path)
    _pages(CORPUS)
    assert per_guideline | shared <= set(rendered)
    assert len(list(tmp_path.glob("*.pickle"))) == 2 * len(files)  # other code: nothing was found, all kept anew
    pagecache.forget(folder=True)


SHARED = ("recommendations/", "glossary")
"""Pages made from the registers and every guideline's outline alone (Renderer.shared), by their key."""


def _shared_pages(corpus) -> dict:
    pagecache.forget(folder=True)
    pages = {(p.key, p.lang): p.markdown for p in Renderer(corpus, build_crossref(corpus)).pages()
             if isinstance(p.key, str) and p.key.startswith(SHARED)}
    pagecache.forget(folder=True)
    return pages


def test_the_register_pages_read_nothing_of_a_guideline_beyond_its_outline():
    pages = _shared_pages(CORPUS)
    assert len(pages) == 2 * (len(CORPUS.recommendations) + 5)  # and the matrix, three tables and the glossary
    assert _shared_pages(_with_changed(CORPUS, days=0)) == pages  # the newest date is in their key


def test_a_register_page_changes_with_a_sections_cross_references():
    g = CORPUS.guidelines[0]
    section = g.sections[0].model_copy(update={"implements": [r for r in ("R01", "R12") if r not in g.sections[0].implements][:1]
                                               + g.sections[0].implements})
    changed = dataclasses.replace(CORPUS, guidelines=[g.model_copy(update={"sections": [section, *g.sections[1:]]}),
                                                      *CORPUS.guidelines[1:]])
    before, after = _shared_pages(CORPUS), _shared_pages(changed)
    assert before[("recommendations/index", "id")] != after[("recommendations/index", "id")]
