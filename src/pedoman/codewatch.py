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
import importlib.util
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


def current() -> ModuleType:
    """The `pedoman` package as its files are now: imported again if any file changed."""
    now = _digests()
    if now != _IMPORTED:
        for path, digest in now.items():
            if path.suffix == ".py" and _IMPORTED.get(path) != digest:
                # Python trusts a compiled module whose source has the same size and
                # modification second; an edit within the same second must not reuse it.
                Path(importlib.util.cache_from_source(str(path))).unlink(missing_ok=True)
        for name in [n for n in sys.modules if n == "pedoman" or n.startswith("pedoman.")]:
            del sys.modules[name]
        importlib.invalidate_caches()
    return importlib.import_module("pedoman")
