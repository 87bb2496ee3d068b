"""Per-page facts the theme shows around the content: last update and the file to edit.

A generated page names its date and its YAML source in its front matter
(`updated`, `source`, written by `render`). A hand-written page's date is the
date of the last commit that touched its file, or the file's own date outside
a git checkout.
"""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

from pedoman.errors import BuildError
from pedoman.presentation.words import CATALOGUE, long_date


def last_changed(path: Path) -> datetime.date:
    """When a hand-written file last changed: its last commit, else its modification time.

    Asked anew on every build (a git call per hand-written page): a live preview
    that outlives a commit shows the commit's date."""
    try:
        run = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path.name],
                             cwd=path.parent, capture_output=True, text=True, timeout=10)
        if run.returncode == 0 and run.stdout.strip():
            return datetime.date.fromisoformat(run.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    return datetime.date.fromtimestamp(path.stat().st_mtime)


def page_date(meta: dict, hand_written: Path | None) -> datetime.date | None:
    """The date a page last changed: its front matter's `updated`, else its file's last change."""
    if "updated" in meta:
        value = meta["updated"]
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            where = f"{hand_written}: " if hand_written else ""
            raise BuildError(f"{where}updated: expected a date as YYYY-MM-DD, found {value!r}") from None
    if hand_written is not None and hand_written.is_file():
        return last_changed(hand_written)
    return None


def updated_line(date: datetime.date, lang: str) -> str:
    """"Terakhir diperbarui 28 November 2026" / "Last updated November 28, 2026"."""
    return f"{CATALOGUE[lang]['last_updated']} {long_date(date, lang)}"


def edit_url(repo_url: str | None, edit_uri: str | None, source: str) -> str | None:
    """The repository link that opens `source` (a path from the repository root) for editing.

    `edit_uri` is MkDocs' setting for hand-written pages, e.g. `edit/main/docs/`;
    its last folder (the docs folder) is replaced by the source's own path.
    """
    if not repo_url or not edit_uri:
        return None
    base = edit_uri.rstrip("/").rsplit("/", 1)[0]
    return f"{repo_url.rstrip('/')}/{base.strip('/')}/{source}"
