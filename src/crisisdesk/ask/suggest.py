"""Questions the store can answer, to offer a reader who does not know where to start: made
from the stored numbers of the main actors ("How many missiles did Nicolás Maduro claim?") and
from their statements, each kept only when `ask` answers it from the store."""

import re
from collections.abc import Callable, Iterable, Iterator
from itertools import chain

from crisisdesk.records import Answer, Attribution, Quantity
from crisisdesk.store import Store

Ask = Callable[[str], Answer]
#: how many stored records are turned into candidate questions
TRIED = 30
#: a counted thing worth asking about: words only ("Igla-S missiles", not 'holes"')
THING = re.compile(r"[A-Za-z][\w'-]*(?: [A-Za-z][\w'-]*){0,5}")
#: counts of time are not what a reader asks about first ("how many years")
TIME_WORDS = frozenset(
    ["years", "year", "days", "day", "months", "month", "weeks", "week", "hours", "hour", "times"]
)


def suggestions(
    store: Store, ask: Ask, *, limit: int = 5, first: Iterable[str] = ()
) -> list[tuple[str, Answer]]:
    """Up to `limit` (question, answer) pairs that `ask` answers from the store; the `first`
    questions are tried before those made from the latest records."""
    out: list[tuple[str, Answer]] = []
    seen: set[str] = set()
    for question in chain(first, candidates(store)):
        if question in seen:
            continue
        seen.add(question)
        answer = ask(question)
        if answer.text is not None:
            out.append((question, answer))
            if len(out) >= limit:
                break
    return out


def candidates(store: Store) -> Iterator[str]:
    """Questions about the numbers actors give, then about what they say."""
    for found in store.quantities(limit=TRIED):
        if question := number_question(found.record):
            yield question
    for said in store.attributions(limit=TRIED):
        if question := statement_question(said.record):
            yield question


def number_question(q: Quantity) -> str | None:
    """ "How many Igla-S missiles, according to Nicolás Maduro?" for a count of a named thing
    (not of years or days)."""
    if q.unit != "count" or not q.counted or not THING.fullmatch(q.counted):
        return None
    if q.counted.split()[-1].lower() in TIME_WORDS:
        return None
    if q.claimed_by:
        return f"How many {q.counted}, according to {q.claimed_by}?"
    return f"How many {q.counted} were there?"


def statement_question(att: Attribution) -> str | None:
    """ "What did Nicolás Maduro claim?" for a named actor's claim or denial."""
    source, stance = att.source, att.stance
    if source is None or not source.actor or stance not in ("claimed", "denied"):
        return None
    return f"What did {source.actor} {'claim' if stance == 'claimed' else 'deny'}?"
