"""Personal data that must not reach a public guideline: NIK numbers, phone numbers, e-mail addresses.

Guidelines describe composite cases, never real people. A 16-digit number (the
shape of a NIK), a phone number or an e-mail address in a content file is an
error, unless it is an official contact: a built-in hotline, an address on a
government domain, or a value an editor has recorded as reviewed in
`guidelines/reviewed.yaml`.

The guard reads a text as a person would. It first undoes what hides a value from
a pattern but not from a reader: compatibility forms become plain ones (full-width
digits and `＠`, keycap digits), invisible characters go (zero-width spaces and
joiners, direction marks, the soft hyphen), and digits count whatever stands
between them when it is a short run of spaces, dots, dashes of any kind or
brackets. Then it looks for the three shapes: sixteen digits; an Indonesian mobile
or landline number in any common writing (also inside `tel:`, `wa.me/` and
WhatsApp links), or any number written with a `+` and a country code; an e-mail
address with `@`, `＠`, `%40`, `[at]`, `(at)`, `{at}` or a plain ` at `, its
domain's dots written as `.`, `[dot]`, `(dot)` or ` dot `. A finding names the
value as the editor wrote it. What the corpus legitimately holds does not count:
dates and date ranges, Rupiah amounts and other thousands-grouped numbers, ISBNs,
lists of years, numbers glued to letters (fingerprints, identifiers).

Hand-written patterns, not a library: on the same normalised text libphonenumber
(`phonenumbers`) found no number these patterns miss (2,892 of 3,000 generated writings
against all 3,000) and flagged "1.500.000", ISBN-10s and 1500-xxx and 0800 numbers, while
`lokal-id` missed half the hidden writings and flags government addresses. Neither reads
disguised e-mail addresses.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

OFFICIAL_NUMBERS = {
    "08111129129": "SAPA 129 WhatsApp line of Kemen PPPA",
}
"""Hotlines known to be official, by their digits (in the national form, 0…)."""

OFFICIAL_EMAIL_DOMAINS = (".go.id",)


@dataclass(frozen=True)
class Finding:
    kind: str
    value: str

    def message(self) -> str:
        what = {"nik": "a 16-digit number (the form of a NIK)", "phone": "a phone number",
                "email": "an e-mail address"}[self.kind]
        shown = "".join(f"\\u{ord(c):04x}" if _hidden(c) else c for c in self.value)
        hidden = " (with hidden characters, shown as \\u…)" if shown != self.value else ""
        return (f"{what} '{shown}'{hidden} looks like personal data; remove it, or if it is an official "
                f"contact add it to guidelines/reviewed.yaml")


# --- Reading a text as a person sees it --------------------------------------------------------

_KEYCAP = {"\ufe0e", "\ufe0f", "\u20e3"}
"""Variation selectors and the combining keycap: 0️⃣8️⃣ reads as 08."""


def _hidden(c: str) -> bool:
    return unicodedata.category(c) == "Cf" or c in _KEYCAP


@lru_cache(maxsize=4096)
def _plain(c: str) -> str:
    """What one character reads as: nothing when invisible, else its NFKC form with digits in ASCII."""
    if unicodedata.category(c) == "Cf" or c in _KEYCAP:
        return ""
    if unicodedata.category(c) == "Nd":
        return str(unicodedata.decimal(c))
    return unicodedata.normalize("NFKC", c)


_UNCHANGED = {chr(i) for i in range(128)}
"""Characters known to read as themselves; grows as texts are read, so each is judged once."""


def normalise(text: str) -> tuple[str, list[int] | None]:
    """The text as it reads, and for each of its characters the index of the one it came from in `text`.

    The map is None when nothing changed, the common case (plain ASCII and most Indonesian text).
    Characters are normalised one by one, so every character of the result has one origin.
    """
    if text.isascii():
        return text, None
    unknown = set(text).difference(_UNCHANGED)
    if not unknown:
        return text, None
    changed = {c: _plain(c) for c in unknown if _plain(c) != c}
    _UNCHANGED.update(unknown.difference(changed))
    if not changed:
        return text, None
    out: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(text):
        p = changed.get(c, c)
        out.append(p)
        origin.extend([i] * len(p))
    return "".join(out), origin


def _original(text: str, origin: list[int] | None, start: int, end: int) -> str:
    """The part of `text` that reads as `norm[start:end]`, hidden characters inside it included."""
    if origin is None:
        return text[start:end]
    return text[origin[start]:origin[end - 1] + 1]


# --- Numbers ------------------------------------------------------------------------------------

_GAP = r"(?:[^\S\n]|[().\-\u2010-\u2015\u2212])"
"""What may stand between the digits of one number: spaces (not a line break), dots, dashes, brackets."""
_NUMBER = re.compile(rf"(?<![0-9])[0-9](?:{_GAP}{{0,4}}[0-9]){{7,}}")
"""Eight digits or more with short gaps: the fewest a phone number has (+ and a country code)."""
_MAYBE_NUMBER = re.compile(r"[0-9][0-9().\-\u2010-\u2015\u2212\s]{6,}[0-9]")
"""A cheaper test that lets every such number through; most texts have none."""
_GROUP = re.compile(r"[0-9]+")

_DAY, _MONTH, _YEAR4 = r"(?:0?[1-9]|[12][0-9]|3[01])", r"(?:0?[1-9]|1[0-2])", r"(?:19|20)[0-9]{2}"


def _date(group: int) -> str:
    """31.12.2024 or 2024-12-31, one separator throughout (its groups numbered from `group`)."""
    return (rf"(?:{_DAY}([-./]){_MONTH}\{group}{_YEAR4}"
            rf"|{_YEAR4}([-./]){_MONTH}\{group + 1}{_DAY})")


_NOT_CONTACT = re.compile(
    r"(?<![0-9])(?<![0-9][-./])"  # a date standing alone, or a range of dates
    + _date(1) + r"(?:\s?[-\u2010-\u2015]\s?" + _date(3) + r")?(?![-./]?[0-9])"
    + r"|(?i:\b(?:rp|idr|usd|sgd|myr)(?![a-z])\.?|\$)[^\S\n]?[0-9][0-9.,]*"  # Rp 1.500.000
    r"(?:[^\S\n]?[-\u2010-\u2015][^\S\n]?(?i:rp\.?)?[^\S\n]?[0-9][0-9.,]*)?"  # …–2.000.000
    r"|(?i:\bis[bs]n(?:-1[03])?)[:\s]*[0-9][0-9\s\-\u2010-\u2015]*[0-9xX]"  # ISBN 978-602-…
)
"""Digits that are not a contact whatever their count: dates, amounts of money, book and serial numbers."""

_LINK = re.compile(r"(?i:tel:|callto:|sms:|wa\.me/|phone=)[^\S\n]*\+?\(?$")
"""A number right after this is a phone number in any form: tel:, wa.me/ and WhatsApp links."""

_PLUS = re.compile(r"\(?\+[^\S\n]?\(?$")
"""A + (and brackets) right before a number: (+62) 812…, +62 21…, +60 12…"""

_LABELS = {"nik", "ktp", "no", "nomor", "nomer", "hp", "wa", "tel", "telp", "telepon", "phone", "whatsapp"}
"""Words a number may be glued to and still read as one: "NIK3201…", "HP081…"."""

_MOBILE = re.compile(r"08[1-9][0-9]{7,10}")
_LANDLINE = re.compile(r"0[2-79][0-9]{7,10}")
_YEAR = re.compile(_YEAR4)


def _national(digits: str) -> str:
    """An Indonesian number in its national form: 62 812… and 62 (0) 812… become 0812…"""
    if digits.startswith("62"):
        rest = digits[2:]
        return rest if rest.startswith("0") else "0" + rest
    return digits


def _phone(digits: str, international: bool, link: bool) -> bool:
    if (international or link) and not digits.startswith(("62", "0")):
        return 8 <= len(digits) <= 15  # another country's number: + and a country code
    national = _national(digits)
    if _MOBILE.fullmatch(national):
        return True
    return bool(_LANDLINE.fullmatch(national)) and (digits.startswith("0") or international or link)


def _counted(groups: list[str], gaps: list[str]) -> bool:
    """Thousands-grouped like 1.500.000 or 12,000: an amount, never a contact (these start with 1–9)."""
    return (bool(gaps) and not groups[0].startswith("0") and len(groups[0]) <= 3
            and all(len(g) == 3 for g in groups[1:]) and len(set(gaps)) == 1 and gaps[0] in {".", ","})


def _classify(groups: list[str], gaps: list[str], international: bool, link: bool) -> str | None:
    digits = "".join(groups)
    if not 8 <= len(digits) <= 17 or (_counted(groups, gaps) and not (international and digits.startswith("62"))):
        return None  # 1.500.000 is an amount, +62.812.345.678 a phone number
    if _phone(digits, international, link):
        return "phone"
    if (len(digits) == 16 and not international and not link and digits[0] != "0"
            and not all(len(g) == 4 and _YEAR.fullmatch(g) for g in groups)):
        return "nik"
    return None


def _glued(norm: str, start: int, end: int) -> bool:
    """Digits touching letters are part of a word (a fingerprint, a code), unless the word is a label."""
    if end < len(norm) and norm[end].isalpha():
        return True
    if start == 0 or not norm[start - 1].isalpha():
        return False
    word = re.search(r"\w*$", norm[:start]).group(0)
    return word.lower() not in _LABELS


def _longest(groups: list[str], gaps: list[str], i: int, international: bool, link: bool) -> tuple[int, str] | None:
    """The last group and the kind of the longest contact that starts with group `i`."""
    best = None
    for j in range(i, len(groups)):
        if sum(map(len, groups[i:j + 1])) > 17:
            break
        kind = _classify(groups[i:j + 1], gaps[i:j], international, link)
        if kind:
            best = (j, kind)
    return best


def _numbers(norm: str) -> list[tuple[str, int, int, str]]:
    """(kind, start, end, digits in the national form) of every NIK or phone number in the normalised text.

    A run of digits and gaps may hold a contact after other digits ("Pasal 5 0812 3456 7890") or before
    them ("0812 3456 7890 24 jam"): each contact starts at the run's start or after a spaced gap, and is
    the longest that does.
    """
    if not _NUMBER.search(norm):
        return []
    masked = _NOT_CONTACT.sub(lambda m: "#" * len(m.group(0)), norm)
    found = []
    for span in _NUMBER.finditer(masked):
        start, end = span.span()
        if _glued(norm, start, end):
            continue
        runs = [(start + g.start(), start + g.end()) for g in _GROUP.finditer(span.group(0))]
        groups = [norm[a:b] for a, b in runs]
        gaps = [norm[runs[k][1]:runs[k + 1][0]] for k in range(len(runs) - 1)]
        before = norm[max(0, start - 24):start]
        plus, link = _PLUS.search(before), bool(_LINK.search(before))
        i = 0
        while i < len(groups):
            # digits joined by a bare dot or dash belong to one number: 1.021.555.123 holds no 021 555 123
            hit = _longest(groups, gaps, i, bool(plus) and i == 0, link and i == 0) \
                if i == 0 or re.search(r"[\s()]", gaps[i - 1]) else None
            if hit is None:
                i += 1
                continue
            j, kind = hit
            first = runs[i][0]
            if i == 0 and plus:
                first = start - len(before) + plus.start()  # +62 812…, (+62) 812…
            elif i == 0 and before.endswith("("):
                first = start - 1  # (021) 555-1234
            found.append((kind, first, runs[j][1], _national("".join(groups[i:j + 1]))))
            i = j + 1
    return found


# --- E-mail addresses -----------------------------------------------------------------------------

_S = r"[^\S\n]"
_AT = (rf"(?:@|%40|{_S}+@{_S}+|{_S}*[\[({{<]{_S}*(?:@|(?i:at)){_S}*[\])}}>]{_S}*"
       rf"|{_S}+(?P<word>(?i:at)){_S}+)")
"""Between name and domain: @ written tight or spaced on both sides (" @x.y" alone is a handle), %40,
@ or "at" in brackets, or a plain word "at"."""
_DOT = (rf"(?:\.|{_S}+\.{_S}*|{_S}*[\[({{<]{_S}*(?:\.|(?i:dot)){_S}*[\])}}>]{_S}*"
        rf"|{_S}+(?i:dot){_S}+)")
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
_EMAIL = re.compile(
    rf"(?<![\w.+%-])(?P<local>\w[\w.+-]*)(?P<at>{_AT})"
    rf"(?P<domain>{_LABEL}(?:{_DOT}{_LABEL})*{_DOT}(?P<tld>[^\W\d_]{{2,}}))(?![\w-])")
_DOTS = re.compile(_DOT)

_MAYBE_EMAIL = re.compile(rf"[\s\[({{<](?i:at){_S}*[\])}}>]?{_S}*{_LABEL}{_DOT}[^\W\d_]")
"""A word "at" before something with a dot (with "@" and "%40", tested as strings); most texts have none."""

_MAILBOX_PROVIDERS = {
    "gmail", "googlemail", "yahoo", "ymail", "rocketmail", "hotmail", "outlook", "live", "msn", "icloud", "me",
    "aol", "proton", "protonmail", "pm", "gmx", "yandex", "zoho", "mail", "email", "telkom", "plasa",
}
"""Domains that hold people's mailboxes: "budi at gmail.com" is an address, "office at ilo.org" is not."""


