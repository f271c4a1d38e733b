"""A question, read: what kind of answer it expects, the words and names it asks about, the
thing it counts or names ("how many *lives*", "which *airline*"), and whose words it asks for
("according to X", "what did X say").

"What year", "which city", "what percentage" and "how long" say more than "what" alone, so
head-noun rules come before the bare wh-words they refine. A "which/what + noun" question that
no rule types asks for an actor (a person first for people's roles, else an organisation).
Reasons ("why", "what made ...", "what was behind ...") and statements ("what did X insist")
are answered by a clause, not an entity.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import MAXYEAR, date
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from crisisdesk.analyze.countries import regions
from crisisdesk.ask.align import YES_NO, Slot, predicates, slot_of
from crisisdesk.ask.described import described_slot

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

NUMBER = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")
AMOUNT = ("QUANTITY", "CARDINAL", "MONEY", "PERCENT", "DATE", "TIME")
DATE = ("DATE", "TIME")
PLACE = ("GPE", "LOC", "FAC")
#: places that are buildings or compounds ("which building was brought down")
SITES = frozenset(
    [
        *("center", "centre", "mall", "stadium", "arena", "airport", "hotel", "base"),
        *("building", "prison", "mosque", "church", "bridge", "compound", "embassy", "plant"),
        *("factory", "facility", "hospital", "school", "office", "headquarters", "tower"),
    ]
)
PERSON_FIRST = ("PERSON", "ORG", "NORP", "GPE")
ORG_FIRST = ("ORG", "PERSON", "NORP", "GPE")
#: a weapon, a craft or a ship is named as a product ("Frog7"), an organization, a facility,
#: or a person ("the carrier Dwight D. Eisenhower")
EQUIPMENT_FIRST = ("PRODUCT", "ORG", "PERSON", "FAC")
#: the kinds of weapon, craft and ship a reader asks "which" of, each named ("which weapons"
#: asks for any phrase: "anti-aircraft missiles")
EQUIPMENT = frozenset(
    [
        *("missile", "rocket", "warplane", "plane", "jet", "aircraft", "bomber"),
        *("helicopter", "drone", "tank", "ship", "vessel", "warship", "submarine", "destroyer"),
        *("frigate", "cruiser", "launcher", "rifle", "gun", "howitzer", "interceptor"),
    ]
)

WORD = re.compile(r"\w[\w'’.-]*\w|\w")
#: a setting before the question proper ("At the forum, did Clinton admit ...?", "If Congress
#: does nothing, when does the program run out?", "As Blair flew into Belfast, when was ...?",
#: "Pressed on ABC, did Trump say ...?")
SETTING = re.compile(
    r"^(?:(?:at|in|on|during|after|before|since|by|over|under|if)\b[^,?]{1,60},\s*"
    r"|(?:as|when|while|once|following|with)\b[^,?]{1,80},\s*(?=(?:who|whom|whose|what|when"
    r"|where|which|why|how)\b)"
    r"|[a-z]+(?:ed|ing)\b[^,?]{1,80},\s*(?=(?:did|does|do|is|was|are|were|has|have|had|will"
    r"|would|can|could|who|whom|whose|what|when|where|which|why|how)\b))"
)
#: the words that open a setting in time
TIME_SETTINGS = frozenset(
    ["after", "before", "since", "during", "following", "as", "when", "while", "once"]
)
#: a name that owns the next one ("Manhattan's Chelsea", "Venezuela's Maduro"; not a
#: country's abbreviation used as an adjective: "Toyota's U.S. sales")
QUALIFIER = re.compile(r"\b([A-Z][\w.-]*)['’]s\s+(?=[A-Z])(?!U\.S\.|US\b|U\.K\.|UK\b|EU\b)")
#: the capitalized words after a name and a comma: maybe the region it lies in
PLACED = re.compile(r"\b[A-Z][\w.'’-]*,\s+((?:[A-Z][\w.]*\s?){1,3})")
#: month and weekday names, months also as written short ("Sept. 1"): a time the question
#: names, not a name the passage must hold
MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTH_NAMES = "|".join(name for name in calendar.month_name if name)
#: a day of a month written out ("October 10, 2008", "10 October 2008")
DAY_NAMED = re.compile(
    rf"\b({_MONTH_NAMES}) (\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)|\b(\d{{1,2}}) ({_MONTH_NAMES})\b"
)
CALENDAR = frozenset(
    [*MONTHS, *(m[:3] for m in MONTHS), "sept", *(d.lower() for d in calendar.day_name)]
)
#: a year a question names: one of news's centuries, or an earlier one after "in" ("in 1690";
#: elsewhere a number such as 1500 is as often a count)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b|(?<=\bin )(1[0-7]\d\d)\b")
#: a half or quarter of a year ("the second half of 2015", "the first quarter")
YEAR_PART = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ](half|quarter)\b", re.I)
#: which part of the year each ordinal names
PART_ORDER = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}
FISCAL = re.compile(r"\bfiscal\b", re.I)
#: a month naming when something was told ("its January report"), not the time it tells of
REPORT_MONTH = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:(\d{4})\s+)?(?:report|statement|speech|briefing"
    r"|forecast|estimate|projection|outlook|update|release)s?\b"
)
#: a time naming when something was reported ("as reported in September 2016"), not the
#: time it tells of
REPORTED_IN = re.compile(
    r"\b(?:reported|published|announced|released|written|said|stated)\s+(?:in|on)\s+"
    r"(?:([A-Z][a-z]+)\s+)?(?:\d{1,2},?\s+)?(\d{4})\b"
)
#: a year that names which event ("the *2012* attack", "the armed *2014* Bundy Ranch
#: standoff"), not when what is asked was done; a year of accounts is a time ("the 2015
#: fiscal year")
EVENT_YEAR = re.compile(
    r"\bthe (?:[a-z-]+ )?(?:1[89]\d\d|20\d\d) (?!(?:fiscal|financial|tax|budget|year|quarter"
    r"|season|half|first|second|third|fourth)\b)[A-Za-z]"
)
#: a century or decade a question names: "the 11th century", "the 1100s", "the 1990s"
ERA = re.compile(
    r"\b(?:(?P<century>\d{1,2})(?:st|nd|rd|th)[ -]century|(?P<decade>\d{3}0)['’]?s)\b", re.I
)
#: a time the question names as a bound, not as the time it asks about
BOUNDED = re.compile(
    r"\b(?:before|after|since|until|till|prior to)\s+(?:early |late |mid-?)?(?:[A-Z][a-z]+ )?"
    r"(?:\d{1,2},? )?(?:1[89]\d\d|20\d\d)\b"
)
#: a month that bounds the time asked ("by the end of August"), not the time itself
MONTH_BOUNDED = re.compile(
    r"\b(?:before|after|since|until|till|prior to|by|through|end of|start of)\s+"
    r"(?:early |late |mid-?)?[A-Z][a-z]+\b"
)
#: a year named from when it is told
TOLD_YEAR = re.compile(r"\b(this|last)\s+year\b", re.I)
#: words of a question that say what kind of answer it wants, not what it is about
QUESTION_WORDS = frozenset(
    [
        "how",
        "many",
        "much",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "did",
        "does",
        "do",
        "say",
        "said",
        "according",
        "roughly",
        "approximately",
        "exactly",
    ]
)
#: people's roles: "which X" asks for a person first
PERSON_NOUNS = frozenset(
    [
        "person",
        "people",
        *("democrat", "republican", "conservative", "liberal", "libertarian", "socialist"),
        "man",
        "woman",
        "member",
        "senator",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "official",
        "executive",
        "analyst",
        "watcher",
        "observer",
        "banker",
        "minister",
        "president",
        "leader",
        "chief",
        "head",
        "chairman",
        "ceo",
        "director",
        "secretary",
        "general",
        "commander",
        "governor",
        "mayor",
        "judge",
        "lawyer",
        "expert",
        "economist",
        "trader",
        "lawmaker",
        "politician",
        "candidate",
        "diplomat",
        "envoy",
        "ambassador",
        "king",
        "queen",
        "ruler",
        "pope",
        "author",
        "scientist",
        "reporter",
        "journalist",
        "commentator",
        "columnist",
        "pundit",
        "critic",
        *("academic", "scholar"),
        "blogger",
        "writer",
        "editor",
        "prosecutor",
        "attorney",
        "admiral",
        "activist",
        "campaigner",
        "negotiator",
        "adviser",
        "advisor",
        "aide",
        "strategist",
        "officer",
        "chancellor",
        "premier",
        "congressman",
        "congresswoman",
        "legislator",
        "representative",
        "researcher",
        "professor",
        "doctor",
        "physician",
        "founder",
        "nominee",
        "deputy",
        "suspect",
        "witness",
        "victim",
        "opponent",
        "supporter",
        "foe",
        "protester",
        "militant",
        "bomber",
        "gunman",
        "attacker",
        "sniper",
        "killer",
        "survivor",
        "relative",
        "father",
        "mother",
        "son",
        "daughter",
        "wife",
        "husband",
        "brother",
        "sister",
        "uncle",
        "boy",
        "girl",
        "soldier",
        "marine",
        "seal",
        "sailor",
        "pilot",
        "hostage",
        "defector",
        "hacker",
        "spy",
        "informant",
        "whistleblower",
        *("ally", "confidant", "friend", "rival", "successor", "predecessor"),
    ]
)
#: what organisations are called: "which *agency*" asks for an organisation; other nouns
#: ("which weapons", "what kinds of targets") for a phrase of the sentence
#: endings of nouns for people by what they do, and the nouns of things that end the same
AGENT_ENDINGS = ("er", "or", "ist", "ect", "ian", "tress")
AGENT_LIKE_THINGS = frozenset(
    [
        *("stress", "distress", "fortress", "mattress"),
        "number",
        "order",
        "border",
        "center",
        "centre",
        "computer",
        "monitor",
        "water",
        "power",
        "paper",
        "letter",
        "matter",
        "sector",
        "factor",
        "motor",
        "reactor",
        "tower",
        "quarter",
        "chapter",
        "meter",
        "carrier",
        "container",
        "charter",
        "corridor",
        "error",
        "floor",
        "door",
        "minor",
        "major",
        "honor",
        "labor",
        "favor",
        "rumor",
        "terror",
        "theater",
        "shelter",
        "filter",
        "counter",
        "barrier",
        "layer",
        "weather",
        "winter",
        "summer",
        "river",
        "cancer",
        "fever",
        "tractor",
        "helicopter",
        "fighter",
        "destroyer",
        "launcher",
        "transporter",
        "tanker",
        "freighter",
        "airliner",
        "jetliner",
        "trailer",
        "other",
        "project",
        "aspect",
        "effect",
        "object",
        "subject",
        "prospect",
        "indian",
    ]
)
ORG_NOUNS = frozenset(
    [
        "company",
        "firm",
        "agency",
        "bank",
        "airline",
        "carrier",
        "group",
        "party",
        "organisation",
        "organization",
        "body",
        "union",
        "ministry",
        "department",
        "government",
        "army",
        "navy",
        "force",
        "militia",
        "team",
        "club",
        "network",
        "channel",
        "newspaper",
        "paper",
        "outlet",
        *("publication", "magazine", "tabloid"),
        "broadcaster",
        "court",
        "council",
        "committee",
        "commission",
        "regulator",
        "watchdog",
        "authority",
        "manufacturer",
        "maker",
        "automaker",
        "carmaker",
        "producer",
        "exporter",
        "supplier",
        "buyer",
        "seller",
        "lender",
        "insurer",
        "fund",
        "investor",
        "exchange",
        "index",
        "institution",
        "university",
        "school",
        "hospital",
        "charity",
        "service",
        "office",
        "administration",
        "state",
        "rival",
        "partner",
        "competitor",
        "subsidiary",
        "unit",
        "division",
        "brand",
        "label",
        "studio",
        "publisher",
        *("casino", "hotel", "retailer", "chain", "restaurant", "contractor", "operator"),
        *("developer", "pac", "website", "startup", "conglomerate"),
    ]
)
REASON = re.compile(
    r"(?:^|,)\s*why\b|\bwhat (made|caused|led|drove|prompted|forced|pushed)\b|\bwhat went wrong\b"
    r"|\bwhat (?:\w+ ){1,4}(?:suspect|think|believe|say|said)s? "
    r"(?:caused|started|sparked|triggered)\b"
    r"|\bwhat (\w+ )?"
    r"(was|is|were|are|lay|lies|lie) behind\b|\bwhat (reason|worry|concern|fear)\b"
    r"|\bfor what reason\b|\bwhat (did|does|do) .* (blame|cite)\b"
    r"|\bwhat (is|was|are|were) the (\w+ )?(reason|motive|purpose|rationale|justification"
    r"|goal|aim|objective)\b"
    r"|\bwhat (?:\w+ ){1,8}(?:meant|intended|supposed|aimed) to (?:do|achieve|accomplish)\b"
    r"|\bto what end\b"
    r"|\bhow (?:do|does|did|can|could|would) .+ (?:justify|explain|defend|excuse|rationali[sz]e)\b"
)
STATEMENT = re.compile(
    r"\bwhat (did|does|do|has|have|had) (.+?) (say|said|claim|insist|deny|argue|warn|admit"
    r"|announce|tell|state|allege|report|reveal|predict|promise|threaten|suggest|want|urge|hint"
    r"|propose|demand|recommend)\b"
)
#: what someone gives in words ("what was Abbott's *message* to Obama"): what they said
GIVEN = "message|warning|advice|demand|reply|plea|ultimatum"
#: what someone thinks of a thing ("what's the minister's *take* on the figures")
VIEWS = "view|position|stance|opinion|take|reaction|assessment|verdict"
#: "according to X, what ..." and "what does X think of ...": X's own words answer
OPINION = re.compile(
    r"^according to [^,?]+, (what|how)\b(?! (many|much|long|far|old)\b)"
    r"|\bwhat (do|does|did) .+ (think|feel|believe) (of|about)\b"
    r"|\bwhat (do|does|did) .+ (think|believe|suspect) (was|is|were|are|had|caused|lay)\b"
    r"|\bhow (did|does|do|has|have) .+ (characteri[sz]e|describe|portray|respond|react)\b"
    rf"|\bwhat(?: is| was|'s|’s) .+(?:'s|’s) (?:{VIEWS}) (?:of|on|to)\b"
    rf"|\bwhat (is|was) .+['’]s (\w+ )?({GIVEN}) (to|for)\b"
)
#: "who is/was <someone's role>": the role is what the answer must be called
ROLE = re.compile(r"^\s*who (?:is|was|are|were) ([^?]+)")
#: the stance of a record that a question's verb asks for
STANCES = {
    "denied": re.compile(r"\b(?:deny|denied|denies|reject(?:s|ed)?)\b", re.I),
    "claimed": re.compile(r"\bclaim(?:s|ed)?\b", re.I),
    "alleged": re.compile(r"\ballege[sd]?\b", re.I),
    "questioned": re.compile(r"\b(?:question(?:s|ed)?|doubt(?:s|ed)?)\b", re.I),
}


SPEAKER = re.compile(
    r"\baccording to ([^,?]+)|\b(?:what|why) (?:did|does|do|has|had) ([^?]+?) "
    r"(?:say|said|claim|insist|deny|argue|warn|admit|tell|state|predict|blame|cite|think|believe"
    r"|want|urge|propose|demand|recommend|call|ask|request|hint|suggest)\b"
    r"|\bhow (?:did|does|do|has|had) ([^?]+?) "
    r"(?:describe|characteri[sz]e|call|respond|react|rate)\b"
    rf"|\bwhat(?: is| was|'s|’s) ([^?]+?)['’]s (?:\w+ )?(?:{GIVEN}|{VIEWS})\b",
    re.I,
)

#: the noun a "which/what" question asks about -> the kind of answer (people's roles: below)
NOUN_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    **dict.fromkeys(
        [
            "price",
            "cost",
            "sum",
            "fee",
            "fine",
            "salary",
            "value",
            "ceiling",
            "payment",
            "budget",
            "funding",
            "compensation",
            "profit",
            *("loss", "losses"),
            "revenue",
            "debt",
            "bill",
            "loan",
            "bailout",
            "fortune",
            "reward",
            "bounty",
            "ransom",
            "aid",
            "bid",
            "wage",
            "damages",
            *("gift", "donation", "contribution", "pledge", "grant"),
            *("deficit", "surplus", "spending", "income", "earnings", "sales", "investment"),
        ],
        ("number", ("MONEY", "CARDINAL", "QUANTITY", "PERCENT")),
    ),
    **dict.fromkeys(
        ["toll", "number", "total", "figure", "count", "tally", "level", "strength"],
        ("number", NUMBER),
    ),
    #: a limit set on a number ("what cap on refugee admissions"), a quake's magnitude
    **dict.fromkeys(["cap", "limit", "quota", "magnitude"], ("number", NUMBER)),
    "tag": ("number", ("MONEY", "CARDINAL", "QUANTITY")),  # "what price tag"
    **dict.fromkeys(
        [
            *("percent", "percentage", "proportion", "share", "portion", "fraction", "rate"),
            *("stake", "growth", "inflation", "unemployment", "turnout"),
        ],
        ("number", ("PERCENT", "CARDINAL", "QUANTITY")),
    ),
    **dict.fromkeys(
        [
            "year",
            "date",
            "day",
            "month",
            "century",
            "decade",
            "era",
            "season",
            "period",
            "deadline",
        ],
        ("date", DATE),
    ),
    "time": ("date", ("TIME", "DATE")),
    #: a prison sentence is a span of time ("240 years in prison")
    "sentence": ("quantity", ("QUANTITY", "DATE", "CARDINAL")),
    **dict.fromkeys(
        [
            "country",
            "countries",
            "city",
            "cities",
            "state",
            "states",
            "region",
            "place",
            "continent",
            "town",
            "towns",
            *("county", "district", "village", "neighborhood", "suburb", "borough"),
            "province",
            "island",
            "nation",
            "area",
            "port",
            "capital",
            "location",
            "venue",
            "square",
        ],
        ("place", PLACE),
    ),
    #: a site is a building or a compound, named as a facility or an organization ("the
    #: six-story Ufundi House", tagged ORG), seldom as a town or a country
    **dict.fromkeys(SITES, ("place", ("FAC", "ORG", "LOC", "GPE"))),
    **dict.fromkeys(["language", "nationality", "religion"], ("actor", ("NORP", "LANGUAGE"))),
}
#: a run of capitalized words: a name of several words ("United States")
NAME_RUN = re.compile(r"[A-Z][\w&'’-]*(?: (?:[A-Z]\.|[A-Z][\w&'’-]*))+")
#: a prison term, asked as a span of time
PRISON_TERM = re.compile(r"\b(?:prison|jail) (?:term|time)\b")
#: a name of up to four words that owns what follows it ("time warner's", "general motors'")
OWNER = r"(?:[\w.&-]+ ){0,3}[\w.&-]+(?:['’]s|s['’])"
ONE_OWNER = r"[\w.&-]+(?:['’]s|s['’])"  # "the *company's* loss"
#: nouns that only hold a count of something else ("the number of troops")
CONTAINERS = frozenset(["number", "total", "figure", "count", "tally", "level", "amount"])
MONEY_VERBS = r"(cost|pay\w*|paid|make|made|earn\w*|lose|lost|raise|spen\w*|offer\w*|sell|sold)"
#: the verbs of a level moving
MOVED = (
    r"(?:ris(?:e|en)|rose|climb|fall|fallen|fell|drop|jump|increase|decrease|decline|grow|grown"
    r"|grew|edge|slip|slide|slid|surge|soar|sink|sank|swell|shrink|shrank)"
)
#: a question for the level something went to ("what did the jobless rate climb to", "to
#: what price did the shares sink")
TO_LEVEL = re.compile(rf"^\W*(?:what (?:\w+ ){{1,6}}?{MOVED} to|to what (?:\w+ ){{1,6}}?{MOVED})\b")
#: (pattern on the lowercased question, answer kind, labels that can answer, the most fitting
#: first). First match wins; these run before the focus noun is looked up.
RULES: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    (TO_LEVEL, "number", ("PERCENT", "MONEY", "QUANTITY", "CARDINAL")),
    (
        re.compile(
            rf"\bhow much (money|(did|does|do|is|are|was|were|will|has|have) .*{MONEY_VERBS}"
            rf"|(was|is|were|are|will) .*worth)\b"
            rf"|\b(estimated|expected|said|believed) to (cost|be worth)\b|\bworth\b(?: to be)?\W*$"
        ),
        "number",
        ("MONEY", "CARDINAL", "QUANTITY", "PERCENT"),
    ),
    (
        re.compile(
            r"\bhow (far|much) did .* (drop|fall|fell|rise|rose|climb|gain|lose|slide|jump)"
        ),
        "number",
        ("PERCENT", "MONEY", "QUANTITY", "CARDINAL"),
    ),
    (re.compile(r"\bhow many\b"), "number", NUMBER),
    (re.compile(r"\bhow much\b"), "amount", ("MONEY", "QUANTITY", "PERCENT", "CARDINAL")),
    (re.compile(r"\bhow old (is|was|are|were|will)\b|\b(what|which) age\b"), "age", ()),
    (re.compile(r"\bhow (old|long ago)\b"), "date", DATE),
    (
        re.compile(
            r"\bhow (far|long|soon|high|low|big|large|small|fast|tall|wide|deep|heavy|close"
            r"|often)\b"
            r"|\bwhat(?: is| was| are)?(?: the| its)?(?: maximum| minimum| top| average| total)?"
            r" (range|distance|altitude|size|speed|length"
            r"|height|weight|area|temperature|duration)\b"
        ),
        "quantity",
        AMOUNT,
    ),
    (re.compile(r"^\W*(when|since when|until when)\b"), "date", DATE),
    (re.compile(r"^\W*where\b"), "place", PLACE),
    (
        re.compile(r"^\W*(who|whom|whose)\b|\b(at|in|by|for|from|with|to) (whom|whose)\b"),
        "actor",
        PERSON_FIRST,
    ),
)
#: words that end the noun phrase after "which/what": the verb or preposition that follows it
PHRASE_END = frozenset(
    [
        "did",
        "does",
        "do",
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "of",
        "in",
        "on",
        "at",
        "for",
        "to",
        "from",
        "by",
        "with",
        "that",
        "who",
        "which",
        "as",
    ]
)


@dataclass(frozen=True, slots=True)
class Question:
    """A question and what answering it needs."""

    text: str
    kind: str
    labels: tuple[str, ...]
    terms: tuple[str, ...]
    names: tuple[str, ...]
    focus: str | None = None
    speaker: str | None = None
    #: the first and last day of the time the question names ("in February 2009")
    period: tuple[date, date] | None = None
    #: the year it names from when it is told: 0 for "this year", 1 for "last year"
    years_back: int | None = None
    #: the first and last month it names without a year ("in October"): of each source's
    #: year, the latest such months by its report
    months: tuple[int, int] | None = None
    #: the predicate the answer fills a role of, from the parse (`align.py`)
    slot: Slot | None = None
    #: the question denies its main verb ("what does *not* help"; not "*not* counting ...")
    negated: bool = False
    #: names that only say where or whose another name is ("*Manhattan's* Chelsea"): a source
    #: naming the other one need not name them
    qualifiers: tuple[str, ...] = ()
    #: the verbs the question says of what it asks, as lemmas ("how many were *killed*")
    acts: tuple[str, ...] = ()
    #: its names of several words, whole ("United States"), looked up as one
    name_runs: tuple[str, ...] = ()
    #: the places its parse names ("Nevada" in "who won the Nevada caucuses")
    places: tuple[str, ...] = ()


def read(text: str, nlp: "Language | None" = None) -> Question:
    """The question's kind, labels, content words, names, focus noun and speaker; with `nlp`
    the focus noun comes from the parse (the noun the wh-word determines), else from rules,
    and the slot its answer fills."""
    lowered = text.lower()
    doc = parse(text, nlp) if nlp is not None else None
    noun = (
        (parsed_focus(doc) if doc is not None else None)
        or focus(lowered)
        or measured(lowered)
        or role(lowered)
    )
    kind, labels = answer_type(lowered, noun)
    slot = (slot_of(doc) or described_slot(doc)) if doc is not None else None
    if slot is not None and slot.role == "title":  # "who is Maduro?": what he is called
        kind, labels = "title", ()
    return Question(
        text=text,
        kind=kind,
        labels=labels,
        terms=tuple(key_terms(text)),
        names=tuple(n for n in names(text) if not (n.lower() == noun and asked_for(n, lowered))),
        focus=(doc is not None and contained(doc, noun)) or contents(lowered, noun),
        speaker=speaker(text),
        period=period(text),
        years_back=years_back(text),
        months=months_named(text),
        slot=slot,
        negated=doc is not None and any(t.dep_ == "neg" and t.head.dep_ == "ROOT" for t in doc),
        qualifiers=(
            *QUALIFIER.findall(text),
            *setting_names(text),
            *region_names(text),
            *(owners_asked(doc) if doc is not None and kind == "actor" else ()),
        ),
        acts=tuple(t.lemma_.lower() for t in predicates(list(doc))) if doc is not None else (),
        name_runs=tuple(NAME_RUN.findall(text)),
        places=tuple(e.text for e in doc.ents if e.label_ == "GPE") if doc is not None else (),
    )


def region_names(text: str) -> tuple[str, ...]:
    """The words of a state or province that follows a place's name ("Independence,
    *Missouri*"): they say where the place is, its sources need not say them."""
    found: list[str] = []
    for run in PLACED.findall(text):
        words = run.split()
        region: list[str] = next(
            (words[:n] for n in range(len(words), 0, -1) if " ".join(words[:n]) in regions()), []
        )
        found += region
    return tuple(found)


