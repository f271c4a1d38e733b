"""Whether a sentence says yes or no to a yes/no question.

The sentence answers yes when it says the question's predicate ("Did the firms admit a
conspiracy?": "the firms admitted ..."), no when it denies it ("did not admit", "declined to
confirm", "no ransom was paid") or says its opposite ("the firms deny ..."), and neither when
it only supposes, plans or weighs it ("if he wins", "is weighing an expansion"): then the
answer is the sentence alone, for the reader to judge.
"""

from typing import TYPE_CHECKING

from crisisdesk.ask.align import CONDITION, denied, forms, matches, matches_root
from crisisdesk.ask.retrieve import close_words
from crisisdesk.ask.words import heading, stems_for

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: verbs that say their clause did not happen or is not so ("declined to comment")
DENYING = frozenset(["deny", "refuse", "decline", "reject", "fail", "dismiss", "disavow"])
#: verbs that stop what their clause says from happening ("cancelling a deal to sell Opel")
STOPPING = frozenset(["cancel", "scrap", "abandon", "halt", "suspend", "veto", "block"])
UNDOING = DENYING | STOPPING
#: words that put their clause in doubt or in the future: no verdict either way
UNSURE = frozenset(
    [
        *("plan", "consider", "weigh", "expect", "hope", "want", "threaten", "seek", "try"),
        *("may", "might", "could", "whether", "if", "unless", "likely", "unlikely", "risk"),
        *("speculation", "speculate", "rumour", "rumor"),
    ]
)
#: verbs of saying, whose clause holds what the question asks is so
SAYING = frozenset(["say", "tell", "claim", "state", "announce", "insist", "confirm"])
#: verbs whose object says the act ("express *regret*", "issue an *apology*")
SUPPORTING = frozenset(["express", "voice", "offer", "issue", "make", "give", "show", "have"])
#: predicates and the words that say their opposite
OPPOSITES = {
    "admit": "deny",
    "confirm": "deny",
    "accept": "reject",
    "win": "lose",
    "support": "oppose",
    "back": "oppose",
    "endorse": "oppose",
    "approve": "reject",
    "attend": "skip",
    "agree": "refuse",
}
#: verbs whose clause holds what the question asks is so ("did the inspector *find* that she
#: *stepped in*": whether she stepped in)
HOLDING = SAYING | frozenset(["find", "conclude", "think", "believe"])
#: entity labels of a name that is no party or place (a month: "in January")
UNPLACED = frozenset(["DATE", "TIME"])
#: words that deny whatever their clause says of them ("there's *nothing* that has caused
#: the government to change its assessment")
NOTHING = frozenset(["nothing", "nobody", "none", "no-one"])
#: the dependencies of a subject
SUBJECTS = ("nsubj", "nsubjpass")
#: what opens a clause before its subject and only sets it ("*Since then,* the strikes ...")
SETTING = frozenset(["prep", "advmod", "advcl", "npadvmod", "punct", "cc", "mark", "intj"])
#: the most words a verdict shows before it stops at the first break after its verb
CLAUSE_WORDS = 20
BREAKS = frozenset([",", ";", ":", "(", "—", "–"])
#: how far up the parse a word that denies or doubts a predicate may stand
REACH = 3


def verdict(question: "Doc", sentence: "Doc | Span") -> str | None:
    """Whether the sentence answers the parsed question "yes" or "no": it says or denies the
    question's main predicate; None when it does neither, or the question asks what something
    is ("Was the reward the biggest?"). Whether someone denied or refused is told by that word
    alone."""
    decided = deciding(question, sentence)
    return decided[0] if decided else None


