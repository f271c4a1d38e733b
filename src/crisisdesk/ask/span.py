"""Candidate answers inside one retrieved passage: stretches of its sentence of the kind the
question asks for, from the stored records first.

- numbers, amounts, measures: the stored quantities (money for a price, percent for a share, a
  count whose counted thing is the question's focus), then number entities;
- dates: the stored time expressions, then date entities; places and actors: entities, grown
  to the whole name the tagger cut short ("Federal Service for the Financial Markets");
- reasons ("why", "what made ..."): the clause after a cause word ("because", "as", "due to",
  "over concerns about", "following");
- statements ("what did X insist ..."): the content of an attribution in the sentence;
- whatever fills the question's slot beside the same predicate (`align.py`: "questioned *by
  US lawmakers*" for "who questioned"), in the best few passages, parsed at answer time (one
  sentence, a few milliseconds; the store is never re-parsed);
- anything else: a noun phrase of the sentence.
A candidate the question already says ("Boeing" for "why did Boeing ...") is never one.
`fit` says how well its kind fits, 1 best.
"""

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from crisisdesk import vectors
from crisisdesk.analyze.pipeline import component_names
from crisisdesk.ask.acts import other_outcome
from crisisdesk.ask.align import Slot, arguments, forms, mentions, purposes
from crisisdesk.ask.question import Question
from crisisdesk.ask.retrieve import Passage
from crisisdesk.ask.words import WORD, found, stem, word_groups, words_of
from crisisdesk.records import Entity
from crisisdesk.store import SentenceHit, Store

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

