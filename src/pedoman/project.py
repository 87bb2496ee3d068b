"""Variants of the project's own mkdocs.yml, for building another content folder elsewhere.

Tests build small fixture corpora and the benchmark builds synthetic ones with
the project's real configuration, hooks, theme overrides and hand-written pages;
only the content, the output folders and a few settings change.
"""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
"""The repository (this package is installed in editable mode from src/)."""


def write_variant(folder: Path, content: Path, site: Path | None = None, pedoman: dict | None = None,
                  **settings) -> Path:
    """Write `folder/mkdocs.yml`: the project's config building `content` into `site`.

    `pedoman` adds to `extra.pedoman` (e.g. `{"search": False}`); `settings` replace
    top-level settings (e.g. `repo_url`, `docs_dir`). Returns the config file's path.
    """
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(ROOT / "docs")
    config["site_dir"] = str(site or folder / "site")
    config["hooks"] = [str(ROOT / h) for h in config["hooks"]]
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["watch"] = [str(content)]
    config["extra"]["pedoman"] = {"content": str(content), "staging": str(folder / "staging")} | (pedoman or {})
    config |= settings
    path = folder / "mkdocs.yml"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path
