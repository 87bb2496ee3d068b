"""pedoman's own code, imported again when it changed while a process runs.

`mkdocs serve` runs for hours in one process, and Python imports a module once:
an edit to a module, a template or the print stylesheet of this package would
otherwise show only after a restart. `current()` compares a digest of every
file of the package with the digest taken when the package was imported, and
on a difference drops the package's modules and imports them again, so each
build runs on the code as it is on disk. Every module-level value (compiled
templates, in-process caches of pure functions) is then new as well.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import sys
from pathlib import Path
from types import ModuleType

PACKAGE = Path(__file__).resolve().parent


def _digests() -> dict[Path, str]:
    """Every file of the package → a digest of its bytes."""
    return {path: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(PACKAGE.rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts}


_IMPORTED = _digests()
"""The package's files as they were when it was imported (this module is imported with it)."""


def code_digest() -> str:
    """A digest of the package's files as imported: part of the key of what is kept on disk from them."""
    return hashlib.sha256(repr(sorted((p.relative_to(PACKAGE).as_posix(), d) for p, d in _IMPORTED.items()))
                          .encode("utf-8")).hexdigest()


def current() -> ModuleType:
    """The `pedoman` package as its files are now: imported again if any file changed."""
    if _digests() != _IMPORTED:
        # Compiled modules are neither read nor written from now on: Python would trust a
        # stale one whose source kept its size and modification second, and writing new
        # ones into the watched package folder would start another rebuild.
        sys.dont_write_bytecode = True
        sys.pycache_prefix = os.devnull  # a folder that cannot exist: no compiled module is found
        for name in [n for n in sys.modules if n == "pedoman" or n.startswith("pedoman.")]:
            del sys.modules[name]
        importlib.invalidate_caches()
    return importlib.import_module("pedoman")