#: the components a noun phrase needs: spaCy's own and our paragraph breaks
NEEDED = frozenset({"crisisdesk_paragraphs"})
CAUSE = re.compile(
    r"\b(?:because(?: of)?|due to|owing to|thanks to|as a result of|in response to"
    r"|(?:mainly |largely |partly )?over (?:concerns?|fears?|worries) (?:about|over|that)"
    r"|following|after|cites?|blamed? (?:it )?on|as part of|alleging(?: that)?|accusing \w+ of"
    r"|(?:as|since)(?= (?:its?|the|they|he|she|this|these|their|his|her|there|a|an|we)\b))\s+",
    re.I,
)
FACTOR = re.compile(
    r"^(?P<what>[^,;]{8,160}?) (?:was|were|is|are|had been|has been) (?:a|the|one"
    r" of the) (?:[\w-]+ ){0,2}(?:factors?|reasons?|causes?|motives?)\b",
    re.I,
)
#: what a sentence names as the reason ("cited *the audit* as the reason he's not ...")
NAMED_AS = re.compile(
    r"\b(?:cited|cites|cite|gave|gives|named|names|blamed|blames)\s+(?P<what>[^,;]{3,80}?)\s+as"
    r"\s+(?:the|a|one|his|her|their|its)\s+(?:\w+\s+)?(?:reasons?|causes?|factors?|motives?)\b",
    re.I,
)
#: what a sentence says brought something about ("steady rainfall ... *contributed to* the rise")
CONTRIBUTED = re.compile(r"^(?P<what>[^;]{8,160}?) (?:contributed|led|gave rise|added) to\b", re.I)
SAID_THAT = re.compile(r"^.*?\b(?:said|says|say|argued|added|believes?|thinks?) that ", re.I)
CLAUSE_END = re.compile(r"[.;:!?]|,\s+(?:and|but|while|which|who|according|said)\b|\s[-–—]\s")
#: a dateline: place in capitals, the filing date, the agency ("LOS ANGELES, Sept. 28 (UPI) —")
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+, [^—–()]{3,24}?(?: \([\w .]+\))? ?[—–-]+(?:\s|$)")
#: what a name keeps that only qualifies the next one, and how many words may stand between
QUALIFIER_FIT, QUALIFIED_WORDS = 0.5, 2
#: an age as news gives it ("40-year-old", "aged 40", "Crutcher, 40,"), the name it belongs to
#: (after "40-year-old [police officer]", else before it), whose age a question asks, and what
#: another's age keeps of its fit
AGE = re.compile(r"\b(\d{1,3})[- ]years?[- ]old\b|\baged (\d{1,3})\b|(?<=[a-z]), (\d{1,3}),")
NAME_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,3}((?:[A-Z][\w'’.-]*\s?)+)")
NAME_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s?)+),?(?:\s+[a-z]+){0,2}\s*$")
AGED_WHO = re.compile(
    r"\bhow old (?:is|was|are|were|will be) ([^,?]+)|\bwhat age (?:is|was|did) ([^,?]+)", re.I
)
OTHERS_AGE = 0.3
#: a question that asks what kind of thing ("what type of circuit"): a modifier answers it
#: ("Boolean"); other phrase answers name something (not "important" of "important classes")
KIND_OF = re.compile(r"\b(?:kind|type|sort|form)s? of\b", re.I)
NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "PRON"})
#: kinds whose figures count an act, and what a figure of another act keeps of its fit
COUNTED = frozenset({"number", "amount"})
OTHER_ACT = 0.5
#: what a span of time keeps when the question counts things, and the words for such spans
DURATION_FOR_COUNT = 0.3
TIME_UNITS = frozenset(
    stem(w)
    for w in ("seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "time")
)
#: a name set beside a source that names no one ("one abortion opponent*, the Rev. Donald
#: Spitz,*")
APPOSED_NAME = re.compile(
    r",\s+(?:the\s+)?(?:[A-Z][a-z]{1,4}\.\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+)+)(?=,|\s+said)"
)
#: a time value with a time of day ("1998-08-07T10:35"), and what a day keeps for "what time"
CLOCK = re.compile(r"T\d")
CLOCK_WORDS = re.compile(r"\d:\d\d|\d\s?[ap]\.?m\b|\bo'clock\b|\bnoon\b|\bmidnight\b", re.I)
CLOCKLESS = 0.5
#: what a vague figure keeps of its fit
VAGUE_FIT = 0.6
#: a possessive ending ("Clinton’s")
POSSESSIVE = re.compile(r"['’]s?$")
#: a figure that gives no number ("thousands of shootings"): an exact one answers better
VAGUE = re.compile(
    r"(?:(?:tens|hundreds) of )?(?:dozens|scores|hundreds|thousands|millions|billions)", re.I
)
#: two numbers joined by a slash: an event's name ("9/11") or a date, never an answer's figure
SLASHED = re.compile(r"\d{1,2}/\d{1,2}")
#: word-vector cosine above which a counted thing is taken for the question's focus
SIMILAR = 0.35
#: a question about who said, denied, urged ... something: its answer is a source
SPEECH = re.compile(
    r"\b(sa(y|id)|spoke|speak|told|tell|reject\w*|den(y|ied|ies)|urg\w*|warn\w*|claim\w*"
    r"|announc\w*|skeptic\w*|scepti\w*|critic\w*|object\w*|insist\w*|admit\w*|accus\w*"
    r"|slam\w*|condemn\w*|caution\w*|remark\w*|argu\w*|predict\w*|suggest\w*)\b",
    re.I,
)
PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "this", "that"])
#: sources that are writings, not people: "according to reports" names no one
WRITINGS = frozenset(
    [
        "report",
        "reports",
        "statement",
        "statements",
        "data",
        "figures",
        "study",
        "survey",
        "poll",
        "polls",
        "estimates",
        "documents",
        "document",
        "analysis",
        "research",
        "letter",
        "memo",
    ]
)
#: what an entity that is not the source of a statement keeps of its fit, for such questions
NOT_SPEAKER = 0.6
#: "who is X's minister": the role is all the question says of its answer, so a name the
#: sentence does not call so keeps little of its fit
ROLE_ASKED = re.compile(r"^\s*who (?:is|was|are|were)\b", re.I)
ROLE_UNTITLED = 0.3
#: a question that asks for a name, and what a phrase that names nothing keeps of its fit
NAME_ASKED = re.compile(
    r"\b(?:the name of|what is \w+ called|what was \w+ called|named what)\b", re.I
)
UNNAMED = 0.3
#: what an entity keeps when no word around it names the role or kind the question asks for
UNTITLED = 0.75
MONTH = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(spring|summer|autumn|fall"
    r"|winter)\b",
    re.I,
)
SMALL_PLACES = frozenset(
    [
        "city",
        "cities",
        "town",
        "towns",
        "state",
        "states",
        "province",
        "region",
        "port",
        "capital",
        "area",
        "village",
    ]
)
#: words that end what a count counts ("people *on* board", "jobs *in* France")
LINKS = frozenset(
    ["of", "on", "in", "at", "for", "from", "to", "by", "with", "who", "that", "which", "as"]
)
#: a question about a difference ("how many more votes") and the number that gives one
#: ("eight short of the 60", "12 more than")
DIFFERENCE = re.compile(r"\bhow (many|much) (more|fewer|less)\b", re.I)
GAP = re.compile(r"^(?: [\w-]+){0,2} (short|more|fewer|less|shy|behind|ahead)\b", re.I)
#: what a number keeps for such a question when no difference word follows it
NOT_A_GAP = 0.5
#: a number followed by the level it led to ("15,000 last week *to 444,000*"), and a question
#: that asks for the change itself
STEP = re.compile(r"^(?: [\w-]+){0,3} to [$€£]?\d")
LEVEL = re.compile(r"\d[\d,.]*(?: [\w-]+){0,3} to [$€£]?$")
CHANGE = re.compile(
    r"\b(by how|rise|rose|risen|fall|fell|fallen|drop\w*|gain\w*|los[et]|climb\w*|sli[dp]|shed"
    r"|cut\w*|add\w*|grow\w*|grew|expand\w*|shr[iu]nk\w*|contract\w*"
    r"|jump\w*|increase\w*|decrease\w*|more|fewer|less|up|down)\b",
    re.I,
)
#: a number told as a change ("lost 212,000"), a question about a total, a rate after a number
CHANGED = re.compile(
    r"\b(?:lost|lose|loses|gained|gains|added|adds|cut|cuts|shed|sheds|fell|rose|dropped"
    r"|increased|decreased|grew|slid|jumped)(?: by| some| about| nearly| almost| over)?\s*[$€£]?$",
    re.I,
)
#: what a change keeps when the question asks for a level
CHANGE_FOR_LEVEL = 0.3
PARTITIVE = re.compile(r"^\s+of (?:which|whom|them|those|these)\b", re.I)
#: what stands before the whole a part of it is counted from ("10 of *12* American victims")
WHOLE = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|all|most"
    r"|some|many|half|none) of (?:the |its |their |his |her )?$",
    re.I,
)
TOTAL = re.compile(r"\b(?:total|in all|altogether|overall|whole)\b", re.I)
RATE = re.compile(
    r"^\S*\s+(?:per|a|an|each)\s+(?:year|month|week|day|head|person|mother|worker)\b|^\S*\s+per\b",
    re.I,
)
#: a question about how long something lasts, and the word before the date that ends it
HOW_LONG = re.compile(r"\bhow long\b(?! ago)", re.I)
UNTIL = re.compile(r"\b(?:until|till|through|to|by|ends?|expires?)\s+(?:the\s+)?$", re.I)
#: what a date that does not end the time asked about keeps of its fit, for such questions
UNENDED = 0.5
#: what a model number or a step of change keeps of its fit
MODEL = 0.6
#: a question about a measure, and for each the base units of its figures and the words
#: that name it beside a figure
MEASURE = re.compile(r"\bhow (far|high|tall|deep|wide|fast|heavy|long|big|large)\b", re.I)
MEASURES: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    "far": (frozenset({"m"}), ("range", "distance", "far", "away", "reach", "radius")),
    "high": (frozenset({"m"}), ("altitude", "height", "high", "ceiling", "elevation")),
    "tall": (frozenset({"m"}), ("height", "tall", "high")),
    "deep": (frozenset({"m"}), ("depth", "deep")),
    "wide": (frozenset({"m"}), ("width", "wide", "across", "span")),
    "fast": (frozenset({"m/s", "mach", "percent"}), ("speed", "fast", "velocity", "top", "growth")),
    "heavy": (frozenset({"kg"}), ("weight", "weighs", "heavy", "mass")),
    "long": (frozenset({"m", "s"}), ("length", "long", "duration", "lasting")),
    "big": (frozenset(), ("size", "area", "big", "large")),
    "large": (frozenset(), ("size", "area", "big", "large")),
}
#: dimensions of any unit: "how big was the audience" (a count), "how large a loss" (money)
SIZES = frozenset({"big", "large"})
MEASURE_WORDS = frozenset(w for _, words in MEASURES.values() for w in words)
MONEY_UNITS = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "RUB", "INR"})
#: what continues a name past the end the tagger gave it: a regnal number ("Richard *I*") or
#: "of/for" and capitalized words ("Henry III *of Castile*")
NAME_TAIL = re.compile(
    r"^(?: [IVX]+\b(?!['’-])| (?:of|for|de|du|von|van)(?: the)?(?: [A-Z][\w'’&-]*)+)"
)
#: what begins a name before the start the tagger gave it: capitalized words joined by "of/for"
#: ("*Federal Service for* the Financial Markets")
NAME_HEAD = re.compile(r"(?:[A-Z][\w'’&-]* )+(?:of|for) $")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible answer: document offsets (end exclusive), its text, how it was found and how
    well its kind fits the question (1 best)."""

    start: int
    end: int
    text: str
    how: str
    fit: float = 1.0
    #: what the candidate says, for counting sources that agree ("$15bn" and "$15 billion")
    key: str = ""
    #: the answer as the sentence puts it, when that says more ("up to 6,000 meters")
    phrase: str = ""

    @property
    def same_as(self) -> str:
        return " ".join(WORD.findall((self.key or self.text).casefold()))


#: the kinds of answer a slot's filler may give (numbers and dates come from the records)
ARGUED = frozenset({"actor", "place", "phrase", "yesno", "statement", "title"})
#: sentences parsed at answer time, by text (a passage is read again as another's context)
_PARSES: dict[str, "Doc"] = {}
PARSES_KEPT = 256


def candidates(
    question: Question,
    passage: Passage,
    store: Store,
    nlp: "Language",
    *,
    phrases: bool = False,
    aligned: bool = False,
) -> list[Candidate]:
    """Every candidate answer in the passage's sentence (its noun phrases, with `phrases`;
    with `aligned`, also what fills the question's slot), the question's words excluded."""
    hit, asked = passage.hit, words_of(question.text)
    if phrases:
        found_ = phrase_candidates(question.text, hit, nlp)
    else:
        found_ = [c for c in _typed(question, hit, store) if not said(c.text, asked)]
        if aligned:
            found_ += [c for c in slot_fillers(question, hit, nlp) if not said(c.text, asked)]
        if aligned and question.kind == "reason" and question.acts:
            found_ += purposed(question, hit, nlp)
        if aligned and question.kind in ("actor", "place"):
            found_ = [qualifying(c, hit, nlp) for c in found_]
        if question.kind == "actor":
            found_ = [apposed(c, hit) for c in found_]
        if aligned and question.kind in COUNTED and question.acts and found_:
            found_ = [of_the_act(c, question, hit, nlp) for c in found_]
    kind_words = _synonyms().get(stem(question.focus or ""), {stem(question.focus or "")})
    return longest([echoing(c, asked - kind_words) for c in found_])


def purposed(question: Question, hit: SentenceHit, nlp: "Language") -> list[Candidate]:
    """What the sentence says the question's act was done for (`align.purposes`)."""
    if not mentions_any(question.acts, hit.text):
        return []
    spans = purposes(question.acts, parsed(hit.text, nlp))
    return [Candidate(hit.start + a, hit.start + b, hit.text[a:b], "clause", 0.9) for a, b in spans]


