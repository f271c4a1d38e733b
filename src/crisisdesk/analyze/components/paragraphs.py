"""crisisdesk_paragraphs: a line break ends a sentence, set before the parser runs.

News text arrives with paragraphs and datelines on their own lines ("9:30 p.m.\\n\\nDonald Trump
says ..."); the small parser often runs a sentence across them, which breaks subjects and
contents for every later component. Sentence starts preset on the `Doc` are respected by spaCy's
parser, so this rule only has to mark the first token after a newline.
Limit: a hard-wrapped text (a newline inside every sentence) would be over-split; such text is
rare in news feeds and HTML extraction, which keep one paragraph per line.
"""

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("crisisdesk_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return split_paragraphs


def split_paragraphs(doc: Doc) -> Doc:
    """Mark the token after each newline as a sentence start."""
    after_break = False
    for token in doc:
        if token.is_space and "\n" in token.text:
            after_break = True
        elif after_break:
            token.is_sent_start = True
            after_break = False
    return doc