def _addresses(norm: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical address) of every e-mail address in the normalised text."""
    found = []
    for m in _EMAIL.finditer(norm):
        domain = _DOTS.sub(".", m.group("domain")).lower()
        local = m.group("local")
        if m.group("word") and not (  # a plain " at " in prose joins words, not a name and a domain, unless
                "." not in m.group("domain")  # the dots are spelled out too ("budi at gmail dot com"),
                or re.search(r"[._+0-9]", local)  # the name is a mailbox's ("budi.santoso at …"),
                or domain.split(".")[0] in _MAILBOX_PROVIDERS):  # or the domain holds mailboxes
            continue
        if m.group("word") and (domain.startswith("www.") or norm[m.end():m.end() + 1] == "/"):
            continue  # a web address: "available at www.ilo.org", "at ilo.org/jakarta"
        found.append((m.start(), m.end(), f"{local.lower()}@{domain}"))
    return found


# --- The guard ----------------------------------------------------------------------------------

@lru_cache(maxsize=64)
def _allowed(reviewed: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The numbers (national digits) and addresses (canonical) that may stand in a guideline."""
    numbers, addresses = set(OFFICIAL_NUMBERS), set()
    for value in reviewed:
        norm, _ = normalise(value)
        numbers.add(_national(re.sub(r"\D", "", norm)))
        numbers.update(n[3] for n in _numbers(norm))
        addresses.update(a[2] for a in _addresses(norm))
    return frozenset(numbers), frozenset(addresses)