def deciding(question: "Doc", sentence: "Doc | Span") -> "tuple[str, Span] | None":
    """The verdict (`verdict`) and the sentence's words that give it: the clause of the
    predicate it says, or of the word above it that denies or stops it ("*cancelling a deal
    to sell Opel to Magna*", "*Nobody talks to Fidel*, ...")."""
    root = _main(question)
    if root is None or root.lemma_ == "be" or not _predicate(root):
        return None
    if not _object_said(root, sentence):  # "ask for his endorsement": not "seeking to succeed"
        return None
    lemma = root.lemma_.lower()
    words = forms(lemma) | forms(root.lower_)
    asks_denial = lemma in DENYING
    negated = denied if asks_denial else _negated
    if root.pos_ == "ADJ":  # "is it similar": the adjective itself, not "similarity"
        told = [t for t in sentence if t.pos_ == "ADJ" and t.lemma_.lower() == lemma]
    elif root.pos_ == "NOUN":  # "was there evidence": there was, or someone had, found it
        told = [t for t in sentence if t.lemma_.lower() == lemma and _had(t)]
    else:
        told = [t for t in sentence if _said(t, words)] or _supported(root, sentence)
    flipped = not told and not asks_denial and root.pos_ not in ("ADJ", "NOUN")
    if flipped:  # "deny" for "admit"
        told = [t for t in sentence if _said(t, _opposites(words))]
    if not told or _unsure(told[0], sentence):
        return None
    if not _same_doer(root, told[0]) or not _same_object(root, told[0]):
        return None
    turned = _heading(root) is not None and _heading(told[0]) not in (None, _heading(root))
    said = "no" if negated(told[0]) ^ flipped ^ denied(root) ^ turned else "yes"
    return said, _clause(told[0])


def _heading(token: "Token") -> str | None:
    """Which way the words below it say its act went ("close *higher*", "closed *down*"): a
    sentence that says the other way says no ("did the Nikkei close higher": "the Nikkei
    closed down 6.4 percent")."""
    return heading(" ".join(k.lower_ for k in token.children))


def _clause(token: "Token") -> "Span":
    """The words of the token's clause (a noun's: of the verb that has it, "there was no
    evidence"), or of the word above it that denies or stops it, less what only sets it
    before its subject ("Since then,") and the punctuation and quotation marks at its ends;
    a long one up to the first break after its verb."""
    token = token if token.pos_ in ("VERB", "AUX", "ADJ") else token.head
    head = next((t for t in _chain(token)[1:] if _denying(t)), token)
    head = head.head if head.pos_ == "NOUN" and head.head.pos_ in ("VERB", "AUX") else head
    kept = [k.left_edge.i for k in head.lefts if k.dep_ not in SETTING]  # not "Since then,"
    words = [
        t
        for t in head.subtree
        if not (t.is_punct or t.is_quote or t.is_space) and t.i >= min(kept or [head.i])
    ]
    start, end = (words[0].i, words[-1].i + 1) if words else (head.i, head.i + 1)
    if end - start > CLAUSE_WORDS:  # a long clause: up to the first break after its verb
        breaks = (t.i for t in head.doc[head.i + 1 : end] if t.text in BREAKS)
        end = next(breaks, end)
    return head.doc[start:end]


def _denying(token: "Token") -> bool:
    """The word denies or stops what is below it ("did *not* ...", "*cancelling* a deal to",
    "*no chance* she will")."""
    undoing = denied(token) or token.lemma_.lower() in UNDOING
    return undoing or (token.pos_ == "NOUN" and _none(token))


def _supported(root: "Token", sentence: "Doc | Span") -> "list[Token]":
    """Where the sentence says the noun a light verb of the question carries, as a verb or
    as what is had ("did she *express regret*": "Ginsburg regrets her remarks")."""
    if root.lemma_.lower() not in SUPPORTING:
        return []
    nouns = [k.lemma_.lower() for k in root.children if k.dep_ == "dobj" and k.pos_ == "NOUN"]
    return [
        t
        for t in sentence
        if t.lemma_.lower() in nouns and (t.pos_ == "VERB" or t.dep_ == "dobj" or _had(t))
    ]


