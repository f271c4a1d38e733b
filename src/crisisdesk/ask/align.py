"""Answers found by lining a question's parse up with a sentence's: the question asks for one
argument of a predicate ("Who *questioned* the strikes?": its subject; "Which agency did Trump
*authorize*?": its object; "Which weapon is it *similar to*?": the object of "to"), and the
sentence gives that argument beside the same predicate or a word the reader uses for it
("questioned *by US lawmakers*", "*authorized* the CIA", "*similar to* US Stingers", "a
number *experts* have questioned" for "who doubts"). The answer need not be a named entity.

Roles: `subj`, `obj`, `prep:<word>` (a preposition the question leaves standing), `where`
(a place phrase), `how` (the means: "by repositioning troops", "as an open conspiracy"),
`to-do` (what someone is bidden to do: "authorized the CIA *to conduct covert action*"),
`clause` (a yes/no question: what the sentence says of the predicate) and `title` ("Who is
Maduro?", "What is the Igla-S?": what the sentences call it). A filler counts only where the
sentence's other arguments and negation agree with the question's.

Limit: one predicate deep; "What does Washington want Maduro to do?" is not lined up with
"the US goal is ... to pressure Maduro to step down".
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from crisisdesk.ask.words import stem, stems_for, word_groups, words_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

WH = frozenset(["who", "whom", "what", "which", "where", "how"])
#: verbs that carry no meaning of their own in a question ("what did X *do*")
LIGHT = frozenset(
    [
        "be",
        "do",
        "have",
        "get",
        "say",
        "tell",
        "can",
        "will",
        "would",
        "could",
        "go",
        "come",
        "happen",
        "seem",
        "take",
        "put",
        "give",
        "locate",  # "where is X located": where it is, which few sentences say with "located"
        "situate",
    ]
)
#: auxiliaries that open a yes/no question
YES_NO = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "can",
        "could",
        "will",
        "would",
        "should",
        "may",
        "might",
    ]
)
#: verbs that name what a question asks for ("what was it called"): `described.py` reads them
CALLING = frozenset(["call", "name", "know", "term", "dub"])
#: verbs that report what someone says or thinks was done ("who did Trump *say* founded ISIS")
REPORTING = frozenset(["say", "claim", "think", "believe", "allege", "suggest", "tell", "insist"])
PLACE_PREPS = frozenset(
    [
        "in",
        "at",
        "across",
        "on",
        "near",
        "inside",
        "outside",
        "along",
        "throughout",
        "off",
        "into",
        "to",
        "from",
        "within",
    ]
)
MEANS_PREPS = frozenset(["by", "as", "with", "through"])
#: nouns a wh-phrase asks a time with ("by which *year*"): a time, not a place the act was at
TIME_NOUNS = frozenset(
    ["year", "month", "week", "day", "date", "time", "decade", "century", "quarter", "season"]
)
#: verbs of talking with someone, and the prepositions that name the other side alike
#: ("talk *to*" the counterpart he "spoke *with*")
CONFERRING = frozenset(["talk", "speak", "meet", "negotiate", "confer", "chat", "consult"])
PARTNERED = frozenset(["to", "with"])
#: verbs that charge someone with a deed, which a clause may name instead of "of" ("accused
#: of trafficking": "alleging they were trafficking")
CHARGING = frozenset(["accuse", "allege", "charge", "blame", "suspect"])
#: entity labels of a count, a price or a while: what "for" holds that is no reason
MEASURES = frozenset(["DATE", "TIME", "MONEY", "CARDINAL", "QUANTITY", "PERCENT"])
#: the prepositions of a deed someone is blamed or thanked for ("accused X *of* shooting")
BLAMED_FOR = frozenset(["for", "of"])
#: the dependency labels of a verb's subject, object and passive agent
SUBJECTS = frozenset(["nsubj", "csubj"])
#: "what is X doing", "what did X do": asks what X is said to do
DOING = re.compile(
    r"^\W*what (?:is|are|was|were|has|have|had|did|does|do|will|would) (?P<who>.+?) "
    r"(?:doing|done|do|going to do)\b",
    re.I,
)
#: pronouns that may stand for the teller of the words they are in ("Trump has stated *he* is
#: weighing ...": `span.teller_for`); other lone pronouns fill no slot
WHO_PRONOUN = re.compile(r"^(?:he|she)$", re.I)
#: words of a doer that name nobody in particular
STOPPED = frozenset(["the", "a", "an", "its", "their", "his", "her"])
OBJECTS = frozenset(["dobj", "attr", "oprd"])
#: children dropped from an argument that runs long: what only describes it further
DESCRIBING = frozenset(["relcl", "acl", "advcl", "appos", "parataxis", "punct", "cc"])
#: what describes an argument further, left out of it: an apposition, a relative clause
ASIDES = frozenset(["appos", "relcl", "parataxis"])
#: words an argument may take before the rest is cut (a list of four kinds of target fits)
LONGEST = 14
#: characters within which a bracket an answer opens must close to be taken in
CLOSE_WITHIN = 40
#: words before a name that may say what the person is
TITLE_SPAN = 6
#: words before a name that are a form of address, not what the person is
HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "prof"])
#: capitalized words before a name that say what the person is ("President Donald Trump")
TITLE_WORDS = frozenset(
    [
        "president",
        "minister",
        "chancellor",
        "secretary",
        "senator",
        "governor",
        "general",
        "chairman",
        "chief",
        "director",
        "spokesman",
        "spokeswoman",
        "king",
        "queen",
        "prince",
    ]
)
#: a yes/no question's answer tells the whole clause, up to this many words
LONGEST_CLAUSE = 25
#: letters two words must share at their start to be one word's forms ("export", "exporter")
SAME_ROOT = 6


@dataclass(frozen=True, slots=True)
class Slot:
    """What a question asks of a sentence: the stems of its predicate words (and of the words a
    reader uses for them) and the role of the answer beside them."""

    words: frozenset[str]
    role: str
    #: the question's other arguments of the predicate ("subj" -> stems of "Robert" in "who
    #: did Robert lead"), which the sentence's must not contradict
    others: tuple[tuple[str, frozenset[str]], ...] = ()
    #: the question denies the predicate ("what does *not* help ..."): so must the sentence
    negated: bool = False
    #: words the sentence must say as the question does ("the *least* known", "the *four*")
    marks: frozenset[str] = frozenset()
    #: the particles of a light verb that carries meaning with them ("take *over*")
    particles: frozenset[str] = frozenset()


def slot_of(doc: "Doc") -> Slot | None:
    """The slot of a parsed question, or None when it names no predicate to line up."""
    tokens = list(doc)
    if not tokens:
        return None
    if _who_is_named(tokens):  # "Who is Maduro?": what the sentences call him
        return _slot(_named_part(tokens), "title")
    doing = DOING.match(doc.text)
    doer = _opening_phrase(
        doc, [t for t in tokens if doing and doing.start("who") <= t.idx < doing.end("who")]
    )
    if _a_doer(doer):  # "What is the US doing near Venezuela?": what it is said to do
        return Slot(_doer_words(doer), "deed")
    return _progressive(tokens) or _capable(tokens) or _slot_by_wh(tokens)


def _progressive(tokens: "list[Token]") -> Slot | None:
    """The object of a "what is X weighing?" question that the parser read as a copula (its
    verb taken for a noun, the copula's subject or the subject's modifier): the verb's
    object, X its subject. A noun in -ing after an article alone is a noun ("the building")."""
    words = [t for t in tokens if not t.is_punct]
    if len(words) < 4 or words[0].lower_ != "what" or words[1].lemma_ != "be":
        return None
    verb, before = words[-1], words[-2]
    if not verb.lower_.endswith("ing") or verb.dep_ in ("ROOT", "xcomp", "pobj"):
        return None
    if before.pos_ not in ("NOUN", "PROPN") or verb.head.lemma_ not in ("be", before.lemma_):
        return None
    found = _slot([verb], "obj")
    doer = frozenset(stem(t.lower_) for t in words[2:-1] if content_word(t))
    return replace(found, others=(("subj", doer),) if doer else ()) if found else None


def _capable(tokens: "list[Token]") -> Slot | None:
    """The object of a "what are X capable of shooting down?" question, which the parser reads
    as a copula: the object of the verb after "capable of", X its subject (as "what can X
    shoot down")."""
    words = [t for t in tokens if not t.is_punct]
    if len(words) < 5 or words[0].lower_ != "what" or words[1].lemma_ != "be":
        return None
    verb = words[-2] if words[-1].dep_ == "prt" else words[-1]
    able = verb.head.head if verb.dep_ == "pcomp" else None
    if able is None or able.lower_ != "capable" or not verb.lower_.endswith("ing"):
        return None
    found = _slot([verb], "obj")
    doer = frozenset(stem(t.lower_) for t in tokens[words[1].i + 1 : able.i] if content_word(t))
    return replace(found, others=(("subj", doer),) if doer else ()) if found else None


def _doer_words(doer: "list[Token]") -> frozenset[str]:
    """The stems that name a doer: its words less whose it is ("Jan van Riebeeck's *father*"),
    and a reader's words for its head noun ("bill": "legislation")."""
    owner = {t for d in doer if d.dep_ == "poss" for t in d.subtree}
    own = [t for t in doer if t not in owner and t.lower_ not in STOPPED and not t.is_punct]
    heads = [t for t in own if t.head not in own or t.head == t]
    return frozenset({_bare(t) for t in own} | {w for h in heads for w in stems_for(_bare(h))})


def _opening_phrase(doc: "Doc", words: "list[Token]") -> "list[Token]":
    """The noun phrase a doer opens with, when a clause describes it ("the bill *Rep. McCaul
    announced after the FBI's findings*": the bill); the words as they are when they hold a
    "to" (what one wants another to do) or open with no noun phrase."""
    if not words or any(t.lower_ == "to" for t in words):
        return words
    first = next((c for c in doc.noun_chunks if c.start == words[0].i), None)
    return list(first) if first is not None and first.end <= words[-1].i else words


def _a_doer(words: "list[Token]") -> bool:
    """The words a "what is X doing" question puts for X name someone: a noun phrase, no verb
    in it ("what does Washington *want* Maduro to do", "what has not *been* done")."""
    return any(t.pos_ in ("NOUN", "PROPN") for t in words) and not any(
        t.pos_ in ("VERB", "AUX") or t.lower_ == "to" for t in words
    )


def _slot_by_wh(tokens: "list[Token]") -> Slot | None:
    """The slot the question's wh-word (or, without one, its auxiliary) opens."""
    wh = next((t for t in tokens if t.lower_ in WH), None)
    if wh is None:
        opening = _after_setting(tokens)
        if opening.lower_ in YES_NO and not any(t.lower_ == "or" for t in tokens):
            return _slot(predicates(tokens), "clause")
        return None
    if wh.lower_ == "how":  # the means of the main verb ("how did X respond"), not "how did X do"
        after = tokens[wh.i + 1] if wh.i + 1 < len(tokens) else None
        means = after is not None and (after.lower_ in YES_NO or after.pos_ == "VERB")
        root = wh.head
        return _slot(predicates([root]), "how") if means else None
    if wh.lower_ == "where":
        return _slot(predicates(tokens), "where")
    bidding = _bidding(tokens) if wh.lower_ == "what" else None
    if bidding is not None:  # "what was the CIA authorized to do": the act it may do
        found = _slot([bidding], "to-do")
        return replace(found, others=_others(bidding, "to-do")) if found else None
    stranded = next((t for t in tokens if t.dep_ == "prep" and not list(t.children)), None)
    if stranded is not None and stranded.i > wh.i:
        found = _slot([stranded.head], f"prep:{stranded.lower_}")
        return replace(found, others=_others(stranded.head, "")) if found else None
    opened = _prep_opened(tokens, wh)
    if opened is not None:
        return opened
    phrase = wh.head if wh.dep_ == "det" else wh
    if phrase.head.i < phrase.i:  # "Turing machines are used to define what?"
        return _in_situ(phrase)
    if phrase.head.lemma_ == "be":  # "what was the name of ...": a copula, no predicate;
        verb = phrase.head.head  # "what was X authorized to do"; "what was X called": a name
        auxiliary = phrase.head.dep_ in ("aux", "auxpass") and verb.lemma_ not in CALLING
        return _fronted(verb) if auxiliary else None
    phrase_end = phrase.right_edge.i if phrase is not wh else wh.i
    nxt = tokens[phrase_end + 1] if phrase_end + 1 < len(tokens) else None
    inverted = nxt is not None and nxt.lower_ in YES_NO and _subject_follows(tokens, nxt.i)
    reported = _reported_doer(tokens) and not _reported_passive(tokens)
    role = "obj" if (inverted and not reported) or _undergoes(phrase) else "subj"
    found = _slot(predicates(tokens), role)
    verb = phrase.head if phrase.head.i != phrase.i else phrase
    return replace(found, others=_others(verb, role)) if found else None


def _reported_doer(tokens: "list[Token]") -> bool:
    """The question asks who did what someone said was done ("who did Trump say *founded*
    ISIS", "which program did Obama say would *start working*"): its verbs are told as what
    was said, and none has a subject of its own."""
    verbs = [v for v in predicates(tokens) if v.pos_ in ("VERB", "AUX")]  # not "his visit"
    return bool(verbs) and all(
        _reported(v) or (v.dep_ == "xcomp" and _reported(v.head)) for v in verbs
    )


def _prep_opened(tokens: "list[Token]", wh: "Token") -> Slot | None:
    """The slot of a wh-phrase a place's preposition opens the question with ("*Off* which
    coast did the US strike the boats?"): what that preposition holds beside the predicate."""
    opening = tokens[wh.i - 1] if wh.i else None
    if opening is None or opening.dep_ != "prep" or opening.i != _after_setting(tokens).i:
        return None
    if opening.lower_ not in PLACE_PREPS or wh.head.lemma_.lower() in TIME_NOUNS:
        return None  # "by which year": when, not where
    if wh.head.dep_ == "poss":
        return None  # "on which host's show": whose show, not where
    role = f"prep:{opening.lower_}"
    verbs = [v for v in predicates(tokens) if v.dep_ == "ROOT" or v.i == opening.head.i]
    found = _slot(verbs, role)  # not "shooting" of "did the shooting spree happen"
    return replace(found, others=_others(verbs[0], role)) if found else None


def _reported_passive(tokens: "list[Token]") -> bool:
    """What someone said was done is passive and has no subject of its own ("what drug did
    police say *had been found*"): the wh-phrase is what it was done to."""
    return any(
        _reported(v)
        and any(k.dep_ == "auxpass" for k in v.children)
        and not any(k.dep_ == "nsubjpass" for k in v.children)
        for v in predicates(tokens)
    )


def _reported(verb: "Token") -> bool:
    """The verb tells what was said, with no subject of its own ("say *founded* ISIS"); a
    verb it governs shares its subject ("say would *start working*")."""
    return (
        verb.dep_ in ("ccomp", "xcomp")
        and verb.head.lemma_.lower() in REPORTING
        and not any(k.dep_ in (*SUBJECTS, "nsubjpass") for k in verb.children)
    )


def _undergoes(phrase: "Token") -> bool:
    """The wh-phrase is what a passive verb is done to ("what principality *was founded*"):
    the object of the act, not its doer. "Who was set to take over" does the act it is set
    to."""
    verb = phrase.head
    return phrase.dep_ == "nsubjpass" and not any(k.dep_ == "xcomp" for k in verb.children)


def _bidding(tokens: "list[Token]") -> "Token | None":
    """The verb whose "to do" a question asks about ("authorized", "asked", "want" in "what
    did Maduro ask the reservists to do"), or None."""
    return next(
        (
            t.head
            for t in tokens
            if t.lemma_ == "do"
            and t.dep_ in ("xcomp", "ccomp")
            and any(k.lower_ == "to" for k in t.children)
            and t.head.pos_ in ("VERB", "ADJ")
            and t.head.lemma_.lower() not in LIGHT
        ),
        None,
    )


def _fronted(verb: "Token") -> Slot | None:
    """The slot of a wh-word the parser hung on an auxiliary: the object of the last verb of
    the chain ("authorized to *conduct*")."""
    while True:
        nxt = next((k for k in verb.children if k.dep_ == "xcomp" and k.pos_ == "VERB"), None)
        if nxt is None:
            break
        verb = nxt
    if verb.lemma_.lower() in LIGHT or any(k.dep_ in OBJECTS for k in verb.children):
        return None
    found = _slot([verb], "obj")
    return replace(found, others=_others(verb, "obj")) if found else None


def _in_situ(phrase: "Token") -> Slot | None:
    """The slot of a wh-phrase left where its answer would stand: the object of its verb
    ("used to define *what*?") or of a preposition ("known as *what*?", "depends on *what*?")."""
    head = phrase.head
    if phrase.dep_ in OBJECTS and head.lemma_.lower() not in LIGHT:
        found, verb, role = _slot([head], "obj"), head, "obj"
    elif phrase.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() not in LIGHT:
        verb, role = head.head, f"prep:{head.lower_}"
        found = _slot([verb], role)
    else:
        return None
    return replace(found, others=_others(verb, role)) if found else None


def _others(verb: "Token", role: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The question's subject or object of its predicate that is not the wh-phrase, as
    content-word stems ("did *Robert* lead" -> subj: robert)."""
    out = []
    for kid in verb.children:
        if any(t.lower_ in WH for t in kid.subtree):
            continue
        other = _logical(kid, verb)
        if other is not None and other != role:
            words = frozenset(stem(t.lower_) for t in kid.subtree if content_word(t))
            if words:
                out.append((other, words))
    return tuple(out)


def _logical(kid: "Token", verb: "Token") -> str | None:
    """Whether a child is its verb's logical subject or object (a passive's subject is its
    object, its agent its subject), else None."""
    passive = any(k.dep_ == "auxpass" for k in verb.children)
    if kid.dep_ in SUBJECTS or kid.dep_ == "agent":  # a passive's "by Venezuela" does it
        return "subj"
    if kid.dep_ == "nsubjpass" or (kid.dep_ in OBJECTS and not passive):
        return "obj"
    return None


def content_word(token: "Token") -> bool:
    """A word that says who or what: not a stop word ("US" is one, as "us"), not punctuation."""
    if token.pos_ == "PROPN":
        return True
    return not (token.is_stop or token.is_punct) and token.pos_ in ("NOUN", "ADJ", "NUM")


def referring(token: "Token") -> bool:
    """The argument points back to someone named before ("he", "his country"): it cannot
    contradict the question's."""
    return token.pos_ == "PRON" or any(
        k.dep_ == "poss" and k.pos_ == "PRON" for k in token.children
    )


def _who_is_named(tokens: "list[Token]") -> bool:
    """ "Who is <a name>?", "What is the Igla-S?", "Who is G.K. Butterfield, the lawmaker who
    ...?": the question asks what it is (what follows a comma only says which one)."""
    rest = _named_part(tokens)
    return (
        len(tokens) > 2
        and tokens[0].lower_ in ("who", "what")
        and tokens[1].lemma_ == "be"
        and bool(rest)
        and all(t.text[:1].isupper() for t in rest)
    )


def _after_setting(tokens: "list[Token]") -> "Token":
    """The question's first word after a setting it opens with ("At the forum, *did* ...")."""
    if tokens[0].dep_ == "prep":
        comma = next((t for t in tokens if t.text == ","), None)
        if comma is not None and comma.i + 1 < len(tokens):
            return tokens[comma.i + 1]
    return tokens[0]


def _named_part(tokens: "list[Token]") -> "list[Token]":
    """The words after "who is" up to the first comma, punctuation and articles left out."""
    words = []
    for token in tokens[2:]:
        if token.text == ",":
            break
        if not token.is_punct and token.dep_ != "det":
            words.append(token)
    return words


def _subject_follows(tokens: "list[Token]", aux: int) -> bool:
    """A subject comes right after the auxiliary ("did *Trump* authorize"), so the wh-phrase
    is not the subject."""
    following = tokens[aux + 1] if aux + 1 < len(tokens) else None
    return following is not None and following.pos_ in ("PROPN", "NOUN", "PRON", "DET", "ADJ")


def predicates(tokens: "list[Token]") -> "list[Token]":
    """The question's content verbs (and words the reader lexicon knows as verbs) and
    predicative adjectives, light verbs, auxiliaries and words of a name ("the *Rose* Bowl")
    left out."""
    return [
        t
        for t in tokens
        if not (t.i > 0 and t.text[:1].isupper() and t.lower_ not in WH)
        and (
            t.tag_.startswith("VB")
            or (t.pos_ == "ADJ" and t.dep_ in ("acomp", "ROOT"))
            or _verb_by_parse(t)
            or _verb_after_do(t)
            or _verb_after_doer(t)
            or (  # "thinking" tagged as a noun; "police" as a subject is who polices, and
                # "a bigger nuclear blast" is a thing
                stem(t.lower_) in word_groups("reader_verbs.tsv")
                and t.dep_ not in ("nsubj", "nsubjpass", "compound")
                and not any(k.dep_ == "amod" for k in t.children)
            )
        )
        and t.dep_ not in ("aux", "auxpass")
        and (t.lemma_.lower() not in LIGHT or particles(t))
    ]


def particles(verb: "Token") -> frozenset[str]:
    """The verb's particles ("take *over*", "give *up*")."""
    return frozenset(k.lower_ for k in verb.children if k.dep_ == "prt")


def _verb_by_parse(token: "Token") -> bool:
    """The tagger took the question's main verb for a noun ("did the group *occupy*") but
    the parse makes it one: the root, with an auxiliary or a subject."""
    return token.dep_ == "ROOT" and any(k.dep_ in ("aux", "nsubj") for k in token.children)


def _verb_after_do(token: "Token") -> bool:
    """The tagger took the question's verb for the object of its auxiliary "did" ("how much
    money did O'Malley's campaign *raise*", "did police *arrest*"): a common noun that "did"
    governs, with its subject's words and no article or adjective of its own."""
    head = token.head
    return (
        token.dep_ == "dobj"
        and token.pos_ == "NOUN"
        and head.dep_ == "ROOT"
        and head.lemma_.lower() == "do"
        and not any(k.dep_ in ("det", "amod", "nummod") for k in token.children)
    )


def _verb_after_doer(token: "Token") -> bool:
    """The tagger took the question's verb for a noun after a name that "did" governs ("when
    did Richard II *flee* to Normandy", parsed as the subject "Richard II flee"): a lowercase
    common noun right after the name, with no article or adjective of its own."""
    doc = token.doc
    at = token.i - 1
    while at > 0 and doc[at].pos_ == "PROPN":
        at -= 1
    return (
        token.pos_ == "NOUN"
        and token.text.islower()
        and at < token.i - 1
        and doc[at].lower_ in ("did", "does", "do")
        and not any(k.dep_ in ("det", "amod", "nummod", "poss") for k in token.children)
        and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "VERB")  # "Tulsa police say"
    )


