"""TIMEX3 values from `Cues`, resolved against the publication date (the document creation time).

Conventions follow TimeBank 1.2 (what its annotators wrote, counted on TempEval-3 TBAQ):
- a bare weekday is the most recent one, the publication day itself included (132 of 310 bare
  weekdays in TimeBank are the publication day, 61 the day before, none a week before); it is
  the next one only with "next" or a future verb ("will meet on Friday");
- "last week" -> ISO week (2025-W42), "this month" -> 2025-10, "last year" -> 2024, "the
  1990s" -> 199, "a decade" -> P10Y, "the quarter" in earnings news -> the latest ended quarter;
- early/late/mid do not change the value ("late November" -> 1989-11);
- a month or day without a year takes the year that puts it nearest the publication date.
Anaphors ("that year", "the next day") are read against the text's last date by
`timex_anaphora`, which calls these resolvers with that date as the anchor. Limits: fiscal years
are read as calendar years; "a year earlier" stays relative to publication (as TimeBank has it).
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from crisisdesk.analyze.components.timex_cues import Cues
from crisisdesk.analyze.components.timex_holidays import holiday_date

FUTURE_WEIGHT = 1.5  # "April" in an October article is the April before, not the one after
SEASON_END = {"SP": 5, "SU": 8, "FA": 11, "WI": 2}
DURATION_UNITS = {"D": "D", "W": "W", "M": "M", "Y": "Y", "Q": "Q", "WE": "WE"}
TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}
HALF_UNITS = {"Y": (6, "M"), "D": (12, "H"), "H": (30, "M"), "MIN": (30, "S"), "W": (84, "H")}
#: the last century an ordinal names ("the 21st century"); "the first century" is most often
#: the end of "the twenty-first century", split at its hyphen
LAST_CENTURY = 21


@dataclass(frozen=True, slots=True)
class Context:
    """What resolution needs beyond the expression: the anchor and two document-level cues."""

    anchor: date | None
    tense: int = 0  # of the expression's clause: -1 past, 1 future or planned, 0 unknown
    quarterly: bool = False  # the document reports quarters (earnings news)
    last_day: date | None = None  # the latest day named before the expression, for "at 10 p.m."
    last_value: str | None = None  # the latest date value before it, for "that year"


def duration(cues: Cues) -> str:
    """P3D, P2Y, PT5H30M, P10Y for a decade, PXY for "years"/"several years"."""
    count = cues.count if cues.count is not None else ("X" if cues.plural else 1.0)
    unit = cues.unit or "Y"
    if unit == "2W":
        unit, count = "W", 2.0 if count == "X" else float(count) * 2
    if unit in ("DE", "CE"):
        unit, count = "Y", count if count == "X" else float(count) * (10 if unit == "DE" else 100)
    if unit == "WE":
        unit = "D" if count != "X" else "WE"
        count = count if count == "X" else float(count) * 2
    return format_duration(count, unit)


def format_duration(count: float | str, unit: str) -> str:
    prefix = "PT" if unit in TIME_UNITS else "P"
    symbol = TIME_UNITS.get(unit, DURATION_UNITS.get(unit, unit))
    if count == "X":
        return f"{prefix}X{symbol}"
    assert isinstance(count, float)
    whole, rest = int(count), count - int(count)
    value = f"{prefix}{whole}{symbol}"
    if rest and unit in HALF_UNITS:
        amount, small = HALF_UNITS[unit]
        sep = "T" if small in "HMS" and prefix == "P" and unit != "Y" else ""
        value += f"{sep}{round(amount * rest * 2)}{small}"
    return value


def set_value(cues: Cues) -> str:
    """ "every week" -> P1W, "every Monday" -> XXXX-WXX-1, "each July" -> XXXX-07."""
    if cues.weekday:
        return f"XXXX-WXX-{cues.weekday}"
    if cues.month:
        return f"XXXX-{cues.month:02d}"
    return duration(Cues(count=2.0 if cues.count == 2.0 else 1.0, unit=cues.unit or "D"))


def date_value(cues: Cues, ctx: Context) -> str | None:
    """The value of a DATE or TIME expression, or None when it cannot be resolved."""
    for resolver in RESOLVERS:
        value = resolver(cues, ctx)
        if value is not None:
            return value
    return None


def by_decade(cues: Cues, ctx: Context) -> str | None:
    return cues.decade


def by_century(cues: Cues, ctx: Context) -> str | None:
    """ "the 11th century" -> 10 (TIMEX3 names a century by its first two digits)."""
    ordinal = cues.ordinal or 0
    if cues.unit != "CE" or not 1 < ordinal <= LAST_CENTURY or cues.count or cues.shift:
        return None
    return f"{ordinal - 1:02d}"


def by_holiday(cues: Cues, ctx: Context) -> str | None:
    """ "Christmas" -> 2025-12-25, "last Thanksgiving" -> 2024-11-27: the year as for a
    month and day ("Christmas" in October is the coming one only with a future verb)."""
    if cues.holiday is None:
        return None
    if cues.year is None and ctx.anchor is None:
        return None
    near = holiday_date(cues.holiday, cues.year or ctx.anchor.year)  # type: ignore[union-attr]
    year = cues.year or calendar_year(replace(cues, month=near.month, day=near.day), ctx)
    return holiday_date(cues.holiday, year).isoformat() if year else None


def by_calendar(cues: Cues, ctx: Context) -> str | None:
    """Explicit dates: "Oct. 22, 2025", "22 October", "July 1997", "2025", "January"."""
    if cues.month is None:
        plain = cues.year and cues.unit != "Q" and not cues.ordinal and not cues.season
        return str(cues.year) if plain else None
    year = cues.year or calendar_year(cues, ctx)
    if year is None:
        return None
    if cues.day:
        return with_time(f"{year}-{cues.month:02d}-{cues.day:02d}", cues)
    return f"{year}-{cues.month:02d}"


def calendar_year(cues: Cues, ctx: Context) -> int | None:
    """The year of a month (and day) given without one: "last April", else the nearest one."""
    if ctx.anchor is None or cues.month is None:
        return None
    anchor, month = ctx.anchor, cues.month
    if cues.shift == -1:
        return anchor.year if month < anchor.month else anchor.year - 1
    if cues.shift == 1:
        return anchor.year if month > anchor.month else anchor.year + 1
    if cues.shift == 0:
        return anchor.year
    day = cues.day or 15
    candidates = [anchor.year - 1, anchor.year, anchor.year + 1]
    if ctx.tense:
        before = [
            y for y in candidates if (safe_date(y, month, day) - anchor).days * ctx.tense >= 0
        ]
        return before[-1] if ctx.tense < 0 else before[0]
    return min(candidates, key=lambda y: distance(safe_date(y, month, day), anchor))


def distance(day: date, anchor: date) -> float:
    """Days between a date and the anchor; news mostly looks back, so the future counts more."""
    days = (day - anchor).days
    return days * FUTURE_WEIGHT if days > 0 else -days


def safe_date(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, 28))


def by_ago(cues: Cues, ctx: Context) -> str | None:
    """ "three days ago" -> the date, "two years ago" -> the year, "a year earlier" in earnings
    news -> the same quarter a year before."""
    if cues.ago is None or cues.unit is None or cues.shift is not None or ctx.anchor is None:
        return None
    count = cues.count if isinstance(cues.count, float) else 1.0
    if cues.count == "X":
        return "PAST_REF" if cues.ago < 0 else "FUTURE_REF"
    if cues.unit == "Y" and count == 1 and ctx.quarterly:
        return f"{ctx.anchor.year - 1}-Q{latest_quarter(ctx.anchor)[1]}"
    return at_granularity(shifted(ctx.anchor, cues.unit, int(count * cues.ago)), cues.unit)


def shifted(anchor: date, unit: str, n: int) -> date:
    """The anchor moved by n units (months and years keep the day where they can)."""
    if unit in ("D", "H", "MIN", "S"):
        return anchor + timedelta(days=n if unit == "D" else 0)
    if unit in ("W", "WE", "2W"):
        return anchor + timedelta(weeks=n * (2 if unit == "2W" else 1))
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit] * n
    index = anchor.year * 12 + anchor.month - 1 + months
    return safe_date(index // 12, index % 12 + 1, anchor.day)


def at_granularity(day: date, unit: str) -> str:
    """A date written at the precision of a unit: W -> 2025-W42, M -> 2025-10, Y -> 2025."""
    iso = day.isocalendar()
    formats: dict[str, Callable[[], str]] = {
        "D": day.isoformat,
        "W": lambda: f"{iso.year}-W{iso.week:02d}",
        "WE": lambda: f"{iso.year}-W{iso.week:02d}-WE",
        "M": lambda: f"{day.year}-{day.month:02d}",
        "Q": lambda: f"{day.year}-Q{(day.month - 1) // 3 + 1}",
        "Y": lambda: str(day.year),
        "DE": lambda: str(day.year)[:3],
        "CE": lambda: str(day.year)[:2],
    }
    return formats.get(unit, day.isoformat)()


def by_weekday(cues: Cues, ctx: Context) -> str | None:
    if cues.weekday is None or ctx.anchor is None:
        return None
    day = weekday_date(ctx.anchor, cues.weekday, cues.shift, future=ctx.tense > 0)
    return with_time(day.isoformat(), cues)


def weekday_date(anchor: date, weekday: int, shift: int | None, *, future: bool) -> date:
    """The most recent such weekday (the anchor itself included); "last" skips the anchor;
    "next", or a future verb, gives the coming one."""
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if shift == 1 or (future and shift != -1):
        return anchor + timedelta(days=ahead or (7 if shift == 1 else 0))
    if shift == -1:
        return anchor - timedelta(days=back or 7)
    return anchor - timedelta(days=back)


def by_relday(cues: Cues, ctx: Context) -> str | None:
    """yesterday, today, tomorrow, tonight; "last night" is the evening before, "the next
    morning" the day after."""
    if ctx.anchor is None:
        return None
    if cues.relday is not None:
        return with_time((ctx.anchor + timedelta(days=cues.relday)).isoformat(), cues)
    if cues.part and cues.unit is None and cues.shift is not None:
        day = ctx.anchor + timedelta(days=cues.shift)
        return with_time(day.isoformat(), cues)
    return None


