"""Candidate answers that are values: the stored quantities of a sentence (money for a price,
a percentage for a share, a count whose counted thing is the question's focus, a measure of
the asked dimension), its stored times (a year for "which year", the clock for "what time", the
date that ends a span for "how long") and the ages it gives ("40-year-old Terence Crutcher"),
each with how well it fits the question."""

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from crisisdesk import vectors
from crisisdesk.analyze.lexicon import read_rows
from crisisdesk.ask.acts import outcome
from crisisdesk.ask.candidate import Candidate
from crisisdesk.ask.question import PERSON_NOUNS, TO_LEVEL, Question
from crisisdesk.ask.words import NUMBER, WORD, found, heading, stem, stems_for, words_of
from crisisdesk.records import Quantity
from crisisdesk.store import SentenceHit, Store

#: a dateline: place in capitals, the filing date, the agency ("LOS ANGELES, Sept. 28 (UPI) —",
#: AP's "CANBERRA, Australia (AP) _"), or the place alone ("WASHINGTON -- President Obama")
DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]+, [^—–()]{3,24}?(?: \([\w .]+\))? ?[—–_-]+(?:\s|$)"
    r"|^(?=[A-Z.'-]{5}|[A-Z.'-]+ [A-Z])[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*"
    r"(?: (?:--|[—–_])| \([\w .]+\) [—–_-]+)\s"
)
#: an age as news gives it ("40-year-old", "aged 40", "Crutcher, 40,"), the name it belongs to
#: (after "40-year-old [police officer]", else before it), whose age a question asks, and what
#: another's age keeps of its fit
AGE = re.compile(
    r"\b(\d{1,3})[- ]years?[- ]old\b|\baged (\d{1,3})\b|(?<=[a-z]), (\d{1,3}),"
    r"|(?<=[a-z]), who (?:is|was|turns|turned) (\d{1,3})\b(?![- ](?:years?[- ]old|percent|%))"
)
NAME_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,3}((?:[A-Z][\w'’.-]*\s?)+)")
NAME_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s?)+),?(?:\s+[a-z]+){0,2}\s*$")
AGED_WHO = re.compile(
    r"\bhow old (?:is|was|are|were|will be) ([^,?]+)|\bwhat age (?:is|was|did) ([^,?]+)", re.I
)
OTHERS_AGE = 0.3
#: whose age a question asks when it names no one: "the *man* who confessed", "the *girl*
#: killed in ...", "the suspected *gunman*"
AGED_ROLE = re.compile(
    r"(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}?([a-z]+)\b"
    r"(?=\s+(?:who|that|whom|in|of|at|from|[a-z]+ed)\b|\s*,|\s*$)"
)
#: what a measure keeps when the question counts things, the units that count rather than
#: measure, and the words for spans of time
MEASURE_FOR_COUNT = 0.3
UNMEASURED_UNITS = frozenset({"count", "percent"})
TIME_UNITS = frozenset(
    stem(w)
    for w in ("seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "time")
)
#: a time value with a time of day ("1998-08-07T10:35"), and what a day keeps for "what time"
CLOCK = re.compile(r"T\d")
CLOCK_WORDS = re.compile(r"\d:\d\d|\d\s?[ap]\.?m\b|\bo'clock\b|\bnoon\b|\bmidnight\b", re.I)
CLOCKLESS = 0.5
#: what a vague figure keeps of its fit
VAGUE_FIT = 0.6
#: a figure that gives no number ("thousands of shootings"): an exact one answers better
VAGUE = re.compile(
    r"(?:(?:tens|hundreds) of )?(?:dozens|scores|hundreds|thousands|millions|billions|trillions)",
    re.I,
)
#: word-vector cosine above which a counted thing is taken for the question's focus, and the
#: opening letters two words of one root share
SIMILAR = 0.35
ROOT = 5
#: what a count keeps when only word vectors say it counts the focus ("10 American sailors
#: from two Navy patrol boats": "boats" is close to "sailors", "sailors" is them)
SIMILAR_FIT = 0.8
MONTH = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(spring|summer|autumn|fall"
    r"|winter)\b",
    re.I,
)
#: words that end what a count counts ("people *on* board", "jobs *in* France")
LINKS = frozenset(
    ["of", "on", "in", "at", "for", "from", "to", "by", "with", "who", "that", "which", "as"]
)
#: a vote or a score ("6-3", "89-52", "49 to 51"), a question that asks for one, the words
#: that say a vote was held or a game won, and what a tally keeps in a sentence without them
TALLY = re.compile(r"(?<![\w.,/-])\d{1,3} ?(?:[-–]|to) ?\d{1,3}(?![\w/%-]|[.,]\d)")
TALLY_ASKED = re.compile(
    r"\b(?:margin|tally|score|split)\b|\b(?:what|which) (?:was |is )?(?:the )?(?:final )?vote\b"
    r"|\bwhat (?:was|is) the (?:\w+ ){1,2}vote\b"
    r"|\bby what vote\b",
    re.I,
)
VOTED = re.compile(
    r"\b(?:vot\w*|ballots?|margin|won|win|wins|beat|defeated|approved|passed|rejected|upheld"
    r"|struck|ruled|split|score\w*|confirm\w*|elected|adopted|overr\w*|acquitted|convicted)\b",
    re.I,
)
UNVOTED = 0.6
#: a question about a difference ("how many more votes") and the number that gives one
#: ("eight short of the 60", "12 more than")
DIFFERENCE = re.compile(r"\bhow (many|much) (more|fewer|less)\b", re.I)
GAP = re.compile(r"^(?: [\w-]+){0,2} (short|more|fewer|less|shy|behind|ahead)\b", re.I)
#: what a number keeps for such a question when no difference word follows it
NOT_A_GAP = 0.5
#: what follows a figure that is a difference from another ("$105 billion more than last
#: year", "47 percent more for New York state than")
COMPARED = re.compile(
    r"^ (?:more|less|fewer|higher|lower|larger|smaller|bigger|greater)(?: [\w.'’-]+){0,5}? than\b"
    r"|^ (?:short|behind)\b",
    re.I,
)
#: what precedes a figure given only to compare with ("raised $16 million, *compared with*
#: $103 million raised by the pro-Bush group"), and what it keeps
COMPARED_WITH = re.compile(
    r"\b(?:compared (?:with|to)|as against|versus|vs\.?)\s+(?:about |around |nearly |some |"
    r"just |only |the )?[$€£]?$",
    re.I,
)
#: what precedes a figure that was only expected ("better than *market expectations of* £59m")
EXPECTED = re.compile(
    r"\b(?:expectations?|forecasts?|estimates?|predictions?|projections?|consensus) (?:of|for) "
    r"(?:about |around |some |roughly )?[$€£]?$",
    re.I,
)
EXPECTED_ASKED = re.compile(r"\b(?:expect\w*|forecast\w*|estimat\w*|predict\w*|project\w*)", re.I)
COMPARED_ASKED = re.compile(r"\b(?:compar\w*|versus|vs\.?|against)\b", re.I)
FOR_COMPARISON = 0.5
#: a number that only says what is needed ("the 1,237 delegates needed to clinch", "the
#: 1,237 delegate threshold"), and a question that asks for one
THRESHOLD = re.compile(
    r"^(?: [\w-]+){0,2} (?:needed|required|necessary)\b|^(?: [\w-]+){0,2} (?:threshold|mark)\b",
    re.I,
)
#: a number a condition names ("*once a petition tops* 100,000 signatures, it must be
#: considered"): what is needed, not what happened
REACHED_IF = re.compile(
    r"\b(?:once|if|when|unless)\b[^,.;]{0,40}\b(?:tops?|reach(?:es)?|hits?|exceeds?|passes"
    r"|surpass(?:es)?|crosses)\s+(?:more than |over |at least )?[$€£]?$",
    re.I,
)
NEEDED_ASKED = re.compile(r"\b(?:need|needs|needed|required?|necessary|threshold|magic)\b", re.I)
#: a year between an article and a noun it names ("a 2012 records request"), and what it
#: keeps for a question about another thing
YEAR_BEFORE = re.compile(r"\b(?:a|an|the|its|his|her|their|our)\s+$", re.I)
NOUN_AFTER = re.compile(r"\s+((?:[a-z][\w-]+\s+)?[a-z][\w-]+)")
YEAR_ONLY = re.compile(r"(?:1[89]|20)\d\d")
NAMING_YEAR = 0.6
#: a number followed by the level it led to ("15,000 last week *to 444,000*"), and a question
#: that asks for the change itself
STEP = re.compile(r"^(?: [\w-]+){0,3} to [$€£]?\d")
#: words before "X to Y" that make it a score, not a step ("who won, 27.6 percent to 24.3")
SCORED = re.compile(
    r"\b(?:won|wins?|beat|beats|defeated|leads?|led|edged|trails?|trailed)\b,?(?: [\w-]+){0,3},? $",
    re.I,
)
LEVEL = re.compile(r"\d[\d,.]*(?: [\w-]+){0,3} to [$€£]?$")
#: the level a change started from, told with the one it went to ("fell *from* 71 percent to
#: 55"), and the words before the level it went to
FROM_LEVEL = re.compile(r"\bfrom (?:about |around |nearly |almost |over )?[$€£]?$", re.I)
FROM_TO = re.compile(r"\bfrom [$€£]?\d[\d,.]*(?: [\w-]+){0,3} to [$€£]?$", re.I)
CHANGE = re.compile(
    r"\b(by how|rise|rose|risen|fall|fell|fallen|drop\w*|gain\w*|los[et]|climb\w*|sli[dp]|shed"
    r"|cut\w*|add\w*|grow\w*|grew|expand\w*|shr[iu]nk\w*|contract\w*"
    r"|jump\w*|increase\w*|decrease\w*|more|fewer|less|up|down)\b",
    re.I,
)
#: what a figure keeps that went the other way than the question asks ("how much did the fuel
#: bill climb": "a 40% drop in profits")
OTHER_WAY = 0.5
#: how many words on each side of a figure may say which way it went
WAY_WORDS = 3
#: a number told as a change ("lost 212,000"), a question about a total, a rate after a number
CHANGED = re.compile(
    r"\b(?:lost|lose|loses|gained|gains|added|adds|cut|cuts|shed|sheds|fell|rose|dropped"
    r"|increased|decreased|grew|slid|jumped)(?: by| some| about| nearly| almost| over)?\s*[$€£]?$",
    re.I,
)
#: what a change keeps when the question asks for a level
CHANGE_FOR_LEVEL = 0.3
#: a figure given for a count the sentence before told ("reduce *that number* to 3,605")
THAT_NUMBER = re.compile(
    r"\b(?:that|this|the) (?:number|figure|total|count)(?: [\w-]+){0,2} $", re.I
)
#: what may stand between the parts of a time told in two units ("14 minutes 32.93 seconds")
PARTS_GAP = re.compile(r"\s*(?:,|and)?\s*")
#: the losses of a side in a war, not a change of a level ("lost over 6,000 *dead and
#: wounded*", "lost 40 soldiers")
CASUALTIES = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:dead|killed|wounded|injured|casualties|lives|men|soldiers"
    r"|fighters|troops)\b",
    re.I,
)
#: a number that counts part of a whole a relative clause describes ("20 venues, one of which
#: is in Glasgow"); "80 of them", "300 of them" count what the sentence says was done
PARTITIVE = re.compile(r"^\s+of (?:which|whom)\b", re.I)
#: the words before a level something moved from ("daily flights, *up from the current* four
#: flights a week"), and a question that asks for it
PREVIOUS = re.compile(
    r"\b(?:up|down|rising|falling|climbing|dropping) from (?:the |its |a |an )?"
    r"(?:current |previous |earlier |old |prior )?(?:about |around |nearly |some )?[$€£]?$",
    re.I,
)
PREVIOUS_ASKED = re.compile(r"\b(?:before|previous|previously|earlier|from|prior|used to)\b", re.I)
#: a count of what the sentence before named ("nearly 300 *of them*")
#: nouns that count copies of a thing named after them ("copies of the rifle")
COPIES = frozenset(["copies", "units", "pieces", "examples", "models", "versions"])
COPY_OF = re.compile(r"^\s+[\w-]+\s+of\s+(?:the\s+|its\s+|their\s+|a\s+)?([\w-]+)", re.I)
#: the length of a day's ISO value ("2015-12-28"), and how well a time without a day fits
#: "on what date" ("later this month")
DAY, DAYLESS = 10, 0.5
#: how well a count of other things fits "how much" ("how much explosive": "1,000 people")
UNCOUNTABLE = 0.2
#: the things that are only ever sums of money
SUMS = frozenset(
    stem(w)
    for w in [
        *("reward", "bounty", "ransom", "fine", "penalty", "price", "cost", "fee", "salary"),
        *("wage", "bail", "loan", "profit", "revenue", "budget", "bonus", "bailout"),
    ]
)
#: how well a share of a count ("half") fits "how many"
FRACTION_FIT = 0.3
#: how well a count of some of those counted before fits a question about all of them
PART_FIT = 0.5
OF_THEM = re.compile(
    r"^\s+of (?:them|those|these)\b(?:,? ((?:[A-Z][a-z]+|[a-z]+(?:s|men|children)))\b)?"
)
#: what stands before the whole a part of it is counted from ("10 of *12* American victims")
WHOLE = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|all|most"
    r"|some|many|half|none) of (?:the |its |their |his |her )?$",
    re.I,
)
#: the words right before a figure that is a total ("*a total of* 600 layoffs")
TOTAL_OF = re.compile(r"\btotal of (?:about |around |some |nearly |more than |up to )?[$€£]?", re.I)
TOTAL = re.compile(r"\b(?:total|in all|altogether|overall|whole)\b", re.I)
RATE = re.compile(
    r"^\S*\s+(?:per|a|an|each)\s+(?:year|month|week|day|head|person|mother|worker)\b|^\S*\s+per\b",
    re.I,
)
#: what follows the first number of a ratio ("one polling place *per every 21,000* voters"):
#: it counts no total; and a question that asks for a ratio
RATIO = re.compile(r"^(?: [\w-]+){0,3}? (?:per every|for every|in every|per) [\d,.]+\d", re.I)
RATIO_ASKED = re.compile(r"\b(?:per|every|each|ratio|rate)\b", re.I)
RATIO_PART = 0.3
#: a question for an average ("the average student debt"), the words that say a figure is
#: one ("averaged $37,000", "a median of"), and what another figure keeps (a total for it)
AVERAGE_ASKED = re.compile(r"\b(?:average|mean|median|typical|per capita)\b", re.I)
AVERAGED = re.compile(r"\b(?:averag\w*|mean|median|typical|per capita|apiece)\b", re.I)
UNAVERAGED = 0.5
#: a question about how long something lasts, and the word before the date that ends it
HOW_LONG = re.compile(r"\bhow long\b(?! ago)|\b(?:until|till|through) (?:what|which|when)\b", re.I)
#: a measure of time that a date may tell ("how long ago", "how soon")
POINT_ASKED = re.compile(r"\b(?:ago|soon)\b", re.I)
UNTIL = re.compile(r"\b(?:until|till|through|to|by|ends?|expires?)\s+(?:the\s+)?$", re.I)
#: a question about when something began ("since what year"), and the word before the date
#: that starts it ("at least *since* 2007")
SINCE_ASKED = re.compile(
    r"\b(?:since|from) (?:(?:roughly|about|around|approximately) )?(?:what|which|when)\b", re.I
)
SINCE = re.compile(r"\b(?:since|from|as early as|beginning|began|starting)\s+(?:the\s+)?$", re.I)
#: how many digits a stored value has that names a century ("10") or a decade ("199")
ERAS = {"century": 2, "decade": 3}
#: a question about when someone was born, and what gives a date as a birth just before it
#: (the last words before the date, or the opening of a life span)
BORN_ASKED = re.compile(r"\b(?:born|birth)\b", re.I)
BIRTH = re.compile(r"(?:\b(?:born|birth|b\.)(?:\s+\S+){0,4}\s+|\(\s*)$", re.I)
#: what a date the sentence does not give as a birth keeps of its fit, for such questions
UNBORN = 0.3
#: what a date that does not end the time asked about keeps of its fit, for such questions
UNENDED = 0.3
#: what a model number or a step of change keeps of its fit
MODEL = 0.6
#: what is measured by the share of people who hold it ("what level of public *support*")
SHARED = frozenset(
    ["support", "approval", "disapproval", "opposition", "turnout", "unemployment", "trust"]
)
#: what moves by a share as well as by a sum ("stocks lost twelve percent")
MARKETS = frozenset(["stocks", "shares", "stock", "index", "market", "markets", "currency"])
#: what counts people by the names they signed ("563,000 signatures" for how many signed)
SIGNED = frozenset(["signatures", "signatories", "signers"])
#: a figure joined to its unit ("15-hour", "10-mile"): a measure, not a model (while
#: "Canova's 43 percent" is Canova's share)
MEASURED = re.compile(r"^[\d.,]+-[A-Za-z]+$")
#: a question for a figure by the period ("how many arrive *each year*", "how much *per
#: day*"), not a time after something ("a year after he was killed"); and the period's words
PERIOD_ASKED = re.compile(
    r"\b(?:per|a|an|each|every) (year|month|week|day|hour)\b(?! (?:after|before|ago|later|earlier))"
    r"|\b(year|month|week|dai|hour)ly\b|\b(annual)(?:ly)?\b",
    re.I,
)
PERIOD_WORDS = {
    "year": r"(?:per|a|an|each|every) year|annual|annually|yearly|/year",
    "month": r"(?:per|a|each|every) month|monthly|/month",
    "week": r"(?:per|a|each|every) week|weekly|/week",
    "day": r"(?:per|a|each|every) day|daily|/day",
    "hour": r"(?:per|an|each|every) hour|hourly|/hour",
}
#: a question for a result at the polls ("what share of the vote did Cruz win"), and the
#: words of a sentence that gives a poll's figure or a partial count instead ("led the field
#: with 40 percent in a new poll", "95 percent of precincts reporting", "67 percent of likely
#: voters say they will vote for Trump", "33% of national Republican primary voters")
RESULT_ASKED = re.compile(
    r"\b(?:win|won|get|got|receive|received|take|took|capture|captured|carry|carried)\b.*\bvotes?\b"
    r"|\bvotes?\b.*\b(?:win|won|get|got|receive|received|take|took|capture|captured)\b",
    re.I,
)
POLLED = re.compile(
    r"\bpoll(?:s|ed|ing|sters?)?\b|\bsurvey(?:s|ed)?\b|\brespondents\b|\bprecincts\b"
    r"|\bleads?\b|\bleading\b"
    r"|\b(?:likely|national)(?: [\w-]+){0,3} voters\b|\b(?:say|said) they (?:will|would|plan)\b",
    re.I,
)
#: the words before and after a figure read for the outcome it counts, and what a figure of
#: only another outcome keeps
OUTCOME_BEFORE, OUTCOME_AFTER = 8, 4
OTHER_OUTCOME = 0.5
#: what counts more of the thing counted before ("80 people killed and 18 *others* hurt")
OTHERS = frozenset({"others", "more"})
#: what a figure of a count the question gives itself ("after three *rounds*") keeps, and
#: the kinds of number word (the quantity lexicon's) that may write that count
GIVEN_COUNT = 0.5
COUNTING_WORDS = frozenset({"unit", "teen", "ten", "hundred", "dozen", "scale"})
#: the words before and after a figure that may say it is a poll's
POLL_BEFORE, POLL_AFTER = 20, 6
#: what a poll's figure keeps as the answer for a result
POLL_FOR_RESULT = 0.4
#: what a figure keeps that does not say the period asked ("75 refugees" for "each year")
UNPERIODED = 0.5
#: a question for a whole year's figure ("for the full financial year", "for all of 2004")
YEAR_ASKED = re.compile(
    r"\b(?:full|whole|entire)[- ](?:financial |fiscal )?year\b|\bfor (?:all of |the whole of )?"
    r"(?:the year|(?:19|20)\d\d)\b",
    re.I,
)
#: a sentence that tells a part of a year ("the three months to 31 December", "in the fourth
#: quarter") and no whole one: its figures are not the year's
PART_OF_YEAR = re.compile(r"\b(?:quarter|quarterly|(?:three|six|nine) months|half[- ]year)\b", re.I)
WHOLE_YEAR = re.compile(
    r"\b(?:(?:full|whole|entire)[- ](?:financial |fiscal )?year|annual|yearly|for the year)\b",
    re.I,
)
#: how many words after a count may name what it counts when the analysis did not
AFTER_WORDS = 3
#: a question about a measure, and for each the base units of its figures and the words
#: that name it beside a figure
MEASURE = re.compile(r"\bhow (far|high|tall|deep|wide|fast|heavy|long|soon|big|large)\b", re.I)
MEASURES: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    "far": (frozenset({"m"}), ("range", "distance", "far", "away", "reach", "radius")),
    "high": (frozenset({"m"}), ("altitude", "height", "high", "ceiling", "elevation")),
    "tall": (frozenset({"m"}), ("height", "tall", "high")),
    "deep": (frozenset({"m"}), ("depth", "deep")),
    "wide": (frozenset({"m"}), ("width", "wide", "across", "span")),
    "fast": (frozenset({"m/s", "mach", "percent"}), ("speed", "fast", "velocity", "top", "growth")),
    "heavy": (frozenset({"kg"}), ("weight", "weighs", "heavy", "mass")),
    "long": (frozenset({"m", "s"}), ("length", "long", "duration", "lasting")),
    "soon": (frozenset({"s"}), ("soon", "after", "later", "within")),
    "big": (frozenset(), ("size", "area", "big", "large")),
    "large": (frozenset(), ("size", "area", "big", "large")),
}
#: the nouns that ask for a measure as "how far" or "how high" does ("what *altitude*")
MEASURE_NOUNS = {
    "range": "far",
    "distance": "far",
    "radius": "far",
    "altitude": "high",
    "height": "high",
    "elevation": "high",
    "depth": "deep",
    "width": "wide",
    "speed": "fast",
    "velocity": "fast",
    "weight": "heavy",
    "mass": "heavy",
    "length": "long",
}
#: base units of a distance, a span of time or a speed: never how much of a thing there is
EXTENTS = frozenset({"m", "s", "m/s"})
#: the units a span of time is written in, by the word a question counts them with
TIME_UNIT_CODES = {
    "second": ("s", "sec"),
    "minute": ("min",),
    "hour": ("h", "hr"),
    "day": ("d", "day"),
    "week": ("wk", "week"),
    "month": ("mo", "month"),
    "year": ("yr", "year", "a"),
}
#: dimensions of any unit: "how big was the audience" (a count), "how large a loss" (money)
SIZES = frozenset({"big", "large"})
#: what a "how big was X's lead" question sizes: a figure beside that noun says its size
SIZED_NOUN = re.compile(
    r"\bhow (?:big|large) (?:was|is|were|are|will be|would be) (?:[\w'’.-]+ ){0,4}?([a-z]+)\?*$",
    re.I,
)
MEASURE_WORDS = frozenset(w for _, words in MEASURES.values() for w in words)
#: the currencies of the units lexicon ("MYR" for "RM50,000" as well as "USD")
MONEY_UNITS = frozenset(row[1] for row in read_rows("units.tsv") if row[2:3] == ["currency"])


