"""Candidate answers inside one retrieved passage: stretches of its sentence of the kind the
question asks for, from the stored records first.

- numbers, amounts, measures, dates, ages: the stored quantities and times, and the ages the
  sentence gives (`figures.py`), then number and date entities;
- places and actors: entities, grown to the whole name the tagger cut short ("Federal Service
  for the Financial Markets"), or the name set beside a source that names no one;
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
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from crisisdesk.analyze.components.paragraphs import headline_case
from crisisdesk.analyze.countries import capitals
from crisisdesk.analyze.lexicon import read_rows
from crisisdesk.analyze.pipeline import component_names
from crisisdesk.ask.acts import (
    ANSWERED_OPPOSITE,
    OTHER_ACT,
    act_figure_fit,
    act_time_fit,
    changed_fit,
    denied_act,
    doer_fit,
    governing_verb,
    names_act,
    outcome_fit,
    owner_fit,
    reversed_roles,
)
from crisisdesk.ask.align import (
    LIKENING,
    YES_NO,
    act_forms,
    arguments,
    characterizations,
    copular_characterizations,
    described_thing,
    forms,
    likenings,
    mentions,
    purposes,
    says_any,
    supposed,
)
from crisisdesk.ask.candidate import Candidate
from crisisdesk.ask.described import ROLE as DESCRIBED
from crisisdesk.ask.described import described
from crisisdesk.ask.figures import (
    AGE,
    MODEL,
    PARTITIVE,
    SIZES,
    TALLY_ASKED,
    TIME_UNITS,
    VAGUE,
    VAGUE_FIT,
    ages,
    dateline_end,
    gap_fit,
    measure_asked,
    naming_fit,
    quantities,
    restated,
    tallies,
    time_fit,
    times,
)
from crisisdesk.ask.places import province
from crisisdesk.ask.question import (
    EQUIPMENT_FIRST,
    PERSON_NOUNS,
    SITES,
    Question,
    asked_stance,
    noun_entry,
)
from crisisdesk.ask.retrieve import Passage, coverage
from crisisdesk.ask.support import DOUBTING as DOUBTED_STANCES
from crisisdesk.ask.verdict import SAYING, verdict
from crisisdesk.ask.words import WORD, found, stem, stems_for, words_of
from crisisdesk.records import PRONOUN_SOURCES, Entity, TimeExpr
from crisisdesk.records import Span as TextSpan
from crisisdesk.store import SentenceHit, Store

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

#: nouns for words someone gives, which a sentence may spell out after a colon
CONTENT_NOUNS = frozenset(
    [
        *("advice", "message", "warning", "slogan", "motto", "plea", "promise", "pledge"),
        *("demand", "request", "explanation", "excuse", "prediction", "recommendation"),
        *("suggestion", "verdict", "nickname", "description", "answer", "reply", "response"),
        "ultimatum",
    ]
)
#: what makes a number one word with it, an adjective that counts nothing ("one-off gains",
#: "a one-time fee", "two-way talks")
WORD_MADE = re.compile(r"-(?:off|time|sided|way|stop|man|on-one)\b")
#: the components a noun phrase needs: spaCy's own and our paragraph breaks
NEEDED = frozenset({"crisisdesk_paragraphs"})
#: what something "due to" do is scheduled to do: "due to open this weekend" is no cause
SCHEDULED = (
    "be|open|start|begin|take|arrive|meet|go|come|hold|close|end|expire|launch|finish|resume"
    "|return|visit|appear|face|vote|announce|publish|release|sign|run|speak|leave|retire"
    "|testify|hear|deliver|get|make|give|stand"
)
CAUSE = re.compile(
    rf"\b(?:because(?: of)?|due to(?! (?:{SCHEDULED})\b)"
    r"|owing to|thanks to|as a result of|in response to"
    r"|in (?:retaliation|revenge|reprisal|protest) (?:for|against|at|over)|for fear (?:of|that)"
    r"|, (?:arguing|insisting|contending|explaining|saying)(?: that)?"  # JUSTIFYING
    r"|(?:was|were|been|being) (?:caused|started|sparked|triggered) by"
    r"|(?:mainly |largely |partly )?over (?:concerns?|fears?|worries) (?:about|over|that)"
    r"|following|after|cit(?:es?|ed|ing)|as part of|alleging(?: that)?"
    r"|blam(?:e|es|ed|ing) (?:[^,;.]{1,60}? )?on|in (?:an effort|a bid|an attempt|order) to"
    r"|attribut(?:e|es|ed|ing) [^,;.]{1,60}? to|(?:was|were|is|are|been) attributed to"
    r"|accusing \w+ of|on the grounds? that"
    r"|(?<!well )(?<!such )(?<!long )(?<!soon )(?<!far )(?<!much )(?<!same )"
    r"as(?= (?:its?|the|they|he|she|this|these|their|his|her|there|we)\b))\s+",
    re.I,
)
#: cue words that only say what came before ("after the vote") or beside ("as part of"): a
#: reason they open fits less than one a cause word opens ("because of the audit")
WEAK_CAUSE = frozenset({"after", "following", "as", "as part of"})
#: ", arguing that ...": the reason an actor gives for what they did, which may not be one
JUSTIFYING = frozenset({"arguing", "insisting", "contending", "explaining", "saying"})
WEAK_FIT = 0.8
#: "voted against it *on free speech grounds*": what the grounds were
GROUNDS = re.compile(r"\bon (?:the )?(?P<what>(?:[\w'’-]+ ){1,4}?)grounds\b(?! that)", re.I)
FACTOR = re.compile(
    r"^(?P<what>[^,;]{8,160}?) (?:was|were|is|are|had been|has been) (?:a|the|one"
    r" of the) (?:[\w-]+ ){0,2}(?:factors?|reasons?|causes?|motives?)\b",
    re.I,
)
#: what a sentence names as the reason ("cited *the audit* as the reason he's not ...")
NAMED_AS = re.compile(
    r"\b(?:cited|cites|cite|gave|gives|named|names|blamed|blames)\s+(?P<what>[^,;]{3,80}?)\s+as"
    r"\s+(?:the|a|one|his|her|their|its)\s+(?:\w+\s+)?(?:reasons?|causes?|factors?|motives?"
    r"|justification|pretext)\b"
    r"|\b(?:used|uses|use|invoked|invokes|cited|cites)\s+(?P<why>[^,;]{3,80}?)\s+to\s+justify\b",
    re.I,
)
#: what a sentence says brought something about ("steady rainfall ... *contributed to* the rise")
#: what someone was punished or praised for ("fired in June *for mishandling classified
#: information*"), and what a break came over ("pulled out of the deal *over Trump's
#: rhetoric*"): the reason
PUNISHED_FOR = re.compile(
    r"\b(?:fired|dismissed|sacked|suspended|ousted|arrested|charged|convicted|jailed|fined"
    r"|sentenced|sued|criticized|criticised|punished|expelled|disciplined|praised|blamed)\b"
    r"(?: [\w'’-]+){0,5}? for (?P<what>(?:[\w-]+ly )?[\w-]+ing\b[^,;.]*)",
    re.I,
)
BROKE_OVER = re.compile(
    r"\b(?:pulled out|withdrew|withdrawn|quit|resigned|dropped|cancel+ed|split|broke|clashed"
    r"|protested|boycotted|walked out)\b[^,;.]{0,60}? over (?P<what>[^,;.]{3,80})",
    re.I,
)
CONTRIBUTED = re.compile(r"^(?P<what>[^;]{8,160}?) (?:contributed|led|gave rise|added) to\b", re.I)
SAID_THAT = re.compile(
    r"^.*?\b(?:(?:said|says|say|argued|added|believes?|thinks?) that"
    r"|(?:acknowledged|acknowledges|admitted|admits|conceded|concedes|noted|notes)(?: that)?)\s+",
    re.I,
)
CLAUSE_END = re.compile(
    r"(?<![\s.][A-Z])\.(?!\d)|[;:!?]|,\s+(?:and|but|while|which|who|according|said)\b|\s[-–—]\s"
)
#: what "after" or "following" opens when it only dates: a short phrase and a comma ("after
#: the convention, ..."), not a clause ("after the emails showed that ...")
WHEN_ONLY = re.compile(r"^(?:[\w'’-]+ ){0,2}[\w'’-]+,")
#: where a clause that opens with a quotation mark ends: at the closing one
QUOTE_END = re.compile(r"[\"”]")
#: what an answer keeps from a sentence that says the question's act only as a condition
SUPPOSED = 0.5
#: what a candidate keeps whose sentence says the opposite of the question's act
DENIED = 0.5
#: what the candidates of a sentence that tells the question's relation the other way round
#: keep of their fit ("Rollo swore fealty to King Charles" for whom King Charles swore it to)
REVERSED = 0.5
#: what a name keeps that only qualifies the next one, and how many words may stand between
QUALIFIER_FIT, QUALIFIED_WORDS = 0.5, 2
#: a question that asks what kind of thing ("what type of circuit"): a modifier answers it
#: ("Boolean"); other phrase answers name something (not "important" of "important classes")
KIND_OF = re.compile(r"\b(?:kind|type|sort|form)s? of\b", re.I)
#: "what kind of weapon *is the Igla-S*": the kind of one thing the question names
KIND_OF_ONE = re.compile(rf"{KIND_OF.pattern} [\w-]+ (?:is|are|was|were)\b", re.I)
#: the words before that noun that say its kind: not a figure or a determiner opening them
KIND_WORDS = re.compile(r"(?<![\w-])(?!(?:the|a|an|some|about|\d[\d,.]*)\b)[\w-].*?(?=\s*$)", re.I)
#: how well the words before the noun a "what type of" question names answer it
KIND_FIT = 0.9
NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "PRON"})
#: how well a sentence answers a yes/no question when no clause of it fills the question's
#: predicate (a clause that does fits by the share of the question it tells: `told`)
UNTOLD = 0.7
#: how well a sentence answers it when it says or denies the question's main predicate
TOLD = 0.9
#: the share of the question's words such a sentence must say
TOLD_SHARE = 0.35
#: kinds whose figures count an act (`acts.outcome_fit`)
COUNTED = frozenset({"number", "amount"})
FIGURED = COUNTED | {"quantity"}
#: a question that asks what someone called something
CHARACTERIZED = re.compile(
    r"\bhow (?:did|does|do|has|had|would) .+? (?:describe|characteri[sz]e|call|label|brand)\b"
    r"|\bwhat (?:did|does|do|has|had) .+? (?:call|label|brand|dub)\b"
    r"|\bwhat (?:word|words|term|label|name|nickname) (?:did|does|do|has|had) .+?"
    r" (?:describe|for|give)\b"
    r"|\bwhat (?:(?:kind|sort|type) of \w+ )?(?:did|does|do|has|had) .+? (?:compare|liken)\b",
    re.I,
)
#: a question for the very words someone used, and a few words quoted
WORD_ASKED = re.compile(r"\bwhat (?:word|words|term|phrase|label|nickname)\b", re.I)
QUOTED_PHRASE = re.compile(
    r"[“\"]([^“”\"]{2,40}?)[.,!?]?[”\"](?!\w)|[‘']([^“”\"‘’']{2,40}?)[.,!?]?[’'](?!\w)"
)
QUOTED_MOST = 4
#: a name set beside a source that names no one ("one abortion opponent*, the Rev. Donald
#: Spitz,*")
APPOSED_NAME = re.compile(
    r",\s+(?:the\s+)?(?:[A-Z][a-z]{1,4}\.\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+)+)(?=,|\s+said)"
)
#: a possessive ending ("Clinton’s")
POSSESSIVE = re.compile(r"['’]s?$")
#: two numbers joined by a slash: an event's name ("9/11") or a date, never an answer's figure
SLASHED = re.compile(r"\d{1,2}/\d{1,2}")
#: how many characters after a name may hold the role that titles it ("Christine Todd
#: Whitman, *the former New Jersey governor*"), up to eight words with the name's own
TITLE_AFTER = 60
#: the ending of a noun for who does something, after a root of five letters or more
#: ("insur*er*": "insurance", "export*er*": "exports")
AGENT = re.compile(r"(?<=\w{5})(?:er|or)$")
#: words that only say a statement's topic is the present one ("*today's* falls")
NOW_WORDS = frozenset(["today", "tonight", "yesterday", "now", "current", "latest", "recent"])
#: where a noun phrase's head ends: the words after it qualify it ("writers *in line for*")
HEAD_END = re.compile(r" (?:of|in|for|on|at|from|with|by|who|which|that)\b")
#: what follows a "one" that picks one of a kind, not a count ("one of the oldest")
ONE_AMONG = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our)\s+(?:\w+est|most|least|best|worst|few|many)\b",
    re.I,
)
#: a question about who said, denied, urged ... something: its answer is a source
#: a question about who doubts: its holder is in the doubt records ("who questioned ...")
DOUBTING = re.compile(
    r"\b(doubt\w*|question(s|ed|ing)|disput\w*|challeng\w*|deni(ed|es)|deny|reject\w*"
    r"|contest\w*|skeptic\w*|scepti\w*)\b",
    re.I,
)
SPEECH = re.compile(
    r"\b(sa(y|id)|spoke|speak|told|tell|reject\w*|den(y|ied|ies)|urg\w*|warn\w*|claim\w*"
    r"|announc\w*|skeptic\w*|scepti\w*|critic\w*|object\w*|insist\w*|admit\w*|accus\w*"
    r"|slam\w*|condemn\w*|caution\w*|remark\w*|argu\w*|predict\w*|suggest\w*)\b",
    re.I,
)
#: a name, a word or two, and the kind of thing it is ("Olympia shopping mall")
KIND_CALLED = re.compile(r"(?P<name>(?:[A-Z][\w'’.-]*\s){1,4})(?P<rest>(?:[a-z][\w-]*\s?){1,3})")
#: a place given by its kind and its name ("the *town* of *Marea*")
PLACE_OF_NAME = re.compile(r"\b(?P<kind>[a-z]+) of (?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})")
#: capitalized words that open a sentence or a clause rather than a name
OPENERS = frozenset(["The", "A", "An", "In", "On", "At", "This", "That", "But", "And", "It"])
#: a name's last words that say where its bearer is from ("Mesut Yilmaz *of Turkey*")
OF_ASKED = re.compile(r" of ([A-Z][\w.-]+)$")
#: the titles before a name, which name no one alone
HONORIFICS = frozenset(
    ["mr", "mrs", "ms", "dr", "sen", "gov", "rep", "gen", "lt", "col", "sgt", "capt", "prof"]
)
#: a question whose wh-phrase is its verb's object: "which network *did Rubio tell*"
ASKED_OBJECT = re.compile(
    r"^\W*(?:\w+\s+)?(?:who|whom|which|what)\b(?:\s+[\w-]+){0,4}?\s+(?:did|does|do)\s", re.I
)
PRONOUNS = PRONOUN_SOURCES | frozenset(["his", "its", "their", "our"])
#: words a source may be that name no one: a pronoun, or a quantifier alone ("some")
UNNAMED_SOURCES = PRONOUNS | frozenset(
    ["some", "many", "few", "several", "others", "most", "all", "both", "each", "any"]
)
#: words that only point at an answer told elsewhere: never one themselves
REFERRING = PRONOUNS | frozenset(
    ["who", "whom", "which", "what", "him", "her", "them", "us", "me", "those", "these", "there"]
)
#: a source that is a relative pronoun's phrase ("whose leaders", "both of whom") points at
#: a noun before it: the noun, an entity of the sentence, is the answer
RELATIVE = re.compile(r"^(?:who|whom|whose|which|that)\b|\bof (?:whom|which)\b", re.I)
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
        "review",
        "reviews",
        "investigation",
        "audit",
    ]
)
#: what an entity that is not the source of a statement keeps of its fit, for such questions
NOT_SPEAKER = 0.6
#: the entity labels that name a place, and the nouns for a country, which a nationality
#: names too ("Russian-made")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
COUNTRY_NOUNS = frozenset({"country", "countries", "nation", "nations"})
#: a question for a place inside a country ("where in Turkey"): no country answers it
WHERE_IN = re.compile(r"\b[Ww]here in (?:the )?[A-Z]")
#: the verbs of a "why" question that ask for the reason someone gives
REASON_GIVEN = re.compile(
    r"\baccording to\b|\b(?:say|says|said|think|thinks|thought|believe|believes|believed"
    r"|argue|argues|argued"
    r"|claim|claims|claimed|tell|tells|told|call|calls|called|warn|warns|warned|insist\w*"
    r"|explain\w*|justif\w*|accus\w*|blame\w*|criticiz\w*|oppose\w*|reject\w*|refuse\w*)\b",
    re.I,
)
#: a question for whose something is ("*Whose* planned visit ..."): an owner answers it
WHOSE = re.compile(r"^\s*whose\b", re.I)
#: what a question calls a town, which no province is ("which city": not "Wyoming")
TOWNS = frozenset({"city", "cities", "town", "towns", "village", "villages"})
#: what a name keeps when the sentence says there is none of it ("no ISIS video")
NONE_OF = re.compile(r"\b(?:no|not a|not any|never a)\s+$", re.I)
NONE_FIT = 0.4
#: what stands between two names of a list ("Kenya, Tanzania and the United States")
LIST_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?$")
#: what a bare number keeps when the question asks for a measure ("what altitude") or a
#: count of something (as a stored count that says not what it counts)
UNMEASURED = 0.5
#: how well a single number answers a question asking for a vote or score
UNTALLIED = 0.5
UNCOUNTED = 0.6
#: a place's name and a comma before a place: that one is its region ("Jupiter, *Fla.*")
AFTER_PLACE = re.compile(r"\b[A-Z][\w.'’-]*,\s*$")
#: a place that only says where a journalist reports from ("Breitbart's *Washington* Political
#: Editor"), not where something happened
DESK = re.compile(
    r"^[\s-]+(?:(?:political|diplomatic|foreign|senior|chief|deputy|special|based)\s+)*"
    r"(?:editor|correspondent|bureau|reporter|columnist)s?\b",
    re.I,
)
#: what a place keeps that is only named beside what happened (a desk's, one compared with)
ASIDE_PLACE = 0.3
#: the last words of the names of sites: buildings and compounds, and open places
SITE_NAMES = SITES | {"park", "square", "plaza", "street", "avenue", "hall", "port", "station"}
#: a place another is compared with ("more leeway *than* Cleveland"): not where it happens
THAN = re.compile(r"\bthan\s+(?:in\s+|at\s+)?(?:the\s+)?$", re.I)
#: "who is X's minister": the role is all the question says of its answer, so a name the
#: sentence does not call so keeps little of its fit
ROLE_ASKED = re.compile(r"^\s*who (?:is|was|are|were)\b", re.I)
ROLE_UNTITLED = 0.3
#: what a statement keeps whose source is not the speaker asked, and once more when that
#: source is a named actor ("the United States" for what Sudan's government said)
UNASKED_SOURCE, OTHER_SOURCE = 0.7, 0.5
#: what a filler keeps that is headed by a place, a time or a sum for "what <thing>"
OTHER_KIND = 0.3
#: a question that asks for a name, and what a phrase that names nothing keeps of its fit
NAME_ASKED = re.compile(
    r"\b(?:the name of|what is \w+ called|what was \w+ called|named what)\b", re.I
)
UNNAMED = 0.3
#: the entity types of proper nouns that name no one ("*Canadian* warrant issued *Monday*")
UNNAMING = frozenset({"DATE", "TIME", "NORP"})
#: the dependencies of a name that only says whose or what kind another noun is
ONLY_MODIFYING = frozenset({"poss", "compound"})
#: the auxiliaries of what will be, and the words of a question that ask of what was to come
FUTURE = frozenset(["will", "shall"])
TO_COME = FUTURE | frozenset(["due", "scheduled", "expected", "planned", "set"])
ASKED_TO_COME = FUTURE | frozenset(["should"])
#: what a place keeps when its sentence says the question's act was done somewhere else
ELSEWHERE = 0.6
#: cues of what a source wants, plans or agreed to (the forms news writes, stemmed: the
#: records keep no lemma), and what their contents keep for a question that asks what was said
INTENDING = frozenset(
    stem(w)
    for w in [
        *("want", "hope", "hoped", "seek", "sought", "plan", "planned", "agree", "agreed"),
        *("intend", "wish"),
    ]
)
UNSAID_INTENT = 0.7
#: cues that judge what they are about: the cue is part of what was said
JUDGING = frozenset(
    stem(w)
    for w in [
        *("condemn", "condemned", "praise", "praised", "denounce", "denounced", "welcome"),
        *("welcomed", "hail", "hailed", "criticize", "criticized", "criticise", "criticised"),
        *("slam", "slammed", "blast", "blasted", "applaud", "applauded", "deplore", "deplored"),
    ]
)
#: the words that give an example of a thing ("a fuel *such as* tritium")
EXAMPLE_OF = frozenset({"as", "including", "like"})
#: what an entity keeps when no word around it names the role or kind the question asks for
UNTITLED = 0.75
#: the least fit of an entity the words around it call what the question asks for
TITLED_FLOOR = 0.8
#: what a name keeps of its fit beside the source the records give for a "who said" question
BESIDE = 0.6
UNKINDED = 0.6
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
        *("county", "district", "borough", "neighborhood", "suburb"),
        *("center", "centre", "mall", "stadium", "airport", "hotel", "base", "prison"),
    ]
)
#: the places a name calls by their kind ("Greene County", "the Bronx borough", "the Comoro
#: Islands"): a place whose name does not is not one of them ("Osceola" for "which county")
KIND_NAMED = frozenset(
    {"county", "district", "borough", "parish", "township", "island", "isle", "river", "lake"}
)
#: what continues a name past the end the tagger gave it: a regnal number ("Richard *I*") or
#: "of/for" and capitalized words ("Henry III *of Castile*")
NAME_TAIL = re.compile(
    r"^(?: [IVX]+\b(?!['’-])| (?:of|for|de|du|von|van)(?: the)?(?: [A-Z][\w'’&-]*\b(?![$€£\d]))+)"
)
#: what begins a name before the start the tagger gave it: capitalized words joined by "of/for"
#: ("*Federal Service for* the Financial Markets")
NAME_HEAD = re.compile(r"(?:[A-Z][\w'’&-]* )+(?:of|for) $")
#: a coded word of capitals and figures the tagger left out of the name it opens ("*G4S* Secure
#: Solutions USA Inc.")
CODED_HEAD = re.compile(r"(?<![\w-])[A-Z][A-Z&-]*\d[A-Z0-9&-]* $")


#: a question of how often, and the words that say it ("*daily* flights", "twice a week")
HOW_OFTEN = re.compile(r"\bhow often\b", re.I)
FREQUENCY = re.compile(
    r"\b(?:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annually"
    r"|every (?:day|night|week|month|year|other \w+)"
    r"|(?:once|twice|three times|four times|\w+ times) (?:a|an|per|each) \w+)\b",
    re.I,
)
#: the words that give an act's setting in a question ("detained *after* the coup")
SETTING_WORDS = frozenset(["after", "before", "following", "during", "amid", "since"])
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
        found_ = phrase_candidates(question.text, hit, nlp, question.focus)
    else:
        found_ = [  # "abstract or concrete?": the option the sentence says is the answer
            c
            for c in _typed(question, hit, store)
            if c.how == "choice" or not said(c.text, asked, small=c.how == "statement")
        ]
        found_ = beside_sources(question, found_)
        if question.kind in FIGURED:  # "before the $15 plan": not "$15 an hour"
            found_ = [c for c in found_ if not restated(question, c.text)]
        if question.kind in COUNTED:
            found_ = [proposed(c, question, hit) for c in found_]
        if aligned:
            found_ += [c for c in slot_fillers(question, hit, nlp) if not said(c.text, asked)]
            found_ = parsed_fits(question, hit, store, nlp, asked_for(question, hit, nlp, found_))
        if question.kind == "actor":
            found_ = [apposed(c, hit) for c in found_]
            found_ = [other_argument(question, c, hit, nlp) for c in found_]
    found_ = beyond_dateline(found_, hit, question.kind == "place")
    kind_words = stems_for(question.focus or "")
    found_ = [teller_for(c, hit, store) for c in found_]
    found_ = [c for c in found_ if c.text.lower().strip() not in REFERRING]  # "who" says nothing
    found_ = longest(
        [echoing(c, asked - kind_words - kind_phrase(question, c)) for c in within_sources(found_)]
    )
    return yes_or_no(question, hit, nlp, found_, aligned) if question.kind == "yesno" else found_


def beside_sources(question: Question, found: list[Candidate]) -> list[Candidate]:
    """For "who said" or "who doubted": a name that is not who said or doubted it, when the
    sentence's records say someone else did ("Maduro" where "a number *experts* have
    questioned" says who questioned), fits less. (The parse's fillers of other acts do not
    count: "signed the accord *with* Ana Ortiz" names a signer beside the subject.)"""
    sources = [
        c
        for c in found
        if c.how == "source"
        and c.text.lower() not in REFERRING  # "he" may stand for the name beside it
        and not restates(question, c)
    ]
    if question.kind != "actor" or not sources:
        return found
    return [
        replace(c, fit=c.fit * BESIDE)
        if c.how == "entity" and not any(f.start < c.end and c.start < f.end for f in sources)
        else c
        for c in found
    ]


def restates(question: Question, candidate: Candidate) -> bool:
    """The candidate holds a name the question gives ("the suspect -- Khalfan Mohamed")."""
    return any(w[:1].isupper() and w in question.text for w in WORD.findall(candidate.text))


def kind_phrase(question: Question, candidate: Candidate) -> frozenset[str]:
    """The words the question gives its focus noun with ("which *news* agency"), when the
    candidate holds them with it as the kind it is ("Middle East News Agency"): those do not
    echo the question ("Veltro rival Corvina" for which rival airline still does)."""
    if not question.focus:
        return frozenset()
    found_ = re.search(
        rf"\b(?:which|what)\s+((?:[\w-]+\s+){{0,3}}?){re.escape(question.focus)}\b",
        question.text,
        re.I,
    )
    if found_ is None or found_.group().split(maxsplit=1)[1].lower() not in candidate.text.lower():
        return frozenset()
    return frozenset(stem(w) for w in WORD.findall(found_.group(1)))


def teller_for(candidate: Candidate, hit: SentenceHit, store: Store) -> Candidate:
    """A filler "he" or "she" inside someone's reported words stands for that someone
    ("President Donald Trump has stated *he* is weighing military action": Trump)."""
    if candidate.how != "argument" or candidate.text.lower() not in ("he", "she"):
        return candidate
    for att in store.attributions_over(hit.doc_id, hit.start, hit.end):
        source = att.source
        inside = any(p.start <= candidate.start and candidate.end <= p.end for p in att.content)
        if inside and source is not None and source.actor and hit.start <= source.start:
            return replace(candidate, start=source.start, end=source.end, text=source.text)
    return candidate


def parsed_fits(
    question: Question, hit: SentenceHit, store: Store, nlp: "Language", found: list[Candidate]
) -> list[Candidate]:
    """The candidates of one of the best passages, with what its parse says of each: a name
    that only qualifies another, a figure or a time of another act, an act only supposed or
    done by someone other than the question names."""
    if question.kind in ("actor", "place"):
        found = [qualifying(c, hit, nlp) for c in found]
    if question.kind == "actor" and not WHOSE.match(question.text):
        found = [kin_named(c, hit, nlp) for c in found]
    if question.kind == "place" and question.focus:
        found = [placed(c, question.focus, hit, store) for c in found]
    if question.kind == "place":
        found = where_done(question, hit, nlp, found)
    if question.kind in COUNTED:
        found = [of_the_act(c, question, hit, nlp) for c in found]
    if question.kind == "date" and question.acts:
        found = [dating_the_act(c, question, hit, nlp) for c in found]
    asked = parsed(question.text, nlp)
    if not found or not names_act(asked, question.acts):
        return found
    doc = parsed(hit.text, nlp)
    fit = SUPPOSED if supposed(question.acts, doc) else 1.0
    fit *= doer_fit(asked, doc, question.acts) if question.acts else 1.0
    fit *= REVERSED if reversed_roles(question, doc) else 1.0
    opposite = question.kind not in ANSWERED_OPPOSITE and denied_act(asked, doc, question.acts)
    fit *= DENIED if opposite else 1.0
    return [replace(c, fit=c.fit * fit) for c in found] if fit < 1 else found


def where_done(
    question: Question, hit: SentenceHit, nlp: "Language", found: list[Candidate]
) -> list[Candidate]:
    """For "where did police find the bomb": when the sentence says where its act was done
    ("the bomb discovered *in the Irish Republic*"), another place it names ("destined for
    Northern Ireland") fits less."""
    if question.slot is None or question.slot.role != "where":
        return found
    spans = [
        (hit.start + a, hit.start + b) for a, b in arguments(question.slot, parsed(hit.text, nlp))
    ]
    if not spans:
        return found
    return [
        c
        if c.how == "argument" or any(a <= c.start and c.end <= b for a, b in spans)
        else replace(c, fit=c.fit * ELSEWHERE)
        for c in found
    ]


def beyond_dateline(found: list[Candidate], hit: SentenceHit, places: bool) -> list[Candidate]:
    """Candidates less the story's dateline ("BEDFORD, N.H. (AP) — Rivals": "Rivals"), which
    only says where it was filed: an answer to "where" at most."""
    filed = dateline_end(hit)
    out = []
    for c in found:
        if c.end <= filed and places:
            out.append(c)
        elif c.start < filed < c.end:
            text = hit.text[filed - hit.start : c.end - hit.start]
            out.append(replace(c, start=filed, text=text, key="" if c.key == c.text else c.key))
        elif c.start >= filed:
            out.append(c)
    return out


def asked_for(
    question: Question, hit: SentenceHit, nlp: "Language", found: list[Candidate]
) -> list[Candidate]:
    """The candidates with what the question's kind asks of the sentence's parse: what an
    act was done for ("why"), what someone called something ("how did X describe Y": that,
    rather than the rest of their words or the phrase around it)."""
    if question.kind == "reason" and question.acts:
        return found + purposed(question, hit, nlp)
    if not CHARACTERIZED.search(question.text):
        return found + called_it(question, hit, nlp)
    doc = parsed(hit.text, nlp)
    thing = described_thing(parsed(question.text, nlp))
    spans = {*characterizations(doc), *copular_characterizations(thing, doc)}
    if LIKENING & {stem(a) for a in question.acts}:  # "what did she compare it to"
        spans |= set(likenings(doc))
    if WORD_ASKED.search(question.text):  # "what word did she use": the word she is quoted with
        quoted = (m.span(1) if m[1] else m.span(2) for m in QUOTED_PHRASE.finditer(hit.text))
        spans |= {(a, b) for a, b in quoted if len(hit.text[a:b].split()) <= QUOTED_MOST}
    called = [
        Candidate(hit.start + a, hit.start + b, hit.text[a:b], "argument") for a, b in sorted(spans)
    ]
    if not called:
        return found
    said = [
        replace(c, fit=c.fit * UNTOLD) if c.how in ("statement", "argument") else c
        for c in found
        if not any(c.start <= k.start and k.end <= c.end for k in called)  # "as an open ..."
    ]
    return [*said, *called]


def called_it(question: Question, hit: SentenceHit, nlp: "Language") -> list[Candidate]:
    """For "what did X say about Y": what the sentence calls something ("Ivanov called the
    expansion *a movement in the wrong direction*"), said of it."""
    if question.kind != "statement":
        return []
    spans = characterizations(parsed(hit.text, nlp))
    return [Candidate(hit.start + a, hit.start + b, hit.text[a:b], "statement") for a, b in spans]


def purposed(question: Question, hit: SentenceHit, nlp: "Language") -> list[Candidate]:
    """What the sentence says the question's act was done for (`align.purposes`)."""
    if not says_any(act_forms(question.acts), hit.text):
        return []
    spans = purposes(question.acts, parsed(hit.text, nlp))
    return [Candidate(hit.start + a, hit.start + b, hit.text[a:b], "clause", 0.9) for a, b in spans]


def of_the_act(
    candidate: Candidate, question: Question, hit: SentenceHit, nlp: "Language"
) -> Candidate:
    """A figure of another outcome than the question's ("wounding at least 1,000" for "how
    many were killed") fits less, and one of no outcome a little less; so does one of
    someone the question does not name ("Florida's 99 delegates") (`acts.py`)."""
    if candidate.how != "quantity":
        return candidate
    start, end = candidate.start - hit.start, candidate.end - hit.start
    doc = parsed(hit.text, nlp)
    lasting = question.focus is not None and stem(question.focus) in TIME_UNITS  # "how many days"
    fit = 1.0 if lasting else outcome_fit(doc, start, end, question.acts)
    fit *= owner_fit(doc, start, end, question.text)
    fit *= act_figure_fit(doc, start, end, question.acts)
    fit *= changed_fit(parsed(question.text, nlp), doc, start, end)
    return replace(candidate, fit=candidate.fit * fit) if fit < 1 else candidate


def proposed(candidate: Candidate, question: Question, hit: SentenceHit) -> Candidate:
    """A figure of what someone only proposed or called for ("Graham, who's *called for*
    20,000 troops", "the 28 visas *they have proposed*") fits less, unless the question asks
    about a proposal: the words beside it say so."""
    at = candidate.start - hit.start
    before = hit.text[max(0, at - PROPOSAL_CHARS) : at]
    after = hit.text[candidate.end - hit.start :]
    told = PROPOSED_BEFORE.search(before) or PROPOSED_AFTER.match(after)
    if candidate.how != "quantity" or told is None:
        return candidate
    asking = PROPOSAL_ASKED.search(question.text) is not None
    return candidate if asking else replace(candidate, fit=candidate.fit * SUPPOSED)


#: words right before a figure that make it a proposal (within `PROPOSAL_CHARS`), and a
#: question that asks about one
PROPOSAL_CHARS = 40
PROPOSAL_ASKED = re.compile(
    r"\b(?:propos|urg|recommend|demand|seek|sought|request|suggest|call(?:s|ed|ing)? for"
    r"|push(?:es|ed|ing)? for|want|ask(?:s|ed|ing)?\b)",
    re.I,
)
PROPOSED_BEFORE = re.compile(
    r"\b(?:(?:call|push|press|ask|argue)(?:s|ed|ing)? for|propos\w*|urg\w*|recommend\w*"
    r"|demand\w*|sought|seek\w*|request\w*)\s+(?:(?:up to|about|some|around|as many as|an"
    r" additional|another)\s+)?$",
    re.I,
)

#: words right after a figure's noun that make it a proposal ("the 28 visas *they have
#: proposed*")
PROPOSED_AFTER = re.compile(
    r"^(?: [\w-]+){1,2} (?:that |which )?(?:[\w-]+ )?(?:has |have |had )?"
    r"(?:proposed|requested|sought|demanded|asked for|called for)\b",
    re.I,
)


def dating_the_act(
    candidate: Candidate, question: Question, hit: SentenceHit, nlp: "Language"
) -> Candidate:
    """A time of another act inside the clause of the question's ("to debate him on April
    14" for when the challenge was made) fits less (`acts.py`), and so does a time of what
    will be for a question of what was done (`past`, `to_come`), or of what was done for one
    of what will be (`coming`, `done`: "a House panel voted Thursday" for when the House
    will vote)."""
    if candidate.how not in ("time", "entity"):
        return candidate
    start, end = candidate.start - hit.start, candidate.end - hit.start
    asked, doc = parsed(question.text, nlp), parsed(hit.text, nlp)
    telling = any(t.lemma_.lower() in SAYING for t in asked)
    fit = act_time_fit(doc, start, end, question.acts, telling=telling)
    fit *= OTHER_ACT if setting_dated(asked, doc, start, end) else 1.0
    fit *= OTHER_ACT if past(asked) and to_come(doc, start, end) else 1.0
    fit *= (
        OTHER_ACT if coming(asked) and (done(doc, start, end) or gone_by(candidate, hit)) else 1.0
    )
    return replace(candidate, fit=candidate.fit * fit) if fit < 1 else candidate


def setting_dated(question: "Doc", doc: "Doc", start: int, end: int) -> bool:
    """The time in [start, end) dates what the question gives as the setting of its act
    ("the coup attempt July 15" for when Oksuz was detained *after the coup attempt*), not
    the act."""
    time = doc.char_span(start, end, alignment_mode="expand")
    if time is None or time.root.head.pos_ != "NOUN" or time.root.head == time.root:
        return False
    settings = {
        stem(o.lemma_.lower())
        for t in question
        if t.dep_ == "prep" and t.lower_ in SETTING_WORDS
        for o in t.children
        if o.dep_ == "pobj"
    }
    return stem(time.root.head.lemma_.lower()) in settings


def past(question: "Doc") -> bool:
    """The question asks when something was done ("when *was* it last held", "when *did*
    it open"), not when it will be."""
    root = next((t for t in question if t.dep_ == "ROOT"), None)
    if root is None or any(t.lower_ in TO_COME for t in question):  # "were due to gather"
        return False
    helpers = [k for k in root.children if k.dep_ in ("aux", "auxpass")]  # "does ... run"
    return any(t.tag_ == "VBD" for t in helpers or [root])  # "was held", "did open", "opened"


def coming(question: "Doc") -> bool:
    """The question asks when something will be ("when *will* the House vote", "when
    *should* the airline begin receiving")."""
    root = next((t for t in question if t.dep_ == "ROOT"), None)
    return root is not None and any(k.lower_ in ASKED_TO_COME for k in root.children)


def done(doc: "Doc", start: int, end: int) -> bool:
    """The time in [start, end) dates what the sentence says was done ("a House panel
    *voted Thursday*", "the agency *was sold* in 1990")."""
    own = time_verb(doc, start, end)
    if own is None:
        return False
    helpers = [k for k in own.children if k.dep_ in ("aux", "auxpass")]
    return own.tag_ == "VBD" or (own.tag_ == "VBN" and any(k.tag_ == "VBD" for k in helpers))


def gone_by(candidate: Candidate, hit: SentenceHit) -> bool:
    """The time the candidate gives was over when its story was told (1990 in a story of
    1998): it cannot say when something will be."""
    if candidate.how != "time" or hit.published is None or not candidate.key[:4].isdigit():
        return False
    return candidate.key < hit.published.isoformat()[: len(candidate.key)]


def to_come(doc: "Doc", start: int, end: int) -> bool:
    """The time in [start, end) dates what the sentence says will be ("*will hold* its 2006
    conference in Manchester")."""
    own = time_verb(doc, start, end)
    return own is not None and any(k.lower_ in FUTURE for k in own.children)


def time_verb(doc: "Doc", start: int, end: int) -> "Token | None":
    """The verb the time in [start, end) dates."""
    time = doc.char_span(start, end, alignment_mode="expand")
    return governing_verb(time.root) if time is not None else None


def apposed(candidate: Candidate, hit: SentenceHit) -> Candidate:
    """For a "who" question, the name set beside an answer that names no one ("one abortion
    opponent, the Rev. Donald Spitz, ...": Donald Spitz)."""
    at = candidate.start == hit.start
    if names_someone(candidate.text, at):
        return candidate
    found = APPOSED_NAME.match(hit.text, candidate.end - hit.start)
    if found is None:
        return candidate
    start, end = (hit.start + i for i in found.span("name"))
    return replace(candidate, start=start, end=end, text=found.group("name"), key="")


def other_argument(
    question: Question, candidate: Candidate, hit: SentenceHit, nlp: "Language"
) -> Candidate:
    """A name the sentence sets beside a noun that is another argument of the question's act
    ("Rakeem Jones, 26, a *protester* who was punched" for who punched a protester) is that
    argument, not the answer."""
    slot = question.slot
    others = [w for role, w in slot.others if role != slot.role] if slot is not None else []
    if candidate.how != "entity" or not others:
        return candidate
    span = parsed(hit.text, nlp).char_span(
        candidate.start - hit.start, candidate.end - hit.start, alignment_mode="expand"
    )
    if span is None:
        return candidate
    root = span.root
    beside = [k for k in root.children if k.dep_ == "appos"]
    beside += [root.head] if root.dep_ == "appos" else []
    beside = [t for t in beside if t.pos_ == "NOUN"]  # "a protester", not "Dar es Salaam"
    said = {stem(t.lemma_.lower()) for t in beside} | {stem(t.lower_) for t in beside}
    if any(said & words for words in others):
        return replace(candidate, fit=candidate.fit * OTHER_KIND)
    return candidate


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


def kin_named(candidate: Candidate, hit: SentenceHit, nlp: "Language") -> Candidate:
    """A name that only says whose a person is ("One of President *Bush's* sons", "*Ruiz's*
    lawyer") answers "who" less than that person."""
    if candidate.how != "entity":
        return candidate
    doc = parsed(hit.text, nlp)
    rest = [t for t in doc if t.idx >= candidate.end - hit.start][: QUALIFIED_WORDS + 2]
    if not rest or rest[0].lower_ not in ("'s", "’s"):
        return candidate
    noun = next((t for t in rest[1:] if t.pos_ in ("NOUN", "PROPN")), None)
    person = noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() in PERSON_NOUNS
    return replace(candidate, fit=candidate.fit * QUALIFIER_FIT) if person else candidate


def _describes(token: "Token") -> bool:
    """A lowercase word between two names that says what the second one is."""
    if token.text == "-" or token.lower_ in ("based", "backed", "led", "made"):
        return True
    return token.pos_ in ("NOUN", "ADJ") and token.text[:1].islower()


def within_sources(found: list[Candidate]) -> list[Candidate]:
    """Without a slot's filler that holds the source a record gives ("a number *experts* have
    questioned", parsed as "number experts"): the record's span is the cleaner one."""
    sources = [c for c in found if c.how == "source"]
    return [
        c
        for c in found
        if c.how != "argument"
        or not any(
            c.start <= s.start and s.end <= c.end and c.end - c.start > s.end - s.start
            for s in sources
        )
    ]


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


#: the share of a list's words that, said by the question, make it an echo of it: one item of
#: a list ("drones, cruise *missiles*, helicopters") does not; and the commas of a list
ECHO_SHARE, LISTED_COMMAS = 0.25, 2


def echoing(candidate: Candidate, asked: AbstractSet[str]) -> Candidate:
    """A candidate that repeats some of the question's words ("Air France Flight" for a
    question about Flight 447) is less likely its answer: its fit is halved. The noun the
    question asks for is not repeated ("which banks": "Bank of America"); the place a name
    ends with that the question names is where the answer is from, not the answer ("Mesut
    Yilmaz of Turkey" for who signed on behalf of Turkey)."""
    if candidate.how in ("clause", "statement", "quantity"):  # a count names what it counts
        return candidate
    whose = OF_ASKED.search(candidate.text)
    if whose and candidate.how == "entity" and found(whose.group(1).lower(), asked):
        end = candidate.end - len(whose.group())  # "Mesut Yilmaz of Turkey": Mesut Yilmaz
        candidate = replace(candidate, end=end, text=candidate.text[: -len(whose.group())])
    words = [POSSESSIVE.sub("", w) for w in WORD.findall(candidate.text.lower())]
    content = [w for w in words if w not in STOP_WORDS and len(w) > 1]  # not "S." of a name
    echoed = sum(found(w, asked) for w in content)  # "Clinton’s": Clinton
    share = ECHO_SHARE if candidate.text.count(",") >= LISTED_COMMAS else 0.0
    if echoed and echoed >= share * len(content):
        return replace(candidate, fit=candidate.fit * 0.5)
    return candidate


def _typed(question: Question, hit: SentenceHit, store: Store) -> Iterator[Candidate]:
    records = _records(question, hit, store)
    yield from records
    if question.labels:
        yield from _entities(question, hit, store, records)
    if question.kind == "actor":
        yield from _holders(question, hit, store)
    if question.kind in ("place", "actor") and question.focus:
        yield from _kind_called(question, hit, store)
    choice_ = choice(question.text, hit)
    if choice_ is not None:
        yield choice_


def _records(question: Question, hit: SentenceHit, store: Store) -> list[Candidate]:
    """The candidates the store's records and the sentence's wording give for the kind."""
    kind = question.kind
    records: list[Candidate] = []
    if kind in ("number", "amount", "quantity"):
        records += quantities(question, hit, store)
    if kind == "date" or (kind == "quantity" and "DATE" in question.labels):
        records += times(question, hit, store)
    records += _worded(question, hit)
    if TALLY_ASKED.search(question.text):  # "what was the tally": "92 to 0", not "92"
        records = [replace(c, fit=c.fit * UNTALLIED) for c in records] + list(tallies(hit))
    if kind == "statement" or (kind == "reason" and question.speaker and told_why(question)):
        records += _statements(question, hit, store)
    return records


def told_why(question: Question) -> bool:
    """A "why" question asks for a reason someone gives ("why did Trump *say* Obama should
    resign", "why does Farage *think* ...", "*according to* UBS, what made the difference"),
    not why something is so ("why does Cape Breton want Americans to move there")."""
    return REASON_GIVEN.search(question.text) is not None


def _worded(question: Question, hit: SentenceHit) -> Iterator[Candidate]:
    """Candidates read off the sentence's words: a reason, words given, an age."""
    if question.kind == "reason":
        yield from _reasons(hit)
    if question.kind == "phrase" and question.focus in CONTENT_NOUNS:
        yield from _announced(question.focus, hit)
    if question.kind == "age":
        yield from ages(question, hit)
    if question.kind == "quantity" and HOW_OFTEN.search(question.text):
        for said in FREQUENCY.finditer(hit.text):
            start, end = hit.start + said.start(), hit.start + said.end()
            yield Candidate(start, end, said.group(), "quantity", 1.0)


def _kind_called(question: Question, hit: SentenceHit, store: Store) -> Iterator[Candidate]:
    """A name not found as one of the kind asked, given with the kind of thing the question
    asks for ("near the *Olympia shopping mall*" for which shopping center)."""
    focus = question.focus or ""
    nouns = stems_for(focus)
    known = [  # a name found as one of the kind, or a people's adjective ("the Jewish state")
        (e.start - hit.start, e.end - hit.start)
        for e in store.entities_in(hit.doc_id, hit.start, hit.end)
        if e.label in question.labels or e.label == "NORP"
    ]
    for run in KIND_CALLED.finditer(hit.text):
        name = run.group("name").split()
        if name[0] in OPENERS or name[-1].endswith(("'s", "’s")):  # "Germany's largest mall"
            continue
        if any(a < run.end("name") and run.start("name") < b for a, b in known):
            continue
        words = list(re.finditer(r"[a-z][\w-]*", run.group("rest")))
        kind = next((w for w in words if stem(w.group()) in nouns), None)
        if kind is None or any(w.group() in STOP_WORDS for w in words[: words.index(kind)]):
            continue
        start, end = run.start("name"), run.start("rest") + kind.end()
        yield Candidate(hit.start + start, hit.start + end, hit.text[start:end], "entity")


def _entities(
    question: Question, hit: SentenceHit, store: Store, records: list[Candidate]
) -> Iterator[Candidate]:
    """Entities of a fitting label, except those a record candidate already covers (a stored
    quantity says more than its CARDINAL entity); numbers as bare entities fit less."""
    sources = speakers(question, hit, store)
    spans = lasting(hit, store) if question.kind == "date" else []
    found = store.entities_in(hit.doc_id, hit.start, hit.end)
    if question.kind == "place":  # "flown to Brussels": the city, though it stands for the EU
        found = [replace(e, label="GPE") if e.text in capitals() else e for e in found]
        found = [replace(e, label="FAC") if site(e) else e for e in found]
    several = (plural(question.focus) and question.kind in ("actor", "place")) or (
        question.kind == "place" and question.focus is None  # "where": "Kosovo and Serbia"
    )
    for e in found:
        if unfitting(question, hit, e, spans):
            continue
        if not any(r.start < e.end and e.start < r.end for r in records):
            start, end = whole_name(hit, e.start, e.end, grows_back=e.label != "GPE")
            fit = entity_fit(question, hit, e, sources, (start, end)) * (0.6 if records else 1.0)
            if VAGUE.match(e.text):  # "trillions of dollars": no figure to give
                fit *= VAGUE_FIT
            if not question.negated and NONE_OF.search(hit.text[: e.start - hit.start]):
                fit *= NONE_FIT  # "there is no ISIS recruitment video": not ISIS's
            if several:  # "which countries": "Kenya, Tanzania and the United States"
                start, end = (
                    min(start, listed(hit, found, e)[0]),
                    max(end, listed(hit, found, e)[1]),
                )
            text = hit.text[start - hit.start : end - hit.start]
            yield Candidate(start, end, text, "entity", fit, e.actor or "")


def site(entity: Entity) -> bool:
    """A name the tagger took for a person or a body that its last word calls a site
    ("Franklin Delano Roosevelt *Park*", "Wells Fargo *Center*")."""
    last = entity.text.rsplit(" ", 1)[-1].lower()
    return entity.label in ("PERSON", "ORG") and " " in entity.text and last in SITE_NAMES


def unfitting(
    question: Question, hit: SentenceHit, e: Entity, spans: list[tuple[int, int]]
) -> bool:
    """The entity is no candidate: of a label not asked, a short form in brackets, a name of
    an event ("9/11"), part of a word ("one-off gains"), inside a span of time (`spans`: "a
    10-hour tour" says how long, not when), "one" that picks one of a kind ("one of the
    oldest") or an age for a date."""
    if abbreviation(hit, e.start, e.end) or e.label not in question.labels:
        return True
    if SLASHED.fullmatch(e.text) or WORD_MADE.match(hit.text[e.end - hit.start :]):
        return True
    if any(a <= e.start and e.end <= b for a, b in spans):
        return True
    if e.text.lower() == "one" and ONE_AMONG.match(hit.text[e.end - hit.start :]):
        return True  # "the Yazidi religion, one of the oldest in the region": no count
    return question.kind == "date" and aged(hit, e)  # "Sanders, 74, will not run again"


def aged(hit: SentenceHit, e: Entity) -> bool:
    """The entity is an age the sentence gives ("Sanders, *74*,", "a *63*-year-old")."""
    a, b = e.start - hit.start, e.end - hit.start
    return any(
        m.start(g) <= a and b <= m.end(g)
        for m in AGE.finditer(hit.text)
        for g in range(1, 5)
        if m.group(g)
    )


def plural(noun: str | None) -> bool:
    """The focus noun names several ("countries", "states"; not "press", "status")."""
    return noun is not None and noun.endswith("s") and not noun.endswith(("ss", "us", "is"))


def listed(hit: SentenceHit, entities: list[Entity], e: Entity) -> tuple[int, int]:
    """Where the list of names of e's label that e is part of starts and ends ("Kenya,
    Tanzania and the United States"); e's own span when it stands alone."""
    run = sorted((x for x in entities if x.label == e.label), key=lambda x: x.start)
    at = run.index(e)
    first = last = at
    while first > 0 and LIST_GAP.match(
        hit.text[run[first - 1].end - hit.start : run[first].start - hit.start]
    ):
        first -= 1
    while last + 1 < len(run) and LIST_GAP.match(
        hit.text[run[last].end - hit.start : run[last + 1].start - hit.start]
    ):
        last += 1
    return run[first].start, run[last].end


def lasting(hit: SentenceHit, store: Store) -> list[tuple[int, int]]:
    """Where the sentence's stored spans of time are ("a 10-hour tour", "three days")."""
    return [
        (t.start, t.end)
        for t in store.times_in(hit.doc_id, hit.start, hit.end)
        if t.type == "DURATION"
    ]


def entity_fit(
    question: Question,
    hit: SentenceHit,
    e: Entity,
    sources: list[tuple[int, int]] | None,
    name: tuple[int, int] | None = None,
) -> float:
    """How well an entity fits: its label's place among those asked, a written date, a
    city or a country as asked, the speaker for "who said", the role named beside its whole
    `name` (then, when the name grew from the tagger's, its label counts less: "Alternative
    for Germany, a right-wing *party*" is a party, though "Alternative" is tagged a place)."""
    start, end = name or (e.start, e.end)
    person = question.focus in PERSON_NOUNS and e.label != "PERSON"  # "which lawmaker"
    named = question.kind == "actor" and titled(question.focus, hit, start, end, by_own=not person)
    fit = 1.0 - 0.2 * question.labels.index(e.label)
    grown = (start, end) != (e.start, e.end)  # the tagger cut the name short: its label too?
    fit = max(fit, TITLED_FLOOR) if named and grown and question.focus else fit
    if e.label in ("DATE", "TIME"):
        fit *= time_fit(question.focus, e.text, "") * naming_fit(question, hit, e.start, e.end)
    if e.label == "CARDINAL" and measure_asked(question) not in (None, *SIZES):
        fit *= UNMEASURED  # "what altitude": "sixteen thousand feet", not "TWA eight hundred"
    if e.label == "CARDINAL" and question.kind == "number" and question.focus:
        fit *= UNCOUNTED  # "how many Albanians": a bare number ("9 to 1") counts nothing said
    if e.label in ("CARDINAL", "QUANTITY"):
        fit *= gap_fit(question, hit, e.end)
        fit *= MODEL if PARTITIVE.match(hit.text[e.end - hit.start :]) else 1.0
    if question.kind == "place":
        state = e.code is not None and e.actor is not None and e.text not in capitals()
        region = AFTER_PLACE.search(hit.text[: e.start - hit.start]) is not None
        fit *= place_fit(question.focus, state or region, province(e.text))
        fit *= ASIDE_PLACE if state and WHERE_IN.search(question.text) else 1.0
        fit *= kind_named(question.focus, hit, e.start, e.end)
        fit *= ASIDE_PLACE if DESK.match(hit.text[e.end - hit.start :]) else 1.0
        fit *= ASIDE_PLACE if THAN.search(hit.text[: e.start - hit.start]) else 1.0
    if sources is not None and not any(a <= e.start and e.end <= b for a, b in sources):
        fit *= NOT_SPEAKER
    if question.kind == "actor" and not named:
        role = ROLE_ASKED.match(question.text) or question.labels == EQUIPMENT_FIRST
        fit *= ROLE_UNTITLED if role else UNTITLED  # a ship is named beside its kind
    return fit


def abbreviation(hit: SentenceHit, start: int, end: int) -> bool:
    """The span is a short form in brackets after the name it stands for ("Bank of America
    (BoA)"): the name answers, not its short form."""
    a, b = start - hit.start, end - hit.start
    word = hit.text[a:b]
    return hit.text[max(0, a - 2) : a] == " (" and hit.text[b : b + 1] == ")" and " " not in word


def whole_name(
    hit: SentenceHit, start: int, end: int, *, grows_back: bool = True
) -> tuple[int, int]:
    """An entity's span grown to the whole name the tagger cut short: "Richard" -> "Richard
    I", "the Financial Markets" -> "Federal Service for the Financial Markets", "Henry III of"
    -> "Henry III of Castile", "Secure Solutions USA Inc." -> "G4S Secure Solutions USA Inc.";
    without `grows_back`, never to the words before it (a state is no part of "Gov. Mike
    Pence *of Indiana*"), nor to a currency ("Cerberus Capital Management *for US*$7.4
    billion"). Limit: only capitalized words joined by "of/for", or a coded word, grow a
    name."""
    a, b = start - hit.start, end - hit.start
    if headline_case(WORD.findall(hit.text)):  # "... Unite in Support of Ted Cruz"
        return start, end
    if hit.text[a:b].endswith((" of", " for")):
        b = a + hit.text[a:b].rfind(" ")
    if hit.text[a:b].endswith(("'s", "’s")) and " " in hit.text[a:b]:  # "Felix Mchami's"
        b -= 2
    tail = NAME_TAIL.match(hit.text[b:])
    if tail:
        b += len(tail.group())
    before = hit.text[max(0, a - 60) : a] if grows_back else ""
    head = NAME_HEAD.search(before.removesuffix("the ")) or CODED_HEAD.search(before)
    if head:
        a = max(0, a - 60) + head.start()
    return hit.start + a, hit.start + b


def place_fit(focus: str | None, is_state: bool, is_province: bool = False) -> float:
    """A country does not answer "which city" (nor a city "which country"), nor a province
    "which town" ("Wyoming"); a capital standing for its state ("Ankara") is a city."""
    if focus in COUNTRY_NOUNS:
        return 1.0 if is_state else 0.6
    if focus in SMALL_PLACES:
        return 0.4 if is_state or (is_province and focus in TOWNS) else 1.0
    return 1.0


def kind_named(focus: str | None, hit: SentenceHit, start: int, end: int) -> float:
    """For "which county" or "which building": a place called so where it is named ("Greene
    County", "the county of Greene", "the six-story Ufundi House") fits; another name
    ("Osceola", a town; "GMT") fits less."""
    if focus is None or focus.removesuffix("s") not in KIND_NAMED | SITES:
        return 1.0
    near = hit.text[max(0, start - hit.start - 15) : end - hit.start + 12]
    return 1.0 if stems_for(focus) & {stem(w) for w in WORD.findall(near)} else UNKINDED


#: a verb of saying after a name: a title after it is someone else's ("Gremitskikh *said*
#: special ambassador Mikhail Sytenko left")
SAYING_AFTER = re.compile(r"\b(?:said|says|told|tells|added|announced|stated)\b")
#: words beside a name that give it a role the question asks for ("she will face Democrat
#: Ryan Greene": her opponent)
ROLE_CUES = {stem("opponent"): frozenset({"face", "faces", "facing", "against"})}
#: titles as news writes them before a name ("Sen. Lindsey Graham" is a senator)
TITLES = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "adm": "admiral",
    "col": "colonel",
    "lt": "lieutenant",
    "capt": "captain",
    "sgt": "sergeant",
    "amb": "ambassador",
    "pres": "president",
    "prof": "professor",
    "atty": "attorney",
    "dr": "doctor",
}


