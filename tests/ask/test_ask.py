"""ask on short texts of our own: reading questions, retrieval, candidates, what answers carry,
and abstention."""

from pathlib import Path

import pytest
from spacy.language import Language

from crisisdesk import flow
from crisisdesk.analyze import gazetteer
from crisisdesk.ask import ask
from crisisdesk.ask import question as questions
from crisisdesk.ask.answer import unmentioned
from crisisdesk.ask.candidate import Candidate
from crisisdesk.ask.figures import same_thing
from crisisdesk.ask.retrieve import chained, coverage, retrieve, term_weights
from crisisdesk.ask.span import KIND_FIT, choice, echoing, parsed, past, phrase_candidates
from crisisdesk.desk import Desk
from crisisdesk.ingest.metadata import make_document
from crisisdesk.records import Answer
from crisisdesk.settings import Settings
from crisisdesk.store import SentenceHit, Store

PORT = (
    "The harbour of Valdoro was rebuilt in 1884 after a storm. "
    "Its first harbour master was Elena Marsh, who served for twelve years. "
    "Ships entering the harbour must pass the lighthouse on Gull Rock."
)
CLAIM = (
    "Defence minister Tomas Arkell claimed on Monday that 3,000 reservists had joined the "
    "coastal brigades, a figure analysts questioned. "
    "The brigades patrol the northern shore because smugglers use its coves."
)


def context_store(text: str, settings: Settings) -> Store:
    """A private store of one analysed text, as `Desk.ask` with a context builds it."""
    doc = make_document(text, origin="context")
    return flow.memory_store(doc, next(flow.analyzed([doc], settings))[1])  # type: ignore[arg-type]


def asked(question: str, text: str, nlp: Language, settings: Settings) -> Answer:
    return ask(question, context_store(text, settings), nlp=nlp, settings=settings)


@pytest.mark.parametrize(
    ("question", "kind", "first_label"),
    [
        ("What year was the harbour rebuilt?", "date", "DATE"),
        ("In which coastal city did the talks take place?", "place", "GPE"),
        ("Which building was brought down by the blast?", "place", "FAC"),  # not a town
        ("Which aircraft carrier did the navy send?", "actor", "PRODUCT"),  # not an airline
        ("Which Soviet-made missile did the army fire?", "actor", "PRODUCT"),  # not "Soviet"
        ("What proportion of voters turned out?", "number", "PERCENT"),
        ("How many ships were sunk?", "number", "CARDINAL"),
        ("What lump sum did the firm offer?", "number", "MONEY"),
        ("What does the agency estimate the family's net worth to be?", "number", "MONEY"),
        ("What was the bank's third-quarter 2009 loss?", "number", "MONEY"),
        ("Which casino grew its revenue the most?", "actor", "ORG"),
        ("Which rebel leader signed the accord?", "actor", "PERSON"),
        ("Which shipping company bought the port?", "actor", "ORG"),
        ("Who authorized the strike when the talks failed?", "actor", "PERSON"),
        ("Which media commentator slammed the toll?", "actor", "PERSON"),
        ("Which prosecutor brought the charges?", "actor", "PERSON"),
        ("What is the death toll from the bombings?", "number", "CARDINAL"),
        ("What was the reward offered for the bomber?", "number", "MONEY"),
        ("What nationalities were the men arrested?", "actor", "NORP"),
        ("What is the maximum altitude of the Igla-S?", "quantity", "QUANTITY"),
        ("How low could the governor set the minimum wage?", "quantity", "QUANTITY"),
        ("At whose villa did the envoys meet the rebels?", "actor", "PERSON"),
        ("In which county did the flood hit hardest?", "place", "GPE"),
        ("How soon after the vote did the minister resign?", "quantity", "QUANTITY"),
        ("Which Austrian state interior minister ordered the checks?", "actor", "PERSON"),
        ("Which senior Senate Republican blocked the bill?", "actor", "PERSON"),
        ("Near which shopping center did the blast happen?", "place", "FAC"),
        ("What was Arvel Motors' total loss for the year?", "number", "MONEY"),
        ("What was Time Warner's total profit for all of 2004?", "number", "MONEY"),
        ("Which German publication closed its comments?", "actor", "ORG"),
        ("Which academic headed the Corvale study of sexism?", "actor", "PERSON"),
    ],
)
def test_the_focus_noun_refines_the_wh_word(
    question: str, kind: str, first_label: str, nlp: Language
) -> None:
    read = questions.read(question, nlp)
    assert (read.kind, read.labels[0]) == (kind, first_label)


