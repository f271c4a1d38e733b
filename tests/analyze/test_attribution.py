"""crisisdesk_attribution on short texts: sources, cues, content spans, kinds and stances."""

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from crisisdesk.analyze.components.attribution_cues import Cue, object_frame
from crisisdesk.analyze.components.attribution_spans import (
    appositive_owner,
    content_end,
    subject_of,
)

MADURO = (
    "Venezuelan President Nicolás Maduro claimed on Wednesday that his country has deployed "
    "5,000 Russian-made Igla-S anti-aircraft missiles in “key air defense positions” across its "
    "territory."
)
RANGE = (
    "According to Russian exporter Rosoboronexport, the missiles have a range of up to 6,000 "
    "meters and a maximum altitude of 3,500 meters."
)
TRUMP = (
    "President Donald Trump has stated he is weighing military action inside Venezuela to "
    "weaken Maduro."
)


def attributions(nlp: Language, text: str) -> list[dict[str, Any]]:
    return list(nlp(text)._.attributions)


def by_cue(nlp: Language, text: str, cue: str) -> dict[str, Any]:
    found = [a for a in attributions(nlp, text) if a["cue"]["text"] == cue]
    assert len(found) == 1, attributions(nlp, text)
    return found[0]


def content(item: dict[str, Any]) -> list[str]:
    return [c["text"] for c in item["content"]]


def test_offsets_slice_the_text(nlp: Language) -> None:
    text = f"{MADURO} {RANGE} {TRUMP}"
    found = attributions(nlp, text)
    assert len(found) == 3
    for item in found:
        spans = [item["cue"], *item["content"]] + ([item["source"]] if item["source"] else [])
        for span in spans:
            assert text[span["start"] : span["end"]] == span["text"]


def test_claim_with_mixed_quote(nlp: Language) -> None:
    item = by_cue(nlp, MADURO, "claimed")
    assert item["source"]["actor"] == "Nicolás Maduro"
    assert item["source"]["code"] == "VEN"
    assert content(item)[0].startswith("that his country has deployed 5,000")
    assert content(item)[0].endswith("across its territory")  # the final period stays out
    assert (item["kind"], item["stance"]) == ("mixed", "claimed")


def test_according_to(nlp: Language) -> None:
    item = by_cue(nlp, RANGE, "According to")
    assert item["source"]["text"] == "Russian exporter Rosoboronexport"
    assert item["source"]["actor"] == "Rosoboronexport"
    assert content(item) == [
        "the missiles have a range of up to 6,000 meters and a maximum altitude of 3,500 meters"
    ]
    assert item["kind"] == "according_to"


def test_indirect_statement(nlp: Language) -> None:
    item = by_cue(nlp, TRUMP, "stated")
    assert item["source"]["actor"] == "Donald Trump"
    assert content(item) == ["he is weighing military action inside Venezuela to weaken Maduro"]
    assert (item["kind"], item["stance"]) == ("indirect", "asserted")


def test_direct_quote_with_pronoun_speaker(nlp: Language) -> None:
    text = (
        "Nicolás Maduro spoke to troops in Caracas. “We are ready to defend every town,” he said. "
        "“Nobody will take our land.”"
    )
    item = by_cue(nlp, text, "said")
    assert item["source"]["text"] == "he"
    assert item["source"]["actor"] == "Nicolás Maduro"
    assert content(item) == ["“We are ready to defend every town,”", "“Nobody will take our land.”"]
    assert item["kind"] == "direct"


def test_inverted_and_passive_speakers(nlp: Language) -> None:
    text = "The talks will resume next week, said the foreign minister."
    item = by_cue(nlp, text, "said")
    assert item["source"]["text"] == "the foreign minister"
    assert content(item) == ["The talks will resume next week"]
    misread = (  # the parser takes "signals" for the cue's subject: the content is still all
        'The rejection of the deal signals "the beginning of the end" for the bloc, said '
        "Anna Berg, founder of the Green League."
    )
    assert content(by_cue(nlp, misread, "said")) == [misread[: misread.index(", said")]]
    passive = by_cue(nlp, "The strikes were questioned by US lawmakers.", "questioned")
    assert passive["source"]["actor"] == "US Congress"
    assert content(passive) == ["The strikes"]
    assert passive["stance"] == "questioned"


