"""Standing deployments and arms flows (standing.yaml): the rule, strict as-of, and how the model uses them."""

from __future__ import annotations

from casus.assess import knowledge, ladder, model


def test_table_follows_its_rule() -> None:
    assert knowledge.standing_problems() == []


def test_withdrawn_forces_are_absent_and_returned_forces_present() -> None:
    assert knowledge.forces_present("USA", "KOR", "1950-06-01").value == 0.0
    assert knowledge.forces_present("USA", "KOR", "1951-01-01").value == 1.0


def test_a_start_counts_only_once_its_month_is_over() -> None:
    # the radar row starts 2008-09 since it was checked (BBC, 29 September 2008)
    assert knowledge.forces_present("USA", "ISR", "2008-09-15").value == 0.0
    fact = knowledge.forces_present("USA", "ISR", "2008-10-01")
    assert fact.value == 1.0 and fact.sources and "checked against:" in fact.text
    assert "needs checking" not in fact.text


def test_a_partly_checked_row_cites_its_pages_and_still_says_it_needs_checking() -> None:
    # the Turkish bases in northern Iraq: pages confirm the presence, not whether it began in 1995 or 1997
    fact = knowledge.forces_present("TUR", "IRQ", "2005-06-01")
    assert fact.value == 1.0 and "needs checking" in fact.text and "checked against" in fact.text


def test_a_checked_row_cites_its_pages_and_drops_the_warning() -> None:
    fact = knowledge.forces_present("USA", "KOR", "1960-01-01")
    assert fact.value == 1.0 and "checked against" in fact.text and "needs checking" not in fact.text


def test_checked_entries_must_name_url_title_and_what_they_confirm() -> None:
    good = {"checked": [{"url": "https://example.org/a", "title": "A page", "confirms": "the start year"}]}
    assert knowledge._checked_problems(good) == []
    assert knowledge._checked_problems({}) == []
    assert knowledge._checked_problems({"checked": []})
    assert knowledge._checked_problems({"checked": [{"url": "https://example.org/a", "title": "A page"}]})
    assert knowledge._checked_problems({"checked": [{"url": "example.org", "title": "A", "confirms": "x"}]})
    assert knowledge._checked_problems({"checked": [{"url": "https://example.org", "title": " ", "confirms": "x"}]})


def test_advisers_are_not_forces() -> None:
    fact = knowledge.forces_present("USA", "UKR", "2020-06-01")
    assert fact.value == 0.0 and "only advisers" in fact.text


def test_arms_flow_reaches_three_years_back() -> None:
    assert knowledge.arms_flowing("USA", "PAK", "1967-06-01").value == 1.0
    assert knowledge.arms_flowing("USA", "PAK", "1969-06-01").value == 0.0
    assert knowledge.arms_flowing("CHN", "PAK", "1965-09-01").value == 0.0


def test_an_organisation_counts_through_its_members() -> None:
    fact = knowledge.forces_present("NATO", "EST", "2020-01-01")
    assert fact.value == 1.0 and "its member" in fact.text


def test_case_codings_come_from_the_table() -> None:
    cases = {c["id"]: c for c in ladder.hand_cases()}
    for cid, c in cases.items():
        want = ladder.standing_values(c["patron"], c["client"], ladder.eve(c))
        assert (c["forces_present"], c["arms_flowing"]) == (want["forces_present"], want["arms_flowing"]), cid
    assert cases["USA-TWN-1958"]["forces_present"] == 1.0
    assert cases["USA-GBR-1940"]["forces_present"] == 0.0


def test_a_direct_only_feature_moves_no_lower_rung() -> None:
    m = model.default_model()
    for f, spec in ladder.settings()["features"].items():
        if spec.get("rungs") == ["direct"] and f in m.features:
            assert all(m.rungs[r].coef[f] == 0.0 for r in m.rungs if r != "direct")


def test_forces_next_door_count_as_nearby_not_present() -> None:
    assert knowledge.forces_present("RUS", "IRN", "2025-06-12").value == 0.0
    fact = knowledge.forces_nearby("RUS", "IRN", "2025-06-12")
    assert fact.value == 1.0 and "land neighbour" in fact.text


def test_every_case_and_dev_pair_is_covered_in_both_tables() -> None:
    meta = knowledge.load_data("standing.yaml")
    cover = {(r["patron"], r["host"], "deployments") for r in meta["deployments"]}
    cover |= {(r["supplier"], r["recipient"], "arms") for r in meta["arms"]}
    cover |= {(r["patron"], r["client"], r["table"]) for r in meta["checked_none"]}
    pairs = {(c["patron"], c["client"]) for c in knowledge.load_data("cases.yaml")["cases"]}
    pairs |= {(e["patron"], e["client"]) for e in knowledge.load_data("dev_episodes.yaml")["episodes"]}
    missing = [(p, c, t) for p, c in sorted(pairs) for t in ("deployments", "arms") if (p, c, t) not in cover]
    assert missing == []
