"""What an answer carries besides its span: who says it, the doubt on it, and the other sources
that give the same answer or another one ("5,000, according to Nicolás Maduro (claimed;
questioned by experts)"; a death toll that differs between reports is shown side by side, each
with its date and outlet)."""

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from spacy.lang.en.stop_words import STOP_WORDS

from crisisdesk.ask.cite import Citer
from crisisdesk.ask.words import WORD, stem
from crisisdesk.records import (
    PRONOUN_SOURCES,
    ActorRef,
    Attribution,
    Citation,
    Differing,
    Doubt,
    Said,
)
from crisisdesk.store import SentenceHit, Store

if TYPE_CHECKING:
    from crisisdesk.ask.answer import Scored
    from crisisdesk.ask.retrieve import Passage

#: a different answer counts as disagreeing when it scores at least this share of the best
RIVAL = 0.75
#: answers that tell an account, not a value: two of them do not disagree
ACCOUNTS = frozenset({"clause", "statement"})
#: answers that may be words quoted from a sentence of the same story, and the fewest words
#: that say it is a quotation and not a common phrase
QUOTED = frozenset({"argument", "statement", "clause"})
QUOTED_WORDS = 2
#: answers that are a name or a value: another sentence of their story that names the same
#: one says it again only by chance, not as a second telling of one account
VALUE_ANSWERS = frozenset({"entity", "quantity", "time", "source"})
#: the most retrieved sentences that may say a pair of words an echo repeats: more say the
#: topic ("minimum wage", "convention delegates"), not this account
ECHOED = 3
#: the longest answer, as a share of its sentence, that another sentence may retell: a whole
#: sentence shares pairs of words with much of its story
ECHO_SPAN = 0.6
#: the stances of a source that doubts or denies what it is about, and so does not report it
DOUBTING = frozenset({"questioned", "denied"})
#: the most words of an answer that other stories may be cited for saying
RETOLD_WORDS = 6
#: at most this many agreeing or disagreeing sources are listed
LISTED = 3


def carried(best: "Scored", ranked: list["Scored"], citer: Citer, store: Store) -> dict[str, Any]:
    """The Answer fields beyond text and citations: attribution, doubts, agree (sources that
    say the same, less well supported than those cited with the answer), disagree."""
    said = attribution_of(best, store)
    bar, doc = RIVAL * best.score, best.passage.hit.doc_id
    return {
        "attribution": said,
        "doubts": doubts_on(best, store),
        "agree": cited([s for s in agreeing(best, ranked) if not cited_with(s, bar, doc)], citer),
        "disagree": differing(best, ranked, citer),
    }


def attribution_of(best: "Scored", store: Store) -> Said | None:
    """Who the sentence says the answer is from: the innermost attribution whose content holds
    it (a nested "Y claimed" inside "X said" is Y's, as told by X). One that experts question
    is not told by them, whether it holds the other or lies inside it: their doubt is among
    the answer's doubts; it is the answer's own only when no one else tells it."""
    cand, hit = best.candidate, best.passage.hit
    if cand.how == "source":  # the answer is who says or doubts: it is nobody's words
        return None
    holding = [
        a
        for a in store.attributions_over(hit.doc_id, hit.start, hit.end)
        if holds(a, cand.start, cand.end)
    ]
    told = [a for a in holding if a.stance not in DOUBTING] or holding
    if not told:
        return None
    inner = min(told, key=lambda a: sum(c.end - c.start for c in a.content))
    source = inner.source
    outer = [
        a
        for a in holding
        if a is not inner and a.stance not in DOUBTING and holds(a, inner.cue.start, inner.cue.end)
    ]
    via = outer[0].source if outer else None
    return Said(
        source.text if source else None,
        source.actor if source else None,
        inner.cue.text,
        inner.stance,
        teller(via),
    )


def teller(via: ActorRef | None) -> str | None:
    """Who tells another's words, by name: not an unresolved pronoun ("As *I* mentioned,
    Trump got 13 million votes, according to RealClearPolitics": the writer)."""
    if via is None or (via.actor is None and via.text.lower() in PRONOUN_SOURCES):
        return None
    return via.actor or via.text


