"""ask on short real-style news sentences: whole names, the time a question names, differences,
levels against changes, and what a sentence calls a factor."""

import json
import re
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from crisisdesk import flow
from crisisdesk.analyze import gazetteer
from crisisdesk.ask import ask
from crisisdesk.ask import question as questions
from crisisdesk.ask.answer import (
    Scored,
    Sources,
    acted,
    between,
    contrasted,
    days,
    named_in,
    ordered,
    told_again,
    unmentioned,
)
from crisisdesk.ask.candidate import Candidate
from crisisdesk.ask.cite import Citer
from crisisdesk.ask.dated import readable
from crisisdesk.ask.figures import (
    CHANGE_FOR_LEVEL,
    MODEL,
    NAMING_YEAR,
    NOT_A_GAP,
    POLL_FOR_RESULT,
    UNENDED,
    counts_measure,
    end_fit,
    gap_fit,
    level_fit,
    measure_asked,
    naming_fit,
    other_way,
    polled,
    quantity_fit,
    same_thing,
)
from crisisdesk.ask.nations import counted_states, group_fit
from crisisdesk.ask.places import province
from crisisdesk.ask.retrieve import Passage
from crisisdesk.ask.span import (
    ASIDE_PLACE,
    KIND_FIT,
    OTHER_KIND,
    QUALIFIER_FIT,
    UNKINDED,
    beyond_dateline,
    broader,
    done,
    entity_fit,
    gone_by,
    kin_named,
    kind_named,
    kind_of_sort,
    other_argument,
    parsed,
    phrase_candidates,
    setting_dated,
    site,
    titled,
    told_why,
    whole_name,
)
from crisisdesk.ask.words import stem
from crisisdesk.desk import Desk
from crisisdesk.ingest.metadata import make_document
from crisisdesk.records import Answer, Entity, Quantity, Said, TimeExpr
from crisisdesk.settings import Settings
from crisisdesk.store import SentenceHit
from tests.ask.test_align import SEED
from tests.ask.test_ask import asked, context_store

JOBS = (
    "The economy shed 663,000 jobs in March 2009, the Labor Department said. "
    "The economy shed 651,000 jobs in February 2009, according to the same report."
)


def level_of(question: questions.Question, sentence: str, figure: str) -> float:
    """`level_fit` of the figure where the sentence first says it."""
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    start = sentence.index(figure)
    return level_fit(question, hit, start, start + len(figure))


def test_a_month_is_a_time_the_question_names_not_a_name() -> None:
    read = questions.read("How many jobs did the US economy lose in February 2009?")
    assert read.names == ("US",)
    assert read.period == (date(2009, 2, 1), date(2009, 2, 28))
    spread = questions.read("How much did Ford make between July and September 2009?")
    assert spread.period == (date(2009, 7, 1), date(2009, 9, 30))
    assert questions.read("How many jobs were lost?").period is None


@pytest.mark.parametrize(
    ("question", "first", "last"),
    [
        ("Who ruled the island in the 11th century?", date(1001, 1, 1), date(1100, 12, 31)),
        ("Which ports grew in the 1100s?", date(1100, 1, 1), date(1199, 12, 31)),
        ("How many Venezuelans emigrated in the 1990s?", date(1990, 1, 1), date(1999, 12, 31)),
    ],
)
def test_a_century_or_decade_is_the_time_asked_about(
    question: str, first: date, last: date
) -> None:
    assert questions.read(question).period == (first, last)
    assert questions.read(question.replace(" in the", " after the")).period is None


def test_a_sentence_of_another_century_does_not_answer(nlp: Language, settings: Settings) -> None:
    text = "In 1185 the fleet besieged Dyrrachium. The garrison held out for months."
    assert asked("Who besieged Dyrrachium in the 11th century?", text, nlp, settings).text is None
    assert asked("Who besieged Dyrrachium in the 12th century?", text, nlp, settings).text


def test_the_number_of_the_time_asked_about(nlp: Language, settings: Settings) -> None:
    february = asked("How many jobs did the economy shed in February 2009?", JOBS, nlp, settings)
    march = asked("How many jobs did the economy shed in March 2009?", JOBS, nlp, settings)
    assert (february.text or "").startswith("651,000")
    assert (march.text or "").startswith("663,000")


@pytest.mark.parametrize(
    ("text", "question", "expected"),
    [
        (  # a name the tagger cut short is answered whole
            "Trading stopped after an order of the Russian government's Federal Service for "
            "the Financial Markets, which demanded the suspension.",
            "Which Russian regulator ordered trading stopped?",
            "Federal Service for the Financial Markets",
        ),
        (  # a name rather than its short form
            "Lehman Brothers filed for bankruptcy on Monday after Bank of America (BoA) pulled "
            "out of the rescue talks.",
            "Which bank walked away from the rescue talks?",
            "Bank of America",
        ),
        (  # "how many more" takes the difference
            "The final vote count in the Senate was 52-35, eight short of the 60 needed to pass.",
            "How many more votes did the bill need in the Senate?",
            "eight",
        ),
    ],
)
def test_the_whole_answer_of_the_kind_asked(
    text: str, question: str, expected: str, nlp: Language, settings: Settings
) -> None:
    assert asked(question, text, nlp, settings).text == expected


def test_a_level_rather_than_the_change_that_led_to_it(nlp: Language, settings: Settings) -> None:
    text = "The number of people claiming jobless benefits rose 15,000 last week to 444,000."
    level = asked("How many people were claiming jobless benefits?", text, nlp, settings)
    assert level.text == "444,000"
    change = asked("By how many did jobless claims rise last week?", text, nlp, settings)
    assert change.text == "15,000"


def test_what_a_sentence_calls_a_factor_answers_what_made(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Air India said that the 20 extra seats the 787 offers over the Airbus A330 were a "
        "decisive factor."
    )
    answer = asked("What made Air India prefer the 787 to the A330?", text, nlp, settings)
    assert answer.text == "the 20 extra seats the 787 offers over the Airbus A330"


def test_who_said_is_answered_by_a_source_that_is_no_name(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Baltoil says Norvik must repay its loans. "
        "Tax lawyers said Norvik's takeover of the Kessel refinery would carry such liabilities."
    )
    question = "Who said Norvik's takeover of the Kessel refinery would come with such debts?"
    got = asked(question, text, nlp, settings)
    assert got.text == "Tax lawyers"


def test_what_lay_behind_is_answered_by_what_contributed(nlp: Language, settings: Settings) -> None:
    text = (
        "Malawi's maize crop grew by a third last year. Steady rainfall, cheaper fertiliser "
        "and better seed contributed to the rise in the crop."
    )
    got = asked("What lay behind Malawi's bigger maize crop?", text, nlp, settings)
    assert got.text is not None
    assert got.text.startswith("Steady rainfall")


def test_the_country_of_a_sentence_is_the_one_its_document_names(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Kyrgyzstan is printing new ballot papers for a coming vote. Monitors from many "
        "nations landed on Monday to follow the count in each district. The country's "
        "parliamentary vote will be held on 27 February."
    )
    when = asked("When is Kyrgyzstan's parliamentary vote due?", text, nlp, settings)
    assert when.text == "27 February"


def test_a_change_does_not_answer_how_many_there_are(nlp: Language, settings: Settings) -> None:
    text = "Telvora lost 212,000 customers in the last quarter, the company said on Monday."
    assert asked("How many customers does Telvora have in total?", text, nlp, settings).text is None
    lost = asked("How many customers did Telvora lose?", text, nlp, settings)
    assert lost.text is not None
    assert lost.text.startswith("212,000")


@pytest.mark.parametrize(
    ("text", "question", "expected"),
    [
        pytest.param(
            "Last week Marrow Falls took in 60 refugees from Sudan. "
            '"We take in about 2,500 a year," said Edda Quist, the mayor of Marrow Falls.',
            "How many refugees does Marrow Falls take in each year?",
            "2,500",
            id="a figure by the period asked, counting what is asked",
        ),
        pytest.param(
            "Senator Ruiz won the Ames primary on Tuesday, the state party said. In a poll of "
            "Ames voters the week before the primary, Ruiz led the field with 41 percent. "
            "He won with 38 percent of the vote.",
            "What share of the vote did Senator Ruiz win in the Ames primary?",
            "38 percent",
            id="a poll does not answer how someone did at the polls",
        ),
        pytest.param(
            "The Harlow Institute questioned 1,200 adults last week. "
            "Its survey found 64 percent support for the port deal.",
            "What level of public support for the port deal did the survey find?",
            "64 percent",
            id="a level of support is a share",
        ),
        pytest.param(
            "Senator Ruiz spoke with reporters in Ames on Monday. "
            '"I have no intention of running," Ruiz said in a Friday interview with NBC News.',
            "Which television network did Senator Ruiz tell that he had no intention of running?",
            "NBC News",
            id="whom someone told need not have spoken",
        ),
        pytest.param(
            "DUNMORE, Iowa - Senator Ruiz toured the state on Sunday. "
            "He will end his tour on Monday in Greene County, before the caucuses.",
            "In which county will Senator Ruiz end his tour?",
            "Greene County",
            id="a county is a place called one",
        ),
        pytest.param(
            "The governor had sent two of his aides to the city on Friday. "
            "Three hours after the interview aired, the governor asked for federal help.",
            "How soon after the interview did the governor ask for federal help?",
            "Three hours",
            id="how soon is a span of time",
        ),
        pytest.param(
            "Tessaly's college graduates of 2016 owe $1.3 trillion in student debt, the bank "
            "said. They left college with $37,000 each on average.",
            "What was the average student debt of a Tessaly graduate in 2016?",
            "$37,000",
            id="an average is not a total",
        ),
        pytest.param(
            "Ana Ruiz is running for governor of Tessaly. She has promised to clean up the "
            "river by 2030. The front-runner will propose spending $2 billion a year on the "
            "cleanup, her aides said on Monday.",
            "How much money per year does Ana Ruiz want to spend on the river cleanup?",
            "$2 billion a year",
            id="a sentence may call whom its story named by what they are",
        ),
        pytest.param(
            "Georgian President Tomas Revilla signed the accord with Turkish Prime Minister "
            "Ana Ortiz in Tbilisi on Saturday.",
            "Who signed the accord on behalf of Turkey?",
            "Ana Ortiz",
            id="someone asked for on behalf of a state is of that state",
        ),
        pytest.param(
            "The accord was signed on Saturday by Georgian President Tomas Revilla and Prime "
            "Minister Ana Ortiz of Turkey.",
            "Who signed the accord on behalf of Turkey?",
            "Ana Ortiz",
            id="the state a name ends with is where its bearer is from",
        ),
        pytest.param(
            "Shots were fired on Friday near the Varlen shopping mall, one of Austria's "
            "largest shopping centers, the police said.",
            "Near which shopping center were the shots fired?",
            "Varlen shopping mall",
            id="a name the tagger missed, given with the kind of place asked",
        ),
        pytest.param(
            "Now that Senator Ruiz has claimed that the real founder of the Green Front is "
            "President Tomas Revilla, the senator had some explaining to do.",
            "Who did Senator Ruiz claim founded the Green Front?",
            "Tomas Revilla",
            id="a quantifier alone names no source",
        ),
    ],
)
def test_the_answer_is_what_the_question_asks_for(
    text: str, question: str, expected: str, nlp: Language, settings: Settings
) -> None:
    assert asked(question, text, nlp, settings).text == expected


def test_a_name_is_answered_by_a_name(nlp: Language, settings: Settings) -> None:
    text = "In March the Kessel refinery went to an obscure holding firm at an auction in Riga."
    question = "What is the name of the company that bought the Kessel refinery?"
    assert asked(question, text, nlp, settings).text is None


def test_a_sum_called_another_kind_of_money_is_no_price(nlp: Language, settings: Settings) -> None:
    text = (
        "Corvina Air, the region's most profitable airline with record profits of $269m last "
        "year, took up options on five more Veltro jets on Monday."
    )
    question = "What price did Corvina Air pay for the five Veltro jets?"
    assert asked(question, text, nlp, settings).text is None
    paid = f"{text} It paid $310m for the five jets, the airline said."
    assert asked(question, paid, nlp, settings).text == "$310m"


def test_an_act_someone_else_did_does_not_answer_when_they_did_it(
    nlp: Language, settings: Settings
) -> None:
    text = "Ethelwin fled to Varsay in 1013, when Oswin Harte took his castle at Dunmere."
    assert asked("When did Ethelwin flee to Varsay?", text, nlp, settings).text == "1013"
    assert asked("When did Oswin Harte flee to Varsay?", text, nlp, settings).text is None


def test_a_sentence_that_denies_the_act_does_not_answer_it(
    nlp: Language, settings: Settings
) -> None:
    question = "How many troops did Brazil send to the border?"
    sent = "Brazil sent 3,000 troops to the border on Monday, its defense ministry said."
    assert asked(question, sent, nlp, settings).text == "3,000"
    denied = "Brazil did not send 3,000 troops to the border, its defense ministry said."
    assert asked(question, denied, nlp, settings).text is None


def test_which_one_of_a_series_is_asked_must_be_said(nlp: Language) -> None:
    second = questions.read("When will the second presidential debate take place?", nlp)
    assert not ordered(second, "At Monday's presidential debate, Ruiz attacked the governor.")
    assert ordered(second, "Organizers scheduled the second debate for Oct. 9.")
    lasting = questions.read("How long did the filibuster last?", nlp)  # a verb, no ordinal
    assert ordered(lasting, "His 15-hour filibuster ended at dawn.")


def test_how_fast_is_not_answered_by_a_date(nlp: Language, settings: Settings) -> None:
    text = "The central bank said Peru's deficit for the year to June 2011 was too wide."
    assert asked("How fast did Peru's economy grow?", text, nlp, settings).text is None


