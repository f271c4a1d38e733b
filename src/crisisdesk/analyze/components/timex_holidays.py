"""Holidays: the day a holiday falls on in a given year, from a rule written in `time_words.tsv`.

Rules: "12-25" (a fixed day), "nth:11:4:4" (the 4th Thursday of November; -1 is the last),
"nth:11:1:1:+1" (a day after the first Monday: US Election Day), "easter:-2" (days from Western
Easter Sunday). Why: news dates events by holidays ("found on Thanksgiving Day"), and TIMEX3
gives them their calendar day. Limits: Western (Gregorian) holidays only; no lunar calendars
(Ramadan, Chinese New Year), no Orthodox Easter; the year is chosen as for a month and day.
"""

from datetime import date, timedelta


def holiday_date(rule: str, year: int) -> date:
    """The day `rule` gives in `year`."""
    kind, *args = rule.split(":")
    if kind == "nth":
        month, weekday, nth = (int(a) for a in args[:3])
        offset = int(args[3]) if len(args) > 3 else 0
        return nth_weekday(year, month, weekday, nth) + timedelta(days=offset)
    if kind == "easter":
        return easter(year) + timedelta(days=int(args[0]))
    fixed_month, fixed_day = rule.split("-")
    return date(year, int(fixed_month), int(fixed_day))


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth ISO weekday of a month (nth = -1: the last one)."""
    if nth < 0:
        following = date(year + month // 12, month % 12 + 1, 1)
        last = following - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * leap) // 433
    month = (h + leap - 7 * m + 90) // 25
    return date(year, month, (h + leap - 7 * m + 33 * month + 19) % 32)
