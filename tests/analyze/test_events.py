"""crisisdesk_events on short texts written for these tests: types, modes, sides, codes."""

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from crisisdesk.analyze.components.event_lexicon import EventLexicon
from crisisdesk.analyze.convert import to_analysis
from crisisdesk.errors import AnalyzeError
from crisisdesk.records import Participant
from tests.conftest import SEED

STRIKES = "The US Navy carried out strikes on three boats off the coast of Venezuela on Tuesday."
THREAT = "President Donald Trump threatened to strike Venezuela."
CLAIM = "Maduro claimed that Venezuela had mobilized 8 million reservists."
DENIAL = "Venezuela denied that its troops had attacked the boats."
REFUSAL = "Caracas refused to release the detained sailors."
OFFER = "Colombia offered to mediate between Washington and Caracas."
DEMAND = "Russia said the United States must withdraw its warships from the Caribbean."
ARREST = "Israeli soldiers arrested 20 protesters in Hebron."
SANCTIONS = "The European Union imposed sanctions on Venezuelan officials."
TEXTS = (STRIKES, THREAT, CLAIM, DENIAL, REFUSAL, OFFER, DEMAND, ARREST, SANCTIONS, SEED)


def events(nlp: Language, text: str) -> list[dict[str, Any]]:
    return list(nlp(text)._.events)


def one(nlp: Language, text: str) -> dict[str, Any]:
    found = events(nlp, text)
    assert len(found) == 1, [(e["type"], e["trigger"]["text"]) for e in found]
    return found[0]


def codes(side: list[dict[str, Any]]) -> list[str | None]:
    return [p["code"] for p in side]


def test_offsets_slice_the_text(nlp: Language) -> None:
    for text in TEXTS:
        for event in events(nlp, text):
            assert text[event["start"] : event["end"]] == event["text"]
            parts = [event["trigger"], *event["source"], *event["target"]]
            for part in [*parts, *([event["place"]] if event["place"] else [])]:
                assert text[part["start"] : part["end"]] == part["text"]


def test_strikes_carried_out_by_a_navy_are_fighting(nlp: Language) -> None:
    event = one(nlp, STRIKES)
    assert (event["type"], event["mode"], event["code"]) == ("FIGHT", "happened", "190")
    assert event["source"][0]["text"] == "The US Navy"
    assert (event["source"][0]["code"], event["source"][0]["sector"]) == ("USA", "MIL")
    assert [p["text"] for p in event["target"]] == ["three boats"]  # not "Tuesday"
    assert event["place"]["text"] == "Venezuela"
    assert event["intensity"] == -10.0


def test_a_threat_to_strike_is_threaten_not_an_attack(nlp: Language) -> None:
    event = one(nlp, THREAT)
    assert (event["type"], event["mode"], event["trigger"]["text"]) == (
        "THREATEN",
        "threatened",
        "threatened",
    )
    assert (codes(event["source"]), codes(event["target"])) == (["USA"], ["VEN"])
    assert (event["code"], event["intensity"]) == ("138", -7.0)  # a threat of force


def test_a_claimed_mobilization_stays_claimed_by_who_claims_it(nlp: Language) -> None:
    event = one(nlp, CLAIM)
    assert (event["type"], event["mode"], event["claimed_by"]) == (
        "MOBILIZE",
        "claimed",
        "Nicolás Maduro",
    )
    assert codes(event["source"]) == ["VEN"]


def test_a_denied_attack_is_denied_and_its_troops_belong_to_the_denier(nlp: Language) -> None:
    event = one(nlp, DENIAL)
    assert (event["type"], event["mode"]) == ("FIGHT", "denied")
    assert event["source"][0]["text"] == "its troops"
    assert (event["source"][0]["code"], event["source"][0]["sector"]) == ("VEN", "MIL")