def test_participial_cues_take_the_governing_subject(nlp: Language) -> None:
    text = (
        "The US has carried out several lethal strikes on boats, alleging they were trafficking "
        "narcotics."
    )
    item = by_cue(nlp, text, "alleging")
    assert item["source"]["text"] == "The US"
    assert content(item) == ["they were trafficking narcotics"]
    assert item["stance"] == "alleged"


@pytest.mark.parametrize(
    ("text", "cue", "stance"),
    [
        ("The ministry denied that troops had crossed the border.", "denied", "denied"),
        ("Analysts doubted that the missiles were operational.", "doubted", "questioned"),
        ("Officials did not confirm that the ship was sunk.", "confirm", "questioned"),
        ("Cabello insisted that the militias were ready.", "insisted", "claimed"),
    ],
)
def test_stance_from_cue_and_negation(nlp: Language, text: str, cue: str, stance: str) -> None:
    assert by_cue(nlp, text, cue)["stance"] == stance


def test_colon_quote_and_continuation(nlp: Language) -> None:
    text = 'Rubio told reporters: "The pressure will continue. We are not done."'
    item = by_cue(nlp, text, "told")
    assert content(item) == ['"The pressure will continue. We are not done."']
    assert item["kind"] == "direct"


def test_nested_attribution_moves_inside(nlp: Language) -> None:
    text = "Maduro said that Washington claimed the boats carried drugs."
    top = attributions(nlp, text)
    assert [a["cue"]["text"] for a in top] == ["said"]
    assert [a["cue"]["text"] for a in top[0]["nested"]] == ["claimed"]


def test_narration_without_cue_is_skipped(nlp: Language) -> None:
    assert attributions(nlp, "The US has deployed 4,500 Marines to the Caribbean.") == []


def test_phrasal_cue_takes_its_preposition(nlp: Language) -> None:
    text = "Opposition leaders called for an independent inquiry into the strikes."
    item = by_cue(nlp, text, "called for")
    assert item["source"]["text"] == "Opposition leaders"
    assert content(item) == ["an independent inquiry into the strikes"]


def test_object_content_runs_through_its_phrases(nlp: Language) -> None:
    text = "The minister defended the navy against accusations of piracy."
    item = by_cue(nlp, text, "defended")
    assert content(item) == ["the navy against accusations of piracy"]


def test_quote_before_cue_wins_over_object(nlp: Language) -> None:
    text = "“Hold your positions,” the general urged his officers."
    item = by_cue(nlp, text, "urged")
    assert content(item) == ["“Hold your positions,”"]
    assert item["source"]["text"] == "the general"


def test_survey_as_source(nlp: Language) -> None:
    text = "In a poll released Sunday, Maduro's approval fell to 20 percent."
    item = by_cue(nlp, text, "In")
    assert item["source"]["text"] == "a poll released Sunday"
    assert content(item) == ["Maduro's approval fell to 20 percent"]


def test_noun_cue_with_that_clause(nlp: Language) -> None:
    text = "Maduro's claim that the missiles were operational drew scepticism in Washington."
    item = by_cue(nlp, text, "claim")
    assert item["source"]["text"] == "Maduro's"
    assert content(item) == ["that the missiles were operational"]
    assert item["stance"] == "claimed"


def test_noun_cue_gives_way_to_a_verb_inside_it(nlp: Language) -> None:
    text = "The file includes the suggestion that Washington denied the strikes."
    assert [a["cue"]["text"] for a in attributions(nlp, text)] == ["denied"]


def test_relative_clause_cue_leaves_out_speaker(nlp: Language) -> None:
    text = "Maduro attacked the sanctions, which he said had hurt ordinary families."
    outer = by_cue(nlp, text, "attacked")
    assert content(outer) == ["the sanctions"]  # the writer's aside stays out
    item = by_cue(nlp, text, "said")
    assert item["source"]["text"] == "he"
    assert content(item) == ["which", "had hurt ordinary families"]


