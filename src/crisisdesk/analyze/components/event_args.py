"""Who does what to whom in a dependency parse: the subject, object, governed clauses and
prepositional arguments of an event word (spaCy English labels).

Rules, not a semantic-role model: a subject is inherited along xcomp/conj/advcl/by-gerund chains
("Maduro responded by repositioning troops": Maduro repositions), object-control verbs hand
their object to the clause they govern ("urged Iran to stop": Iran stops), a relative pronoun
stands for its antecedent. Not handled: subjects across sentences, ellipsis, and "it"/"they"
outside a reported statement.
"""

from collections.abc import Iterator

from spacy.tokens import Token

SUBJECT = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_SUBJECT = frozenset({"nsubjpass", "csubjpass"})
#: where a governed clause hangs: "refused to pay", "agreed that they should", "willing to go"
GOVERNED = frozenset({"xcomp", "ccomp"})
#: how a verb without a subject of its own takes its governor's
INHERITS = frozenset({"xcomp", "conj", "advcl", "acomp", "pcomp", "acl"})

#: verbs whose object does what the governed clause says ("urged Iran to stop")
OBJECT_CONTROL = frozenset(
    {
        "urge",
        "ask",
        "order",
        "force",
        "allow",
        "call",
        "help",
        "tell",
        "persuade",
        "invite",
        "encourage",
        "permit",
        "authorize",
        "direct",
        "instruct",
        "press",
        "require",
        "warn",
        "let",
        "implore",
        "compel",
        "pressure",
    }
)
RELATIVE = frozenset({"who", "which", "that"})
#: heads that stand for the group they count: "thousands of Kurds", "a group of diplomats"
GROUP_HEADS = frozenset(
    {
        "thousand",
        "hundred",
        "dozen",
        "million",
        "group",
        "number",
        "score",
        "member",
        "delegation",
        "team",
        "band",
        "crowd",
        "some",
        "many",
        "most",
        "all",
        "several",
        "contingent",
        "batch",
        "unit",
    }
)
MAX_CHAIN = 4  # governors a subject is inherited through
TO = frozenset({"to"})


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT or c.dep_ == "auxpass" for c in verb.children)


def children(token: Token, deps: frozenset[str]) -> Iterator[Token]:
    return (c for c in token.children if c.dep_ in deps)


def first_child(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)


def with_conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Poland, Germany and Sweden")."""
    return [token, *token.conjuncts] if token.dep_ != "conj" else [token]


def agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive: "was attacked by militiamen" -> militiamen."""
    by = first_child(verb, "agent")
    return first_child(by, "pobj") if by is not None else None


def subject(verb: Token, depth: int = 0) -> Token | None:
    """Who does what `verb` says: its subject (a relative pronoun's antecedent), the agent of a
    passive, else the subject it inherits from the verb it depends on."""
    own = next(children(verb, SUBJECT), None)
    if own is not None:
        return antecedent(own)
    if is_passive(verb):
        return agent(verb)
    if depth >= MAX_CHAIN or verb.dep_ not in INHERITS or verb.head.i == verb.i:
        return None
    if verb.dep_ == "acl":
        return acl_subject(verb)
    head = verb.head.head if verb.dep_ == "pcomp" else verb.head

    if verb.dep_ == "xcomp" and head.lemma_ in OBJECT_CONTROL:
        controlled = first_child(head, "dobj")
        if controlled is not None:
            return controlled
    return subject(head, depth + 1)


def acl_subject(verb: Token) -> Token | None:
    """Who acts in a clause that modifies a noun: "a declaration demanding ..." is by whoever
    issued the declaration."""
    noun = verb.head
    if verb.dep_ != "acl" or is_passive(verb) or noun.dep_ not in ("dobj", "pobj"):
        return None
    holder = noun.head.head if noun.dep_ == "pobj" else noun.head
    return subject(holder) if holder.pos_ == "VERB" else None


def antecedent(token: Token) -> Token:
    """A relative pronoun's antecedent ("rebels who attacked": rebels); else the token."""
    if token.lower_ in RELATIVE and token.head.dep_ == "relcl":
        return token.head.head
    return token


def direct_object(verb: Token) -> Token | None:
    """The object: "dobj", or the subject of a passive ("was attacked")."""
    for child in verb.children:
        if child.dep_ == "dobj" or child.dep_ in PASSIVE_SUBJECT:
            return child
    return None


def dative(verb: Token) -> Token | None:
    """The recipient of "gave Tanzania a grant"."""
    return first_child(verb, "dative")


def particles(token: Token) -> set[str]:
    """Particles and prepositions of a word ("carry out", "call for", "fire at")."""
    return {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "agent")}


def prep_objects(token: Token, preps: frozenset[str]) -> Iterator[tuple[str, Token]]:
    """(preposition, object) of each of the word's prepositional phrases headed by `preps`."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in children(child, frozenset({"pobj"})):
                yield child.lower_, obj


def governed(token: Token) -> Iterator[Token]:
    """The clauses a word governs: "refused [to pay]", "agreed [that they should cooperate]",
    "have sworn [to fight]" (an infinitive the parser hangs as advcl)."""
    for child in token.children:
        if child.dep_ in GOVERNED or (child.dep_ == "advcl" and has_aux(child, TO)):
            yield child


def content_words(token: Token) -> list[Token]:
    """Where an object's content is: the word, its compounds, and what an "of" phrase holds
    ("a state of emergency", "ten days of war games", "a mediation effort")."""
    words = [token, *(c for c in token.lefts if c.dep_ == "compound")]
    for _, obj in prep_objects(token, frozenset({"of"})):
        words.extend([obj, *(c for c in obj.lefts if c.dep_ == "compound")])
    return words


def verb_lemmas(token: Token) -> list[str]:
    """The lemma, then forms the small model's lemmatizer misses ("staged" -> "stag")."""
    lower = token.lower_
    forms = [token.lemma_.lower(), lower]
    if lower.endswith("ed"):
        forms += [lower[:-1], lower[:-2]]
    elif lower.endswith("ing"):
        forms += [lower[:-3], lower[:-3] + "e"]
    elif lower.endswith("s"):
        forms.append(lower[:-1])
    return forms


def has_aux(token: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in words for c in token.children)


def negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def semantic_head(token: Token) -> Token:
    """The head a group word stands for: "thousands of Kurds" -> Kurds."""
    if token.lemma_.lower() in GROUP_HEADS:
        for _, obj in prep_objects(token, frozenset({"of"})):
            return obj
    return token


def phrase(token: Token) -> tuple[int, int]:
    """Token range of the noun phrase a head word heads: its left modifiers and the head, and
    for a group word its "of" phrase; not its relative clauses, appositions or conjuncts."""
    start = token.left_edge.i
    while start < token.i and (token.doc[start].is_punct or token.doc[start].dep_ == "cc"):
        start += 1
    end = token.i + 1
    inner = semantic_head(token)
    if inner is not token:
        end = inner.i + 1
    return start, end


def word_forms(token: Token) -> set[str]:
    """The forms a lexicon may list a word under: lemma, lower case, and without a plural "s"
    (the small model leaves "Marines" as its own lemma)."""
    lower = token.lower_
    forms = {token.lemma_.lower(), lower}
    if lower.endswith("s") and len(lower) > 3:
        forms.add(lower[:-1])
    return forms
