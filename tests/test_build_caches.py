"""What a build keeps between builds besides PDFs and documents: each kept file is found again only
when what it is made from is unchanged, so a rebuild (or the live preview) never shows old text."""

from __future__ import annotations

import filecmp

import pytest

from jinja2 import Environment, FileSystemLoader
from openpyxl import load_workbook

from pedoman import build_crossref, keep_compiled, load_corpus, write_exports
from pedoman.build import Prepared

from conftest import VALID


def _exports(corpus_folder, site, cache=None):
    corpus = load_corpus(corpus_folder)
    write_exports(corpus, build_crossref(corpus), site, cache)
    return site / "data" / "crossref.xlsx"


def _cells(path):
    return [[cell.value for cell in row] for row in load_workbook(path).active.iter_rows()]


def test_the_open_data_workbook_is_kept_and_made_again_when_a_row_changes(corpus_dir, tmp_path):
    cache = tmp_path / "cache"
    first = _exports(corpus_dir, tmp_path / "a", cache)
    assert filecmp.cmp(first, _exports(corpus_dir, tmp_path / "uncached"), shallow=False)
    kept = sorted(cache.glob("crossref-*.xlsx"))
    assert len(kept) == 1
    stamp = kept[0].stat().st_mtime_ns
    again = _exports(corpus_dir, tmp_path / "b", cache)
    assert filecmp.cmp(first, again, shallow=False)
    assert kept[0].stat().st_mtime_ns >= stamp and len(list(cache.glob("crossref-*.xlsx"))) == 1

    guideline = corpus_dir / "formation" / "gt-uji.yaml"
    guideline.write_text(guideline.read_text(encoding="utf-8").replace(
        "title: {id: Dasar hukum,", "title: {id: Landasan hukum,", 1), encoding="utf-8")
    changed = _exports(corpus_dir, tmp_path / "c", cache)
    assert len(list(cache.glob("crossref-*.xlsx"))) == 2
    titles = {cell for row in _cells(changed) for cell in row}
    assert "Landasan hukum" in titles and "Dasar hukum" not in titles
    assert filecmp.cmp(changed, _exports(corpus_dir, tmp_path / "uncached-c"), shallow=False)


def test_a_kept_compiled_template_is_compiled_again_when_its_source_changes(tmp_path):
    templates, cache = tmp_path / "templates", tmp_path / "compiled"
    templates.mkdir()
    (templates / "page.j2").write_text("Halo {{ name }}", encoding="utf-8")

    def render() -> str:
        environment = Environment(loader=FileSystemLoader(str(templates)))  # a new build: nothing in memory
        keep_compiled(environment, cache)
        return environment.get_template("page.j2").render(name="Kupang")

    assert render() == "Halo Kupang"
    assert len(list(cache.iterdir())) == 1
    assert render() == "Halo Kupang"
    (templates / "page.j2").write_text("Selamat datang di {{ name }}", encoding="utf-8")
    assert render() == "Selamat datang di Kupang"


def test_the_build_keeps_the_pages_and_the_themes_compiled_templates(fixture_site):
    kept = list((fixture_site.site.parent / "build" / "render-cache" / "templates").iterdir())
    assert len(kept) > 20  # the pages' templates and the theme's (base.html, partials)


def test_a_language_verdict_is_kept_per_language_and_text():
    from pedoman.content.language import _VERDICTS, misplaced

    english = "The task force meets every quarter to review what the regional action plan has achieved"
    indonesian = "Gugus tugas bertemu setiap triwulan untuk meninjau capaian rencana aksi daerah bersama"
    assert misplaced([("id", english), ("en", english)]) == [0]
    kept = len(_VERDICTS)
    assert misplaced([("id", english)]) == [0] and len(_VERDICTS) == kept  # judged once
    assert misplaced([("id", indonesian), ("en", indonesian)]) == [1]  # a new text is judged, not taken from another


def _side(corpus_folder, site, cache, started=False, **settings):
    """The outputs a build writes beside its pages (pedoman.build._side_outputs), with `settings`;
    `started`: written by the process a build starts at its beginning (`SideWriter`), as `mkdocs build` does."""
    from pedoman import read_settings
    from pedoman.build import SideWriter, _side_outputs

    corpus = load_corpus(corpus_folder)
    prepared = Prepared(corpus, build_crossref(corpus), {}, [], [])
    chosen = read_settings({"pedoman": {"search": False, "pdf": False, "render_cache": str(cache / "render"),
                                        "documents_cache": str(cache / "documents"), **settings}})
    if started:
        prepared.side = SideWriter(corpus, prepared.crossref, chosen, corpus_folder.parent, settings.get("site_url"))
    log = _side_outputs(prepared, site, chosen, corpus_folder.parent, settings.get("site_url"))
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    return files, any("copied from what it kept" in line for line in log)


