"""Tests for casus.assess.knowledge and the shipped data files it reads."""

from __future__ import annotations

import re

import pytest

from casus.assess import knowledge
from casus.errors import CasusError
from casus.records import EVENT_TYPES, FACTORS, MODALITIES, RUNGS

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
LEVELS = ("none",) + RUNGS
FLAGS = ("defense", "offense", "neutrality", "nonaggression", "consultation", "no_aid_to_aggressor")


def _urls_ok(urls: list[str]) -> bool:
    return bool(urls) and all(u.startswith(("http://", "https://")) for u in urls)


# ---------------------------------------------------------------- treaties.yaml

def test_treaties_are_coded_with_every_provision_and_sourced() -> None:
    data = knowledge.load_data("treaties.yaml")
    assert data["accessed"] == "2026-11-22"
    for t in data["treaties"]:
        for flag in FLAGS:
            assert isinstance(t[flag], bool), (t["id"], flag)
        assert len(t["parties"]) >= 2 and t["conditions"].strip()
        assert ISO_DATE.match(t["signed"]) and (t["in_force"] is None or ISO_DATE.match(t["in_force"]))
        assert _urls_ok(t["sources"]), t["id"]


@pytest.mark.parametrize("tid", ["RUS-IRN-2025", "RUS-PRK-2024", "CSTO-1992", "NATO-1949", "USA-JPN-1960",
                                 "USA-KOR-1953", "USA-PHL-1951", "ANZUS-1951", "CHN-PRK-1961", "USA-TWN-TRA-1979",
                                 "USA-ISR-NONE", "TUR-AZE-2021", "RUS-ARM-1997", "RUS-SYR-1980"])
def test_required_treaties_present(tid: str) -> None:
    assert tid in {t["id"] for t in knowledge.treaties()}


def test_russia_iran_treaty_has_no_defence_clause_but_no_aid_to_aggressor() -> None:
    t = next(t for t in knowledge.treaties() if t["id"] == "RUS-IRN-2025")
    assert (t["signed"], t["in_force"]) == ("2025-01-17", "2025-10-02")
    assert t["defense"] is False and t["no_aid_to_aggressor"] is True


@pytest.mark.parametrize("patron,client,as_of,expected", [
    ("RUS", "IRN", "2025-06-01", set()),              # signed but not yet in force
    ("RUS", "IRN", "2025-10-02", {"RUS-IRN-2025"}),
    ("USA", "FIN", "2023-01-01", set()),              # before Finland joined NATO
    ("USA", "FIN", "2023-04-04", {"NATO-1949"}),
    ("CHN", "PRK", "1960-01-01", set()),
])
def test_treaties_between_respects_dates(patron: str, client: str, as_of: str, expected: set[str]) -> None:
    assert {t["id"] for t in knowledge.treaties_between(patron, client, as_of)} == expected


def test_defense_pact_not_counted_when_attacker_is_in_the_same_treaty() -> None:
    assert knowledge.defense_pact("USA", "GRC", "TUR", "2026-01-01").value == 0.0
    assert knowledge.defense_pact("USA", "GRC", "RUS", "2026-01-01").value == 1.0


# ---------------------------------------------------------------- cases.yaml

def test_reference_cases_are_enough_varied_and_sourced() -> None:
    cases = knowledge.cases()
    assert len(cases) >= 40
    assert len({c["id"] for c in cases}) == len(cases)
    assert len({c["patron"] for c in cases}) >= 6
    assert min(c["year"] for c in cases) < 1945 < max(c["year"] for c in cases)
    for c in cases:
        assert c["rung"] in LEVELS
        for f in ("defense_pact", "patron_at_war_elsewhere", "patron_ties_with_attacker", "shares_border", "attacker_nuclear"):
            assert c[f] in (0, 1), (c["id"], f)
        assert c["note"].strip() and _urls_ok(c["sources"]), c["id"]
    rungs = {c["rung"] for c in cases}
    assert "direct" in rungs and rungs & {"none", "statement", "diplomatic"}


