"""The folders where a build keeps what is slow to make (laid-out PDFs, written drafting-kit
documents, compiled templates), each file named by a digest of everything it is made from: a file is
found again only when nothing it depends on changed, and is never updated in place."""

from __future__ import annotations

import os
import time
from pathlib import Path

UNUSED_DAYS = 14
"""A kept file that no build used for this many days is removed."""


def keep_compiled(environment, folder: Path) -> None:
    """Keep the templates `environment` compiles in `folder` between builds. Jinja names each kept
    file by the template's name and checks the checksum of its source (and its own and Python's
    version) before using it, so an edited template is compiled again, never served old."""
    from jinja2 import FileSystemBytecodeCache

    folder.mkdir(parents=True, exist_ok=True)
    environment.bytecode_cache = FileSystemBytecodeCache(str(folder))


def partial(path: Path) -> Path:
    """Where `path` is written before it is renamed into place: an interrupted build leaves
    a partial file, never a truncated file under a valid name."""
    return path.with_name(path.name + ".part")


def used(path: Path) -> None:
    """Mark a kept file as used by this build, so that `prune` keeps it."""
    os.utime(path)


def prune(folder: Path) -> None:
    """Remove the files no build has used for UNUSED_DAYS, and what a stopped build left half-written."""
    limit = time.time() - UNUSED_DAYS * 86400
    for path in folder.iterdir():
        if path.suffix == ".part" or path.is_file() and path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)