def find_personal_data(text: str, reviewed: frozenset[str] = frozenset()) -> list[Finding]:
    """Every NIK, phone number or e-mail address in `text` that is not an official contact."""
    return list(_findings(text, reviewed))


def forget_findings() -> None:
    """Look at every text anew (the benchmark measures validation cold)."""
    _findings.cache_clear()


@lru_cache(maxsize=65536)  # the live preview looks again at every text after each save; most did not change
def _findings(text: str, reviewed: frozenset[str]) -> tuple[Finding, ...]:
    norm, origin = (text, None) if text.isascii() else normalise(text)
    found_numbers = _numbers(norm) if _MAYBE_NUMBER.search(norm) else []
    maybe_email = "@" in norm or "%40" in norm or (
        ("at" in norm or "AT" in norm or "At" in norm or "aT" in norm) and _MAYBE_EMAIL.search(norm))
    if not found_numbers and not maybe_email:
        return ()
    numbers, addresses = _allowed(reviewed)
    findings = []
    for kind, start, end, digits in found_numbers:
        value = _original(text, origin, start, end)
        if digits not in numbers and value not in reviewed:
            findings.append((start, Finding(kind, value)))
    if maybe_email:
        for start, end, address in _addresses(norm):
            value = _original(text, origin, start, end)
            official = address.rsplit("@", 1)[1].endswith(OFFICIAL_EMAIL_DOMAINS)
            if not official and address not in addresses and value not in reviewed:
                findings.append((start, Finding("email", value)))
    return tuple(f for _, f in sorted(findings, key=lambda sf: sf[0]))
