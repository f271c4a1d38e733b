"""The question's slot lined up with a sentence's parse (`ask/align.py`), on the seed's own
sentences: answers that are not named entities, and words a reader uses for the sentence's."""

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from crisisdesk.ask import question as questions
from crisisdesk.ask.align import arguments, extent, likenings, predicates, slot_of, supposed
from crisisdesk.ask.candidate import Candidate
from crisisdesk.ask.retrieve import Passage
from crisisdesk.ask.span import candidates, echoing, kind_phrase, other_kind
from crisisdesk.ask.words import stems_for, words_of
from crisisdesk.settings import Settings
from tests.ask.test_ask import asked, context_store

SEED = (
    "Venezuelan President Nicolás Maduro claimed on Wednesday that his country has deployed "
    "5,000 Russian-made Igla-S anti-aircraft missiles in key air defense positions across its "
    "territory. The Igla-S is a short-range, shoulder-fired system (similar to US Stingers) "
    "capable of shooting down drones, cruise missiles, helicopters and low-flying planes. "
    "According to Russian exporter Rosoboronexport, the missiles have a range of up to 6,000 "
    "meters and a maximum altitude of 3,500 meters. Trump has also authorized the CIA to conduct "
    "covert action in Venezuela. These strikes have been questioned by US lawmakers for their "
    "legality. Maduro has responded by repositioning troops and claiming to have mobilized over "
    "8 million reservists (a number experts have questioned)."
)


def filled(question: str, sentence: str, nlp: Language) -> list[str]:
    """What fills the question's slot in the sentence."""
    slot = questions.read(question, nlp).slot
    assert slot is not None
    return [sentence[a:b] for a, b in arguments(slot, questions.parse(sentence, nlp))]


@pytest.mark.parametrize(
    ("question", "sentence", "filler"),
    [
        (
            "Who has questioned the legality of the strikes?",
            "These strikes have been questioned by US lawmakers for their legality.",
            "US lawmakers",
        ),
        (
            "Which agency did Trump authorize to act covertly?",
            "Trump has also authorized the CIA to conduct covert action in Venezuela.",
            "CIA",
        ),
        (
            "Who doubts the number of reservists?",
            "Maduro claims 8 million reservists, a number that experts have questioned.",
            "experts",
        ),
        (  # the wh-word left where the answer stands: the verb's object, a preposition's
            "Venezuela's air defenses were reinforced with what?",
            "The air defenses were reinforced with Russian-made Igla-S missiles last month.",
            "Russian-made Igla-S missiles",
        ),
        (
            "The strikes on the boats are known as what?",
            "The strikes on the boats, which Washington calls counter-narcotics operations, are "
            "known as Operation Southern Spear.",
            "Operation Southern Spear",
        ),
        (
            "Who exports the Igla-S?",
            "According to Russian exporter Rosoboronexport, the missiles have a range of 6 km.",
            "Rosoboronexport",
        ),
        (
            "Which American weapon is the Igla-S similar to?",
            "The Igla-S is a shoulder-fired system similar to US Stingers.",
            "US Stingers",
        ),
        (
            "How has Maduro responded to the pressure?",
            "Maduro has responded by repositioning troops.",
            "by repositioning troops",
        ),
        (  # whom a verb blames for the deed does it
            "Who shot down the drone?",
            "Maduro lashed out at Colombia for having shot down a Venezuelan drone.",
            "Colombia",
        ),
        (
            "Who shot down the drone?",
            "Caracas accused Colombian forces of shooting down the drone on Sunday.",
            "Colombian forces",
        ),
        (  # a light verb with its particle says an act: "take over"
            "Who will take over as head of the militia?",
            "Diosdado Cabello, a veteran of the party, will take over as head of the militia.",
            "Diosdado Cabello",
        ),
    ],
)
def test_the_slot_is_filled_beside_the_predicate_or_its_synonym(
    question: str, sentence: str, filler: str, nlp: Language
) -> None:
    assert filler in filled(question, sentence, nlp)