def test_a_yes_no_question_may_open_with_a_setting(nlp: Language) -> None:
    question = "Pressed on the radio about the raids, did Voss say there was evidence?"
    assert questions.read(question, nlp).kind == "yesno"


def test_reasons_statements_and_speakers_are_read(nlp: Language) -> None:
    assert questions.read("Why did the navy leave the port?", nlp).kind == "reason"
    said = questions.read("What did the minister insist about the brigades?", nlp)
    assert (said.kind, said.speaker) == ("statement", "minister")
    hinted = questions.read("What did the minister hint about the brigades?", nlp)
    assert (hinted.kind, hinted.speaker) == ("statement", "minister")
    according = questions.read("According to Tomas Arkell, how many reservists joined?", nlp)
    assert (according.kind, according.focus, according.speaker) == (
        "number",
        "reservists",
        "Tomas Arkell",
    )


def test_a_kind_asked_for_is_the_noun_after_it(nlp: Language) -> None:
    read = questions.read("What kind of weapon is the Igla-S?", nlp)
    assert (read.kind, read.focus) == ("phrase", "weapon")
    assert "kind" not in read.terms


@pytest.mark.parametrize(
    "question",
    [
        "What was the goal of the naval blockade?",
        "What were the strikes on the boats meant to achieve?",
        "To what end did the navy send the carrier?",
    ],
)
def test_an_aim_asked_for_is_a_reason(question: str, nlp: Language) -> None:
    assert questions.read(question, nlp).kind == "reason"


def test_rare_question_words_weigh_more_than_shared_ones() -> None:
    hits = [
        SentenceHit("d", 0, 0, 40, "The harbour was busy in summer."),
        SentenceHit("d", 1, 41, 90, "The harbour lighthouse stands on Gull Rock."),
    ]
    terms = questions.key_terms("Where does the harbour lighthouse stand?")
    weights = term_weights(terms, hits)
    assert weights["lighthouse"] > weights["harbour"]
    assert coverage(terms, hits[1].text, weights) > coverage(terms, hits[0].text, weights)


def test_a_counted_thing_may_be_named_otherwise() -> None:
    assert same_thing("lives", "people on board")
    assert same_thing("nations", "countries")
    assert not same_thing("passengers", "jets")


def test_noun_phrase_drops_the_words_the_question_says(nlp: Language) -> None:
    text = "The convoy crossed the river Tamsa at dawn."
    hit = SentenceHit("d", 0, 0, len(text), text)
    spans = [c.text for c in phrase_candidates("What river did it cross?", hit, nlp)]
    assert "Tamsa" in spans
    assert all("river" not in s for s in spans)


def test_what_the_focus_noun_s_verb_governs_is_the_thing_asked(nlp: Language) -> None:
    text = "Praising the poet, the minister said Mr. Hale should be awarded the Golden Quill."
    hit = SentenceHit("d", 0, 0, len(text), text)
    question = "What award did the minister say Hale deserved?"
    found = {c.text: c.fit for c in phrase_candidates(question, hit, nlp, "award")}
    assert found["Golden Quill"] == KIND_FIT
    assert "Mr." not in found


@pytest.mark.parametrize(
    ("question", "left"),
    [
        ("What do the supply routes cross?", ["Tamsa"]),
        ("What kind of supply routes cross the Tamsa?", ["main"]),
    ],
)
def test_what_a_noun_phrase_leaves_must_name_something(
    question: str, left: list[str], nlp: Language
) -> None:
    text = "The main supply routes cross the Tamsa."
    hit = SentenceHit("d", 0, 0, len(text), text)
    assert [c.text for c in phrase_candidates(question, hit, nlp)] == left


def test_either_or_question_takes_the_option_the_sentence_says() -> None:
    text = "The treaty was signed in secret at a border post."
    hit = SentenceHit("d", 0, 0, len(text), text)
    picked = choice("Was the treaty signed in public or secret?", hit)
    assert picked is not None
    assert text[picked.start : picked.end] == "secret"
    both = "It was drafted in public and signed in secret."
    assert choice("Was it signed in public or secret?", SentenceHit("d", 0, 0, 46, both)) is None


