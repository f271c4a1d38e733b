"""crisisdesk_doubt on short real-style texts: kinds, who doubts, what is doubted, skips."""

from typing import Any

import pytest
from spacy.language import Language

from crisisdesk.analyze.components.doubt_tree import clause

STRIKES = (
    "The US has carried out several lethal strikes on boats off the Caribbean coast, alleging "
    "they were trafficking narcotics. These strikes have been questioned by US lawmakers for "
    "their legality."
)
RESERVISTS = (
    "Maduro has responded by repositioning troops and claiming to have mobilized over 8 million "
    "reservists in volunteer militias (a number experts have questioned)."
)

COUP = (
    "Maduro accused Washington of plotting a coup, which the State Department dismissed as absurd."
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


# --- hedges added with the lexicon patterns ---


@pytest.mark.parametrize(
    ("text", "hedge", "target"),
    [
        (
            "It was not immediately clear how many soldiers were wounded.",
            "It was not immediately clear",
            "how many soldiers were wounded",
        ),
        (
            "It is not known whether the convoy reached the town.",
            "It is not known whether",
            "whether the convoy reached the town",
        ),
        (
            "The so-called volunteer brigades left for the front.",
            "so-called",
            "The so-called volunteer brigades",
        ),
        (
            "Rebels might have taken the airport overnight.",
            "might",
            "Rebels might have taken the airport overnight",
        ),
    ],
)
def test_hedge_phrases(nlp: Language, text: str, hedge: str, target: str) -> None:
    item = one(nlp, text, "hedge")
    assert item["text"] == hedge
    assert text[item["start"] : item["end"]] == hedge
    assert item["target"]["text"] == target


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the bridge would reopen next week.",  # reported future: not a hedge
        "It is clear that the talks failed.",  # "not" is needed for the phrase
        "The ceasefire began in May.",
    ],
)
def test_not_hedges(nlp: Language, text: str) -> None:
    assert [d for d in doubts(nlp, text) if d["kind"] == "hedge"] == []


# --- disputes and denials: verbs, targets, who ---


@pytest.mark.parametrize(
    ("text", "kind", "by", "target"),
    [
        (
            "Independent analysts disputed the figure.",
            "dispute",
            "Independent analysts",
            "the figure",
        ),
        (
            "The casualty count was contested by opposition groups.",
            "dispute",
            "opposition groups",
            "The casualty count",
        ),
        (
            "Rights groups challenged the official account of the raid.",
            "dispute",
            "Rights groups",
            "the official account of the raid",
        ),
        ("The ministry refuted the allegations.", "denial", "The ministry", "the allegations"),
        ("Kyiv rebuffed the accusations on Tuesday.", "denial", "Kyiv", "the accusations"),
        (
            "The report, which officials denied, described mass arrests.",
            "denial",
            "officials",
            "The report",
        ),
    ],
)
def test_dispute_and_denial_arguments(
    nlp: Language, text: str, kind: str, by: str, target: str
) -> None:
    item = one(nlp, text, kind)
    assert item["by"] == by
    assert item["target"]["text"] == target
    assert text[item["by_span"]["start"] : item["by_span"]["end"]] == by


def test_denied_allegations_are_not_an_allegation_too(nlp: Language) -> None:
    assert [d["kind"] for d in doubts(nlp, "The ministry refuted the allegations.")] == ["denial"]


def test_by_actor_resolves_a_place_for_its_government(nlp: Language) -> None:
    item = one(nlp, "Kyiv rebuffed the accusations on Tuesday.", "denial")
    assert item["by_actor"] == "Ukraine"


def test_shell_after_comma_targets_the_figure(nlp: Language) -> None:
    text = "The ministry said the blast killed 40 people, a number that local doctors disputed."
    item = one(nlp, text, "dispute")
    assert (item["by"], item["target"]["text"]) == ("local doctors", "40 people")


def test_claim_after_comma_targets_the_clause(nlp: Language) -> None:
    text = "Witnesses said the shelling may have killed dozens, a claim the army denied."
    item = one(nlp, text, "denial")
    assert item["by"] == "the army"
    assert item["target"]["text"] == "the shelling may have killed dozens"