def mentions_any(acts: tuple[str, ...], text: str) -> bool:
    """The text holds one of the acts in some form: worth parsing."""
    return mentions(Slot(frozenset(w for a in acts for w in forms(a)), "clause"), text)


def of_the_act(
    candidate: Candidate, question: Question, hit: SentenceHit, nlp: "Language"
) -> Candidate:
    """A figure of another outcome than the question's ("wounding at least 1,000" for "how
    many were killed") fits less (`acts.py`)."""
    if candidate.how != "quantity":
        return candidate
    start, end = candidate.start - hit.start, candidate.end - hit.start
    if other_outcome(parsed(hit.text, nlp), start, end, question.acts):
        return replace(candidate, fit=candidate.fit * OTHER_ACT)
    return candidate


def apposed(candidate: Candidate, hit: SentenceHit) -> Candidate:
    """For a "who" question, the name set beside an answer that names no one ("one abortion
    opponent, the Rev. Donald Spitz, ...": Donald Spitz)."""
    at = candidate.start == hit.start
    if named_in(candidate.text, at):
        return candidate
    found = APPOSED_NAME.match(hit.text, candidate.end - hit.start)
    if found is None:
        return candidate
    start, end = (hit.start + i for i in found.span("name"))
    return replace(candidate, start=start, end=end, text=found.group("name"), key="")


