from datetime import date

from spacy.language import Language
from spacy.tokens import Span

from crisisdesk.analyze import analyze
from crisisdesk.analyze.components.actors import untail
from crisisdesk.analyze.gazetteer import Gazetteer, bare
from crisisdesk.records import Analysis
from tests.conftest import SEED


def run(nlp: Language, text: str) -> Analysis:
    return next(analyze([(text, date(2025, 10, 23))], nlp=nlp))


def actors_of(analysis: Analysis, surface: str) -> set[str | None]:
    return {e.actor for e in analysis.entities if e.text == surface}


def test_name_and_surname_share_one_actor(nlp: Language) -> None:
    result = run(nlp, SEED)
    assert actors_of(result, "Nicolás Maduro") == {"Nicolás Maduro"}
    assert actors_of(result, "Maduro") == {"Nicolás Maduro"}
    assert actors_of(result, "Trump") == {"Donald Trump"}


def test_states_and_agencies_carry_iso_codes(nlp: Language) -> None:
    result = run(nlp, SEED)
    codes = {e.actor: e.code for e in result.entities if e.actor}
    assert codes["Venezuela"] == "VEN"
    assert codes["Central Intelligence Agency"] == "USA"


def test_the_house_is_the_us_house_and_a_building_called_house_is_not(nlp: Language) -> None:
    text = (
        "The White House said the House will vote on war powers on Friday. "
        "The blast toppled the six-story Ufundi House."
    )
    result = run(nlp, text)
    assert actors_of(result, "House") == {"US House of Representatives"}
    assert actors_of(result, "The White House") == {"White House"}
    assert actors_of(result, "Ufundi House") != {"US House of Representatives"}


def test_entity_offsets_slice_the_text(nlp: Language) -> None:
    result = run(nlp, SEED)
    assert result.entities
    assert all(SEED[e.start : e.end] == e.text for e in result.entities)


def test_unknown_person_surname_links_to_full_name(nlp: Language) -> None:
    text = "Senator Jane Holloway spoke on Monday. Holloway said the vote would wait."
    result = run(nlp, text)
    assert actors_of(result, "Holloway") == {"Jane Holloway"}


def test_role_phrase_is_a_mention_of_the_office_holder(nlp: Language) -> None:
    text = "Venezuela's president addressed troops in Caracas."
    result = run(nlp, text)
    roles = [e for e in result.entities if e.text == "Venezuela's president"]
    assert [e.actor for e in roles] == ["Nicolás Maduro"]


def test_washington_as_government_and_demonym(nlp: Language) -> None:
    result = run(nlp, "Washington warned Caracas. Venezuelan officials answered.")
    by_text = {e.text: e.actor for e in result.entities}
    assert by_text.get("Washington") == "United States"
    assert by_text.get("Venezuelan") == "Venezuela"


def test_user_gazetteer_overrides_packaged_entry(tmp_path) -> None:
    extra = tmp_path / "extra.tsv"
    extra.write_text("Caracas City Council\tORG\tVEN\tCaracas\n", encoding="utf-8")
    gazetteer = Gazetteer.from_files("actors.tsv", str(extra))
    entry = gazetteer.lookup("Caracas")
    assert entry is not None
    assert entry.name == "Caracas City Council"


def test_bare_strips_article_and_possessive() -> None:
    assert bare("the United States") == "United States"
    assert bare("Maduro’s") == "Maduro"


def test_weapon_systems_are_products_not_actors(nlp: Language) -> None:
    result = run(nlp, SEED)
    igla = [e for e in result.entities if e.text == "Igla-S"]
    assert igla
    assert all(e.label == "PRODUCT" and e.actor is None for e in igla)


def test_every_state_is_known_with_its_code_demonym_and_capital() -> None:
    gazetteer = Gazetteer.from_files("actors.tsv")
    for alias in ("Kenya", "Kenyan", "Kenyans", "Nairobi"):
        entry = gazetteer.lookup(alias)
        assert entry is not None, alias
        assert (entry.name, entry.code) == ("Kenya", "KEN"), alias
    assert "Nairobi" not in gazetteer.matchable  # capitals link NER places only
    assert "Caracas" in gazetteer.matchable  # unless the team's file lists them


def test_armed_groups_are_one_actor_under_their_spellings() -> None:
    gazetteer = Gazetteer.from_files("actors.tsv")
    for alias, name in [
        ("ISIS", "Islamic State"),
        ("Daesh", "Islamic State"),
        ("Hizbollah", "Hezbollah"),
        ("Cartel of the Suns", "Cartel de los Soles"),
    ]:
        entry = gazetteer.lookup(alias)
        assert entry is not None, alias
        assert entry.name == name, alias


def test_a_typed_name_finds_the_alias_written_with_the() -> None:
    gazetteer = Gazetteer.from_files("actors.tsv")
    entry = gazetteer.lookup("Fed")  # "the Fed"
    assert entry is not None
    assert entry.name == "Federal Reserve"
    assert gazetteer.lookup("Fed", "ORG") is None  # a name in text stays as written