def titled(
    focus: str | None, hit: SentenceHit, start: int, end: int, *, by_own: bool = True
) -> bool:
    """The entity or the words around it name what the question asks for ("which industry
    watcher": "analyst Erich Merkle", "Erich Merkle, an analyst"; "which banks": "Bank of
    America"; "which insurer": "Yamato Life Insurance", by the root of a doer's noun); True
    without a focus noun; without `by_own`, the entity's own words do not title it (the
    *House of Representatives* is no representative). A title before a verb of saying is the
    speaker's ("the commissioner *says* an internal review shows")."""
    if focus is None or focus in ("person", "people", "one"):
        return True
    before = hit.text[max(0, start - hit.start - 40) : start - hit.start]
    sayings = list(SAYING_AFTER.finditer(before))
    before = before[sayings[-1].end() :] if sayings else before
    after = hit.text[end - hit.start : end - hit.start + TITLE_AFTER]
    after = after[: cut.start()] if (cut := SAYING_AFTER.search(after)) else after
    own = hit.text[start - hit.start : end - hit.start] if by_own else ""
    near = WORD.findall(before.lower())[-4:] + WORD.findall(f"{own} {after}".lower())[:8]
    wanted = stems_for(focus)
    cues = ROLE_CUES.get(stem(focus), frozenset())
    root = AGENT.sub("", stem(focus)) if AGENT.search(stem(focus)) else None
    return any(
        stem(TITLES.get(w, w)) in wanted or w in cues or (root and w.startswith(root)) for w in near
    )