@pytest.mark.parametrize(
    ("question", "sentence", "filler"),
    [
        (  # a name's apposition only describes it
            "Who signed the statement?",
            "The statement was signed by Vladimir Padrino López, the defense minister, on Tuesday.",
            "Vladimir Padrino López",
        ),
        (  # "occupy", tagged a noun, is the question's verb by its parse
            "What federal site did the armed group occupy in the Oregon standoff that the "
            "journalist is charged over?",
            "In January the armed group occupied the Malheur National Wildlife Refuge.",
            "Malheur National Wildlife Refuge",
        ),
        (  # a wh-word the parser hung on a passive's auxiliary: the chain's last verb's object
            "What was the CIA authorized to conduct?",
            "Trump has also authorized the CIA to conduct covert action in Venezuela.",
            "covert action in Venezuela",
        ),
        (  # what someone is bidden to do: the clause of "to", less its subject and "to"
            "What has the CIA been authorized to do?",
            "Trump has also authorized the CIA to conduct covert action in Venezuela.",
            "conduct covert action in Venezuela",
        ),
        (  # what someone is willing to do, as what they are bidden to do
            "What is Maduro willing to do?",
            "Maduro said he is willing to negotiate with Washington.",
            "negotiate with Washington",
        ),
        (
            "What did Maduro ask the reservists to do?",
            "Maduro asked the reservists to report to their barracks by Friday.",
            "report to their barracks by Friday",
        ),
        (  # the place, not its preposition
            "Where did the frigates dock?",
            "The frigates docked in the port of La Guaira on Monday.",
            "port of La Guaira",
        ),
    ],
)
def test_the_filler_is_the_argument_alone(
    question: str, sentence: str, filler: str, nlp: Language
) -> None:
    assert filled(question, sentence, nlp) == [filler]


def test_what_someone_else_is_bidden_to_do_does_not_fill_the_slot(nlp: Language) -> None:
    sentence = "Trump has also authorized the CIA to conduct covert action in Venezuela."
    assert filled("What did Trump authorize the Pentagon to do?", sentence, nlp) == []


@pytest.mark.parametrize(
    "question",
    [
        "What was the name of the trader blamed for the mistyped order?",  # a copula
        "How did Russian shares do when the exchanges reopened?",  # "do": no means asked
    ],
)
def test_questions_without_a_predicate_to_line_up_have_no_slot(
    question: str, nlp: Language
) -> None:
    assert slot_of(questions.parse(question, nlp)) is None  # a copula's is `described.py`


@pytest.mark.parametrize(
    ("question", "answer", "cited"),
    [
        ("Who exports the Igla-S?", "Rosoboronexport", "According to Russian exporter"),
        ("Who has questioned whether the strikes are legal?", "US lawmakers", "These strikes"),
        ("What can the Igla-S shoot down?", "drones", "The Igla-S is"),
        ("How far can an Igla-S fly?", "6,000 meters", "According to Russian exporter"),
        ("How high can the Igla-S reach?", "3,500 meters", "According to Russian exporter"),
    ],
)
def test_a_readers_own_words_find_the_answer(
    question: str, answer: str, cited: str, nlp: Language, settings: Settings
) -> None:
    got = asked(question, SEED, nlp, settings)
    assert got.text is not None
    assert got.text.startswith(answer)
    assert got.citations[0].text.startswith(cited)


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        (
            "What did the governor start in the port?",
            "The governor began an inquiry in the port on Monday.",
            ["inquiry in the port"],
        ),
        (
            "Who did the board fire?",
            "The board dismissed the harbour master after the audit.",
            ["harbour master"],
        ),
    ],
)
def test_a_readers_verb_finds_the_sources_synonym(
    question: str, sentence: str, expected: list[str], nlp: Language
) -> None:
    assert filled(question, sentence, nlp) == expected


def test_a_sentence_whose_subject_differs_from_the_questions_fills_no_slot(
    nlp: Language,
) -> None:
    sentence = "Bohemond led the Norman army against Dyrrachium in 1107."
    assert filled("Who did Bohemond lead against Dyrrachium?", sentence, nlp) == ["Norman army"]
    assert filled("Who did Robert lead against Dyrrachium?", sentence, nlp) == []