@pytest.mark.parametrize("case_id,rung", [
    ("CHN-PAK-1965", "statement"), ("RUS-ARM-2022", "diplomatic"), ("FRA-CZE-1938", "none"),
    ("RUS-IRN-2025", "diplomatic"), ("CHN-PRK-1950", "direct"), ("USA-KWT-1990", "direct"),
])
def test_landmark_cases_coded(case_id: str, rung: str) -> None:
    assert next(c for c in knowledge.cases() if c["id"] == case_id)["rung"] == rung


def test_nonstate_attackers_are_derived() -> None:
    by_id = {c["id"]: c for c in knowledge.cases()}
    assert by_id["RUS-SYR-2015"]["attacker_nonstate"] == 1
    assert by_id["RUS-SRB-1999"]["attacker_nonstate"] == 0  # NATO is a group of states


# ---------------------------------------------------------------- ledger.yaml

def test_ledger_rows_follow_the_event_schema() -> None:
    rows = knowledge.load_data("ledger.yaml")["events"]
    assert len(rows) >= 15
    for row in rows:
        assert row["event"] in EVENT_TYPES and row["modality"] in MODALITIES
        assert isinstance(row["negated"], bool) and ISO_DATE.match(row["date"])
        assert row["factor"] in FACTORS and row["description"].strip()
        assert _urls_ok(row["sources"]), row["id"]


def test_ledger_filters_by_date_and_dyad() -> None:
    before = knowledge.ledger("RUS", "IRN", until="2025-01-31")
    assert {r["id"] for r in before} >= {"L01", "L05"} and all(r["date"] <= "2025-01-31" for r in before)
    assert knowledge.ledger("CHN", "PRK") == []


# ---------------------------------------------------------------- facts

@pytest.mark.parametrize("patron,client,attacker,expected", [
    ("RUS", "IRN", "ISR", {"defense_pact": 0, "patron_at_war_elsewhere": 1, "patron_ties_with_attacker": 1,
                           "shares_border": 0, "attacker_nuclear": 1, "attacker_nonstate": 0}),
    ("CHN", "PRK", "USA", {"defense_pact": 1, "patron_at_war_elsewhere": 0, "patron_ties_with_attacker": 1,
                           "shares_border": 1, "attacker_nuclear": 1, "attacker_nonstate": 0}),
    ("RUS", "ARM", "AZE", {"defense_pact": 1, "patron_at_war_elsewhere": 1, "patron_ties_with_attacker": 1,
                           "shares_border": 0, "attacker_nuclear": 0, "attacker_nonstate": 0}),
    ("USA", "TWN", "CHN", {"defense_pact": 0, "shares_border": 0, "attacker_nuclear": 1}),
])
def test_scenario_features_from_shipped_knowledge(patron: str, client: str, attacker: str, expected: dict) -> None:
    feats, facts = knowledge.scenario_features(patron, client, attacker, "2026-11-22")
    for k, v in expected.items():
        assert feats[k] == v, k
    assert set(facts) == set(knowledge.FACT_FEATURES)


def test_war_with_unknown_end_expires_after_the_window() -> None:
    assert knowledge.at_war_elsewhere("USA", "TWN", "CHN", "2026-03-20").value == 1.0
    assert knowledge.at_war_elsewhere("USA", "TWN", "CHN", "2026-11-22").value == 0.0


def test_war_against_the_attacker_itself_is_not_elsewhere() -> None:
    assert knowledge.at_war_elsewhere("RUS", "BLR", "UKR", "2026-01-01").value == 0.0


def test_nuclear_by_year() -> None:
    assert knowledge.is_nuclear("IND", "1971-12-03").value == 0.0
    assert knowledge.is_nuclear("IND", "1999-01-01").value == 1.0
    assert knowledge.is_nuclear("NATO", "1999-03-24").value == 1.0


@pytest.mark.parametrize("code,state", [("RUS", True), ("TWN", True), ("NATO", True), ("HTS", False),
                                        ("ISIL", False), ("SYR_REBELS", False)])
def test_is_state(code: str, state: bool) -> None:
    assert knowledge.is_state(code) is state