#: words before and after a sum that may say what it is ("record *profits of* $269m")
MONEY_BEFORE, MONEY_AFTER = 6, 3
#: what a sum keeps that its sentence calls another kind of money than the question asks
OTHER_MONEY = 0.5
#: where the words after a sum stop telling its kind: the next item of a list ("assets of
#: $82bn *and* a debt of $173bn": the debt is the next sum's)
NEXT_ITEM = re.compile(r"\b(?:and|or|but|while|whereas)\b")
#: the words that scale a figure ("$362 million")
SCALES = frozenset(["hundred", "thousand", "million", "billion", "trillion", "bn", "m"])


def money(unit: str) -> bool:
    """A sum of money, or money by the time ("$47,476 a year": USD/year, USD/s in base)."""
    return unit.split("/", 1)[0] in MONEY_UNITS


def tallies(hit: SentenceHit) -> Iterator[Candidate]:
    """The votes or scores the sentence gives ("by a 6-3 vote", "voted 89-52"), for a question
    that asks for one; one in a sentence that says no vote or win fits less (a model number:
    "the 737-800")."""
    voted = VOTED.search(hit.text) is not None
    for tally in TALLY.finditer(hit.text):
        start, end = hit.start + tally.start(), hit.start + tally.end()
        key = "-".join(re.findall(r"\d+", tally.group()))
        yield Candidate(start, end, tally.group(), "quantity", 1.0 if voted else UNVOTED, key)


