"""Yes or no from a sentence: the question's predicate said, denied or only supposed."""

import pytest
from spacy.language import Language

from crisisdesk.ask.verdict import deciding, verdict
from crisisdesk.settings import Settings
from tests.ask.test_ask import asked


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        (
            "Has Ostrin authorized covert action in Pelmark?",
            "President Ostrin has authorized the agency to conduct covert action in Pelmark.",
            "yes",
        ),
        (
            "Did the minister sign the harbour accord?",
            "The minister did not sign the harbour accord on Friday.",
            "no",
        ),
        (  # "has been arrested" does not say "have"; "has no convictions" says no
            "Does Ana Ruiz have any earlier felony convictions?",
            "She has been arrested a dozen times at protests, but has no felony convictions.",
            "no",
        ),
        (
            "Did the firm confirm the bid?",
            "The firm declined to confirm the bid, saying it does not comment on speculation.",
            "no",
        ),
        (  # the thing asked about said by the name it is told by
            "Did Canal 5 renew its Casa Verde revival for another season?",
            "And, yes, Canal 5 renewed Casa Verde for a fourth season.",
            "yes",
        ),
        (
            "Did Canal 5 renew its Casa Verde revival for another season?",
            "Canal 5 renewed Casa Blanca for a fourth season.",
            None,
        ),
        (  # the opposite word
            "Do the shipping firms admit to a conspiracy?",
            "The shipping firms deny that they conspired to fix prices.",
            "no",
        ),
        (  # the noun a light verb carries, said as a verb
            "Did Judge Voss express regret over her remarks about the mayor?",
            "Judge Voss said on Friday that she regretted her remarks about the mayor.",
            "yes",
        ),
        (
            "Did Judge Voss express regret over her remarks about the mayor?",
            "Judge Voss said on Friday that she had no regrets about her remarks.",
            "no",
        ),
        (  # asked whether someone denied: the denial says yes
            "Did Voss deny the report?",
            "Voss denied the report in a statement on Monday.",
            "yes",
        ),
        (  # what "there was" says exists, denied by "no"
            "Pressed on the radio, did Voss say there was direct evidence of a plot?",
            "Voss said there was no direct evidence of a plot against the port.",
            "no",
        ),
        (  # a noun spoken of, not said to exist
            "Was there evidence of a leak?",
            "Asked about evidence of a leak, the minister said the plant was safe.",
            None,
        ),
        (
            "Was there evidence of a leak?",
            "Investigators said there was evidence of a leak at the plant.",
            "yes",
        ),
        (  # a reader's words for the act and its object; "back" tagged as a preposition
            "Did Senator Holm back the port agreement?",
            "Senator Holm endorsed the port deal on Monday.",
            "yes",
        ),
        (  # someone else's act
            "Did Senator Holm back the port agreement?",
            "Senator Ruiz is pushing fellow senators to reject the port deal.",
            None,
        ),
        (  # the act said of another object
            "Did Holm ask the president for his endorsement?",
            "Holm met the man he is seeking to succeed.",
            None,
        ),
        (  # a place the question names, said in another form
            "Did the navy strike Pelmark?",
            "The navy struck Pelmarkian ports on Friday.",
            "yes",
        ),
        (  # the act done elsewhere than the place asked
            "Did the navy strike Pelmark?",
            "The navy has carried out several strikes on boats in the Caribbean.",
            None,
        ),
        (
            "Has Ostrin sent troops to Pelmark in January?",
            "Ostrin has sent 4,500 troops to the Caribbean.",
            None,
        ),
        (  # a month is no place to name
            "Has Ostrin sent troops to Pelmark in January?",
            "Ostrin sent troops to Pelmark last week.",
            "yes",
        ),
        (  # the opposite said in the passive, by the one asked about
            "Did Pelmark agree to the demand to extradite the general?",
            "The demand for the general's extradition has been refused by Pelmark.",
            "no",
        ),
        (
            "Did Pelmark agree to the demand to extradite the general?",
            "The demand for the general's extradition has been refused by Ostrin.",
            None,
        ),
        (  # the act said of nothing
            "Did the minister say the test had changed the assessment?",
            "There is nothing that has occurred in the last day that has caused the "
            "government to change its assessment, the minister said.",
            "no",
        ),
        (  # what someone said is so, not that they spoke
            "Did Voss say the strikes were connected to the inquiry?",
            "Voss said the strikes were not connected to the inquiry.",
            "no",
        ),
        (
            "Was Voss planning to attend the convention?",
            "Voss has no plans to attend the convention.",
            "no",
        ),
        (  # only weighed, only supposed: the reader judges
            "Did Ostrin order strikes on land?",
            "Ostrin is weighing whether to order strikes on land.",
            None,
        ),
        (
            "Did the party win the by-election?",
            "If the party wins the by-election, it will hold the seat.",
            None,
        ),
        (  # what a copula says of its subject: the adjective itself
            "Is the Igla-S similar to the Stinger?",
            "The Igla-S missiles are short-range systems (similar to US Stingers).",
            "yes",
        ),
        (
            "Are the strikes legal?",
            "These strikes have been questioned by lawmakers for their legality.",
            None,
        ),
        ("Was the reward the biggest ever offered?", "It was the biggest reward ever.", None),
        (  # a deal cancelled says the sale is not happening
            "Is Norcorp still being sold to Velda?",
            "A day before, Altrix said it was cancelling a deal to sell Norcorp to Velda.",
            "no",
        ),
        (  # the one it is done to, named alike in both
            "Did Ostrin tell Vale that Norland would join NATO?",
            "Ostrin assured Vale that Norland would not join NATO.",
            "no",
        ),
        (  # what was found is the clause found, not the finding
            "Did the inspector find that the aide stepped in?",
            "The inspector found that the aide tasked a member of her staff to follow up.",
            None,
        ),
        (  # a noun with "no" denies the clause it holds
            "Will the mayor quit the race?",
            "There is absolutely no chance the mayor will quit the race, her aide said.",
            "no",
        ),
        (  # nobody does it: the one asked about neither
            "Does the general's sister still talk to him?",
            "\u201cNobody talks to the general, because he doesn't listen,\u201d his sister said.",
            "no",
        ),
        (  # accused, but someone else
            "Has Vale accused Pelmark of the hack?",
            "Senator Vale said Pelmark intelligence services hacked into the committee's "
            "computers and she accused her rival Tom Reed of showing support for the Pelmark "
            "president.",
            None,
        ),
        (  # "had" asks of the verb after the subject
            "Had James Kopp ever been convicted of a felony?",
            "He has been arrested more than a dozen times during abortion protests in seven "
            "states and Italy, but has no felony convictions.",
            "no",
        ),
        (  # the other way
            "Did the Pelmark index close higher on Monday?",
            "For the day, the Pelmark index closed down 6.4 percent, or 486 points.",
            "no",
        ),
        (
            "Did the Pelmark index close higher on Monday?",
            "The Pelmark index closed up 0.7 percent on Monday.",
            "yes",
        ),
    ],
)
def test_a_sentence_says_yes_or_no_or_neither(
    question: str, sentence: str, expected: str | None, nlp: Language
) -> None:
    assert verdict(nlp(question), nlp(sentence)) == expected