def qualifying(candidate: Candidate, hit: SentenceHit, nlp: "Language") -> Candidate:
    """A name that only says whose or where another name is ("*Airbus* rival Boeing", "*Los
    Angeles* based Northrop Grumman", "*U.S.* automaker GM") answers less than that name."""
    if candidate.how != "entity":
        return candidate
    doc = parsed(hit.text, nlp)
    end = candidate.end - hit.start
    rest = [t for t in doc if t.idx >= end][: QUALIFIED_WORDS + 2]
    if rest and rest[0].lower_ in ("'s", "’s"):
        rest = rest[1:]
    middle = 0
    while middle < len(rest) and middle < QUALIFIED_WORDS and _describes(rest[middle]):
        middle += 1
    qualifies = 0 < middle < len(rest) and rest[middle].pos_ == "PROPN"
    return replace(candidate, fit=candidate.fit * QUALIFIER_FIT) if qualifies else candidate


def _describes(token: "Token") -> bool:
    """A lowercase word between two names that says what the second one is."""
    if token.text == "-" or token.lower_ in ("based", "backed", "led", "made"):
        return True
    return token.pos_ in ("NOUN", "ADJ") and token.text[:1].islower()


def longest(found: list[Candidate]) -> list[Candidate]:
    """One candidate per answer in a sentence: the best fitting, then the longest form ("Bank
    of America" over "BoA" when both name one actor), the slot's filler when it is as long."""
    best: dict[str, Candidate] = {}
    for c in found:
        kept = best.get(c.same_as)
        if kept is None or _preferred(c) > _preferred(kept):
            best[c.same_as] = c
    return list(best.values())


def _preferred(c: Candidate) -> tuple[float, int, bool]:
    return c.fit, len(c.text), c.how == "argument"


def echoing(candidate: Candidate, asked: AbstractSet[str]) -> Candidate:
    """A candidate that repeats some of the question's words ("Air France Flight" for a
    question about Flight 447) is less likely its answer: its fit is halved. The noun the
    question asks for is not repeated ("which banks": "Bank of America")."""
    if candidate.how in ("clause", "statement", "quantity"):  # a count names what it counts
        return candidate
    words = [POSSESSIVE.sub("", w) for w in WORD.findall(candidate.text.lower())]
    if any(found(w, asked) for w in words if w not in STOP_WORDS):  # "Clinton’s": Clinton
        return replace(candidate, fit=candidate.fit * 0.5)
    return candidate


def _typed(question: Question, hit: SentenceHit, store: Store) -> Iterator[Candidate]:
    kind = question.kind
    records: list[Candidate] = []
    if kind in ("number", "amount", "quantity"):
        records += _quantities(question, hit, store)
    if kind == "date" or (kind == "quantity" and "DATE" in question.labels):
        records += _times(question, hit, store)
    if kind == "reason":
        records += _reasons(hit)
    if kind == "age":
        records += _ages(question, hit)
    if kind == "statement" or (kind == "reason" and question.speaker):
        records += _statements(question, hit, store)
    yield from records
    if question.labels:
        yield from _entities(question, hit, store, records)
    if kind == "actor" and SPEECH.search(question.text):
        yield from _sources(question, hit, store)
    choice_ = choice(question.text, hit)
    if choice_ is not None:
        yield choice_


def _entities(
    question: Question, hit: SentenceHit, store: Store, records: list[Candidate]
) -> Iterator[Candidate]:
    """Entities of a fitting label, except those a record candidate already covers (a stored
    quantity says more than its CARDINAL entity); numbers as bare entities fit less."""
    sources, filed = speakers(question, hit, store), dateline_end(hit)
    for e in store.entities_in(hit.doc_id, hit.start, hit.end):
        if abbreviation(hit, e.start, e.end) or e.label not in question.labels:
            continue
        if (e.label in ("DATE", "TIME") and e.start < filed) or SLASHED.fullmatch(e.text):
            continue  # the story's filing date; "9/11" names an event, it counts nothing
        if not any(r.start < e.end and e.start < r.end for r in records):
            fit = entity_fit(question, hit, e, sources) * (0.6 if records else 1.0)
            start, end = whole_name(hit, e.start, e.end)
            text = hit.text[start - hit.start : end - hit.start]
            yield Candidate(start, end, text, "entity", fit, e.actor or "")


def entity_fit(
    question: Question, hit: SentenceHit, e: Entity, sources: list[tuple[int, int]] | None
) -> float:
    """How well an entity fits: its label's place among those asked, a written date, a
    city or a country as asked, the speaker for "who said", the role named beside it."""
    fit = 1.0 - 0.2 * question.labels.index(e.label)
    if e.label in ("DATE", "TIME"):
        fit *= time_fit(question.focus, e.text, "")
    if e.label in ("CARDINAL", "QUANTITY"):
        fit *= gap_fit(question, hit, e.end)
        fit *= MODEL if PARTITIVE.match(hit.text[e.end - hit.start :]) else 1.0
    if question.kind == "place":
        fit *= place_fit(question.focus, e.code is not None and e.actor is not None)
    if sources is not None and not any(a <= e.start and e.end <= b for a, b in sources):
        fit *= NOT_SPEAKER
    if question.kind == "actor" and not titled(question.focus, hit, e.start, e.end):
        fit *= ROLE_UNTITLED if ROLE_ASKED.match(question.text) else UNTITLED
    return fit


