"""From retrieved passages to one answer, or an abstention that says why.

Every candidate of every passage is scored by how well its passage supports the question
(IDF-weighted share of the question's words in the sentence, and in the sentence with its
title and the sentence before), whether the names the question uses are there, whether it
tells of the time and the place the question names ("in February 2009", "the Nevada
caucuses"), how well the candidate's kind fits, how close it stands to the question's words
and how high its passage ranks. The best
candidate is the answer when its score reaches `settings.ask.min_confidence`, an operating
point read off the risk-coverage curve of `benchmarks/ask_news.py`. With a reader model
(`settings.ask.llm_url`), the model picks among the candidates above that bar (`chooser.py`).
The answer carries who says it (the attribution it sits in), the doubt on it, the other
sources that give the same answer and those that give another.
"""

import calendar
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from crisisdesk import vectors
from crisisdesk.analyze.countries import capitals
from crisisdesk.analyze.gazetteer import Gazetteer
from crisisdesk.analyze.lexicon import read_rows
from crisisdesk.ask.acts import ANSWERED_OPPOSITE, denied_act, doer_fit, names_act
from crisisdesk.ask.align import says_any, synonyms
from crisisdesk.ask.candidate import Candidate
from crisisdesk.ask.chooser import choose
from crisisdesk.ask.cite import Citer
from crisisdesk.ask.dated import resolved
from crisisdesk.ask.figures import DATELINE, MONTH, SINCE_ASKED, TALLY_ASKED, part_of_year
from crisisdesk.ask.introduced import introduced_by, named_next
from crisisdesk.ask.limits import measure_asked, set_against_limit
from crisisdesk.ask.nations import asked_states, counted_states, group_fit, state_fit
from crisisdesk.ask.places import other_place
from crisisdesk.ask.question import ERA, EVENT_YEAR, Question
from crisisdesk.ask.question import YEAR as WRITTEN_YEAR
from crisisdesk.ask.retrieve import Passage, coverage, next_sentence, term_weights
from crisisdesk.ask.span import anchors, candidates, distance, parsed
from crisisdesk.ask.support import (
    LISTED,
    RIVAL,
    carried,
    corroborating,
    told_words,
    wording_of,
    words_said,
)
from crisisdesk.ask.verdict import deciding, verdict
from crisisdesk.ask.words import NUMBER, WORD, abbreviated, folded, spelled_out, words_of
from crisisdesk.records import Answer, Citation, Document, Entity, Quantity, TimeExpr
from crisisdesk.settings import AskSettings
from crisisdesk.store import SentenceHit, Store

if TYPE_CHECKING:
    from spacy.language import Language

#: share of the support a passage gets from its context rather than its own sentence
CONTEXT_SHARE = 0.35
#: what a missing name costs: the passage may be about something else
MISSING_NAME = 0.7
#: which one of a series ("the second debate"), and what a passage keeps that does not say
#: the one the question asks about
ORDINAL = re.compile(
    r"\b(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last|final|latest|next)\b", re.I
)
ORDINAL_ASKED = re.compile(rf"\b(?:the|its|his|her|their|a|an)\s+({ORDINAL.pattern})", re.I)
UNORDERED = 0.7
#: what a passage keeps that does not say the question's act ("who signed": no "signed")
UNACTED = 0.85
#: what it keeps for "when": a date dates the act its sentence tells, not the question's
UNACTED_WHEN = 0.6
#: the index of a story's last opening sentence (a dateline may stand alone before it), and
#: the entities that name someone or somewhere
LEDE = 1
NAMING = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: words at the start of the sentence before that may supply a name the question asks about
TOPIC_WORDS = 8
#: share of the support that comes from the passage's meaning (vector cosine)
MEANING_SHARE = 0.4
#: the cosine that unrelated news sentences reach with these static vectors
UNRELATED = 0.0
#: kinds a noun phrase may answer when no passage holds a typed candidate, and from how many
#: of the best passages
PHRASE_KINDS = frozenset({"phrase", "actor", "place"})
PHRASE_PASSAGES = 3
#: what a statement that says none of the question's words keeps of its fit
TOPIC_FLOOR = 0.8
#: how sure a yes or no from a stated limit is at least: the unit and what it measures agree
LIMIT_FLOOR = 0.5
#: how many of the best passages are parsed to find what fills the question's slot
ALIGNED_PASSAGES = 8
#: how much a passage's score falls with each rank below the first
RANK_DECAY = 0.05
#: kinds of event a story names once by their place and then as "the Dec. 2 attack": one
#: event is often called by several nouns of its kind ("the school shooting", "massacre")
EVENT_KINDS = (
    frozenset(
        ["attack", "shooting", "bombing", "blast", "explosion", "massacre", "raid", "strike"]
    ),
    frozenset(["crash", "fire", "earthquake", "hurricane", "flood"]),
    frozenset(["coup", "riot"]),
)
EVENT_NOUNS = frozenset().union(*EVENT_KINDS)
#: "fire" said of guns, not of a blaze ("*opened fire* on a class", "came under fire")
GUNFIRE = re.compile(r"\b(?:open(?:ed|ing|s)?|return(?:ed|ing|s)?|cease|under|hold) fire\b", re.I)
#: kinds whose answer may be a series that grows from report to report (a death toll), and
#: the words of a question that asks for its value now
SERIES = frozenset({"number", "amount"})
NOW = re.compile(
    r"\b(?:is|are|has|have|does|do|so far|now|to date|currently|latest|in total|in all)\b", re.I
)
#: words between two figures that tell them of one time ("400 homicides *and* 2,700
#: shootings this year"), unless they set one against the other ("down from", "than")
JOINED = re.compile(r"\band\b|,")
CONTRASTED = re.compile(
    r"\b(?:from|compared|versus|vs|down|up|before|after|while|whereas|but|against|of)\b"
    r"|(?<!more )(?<!less )(?<!fewer )\bthan\b",
    re.I,
)
#: words that set one thing of a kind against another ("the *long* program", "the *short*
#: program"): a sentence telling the other one does not answer for the asked one
CONTRASTS = (
    ("long", "short"),
    ("men's", "women's"),
    ("indoor", "outdoor"),
    ("upper", "lower"),
    ("junior", "senior"),
    ("domestic", "foreign"),
)
#: how many sentences the search for other tellings of an answer reads, and the most words
#: an answer so retold may have
RETOLD_DEPTH = 30
RETOLD_WORDS = 6
#: the options a question offers at its end ("who won the race, Spitzer or Vacco?")
OFFERED = re.compile(r",\s*([\w.'’-]+(?: [\w.'’-]+){0,3}) or ([\w.'’-]+(?: [\w.'’-]+){0,3})\W*$")
#: the share of the best answer's confidence a yes/no question's sentence that decides it needs
DECIDING = 0.5
#: candidates whose agreement across sources counts: values, not names
VALUES = frozenset({"quantity", "time"})
#: kinds whose answer a sentence about another thing gives as readily ("the range" of the
#: Igla-S for the Stinger's): their sentence must name what the question names; a name or a
#: clause answers from a sentence that calls its subject otherwise ("the deletion of e-mails")
VALUED = frozenset({"number", "amount", "quantity", "date"})
#: the kinds of question a figure answers
FIGURES = frozenset({"number", "amount", "quantity"})
#: share of another sentence's score that agreeing with it adds
AGREEMENT = 0.5
#: characters at which closeness to the question's words halves its bonus
NEAR = 40
#: what a passage keeps when it tells of another place than the one the question names
OTHER_PLACE = 0.6
#: a stored time value that names a day
A_DAY = re.compile(r"\d{4}-\d\d-\d\d")
#: a sentence that tells a figure of the whole world, not of a place a question names
WORLDWIDE = re.compile(
    r"\b(?:worldwide|world-wide|globally|around the (?:world|globe)|across the (?:world|globe))\b",
    re.I,
)
#: what a time is compared with, just before it ("less *than forecast in* July")
COMPARED = re.compile(r"\bthan\b[^,.;]{0,25}$")
#: what a passage keeps when it tells of another time than the one the question names
OTHER_TIME = 0.6
#: a question of what will be: the months it names are the next ones, not the last
AHEAD = re.compile(r"\b(?:will|won't|shall|going to|due to|set to|scheduled to)\b", re.I)
#: how long after a period news still reports on it
REPORTED = timedelta(days=31)
#: how long after a day its news comes out: an undated sentence of a later report tells of
#: another day ("lost 6.3 percent" on October 27 for October 10)
REPORTED_DAY = timedelta(days=2)
#: shorter than any year: a period of whole months
YEAR = timedelta(days=360)
#: letters of a name that a word of its document must begin with ("Senate": "senator")
STEM_CHARS = 5
#: a model's name in the plural ("A320s", "F-16s"): the name of one ends before the "s"
MODELS = re.compile(r"^(.*\d)s$")
#: a sentence that speaks of a country it named before
THE_COUNTRY = re.compile(r"\bthe country(?:'s|’s)?\b", re.I)
#: words that deny or withhold: a sentence without one does not answer "what did *not* ..."
NEGATION = re.compile(
    r"\b(?:not|never|no|none|neither|nor|without|cannot|refused?|failed|fails|unable)\b|n[’']t\b",
    re.I,
)
#: the shortest name looked up also as the start of longer words ("Yugoslav": "Yugoslavian";
#: "UN" would match every word it begins, and ranking them all is slow on a large store)
PREFIX_CHARS = 5
#: a sentence that opens with a definite description ("The long distance giant", "But the
#: central bank")
DESCRIPTION = re.compile(
    r"^\W*(?:(?:But|And|Yet|Still|However),? )?the (?:[\w-]+ ){0,3}?[a-z][\w-]*\b", re.I
)
#: a sentence that opens with a pronoun as its subject ("It provides ...", not "It is ...")
OPENING_PRONOUN = re.compile(
    r"^\W*(?:He|She|They|It)\s+(?!is\b|was\b|'s\b|’s\b|has been\b|will be\b|would be\b"
    r"|seems\b|appears\b)[a-z]"
)
#: how many sentences before the one before a pronoun's referent is sought in
REFERENT_SENTENCES = 2
#: a third person's pronoun: the sentence speaks of whom the one before names
PRONOUN = re.compile(r"\b(?:he|him|his|she|her|they|them|their)\b", re.I)
#: a number that may be a year
YEAR_LIKE = re.compile(r"1\d{3}|20\d\d")
#: ordinals in words, in order, and a word of them
ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
)
ORDINAL_WORDS = re.compile(rf"\b({'|'.join(ORDINALS)})\b", re.I)
NAMED_NUMBER = re.compile(r"(?:-|\b[A-Z][\w.]* )$")
#: "all" before a number: the size of a whole set, said by "all" or "every" as often
WHOLE_SET = re.compile(r"\b(?:all|every one of)(?: the| its| their)? $", re.I)
#: a stored value naming a century ("10": 1000-1099) or a decade ("199": the 1990s)
ERA_VALUE = re.compile(r"^(\d{2,3})$")
#: a stored time value that names a year, a month, a quarter or a half ("2009", "2009-02",
#: "2009-02-27", "2009-Q3", "2015-H1")
DATED = re.compile(r"^(\d{4})(?:-(\d\d)|-Q([1-4])|-H([12]))?")