def owners_asked(doc: "Doc") -> tuple[str, ...]:
    """The names whose group someone is asked from ("which member of *Obama*'s cabinet",
    "which of *Maduro*'s ministers"): they describe the answer, its sentence need not say
    them ("Labor Secretary Thomas Perez"). A figure of a group is that group's ("what share
    of Trump's contributors"): read for "who" questions only."""
    wh = next((t for t in doc if t.lower_ in ("which", "what")), None)
    if wh is None:
        return ()
    phrase = wh.head if wh.dep_ == "det" else wh
    if phrase.i < wh.i or phrase.dep_ == "ROOT":
        return ()
    return tuple(t.text for t in phrase.subtree if t.dep_ == "poss" and t.pos_ == "PROPN")


def setting_names(text: str) -> tuple[str, ...]:
    """The names of a setting in time before the question proper ("*After Orlando*, how did
    Obama describe ..."): they date the question, its answer need not say them."""
    found = SETTING.match(text.lower())
    if found is None or found.group().split(maxsplit=1)[0] not in TIME_SETTINGS:
        return ()  # "In the Washington Post-ABC News poll, ...": which poll is asked
    return tuple(names(text[: found.end()]))


def parse(text: str, nlp: "Language") -> "Doc":
    """The question parsed by spaCy's own components (ours read news, not questions)."""
    return nlp(text, disable=[p for p in nlp.pipe_names if p.startswith("crisisdesk_")])