def test_the_side_outputs_are_kept_whole_and_made_again_when_the_content_changes(corpus_dir, tmp_path):
    cache = tmp_path / "cache"
    first, copied = _side(corpus_dir, tmp_path / "a", cache)
    assert not copied and any(name.startswith("documents/") for name in first) and "data/crossref.csv" in first
    again, copied = _side(corpus_dir, tmp_path / "b", cache)
    assert copied and again == first
    uncached, _ = _side(corpus_dir, tmp_path / "c", tmp_path / "other-cache")
    assert uncached == first

    guideline = corpus_dir / "formation" / "gt-uji.yaml"
    guideline.write_text(guideline.read_text(encoding="utf-8").replace(
        "title: {id: Dasar hukum,", "title: {id: Landasan hukum,", 1), encoding="utf-8")
    changed, copied = _side(corpus_dir, tmp_path / "d", cache)
    assert not copied
    assert "Landasan hukum" in changed["data/crossref.csv"].decode("utf-8-sig")
    assert "Dasar hukum" not in changed["data/crossref.csv"].decode("utf-8-sig")
    assert changed == _side(corpus_dir, tmp_path / "e", tmp_path / "cold")[0]


def test_the_side_outputs_written_in_a_process_of_their_own_are_those_written_in_the_build(corpus_dir, tmp_path):
    """`mkdocs build` writes the side outputs in processes started as soon as the content is valid
    (build.start_outputs, from `prepare`), while the pages are rendered: the same files as written at the
    end of the build, kept under the same key."""
    import multiprocessing

    from pedoman import read_settings
    from pedoman.build import SideWriter

    inline, _ = _side(corpus_dir, tmp_path / "inline", tmp_path / "cache-inline")
    corpus = load_corpus(corpus_dir)
    prepared = Prepared(corpus, build_crossref(corpus), {}, [], [])
    chosen = read_settings({"pedoman": {"render_cache": str(tmp_path / "cache" / "render"),
                                        "documents_cache": str(tmp_path / "cache" / "documents")}})
    writer = SideWriter(corpus, prepared.crossref, chosen, corpus_dir.parent, None)
    working = [process for process, _ in writer.processes]
    assert len(working) == 2 and set(working) <= set(multiprocessing.active_children())  # while pages render
    lines = writer.collect()
    assert not writer.processes and not multiprocessing.active_children()
    assert [line.split(":")[0] for line in lines] == ["drafting kit", "training slides"]
    assert (tmp_path / "cache" / "render" / "outputs" / writer.key).is_dir()
    assert not list((tmp_path / "cache" / "render" / "outputs").glob("*.part"))
    started, copied = _side(corpus_dir, tmp_path / "started", tmp_path / "cache", started=True)
    assert started == inline and copied  # kept by the process: the next build starts none and copies it
    assert SideWriter(corpus, prepared.crossref, chosen, corpus_dir.parent, None).processes == []


def test_an_error_in_the_side_outputs_process_reaches_the_build_and_nothing_is_kept(corpus_dir, tmp_path, monkeypatch):
    from pedoman import BuildError, build, read_settings

    def refuse(*args):
        raise BuildError("guidelines/formation/gt-uji.yaml: feeds: a refused value")

    monkeypatch.setattr(build, "write_feeds", refuse)  # the process starts as a fork: it sees the change
    corpus = load_corpus(corpus_dir)
    prepared = Prepared(corpus, build_crossref(corpus), {}, [], [])
    chosen = read_settings({"pedoman": {"render_cache": str(tmp_path / "render"),
                                        "documents_cache": str(tmp_path / "documents")}})
    writer = build.SideWriter(corpus, prepared.crossref, chosen, corpus_dir.parent, None)
    with pytest.raises(BuildError, match="gt-uji.yaml: feeds: a refused value"):
        writer.collect()
    assert not (tmp_path / "render" / "outputs" / writer.key).exists()

    monkeypatch.setattr(build, "write_feeds", lambda *args: 1 / 0)  # a fault in pedoman, not in the content
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        build.SideWriter(corpus, prepared.crossref, chosen, corpus_dir.parent, None).collect()
    stopped = build.SideWriter(corpus, prepared.crossref, chosen, corpus_dir.parent, None)
    stopped.cancel()  # a failed build stops them (stop_outputs)
    assert stopped.processes == [] and not (tmp_path / "render" / "outputs" / stopped.key).exists()


def test_the_side_outputs_key_holds_code_libraries_paper_address_and_date(corpus_dir, monkeypatch):
    from pedoman import build, read_settings

    corpus = load_corpus(corpus_dir)
    settings = read_settings({"pedoman": {}})
    key = build._outputs_key(corpus, settings, None)
    assert build._outputs_key(corpus, settings, None) == key
    assert build._outputs_key(corpus, settings.model_copy(update={"documents_paper": "a4"}), None) != key
    assert build._outputs_key(corpus, settings, "https://pedoman.example/") != key
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1893456000")  # 2030-01-01
    assert build._outputs_key(corpus, settings, None) != key
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    monkeypatch.setattr(build.codewatch, "code_digest", lambda: "a changed module")
    assert build._outputs_key(corpus, settings, None) != key
    monkeypatch.undo()
    monkeypatch.setattr(build, "OUTPUT_LIBRARIES", (*build.OUTPUT_LIBRARIES, "pytest"))
    assert build._outputs_key(corpus, settings, None) != key