def counted_after(question: Question, hit: SentenceHit, end: int) -> str | None:
    """The words right after a count the analysis tied to nothing, when they name what the
    question counts ("a record 39 Israeli troops were killed", parsed as a record of 39), or
    refer to what the story said before ("300 of them")."""
    part = OF_THEM.match(hit.text[end - hit.start :])
    if question.focus and part:  # "eight of them Americans": the Americans among them
        return part.group(1) or question.focus  # "nearly 300 of them to Cameroon": the troops
    following = re.match(r"[ \w'’-]*", hit.text[end - hit.start :])
    words = WORD.findall(following.group() if following else "")[:AFTER_WORDS]
    noun = " ".join(words[: next((i for i, w in enumerate(words) if w.lower() in LINKS), None)])
    return noun if question.focus and noun and named_thing(question.focus, noun) else None


def copies_of(hit: SentenceHit, end: int, counted: str | None) -> str | None:
    """What a count of copies or units counts ("seventy-five million copies *of the rifle*":
    rifles), else what it was found to count."""
    if counted is None or counted.lower() not in COPIES:
        return counted
    of = COPY_OF.match(hit.text[end - hit.start :])
    return of.group(1) if of else counted


def share_fit(question: Question, hit: SentenceHit, q: Quantity) -> float:
    """How well a figure that counts only some of a whole fits: a part of another kind
    (`a_part`) or a share (`a_fraction`) answers less than the whole."""
    fit = PART_FIT if a_part(question, hit, q.end) else 1.0
    return fit * (FRACTION_FIT if a_fraction(question, q) else 1.0)


