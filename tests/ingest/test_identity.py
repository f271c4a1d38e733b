import pytest

from crisisdesk.ingest.identity import (
    BANDS,
    MinHashSig,
    doc_id,
    normalize,
    shingles,
    signature,
    similarity,
)

STORY = (
    "Three frigates and a replenishment tanker left the northern naval base before dawn on "
    "Wednesday, heading for the strait where fishermen said foreign warships had shadowed their "
    "boats last week. A defence ministry spokesperson described the deployment as a routine "
    "patrol planned months in advance. Opposition lawmakers questioned that account, noting that "
    "shore leave for the crews had been cancelled at short notice and that reservists were told "
    "to stay near their phones. Officials in two neighbouring capitals declined to comment. A "
    "coastguard officer said his service was watching the ships and had counted at least forty "
    "naval vessels in the area since Monday, a figure the ministry did not confirm."
)
WIRE_COPY = (
    STORY.replace("before dawn on Wednesday", "before dawn Wednesday")
    .replace("declined to comment", "did not comment")
    .upper()
)
UNRELATED = (
    "The city council approved a new budget for public libraries on Tuesday evening, adding "
    "funds for longer opening hours, a mobile reading van for rural villages and repairs to the "
    "roof of the central branch, which has leaked during heavy rain for three winters in a row. "
    "Librarians welcomed the vote but said staffing remained their biggest worry."
)


def test_normalize_folds_case_width_and_whitespace() -> None:
    assert normalize("  The\u00a0NAVY\n\n sailed  \ufb01ve ships\t") == "the navy sailed five ships"
    assert normalize("HAFENSTRASSE") == normalize("Hafenstraße")


def test_doc_id_ignores_layout_but_not_words() -> None:
    assert doc_id("Frigates sailed.\n") == doc_id("  FRIGATES   sailed.")
    assert doc_id("Frigates sailed.") != doc_id("Frigates docked.")
    assert len(doc_id(STORY)) == 16
    int(doc_id(STORY), 16)


def test_shingles_are_word_five_grams() -> None:
    assert shingles("one two three four five six") == {
        "one two three four five",
        "two three four five six",
    }
    assert shingles("Two  Words") == {"two words"}
    assert shingles("   ") == set()


def test_lightly_edited_copy_scores_high_and_unrelated_low() -> None:
    story, copy, other = signature(STORY), signature(WIRE_COPY), signature(UNRELATED)
    assert similarity(story, copy) > 0.7
    assert similarity(story, other) < 0.1
    assert similarity(story, story) == 1.0


def test_bands_are_sixteen_prefixed_keys_shared_by_near_duplicates() -> None:
    story, copy, other = signature(STORY), signature(WIRE_COPY), signature(UNRELATED)
    keys = story.bands()
    assert len(keys) == BANDS
    assert [key.split(":")[0] for key in keys] == [f"{i:02d}" for i in range(BANDS)]
    assert set(keys) & set(copy.bands())
    assert not set(keys) & set(other.bands())


def test_signature_round_trips_through_bytes() -> None:
    sig = signature(STORY)
    data = sig.to_bytes()
    assert len(data) == 512
    assert MinHashSig.from_bytes(data) == sig
    assert signature(STORY) == sig  # deterministic across calls


def test_from_bytes_rejects_wrong_length() -> None:
    with pytest.raises(ValueError, match="expected 512 bytes"):
        MinHashSig.from_bytes(b"\x00" * 10)