def test_according_to_someone_what_is_answered_by_their_words(
    nlp: Language, settings: Settings
) -> None:
    read = questions.read("According to Ana Ruiz, what approach will the Greens take?", nlp)
    assert (read.kind, read.speaker) == ("statement", "Ana Ruiz")
    typed = questions.read("According to Dana Perino, what new ceiling did the law set?", nlp)
    assert typed.kind == "number"
    text = (
        "Ana Ruiz, the party's deputy leader, said the hiring of the adviser was a sign of "
        '"a cynical and divisive campaign" by the Greens.'
    )
    got = asked("According to Ana Ruiz, what approach will the Greens take?", text, nlp, settings)
    assert got.text is not None
    assert "cynical and divisive campaign" in got.text


def test_who_holds_a_role_is_answered_only_by_someone_called_so(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Venezuela's Defense: Maduro highlighted the Igla-S missiles. "
        "Defense Minister Vladimir Padrino said troops were repositioned."
    )
    assert asked("Who is Venezuela's defense minister?", text, nlp, settings).text == (
        "Vladimir Padrino"
    )
    alone = "Venezuela's Defense: Maduro highlighted the Igla-S missiles."
    assert asked("Who is Venezuela's defense minister?", alone, nlp, settings).text is None


def test_one_of_which_is_no_count(nlp: Language, settings: Settings) -> None:
    text = (
        "Ministers want up to six Macau style casino resorts across the country, "
        "one of which is likely to open in Porto."
    )
    question = "How many Macau-type mega-casinos do the ministers want to allow?"
    read = questions.read(question, nlp)
    assert read.focus == "casinos"
    assert asked(question, text, nlp, settings).text == "six"


def test_how_much_something_grew_is_a_share_not_a_duration(
    nlp: Language, settings: Settings
) -> None:
    text = "Chile's economy grew by just 0.3% in the three months to June."
    got = asked("How much did Chile's economy expand in the quarter?", text, nlp, settings)
    assert got.text == "0.3%"


def test_sentences_that_give_the_same_figure_are_cited_together(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Corvina Air orders 40 Veltro jets worth $12bn.\n"
        "The Corvina Air order of 40 Veltro jets, believed to be worth $12 billion, was signed "
        "in Lisbon on Monday."
    )
    answer = asked("How much is the Corvina Air order of Veltro jets worth?", text, nlp, settings)
    assert answer.text in ("$12bn", "$12 billion")
    assert [c.text[:14] for c in answer.citations] in (
        ["Corvina Air or", "The Corvina Ai"],
        ["The Corvina Ai", "Corvina Air or"],
    )


def test_a_name_that_only_says_where_another_is_need_not_be_in_the_source(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Twelve people were hurt on Sunday in the crowded Harbourside district by a blast "
        "that the mayor called deliberate."
    )
    question = "How many people were hurt by the blast in Corvale's Harbourside district?"
    assert asked(question, text, nlp, settings).text == "Twelve"
    assert (
        asked("How many people were hurt by the blast in Corvale?", text, nlp, settings).text
        is None
    )


def test_why_not_is_answered_by_the_cause_even_when_it_runs_on(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Ivo Brandt, who is ineligible to take part in the forum because he did not reach the "
        "10 percent polling threshold set by the organisers of the televised event, boarded a "
        "bus meant for reporters as it headed to the venue."
    )
    answer = asked("Why was Ivo Brandt not allowed to take part in the forum?", text, nlp, settings)
    assert answer.text == (
        "he did not reach the 10 percent polling threshold set by the organisers of the "
        "televised event"
    )


def test_how_big_takes_a_figure_of_any_unit_and_no_event_name(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Veld stressed her support of the 2011 raid that followed 9/11. "
        "Veld and Moro spoke at the Harbour Forum, watched by 3.2 million people."
    )
    answer = asked("How big was the audience for the Harbour Forum?", text, nlp, settings)
    assert answer.text == "3.2 million people"  # a size told with what it counts


def test_a_datelines_date_is_when_the_story_was_filed_not_an_answer(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "LOS ANGELES, Oct. 4 (UPI) — In a preview clip for Ana Sol’s upcoming music show The "
        "412, Sol sings a song to Mayor Tomas Vidal, who talks about the full interview."
    )
    question = "When does the full interview with Tomas Vidal come out?"
    assert dated_answer(question, text, nlp, settings).text is None
    later = text.replace("interview.", "interview, out on Oct. 9.")
    assert dated_answer(question, later, nlp, settings).text == "Oct. 9"


def dated_answer(question: str, text: str, nlp: Language, settings: Settings) -> Answer:
    """The answer from a store of one text published on 4 October 2016."""
    doc = make_document(text, origin="context", published=date(2016, 10, 4))
    store = flow.memory_store(doc, next(flow.analyzed([doc], settings))[1])  # type: ignore[arg-type]
    return ask(question, store, nlp=nlp, settings=settings)


def test_a_month_asked_of_what_will_be_is_the_next_one(nlp: Language, settings: Settings) -> None:
    text = (
        "Ana Ruiz won Tuesday's primary for the state's only seat. She will now face "
        "Republican Tom Hale in December, although she is the favourite."
    )
    question = "Which Republican will Ana Ruiz run against in December?"
    assert dated_answer(question, text, nlp, settings).text == "Tom Hale"


DROPPED = "Support for the mayor among young voters fell in May from 64 percent to 48 percent."
PLANNED = "Qantas plans ten flights a week to Delhi, up from the current four flights a week."


@pytest.mark.parametrize(
    ("question", "sentence", "figure", "fit"),
    [  # a drop from one level to another: the second; a level moved up from: what it was
        ("How far did support for the mayor drop in May?", DROPPED, "64 percent", MODEL),
        ("How far did support for the mayor drop in May?", DROPPED, "48 percent", 1.0),
        ("How many flights a week will Qantas run to Delhi?", PLANNED, "ten flights", 1.0),
        ("How many flights a week will Qantas run to Delhi?", PLANNED, "four flights", MODEL),
    ],
)
def test_a_level_told_beside_the_one_it_moved_from_answers(
    question: str, sentence: str, figure: str, fit: float, nlp: Language
) -> None:
    assert level_of(questions.read(question, nlp), sentence, figure) == fit


@pytest.mark.parametrize(
    ("question", "fit"),
    [
        ("How much did Thai shares lose on Monday?", 1.0),  # a share as well as a sum
        ("How much did the airline lose last year?", 0.4),  # a loss of money
    ],
)
def test_a_market_moves_by_a_share(question: str, fit: float, nlp: Language) -> None:
    assert quantity_fit(questions.read(question, nlp), "percent", None, "percent") == fit


@pytest.mark.parametrize(
    ("sentence", "fit"),
    [
        ("Ruiz praised the Tribune's Lisbon Political Editor Ana Costa on Monday.", ASIDE_PLACE),
        ("Ruiz praised the Tribune's editor Ana Costa in Lisbon on Monday.", 1.0),
    ],
)
def test_a_place_a_journalist_reports_from_is_not_where_it_happened(
    sentence: str, fit: float, nlp: Language
) -> None:
    question = questions.read("Where did Ruiz praise Ana Costa?", nlp)
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    start = sentence.index("Lisbon")
    lisbon = Entity(start, start + 6, "Lisbon", "GPE")
    assert entity_fit(question, hit, lisbon, None) == pytest.approx(fit)


def test_an_exact_figure_answers_before_a_vague_one(nlp: Language, settings: Settings) -> None:
    text = (
        "There have been thousands of shootings in Corvale this year, police chief Ruiz said. "
        "The Corvale police department reported 1,812 shooting incidents in the city between "
        "January 1 and May 3."
    )
    answer = asked("How many shootings took place in Corvale this year?", text, nlp, settings)
    assert answer.text == "1,812"


def test_a_name_the_question_gives_is_not_its_answer_even_as_a_possessive(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Maria Lopez’s campaign manager John Smith said as much in an interview earlier "
        "Thursday morning, arguing that Brown “lashed out at our nation's generals when he was "
        "asked for details.”"
    )
    question = "Who in the Lopez campaign accused Brown of disparaging the country's generals?"
    assert asked(question, text, nlp, settings).text == "John Smith"


def test_what_a_sentence_names_as_the_reason_answers_what_reason(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Mr. Vance has repeatedly cited the audit as the reason he's not releasing his "
        "returns, as he did again during the debate."
    )
    question = "What reason does Vance give for not releasing his tax returns?"
    assert asked(question, text, nlp, settings).text == "the audit"


def test_what_someone_thought_was_behind_it_is_what_they_thought(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Ana Reyes did have a pain in her calf but her staff thought she had pulled a muscle "
        "exercising, the doctor wrote."
    )
    question = "What did Ana Reyes's staff think was behind the pain in her calf?"
    assert questions.read(question, nlp).kind == "statement"
    assert "pulled a muscle" in (asked(question, text, nlp, settings).text or "")


@pytest.mark.parametrize(
    ("question", "kind", "speaker"),
    [
        ("If Congress does nothing, when does the visa program run out?", "date", None),
        ("What went wrong the first time the city tried to sell the stadium?", "reason", None),
        ("Why does Norvik Oil think it was brought down?", "reason", "Norvik Oil"),
        ("What does the council want the mayor to do?", "statement", "council"),
    ],
)
def test_what_a_question_asks_past_its_opening(
    question: str, kind: str, speaker: str | None, nlp: Language
) -> None:
    read = questions.read(question, nlp)
    assert (read.kind, read.speaker) == (kind, speaker)


def test_why_someone_thinks_so_is_answered_by_their_words(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Norvik Oil claims its downfall was punishment for the political ambitions of its "
        "founder and has vowed to sue any buyer."
    )
    answer = asked("Why does Norvik Oil think it was brought down?", text, nlp, settings)
    assert "punishment for the political ambitions of its founder" in (answer.text or "")


@pytest.mark.parametrize(
    ("text", "question", "expected"),
    [
        (
            "Aer Sol had approached Veltro rival Corvina, which owns a 25 percent share "
            "in the carrier, regarding a deal.",
            "Which rival airline did Aer Sol approach about a deal?",
            "Corvina",
        ),
        (
            "When the Air Force selected Portland based Halden Aero to build the tankers, "
            "Halden said it would assemble the planes in Mobile, Alabama.",
            "In which city will Halden Aero assemble the tankers?",
            "Mobile",
        ),
    ],
)
def test_a_name_that_only_qualifies_another_answers_less(
    text: str, question: str, expected: str, nlp: Language, settings: Settings
) -> None:
    assert asked(question, text, nlp, settings).text == expected


def test_a_source_naming_no_one_does_not_answer_which_commentator(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Some drivers said the Harbor Pass toll would only be fair if small shops could opt out "
        "of it. Tova Lind, founder of the Civic Ledger, which backs local media, said the scheme "
        "was a bad idea."
    )
    question = "Which commentator slammed the Harbor Pass toll as unfair to small shops?"
    assert asked(question, text, nlp, settings).text in (None, "Tova Lind")


def test_how_old_takes_the_age_of_whom_it_asks_about(nlp: Language, settings: Settings) -> None:
    text = (
        "Officer Dana Pruitt, who shot 38-year-old Leon Marsh in Corvale last week, was charged "
        "on Thursday with manslaughter."
    )
    assert asked("How old was Leon Marsh?", text, nlp, settings).text == "38"
    assert asked("How old is Dana Pruitt?", text, nlp, settings).text is None


def test_an_age_told_in_a_clause_of_its_own(nlp: Language, settings: Settings) -> None:
    text = (
        '"It meant a lot to skate at home," said Vera Lund, who is 17 and lives in Oslo. '
        "Her coach, Ole Berg, 45, was pleased."
    )
    assert asked("How old is skater Vera Lund?", text, nlp, settings).text == "17"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How many people were killed in the Corvale blast?", "40"),
        ("How many people were wounded in the Corvale blast?", "1,000"),
        ("How many people were hurt in the Corvale blast?", "1,000"),
    ],
)
def test_a_figure_answers_for_the_outcome_it_counts(
    question: str, expected: str, nlp: Language, settings: Settings
) -> None:
    text = (
        "Reports reaching here said a massive blast damaged the embassy in Corvale, killing 40 "
        "people while wounding at least 1,000 people."
    )
    assert asked(question, text, nlp, settings).text == expected


def test_a_part_counted_from_a_whole_answers_how_many(nlp: Language, settings: Settings) -> None:
    text = (
        "The ceremony was held at Fenwick Air Base, where 10 of 12 Corvalan victims' remains "
        "were flown in on the minister's plane."
    )
    question = "How many of the victims' remains were flown back on the minister's plane?"
    assert asked(question, text, nlp, settings).text == "10"


def test_a_span_of_time_does_not_count_things(nlp: Language, settings: Settings) -> None:
    text = (
        "Retaliating 13 days after the embassy bombings, Corvalan forces struck camps in the "
        "hills with cruise missiles."
    )
    question = "How many cruise missiles did Corvalan forces fire at the camps?"
    assert asked(question, text, nlp, settings).text is None
    assert (
        asked("How many days after the bombings did the forces strike?", text, nlp, settings).text
        == "13 days"
    )


def test_an_answer_naming_no_one_gives_the_name_beside_it(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "But one abortion opponent, the Rev. Amos Tull, the founder of Life First Corvale, "
        "described the doctor's killer as a hero."
    )
    question = "Which abortion opponent called the doctor's killer a hero?"
    assert asked(question, text, nlp, settings).text == "Amos Tull"


def test_what_time_asks_for_the_clock(nlp: Language, settings: Settings) -> None:
    text = (
        "The bombs went off almost simultaneously on Aug. 7, 1998 at the embassies in Corvale "
        "and Pelmark.\n\nThe blast in Corvale occurred at about 10:35 a.m. on Friday, toppling a "
        "crowded building."
    )
    answer = asked("At what time did the Corvale bomb go off?", text, nlp, settings)
    assert answer.text == "about 10:35 a.m."