@pytest.mark.parametrize(
    "text",
    [
        "The families challenged the strike in court.",  # a contest, not a doubt about a claim
        "The president rebuffed the offer of talks.",
        "Both sides claim the disputed territory.",
        "The bank closed thousands of fake accounts.",
    ],
)
def test_not_disputes(nlp: Language, text: str) -> None:
    assert doubts(nlp, text) == []


# --- discrediting adjectives ---


@pytest.mark.parametrize(
    ("text", "kind", "by", "target", "span"),
    [
        (
            "Critics say the figure is inflated.",
            "dispute",
            "Critics",
            "the figure",
            "Critics say the figure is inflated",
        ),
        (
            "The death toll, which analysts say is exaggerated, rose again.",
            "dispute",
            "analysts",
            "The death toll",
            "The death toll, which analysts say is exaggerated",
        ),
        (
            "Officials called the reports baseless.",
            "denial",
            "Officials",
            "the reports",
            "Officials called the reports baseless",
        ),
        (
            "The numbers were exaggerated, the opposition said.",
            "dispute",
            "the opposition",
            "The numbers",
            "The numbers were exaggerated",
        ),
        (
            "Observers cited the disputed figures.",
            "dispute",
            None,
            "the disputed figures",
            "disputed",
        ),
    ],
)
def test_discrediting_adjectives(
    nlp: Language, text: str, kind: str, by: str | None, target: str, span: str
) -> None:
    item = one(nlp, text, kind)
    assert (item["by"], item["target"]["text"], item["text"]) == (by, target, span)


# --- unconfirmed: negated confirmation, missing evidence ---


@pytest.mark.parametrize(
    ("text", "span", "target", "by"),
    [
        (
            "There has been no independent confirmation of the strike.",
            "no independent confirmation of the strike",
            "the strike",
            None,
        ),
        (
            "The army did not confirm the number of casualties.",
            "The army did not confirm the number of casualties",
            "the number of casualties",
            "The army",
        ),
        (
            "Reuters was unable to verify the footage.",
            "unable to verify the footage",
            "the footage",
            "Reuters",
        ),
        (
            "He did not provide any evidence for the charge.",
            "not provide any evidence for the charge",
            "the charge",
            "He",
        ),
        ("The unconfirmed reports spread fast.", "unconfirmed", "The unconfirmed reports", None),
        (
            "The casualty figures remain unverified, officials said.",
            "The casualty figures remain unverified",
            "The casualty figures",
            "officials",
        ),
    ],
)
def test_unconfirmed_forms(
    nlp: Language, text: str, span: str, target: str, by: str | None
) -> None:
    item = one(nlp, text, "unconfirmed")
    assert (item["text"], item["target"]["text"], item["by"]) == (span, target, by)


def test_confirmed_is_not_unconfirmed(nlp: Language) -> None:
    assert doubts(nlp, "The army confirmed the number of casualties.") == []


# --- targets: what each doubt qualifies, so the claims ledger can attach it ---


@pytest.mark.parametrize(
    ("text", "hedge", "target"),
    [
        # a modal hedges the clause of its verb; the reporting frame after it is left out
        (
            "The casualty count could climb, medics cautioned.",
            "could",
            "The casualty count could climb",
        ),
        # a sentence adverb hedges its head's clause; an appositive comment is left out
        (
            "Militias apparently seized the depot, a report the governor rejected.",
            "apparently",
            "Militias apparently seized the depot",
        ),
        (
            "The convoy probably reached Goma overnight.",
            "probably",
            "The convoy probably reached Goma overnight",
        ),
        # "according to ..." is a frame, not part of the hedged clause
        (
            "The guerrillas might have crossed the river, according to local radio.",
            "might",
            "The guerrillas might have crossed the river",
        ),
        # inside reported speech: only the reported clause
        ("Aid workers fear that the dam may fail.", "may", "that the dam may fail"),
    ],
)
def test_hedge_targets_its_clause(nlp: Language, text: str, hedge: str, target: str) -> None:
    item = one(nlp, text, "hedge")
    assert item["text"] == hedge
    assert item["target"]["text"] == target
    assert text[item["target"]["start"] : item["target"]["end"]] == target


def test_hedge_without_a_clause_of_its_own_has_no_target(nlp: Language) -> None:
    item = one(nlp, "It was not immediately clear.", "hedge")
    assert item["target"] is None


