"""ask keeps to what the question asks: the time it names, the names it uses, a paraphrase of
its words, an answer told in the sentence after the one that matches, and "how long" answered
by the date that ends it."""

from datetime import date
from pathlib import Path

from spacy.language import Language

from crisisdesk import flow
from crisisdesk.ask import ask
from crisisdesk.ask import question as questions
from crisisdesk.ask.answer import by_outlet
from crisisdesk.ask.places import kinds, other_place
from crisisdesk.ask.retrieve import (
    FOLLOW_SHARE,
    close_words,
    coverage,
    followed,
    next_sentence,
    said_by,
)
from crisisdesk.desk import Desk
from crisisdesk.ingest.metadata import make_document
from crisisdesk.settings import Settings
from tests.ask.test_ask import asked, context_store

MARCH = (
    "The Labor Department said on Friday that the US economy shed 663,000 jobs in March 2009, "
    "with the unemployment rate reaching 8.5%."
)
GIFT = (
    "Coca-Cola said it would give $75,000 to the Cleveland convention, down sharply from the "
    "more than $600,000 it gave in 2012."
)
A380 = (
    "Airbus launched the A380, the world's largest passenger plane. "
    "It can carry up to 555 passengers in a typical three-class layout."
)
A350 = "Qatar Airways ordered 80 Airbus A350 jets, a mid-sized plane, for delivery from 2013."
CAUCUS = (
    "Senator Ruiz finished just 0.3 points behind Governor Hale at the Iowa caucuses on Monday. "
    "Both campaigns now turn to Nevada, whose voters caucus later this month."
)
SATURN = (
    "General Motors announced on Friday that Penske Automotive Group was selected to buy its "
    "Saturn brand. The transaction should be completed in October. "
    "Saturn has 350 dealers across the country."
)


def test_a_figure_told_for_another_month_does_not_answer(nlp: Language, settings: Settings) -> None:
    february = asked(
        "How many jobs did the US economy lose in February 2009?", MARCH, nlp, settings
    )
    assert february.text is None
    assert "another time" in february.reason
    march = asked("How many jobs did the US economy lose in March 2009?", MARCH, nlp, settings)
    assert (march.text or "").startswith("663,000")


def test_a_figure_told_for_another_place_does_not_answer(nlp: Language, settings: Settings) -> None:
    nevada = asked("By how many points did Hale win the Nevada caucuses?", CAUCUS, nlp, settings)
    assert nevada.text is None
    assert "Iowa, not for the place asked" in nevada.reason
    iowa = asked("By how many points did Ruiz trail Hale in Iowa?", CAUCUS, nlp, settings)
    assert (iowa.text or "").startswith("0.3"), iowa.reason
    said = (
        "Nicolás Maduro denounced the US activity and claimed to have mobilized over 8 million "
        "reservists. Neighbours of Venezuela watched the drills."
    )
    venezuela = asked("How many reservists does Venezuela have?", said, nlp, settings)
    assert venezuela.text == "8 million", venezuela.reason  # Maduro speaks for Venezuela


def test_a_place_named_before_does_not_make_another_place_s_figure_its_own(
    nlp: Language, settings: Settings
) -> None:
    races = (
        "Senate races in Ohio, Pennsylvania and Florida are all close, a new poll shows. "
        "The poll found that 43% of Ohio voters back Ted Strickland for the seat."
    )
    florida = asked("What share of Florida voters back Strickland?", races, nlp, settings)
    assert florida.text is None
    assert "Ohio, not for the place asked" in florida.reason
    ohio = asked("What share of Ohio voters back Strickland?", races, nlp, settings)
    assert ohio.text == "43%", ohio.reason


def test_a_time_past_another_figure_dates_that_figure(nlp: Language, settings: Settings) -> None:
    gift = asked(
        "How much did Coca-Cola say it would give to the 2016 convention?", GIFT, nlp, settings
    )
    assert gift.text == "$75,000", gift.reason


def test_a_time_the_question_bounds_is_not_the_time_it_asks_about() -> None:
    assert (
        questions.read("When had the Dow last risen four weeks before April 2009?").period is None
    )
    assert questions.read("What did GM offer in early 2009?").period is not None


