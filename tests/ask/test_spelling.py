"""A name the question spells otherwise than its sources (`ask/spelling.py`): read as they
write it, and said so."""

from pathlib import Path

from crisisdesk.ask.spelling import skeleton
from crisisdesk.desk import Desk

TEXT = (
    "Hizbollah, which has lost over 6,000 dead and wounded in Syria, seems unlikely to want "
    "a new war. Colombia closed its border crossings on Monday."
)


def test_spellings_of_one_name_share_their_consonants() -> None:
    assert skeleton("Hezbollah") == skeleton("Hizballah") == skeleton("Hizbollah")
    assert skeleton("Hezbollah") != skeleton("Hamas")


def test_a_name_is_read_as_the_sources_spell_it(desk: Desk, tmp_path: Path) -> None:
    (tmp_path / "war.txt").write_text(TEXT, encoding="utf-8")
    desk.ingest([tmp_path / "war.txt"])
    answer = desk.ask("How many casualties has Hezbollah suffered in Syria?")
    assert answer.text == "6,000", answer.reason
    assert "read Hezbollah as the sources write it: Hizbollah" in (answer.reason or "")


def test_a_known_place_is_not_read_as_another(desk: Desk, tmp_path: Path) -> None:
    (tmp_path / "war.txt").write_text(TEXT.replace("Colombia", "Columbia"), encoding="utf-8")
    desk.ingest([tmp_path / "war.txt"])
    answer = desk.ask("When did Colombia close its border crossings?")
    assert answer.text is None
    assert "Columbia" not in (answer.reason or "")


def test_a_name_with_an_ampersand_is_read_as_a_transcript_speaks_it(
    desk: Desk, tmp_path: Path
) -> None:
    spoken = (
        "Major job cuts at RT and B. The cable giant is slashing up to nine thousand jobs "
        "and freezing executive salaries."
    )
    (tmp_path / "cuts.txt").write_text(spoken, encoding="utf-8")
    desk.ingest([tmp_path / "cuts.txt"])
    answer = desk.ask("How many jobs is RT&B slashing?")
    assert answer.text == "nine thousand", answer.reason
    assert "read RT&B as the sources write it: RT and B" in (answer.reason or "")