def test_retrieval_finds_a_sentence_by_its_context(nlp: Language, settings: Settings) -> None:
    store = context_store(PORT, settings)
    read = questions.read("Who served the harbour of Valdoro for twelve years?", nlp)
    best = retrieve(read, store, limit=3)[0]
    assert "Elena Marsh" in best.hit.text
    assert best.before is not None
    assert "Valdoro" in best.context  # the sentence before names the harbour


def test_typed_answer_with_its_citation(nlp: Language, settings: Settings) -> None:
    answer = asked("Who was the first harbour master?", PORT, nlp, settings)
    assert answer.text == "Elena Marsh"
    cited = answer.citations[0]
    assert PORT[cited.start : cited.end] == cited.text
    assert "Elena Marsh" in cited.text


def test_a_number_carries_who_claims_it_and_who_doubts_it(
    nlp: Language, settings: Settings
) -> None:
    answer = asked("How many reservists joined the coastal brigades?", CLAIM, nlp, settings)
    assert answer.text is not None
    assert answer.text.startswith("3,000")
    assert answer.attribution is not None
    assert answer.attribution.actor == "Tomas Arkell"
    assert answer.attribution.stance == "claimed"
    summary = answer.summary() or ""
    assert summary.startswith("3,000 reservists, according to Tomas Arkell (claimed")
    assert answer.to_json()["attribution"]["cue"] == "claimed"


def test_a_why_question_takes_the_reason_clause(nlp: Language, settings: Settings) -> None:
    answer = asked("Why do the brigades patrol the northern shore?", CLAIM, nlp, settings)
    assert answer.text == "smugglers use its coves"


def test_abstains_when_a_named_thing_is_absent(nlp: Language, settings: Settings) -> None:
    answer = asked("Who was the first harbour master of Korsby?", PORT, nlp, settings)
    assert answer.text is None
    assert answer.citations == ()
    assert answer.reason


def test_abstains_on_a_weakly_covered_question(nlp: Language, settings: Settings) -> None:
    answer = asked("Who designed the new railway station near the harbour?", PORT, nlp, settings)
    assert answer.text is None


def test_words_an_answer_quotes_are_cited_with_the_quotation(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Governor Ana Reyes weighed in on the harbour chief's conduct, calling the shove a "
        "\u201cfireable offense.\u201d\n\n"
        "\u201cShoving a reporter is a fireable offense and the port answers for its staff,\u201d "
        "she wrote."
    )
    question = "How did Governor Reyes characterize the harbour chief's shove?"
    answer = asked(question, text, nlp, settings)
    assert answer.text == "fireable offense", answer.reason
    cited = [c.text.split()[0] for c in answer.citations]
    assert cited == ["Governor", "\u201cShoving"]


def test_a_reported_statement_is_cited_with_its_story_s_retelling_of_it(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Speaking to reporters in the capital after a closed briefing of the intelligence "
        "committee on Monday, Senator Ana Alvarez said foreign hackers had broken into the "
        "election commission's computers. The commission declined to comment on the breach. "
        '"We know that foreign hackers got into the commission," Alvarez told the broadcaster. '
        "The commission's computers were replaced in the spring."
    )
    question = "What did Alvarez say about who broke into the election commission's computers?"
    answer = asked(question, text, nlp, settings)
    assert answer.text == "foreign hackers had broken into the election commission's computers"
    cited = [c.text.split()[0] for c in answer.citations]
    assert cited == ["Speaking", '"We']  # not the sentence that shares only the question's words


def test_a_question_asked_of_its_own_text_is_not_refused_for_its_paraphrase(
    desk: Desk, settings: Settings
) -> None:
    question = "Who designed the new railway station near the harbour?"
    store = context_store(PORT, settings)
    read = questions.read(question, desk.nlp)
    known = gazetteer(settings)
    assert unmentioned(read, store, known)  # over a store: about something else
    assert unmentioned(read, store, known, words=False) == []  # of its text: reworded
    assert "never mention" not in (desk.ask(question, context=PORT).reason or "")