def test_an_answer_whose_document_never_names_what_is_asked_about(
    desk: Desk, tmp_path: Path
) -> None:
    (tmp_path / "a380.txt").write_text(A380, encoding="utf-8")
    (tmp_path / "a350.txt").write_text(A350, encoding="utf-8")
    desk.ingest([tmp_path / "a380.txt", tmp_path / "a350.txt"])
    a350 = desk.ask("How many passengers can the Airbus A350 seat?")
    assert a350.text is None
    assert "A350" in a350.reason
    a380 = desk.ask("How many passengers can the Airbus A380 seat?")
    assert (a380.text or "").startswith("555")


def test_a_close_word_covers_part_of_the_question() -> None:
    text = "The index lost 631 points, mainly over concerns about Greece's debt."
    near = close_words(["worry", "losing", "weather"], text)
    assert set(near) == {"worry", "losing"}
    assert 0 < coverage(["worry"], text, close=True) < 1 == coverage(["concerns"], text)
    assert coverage(["worry"], text) == 0


def test_the_sentence_after_a_matching_one_shares_its_score(settings: Settings) -> None:
    store = context_store(SATURN, settings)
    first = store.search("Penske Saturn", limit=1)[0]
    fused, hits = {(first.doc_id, first.index): 1.0}, {(first.doc_id, first.index): first}
    followed(fused, hits, store)
    after = (first.doc_id, first.index + 1)
    assert hits[after].text.startswith("The transaction should be completed in October.")
    assert fused[after] == FOLLOW_SHARE
    last = store.sentence_at(first.doc_id, len(SATURN) - 1)
    assert last is not None
    assert next_sentence(store, last) is None


def test_how_long_is_answered_by_the_date_that_ends_it(nlp: Language, settings: Settings) -> None:
    text = (
        "On September 18, 2008 the central banks announced new swap lines worth US$180 billion. "
        "These swap lines will be available until January 30, 2009."
    )
    answer = asked("How long will the new swap lines last?", text, nlp, settings)
    assert answer.text == "January 30, 2009"


def test_since_when_is_answered_by_the_date_that_starts_it(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "The bank, which has held its lending rate at 2 percent since March 2011, is expected "
        "to raise it at its meeting on December 16, 2015."
    )
    since = (
        "Since roughly what year had the bank held its lending rate at 2 percent, as of June 2015?"
    )
    answer = asked(since, text, nlp, settings)
    assert answer.text == "March 2011", answer.reason  # not "December", nor another time


def test_a_century_asked_is_not_told_by_another(nlp: Language, settings: Settings) -> None:
    text = "Venice was the centre of European glassmaking in the 15th century."
    other = "Which city was the centre of European glassmaking in the 1300s?"
    answer = asked(other, text, nlp, settings)
    assert answer.text is None
    assert "another time" in (answer.reason or "")
    same = asked(other.replace("1300s", "1400s"), text, nlp, settings)
    assert same.text == "Venice", same.reason


def test_a_name_its_document_gives_through_an_actor_still_answers(
    desk: Desk, tmp_path: Path
) -> None:
    (tmp_path / "seed.txt").write_text(
        "The president of Venezuela, Nicolás Maduro, spoke in Caracas on Wednesday.",
        encoding="utf-8",
    )
    (tmp_path / "reservists.txt").write_text(
        "Maduro claimed to have mobilized over 8 million reservists in volunteer militias.",
        encoding="utf-8",
    )
    desk.ingest([tmp_path / "seed.txt", tmp_path / "reservists.txt"])
    answer = desk.ask("How many reservists did Nicolás Maduro say Venezuela has?")
    assert (answer.text or "").startswith("8 million")


def test_victims_of_another_kind_of_event_do_not_answer(nlp: Language, settings: Settings) -> None:
    text = "New rules for night clubs followed a fire at one club that killed 25 people in 2002."
    strikes = asked("How many people have died in the strikes?", text, nlp, settings)
    assert strikes.text is None
    assert "strikes" in strikes.reason
    fire = asked("How many people died in the blaze?", text, nlp, settings)
    assert "25" in (fire.text or "")