def test_at_most_a_few_output_folders_are_kept(tmp_path):
    from pedoman.cachefolder import KEPT_TREES, kept_tree

    def make(folder):
        folder.mkdir(parents=True)
        (folder / "data.csv").write_text(folder.name, encoding="utf-8")

    for n in range(KEPT_TREES + 2):
        assert not kept_tree(tmp_path / "kept", f"key{n}", make, tmp_path / "site")
    assert kept_tree(tmp_path / "kept", f"key{KEPT_TREES + 1}", make, tmp_path / "site")
    assert len(list((tmp_path / "kept").iterdir())) == KEPT_TREES
    assert (tmp_path / "site" / "data.csv").read_text(encoding="utf-8") == f"key{KEPT_TREES + 1}.part"


def test_the_validated_content_is_kept_and_validated_again_when_an_input_changes(corpus_dir, tmp_path, monkeypatch):
    from pedoman import ContentErrors, build

    kept = tmp_path / "corpus"
    first = build._load(corpus_dir, kept)
    assert len(list(kept.glob("*.pickle"))) == 1
    monkeypatch.setattr(build, "load_corpus", lambda *a: pytest.fail("validated again"))
    again = build._load(corpus_dir, kept)
    assert [g.model_dump() for g in again.guidelines] == [g.model_dump() for g in first.guidelines]
    assert again.paths == first.paths and again.root == first.root
    monkeypatch.undo()

    guideline = corpus_dir / "formation" / "gt-uji.yaml"
    text = guideline.read_text(encoding="utf-8")
    guideline.write_text(text.replace("title: {id: Dasar hukum,", "title: {id: Landasan hukum,", 1), encoding="utf-8")
    changed = build._load(corpus_dir, kept)
    titles = [s.title.id for g in changed.guidelines for s in g.sections]
    assert "Landasan hukum" in titles and "Dasar hukum" not in titles
    assert len(list(kept.glob("*.pickle"))) == 2

    for change in (lambda: monkeypatch.setenv("SOURCE_DATE_EPOCH", "1893456000"),
                   lambda: monkeypatch.setattr(build.codewatch, "code_digest", lambda: "a changed module"),
                   lambda: monkeypatch.setattr(build, "CORPUS_LIBRARIES", (*build.CORPUS_LIBRARIES, "pytest"))):
        change()
        build._load(corpus_dir, kept)
        monkeypatch.undo()
    assert len(list(kept.glob("*.pickle"))) == 5

    guideline.write_text(text.replace("\nversion:", "\nversi:", 1), encoding="utf-8")
    with pytest.raises(ContentErrors):
        build._load(corpus_dir, kept)
    assert len(list(kept.glob("*.pickle"))) == 5  # invalid content is never kept


def test_a_build_keeps_the_validated_content(fixture_site):
    assert len(list((fixture_site.site.parent / "build" / "render-cache" / "corpus").glob("*.pickle"))) == 1


def test_what_loading_a_file_gave_is_kept_per_bytes_and_code(corpus_dir, tmp_path, monkeypatch):
    """A build keeps each content file as loaded (`loader.keep_loaded_in`): the next build parses only the
    files whose bytes changed, and a change in the package's code parses every file again."""
    from pedoman.content import loader

    guideline = corpus_dir / "formation" / "gt-uji.yaml"
    parsed = []
    real = loader._load
    monkeypatch.setattr(loader, "_load", lambda raw, name: parsed.append(name) or real(raw, name))
    try:
        loader.keep_loaded_in(tmp_path / "loaded")
        loader.forget_loaded()
        first = loader.load_yaml(guideline)
        assert parsed == [str(guideline)] and len(list((tmp_path / "loaded").glob("*.pickle"))) == 1
        loader.forget_loaded()  # a new build: nothing in memory
        again = loader.load_yaml(guideline)
        assert parsed == [str(guideline)] and again[0].data == first[0].data and again[1] == first[1]

        guideline.write_text(guideline.read_text(encoding="utf-8").replace(
            "title: {id: Dasar hukum,", "title: {id: Landasan hukum,", 1), encoding="utf-8")
        loader.forget_loaded()
        changed = loader.load_yaml(guideline)
        assert len(parsed) == 2 and "Landasan hukum" in changed[0].text and "Landasan hukum" not in first[0].text

        monkeypatch.setattr(loader.codewatch, "code_digest", lambda: "a changed module")
        loader.keep_loaded_in(tmp_path / "loaded")
        loader.forget_loaded()
        loader.load_yaml(guideline)
        assert len(parsed) == 3 and len(list((tmp_path / "loaded").glob("*.pickle"))) == 3
    finally:
        loader.keep_loaded_in(None)
        loader.forget_loaded()
