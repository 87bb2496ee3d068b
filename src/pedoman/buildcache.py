"""A previous build's results, reused while neither the content nor pedoman's code changed.

What `site.prepare` and `site.finish` produce (generated pages, navigation,
warnings, glossary expansions, pages with their abbreviations marked, open
data, schemas, PDFs) depends only on the files of the content folder and on
pedoman's own code and libraries. Each build stores it under a key hashing
all of those; a later build with the same key restores it instead of
importing the model, validating and rendering again. Any change to a content
file, to a module or template, or to a library version gives another key, so
a stale result is never served; an unreadable record counts as absent.

A record is a folder `<cache>/<key>/`: `record.json` (plain data) and
`files/<variant>/`, the files `finish` wrote into the site for one variant
(site URL, PDFs on or off). The KEEP most recently used records are kept.

`templates/` holds the compiled page templates (see `render.keep_compiled_templates`).
`memo.json` holds the results of pure functions of the last build (a
Markdown text as HTML, a page's HTML with its abbreviations marked, a
formatted date) under a hash of their inputs and the code; they stay valid
when the content changes, so an edit to one guideline converts only its
changed texts and marks the abbreviations of the pages that changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

KEEP = 4
LIBRARIES = ["pydantic", "PyYAML", "Markdown", "Jinja2", "Babel", "weasyprint"]
PACKAGE = Path(__file__).resolve().parent
_RECORD_NAME = re.compile("[0-9a-f]{32}")


@lru_cache(maxsize=1)
def _code_fingerprint() -> bytes:
    digest = hashlib.sha256(sys.version.encode())
    for name in LIBRARIES:
        digest.update(f"{name}={metadata.version(name)}\0".encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(f"{path.relative_to(PACKAGE)}\0".encode())
            digest.update(path.read_bytes())
    return digest.digest()


def memo_key(*inputs: str) -> str:
    """The key of a pure function's result: its inputs and the code."""
    digest = hashlib.sha1(_code_fingerprint())
    for part in inputs:
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


class Memo:
    """Results of pure functions, from the last build and for the next one.

    `memo(compute, *inputs)` returns what `compute()` returned for the same inputs
    and code in the last build, or calls it. Only the results used in this
    build are stored, so the memo does not grow with edits.
    """

    def __init__(self, cache: Path | None):
        self.cache = cache
        self.saved: dict[str, str] = {}
        self.used: dict[str, str] = {}
        if cache:
            try:
                saved = json.loads((cache / "memo.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                saved = {}
            self.saved = saved if isinstance(saved, dict) else {}

    def __call__(self, compute: Callable[[], str], *inputs: str) -> str:
        digest = memo_key(*inputs)
        if digest not in self.used:
            self.used[digest] = self.saved[digest] if digest in self.saved else compute()
        return self.used[digest]

    def store(self) -> None:
        if self.cache and self.used.keys() != self.saved.keys():
            self.cache.mkdir(parents=True, exist_ok=True)
            _write_atomically(self.cache / "memo.json", json.dumps(self.used, ensure_ascii=False))


def _write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".part")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def key(content: Path) -> str:
    """The key of a build of `content`: its files' names and bytes, and the code."""
    content = Path(content).resolve()
    digest = hashlib.sha256(_code_fingerprint())
    digest.update(f"{content}\0".encode())
    for path in sorted(content.rglob("*")):
        if path.is_file():
            digest.update(f"{path.relative_to(content)}\0{path.stat().st_size}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def variant(site_url: str | None, pdf: bool) -> str:
    """The name under which one combination of `finish` settings keeps its files."""
    return hashlib.sha256(f"{site_url or ''}\0{pdf}".encode()).hexdigest()[:12]


def load(cache: Path, build_key: str) -> dict | None:
    """The record stored under `build_key`, or None."""
    try:
        record = json.loads((cache / build_key / "record.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("key") != build_key:
        return None
    os.utime(cache / build_key)  # most recently used
    return record


def store(cache: Path, build_key: str, record: dict) -> None:
    """Write the record under `build_key` (atomically) and drop the least recently used ones."""
    folder = cache / build_key
    folder.mkdir(parents=True, exist_ok=True)
    _write_atomically(folder / "record.json", json.dumps(record | {"key": build_key}, ensure_ascii=False))
    records = sorted((p for p in cache.iterdir() if p.is_dir() and _RECORD_NAME.fullmatch(p.name)),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in records[KEEP:]:
        if old.name != build_key:
            shutil.rmtree(old, ignore_errors=True)


def keep_files(cache: Path, build_key: str, name: str, site_dir: Path, paths: list[Path]) -> list[str]:
    """Copy `paths` (files inside `site_dir`) into the record's `files/<name>/`; their site paths."""
    folder = cache / build_key / "files" / name
    shutil.rmtree(folder, ignore_errors=True)
    kept = []
    for path in paths:
        rel = path.relative_to(site_dir)
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, folder / rel)
        kept.append(rel.as_posix())
    return kept


def restore_files(cache: Path, build_key: str, name: str, site_dir: Path, kept: list[str]) -> bool:
    """Copy the record's `files/<name>/` back into `site_dir`; False if any is missing."""
    folder = cache / build_key / "files" / name
    if not all((folder / rel).is_file() for rel in kept):
        return False
    for rel in kept:
        (site_dir / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / rel, site_dir / rel)
    return True
