"""The staging docs folder MkDocs reads: hand-written pages plus generated ones.

Files are written only when their content changed and stale ones are removed,
so `mkdocs serve`, which watches this folder, sees no change after a rebuild
that changed nothing (and does not loop).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .errors import BuildError


def sync_folder(target: Path, docs: Path, generated: dict[str, str]) -> int:
    """Make `target` hold exactly `docs`' files plus `generated` (path → text).

    Returns the number of files written. A generated page may not shadow a
    hand-written one.
    """
    wanted: dict[Path, bytes | Path] = {}
    for src in sorted(docs.rglob("*")):
        if src.is_file():
            wanted[src.relative_to(docs)] = src
    for rel, text in generated.items():
        if Path(rel) in wanted:
            raise BuildError(f"{docs / rel}: this page is generated from the content; remove the hand-written file")
        wanted[Path(rel)] = text.encode("utf-8")

    written = 0
    target.mkdir(parents=True, exist_ok=True)
    for rel, content in wanted.items():
        dest = target / rel
        data = content.read_bytes() if isinstance(content, Path) else content
        if dest.is_file() and dest.read_bytes() == data:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(dest)
        written += 1
    for existing in sorted(target.rglob("*"), reverse=True):
        rel = existing.relative_to(target)
        if existing.is_file() and rel not in wanted:
            existing.unlink()
        elif existing.is_dir() and not any(existing.iterdir()):
            shutil.rmtree(existing)
    return written