def speakers(question: Question, hit: SentenceHit, store: Store) -> list[tuple[int, int]] | None:
    """For a question about who said, denied or urged something: the spans of the sentence's
    attribution sources (None for other questions, and for one that asks whom someone told:
    "which network did Rubio tell")."""
    if question.kind != "actor" or not SPEECH.search(question.text):
        return None
    if ASKED_OBJECT.match(question.text):
        return None
    spans = [
        (a.source.start, a.source.end)
        for a in store.attributions_over(hit.doc_id, hit.start, hit.end)
        if a.source is not None
    ]
    return spans


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
        part = "what" if named.group("what") else "why"  # "used the presence of X to justify"
        start, end = named.span(part)
        yield Candidate(hit.start + start, hit.start + end, named.group(part), "clause", 1.0)
    for named in (
        *CONTRIBUTED.finditer(hit.text),
        *GROUNDS.finditer(hit.text),
        *PUNISHED_FOR.finditer(hit.text),
        *BROKE_OVER.finditer(hit.text),
    ):
        start, end = named.span("what")
        text = named.group("what").strip()
        yield Candidate(hit.start + start, hit.start + start + len(text), text, "clause", 0.9)
    for cue in CAUSE.finditer(hit.text):
        rest = hit.text[cue.end() :]
        opening = len(rest) - len(rest.lstrip("'\"“"))  # 'citing "obligations in Tennessee"'
        stop = (QUOTE_END if opening else CLAUSE_END).search(rest, opening)
        clause = rest[opening : stop.start() if stop else len(rest)].rstrip(" ,'\"”\n")
        word = cue.group().strip(" ,").lower().removesuffix(" that")
        if word in ("after", "following") and WHEN_ONLY.match(clause):
            continue  # "resign her post after the convention, to be replaced by ...": a time
        if len(WORD.findall(clause)) > 25 and "," in clause:  # "because X, boarded a bus ..."
            clause = clause[: clause.index(",")]
        least = 4 if word == "as" else 2
        if least <= len(WORD.findall(clause)) <= 25:
            start = hit.start + cue.end() + opening
            fit = WEAK_FIT if word in WEAK_CAUSE or word in JUSTIFYING else 0.9
            yield Candidate(start, start + len(clause), clause, "clause", fit)