def gap_fit(question: Question, hit: SentenceHit, end: int) -> float:
    """For "how many more ...": a number that a difference word follows ("eight short of")
    fits; another keeps NOT_A_GAP. 1 for other questions."""
    if DIFFERENCE.search(question.text) is None or GAP.match(hit.text[end - hit.start :]):
        return 1.0
    return NOT_A_GAP


def abbreviation(hit: SentenceHit, start: int, end: int) -> bool:
    """The span is a short form in brackets after the name it stands for ("Bank of America
    (BoA)"): the name answers, not its short form."""
    a, b = start - hit.start, end - hit.start
    word = hit.text[a:b]
    return hit.text[max(0, a - 2) : a] == " (" and hit.text[b : b + 1] == ")" and " " not in word


def whole_name(hit: SentenceHit, start: int, end: int) -> tuple[int, int]:
    """An entity's span grown to the whole name the tagger cut short: "Richard" -> "Richard
    I", "the Financial Markets" -> "Federal Service for the Financial Markets", "Henry III of"
    -> "Henry III of Castile". Limit: only capitalized words joined by "of/for" grow a name."""
    a, b = start - hit.start, end - hit.start
    if hit.text[a:b].endswith((" of", " for")):
        b = a + hit.text[a:b].rfind(" ")
    tail = NAME_TAIL.match(hit.text[b:])
    if tail:
        b += len(tail.group())
    before = hit.text[max(0, a - 60) : a]
    head = NAME_HEAD.search(before.removesuffix("the "))
    if head:
        a = max(0, a - 60) + head.start()
    return hit.start + a, hit.start + b


def place_fit(focus: str | None, is_state: bool) -> float:
    """A country does not answer "which city" (nor a city "which country")."""
    if focus in ("country", "countries", "nation", "nations"):
        return 1.0 if is_state else 0.6
    if focus in SMALL_PLACES:
        return 0.4 if is_state else 1.0
    return 1.0


def titled(focus: str | None, hit: SentenceHit, start: int, end: int) -> bool:
    """The entity or the words around it name what the question asks for ("which industry
    watcher": "analyst Erich Merkle", "Erich Merkle, an analyst"; "which banks": "Bank of
    America"); True without a focus noun."""
    if focus is None or focus in ("person", "people", "one"):
        return True
    before = hit.text[max(0, start - hit.start - 40) : start - hit.start]
    after = hit.text[end - hit.start : end - hit.start + 30]
    own = hit.text[start - hit.start : end - hit.start]
    near = WORD.findall(before.lower())[-4:] + WORD.findall(f"{own} {after}".lower())[:8]
    wanted = _synonyms().get(stem(focus), frozenset({stem(focus)}))
    return any(stem(w) in wanted for w in near)


def speakers(question: Question, hit: SentenceHit, store: Store) -> list[tuple[int, int]] | None:
    """For a question about who said, denied or urged something: the spans of the sentence's
    attribution sources (None for other questions)."""
    if question.kind != "actor" or not SPEECH.search(question.text):
        return None
    spans = [
        (a.source.start, a.source.end)
        for a in store.attributions_over(hit.doc_id, hit.start, hit.end)
        if a.source is not None
    ]
    return spans


def _quantities(question: Question, hit: SentenceHit, store: Store) -> Iterator[Candidate]:
    for q in store.quantities_in(hit.doc_id, hit.start, hit.end):
        fit = quantity_fit(question, q.unit, q.counted) * gap_fit(question, hit, q.end)
        fit *= VAGUE_FIT if VAGUE.fullmatch(q.text) else 1.0
        fit *= level_fit(question, hit, q.start, q.end)
        fit *= DURATION_FOR_COUNT if counts_time(question, q.base_unit or q.unit) else 1.0
        fit *= measure_fit(question, hit, q.start, q.end, q.base_unit or q.unit)
        key = f"{q.base_value or q.value}:{q.base_unit or q.unit}"
        start, end = qualified_start(hit, q.start, q.qualifier), counted_end(hit, q.end, q.counted)
        phrase = hit.text[start - hit.start : end - hit.start]
        yield Candidate(q.start, q.end, q.text, "quantity", fit, key, phrase)


def counts_time(question: Question, unit: str) -> bool:
    """A span of time answering a count of things ("13 days" for "how many cruise missiles");
    "how many days" asks for one."""
    if question.kind != "number" or unit != "s" or not question.focus:
        return False
    return stem(question.focus) not in TIME_UNITS


def level_fit(question: Question, hit: SentenceHit, start: int, end: int) -> float:
    """A number that names a model ("Boeing's 787") fits less; so does a change on the way
    to a level ("rose 15,000 last week to 444,000", "lost 212,000 customers") unless the
    question asks how much something rose, and then the level it rose to; and a rate ("£1,400
    per mother") when the question asks for a total."""
    before, after = hit.text[: start - hit.start], hit.text[end - hit.start :]
    if before.endswith(("'s ", "’s ", "' ")):
        return MODEL
    change = CHANGE.search(question.text) is not None
    if (STEP.match(after) and not change) or (change and LEVEL.search(before)):
        return MODEL
    if not change and CHANGED.search(before):  # "lost 212,000 customers" for how many it has
        return CHANGE_FOR_LEVEL
    if TOTAL.search(question.text) and RATE.match(after):  # "£1,400 per mother" for the total
        return MODEL
    if PARTITIVE.match(after):  # "one of which is likely to be in Glasgow"
        return MODEL
    if WHOLE.search(before) and not TOTAL.search(question.text):  # "10 of 12 victims": 10
        return CHANGE_FOR_LEVEL
    return 1.0


