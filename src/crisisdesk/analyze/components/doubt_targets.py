"""Arguments of a doubt: who doubts (`by`) and what is doubted (`target`), from the parse.

`by` is the passive agent ("questioned by US lawmakers"), else the subject, inherited through
xcomp/advcl/conj, or the noun a relative clause hangs on ("experts, who disputed ..."). `target`
is the passive subject ("These strikes have been questioned"), the object ("disputed the
figure"), the noun a relative clause attaches to ("the figure, which critics questioned"), the
figure a parenthesis comments on ("8 million reservists (a number experts have questioned)"), or
a clausal complement. A demonstrative target ("These strikes") gets an antecedent: the last
earlier noun phrase with the same head noun within two sentences.
Limits: targets spread over sentences, and "this" / "that" standing for a whole clause.
"""

from spacy.tokens import Doc, Token

from crisisdesk.analyze.components.doubt_records import Found
from crisisdesk.analyze.components.doubt_tree import (
    RELATIVE,
    VERBISH,
    Range,
    before_which,
    clause,
    clause_end,
    first_child,
    noun_phrase,
    passive_subject,
    prep_object,
    subtree,
    upto,
)

DEMONSTRATIVES = frozenset({"these", "this", "those", "that", "the", "such"})
INHERITS_SUBJECT = frozenset({"xcomp", "advcl", "conj", "pcomp", "acomp"})  # "was unable to"
CONTENT_PREPS = frozenset({"about", "over", "on", "of", "into"})
STATEMENT_SHELLS = frozenset(
    {"claim", "allegation", "assertion", "accusation", "charge", "report", "suggestion"}
)
ANTECEDENT_WINDOW = 2  # sentences back that "These strikes" may reach


def attach_arguments(
    verb: Token, found: Found, shells: frozenset[str], claims: frozenset[str] = frozenset()
) -> None:
    """Fill `by`, `target`, `antecedent` and the record extent of a verb doubt."""
    found.by, by_is_local = agent_or_subject(verb, shells)
    found.target, target_is_local = target_of(verb, found.kind, shells, claims)
    if found.target is not None:
        found.antecedent = antecedent(verb.doc, found.target)
    if found.by is not None and by_is_local:
        subject = first_child(verb, {"nsubj"})  # keeps "a number" of "a number experts"
        found.extent.append(noun_phrase(subject) if subject is not None else found.by)
    if found.target is not None and target_is_local:
        found.extent.append(found.target)


def agent_or_subject(verb: Token, shells: frozenset[str]) -> tuple[Range | None, bool]:
    """Who doubts, and whether it sits inside the doubting clause."""
    agent = prep_object(verb, {"by"}, dep="agent")
    if agent is not None:
        return noun_phrase(agent), True
    if passive_subject(verb) is not None and first_child(verb, {"nsubj"}) is None:
        return None, False
    local = True
    while first_child(verb, {"nsubj"}) is None and verb.dep_ in INHERITS_SUBJECT:
        verb, local = verb.head, False
    subject = first_child(verb, {"nsubj"})
    if subject is None:
        return None, False
    if subject.lower_ in RELATIVE and verb.dep_ == "relcl":
        return noun_phrase(verb.head), False
    return without_shell(subject, shells), local


def without_shell(subject: Token, shells: frozenset[str]) -> Range:
    """ "a number experts" (a reduced relative the parser glued together) -> "experts"."""
    start, end = noun_phrase(subject)
    for token in subject.lefts:
        if token.dep_ == "compound" and token.lemma_ in shells:
            start = token.i + 1
    return start, end


def target_of(
    verb: Token, kind: str, shells: frozenset[str], claims: frozenset[str] = frozenset()
) -> tuple[Range | None, bool]:
    """The thing doubted, and whether it sits inside the doubting clause."""
    if kind == "allegation":
        content = first_child(verb, {"ccomp"}) or prep_object(verb, {"of"})
        found = before_which(verb.doc, subtree(content)) if content is not None else None
        return found, found is not None
    thing = passive_subject(verb) or first_child(verb, {"dobj"})
    if thing is not None and thing.lower_ not in RELATIVE:
        glued = glued_shell(verb, thing, shells)  # ", an assertion Kyiv denied" misparsed
        return (clause_before(verb.doc, glued), False) if glued else (noun_phrase(thing), True)
    sentence = sentential_antecedent(verb, kind, claims)
    if sentence is not None:
        return sentence, False
    if verb.dep_ == "relcl":
        return relative_head(verb.head, shells), False
    paren = open_paren(verb)
    if paren is not None:
        return figure_before(verb.doc, paren), False
    content = first_child(verb, {"ccomp", "xcomp"}) or prep_object(verb, CONTENT_PREPS)
    return (subtree(content), True) if content is not None else (None, False)


def relative_head(noun: Token, shells: frozenset[str]) -> Range | None:
    """The noun a relative clause attaches to, or what a shell noun ("a claim") stands for."""
    if noun.lemma_ not in shells:
        return noun_phrase(noun)
    paren = open_paren(noun)
    if paren is not None:
        return figure_before(noun.doc, paren)
    comma = noun.left_edge.i - 1
    if comma > 0 and noun.doc[comma].text == "," and noun.head.i < comma:
        return before_comma(noun, comma)
    if noun.dep_ == "appos":
        return noun_phrase(noun.head)
    return noun_phrase(noun)