def _slot(tokens: "list[Token]", role: str) -> Slot | None:
    if role == "title":  # a name, not a predicate: no synonyms
        return Slot(frozenset(stem(t.lower_) for t in tokens), role) if tokens else None
    words = {w for t in tokens for w in forms(t.lemma_.lower()) | forms(t.lower_)}
    negated = any(denied(t) for t in tokens)
    phrasal = frozenset(p for t in tokens if t.lemma_.lower() in LIGHT for p in particles(t))
    return Slot(frozenset(words), role, negated=negated, particles=phrasal) if words else None


def denied(token: "Token") -> bool:
    """The predicate is negated ("cannot be solved", "does not help", "never signed")."""
    return any(k.dep_ == "neg" for k in token.children)


@lru_cache(maxsize=4096)
def forms(word: str) -> frozenset[str]:
    """The stems that stand for a word: its own and those of its reader synonyms."""
    return frozenset(stem(w) for w in synonyms(word)) | {stem(word)}


def synonyms(word: str) -> frozenset[str]:
    """The words a reader uses for this one (lexicons/reader_verbs.tsv), itself not included."""
    return word_groups("reader_verbs.tsv").get(stem(word), frozenset()) - {word}


def matches(token: "Token", words: frozenset[str]) -> bool:
    """The token is one of the slot's predicate words, in any form ("exporter" for "export")."""
    own = {stem(token.lower_), stem(token.lemma_.lower())}
    return bool(own & words) or any(matches_root(token.lower_, w) for w in words)


