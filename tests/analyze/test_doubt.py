"""crisisdesk_doubt on short real-style texts: kinds, who doubts, what is doubted, skips."""

from typing import Any

import pytest
from spacy.language import Language

STRIKES = (
    "The US has carried out several lethal strikes on boats off the Caribbean coast, alleging "
    "they were trafficking narcotics. These strikes have been questioned by US lawmakers for "
    "their legality."
)
RESERVISTS = (
    "Maduro has responded by repositioning troops and claiming to have mobilized over 8 million "
    "reservists in volunteer militias (a number experts have questioned)."
)


def doubts(nlp: Language, text: str) -> list[dict[str, Any]]:
    return list(nlp(text)._.doubts)


def one(nlp: Language, text: str, kind: str) -> dict[str, Any]:
    found = [d for d in doubts(nlp, text) if d["kind"] == kind]
    assert len(found) == 1, found
    return found[0]


def test_offsets_slice_the_text(nlp: Language) -> None:
    for text in (STRIKES, RESERVISTS):
        for item in doubts(nlp, text):
            assert text[item["start"] : item["end"]] == item["text"]
            for key in ("target", "by_span", "target_antecedent"):
                if item[key]:
                    assert text[item[key]["start"] : item[key]["end"]] == item[key]["text"]


def test_passive_dispute_by_agent_with_antecedent(nlp: Language) -> None:
    item = one(nlp, STRIKES, "dispute")
    assert item["by"] == "US lawmakers"
    assert item["target"]["text"] == "These strikes"
    assert item["target_antecedent"]["text"] == "several lethal strikes"
    assert item["text"] == "These strikes have been questioned by US lawmakers"


def test_allegation_with_its_content(nlp: Language) -> None:
    item = one(nlp, STRIKES, "allegation")
    assert item["text"] == "alleging they were trafficking narcotics"
    assert item["target"]["text"] == "they were trafficking narcotics"
    assert item["by"] == "The US"


def test_parenthetical_dispute_targets_the_figure(nlp: Language) -> None:
    item = one(nlp, RESERVISTS, "dispute")
    assert item["text"] == "a number experts have questioned"
    assert item["by"] == "experts"
    assert item["target"]["text"] == "over 8 million reservists"


def test_relative_clause_dispute(nlp: Language) -> None:
    item = one(nlp, "The strikes, which lawmakers have questioned, continued.", "dispute")
    assert item["by"] == "lawmakers"
    assert item["target"]["text"] == "The strikes"


def test_denial_and_rejected_claim(nlp: Language) -> None:
    item = one(nlp, "Officials in Caracas denied the report on Monday.", "denial")
    assert (item["text"], item["by"]) == ("Officials in Caracas denied the report", "Officials")
    item = one(nlp, "The ministry rejected the claim as propaganda.", "denial")
    assert item["target"]["text"] == "the claim"


def test_unconfirmed(nlp: Language) -> None:
    item = one(nlp, "The figure could not be independently verified.", "unconfirmed")
    assert item["text"] == "The figure could not be independently verified"
    assert item["target"]["text"] == "The figure"
    item = one(nlp, "He made the claim without providing evidence.", "unconfirmed")
    assert item["text"] == "without providing evidence"


def test_hedges(nlp: Language) -> None:
    text = "Troops reportedly crossed the border. It is unclear whether the talks will resume."
    found = {d["text"] for d in doubts(nlp, text) if d["kind"] == "hedge"}
    assert found == {"reportedly", "It is unclear whether"}


def test_epistemic_may_but_not_the_month(nlp: Language) -> None:
    text = "The rebels may attack the capital. The talks ended in May."
    found = [d["text"] for d in doubts(nlp, text)]
    assert found == ["may"]
    assert text.index("may") == doubts(nlp, text)[0]["start"]


@pytest.mark.parametrize(
    "text",
    [
        "He could not reach the border.",
        "If he could, he would leave.",
        "You may leave the room now.",
        "Police questioned the suspect for hours.",
        "The ministry rejected the proposal.",
        "The journalist was denied entry at the border.",
        "The army will finish the exercise on Friday.",
    ],
)
def test_non_doubts_are_skipped(nlp: Language, text: str) -> None:
    assert doubts(nlp, text) == []


def test_doubt_leaves_other_outputs_alone(nlp: Language) -> None:
    with nlp.select_pipes(disable=["crisisdesk_doubt"]):
        before = nlp(STRIKES)
    after = nlp(STRIKES)
    assert before._.doubts is None
    assert after._.actor_mentions == before._.actor_mentions
    assert [(e.start_char, e.label_) for e in after.ents] == [
        (e.start_char, e.label_) for e in before.ents
    ]


def test_records_convert(nlp: Language) -> None:
    from crisisdesk.analyze import analyze

    (analysis,) = analyze([(RESERVISTS, None)], nlp=nlp)
    (record,) = [d for d in analysis.to_json()["doubts"] if d["kind"] == "dispute"]
    assert record["by"] == "experts"
    assert record["target"]["text"] == "over 8 million reservists"


def test_who_disputes_is_the_widest_actor_mention(nlp: Language) -> None:
    found = doubts(nlp, "These strikes have been questioned by US lawmakers for their legality.")
    assert [d["by_actor"] for d in found if d["kind"] == "dispute"] == ["US Congress"]