def holds(att: Attribution, start: int, end: int) -> bool:
    """The attribution's content contains [start, end), or is it (a statement answer)."""
    return any(c.start <= start and end <= c.end for c in att.content)


def doubts_on(best: "Scored", store: Store) -> tuple[Doubt, ...]:
    """Doubts in the sentence whose target (or, without one, the doubt) covers the answer."""
    cand, hit = best.candidate, best.passage.hit
    found = []
    for d in store.doubts_over(hit.doc_id, hit.start, hit.end):
        span = d.target or d
        if span.start <= cand.end and cand.start <= span.end:
            found.append(d)
    return tuple(found)


def corroborating(
    best: "Scored",
    ranked: list["Scored"],
    citer: Citer,
    passages: Sequence["Passage"] = (),
    asked: frozenset[str] = frozenset(),
) -> tuple[Citation, ...]:
    """Sentences cited with the answer's own: they say the same and are nearly as well
    supported, or are of its own document (a headline's "$15bn" and its article's "$15
    billion" are one source telling one answer, cited together), or are the quotation whose
    words the answer quotes (`quoting`), or retell it in its story (`echoing`; `asked`: the
    stems of the question's words, which retell nothing)."""
    bar, doc = RIVAL * best.score, best.passage.hit.doc_id
    same = [s for s in agreeing(best, ranked) if cited_with(s, bar, doc)]
    same += continuing(best, ranked, {wording(s) for s in same})
    seen = {wording(s) for s in same}
    quoted = quoting(best, passages, seen)
    seen |= {words_said(h) for h in quoted}
    quoted += echoing(best, passages, seen, asked)
    seen |= {words_said(h) for h in quoted}
    quoted += retelling(best, passages, seen)
    return cited(same, citer) + tuple(c for c in map(citer, quoted) if c is not None)


def quoting(best: "Scored", passages: Sequence["Passage"], seen: set[str]) -> list[SentenceHit]:
    """For words the answer quotes ("calling the behavior a *fireable offense*"), the other
    retrieved sentences of its document that say them: the quotation itself, cited with it."""
    said = " ".join(best.candidate.text.split()).casefold()
    if best.candidate.how not in QUOTED or len(said.split()) < QUOTED_WORDS:
        return []
    seen = seen | {wording(best)}
    hits = (p.hit for p in passages if p.hit.doc_id == best.passage.hit.doc_id)
    return [h for h in hits if words_said(h) not in seen and said in words_said(h)][:LISTED]


def retelling(best: "Scored", passages: Sequence["Passage"], seen: set[str]) -> list[SentenceHit]:
    """For an answer of a few words that is no name nor value ("a liar", "a disgrace"), the
    other retrieved sentences that say those very words: other reports of them, and its own
    story's telling of what its headline says."""
    cand = best.candidate
    said = " ".join(cand.text.split()).casefold()
    words = WORD.findall(said)
    if cand.how in VALUE_ANSWERS or not 0 < len(words) <= RETOLD_WORDS:
        return []
    if all(w in STOP_WORDS for w in words):
        return []
    saying = re.compile(rf"(?<!\w){re.escape(said)}(?!\w)")
    seen = seen | {wording(best)}
    hits = (p.hit for p in passages)
    return [h for h in hits if words_said(h) not in seen and saying.search(words_said(h))][:LISTED]


def echoing(
    best: "Scored", passages: Sequence["Passage"], seen: set[str], asked: frozenset[str]
) -> list[SentenceHit]:
    """For an account, the other retrieved sentences of its story that repeat two of its own
    words side by side (small words between aside; not the question's words): the direct
    quotation of what the answer reports ("We know that Russian intelligence services hacked
    into the DNC" for "Clinton said Russian intelligence services hacked into ...
    computers"), the account told again ("her staff thought she had pulled a muscle
    exercising" for "due to a pulled muscle")."""
    cand = best.candidate
    if cand.how in VALUE_ANSWERS or len(cand.text) > ECHO_SPAN * len(best.passage.hit.text):
        return []
    own = told_pairs(cand.text, asked)
    if not own:
        return []
    told = {words_said(p.hit): told_pairs(p.hit.text, asked) for p in passages}
    common = Counter(pair for pairs in told.values() for pair in pairs)
    own = frozenset(p for p in own if common[p] <= ECHOED)
    seen = seen | {wording(best)}
    hits = (p.hit for p in passages if p.hit.doc_id == best.passage.hit.doc_id)
    echoes = [h for h in hits if words_said(h) not in seen and own & told[words_said(h)]]
    return echoes[:LISTED]


