"""The ways to reach a grievance or reporting channel, as a page and a PDF print them.

A page makes each number and address something a phone can use: a number to call
becomes a `tel:` link, a WhatsApp number a link that opens a chat with it, an
e-mail address a `mailto:` link and a web address a link. A PDF prints the same
values as plain text (a printed number is dialled by hand). Each way carries its
label in the page's language from the words catalogue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pedoman.presentation.words import CATALOGUE

if TYPE_CHECKING:
    from pedoman.content.model import Channel, Text

COUNTRY_CODE = "62"
"""Indonesia's calling code: a WhatsApp link needs the number in international form."""
WHATSAPP_CHAT = "https://wa.me/"
"""Opens a chat with a number, in the app where it is installed and in a browser where it is not."""


@dataclass(frozen=True)
class Way:
    """One way to reach a channel: `value` (a number or address) or `prose` (a bilingual text)."""

    kind: str
    label: str
    value: str | None = None
    href: str | None = None
    prose: Text | None = None


def dial(number: str) -> str:
    """The number as a phone dials it: digits only, with a leading + kept."""
    return ("+" if number.startswith("+") else "") + re.sub(r"\D", "", number)


def international(number: str) -> str:
    """The number with Indonesia's country code and no leading 0 or +: 08111-129-129 → 628111129129."""
    digits = re.sub(r"\D", "", number)
    if number.startswith("+"):
        return digits
    return COUNTRY_CODE + digits[1:] if digits.startswith("0") else digits


def tel_href(number: str) -> str:
    return f"tel:{dial(number)}"


def whatsapp_href(number: str) -> str:
    return WHATSAPP_CHAT + international(number)


def _shown(address: str) -> str:
    """A web address as people read it: without `https://` and a trailing slash."""
    return re.sub(r"^https?://", "", address).rstrip("/")


def ways(channel: Channel, lang: str) -> list[Way]:
    """Every way to reach `channel`, in the order of `model.CHANNEL_WAYS`."""
    words = CATALOGUE[lang]
    found = [Way("phone", words["contact_phone"], number, tel_href(number)) for number in channel.phone]
    if channel.whatsapp:
        found.append(Way("whatsapp", words["contact_whatsapp"], channel.whatsapp, whatsapp_href(channel.whatsapp)))
    if channel.email:
        found.append(Way("email", words["contact_email"], channel.email, f"mailto:{channel.email}"))
    if channel.web:
        found.append(Way("web", words["contact_web"], _shown(channel.web), channel.web))
    if channel.office:
        found.append(Way("office", words["contact_office"], prose=channel.office))
    if channel.note:
        found.append(Way("note", words["contact_note"], prose=channel.note))
    return found
