"""The drafting kit's long fixed formulae (texts.yaml beside this module): the standard clauses of a
cooperation agreement and of a joint agreement, in every site language, checked as the words
catalogue is (presentation/words.py): an entry without a text in each language stops the build
with file:line:col. "|" separates the items of a list."""


from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pedoman.presentation.words import Words, load

PATH = Path(__file__).with_name("texts.yaml")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Words]:
    """Language → the kit's texts."""
    return load(PATH)


def items(text: str) -> list[str]:
    """The items of a "|"-separated list."""
    return [item.strip() for item in text.split("|")]