#: nouns that ask for a kind of the noun after their "of" ("what *type* of missile")
KIND_NOUNS = frozenset(["kind", "kinds", "type", "types", "sort", "sorts"])
#: the words that ask for a kind, which are not what the question is about
KIND_ASKED = re.compile(r"\b(what|which)\s+(?:kinds?|types?|sorts?)\s+of\b", re.I)


def parsed_focus(doc: "Doc") -> str | None:
    """The noun that "which", "what", "how many" or "how much" asks about, from the tags of
    the question ("Which Airbus *spokesperson* said", "How many more *votes*", "In which
    American *city*", "How much *ransom*"):
    the last noun of the first run of nouns within four words after the wh-word (the small
    parser often misattaches a question's wh-word, the tagger rarely mistags its nouns), or,
    with no noun there, a word for people the tagger took for another part of speech
    ("which *academic* headed")."""
    words = [t.lower_ for t in doc]
    for i, word in enumerate(words):
        counting = word in ("many", "much") and i and words[i - 1] == "how"
        if word in ("which", "what") or counting:
            found = _noun_after(doc, i)
            if found:
                return found
    return None


def _noun_after(doc: "Doc", i: int) -> str | None:
    """The focus noun of the wh-word at `i` (`parsed_focus`), or None."""
    run: list[str] = []
    described: list[str] = []  # "which academic headed": tagged an adverb
    for token in doc[i + 1 : i + 9]:
        if token.i and doc[token.i - 1].text == "-" and token.pos_ not in ("NOUN", "PROPN"):
            run = []  # "which Soviet-made missile": "Soviet" only qualifies
            continue
        after_kind = token.lower_ == "of" and doc[token.i - 1].lower_ in KIND_NOUNS
        if not run and (token.lower_ in KIND_NOUNS or after_kind):
            continue  # "what kind of weapon": the weapon
        if not run and token.pos_ not in ("NOUN", "PROPN") and token.lower_ in PERSON_NOUNS:
            described.append(token.lower_)
        elif token.pos_ in ("NOUN", "PROPN"):
            run.append(token.lower_)
        elif token.text == "-" or (not run and token.pos_ in ("ADJ", "DET", "NUM")):
            continue
        elif run and token.pos_ == "ADJ" and next_noun(doc, token.i):
            continue  # "which German state *interior* minister": minister
        else:
            break
    found = run or described
    return found[-1] if found else None


