"""The date a build is made on: today, or the day `SOURCE_DATE_EPOCH` names.

`SOURCE_DATE_EPOCH` (seconds since 1970, UTC) is the reproducible-builds convention:
set to a commit's time, it rebuilds that commit byte for byte on a later day, since
the only output that reads the date is the list of instruments due for a check.
Validation judges "a date in the future" against it too.
"""

from __future__ import annotations

import datetime
import os


def build_date() -> datetime.date:
    """Today in UTC, unless `SOURCE_DATE_EPOCH` says otherwise."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.datetime.now(datetime.timezone.utc).date()