def mentions(slot: Slot, text: str) -> bool:
    """The text holds one of the slot's predicate words in some form: worth parsing."""
    return says_any(slot.words, text)


def says_any(words: frozenset[str], text: str) -> bool:
    """The text holds one of these stems in some form ("exporter" for "export")."""
    roots = {w[:SAME_ROOT] for w in words if len(w) >= SAME_ROOT}
    return any(
        w in words or w.removesuffix("s") in words or w[:SAME_ROOT] in roots for w in words_of(text)
    )


def matches_root(word: str, other: str) -> bool:
    """Two words of one root: the first SAME_ROOT letters agree ("export", "exporter")."""
    return (
        len(word) >= SAME_ROOT and len(other) >= SAME_ROOT and word[:SAME_ROOT] == other[:SAME_ROOT]
    )


def arguments(slot: Slot, sentence: "Doc | Span") -> Iterator[tuple[int, int]]:
    """Character spans (sentence offsets, end exclusive) of what fills the slot beside each
    of the sentence's predicate words."""
    if slot.role == "title":
        yield from titles(slot, sentence)
        return
    if slot.role == "deed":
        yield from deeds(slot, sentence)
        return
    for token in sentence:
        if token.is_punct or not matches(token, slot.words) or not agrees(slot, token):
            continue
        light = slot.particles and token.lemma_.lower() in LIGHT
        if light and not slot.particles & particles(token):
            continue  # "took the stage" does not say "take over"
        for head in fillers(token, slot.role):
            span = extent(head, "clause" if slot.role == "to-do" else slot.role, token)
            if span is not None:
                yield span


