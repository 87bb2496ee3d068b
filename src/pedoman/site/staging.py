"""The staging docs folder MkDocs reads: hand-written pages plus generated ones.

Files are written only when their content changed and stale ones are removed,
so `mkdocs serve`, which watches this folder, sees no change after a rebuild
that changed nothing (and does not loop).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pedoman.content.characters import refused_character
from pedoman.content.institutions import check_page
from pedoman.content.loader import position
from pedoman.content.privacy import find_personal_data
from pedoman.errors import BuildError, ContentError, ContentErrors

TEXT_SUFFIXES = (".md", ".css", ".js", ".html", ".svg", ".txt", ".json")
"""Hand-written files read as text: checked like content for characters and personal data."""


def hand_written(docs: Path, reviewed: frozenset[str] = frozenset(), agencies: dict | None = None) -> dict[Path, bytes]:
    """Every file under `docs` (relative path → bytes), read only if it is a regular file.

    Raises `ContentErrors` for a symbolic link (never followed: a link to `.git/config` would
    otherwise be published), for a text page holding a character no output can print or
    personal data, and, given the corpus' `agencies`, for a Markdown page naming an institution
    that was renamed, merged, split or dissolved as if it still acted (`content.institutions`),
    each at file:line:col, as for content files."""
    files: dict[Path, bytes] = {}
    errors: list[ContentError] = []
    for folder, dirs, names in os.walk(docs):
        for name in sorted(dirs + names):
            path = Path(folder, name)
            shown = str(path.relative_to(docs.parent))
            if path.is_symlink():
                errors.append(ContentError(shown, 1, 1, "", "a symbolic link; pages and assets must be regular "
                                           "files inside the docs folder (copy the file here instead)"))
                continue
            if name not in names:
                continue
            data = path.read_bytes()
            files[path.relative_to(docs)] = data
            if path.suffix in TEXT_SUFFIXES:
                text = data.decode("utf-8", errors="replace").replace("\r\n", "\n")  # a CR ending a line is no error
                refused = refused_character(text)
                if refused:
                    errors.append(ContentError(shown, *position(text, refused[0]), "", refused[1]))
                for finding in find_personal_data(text, reviewed):
                    errors.append(ContentError(shown, *position(text, text.find(finding.value)), "", finding.message()))
                if agencies and path.suffix == ".md":
                    errors += check_page(text, shown, agencies)
        dirs[:] = sorted(d for d in dirs if not Path(folder, d).is_symlink())
    if errors:
        raise ContentErrors(errors)
    return files


def sync_folder(target: Path, docs: Path, generated: dict[str, str], reviewed: frozenset[str] = frozenset(),
                agencies: dict | None = None) -> int:
    """Make `target` hold exactly `docs`' files plus `generated` (path → text).

    Returns the number of files written. A generated page may not shadow a
    hand-written one. `reviewed` holds the official contacts recorded in the content,
    `agencies` the institutions the pages may name (see `hand_written`).
    """
    wanted: dict[Path, bytes] = dict(hand_written(docs, reviewed, agencies))
    for rel, text in generated.items():
        if Path(rel) in wanted:
            raise BuildError(f"{docs / rel}: this page is generated from the content; remove the hand-written file")
        wanted[Path(rel)] = text.encode("utf-8")

    written = 0
    target.mkdir(parents=True, exist_ok=True)
    for rel, data in wanted.items():
        dest = target / rel
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
