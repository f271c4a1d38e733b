"""Which act a figure or a time of a sentence is told of. A figure's outcome: "killing 40 people
while wounding at least 1,000" gives 40 for "how many were killed", 1,000 for "how many were
wounded". A figure counts the verb right after it ("over 1,000 injured", "100 people have died")
or else the nearest verb above it in the parse ("killed 258 people, including 12 Americans").
Only outcomes news counts side by side are told apart (`lexicons/counted_acts.tsv`): other verbs
are paraphrased too freely ("prefer" and "support" in a poll) for a mismatch to say anything. A
time dates the act of its clause: "It began Jan. 30, when the campaign challenged her to debate
on April 14" dates the challenge Jan. 30 and the debate April 14. And an act is someone's: when
a question names who did it, a sentence telling only another person doing it does not answer
("Ethelred fled to Normandy in 1013" for when Richard II fled)."""

from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from crisisdesk import vectors
from crisisdesk.analyze.components.quantity_lexicon import CHANGE_VERBS
from crisisdesk.analyze.lexicon import read_words
from crisisdesk.ask.align import act_forms, arguments, denied
from crisisdesk.ask.question import HONORIFICS, Question
from crisisdesk.ask.verdict import SAYING
from crisisdesk.ask.words import found, stem, word_groups, words_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: verbs whose time is when something was told or promised, not when it was done ("Sanders
#: *promised Monday* to act within 100 days")
REPORTING = SAYING | frozenset(["promise", "pledge", "vow", "warn", "predict", "report", "write"])
#: words between a figure's noun and its verb ("100 people *have* died")
AUXILIARIES = frozenset(["have", "has", "had", "were", "was", "been", "be", "are", "is", "being"])
#: verbs that only list what a figure holds ("including 12 Americans")
LISTING = frozenset(["include", "including"])
#: how many heads up the parse a figure's verb may be
STEPS = 5
OUTCOMES = "counted_acts.tsv"
#: the fit of a figure of another outcome than the question's, and of one that says none
OTHER = 0.3
UNSAID = 0.6
#: the fit of a time of another act, told inside the clause of the question's act
OTHER_ACT = 0.5

#: the fit of a figure of someone the question does not name ("Florida's 99 delegates")
OTHER_OWNER = 0.5
#: the fit of a change of something the question does not name ("the currency has *lost* 26
#: percent" for how much the stock market dropped)
OTHER_CHANGED = 0.5
#: word-vector cosine from which a noun of the question names the changed thing ("stock"
#: and "shares" 0.54; "currency" and "market" 0.15)
CLOSE_THING = 0.35
#: the fit of an answer from a sentence whose every telling of the act is someone else's
#: ("Ethelred fled to Normandy in 1013" for when Richard II fled)
OTHER_DOER = 0.5
#: kinds of question that a sentence saying the opposite of its act still answers: "did X do
#: it" (no) and "why" (reasons told in their own words)
ANSWERED_OPPOSITE = frozenset({"yesno", "reason"})
#: light verbs whose object carries the act ("have a tradition", "make an offer")
CARRIERS = frozenset(["have", "make", "take", "give", "get", "hold"])
#: nouns that ask what kind of thing ("what *kind* of arsenals"): the thing is their object
KINDS = frozenset(["kind", "type", "sort", "form"])
#: lowercase words a name may hold ("Duke *of* Normandy", "Leonardo *da* Vinci")
NAME_LINKS = frozenset(
    ["of", "the", "de", "da", "del", "di", "von", "van", "al", "bin", "la", "le"]
)
#: slots whose filler is no party to the act, and acts done together, for `reversed_roles`
UNREVERSED = frozenset({"title", "deed", "clause", "described", "where"})
MUTUAL = frozenset(
    ["meet", "talk", "speak", "negotiate", "marry", "fight", "clash", "ally", "trade", "debate"]
)
#: words of a name that two persons' names share: regnal numbers ("Harold II", "William II"),
#: ranks and forms of address
UNNAMING = HONORIFICS | frozenset(
    [
        *("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "jr", "sr"),
        *("king", "queen", "prince", "princess", "duke", "pope", "president", "senator"),
    ]
)


def outcome_fit(doc: "Doc", start: int, end: int, acts: tuple[str, ...]) -> float:
    """How well the last figure in [start, end) (character offsets in `doc`) counts the
    question's outcome: 1 when it says so ("14 people dead" for "how many were killed"),
    `OTHER` when it counts another ("wounding at least 1,000"), `UNSAID` when it says none
    ("at least 20 victims"); the noun it counts says one too ("suffered 39 *deaths*"); 1
    when the question asks for no outcome or the figure counts one of its acts."""
    asked = {o for a in acts if (o := outcome(a))}
    figures = [t for t in doc if start <= t.idx < end and t.like_num]
    if not asked or not figures:
        return 1.0
    act = following_act(figures[-1]) or governing_verb(figures[-1])
    if act is not None and {stem(act.lower_), stem(act.lemma_.lower())} & act_forms(acts):
        return 1.0  # "500 people attended" for how many attended (a year after he was killed)
    counted = noun_outcome(figures[-1]) or (
        act is not None and (outcome(act.lower_) or outcome(act.lemma_.lower()))
    )
    if not counted:
        return UNSAID
    return 1.0 if counted in asked else OTHER


def noun_outcome(figure: "Token") -> frozenset[str] | None:
    """The outcome the noun a figure counts says ("suffered 39 *deaths*"), if any."""
    noun = figure.head if figure.dep_ == "nummod" else None
    return None if noun is None else outcome(noun.lower_) or outcome(noun.lemma_.lower())


def act_figure_fit(doc: "Doc", start: int, end: int, acts: tuple[str, ...]) -> float:
    """How well the last figure in [start, end) counts what the question's act did:
    `OTHER_ACT` when the sentence tells the act and the figure's verb is beside it or in a
    clause describing one of its nouns ("Walker, who *charges* $20,000 a speech, has *lost*
    close to $100,000" for how much he lost); 1 otherwise, and when the act is an outcome
    (`outcome_fit` judges those: "the attack that *left* 14 people dead")."""
    if any(outcome(a) for a in acts):
        return 1.0
    words = act_forms(acts)
    told = [t for t in doc if {stem(t.lower_), stem(t.lemma_.lower())} & words and verb(t)]
    figures = [t for t in doc if start <= t.idx < end and t.like_num]
    own = governing_verb(figures[-1]) if figures else None
    if not told or own is None or own in told:
        return 1.0
    if any(own.is_ancestor(t) or (t.is_ancestor(own) and not _described(own, t)) for t in told):
        return 1.0
    return OTHER_ACT


def changed_fit(question: "Doc", doc: "Doc", start: int, end: int) -> float:
    """`OTHER_CHANGED` when the question asks for a change and the last figure in [start, end)
    is the change of a thing none of its nouns names ("how much did the value of the stock
    market *drop*": "the currency has *lost* 26 percent of its value"); 1 otherwise. The
    question's own subject is not sought: its parse often takes the verb for a noun. A noun
    whose word vector is close to the thing's names it ("shares" for "stock")."""
    changes = change_verbs()
    asks = any(t.lemma_.lower() in changes for t in question)
    named = {stem(t.lemma_.lower()) for t in question if t.pos_ == "NOUN"} if asks else set()
    figures = [t for t in doc if start <= t.idx < end and t.like_num]
    own = governing_verb(figures[-1]) if figures else None
    if not named or own is None or own.lemma_.lower() not in changes:
        return 1.0
    if any(k.dep_ == "dobj" and not k.is_ancestor(figures[-1]) for k in own.children):
        return 1.0  # "the firm raised prices 5%": the subject made the change, it is not it
    told = _subject(own)
    if told is None or told.pos_ != "NOUN" or stem(told.lemma_.lower()) in named:
        return 1.0
    nouns = [w for t in question if t.pos_ == "NOUN" for w in (t.lower_, t.lemma_.lower())]
    close = vectors.embed(nouns) @ vectors.embed([told.lower_])[0]
    return 1.0 if float(close.max()) >= CLOSE_THING else OTHER_CHANGED


@cache
def change_verbs() -> frozenset[str]:
    """The lemmas of verbs of change ("rose", "lost"), from the quantity lexicon."""
    return frozenset(read_words(CHANGE_VERBS))


def _described(token: "Token", above: "Token") -> bool:
    """The token is in a relative clause that describes a noun below `above` ("Walker, *who
    charges* ..."); participles ("refugees *accepted* to 85,000") are too often misattached."""
    while token != above:
        if token.dep_ == "relcl":
            return True
        token = token.head
    return False


def owner_fit(doc: "Doc", start: int, end: int, question: str) -> float:
    """How well the last figure in [start, end) is of whom the question asks: `OTHER_OWNER`
    when its noun belongs to a name the question does not say ("Florida's 99 delegates" for
    how many delegates Trump has), 1 otherwise."""
    figures = [t for t in doc if start <= t.idx < end and t.like_num]
    noun = figures[-1].head if figures and figures[-1].dep_ == "nummod" else None
    owners = [k for k in noun.children if k.dep_ == "poss"] if noun is not None else []
    asked = words_of(question)
    unasked = [o for o in owners if o.pos_ == "PROPN" and not found(o.lower_, asked)]
    return OTHER_OWNER if unasked else 1.0


def act_time_fit(
    doc: "Doc", start: int, end: int, acts: tuple[str, ...], *, telling: bool = False
) -> float:
    """How well the time in [start, end) (character offsets in `doc`) dates the question's
    act: `OTHER_ACT` when it dates another verb, inside the act's clause ("to debate on
    April 14" for when the challenge was made) or beside it ("who later became king, emerged
    ... after the French attacked in 1672"), reporting it ("officials said Wednesday") or
    above an act told as done before it ("lashed out on Thursday at Turkey for *having shot
    down* a bomber"), 1 otherwise (its own verb, one above it, a time the act's clause
    describes: "Jan. 30, when ... challenged"). A time of a claim in a sentence that does
    not tell the act dates the claim ("Maduro claimed on Wednesday that ..."), unless the
    question asks when something was told (`telling`)."""
    words = act_forms(acts)
    told = [
        t
        for t in doc
        if {stem(t.lower_), stem(t.lemma_.lower())} & words and t.dep_ not in ("compound", "amod")
    ]
    time = doc.char_span(start, end, alignment_mode="expand")
    if time is None:
        return 1.0
    if not told:  # "Maduro claimed on Wednesday" for when Russia delivered: the claim's time
        own = governing_verb(time.root)
        said = own is not None and own.lemma_.lower() in REPORTING
        return OTHER_ACT if said and not telling else 1.0
    if any(time.root == t or time.root.is_ancestor(t) for t in told):
        return 1.0
    own = governing_verb(time.root)
    if own is None or own in told:
        return 1.0
    above = any(own.is_ancestor(t) for t in told)
    reporting = own.lemma_.lower() in REPORTING  # "officials said Wednesday": when told
    earlier = all(any(k.lower_ == "having" for k in t.children) for t in told)
    return OTHER_ACT if not above or reporting or earlier else 1.0


def doer_fit(question: "Doc", doc: "Doc", acts: tuple[str, ...]) -> float:
    """`OTHER_DOER` when the question names the person who does one of its acts and every verb
    of the sentence that tells that act has another person as its subject ("When did Richard
    II flee": "Ethelred fled to Normandy in 1013"); 1 when one is done by that person, by a
    pronoun, a description ("the king") or nobody said, or the question names no doer."""
    for act in _acting(question, acts, asked=True):
        asked = _asked_doer(act)
        told = [_subject(t) for t in _acting(doc, (act.lemma_.lower(), act.lower_))]
        if asked and told and all(_person(s) and not _person(s) & asked for s in told):
            return OTHER_DOER
    return 1.0


#: verbs whose negated complement says what someone was warned or told against
WARNING = frozenset(["warn", "urge", "tell", "ask", "caution", "order", "advise", "beg"])


def denied_act(question: "Doc", doc: "Doc", acts: tuple[str, ...]) -> bool:
    """The sentence says the opposite of an act the question names: each of its verbs that
    tells the act is negated where the question's is not ("Petro did not send troops" for
    how many troops Petro sent), or none is where the question's is ("a model that is
    allowed to branch out" for the model that is not allowed to)."""
    for act in _acting(question, acts, asked=True):
        if denied(act) and act.head.lemma_.lower() in WARNING:
            continue  # "warn China *not to reclaim* land": what was warned against, not denied
        told = [denied(t) for t in _acting(doc, (act.lemma_.lower(), act.lower_))]
        if told and (all(told) if not denied(act) else not any(told)):
            return True
    for act, thing in _light(question):  # "did the Normans have a rich tradition"
        told = [denied(t) for t, owned in _light(doc) if t.lemma_ == act.lemma_ and owned == thing]
        if told and (all(told) if not denied(act) else not any(told)):
            return True
    return False


def reversed_roles(question: Question, doc: "Doc") -> bool:
    """The sentence gives the slot the question asks to fill to someone the question names:
    it tells the relation the other way round ("Rollo swore fealty to *King Charles*" for
    whom King Charles swore fealty to). Only for a slot of one of the question's own verbs,
    not a reader's synonym of it, and not for acts two sides do together ("met with")."""
    slot = question.slot
    own = slot.words & frozenset(question.acts) if slot else frozenset()  # not a synonym
    if slot is None or slot.role in UNREVERSED or len(own) != 1 or own & MUTUAL:
        return False
    bare = replace(slot, words=own, others=())  # whoever the sentence's other parties are
    filled = [doc.text[a:b] for a, b in arguments(bare, doc)]
    return bool(filled) and all(_a_name(f) and any(n in f for n in question.names) for f in filled)


def _a_name(text: str) -> bool:
    """The words are a name alone ("King Charles III of West Francia"), not a phrase that
    mentions one ("8% of search-engine Google")."""
    words = text.split()
    return all(w[:1].isupper() or w[:1].isdigit() or w in NAME_LINKS for w in words)


def names_act(question: "Doc", acts: tuple[str, ...]) -> bool:
    """The question names an act a sentence may do or deny: a content verb, or a light verb
    whose object carries it ("did they have a rich tradition")."""
    return bool(acts) or bool(_light(question))


def _light(doc: "Doc") -> "list[tuple[Token, str]]":
    """The light verbs of the doc with the stem of their object, the act they carry ("have *a
    tradition*", "make *an offer*")."""
    return [
        (t, stem(_kind_of(k).lemma_.lower()))
        for t in doc
        if t.lemma_.lower() in CARRIERS and t.pos_ in ("VERB", "AUX") and t.dep_ != "aux"
        for k in t.children
        if k.dep_ == "dobj" and k.pos_ == "NOUN"
    ]


def _kind_of(noun: "Token") -> "Token":
    """The thing a "kind of" noun names ("what kind of *arsenals*"), else the noun."""
    if noun.lemma_.lower() not in KINDS:
        return noun
    of = (p for k in noun.children if k.lower_ == "of" for p in k.children if p.dep_ == "pobj")
    return next(of, noun)


def _acting(doc: "Doc", acts: tuple[str, ...], *, asked: bool = False) -> "list[Token]":
    """The verbs of the doc that say one of the acts (in a question, any word that does: the
    tagger may take its verb for a noun)."""
    words = act_forms(acts)
    return [
        t for t in doc if (asked or verb(t)) and {stem(t.lower_), stem(t.lemma_.lower())} & words
    ]


def _asked_doer(token: "Token") -> frozenset[str]:
    """The person a question names as doing its act: the verb's subject, or the name the
    tagger made part of it ("did [Richard II flee]": a noun with the name as compound)."""
    subject = _subject(token)
    if subject is not None and any(t.tag_ in ("WDT", "WP", "WP$") for t in subject.subtree):
        return frozenset()  # "which MP cautioned": the doer is what is asked
    named = _person(subject)
    if named or token.pos_ != "NOUN":
        return named
    compounds = (t for k in token.lefts if k.dep_ == "compound" for t in k.subtree)
    return frozenset(t.lower_ for t in compounds if _personal(t) and t.lower_ not in UNNAMING)


def _subject(token: "Token") -> "Token | None":
    """Who does what an active verb says (its subject, or that of the verb it is joined to),
    None for a passive or a verb without one."""
    kids = list(token.children)
    if any(k.dep_ in ("nsubjpass", "auxpass") for k in kids):
        return None
    own = [k for k in kids if k.dep_ == "nsubj"]
    if own:
        return own[0]
    return _subject(token.head) if token.dep_ == "conj" and token.head.i != token.i else None


def _person(subject: "Token | None") -> frozenset[str]:
    """The words of the person's name a subject is, empty when it is none (a pronoun, "the
    king", a country)."""
    if subject is None or not _personal(subject):
        return frozenset()
    names = (t.lower_ for t in subject.subtree if _personal(t))
    return frozenset(n for n in names if n not in UNNAMING)


def _personal(token: "Token") -> bool:
    """A word of a name the tagger takes for a person's, or for no kind of thing ("Ethelred"):
    not a place's, a group's or an organization's ("Washington" may stand for the U.S.)."""
    return token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", "")


def outcome(word: str) -> frozenset[str] | None:
    """The outcome a verb says (its group of the lexicon), or None."""
    return word_groups(OUTCOMES).get(stem(word))


def following_act(figure: "Token") -> "Token | None":
    """The verb or outcome word right after the figure, its noun and auxiliaries ("1,000
    injured", "14 people dead")."""
    doc, i = figure.doc, figure.i + 1
    while i < len(doc) and (doc[i].like_num or (doc[i] == figure.head and nominal(doc[i]))):
        i += 1
    while i < len(doc) and doc[i].lower_ in AUXILIARIES:
        i += 1
    return doc[i] if i < len(doc) and (verb(doc[i]) or outcome(doc[i].lower_)) else None


def governing_verb(figure: "Token") -> "Token | None":
    """The nearest verb above the figure in the parse."""
    token = figure
    for _ in range(STEPS):
        if token.head.i == token.i:
            return None
        token = token.head
        if verb(token):
            return token
    return None


def nominal(token: "Token") -> bool:
    return token.pos_ in ("NOUN", "PROPN")


def verb(token: "Token") -> bool:
    """A verb or participle that says an act (not one that lists)."""
    acting = token.pos_ == "VERB" or token.tag_ in ("VBN", "VBD", "VBG")
    return acting and token.lemma_.lower() not in LISTING and token.lower_ not in LISTING