def test_one_source_telling_the_answer_twice_is_cited_twice(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Harlan Voss Calls Mayor Ostrin ‘A Disgrace’ Over Harbour Remarks.\n\n"
        "Pelmark Gov. Harlan Voss described Mayor Dana Ostrin as a “disgrace” after she blamed "
        "the harbour closures on dock workers.\n\n"
        "The port reopened on Friday."
    )
    question = "Which governor called Mayor Ostrin a disgrace over her harbour remarks?"
    answer = asked(question, text, nlp, settings)
    assert answer.text == "Harlan Voss"
    told = sorted(c.text.split()[0] for c in answer.citations)
    assert told == ["Harlan", "Pelmark"]


def test_a_reason_told_over_two_sentences_cites_both_and_disagrees_with_neither(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "The first sale of the Harbour Arena failed due to a string of blunders, an audit "
        "office report says.\n"
        "The audit office said too many agencies were involved in decision-making when the "
        "Harbour Arena first went on sale after the festival ended.\n"
        "The arena cost taxpayers £12m to maintain in the years after it closed."
    )
    question = (
        "What went wrong the first time the council tried to sell the Harbour Arena, "
        "according to the audit office?"
    )
    answer = asked(question, text, nlp, settings)
    assert "too many agencies" in (answer.text or "")
    assert [c.text.split()[:2] for c in answer.citations] == [["The", "audit"], ["The", "first"]]
    assert answer.disagree == ()


def test_a_container_noun_counts_what_follows_it(nlp: Language) -> None:
    assert questions.read("What is the number of troops deployed?", nlp).focus == "troops"
    assert questions.read("What was the total in Corvale?", nlp).focus is None
    level = "What level of public support for the strikes did the survey find?"
    assert questions.read(level, nlp).focus == "support"  # not the adjective "public"


def test_the_part_of_a_whole_asked_is_what_is_counted(nlp: Language) -> None:
    part = "How many of the Americans who had flown in space were women?"
    assert questions.read(part, nlp).focus == "women"
    assert questions.read("How many of the soldiers were killed?", nlp).focus == "soldiers"


def test_someone_asked_from_a_group_is_called_one_of_it(nlp: Language) -> None:
    member = "Who in the Clinton campaign accused Trump of disparaging the generals?"
    assert questions.read(member, nlp).focus == "campaign"
    assert questions.read("Who accused Trump of disparaging the generals?", nlp).focus is None


def test_an_ally_is_someone(nlp: Language) -> None:
    read = questions.read("Which close ally of Governor Voss said there would be no giveaway?", nlp)
    assert (read.kind, read.focus) == ("actor", "ally")


def test_a_follower_among_the_best_brings_the_sentence_after_it(settings: Settings) -> None:
    text = (
        "Senator Ostrin received her first security briefing on Saturday.\n\n"
        "She attended the meeting alone, a pool report said.\n\n"
        "The meeting was held at the agency's field office in White Plains.\n\n"
        "It lasted two hours."
    )
    with context_store(text, settings) as store:
        hits = {(h.doc_id, h.index): h for h in store.search("meeting OR briefing", limit=10)}
        lede, follower = sorted(k for k in hits if k[1] < 2)
        best = chained([lede, follower], {lede}, {lede: 1.0, follower: 0.9}, hits, store)
        assert [k[1] for k in best] == [0, 1, 2]  # the follower lends to the office sentence
        assert chained([lede, follower], {lede, follower}, {}, hits, store) == [lede, follower]


def test_a_form_of_address_is_no_name(nlp: Language) -> None:
    read = questions.read("Which opponent called the man who shot Dr. Lenz a hero?", nlp)
    assert read.names == ("Lenz",)