def told_pairs(text: str, asked: frozenset[str]) -> frozenset[tuple[str, str]]:
    """The stems of a text's words but its small ones, in pairs of neighbours, neither of
    them among `asked` and not both capitalized: a name ("Mr Campbell", "Donald Trump") is
    said all through its story ("pulled a muscle": ("pull", "muscle"))."""
    told = [(w[0].isupper(), stem(w)) for w in WORD.findall(text) if w.lower() not in STOP_WORDS]
    return frozenset(
        (a, b)
        for (named_a, a), (named_b, b) in pairwise(told)
        if not (named_a and named_b) and a not in asked and b not in asked
    )


def told_words(text: str) -> frozenset[str]:
    """The stems of a text's words but its small ones ("the", "would", "to")."""
    return frozenset(stem(w) for w in WORD.findall(text.lower()) if w not in STOP_WORDS)


def continuing(best: "Scored", ranked: list["Scored"], seen: set[str]) -> list["Scored"]:
    """For a reason or a statement, the other sentences of its document that tell one nearly
    as well: one account, told over two sentences ("failed due to a catalogue of errors";
    "too many parties were involved in decision-making")."""
    if best.candidate.how not in ACCOUNTS:
        return []
    bar, doc = RIVAL * best.score, best.passage.hit.doc_id
    out: list[Scored] = []
    seen = seen | {wording(best)}
    for s in ranked[1:]:
        if s.score < bar or len(out) >= LISTED:
            break
        if s.candidate.how in ACCOUNTS and s.passage.hit.doc_id == doc and wording(s) not in seen:
            seen.add(wording(s))
            out.append(s)
    return out


def cited_with(scored: "Scored", bar: float, doc: str) -> bool:
    """An agreeing sentence is cited with the answer: nearly as well supported, or its own
    document's."""
    return scored.score >= bar or scored.passage.hit.doc_id == doc


def agreeing(best: "Scored", ranked: list["Scored"]) -> list["Scored"]:
    """Other sentences whose candidate says the same as the answer (wire copies once)."""
    same, seen = best.candidate.same_as, {wording(best)}
    out = []
    for s in ranked[1:]:
        if s.candidate.same_as == same and wording(s) not in seen:
            seen.add(wording(s))
            out.append(s)
    return out[:LISTED]


def differing(best: "Scored", ranked: list["Scored"], citer: Citer) -> tuple[Differing, ...]:
    """Other sentences giving a different answer of the same kind nearly as well supported,
    and not also giving the answer (a sentence with both numbers is not a rival source)."""
    same = best.candidate.same_as
    saying = {wording(s) for s in ranked if s.candidate.same_as == same}
    bar = RIVAL * best.score
    out: list[Differing] = []
    for s in ranked[1:]:
        if s.score < bar or len(out) >= LISTED:
            break
        rival = s.candidate.how == best.candidate.how and s.candidate.same_as != same
        rival = rival and best.candidate.how not in ACCOUNTS  # two reasons do not disagree
        if rival and wording(s) not in saying:
            citation = citer(s.passage.hit)
            if citation is not None:
                out.append(Differing(s.candidate.text, citation))
    return tuple(out)


def wording(scored: "Scored") -> str:
    """A candidate's sentence's words (`words_said`)."""
    return words_said(scored.passage.hit)


def words_said(hit: SentenceHit) -> str:
    """A sentence's words, so that wire copies differing in spacing count as one."""
    return wording_of(hit.text)


def wording_of(text: str) -> str:
    """A text's words, spacing and case aside."""
    return " ".join(text.split()).casefold()


def cited(items: list["Scored"], citer: Citer) -> tuple[Citation, ...]:
    return tuple(c for c in (citer(s.passage.hit) for s in items) if c is not None)