def test_the_sentence_that_says_yes_or_no_answers_before_one_that_only_shares_words(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "Asked about direct evidence of the general's role in the killings of reporters, "
        "Senator Vale said the country does plenty of killing too. "
        "Later, Vale said there was no direct evidence."
    )
    question = (
        "Did Vale say there was direct evidence of the general's role in the killings of reporters?"
    )
    answer = asked(question, text, nlp, settings)
    assert answer.text == "No — there was no direct evidence"


def test_a_yes_or_no_comes_from_the_sentence_that_decides_it_when_the_best_one_does_not(
    nlp: Language, settings: Settings
) -> None:
    text = (
        "As the governor appears set to veto a bill that would let flood victims sue the "
        "insurers, the candidate Ana Ruiz apparently disagrees with her former boss. "
        "Her spokesman said on Friday that, if elected, \u201cshe would sign this bill if it "
        "came to her desk.\u201d"
    )
    question = "Would Ana Ruiz sign the bill letting flood victims sue the insurers?"
    answer = asked(question, text, nlp, settings)
    assert (answer.text or "").startswith("Yes — "), answer.text
    assert "would sign" in answer.citations[0].text


@pytest.mark.parametrize(
    ("question", "sentence", "words"),
    [
        (  # the word that stops the sale, not the sale alone
            "Is Norcorp still being sold to Velda?",
            "A day before, Altrix said it was cancelling a deal to sell Norcorp to Velda.",
            "it was cancelling a deal to sell Norcorp to Velda",
        ),
        (
            "Does the general's sister still talk to him?",
            "\u201cNobody talks to the general, because he doesn't listen,\u201d his sister said.",
            "Nobody talks to the general, because he doesn't listen",
        ),
        (  # a long clause up to its first break
            "Did Baran develop the concept of message block switching?",
            "American computer scientist Paul Baran developed the concept of message block "
            "switching with the goal to provide a fault-tolerant, efficient routing method for "
            "telecommunication messages as part of a research program at the RAND Corporation.",
            "American computer scientist Paul Baran developed the concept of message block "
            "switching with the goal to provide a fault-tolerant",
        ),
    ],
)
def test_a_verdict_shows_the_words_that_decide_it(
    question: str, sentence: str, words: str, nlp: Language
) -> None:
    decided = deciding(nlp(question), nlp(sentence))
    assert decided is not None
    assert decided[1].text == words


def test_an_object_in_other_words_still_decides(nlp: Language) -> None:
    sentence = (
        "“There is absolutely no chance Ana Ruiz will withdraw from running for the "
        "presidency,” Vidal said in a phone interview."
    )
    decided = deciding(nlp("Does Vidal think Ruiz might quit the race?"), nlp(sentence))
    assert decided is not None
    assert decided[0] == "no"
    assert decided[1].text.startswith("There is absolutely no chance")