@dataclass(frozen=True, slots=True)
class Sources:
    """What answering reads: the store, the pipeline (to parse a candidate sentence), the
    actor gazetteer (to accept "US" for "the United States"), the ask settings, and whether
    the store holds only the text the question was asked of (`given`): its words unsaid are
    then a paraphrase, not another topic (on SQuAD, abstaining for most of them unsaid lost
    as many answerable questions as it caught unanswerable ones)."""

    store: Store
    nlp: "Language"
    known: Gazetteer
    settings: AskSettings
    given: bool = False


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate with its passage, its rank among the passages and its score (0..1)."""

    candidate: Candidate
    passage: Passage
    rank: int
    score: float


def best_answer(question: Question, passages: list[Passage], src: Sources) -> Answer:
    """The best supported answer among the passages, or an abstention saying why."""
    settled = settled_first(question, passages, src)
    if settled is not None:
        return settled
    ranked = scored(question, passages, src)
    top = confidence(ranked[0]) if ranked else 0.0
    if not ranked or top < src.settings.min_confidence:
        reason = f"no stored sentence supports an answer (best {top:.2f})"
        return Answer(None, None, top, reason=reason)
    unsupported = unsupported_by(question, ranked[0], src)
    if unsupported:
        return Answer(None, None, top, reason=unsupported)
    latest = latest_first(question, ranked)
    if latest[0] is not ranked[0] and unsupported_by(question, latest[0], src) is None:
        ranked = latest
    ranked = decided_first(question, ranked, src)
    choice = choose(question.text, ranked, confidence, src.settings)  # the reader model, if any
    if not choice.ranked:
        return Answer(None, None, top, reason=choice.note)
    ranked, best, top = choice.ranked, choice.ranked[0], confidence(choice.ranked[0])
    citer = Citer(src.store)
    citation = citer(best.passage.hit)
    if citation is None:
        return Answer(None, None, 0.0, reason="the supporting sentence no longer checks")
    extra = carried(best, ranked, citer, src.store)
    cites = (
        citation,
        *introduced_by(best, ranked, citer),
        *corroborating(best, ranked, citer, passages, told_words(question.text)),
    )
    phrase = best.candidate.phrase or None
    text, note = best.candidate.text, choice.note
    when = resolved(best.candidate)
    if when and question.kind == "date" and not MONTH.search(text):  # "Friday (August 19, 2016)"
        text = f"{text} ({when})"
    if question.kind == "yesno":
        text, cites = verdict_told(question, best, passages, src, cites)
    else:
        cites += told_again(question, best, src, cites)
    return Answer(
        None, text, round(top, 4), cites, reason=note, phrase=phrase, resolved=when, **extra
    )


def told_again(
    question: Question, best: Scored, src: Sources, cites: tuple[Citation, ...]
) -> tuple[Citation, ...]:
    """Other stored sentences, beyond the passages read, that give the answer in its very
    words and name most of what the question names, or some of it in a story already cited
    ("Saddam repeatedly called Bush 'a liar'" beside the report that he called him a liar):
    more tellings of it, cited with it, up to `LISTED`."""
    said = " ".join(best.candidate.text.split()).casefold()
    words = [w for w in WORD.findall(said) if w not in STOP_WORDS]
    if not words or len(WORD.findall(said)) > RETOLD_WORDS or len(cites) >= LISTED:
        return ()
    saying = re.compile(rf"(?<!\w){re.escape(said)}(?!\w)")
    names = [n for n in question.names if n not in question.qualifiers]
    seen = {wording_of(c.text) for c in cites}
    docs = {c.doc for c in cites}
    found: list[SentenceHit] = []
    for hit in src.store.search(" ".join([*words, *question.terms]), limit=RETOLD_DEPTH):
        told = f"{hit.text} {hit.title or ''}"
        named = sum(named_in(n, told) for n in names)
        if words_said(hit) in seen or not saying.search(words_said(hit)):
            continue
        if names and 2 * named < len(names) and not (named and hit.doc_id in docs):
            continue
        seen.add(words_said(hit))
        found.append(hit)
    citer = Citer(src.store)
    return tuple(c for c in map(citer, found[: LISTED - len(cites)]) if c is not None)


def verdict_told(
    question: Question,
    best: Scored,
    passages: list[Passage],
    src: Sources,
    cites: tuple[Citation, ...],
) -> tuple[str, tuple[Citation, ...]]:
    """A yes/no answer as told: its verdict and the clause that gives it ("No — it was
    cancelling a deal to sell Opel"), cited with the sentences that give the same verdict;
    the answer's own text when its sentence gives none."""
    decided = deciding(parsed(question.text, src.nlp), parsed(best.passage.hit.text, src.nlp))
    if decided is None:
        return best.candidate.text, cites
    said = {wording_of(c.text) for c in cites}
    hits = concurring(question, decided[0], passages, src, said)
    more = tuple(c for c in map(Citer(src.store), hits) if c is not None)
    return f"{decided[0].capitalize()} — {decided[1].text}", cites + more


def concurring(
    question: Question, said: str, passages: list[Passage], src: Sources, seen: set[str]
) -> list[SentenceHit]:
    """For a yes/no answer, the other sentences among the best passages that give the same
    verdict on what the question names: the sources that agree, cited together ("said she
    regretted her remarks" beside the headline's "regrets her insults")."""
    asked = parsed(question.text, src.nlp)
    out: list[SentenceHit] = []
    for passage in passages[:ALIGNED_PASSAGES]:
        key = words_said(passage.hit)
        if len(out) >= LISTED or key in seen or not names_present(question, passage, src):
            continue
        seen.add(key)
        if verdict(asked, parsed(passage.hit.text, src.nlp)) == said:
            out.append(passage.hit)
    return out


def settled_first(question: Question, passages: list[Passage], src: Sources) -> Answer | None:
    """What is settled before any candidate is scored: nothing to read, a name the sources
    never mention, or a measure set against a stated limit."""
    if not passages:
        return Answer(None, None, 0.0, reason="nothing in the store matches the question")
    unknown = unmentioned(question, src.store, src.known, passages, words=not src.given)
    if unknown:
        return Answer(None, None, 0.0, reason=f"the sources never mention {', '.join(unknown)}")
    return limit_answer(question, passages, src)


def limit_answer(question: Question, passages: list[Passage], src: Sources) -> Answer | None:
    """For a yes/no question that gives a measure ("a plane flying at 5,000 meters"): yes or
    no by the limit a passage about its names states ("a maximum altitude of 3,500 meters"),
    as sure as the passage and the sentence before it cover the question (`limits.py`), with
    who the sentence says stated the limit and who doubts it."""
    asked = measure_asked(question, src.nlp)
    if asked is None:
        return None
    told = [p for p in passages if not missing_names(question, p, src)]
    limit = set_against_limit(asked, told, src.store)
    citer = Citer(src.store)
    citation = citer(limit.passage.hit) if limit else None
    if limit is None or citation is None:
        return None
    hit, before = limit.passage.hit, limit.passage.before
    span = hit.text[limit.start - hit.start : limit.end - hit.start]
    context = f"{before.text if before else ''} {hit.text}"
    sure = round(LIMIT_FLOOR + (1 - LIMIT_FLOOR) * coverage(list(question.terms), context), 4)
    stated = Scored(Candidate(limit.start, limit.end, span, "limit"), limit.passage, 0, sure)
    extra = carried(stated, [stated], citer, src.store)
    text = f"{'Yes' if limit.within else 'No'} — {span}"
    return Answer(None, text, sure, (citation,), **extra)


def decided_first(question: Question, ranked: list[Scored], src: Sources) -> list[Scored]:
    """For a yes/no question whose best sentence says neither, the best of those at least
    `DECIDING` as sure that says yes or no (`verdict`) goes first, if it is supported too."""
    if question.kind != "yesno" or not ranked:
        return ranked
    asked = parsed(question.text, src.nlp)
    bar = DECIDING * confidence(ranked[0])
    seen: set[str] = set()
    for s in ranked:
        if confidence(s) < bar:
            break
        if s.passage.hit.text in seen:
            continue
        seen.add(s.passage.hit.text)
        if verdict(asked, parsed(s.passage.hit.text, src.nlp)) is None:
            continue
        if s is ranked[0] or unsupported_by(question, s, src) is not None:
            return ranked
        return [s, *(r for r in ranked if r is not s)]
    return ranked


def latest_first(question: Question, ranked: list[Scored]) -> list[Scored]:
    """For a count or a sum asked of now ("how many have been killed", "how many troops are
    there"), the latest report's figure among those nearly as well supported goes first: a
    toll that rises from report to report is answered by its last value, and the earlier
    ones are shown beside it as disagreeing, each with its date."""
    if question.kind not in SERIES or question.period or not NOW.search(question.text):
        return ranked
    best = ranked[0]
    when = best.passage.hit.published
    if best.candidate.how != "quantity" or when is None:
        return ranked
    bar = RIVAL * confidence(best)
    later = [
        s
        for s in ranked[1:]
        if s.candidate.how == "quantity"
        and s.candidate.same_as != best.candidate.same_as
        and confidence(s) >= bar
        and (s.passage.hit.published or when) > when
    ]
    if not later:
        return ranked
    newest = max(later, key=lambda s: (s.passage.hit.published or when, confidence(s)))
    return [newest, *(s for s in ranked if s is not newest)]


def unsupported_by(question: Question, best: Scored, src: Sources) -> str | None:
    """Why the best answer's passage does not answer the question, or None when it does: it
    is about another name, number or time, or says the opposite of what is asked."""
    missing = [
        n for n in missing_names(question, best.passage, src) if n not in question.qualifiers
    ]
    elsewhere = not_in_document(missing, best.passage, src, question.name_runs)
    unnamed = question.kind in VALUED and question.names and len(missing) == len(question.names)
    unnamed = unnamed and not named_after_lede(missing, best.passage, src.store)
    back = refers_back(question, best.passage.hit.text) or (
        described(best.passage, src.store) and named_before(missing, best.passage, src.store)
    )
    if unnamed and (elsewhere or not back):
        return f"no sentence found about {', '.join(missing)}"
    if elsewhere:
        return f"the answer's source never names {elsewhere[0]}"
    unsaid = unsaid_numbers(question, best.passage, src.store)
    if unsaid:
        return f"no sentence found about {unsaid[0]}"
    otherwise = acted_otherwise(question, best, src)
    if otherwise:
        return otherwise
    event = untold_event(question, best.passage, src.store)
    if event:
        return f"no sentence found about the {event}"
    other = contrasted(question.text, best.passage.hit.text)
    if other:
        return f"the sources tell of the {other}, not the one asked"
    denies = question.negated and question.kind != "reason"  # "why was X not allowed": because
    if denies and not NEGATION.search(best.passage.hit.text):
        return "the question denies what its source affirms"
    if other_time(question, best, src.store) or other_event_year(question, best):
        return "the sources tell it for another time than asked"
    place = place_told(question, best.passage, src)
    if place:
        return f"the sources tell it for {place}, not for the place asked"
    return not_offered(question, best.candidate)


def not_offered(question: Question, candidate: Candidate) -> str | None:
    """Why the answer is none of the options the question offers ("who won the race, Spitzer
    or Vacco?": "Democratic" is neither), or None."""
    offered = OFFERED.search(question.text)
    if offered is None or question.kind not in ("actor", "place", "phrase"):
        return None
    said = {w.lower() for w in WORD.findall(candidate.text)}
    options = [{w.lower() for w in WORD.findall(o)} - STOP_WORDS for o in offered.groups()]
    if any(words & said for words in options):
        return None
    return f"the sources do not say which of {offered.group(1)} or {offered.group(2)}"


def acted_otherwise(question: Question, best: Scored, src: Sources) -> str | None:
    """Why the best answer's sentence tells the question's act otherwise: someone else did it,
    or it says the act was not done (for a question not asking whether or why)."""
    asked = parsed(question.text, src.nlp)
    if not names_act(asked, question.acts):
        return None
    doc = parsed(best.passage.hit.text, src.nlp)
    if question.acts and doer_fit(asked, doc, question.acts) < 1:
        return "the sources tell it of someone else"
    if question.kind not in ANSWERED_OPPOSITE and denied_act(asked, doc, question.acts):
        return "the sources say the opposite of what the question asks about"
    return None


def place_told(question: Question, passage: Passage, src: Sources) -> str | None:
    """The place of the kind of one the question asks about that the passage's sentence names
    instead of it ("Iowa" for a question on the Nevada caucuses; "43% of Ohio voters" for
    Florida's; "the United States Air Force" for Australia's; "worldwide" for Britain), when
    the sentence neither names the asked place nor an actor of it ("Maduro" for Venezuela). A
    title or a sentence before that names the asked place does not save it: "races in Ohio,
    Pennsylvania and Florida are close. ... 43% of Ohio voters ..." """
    asked = [
        p for p in question.places if p not in question.qualifiers and not qualifies(p, question)
    ]
    if not asked or question.kind not in VALUED:
        return None
    hit = passage.hit
    entities = src.store.entities_in(hit.doc_id, hit.start, hit.end)
    named = [e.actor or e.text for e in entities if e.label == "GPE"]
    named += [state_names(src.known).get(e.code or "", "") for e in entities if e.label == "ORG"]
    asked_names = {place_name(p, src.known): p for p in asked}
    codes = {e.code for e in entities if e.code}
    unsaid = [
        n
        for n, p in asked_names.items()
        if n not in named and not named_in(p, hit.text) and not known_as(p, src, set(), codes)
    ]
    if unsaid and WORLDWIDE.search(hit.text):  # "seven million copies worldwide" for Britain
        return "the world"
    return other_place(unsaid, [n for n in named if n and n not in asked_names]) if unsaid else None


@cache
def state_names(known: Gazetteer) -> dict[str, str]:
    """A state's code -> its name: the state whose body an organization is ("the United
    States Air Force": United States)."""
    return {e.code: e.name for e in known.by_name.values() if e.kind == "GPE" and e.code}


def qualifies(place: str, question: Question) -> bool:
    """The place names whose the counted things are, not where ("how many *U.S.* Special
    Operations troops did Obama send to Cameroon")."""
    if not question.focus:
        return False
    run = rf"{re.escape(place)}\s+(?:[A-Z][\w.-]*\s+)*{re.escape(question.focus)}\b"
    return re.search(run, question.text) is not None


def place_name(place: str, known: Gazetteer) -> str:
    """The place as the gazetteer names it ("U.S.": "United States"), or as written."""
    entry = known.lookup(place)
    return entry.name if entry is not None and entry.kind == "GPE" else place


def untold_event(question: Question, passage: Passage, store: Store) -> str | None:
    """The event a value question asks about ("how many died in the *strikes*") when the
    answer's sentence tells of another kind ("25 people killed in a *fire*") and its document
    never of the asked one, by its noun or a word for it. A sentence that names no event
    ("killed by a gunman") may be about the asked one."""
    nouns = [t for t in question.terms if t.removesuffix("s") in EVENT_NOUNS]
    doc = store.document(passage.hit.doc_id) if nouns and question.kind in VALUED else None
    if doc is None:
        return None
    near = GUNFIRE.sub(" ", " ".join((passage.hit.text, passage.context)).lower())
    for term in nouns:
        noun = term.removesuffix("s")
        other = EVENT_NOUNS.difference(*(k for k in EVENT_KINDS if noun in k))
        told = re.search(rf"\b(?:{'|'.join(other)})s?\b", near) is not None
        if told and not says({noun, *said_as(noun)}, doc.text.lower()):
            return term
    return None


def contrasted(question: str, sentence: str) -> str | None:
    """The thing the sentence tells of instead of the question's, by the word that sets it
    against it ("won the women's *short* program" for who won the *long* program)."""
    for a, b in (*CONTRASTS, *((b, a) for a, b in CONTRASTS)):
        asked = re.search(rf"\b{a} ([\w-]+)", question, re.I)
        if asked is None:
            continue
        noun = re.escape(asked.group(1))
        told = re.search(rf"\b{b} {noun}\b", sentence, re.I)
        if told and not re.search(rf"\b{a} {noun}\b", sentence, re.I):
            return told.group()
    return None


def says(words: Iterable[str], text: str) -> bool:
    """The lowercased text has a word opening as one of the words does."""
    opening = "|".join(re.escape(w[:STEM_CHARS]) for w in words)
    return re.search(rf"\b(?:{opening})", text) is not None


def unsaid_numbers(question: Question, passage: Passage, store: Store) -> list[str]:
    """The numbers of the question that the passage's sentence, title and sentence before do
    not say, in digits or in words ("twenty four hours" says 24): "the 5,000-meter race" is
    not the 3,000-meter one. Its years, centuries and decades are `period`'s to check; a
    number in a name ("Flight 447", "EB-5") the names'; the size of a whole ("all 50 states")
    is no constraint. An ordinal in words says its number ("the Second Amendment": 2nd)."""
    eras = [m.span() for m in ERA.finditer(question.text)]
    given = [
        m.group()
        for m in NUMBER.finditer(question.text)
        if not YEAR_LIKE.fullmatch(m.group())
        and not WHOLE_SET.search(question.text[: m.start()])
        and not NAMED_NUMBER.search(question.text[: m.start()])
        and not any(a <= m.start() < b for a, b in eras)
    ]
    if not given:
        return []
    before = passage.before.text if passage.before else ""
    text = " ".join((passage.hit.text, passage.hit.title or "", before))
    said = {n.replace(",", "") for n in NUMBER.findall(text)}
    hits = [h for h in (passage.hit, passage.before) if h is not None]
    told = [q for h in hits for q in store.quantities_in(h.doc_id, h.start, h.end)]
    said |= {digits(q.value) for q in told if q.value is not None}
    said |= {str(ORDINALS.index(w.lower()) + 1) for w in ORDINAL_WORDS.findall(text)}
    return [n for n in given if n.replace(",", "") not in said]


def digits(value: float) -> str:
    """A number as a question writes it in digits, commas left out (24.0: "24")."""
    return f"{value:.0f}" if value.is_integer() else f"{value:g}"


def named_after_lede(names: list[str], passage: Passage, store: Store) -> bool:
    """The passage opens its story, names no one, and the sentence after it names them all:
    a lede tells of someone by what they are ("the Buffalo-area physician"), the next
    sentence by name."""
    hit = passage.hit
    if hit.index > LEDE:
        return False
    if any(e.label in NAMING for e in store.entities_in(hit.doc_id, hit.start, hit.end)):
        return False
    after = next_sentence(store, hit)
    return after is not None and all(named_in(n, after.text) for n in names)


def refers_back(question: Question, text: str) -> bool:
    """The sentence speaks of the event the question names by its place as of one its story
    named before: "the December 2012 shooting" for "the Sandy Hook school shooting"."""
    return any(
        re.search(rf"\bthe (?:[\w.'’-]+ ){{0,3}}{re.escape(term)}\b", text, re.I)
        for term in question.terms
        if term in EVENT_NOUNS
    )


def described(passage: Passage, store: Store) -> bool:
    """The sentence opens with a description and names no one ("The central bank, which has
    held rates near zero since December 2008, ..."): it speaks of whom its story named
    before; the names a question asks about need not be in it."""
    hit = passage.hit
    if not DESCRIPTION.match(hit.text):
        return False
    entities = store.entities_in(hit.doc_id, hit.start, hit.end)
    return not any(e.label in NAMING and not adjectival(e) for e in entities)


def named_before(names: list[str], passage: Passage, store: Store) -> bool:
    """Every name is in the passage's story before it (its title too): a description ("The
    company said it had suspended 125,000 accounts") speaks of whom the story named before,
    not of a name it gives only later."""
    doc = store.document(passage.hit.doc_id) if names else None
    if doc is None:
        return True
    before = f"{doc.title or ''} {doc.text[: passage.hit.start]}"
    return all(named_in(n, before) for n in names)


def adjectival(entity: Entity) -> bool:
    """A group's adjective ("Democratic", "Republican"), not its people ("the Normans")."""
    return entity.label == "NORP" and not entity.text.endswith("s")


def aliases(name: str, known: Gazetteer) -> list[str]:
    """The name and, for a known actor, its other names ("Kyrgyzstan": "Kyrgyz")."""
    entry = known.lookup(name)
    if entry is None:
        return [name]
    return [name, *(a for a, e in known.by_alias.items() if e == entry and a != name)]


def said_as(term: str) -> list[str]:
    """The words that say a term: itself, its reader synonyms and, for a hyphenated one, its
    parts ("super-casinos": "casinos")."""
    parts = [p for p in term.split("-") if len(p) > 2] if "-" in term else []
    return [term, *synonyms(term), *parts]


def unmentioned(
    question: Question,
    store: Store,
    known: Gazetteer,
    passages: Sequence[Passage] = (),
    *,
    words: bool = True,
) -> list[str]:
    """What the question asks about that no stored sentence says: a name it uses (under any
    alias of it or of the name of several words it is part of: "U.S." for "United States"; an
    acronym the retrieved passages write in full), or, with `words`, most of its words,
    counting the words a reader uses for them ("who designed the railway station" over texts
    without a railway; a title question's name alone). Empty when the store may answer."""
    runs = question.name_runs

    def stored(name: str) -> bool:
        return any(
            store.search(a, limit=1, prefix=" " not in a and len(a) >= PREFIX_CHARS)
            for r in (name, *runs)
            if name in r
            for a in aliases(r, known)
        )

    names = [
        n
        for n in question.names
        if n not in question.qualifiers
        and not stored(n)
        and not (len(joined(n)) > 1 and all(stored(part) for part in joined(n)))
        and not any(shortened(n, runs, f"{p.hit.text} {p.context}") for p in passages)
    ]
    if names or question.kind == "title" or not words:  # "who is X, the ...?": X alone
        return names
    unsaid = [t for t in question.terms if not store.search(" ".join(said_as(t)), limit=1)]
    return unsaid if len(unsaid) > len(question.terms) / 2 else []


def joined(name: str) -> list[str]:
    """The names a hyphen joins into one ("U.S.-Mexico": U.S. and Mexico), or the name alone
    ("Igla-S": a part of one letter or in lower case is no name of its own)."""
    parts = name.split("-")
    names = len(parts) > 1 and all(len(p) > 1 and p[:1].isupper() for p in parts)
    return parts if names else [name]


def confidence(best: Scored) -> float:
    """How sure the answer is (0..1): its score with its kind's fit counted once more, since
    an answer of the wrong kind from a well-matching sentence is the common mistake (on the
    MEANTIME reader questions this ranks right answers above wrong ones and decoys better than
    the score alone: 29 against 26 of 60 right at the best bar)."""
    return best.score * best.candidate.fit


def scored(question: Question, passages: list[Passage], src: Sources) -> list[Scored]:
    """Every candidate of every passage, best first, with the noun phrases of the best ones
    where they may answer (`phrases_read`)."""
    weights = term_weights(list(question.terms), [p.hit for p in passages])
    similar = similarities(question, passages)
    bases = [
        support(question, p, weights, similar[i]) ** 0.5
        * (1.0 if names_present(question, p, src) else MISSING_NAME)
        * (1.0 if acted(question, p.hit.text) else unacted(question))
        * (1.0 if ordered(question, p.hit.text) else UNORDERED)
        * (OTHER_PLACE if place_told(question, p, src) else 1.0)
        / (1 + RANK_DECAY * i)
        for i, p in enumerate(passages)
    ]
    out = _scored(question, passages, bases, src, phrases=False)
    if phrases_read(question, bool(out)):
        out += _scored(question, passages[:PHRASE_PASSAGES], bases, src, phrases=True)
    return voted(named_next(question, out))


def phrases_read(question: Question, typed: bool) -> bool:
    """Whether the noun phrases of the best passages are candidates too: when no passage
    holds one of the asked kind (`typed` false), and always for "what operating system",
    "which fuel", whose answer a filler of the question's verb elsewhere may not be; never
    for a score (a tally or nothing)."""
    wanted = not typed or (question.kind == "phrase" and question.focus is not None)
    return wanted and question.kind in PHRASE_KINDS and not TALLY_ASKED.search(question.text)


def unacted(question: Question) -> float:
    """What a passage that does not say the question's act keeps (`acted`)."""
    return UNACTED_WHEN if question.kind == "date" else UNACTED


def acted(question: Question, text: str) -> bool:
    """The sentence says the question's act, in a reader's words ("accuses" for "blame"),
    or the question names no act to say."""
    slot = question.slot
    if slot is None or slot.role in ("described", "title") or not slot.words:
        return True
    return says_any(slot.words, text)


def ordered(question: Question, text: str) -> bool:
    """The sentence says which one of a series the question asks about ("the *second*
    debate", "the *last* strike"), or the question names none."""
    asked = {w.lower() for w in ORDINAL_ASKED.findall(question.text)}
    return not asked or bool(asked & {w.lower() for w in ORDINAL.findall(text)})


def _scored(
    question: Question, passages: list[Passage], bases: list[float], src: Sources, *, phrases: bool
) -> list[Scored]:
    out = []
    named = asked_actors(question, src.known)
    states = asked_states(question, src.known) if question.kind == "actor" else frozenset()
    groups = counted_states(question, src.known)
    for rank, passage in enumerate(passages):
        points = anchors(question.terms, passage.hit)
        aligned = rank < ALIGNED_PASSAGES
        found = candidates(question, passage, src.store, src.nlp, phrases=phrases, aligned=aligned)
        for cand in (c for c in found if not restated(c, named, question.name_runs, src.known)):
            gap = 0 if cand.how in ("argument", "source") else distance(cand, points)
            near = 0.5 + 0.5 / (1 + gap / NEAR)
            near *= on_topic(question, cand) if question.kind == "statement" else 1.0
            timely = 1.0 if in_period(question, passage, src.store, cand) else OTHER_TIME
            timely *= state_fit(states, cand, passage.hit, src.store)
            timely *= group_fit(groups, cand, src.known)
            out.append(Scored(cand, passage, rank, bases[rank] * cand.fit * near * timely))
    return out


def on_topic(question: Question, cand: Candidate) -> float:
    """Of two things a speaker said in one sentence, the one that says more of what the
    question asks about ("the agreements were handed out like candy" for how freely the
    agreements were handed out) fits better; the speaker's own name counts for neither."""
    named = {w for n in question.names for w in WORD.findall(n.lower())}
    said = [t for t in question.terms if t not in named]
    return TOPIC_FLOOR + (1 - TOPIC_FLOOR) * coverage(said, cand.text) if said else 1.0


def asked_actors(question: Question, known: Gazetteer) -> set[str]:
    """The known actors the question names ("U.S." and "Iran" in "which country brokered
    the U.S. talks with Iran"): an entity standing for one of them is not the answer."""
    entries = (known.lookup(n) for n in (*question.names, *question.name_runs))
    return {" ".join(WORD.findall(e.name.casefold())) for e in entries if e is not None}


def restated(
    candidate: Candidate, named: set[str], runs: tuple[str, ...], known: Gazetteer
) -> bool:
    """The candidate is an entity for an actor the question names ("the United States" for
    "U.S."), but for a capital standing for its state ("Ankara" answers "which city"), or a
    filler of the question's slot that is such an actor by name (`known`: "the United States
    should reduce its patrols" for who pushed the US to); or one that holds every word of a
    name of several words the question gives ("Omar Mir Seddique Mateen" for whom Omar Mateen
    worked for)."""
    if candidate.how == "argument":
        entry = known.lookup(candidate.text.removeprefix("the ").strip())
        actor = " ".join(WORD.findall(entry.name.casefold())) if entry else None
        return actor in named and candidate.text not in capitals()
    if candidate.how != "entity":
        return False
    if candidate.same_as in named and candidate.text not in capitals():
        return True
    words = set(WORD.findall(candidate.text.casefold()))
    return any(
        len(run := WORD.findall(name.casefold())) > 1 and words.issuperset(run) for name in runs
    )


def similarities(question: Question, passages: list[Passage]) -> list[float]:
    """Cosine of the question's vector to each passage's (sentence, title, sentence before)."""
    if not passages:
        return []
    asked = vectors.embed([question.text])[0]
    texts = [p.hit.text for p in passages]
    matrix = vectors.embed([f"{t} {p.context}" for t, p in zip(texts, passages, strict=True)])
    return [max(0.0, float(v)) for v in matrix @ asked]


def voted(ranked: list[Scored]) -> list[Scored]:
    """Scores raised by agreement: a number or date gains AGREEMENT of the best score of
    another sentence giving the same value (wire copies of one sentence count once). Names
    do not vote: the most mentioned actor is everywhere, which makes it the topic, not the
    answer."""
    best: dict[str, dict[str, float]] = {}
    for s in sorted(ranked, key=lambda s: -s.score):
        best.setdefault(s.candidate.same_as, {}).setdefault(s.passage.hit.text, s.score)
    out = []
    for s in ranked:
        if s.candidate.how not in VALUES:
            out.append(s)
            continue
        others = [v for t, v in best[s.candidate.same_as].items() if t != s.passage.hit.text]
        out.append(replace(s, score=min(1.0, s.score + AGREEMENT * max(others, default=0.0))))
    return sorted(out, key=lambda s: (-s.score, s.rank, s.candidate.start))


def support(
    question: Question, passage: Passage, weights: dict[str, float], similar: float
) -> float:
    """How much of the question the passage says (0..1): its words (IDF-weighted, in the
    sentence and with its context) and its meaning (vector cosine above what unrelated
    sentences reach)."""
    terms = list(question.terms)
    own = coverage(terms, passage.hit.text, weights, close=True)
    around = coverage(terms, f"{passage.hit.text} {passage.context}", weights, close=True)
    lexical = (1 - CONTEXT_SHARE) * own + CONTEXT_SHARE * around
    meaning = max(0.0, similar - UNRELATED) / (1 - UNRELATED)
    return (1 - MEANING_SHARE) * lexical + MEANING_SHARE * meaning


def in_period(
    question: Question, passage: Passage, store: Store, answer: Candidate | None = None
) -> bool:
    """The passage tells of the time the question names: a date of its sentence falls in it,
    or, when the sentence dates nothing, its document was published in it or soon after
    (news of "February 2009" comes out in February or March, news of what will be also
    before; a year told from now, "last year", is the one before the report's own). The
    answer's own date is not one of them: "until January 30, 2009" answers how long the
    facilities of September 2008 were to last.
    A question of since when a state has held ("since when had the Fed held rates near zero,
    as of October 2015") names the time it still held, not the answer's."""
    asked = named_period(question, passage)
    if asked is None or SINCE_ASKED.search(question.text):
        return True
    spans = dates_told(question, passage, store, answer)
    if spans:
        return any(a <= asked[1] and asked[0] <= b for a, b in spans)
    published = passage.hit.published
    if question.period is None or published is None:  # told from the report: its own time
        return True
    if AHEAD.search(question.text) and published <= asked[1]:  # told before it came
        return True
    return asked[0] <= published <= asked[1] + (REPORTED if asked[1] > asked[0] else REPORTED_DAY)


def named_period(question: Question, passage: Passage) -> tuple[date, date] | None:
    """The days of the time the question names; of a time told from the report ("last
    year", "in October"), the one its passage's report tells of: the year so many years
    before its own, the latest such months by it, or the next ones when the question asks
    what will be."""
    published = passage.hit.published
    if question.period is not None or published is None:
        return question.period
    if question.months is not None:
        first, last = question.months
        back = question.years_back
        if back is None and AHEAD.search(question.text):  # "will face Greene in November"
            back = -int(last < published.month)
        year = published.year - (int(first > published.month) if back is None else back)
        return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
    if question.years_back is not None:
        year = published.year - question.years_back
        return date(year, 1, 1), date(year, 12, 31)
    return None


def dates_told(
    question: Question, passage: Passage, store: Store, answer: Candidate | None = None
) -> list[tuple[date, date]]:
    """The periods the passage's sentence dates, but the answer's own, as precise as the
    question's period (a year does not say which of its months). A time past another figure
    is that figure's ("$75,000, down from the $600,000 it gave *four years ago*"), and so is
    a time after "than" ("half a point less than forecast *in July*"). A day tells when
    it was said beside a longer time ("255,000 jobs in July, the department said on
    *Friday*")."""
    asked = named_period(question, passage)
    if asked is None:
        return []
    hit = passage.hit
    times = store.times_in(hit.doc_id, hit.start, hit.end)
    if answer is not None:
        times = [t for t in times if t.end <= answer.start or answer.end <= t.start]
    if answer is not None and times:
        figures = store.quantities_in(hit.doc_id, hit.start, hit.end)
        times = [t for t in times if not between(figures, answer, t, hit)]
    times = [t for t in times if not COMPARED.search(hit.text[: t.start - hit.start])]
    longer = [t for t in times if days(t.value) and not A_DAY.match(t.value or "")]
    times = longer or times
    spans = [s for t in times if (s := days(t.value))]
    if asked[1] - asked[0] < YEAR:
        spans = [(a, b) for a, b in spans if b - a < YEAR]
    return spans


def between(
    figures: Sequence[Quantity], answer: Candidate, time: TimeExpr, hit: SentenceHit
) -> bool:
    """Another figure in the answer's unit stands between the answer and the time (not a
    span such as "the budget office's *10-year* outlook"), and is not joined to the answer
    as one more told of the same time ("more than 400 homicides *and* more than 2,700
    shootings this year")."""
    left, right = min(answer.end, time.end), max(answer.start, time.start)
    unit = answer.key.rpartition(":")[2]
    inside = [
        f
        for f in figures
        if left <= f.start and f.end <= right and (not unit or (f.base_unit or f.unit) == unit)
    ]
    if not inside or time.start < answer.start:
        return bool(inside)
    gap = hit.text[answer.end - hit.start : inside[0].start - hit.start]
    return not (JOINED.search(gap) and not CONTRASTED.search(gap))


def other_time(question: Question, best: Scored, store: Store) -> bool:
    """The answer's sentence dates what it says, and not in the time the question names
    ("663,000 jobs in March" for "in February 2009"), or dates nothing in a report of after
    the day the question names, or tells a figure of part of a year for a whole year's
    (`part_of_year`): the sources do not answer for it."""
    if best.candidate.how == "quantity" and part_of_year(question, best.passage.hit):
        return True
    spans = dates_told(question, best.passage, store, best.candidate)
    day = question.period is not None and question.period[0] == question.period[1]
    return (bool(spans) or day) and not in_period(question, best.passage, store, best.candidate)


def other_event_year(question: Question, best: Scored) -> bool:
    """The question asks a figure of an event it names by its year ("how many votes ... in
    the 2016 election") and the answer's sentence names years, none of them that one
    ("470,000 votes ... as the Green Party's 2012 presidential nominee"): it tells of another
    such event."""
    asked = EVENT_YEAR.search(question.text)
    if question.kind not in FIGURES or asked is None:
        return False
    if len(WRITTEN_YEAR.findall(question.text)) != 1:
        return False
    year = next(a or b for a, b in WRITTEN_YEAR.findall(asked.group()))
    hit, answer = best.passage.hit, best.candidate
    stretch = own_stretch(hit.text, answer.start - hit.start, answer.end - hit.start)
    told = {a or b for a, b in WRITTEN_YEAR.findall(stretch)}
    return bool(told) and year not in told


def own_stretch(text: str, start: int, end: int) -> str:
    """The words of a sentence around a figure, up to the figures before and after it (a
    year past another figure dates that one: "$75,000 ..., down from the $600,000 it gave in
    2012")."""
    others = [
        m
        for m in NUMBER.finditer(text)
        if (m.end() <= start or m.start() >= end) and not YEAR_LIKE.fullmatch(m.group())
    ]
    low = max((m.end() for m in others if m.end() <= start), default=0)
    high = min((m.start() for m in others if m.start() >= end), default=len(text))
    return text[low:high]


def days(value: str | None) -> tuple[date, date] | None:
    """The first and last day of a stored time value that names a century, decade, year,
    quarter or month."""
    era = ERA_VALUE.match(value or "")
    if era:  # "10": the 11th century; "199": the 1990s
        years = 10 ** (4 - len(era.group(1)))
        first_year = int(era.group(1)) * years
        return date(max(1, first_year), 1, 1), date(first_year + years - 1, 12, 31)
    found = DATED.match(value or "")
    if found is None:
        return None
    year, month, quarter, half = int(found.group(1)), *found.group(2, 3, 4)
    if quarter or half:
        months = 3 if quarter else 6
        last = months * int(quarter or half)
        first = last - months + 1
    elif month and 1 <= int(month) <= 12:
        first = last = int(month)
    else:
        first, last = 1, 12
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def not_in_document(
    names: list[str], passage: Passage, src: Sources, runs: tuple[str, ...] = ()
) -> list[str]:
    """The names its whole document never mentions: the passage answers for something else
    ("555 passengers" of the A380 for a question about the A350). A word of the name
    ("senator" for "Senate"), an actor of the document it names ("Nicolás" for Nicolás
    Maduro, called "Maduro" there) or whose state it is ("Venezuela" for Maduro), alone or in
    the question's name of several words holding it ("Rican" in "Puerto Rican": Puerto Rico),
    mentions it; names a hyphen joins ("U.S.-Israeli") are mentioned when each is."""
    doc = src.store.document(passage.hit.doc_id) if names else None
    if doc is None:
        return []
    parts = {n: joined(n) for n in names}
    unsaid = set(unmentioned_parts([p for n in names for p in parts[n]], doc, src, runs))
    return [n for n in names if unsaid & set(parts[n])]


def unmentioned_parts(
    names: list[str], doc: Document, src: Sources, runs: tuple[str, ...]
) -> list[str]:
    """The names the document never mentions (`not_in_document`), each a whole name."""
    words = {w[:STEM_CHARS] for w in words_of(folded(doc.text))}
    missing = [
        n
        for n in names
        if not {folded(f"{n.lower()}s")[:STEM_CHARS], folded(n.lower())[:STEM_CHARS]} & words
        and not surnamed(n, runs, words)
        and not place_kind(n, runs, doc.text)
        and not by_outlet(n, runs, doc.outlet)
        and not shortened(n, runs, doc.text)
    ]
    entities = src.store.entities_in(doc.id, 0, len(doc.text)) if missing else []
    actors = {e.actor for e in entities if e.actor}
    named = {w for a in actors for w in a.split()} | {e.code for e in entities if e.code}
    found = actors | named
    return [
        n
        for n in missing
        if n not in named
        and not any(
            (e := src.known.lookup(r)) is not None and {e.name, e.code} & found
            for r in (n, *(r for r in runs if n in r))
        )
    ]


def place_kind(name: str, runs: tuple[str, ...], text: str) -> bool:
    """The name is the kind word ending a place's name ("City" of "New York City") and the
    text names the place without it ("New York")."""
    return name in PLACE_KINDS and any(
        r.endswith(f" {name}") and named_in(r.removesuffix(f" {name}"), text) for r in runs
    )


def by_outlet(name: str, runs: tuple[str, ...], outlet: str | None) -> bool:
    """The name, alone or in a run of names, is the outlet's ("HuffPost" for "huff-post"):
    "according to HuffPost" asks for what its story says, which need not name it."""
    if not outlet:
        return False
    own = re.sub(r"[\W_]", "", outlet.lower())
    return any(re.sub(r"[\W_]", "", r.lower()) == own for r in (name, *runs) if name in r)


def surnamed(name: str, runs: tuple[str, ...], words: set[str]) -> bool:
    """The name is a word before the end of a name of several words whose end the document
    gives: a person's surname ("Blige" for "Mary J. Blige"), the last two words of a longer
    name ("the Daily News" for the New York Daily News): stories call them so."""
    for run in runs:
        parts = [p.removesuffix("'s") for p in run.split() if len(p.rstrip(".")) > 1]
        if name not in parts[:-1]:
            continue
        tail = parts[-1:] if name == parts[0] or len(parts) < 3 else parts[-2:]
        if name not in tail and all(t.lower()[:STEM_CHARS] in words for t in tail):
            return True
    return False


def shortened(name: str, runs: tuple[str, ...], text: str) -> bool:
    """The text writes the name short: an acronym in full ("Democratic National Committee"
    for DNC) or the name of several words holding it by its initials ("GM")."""
    return spelled_out(name, text) or any(name in r and abbreviated(r, text) for r in runs)


def named_in(name: str, text: str) -> bool:
    """The text names it: its opening letters begin a word there, capitalized as in the
    question ("Kyrgyz" for Kyrgyzstan; "tobacco firms" does not name Lorillard Tobacco) or in
    capitals, as a dateline writes it ("DUNBLANE, Scotland (AP) _"); an acronym also in full
    ("Democratic National Committee" names the DNC); a model's plural in the singular ("A320"
    names the A320s); accents aside ("Gulen" names Gülen)."""
    start, plain = folded(MODELS.sub(r"\1", name))[:STEM_CHARS], folded(text)
    said = any(re.search(rf"\b{re.escape(s)}", plain) for s in (start, start.upper()))
    return said or spelled_out(name, text) or written_short(name, text)


def written_short(name: str, text: str) -> bool:
    """The text writes the place short, as after a town ("Bunkerville, *Nev.*" for Nevada)."""
    return any(
        re.search(rf"(?<![\w.]){re.escape(s)}(?!\w)", text) for s in short_forms().get(name, ())
    )


@cache
def short_forms() -> dict[str, tuple[str, ...]]:
    """Place name -> how news writes it short (lexicons/place_short_forms.tsv)."""
    return {row[0]: tuple(row[1].split("|")) for row in read_rows("place_short_forms.tsv")}


def names_present(question: Question, passage: Passage, src: Sources) -> bool:
    """Every name of the question occurs in the passage, its title or the sentence before."""
    return not missing_names(question, passage, src, whole=True)


#: words that end a place's name and say what kind of place it is
PLACE_KINDS = frozenset({"City", "County", "State", "Province"})


def missing_names(
    question: Question, passage: Passage, src: Sources, *, whole: bool = False
) -> list[str]:
    """The question's names that the passage is not about: not in its sentence, the fragment
    that ends it, its title or the opening words of the sentence before (its subject, as a
    rule: "The Igla-S is ... similar to US Stingers" makes the next sentence about the Igla-S,
    not the Stinger), nor an actor they mention under another alias ("US" for "the United
    States", "Denmark's unions" for "Danish"). With `whole`, or when the sentence speaks of
    someone by a pronoun ("nobody opposed *him*") or opens with a description ("*The planes*
    are expected to"), anywhere in the sentence before counts; so
    it does for the source the question gives ("according to the Labor Department": "...,
    the Labor Department reported on Friday." before the figures)."""
    before = (
        [w for w in passage.before.text.split() if any(c.isalnum() for c in w)]
        if passage.before
        else []
    )
    whole = whole or PRONOUN.search(passage.hit.text) is not None  # "he was confirmed 92 to 0"
    whole = whole or described(passage, src.store)  # "The planes are expected to start ..."
    before = before if whole else before[:TOPIC_WORDS]
    ending = passage.after.text if passage.after else ""
    text = " ".join((passage.hit.text, ending, passage.hit.title or "", *before))
    missing = [n for n in question.names if not named_in(n, text)]
    if missing and question.speaker and passage.before:  # "..., the Labor Department reported."
        told = passage.before.text
        missing = [n for n in missing if not (n in question.speaker and named_in(n, told))]
    if missing:  # the story's dateline places all of it ("CANBERRA, Australia (AP) _")
        missing = [n for n in missing if not named_in(n, dateline(passage.hit, src.store))]
    if missing and OPENING_PRONOUN.match(passage.hit.text) and passage.before:
        openings = " ".join(earlier_openings(passage.before, src.store))
        missing = [n for n in missing if not named_in(n, openings)]
    runs = question.name_runs
    missing = [
        n
        for n in missing
        if not by_outlet(n, runs, passage.hit.outlet) and not shortened(n, runs, text)
    ]
    if not missing:
        return []
    hit, prior = passage.hit, passage.before
    entities = src.store.entities_in(hit.doc_id, hit.start, hit.end)
    if prior is not None:
        prior_end = prior.end if whole else prior.start + len(" ".join(before))
        entities += src.store.entities_in(prior.doc_id, prior.start, prior_end)
    actors = {e.actor for e in entities if e.actor}
    if THE_COUNTRY.search(hit.text):
        actors |= country_before(hit, src)
    states = {e.code for e in entities if e.actor and e.code}
    missing = [
        n
        for n in missing
        if not any(known_as(r, src, actors, states) for r in (n, *runs) if n in r)
    ]
    return beyond_sole_state(missing, hit.doc_id, src)


def beyond_sole_state(names: list[str], doc_id: str, src: Sources) -> list[str]:
    """The names but the country that is the only one the document names (`sole_state`)."""
    codes = {n: country_code(n, src.known) for n in names}
    if not any(codes.values()):
        return names
    sole = sole_state(doc_id, src)
    return [n for n in names if codes[n] is None or codes[n] != sole]


def sole_state(doc_id: str, src: Sources) -> str | None:
    """The code of the one country a document names (its places and peoples), if it names
    only one: a story from that country's press need not name it in every sentence ("the
    economy added 358,000 jobs" in a story that said "America's economic stamina" before)."""
    codes = {e.code for e in places_of(doc_id, src) if e.code}
    return codes.pop() if len(codes) == 1 else None


def country_code(name: str, known: Gazetteer) -> str | None:
    """The code of the country the name is ("USA" for "America" and "U.S."), or None."""
    entry = known.lookup(name)
    return entry.code if entry is not None and entry.kind == "GPE" else None


def earlier_openings(before: SentenceHit, store: Store) -> list[str]:
    """The opening words of the sentences before `before`, up to REFERENT_SENTENCES back:
    where a sentence that opens with a pronoun may find whom it speaks of ("The Freedom of
    Information Act will cover ..." two sentences before "It provides ...")."""
    out = []
    for _ in range(REFERENT_SENTENCES):
        earlier = store.sentence_before(before)
        if earlier is None:
            break
        out.append(" ".join(earlier.text.split()[:TOPIC_WORDS]))
        before = earlier
    return out


def dateline(hit: SentenceHit, store: Store) -> str:
    """The dateline that opens the hit's story ("CANBERRA, Australia (AP) _"), or ""."""
    first = store.sentence_at(hit.doc_id, 0) if hit.index else hit
    found = DATELINE.match(first.text) if first is not None else None
    return found.group() if found else ""


def known_as(name: str, src: Sources, actors: set[str], states: set[str]) -> bool:
    """The name is a known actor's ("United States": "U.S.") that the sentence mentions, or
    a country one of whose actors it mentions ("Maduro" speaks for Venezuela)."""
    entry = src.known.lookup(name)
    if entry is None:
        return False
    return entry.name in actors or (entry.kind == "GPE" and entry.code in states)


def country_before(hit: SentenceHit, src: Sources) -> set[str]:
    """What "the country" of a sentence may be: the last country its story named before it,
    or the one it named most (the countries a document names when it named none before)."""
    places = [(e.end, e.actor) for e in places_of(hit.doc_id, src) if e.actor and e.code]
    before = [actor for end, actor in places if end <= hit.start]
    if not before:
        return {actor for _, actor in places}
    return {before[-1], Counter(before).most_common(1)[0][0]}


def places_of(doc_id: str, src: Sources) -> list[Entity]:
    """The places and peoples a whole document names (GPE and NORP entities)."""
    doc = src.store.document(doc_id)
    entities = src.store.entities_in(doc_id, 0, len(doc.text)) if doc else []
    return [e for e in entities if e.label in ("GPE", "NORP")]