#: verbs that say what someone calls a thing, beyond the reader lexicon's group of
#: "describe" ("calling the behavior *a fireable offense*", "dismissing it *as a hoax*")
CHARACTERIZING = frozenset(
    [
        *("characterise", "term", "dismiss", "condemn", "decry", "hail", "slam", "criticize"),
        *("criticise", "praise", "portray", "cast", "see", "view", "regard"),
    ]
)
#: verbs that liken one thing to another ("compared the school to a used car lot")
LIKENING = frozenset(stem(w) for w in ("compare", "liken", "equate"))


def characterizations(sentence: "Doc | Span") -> Iterator[tuple[int, int]]:
    """Character spans (sentence offsets) of what the sentence calls something: the
    complement of "call X Y", the object of "as" in "describe X as Y" (on the verb or, as
    the parser may hang it, on X)."""
    calling = forms("describe") | {stem(w) for w in CHARACTERIZING}
    for token in sentence:
        if stem(token.lemma_.lower()) not in calling:
            continue
        called = [token, *(k for k in token.children if k.dep_ in OBJECTS)]  # "as" on either
        kids = [k for k in token.children if k.dep_ == "oprd"]
        kids += [g for t in called for k in t.children if k.lower_ == "as" for g in k.children]
        for head in (k for k in kids if k.dep_ in ("oprd", "pobj")):
            span = extent(head, "obj", token)
            if span is not None:
                yield span


