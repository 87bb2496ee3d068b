"""The folders where a build keeps what is slow to make (laid-out PDFs, written drafting-kit
documents, compiled templates), each file named by a digest of everything it is made from: a file is
found again only when nothing it depends on changed, and is never updated in place."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

UNUSED_DAYS = 14
"""A kept file that no build used for this many days is removed."""

KEPT_TREES = 4
"""Folders `kept_tree` keeps at most, the one a build used least recently removed first."""


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


def prune(folder: Path, keep: int | None = None) -> None:
    """Remove the files no build has used for UNUSED_DAYS, and what a stopped build left half-written;
    with `keep`, also all but the `keep` files used most recently."""
    limit = time.time() - UNUSED_DAYS * 86400
    files = sorted((p for p in folder.iterdir() if p.is_file()), key=lambda p: p.stat().st_mtime, reverse=True)
    for n, path in enumerate(files):
        if path.suffix == ".part" or path.stat().st_mtime < limit or keep is not None and n >= keep:
            path.unlink(missing_ok=True)


def kept_tree(folder: Path, key: str, make: Callable[[Path], None], into: Path) -> bool:
    """Copy into `into` the files `make(scratch)` writes into an empty folder, kept in `folder` under
    `key` (a digest of everything they are made from): `make` runs only when no build kept them under
    that key. True when they were found kept. Keeps at most KEPT_TREES such folders."""
    found = keep_tree(folder, key, make)
    tree = folder / key
    used(tree)
    shutil.copytree(tree, into, dirs_exist_ok=True)
    trees = sorted((p for p in folder.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in trees[KEPT_TREES:]:
        shutil.rmtree(old, ignore_errors=True)
    return found


def keep_tree(folder: Path, key: str, make: Callable[[Path], None]) -> bool:
    """Keep in `folder` under `key` the files `make(scratch)` writes into an empty folder, unless they
    are kept there already (then True). A folder appears under `key` only once `make` has finished."""
    folder.mkdir(parents=True, exist_ok=True)
    tree = folder / key
    if tree.is_dir():
        return True
    scratch = partial(tree)
    shutil.rmtree(scratch, ignore_errors=True)
    make(scratch)
    promote(tree)
    return False


def promote(tree: Path) -> None:
    """Give the folder written as `partial(tree)` the name `tree`, once everything in it is written; if
    another build kept the same files under that name meanwhile, drop this copy."""
    try:
        partial(tree).rename(tree)
    except OSError:
        shutil.rmtree(partial(tree), ignore_errors=True)