def test_hearer_is_not_content(nlp: Language) -> None:
    text = "The minister told reporters the talks would resume next week."
    assert content(by_cue(nlp, text, "told")) == ["the talks would resume next week"]


def test_statement_saying_takes_the_issuer(nlp: Language) -> None:
    text = "Cabello issued a statement saying the militias were ready."
    item = by_cue(nlp, text, "saying")
    assert item["source"]["text"] == "Cabello"
    assert content(item) == ["the militias were ready"]


def test_speaker_after_quote_with_its_own_subject(nlp: Language) -> None:
    text = "“In my view, [Machado] can be very divisive,” Ramírez said."
    assert by_cue(nlp, text, "said")["source"]["text"] == "Ramírez"


def test_source_phrase_with_a_place_and_a_person_is_the_person(nlp: Language) -> None:
    text = (
        "Venezuela’s Defense: Maduro highlighted the Igla-S missiles, which are short-range "
        "systems."
    )
    found = by_cue(nlp, text, "highlighted")
    assert found["source"]["actor"] == "Nicolás Maduro"


def test_possessed_noun_cue_takes_its_object(nlp: Language) -> None:
    item = by_cue(nlp, "Maduro's criticism of the sanctions grew louder.", "criticism")
    assert item["source"]["text"] == "Maduro's"
    assert content(item) == ["the sanctions"]


def test_unpossessed_noun_without_clause_is_no_cue(nlp: Language) -> None:
    assert attributions(nlp, "The criticism of the sanctions grew louder.") == []


def test_see_as_is_a_cue_only_with_as(nlp: Language) -> None:
    text = "Many officers see Maduro as the only leader who can keep the army together."
    item = by_cue(nlp, text, "see")
    assert item["source"]["text"] == "Many officers"
    assert content(item) == ["Maduro as the only leader who can keep the army together"]
    assert attributions(nlp, "Many officers see the missiles every day.") == []


def test_passive_governing_clause_gives_the_source(nlp: Language) -> None:
    text = (
        "Since then the government has been tightened, criticizing the opposition for the unrest."
    )
    assert by_cue(nlp, text, "criticizing")["source"]["text"] == "the government"


def test_time_phrase_after_object_is_not_content(nlp: Language) -> None:
    item = by_cue(nlp, "Padrino defended the deployment during a televised address.", "defended")
    assert content(item) == ["the deployment"]


def test_appositive_owner_is_the_name(nlp: Language) -> None:
    doc = nlp(
        "Diosdado Cabello, the party's vice president, suggested that the militias were ready."
    )
    owner = appositive_owner(doc[7])  # "president", just before the comma
    assert owner is not None
    assert owner.text == "Cabello"
    assert appositive_owner(doc[1]) is None  # "Cabello" itself describes no one


def test_small_clause_predicate_makes_an_object_frame(nlp: Language) -> None:
    words = ["Cabello", "calls", "Maduro", "unqualified"]
    small = Doc(nlp.vocab, words=words, heads=[1, 1, 3, 1], deps=["nsubj", "ROOT", "nsubj", "oprd"])
    bare = Doc(nlp.vocab, words=["Cabello", "calls"], heads=[1, 1], deps=["nsubj", "ROOT"])
    cue = Cue("asserted", frozenset({"object"}))
    assert object_frame(small[1], cue)
    assert not object_frame(bare[1], cue)
    assert not object_frame(small[1], Cue("asserted", frozenset({"as"})))


def test_as_clause_reports_the_clause_it_modifies(nlp: Language) -> None:
    text = "As the Times reported on Monday, the senator will not run again."
    item = by_cue(nlp, text, "reported")
    assert item["source"]["text"] == "the Times"
    assert content(item) == ["the senator will not run again"]


