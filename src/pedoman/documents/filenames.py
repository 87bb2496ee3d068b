"""The name each file of the drafting kit is downloaded under, in its own language.

The Indonesian file keeps the document's name (`Document.name`, e.g. sk-pembentukan); the English file is
named in English, so that a reader who downloads it sees what it is (decree-forming-the-task-force). The
names of the kit's fixed documents are written once in texts.yaml (`file_<name>`, with "-" as "_"), in both
languages; a document named after content (a victim-assistance form, by its id) takes its English title,
lowercased to ASCII words joined by "-", blanks in brackets left out. Within a guideline no two files of a
language and format share a name: a second one gets "-2", and so on.
"""


from __future__ import annotations

import dataclasses
import re
import unicodedata

from pedoman.content.model import LANGUAGES
from pedoman.documents.blocks import Document
from pedoman.documents.texts import catalogue

LONGEST = 60
"""Characters of a name made from a title, cut at a word: long enough to say what the file is."""


def slug(text: str) -> str:
    """`text` as a file name: ASCII letters and digits, lowercase, words joined by "-", "[...]" blanks out."""
    text = re.sub(r"\[[^\[\]]*\]", " ", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    name = ""
    for word in words:
        if name and len(name) + 1 + len(word) > LONGEST:
            break
        name = f"{name}-{word}" if name else word[:LONGEST]
    return name


def file_name(d: Document) -> str:
    """The name of `d`'s file in its language (without language and format)."""
    if d.lang == LANGUAGES[0]:
        return d.name
    key = "file_" + d.name.replace("-", "_")
    texts = catalogue()[d.lang]
    return texts[key] if key in texts else slug(d.title) or d.name


def named(docs: list[Document]) -> list[Document]:
    """`docs` (one guideline's) with each file name set, made unique per language and format."""
    taken: set[tuple[str, str, str]] = set()
    out = []
    for d in docs:
        base = file_name(d)
        name, n = base, 1
        while (d.lang, d.format, name) in taken:
            n += 1
            name = f"{base}-{n}"
        taken.add((d.lang, d.format, name))
        out.append(dataclasses.replace(d, file_name=name))
    return out