def _announced(noun: str, hit: SentenceHit) -> Iterator[Candidate]:
    """What a sentence gives after a colon that follows the noun the question asks for
    ("Reid has some *advice* for Democrats: Don't underestimate Trump")."""
    told = re.search(rf"\b{re.escape(noun)}s?\b[^:.;!?]{{0,120}}?:\s*[\"“‘']?", hit.text, re.I)
    if told is None:
        return
    what = hit.text[told.end() :].rstrip(" \n.\"”’'")
    if 1 <= len(WORD.findall(what)) <= 30:
        start = hit.start + told.end()
        yield Candidate(start, start + len(what), what, "statement")


def _holders(question: Question, hit: SentenceHit, store: Store) -> Iterator[Candidate]:
    """For "who said ..." the sources of the sentence's statements, for "who doubts ..." the
    holders of its doubts."""
    if SPEECH.search(question.text) and not ASKED_OBJECT.match(question.text):
        yield from _sources(question, hit, store)  # not "who did Trump say": Trump said it
    if DOUBTING.search(question.text):
        yield from _doubters(question, hit, store)


def _doubters(question: Question, hit: SentenceHit, store: Store) -> Iterator[Candidate]:
    """Who the sentence says doubts, disputes or denies something ("a number *experts* have
    questioned"), for "who doubts ...": the doubt records' holders; for "which lawmakers",
    one the role asked for does not describe fits as an untitled source does."""
    for doubt in store.doubts_over(hit.doc_id, hit.start, hit.end):
        at = hit.text.find(doubt.by) if doubt.by else -1
        if at >= 0 and doubt.by:
            start, actor = hit.start + at, doubt.by_actor or ""
            fit = source_fit(question.focus, hit, start, doubt.by, actor)
            yield Candidate(start, start + len(doubt.by), doubt.by, "source", fit, actor)


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
        if text.lower() in UNNAMED_SOURCES or last in WRITINGS or RELATIVE.search(text):
            continue  # "he", "some" ("had some explaining to do"), "the report"
        fit = source_fit(question.focus, hit, source.start, text, source.actor or "")
        yield Candidate(source.start, source.end, text, "source", fit, source.actor or "")