@pytest.mark.parametrize(
    ("text", "question", "said"),
    [
        (
            "But this week, the minister lifted the deadline to give the boy's relatives in "
            "Corvale a chance to fight in court to keep him with them.",
            "Why did the minister lift the deadline for sending the boy home?",
            "a chance to fight in court",
        ),
        (
            "The venue was chosen to honor the founding of the alliance in Pelmark 50 years "
            "ago, the ministry said.",
            "According to the ministry, why was the venue picked for the ceremony?",
            "to honor the founding of the alliance",
        ),
        (  # a passive verb's "for"
            "Ostrin and Voss were dropped from the main stage for poor poll ratings.",
            "Why were Ostrin and Voss dropped from the main stage?",
            "poor poll ratings",
        ),
        (  # the grounds given
            "The council passed the resolution 6-1. One member voted against the resolution "
            "on free speech grounds.",
            "Why did the one council member vote against the resolution?",
            "free speech",
        ),
        (  # "because of" tells why; "as well as" does not
            "Voss has said he opposed the 2007 harbour bill because of its dredging "
            "provisions.\n\nCritics focused on Voss's 2007 vote against the harbour bill, as "
            "well as his support for a bill that protected the shipyards.",
            "Why did Voss vote against the harbour bill in 2007?",
            "its dredging provisions",
        ),
        (  # what a failure was blamed on
            "Voss blamed his failure to condemn the militia on a “bad earpiece,” and said he "
            "had heard nothing.",
            "What reason did Voss give for not condemning the militia?",
            "bad earpiece",
        ),
        (  # an effort to: a purpose
            "The party brought in the rule in 2012 in an effort to sandbag delegates who backed "
            "Harlan Ostrin.",
            "Why did the party bring in the rule in 2012?",
            "sandbag delegates",
        ),
    ],
)
def test_why_is_answered_by_what_the_act_was_done_for(
    text: str, question: str, said: str, nlp: Language, settings: Settings
) -> None:
    assert said in (asked(question, text, nlp, settings).text or "")


def test_after_a_phrase_and_a_comma_only_dates_what_follows(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Ostrin, arriving after a 16-hour flight, spent about five hours in Pelmark meeting "
        "the president of the republic and the foreign minister of the new government before "
        "heading on to Corvale in a small plane on Tuesday evening."
    )
    question = "Why did Ostrin fly on to Corvale in a small plane?"
    assert asked(question, text, nlp, settings).text is None


def test_a_span_of_time_does_not_say_when(nlp: Language, settings: Settings) -> None:
    text = "Ritter led the inspection team on a 10-hour tour of three sites."
    answer = asked("When did Ritter's inspection team tour the sites?", text, nlp, settings)
    assert answer.text is None


@pytest.mark.parametrize(
    ("question", "dimension"),
    [
        ("At what altitude did the pilot see the explosion?", "high"),
        ("What is the range of the missile?", "far"),
        ("How fast can the boat go?", "fast"),
        ("What is the price of the missile?", None),
    ],
)
def test_a_measure_is_asked_by_its_noun_or_its_adjective(
    question: str, dimension: str | None, nlp: Language
) -> None:
    assert measure_asked(questions.read(question, nlp)) == dimension


@pytest.mark.parametrize(
    ("question", "text", "unit", "other"),
    [
        ("How many people did police arrest?", "30 miles", "m", True),
        ("How many cruise missiles were fired?", "13 days", "s", True),
        ("How many days would the sites stay open?", "sixty days", "s", False),
        ("How many barrels of oil does it pump?", "2 million barrels", "bbl", False),
        ("How many people did police arrest?", "12", "count", False),
    ],
)
def test_a_measure_does_not_count_things(
    question: str, text: str, unit: str, other: bool, nlp: Language
) -> None:
    assert counts_measure(questions.read(question, nlp), text, unit) is other


def test_a_name_is_found_in_the_words_it_begins(nlp: Language, settings: Settings) -> None:
    text = (
        "In the capital, Ankara, a few hundred protesters laid a black wreath at the gate of "
        "the Yugoslavian embassy."
    )
    store, known = context_store(text, settings), gazetteer(settings)
    question = questions.read("Where did protesters leave a wreath at the Yugoslav embassy?", nlp)
    assert unmentioned(question, store, known) == []
    elsewhere = questions.read("Where did protesters leave a wreath at the Slovak embassy?", nlp)
    assert unmentioned(elsewhere, store, known) == ["Slovak"]
    short = questions.read("Where did protesters meet the Fe envoy?", nlp)
    assert unmentioned(short, store, known) == ["Fe"]  # a short name is no word's start


def test_names_a_hyphen_joins_are_found_each_alone(nlp: Language, settings: Settings) -> None:
    text = "The first Mexican truck crossed into the U.S. in October, after Mexico lifted tariffs."
    store, known = context_store(text, settings), gazetteer(settings)
    joined = questions.read("When did the first truck cross under the U.S.-Mexico deal?", nlp)
    assert unmentioned(joined, store, known) == []
    other = questions.read("When did the first truck cross under the U.S.-Canada deal?", nlp)
    assert unmentioned(other, store, known) == ["U.S.-Canada"]


@pytest.mark.parametrize(
    ("value", "said", "expected"),
    [
        ("2000-04-20TMO", "", "Thursday, April 20, 2000, morning"),
        ("2000-04-20TMO", "Thursday morning", "April 20, 2000"),
        ("1998-08-07T10:35", "", "Friday, August 7, 1998, 10:35"),
        ("2009-02", "last month", "February 2009"),
        ("PRESENT_REF", "now", None),
        ("1998-02-30", "", None),
    ],
)
def test_a_resolved_date_reads_as_a_reader_writes_it(
    value: str, said: str, expected: str | None
) -> None:
    assert readable(value, said) == expected


def test_a_weekday_answer_says_its_date(tmp_path: Path, settings: Settings) -> None:
    story = {
        "id": "raid",
        "title": "Agents raid home",
        "text": "Federal agents raided the relatives' home on Thursday morning, officials said.",
        "published": "2000-04-22",
    }
    source = tmp_path / "raid.jsonl"
    source.write_text(json.dumps(story), encoding="utf-8")
    with Desk(tmp_path / "store.db", settings=settings) as desk:
        desk.ingest([source])
        answer = desk.ask("When did federal agents raid the relatives' home?")
    assert (answer.text, answer.resolved) == ("Thursday morning (April 20, 2000)", "April 20, 2000")
    assert (answer.summary() or "").startswith("Thursday morning (April 20, 2000)")
    assert (answer.summary() or "").count("April 20") == 1


def test_a_toll_asked_of_now_is_its_latest_report(tmp_path: Path, settings: Settings) -> None:
    stories = [
        ("2025-09-20", "The strikes on suspected drug boats have killed 14 people so far."),
        ("2025-10-10", "A strike on Thursday brought the number killed in the boat strikes to 27."),
        ("2025-10-30", "The strikes on suspected drug boats have now killed at least 43 people."),
    ]
    source = tmp_path / "tolls.jsonl"
    lines = (
        json.dumps({"id": f"toll{n}", "title": "Boat strikes", "text": text, "published": day})
        for n, (day, text) in enumerate(stories)
    )
    source.write_text("\n".join(lines), encoding="utf-8")
    with Desk(tmp_path / "store.db", settings=settings) as desk:
        desk.ingest([source])
        now = desk.ask("How many people have the boat strikes killed?")
        then = desk.ask("How many people had the boat strikes killed by September 20, 2025?")
    assert now.text == "43"
    assert "14" in [d.text for d in now.disagree]  # the earlier report, beside it with its date
    assert then.text == "14"


@pytest.mark.parametrize(
    ("sentence", "question", "fit"),
    [
        (
            "It replied to a 2012 records request from the watchdog.",
            "When did the ministry tell the watchdog it had no records?",
            NAMING_YEAR,
        ),
        (
            "Investigators of the 1998 embassy bombings met in Corvale.",
            "When were the embassy bombings?",
            1.0,
        ),
        ("The talks ended in 2012 after a week.", "When did the talks end?", 1.0),
    ],
)
def test_a_year_that_names_a_thing_dates_that_thing(
    sentence: str, question: str, fit: float
) -> None:
    hit = SentenceHit("d", 0, 0, len(sentence), sentence)
    year = re.search(r"\d{4}", sentence)
    assert year is not None
    assert naming_fit(questions.read(question), hit, year.start(), year.end()) == fit


def test_a_dateline_is_no_answer_but_where(nlp: Language, settings: Settings) -> None:
    text = "BEDFORD, N.H. (AP) — Rivals mocked the senator's uneven debate performance."
    who = asked("Who mocked the senator's debate performance?", text, nlp, settings)
    assert who.text == "Rivals"


def test_a_dateline_names_a_place_in_capitals() -> None:
    dateline = "DUNBLANE, Scotland (AP) _ Townspeople dedicated a garden Saturday."
    assert named_in("Dunblane", dateline)
    assert not named_in("Dunblane", "townspeople of dunblane dedicated a garden")


@pytest.mark.parametrize(
    ("question", "kind", "names", "qualifiers"),
    [
        (
            "Which U.S. president did Ohga liken Hashimoto to?",
            "actor",
            ("U.S.", "Ohga", "Hashimoto"),
            (),
        ),
        (
            "As Blair flew into Belfast, when was the deadline?",
            "date",
            ("Blair", "Belfast"),
            ("Blair", "Belfast"),
        ),
        ("When did the talks end, according to Reuters?", "date", ("Reuters",), ()),
        ("By how much did Toyota's U.S. sales change?", "amount", ("Toyota", "U.S."), ()),
        (
            "How many people live in Manhattan's Chelsea?",
            "number",
            ("Manhattan", "Chelsea"),
            ("Manhattan",),
        ),
    ],
)
def test_what_a_question_names_and_asks(
    question: str, kind: str, names: tuple[str, ...], qualifiers: tuple[str, ...], nlp: Language
) -> None:
    read = questions.read(question, nlp)
    assert (read.kind, read.names, read.qualifiers) == (kind, names, qualifiers)


def test_a_score_is_a_tally_or_nothing(nlp: Language, settings: Settings) -> None:
    text = "The match between 53rd-ranked Courier and Kafelnikov was rained out on Friday."
    answer = asked(
        "What was the score of the match between Courier and Kafelnikov?", text, nlp, settings
    )
    assert answer.text is None


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Which skier won the 50-kilometer race?", "actor"),
        ("Which architect did the museum dismiss?", "actor"),
        ("Which suspect was arrested at the airport?", "actor"),
        ("Which actress introduced the candidate?", "actor"),
        ("Which computer did the ministry buy?", "phrase"),
        ("Which border crossing was closed?", "phrase"),
        ("Which fortress did the rebels take?", "phrase"),
    ],
)
def test_a_noun_for_someone_who_does_something_asks_for_a_person(
    question: str, kind: str, nlp: Language
) -> None:
    assert questions.read(question, nlp).kind == kind


def test_the_skier_who_won_is_named(nlp: Language, settings: Settings) -> None:
    text = (
        "Russia's Alexey Prokurorov won the 50-kilometer classical-style World Cup race in "
        "Holmenkollen on Saturday, ahead of Norway's Erling Jevne."
    )
    question = "Which skier won the 50-kilometer World Cup race at Holmenkollen?"
    assert "Alexey Prokurorov" in (asked(question, text, nlp, settings).text or "")


@pytest.mark.parametrize(
    ("counted", "people"),
    [
        ("Rwandan Tutsis and moderate Hutus", True),
        ("civilians", True),
        ("signatures", True),  # each one's who signed
        ("armored cars", False),
    ],
)
def test_people_of_some_kind_are_counted_as_people(counted: str, people: bool) -> None:
    assert same_thing("people", counted) is people


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How old is the man who confessed to stabbing the girl in Koermend?", "19"),
        ("How old was the girl killed in Koermend?", "11"),
    ],
)
def test_the_age_of_the_one_described(
    question: str, expected: str, nlp: Language, settings: Settings
) -> None:
    text = (
        "Police said Wednesday that a 19-year-old man had confessed to killing an 11-year-old "
        "girl in the town of Koermend."
    )
    assert asked(question, text, nlp, settings).text == expected


@pytest.mark.parametrize(
    ("sentence", "fit"),
    [
        ("The militia has lost over 6,000 dead and wounded in the war.", 1.0),
        ("The militia has lost 6,000 members since the war began.", CHANGE_FOR_LEVEL),
    ],
)
def test_losses_in_a_war_are_no_change_of_a_level(sentence: str, fit: float, nlp: Language) -> None:
    question = questions.read("How many casualties has the militia suffered?", nlp)
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    start = sentence.index("6,000")
    assert level_fit(question, hit, start, start + 5) == fit


@pytest.mark.parametrize(
    ("sentence", "figure", "fit"),
    [
        ("Jensen said 56 percent of those voting turned it down.", "56 percent", 1.0),
        ("Police killed at least 80 of them in the crackdown.", "80", 1.0),
        ("There are 20 venues, one of which is in Glasgow.", "one", MODEL),
    ],
)
def test_a_part_counted_of_those_named_before(
    sentence: str, figure: str, fit: float, nlp: Language
) -> None:
    question = questions.read("How many of them turned it down or were killed?", nlp)
    assert level_of(question, sentence, figure) == fit


@pytest.mark.parametrize(
    ("question", "qualifiers"),
    [
        ("After Orlando, how did Obama describe the phrase?", ("Orlando",)),
        (
            "As of the Nuclear Security Summit, how many tests had Corvalia run?",
            (
                "Nuclear",
                "Security",
                "Summit",
            ),
        ),
        ("In the Washington Post-ABC News poll, what share backed Clinton?", ()),
    ],
)
def test_a_setting_in_time_dates_the_question_and_need_not_be_said(
    question: str, qualifiers: tuple[str, ...], nlp: Language
) -> None:
    assert questions.read(question, nlp).qualifiers == qualifiers


def test_a_name_the_sentence_says_there_is_none_of_does_not_answer(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "There is no ISIS recruitment video featuring Trump's call to bar Muslims, "
        "fact-checkers found."
    )
    question = (
        "Which militant group used footage of Trump's call to bar Muslims in a recruitment video?"
    )
    assert asked(question, text, nlp, settings).text is None


