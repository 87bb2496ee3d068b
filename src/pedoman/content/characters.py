"""Characters a content text may not hold, because no output can print them safely.

Control characters other than tab and newline (C0, DEL and C1, which YAML escapes
such as "\\0", "\\v", "\\x1f", "\\e" or "\\x85" bring in), unassigned, private-use
and surrogate code points, and the bidirectional controls that reorder how a
line is shown: each ends the build later with a traceback from a writer
(openpyxl and lxml refuse them), breaks a page's front matter (U+0085 is a YAML
line break), or shows one text and means another. They are refused where the
file is read, naming the character.
"""

from __future__ import annotations

import re
import unicodedata

_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CANDIDATE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI_CONTROLS}\ud800-\udfff\ue000-\uf8ff\ufff0-\U0010ffff]")
"""A quick scan for what may be refused; unassigned code points elsewhere are found by `_unassigned`."""


_CONTROL_NAMES = {"\x00": "NULL", "\x07": "BELL", "\x08": "BACKSPACE", "\x0b": "LINE TABULATION",
                  "\x0c": "FORM FEED", "\r": "CARRIAGE RETURN", "\x1b": "ESCAPE", "\x7f": "DELETE",
                  "\x85": "NEXT LINE"}
_PAST_LATIN = re.compile("[^\x00-\u036f]")


def _name(ch: str) -> str:
    name = unicodedata.name(ch, "") or _CONTROL_NAMES.get(ch, "")
    return f"U+{ord(ch):04X} {name}".rstrip()


def _refused(ch: str) -> str | None:
    """Why `ch` is refused, or None."""
    category = unicodedata.category(ch)
    if ch in "\t\n":
        return None
    if category == "Cc":
        return "a control character"
    if re.match(f"[{_BIDI_CONTROLS}]", ch):
        return "a bidirectional control, which changes the order a line is shown in"
    if category in ("Co", "Cs", "Cn"):
        return {"Co": "a private-use character", "Cs": "a lone surrogate", "Cn": "an unassigned code point"}[category]
    return None


def refused_character(text: str) -> tuple[int, str] | None:
    """The first character of `text` no output can print, as (its index, a message), or None."""
    for match in _CANDIDATE.finditer(text):
        reason = _refused(match.group())
        if reason:
            return match.start(), f"{_name(match.group())}: {reason}; remove it"
    for match in _PAST_LATIN.finditer(text):
        if unicodedata.category(match.group()) == "Cn":
            return match.start(), f"{_name(match.group())}: an unassigned code point; remove it"
    return None