def test_a_refused_release_is_a_rejection_of_the_release(nlp: Language) -> None:
    event = one(nlp, REFUSAL)
    assert (event["type"], event["trigger"]["text"]) == ("REJECT", "refused")
    assert codes(event["source"]) == ["VEN"]
    assert [p["text"] for p in event["target"]] == ["the detained sailors"]


def test_an_offer_to_mediate_is_an_agreement_planned(nlp: Language) -> None:
    event = one(nlp, OFFER)
    assert (event["type"], event["mode"]) == ("AGREE", "planned")
    assert codes(event["target"]) == ["USA", "VEN"]


def test_must_in_a_statement_is_the_speakers_demand(nlp: Language) -> None:
    event = one(nlp, DEMAND)
    assert event["type"] == "DEMAND"
    assert (codes(event["source"]), codes(event["target"])) == (["RUS"], ["USA"])


@pytest.mark.parametrize(
    "text",
    [
        "The army did not attack the village.",
        "The missiles are capable of shooting down drones.",
        "Strikes are illegal.",
    ],
)
def test_no_event_for_what_did_not_or_only_could_happen(nlp: Language, text: str) -> None:
    assert events(nlp, text) == []


def test_violence_is_fighting_by_soldiers_and_assault_by_gunmen(nlp: Language) -> None:
    assert one(nlp, "Soldiers killed two gunmen.")["type"] == "FIGHT"
    assault = one(nlp, "Gunmen killed two farmers.")
    assert assault["type"] == "ASSAULT"
    assert [p["sector"] for p in assault["source"] + assault["target"]] == ["UAF", "AGR"]


def test_arrests_are_coercion_with_sectors_and_place(nlp: Language) -> None:
    event = one(nlp, ARREST)
    assert event["type"] == "COERCE"
    assert (event["source"][0]["code"], event["source"][0]["sector"]) == ("ISR", "MIL")
    assert event["target"][0]["sector"] == "OPP"
    assert event["place"]["text"] == "Hebron"


def test_an_international_body_is_igo_and_a_name_is_no_sector(nlp: Language) -> None:
    event = one(nlp, SANCTIONS)
    assert event["type"] == "SANCTION"
    assert (event["source"][0]["code"], event["source"][0]["sector"]) == ("IGO", None)
    assert event["target"][0]["text"] == "Venezuelan officials"
    assert event["target"][0]["code"] == "VEN"


def test_seed_sentences_code_the_deployment_and_the_threat(nlp: Language) -> None:
    found = {e["type"]: e for e in events(nlp, SEED)}
    assert found["MOBILIZE"]["mode"] == "claimed"
    assert codes(found["MOBILIZE"]["source"]) == ["VEN"]  # "his country": Maduro's
    assert (codes(found["THREATEN"]["source"]), codes(found["THREATEN"]["target"])) == (
        ["USA"],
        ["VEN"],
    )


def test_convert_types_the_events(nlp: Language) -> None:
    analysis = to_analysis(nlp(THREAT))
    (event,) = analysis.events
    assert event.type == "THREATEN"
    assert event.source[0] == Participant(
        0, 22, "President Donald Trump", "Donald Trump", "USA", "GOV"
    )
    assert event.trigger is not None
    assert event.trigger.text == "threatened"

    contract = analysis.to_json()["events"][0]
    assert {"start", "end", "type", "source", "target", "time", "mode"} <= set(contract)
    assert {"text", "actor", "code"} <= set(contract["source"][0])


def test_a_rule_with_an_unknown_code_is_refused(tmp_path: Path) -> None:
    verbs = tmp_path / "verbs.tsv"
    verbs.write_text("strike\tevent\t-\t999\n", encoding="utf-8")
    with pytest.raises(AnalyzeError, match="unknown CAMEO code 999"):
        EventLexicon.from_files(
            verbs=str(verbs),
            nouns="event_nouns.tsv",
            classes="event_classes.tsv",
            codes="event_codes.tsv",
            sectors="event_sectors.tsv",
            bodies="event_actors.tsv",
            people="event_people.tsv",
        )