def test_someone_introduced_unnamed_is_answered_by_the_name_that_follows(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "The accord was negotiated by Secretary-General Kofi Annan, who appointed a retired "
        "Indian diplomat on Thursday as his special representative to Baghdad. Prakash Shah, "
        "58, a former ambassador, will report to him weekly."
    )
    question = "Who did Kofi Annan appoint as his special representative to Baghdad?"
    answer = asked(question, text, nlp, settings)
    assert answer.text == "Prakash Shah"
    assert [c.text[:7] for c in answer.citations] == ["Prakash", "The acc"]


@pytest.mark.parametrize(
    "question",
    [
        "What do investigators suspect started the blaze in the St. Petersburg office building?",
        "What caused the fire in the St. Petersburg office building?",
    ],
)
def test_what_caused_is_answered_by_what_it_was_caused_by(
    question: str, nlp: Language, settings: Settings
) -> None:
    text = (
        "A fire gutted the new office building in St. Petersburg on Friday. Investigators are "
        "working on the theory that the fire was caused by an electric heater left on overnight."
    )
    assert asked(question, text, nlp, settings).text == "an electric heater left on overnight"


def test_a_source_opening_its_sentence_reads_mid_sentence_in_the_summary(
    nlp: Language, settings: Settings
) -> None:
    text = "His kidnappers demanded a ransom of $1 million, but negotiations broke off Thursday."
    summary = asked("How much ransom did the kidnappers demand?", text, nlp, settings).summary()
    assert summary == "$1 million, according to his kidnappers"


#: texts and questions whose answer is of the kind the question's words ask for
OF_THE_KIND = [
    pytest.param(  # the story named the shooting before; its sentence says "the ... shooting"
        "Parents in Corvale marked four years since the school shooting on Monday. Teachers "
        "lit candles outside the gym. The principal was one of 26 people killed in the "
        "December 2012 shooting.",
        "How many people in total were killed in the Corvale school shooting?",
        "26",
        id="number-referred",
    ),
    pytest.param(  # a bid is money, not the time it was made
        "The collector tried a second time Thursday to auction off the rifle. Bidding opened "
        "at $5,000 on the auction site.",
        "What starting bid did the collector set when he tried to auction the rifle?",
        "$5,000",
        id="money-bid",
    ),
    pytest.param(  # how much of a thing: its weight, not a distance
        "Police found more than 1,300 pounds of fertilizer-based explosives Sunday in a "
        "shed in Tarrow, 50 miles north of Corvale.",
        "How much explosive did police find in the shed in Tarrow?",
        "1,300 pounds",
        id="dimension-0",
    ),
    pytest.param(  # "how many days": the span counted in days, not another span
        "One sticking point has been the proposal to open the sites for no more than sixty "
        "days. Annan wrapped up a three hour meeting on the sites in Corvale today.",
        "For at most how many days would the sites be opened?",
        "sixty days",
        id="dimension-1",
    ),
    pytest.param(  # the outcome counted: deaths for "killed", not the helicopters
        "The army suffered a record 39 deaths in the south last year, when two helicopters "
        "crashed near the border.",
        "How many soldiers were killed in the south last year?",
        "39",
        id="dimension-2",
    ),
    pytest.param(
        "By a 6-3 vote, the court upheld the immigration law on Monday.",
        "By what margin did the court uphold the immigration law?",
        "6-3",
        id="tally-3",
    ),
    pytest.param(
        "Convention delegates voted 89-52 for a republic, with 11 abstentions.",
        "What was the tally when the delegates voted for a republic?",
        "89-52",
        id="tally-4",
    ),
    pytest.param(
        "The Senate rejected the war powers resolution 49 to 51 on Thursday.",
        "By what margin did the Senate reject the war powers resolution?",
        "49 to 51",
        id="tally-5",
    ),
    pytest.param(
        "The resolution, co-sponsored by Kenya, Tanzania and the United States, was "
        "adopted by the Security Council.",
        "Which countries put forward the Security Council resolution?",
        "Kenya, Tanzania and the United States",
        id="list-6",
    ),
    pytest.param(  # the parser takes "states" for the subject: the agent names no state
        "Schiff said election offices in Arizona and Illinois were hacked by Russian agents.",
        "According to Schiff, election offices in which states were hacked?",
        "Arizona and Illinois",
        id="list-7",
    ),
    pytest.param(  # any currency is money: ringgit as well as dollars
        "The firm was charged under section 38 of the Water Supply Act, which carries a "
        "maximum fine of RM50,000 or two years' jail, or both.",
        "What is the highest fine the firm could face under the Water Supply Act?",
        "RM50,000",
        id="measure-8",
    ),
    pytest.param(  # "U.S." does not hide the measure asked
        "The U.S. unemployment rate edged up to 4.7 percent in March from 4.6 percent, the "
        "Labor Department said.",
        "What was the U.S. jobless rate in March according to the Labor Department?",
        "4.7 percent",
        id="measure-9",
    ),
    pytest.param(
        "Eyad Ismoil, who drove the van into the garage, was sentenced on Friday to 240 "
        "years in prison.",
        "What prison term was handed to Eyad Ismoil?",
        "240 years",
        id="measure-10",
    ),
    pytest.param(
        "The Geological Survey said it detected a 5.1-magnitude earthquake about 30 miles "
        "from a known test site.",
        "What magnitude was the tremor the Geological Survey recorded?",
        "5.1",
        id="noun-11",
    ),
    pytest.param(
        "Secretary of State John Kerry announced that the United States was prepared to "
        "boost the number of total refugees accepted to 85,000 in fiscal 2016, from 70,000.",
        "What cap on total refugee admissions for fiscal 2016 did John Kerry announce?",
        "85,000",
        id="noun-12",
    ),
    pytest.param(
        "Obama told the magazine the intervention in Libya cost us $1 billion, which is "
        "very cheap for a military operation.",
        "What price tag did Obama give for the intervention in Libya?",
        "$1 billion",
        id="noun-13",
    ),
    pytest.param(
        "Both saw the death of Navy SEAL Charles Keating IV during an Islamic State "
        "counter-attack as a sign of confusion.",
        "Which Navy SEAL was killed during the Islamic State counter-attack?",
        "Charles Keating IV",
        id="noun-14",
    ),
    pytest.param(
        "Passed in 2016, the bill would extend the sanctions act through 2026.",
        "Until what year would the bill extend the sanctions act?",
        "2026",
        id="span-15",
    ),
    pytest.param(
        "Russian intruders had been inside the system at least since 2007 when they were "
        "discovered in late 2014.",
        "Since what year had Russian hackers been inside the system?",
        "2007",
        id="span-16",
    ),
    pytest.param(  # a sum asked by its noun, a place by its people
        "CAGUAS, Puerto Rico (AP)_ Kidnappers killed a store owner they took hostage.\n\nPuerto "
        "Rico police found the body 15 miles south of the capital. His kidnappers had demanded a "
        "ransom of dlrs 1 million.",
        "How much ransom did the kidnappers of the Puerto Rican store owner demand?",
        "dlrs 1 million",
        id="a_sum_asked_by_its_noun_and_a_place_by_its_people",
    ),
    pytest.param(  # a capital standing for its state is a city
        "In the capital, Ankara, a few hundred protesters laid a black wreath at the gate of the "
        "embassy.",
        "In which city did protesters lay a wreath at the embassy?",
        "Ankara",
        id="a_capital_standing_for_its_state_is_a_city",
    ),
    pytest.param(  # the part the act counts, not a ratio
        "In Kosovo, Albanians outnumber the Serbs 9 to 1. Most recently, Serb police killed at "
        "least 80 of them in a brutal two-week crackdown on militant separatists.",
        "How many Kosovo Albanians were killed by Serb police in the two-week crackdown?",
        "80",
        id="the_part_the_act_counts_answers_and_a_ratio_counts_nothing",
    ),
    pytest.param(  # a count of the word asked before one of a close word
        "Just hours before the president's address, Corvalia detained 10 American sailors from "
        "two Navy patrol boats in the gulf.",
        "How many U.S. Navy sailors did Corvalia take into custody in the gulf?",
        "10",
        id="a_count_of_the_word_asked_before_one_of_a_close_word",
    ),
    pytest.param(  # a name the question gives is not its answer
        "Leaders of the United States and Israel talked past each other for years. As it turned "
        "out, the United States had been in secret talks with Iran brokered by Oman.",
        "Which country was the go-between in the secret U.S. talks with Iran?",
        "Oman",
        id="a_name_the_question_gives_is_not_its_answer",
    ),
    pytest.param(  # a people named by their country in the sentence before
        "COPENHAGEN, Denmark (AP) _ Denmark's largest industrial unions have rejected a wage "
        "proposal, officials announced Friday.\n\nState mediator Asbjoern Jensen announced that 56 "
        "percent of those voting on the proposal turned it down.",
        "What percentage of Danish union members voting turned down the wage proposal?",
        "56 percent",
        id="a_people_named_by_their_country_in_the_sentence_before",
    ),
    pytest.param(  # a story's dateline places all of it
        "CANBERRA, Australia (AP)_ Delegates to a constitutional convention met on Friday.\n\nThe "
        "debate lasted all week. Convention delegates then voted 89-52 for a republic, with 11 "
        "abstentions.",
        "What was the tally when delegates at Australia's convention voted for a republic?",
        "89-52",
        id="a_storys_dateline_places_all_of_it",
    ),
    pytest.param(  # a count answering a measure says what it counts
        "Corker said the negotiators were about three words away from a deal.",
        "How close did Corker say the negotiators came to a deal?",
        "three words",
        id="a_count_answering_a_measure_says_what_it_counts",
    ),
    pytest.param(  # what is used to justify an act is its reason
        "The Russians have used the presence of Nusra fighters to justify their bombing runs "
        "around Aleppo, saying the city is an important front.",
        "What reason have the Russians given for their bombing runs around Aleppo?",
        "the presence of Nusra fighters",
        id="what_is_used_to_justify_an_act_is_its_reason",
    ),
    pytest.param(  # a reader's word for what is counted
        "Velnet's profits were buoyed by one-off gains. Velnet lost 464,000 subscribers "
        "in the fourth quarter.",
        "How many customers did Velnet lose?",
        "464,000",
        id="customers_are_subscribers",
    ),
    pytest.param(  # a number made one word with what follows counts nothing
        "Velnet's profits were buoyed by one-off gains from the sale of its stake in Norcorp.",
        "How many gains did Velnet make from the sale?",
        None,
        id="one_off_counts_nothing",
    ),
    pytest.param(  # "how does X justify" asks why
        "The Ostrin government has used the presence of Norland militias to justify its "
        "airstrikes around Velda.",
        "How does Ostrin justify its airstrikes around Velda?",
        "the presence of Norland militias",
        id="how_does_one_justify_asks_why",
    ),
    pytest.param(  # the reason an actor gives for an act, after a comma
        "Governor Vale has threatened to veto the bill, arguing that such a law could expose "
        "the U.S. to similar lawsuits.",
        "Why does Vale oppose the bill?",
        "such a law could expose the U.S. to similar lawsuits",
        id="arguing_gives_the_reason",
    ),
    pytest.param(
        "The gunman attacked the club in retaliation for the airstrikes on his home town.",
        "Why did the gunman attack the club?",
        "the airstrikes on his home town",
        id="in_retaliation_for_gives_the_reason",
    ),
    pytest.param(  # "due to open" is when, not why
        "The Velda council has banned the play, which was due to open in the capital this "
        "weekend. The council said it would not be staged as it glorified violence and crime.",
        "Why did the council ban the play?",
        "it glorified violence and crime",
        id="due_to_open_is_no_reason",
    ),
    pytest.param(  # "what's X's take on Y": what X said of it
        'Growth figures were revised down on Friday. "I maintain the view that the economy '
        'remains in a minor adjustment phase," said Heizo Vale, the economy minister.',
        "What's the economy minister's take on the figures?",
        '"I maintain the view that the economy remains in a minor adjustment phase,"',
        id="a_take_on_something_is_what_was_said_of_it",
    ),
    pytest.param(  # a count the analysis tied to nothing counts the words after it
        "But rising casualties _ a record 39 Corvalian troops were killed in action in Norland "
        "last year _ have stirred protests, while nearly 900 Corvalian soldiers have been killed "
        "there since 1985.",
        "How many Corvalian soldiers were killed in action in Norland last year?",
        "39",
        id="count-after",
    ),
    pytest.param(  # the question's number is said in words ("twenty four hours")
        "In the last twenty four hours, the stock market has fallen by twelve percent.",
        "In the 24 hours before the report, by how much did the stock market fall?",
        "twelve percent",
        id="number-in-words",
    ),
    pytest.param(  # what a source cites is a reason, a quoted one up to its closing mark
        "Citing “obligations in Tennessee,” the former vice president's spokeswoman said Gore "
        "plans to skip the convention.",
        "What reason did Gore's spokeswoman give for his staying away from the convention?",
        "obligations in Tennessee",
        id="reason-cited",
    ),
    pytest.param(  # how much was given: a sum, not a span of time
        "Coca-Cola indicated it would give $75,000 to the convention, down from the $600,000 it "
        "gave four years ago. Coca-Cola's giving to the convention has not been this low in four "
        "years.",
        "How much did Coca-Cola say it would give to the convention?",
        "$75,000",
        id="amount-given",
    ),
    pytest.param(  # what type of N: the words before N
        "Other important complexity classes include AC and NC, which are defined using Boolean "
        "circuits, and BQP, defined using quantum Turing machines.",
        "AC and NC are complexity classes associated with what type of circuit?",
        "Boolean",
        id="type-of",
    ),
    pytest.param(  # what someone called a thing, not the rest of their words
        "The governor spoke on the port closures at length on Monday, calling the blockade "
        "a “grave provocation.”",
        "How did the governor characterize the blockade?",
        "grave provocation",
        id="characterized-called",
    ),
    pytest.param(
        "Speaking in Caracas, Maduro described the naval deployment as an open conspiracy "
        "against the country.",
        "How did Maduro describe the naval deployment?",
        "open conspiracy against the country",
        id="characterized-as",
    ),
    pytest.param(  # which one of the thing asked: the words before it, though a filler of
        # the question's verb stands in another sentence
        "The second trick is to use smaller processors and slower memory. He described the "
        "device as a stripped down laptop, which would run a Linux-based operating system.",
        "What operating system will the cheap laptop use?",
        "Linux-based",
        id="which-one-before-the-noun",
    ),
    pytest.param(  # an example of the thing asked for
        "Experts have discounted Norland's claims, but have speculated that it may have used a "
        "booster, including a so-called fusion fuel such as tritium, to increase the yield of "
        "the nuclear blast.",
        "What fuel could help Norland get a bigger nuclear blast?",
        "tritium",
        id="which-one-such-as",
    ),
    pytest.param(  # explosives are a kind of weapon; "check-in" names no kind of it
        "Her daughter was at the Corvale airport that day. A man set off primitive "
        "explosives in the check-in area at the Corvale airport.",
        "What kind of weapon was used in the Corvale airport attack?",
        "primitive explosives",
        id="kind-of-weapon",
    ),
    pytest.param(  # a reward is a sum of money, not a count
        "Rudd, wanted with a reward on his head, is charged in three Corvale bombings. "
        "Officials have offered $1 million for information leading to his capture.",
        "How big is the reward for Rudd?",
        "$1 million",
        id="size-of-a-sum",
    ),
    pytest.param(  # the kind of money the question's act asks for: a loss, not the bailout
        "Corvale Motors has received over $15 billion in bailout money from the federal "
        "government. Last week the government sold the last of its shares in the carmaker, "
        "losing around $9 billion on its initial bailout.",
        "How much did the government lose on its Corvale Motors bailout?",
        "$9 billion",
        id="money-of-the-act",
    ),
    pytest.param(  # "when was it last held": not the date of what will be
        "The Harbour Party will hold its 2006 autumn conference in Corvale and not Valdoro. It "
        "will be the first time since 1917 that the party has chosen Corvale to host its "
        "conference.",
        "When was the Harbour Party's conference last held in Corvale?",
        "1917",
        id="past-not-to-come",
    ),
    pytest.param(  # where it was found ("discovered in"), not where it was bound for
        "Chief Superintendent Al Marsh said the bomb discovered in Pelmark was destined for "
        "Norland.",
        "Where did police find the bomb?",
        "Pelmark",
        id="where-the-act-was-done",
    ),
    pytest.param(  # "what growth": a rate, not a phrase
        "Separately, the IMF warned on Thursday that Norland's budget deficit was too large and "
        "would hamper the country's economic growth, which it forecast to be around 6.5% in the "
        "year to March 2006.",
        "What growth does the IMF predict for Norland this year?",
        "6.5%",
        id="growth-is-a-rate",
    ),
    pytest.param(  # what the rise is put down to
        "Corvale Air posted record quarterly profit on Tuesday. The airline attributed the "
        "increase to higher passenger traffic and new international routes.",
        "Why did Corvale Air's quarterly profit hit a record?",
        "higher passenger traffic and new international routes",
        id="attributed-to",
    ),
    pytest.param(  # what one acknowledged was a reason
        "While he acknowledged funding was a major reason he felt demoralized serving under "
        "Ostrin, several other things left the general further disillusioned.",
        "Why did the general say serving Ostrin was demoralizing?",
        "funding",
        id="acknowledged-reason",
    ),
    pytest.param(  # not the phrase around it ("as an open conspiracy"), as "how" would take
        "Maduro responded by denouncing the naval deployment as an open conspiracy.",
        "How did Maduro describe the naval deployment?",
        "open conspiracy",
        id="characterized-denounced",
    ),
    pytest.param(  # what someone was fired for
        "Ana Ruiz, a reserve major whom the congressman fired in June for mishandling "
        "classified information, sued him on Monday.",
        "Why did the congressman fire his staffer Ana Ruiz?",
        "mishandling classified information",
        id="fired-for",
    ),
    pytest.param(  # what a deal was dropped over
        "The news site pulled out of an advertising deal with the party over the candidate's "
        "harsh rhetoric.",
        "Why did the news site drop its ad deal with the party?",
        "the candidate's harsh rhetoric",
        id="pulled-out-over",
    ),
    pytest.param(  # a name, not the warrant the sentence opens with
        "The Canadian warrant issued Monday charged Ruiz with attempted murder in the 1995 "
        "shooting of Dr. Hugh Marsh, a Winnipeg doctor.",
        "Which Winnipeg doctor's shooting led Canada to charge Ruiz?",
        "Hugh Marsh",
        id="named-filler",
    ),
]