def a_fraction(question: Question, q: Quantity) -> bool:
    """The figure is a share of a count, written in words ("roughly *half* of the 7,500
    troops"), for a question asking how many, not what share."""
    fraction = q.unit == "count" and q.value is not None and 0 < q.value < 1
    fraction = fraction and not any(ch.isdigit() for ch in q.text)  # "half", not "0.3 points"
    return fraction and question.kind == "number" and question.focus not in SHARED


def a_part(question: Question, hit: SentenceHit, end: int) -> bool:
    """The figure counts some of those the sentence counted before, of a kind the question
    does not name ("more than 100 people have died, *eight* of them Americans" for how many
    people died; not for how many Americans died)."""
    part = OF_THEM.match(hit.text[end - hit.start :])
    if part is None or not part.group(1):
        return False
    return stem(part.group(1)) not in {stem(t) for t in question.terms}


def gap_fit(question: Question, hit: SentenceHit, end: int) -> float:
    """For "how many more ...": a number that a difference word follows ("eight short of")
    fits; another keeps NOT_A_GAP. For other questions a difference keeps NOT_A_GAP ("$105
    billion more than last year" for what the deficit is)."""
    after = hit.text[end - hit.start :]
    if DIFFERENCE.search(question.text) is None:
        return NOT_A_GAP if COMPARED.match(after) else 1.0
    return 1.0 if GAP.match(after) else NOT_A_GAP


def quantities(question: Question, hit: SentenceHit, store: Store) -> Iterator[Candidate]:
    """The sentence's stored quantities, each with how well it fits; a count answering a
    measure question names what it counts ("how close": "three words")."""
    period, partial = asked_period(question), part_of_year(question, hit)
    before: str | None = None
    for q in joined_times(hit, store.quantities_in(hit.doc_id, hit.start, hit.end)):
        base = q.base_unit or q.unit
        counted = q.counted or (counted_after(question, hit, q.end) if q.unit == "count" else None)
        counted = copies_of(hit, q.end, counted)
        if counted in OTHERS and before:  # "80 people were killed and 18 others": people
            counted = before
        counted = counted or referred_count(question, hit, q.start, store)
        before = counted or before
        periodic = True if period is None else period_said(period, hit, q.start, q.end, q.unit)
        if periodic and period is not None and not counted:  # "we get about 3,000 a year"
            counted = question.focus
        fit = figure_fit(question, hit, q, counted)
        fit *= 1.0 if periodic and not partial else UNPERIODED
        key = f"{q.base_value or q.value}:{q.base_unit or q.unit}"
        start, end = qualified_start(hit, q.start, q.qualifier), counted_end(hit, q.end, q.counted)
        phrase = hit.text[start - hit.start : end - hit.start]
        if question.kind == "quantity" and base == "count" and end > q.end:
            # "how close did they come": "three words", not "three"
            yield Candidate(
                q.start,
                end,
                hit.text[q.start - hit.start : end - hit.start],
                "quantity",
                fit,
                key,
                phrase,
            )
        else:
            yield Candidate(q.start, q.end, q.text, "quantity", fit, key, phrase)


