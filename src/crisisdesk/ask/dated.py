"""A time answer's date as a reader writes it: "on Thursday" in a story of April 2000 is
"April 20, 2000", since a reader of an old story needs the day, not the weekday."""

import re
from datetime import date

from crisisdesk.ask.candidate import Candidate

#: a year written out ("1998", "'98" is not one)
WRITTEN_YEAR = re.compile(r"\b\d{4}\b")
#: a TimeML date value, to the day or the time of day ("2000-04-20TMO", "1998-08-07T10:35"),
#: and the parts of the day its time may name
ISO_TIME = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T(\d\d:\d\d|MO|AF|EV|NI))?$")
PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}


def resolved(candidate: Candidate) -> str | None:
    """A time answer's resolved date as a reader writes it, when its words give no year
    ("Thursday morning": "April 20, 2000")."""
    if candidate.how != "time" or not candidate.same_as or WRITTEN_YEAR.search(candidate.text):
        return None
    return readable(candidate.same_as, candidate.text)


def readable(value: str, said: str = "") -> str | None:
    """A TimeML value as a reader writes it, less what the words `said` already tell:
    "2000-04-20TMO" -> "Thursday, April 20, 2000, morning" ("April 20, 2000" beside "Thursday
    morning"), "1998-08-07T10:35" -> "Friday, August 7, 1998, 10:35", "2009-02" -> "February
    2009"; None for a value that names no day, month or year ("PRESENT_REF")."""
    found = ISO_TIME.match(value.upper())
    if found is None:
        return None
    year, month, day, clock = found.groups()
    try:
        when = date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    told = said.lower()
    parts = [f"{when:%A}"] if day and f"{when:%A}".lower() not in told else []
    parts += [f"{when:%B} {when.day}, {year}" if day else f"{when:%B} {year}" if month else year]
    part = PARTS_OF_DAY.get(clock or "", clock)
    parts += [part] if part and part.lower() not in told else []
    return ", ".join(parts)
