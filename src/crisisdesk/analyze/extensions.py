"""Every `Doc` extension crisisdesk sets, registered in one place.

Values are plain lists of tuples/dicts of character offsets, so `Doc.to_bytes` and worker
processes carry them (spaCy #10663). Spawned workers lose global extensions (spaCy #9999), so
each component module calls `register()` at import and components call it again cheaply.
"""

from spacy.tokens import Doc

#: name -> what it holds (all default to None until the writing component runs)
DOC_EXTENSIONS: dict[str, str] = {
    "published": "ISO publication date the document is resolved against, or None",
    "actor_mentions": "list of (start_char, end_char, actor, label) from crisisdesk_actors",
    "actors": "dict actor -> (kind, code) for the actors mentioned",
    "coref": "dict token index -> actor, for pronouns and role nouns resolved to an actor",
    "attributions": "list of attribution dicts (source, cue, content, kind, stance)",
    "doubts": "list of doubt dicts",
    "quantities": "list of quantity dicts",
    "times": "list of time dicts",
    "events": "list of event dicts",
}


def register() -> None:
    """Register the extensions once; calling again is a no-op."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register()