def restated(question: Question, figure: str) -> bool:
    """The figure gives a number the question gives itself ("what is the minimum wage now,
    before the *$15* plan": not "$15 an hour"): the setting, not the answer."""
    given = {n.replace(",", "") for n in NUMBER.findall(question.text)}
    return bool(given) and any(n.replace(",", "") in given for n in NUMBER.findall(figure))


def referred_count(question: Question, hit: SentenceHit, start: int, store: Store) -> str | None:
    """What "that number" before a figure counts: the question's focus, when the sentence
    before says it ("GM has 6,246 dealers. It intends to reduce *that number* to 3,605")."""
    if not question.focus or not THAT_NUMBER.search(hit.text[: start - hit.start]):
        return None
    prior = store.sentence_before(hit)
    said = prior is not None and stems_for(question.focus) & words_of(prior.text)
    return question.focus if said else None


def figure_fit(question: Question, hit: SentenceHit, q: Quantity, counted: str | None) -> float:
    """How well a stored figure fits the question, by what it counts and the words around it
    (`quantities`), its period aside."""
    base = q.base_unit or q.unit
    fit = quantity_fit(question, q.unit, counted, base) * gap_fit(question, hit, q.end)
    fit *= POLL_FOR_RESULT if polled(question, hit, q.start, q.end) else 1.0
    fit *= VAGUE_FIT if VAGUE.fullmatch(q.text) else 1.0
    fit *= level_fit(question, hit, q.start, q.end)
    fit *= MEASURE_FOR_COUNT if counts_measure(question, q.text, base) else 1.0
    fit *= measure_fit(question, hit, q.start, q.end, base)
    fit *= money_kind_fit(question, hit, q.start, q.end, q.unit)
    fit *= GIVEN_COUNT if given(question, counted) else 1.0
    fit *= outcome_said(question, hit, q.start, q.end)
    fit *= share_fit(question, hit, q)
    fit *= FOR_COMPARISON if for_comparison(question, hit, q.start) else 1.0
    fit *= RATIO_PART if ratio_part(question, hit, q.end) else 1.0
    fit *= PART_FIT if part_of_total(question, hit, q.start) else 1.0
    return fit * (OTHER_WAY if other_way(question, hit, q.start, q.end) else 1.0)


def part_of_total(question: Question, hit: SentenceHit, start: int) -> bool:
    """The question asks for a total ("how many jobs is it cutting in all") and the sentence
    gives one, not this figure ("cut 277 workers this week, the first wave in a total of
    600")."""
    if not TOTAL.search(question.text):
        return False
    totals = [m.end() for m in TOTAL_OF.finditer(hit.text)]
    return bool(totals) and start - hit.start not in totals


def ratio_part(question: Question, hit: SentenceHit, end: int) -> bool:
    """The figure is the first number of a ratio ("one polling place per every 21,000
    voters") and the question asks for no ratio."""
    after = hit.text[end - hit.start :]
    return RATIO.match(after) is not None and not RATIO_ASKED.search(question.text)


def for_comparison(question: Question, hit: SentenceHit, start: int) -> bool:
    """The figure is given only to compare with the one before it (`COMPARED_WITH`) or as
    what was expected (`EXPECTED`), and the question does not ask for that."""
    before = hit.text[: start - hit.start]
    if EXPECTED.search(before) and not EXPECTED_ASKED.search(question.text):
        return True  # "better than market expectations of £59m"
    return COMPARED_WITH.search(before) is not None and not COMPARED_ASKED.search(question.text)


def previous(question: Question, before: str) -> bool:
    """The words before a figure give it as the level something moved from ("up from the
    current four flights a week"), and the question does not ask what it was before."""
    return PREVIOUS.search(before) is not None and not PREVIOUS_ASKED.search(question.text)


def other_way(question: Question, hit: SentenceHit, start: int, end: int) -> bool:
    """The question asks how far something went one way and the words beside the figure say
    it went the other ("climb" asked: "a 40% *drop* in profits")."""
    asked = heading(question.text)
    if asked is None:
        return False
    before = " ".join(hit.text[: start - hit.start].split()[-WAY_WORDS:])
    after = " ".join(hit.text[end - hit.start :].split()[:WAY_WORDS])
    told = heading(f"{before} {after}")
    return told is not None and told != asked


def joined_times(hit: SentenceHit, found: list[Quantity]) -> list[Quantity]:
    """The sentence's quantities with a time told in parts joined into one ("14 minutes 32.93
    seconds": 872.93 s), so that it answers whole."""
    out: list[Quantity] = []
    for q in sorted(found, key=lambda q: q.start):
        last = out[-1] if out else None
        if last is not None and in_parts(hit, last, q):
            whole = (last.base_value or 0.0) + (q.base_value or 0.0)  # both told: in_parts
            text = hit.text[last.start - hit.start : q.end - hit.start]
            out[-1] = replace(last, end=q.end, text=text, value=whole, unit="s", base_value=whole)
        else:
            out.append(q)
    return out


def in_parts(hit: SentenceHit, first: Quantity, then: Quantity) -> bool:
    """`then` goes on the time `first` tells in a smaller unit ("14 minutes *32.93 seconds*",
    "two hours and 10 minutes")."""
    if first.base_unit != "s" or then.base_unit != "s" or first.unit == then.unit:
        return False
    if first.base_value is None or then.base_value is None or first.value is None:
        return False
    gap = hit.text[first.end - hit.start : then.start - hit.start]
    return PARTS_GAP.fullmatch(gap) is not None and then.base_value < first.base_value / first.value


def outcome_said(question: Question, hit: SentenceHit, start: int, end: int) -> float:
    """For a count of an outcome ("how many were critically injured", "left in critical
    condition": its verbs or the other words that say it), `OTHER_OUTCOME` when
    the words beside the figure tell only another ("killing at least 80 people", "killed 130
    in Paris and 32 in Brussels"), 1 otherwise. The parse of the best passages says more
    (`acts.outcome_fit`); this reads the passages below them too."""
    asked = {o for a in (*question.acts, *question.terms) if (o := outcome(a))}
    if not asked:
        return 1.0
    before = WORD.findall(hit.text[: start - hit.start].lower())[-OUTCOME_BEFORE:]
    after = WORD.findall(hit.text[end - hit.start :].lower())[:OUTCOME_AFTER]
    told = {o for w in (*before, *after) if (o := outcome(w))}
    return OTHER_OUTCOME if told and not told & asked else 1.0


def given(question: Question, counted: str | None) -> bool:
    """The figure counts what the question counts itself ("after *three rounds*, how big was
    his lead": "the first two rounds"): it restates the setting, it does not answer."""
    if not counted or stem(counted) in stems_for(question.focus or ""):
        return False
    return stem(counted) in {stem(w) for w in given_counts().findall(question.text)}


