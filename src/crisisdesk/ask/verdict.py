"""Whether a sentence says yes or no to a yes/no question.

The sentence answers yes when it says the question's predicate ("Did the firms admit a
conspiracy?": "the firms admitted ..."), no when it denies it ("did not admit", "declined to
confirm", "no ransom was paid") or says its opposite ("the firms deny ..."), and neither when
it only supposes, plans or weighs it ("if he wins", "is weighing an expansion"): then the
answer is the sentence alone, for the reader to judge.
"""

from typing import TYPE_CHECKING

from crisisdesk.ask.align import CONDITION, denied, forms, matches

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: verbs that say their clause did not happen or is not so ("declined to comment")
DENYING = frozenset(["deny", "refuse", "decline", "reject", "fail", "dismiss", "disavow"])
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
}
#: how far up the parse a word that denies or doubts a predicate may stand
REACH = 3


def verdict(question: "Doc", sentence: "Doc | Span") -> str | None:
    """Whether the sentence answers the parsed question "yes" or "no": it says or denies the
    question's main predicate; None when it does neither, or the question asks what something
    is ("Was the reward the biggest?"). Whether someone denied or refused is told by that word
    alone."""
    root = _main(question)
    if root is None or root.lemma_ == "be" or root.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
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
        told = [t for t in sentence if _said(t, words)]
    flipped = not told and not asks_denial and root.pos_ not in ("ADJ", "NOUN")
    if flipped:  # "deny" for "admit"
        told = [t for t in sentence if _said(t, _opposites(words))]
    if not told or _unsure(told[0], sentence):
        return None
    return "no" if negated(told[0]) ^ flipped ^ denied(root) else "yes"


def _main(question: "Doc") -> "Token | None":
    """The question's main predicate: its root, what its root says is so ("did Freeh *say*
    the strikes were *connected*": connected), or the adjective a copula says of its subject
    ("is the Igla-S *similar* to", where the parser may hang it on the subject)."""
    root = next((t for t in question if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    said = [k for k in root.children if k.dep_ == "ccomp"]
    if root.lemma_.lower() in SAYING and said:
        return _existing(said[0]) or said[0]
    if _existing(root):
        return _existing(root)
    if root.lemma_ == "be":
        subjects = [k for k in root.children if k.dep_ == "nsubj"]
        after = [k for s in subjects for k in s.rights if k.dep_ == "amod"]
        said = [k for k in [*root.children, *after] if k.dep_ in ("acomp", "amod")]
        return next((k for k in said if k.pos_ == "ADJ"), root)
    return root


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
    """The token says one of the words as a predicate, not as a noun's modifier."""
    return bool(words) and token.dep_ not in ("compound", "amod") and matches(token, words)


def _chain(token: "Token") -> "list[Token]":
    """The token and the words above it, up to `REACH`."""
    out = [token]
    while len(out) <= REACH and out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _negated(token: "Token") -> bool:
    """The predicate is denied: by "not" or "never", by a denying verb above it, or by "no"
    on its subject or object ("no ransom was paid")."""
    chain = _chain(token)
    if any(denied(t) for t in chain) or any(t.lemma_.lower() in DENYING for t in chain[1:]):
        return True
    objects = [k for k in token.children if k.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return any(_no(k) for k in [token, *objects])  # "no ransom was paid", "no plans"


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