def sized(question: Question) -> bool:
    """The question asks how big or large something is: a figure of any unit may say it."""
    asked = MEASURE.search(question.text)
    return asked is not None and asked.group(1).lower() in SIZES


def measure_fit(question: Question, hit: SentenceHit, start: int, end: int, unit: str) -> float:
    """For "how far / high / fast / heavy ...": a figure of that dimension fits, best when a
    word for the measure stands beside it ("a range of up to 6,000 meters" for how far, "a
    maximum altitude of 3,500 meters" for how high); one named as another measure fits least.
    1 for other questions."""
    asked = MEASURE.search(question.text) if question.kind == "quantity" else None
    if asked is None:
        return 1.0
    dimension = asked.group(1).lower()
    units, words = MEASURES[dimension]
    before = WORD.findall(hit.text[max(0, start - hit.start - 40) : start - hit.start].lower())
    after = WORD.findall(hit.text[end - hit.start : end - hit.start + 20].lower())
    near = {stem(w) for w in before[-5:] + after[:2]}
    named = near & {stem(w) for w in MEASURE_WORDS}
    if named & {stem(w) for w in words}:
        return 1.0
    if unit not in units and dimension not in SIZES:
        return 0.5
    return 0.6 if named else 0.85


def qualified_start(hit: SentenceHit, start: int, qualifier: str | None) -> int:
    """Where a number's answer starts: at its qualifier when that stands right before it
    ("up to 6,000 meters"), else at the number."""
    before = hit.text[: start - hit.start].rstrip(" ")
    if qualifier and before.lower().endswith(qualifier.lower()):
        return hit.start + len(before) - len(qualifier)
    return start


def counted_end(hit: SentenceHit, end: int, counted: str | None) -> int:
    """Where a count's answer ends: after what it counts when that follows it, up to its
    first preposition ("three words", "228 people on board" -> "228 people"), else at the
    number."""
    words = WORD.findall(counted or "")
    head = " ".join(words[: next((i for i, w in enumerate(words) if w.lower() in LINKS), 6)])
    rest = hit.text[end - hit.start :]
    gap = len(rest) - len(rest.lstrip(" "))
    if head and rest[gap:].startswith(head) and not rest[gap + len(head) :][:1].isalnum():
        return end + gap + len(head)
    return end


def quantity_fit(question: Question, unit: str, counted: str | None) -> float:
    """How well a number fits: money for a price, a percentage for a share, a count of the
    question's focus ("how many *lives*" and "228 people") for a count."""
    wanted = question.labels[0] if question.labels else "CARDINAL"
    if question.kind == "amount" and CHANGE.search(question.text):  # "how much did X expand"
        return 1.0 if unit in MONEY_UNITS or unit == "percent" else 0.6
    if question.kind == "amount":  # "how much": money, a measure, a share, then a count
        return 1.0 if unit in MONEY_UNITS else 0.8 if unit != "count" else 0.6
    if wanted == "MONEY":
        return 1.0 if unit in MONEY_UNITS else 0.4
    if wanted == "PERCENT":
        return 1.0 if unit == "percent" else 0.4
    if question.kind == "quantity" and sized(question):  # "how big was the audience"
        return 1.0
    if question.kind == "quantity":  # a measure ("how far", "how long"): not a sum of money
        return 1.0 if unit not in ("count", "percent", *MONEY_UNITS) else 0.6
    if unit in MONEY_UNITS or unit == "percent":
        return 0.3
    if not question.focus:
        return 0.8
    if not counted:
        return 0.6
    return 1.0 if same_thing(question.focus, counted) else 0.4


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, frozenset[str]]:
    """Stem -> the stems of every group it is in (lexicons/reader_synonyms.tsv)."""
    groups = word_groups("reader_synonyms.tsv")
    return {word: frozenset(stem(w) for w in group) for word, group in groups.items()}


def same_thing(focus: str, counted: str) -> bool:
    """The counted thing is what the question counts: a word in common, a synonym from the
    lexicon, or close word vectors ("nations" and "countries")."""
    mine = _synonyms().get(stem(focus), frozenset({stem(focus)}))
    if mine & {stem(w) for w in WORD.findall(counted)}:
        return True
    pair = vectors.embed([focus, counted])
    return float(pair[0] @ pair[1]) >= SIMILAR


def _times(question: Question, hit: SentenceHit, store: Store) -> Iterator[Candidate]:
    """The sentence's dates and times, except its dateline's (when the story was filed)."""
    filed = dateline_end(hit)
    for t in store.times_in(hit.doc_id, hit.start, hit.end):
        if t.type in ("DATE", "TIME") and t.value and t.value[:1].isdigit() and t.start >= filed:
            fit = time_fit(question.focus, t.text, t.value) * end_fit(question, hit, t.start)
            yield Candidate(t.start, t.end, t.text, "time", fit, t.value)


def dateline_end(hit: SentenceHit) -> int:
    """Where the sentence's dateline ends (its start when it has none)."""
    dateline = DATELINE.match(hit.text)
    return hit.start + dateline.end() if dateline else hit.start


def end_fit(question: Question, hit: SentenceHit, start: int) -> float:
    """For "how long ...": a date answers when it ends the time asked about ("available
    *until* January 30, 2009"); another date or a clock time keeps UNENDED. 1 otherwise."""
    if HOW_LONG.search(question.text) is None or UNTIL.search(hit.text[: start - hit.start]):
        return 1.0
    return UNENDED