@pytest.mark.parametrize(("text", "question", "expected"), OF_THE_KIND)
def test_the_answer_is_of_the_kind_asked(
    text: str, question: str, expected: str, nlp: Language, settings: Settings
) -> None:
    assert asked(question, text, nlp, settings).text == expected


def test_the_country_is_the_one_named_before(nlp: Language, settings: Settings) -> None:
    text = (
        "India plans to triple its coal output. China is changing course, and China's "
        "government limits new plants. Yet striking miners protest the country's plans to cut "
        "1.3 million coal jobs."
    )
    assert asked("How many coal jobs does India plan to cut?", text, nlp, settings).text is None
    assert asked("How many coal jobs does China plan to cut?", text, nlp, settings).text


@pytest.mark.parametrize(
    ("question", "text"),
    [
        (  # a province is no city
            "In which city did the senator speak about school testing?",
            "The senator spoke about school testing this week at an event in Wyoming.",
        ),
        (  # a country is no place inside another
            "Where in Turkey did the pipeline talks take place?",
            "Turkey and Georgia held the pipeline talks in Azerbaijan last week.",
        ),
    ],
)
def test_no_place_of_another_size_answers(
    question: str, text: str, nlp: Language, settings: Settings
) -> None:
    assert asked(question, text, nlp, settings).text is None


@pytest.mark.parametrize(
    ("place", "large"),
    [("Wyoming", True), ("Ontario", True), ("Manchester", False), ("New York", False)],
)
def test_a_large_province_is_told_from_a_city_named_so(place: str, large: bool) -> None:
    assert province(place) is large


def test_a_figure_proposed_is_not_one_given(nlp: Language, settings: Settings) -> None:
    text = "The embassy weighed the 28 visas the delegation had requested."
    question = "How many visas did the government issue for the delegation?"
    assert asked(question, text, nlp, settings).text is None


@pytest.mark.parametrize(
    ("question", "sentence", "name", "fit"),
    [
        (
            "Who punched a protester at the rally?",
            "It was not said of Rakeem Jones, 26, a protester who was punched by a supporter.",
            "Rakeem Jones",
            OTHER_KIND,
        ),
        (  # beside a name the question gives, not a noun of another argument
            "Who is heading the FBI probe in Dar es Salaam?",
            "The head of the FBI investigation in Dar es Salaam, Kenneth Piernick, said so.",
            "Kenneth Piernick",
            1.0,
        ),
    ],
)
def test_a_name_beside_another_argument_is_not_the_answer(
    question: str, sentence: str, name: str, fit: float, nlp: Language
) -> None:
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    start = sentence.index(name)
    found = Candidate(start, start + len(name), name, "entity")
    assert other_argument(questions.read(question, nlp), found, hit, nlp).fit == fit


@pytest.mark.parametrize(
    ("sentence", "shared"),
    [
        ("The city has recorded 400 homicides and 2,700 shootings this year.", True),
        ("It gave $75,000, down from the $600,000 it gave four years ago.", False),
    ],
)
def test_a_time_after_two_figures_joined_dates_both(sentence: str, shared: bool) -> None:
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    first, second = re.findall(r"\$?\d[\d,]*", sentence)[:2]
    at, then = sentence.index(first), sentence.index(second)
    answer = Candidate(at, at + len(first), first, "quantity", key=f"{first}:count")
    figure = Quantity(then, then + len(second), second, 1.0, "count")
    when = sentence.index(" this year" if shared else " four years ago") + 1
    time = TimeExpr(when, len(sentence) - 1, sentence[when:-1], "2015", "DATE")
    assert between([figure], answer, time, hit) is not shared


@pytest.mark.parametrize(
    ("question", "sentence", "other"),
    [
        (
            "Who won the women's long program at the worlds?",
            "Ana Ruiz decisively won the women's short program Friday at the worlds.",
            "short program",
        ),
        (
            "Who won the women's short program at the worlds?",
            "Ana Ruiz decisively won the women's short program Friday at the worlds.",
            None,
        ),
        ("Who won the men's final?", "Ruiz won the women's final on Sunday.", "women's final"),
    ],
)
def test_a_word_set_against_the_asked_one_tells_of_another_thing(
    question: str, sentence: str, other: str | None
) -> None:
    assert contrasted(question, sentence) == other


@pytest.mark.parametrize(
    ("question", "given"),
    [
        ("Why did Ruiz say the minister should resign?", True),
        ("Why does the island want Americans to move there?", False),
    ],
)
def test_why_asks_for_a_reason_someone_gives_only_with_their_verb(
    question: str, given: bool
) -> None:
    assert told_why(questions.read(question)) is given


def test_an_answer_is_cited_with_other_sentences_that_say_it(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Saddam Hussein called President Bush a liar on Thursday. Oil prices rose. In a long "
        "attack on television, Saddam repeatedly called Bush a liar."
    )
    store = context_store(text, settings)
    question = questions.read("What did Saddam call President Bush?", nlp)
    first = store.search("Saddam Hussein called President Bush", limit=1)[0]
    at = text.index("liar")
    best = Scored(Candidate(at, at + 4, "liar", "phrase"), Passage(first, 1.0), 0, 1.0)
    src = Sources(store, nlp, gazetteer(settings), settings.ask)
    cited = Citer(store)(first)
    assert cited is not None
    again = told_again(question, best, src, (cited,))
    assert [c.text.strip() for c in again] == [
        "In a long attack on television, Saddam repeatedly called Bush a liar."
    ]


@pytest.mark.parametrize(("name", "fit"), [("Bush", QUALIFIER_FIT), ("Ruiz", 1.0)])
def test_a_name_that_only_says_whose_person_is_not_who(
    name: str, fit: float, nlp: Language
) -> None:
    sentence = "One of President Bush's sons told Ruiz that he had lost much of his support."
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    start = sentence.index(name)
    found = Candidate(start, start + len(name), name, "entity")
    assert kin_named(found, hit, nlp).fit == fit


def test_a_date_is_no_prison_term() -> None:
    sentence = "On May 6, Ana Ruiz, 44, was charged with the shooting."
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    sentenced = questions.read("What prison sentence did Ana Ruiz get for the shooting?")
    assert end_fit(sentenced, hit, sentence.index("May")) == UNENDED
    dated = questions.read("When was Ana Ruiz charged with the shooting?")
    assert end_fit(dated, hit, sentence.index("May")) == 1.0


def test_a_date_of_another_act_does_not_say_when(nlp: Language, settings: Settings) -> None:
    text = (
        "Prime Minister Ostrin has yet to name the date of the general election, but most "
        "pundits are betting on 5 May."
    )
    question = "What date has Ostrin officially set for the general election?"
    assert asked(question, text, nlp, settings).text is None


def test_a_sentence_without_the_question_s_number_does_not_answer(
    nlp: Language, settings: Settings
) -> None:
    text = "The Normans took Dyrrachium with 3,000 soldiers in 1185."
    said = asked("Who took Dyrrachium with 3,000 soldiers?", text, nlp, settings)
    assert said.text == "Normans"
    other = asked("Who took Dyrrachium with 5,000 soldiers?", text, nlp, settings)
    assert other.text is None
    assert "5,000" in (other.reason or "")


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        (
            "Three small civil wars broke out in the south between 1621 and 1629.",
            "between 1621 and 1629",
        ),
        ("The civil wars in the south lasted from 1621 to 1629.", "from 1621 to 1629"),
        ("The south saw three small civil wars in 1621-29.", "1621-29"),
    ],
)
def test_a_date_that_opens_a_range_answers_with_the_range(
    sentence: str, answer: str, nlp: Language, settings: Settings
) -> None:
    assert asked("When were the civil wars in the south?", sentence, nlp, settings).text == answer


def test_money_by_the_year_is_a_sum_of_money(nlp: Language, settings: Settings) -> None:
    text = (
        "Under the new rule, most salaried workers earning up to $47,476 a year must receive "
        "overtime pay. The rule makes 4.2 million workers newly eligible."
    )
    answer = asked("Up to what yearly salary do workers get overtime pay?", text, nlp, settings)
    assert answer.text == "$47,476 a year"


def test_a_vote_asked_is_a_tally_of_the_sentence_that_speaks_of_its_subject(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "The Senate took up the nomination of Ana Ruiz on Monday after two months of delay. "
        "Nobody opposed her, and she was confirmed 92 to 0."
    )
    answer = asked("What was the Senate tally when Ana Ruiz was confirmed?", text, nlp, settings)
    assert answer.text == "92 to 0"


def test_a_yes_no_answer_keeps_the_word_that_denies(nlp: Language, settings: Settings) -> None:
    text = '"Governor Romney has no plans to attend the convention," a spokesman said Thursday.'
    answer = asked("Was Romney planning to be at the convention?", text, nlp, settings)
    assert (answer.text or "").startswith("no plans")


def test_a_sentence_that_says_the_act_only_as_a_condition_answers_less(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Newt Gingrich said if Donald Trump picked him as a running mate it would be a "
        '"two-pirate ticket." Mike Pence spoke in Indiana on Friday, days after Trump named his '
        "running mate."
    )
    answer = asked("Who did Trump pick as his running mate?", text, nlp, settings)
    assert answer.text != "Newt Gingrich"


@pytest.mark.parametrize(
    "sentence",
    [
        "Wasserman Schultz said she will resign her post after the convention, to be replaced "
        "by Donna Brazile through the election.",
        "Wasserman Schultz, who will resign, spent 12 years as a congresswoman in Florida.",
        "Wasserman Schultz, who will resign, has led the party since the campaign began last year.",
    ],
)
def test_a_time_a_role_or_what_followed_is_no_reason(
    sentence: str, nlp: Language, settings: Settings
) -> None:
    assert asked("Why did Wasserman Schultz resign?", sentence, nlp, settings).text is None


