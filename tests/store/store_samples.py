"""Tiny, readable records for the store tests: one report of a deployment and a denial.

A plain module (not conftest) so tests can import it by a name no other test folder uses."""

from datetime import date

from crisisdesk.records import (
    Actor,
    ActorRef,
    Analysis,
    Attribution,
    Document,
    Doubt,
    Entity,
    Event,
    Participant,
    Quantity,
    Span,
    TimeExpr,
)

TEXT = (
    "The United States has deployed 4,500 Marines to the Caribbean, the Pentagon said on "
    "Wednesday. Venezuela denied that any missiles were moved."
)
FIRST = (
    "The United States has deployed 4,500 Marines to the Caribbean, the Pentagon said on Wednesday."
)
SECOND = "Venezuela denied that any missiles were moved."


def span(phrase: str, text: str = TEXT) -> Span:
    """The Span of the first occurrence of `phrase`, checked by slicing."""
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


def at(phrase: str) -> tuple[int, int, str]:
    """start, end, text of `phrase`, for records that spell offsets out."""
    s = span(phrase)
    return s.start, s.end, s.text


def ref(phrase: str, actor: str, code: str | None = None) -> ActorRef:
    s = span(phrase)
    return ActorRef(s.start, s.end, s.text, actor, code)


def entity(phrase: str, label: str, actor: str, code: str) -> Entity:
    s = span(phrase)
    return Entity(s.start, s.end, s.text, label, actor, code)


def make_analysis(text: str = TEXT) -> Analysis:
    """Two sentences, three entities (two of the United States in the first sentence), one
    quantity inside one attribution, a denial, a time and an event."""
    deployed = span("deployed")
    return Analysis(
        text=text,
        published=date(2025, 10, 23),
        sentences=(span(FIRST), span(SECOND)),
        entities=(
            entity("United States", "GPE", "United States", "USA"),
            entity("Pentagon", "ORG", "United States", "USA"),
            entity("Venezuela", "GPE", "Venezuela", "VEN"),
        ),
        attributions=(
            Attribution(
                source=ref("the Pentagon", "United States", "USA"),
                cue=span("said"),
                content=(span("The United States has deployed 4,500 Marines to the Caribbean"),),
                kind="indirect",
                stance="asserted",
            ),
        ),
        doubts=(
            Doubt(
                *at("denied that any missiles were moved"),
                kind="denial",
                target=span("missiles were moved"),
                by="Venezuela",
            ),
        ),
        quantities=(
            Quantity(
                *at("4,500"),
                value=4500,
                unit="count",
                counted="Marines",
                claimed_by="United States",
                stance="asserted",
            ),
        ),
        times=(TimeExpr(*at("on Wednesday"), value="2025-10-22", type="DATE"),),
        events=(
            Event(
                deployed.start,
                deployed.end,
                type="MOBILIZE",
                source=(Participant(*at("United States"), "United States", "USA"),),
                time="2025-10-22",
                intensity=-7.2,
                code="154",
                trigger=deployed,
            ),
        ),
        actors=(Actor("United States", "state", "USA"), Actor("Venezuela", "state", "VEN")),
    )


def said(speaker: str, actor: str, *, kind: str = "PERSON") -> tuple[Document, Analysis]:
    """A one-sentence report "<speaker> said 300 troops would leave." whose speaker is `actor`:
    an entity, the source of a claim, the claimant of a number and the one who doubts it."""
    text = f"{speaker} said 300 troops would leave, which {speaker} later doubted."
    name = span(speaker, text)
    source = ActorRef(name.start, name.end, name.text, actor)
    analysis = Analysis(
        text=text,
        published=date(2025, 11, 2),
        sentences=(Span(0, len(text), text),),
        entities=(Entity(name.start, name.end, name.text, kind, actor),),
        attributions=(
            Attribution(
                source,
                span("said", text),
                (span("300 troops would leave", text),),
                "indirect",
                "asserted",
            ),
        ),
        doubts=(Doubt(*_at("later doubted", text), kind="hedge", by=speaker, by_actor=actor),),
        quantities=(
            Quantity(
                *_at("300", text), value=300, unit="count", counted="troops", claimed_by=actor
            ),
        ),
        actors=(Actor(actor, kind),),
    )
    return Document(id=f"doc-{speaker}", text=text, published=analysis.published), analysis


def _at(phrase: str, text: str) -> tuple[int, int, str]:
    s = span(phrase, text)
    return s.start, s.end, s.text