def test_stance_adjective_after_a_copula(nlp: Language) -> None:
    text = "The governor was critical of the new budget plan."
    item = by_cue(nlp, text, "critical")
    assert item["source"]["text"] == "The governor"
    assert content(item) == ["the new budget plan"]


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        ("Her decision to leave the race surprised her donors.", "decision", "to leave the race"),
        (
            "Their fear is that the vote will be delayed again.",
            "fear",
            "that the vote will be delayed again",
        ),
    ],
)
def test_noun_cue_with_infinitive_or_copula(
    nlp: Language, text: str, cue: str, expected: str
) -> None:
    assert content(by_cue(nlp, text, cue)) == [expected]


def test_passive_cue_without_agent_takes_subject_and_complement(nlp: Language) -> None:
    item = by_cue(nlp, "The new minister is widely seen as a hardliner.", "seen")
    assert content(item) == ["The new minister", "as a hardliner"]
    assert item["source"] is None


def test_passive_cue_without_complement_is_no_attribution(nlp: Language) -> None:
    assert attributions(nlp, "The motion was denied.") == []


def test_speaker_after_cue_following_a_quotation(nlp: Language) -> None:
    item = by_cue(nlp, '"It will not happen," tweeted another.', "tweeted")
    assert item["source"]["text"] == "another"
    assert content(item) == ['"It will not happen,"']


def test_participle_inside_reported_clause_speaks_for_the_reporter(nlp: Language) -> None:
    words = ["Cabello", "said", "he", "plans", "trips", ",", "insisting"]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 1, 3, 1, 3, 3, 3],
        deps=["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "punct", "advcl"],
        pos=["PROPN", "VERB", "PRON", "VERB", "NOUN", "PUNCT", "VERB"],
    )
    assert subject_of(doc[6]) == doc[0]  # the parse hung "insisting" on "plans"
    assert subject_of(doc[3]) == doc[2]


def test_source_of_a_cue_inside_a_prepositional_phrase(nlp: Language) -> None:
    text = "In addition to claiming that the vote was fair, Maduro has promised new talks."
    item = by_cue(nlp, text, "claiming")
    assert item["source"]["text"] == "Maduro"


def test_appositive_after_object_is_left_out(nlp: Language) -> None:
    words = ["Petro", "denounced", "the", "deal", ",", "an", "offer", "and", "a", "plan"]
    heads = [1, 1, 3, 1, 3, 6, 3, 6, 9, 6]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "det", "appos", "cc", "det", "conj"]
    doc = Doc(nlp.vocab, words=words[:7], heads=heads[:7], deps=deps[:7])
    assert content_end(doc[3]) == doc[4].idx  # "the deal, an offer": the aside stays out
    listed = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert content_end(listed[3]) == listed[-1].idx + 4  # "the deal, an offer and a plan": a list


def test_response_by_a_deed_is_no_statement(nlp: Language) -> None:
    text = "Padrino responded to the sanctions by moving troops to the border."
    assert [a["cue"]["text"] for a in attributions(nlp, text)] == []


def test_source_glued_to_a_figure_noun_is_the_noun(nlp: Language) -> None:
    text = "He claimed to have mobilized 8 million reservists, a number experts have questioned."
    item = by_cue(nlp, text, "questioned")
    assert item["source"]["text"] == "experts"


def test_a_clause_the_parser_broke_up_is_reported_whole(nlp: Language) -> None:
    text = (
        "The Harbour Audit Office said the Arena cost taxpayers £28.7m to maintain and sell in "
        "the four years after it closed."
    )
    said = by_cue(nlp, text, "said")
    assert content(said) == [
        "the Arena cost taxpayers £28.7m to maintain and sell in the four years after it closed"
    ]


def test_a_relative_pronoun_stands_for_its_noun_not_for_a_name_in_its_clause(
    nlp: Language,
) -> None:
    text = (
        "Stein accused the committee of sabotaging the campaign, a reference to thousands of "
        "emails leaked last week that showed senior members sought to undercut Bernie Sanders."
    )
    showed = by_cue(nlp, text, "showed")
    assert showed["source"]["text"] == "that"
    assert showed["source"]["actor"] is None