@pytest.mark.parametrize(
    ("question", "held"),
    [
        ("Who was Ruiz's opponent in the general election?", "opponent"),
        ("Who was named president and chief executive of the bank?", "executive"),
        ("Who was set to take over as head of the militia?", "head"),
    ],
)
def test_who_holds_a_role_reads_the_role_not_what_it_is_in(question: str, held: str) -> None:
    assert questions.role(question.lower()) == held


def test_a_number_needed_or_still_short_is_not_the_level_asked(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "In the roll call on Tuesday, Senator Ruiz sailed past the 1,190 delegates needed to win "
        "the nomination. By the end of the night 1,441 delegates had voted for him."
    )
    question = "How many delegates voted for Senator Ruiz in the roll call?"
    assert asked(question, text, nlp, settings).text == "1,441"
    sentence = "The committee raising money for the convention is $4 million to $5 million short."
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    raised = questions.read("How much had the committee raised for the convention?", nlp)
    assert gap_fit(raised, hit, sentence.index(" short")) == NOT_A_GAP


@pytest.mark.parametrize(
    ("sentence", "figure", "fit"),
    [
        ("Ruiz's 14-hour filibuster ended on Thursday.", "14-hour", 1.0),
        ("Ruiz took 57 percent to Hale's 43 percent.", "43 percent", MODEL),
        ("Boeing's 787 flew on Thursday.", "787", MODEL),
    ],
)
def test_an_owner_s_measure_is_no_model_number(sentence: str, figure: str, fit: float) -> None:
    question = questions.read("How long did the filibuster last?")
    assert level_of(question, sentence, figure) == fit


def test_a_sentence_says_the_question_s_act_in_a_reader_s_words(nlp: Language) -> None:
    question = questions.read("Whom does the president blame for the failed coup?", nlp)
    assert acted(question, "He accuses the preacher of masterminding the coup.")
    assert not acted(question, "The preacher lives in Pennsylvania.")
    hosting = questions.read("Which city will host the party's autumn conference in 2006?", nlp)
    assert acted(hosting, "The party will hold its 2006 autumn conference in Manchester.")
    bid = questions.read("Who dropped her bid for the nomination in February?", nlp)
    assert acted(bid, "The governor, who ended her bid on Feb. 10, backs the senator.")
    assert not acted(bid, "The governor backs the senator.")
    spoke = questions.read("Who spoke for the ministry about the reserve fund?", nlp)
    assert acted(spoke, '"We may use the reserve fund," said Ana Ruiz, its spokeswoman.')
    asking = questions.read("What did the minister ask the envoy to tell investors?", nlp)
    assert acted(asking, "He also urged the envoy to tell investors that the port is safe.")
    bust = questions.read("Which Dutch bank went bust in March?", nlp)
    assert acted(bust, "A small lender, Van Dam Bank, declared bankruptcy on March 3.")


@pytest.mark.parametrize(("focus", "titled_"), [("insurer", True), ("exporter", False)])
def test_a_doer_s_noun_names_the_firm_by_its_root(focus: str, titled_: bool) -> None:
    sentence = "A mid-size insurance company, Van Dam Life Insurance, declared bankruptcy."
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    start = sentence.index("Van Dam")
    assert titled(focus, hit, start, start + len("Van Dam Life Insurance")) is titled_


@pytest.mark.parametrize(
    ("sentence", "figure", "fit"),
    [
        ("Once a petition tops 100,000 signatures, it must be debated.", "100,000", MODEL),
        ("The petition has reached a record 563,000 signatures.", "563,000", 1.0),
    ],
)
def test_a_number_a_condition_names_is_no_tally(
    sentence: str, figure: str, fit: float, nlp: Language
) -> None:
    question = questions.read("How many people signed the petition?", nlp)
    assert level_of(question, sentence, figure) == fit


@pytest.mark.parametrize(
    ("question", "setting"),
    [
        ("On what date was Ana Ruiz detained after the failed coup attempt?", True),
        ("On what date was the coup attempt?", False),
    ],
)
def test_a_time_of_the_act_s_setting_does_not_date_the_act(
    question: str, setting: bool, nlp: Language
) -> None:
    sentence = "In the wake of the coup attempt July 15, the government declared Ruiz a plotter."
    start = sentence.index("July 15")
    told = setting_dated(nlp(question), nlp(sentence), start, start + len("July 15"))
    assert told is setting


def test_a_body_s_name_does_not_title_it_as_one_of_its_members(nlp: Language) -> None:
    question = questions.read("Which lawmaker wants the envoy barred from the country?", nlp)
    sentence = "Joey Ruiz said in a bill filed in the House of Representatives in Manila."
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    house = sentence.index("House")
    body = Entity(house, house + len("House of Representatives"), "House of Representatives", "ORG")
    member = Entity(0, len("Joey Ruiz"), "Joey Ruiz", "PERSON")
    assert entity_fit(question, hit, body, None) < entity_fit(question, hit, member, None)


def test_how_often_is_answered_by_the_words_that_say_it(nlp: Language, settings: Settings) -> None:
    text = "Qantas plans daily flights between Perth and Delhi, up from four flights a week."
    answer = asked("How often will Qantas fly between Perth and Delhi?", text, nlp, settings)
    assert answer.text == "daily"


@pytest.mark.parametrize(("before", "fit"), [("than", ASIDE_PLACE), ("in", 1.0)])
def test_a_place_compared_with_is_not_where_it_happens(
    before: str, fit: float, nlp: Language
) -> None:
    question = questions.read("Where can the protesters rally every day?", nlp)
    sentence = f"The city gives protesters more leeway {before} Cleveland, allowing daily rallies."
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    start = sentence.index("Cleveland")
    cleveland = Entity(start, start + len("Cleveland"), "Cleveland", "GPE")
    here = SentenceHit("doc", 0, 0, len(sentence), sentence.replace(f"{before} C", "in C"))
    alone = entity_fit(question, here, cleveland, None)
    assert entity_fit(question, hit, cleveland, None) == pytest.approx(fit * alone)


@pytest.mark.parametrize(
    ("name", "label", "a_site"),
    [
        ("Franklin Delano Roosevelt Park", "PERSON", True),
        ("the Wells Fargo Center", "ORG", True),
        ("Franklin Delano Roosevelt", "PERSON", False),
    ],
)
def test_a_name_its_last_word_calls_a_site_is_a_place(name: str, label: str, a_site: bool) -> None:
    assert site(Entity(0, len(name), name, label)) is a_site


def test_a_level_asked_with_to_what_is_no_change(nlp: Language) -> None:
    question = questions.read("To what level did the jobless rate rise in May?", nlp)
    sentence = "The jobless rate rose 0.3 points to 5.1 percent in May."
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    start = sentence.index("5.1 percent")
    assert level_fit(question, hit, start, start + len("5.1 percent")) == 1.0


@pytest.mark.parametrize(
    ("focus", "titled_"),
    [("senator", True), ("governor", True), ("general", False), ("analyst", False)],
)
def test_a_title_written_short_names_the_role_asked(focus: str, titled_: bool) -> None:
    sentence = "Mark Cuban cheered when Sen. Lindsey Graham and Gov. Ann Ruiz spoke."
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    name = "Lindsey Graham" if focus == "senator" else "Ann Ruiz"
    start = sentence.index(name)
    assert titled(focus, hit, start, start + len(name)) is titled_


def test_a_title_before_a_saying_verb_is_the_speaker_s() -> None:
    sentence = "The city's commissioner says analyst Dan Roe misread the budget."
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    start = sentence.index("Dan Roe")
    assert not titled("commissioner", hit, start, start + len("Dan Roe"))
    assert titled("analyst", hit, start, start + len("Dan Roe"))


@pytest.mark.parametrize(
    ("name", "titled_"), [("Yuri Gremitskikh", False), ("Mikhail Sytenko", True)]
)
def test_a_title_after_a_verb_of_saying_is_the_next_names(name: str, titled_: bool) -> None:
    sentence = "Spokesman Yuri Gremitskikh said special ambassador Mikhail Sytenko left Tuesday."
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    start = sentence.index(name)
    assert titled("envoy", hit, start, start + len(name)) is titled_


RESULT = (
    "Despite leading each of the last 10 Iowa polls by an average of seven percentage points, "
    "Mr. Trump was defeated in the Iowa caucuses on Monday by Senator Ted Cruz of Texas, who "
    "won, 27.6 percent to 24.3 percent."
)
POLL = "A survey released on Friday found that 45 percent of caucusgoers backed Cruz."
LIKELY = "Among likely GOP caucus voters, 45 percent say they will back Cruz."
NATIONAL = "Cruz has the backing of 45 percent of national Republican primary voters."


@pytest.mark.parametrize(
    ("sentence", "figure", "fit"),
    [
        (RESULT, "27.6 percent", 1.0),
        (POLL, "45 percent", POLL_FOR_RESULT),
        (LIKELY, "45 percent", POLL_FOR_RESULT),
        (NATIONAL, "45 percent", POLL_FOR_RESULT),
    ],
)
def test_a_result_is_told_by_its_own_clause_not_a_poll_beside_it(
    sentence: str, figure: str, fit: float, nlp: Language
) -> None:
    question = questions.read("What share of the vote did Cruz win in the Iowa caucuses?", nlp)
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    start = sentence.index(figure)
    end = start + len(figure)
    told = level_fit(question, hit, start, end)
    told *= POLL_FOR_RESULT if polled(question, hit, start, end) else 1.0
    assert told == fit


def test_a_count_of_people_of_another_state_does_not_answer(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Among the passengers were 15 French nationals. "
        "The airline said 30 Egyptian nationals were on board the plane."
    )
    answer = asked("How many French nationals were on board the plane?", text, nlp, settings)
    assert answer.text == "15"


def test_a_filler_naming_another_people_is_not_the_one_asked_for(
    nlp: Language, settings: Settings
) -> None:
    known = gazetteer(settings)
    asked_for = counted_states(questions.read("Which Libyan did Tanzania expel?", nlp), known)
    others = Candidate(0, 11, "five Iraqis", "argument", 1.0)
    own = Candidate(0, 14, "the Libyan man", "argument", 1.0)
    assert group_fit(asked_for, others, known) < group_fit(asked_for, own, known) == 1.0


def test_the_month_of_a_report_is_not_the_time_its_figure_is_for() -> None:
    read = questions.read("What deficit did the office project for 2016 in its January report?")
    assert read.period == (date(2016, 1, 1), date(2016, 12, 31))
    told = questions.read("How many jobs were lost in January 2016?")
    assert told.period == (date(2016, 1, 1), date(2016, 1, 31))
    dated = questions.read("How many rifles have been built, according to a February 1998 report?")
    assert dated.period is None  # when the report told it, not the time it tells of
    reported = questions.read("How many voters backed the levy, as reported in September 2016?")
    assert reported.period is None


@pytest.mark.parametrize(
    ("question", "year"),
    [
        ("How many people died in the 2012 attack?", None),
        ("How many protesters did the armed 2014 Bundy Ranch standoff draw?", None),
        ("How much did the city spend in the 2015 fiscal year?", 2015),  # a year of accounts
        ("How many jobs were lost in 2009?", 2009),
    ],
)
def test_a_year_that_names_the_event_is_not_when_it_was_done(
    question: str, year: int | None
) -> None:
    read = questions.read(question).period
    assert (read[0].year if read else None) == year


def test_a_sum_without_a_figure_does_not_answer_how_much(nlp: Language, settings: Settings) -> None:
    text = (
        "The budget office said the deficit would be trillions of dollars over the decade. "
        "The deficit for this year is projected at $544 billion."
    )
    answer = asked("What deficit did the budget office project?", text, nlp, settings)
    assert answer.text == "$544 billion"


def test_a_change_of_something_the_question_does_not_name_does_not_answer(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "This week Corvale's currency has lost 26 percent of its value against the dollar as "
        "the stock market dropped. The stock market value fell 12 percent, traders said."
    )
    question = "By how much did the value of Corvale's stock market drop this week?"
    assert asked(question, text, nlp, settings).text == "12 percent"


def test_whom_someone_will_face_is_their_opponent(nlp: Language, settings: Settings) -> None:
    text = (
        "Liz Cheney won the Republican primary on Tuesday, thanking her campaign chair Kim "
        "Myers. She will now face Democrat Ryan Greene in November."
    )
    answer = asked("Who is Liz Cheney's Democratic opponent?", text, nlp, settings)
    assert answer.text == "Ryan Greene"


def test_the_person_asked_about_is_not_whom_they_worked_for(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Officials say Omar Ali Varga, the gunman who killed 12 people in Corvale on Sunday, "
        "held a security officer license and was employed by the security firm G4S Secure "
        "Solutions USA Inc."
    )
    answer = asked("Who did Omar Varga work for?", text, nlp, settings)
    assert answer.text == "G4S Secure Solutions USA Inc."


def test_the_source_asked_may_be_named_in_the_sentence_before_the_figures(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "After months in overdrive, the great American jobs engine seems to be idling. In "
        "March the economy added no new jobs for the first time in two years, the Labor "
        "Department reported on Friday. Payrolls edged down by 36,000 jobs, and the "
        "unemployment rate edged up to 4.7 percent from 4.6 percent."
    )
    question = "What was the U.S. jobless rate in March according to the Labor Department?"
    assert asked(question, text, nlp, settings).text == "4.7 percent"


def test_what_a_described_thing_would_do_is_told_by_its_clause(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "On Wednesday Rep. Ana Ruiz discussed legislation she was introducing which would "
        "revoke the security clearance of officials found careless. The hearing lasted four "
        "hours."
    )
    question = "What would the bill Rep. Ana Ruiz announced after the hearing do?"
    answer = asked(question, text, nlp, settings)
    assert (answer.text or "").startswith("revoke the security clearance")


def test_a_count_of_days_is_not_read_as_a_count_of_people_held(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Police in the capital held 30 protesters for days after the news conference. "
        "As of Thursday, Ruiz has gone 271 days without a press conference."
    )
    question = "How many days has Ruiz gone without holding a news conference?"
    answer = asked(question, text, nlp, settings)
    assert answer.text == "271 days"
    assert answer.confidence > 0.5  # "holding" a conference counts no one held