@pytest.mark.parametrize(
    ("text", "question", "expected"),
    [
        pytest.param(
            "A judge said he found nothing derogatory in teacher Felix Amorin's remark that "
            "the governor's face on a coin was larger than the late king's.",
            "Which teacher made the remark about the coin?",
            "Felix Amorin",
            id="a name without its possessive",
        ),
        pytest.param(
            "Senator Voss has some advice for colleagues already celebrating the vote: Don't "
            "underestimate Governor Ostrin.",
            "What advice did Senator Voss give his colleagues about Ostrin?",
            "Don't underestimate Governor Ostrin",
            id="the words given after a colon",
        ),
        pytest.param(
            "Retaliating 13 days after the embassy bombings in Corvale, U.S. forces launched "
            "missile strikes on camps in the hills.",
            "How long after the embassy bombings did the United States launch its missile strikes?",
            "13 days",
            id="a name of several words found under its alias",
        ),
        pytest.param(
            "The US has said it is weighing military action inside Pelmark.",
            "What is the US weighing?",
            "military action inside Pelmark",
            id="a progressive the parser read as a copula",
        ),
        pytest.param(
            "The navy has carried out several lethal strikes on boats off the coast, alleging "
            "they were trafficking narcotics.",
            "What were the boats accused of?",
            "they were trafficking narcotics",
            id="a charge given in a clause",
        ),
        pytest.param(
            "The strike was settled over 13 days with help from Labor Secretary Dana Perel, "
            "who said the deal would be signed on Friday.",
            "Which member of Ostrin's cabinet helped settle the strike?",
            "Dana Perel",
            id="whose group the answer is from need not be named",
        ),
        pytest.param(
            "The deficit for this fiscal year is projected to be $544 billion -- $105 billion "
            "more than last year.",
            "What budget deficit is projected for this fiscal year?",
            "$544 billion",
            id="a deficit is money, and a difference is not the level",
        ),
        pytest.param(
            "As the ministry hints at what its plans might include, Governor Harlan Voss is "
            "not having any of it. In a post on Friday, Voss told the minister that if he wants "
            "the port, “come and take it.”",
            "What was Governor Voss's defiant message to the minister over the port plans?",
            "that if he wants the port, “come and take it.”",
            id="someone's message is what they told",
        ),
    ],
)
def test_answers_read_off_the_sentence(
    text: str, question: str, expected: str, nlp: Language, settings: Settings
) -> None:
    assert asked(question, text, nlp, settings).text == expected


def test_words_one_source_reports_of_another_say_who_reports_them(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Military analysts say Mr. Putin would recognize the folly in waging an open-ended war "
        "in Syria."
    )
    answer = asked("What did Putin say about the war in Syria?", text, nlp, settings)
    assert answer.attribution is not None
    assert answer.attribution.via == "Military analysts"
    assert "as told by Military analysts" in (answer.summary() or "")


@pytest.mark.parametrize(
    ("text", "question"),
    [
        (  # those who doubt a claim do not report it
            "He claimed to have mobilized over 8 million reservists in volunteer militias, a "
            "number experts have questioned.",
            "How many reservists did he claim to have mobilized?",
        ),
        (  # a writer's own "I" names no one
            "As I mentioned above, Ruiz got more than 13 million votes in the primaries, "
            "according to RealClearPolitics.",
            "How many votes did Ruiz get in the primaries?",
        ),
    ],
)
def test_no_one_is_named_as_telling_a_claim_they_do_not_tell(
    text: str, question: str, nlp: Language, settings: Settings
) -> None:
    answer = asked(question, text, nlp, settings)
    assert answer.text is not None
    assert answer.attribution is not None
    assert answer.attribution.via is None
    assert "as told by" not in (answer.summary() or "")


def test_who_doubts_a_figure_is_answered_by_the_doubt_s_holder(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Maduro responded by claiming to have mobilized over 8 million reservists in volunteer "
        "militias (a number experts have questioned)."
    )
    answer = asked("Who doubts the reservist figure?", text, nlp, settings)
    assert answer.text == "experts"
    assert answer.attribution is None  # who doubts says it; it is not Maduro's claim


def test_a_doubt_inside_a_claim_does_not_take_the_claim_from_its_teller(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Defence minister Tomas Arkell has responded by repositioning troops, denouncing the "
        "protests as an “open conspiracy,” and claiming to have mobilized over 3,000 reservists "
        "in volunteer militias (a number analysts have questioned)."
    )
    answer = asked("How many reservists does Arkell claim to have?", text, nlp, settings)
    assert answer.attribution is not None
    assert (answer.attribution.actor, answer.attribution.stance) == ("Tomas Arkell", "claimed")
    assert answer.attribution.via is None


def test_what_doubters_said_is_their_doubt_not_only_what_they_doubt(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "The navy has carried out several strikes on boats off the coast. "
        "These strikes have been questioned by lawmakers for their legality."
    )
    answer = asked("What did lawmakers say about the boat strikes?", text, nlp, settings)
    assert answer.text == "These strikes have been questioned by lawmakers for their legality."
    cited = answer.citations[0]
    assert text[cited.start : cited.end] == cited.text