def by_quarter(cues: Cues, ctx: Context) -> str | None:
    """ "the third quarter" -> 2025-Q3 (last year's if it has not begun, unless the clause
    looks ahead), "the first quarter of last year" -> 2024-Q1, "the quarter" and
    "a year-earlier quarter" in earnings news -> the latest ended one (a year before)."""
    if ctx.anchor is None or not (cues.ordinal or (cues.unit == "Q" and cues.count is None)):
        return None
    if not cues.ordinal and cues.shift is not None:
        return at_granularity(shifted(ctx.anchor, "Q", cues.shift), "Q")
    year, latest = latest_quarter(ctx.anchor)
    quarter = cues.ordinal or latest
    if cues.year:
        year = cues.year
    elif cues.ordinal and cues.shift is not None:  # "the first quarter of last year"
        return f"{ctx.anchor.year + cues.shift}-Q{quarter}"
    elif cues.ordinal:
        started = (cues.ordinal - 1) * 3 + 1 <= ctx.anchor.month
        year = ctx.anchor.year if started or ctx.tense > 0 else ctx.anchor.year - 1
    return f"{year + (cues.shift or 0) + (cues.ago or 0)}-Q{quarter}"


def by_half(cues: Cues, ctx: Context) -> str | None:
    """ "the first half of 2024" -> 2024-H1; "the second half" -> this year's, or last
    year's if it has not begun and the clause is not about the future."""
    if cues.half is None or (cues.year is None and ctx.anchor is None):
        return None
    if cues.year:
        return f"{cues.year}-H{cues.half}"
    assert ctx.anchor is not None
    year = ctx.anchor.year + (cues.shift or 0)
    begun = cues.half == 1 or ctx.anchor.month > 6
    if cues.shift is None and not begun and ctx.tense <= 0:
        year -= 1
    return f"{year}-H{cues.half}"