def test_a_mayor_is_an_official_and_new_york_city_is_new_york(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "The campaign had sought a permit for weeks. Mayor Bill de Blasio on Monday "
        "intervened to help the campaign get a permit for its rally in New York."
    )
    question = (
        "Which official stepped in to help the campaign get a permit for its New York City rally?"
    )
    answer = asked(question, text, nlp, settings)
    assert answer.text == "Bill de Blasio"
    assert answer.confidence > 0.3  # called by a title the question's "official" covers


def test_an_ordinal_in_digits_is_said_in_words(nlp: Language, settings: Settings) -> None:
    text = (
        "Trump said on Tuesday that Second Amendment people have amazing spirit and great "
        "political power. Clinton said guns were a threat."
    )
    answer = asked("What did Trump say about 2nd Amendment people?", text, nlp, settings)
    assert "Second Amendment people" in (answer.text or "")


def test_a_headline_s_capitals_do_not_grow_a_name(nlp: Language, settings: Settings) -> None:
    text = (
        "Long-Time Leaders of Conservative Movement Unite in Support of Ted Cruz.\n\n"
        "The old lions of the conservative movement announced on Monday their support for "
        "his candidacy."
    )
    answer = asked("Who do conservative leaders support?", text, nlp, settings)
    assert answer.text == "Ted Cruz"


def test_showing_is_demonstrating_in_a_reader_s_words(nlp: Language, settings: Settings) -> None:
    text = (
        "The army held drills on Monday. Defence minister Tomas Arkell is working to "
        "demonstrate a fortified defense of the border."
    )
    answer = asked("What is Arkell trying to show?", text, nlp, settings)
    assert answer.text == "fortified defense of the border"


def test_a_source_s_own_allegation_is_not_noted_twice(nlp: Language, settings: Settings) -> None:
    text = (
        "The navy has carried out several lethal strikes on boats off the coast, alleging they "
        "were trafficking narcotics."
    )
    summary = asked("Why were the boats targeted?", text, nlp, settings).summary()
    assert summary == "they were trafficking narcotics, according to the navy (alleged)"


def test_he_or_she_in_someone_s_reported_words_is_that_someone(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "President Ana Ruiz has stated she is weighing military action inside Corvale to "
        "weaken Tomas Arkell."
    )
    answer = asked("Who is weighing military action inside Corvale?", text, nlp, settings)
    assert answer.text == "President Ana Ruiz"


def test_what_a_named_speaker_said_is_not_what_others_said_nor_what_was_hit(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "U.S. forces on Thursday launched cruise missile strikes against alleged terrorist camps "
        "and a chemical plant in Pelmark. The United States said it had the right to defend its "
        "citizens against terrorist actions."
    )
    question = "What did Pelmark's government say about the chemical plant hit by US missiles?"
    assert asked(question, text, nlp, settings).text is None


@pytest.mark.parametrize(
    ("first", "later", "expected"),
    [("Chirper", "Pelmark Social", None), ("Pelmark Social", "Chirper", "125,000")],
)
def test_a_description_speaks_of_whom_the_story_named_before_it(
    first: str, later: str, expected: str | None, nlp: Language, settings: Settings
) -> None:
    text = (
        f"{first} stepped up its fight against extremists on Friday. The company said it had "
        "suspended 125,000 accounts associated with extremism since mid-2015. It was the first "
        f"time it had given the number. {later} does not break out its removals of such content."
    )
    question = "How many extremist accounts has Pelmark Social shut down since mid-2015?"
    assert asked(question, text, nlp, settings).text == expected


@pytest.mark.parametrize(("name", "fit"), [("Ufundi House", 1.0), ("GMT", UNKINDED)])
def test_a_building_asked_for_is_a_name_called_one(name: str, fit: float) -> None:
    sentence = "The blast at 10:35 a.m. (0735 GMT) toppled the six-story Ufundi House nearby."
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    start = sentence.index(name)
    assert kind_named("building", hit, start, start + len(name)) == fit


def test_where_is_answered_by_every_place_of_the_list(nlp: Language, settings: Settings) -> None:
    text = "Vale said that on a trip to Kenya and Tanzania, she would have to reassure allies."
    answer = asked(
        "Where was Vale traveling when she said she would reassure allies?", text, nlp, settings
    )
    assert answer.text == "Kenya and Tanzania"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("the standoff in Bunkerville, Nev., last year", True),
        ("the standoff in Bunkerville, Calif., last year", False),
        ("the Nev.ada file", False),
    ],
)
def test_a_state_written_short_after_a_town_names_it(text: str, names: bool) -> None:
    assert named_in("Nevada", text) is names


def test_a_name_beside_who_did_it_is_not_who_did_it(nlp: Language, settings: Settings) -> None:
    mixed = asked("Which lawmakers questioned the number of reservists?", SEED, nlp, settings)
    assert mixed.text is None  # experts questioned it, not lawmakers; Maduro claimed it
    assert asked("Who has questioned the number of reservists?", SEED, nlp, settings).text == (
        "experts"
    )


def test_a_kind_is_not_a_count_nor_what_follows_a_possessive(
    nlp: Language, settings: Settings
) -> None:
    weapon = asked("What kind of weapon is the Igla-S?", SEED, nlp, settings)
    assert weapon.text == "anti-aircraft missiles"
    units = asked("What kind of units are Maduro's reservists in?", SEED, nlp, settings)
    assert units.text not in ("anti-aircraft missiles", "8 million", "over 8 million")


def test_a_phrase_the_sentence_calls_what_is_asked_for_fits_as_that_kind(nlp: Language) -> None:
    sentence = (
        "Any move by Beijing to reclaim land in the Pelham Shoal, an outcrop in the disputed "
        "sea, would have consequences, Lee said."
    )
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    question = "Which outcrop did Lee warn Beijing about?"
    fits = {c.text: c.fit for c in phrase_candidates(question, hit, nlp, "outcrop")}
    assert fits["Pelham Shoal"] == KIND_FIT
    assert fits["consequences"] < KIND_FIT


def test_a_kind_asked_for_is_a_phrase_headed_by_a_kind_of_it(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Maduro has responded by claiming to have mobilized over 8 million reservists in "
        "volunteer militias, a number experts have questioned."
    )
    question = "What kind of units are the reservists organized into?"
    answer = ask(question, context_store(text, settings), nlp=nlp, settings=settings, given=True)
    assert answer.text == "volunteer militias"


@pytest.mark.parametrize(
    ("sentence", "phrase", "sort", "kind"),
    [
        ("The reservists serve in volunteer militias.", "volunteer militias", "unit", True),
        ("He would not say if the weapons were missiles.", "the weapons", "missile", False),
        ("The army may have used chemical weapons.", "chemical weapons", "missile", False),
    ],
)
def test_a_kind_is_no_more_general_noun(
    sentence: str, phrase: str, sort: str, kind: bool, nlp: Language
) -> None:
    chunk = next(c for c in parsed(sentence, nlp).noun_chunks if c.text == phrase)
    assert kind_of_sort(chunk.root, sort) is kind


def test_of_two_things_said_the_one_on_the_question_s_topic(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "“Immunity deals should not be a requirement for cooperating with the FBI,” committee "
        'chairman Tom Reyes said in a statement, adding that the agreements were handed out "like '
        'candy."'
    )
    question = (
        "According to chairman Tom Reyes, how freely did the department hand out immunity "
        "agreements?"
    )
    answer = asked(question, text, nlp, settings)
    assert answer.text == 'that the agreements were handed out "like candy."'


def test_a_filler_headed_by_a_more_general_noun_is_no_kind_of_it() -> None:
    general = Candidate(0, 16, "chemical weapons", "argument", 1.0)
    kind = Candidate(0, 22, "anti-aircraft missiles", "argument", 1.0)
    assert broader(general, stem("missile")).fit < 1.0
    assert broader(kind, stem("missile")).fit == 1.0


def test_a_count_of_people_is_no_count_of_things(nlp: Language, settings: Settings) -> None:
    text = "The United States has deployed 4,500 Marines and sailors to the Caribbean."
    assert (
        asked("How many ships has the US sent to the Caribbean?", text, nlp, settings).text is None
    )
    troops = asked("How many troops has the US sent to the Caribbean?", text, nlp, settings)
    assert troops.text == "4,500"


def test_pressing_someone_to_act_is_wanting_it(nlp: Language) -> None:
    wanting = questions.read("What does the US want Maduro to do?", nlp)
    assert acted(wanting, "The aim is to pressure Maduro to step down.")
    assert not acted(wanting, "Maduro has responded by repositioning troops.")


@pytest.mark.parametrize(
    ("source", "actor", "summary"),
    [
        ("they", None, "last year"),
        ("they", "Kremlin", "last year, according to Kremlin"),
        ("the ministry", None, "last year, according to the ministry"),
    ],
)
def test_a_pronoun_no_actor_stands_behind_is_not_named_as_the_source(
    source: str, actor: str | None, summary: str
) -> None:
    said = Said(source, actor, "said", "asserted")
    assert Answer(None, "last year", 0.5, attribution=said).summary() == summary


def test_a_figure_only_called_for_is_no_count_of_what_there_is(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Senator Ann Lee, who has called for 20,000 troops in Syria, spoke on Monday. "
        "There are now about 300 American troops in the country, officials said."
    )
    assert asked("How many troops are in Syria?", text, nlp, settings).text == "300"
    called = asked("How many troops has Senator Lee called for in Syria?", text, nlp, settings)
    assert called.text == "20,000"
    requested = asked("How many troops did Senator Lee ask for in Syria?", text, nlp, settings)
    assert requested.text == "20,000"


@pytest.mark.parametrize(
    ("text", "question", "expected"),
    [
        pytest.param(
            "Thousands of civilians and nearly 900 Arvenian soldiers have been killed in the "
            "border war since 1978. But rising losses _ a record 39 troops were killed in action "
            "last year _ have turned voters against the war.",
            "How many Arvenian soldiers died in the border war last year?",
            "39",
            id="last year is the year before the report's",
        ),
        pytest.param(
            "Employers added 255,000 jobs in July, the Labor Department said on Friday. "
            "Hiring slowed in September, when payrolls grew by 156,000 jobs.",
            "How many jobs did employers add in September?",
            "156,000",
            id="a month without a year is the latest one by the report",
        ),
    ],
)
def test_a_time_told_from_the_report(
    text: str, question: str, expected: str, nlp: Language, settings: Settings
) -> None:
    assert dated_answer(question, text, nlp, settings).text == expected


def test_a_count_of_deaths_says_how_many_died(nlp: Language, settings: Settings) -> None:
    text = (
        "Nearly 200 Arvenian soldiers guard the border in the war zone, the army said. "
        "The army suffered a record 39 deaths in the border war last year."
    )
    got = asked("How many Arvenian soldiers died in the border war?", text, nlp, settings)
    assert got.text == "39"


def test_a_time_is_no_statement(nlp: Language, settings: Settings) -> None:
    text = (
        "Ana Ruiz called Wednesday for Judge Tomas Vidal to resign for saying in public that "
        "she is unfit to govern. Ruiz said the judge had lost his mind."
    )
    got = asked("What did Ruiz say about Judge Vidal?", text, nlp, settings)
    assert got.text is not None
    assert "lost his mind" in got.text


def test_a_title_before_a_name_is_not_a_name_the_sources_must_say() -> None:
    read = questions.read("Did Justice Ruiz express regret over her remarks about Vidal?")
    assert read.names == ("Ruiz", "Vidal")
    assert "Justice" in questions.read("What did the Justice Department say?").names


def test_sources_that_give_the_same_verdict_are_cited_together(
    tmp_path: Path, settings: Settings
) -> None:
    stories = [
        "Ana Ruiz regrets her insults of Tomas Vidal, the mayor of Corvale.",
        "Judge Ruiz, who has sparred with Vidal for days, said she regretted her remarks "
        "about him and would stay out of politics.",
        "Vidal, the mayor, said the judge's remarks about him were unfair.",
    ]
    source = tmp_path / "judge.jsonl"
    lines = (json.dumps({"id": f"judge{n}", "text": t}) for n, t in enumerate(stories))
    source.write_text("\n".join(lines), encoding="utf-8")
    with Desk(tmp_path / "store.db", settings=settings) as desk:
        desk.ingest([source])
        got = desk.ask("Did Ruiz regret her remarks about Vidal?")
    assert (got.text or "").startswith("Yes")
    cited = " ".join(c.text for c in got.citations)
    assert "regrets her insults" in cited
    assert "said she regretted her remarks" in cited


def test_a_filler_that_is_an_actor_the_question_names_is_no_answer(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Rear Admiral Tomas Vidal, who led Arvenia's delegation, said the United States "
        "should reduce its patrols near the islands."
    )
    got = asked("Who pushed the US to cut back its patrols near Arvenia?", text, nlp, settings)
    assert got.text is None or "Vidal" in got.text


def test_a_name_the_tagger_cut_short_is_of_the_kind_its_words_give(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "In Germany, Chancellor Angela Merkel's center-right Christian Democratic Union sees the "
        "emergence of Alternative for Germany, a right-wing party that scored successes in "
        "three state elections in March. German voters were angry."
    )
    question = "Which right-wing German party scored successes in three state elections?"
    assert asked(question, text, nlp, settings).text == "Alternative for Germany"


def test_the_time_of_a_promise_is_not_when_it_is_done(nlp: Language, settings: Settings) -> None:
    text = "Ana Ruiz promised Monday to begin taking executive action on trade within 100 days."
    assert asked("When would Ana Ruiz act on trade?", text, nlp, settings).text is None


def test_an_age_is_no_year(nlp: Language, settings: Settings) -> None:
    text = "Ana Ruiz, 74, took office as the mayor of Corvale after the flood."
    assert asked("When did Ana Ruiz take office?", text, nlp, settings).text is None


