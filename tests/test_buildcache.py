"""The build cache: a rebuild with nothing changed restores the previous build's work;
any change to the content is built anew, and a damaged cache is only a slower build."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, VALID, build_site
from pedoman import buildcache, finish, prepare
from pedoman.project import ROOT
from sitecheck import soup

RESTORED = "from the build cache:"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "guidelines"
    shutil.copytree(VALID, target)
    return target


def site_files(site: Path) -> dict[str, bytes | dict]:
    """Every built file but the gzipped sitemap, whose header holds the time it was written.

    Pagefind lists the languages of its entry file in no fixed order: that file is compared parsed.
    """
    files: dict[str, bytes | dict] = {}
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if name == "pagefind/pagefind-entry.json":
            files[name] = json.loads(path.read_bytes())
        elif path.is_file() and path.name != "sitemap.xml.gz":
            files[name] = path.read_bytes()
    return files


def test_a_rebuild_restores_the_same_site_from_the_cache(tmp_path, content):
    project = tmp_path / "project"
    first = build_site(project, content)
    assert first.returncode == 0, first.output
    assert RESTORED not in first.output
    second = build_site(project, content, tmp_path / "second-site")
    assert second.returncode == 0, second.output
    assert RESTORED in second.output
    first_files, second_files = site_files(first.site), site_files(second.site)
    assert any(name.startswith("pdf/") for name in second_files)
    assert any(name.startswith("data/") for name in second_files)
    assert second_files.keys() == first_files.keys()
    assert [n for n in first_files if first_files[n] != second_files[n]] == []


def test_an_edit_after_a_cached_build_is_built(tmp_path, content):
    project = tmp_path / "project"
    assert build_site(project, content).returncode == 0
    path = content / "formation" / "gt-uji.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{id: Pembentukan gugus tugas provinsi,", "{id: Pembentukan gugus tugas NTT,"),
                    encoding="utf-8")
    assert "Pembentukan gugus tugas NTT" in path.read_text(encoding="utf-8")
    build = build_site(project, content)
    assert build.returncode == 0, build.output
    assert RESTORED not in build.output
    assert soup(build.site, "guidelines/formation/gt-uji/").h1.get_text(strip=True) == "Pembentukan gugus tugas NTT¶"


def test_invalid_content_after_a_cached_build_still_stops_the_build(tmp_path, content):
    project = tmp_path / "project"
    assert build_site(project, content).returncode == 0
    shutil.copy(FIXTURES / "invalid" / "unknown-recommendation.yaml", content / "formation")
    build = build_site(project, content)
    assert build.returncode != 0
    assert "unknown recommendation 'R13'" in build.output
    assert "Traceback" not in build.output


@pytest.mark.parametrize("damage", ["truncated", "deleted files"])
def test_a_damaged_cache_is_rebuilt(tmp_path, content, damage):
    project = tmp_path / "project"
    first = build_site(project, content)
    assert first.returncode == 0
    (record,) = (project / "build" / "cache").glob("*/record.json")
    if damage == "truncated":
        record.write_text(record.read_text(encoding="utf-8")[:100], encoding="utf-8")
    else:
        shutil.rmtree(record.parent / "files")
    build = build_site(project, content, tmp_path / "rebuilt")
    assert build.returncode == 0, build.output
    assert RESTORED not in build.output
    assert site_files(build.site) == site_files(first.site)


def test_a_restored_build_does_not_import_the_model_or_the_renderer(tmp_path, content):
    cache, staging, site = tmp_path / "cache", tmp_path / "staging", tmp_path / "site"
    finish(prepare(content, ROOT / "docs", staging, cache), site, None, search=False)
    script = (
        "import sys\nfrom pathlib import Path\nimport pedoman\n"
        f"p = pedoman.prepare(Path({str(content)!r}), Path({str(ROOT / 'docs')!r}), Path({str(staging)!r}), "
        f"Path({str(cache)!r}))\n"
        f"print(p.record is not None, pedoman.finish(p, Path({str(site)!r}), None, search=False))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'babel', 'weasyprint')\n"
        "      or m in ('pedoman.model', 'pedoman.render', 'pedoman.validate')))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    restored, imported = run.stdout.splitlines()
    assert restored.startswith("True") and RESTORED in restored
    assert imported == "[]"


def test_the_key_follows_every_content_file(content):
    key = buildcache.key(content)
    assert buildcache.key(content) == key
    path = content / "glossary.yaml"
    original = path.read_bytes()
    path.write_bytes(original + b"\n")
    assert buildcache.key(content) != key
    path.write_bytes(original)
    assert buildcache.key(content) == key
    path.rename(content / "glossary-renamed.yaml")
    assert buildcache.key(content) != key


def test_only_the_most_recently_used_records_are_kept(tmp_path):
    (tmp_path / "templates").mkdir()
    keys = [f"{i:032x}" for i in range(buildcache.KEEP + 2)]
    for age, key in enumerate(keys):
        buildcache.store(tmp_path, key, {"n": age})
        os.utime(tmp_path / key, (1_000_000 + age, 1_000_000 + age))
    assert buildcache.load(tmp_path, keys[0]) is None  # dropped when later records came
    assert buildcache.load(tmp_path, keys[-1]) == {"n": len(keys) - 1, "key": keys[-1]}
    assert len([p for p in tmp_path.iterdir() if p.is_dir()]) == buildcache.KEEP + 1  # and templates/


def test_memoized_results_are_reused_and_only_those_used_are_kept(tmp_path):
    memo = buildcache.Memo(tmp_path)
    assert memo(lambda: "one", "a") == "one"
    assert memo(lambda: "two", "b") == "two"
    memo.store()
    again = buildcache.Memo(tmp_path)
    assert again(lambda: pytest.fail("computed again"), "a") == "one"
    assert again(lambda: "three", "c") == "three"
    again.store()
    assert buildcache.Memo(tmp_path).saved == {buildcache.memo_key("a"): "one", buildcache.memo_key("c"): "three"}


def test_a_build_after_an_edit_reuses_marked_abbreviations(tmp_path, content):
    prepared = prepare(content, ROOT / "docs", tmp_path / "staging", tmp_path / "cache")
    html = "<p>GT menangani TPPO.</p>"
    marked = prepared.abbreviate(html, "id")
    assert '<abbr title="' in marked
    finish(prepared, tmp_path / "site", None, search=False)
    path = content / "formation" / "gt-uji.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    again = prepare(content, ROOT / "docs", tmp_path / "staging", tmp_path / "cache")
    assert again.record is None  # the content changed
    assert again.memo(lambda: pytest.fail("computed again"), "abbr", again._tables["id"], html) == marked
    assert again.abbreviate(html, "en") != marked  # another language is another input