def described_thing(question: "Doc | Span") -> frozenset[str]:
    """The stems of what a "how did X describe Y" question asks about (Y: "Donald Trump's
    candidacy"), from the object of its verb of describing; empty when it has none."""
    calling = forms("describe") | {stem(w) for w in CHARACTERIZING}
    for token in question:
        if stem(token.lemma_.lower()) in calling:
            objects = [k for k in token.children if k.dep_ == "dobj"]
            return frozenset(stem(t.lower_) for o in objects for t in o.subtree if content_word(t))
    return frozenset()


def copular_characterizations(
    described: frozenset[str], sentence: "Doc | Span"
) -> Iterator[tuple[int, int]]:
    """Character spans of what the sentence says the described thing is: the complement of
    a copula whose subject names it ("Trump's candidacy *is a cancer on conservatism*",
    "Clinton was ... *the most gifted politician*")."""
    if not described:
        return
    for token in sentence:
        if token.dep_ not in ("attr", "acomp"):
            continue
        copula = token.head
        subjects = [k for k in copula.children if k.dep_ == "nsubj"]
        if not subjects and copula.dep_ == "conj":  # "was and perhaps still is the most ..."
            subjects = [k for k in copula.head.children if k.dep_ == "nsubj"]
        named = {stem(t.lower_) for s in subjects for t in s.subtree if content_word(t)}
        if named & described:
            span = extent(token, "obj", copula)
            if span is not None:
                yield span


def likenings(sentence: "Doc | Span") -> Iterator[tuple[int, int]]:
    """Character spans of what the sentence likens something to: the object of "like" after
    a copula ("was *like a used car dealership*") or of "to" / "with" after "compared",
    "likened" or "equated"."""
    for token in sentence:
        if token.lower_ == "like" and token.dep_ == "prep" and token.head.lemma_ == "be":
            heads = [k for k in token.children if k.dep_ == "pobj"]
        elif stem(token.lemma_.lower()) in LIKENING:
            heads = [
                g
                for k in token.children
                if k.lower_ in ("to", "with")
                for g in k.children
                if g.dep_ == "pobj"
            ]
        else:
            continue
        for head in heads:
            span = extent(head, "obj", token)
            if span is not None:
                yield span


def deeds(slot: Slot, sentence: "Doc | Span") -> Iterator[tuple[int, int]]:
    """What the sentence says the doer of a "what is X doing" question does: each verb
    phrase whose subject names it (in a reader's word too: the slot holds them), less the
    subject ("The US *has deployed 4,500 Marines*", "legislation *which would revoke* ..."
    for what the bill would do)."""
    for token in sentence:
        if token.pos_ != "VERB" or token.dep_ in ("aux", "auxpass"):
            continue
        subjects = [k for k in token.children if k.dep_ in (*SUBJECTS, "nsubjpass")]
        if token.dep_ == "relcl" and any(k.tag_ in ("WDT", "WP") for k in subjects):
            subjects = [token.head]  # "legislation which would revoke": the legislation
        if any(slot.words & {_bare(t) for t in _own_words(k)} for k in subjects):
            span = extent(token, "clause", token)
            if span is not None:
                yield span