def test_a_verb_used_without_the_object_asked_says_another_sense(nlp: Language) -> None:
    sentence = "Inspector Voss said most of the interrogations had led nowhere."
    assert filled("Who led the investigation?", sentence, nlp) == []
    assert filled("Who led the investigation?", "Voss led the investigation.", nlp) == ["Voss"]


def test_a_negated_question_is_not_answered_by_an_affirming_sentence(
    nlp: Language, settings: Settings
) -> None:
    text = "Rollo signed the treaty with King Charles in 911 at Saint-Clair-sur-Epte."
    assert filled("Who did not sign the treaty?", text, nlp) == []
    assert asked("Who did not sign the treaty?", text, nlp, settings).text is None
    assert asked("Who signed the treaty?", text, nlp, settings).text == "Rollo"


def test_what_a_passive_question_asks_for_is_what_the_act_was_done_to(
    nlp: Language, settings: Settings
) -> None:
    text = "The US Coast Guard seized the tanker Skipper off the coast of Venezuela on Wednesday."
    seized = asked("Which tanker was seized off the coast of Venezuela?", text, nlp, settings)
    assert seized.text == "tanker Skipper", seized.text  # not the Coast Guard that seized it
    by = questions.read("Which missiles were deployed by Venezuela?", nlp).slot
    assert by is not None
    assert ("subj", frozenset({"venezuela"})) in by.others  # the deployer the sentence must name
    raised = questions.read("Who was set to take over the command of the fleet?", nlp).slot
    assert raised is not None
    assert raised.role == "subj"  # who does what they are set to do


def test_a_place_given_by_its_kind_and_a_name_the_tagger_missed_answers(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "The panel said the army shelled villages in Idlib in 2014 and accused the militia of "
        "a chlorine attack on the town of Qurtaba in August 2015."
    )
    question = "Which town did the militia attack with chlorine in August 2015?"
    assert asked(question, text, nlp, settings).text == "Qurtaba"


def test_who_someone_said_did_it_is_the_doer_not_a_speaker(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Local officials blame the press for Senator Ruiz's claim that Ortega founded the militia."
    )
    question = "Who did Senator Ruiz say founded the militia?"
    slot = questions.read(question, nlp).slot
    assert slot is not None
    assert slot.role == "subj"  # the founder, not what was founded
    assert asked(question, text, nlp, settings).text == "Ortega"
    store = context_store(text, settings)
    hit = store.search("Ruiz Ortega militia", limit=1)[0]
    found = candidates(questions.read(question, nlp), Passage(hit, 1.0), store, nlp)
    assert "source" not in {c.how for c in found}  # the officials blame; Ruiz said it


def test_what_someone_said_would_do_it_is_the_doer_past_a_chain_of_verbs(
    nlp: Language, settings: Settings
) -> None:
    text = "The minister also announced the Coast Corps would begin operating in Aruba in May."
    question = "Which program did the minister say would start working in Aruba during his visit?"
    slot = questions.read(question, nlp).slot
    assert slot is not None
    assert slot.role == "subj"  # what starts working, not what the minister started
    assert asked(question, text, nlp, settings).text == "Coast Corps"


def test_a_light_verb_denied_with_the_object_asked_does_not_answer(
    nlp: Language, settings: Settings
) -> None:
    question = "What kind of arsenals did the rebels have?"
    denied = "At the talks, the rebels did not have the large arsenals of the other factions."
    answer = asked(question, denied, nlp, settings)
    assert answer.text is None
    assert "opposite" in (answer.reason or "")
    made = denied.replace("did not have", "had")
    assert asked(question, made, nlp, settings).text is not None


def test_a_year_before_1800_bounds_the_time_asked(nlp: Language, settings: Settings) -> None:
    text = "The harbour fort was rebuilt by the engineer Pedro Lanza in 1551."
    later = asked("Who rebuilt the harbour fort in 1690?", text, nlp, settings)
    assert later.text is None
    assert "another time" in (later.reason or "")
    earlier = asked("Who rebuilt the harbour fort in 1551?", text, nlp, settings)
    assert "Pedro Lanza" in (earlier.text or "")