def next_noun(doc: "Doc", i: int) -> bool:
    """The token after the i-th is a common noun."""
    return i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN"


def answer_type(lowered: str, noun: str | None) -> tuple[str, tuple[str, ...]]:
    """The expected answer kind and the entity labels that may fill it, from the wording and
    the focus noun."""
    if REASON.search(lowered):
        return "reason", ()
    entry = noun_entry(noun)
    if STATEMENT.search(lowered) or (OPINION.search(lowered) and entry is None):
        return "statement", ()
    proper = SETTING.sub("", lowered)
    first = proper.split(maxsplit=1)[:1]
    if first and first[0] in YES_NO and " or " not in lowered:
        return "yesno", ()
    if entry is not None and entry[0] == "number":
        return entry
    worded = _worded_kind(lowered)
    if worded is not None:
        return worded
    for pattern, kind, labels in RULES:
        if pattern.search(proper):
            if kind == "quantity" and not re.search(r"\bhow (long|old|soon)\b", lowered):
                labels = tuple(x for x in labels if x not in DATE)  # "how fast": not a date
            return kind, labels
    if noun in ("carrier", "carriers") and "aircraft carrier" in lowered:  # not an airline
        return "actor", EQUIPMENT_FIRST
    return noun_kind(noun)


def _worded_kind(lowered: str) -> tuple[str, tuple[str, ...]] | None:
    """A kind its words ask for whatever the focus noun: "what type of ship" asks for words
    that say a kind, not a name; "what prison term" for a span, not the words used."""
    if KIND_ASKED.search(lowered):
        return "phrase", ()
    if PRISON_TERM.search(lowered):
        return "quantity", ("QUANTITY", "DATE", "CARDINAL")
    return None