def glued_shell(verb: Token, thing: Token, shells: frozenset[str]) -> int | None:
    """The comma before a statement shell the parser made the object or passive subject of a
    verb whose subject sits between them (", an assertion Kyiv denied")."""
    comma, doc = thing.left_edge.i - 1, verb.doc
    subject = first_child(verb, {"nsubj"})
    if thing.lemma_ not in STATEMENT_SHELLS or subject is None or not thing.i < subject.i < verb.i:
        return None
    return comma if comma > 0 and doc[comma].text == "," else None


def sentential_antecedent(verb: Token, kind: str, claims: frozenset[str]) -> Range | None:
    """ "..., which X denied": the clause before the comma when "which" stands for it: the
    relative hangs on a verb, or (for denials) on a non-claim noun that ends a verb phrase
    ("accused W of plotting a coup, which X dismissed as absurd" -> "plotting a coup")."""
    doc, comma = verb.doc, verb.left_edge.i - 1
    if verb.left_edge.lower_ != "which" or comma < 1 or doc[comma].text != ",":
        return None
    host = verb.head
    if host.pos_ in VERBISH:
        return upto(doc, clause(host), comma)
    if kind == "dispute" or host.lemma_ in claims:
        return None  # "the strikes, which lawmakers questioned": the noun itself
    over = verb_over(host, verb)
    return upto(doc, clause(over), comma) if over is not None else None


def verb_over(noun: Token, relative: Token) -> Token | None:
    """The highest verb above `noun` whose phrase ends where the relative clause ends."""
    token, last = noun, last_word(relative)
    while token.head != token and token.head.pos_ in VERBISH and last_word(token.head) <= last:
        token = token.head
    return token if token != noun else None


def last_word(token: Token) -> int:
    """The last non-punctuation token of `token`'s subtree."""
    end = token.right_edge.i
    while end > token.i and token.doc[end].is_punct:
        end -= 1
    return end


def before_comma(shell: Token, comma: int) -> Range | None:
    """ "300 dead, a figure experts doubt" / "X said Y, a claim Z denied": the noun just before
    the comma when the shell hangs on it, else a figure (for number shells) or the clause."""
    doc, head = shell.doc, shell.head
    if shell.lemma_ in STATEMENT_SHELLS:  # "sent troops into Congo, a claim ...": not "Congo"
        return clause_before(doc, comma)
    if head.pos_ in {"NOUN", "PROPN"} and head.i < comma and noun_phrase(head)[1] == comma:
        return noun_phrase(head)
    return number_before(doc, comma) or clause_before(doc, comma)


def clause_before(doc: Doc, comma: int) -> Range:
    """The largest phrase that ends at `comma` (climb from the word before it while the head's
    clause, asides left out, still ends there), or what a reporting verb there says ("X said
    Y, a claim ..." -> Y)."""
    token = doc[comma - 1]
    while token.head != token and clause_end(token.head) <= comma:
        token = token.head
    content = first_child(token, {"ccomp"})
    if content is not None and clause_end(content) == comma:
        return upto(content.doc, clause(content), comma)
    return upto(doc, clause(token), comma)


def open_paren(token: Token) -> int | None:
    """The index of the "(" opening the parenthesis that `token`'s phrase sits in, if any."""
    left = token.left_edge.i
    doc = token.doc
    for i in (left, left - 1):
        if i >= 0 and doc[i].text == "(":
            return i
    return None


def figure_before(doc: Doc, paren: int) -> Range | None:
    """The noun phrase a parenthesis comments on: the last one holding a number, else the last."""
    figure = number_before(doc, paren)
    if figure is not None:
        return figure
    sent_start, last = doc[paren].sent.start, paren - 1
    while last >= sent_start and doc[last].is_punct:
        last -= 1
    return noun_phrase(doc[last]) if last >= sent_start else None


def number_before(doc: Doc, index: int) -> Range | None:
    """The counted phrase of the last number before `index` in its sentence."""
    for i in range(index - 1, doc[index].sent.start - 1, -1):
        if doc[i].like_num:
            return counted_phrase(doc[i])
    return None


def counted_phrase(token: Token) -> Range:
    """From a number up to the noun it counts ("8" -> "over 8 million reservists")."""
    while token.dep_ in {"nummod", "compound", "quantmod"} and token.head.i > token.i:
        token = token.head
    return token.left_edge.i, token.i + 1


def antecedent(doc: Doc, target: Range) -> Range | None:
    """For "These strikes": the last earlier noun phrase with the same head noun, if near."""
    first, head = doc[target[0]], doc[target[0] : target[1]].root
    if first.lower_ not in DEMONSTRATIVES or head.pos_ != "NOUN" or first == head:
        return None
    floor = window_start(doc, head.i)
    for i in range(first.i - 1, floor - 1, -1):
        token = doc[i]
        same = token.lemma_ == head.lemma_ and token.pos_ == "NOUN" and token.dep_ != "compound"
        if same and doc[token.left_edge.i].lower_ not in DEMONSTRATIVES:
            return token.left_edge.i, token.i + 1
    return None


def window_start(doc: Doc, i: int) -> int:
    """The first token of the sentence ANTECEDENT_WINDOW sentences before token `i`'s."""
    sent = doc[i].sent
    for _ in range(ANTECEDENT_WINDOW):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    return sent.start