@cache
def given_counts() -> re.Pattern[str]:
    """A number in digits or words and the noun it counts ("three rounds": rounds)."""
    words = sorted(
        {row[0] for row in read_rows("quantity_numbers.tsv") if row[1] in COUNTING_WORDS}
    )
    return re.compile(rf"\b(?:\d[\d,.]*|{'|'.join(map(re.escape, words))})\s+([a-z]+)", re.I)


def money_kind_fit(question: Question, hit: SentenceHit, start: int, end: int, unit: str) -> float:
    """A sum that the words beside it call another kind of money than the question asks
    ("record profits of $269m" for "what price did Ryanair pay", "market value" for "how
    much is Pernod offering"; the words after it only up to the next item of a list) fits
    less; one they call nothing, or the kind asked, fits. The kind asked is the focus's ("how
    much *compensation* did Airbus end up paying"), else that of the question's acts ("how
    much did the government *lose* on its bailout": a loss, not the bailout), else that of
    any word of the question."""
    if not money(unit) or not money_asked(question):
        return 1.0
    kinds = money_kinds()
    asked = (
        kinds.get(stem(question.focus or ""), frozenset())
        or {k for w in question.acts for k in kinds.get(stem(w), ())}
        or {k for w in question.terms for k in kinds.get(stem(w), ())}
    )
    before = worded(hit.text[: start - hit.start])[-MONEY_BEFORE:]
    after = worded(NEXT_ITEM.split(hit.text[end - hit.start :], 1)[0])[:MONEY_AFTER]
    told = [kinds.get(stem(w), frozenset()) for w in (*before, *after)]
    told = [kinds for kinds in told if kinds]
    if not asked or not told or any(kinds & asked for kinds in told):
        return 1.0
    return OTHER_MONEY


def worded(text: str) -> list[str]:
    """The words of a text without its figures and their units ("from $362 million in 2014
    to": from, in, to): another figure beside a sum does not push its kind out of reach."""
    return [w for w in WORD.findall(text) if not w[0].isdigit() and w.lower() not in SCALES]


def money_asked(question: Question) -> bool:
    """The question asks for a sum of money ("how much", "what price")."""
    return question.kind == "amount" or question.labels[:1] == ("MONEY",)


@cache
def money_kinds() -> dict[str, frozenset[int]]:
    """Stem -> the kinds of money a word names (lexicons/money_kinds.tsv, one kind a line)."""
    kinds: dict[str, set[int]] = {}
    for n, row in enumerate(read_rows("money_kinds.tsv")):
        for word in row:
            kinds.setdefault(stem(word), set()).add(n)
    return {word: frozenset(k) for word, k in kinds.items()}


def counts_measure(question: Question, text: str, unit: str) -> bool:
    """A measure answering a count of things ("13 days" for "how many cruise missiles", "30
    miles" for "how many people"); "how many days", "how many barrels" ask for one."""
    if question.kind != "number" or not question.focus or unit in UNMEASURED_UNITS or money(unit):
        return False
    if unit == "s" and stem(question.focus) in TIME_UNITS:
        return False
    return stem(question.focus) not in {stem(w) for w in WORD.findall(text.lower())}


def polled(question: Question, hit: SentenceHit, start: int, end: int) -> bool:
    """The question asks how someone did at the polls, and the figure in [start, end) is a
    poll's or a count still partial ("95 percent of precincts reporting") instead, as the
    words around it say (not those of another clause: "despite leading the polls, Trump lost
    to Cruz, who won 27.6 percent")."""
    asked = RESULT_ASKED.search(question.text) and not POLLED.search(question.text)
    if not asked:
        return False
    before = hit.text[: start - hit.start].split()[-POLL_BEFORE:]
    after = hit.text[end - hit.start :].split()[:POLL_AFTER]
    return POLLED.search(" ".join((*before, *after))) is not None


def asked_period(question: Question) -> re.Pattern[str] | None:
    """The words that say the period a figure is asked by ("how many arrive *each year*",
    "how much *per day*"), or None."""
    asked = PERIOD_ASKED.search(question.text)
    if asked is None or question.kind not in ("number", "amount"):
        return None
    word = next(g for g in asked.groups() if g).lower()
    return re.compile(
        rf"(?:{PERIOD_WORDS[{'dai': 'day', 'annual': 'year'}.get(word, word)]})\b", re.I
    )


def part_of_year(question: Question, hit: SentenceHit) -> bool:
    """The question asks a whole year's figure and the sentence tells only a part of one
    ("the airline made a pre-tax profit of £75m" in "the three months to 31 December")."""
    if not YEAR_ASKED.search(question.text):
        return False
    return PART_OF_YEAR.search(hit.text) is not None and WHOLE_YEAR.search(hit.text) is None


def period_said(said: re.Pattern[str], hit: SentenceHit, start: int, end: int, unit: str) -> bool:
    """The figure is given by the period: in its unit, right after it or before it ("about
    3,000 a year", "an annual budget of")."""
    before = hit.text[max(0, start - hit.start - 30) : start - hit.start]
    after = hit.text[end - hit.start : end - hit.start + 30]
    return bool(said.search(unit) or said.match(after.lstrip(" ,")) or said.search(before))


def level_fit(question: Question, hit: SentenceHit, start: int, end: int) -> float:
    """A number that names a model ("Boeing's 787") fits less; so does a change on the way
    to a level ("rose 15,000 last week to 444,000", "lost 212,000 customers") unless the
    question asks how much something rose, and then the level it rose to (but not when the
    level it rose from is told: "fell from 71 percent to 55" answers with 55); and a rate
    ("£1,400 per mother") when the question asks for a total."""
    before, after = hit.text[: start - hit.start], hit.text[end - hit.start :]
    figure = hit.text[start - hit.start : end - hit.start]
    if before.endswith(("'s ", "’s ", "' ")) and not MEASURED.match(figure):
        return MODEL  # "Boeing's 787", not "Murphy's 15-hour filibuster"
    change = CHANGE.search(question.text) is not None and not TO_LEVEL.search(question.text.lower())
    stepped = STEP.match(after) and not SCORED.search(before)  # "won, 27.6 to 24.3": a score
    if stepped and (not change or FROM_LEVEL.search(before)):  # "fell from 71 percent to 55"
        return MODEL
    if change and LEVEL.search(before) and not FROM_TO.search(before):
        return MODEL
    if not change and CHANGED.search(before) and not CASUALTIES.match(after):
        # "lost 212,000 customers" for how many it has
        return CHANGE_FOR_LEVEL
    if TOTAL.search(question.text) and RATE.match(after):  # "£1,400 per mother" for the total
        return MODEL
    if PARTITIVE.match(after) or previous(question, before):  # "one of which", "up from"
        return MODEL
    if AVERAGE_ASKED.search(question.text) and not averaged(before, after):
        return UNAVERAGED  # "$1.3 trillion in student debt" for the average graduate's
    needed = THRESHOLD.match(after) or REACHED_IF.search(before)
    if needed and not NEEDED_ASKED.search(question.text):
        return MODEL  # "1,237 delegates needed to clinch" for how many voted for him
    if WHOLE.search(before) and not TOTAL.search(question.text):  # "10 of 12 victims": 10
        return CHANGE_FOR_LEVEL
    return 1.0