def test_two_letter_codes_are_not_aliases() -> None:
    gazetteer = Gazetteer.from_files("actors.tsv")
    assert gazetteer.lookup("IN") is None
    assert gazetteer.lookup("TO") is None


def test_title_before_an_unknown_name_gives_the_state(nlp: Language) -> None:
    text = (
        "Chilean Foreign Minister Alberto Tarrenga called for talks. "
        "Tarrenga said the region wanted calm."
    )
    result = run(nlp, text)
    codes = {e.text: e.code for e in result.entities if e.actor == "Alberto Tarrenga"}
    assert codes == {"Alberto Tarrenga": "CHL", "Tarrenga": "CHL"}


def test_department_word_in_a_title_is_not_an_actor(nlp: Language) -> None:
    result = run(nlp, "Defense Secretary Pete Hegseth said the strikes were lawful.")
    assert "Defense" not in {e.actor for e in result.entities}
    assert actors_of(result, "Pete Hegseth") == {"Pete Hegseth"}


def test_acronym_defined_in_brackets_joins_the_organisation(nlp: Language) -> None:
    text = "Singapore Airlines (SIA) ordered ten jets. SIA said demand was strong."
    result = run(nlp, text)
    assert actors_of(result, "SIA") == {"Singapore Airlines"}  # not its initials: defined


def test_acronym_spelled_by_initials_joins_the_organisation(nlp: Language) -> None:
    text = (
        "The Government Accountability Office upheld the protest on Wednesday. "
        "The GAO said the contract must be rebid."
    )
    result = run(nlp, text)
    assert actors_of(result, "GAO") == {"Government Accountability Office"}


def test_legal_forms_and_short_names_are_one_organisation(nlp: Language) -> None:
    text = (
        "Ford Motor Company cut its forecast on Tuesday. "
        "Ford said sales fell, and Ford Motor Co. shares dropped."
    )
    result = run(nlp, text)
    orgs = {e.actor for e in result.entities if e.text.startswith("Ford")}
    assert orgs == {"Ford"}


def test_leading_titles_are_not_part_of_a_name(nlp: Language) -> None:
    text = "Spokeswoman Sandra Kellerman declined to comment. Kellerman later issued a statement."
    result = run(nlp, text)
    people = {e.actor for e in result.entities if "Kellerman" in e.text}
    assert people == {"Sandra Kellerman"}


def test_a_states_government_is_the_state() -> None:
    gazetteer = Gazetteer.from_files("actors.tsv")
    for text in ("the Canadian government", "US Government", "Kenyan government"):
        entry = gazetteer.lookup(text)
        assert entry is not None, text
        assert entry.kind == "GPE", text
    assert gazetteer.lookup("Trump government") is None  # people are not states


def test_weapon_named_after_its_maker_is_a_product(nlp: Language) -> None:
    text = "The systems are shoulder-fired (similar to US Stingers) and can shoot down drones."
    result = run(nlp, text)
    assert [(e.label, e.actor) for e in result.entities if "Stingers" in e.text] == [
        ("PRODUCT", None)
    ]


def test_a_demonym_shared_by_territories_names_the_state() -> None:
    gazetteer = Gazetteer.from_files("actors.tsv")
    found = {alias: gazetteer.lookup(alias) for alias in ("French", "Chinese", "Kingston")}
    assert {a: (e.name, e.code) if e else None for a, e in found.items()} == {
        "French": ("France", "FRA"),
        "Chinese": ("China", "CHN"),
        "Kingston": ("Jamaica", "JAM"),
    }


def test_a_capital_names_a_state_only_as_a_place() -> None:
    gazetteer = Gazetteer.from_files("actors.tsv")
    assert gazetteer.lookup("Nairobi", "GPE") is not None
    assert gazetteer.lookup("Nairobi", "PERSON") is None
    assert gazetteer.lookup("Nairobi") is not None  # a name a user types


def test_a_name_ends_before_a_figure_the_tagger_ran_into_it(nlp: Language) -> None:
    doc = nlp.make_doc("The officer shot Laquan McDonald 16 times.")
    doc.ents = [Span(doc, 3, 6, label="PERSON")]  # the small model's "Laquan McDonald 16"
    untail(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Laquan McDonald", "PERSON")]


def test_a_form_and_surname_the_tagger_missed_is_the_person_named_before(nlp: Language) -> None:
    text = (
        "Ed Balls, a former adviser to the Treasury, said there would be no spending spree. "
        "Mr Balls said the budget would stay tight. Mr Pardew was not asked."
    )
    result = run(nlp, text)
    assert actors_of(result, "Mr Balls") == {"Ed Balls"}
    assert [a.source.actor for a in result.attributions if a.source][:2] == ["Ed Balls"] * 2
    assert actors_of(result, "Mr Pardew") <= {"Pardew", "Mr Pardew"}  # no one named before