def time_fit(focus: str | None, text: str, value: str) -> float:
    """A date written out fits better than "today"; a year for "which year", a full date for
    "what date", a time of day for "what time"."""
    written = any(ch.isdigit() for ch in text)
    if focus == "year":
        return 1.0 if written and len(value) == 4 else 0.6
    if focus in ("date", "day"):
        return 1.0 if written and len(value) >= 10 else 0.7
    if focus == "time":  # "what time": the clock
        return 1.0 if CLOCK.search(value) or CLOCK_WORDS.search(text) else CLOCKLESS
    return 1.0 if written else 0.7


def _reasons(hit: SentenceHit) -> Iterator[Candidate]:
    """The clause after each cause word, up to the clause's end; and what a sentence calls a
    factor or reason ("the 20 extra seats ... was a decisive factor", "cited the audit as
    the reason"), the last fitting best."""
    for named in FACTOR.finditer(hit.text):
        said_ = SAID_THAT.match(named.group("what"))
        start = named.start("what") + (said_.end() if said_ else 0)
        text = hit.text[start : named.end("what")]
        yield Candidate(hit.start + start, hit.start + start + len(text), text, "clause", 0.9)
    for named in NAMED_AS.finditer(hit.text):
        start, end = named.span("what")
        yield Candidate(hit.start + start, hit.start + end, named.group("what"), "clause", 1.0)
    for named in CONTRIBUTED.finditer(hit.text):
        start, end = named.span("what")
        yield Candidate(hit.start + start, hit.start + end, named.group("what"), "clause", 0.9)
    for cue in CAUSE.finditer(hit.text):
        rest = hit.text[cue.end() :]
        stop = CLAUSE_END.search(rest)
        clause = rest[: stop.start() if stop else len(rest)].rstrip(" ,'\"”\n")
        if len(WORD.findall(clause)) > 25 and "," in clause:  # "because X, boarded a bus ..."
            clause = clause[: clause.index(",")]
        least = 4 if cue.group().strip().lower() in ("as", "since") else 2
        if least <= len(WORD.findall(clause)) <= 25:
            start = hit.start + cue.end()
            yield Candidate(start, start + len(clause), clause, "clause", 0.9)


def _ages(question: Question, hit: SentenceHit) -> Iterator[Candidate]:
    """Ages the sentence gives ("40-year-old Terence Crutcher", "Crutcher, 40,", "aged 40");
    one it gives of someone other than the question asks about fits little."""
    whose = AGED_WHO.search(question.text)
    asked = (
        {w for w in WORD.findall(whose.group(1) or whose.group(2)) if w[:1].isupper()}
        if whose
        else set()
    )
    for age in AGE.finditer(hit.text):
        group = next(g for g in (1, 2, 3) if age.group(g))
        after = NAME_AFTER.match(hit.text[age.end() :]) if group == 1 else None
        before = NAME_BEFORE.search(hit.text[max(0, age.start() - 40) : age.start()])
        named = after or before
        fit = 1.0 if named and asked & set(WORD.findall(named.group(1))) else OTHERS_AGE
        start, end = age.span(group)
        text = age.group(group)
        yield Candidate(
            hit.start + start, hit.start + end, text, "quantity", fit, phrase=age.group()
        )


def _sources(question: Question, hit: SentenceHit, store: Store) -> Iterator[Candidate]:
    """Who says what the sentence attributes, for "who said / warned / criticised ...": the
    source as the sentence names it when it is no named entity ("Legal experts", "Analysts":
    a named one answers as that entity); one the role asked for does not describe fits less,
    and least when it names no one ("which commentator": "Some users")."""
    named = [
        (e.start, e.end)
        for e in store.entities_in(hit.doc_id, hit.start, hit.end)
        if e.label in question.labels
    ]
    for att in store.attributions_over(hit.doc_id, hit.start, hit.end):
        source = att.source
        if source is None or not (hit.start <= source.start and source.end <= hit.end):
            continue
        if any(a < source.end and source.start < b for a, b in named):
            continue
        text = hit.text[source.start - hit.start : source.end - hit.start]
        last = text.lower().rsplit(" ", 1)[-1]
        if text.lower() not in PRONOUNS and last not in WRITINGS:
            fit = 1.0 if titled(question.focus, hit, source.start, source.end) else UNTITLED
            if fit < 1.0 and not source.actor and not named_in(text, source.start == hit.start):
                fit = UNNAMED  # "which commentator": "Some users"
            yield Candidate(source.start, source.end, text, "source", fit, source.actor or "")


def named_in(text: str, opens_sentence: bool) -> bool:
    """The words hold a name: a capitalized word, not counting the one a sentence opens with."""
    words = text.split()[1:] if opens_sentence else text.split()
    return any(w[:1].isupper() for w in words)


def _statements(question: Question, hit: SentenceHit, store: Store) -> Iterator[Candidate]:
    """Contents of the sentence's attributions; those of the asked speaker fit best."""
    speaker = words_of(question.speaker or "")
    for att in store.attributions_over(hit.doc_id, hit.start, hit.end):
        source = " ".join(
            p for p in (att.source and att.source.text, att.source and att.source.actor) if p
        )
        fit = 1.0 if speaker and words_of(source) & speaker else 0.7
        for part in att.content:
            if hit.start <= part.start and part.end <= hit.end:
                yield Candidate(part.start, part.end, part.text, "statement", fit)


