"""The actor gazetteer: names, capitals, adjectives, leaders by year, institutions, groups."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pycountry
import pytest
import yaml

from casus.events.actors import gazetteer, resolve_actor, suggest


@pytest.mark.parametrize(
    "name, code",
    [
        ("Russia", "RUS"), ("RUS", "RUS"), ("the Russian Federation", "RUS"), ("Moscow", "RUS"), ("the Kremlin", "RUS"),
        ("Putin", "RUS"), ("Lavrov", "RUS"), ("Zakharova", "RUS"), ("Russian", "RUS"),
        ("Iran", "IRN"), ("Tehran", "IRN"), ("Iranian", "IRN"), ("Pezeshkian", "IRN"), ("the IRGC", "IRN"),
        ("the Islamic Republic", "IRN"), ("the Iranian president", "IRN"),
        ("Israel", "ISR"), ("Netanyahu", "ISR"), ("the IDF", "ISR"),
        ("Washington", "USA"), ("the Pentagon", "USA"), ("the United States", "USA"), ("U.S.", "USA"),
        ("North Korea", "PRK"), ("Pyongyang", "PRK"), ("Kim Jong Un", "PRK"), ("South Korea", "KOR"),
        ("Taiwan", "TWN"), ("Taipei", "TWN"), ("Lai Ching-te", "TWN"), ("Palestine", "PSE"), ("Kosovo", "XKX"),
        ("Armenia", "ARM"), ("Yerevan", "ARM"), ("Pashinyan", "ARM"), ("Azerbaijan", "AZE"), ("Aliyev", "AZE"),
        ("Türkiye", "TUR"), ("Turkey", "TUR"), ("Erdogan", "TUR"), ("Beijing", "CHN"), ("Xi Jinping", "CHN"),
        ("Syria", "SYR"), ("Damascus", "SYR"), ("Ukraine", "UKR"), ("Zelensky", "UKR"), ("Kyiv", "UKR"),
        ("UN", "UN"), ("the UN Security Council", "UNSC"), ("IAEA", "IAEA"), ("NATO", "NATO"), ("CSTO", "CSTO"),
        ("the European Union", "EU"), ("OPEC+", "OPEC+"), ("Hezbollah", "HEZBOLLAH"), ("the Houthis", "HOUTHIS"),
        ("Hamas", "HAMAS"), ("the West", "WEST"), ("the Gulf states", "GULF"),
    ],
)
def test_resolve(name: str, code: str) -> None:
    assert resolve_actor(name) == code


@pytest.mark.parametrize("name", ["analysts", "experts", "Reuters", "TASS", "officials", "The New York Times", "", "banana"])
def test_attribution_sources_are_not_actors(name: str) -> None:
    assert resolve_actor(name) is None


@pytest.mark.parametrize("name, year, code", [("Rutte", 2020, "NLD"), ("Rutte", 2025, "NATO"), ("Kallas", 2022, "EST"),
                                               ("Kallas", 2025, "EU"), ("Qureshi", 2020, "PAK"), ("Bazoum", 2022, "NER"),
                                               ("Kishi", 2021, "JPN"), ("Sheikh Khalifa", 2015, "ARE")])
def test_leaders_by_year(name: str, year: int, code: str) -> None:
    assert resolve_actor(name, year) == code


def test_every_listed_state_has_names_capital_and_adjective() -> None:
    data = yaml.safe_load(resources.files("casus.data").joinpath("actors_countries.yaml").read_text(encoding="utf-8"))
    members = [c for c, info in data.items() if info.get("un", True)]
    assert len(members) == 193
    assert {"TWN", "PSE", "XKX"} <= set(data)
    for code, info in data.items():
        assert info["capital"], code
        assert resolve_actor(info["capital"][0]) == code, code
        if code != "XKX":
            assert pycountry.countries.get(alpha_3=code) is not None, code
            if pycountry.countries.get(alpha_3=code).name not in info.get("not_names", []):
                assert resolve_actor(pycountry.countries.get(alpha_3=code).name) == code, code


@pytest.mark.parametrize("name, code", [("Congo", "COD"), ("Congolese", "COD"), ("Republic of Congo", "COG"),
                                        ("Brazzaville", "COG"), ("Democratic Republic of Congo", "COD")])
def test_congo_in_news_usage(name: str, code: str) -> None:
    assert resolve_actor(name) == code


def test_gazetteer_codes_cover_pycountry() -> None:
    codes = gazetteer().codes
    assert {c.alpha_3 for c in pycountry.countries} <= codes


@pytest.mark.parametrize("name, code", [("Rusia", "RUS"), ("Pezeshkyan", "IRN"), ("Tehrn", "IRN")])
def test_suggest(name: str, code: str) -> None:
    assert code in [c for _, c in suggest(name)]


@pytest.mark.parametrize("name", ["actors_countries.yaml", "actors_orgs.yaml", "leaders.yaml", "events.yaml"])
def test_data_files_name_sources(name: str) -> None:
    head = resources.files("casus.data").joinpath(name).read_text(encoding="utf-8")[:2000]
    assert "http" in head and ("Accessed" in head or "Written" in head)


def test_cached_gazetteer_equals_a_fresh_build_and_survives_corruption(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from casus.events import actors

    monkeypatch.setenv("CASUS_CACHE_DIR", str(tmp_path))
    fresh = actors.build_gazetteer()
    actors.gazetteer.cache_clear()
    try:
        assert actors.gazetteer() == fresh                                 # built, then written
        files = list((tmp_path / "data").glob("gazetteer-*.pickle"))
        assert len(files) == 1
        actors.gazetteer.cache_clear()
        assert actors.gazetteer() == fresh                                 # read back
        files[0].write_bytes(b"garbage")
        actors.gazetteer.cache_clear()
        assert actors.gazetteer() == fresh                                 # a corrupt file is rebuilt
    finally:
        actors.gazetteer.cache_clear()


def test_iso_country_table_matches_pycountry() -> None:
    from casus.assess import knowledge
    from casus.events.actors import iso_countries

    table = iso_countries()
    assert set(table) == {c.alpha_3 for c in pycountry.countries}
    for c in pycountry.countries:
        assert table[c.alpha_3] == (getattr(c, "common_name", None) or c.name)
    assert knowledge.is_state("IRN") and not knowledge.is_state("XYZ") and knowledge.name("BOL") == table["BOL"]


@pytest.mark.parametrize(("text", "phrase", "named"), [
    ("Turkey sent drones.", "Turkey", True),
    ("They ate turkey.", "turkey", False),  # a common word, not the state
    ("The US agreed.", "US", True),
    ("Let us agree.", "us", False),  # an acronym counts only as the data writes it
    ("Anti-Russian protests grew.", "Russian", False),  # inside an anti-/pro- compound
    ("Russian-made drones flew.", "Russian", True),
])
def test_names_actor_is_the_one_rule_for_coder_and_claims(text: str, phrase: str, named: bool) -> None:
    """casus.events.actors.names_actor decides where a gazetteer phrase names its actor, for the event coder's scan
    and the claims' mentions alike (issue 15: one home)."""
    from casus.claims.stance import find_mentions
    from casus.events.actors import acronym_surfaces, names_actor
    from casus.events.lexicon import lexicon
    from casus.events.scan import scan

    start = text.index(phrase)
    key = phrase.lower()
    assert names_actor(text, text.lower(), start, start + len(phrase), acronym_surfaces().get(key)) is named
    assert lexicon().exact == acronym_surfaces()
    in_scan = any(m.start == start for m in scan(text, lexicon(), None).mentions)
    in_claims = any(m.start == start for m in find_mentions(text))
    assert in_scan is named and in_claims is named