def test_an_answer_is_cited_where_its_story_says_it_again(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Ruiz called Vidal a disgrace on Friday.\n\n"
        "The governor, speaking in Corvale for an hour, said again that Vidal was a disgrace."
    )
    got = asked("What did Ruiz call Vidal?", text, nlp, settings)
    assert got.text == "disgrace"
    assert any("said again that Vidal was a disgrace" in c.text for c in got.citations)


def test_a_cue_that_judges_is_part_of_the_statement(nlp: Language, settings: Settings) -> None:
    text = "President Ana Ruiz on Tuesday condemned the bombing of the Corvale embassy."
    got = asked("What did Ruiz say about the embassy bombing?", text, nlp, settings)
    assert got.text == "condemned the bombing of the Corvale embassy"


def test_the_date_of_what_was_done_does_not_say_when_it_will_be(
    nlp: Language, settings: Settings
) -> None:
    text = "A House panel voted Thursday to hold Tomas Vidal, a former aide, in contempt."
    question = "When will the full House vote on Vidal's contempt?"
    assert asked(question, text, nlp, settings).text is None
    assert asked("When did the House panel vote on Vidal's contempt?", text, nlp, settings).text


def test_a_statement_in_the_question_s_own_words_does_not_answer_why(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Ana Ruiz called for an Arvel boycott after Arvel refused to help the police unlock "
        "a phone."
    )
    got = asked("Why did Ruiz urge a boycott of Arvel?", text, nlp, settings)
    assert got.text is not None
    assert "refused to help the police" in got.text


def test_a_part_of_a_year_does_not_answer_for_the_whole_year(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Reporting its results for the three months to 31 December, Arvel Air made a pre-tax "
        "profit of £75m, down from £125m a year earlier."
    )
    question = "What was Arvel Air's pre-tax profit for the full financial year?"
    assert asked(question, text, nlp, settings).text is None
    quarter = "What was Arvel Air's pre-tax profit for the three months to December?"
    assert asked(quarter, text, nlp, settings).text == "£75m"


def test_a_time_told_in_two_units_answers_whole(nlp: Language, settings: Settings) -> None:
    text = "Ana Ruiz won the Corvale indoor 5,000m in 14 minutes 32.93 seconds on Saturday."
    got = asked("How fast did Ruiz run the Corvale indoor 5,000m?", text, nlp, settings)
    assert got.text == "14 minutes 32.93 seconds"


def test_the_kind_of_a_sum_is_told_by_its_own_words_not_the_next_ones(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Arvel Motors filed for bankruptcy on Monday, with declared assets of $82.29 billion "
        "and a debt of $172.81 billion."
    )
    got = asked("How much did Arvel Motors owe when it filed for bankruptcy?", text, nlp, settings)
    assert got.text == "$172.81 billion"


def test_a_figure_more_than_another_is_no_level(nlp: Language, settings: Settings) -> None:
    text = "The highway bill has 47 percent more for Corvale than the last one, passed in 2012."
    assert asked("What was Corvale's unemployment rate in 2012?", text, nlp, settings).text is None


def test_a_figure_for_the_world_or_another_state_s_body_is_not_a_place_s(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "The Corvale Code, a thriller by a British author, tops the charts in Britain.\n\n"
        "The book has sold more than seven million copies worldwide."
    )
    question = "How many copies of the Corvale Code have sold in Britain?"
    assert asked(question, text, nlp, settings).text is None
    text = (
        "Arvel, which also sells planes to Australia, is growing.\n\n"
        "Last month, Arvel won a massive order for 179 tankers from the United States Air Force."
    )
    ordered = "How many tankers did {} air force order from Arvel?"
    assert asked(ordered.format("Australia's"), text, nlp, settings).text is None
    assert asked(ordered.format("the US"), text, nlp, settings).text == "179"


def test_one_of_a_kind_is_no_count(nlp: Language, settings: Settings) -> None:
    text = "Pelmark fighters targeted and killed members of the Yazidi faith, one of the oldest."
    assert asked("How many Yazidis have Pelmark fighters killed?", text, nlp, settings).text is None


def test_a_day_named_is_told_by_that_day_s_reports_only(nlp: Language, settings: Settings) -> None:
    text = (
        "Far-reaching fears shook Pelmark's markets in September and October 2016.\n\n"
        "The Pelmark index lost 6.3 percent, or 116 points, to close the day at 1,723."
    )
    question = "How far did the Pelmark index fall on {}?"
    assert questions.read(question.format("September 20, 2016")).period == (date(2016, 9, 20),) * 2
    assert dated_answer(question.format("September 20, 2016"), text, nlp, settings).text is None
    assert dated_answer(question.format("October 4, 2016"), text, nlp, settings).text == (
        "6.3 percent"
    )


def test_people_do_not_answer_which_thing(nlp: Language, settings: Settings) -> None:
    text = "The five writers in line for the Corvale award won their categories last month."
    assert asked("Which book won the overall Corvale award?", text, nlp, settings).text is None


def test_a_statement_that_only_names_today_s_topic_answers_nothing(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "The Pelmark index fell by 6.89% to 31,490.\n"
        "Ana Ruiz of Corvale Partners commented on today's falls.\n"
        '"It\'s carnage," Ruiz said.'
    )
    got = asked("How did Corvale Partners' Ana Ruiz describe the falls?", text, nlp, settings)
    assert got.text is not None
    assert "carnage" in got.text


def test_a_figure_that_went_the_other_way_does_not_say_how_far_it_went(nlp: Language) -> None:
    climbed = questions.read("By how much did Arvel Air's fuel bill climb?", nlp)
    fell = questions.read("How far did Arvel Air's profits fall?", nlp)
    sentence = "Arvel Air has blamed high fuel prices for a 40% drop in profits."
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    start = sentence.index("40%")
    assert other_way(climbed, hit, start, start + 3)
    assert not other_way(fell, hit, start, start + 3)


def test_a_model_named_in_the_plural_is_named_by_one() -> None:
    assert named_in("A320s", "Corvale Air to buy twenty new Pelmark A320 jets")
    assert not named_in("A320s", "Corvale Air to buy twenty new Pelmark A330 jets")


def test_what_a_figure_climbed_to_asks_for_the_level(nlp: Language, settings: Settings) -> None:
    text = (
        "In March, the Corvale unemployment rate, which had been at a 24-year low, edged up "
        "0.2 point to 4.7 percent."
    )
    read = questions.read("What did the Corvale jobless rate climb to in March?", nlp)
    assert read.kind == "number"
    got = asked("What did the Corvale jobless rate climb to in March?", text, nlp, settings)
    assert got.text == "4.7 percent"


def test_a_chamber_s_vote_asks_for_the_tally(nlp: Language, settings: Settings) -> None:
    text = "In the Senate nobody opposed Ana Ruiz, a Corvale judge: she was confirmed 92 to 0."
    got = asked("What was the Senate vote confirming Ana Ruiz?", text, nlp, settings)
    assert got.text == "92 to 0"


def test_a_name_does_not_grow_into_a_currency() -> None:
    sentence = "Arvel sold its car unit to Cerberus Capital Management for US$7.4 billion."
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    start = sentence.index("Cerberus")
    end = start + len("Cerberus Capital Management")
    assert whole_name(hit, start, end) == (start, end)


def test_that_number_counts_what_the_sentence_before_counted(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "At the moment, Arvel Motors has 6,246 dealers in Corvale.\n"
        "It intends to reduce that number to 3,605 by the end of 2017."
    )
    question = "How many Corvale dealers did Arvel Motors want left by late 2017?"
    assert dated_answer(question, text, nlp, settings).text == "3,605"


def test_a_dateline_of_the_place_alone_names_no_one(nlp: Language, settings: Settings) -> None:
    text = "CORVALE -- President Ruiz on Thursday named Tomas Vidal for a second term at the bank."
    question = "Who was nominated to challenge Tomas Vidal for the bank's presidency?"
    sentence = SentenceHit("doc", 0, 0, len(text), text)
    found = [Candidate(0, 7, "CORVALE", "entity"), Candidate(21, 25, "Ruiz", "entity")]
    assert beyond_dateline(found, sentence, places=False) == found[1:]
    assert asked(question, text, nlp, settings).text == "Ruiz"


def test_a_name_is_named_with_or_without_its_accents() -> None:
    assert named_in("Gülen", "the cleric Fethullah Gulen, who lives in Pennsylvania")
    assert named_in("Gulen", "the cleric Fethullah Gülen, who lives in Pennsylvania")
    assert not named_in("Gulen", "the cleric Fethullah Gallen, who lives in Pennsylvania")


def test_names_a_hyphen_joins_are_each_named(nlp: Language, settings: Settings) -> None:
    text = (
        "The U.S. military is testing new ways to find tunnels.\n\n"
        "In the defense bill, Congress provided about $120 million for a joint Defense "
        "Department and Israel Defense Forces tunnel-detection project."
    )
    question = "How much did Congress put toward a joint U.S.-Israeli tunnel-detection project?"
    assert asked(question, text, nlp, settings).text == "$120 million"


def test_a_role_a_few_words_after_a_name_titles_it() -> None:
    sentence = (
        "Republican Christine Todd Whitman, the former New Jersey governor and Corvale agency "
        "head, said she would vote for Ana Ruiz."
    )
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    start = sentence.index("Christine")
    assert titled("governor", hit, start, start + len("Christine Todd Whitman"))


def test_which_islands_asks_for_a_place_called_islands() -> None:
    sentence = "The bomb materials came from the Middle East through the Comoro Islands."
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence)
    islands = sentence.index("the Comoro")
    middle = sentence.index("the Middle")
    assert kind_named("islands", hit, islands, islands + len("the Comoro Islands")) == 1.0
    assert kind_named("islands", hit, middle, middle + len("the Middle East")) == UNKINDED


def test_a_capital_answers_which_city_though_it_stands_for_a_union(
    nlp: Language, settings: Settings
) -> None:
    text = "About 200 Corvale diplomats left Pelmark.\n\nThey were flown to Brussels, Belgium."
    question = "To which city were the Corvale diplomats leaving Pelmark taken?"
    assert asked(question, text, nlp, settings).text == "Brussels"


def test_an_answer_that_is_none_of_the_options_offered_is_no_answer(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "In the race for Corvale attorney general, the Democratic candidate, Ana Ruiz, who favors "
        "abortion rights, faced the incumbent, Tomas Vidal."
    )
    question = "Who won the Corvale attorney general race, Ruiz or Vidal?"
    got = asked(question, text, nlp, settings)
    assert got.text is None
    assert got.reason == "the sources do not say which of Ruiz or Vidal"


ONE_COUNTRY = (
    "America's economy gained strength in January, the government said on Friday. "
    "Factories hired briskly and builders were busy. "
    "The economy added 210,000 jobs last month, the Labor Department said."
)


def test_the_one_country_a_story_names_need_not_be_named_again(
    nlp: Language, settings: Settings
) -> None:
    added = asked("How many jobs did America's economy add?", ONE_COUNTRY, nlp, settings)
    assert added.text == "210,000"


def test_a_story_of_two_countries_must_name_the_one_asked(
    nlp: Language, settings: Settings
) -> None:
    text = ONE_COUNTRY.replace("were busy.", "were busy, as they were in Canada.")
    assert asked("How many jobs did America's economy add?", text, nlp, settings).text is None


@pytest.mark.parametrize(("year", "expected"), [("2016", None), ("2012", "310,000")])
def test_a_figure_of_an_event_of_another_year_does_not_answer(
    year: str, expected: str | None, nlp: Language, settings: Settings
) -> None:
    text = "Lena Varga won 310,000 votes as the Unity Party's 2012 presidential nominee."
    question = f"How many votes did Lena Varga get in the {year} election?"
    assert asked(question, text, nlp, settings).text == expected


def test_a_sentence_opening_with_a_pronoun_speaks_of_a_subject_before(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "The Open Records Act will take effect in Norland next year. "
        "Similar rules arrive in Westmark at the same time. "
        "It gives citizens access to files held by about 40,000 public offices."
    )
    question = "Roughly how many public offices fall under the Open Records Act?"
    assert asked(question, text, nlp, settings).text == "40,000"


@pytest.mark.parametrize(
    ("question", "text", "answer"),
    [
        (
            "By what percentage did General Motors' sales grow in March?",
            "GM said on Friday that its sales rose 3.7 percent in March.",
            "3.7 percent",
        ),
        (
            "What is the state's minimum wage now, before the $15 plan?",
            "The state's minimum wage, now $10 an hour, would climb to $15 an hour by 2022.",
            "$10 an hour",
        ),
        (
            "How many children were wounded in the school shooting?",
            "A gunman opened fire on a class in the gym. He wounded 12 other children.",
            "12",
        ),
    ],
)
def test_answers_a_reader_words_otherwise(
    question: str, text: str, answer: str, nlp: Language, settings: Settings
) -> None:
    """An acronym for the name asked, a figure the question gives as its setting, guns that
    "opened fire" for a shooting."""
    assert asked(question, text, nlp, settings).text == answer


def test_a_half_of_a_year_is_its_six_months() -> None:
    read = questions.read("How much did the fund raise in the second half of 2015?")
    assert read.period == (date(2015, 7, 1), date(2015, 12, 31))
    assert questions.read("What did it earn in the fiscal first quarter of 2009?").period == (
        date(2009, 1, 1),
        date(2009, 12, 31),
    )  # a company's own quarter
    assert days("2015-H1") == (date(2015, 1, 1), date(2015, 6, 30))


def test_a_time_gone_by_when_told_does_not_say_when_something_will_be(nlp: Language) -> None:
    sentence = "The agency, which was sold in 1990, will close on May 13."
    hit = SentenceHit("doc", 0, 0, len(sentence), sentence, published=date(1998, 4, 3))
    past = Candidate(sentence.index("1990"), sentence.index("1990") + 4, "1990", "time", key="1990")
    coming = Candidate(
        sentence.index("May"), sentence.index("May") + 6, "May 13", "time", key="1998-05-13"
    )
    assert gone_by(past, hit)
    assert not gone_by(coming, hit)
    start = sentence.index("1990")
    assert done(nlp(sentence), start, start + 4)  # "was sold": done, as "sold" is
