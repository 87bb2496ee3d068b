"""`pedoman new`: a scaffold fails validation until every marked text and empty list is filled."""

from __future__ import annotations

import pytest
import yaml

from pedoman import ContentErrors, load_corpus
from pedoman.cli import main
from pedoman.content.model import KINDS, SCAFFOLD_MARK

FILL_LISTS = {"implements": ["R01"], "agencies": ["pemprov"], "responsible": ["pemprov"],
              "stakeholders": ["kota"], "payer": ["origin"], "phone": ["129"]}
FILL_TEXT = {"agency": "pemprov", "lead": "polda", "share": "100%",
             "regulation": "uu-21-2007"}


def fill(value, key=""):
    """What an editor does: every marked text and every empty list replaced."""
    if isinstance(value, dict):
        return {k: fill(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return list(FILL_LISTS.get(key, [])) if not value else [fill(v, key) for v in value]
    if isinstance(value, str) and SCAFFOLD_MARK in value:
        return "Gugus tugas menyepakati langkah ini." if "Indonesia" in value else "The task force agrees on this step."
    if value == "" and key in FILL_TEXT:
        return FILL_TEXT[key]
    return value


@pytest.mark.parametrize("kind", KINDS)
def test_scaffold_fails_until_filled_then_passes(corpus_dir, capsys, kind):
    assert main(["new", kind, "pedoman-baru", "--content", str(corpus_dir)]) == 0
    path = corpus_dir / kind / "pedoman-baru.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../../schema/{kind}.json\n")

    with pytest.raises(ContentErrors) as caught:
        load_corpus(corpus_dir)
    messages = [e.message for e in caught.value.errors]
    assert all(e.file.endswith("pedoman-baru.yaml") for e in caught.value.errors)
    assert any("replace the text `pedoman new` put here" in m for m in messages)
    assert any("expected at least 1 item(s), found 0" in m for m in messages)

    path.write_text(yaml.safe_dump(fill(yaml.safe_load(text)), allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    corpus = load_corpus(corpus_dir)
    assert "pedoman-baru" in [g.id for g in corpus.guidelines]


def test_new_refuses_to_overwrite_and_bad_ids(corpus_dir, capsys):
    assert main(["new", "formation", "gt-uji", "--content", str(corpus_dir)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["new", "formation", "GT Baru", "--content", str(corpus_dir)]) == 2
    assert "is not a slug" in capsys.readouterr().err
