"""Whose side a named answer is on: "which Colombian official", "Venezuela's defense minister",
"who signed on behalf of Turkey" ask for someone of that state, and a person the sentence
places with another ("Georgian President Eduard Shevardnadze") answers less well than one
it places with that one ("Prime Minister Mesut Yilmaz of Turkey")."""

import re

from crisisdesk.analyze.gazetteer import Gazetteer
from crisisdesk.ask.candidate import Candidate
from crisisdesk.ask.question import Question
from crisisdesk.records import Entity
from crisisdesk.store import SentenceHit, Store

#: the words of a question that say whose someone asked for is
OWNER = re.compile(
    r"\b(?:which|what)\s+(?P<adjective>[A-Z][\w.-]+)"
    r"|\b(?P<owner>[A-Z][\w.-]+)['’]s\b"
    r"|\b(?:on behalf of|representing)\s+(?:the\s+)?(?P<state>[A-Z][\w.-]+)"
)
#: the people a count asks about by their state ("how many *French* nationals", "how many
#: *Americans*")
COUNTED_OWNER = re.compile(r"\b[Hh]ow many\s+([A-Z][\w.-]+)")
#: one asked for by their people ("*which Libyan* did Tanzania expel")
ONE_OF_A_PEOPLE = re.compile(r"\b[Ww]hich\s+([A-Z][\w.-]+)\b")
#: a word that may name a state
CAPITALIZED = re.compile(r"\b[A-Z][\w.-]*")
#: how far before a name a state's word may stand and still say whose it is ("Georgian
#: President Eduard Shevardnadze"), and how far after ("Mesut Yilmaz of Turkey")
BEFORE, AFTER = 30, 12
#: what a person placed with another state keeps of their fit
OTHER_STATE = 0.5
#: what a filler keeps that names only another people than the one asked ("five Iraqis"
#: for which Libyan): it is not that one
OTHER_PEOPLE = 0.1


def asked_states(question: Question, known: Gazetteer) -> frozenset[str]:
    """The state codes the question says the answer is of."""
    codes = set()
    for found in OWNER.finditer(question.text):
        entry = known.lookup(next(g for g in found.groups() if g))
        if entry is not None and entry.code:
            codes.add(entry.code)
    return frozenset(codes)


def counted_states(question: Question, known: Gazetteer) -> frozenset[str]:
    """The state codes of the people a count asks about ("how many French nationals"), or of
    the one a "which" question asks for by their people ("which Libyan did they expel")."""
    found = COUNTED_OWNER.search(question.text) if question.kind == "number" else None
    if found is None and question.focus:
        found = ONE_OF_A_PEOPLE.search(question.text)
        found = found if found and found.group(1).lower() == question.focus else None
    entry = known.lookup(found.group(1)) if found else None
    return frozenset({entry.code}) if entry is not None and entry.code else frozenset()


def group_fit(asked: frozenset[str], cand: Candidate, known: Gazetteer) -> float:
    """`OTHER_STATE` when a figure or a filler names people of other states than asked ("30
    Egyptian citizens" for how many French nationals, "five Iraqis" for which Libyan); 1
    when it names the asked, names no state, or nothing is asked."""
    if not asked or cand.how not in ("quantity", "argument", "phrase"):
        return 1.0
    words = CAPITALIZED.findall(cand.phrase or cand.text)
    told = {e.code for w in words if (e := known.lookup(w)) is not None and e.code}
    if not told or told & asked:
        return 1.0
    return OTHER_STATE if cand.how == "quantity" else OTHER_PEOPLE


def state_fit(asked: frozenset[str], cand: Candidate, hit: SentenceHit, store: Store) -> float:
    """`OTHER_STATE` when the sentence places the named answer with states, none of them
    asked; 1 when it places it with one asked, with none, or nothing is asked."""
    if not asked or cand.how not in ("entity", "argument", "source"):
        return 1.0
    found = store.entities_in(hit.doc_id, cand.start - BEFORE, cand.end + AFTER)
    near = {e.code for e in found if e.code and placing(e, cand, found, hit)}
    return OTHER_STATE if near and not near & asked else 1.0


def placing(e: Entity, cand: Candidate, found: list[Entity], hit: SentenceHit) -> bool:
    """The entity is the answer, or says whose it is: right before it, with no comma or other
    person between ("Georgian President Eduard Shevardnadze"), or just after it ("of
    Turkey")."""
    if cand.start <= e.start and e.end <= cand.end:
        return True
    if cand.start - BEFORE <= e.start and e.end <= cand.start:
        between = hit.text[e.end - hit.start : cand.start - hit.start]
        others = [o for o in found if o.label == "PERSON" and e.end <= o.start < cand.start]
        return "," not in between and not others
    return cand.end <= e.start and e.end <= cand.end + AFTER