def _main(question: "Doc") -> "Token | None":
    """The question's main predicate: its root, what its root says is so ("did Freeh *say*
    the strikes were *connected*": connected), or the adjective a copula says of its subject
    ("is the Igla-S *similar* to", where the parser may hang it on the subject)."""
    root = next((t for t in question if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    if root.i == 0 and root.lemma_ == "do":  # "Did Holm back the deal", "back" not a verb
        return _after_subject(root, question)
    if root.i == 0 and root.lemma_ == "have":  # "Had Kopp ever been *convicted*"
        verbs = (t for t in question[root.i + 1 :] if t.pos_ == "VERB" and t.dep_ != "aux")
        return next(verbs, root)
    said = [k for k in root.children if k.dep_ == "ccomp"]
    if root.lemma_.lower() in HOLDING and said:
        return _existing(said[0]) or said[0]
    if _existing(root):
        return _existing(root)
    if root.lemma_ == "be":
        subjects = [k for k in root.children if k.dep_ == "nsubj"]
        after = [k for s in subjects for k in s.rights if k.dep_ == "amod"]
        said = [k for k in [*root.children, *after] if k.dep_ in ("acomp", "amod")]
        return next((k for k in said if k.pos_ == "ADJ"), root)
    return root


def _after_subject(root: "Token", question: "Doc") -> "Token | None":
    """The word after the subject of a question whose "did" the parser took for its verb."""
    subjects = [k for k in root.children if k.dep_ in SUBJECTS]
    at = subjects[0].right_edge.i + 1 if subjects else len(question)
    return question[at] if at < len(question) else None


def _predicate(token: "Token") -> bool:
    """The token can be a question's predicate: a verb, an adjective, a noun said to exist,
    or a root with an auxiliary the tagger took for something else ("did Clinton *back*")."""
    helped = token.dep_ == "ROOT" and any(k.dep_ == "aux" for k in token.children)
    helped = helped or (token.head.i == 0 and token.head.lemma_ == "do")  # "Did Holm back"
    return helped or token.pos_ in ("VERB", "AUX", "ADJ", "NOUN")


def _object_said(predicate: "Token", sentence: "Doc | Span") -> bool:
    """The sentence says the predicate's object (or, failing a common noun there, the first of
    its prepositions'), in a reader's words for it or by the name it is told by, when it has
    one ("the bipartisan *deal*" for "back the debt *agreement*"; "ask Obama for his
    *endorsement*")."""
    if predicate.pos_ == "NOUN":  # "was there evidence of a plot": what it is about
        return True
    if not _names_said(predicate, sentence):
        return False
    linked = [o for k in predicate.rights if k.dep_ == "prep" for o in k.children]
    objects = [
        k for k in [*predicate.children, *linked] if k.dep_ in ("dobj", "pobj") and k.pos_ == "NOUN"
    ]
    if not objects:
        return True
    wanted = forms(objects[0].lemma_.lower()) | stems_for(objects[0].lemma_.lower())
    if any(matches(t, wanted) for t in sentence):
        return True
    named = _named_by(objects[0])
    if named and named <= {t.lower_ for t in sentence}:
        return True
    return bool(close_words([objects[0].lower_], sentence.text))  # "the race": "the presidency"


def _named_by(noun: "Token") -> set[str]:
    """The words of the proper name a common noun is told by ("its *Hawaii* Five-0 revival"):
    a sentence that names them all says the thing ("renewed Hawaii Five-0")."""
    return {k.lower_ for k in noun.lefts if k.dep_ in ("compound", "nmod") and k.pos_ == "PROPN"}


def _names_said(predicate: "Token", sentence: "Doc | Span") -> bool:
    """The sentence names each place or party that the predicate's objects name, in some form
    ("Venezuelan" for "Venezuela"): "strikes on boats off the Caribbean coast" do not say
    whether the US struck *Venezuela*."""
    linked = [o for k in predicate.rights if k.dep_ in ("prep", "dative") for o in k.children]
    objects = [k for k in [*predicate.rights, *linked] if k.dep_ in ("dobj", "pobj")]
    named = [k.lower_ for k in objects if k.pos_ == "PROPN" and k.ent_type_ not in UNPLACED]
    return all(any(t.lower_ == n or matches_root(t.lower_, n) for t in sentence) for n in named)


def _same_doer(predicate: "Token", told: "Token") -> bool:
    """The sentence's predicate is done by whom the question names, when both say ("Did
    *Clinton* back the deal": not "Sanders is pushing *Democrats* to reject the deal"); a
    pronoun or an unsaid doer may be anyone."""
    holders = [predicate, predicate.head] if predicate.head.lemma_ == "do" else [predicate]
    asked = [k for h in holders for k in h.children if k.dep_ in SUBJECTS and k.pos_ == "PROPN"]
    doer = _doer(told)
    if not asked or doer is None or doer.pos_ == "PRON":
        return True
    return asked[0].lower_ in {t.lower_ for t in doer.subtree}


def _same_object(predicate: "Token", told: "Token") -> bool:
    """The sentence's predicate is done to whom the question names, when both name one ("did
    Washington accuse *Russia*": not "accused *Donald Trump* of showing support")."""
    asked = [k for k in predicate.children if k.dep_ == "dobj" and k.pos_ == "PROPN"]
    objects = [k for k in told.children if k.dep_ == "dobj" and k.pos_ == "PROPN"]
    if not asked or not objects:
        return True
    named = [objects[0], *objects[0].lefts]  # not "Trump of showing support for *Russian* ..."
    wanted = asked[0].lower_
    return any(t.lower_ == wanted or matches_root(t.lower_, wanted) for t in named)


def _doer(token: "Token") -> "Token | None":
    """Who does what the token says: its subject, the "by" of a passive (None without one),
    or for a verb another governs ("pushing Democrats *to reject*") that verb's object, else
    its subject."""
    if any(k.dep_ == "auxpass" for k in token.children):  # "has been refused *by the Taliban*"
        agents = [o for k in token.children if k.dep_ == "agent" for o in k.children]
        return agents[0] if agents else None
    own = [k for k in token.children if k.dep_ in SUBJECTS]
    if own:
        return own[0]
    if token.dep_ in ("xcomp", "conj") and token.head.i != token.i:
        objects = [k for k in token.head.children if k.dep_ == "dobj"]
        return objects[0] if objects and token.dep_ == "xcomp" else _doer(token.head)
    return None


def _existing(token: "Token") -> "Token | None":
    """What "there is" says exists ("was there *evidence*"), else None."""
    if token.lemma_ != "be" or not any(k.dep_ == "expl" for k in token.children):
        return None
    return next((k for k in token.children if k.dep_ in ("attr", "nsubj")), None)


def _had(token: "Token") -> bool:
    """The noun is said to exist ("there was no evidence") or to be had or found ("found no
    evidence"), not only spoken of ("asked about evidence")."""
    there = _existing(token.head)
    return (there is not None and there.i == token.i) or token.dep_ == "dobj"


def _opposites(words: frozenset[str]) -> frozenset[str]:
    """The forms of the words that say the opposite of the predicate's ("deny" for "admit")."""
    return frozenset(w for a, b in OPPOSITES.items() if forms(a) & words for w in forms(b))


def _said(token: "Token", words: frozenset[str]) -> bool:
    """The token says one of the words as a predicate, not as a noun's modifier nor as
    another verb's auxiliary ("*has* been arrested" does not say "have")."""
    helping = ("compound", "amod", "aux", "auxpass")
    return bool(words) and token.dep_ not in helping and matches(token, words)


def _chain(token: "Token") -> "list[Token]":
    """The token and the words above it, up to `REACH`."""
    out = [token]
    while len(out) <= REACH and out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _negated(token: "Token") -> bool:
    """The predicate is denied: by "not" or "never", by a denying verb above it, or by "no"
    on its subject or object ("no ransom was paid")."""
    if denied(token) or any(_denying(t) for t in _chain(token)[1:]):  # "no chance she will"
        return True
    if any(t.lower_ in NOTHING for t in token.ancestors):  # "nothing ... has caused us to change"
        return True
    objects = [k for k in token.children if k.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if any(k.lower_ in NOTHING for k in objects if k.dep_ in SUBJECTS):  # "nobody talks to"
        return True
    return any(_no(k) for k in [token, *objects])  # "no ransom was paid", "no plans"


def _none(token: "Token") -> bool:
    """The noun is said to be none ("*no* chance", however the parser hangs the "no")."""
    return any(k.lower_ == "no" for k in token.children)


def _no(token: "Token") -> bool:
    return any(k.lower_ in ("no", "none") and k.dep_ == "det" for k in token.children)


def _unsure(token: "Token", sentence: "Doc | Span") -> bool:
    """The predicate is only supposed, planned or weighed, or said as a condition."""
    above = _chain(token)
    near = [k for t in above for k in t.children if k.dep_ in ("aux", "mark", "advmod")]
    if any(t.lemma_.lower() in UNSURE for t in [*above[1:], *near]):
        return True
    start = sentence[0].idx if len(sentence) else 0
    return CONDITION.search(sentence.text[: token.idx - start]) is not None