def slot_fillers(question: Question, hit: SentenceHit, nlp: "Language") -> list[Candidate]:
    """What fills the question's slot in the sentence (`align.py`), fit 1."""
    if (
        question.slot is None
        or question.kind not in ARGUED
        or not mentions(question.slot, hit.text)
    ):
        return []
    spans = dict.fromkeys(arguments(question.slot, parsed(hit.text, nlp)))
    out = [Candidate(hit.start + a, hit.start + b, hit.text[a:b], "argument") for a, b in spans]
    if question.kind == "actor" and question.focus:  # "which airline": a name, or one so called
        out = [replace(c, fit=c.fit * unnamed_fit(question.focus, hit, c)) for c in out]
    if question.slot.role == "clause":  # a yes/no question's answer: what the sentence says
        out = [replace(c, how="clause", fit=told(question, c.text)) for c in out]
    return out


def told(question: Question, clause: str) -> float:
    """How much of a yes/no question a clause tells: half for its predicate, the rest for the
    share of the question's other words it says ("attacking *on land*": "an expansion of
    operations to land" over "military action inside Venezuela")."""
    assert question.slot is not None
    words = words_of(clause)
    rest = [t for t in question.terms if not (forms(t) & question.slot.words)]
    return 0.5 + 0.5 * (sum(found(t, words) for t in rest) / len(rest) if rest else 1.0)


def unnamed_fit(focus: str, hit: SentenceHit, c: Candidate) -> float:
    """For "which airline ...": a filler with no name in it ("employee") fits as little as a
    noun phrase, unless it is called what the question asks for ("the national carrier")."""
    if any(w[:1].isupper() for w in c.text.split()) or titled(focus, hit, c.start, c.end):
        return 1.0
    return UNNAMED


def parsed(text: str, nlp: "Language") -> "Doc":
    """A sentence parsed by spaCy's own components, once per process while it is in use (the
    server's reader threads share the cache: a parse is kept in a local before it is shared)."""
    doc = _PARSES.get(text)
    if doc is None:
        ours = set(component_names()) - NEEDED
        doc = nlp(text, disable=[p for p in nlp.pipe_names if p in ours])
        if len(_PARSES) >= PARSES_KEPT:
            _PARSES.clear()
        _PARSES[text] = doc
    return doc


def phrase_candidates(question: str, hit: SentenceHit, nlp: "Language") -> list[Candidate]:
    """Noun phrases of the sentence less the words the question already says ("the river
    Seine" answers "what river" as "Seine"), when what is left names something or the
    question asks what kind of thing; `fit` falls with the number of dependency arcs
    to the nearest word the question shares."""
    doc = parsed(hit.text, nlp)
    asked = words_of(question)
    shared = [t for t in doc if not t.is_stop and found(t.lower_, asked)]
    out, kind_of = [], KIND_OF.search(question) is not None
    for chunk in doc.noun_chunks:
        words = unsaid(list(chunk), asked)
        if words and (kind_of or any(t.pos_ in NOMINAL for t in words)):
            arcs = min((arcs_between(chunk.root, t) for t in shared), default=0)
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            text = hit.text[start:end]
            fit = 0.5 / (1 + arcs) * (1.0 if named_phrase(question, words) else UNNAMED)
            out.append(Candidate(hit.start + start, hit.start + end, text, "phrase", fit))
    return out


def named_phrase(question: str, words: "list[Token]") -> bool:
    """For "what is the name of ...", "what is X called": the phrase holds a proper noun ("a
    little-known shell company" names nothing). True for other questions."""
    return NAME_ASKED.search(question) is None or any(
        t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME") for t in words
    )


def unsaid(tokens: "list[Token]", asked: AbstractSet[str]) -> "list[Token]":
    """The tokens left once words the question says, stop words and punctuation are trimmed
    from both ends; nothing when a question word remains inside."""

    def said_(t: "Token") -> bool:
        return t.is_stop or t.is_punct or found(t.lower_, asked)

    while tokens and said_(tokens[0]):
        tokens = tokens[1:]
    while tokens and said_(tokens[-1]):
        tokens = tokens[:-1]
    return [] if any(found(t.lower_, asked) for t in tokens) else tokens


def arcs_between(a: "Token", b: "Token") -> int:
    """Length of the dependency path between two tokens of one sentence."""
    up = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in up:
            return n + up[t.i]
    return len(up) + n


def choice(question: str, hit: SentenceHit) -> Candidate | None:
    """For "is it X or Y?", whichever of X and Y the sentence says, when it says only one.

    Limit: one-word options only ("abstract or concrete"), the words just around the "or"."""
    match = re.search(r"\b([\w-]+),? or ([\w-]+)\W*$", question)
    if not match:
        return None
    options = [
        m for m in (re.search(rf"\b{re.escape(w)}\b", hit.text, re.I) for w in match.groups()) if m
    ]
    if len(options) != 1:
        return None
    start, end = hit.start + options[0].start(), hit.start + options[0].end()
    return Candidate(start, end, options[0].group(), "choice", 1.0)


def said(text: str, asked: AbstractSet[str]) -> bool:
    """True when every word of `text` already occurs in the question (it cannot be the answer)."""
    words = WORD.findall(text.lower())
    return bool(words) and all(found(w, asked) for w in words)


def anchors(terms: tuple[str, ...], hit: SentenceHit) -> list[tuple[int, int]]:
    """Document spans where the question's words occur in the sentence."""
    wanted = {stem(t) for t in terms}
    return [
        (hit.start + m.start(), hit.start + m.end())
        for m in re.finditer(r"\w[\w-]*", hit.text)
        if stem(m.group()) in wanted or m.group().lower() in terms
    ]


def distance(candidate: Candidate, points: list[tuple[int, int]]) -> int:
    """Characters between the candidate and the nearest of the question's words in its
    sentence ("altitude of 3,500 m": 4); a sentence without them: 200."""
    gaps = (max(candidate.start - end, start - candidate.end, 0) for start, end in points)
    return min(gaps, default=200)
