"""Is each text in the language of its field? An English text written in Indonesian (and the reverse).

A text is judged only on its plain words: words in lowercase letters, without digits. Names
(Nusa Tenggara Timur, Batam), abbreviations (APBD, UPTD PPA), numbers and the first word of a
sentence are left out, so a name or a short label is never judged. With fewer than
`MIN_WORDS` plain words there is too little to judge, and the text passes.

A text whose plain words hold at least two of its own language's common function words and
none of the other's passes at once (most texts do; this costs a set lookup). Every other text
is judged by lingua, restricted to Indonesian and English, in its low-accuracy mode (its
trigram models: loaded in a few hundredths of a second, once per process), on its first
`JUDGED_WORDS` plain words. The text is flagged when lingua gives the other language a
confidence of at least `THRESHOLD`.

Measured on the shipped corpus (3,471 judged texts): no text flagged; with each field given
its translation instead (the mistake this check exists for), 3,460 of 3,471 flagged. A lower
threshold flags the English title of a journal article cited in an Indonesian field.

A text that is a name in both languages (an organisation, a publication) is written the same
in `id` and `en` and is not judged.
"""

from __future__ import annotations

import re
from functools import cache

MIN_WORDS = 4
"""Plain words a text needs before it is judged."""
JUDGED_WORDS = 30
"""Plain words handed to the detector: enough to tell the language, and a bound on the cost."""
THRESHOLD = 0.7
"""The detector's confidence in the other language from which a text is flagged."""

LANGUAGE_NAMES = {"id": "Indonesian", "en": "English"}

_FUNCTION_WORDS = {
    "id": frozenset("yang dan di ke dari untuk dengan dalam pada atau ini itu oleh tidak akan adalah sebagai "
                    "serta bagi setiap para juga agar jika telah dapat harus antara kepada tentang melalui "
                    "sesuai hingga sampai tersebut".split()),
    "en": frozenset("the and of to in for with on or by is are be from at as that this each its their which "
                    "who not an a into under within must should when where".split()),
}
"""Common words of each language that the other does not use; they let a plainly right text pass
without the detector."""
_GATE_CHARS = 400
"""How much of a text the function-word test reads."""

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def plain_words(text: str) -> list[str]:
    """The words of `text` that are neither names, abbreviations nor numbers: all in lowercase letters."""
    return [w for w in _WORD.findall(text) if w.islower()]


def _plainly(text: str, lang: str) -> bool:
    """True when `text` plainly reads as `lang`: two or more of its function words, none of the other's."""
    words = set(text[:_GATE_CHARS].split())
    other = "en" if lang == "id" else "id"
    return len(words & _FUNCTION_WORDS[lang]) >= 2 and not words & _FUNCTION_WORDS[other]


@cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = {"id": Language.INDONESIAN, "en": Language.ENGLISH}
    detector = LanguageDetectorBuilder.from_languages(*languages.values()).with_low_accuracy_mode().build()
    return detector, languages


_VERDICTS: dict[tuple[str, str], bool] = {}
"""(lang, judged words) → whether they read as the other language: a verdict depends on nothing else, so
the live preview asks the detector only about texts it has not judged (emptied past VERDICTS_KEPT)."""
VERDICTS_KEPT = 200_000


def forget_verdicts() -> None:
    """Judge every text anew (the benchmark measures validation as `pedoman validate` runs it, cold)."""
    _VERDICTS.clear()


def misplaced(texts: list[tuple[str, str]]) -> list[int]:
    """The indices of the `(lang, text)` pairs whose text reads as the other language."""
    judged: dict[int, tuple[str, str]] = {}
    doubtful: dict[str, dict[str, None]] = {"id": {}, "en": {}}
    for i, (lang, text) in enumerate(texts):
        if _plainly(text, lang):
            continue
        words = plain_words(text)
        if len(words) >= MIN_WORDS:
            judged[i] = (lang, " ".join(words[:JUDGED_WORDS]))
            if judged[i] not in _VERDICTS:
                doubtful[lang][judged[i][1]] = None
    if doubtful["id"] or doubtful["en"]:
        if len(_VERDICTS) > VERDICTS_KEPT:
            _VERDICTS.clear()
        detector, languages = _detector()
        for lang, items in doubtful.items():
            if items:
                other = languages["en" if lang == "id" else "id"]
                confidences = detector.compute_language_confidence_in_parallel(list(items), other)
                _VERDICTS.update(((lang, text), confidence >= THRESHOLD) for text, confidence in zip(items, confidences))
    return sorted(i for i, key in judged.items() if _VERDICTS[key])
