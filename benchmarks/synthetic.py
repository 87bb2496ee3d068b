"""A synthetic corpus of any size, made of valid content of every kind in both languages.

The shipped guidelines are the pattern: each copy gets a new id (and so new
pages and URLs) and otherwise keeps its real texts, tables and lengths, so
the synthetic corpus costs what a real one of that size would.
"""

from __future__ import annotations

import itertools
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
NOT_COPIED = {"translations.yaml"}
"""Top-level files of the source that name its guidelines (the copies have other ids)."""


def make_corpus(target: Path, sections: int, source: Path = ROOT / "guidelines") -> int:
    """Fill `target` with copies of the shipped guidelines until it holds `sections` sections.

    Returns the number of sections written (the last copy may overshoot by a few).
    """
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for register in sorted(source.glob("*.yaml")):  # recommendations, agencies, glossary, regulations...
        if register.name not in NOT_COPIED:
            shutil.copy(register, target / register.name)
    patterns = []
    for path in sorted(source.glob("*/*.yaml")):
        text = path.read_text(encoding="utf-8")
        count = len(yaml.safe_load(text)["sections"])
        patterns.append((path.parent.name, path.stem, text, count))
    written = 0
    for n in itertools.count(1):
        for kind, stem, text, count in patterns:
            if written >= sections:
                return written
            new_id = f"{stem}-{n:03d}"
            folder = target / kind
            folder.mkdir(exist_ok=True)
            (folder / f"{new_id}.yaml").write_text(text.replace(f"\nid: {stem}\n", f"\nid: {new_id}\n", 1),
                                                    encoding="utf-8")
            written += count
    return written


if __name__ == "__main__":
    total = make_corpus(Path(sys.argv[1]), int(sys.argv[2]))
    print(f"{total} sections in {sys.argv[1]}")