def noun_kind(noun: str | None) -> tuple[str, tuple[str, ...]]:
    """The kind a "which/what + noun" question asks for: the noun's own kind ("which year"),
    a person for people's roles, an organisation for what organisations are called, else a
    phrase of the sentence ("which weapons")."""
    if noun is None:
        return "phrase", ()
    entry = noun_entry(noun)
    if entry is not None:
        return entry
    if equipment(noun):
        return "actor", EQUIPMENT_FIRST
    if noun in PERSON_NOUNS:
        return "actor", PERSON_FIRST
    if noun.rstrip("s") in ORG_NOUNS or noun in ORG_NOUNS:
        return "actor", ORG_FIRST
    if agent_noun(noun):
        return "actor", PERSON_FIRST
    return "phrase", ()


def equipment(noun: str) -> bool:
    """The noun is a kind of weapon, craft or ship ("missiles")."""
    singular = noun.removesuffix("s")
    return noun in EQUIPMENT or singular in EQUIPMENT


def agent_noun(noun: str) -> bool:
    """A noun for someone who does something ("skier", "architect", "novelist"), by its
    ending, but for the things news names the same way ("computer", "border")."""
    singular = noun[:-2] if noun.endswith("sses") else noun.removesuffix("s")
    singular = f"{singular}s" if singular.endswith("tres") else singular  # "actress"
    return singular.endswith(AGENT_ENDINGS) and singular not in AGENT_LIKE_THINGS