def source_fit(focus: str | None, hit: SentenceHit, start: int, text: str, actor: str) -> float:
    """How well a source answers "which commentator": 1 when called what is asked for, less
    when not, least when it names no one ("Some users")."""
    if titled(focus, hit, start, start + len(text)):
        return 1.0
    return UNTITLED if actor or names_someone(text, start == hit.start) else UNNAMED


def names_someone(text: str, opens_sentence: bool) -> bool:
    """The words hold a name: a capitalized word, not counting the one a sentence opens with."""
    words = text.split()[1:] if opens_sentence else text.split()
    return any(w[:1].isupper() for w in words)


#: the most words of a doubted thing the doubt's sentence tells better than the thing alone
DOUBTED_WORDS = 3


def _statements(question: Question, hit: SentenceHit, store: Store) -> Iterator[Candidate]:
    """Contents of the sentence's attributions; those of the asked speaker, and of the stance
    asked ("what did X deny"), fit best. A content that is only a time ("Trump called
    *Wednesday* for ...") is misread."""
    speaker, stance = naming_words(question.speaker or ""), asked_stance(question.text)
    times = store.times_in(hit.doc_id, hit.start, hit.end)
    for att in store.attributions_over(hit.doc_id, hit.start, hit.end):
        source = " ".join(
            p for p in (att.source and att.source.text, att.source and att.source.actor) if p
        )
        fit = 1.0 if speaker and naming_words(source) & speaker else UNASKED_SOURCE
        if speaker and fit < 1 and att.source is not None and att.source.actor:
            fit *= OTHER_SOURCE  # a named actor who is not the one asked
        fit *= 0.7 if stance and att.stance != stance else 1.0
        fit *= UNSAID_INTENT if intent_not_asked(question, att.cue.text) else 1.0
        for part in att.content:
            if not (hit.start <= part.start and part.end <= hit.end) or dated(part, times):
                continue
            if att.stance in DOUBTED_STANCES and len(WORD.findall(part.text)) <= DOUBTED_WORDS:
                # "These strikes have been questioned by US lawmakers for their legality"
                # says what the lawmakers said; "These strikes" alone does not
                text = hit.text.strip()
                start = hit.start + hit.text.index(text)
                yield Candidate(start, start + len(text), text, "statement", fit)
            else:
                start = judged(att.cue, part, hit)
                text = hit.text[start - hit.start : part.end - hit.start]
                yield Candidate(start, part.end, text, "statement", fit)