DENIAL = (
    "Russia said the naval drills near the coast were routine and planned months ago. "
    "Officials in Kyiv accused the Kremlin of massing troops near the border. "
    "Moscow flatly denied sending any troops across the border."
)


def test_what_someone_denied_is_their_denial(
    desk: Desk, tmp_path: Path, nlp: Language, settings: Settings
) -> None:
    (tmp_path / "denial.txt").write_text(DENIAL, encoding="utf-8")
    desk.ingest([tmp_path / "denial.txt"])
    records = said_by(questions.read("What did Russia deny?", nlp), desk.store)
    assert [h.text for h in records] == [DENIAL.rsplit(". ", 1)[1]]
    assert said_by(questions.read("What did Russia say?", nlp), desk.store) == []
    denied = asked("What did Russia deny?", DENIAL, nlp, settings)
    assert denied.text == "sending any troops across the border"


def test_a_province_is_of_its_states_and_a_state_of_their_kind() -> None:
    assert kinds("Iowa") == kinds("Nevada") == {"USA"}
    assert kinds("Zulia") == {"VEN"}
    assert kinds("Venezuela") == kinds("Colombia") == {"state"}
    assert kinds("Georgia") == {"state"}  # the state, never the US province of its name
    assert not kinds("Washington")  # the capital's name: the city or the state
    assert other_place(["Nevada"], ["Venezuela", "Iowa"]) == "Iowa"
    assert other_place(["Nevada"], ["Zulia", "Colombia"]) is None


def test_a_name_that_is_the_outlet_s_is_named_by_its_stories() -> None:
    assert by_outlet("HuffPost", (), "huff-post")
    assert by_outlet("Washington", ("Washington Post",), "washington-post")
    assert not by_outlet("Washington", (), "washington-post")  # the government, maybe


def test_a_lede_that_names_no_one_tells_of_whom_the_next_sentence_names(
    desk: Desk, tmp_path: Path
) -> None:
    (tmp_path / "vigil.txt").write_text(
        "MARACAIBO, Venezuela (AP) --\n\n"
        "About 300 people marched on Sunday for the fisherman who drowned in the storm. "
        "The march for Yannis Kostas ended at the harbour. "
        "Another 40 boats stayed in port.",
        encoding="utf-8",
    )
    desk.ingest([tmp_path / "vigil.txt"])
    answer = desk.ask("About how many people marched for Yannis Kostas?")
    assert answer.text == "300", answer.reason


def test_a_fragment_a_paragraph_break_cut_off_completes_the_sentence_before(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "The sheriff's timeline of the depot siege shows how fast the suspect was named.\n\n"
        "11:00 am - Police receive calls saying shots were fired inside the depot.\n\n"
        "11:40 am - Police announce the suspect's name on the scanner:\n\n"
        "Dale Brennick.\n\n"
        "12:25 pm - The mayor is briefed on the situation."
    )
    doc = make_document(text, origin="context", published=date(2015, 12, 2))
    store = flow.memory_store(doc, next(flow.analyzed([doc], settings))[1])
    question = "At what time did police first broadcast Dale Brennick's name over the scanner?"
    answer = ask(question, store, nlp=nlp, settings=settings)
    assert answer.text == "11:40 am", answer.reason


def test_a_house_word_and_the_size_of_a_whole_are_no_names_to_find(
    nlp: Language, settings: Settings
) -> None:
    poll = (
        "The CBS poll also found that 73 percent of Democrats who backed Sanders now support "
        "Clinton, ranging from 60 percent in Utah to 81 percent across all states."
    )
    cbs = asked(
        "In the CBS News poll, what share of Sanders backers support Clinton?", poll, nlp, settings
    )
    assert cbs.text == "73 percent", cbs.reason
    assert questions.names("Who owns Fox News Group?") == ["Fox"]
    assert questions.names("Where is News Corp based?") == ["News"]
    utah = asked("In which state of all 50 did Clinton poll lowest?", poll, nlp, settings)
    assert utah.text == "Utah", utah.reason
