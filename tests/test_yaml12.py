"""Every YAML file the project ships or writes reads the same under YAML 1.2 as under PyYAML (YAML 1.1).

PyYAML, which the build uses, reads YAML 1.1; editors' tools and most other
readers read YAML 1.2, where `044e19434842` is a number and `on` is text. A value
the two read differently must be quoted.
"""

from __future__ import annotations

import datetime
import re

import pytest
import yaml
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor

from pedoman.cli import main
from pedoman.content.loader import dump_yaml
from pedoman.content.model import KINDS
from pedoman.content.translations import fingerprint

from conftest import ROOT, VALID

SHIPPED = sorted(
    [*(ROOT / "guidelines").rglob("*.yaml"), ROOT / "mkdocs.yml", *(ROOT / ".github" / "workflows").glob("*.yml"),
     ROOT / ".pre-commit-config.yaml", *VALID.rglob("*.yaml"), *(ROOT / "src" / "pedoman").rglob("*.yaml")]
)

# MkDocs reads mkdocs.yml with its own tags (`!ENV`, `!relative`, `!!python/name:...`); neither
# safe loader knows them. Both read such a value as (tag, text), so that it is compared too.
MKDOCS_TAGS = ("!ENV", "!relative")
PYTHON_NAME = "tag:yaml.org,2002:python/name:"


class _PyYAML(yaml.SafeLoader):
    pass


class _Ruamel(SafeConstructor):
    pass


def _tagged(constructor, node):
    """(tag, value) of a MkDocs tag, written on a scalar (`!ENV VAR`) or a list (`!ENV [VAR, default]`)."""
    if node.id == "sequence":
        return node.tag, tuple(constructor.construct_sequence(node, deep=True))
    return node.tag, constructor.construct_scalar(node)


for _tag in MKDOCS_TAGS:
    _PyYAML.add_constructor(_tag, _tagged)
    _Ruamel.add_constructor(_tag, _tagged)
_PyYAML.add_multi_constructor(PYTHON_NAME, lambda loader, suffix, node: (PYTHON_NAME + suffix, node.value))
_Ruamel.add_multi_constructor(PYTHON_NAME, lambda c, suffix, node: (PYTHON_NAME + suffix, node.value))


def read_11(text: str):
    return yaml.load(text, Loader=_PyYAML)


def read_12(text: str):
    reader = YAML(typ="safe", pure=True)
    reader.version = (1, 2)
    reader.Constructor = _Ruamel
    return reader.load(text)


def meaning(value):
    """Data with dates as ISO text: a YAML 1.2 core reader keeps `2026-11-01` as that text,
    ruamel.yaml and PyYAML make it a date; the three agree on what it means."""
    if isinstance(value, dict):
        return {meaning(k): meaning(v) for k, v in value.items()}
    if isinstance(value, list):
        return [meaning(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def assert_read_alike(text: str) -> None:
    assert meaning(read_12(text)) == meaning(read_11(text))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_file_reads_the_same_under_yaml_1_2(path):
    assert_read_alike(path.read_text(encoding="utf-8"))


def test_the_comparison_sees_what_yaml_1_2_reads_otherwise():
    for text in ("a: 044e19434842\n", "on: push\n", "a: yes\n", "a: 0o17\n", "a: 012\n", "a: 10:30\n"):
        with pytest.raises(AssertionError):
            assert_read_alike(text)


@pytest.mark.parametrize("text", ["044e19434842", "1e3", "0o17", "0x1F", "012", "1_000", ".5", "12:30", "on",
                                  "yes", "true", "null", "~", "", "2026-11-01", "2026-13-45", "R01", "kota"])
def test_the_writer_quotes_what_a_reader_could_take_for_something_else(text):
    written = dump_yaml({text: text, "list": [text]})
    assert read_11(written) == {text: text, "list": [text]}
    assert read_12(written) == {text: text, "list": [text]}


def test_translations_file_written_by_mark_reviewed_reads_the_same(corpus_dir):
    looks_like_a_number = "Teks uji 111"  # its fingerprint has the form 123e456, a number in YAML 1.2
    assert re.fullmatch(r"[0-9]+e[0-9]+", fingerprint(looks_like_a_number))
    path = corpus_dir / "formation" / "gt-uji.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{id: Pembentukan gugus tugas provinsi,", f"{{id: {looks_like_a_number},", 1),
                    encoding="utf-8")
    assert main(["translations", "--content", str(corpus_dir), "--mark-reviewed", "all"]) == 0
    written = (corpus_dir / "translations.yaml").read_text(encoding="utf-8")
    assert read_11(written)["reviewed"]["gt-uji"]["title"] == fingerprint(looks_like_a_number)
    assert_read_alike(written)


@pytest.mark.parametrize("kind", KINDS)
def test_new_guideline_file_reads_the_same(corpus_dir, kind):
    assert main(["new", kind, "1e3", "--content", str(corpus_dir)]) == 0  # a slug that is a number in YAML 1.2
    written = (corpus_dir / kind / "1e3.yaml").read_text(encoding="utf-8")
    assert read_11(written)["id"] == "1e3"
    assert_read_alike(written)