def test_which_thing_is_not_answered_by_a_count_of_others(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "The navy has sent 4,500 Marines and sailors to the coast. "
        "Officials said the navy also sent the USS Gerald R. Ford."
    )
    answer = asked("Which aircraft carrier did the navy send?", text, nlp, settings)
    assert answer.text == "USS Gerald R. Ford"


MISSILES = (
    "Defence minister Tomas Arkell said the army has deployed 300 French-built Mistral "
    "anti-aircraft missiles along the border. The navy has deployed 4,500 Marines and sailors "
    "to the coast. The Mistral missiles are short-range systems capable of shooting down "
    "drones, cruise missiles, helicopters and low-flying planes."
)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What kind of missiles has the army deployed?", "French-built Mistral anti-aircraft"),
        (
            "What are Mistral missiles capable of shooting down?",
            "drones, cruise missiles, helicopters and low-flying planes",
        ),
    ],
    ids=["the kind is the words before the noun", "capable of is what they can do"],
)
def test_what_a_weapon_is_and_what_it_can_do(
    question: str, expected: str, nlp: Language, settings: Settings
) -> None:
    answer = asked(question, MISSILES, nlp, settings)
    assert answer.text == expected
    assert answer.confidence >= settings.ask.min_confidence


@pytest.mark.parametrize(
    ("text", "fit"),
    [
        ("Air France Flight", 0.5),  # repeats the question's "flight": not its answer
        ("drones, cruise missiles, helicopters and low-flying planes", 1.0),  # one item of many
    ],
)
def test_a_candidate_echoes_the_question_unless_one_item_of_a_list_does(
    text: str, fit: float
) -> None:
    found = echoing(Candidate(0, len(text), text, "argument", 1.0), {"flight", "missiles"})
    assert found.fit == fit


def test_what_someone_called_a_thing_is_what_they_said_of_it(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Pelmark's foreign minister Ilya Varin met his counterparts in Vienna on Monday. "
        "Varin called the alliance's eastward expansion a grave mistake for the region."
    )
    question = "What did Pelmark's foreign minister say about the alliance's expansion?"
    assert asked(question, text, nlp, settings).text == "grave mistake for the region"


def test_the_words_an_answer_gives_are_cited_in_each_story_that_says_them(
    desk: Desk, tmp_path: Path
) -> None:
    (tmp_path / "showdown.txt").write_text(
        "The harbour showdown took a more personal turn on Thursday when Governor Voss called "
        "Mayor Ostrin a liar and said the port strike could last all winter.",
        encoding="utf-8",
    )
    (tmp_path / "profile.txt").write_text(
        "During the strike, Voss repeatedly called Ostrin a liar in his weekly radio address.",
        encoding="utf-8",
    )
    desk.ingest([tmp_path / "showdown.txt", tmp_path / "profile.txt"])
    answer = desk.ask("What did Governor Voss call the mayor during the harbour showdown?")
    assert answer.text == "liar"
    assert sorted(c.text.split()[0] for c in answer.citations) == ["During", "The"]


def test_what_was_said_answers_before_what_was_agreed(nlp: Language, settings: Settings) -> None:
    text = (
        "Corvale Air had initially agreed to lease 100 tankers to the air force. "
        "Corvale Air said it was deeply disappointed by the air force's tanker decision."
    )
    question = "What did Corvale Air say about the air force tanker contract?"
    said = asked(question, text, nlp, settings).text
    assert said == "it was deeply disappointed by the air force's tanker decision"


def test_a_place_answer_is_not_grown_into_a_person_s_name(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Republican vice presidential candidate Gov. Mike Pence of Indiana was the hands-down "
        "winner of the presidential debate, viewers said."
    )
    answer = asked("Where will the last presidential debate be held?", text, nlp, settings)
    assert "Pence" not in (answer.text or "")


@pytest.mark.parametrize(
    ("question", "done"),
    [
        ("When was the party's conference last held in Corvale?", True),
        ("When did the port reopen?", True),
        ("When does the visa program run out?", False),  # "run" tagged as a past form
        ("On what date were the members due to gather?", False),
        ("When will the port reopen?", False),
    ],
)
def test_a_question_asks_when_something_was_done_or_will_be(
    question: str, done: bool, nlp: Language
) -> None:
    assert past(parsed(question, nlp)) is done