def averaged(before: str, after: str) -> bool:
    """The words around a figure say it is an average, or a figure per one ("$37,000 per
    borrower")."""
    near = f"{before[-40:]} {after[:30]}"
    return AVERAGED.search(near) is not None or RATE.match(after) is not None


def sum_asked(question: Question) -> bool:
    """The question names a thing that is only ever a sum of money ("how big is the
    *reward*"): a count ("three attacks") does not say how big it is."""
    return any(stem(t) in SUMS for t in question.terms)


def sized(question: Question) -> bool:
    """The question asks how big or large something is: a figure of any unit may say it."""
    asked = MEASURE.search(question.text)
    return asked is not None and asked.group(1).lower() in SIZES


def measure_fit(question: Question, hit: SentenceHit, start: int, end: int, unit: str) -> float:
    """For "how far / high / fast / heavy ...": a figure of that dimension fits, best when a
    word for the measure stands beside it ("a range of up to 6,000 meters" for how far, "a
    maximum altitude of 3,500 meters" for how high); one named as another measure fits least.
    1 for other questions."""
    dimension = measure_asked(question)
    if dimension is None:
        return 1.0
    units, words = MEASURES[dimension]
    before = WORD.findall(hit.text[max(0, start - hit.start - 40) : start - hit.start].lower())
    after = WORD.findall(hit.text[end - hit.start : end - hit.start + 20].lower())
    near = {stem(w) for w in before[-5:] + after[:2]}
    named = near & {stem(w) for w in MEASURE_WORDS}
    if named & {stem(w) for w in words}:
        return 1.0
    sized_as = SIZED_NOUN.search(question.text) if dimension in SIZES else None
    beside = {stem(w) for w in before[-2:] + after[:2]}  # "a 3-stroke lead", "a lead of 3"
    if sized_as and stem(sized_as.group(1).lower()) in beside:
        return 1.0
    if unit not in units and dimension not in SIZES:
        return 0.5
    return 0.6 if named else 0.85


def measure_asked(question: Question) -> str | None:
    """The dimension a measure question asks for ("how high", "what altitude", "what is the
    range of": "high", "high", "far")."""
    if question.kind != "quantity":
        return None
    asked = MEASURE.search(question.text)
    if asked is not None:
        return asked.group(1).lower()
    nouns = [question.focus or "", *WORD.findall(question.text.lower())]
    return next((MEASURE_NOUNS[w] for w in nouns if w in MEASURE_NOUNS), None)


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


def quantity_fit(question: Question, unit: str, counted: str | None, base: str = "") -> float:
    """How well a number fits: money for a price, a percentage for a share, a count of the
    question's focus ("how many *lives*" and "228 people", "39 deaths" for how many were
    killed) or a span in the unit counted ("how many days") for a count; `base` is the
    unit's base ("s" for "day")."""
    wanted = question.labels[0] if question.labels else "CARDINAL"
    if question.kind == "amount" and question.focus and base in EXTENTS:
        return 0.4  # "how much explosive": not a distance, a time or a speed
    if question.kind == "amount" and CHANGE.search(question.text):  # "how much did X expand"
        return 1.0 if unit in MONEY_UNITS or unit == "percent" else 0.6
    if question.kind == "amount" and base == "s":  # "how much did X give": not "four years"
        return 0.6
    if (
        question.kind == "amount"
        and unit == "count"
        and counted
        and not own_count(question, counted)
    ):
        return UNCOUNTABLE  # "how much explosive": not "1,000 people"
    if question.kind == "amount":  # "how much": money, a measure, a share, then a count
        return 1.0 if unit in MONEY_UNITS else 0.8 if unit != "count" else 0.6
    if wanted == "MONEY":
        return 1.0 if money(unit) or (unit == "percent" and market_change(question)) else 0.4
    if wanted == "PERCENT":
        return 1.0 if unit == "percent" else 0.4
    if question.kind == "quantity" and sized(question):  # "how big was the audience"
        return 1.0 if money(unit) or not sum_asked(question) else 0.4
    if question.kind == "quantity":  # a measure ("how far", "how long"): not a sum of money
        return 1.0 if unit not in ("count", "percent", *MONEY_UNITS) else 0.6
    return number_fit(question, unit, counted, base)


def market_change(question: Question) -> bool:
    """The question asks how much a market or a price moved ("how much did Indonesian stocks
    lose"), which a share tells as well as a sum."""
    return CHANGE.search(question.text) is not None and bool(MARKETS & set(question.terms))


def own_count(question: Question, counted: str) -> bool:
    """A count of the very thing a "how much" question asks about ("how much aid": "5,000
    tons of aid"), not of something else ("1,000 people")."""
    return question.focus is not None and same_thing(question.focus, counted)


def number_fit(question: Question, unit: str, counted: str | None, base: str) -> float:
    """How well a figure fits "how many" or "what number": a count, or a share of people
    for what a share measures ("what level of public support": "64 percent")."""
    if unit == "percent" and question.focus in SHARED:
        return 1.0
    if unit in MONEY_UNITS or unit == "percent":
        return 0.3
    return count_fit(question, unit, counted, base)


def count_fit(question: Question, unit: str, counted: str | None, base: str) -> float:
    """How well a count fits "how many": one of the focus or of the outcome asked about, or a
    span in the unit counted."""
    if not question.focus:
        return 0.8
    if stem(question.focus) in TIME_UNITS and base == "s":  # "how many days": "sixty days"
        return 1.0 if unit in time_codes(question.focus) else 0.5
    if not counted:
        return 0.6
    if named_thing(question.focus, counted) or counts_outcome(question.acts, counted):
        return 1.0
    return SIMILAR_FIT if similar(question.focus, counted) else 0.4


def time_codes(word: str) -> tuple[str, ...]:
    """The unit codes a span counted in `word` is written in ("days": "d", "day")."""
    singular = word.lower().removesuffix("s")
    return TIME_UNIT_CODES.get(singular, (singular,))


def counts_outcome(acts: tuple[str, ...], counted: str) -> bool:
    """What is counted is the outcome the question asks about ("39 deaths" for "how many
    soldiers were killed")."""
    asked = {o for a in acts if (o := outcome(a))}
    return bool(asked) and any(outcome(w) in asked for w in WORD.findall(counted))


def same_thing(focus: str, counted: str) -> bool:
    """The counted thing is what the question counts: in words (`named_thing`) or by close
    word vectors ("nations" and "countries")."""
    return named_thing(focus, counted) or similar(focus, counted)


def people(word: str) -> bool:
    """The word names people ("sailors", "reservists", "officials"), not things ("ships")."""
    stems = stems_for(word)
    return bool(stems & people_stems()) or word.lower() in PERSON_NOUNS


@cache
def people_stems() -> frozenset[str]:
    """The stems of the reader lexicon's words for people and forces."""
    return stems_for("people") | stems_for("troops")


def named_thing(focus: str, counted: str) -> bool:
    """The counted thing says the focus: a word in common or of its root ("shooting
    incidents" for "shootings"), a synonym from the lexicon, or people of some kind for
    "people" ("Rwandan Tutsis", "civilians", and the signatures each one gave)."""
    mine = stems_for(focus)
    words = WORD.findall(counted)
    if mine & {stem(w) for w in words}:
        return True
    if len(focus) >= ROOT and any(w.lower()[:ROOT] == focus.lower()[:ROOT] for w in words):
        return True
    return focus.lower() in ("people", "persons") and any(
        w.lower() in PERSON_NOUNS or w.lower() in SIGNED or (w[:1].isupper() and w.endswith("s"))
        for w in words
    )


