"""The kit's Office files are made stable by one function (`documents.stablezip`), and every cache key that
covers writer code covers it: the documents' (`kit.writers_digest`) and the slides' (`kit.deck_key`)."""

from __future__ import annotations

import datetime
import io
import shutil
import zipfile
from pathlib import Path

import pytest

from pedoman import load_corpus
from pedoman.documents import kit
from pedoman.documents.slides import decks
from pedoman.documents.stablezip import stable_zip

from conftest import VALID

DOCUMENTS = Path(kit.__file__).parent


def test_every_writer_is_keyed_on_the_zip_code_and_what_it_imports():
    for writer in ("docx.py", "xlsx.py", "pptx.py"):
        assert "stablezip.py" in kit.code(writer), writer
    assert {"blocks.py"} <= set(kit.code("docx.py")) and "slidefit.py" in kit.code("pptx.py")
    for name in ("docx.py", "xlsx.py", "pptx.py"):  # no copy of it left in a writer
        assert "ZipInfo" not in (DOCUMENTS / name).read_text(encoding="utf-8"), name


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A copy of the documents package's code that the keys read instead of the installed one."""
    copy = tmp_path / "documents"
    shutil.copytree(DOCUMENTS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(kit, "HERE", copy)
    return copy


def test_a_change_to_the_zip_code_keys_every_document_and_deck_again(folder):
    deck = decks(load_corpus(VALID))[0]
    before, deck_before = kit.writers_digest(), kit.deck_key(deck)
    (folder / "agreements.py").write_text("# what a document says is in the document, not in its writer's key\n")
    assert kit.writers_digest() == before and kit.deck_key(deck) == deck_before
    path = folder / "stablezip.py"
    path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    after = kit.writers_digest()
    assert after["docx"] != before["docx"] and after["xlsx"] != before["xlsx"]
    assert kit.deck_key(deck) != deck_before


def test_the_zip_is_stamped_with_the_day_and_the_core_modified_time_on_request():
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w") as z:
        z.writestr("docProps/core.xml", "<x><dcterms:modified xsi:type='W3CDTF'>2031-05-06T07:08:09Z"
                                        "</dcterms:modified></x>")
        z.writestr("b.xml", "<b/>")
    day = datetime.date(2026, 11, 2)
    plain, stamped = stable_zip(raw.getvalue(), day), stable_zip(raw.getvalue(), day, modified=True)
    for data in (plain, stamped):
        entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
        assert [e.filename for e in entries] == ["docProps/core.xml", "b.xml"]
        assert all(e.date_time == (2026, 11, 2, 0, 0, 0) and e.create_system == 3 for e in entries)
    assert b"2031-05-06T07:08:09Z" in zipfile.ZipFile(io.BytesIO(plain)).read("docProps/core.xml")
    assert b">2026-11-02T00:00:00Z<" in zipfile.ZipFile(io.BytesIO(stamped)).read("docProps/core.xml")
    assert stable_zip(raw.getvalue(), day) == plain  # equal input, equal bytes