@pytest.mark.parametrize("sentence, expected", [
    # "the Russia-led alliance/bloc" is the CSTO, not Russia
    ("Armenia asked the Russia-led security bloc for military help.", {("ARM", "REQUEST", "CSTO", False)}),
    ("A Russian-led military alliance sent peacekeepers to Kazakhstan on Friday.", {("CSTO", "AID", "KAZ", False)}),
    # Iraq's named armed groups are IRQ_MILITIAS, not Lebanon's Hezbollah
    ("Kataib Hezbollah fired rockets at a US base in Syria.", {("IRQ_MILITIAS", "ASSAULT", "USA", False)}),
    ("American jets struck the Hezbollah Brigades overnight.", {("USA", "ASSAULT", "IRQ_MILITIAS", False)}),
])
def test_led_alliances_and_named_militias(sentence: str, expected: set[tuple[str, str, str | None, bool]]) -> None:
    from tests.coding import last_keys

    assert last_keys([sentence], "2024-05-01") == expected


@pytest.mark.parametrize("sentence, published, expected", [
    # leaders of the past decade by surname alone (leaders.yaml rows with their years)
    ("Kammenos met Cyprus's defence minister on Monday.", "2018-05-01",
     {("GRC", "CONSULT", "CYP", False), ("CYP", "CONSULT", "GRC", False)}),
    ("Sogavare asked Australia to send police.", "2021-11-30", {("SLB", "REQUEST", "AUS", False)}),
])
def test_surnames_of_listed_leaders(sentence: str, published: str, expected: set[tuple[str, str, str | None, bool]]) -> None:
    from tests.coding import last_keys

    assert last_keys([sentence], published) == expected


def test_acronym_defined_in_parentheses_names_its_actor() -> None:
    """'the Zambia Defence Force (ZDF)': the acronym stands for Zambia later in the document; letters that are not the
    name's initials ('The Russian news agency (RNA)') teach nothing."""
    from casus.events.coder import code_sentences
    from tests.coding import keys

    doc = ["The Zambia Defence Force (ZDF) said on Monday it had finished the exercise.",
           "The ZDF later sent troops to Malawi to help with the floods."]
    assert [keys(x) for x in code_sentences(doc, "2024-04-16")] == [set(), {("ZMB", "AID", "MWI", False)}]
    doc = ["The Russian news agency (RNA) spoke.", "RNA then fired rockets at Ukraine."]
    assert [keys(x) for x in code_sentences(doc, "2024-04-16")] == [set(), set()]