def similar(focus: str, counted: str) -> bool:
    """The counted thing's words are close to the focus by word vectors, and both are
    people or both things ("Marines and sailors" are no ships, however close the vectors)."""
    if people(focus) != any(people(w) for w in WORD.findall(counted)):
        return False
    pair = vectors.embed([focus, counted])
    return float(pair[0] @ pair[1]) >= SIMILAR


def times(question: Question, hit: SentenceHit, store: Store) -> Iterator[Candidate]:
    """The sentence's dates and times, except its dateline's (when the story was filed)."""
    filed = dateline_end(hit)
    found = sorted(store.times_in(hit.doc_id, hit.start, hit.end), key=lambda t: t.start)
    covered = 0  # the end of the last range: a time inside it is its second end
    for t in found:
        if t.type in ("DATE", "TIME") and t.value and t.value[:1].isdigit() and t.start >= filed:
            if t.start < covered:
                continue
            fit = time_fit(question.focus, t.text, t.value) * end_fit(question, hit, t.start)
            fit *= birth_fit(question, hit, t.start)
            fit *= naming_fit(question, hit, t.start, t.end)
            start, covered = ranging(hit, t.start, t.end, [u.end for u in found if u.start > t.end])
            text = hit.text[start - hit.start : covered - hit.start]
            yield Candidate(start, covered, text, "time", fit, t.value)


def ranging(hit: SentenceHit, start: int, end: int, ends: list[int]) -> tuple[int, int]:
    """The time grown to the range it opens: "1806-07", "between 1621 and 1629", "from May
    to July" (`ends`: where the sentence's later times end)."""
    at, upto = start - hit.start, end - hit.start
    short = RANGE_TAIL.match(hit.text, upto)
    if short:
        return start, hit.start + short.end()
    opener = RANGE_OPENER.search(hit.text[:at])
    joint = RANGE_JOINT.match(hit.text, upto)
    if opener and joint:
        after = hit.start + joint.end()
        close = next((e for e in ends if e > after and e - after <= RANGE_END), None)
        if close is not None and hit.text[joint.end() : close - hit.start].strip():
            return hit.start + opener.start(), close
    return start, end


#: the end of a range written short after a year ("1806-07", "1759–60"), its opening word,
#: the word joining its ends, and the most characters its second end takes
RANGE_TAIL = re.compile(r"[-–]\d{2,4}\b")
RANGE_OPENER = re.compile(r"\b(?:between|from)\s+$", re.I)
RANGE_JOINT = re.compile(r"\s+(?:and|to|until|through)\s+")
RANGE_END = 24


def dateline_end(hit: SentenceHit) -> int:
    """Where the sentence's dateline ends (its start when it has none)."""
    dateline = DATELINE.match(hit.text)
    return hit.start + dateline.end() if dateline else hit.start


def end_fit(question: Question, hit: SentenceHit, start: int) -> float:
    """For "how long ..." or "until what year": a date answers when it ends the time asked
    about ("available *until* January 30, 2009"), for "since what year" when it starts it
    ("at least *since* 2007"); another date or a clock time keeps UNENDED, and so does any
    date for another measure of time ("what prison sentence": not "May 6"). 1 otherwise."""
    before = hit.text[: start - hit.start]
    if SINCE_ASKED.search(question.text):
        return 1.0 if SINCE.search(before) else UNENDED
    if HOW_LONG.search(question.text) is None:
        pointless = question.kind == "quantity" and not POINT_ASKED.search(question.text)
        return UNENDED if pointless else 1.0
    return 1.0 if UNTIL.search(before) else UNENDED


def birth_fit(question: Question, hit: SentenceHit, start: int) -> float:
    """For "when was X born", a date the sentence gives as a birth ("born in 1532", "(b.
    1532", the first year of "(1532-1600)"); another ("died 1532", "quelled in 1598") keeps
    UNBORN. 1 for other questions."""
    if not BORN_ASKED.search(question.text):
        return 1.0
    return 1.0 if BIRTH.search(hit.text[: start - hit.start]) else UNBORN


def naming_fit(question: Question, hit: SentenceHit, start: int, end: int) -> float:
    """A year that only names what follows it ("in response to *a 2012* records request")
    dates that thing, not the question's act: `NAMING_YEAR`, unless the question speaks of
    that thing ("when was the 1998 bombing" told by "the 1998 embassy bombing")."""
    before, after = hit.text[: start - hit.start], hit.text[end - hit.start :]
    noun = NOUN_AFTER.match(after) if YEAR_BEFORE.search(before) else None
    if noun is None or not YEAR_ONLY.fullmatch(hit.text[start - hit.start : end - hit.start]):
        return 1.0
    words = [w for w in WORD.findall(noun.group(1)) if w not in STOP_WORDS]
    head = words[-1] if words else ""  # "records request": a request
    return 1.0 if not head or found(head, words_of(question.text)) else NAMING_YEAR


def time_fit(focus: str | None, text: str, value: str) -> float:
    """A date written out fits better than "today"; a year for "which year", a century for
    "what century", a full date for "what date", a time of day for "what time"."""
    written = any(ch.isdigit() for ch in text)
    if focus == "year":
        return 1.0 if written and len(value) == 4 else 0.6
    if focus in ERAS:  # "what century": "the 11th century" (10), not a year of it
        return 1.0 if len(value) == ERAS[focus] else 0.5
    if focus in ("date", "day"):  # a day resolved from "Wednesday" fits less, a month less still
        if written and len(value) >= DAY:
            return 1.0
        return DAYLESS if 0 < len(value) < DAY else 0.7
    if focus == "time":  # "what time": the clock
        return 1.0 if CLOCK.search(value) or CLOCK_WORDS.search(text) else CLOCKLESS
    return 1.0 if written else 0.7


def ages(question: Question, hit: SentenceHit) -> Iterator[Candidate]:
    """Ages the sentence gives ("40-year-old Terence Crutcher", "Crutcher, 40,", "aged 40",
    "Kwan, who is 17"); one it gives of someone other than the question asks about fits
    little."""
    whose = AGED_WHO.search(question.text)
    said = (whose.group(1) or whose.group(2)) if whose else ""
    asked = {w for w in WORD.findall(said) if w[:1].isupper()}
    role = AGED_ROLE.match(said)
    for age in AGE.finditer(hit.text):
        group = next(g for g in (1, 2, 3, 4) if age.group(g))
        after = NAME_AFTER.match(hit.text[age.end() :]) if group == 1 else None
        before = NAME_BEFORE.search(hit.text[max(0, age.start() - 40) : age.start()])
        named = after or before
        fit = 1.0 if named and asked & set(WORD.findall(named.group(1))) else OTHERS_AGE
        if role and group == 1:  # "the man who confessed": the "19-year-old man"
            noun = re.match(r"\s+([a-z]+)", hit.text[age.end() :])
            fit = 1.0 if noun and stem(noun.group(1)) == stem(role.group(1)) else OTHERS_AGE
        start, end = age.span(group)
        text = age.group(group)
        yield Candidate(
            hit.start + start, hit.start + end, text, "quantity", fit, phrase=age.group()
        )
