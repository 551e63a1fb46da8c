"""Publication dates as pages write them (2020-09-11 10:53, 2020年6月13日, 2020/06/13) to ISO 8601."""
from __future__ import annotations

import re

DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                  r"(?:(?:\s*|T)(\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def iso(match: re.Match) -> str:
    """'2020-09-11T10:53', '2020-12-02T10:50:26' or '2020-06-13', as precise as the page is."""
    year, month, day, hour, minute, second = match.groups()
    date = f"{year}-{int(month):02d}-{int(day):02d}"
    if hour is None:
        return date
    return f"{date}T{int(hour):02d}:{minute}" + (f":{second}" if second else "")


def find_iso(text: str) -> str:
    """The first date in `text` as ISO 8601, or ''."""
    match = DATE.search(text)
    return iso(match) if match else ""