def test_a_birth_year_is_a_year_given_as_a_birth(nlp: Language, settings: Settings) -> None:
    question = "In what year was the envoy Carlos Ruiz born?"
    died = "The envoy Carlos Ruiz (died 1998) negotiated the accord with the rebels."
    assert asked(question, died, nlp, settings).text is None
    born = "The envoy Carlos Ruiz, born in Caracas in 1931, negotiated the accord with the rebels."
    assert asked(question, born, nlp, settings).text == "1931"


def test_a_yes_no_question_is_answered_by_the_clause_or_sentence_that_tells_it(
    nlp: Language, settings: Settings
) -> None:
    got = asked("Is Trump thinking about attacking on land?", SAMPLE_TRUMP, nlp, settings)
    assert got.text is not None
    assert "considering an expansion of operations to land" in got.text
    denied = asked(
        "Do the sugar firms admit to a plot to hide the risks?",
        "The sugar companies deny that they secretly plotted to hide the risks.",
        nlp,
        settings,
    )
    assert denied.text is not None
    verdict, said = (denied.text or "").split(" — ")  # the verdict, then the words that give it
    assert (verdict, said) == (
        "No",
        "The sugar companies deny that they secretly plotted to hide the risks",
    )
    unsaid = asked(  # no clause of "pay": the sentence says whether all the same
        "Was a ransom paid to get the aid workers released?",
        "In the end, no ransom was given and the aid workers were set free unconditionally, "
        "the Red Cross said.",
        nlp,
        settings,
    )
    assert unsaid.text is not None
    assert unsaid.text.startswith("In the end, no ransom was given")
    elsewhere = asked(  # a sentence that says little of the question does not say whether
        "Was a ransom paid to get the aid workers released?",
        "A ransom was paid last year for two engineers held in the north. The posters in the "
        "square read: free passes for all workers.",
        nlp,
        settings,
    )
    assert elsewhere.text is None


SAMPLE_TRUMP = (
    "President Donald Trump has stated that he is weighing military action inside Venezuela. "
    "Trump has also said he is considering an expansion of operations to land."
)


def test_a_subject_named_as_us_or_as_his_country_is_read_right(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Maduro claimed that his country has deployed 5,000 Igla-S missiles. "
        "The US has deployed 4,500 Marines and sailors to the Caribbean."
    )
    maduro = asked("What weapon did Maduro deploy?", text, nlp, settings)
    assert maduro.text is not None
    assert "Igla-S missiles" in maduro.text
    assert asked("What has the US deployed?", text, nlp, settings).text == (
        "4,500 Marines and sailors"
    )


def test_which_thing_asks_for_a_phrase_and_which_agency_for_an_organisation(
    nlp: Language,
) -> None:
    assert questions.read("Which weapons has Venezuela deployed?", nlp).kind == "phrase"
    assert questions.read("Which agency did Trump authorize?", nlp).kind == "actor"


@pytest.mark.parametrize(
    ("question", "text", "title"),
    [
        (
            "Who is Maduro?",
            "Venezuelan President Nicolás Maduro claimed a victory.",
            "Venezuelan President",
        ),
        (
            "Who is Ana Ruiz?",
            "Green co-leader Ana Ruiz was speaking on Monday.",
            "Green co-leader",
        ),
        (
            "Who is Tom Varga?",
            "Tom Varga, founder of Open Wire Media, said it was bad.",
            "founder of Open Wire Media",
        ),
        ("Who is Alan Hart?", "Sir Alan Hart warned Mr Lee on Monday.", None),
        (  # what follows the comma says which one; a short form and a bracketed aside are
            # not what the person is
            "Who is P.J. Corran, the lawmaker who walked out of the hearing?",
            '"This is a sad day," said Rep. P.J. Corran (D-Ore.), head of the Rural Caucus.',
            "head of the Rural Caucus",
        ),
    ],
)
def test_who_is_someone_is_answered_by_what_the_sentence_calls_them(
    question: str, text: str, title: str | None, nlp: Language, settings: Settings
) -> None:
    assert questions.read(question, nlp).kind == "title"
    assert asked(question, text, nlp, settings).text == title


def test_what_is_a_thing_is_answered_by_what_a_sentence_says_it_is(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Maduro highlighted the Igla-S missiles, which are short-range, shoulder-fired systems "
        "(similar to US Stingers) capable of shooting down drones."
    )
    got = asked("What is the Igla-S?", text, nlp, settings)
    assert got.text == "short-range, shoulder-fired systems (similar to US Stingers)"