def role(lowered: str) -> str | None:
    """The role a "who is X's ..." question asks who holds ("who is Venezuela's defense
    *minister*", "who was the *head* of the agency"), when it is a people's role."""
    found = ROLE.match(lowered)
    if found is None:
        return None
    held = re.split(r"\b(?:of|in|at|for|during|on|to|with)\b", found.group(1), maxsplit=1)[0]
    words = re.findall(r"[a-z]+", held)  # "opponent in the general election": opponent
    later = re.findall(r"[a-z]+", found.group(1))  # "set to take over as head of"
    return next((w for w in [*reversed(words), *later] if w in PERSON_NOUNS), None)


#: "how many of the X ... were Y": the part asked is Y, the X its whole
PART_ASKED = re.compile(
    r"\bhow many of (?:the |those |these |their )?[a-z-]+\b.* (?:were|are) "
    r"(?![a-z-]+ed\b)([a-z-]+)\?*$"  # not "were killed": a participle is no part
)
#: "who in / from the X group": someone the sentence places in that group
GROUP_ASKED = re.compile(
    r"(?:who|whom) (?:in|from|at|on|of) (?:the |his |her |their )?(?:[\w.'’-]+ ){0,3}?"
    r"(campaign|administration|cabinet|government|team|party|family|committee|staff)\b"
)