def _own_words(noun: "Token") -> "list[Token]":
    """A noun's words without the clauses that describe it."""
    clauses = [t for k in noun.children if k.dep_ == "relcl" for t in k.subtree]
    return [t for t in noun.subtree if t not in clauses]


def _bare(token: "Token") -> str:
    """A word's stem without dots ("U.S.": "us")."""
    return stem(token.lower_.replace(".", ""))


def titles(slot: Slot, sentence: "Doc | Span") -> Iterator[tuple[int, int]]:
    """What the sentence calls the person the question names: the words right before the
    name ("*Venezuelan President* Nicolás Maduro", "*Tory co-chairman* Liam Fox") or its
    apposition ("Liam Fox, *Tory co-chairman*,"), forms of address left out."""
    for token in sentence:
        if not named(token) or stem(token.lower_) not in slot.words:
            continue
        head = token
        while head.dep_ in ("compound", "flat") and named(head.head):
            head = head.head
        for words in (before_name(head), apposed_words(head), _defined(head)):
            while words and (
                words[-1].lower_.rstrip(".") in HONORIFICS
                or (words[-1].is_punct and words[-1].text != ")")
            ):
                words = words[:-1]
            if any(t.pos_ in ("NOUN", "PROPN") for t in words) and not _abbreviated(words):
                yield _closed(token.doc.text, words[0].idx, words[-1].idx + len(words[-1]))


def _abbreviated(words: "list[Token]") -> bool:
    """A lone short form ("Rep.", "Gov."): it says less than the apposition that follows."""
    return len(words) == 1 and words[0].text.endswith(".") and len(words[0].text) <= 5


def before_name(head: "Token") -> "list[Token]":
    """The nouns and adjectives right before the name (hyphens kept), at most TITLE_SPAN."""
    doc, start = head.doc, name_start(head)
    words: list[Token] = []
    at = start - 1
    while at >= 0 and len(words) < TITLE_SPAN:
        word = doc[at]
        if word.ent_type_ == "PERSON" or not (
            word.pos_ in ("NOUN", "PROPN", "ADJ") or word.text == "-"
        ):
            break
        words.insert(0, word)
        at -= 1
    while words and words[0].text == "-":
        words = words[1:]
    return words


def _defined(head: "Token") -> "list[Token]":
    """What a copula says the name is: "The Igla-S *is a short-range system*", "the Igla-S
    missiles, which *are shoulder-fired systems*"."""
    verbs = [head.head] if head.dep_ == "nsubj" and head.head.lemma_ == "be" else []
    verbs += [k for k in head.children if k.dep_ == "relcl" and k.lemma_ == "be"]
    if head.dep_ == "compound" and head.head.pos_ == "NOUN":  # "the Igla-S missiles, which are"
        verbs += [k for k in head.head.children if k.dep_ == "relcl" and k.lemma_ == "be"]
    attrs = [k for v in verbs for k in v.children if k.dep_ in ("attr", "acomp")]
    if not attrs:
        return []
    words = sorted(attrs[0].subtree, key=lambda t: t.i)
    while words and words[0].dep_ == "det":
        words = words[1:]
    return words[:LONGEST]


def apposed_words(head: "Token") -> "list[Token]":
    """The apposition after the name, between its commas (not a bracketed party and state:
    "Rep. G.K. Butterfield (D-N.C.), *head of the Congressional Black Caucus*")."""
    kids = [t for k in head.children if k.dep_ == "appos" and not _bracketed(k) for t in k.subtree]
    kids = sorted((t for t in kids if not t.is_punct or t.text == "-"), key=lambda t: t.i)
    return kids[:LONGEST]


def _bracketed(token: "Token") -> bool:
    """The phrase opens with a bracket: an aside, not what the name is."""
    first = token.left_edge
    return first.text == "(" or (first.i > 0 and token.doc[first.i - 1].text == "(")


def name_start(head: "Token") -> int:
    """Where the person's name begins: its entity's first word ("Nicolás" of "Venezuelan
    President Nicolás Maduro"), else the run of proper nouns before the head."""
    if head.ent_type_ == "PERSON":
        start = head.i
        while (
            start > 0
            and head.doc[start - 1].ent_type_ == "PERSON"
            and head.doc[start].ent_iob_ != "B"
        ):
            start -= 1
        return start
    start = head.i
    while (
        start > 0
        and head.doc[start - 1].pos_ == "PROPN"
        and head.doc[start - 1].lower_ not in TITLE_WORDS
    ):
        start -= 1
    return start


def _objectless(token: "Token") -> bool:
    """A verb of a main clause used with no object nor anything in its place ("the
    interrogations had *led* nowhere"): it says another sense than the question's "led the
    inquiry". A verb whose object stands elsewhere (a relative clause, a shared conjunct, a
    passive) does not count."""
    if token.pos_ != "VERB" or token.dep_ in ELSEWHERE_OBJECT:
        return False
    return not any(k.dep_ in OBJECT_LIKE for k in token.children)


def agrees(slot: Slot, token: "Token") -> bool:
    """The sentence's predicate does not contradict the question's: both or neither are
    negated, and a subject or object it gives shares a word with the question's, or is a
    pronoun ("Bohemond led" does not answer "who did *Robert* lead")."""
    if denied(token) != slot.negated:
        return False
    for role, words in slot.others:
        given = fillers(token, role)
        if not given and role == "obj" and _objectless(token):
            return False  # "the interrogations had led nowhere": no one led the inquiry
        if not given:
            continue
        said = {stem(t.lower_) for g in given for t in g.subtree if content_word(t)}
        pronoun = all(referring(g) for g in given)
        if not pronoun and said and not said & words:
            return False
    return True


#: verbs whose clause is only intended, not done ("offered to withdraw", "vowed to strike")
INTENDED = frozenset(
    [
        *("offer", "propose", "plan", "promise", "threaten", "hope", "want"),
        *("vow", "pledge", "intend", "consider", "weigh", "aim", "prepare"),
    ]
)
#: where a verb's object may stand outside its own children
ELSEWHERE_OBJECT = frozenset(["acl", "relcl", "amod", "xcomp", "conj", "advcl", "pcomp"])
#: children that give a verb its object, or something in its place
OBJECT_LIKE = frozenset(
    ["dobj", "nsubjpass", "auxpass", "ccomp", "xcomp", "prep", "dative", "attr", "oprd"]
)
#: the prepositions after a noun for an act that name what the act is done to
TARGETING = frozenset({"against", "on", "of"})
#: a clause opened by a word that says what is supposed, not what happened, up to here
CONDITION = re.compile(r"\b(?:if|unless|whether)\b[^,.;:—]*$", re.I)


