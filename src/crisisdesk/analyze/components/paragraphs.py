"""crisisdesk_paragraphs: a line break ends a sentence, and a quotation mark that closes one
belongs to it, both set before the parser runs.

News text arrives with paragraphs and datelines on their own lines ("9:30 p.m.\\n\\nDonald Trump
says ..."); the small parser often runs a sentence across them, which breaks subjects and
contents for every later component. Sentence starts preset on the `Doc` are respected by spaCy's
parser, so this rule only has to mark the first token after a newline, and a closing quotation
mark after a sentence's end as no start (before a paragraph break the parser split 'grandpa."'
into two sentences, the second the mark alone). A line in headline case is one sentence.
Limit: a hard-wrapped text (a newline inside every sentence) would be over-split; such text is
rare in news feeds and HTML extraction, which keep one paragraph per line.
"""

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Token

#: quotation marks that may open a quotation at a paragraph's start ("''" in some news
#: archives), those that may close one, and the marks that end a sentence before one
OPENING = frozenset({'"', "“", "‘", "''", "``", "'"})
CLOSING = frozenset({'"', "”", "’", "''"})
ENDS = frozenset({".", "!", "?", "..."})
#: titles written short before a name that spaCy's English tokenizer splits from their
#: period (the pipeline makes each one token), and all such titles, spaCy's own included
SPLIT_TITLES = ("Capt.", "Lt.", "Maj.", "Sgt.", "Adm.", "Cmdr.", "Cpl.", "Pvt.", "Brig.", "Amb.")
TITLES = frozenset(
    [*SPLIT_TITLES, *("Gen.", "Col.", "Sen.", "Rep.", "Gov.", "Dr.", "Mr.", "Mrs.", "Ms.")]
)
#: a headline's share of capitalized words among those longer than HEADLINE_WORD letters, and
#: the fewest such words that tell one
HEADLINE, HEADLINE_WORD, HEADLINE_WORDS = 0.8, 3, 4


@Language.factory("crisisdesk_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return split_paragraphs


def split_paragraphs(doc: Doc) -> Doc:
    """Mark the token after each newline as a sentence start, the word after a quotation mark
    that opens a paragraph as none (the parser split "''We" at the mark), and a closing
    quotation mark right after a sentence's end as none (`closing_quote`), nor a name after a
    title written short (`titled_name`)."""
    after_break = opened = False
    for token in doc:
        if token.is_space and "\n" in token.text:
            after_break = True
        elif after_break:
            token.is_sent_start = True
            after_break, opened = False, token.text in OPENING
        elif opened:
            token.is_sent_start = False
            opened = False
        elif closing_quote(token) or titled_name(token):
            token.is_sent_start = False
    for line in lines(doc):
        if headline(line):
            for token in line[1:]:
                token.is_sent_start = False
    return doc


def lines(doc: Doc) -> list[list[Token]]:
    """The doc's tokens line by line, the spaces that break them left out."""
    out: list[list[Token]] = [[]]
    for token in doc:
        if token.is_space and "\n" in token.text:
            out.append([])
        elif not token.is_space:
            out[-1].append(token)
    return [line for line in out if line]


def headline(line: list[Token]) -> bool:
    """A line in headline case ("Donald Trump Is Now Calling Obama The 'Most Valuable Player'
    For ISIS.") with no sentence end before its last token. The parser, misled by the
    capitals, cuts it where a capital follows a name."""
    if any(t.text in ENDS for t in line[:-1]):
        return False
    return headline_case([t.text for t in line if t.is_alpha])


def headline_case(words: list[str]) -> bool:
    """Most of the longer words are capitalized, as in a headline: capitals there do not mark
    names."""
    long = [w for w in words if len(w) > HEADLINE_WORD]
    return len(long) >= HEADLINE_WORDS and sum(w[0].isupper() for w in long) >= HEADLINE * len(long)


def titled_name(token: Token) -> bool:
    """The token is a name right after a title written short ("Navy Capt. *Jeff* Davis"):
    the title's period ends no sentence."""
    if not token.i or not token.text[:1].isupper():
        return False
    return token.doc[token.i - 1].text in TITLES


def closing_quote(token: Token) -> bool:
    """A quotation mark that closes the sentence before it ('grandpa."' before a paragraph
    break): the parser would otherwise start a sentence of it alone, and cut it from the
    quotation it ends."""
    if token.i == 0 or token.text not in CLOSING:
        return False
    before = token.doc[token.i - 1]
    return before.text in ENDS and not before.whitespace_