def test_a_passive_clause_answers_whole(nlp: Language, settings: Settings) -> None:
    text = "Since then, these strikes have been questioned by US lawmakers for their legality."
    got = asked("Did lawmakers question the strikes?", text, nlp, settings)
    assert got.text == "Yes — these strikes have been questioned by US lawmakers for their legality"


def test_a_yes_no_question_may_open_with_its_setting(nlp: Language, settings: Settings) -> None:
    text = (
        "Former senator Lina Voss said it was a mistake to use a private phone in office, but she "
        "denied that she mishandled secret files."
    )
    question = "At the security forum, did Lina Voss admit to mishandling secret files?"
    assert questions.read(question, nlp).kind == "yesno"
    got = asked(question, text, nlp, settings).text
    assert got == "No — she denied that she mishandled secret files"


def test_which_airline_is_answered_by_a_name_not_by_an_unnamed_holder(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "In the rival airline's bid for Aer Lingus, the employee holds a quarter of Aer Lingus. "
        "Ryanair owns a 25 percent share in Aer Lingus."
    )
    got = asked("Which rival airline holds a quarter of Aer Lingus?", text, nlp, settings)
    assert got.text == "Ryanair"


def test_which_missile_is_answered_by_the_name_written_beside_its_kind(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Pentagon officials said Iraq is believed to have the ability to deliver chemical "
        "weapons in artillery shells or, perhaps, atop Soviet-made Frog7 missiles."
    )
    question = "Which Soviet-made missile could Iraq use to deliver chemical weapons?"
    assert asked(question, text, nlp, settings).text == "Frog7"


def test_the_subject_of_a_verb_after_selected_to_is_the_one_selected(nlp: Language) -> None:
    sentence = "Penske Auto was selected to buy the Saturn unit of the carmaker."
    assert "Penske Auto" in filled("Who is buying the Saturn unit?", sentence, nlp)


def test_a_definition_ends_at_its_last_word_not_its_comma(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "The Igla-S is a short-range, shoulder-fired system, similar to US Stingers, "
        "that hits drones."
    )
    got = asked("What is the Igla-S?", text, nlp, settings)
    assert got.text is not None
    assert got.text.endswith("US Stingers")


def test_the_object_of_urged_is_who_would_do_the_act(nlp: Language, settings: Settings) -> None:
    text = "On its forums the militant group urged followers to carry out attacks against France."
    answer = asked("Who carried out attacks against France?", text, nlp, settings)
    assert "militant group" not in (answer.text or "")


def test_what_a_noun_for_an_act_is_done_against_is_its_object(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "U.S. forces on Thursday launched cruise missile strikes against alleged terrorist camps "
        "in Afghanistan and a chemical plant in Sudan."
    )
    answer = asked("What did the US strike in Sudan?", text, nlp, settings)
    assert "chemical plant" in (answer.text or "")


@pytest.mark.parametrize(
    ("question", "deed"),
    [
        ("What is the US doing near Venezuela?", True),
        ("What did Maduro do after the strikes?", True),
        ("What does Washington want Maduro to do?", False),
        ("What has not been done to end the standoff?", False),
    ],
)
def test_what_someone_is_doing_asks_for_what_they_are_said_to_do(
    question: str, deed: bool, nlp: Language
) -> None:
    slot = questions.read(question, nlp).slot
    assert (slot is not None and slot.role == "deed") is deed


@pytest.mark.parametrize(
    ("question", "doer"),
    [
        ("What did Jan Ruiz's father do for a living?", "father"),  # not whose father
        ("What would the bill Ana Ruiz announced do?", "legislation"),  # a reader's word for it
    ],
)
def test_the_doer_is_the_noun_phrase_asked_about(question: str, doer: str, nlp: Language) -> None:
    slot = questions.read(question, nlp).slot
    assert slot is not None
    assert slot.role == "deed"
    assert doer in slot.words
    assert not {"jan", "ruiz", "ana"} & slot.words


