"""Attribution records: nesting ("X said Y claimed Z") and the plain dicts of `doc._.attributions`.

Pronoun sources take their actor from `doc._.coref`, others from the overlapping
`doc._.actor_mentions`; "who" takes its antecedent.
"""

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Token

from crisisdesk.analyze.components.attribution_spans import Found, Offsets, trim

RELATIVE = frozenset({"who", "which", "that"})


def nest(found: list[Found], text: str) -> list[Found]:
    """One attribution per cue; one whose cue sits in another's content moves into its `nested`
    ("X said Y claimed Z"), so the top level labels each word once, as PolNeAR does. A separate
    cue (participle after a comma, relative clause) stays on top and ends the outer content."""
    items = list({item.cue: item for item in reversed(found)}.values())[::-1]
    items = [i for i in items if not (i.noun and any(inside_content(g.cue, i) for g in items))]
    top = []
    for item in items:
        if item.separate:  # "..., stating they are ready": a cue of its own; the outer stops here
            cut_before(items, item, text)
            top.append(item)
            continue
        outer = [
            g
            for g in items
            if g is not item and inside_content(item.cue, g) and not inside_content(g.cue, item)
        ]
        if outer:
            outer[0].nested.append(item)
        else:
            top.append(item)
    return top


def cut_before(items: list[Found], item: Found, text: str) -> None:
    """End the content that holds this cue just before the cue (or its content, if earlier)."""
    point = min(item.cue[0], item.content[0][0])
    for other in items:
        if other is not item and inside_content(item.cue, other):
            other.content = [
                trim(text, s, point) if s < point < e else (s, e) for s, e in other.content
            ]
            other.content = [(s, e) for s, e in other.content if e > s]


def inside_content(cue: Offsets, other: Found) -> bool:
    return any(s <= cue[0] and cue[1] <= e for s, e in other.content)


def record(doc: Doc, text: str, item: Found, *, outer: bool = True) -> dict[str, Any]:
    """The plain-dict record for `doc._.attributions` (nested ones one level deep)."""
    return {
        "source": source_record(doc, text, item.source) if item.source else None,
        "cue": span_record(text, item.cue),
        "content": [span_record(text, span) for span in item.content],
        "kind": item.kind,
        "stance": item.stance,
        "nested": [record(doc, text, inner, outer=False) for inner in item.nested] if outer else [],
    }


def span_record(text: str, span: Offsets) -> dict[str, Any]:
    return {"start": span[0], "end": span[1], "text": text[span[0] : span[1]]}


def source_record(doc: Doc, text: str, source: tuple[Token, Offsets]) -> dict[str, Any]:
    """Source span with its actor: coreference for pronouns, else the overlapping mention."""
    token, span = source
    if token.lower_ in RELATIVE and token.head.dep_ == "relcl":
        token, span = token.head.head, antecedent_span(token.head)  # "who" -> its antecedent
    actor = (doc._.coref or {}).get(token.i) or mention_actor(
        doc._.actor_mentions or (), token, span
    )
    code = (doc._.actors or {}).get(actor, (None, None))[1] if actor else None
    return {**span_record(text, source[1]), "actor": actor, "code": code}


def antecedent_span(clause: Token) -> Offsets:
    """The noun phrase a relative clause hangs on, less the clause ("emails *that showed*
    members sought to undercut Sanders" are emails, not Sanders)."""
    words = [t for t in clause.head.subtree if t.i < clause.left_edge.i] or [clause.head]
    return words[0].idx, words[-1].idx + len(words[-1])


def mention_actor(
    mentions: Iterable[tuple[int, int, str | None, str]], token: Token, span: Offsets
) -> str | None:
    """The actor of the mention holding the source's head word, else of the first person in
    its phrase ("Venezuela's Defense: Maduro" is Maduro), else of the first actor there."""
    inside = [m for m in mentions if m[2] and m[0] < span[1] and span[0] < m[1]]
    for m_start, m_end, actor, _ in inside:
        if m_start <= token.idx < m_end:
            return actor
    people = [m for m in inside if m[3] == "PERSON"]
    return (people or inside)[0][2] if inside else None