def test_likely_voters_is_a_term_not_a_hedge(nlp: Language) -> None:
    assert doubts(nlp, "Polls of likely voters show a tight race.") == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the content clause of the verb the phrase modifies
        (
            "The minister claimed, without evidence, that the ships smuggled arms.",
            "that the ships smuggled arms",
        ),
        (
            "The ships smuggled arms, the minister said without offering proof.",
            "The ships smuggled arms",
        ),
        # a claim noun the verb takes
        ("She repeated the accusation without any evidence.", "the accusation"),
        # conjoined: "claimed X but offered no proof"
        (
            "The senator asserted the vote was rigged but offered no evidence.",
            "the vote was rigged",
        ),
        # no content: the clause itself
        ("Soldiers detained the farmers without evidence.", "Soldiers detained the farmers"),
    ],
)
def test_without_evidence_targets_the_content(nlp: Language, text: str, target: str) -> None:
    item = one(nlp, text, "unconfirmed")
    assert item["target"]["text"] == target


@pytest.mark.parametrize(
    ("text", "by", "target"),
    [
        # appositive shell on the main clause
        (
            "Rwanda quietly sent troops into Congo, a claim Kigali rejected.",
            "Kigali",
            "Rwanda quietly sent troops into Congo",
        ),
        # ", an assertion X denied" (parsed as a passive subject): the clause before the comma
        (
            "Moscow said its troops had taken the village, an assertion Kyiv denied.",
            "Kyiv",
            "its troops had taken the village",
        ),
        # ", which X denied" on a clause
        ("Officials said 40 people died, which the army denied.", "the army", "40 people died"),
        # ", which X dismissed as absurd" after an accusation: its content
        (
            COUP,
            "the State Department",
            "plotting a coup",
        ),
        (
            "Hamas carried out the raid, which Israel denied.",
            "Israel",
            "Hamas carried out the raid",
        ),
    ],
)
def test_relative_and_appositive_denials_target_the_clause(
    nlp: Language, text: str, by: str, target: str
) -> None:
    item = one(nlp, text, "denial")
    assert (item["by"], item["target"]["text"]) == (by, target)


def test_dismissed_as_absurd_names_its_actor(nlp: Language) -> None:
    item = one(nlp, COUP, "denial")
    assert item["by_actor"] == "State Department"
    allegation = one(nlp, COUP, "allegation")  # the accusation stops before the relative
    assert allegation["target"]["text"] == "plotting a coup"


def test_relative_dispute_on_a_thing_keeps_the_noun(nlp: Language) -> None:
    item = one(nlp, "The raids, which activists have questioned, went on.", "dispute")
    assert item["target"]["text"] == "The raids"


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("The spokesman brushed aside the allegations.", "denial", "the allegations"),
        ("The general brushed the reports aside.", "denial", "the reports"),
        ("The embassy waved off the report as propaganda.", "denial", "the report"),
        ("The minister shrugged off the accusations on Monday.", "denial", "the accusations"),
        ("Beijing scoffed at the claim.", "denial", "the claim"),
        ("The ministry dismissed the reports as baseless.", "denial", "the reports"),
        (
            "Economists poured cold water on reports that a deal was near.",
            "dispute",
            "reports that a deal was near",
        ),
    ],
)
def test_dismissive_verbs_on_claims(nlp: Language, text: str, kind: str, target: str) -> None:
    item = one(nlp, text, kind)
    assert item["target"]["text"] == target


@pytest.mark.parametrize(
    "text",
    [
        "The company dismissed the employee.",
        "The general dismissed him as a traitor.",
        "The mayor brushed aside the protesters.",
        "Investors poured cold water on hopes of a rally.",
        "The officer waved the truck through.",
        "Elections are due in May.",
    ],
)
def test_dismissive_verbs_need_a_claim(nlp: Language, text: str) -> None:
    assert doubts(nlp, text) == []


# --- the clause helper behind targets ---


def test_clause_drops_tokens_deep_on_its_right_edge(nlp: Language) -> None:
    text = "The minister claimed the militia shelled the town without evidence."
    doc = nlp(text)
    head = doc[2]
    assert head.text == "claimed"
    # "without evidence" hangs on "shelled", two levels below "claimed"
    drop = frozenset(t.i for t in doc if t.text in {"without", "evidence"})
    start, end = clause(head, drop)
    assert doc[start:end].text == "The minister claimed the militia shelled the town"