def test_what_someone_is_doing_is_their_verb_phrase(nlp: Language, settings: Settings) -> None:
    text = (
        "Venezuela's officials spoke in Caracas. The US has deployed 4,500 Marines and sailors "
        "to the Caribbean near Venezuela as part of a counter-drug operation."
    )
    answer = asked("What is the US doing near Venezuela?", text, nlp, settings)
    assert (answer.text or "").startswith("deployed 4,500 Marines")


CLAUSE_AS_NOUN = (
    "She proposed that a coalition put in place a zone to shield the villages of the northern "
    "coast from raids by armed boats at night , an idea allies backed ."
)


def test_a_clause_parsed_as_a_noun_keeps_its_verb_up_to_the_aside(nlp: Language) -> None:
    # the parse the tagger gives some "proposed that X did Y" sentences: "coalition" the
    # object, "put" describing it; the clause runs to the comma, not the aside after it
    words = CLAUSE_AS_NOUN.split()
    heads = [1, 1, 4, 4, 1, 4, 5, 6, 9, 5, 11, 5, 13, 11, 13, 17, 17, 14, 11, 18, 19, 22]
    heads += [20, 11, 23, 24, 27, 24, 29, 27, 1]
    deps = ["nsubj", "ROOT", "mark", "det", "dobj", "acl", "prep", "pobj", "det", "dobj", "aux"]
    deps += ["advcl", "det", "dobj", "prep", "det", "amod", "pobj", "prep", "pobj", "prep"]
    deps += ["amod", "pobj", "prep", "pobj", "punct", "det", "appos", "nsubj", "relcl", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    start, end = extent(doc[4], "obj", doc[1]) or (0, 0)
    assert doc.text[start:end] == " ".join(words[2:25])


def test_a_light_verb_lines_up_only_with_its_particle(nlp: Language) -> None:
    question = "Who will take over as head of the militia?"
    assert filled(question, "Cabello took the stage as head of the militia.", nlp) == []


def test_a_word_of_a_name_is_no_predicate(nlp: Language) -> None:
    read = questions.read("Who flew the banner over the Rose Bowl?", nlp)
    assert read.slot is not None
    assert "rise" not in read.slot.words  # "Rose" names the stadium
    assert "fly" in read.slot.words


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How did the governor describe the senator's campaign?", "cancer on the party"),
        ("How did the governor describe the mayor?", None),  # the campaign is not the mayor
        (
            "What word did the governor use to describe the senator's campaign?",
            "cancer on the party",
        ),
    ],
)
def test_what_someone_says_a_thing_is_describes_it(
    question: str, expected: str | None, nlp: Language, settings: Settings
) -> None:
    text = (
        "Speaking in Austin in July, the governor said the senator's campaign is a cancer on "
        "the party and must be discarded."
    )
    answer = asked(question, text, nlp, settings)
    assert (answer.text == expected) if expected else (answer.text != "cancer on the party")


@pytest.mark.parametrize(
    ("sentence", "likened"),
    [
        ("Warren said the school was like a used car dealership.", ["used car dealership"]),
        ("He compared the plan to a Ponzi scheme on Tuesday.", ["Ponzi scheme"]),
        ("She likes a good debate.", []),
    ],
)
def test_what_something_is_likened_to(sentence: str, likened: list[str], nlp: Language) -> None:
    doc = nlp(sentence)
    assert [sentence[a:b] for a, b in likenings(doc)] == likened


def test_what_someone_compared_a_thing_to_is_what_they_likened_it_to(
    nlp: Language, settings: Settings
) -> None:
    text = "Speaking in Boston on Saturday, Warren said the school was like a used car dealership."
    answer = asked("What did Warren compare the school to?", text, nlp, settings)
    assert answer.text == "used car dealership", answer.reason


@pytest.mark.parametrize(
    ("text", "question", "quoted"),
    [
        (
            "Senator Ruiz on Tuesday called the raids on the northern villages ‘genocide.’ "
            "The raids began in March.",
            "What word did Ruiz use for the raids on the villages?",
            "genocide",
        ),
        (
            "The best description of him came from a student, Ana Ruiz, who laughed when she "
            'called him "somebody\'s grumpy uncle." He smiled at that.',
            "What nickname did the student Ana Ruiz give him?",
            "somebody's grumpy uncle",
        ),
    ],
)
def test_the_word_or_nickname_someone_used_is_what_they_are_quoted_with(
    text: str, question: str, quoted: str, nlp: Language, settings: Settings
) -> None:
    answer = asked(question, text, nlp, settings)
    assert answer.text == quoted, answer.reason


