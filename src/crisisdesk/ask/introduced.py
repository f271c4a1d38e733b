"""Someone a sentence introduces without a name ("appointed a retired Indian diplomat") and
the next sentence names ("Prakash Shah, 58, a former Indian ambassador, ..."): for "who", the
name answers, with the description's score, and both sentences are cited."""

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from crisisdesk.ask.cite import Citer
from crisisdesk.ask.question import Question
from crisisdesk.records import Citation

if TYPE_CHECKING:
    from crisisdesk.ask.answer import Scored

#: an indefinite description before a person ("appointed *a* retired diplomat"), and what
#: follows the name that opens the next sentence when it names that person ("Prakash Shah,
#: 58, a former ambassador")
INDEFINITE = re.compile(r"\b(?:a|an)\s+$", re.I)
INTRODUCED = re.compile(r"^,\s+(?:\d{1,3},|an?\s|the\s|who\s)")
DESCRIBED = 0.9


def named_next(question: Question, ranked: list["Scored"]) -> list["Scored"]:
    """For "who": a person a sentence introduces unnamed ("appointed *a retired Indian
    diplomat*") is answered by the name that opens the next sentence ("Prakash Shah, 58, a
    former Indian ambassador, ..."): the name takes the description's score, which keeps
    DESCRIBED of it."""
    if question.kind != "actor":
        return ranked
    lent: dict[tuple[str, int], float] = {}
    for s in ranked:
        if introduces(s):
            key = (s.passage.hit.doc_id, s.passage.hit.index + 1)
            lent[key] = max(lent.get(key, 0.0), s.score)
    named = {
        k
        for s in ranked
        if (k := (s.passage.hit.doc_id, s.passage.hit.index)) in lent and opens_named(s)
    }
    out = []
    for s in ranked:
        hit = s.passage.hit
        if opens_named(s) and (hit.doc_id, hit.index) in lent:
            s = replace(s, score=max(s.score, lent[(hit.doc_id, hit.index)]))
        elif introduces(s) and (hit.doc_id, hit.index + 1) in named:
            s = replace(s, score=s.score * DESCRIBED)
        out.append(s)
    return out


def introduced_by(best: "Scored", ranked: list["Scored"], citer: Citer) -> list[Citation]:
    """The sentence before that introduced the answer unnamed, cited with it (it says what
    the question asks: "who appointed a retired Indian diplomat")."""
    hit = best.passage.hit
    if not opens_named(best):
        return []
    before = (
        s.passage.hit
        for s in ranked
        if introduces(s)
        and (s.passage.hit.doc_id, s.passage.hit.index + 1) == (hit.doc_id, hit.index)
    )
    found = next(before, None)
    cited = citer(found) if found is not None else None
    return [cited] if cited is not None else []


def introduces(s: "Scored") -> bool:
    """The candidate describes someone without a name, after "a" ("a retired diplomat")."""
    hit, c = s.passage.hit, s.candidate
    described = c.text.split()[-1][:1].islower()
    return (
        c.how == "argument"
        and described
        and INDEFINITE.search(hit.text[: c.start - hit.start]) is not None
    )


def opens_named(s: "Scored") -> bool:
    """The candidate is the name that opens its sentence, set apart ("Prakash Shah, 58,")."""
    hit, c = s.passage.hit, s.candidate
    return (
        c.how == "entity"
        and c.start == hit.start
        and INTRODUCED.match(hit.text[c.end - hit.start :]) is not None
    )
