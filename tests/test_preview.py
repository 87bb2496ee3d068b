"""The live preview (`mkdocs serve`): every edit an editor saves is rebuilt once and shown,
and it leaves the slow PDFs to `make site`."""

from __future__ import annotations

import os
import queue
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from pedoman.project import ROOT, write_variant


class Preview:
    """`mkdocs serve` of a config in a subprocess, with its log readable line by line."""

    def __init__(self, config: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("mkdocs")), "serve", "-f", str(config), "-a", f"127.0.0.1:{self.port}"],
            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        self.reader = threading.Thread(target=lambda: [self.lines.put(line) for line in self.process.stdout],
                                       daemon=True)
        self.reader.start()

    def wait_for(self, text: str, timeout: float = 60) -> str:
        """The log from now until a line holding `text`."""
        seen: list[str] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            seen.append(line)
            self.log.append(line)
            if text in line:
                return "".join(seen)
            assert "Error" not in line, "".join(self.log)
        pytest.fail(f"no {text!r} within {timeout} s:\n{''.join(self.log)}")

    def quiet_for(self, seconds: float) -> str:
        """Whatever the log says in the next `seconds`."""
        seen: list[str] = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                seen.append(self.lines.get(timeout=left))
            except queue.Empty:
                break
        self.log += seen
        return "".join(seen)

    def page(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as response:
            return response.read().decode()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.reader.join(timeout=30)
        self.process.stdout.close()


@pytest.fixture
def project(tmp_path, corpus_dir) -> Path:
    """A project whose hand-written pages and content may be edited."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return write_variant(tmp_path, corpus_dir, docs_dir=str(tmp_path / "docs"),
                         pedoman={"pdf_cache": str(tmp_path / "pdf-cache"), "search": False})


def test_each_saved_edit_is_rebuilt_once_and_shown(project, corpus_dir):
    preview = Preview(project)
    try:
        startup = preview.wait_for("Serving on")
        assert "PDFs are not made by the live preview" in startup
        assert "rendered" not in startup
        docs = project.parent / "docs"

        about = docs / "about.md"
        about.write_text(about.read_text(encoding="utf-8") + "\nKalimat yang baru disimpan.\n", encoding="utf-8")
        preview.wait_for("Reloading browsers")
        assert "Kalimat yang baru disimpan." in preview.page("about/")

        guideline = corpus_dir / "formation" / "gt-uji.yaml"
        text = guideline.read_text(encoding="utf-8")
        assert "Pembentukan gugus tugas provinsi" in text
        guideline.write_text(text.replace("Pembentukan gugus tugas provinsi", "Pembentukan gugus tugas pratinjau", 1), encoding="utf-8")
        preview.wait_for("Reloading browsers")
        assert "Pembentukan gugus tugas pratinjau" in preview.page("guidelines/formation/gt-uji/")

        # Writing the staging folder during that build must not start another one.
        assert "Detected file changes" not in preview.quiet_for(4)
    finally:
        preview.stop()
    assert not (project.parent / "pdf-cache").exists()