def act_forms(acts: tuple[str, ...]) -> frozenset[str]:
    """The stems that stand for the question's acts and the reader's words for them."""
    return frozenset(w for a in acts for w in forms(a))


def supposed(acts: tuple[str, ...], sentence: "Doc | Span") -> bool:
    """The sentence says the question's act only as a condition ("if Trump picked him as
    his running mate, ...") or an intent ("offering to withdraw"): it does not say that it
    happened. A word of the act that only modifies a noun ("running mate") does not count."""
    words = act_forms(acts)
    told = [
        t
        for t in sentence
        if {stem(t.lower_), stem(t.lemma_.lower())} & words and t.dep_ not in ("compound", "amod")
    ]
    text, start = sentence.text, sentence[0].idx if len(sentence) else 0
    intent_asked = any(a in INTENDED for a in acts)  # "what does she want to spend": promised
    return bool(told) and all(
        CONDITION.search(text[: t.idx - start]) or (prospective(t) and not intent_asked)
        for t in told
    )


def prospective(token: "Token") -> bool:
    """The act is only offered, planned or promised ("offering *to withdraw* troops"): a
    verb of intent governs it."""
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in INTENDED


def purposes(acts: tuple[str, ...], sentence: "Doc | Span") -> Iterator[tuple[int, int]]:
    """Character spans (sentence offsets) of what the sentence says a predicate of the question
    was done for ("lifted the deadline *to give the relatives a chance to fight in court*",
    "was chosen *to honor Truman's announcement*"): an infinitive of purpose beside it. An
    active verb's infinitive says what was done, not why ("decided to lift"), and a passive
    infinitive what followed ("resign after the convention, *to be replaced by* Brazile"):
    both are left. A passive verb's "for" gives what it was done for ("were dropped *for poor
    poll ratings*"), unless that is a price or a while ("built for $40 million")."""
    words = act_forms(acts)
    start = sentence[0].idx if len(sentence) else 0
    for token in sentence:
        if token.is_punct or not matches(token, words):
            continue
        passive = any(k.dep_ in ("auxpass", "nsubjpass") for k in token.children)
        if passive:
            for held in _done_for(token):
                yield held.left_edge.idx - start, held.right_edge.idx + len(held.right_edge) - start
        for kid in token.rights:
            to = kid.left_edge
            suffered = any(k.dep_ == "auxpass" for k in kid.children)  # "to be replaced by"
            purpose = kid.dep_ == "advcl" or (kid.dep_ == "xcomp" and passive)
            if purpose and to.lower_ == "to" and not suffered:
                last = kid.right_edge
                yield to.idx - start, last.idx + len(last) - start


def _done_for(verb: "Token") -> "list[Token]":
    """What the preposition "for" beside a verb holds, when it is neither a count nor a time;
    also where the parser hung it on the verb's last phrase ("dropped from the stage for")."""
    beside = [k for k in verb.rights if k.dep_ == "prep"]
    last = [o for p in beside[-1:] for o in p.children if o.dep_ == "pobj"]
    preps = (k for k in (*beside, *(k for o in last for k in o.rights)) if k.lower_ == "for")
    held = [o for p in preps for o in p.children if o.dep_ in ("pobj", "pcomp")]
    return [o for o in held if not any(t.like_num or t.ent_type_ in MEASURES for t in o.subtree)]


def _prepositional(token: "Token", prep: str) -> "list[Token]":
    """What the preposition `prep` beside the predicate holds; for a charging verb with none,
    the clause it says the charge in ("alleging *they were trafficking*" for "accused of")."""
    alike = {prep} | (
        PARTNERED if token.lemma_.lower() in CONFERRING and prep in PARTNERED else set()
    )
    preps = [k for k in token.children if k.dep_ == "prep" and k.lower_ in alike]
    if not preps:  # "strikes on boats *off the Caribbean coast*": on what it is done to
        done_to = [
            o
            for k in token.children
            if k.dep_ in OBJECTS or (k.dep_ == "prep" and k.lower_ in TARGETING)
            for o in ([k] if k.dep_ in OBJECTS else k.children)
            if o.dep_ in (*OBJECTS, "pobj")
        ]
        preps = [k for o in done_to for k in o.children if k.dep_ == "prep" and k.lower_ == prep]
    held = [o for p in preps for o in p.children if o.dep_ in ("pobj", "pcomp")]
    if not held and prep in ("of", "for") and token.lemma_.lower() in CHARGING:
        held = [k for k in token.children if k.dep_ == "ccomp"]
    return held


def fillers(token: "Token", role: str) -> "list[Token]":
    """The tokens that head the argument in `role` of the predicate `token`."""
    kids = list(token.children)
    passive = any(k.dep_ in ("auxpass", "nsubjpass") for k in kids)
    if role == "subj":
        return _agents(token, kids, passive)
    if role == "obj" and token.pos_ == "NOUN":  # "strikes *against* camps", "attack *on* X"
        preps = [k for k in kids if k.dep_ == "prep" and k.lower_ in TARGETING]
        return [o for p in preps for o in p.children if o.dep_ == "pobj"]
    if role == "obj":
        wanted = ("nsubjpass",) if passive else OBJECTS
        return [k for k in kids if k.dep_ in wanted]
    if role.startswith("prep:"):
        return _prepositional(token, role[5:])
    if role == "where":  # the place a preposition names: "in *the city of Deabolis*"
        preps = [k for k in kids if k.dep_ == "prep" and k.lower_ in PLACE_PREPS]
        places = (o for p in preps for o in p.children if o.dep_ == "pobj")
        return [o for o in places if o.ent_type_ not in ("DATE", "TIME")]  # not "on Monday"
    if role == "how":
        return [k for k in kids if k.dep_ == "prep" and k.lower_ in MEANS_PREPS]
    if role == "to-do":  # "authorized the CIA *to conduct* covert action"
        clauses = (k for k in kids if k.dep_ in ("xcomp", "ccomp") and k.pos_ in ("VERB", "AUX"))
        return [k for k in clauses if any(t.lower_ == "to" for t in k.children)]
    if token.pos_ not in ("VERB", "ADJ", "NOUN"):
        return []
    while token.dep_ in ("xcomp", "ccomp") and token.head.pos_ == "VERB":
        token = token.head  # "deny that they conspired": the denial answers
    return [token]


