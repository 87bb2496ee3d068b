"""Personal data that must not reach a public guideline: NIK numbers, phone numbers, e-mail addresses.

Guidelines describe composite cases, never real people. A 16-digit number (the
shape of a NIK), a phone number or an e-mail address in a content file is an
error, unless it is an official contact: a built-in hotline, an address on a
government domain, or a value an editor has recorded as reviewed in
`guidelines/reviewed.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
PHONE = re.compile(r"(?<![\w/])(?:\+62|62|0)[\s.-]?8\d(?:[\s.-]?\d){6,11}(?!\d)"
                   r"|(?<![\w/])\(?(?:\+62|0)[\s.-]?[2-7]\d{1,2}\)?[\s.-]?\d{3,4}[\s.-]?\d{3,5}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")

OFFICIAL_NUMBERS = {
    "08111129129": "SAPA 129 WhatsApp line of Kemen PPPA",
}
"""Hotlines known to be official, by their digits."""

OFFICIAL_EMAIL_DOMAINS = (".go.id",)


@dataclass(frozen=True)
class Finding:
    kind: str
    value: str

    def message(self) -> str:
        what = {"nik": "a 16-digit number (the form of a NIK)", "phone": "a phone number",
                "email": "an e-mail address"}[self.kind]
        return (f"{what} '{self.value}' looks like personal data; remove it, or if it is an official "
                f"contact add it to guidelines/reviewed.yaml")


def _digits(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    return "0" + digits[2:] if digits.startswith("62") else digits


_CANDIDATE = re.compile(r"\d[\d\s.()+-]{5,}\d|@")
"""Anything that could be one of the three; most texts have none and are passed at once."""


@lru_cache(maxsize=64)
def _allowed_numbers(reviewed: frozenset[str]) -> frozenset[str]:
    return frozenset({_digits(v) for v in reviewed} | set(OFFICIAL_NUMBERS))


def find_personal_data(text: str, reviewed: frozenset[str] = frozenset()) -> list[Finding]:
    """Every NIK, phone number or e-mail address in `text` that is not an official contact."""
    if not _CANDIDATE.search(text):
        return []
    allowed = _allowed_numbers(reviewed)
    findings = [Finding("nik", m.group(0)) for m in NIK.finditer(text) if m.group(0) not in reviewed]
    for m in PHONE.finditer(text):
        if _digits(m.group(0)) not in allowed:
            findings.append(Finding("phone", m.group(0).strip()))
    for m in EMAIL.finditer(text):
        official = m.group(1).lower().endswith(OFFICIAL_EMAIL_DOMAINS)
        if not official and m.group(0) not in reviewed:
            findings.append(Finding("email", m.group(0)))
    return findings
