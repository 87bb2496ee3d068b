"""Variants of the project's own mkdocs.yml, for building another content folder elsewhere.

Tests build small fixture corpora and the benchmark builds synthetic ones with
the project's real configuration, hooks, theme overrides and hand-written pages;
only the content, the output folders and a few settings change. `Preview`
runs the live preview of such a variant and reads its log.
"""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
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


class Preview:
    """`mkdocs serve` of a config in a subprocess, its log read line by line.

    Use as a context manager; `wait_for` returns the log up to a line holding a
    text, `page` fetches a served page.
    """

    def __init__(self, config: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("mkdocs")), "serve", "-f", str(config), "-a", f"127.0.0.1:{self.port}"],
            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        self._reader = threading.Thread(target=lambda: [self.lines.put(line) for line in self.process.stdout],
                                        daemon=True)
        self._reader.start()

    def __enter__(self) -> Preview:
        return self

    def __exit__(self, *exc) -> None:
        # Ctrl-C, as an editor stops it: MkDocs then removes its temporary site folder.
        self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=30)
        self._reader.join(timeout=30)
        self.process.stdout.close()

    def _next(self, deadline: float) -> str | None:
        try:
            line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            return None
        self.log.append(line)
        return line

    def wait_for(self, text: str, timeout: float = 60) -> str:
        """The log from now up to the first line holding `text`; raises after `timeout` seconds."""
        start, deadline = len(self.log), time.monotonic() + timeout
        while (line := self._next(deadline)) is not None:
            if text in line:
                return "".join(self.log[start:])
        raise RuntimeError(f"the preview did not log {text!r}:\n{''.join(self.log)}")

    def quiet_for(self, seconds: float) -> str:
        """What the log says in the next `seconds`."""
        start, deadline = len(self.log), time.monotonic() + seconds
        while self._next(deadline) is not None:
            pass
        return "".join(self.log[start:])

    def page(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as response:
            return response.read().decode()