def dated(part: TextSpan, times: list[TimeExpr]) -> bool:
    """The span is no more than one of the times."""
    return any(t.start <= part.start and part.end <= t.end for t in times)


def judged(cue: TextSpan, part: TextSpan, hit: SentenceHit) -> int:
    """Where a statement starts: at a cue that judges what follows it ("*condemned* the
    bombings of the embassies": not the bombings alone), else at its content."""
    words = cue.text.lower().split()
    between = hit.text[cue.end - hit.start : part.start - hit.start]
    if not words or stem(words[-1]) not in JUDGING or between.strip():
        return part.start
    return cue.start


def intent_not_asked(question: Question, cue: str) -> bool:
    """The cue tells what its source wants or agreed to ("had agreed to lease 100 tankers"),
    not what they said, and the question asks for neither."""
    told = stem(cue.split()[-1].lower()) if cue.split() else ""
    return told in INTENDING and told not in {stem(a) for a in question.acts}


def naming_words(text: str) -> frozenset[str]:
    """The words of a name or description that tell who it is: not "the", not the "s" of
    "Tanzania's" (a source "the State Department" is not "the White House")."""
    return frozenset(w for w in words_of(text) if len(w) > 1 and w not in STOP_WORDS)


def slot_fillers(question: Question, hit: SentenceHit, nlp: "Language") -> list[Candidate]:
    """What fills the question's slot in the sentence (`align.py`; what a description asks
    for, `described.py`), fit 1."""
    if (
        question.slot is None
        or question.kind not in ARGUED
        or not mentions(question.slot, hit.text)
    ):
        return []
    if question.kind == "statement" and question.speaker:  # "what did Sudan say about the
        return []  # plant hit by US missiles": what was hit is not what Sudan said
    doc = parsed(hit.text, nlp)
    if question.slot.role == DESCRIBED:
        spans: dict[tuple[int, int], float] = {}
        for a, b, fit in described(question.slot, doc):
            spans[a, b] = max(fit, spans.get((a, b), 0.0))
    else:
        spans = dict.fromkeys(arguments(question.slot, doc), 1.0)
    out = [
        Candidate(hit.start + a, hit.start + b, hit.text[a:b], "argument", fit)
        for (a, b), fit in spans.items()
    ]
    named_only = question.focus or question.slot.role == DESCRIBED  # "who was X's brother"
    if question.kind == "actor" and named_only:  # "which airline": a name, or one so called
        out = [replace(c, fit=c.fit * unnamed_fit(question.focus, hit, c, doc)) for c in out]
    if question.kind == "phrase" and question.focus:  # "what chemical agent": not a town
        focus = question.focus
        out = [replace(c, fit=c.fit * OTHER_KIND) if other_kind(c.text, focus) else c for c in out]
    if question.slot.role == "clause":  # a yes/no question's answer: what the sentence says
        out = [replace(c, how="clause", fit=told(question, c.text)) for c in out]
    sort = kind_asked(question.text)
    return [of_the_kind(broader(c, sort), sort) for c in out] if sort else out