def test_a_name_holding_the_words_its_kind_is_asked_with_does_not_echo_the_question(
    nlp: Language,
) -> None:
    read = questions.read("Which news agency reported the assassination attempt?", nlp)
    agency = Candidate(0, 23, "Middle East News Agency", "entity", 1.0)
    asked = words_of(read.text) - kind_phrase(read, agency) - stems_for(read.focus or "")
    assert echoing(agency, asked).fit == 1.0
    assert echoing(agency, words_of(read.text)).fit == 0.5


@pytest.mark.parametrize(
    ("sentence", "only_intended"),
    [
        ("The general today sought peace by promising to withdraw from the border.", True),
        ("The general withdrew his troops from the border on Friday.", False),
        ("The firm tried to buy the distiller but lost out to a rival.", False),  # it acted
    ],
)
def test_an_act_only_promised_or_offered_is_not_said_to_have_happened(
    sentence: str, only_intended: bool, nlp: Language
) -> None:
    acts = ("withdraw",) if "withdr" in sentence else ("buy",)
    assert supposed(acts, questions.parse(sentence, nlp)) is only_intended


@pytest.mark.parametrize(
    ("phrase", "other"),
    [("town of Marea", True), ("two years", True), ("mustard gas", False), ("sarin", False)],
)
def test_a_place_a_time_or_a_sum_is_no_thing_asked_for_by_what(phrase: str, other: bool) -> None:
    assert other_kind(phrase) is other


def test_a_names_initial_does_not_echo_a_question_s_abbreviation(nlp: Language) -> None:
    read = questions.read("Which former U.S. ambassador to Pelmark said forces were caught?", nlp)
    ford = Candidate(0, 14, "Robert S. Ford", "entity", 1.0)
    assert echoing(ford, words_of(read.text)).fit == 1.0


def test_a_place_preposition_opening_the_question_is_the_slot(nlp: Language) -> None:
    strikes = "The US has carried out several lethal strikes on boats off the Caribbean coast."
    assert filled("Off which coast did the US strike the boats?", strikes, nlp) == [
        "Caribbean coast"
    ]
    slot = questions.read("By which year did the firm expect to repay the loans?", nlp).slot
    assert slot is None or slot.role != "prep:by"  # when, not where
    show = questions.read("On which radio host's show did the governor back the senator?", nlp)
    assert show.slot is None or show.slot.role != "prep:on"  # whose show, not where
    spree = questions.read("Near which shopping center did the Munich shooting spree happen?", nlp)
    assert spree.slot is None or spree.slot.role != "prep:near"  # "shooting" is no predicate


def test_a_force_named_as_subject_is_not_what_it_did(nlp: Language) -> None:
    question = "What did Tulsa police say the officer was holding?"
    assert [t.text for t in predicates(list(questions.parse(question, nlp)))] == ["holding"]


def test_what_someone_said_was_done_to_is_its_object(nlp: Language) -> None:
    slot = questions.read("What drug did police say had been found in the car?", nlp).slot
    assert slot is not None
    assert slot.role == "obj"


def test_whom_someone_talked_to_is_whom_they_spoke_with(nlp: Language) -> None:
    sentence = "The minister spoke with his Colombian counterpart Ana Ruiz about the strikes."
    assert filled("Whom did the minister talk to about the strikes?", sentence, nlp) == [
        "his Colombian counterpart Ana Ruiz"
    ]


def test_being_located_names_no_act(nlp: Language) -> None:
    slot = questions.read("In what country is Normandy located?", nlp).slot
    assert slot is None


def test_the_object_s_preposition_is_only_the_target_s(nlp: Language) -> None:
    sentence = "The theorems form the basis for most separation results of complexity classes."
    assert filled("What do the theorems form the basis of?", sentence, nlp) == []