def focus(lowered: str) -> str | None:
    """The noun a "which/what/how many" question asks about ("how many *lives*", "which rival
    *airline* holds", "what lump *sum* did"), or None: the last of up to three words after the
    wh-word, before the verb or preposition that follows them."""
    part = PART_ASKED.search(lowered)  # "how many of the Americans ... were women": women
    if part:
        return part.group(1)
    many = re.search(r"\bhow many (?:more |new |other |of the )?(?!of\b)([a-z-]+)", lowered)
    if many:
        return many.group(1)
    much = re.search(r"\bhow much ([a-z-]+)", lowered)  # "how much explosive", not "much longer"
    if much and much.group(1) not in PHRASE_END and not much.group(1).endswith(("er", "est")):
        return much.group(1)
    group = GROUP_ASKED.match(lowered)  # "who in the Clinton campaign": one of the campaign
    if group:
        return group.group(1)
    found = re.search(r"\b(?:which|what)\s+([a-z -]+)", lowered)
    if found is None:
        return None
    words = []
    for word in found.group(1).split()[:4]:
        if word in PHRASE_END:
            break
        words.append(word)
    noun = words[-1] if words and len(words) <= 3 else None
    return None if noun is None or noun in STOP_WORDS or noun in QUESTION_WORDS else noun


def measured(lowered: str) -> str | None:
    """The measure a "what is the X" question asks for, when X is one that types the answer
    ("what was the US unemployment *rate*", "what is the *price* of", "what was General
    Motors' total *loss*", "what was the company's third-quarter 2009 *loss*"); other nouns
    there ("what is the name of") say too little to type the answer."""
    found = re.search(
        rf"\bwhat (?:is|was|are|were) (?:(?:the|its|their|his|her) (?:{ONE_OWNER} )?|{OWNER} )"
        r"((?:[a-z]\.)*[a-z0-9 -]+)",
        lowered,
    )  # "what was the u.s. jobless rate": the abbreviation is one of the words
    words = []
    for word in found.group(1).split()[:4] if found else []:
        if word in PHRASE_END:
            break
        words.append(word)
    return next((w for w in reversed(words) if noun_entry(w) is not None), None)


def contents(lowered: str, noun: str | None) -> str | None:
    """What a container noun counts ("the *number* of troops": troops; "the total": nothing
    said), or the noun itself."""
    if noun not in CONTAINERS:
        return noun
    found = re.search(rf"\b{noun} of (?:the |its |their |all )?([a-z-]+)", lowered)
    return found.group(1) if found else None


