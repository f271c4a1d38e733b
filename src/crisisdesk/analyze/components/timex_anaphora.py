"""Anaphoric times ("that year", "the following month", "later that day", "the next day",
"the previous Friday") resolved against the last date the text named, HeidelTime-style.

Why: in news these point into the story being told ("In March 2019 ... later that year"), not at
the publication date. The reference is the value of the latest DATE or TIME expression before
them (a year, month, week, quarter or day); without one, the publication date is used. When the
reference is coarser than the expression ("that day" after "in 1998"), the missing parts are X:
1998-XX-XX. Limits: no discourse structure (the latest date wins even across paragraphs); the
tense of the clause is ignored.
"""

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from crisisdesk.analyze.components.timex_cues import Cues
from crisisdesk.analyze.components.timex_resolve import Context

REFERENCE = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?|-W(\d\d)|-Q([1-4]))?(?:T.*)?$")
#: value parts by granularity: year, month, day
MASKS = {1: ("XX", "XX"), 2: (None, "XX"), 3: (None, None)}


def reference_of(value: str | None) -> tuple[date, int] | None:
    """The day a value stands for and how many of year/month/day it fixes (1, 2 or 3);
    weeks and quarters count as months, with their first day. None for other values."""
    m = REFERENCE.match(value or "")
    if m is None:
        return None
    year, month, day, week, quarter = m.groups()
    if week:
        return date.fromisocalendar(int(year), int(week), 1), 2
    if quarter:
        return date(int(year), (int(quarter) - 1) * 3 + 1, 1), 2
    if month and day:
        return date(int(year), int(month), int(day)), 3
    return date(int(year), int(month or 7), 1), 2 if month else 1


def resolve_anaphor(
    cues: Cues, ctx: Context, resolve: Callable[[Cues, Context], str | None]
) -> str | None:
    """The value of an anaphoric expression read from the reference (the publication date
    when there is none), masked to the reference's precision."""
    reference = reference_of(ctx.last_value)
    if reference is None:
        return resolve(cues, ctx)
    day, precision = reference
    value = resolve(cues, replace(ctx, anchor=day, tense=0, quarterly=False))
    return mask(value, precision)


def mask(value: str | None, precision: int) -> str | None:
    """ "1998-10-23" at year precision -> "1998-XX-XX"; weeks and quarters likewise lose
    what the reference does not fix."""
    if value is None or precision == 3 or not value[:4].isdigit():
        return value
    if re.match(r"^\d{4}-W\d\d", value) and precision < 2:
        return value[:4] + "-WXX"
    parts = value[:10].split("-")
    if len(parts) == 1 or not parts[1].isdigit():
        return value
    month, day = MASKS[precision]
    parts[1] = month or parts[1]
    if len(parts) == 3:
        parts[2] = day or parts[2]
    return "-".join(parts)