def latest_quarter(anchor: date) -> tuple[int, int]:
    """(year, quarter) of the latest quarter ended before the anchor."""
    quarter = (anchor.month - 1) // 3
    return (anchor.year, quarter) if quarter else (anchor.year - 1, 4)


def by_season(cues: Cues, ctx: Context) -> str | None:
    if cues.season is None or ctx.anchor is None:
        return None
    year = cues.year or ctx.anchor.year
    ended = SEASON_END[cues.season] < ctx.anchor.month and cues.season != "WI"
    if cues.shift == -1 and not ended:
        year -= 1
    elif cues.shift == 1:
        year += 1
    return f"{year}-{cues.season}"


def by_unit(cues: Cues, ctx: Context) -> str | None:
    """ "last week" -> 2025-W42, "this month" -> 2025-10, "the year" -> 2025, "year-earlier";
    "the coming weeks" -> FUTURE_REF."""
    if cues.unit is None or ctx.anchor is None or cues.count is not None:
        return None
    if cues.plural and cues.shift is not None:  # "the coming weeks", "past years": vague
        return "FUTURE_REF" if cues.shift > 0 else "PAST_REF"
    if cues.unit == "WE":
        return at_granularity(ctx.anchor - timedelta(days=ctx.anchor.isoweekday() % 6), "WE")
    step = cues.shift if cues.shift is not None else (cues.ago or 0)
    return at_granularity(shifted(ctx.anchor, cues.unit, step), cues.unit)


def by_clock(cues: Cues, ctx: Context) -> str | None:
    if cues.clock is None or ctx.anchor is None:
        return None
    return with_time((ctx.last_day or ctx.anchor).isoformat(), cues)


def with_time(day: str, cues: Cues) -> str:
    """A date with its clock time (T15:00) or part of day (TMO), if the expression has one."""
    if cues.clock:
        return f"{day}T{cues.clock[0]:02d}:{cues.clock[1]:02d}{'Z' if cues.universal else ''}"
    return f"{day}T{cues.part}" if cues.part else day


RESOLVERS: tuple[Callable[[Cues, Context], str | None], ...] = (
    by_decade,
    by_century,
    by_holiday,
    by_half,
    by_calendar,
    by_ago,
    by_weekday,
    by_relday,
    by_quarter,
    by_season,
    by_unit,
    by_clock,
)