def _agents(token: "Token", kids: "list[Token]", passive: bool) -> "list[Token]":
    """Who does what the predicate says: its subject, the "by" of a passive, the name a noun
    for the doer stands beside ("exporter Rosoboronexport"), or what a "-made" adjective
    names ("Russian-made")."""
    if token.pos_ in ("NOUN", "PROPN"):
        if token.dep_ in ("compound", "amod", "appos") and named(token.head):
            return [token.head]
        return [k for k in kids if k.dep_ == "appos" and named(k)]
    if passive:
        return [o for k in kids if k.dep_ == "agent" for o in k.children if o.dep_ == "pobj"]
    found = [k for k in kids if k.dep_ in SUBJECTS]
    if found:
        return found
    if token.dep_ == "xcomp":  # "Penske Auto (was) selected to buy": the controller's subject
        controllers = list(token.head.children)  # "urged followers to carry out": its object
        objects = [k for k in controllers if k.dep_ == "dobj"]
        return objects or [k for k in controllers if k.dep_ in (*SUBJECTS, "nsubjpass")]
    if token.dep_ == "pcomp" and token.head.lower_ in BLAMED_FOR:
        return _blamed(token.head.head)
    return [k for k in kids if k.dep_ in ("npadvmod", "compound") and k.i < token.i]


def _blamed(verb: "Token") -> "list[Token]":
    """Whom a verb blames or thanks for a deed ("lashed out *at Turkey* for having shot down",
    "accused *Turkey* of shooting down"): its object, or the object of its "at"; the object
    itself when the parser hangs the deed on it."""
    if verb.dep_ == "dobj":
        return [verb]
    kids = list(verb.children)
    objects = [k for k in kids if k.dep_ == "dobj"]
    at = (o for k in kids if k.dep_ == "prep" and k.lower_ == "at" for o in k.children)
    return objects or [o for o in at if o.dep_ == "pobj"]


def leading(token: "Token") -> bool:
    """A word an answer does not open with: an article, a conjunction, an auxiliary; not a
    determiner that denies ("*no* plans to attend")."""
    return token.dep_ in ("det", "cc", "aux") and token.lower_ not in ("no", "neither")


def named(token: "Token") -> bool:
    """A name, even one the tagger takes for a common noun ("Rosoboronexport")."""
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.text[:1].isupper())


def extent(head: "Token", role: str, predicate: "Token") -> tuple[int, int] | None:
    """The argument's words: its subtree less the predicate's own words ("Russian exporter"
    of "Russian exporter Rosoboronexport"), without what only describes it further when that
    runs long, trimmed of determiners, punctuation and pronouns at its edges."""
    own = (
        {t.i for t in predicate.subtree}
        if role != "clause" and head.is_ancestor(predicate)
        else set()
    )
    if own and predicate.dep_ == "pcomp":  # "Colombian forces (of shooting down)"
        own.add(predicate.head.i)
    words = [t for t in sorted(head.subtree, key=lambda t: t.i) if t.i not in own]
    if role == "clause":
        subject = {
            t.i
            for k in head.children
            if k.dep_ in SUBJECTS | {"nsubjpass", "aux", "auxpass"}
            for t in k.subtree
        }
        words = [t for t in words if t.i not in subject]
    # "proposing that a coalition put in place a no-fly zone": a clause the parser took for
    # a noun ("coalition") and its description ("put ...")
    clausal = role == "clause" or any(k.dep_ == "mark" for k in head.children)
    if not clausal and role != "how":  # "Odo, the Bishop of Bayeux, ...": Odo
        aside = {t.i for k in head.children if _aside(k) for t in k.subtree}
        words = [t for t in words if t.i not in aside]
    longest = LONGEST_CLAUSE if clausal else LONGEST
    if clausal and len(words) > longest:  # "..., an approach several candidates embraced"
        comma = next((n for n, t in enumerate(words) if t.text == "," and t.i > head.i), None)
        words = words[:comma]
    if len(words) > longest:
        cut = {t.i for k in head.children if k.dep_ in DESCRIBING for t in k.subtree}
        words = [t for t in words if t.i not in cut][:longest]
    words = unbroken(words, head)
    while words and (words[0].is_punct or leading(words[0])):
        words = words[1:]
    while words and (words[-1].is_space or (words[-1].is_punct and words[-1].text != ")")):
        words = words[:-1]
    if not words or (
        len(words) == 1 and words[0].pos_ == "PRON" and not WHO_PRONOUN.match(words[0].text)
    ):
        return None
    return _closed(head.doc.text, words[0].idx, words[-1].idx + len(words[-1]))


def _aside(kid: "Token") -> bool:
    """The child only describes its head further: a relative clause, an apposition to a name
    ("Odo, *the Bishop of Bayeux*"; not the name set beside "Jean's nephew")."""
    return kid.dep_ in ASIDES and (kid.dep_ != "appos" or named(kid.head))


def _closed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span, a bracket it opens closed when the close follows soon ("(similar to US
    Stingers)", not "(similar")."""
    if text[start:end].count("(") > text[start:end].count(")"):
        close = text.find(")", end)
        end = close + 1 if close != -1 and close - end < CLOSE_WITHIN else end
    return start, end


def unbroken(words: "list[Token]", head: "Token") -> "list[Token]":
    """The unbroken run of words around the head (what was taken out leaves a gap)."""
    at = next((n for n, t in enumerate(words) if t.i == head.i), None)
    if at is None:
        return words
    first, last = at, at
    while first > 0 and words[first - 1].i == words[first].i - 1:
        first -= 1
    while last + 1 < len(words) and words[last + 1].i == words[last].i + 1:
        last += 1
    return words[first : last + 1]
