"""What changed: the developments reported since a date (given, or the newest day the last
stored brief covered), the most widely reported first, each marked "new" (first reported on
or after that date) or "continuing" (reported before, and again since)."""

from datetime import date
from functools import partial

from crisisdesk.ask.cite import Citer
from crisisdesk.brief.model import Change
from crisisdesk.brief.points import Headings, point_of, rank
from crisisdesk.store import DevelopmentScope, Store

SHOWN = 10


def changed(store: Store, cite: Citer, since: date) -> tuple[Change, ...]:
    """Up to SHOWN developments with reports on or after `since`."""
    out, headings = [], Headings(store)
    for ranked in rank(store.developments(DevelopmentScope(since=since), limit=SHOWN * 4)):
        first = ranked.development.first_day
        status = "new" if first is None or first >= since else "continuing"
        change = point_of(headings, ranked, cite, partial(Change, status=status))
        if change is not None:
            out.append(change)
        if len(out) == SHOWN:
            break
    return tuple(out)