def contained(doc: "Doc", noun: str | None) -> str | None:
    """What a container noun counts, by the parse: the head of its "of" phrase ("the level of
    public *support*", not "public")."""
    if noun not in CONTAINERS:
        return None
    for token in doc:
        if token.lower_ == noun:
            of = [o for k in token.children if k.lower_ == "of" for o in k.children]
            heads = [o for o in of if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")]
            if heads:
                return heads[0].lower_
    return None


def noun_entry(noun: str | None) -> tuple[str, tuple[str, ...]] | None:
    """The kind and labels a focus noun asks for, in its singular or plural ("nationalities")."""
    if noun is None:
        return None
    singular = f"{noun[:-3]}y" if noun.endswith("ies") else noun.removesuffix("s")
    for form in (noun, singular):
        if form in NOUN_KINDS:
            return NOUN_KINDS[form]
    return None


def speaker(text: str) -> str | None:
    """Whose words the question asks about: "According to Dana Perino, ..." -> "Dana Perino"."""
    found = SPEAKER.search(text)
    if found is None:
        return None
    who = next((g for g in found.groups() if g), "").strip()
    return re.sub(r"^(the|a|an)\s+", "", who, flags=re.I) or None


def key_terms(question: str) -> list[str]:
    """Content words of the question, lowercased, in order, without repeats (a stop word
    written in capitals is a name: "US")."""
    terms: list[str] = []
    for written in WORD.findall(KIND_ASKED.sub(r"\1", question)):
        word = written.lower().rstrip("'’.").removesuffix("'s").removesuffix("’s")
        kept = word not in STOP_WORDS or (written.isupper() and len(word) > 1)  # "US", not "us"
        if word and kept and word not in QUESTION_WORDS and word not in terms:
            terms.append(word)
    return terms


def names(question: str) -> list[str]:
    """Capitalized words after the question's first word: the names it asks about (months and
    weekdays are times, not names; "News" in "CBS News" is the house of the name before)."""
    words = re.findall(r"\b[\w][\w&.-]*", question)[1:]
    return [
        w if "." in w[:-1] else w.rstrip(".")  # "U.S." keeps its dots, "Tuesday." loses one
        for i, word in enumerate(words)
        for w in name_parts(word)
        if w[0].isupper()
        and not (i and w.lower().rstrip(".") in HOUSE_WORDS and words[i - 1][0].isupper())
        and len(w.rstrip(".")) > 1  # "I", the "J." of "Mary J. Blige"
        and not all(p.lower().rstrip(".") in CALENDAR for p in w.split("-"))  # "Oct.-Dec."
        and w.lower().rstrip(".") not in HONORIFICS
        and not titling(w, words[i + 1 : i + 2])
    ]


def titling(word: str, following: list[str]) -> bool:
    """The word is a title before a name ("*Justice* Ginsburg", "*Prime Minister* Ana
    Ruiz"): the sources call its bearer by name, not always by it."""
    if word.lower() not in TITLE_WORDS or not following or not following[0][:1].isupper():
        return False
    return following[0].lower() not in BODY_WORDS  # "Justice Department" is a name


#: words that make a name a house's, said or not ("CBS News" is "CBS" in its own story)
HOUSE_WORDS = frozenset(
    ["news", "inc", "corp", "corporation", "co", "ltd", "llc", "plc", "group", "network"]
)
#: titles news writes before a name
TITLE_WORDS = frozenset(
    [
        *("justice", "judge", "senator", "president", "governor", "secretary", "officer"),
        *("minister", "prime", "mayor", "ambassador", "chancellor", "premier", "admiral"),
        *("sheriff", "attorney", "chief", "vice", "deputy", "speaker", "representative"),
    ]
)
#: words after a title that make it part of a body's name ("the Justice Department")
BODY_WORDS = frozenset(
    ["department", "ministry", "court", "party", "committee", "council", "office", "league"]
)
#: forms of address before a name: not names themselves ("Dr. Slepian")
HONORIFICS = frozenset(
    ["dr", "mr", "mrs", "ms", "gov", "sen", "rep", "gen", "rev", "capt", "col", "lt", "sgt", "prof"]
)


def asked_for(name: str, lowered: str) -> bool:
    """The capitalized word is the role the question asks for ("which *MP*"), not a name."""
    return re.search(rf"\b(?:which|what)\s+{re.escape(name.lower())}\b", lowered) is not None


def name_parts(word: str) -> list[str]:
    """A hyphenated word with lowercase parts is a name with words around it: its capitalized
    parts are the names ("Vegas-type": Vegas; "July-to-September": none); "Igla-S" and
    "Rolls-Royce" stay whole."""
    parts = word.split("-")
    if len(parts) > 1 and any(p[:1].islower() for p in parts):
        return [p for p in parts if p[:1].isupper()]
    return [word]


def era(question: str) -> tuple[date, date] | None:
    """The years of the one century or decade a question names ("in the 11th century": 1001
    to 1100; "in the 1100s", "the 1990s"), or None."""
    found = {m.group() for m in ERA.finditer(question)}
    if len(found) != 1 or re.search(r"\b(?:before|after|since|until|by) the \d", question):
        return None
    m = ERA.search(question)
    assert m is not None
    if m.group("century"):
        last = int(m.group("century")) * 100
        first, last = last - 99, last
    else:
        first = int(m.group("decade"))
        last = first + (99 if first % 100 == 0 else 9)
    return (date(first, 1, 1), date(last, 12, 31)) if 0 < first <= last < MAXYEAR else None


def period(question: str) -> tuple[date, date] | None:
    """The days a question's year names, narrowed to its months when it names some ("in
    February 2009", "between July and September 2009"); None without a year.

    Without a year, the century or decade it names (`era`).

    A day of one month names that day alone ("on October 10, 2008").

    Limit: one year only; a month without a year, "last week" and seasons are not read, nor
    a time the question bounds ("before April 2009"). A month that dates a report ("the 2016
    fiscal year in its *January* report"), or a month and year ("according to a *February
    1998* report", "as reported in September 2016"), is when it was told, not the time it
    tells of; a year that names an event ("the 2012 attack") is not when the act asked was
    done."""
    told = REPORT_MONTH.findall(question) + REPORTED_IN.findall(question)
    if EVENT_YEAR.search(question) and len(YEAR.findall(question)) == 1:
        return None
    years = {int(y or early) for y, early in YEAR.findall(question)}
    if years and years <= {int(y) for _, y in told if y} and len(YEAR.findall(question)) == 1:
        return None  # "according to a February 1998 report": when it was told, no more
    if BOUNDED.search(question):
        return None
    if not years:
        return era(question)
    if len(years) != 1:
        return None
    year = years.pop()
    words = (w.lower() for w in re.findall(r"\b[A-Z][a-z]+", question))
    reported = {m.lower() for m, _ in told}
    months = [MONTHS[w] for w in words if w in MONTHS and w not in reported]
    first, last = (min(months), max(months)) if months else part_named(question)
    day = named_day(question, year) if first == last and months else None
    if day is not None:
        return day, day
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def part_named(question: str) -> tuple[int, int]:
    """The first and last month of the half or quarter of a calendar year the question names
    ("in the second half of 2015": July to December); the whole year otherwise (a fiscal
    quarter is the company's own)."""
    found = YEAR_PART.search(question)
    if found is None or FISCAL.search(question):
        return 1, 12
    months = 6 if found.group(2).lower() == "half" else 3
    last = months * PART_ORDER[found.group(1).lower()]
    return (last - months + 1, last) if last <= 12 else (1, 12)


def named_day(question: str, year: int) -> date | None:
    """The one day of the year a question names ("on October 10, 2008", "19 February 2009"),
    or None."""
    found = DAY_NAMED.findall(question)
    if len(found) != 1:
        return None
    month = MONTHS[(found[0][0] or found[0][3]).lower()]
    day = int(found[0][1] or found[0][2])
    return date(year, month, day) if day <= calendar.monthrange(year, month)[1] else None


def years_back(question: str) -> int | None:
    """How many years before the one it is told in the year a question names is ("how many
    soldiers died *last year*": 1; "this year": 0), or None: each source's year is its own."""
    found = TOLD_YEAR.search(question)
    return None if found is None else int(found.group(1).lower() == "last")


def months_named(question: str) -> tuple[int, int] | None:
    """The first and last month a question names without a year ("how many jobs were added
    *in October*"), but a month that dates a report, bounds the time ("by the end of
    August") or names a thing ("the *March* of the Combatant Mothers"); None for none."""
    if YEAR.search(question) or MONTH_BOUNDED.search(question):
        return None
    reported = {m.lower() for m, _ in REPORT_MONTH.findall(question)}
    named = [
        MONTHS[m.group().lower()]
        for m in re.finditer(r"(?<=[\s-])[A-Z][a-z]+\b(?! of\b)", question)
        if m.group().lower() in MONTHS and m.group().lower() not in reported
    ]
    return (min(named), max(named)) if named else None


def asked_stance(question: str) -> str | None:
    """The stance of the records a question's verb asks for ("what did X *deny*": denied)."""
    return next((s for s, cue in STANCES.items() if cue.search(question)), None)