def broader(candidate: Candidate, sort: str) -> Candidate:
    """For "what kind of missile": a filler headed by a more general noun ("chemical
    *weapons*") names no kind of it and fits as a phrase of another kind."""
    words = WORD.findall(candidate.text.split(" of ")[0])
    general = bool(words) and sort in kinds_of(stem(words[-1].lower()))
    return replace(candidate, fit=candidate.fit * OTHER_KIND) if general else candidate


def other_kind(text: str, focus: str | None = None) -> bool:
    """The phrase is headed by a noun of a kind of its own: a place, a time or a sum ("the
    *town* of Marea", "two *years*"), or people the `focus` does not name ("the five
    *writers* in line for the award" for which book; not "Marines" for which personnel, nor
    a name, "The History Boys"), not the thing a "what X" question asks for."""
    words = [w.lower() for w in WORD.findall(text.split(" of ")[0])]
    entry = noun_entry(words[-1]) if words else None
    if entry is not None and entry[0] in ("place", "date", "number"):
        return True
    head = WORD.findall(HEAD_END.split(text, maxsplit=1)[0])[-1:]
    if not head or not focus or head[0][0].isupper():  # "The History Boys": a name
        return False
    noun = head[0].lower()
    if not {noun, noun.removesuffix("s")} & PERSON_NOUNS:
        return False
    return focus not in PERSON_NOUNS and not stems_for(focus) & stems_for(noun)


def of_the_kind(candidate: Candidate, sort: str) -> Candidate:
    """For "what kind of missiles": a filler naming them answers with the words before the
    noun ("5,000 Russian-made Igla-S anti-aircraft missiles": "Russian-made Igla-S
    anti-aircraft"), which no longer repeat the question's noun."""
    text = candidate.text
    noun = next((w for w in WORD.finditer(text) if stem(w.group()) == sort), None)
    kind = KIND_WORDS.search(text[: noun.start()]) if noun else None
    if kind is None:
        return candidate
    start = candidate.start + kind.start()
    return replace(candidate, start=start, end=start + len(kind.group()), text=kind.group())


def told(question: Question, clause: str) -> float:
    """How much of a yes/no question a clause tells: half for its predicate, the rest for the
    share of the question's other words it says ("attacking *on land*": "an expansion of
    operations to land" over "military action inside Venezuela")."""
    assert question.slot is not None
    words = words_of(clause)
    rest = [t for t in question.terms if not (forms(t) & question.slot.words)]
    return 0.5 + 0.5 * (sum(found(t, words) for t in rest) / len(rest) if rest else 1.0)


