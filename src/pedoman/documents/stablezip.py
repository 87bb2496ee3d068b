"""The one way the kit's Office files (docx, xlsx, pptx) are made the same, byte for byte, for the same input.

python-docx, openpyxl and python-pptx write a zip whose entries carry the time of writing, and openpyxl also
stamps docProps/core.xml's modified time with now. `stable_zip` writes the same entries again, in the same
order, each stamped with the guideline's day, as a file made on Unix with the same permissions; with
`modified`, it puts that day back into dcterms:modified too. The writers' cache keys cover this module
(`kit.writers_digest`, `kit.deck_key`): a change here writes every file again.
"""


from __future__ import annotations

import datetime
import io
import re
import zipfile

CORE = "docProps/core.xml"
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def stable_zip(data: bytes, day: datetime.date, modified: bool = False) -> bytes:
    """The zip `data` with every entry stamped with `day` (00:00), in the same order; with `modified`, the
    core properties' modified time set to that day as well: equal input, equal bytes."""
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if modified and info.filename == CORE:
                content = _MODIFIED.sub(rb"\g<1>" + f"{day:%Y-%m-%d}T00:00:00Z".encode() + rb"\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3  # Unix, wherever it is built (Python says 0 on Windows)
            target.writestr(entry, content)
    return out.getvalue()
