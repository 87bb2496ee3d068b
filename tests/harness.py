"""Variants of the project's own mkdocs.yml, for building another content folder elsewhere.

Tests build small fixture corpora and the benchmark builds synthetic ones with
the project's real configuration, hooks, theme overrides and hand-written pages;
only the content, the output folders and a few settings change. `Preview`
runs the live preview of such a variant and reads its log.

Not part of the `pedoman` package: the tests import it from their own folder,
the benchmark puts that folder on `sys.path`.
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
from mkdocs.utils.yaml import get_yaml_loader

ROOT = Path(__file__).resolve().parent.parent
"""The repository."""

# Runs before `mkdocs serve` replaces it: Ctrl-C (SIGINT) back to its default and
# unblocked, whatever the parent ignores. A process started in the background by a
# shell without job control (`nohup make test &`, many CI runners) inherits SIGINT
# as ignored, and Python then never raises KeyboardInterrupt, so serve would not stop.
_RESTORE_SIGNALS_AND_EXEC = (
    "import os, signal, sys\n"
    "for s in (signal.SIGINT, signal.SIGTERM):\n"
    "    signal.signal(s, signal.SIG_DFL)\n"
    "signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})\n"
    "os.execv(sys.argv[1], sys.argv[1:])\n"
)


def read_config() -> dict:
    """The project's mkdocs.yml as MkDocs reads it: `!ENV` values (the site's address) resolved."""
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())


def write_variant(folder: Path, content: Path, site: Path | None = None, pedoman: dict | None = None,
                  **settings) -> Path:
    """Write `folder/mkdocs.yml`: the project's config building `content` into `site`.

    `pedoman` adds to `extra.pedoman` (e.g. `{"search": False}`); `settings` replace
    top-level settings (e.g. `repo_url`, `docs_dir`). Returns the config file's path.
    """
    config = read_config()
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


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Preview:
    """`mkdocs serve` of a config in a subprocess, its log read line by line.

    Use as a context manager; `wait_for` returns the log up to a line holding a
    text, `page` fetches a served page. The server gets its own temporary folder
    (`tmp`, by default `tmp/` beside the config) for the site it serves, so
    nothing it leaves ends up in the system's temporary folder; leaving, it is
    stopped with Ctrl-C (SIGINT) as an editor stops it, and MkDocs removes its site
    folder. Only if it does not stop within `stop_timeout` seconds is its process
    group terminated, then killed (`forced` is then true).
    """

    def __init__(self, config: Path, tmp: Path | None = None, stop_timeout: float = 30, port: int | None = None):
        self.tmp = tmp or config.parent / "tmp"
        self.tmp.mkdir(parents=True, exist_ok=True)
        self.stop_timeout = stop_timeout
        self.forced = False
        self.port = port or free_port()
        mkdocs = str(Path(sys.executable).with_name("mkdocs"))
        self.process = subprocess.Popen(
            [sys.executable, "-c", _RESTORE_SIGNALS_AND_EXEC,
             mkdocs, "serve", "-f", str(config), "-a", f"127.0.0.1:{self.port}"],
            env=os.environ | {"NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(self.tmp)},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True)  # its own process group: a terminal's Ctrl-C reaches only us
        self.lines: queue.Queue[tuple[float, str] | None] = queue.Queue()
        self.log: list[str] = []
        self.times: list[float] = []
        """When each line of `log` was read (time.monotonic())."""
        self._ended = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put((time.monotonic(), line))
        self.lines.put(None)  # the server's output ended

    def __enter__(self) -> Preview:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> int:
        """Stop the server (see the class) and return its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=self.stop_timeout)
            except subprocess.TimeoutExpired:
                self.forced = True
                for sig in (signal.SIGTERM, signal.SIGKILL):
                    try:
                        os.killpg(self.process.pid, sig)  # not yet reaped, so the group is still ours
                    except ProcessLookupError:
                        break
                    try:
                        self.process.wait(timeout=10)
                        break
                    except subprocess.TimeoutExpired:
                        continue
        self._reader.join(timeout=30)
        while self._next(time.monotonic()) is not None:  # what it logged while stopping
            pass
        self.process.stdout.close()
        return self.process.wait()

    def _next(self, deadline: float) -> str | None:
        if self._ended:
            return None
        try:
            item = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            return None
        if item is None:
            self._ended = True
            return None
        self.times.append(item[0])
        self.log.append(item[1])
        return item[1]

    def wait_for(self, *texts: str, timeout: float = 60) -> str:
        """The log from now up to the first line holding one of `texts`.

        Raises RuntimeError after `timeout` seconds, or at once if the server ended.
        """
        start, deadline = len(self.log), time.monotonic() + timeout
        while (line := self._next(deadline)) is not None:
            if any(text in line for text in texts):
                return "".join(self.log[start:])
        state = "ended" if self._ended else f"did not log {' or '.join(map(repr, texts))} within {timeout:.0f} s"
        raise RuntimeError(f"the preview {state}:\n{''.join(self.log)}")

    def quiet_for(self, seconds: float) -> str:
        """What the log says in the next `seconds`; raises RuntimeError if the server ends meanwhile."""
        start, deadline = len(self.log), time.monotonic() + seconds
        while self._next(deadline) is not None:
            pass
        if self._ended:
            raise RuntimeError(f"the preview ended:\n{''.join(self.log)}")
        return "".join(self.log[start:])

    def page(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as response:
            return response.read().decode()