def yes_or_no(
    question: Question, hit: SentenceHit, nlp: "Language", found: list[Candidate], aligned: bool
) -> list[Candidate]:
    """A yes/no question's answers from a sentence (`telling`), fitting better when the
    sentence says or denies the question's predicate: a verdict, not only shared words."""
    found = telling(question, hit, found)
    if aligned and found and verdict(parsed(question.text, nlp), parsed(hit.text, nlp)):
        return [replace(c, fit=max(c.fit, TOLD)) for c in found]
    return found


def telling(question: Question, hit: SentenceHit, clauses: list[Candidate]) -> list[Candidate]:
    """A yes/no question's answers from a sentence: its clauses that fill the question's
    predicate, else the sentence itself when it says most of the question's words, which may
    say whether all the same ("no ransom was given" for "was a ransom paid?")."""
    if clauses:
        return clauses
    text = hit.text.strip()
    if not text or coverage(list(question.terms), text) < TOLD_SHARE:
        return []
    start = hit.start + hit.text.index(text[:1])
    return [Candidate(start, start + len(text), text, "clause", UNTOLD)]


def placed(candidate: Candidate, focus: str, hit: SentenceHit, store: Store) -> Candidate:
    """For "in which states ...": a filler that names no place ("by Russian agents", where
    the parser took the question's subject for the slot) fits as little as an unnamed one;
    one that gives the kind asked and a name ("the town of Marea", which the tagger may
    miss) is that name."""
    if candidate.how != "argument":
        return candidate
    nouns = stems_for(focus)
    named = PLACE_OF_NAME.search(candidate.text)  # "the town of Marea", tagged or not
    if named and stem(named.group("kind")) in nouns:
        start = candidate.start + named.start("name")
        return replace(candidate, start=start, end=start + len(named["name"]), text=named["name"])
    inside = store.entities_in(hit.doc_id, candidate.start, candidate.end)
    labels = PLACE_LABELS | {"NORP"} if focus in COUNTRY_NOUNS else PLACE_LABELS
    if any(e.label in labels for e in inside):
        return candidate
    return replace(candidate, fit=candidate.fit * UNNAMED)


def unnamed_fit(focus: str | None, hit: SentenceHit, c: Candidate, doc: "Doc") -> float:
    """For "which airline ...": a filler that holds no name ("employee", "the Canadian
    warrant issued Monday": a people and a day name no one; "Cruz's biggest super PAC
    donor": a name that only says whose or what kind does not either) or that counts things ("4,500
    Marines and sailors" for which carrier) fits as little as a noun phrase, unless it is
    called what the question asks for ("the national carrier")."""
    span = doc.char_span(c.start - hit.start, c.end - hit.start, alignment_mode="expand")
    names = [
        t
        for t in span or ()
        if t.pos_ == "PROPN" and t.ent_type_ not in UNNAMING and t.dep_ not in ONLY_MODIFYING
    ]
    named = bool(names) and not c.text[:1].isdigit()
    if named or (focus is not None and titled(focus, hit, c.start, c.end)):
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


def phrase_candidates(
    question: str, hit: SentenceHit, nlp: "Language", focus: str | None = None
) -> list[Candidate]:
    """Noun phrases of the sentence less the words the question already says ("the river
    Seine" answers "what river" as "Seine"), when what is left names something or the
    question asks what kind of thing; `fit` falls with the number of dependency arcs
    to the nearest word the question shares. A phrase the verb of the focus noun governs
    fits as the kind asked ("what award": "should be *awarded* the Nobel Peace Prize")."""
    doc = parsed(hit.text, nlp)
    asked = words_of(question)
    shared = [t for t in doc if not t.is_stop and found(t.lower_, asked)]
    sort = kind_asked(question)
    kind_of_one = sort is not None and KIND_OF_ONE.search(question) is not None
    out = []
    for chunk in doc.noun_chunks:
        words = unsaid(list(chunk), asked)
        named_kind = not words and kind_of_one and bool(words := kind_after(chunk, asked))
        if all(t.lower_.rstrip(".") in HONORIFICS for t in words):
            continue  # "Mr." left of "Mr. Blatter" when the question names Blatter
        if all(t.like_num or t.dep_ == "quantmod" for t in words):
            continue  # "over 8 million" left of "reservists": a count, not a kind of them
        if sort or any(t.pos_ in NOMINAL or named_focus(t, focus) for t in words):
            arcs = min((arcs_between(chunk.root, t) for t in shared), default=0)
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            text = hit.text[start:end]
            fit = 0.5 / (1 + arcs) * (1.0 if named_phrase(question, words) else UNNAMED)
            if named_kind:
                fit = 1.0  # the kind of the very thing the question names
            elif kind_of_sort(chunk.root, sort) or verbed(focus, chunk.root):
                fit = KIND_FIT  # "what type of circuit": the kind of "Boolean circuits"
            elif apposed_kind(chunk.root, focus):
                fit = KIND_FIT  # "which outcrop": "the Scarborough Shoal, *an outcrop* in ..."
            elif focus_kind(chunk.root, words, focus):
                fit = KIND_FIT  # "what operating system": "a *Linux-based* operating system"
            out.append(Candidate(hit.start + start, hit.start + end, text, "phrase", fit))
    return out


def kind_of_sort(root: "Token", sort: str | None) -> bool:
    """The phrase's head names a kind of what "what kind of X" asks for: X itself ("Boolean
    *circuits*") or a kind of X ("volunteer *militias*" for units), never a more general
    noun ("chemical *weapons*" for missiles)."""
    return sort is not None and (stem(root.lower_) == sort or stem(root.lower_) in kinds_of(sort))


@cache
def kinds_of(sort: str) -> frozenset[str]:
    """The stems of the nouns that name kinds of `sort` (lexicons/reader_kinds.tsv)."""
    return frozenset(
        stem(w) for row in read_rows("reader_kinds.tsv") if stem(row[0]) == sort for w in row[1:]
    )


def apposed_kind(root: "Token", focus: str | None) -> bool:
    """The sentence calls the phrase what the question asks for, beside it ("the Scarborough
    Shoal, *an outcrop* in the disputed sea" for "which outcrop")."""
    if focus is None:
        return False
    kinds = stems_for(focus)
    beside = [k for k in root.children if k.dep_ == "appos"]
    return any(stem(k.lower_) in kinds for k in beside)


def focus_kind(root: "Token", words: "list[Token]", focus: str | None) -> bool:
    """The phrase says which one of the thing the question asks about: the words before
    that noun ("a *Linux-based* operating system" for what operating system) or a thing
    given as an example of it ("fusion fuel such as *tritium*" for what fuel)."""
    if focus is None:
        return False
    kinds = stems_for(focus)
    if stem(root.lower_) in kinds:  # not when an example follows: "fusion fuel *such as*"
        examples = [k for k in root.children if k.dep_ == "prep" and k.lower_ in EXAMPLE_OF]
        return bool(words) and words[-1].i < root.i and not examples
    example = root.head  # "such *as* tritium", "*including* tritium"
    return (
        root.dep_ == "pobj" and example.lower_ in EXAMPLE_OF and stem(example.head.lower_) in kinds
    )


def named_focus(token: "Token", focus: str | None) -> bool:
    """A capitalized word before the noun the question asks about names it, whatever its tag
    ("off the *Caribbean* coast" for "off which coast")."""
    head = token.head
    return (
        focus is not None
        and token.is_title
        and head.i > token.i
        and stem(head.lower_) == stem(focus)
    )


def kind_after(chunk: "Span", asked: AbstractSet[str]) -> "list[Token]":
    """For "what kind of weapon is the Igla-S": the words after the name the question asks
    about, up to the phrase's head ("the Igla-S *anti-aircraft missiles*")."""
    said = [  # not "'s", not the "in" of "check-in"
        t.i for t in chunk if len(t.text) > 1 and not t.is_stop and found(t.lower_, asked)
    ]
    after = unsaid(list(chunk)[said[-1] - chunk.start + 1 :], asked) if said else []
    return after if said and said[-1] < chunk.root.i else []


def verbed(focus: str | None, root: "Token") -> bool:
    """The phrase is the object of the verb the focus noun names ("award": "awarded")."""
    verb = root.head
    return (
        focus is not None
        and root.dep_ in ("dobj", "dative", "oprd")
        and verb.pos_ == "VERB"
        and stem(verb.lemma_.lower()) == stem(focus)
    )


def kind_asked(question: str) -> str | None:
    """The stem of the noun whose kind the question asks ("what type of *circuit*")."""
    kind = KIND_OF.search(question)
    after = WORD.findall(question[kind.end() :]) if kind else []
    return stem(after[0]) if after else None


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


#: a question that offers a choice opens with an auxiliary or "which" ("Is it X or Y?"), not
#: "what" ("what problem has either yes or no for an answer?")
CHOOSING = re.compile(rf"^\W*(?:which|{'|'.join(YES_NO)})\b", re.I)


def choice(question: str, hit: SentenceHit) -> Candidate | None:
    """For "is it X or Y?", whichever of X and Y the sentence says, when it says only one.

    Limit: one-word options only ("abstract or concrete"), the words just around the "or"."""
    match = re.search(r"\b([\w-]+),? or ([\w-]+)\W*$", question)
    if not match or not CHOOSING.match(question):
        return None
    options = [
        m for m in (re.search(rf"\b{re.escape(w)}\b", hit.text, re.I) for w in match.groups()) if m
    ]
    if len(options) != 1:
        return None
    start, end = hit.start + options[0].start(), hit.start + options[0].end()
    return Candidate(start, end, options[0].group(), "choice", 1.0)


def said(text: str, asked: AbstractSet[str], *, small: bool = False) -> bool:
    """True when every word of `text` already occurs in the question: it cannot be the
    answer; with `small`, every word but its small ones and those that only say it is now (a
    statement "an Apple boycott" for why Trump urged a boycott of Apple, "today's falls" for
    how Buik described the falls of October 24)."""
    words = WORD.findall(text.lower())
    if small:
        bare = (POSSESSIVE.sub("", w) for w in words)  # "today's": today
        words = [w for w in bare if w not in STOP_WORDS and w not in NOW_WORDS]
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