@pytest.mark.parametrize("bad", ["russia", "", "R US", 7])
def test_check_code_rejects_non_codes(bad: object) -> None:
    with pytest.raises(CasusError):
        knowledge.check_code(bad, "patron")  # type: ignore[arg-type]


def test_disputed_codings_are_documented_not_recoded() -> None:
    """USSR-EGY-1967: the dispute data show a Soviet alert and a later show of force; the row keeps materiel
    and says why, with the sources of the other reading (issue 16)."""
    by_id = {c["id"]: c for c in knowledge.cases()}
    case = by_id["USSR-EGY-1967"]
    assert case["rung"] == "materiel"
    assert "MID 1480" in case["coding_note"] and "MID 345" in case["coding_note"]
    assert _urls_ok(case["coding_sources"]) and len(case["coding_sources"]) >= 3
    for c in by_id.values():  # the optional fields come together
        assert ("coding_note" in c) == ("coding_sources" in c), c["id"]


def test_the_disputed_case_and_its_dispute_episode_are_held_out_together() -> None:
    from casus.assess import fitting

    pool = fitting.build_pool()
    group = dict(zip(pool.ids, pool.group.tolist()))
    assert group["USSR-EGY-1967"] == group["MID1480:RUS-EGY"] == group["USSR-EGY-1970"]


def test_nuclear_since_year_counts_only_once_the_year_is_over() -> None:
    # North Korea's first test was in October 2006: a year-only date is not known before 2007
    assert knowledge.is_nuclear("PRK", "2006-07-01").value == 0.0
    assert knowledge.is_nuclear("PRK", "2007-01-01").value == 1.0


def test_an_unknown_attacker_name_becomes_an_unlisted_armed_group() -> None:
    assert knowledge.attacker_code("Israel") == "ISR"
    assert knowledge.attacker_code("Front for the Liberation of Nowhere") == "FRONT_FOR_THE_LIBERATION_OF_NOWHERE"
    assert knowledge.is_state("FRONT_FOR_THE_LIBERATION_OF_NOWHERE") is False
    assert "non-state armed group" in str(knowledge.unlisted_attacker_note("FRONT_FOR_THE_LIBERATION_OF_NOWHERE"))
    assert knowledge.unlisted_attacker_note("ISR") is None and knowledge.unlisted_attacker_note("HAMAS") is None


def test_organisation_at_war_elsewhere_through_its_lead_member() -> None:
    assert knowledge.lead_member("CSTO", "2022-09-12") == "RUS"
    assert knowledge.at_war_elsewhere("CSTO", "ARM", "AZE", "2022-09-12").value == 1.0  # Russia in Ukraine
    assert knowledge.at_war_elsewhere("CSTO", "ARM", "AZE", "2014-06-01").value == 0.0


def test_wars_and_pledges_after_2018_are_known() -> None:
    assert knowledge.at_war_elsewhere("FRA", "TCD", "LBY", "2019-02-02").value == 1.0  # Barkhane
    assert knowledge.at_war_elsewhere("FRA", "TCD", "LBY", "2023-02-02").value == 0.0
    assert knowledge.defense_pact("SAU", "PAK", "IND", "2025-10-01").value == 1.0
    assert knowledge.defense_pact("SAU", "PAK", "IND", "2025-09-01").value == 0.0


def test_a_pledge_between_patron_and_attacker_counts_as_ties() -> None:
    # Tajikistan is itself a party to the CSTO treaty: the organisation is tied to the attacker
    assert knowledge.ties("CSTO", "TJK", "2022-09-13").value == 1.0
    # an organisation's ties run through its lead member (Russia's 2022 declaration with Azerbaijan)
    assert knowledge.ties("CSTO", "AZE", "2022-09-12").value == 1.0
    assert knowledge.ties("CSTO", "AZE", "2021-09-12").value == 0.0


def test_fact_text_reads_as_a_sentence_and_possessives_follow_english() -> None:
    from casus.assess import knowledge
    fact = knowledge.Fact("attacker_nuclear", 1.0, "the United States is nuclear-armed (since 1945).")
    assert fact.text.startswith("The United States")
    assert knowledge.possessive("the United States") == "the United States'"
    assert knowledge.possessive("Russia") == "Russia's"
