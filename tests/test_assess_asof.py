"""Strict as-of, evidence that earns its weight, uncertainty and reasons (issue 16)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from casus.assess import answer as assess_mod
from casus.assess import knowledge
from casus.assess.answer import _contested, assess, flip_line, update_features, visible
from casus.assess.evidence_fit import loeo
from casus.cli import main
from casus.records import RUNGS
from casus.store.database import Store
from tests.test_assess import FakeStore

EARLY = "2025-05-02\n\nMoscow condemned the Israeli strikes on Iran and called them reckless.\n"
LATE = ("2025-07-20\n\nRussia sent fighter jets to defend Iran against Israel.\n"
        "The Kremlin promised to send troops to protect Iran.\n"
        "Russia delivered air defence systems to Iran.\n")
UNDATED = "Russia warned Israel against any further strikes on Iran.\n"


@pytest.mark.parametrize("date,as_of,expected", [
    ("2025", "2025-06-12", False),       # the year had not ended
    ("2025-06", "2025-06-12", False),    # nor the month
    ("2025-05", "2025-06-12", True),
    ("2024", "2025-06-12", True),
    ("2025-06-12", "2025-06-12", True),
    ("2025-06-13", "2025-06-12", False),
    (None, "2025-06-12", False),
    ("2024-13-45", "2025-06-12", False),  # not a date: never counts
])
def test_partial_dates_count_only_once_their_whole_period_is_over(date: str | None, as_of: str, expected: bool) -> None:
    assert knowledge.on_or_before(date, as_of) is expected


def _ingest(tmp_path: Path, texts: dict[str, str]) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "t.db"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def _answer(db: Path, **kw: Any) -> dict[str, Any]:
    with Store(db, readonly=True) as store:
        return assess(store, "RUS", "IRN", attacker="ISR", as_of="2025-06-12", **kw).to_dict()


def test_an_article_published_after_the_as_of_date_changes_nothing(tmp_path: Path) -> None:
    before = _answer(_ingest(tmp_path / "a", {"early.txt": EARLY}), weight=1.0)
    after = _answer(_ingest(tmp_path / "b", {"early.txt": EARLY, "late.txt": LATE}), weight=1.0)
    assert before == after
    cited = {e["doc"] for f in after["factors"] for e in f["evidence"] if e["kind"] == "store"}
    assert "late.txt" not in cited


def test_the_late_article_is_read_once_the_date_has_passed(tmp_path: Path) -> None:
    db = _ingest(tmp_path, {"early.txt": EARLY, "late.txt": LATE})
    with Store(db, readonly=True) as store:
        a = assess(store, "RUS", "IRN", attacker="ISR", as_of="2025-08-01", weight=1.0)
    assert a.shift["documents"] == 2


def test_undated_documents_are_left_out_and_counted_unless_included(tmp_path: Path) -> None:
    db = _ingest(tmp_path, {"early.txt": EARLY, "undated.txt": UNDATED})
    strict = _answer(db)
    assert strict["as_of_view"]["left_out_undated"] == 1 and strict["shift"]["documents"] == 1
    assert any("undated" in n for n in strict["notes"])
    loose = _answer(db, include_undated=True)
    assert loose["as_of_view"]["left_out_undated"] == 0 and loose["shift"]["documents"] == 2


def test_cli_include_undated_flag(tmp_path: Path) -> None:
    db = _ingest(tmp_path, {"undated.txt": UNDATED})
    args = ["assess", "RUS", "IRN", "--attacker", "ISR", "--as-of", "2025-06-12", "--db", str(db), "--format", "json"]
    strict = CliRunner().invoke(main, args)
    loose = CliRunner().invoke(main, args + ["--include-undated"])
    assert strict.exit_code == loose.exit_code == 0
    assert '"left_out_undated": 1' in strict.output and '"left_out_undated": 0' in loose.output


@pytest.mark.parametrize("pub,own,as_of,why", [
    ("2025-05-01", None, "2025-06-12", None),
    ("2025-07-01", None, "2025-06-12", "later"),
    ("2025", None, "2025-06-12", "later"),
    (None, "2025-05-01", "2025-06-12", "undated"),
    ("2025-05-01", "2025-08-01", "2025-06-12", "later"),  # a planned event dated after the as-of
    ("2025-07-01", None, None, None),                     # no as-of: everything counts
])
def test_visibility_of_a_record(pub: str | None, own: str | None, as_of: str | None, why: str | None) -> None:
    assert visible({"published": pub, "date": own}, as_of) == why


def test_the_model_is_refitted_on_cases_known_by_the_date() -> None:
    a = assess(None, "RUS", "IRN", attacker="ISR", as_of="2025-06-12")
    assert a.model["cases"] == len(knowledge.cases(as_of="2025-06-12")) < len(knowledge.cases())
    assert a.model["through"] <= "2025-06-12" and a.interval["direct"][0] <= a.ladder["direct"] <= a.interval["direct"][1]
    cited = [e.doc for f in a.factors if f.factor == "precedent" for e in f.evidence]
    assert not any(c.endswith(("RUS-IRN-2025", "RUS-IRN-2026")) for c in cited)


def test_knowledge_notes_written_from_later_sources_are_hidden() -> None:
    fact = knowledge.ties("RUS", "ISR", "2025-06-12")
    assert fact.value == 1.0 and "June 2025" not in fact.text
    assert "June 2025" in knowledge.ties("RUS", "ISR", "2025-07-01").text
    war = knowledge.at_war_elsewhere("RUS", "IRN", "ISR", "2025-06-12")
    assert war.value == 1.0 and "2026" not in war.text.split("(casus")[0]


def test_precedents_nearest_in_features_come_first() -> None:
    a = assess(None, "RUS", "IRN", attacker="ISR", as_of="2025-06-12")
    prec = next(f for f in a.factors if f.factor == "precedent").evidence
    dists = [int(e.sentence.rsplit("(differs on ", 1)[1].split(" ")[0]) for e in prec]
    assert dists == sorted(dists) and len(prec) >= 3


def test_what_would_change_flips_features_and_ranks_by_size() -> None:
    a = assess(None, "RUS", "IRN", attacker="ISR", as_of="2025-06-12")
    flips = a.what_would_change
    assert 1 <= len(flips) <= 3
    assert [f["size"] for f in flips] == sorted((f["size"] for f in flips), reverse=True)
    assert all(set(f["delta"]) == set(RUNGS) and f["flipped_to"] in (0.0, 1.0) for f in flips)


def test_a_report_and_its_denial_are_contested_not_cancelled() -> None:
    report = {"source": "CHN", "event": "COOPERATE", "mode": "intelligence", "target": "PRK", "negated": False,
              "doc_id": "d1", "sentence": "China passed satellite images of US ships to Pyongyang."}
    denial = {"source": "CHN", "event": "COOPERATE", "mode": "intelligence", "target": "PRK", "negated": True,
              "doc_id": "d2", "sentence": "Beijing said it had shared no intelligence with North Korea."}
    a = assess(FakeStore(events=[report, denial]), "CHN", "PRK", attacker="USA", as_of="2026-11-22", weight=1.0)
    assert any("intelligence" in c["fact"] for c in a.contested)
    both = {s["name"]: s for s in a.shift["signals"]}
    assert both["intelligence shared"]["contested"] and both["intelligence denied"]["contested"]
    net = both["intelligence shared"]["shift"]["intelligence"] + both["intelligence denied"]["shift"]["intelligence"]
    assert net > 0  # the denial counts, but less than an independent report


def test_one_document_is_one_source_per_factor() -> None:
    said = ["Beijing is bogged down in a war elsewhere.", "China's forces are tied up on another front.",
            "The PLA is stretched by fighting far away."]
    claims = [{"patron": "CHN", "client": "PRK", "stance": "against", "factor": "capability",
               "doc_id": "same", "doc": "one.html", "sentence": t} for t in said]
    rules = [{"factor": "capability", "stance": "against", "feature": "patron_at_war_elsewhere", "toward": 1}]
    out, _ = update_features({"patron_at_war_elsewhere": 0.0}, claims, rules=rules)
    assert out["patron_at_war_elsewhere"] == pytest.approx(0.15)


def test_for_and_against_claims_are_kept_apart_and_flagged() -> None:
    claims = [{"patron": "CHN", "client": "PRK", "stance": "for", "factor": "commitment", "doc_id": "a",
               "sentence": "The treaty obliges Beijing to fight for Pyongyang."},
              {"patron": "CHN", "client": "PRK", "stance": "against", "factor": "commitment", "doc_id": "b",
               "sentence": "Chinese scholars say the old treaty no longer binds anyone."}]
    rules = [{"factor": "commitment", "stance": "for", "feature": "defense_pact", "toward": 1},
             {"factor": "commitment", "stance": "against", "feature": "defense_pact", "toward": 0}]
    out, moves = update_features({"defense_pact": 0.5}, claims, rules=rules)
    assert {m["stance"] for m in moves} == {"for", "against"} and all(m["contested"] for m in moves)
    assert _contested([], moves) == [{"fact": "defense_pact", "kind": "feature", "sources": {"towards 1": 1, "towards 0": 1}}]
    assert out["defense_pact"] == pytest.approx(0.5)  # one source each way: neither side is netted away unseen


def test_only_events_between_patron_and_client_or_attacker_are_read() -> None:
    other = {"source": "RUS", "event": "AID", "mode": "military", "target": "UKR", "negated": True}
    towards = {"source": "IRN", "event": "CONSULT", "target": "RUS"}
    a = assess(FakeStore(events=[other, towards]), "RUS", "IRN", attacker="ISR", as_of="2026-11-22")
    assert a.shift["events"] == 1


def test_patron_and_attacker_count_only_in_a_story_about_the_client() -> None:
    elsewhere = {"source": "RUS", "event": "ACCUSE", "mode": "disapprove", "target": "USA", "doc_id": "ven",
                 "sentence": "Moscow condemned the American raid on Caracas."}
    here = {"source": "RUS", "event": "ACCUSE", "mode": "disapprove", "target": "USA", "doc_id": "irn",
            "sentence": "Moscow condemned the American strikes."}
    context = {"source": "RUS", "event": "CONSULT", "target": "IRN", "doc_id": "irn",
               "sentence": "Putin spoke with the Iranian president by phone."}
    named = {"source": "RUS", "event": "ACCUSE", "mode": "disapprove", "target": "USA", "doc_id": "other",
             "sentence": "The Kremlin denounced the American bombing of Iran."}
    a = assess(FakeStore(events=[elsewhere, here, context, named]), "RUS", "IRN", attacker="USA", as_of="2026-11-22")
    read = {e.sentence for f in a.factors for e in f.evidence if e.kind == "store"}
    assert "Moscow condemned the American raid on Caracas." not in read
    assert {"Moscow condemned the American strikes.", "The Kremlin denounced the American bombing of Iran."} <= read
    assert a.shift["events"] == 3


def test_fighting_counts_only_against_this_attacker() -> None:
    """The patron's forces defending the client in a story about another enemy say little about this one."""
    def store(with_attacker: bool) -> FakeStore:
        fought = {"source": "USA", "event": "AID", "mode": "intervention", "target": "ISR", "doc_id": "d",
                  "sentence": "American warships shot down the missiles fired at Israel."}
        attack = {"source": "HEZBOLLAH" if with_attacker else "IRN", "event": "ASSAULT", "mode": "aerial",
                  "target": "ISR", "doc_id": "d", "sentence": "Missiles were fired at Israel."}
        return FakeStore(events=[fought, attack])
    other = assess(store(False), "USA", "ISR", attacker="HEZBOLLAH", as_of="2026-11-22", weight=1.0)
    this = assess(store(True), "USA", "ISR", attacker="HEZBOLLAH", as_of="2026-11-22", weight=1.0)
    assert "forces in action" not in {s["name"] for s in other.shift["signals"]}
    assert {s["name"] for s in this.shift["signals"]} == {"forces in action"}
    assert this.ladder["direct"] > other.ladder["direct"]


def test_a_pledge_counts_less_than_forces_in_action() -> None:
    def direct(modality: str) -> float:
        ev = {"source": "CHN", "event": "AID", "mode": "intervention", "target": "PRK", "modality": modality,
              "sentence": "Chinese forces defend Pyongyang against the United States."}
        return sum(s["shift"].get("direct", 0.0) for s in assess(FakeStore(events=[ev]), "CHN", "PRK", attacker="USA",
                                                                   as_of="2026-11-22").shift["signals"])
    assert 0 < direct("future") < direct("asserted")


def test_a_sentence_read_as_an_event_is_not_counted_again_as_a_claim() -> None:
    text = "Beijing voiced firm support for Pyongyang."
    store = FakeStore(events=[{"source": "CHN", "event": "SUPPORT", "mode": "diplomatic", "target": "PRK", "doc_id": "s",
                               "sentence": text}],
                      claims=[{"patron": "CHN", "client": "PRK", "stance": "for", "factor": "signal", "doc_id": "s",
                               "sentence": text}])
    a = assess(store, "CHN", "PRK", attacker="USA", as_of="2026-11-22", weight=1.0)
    assert [s["name"] for s in a.shift["signals"]] == ["diplomatic backing"]


def test_one_document_is_one_source_per_rung_across_signal_rules() -> None:
    def statement(docs: tuple[str, str]) -> float:
        store = FakeStore(events=[{"source": "CHN", "event": "ACCUSE", "mode": "disapprove", "target": "USA", "doc_id": docs[0],
                                   "sentence": "Beijing condemned the American strikes on North Korea."}],
                          claims=[{"patron": "CHN", "client": "PRK", "stance": "for", "factor": "signal", "doc_id": docs[1],
                                   "sentence": "China stands with its neighbour."}])
        a = assess(store, "CHN", "PRK", attacker="USA", as_of="2026-11-22", weight=1.0)
        return sum(s["shift"].get("statement", 0.0) for s in a.shift["signals"])
    rules = {r["name"]: r for r in assess_mod._cfg()["signals"]["rules"]}
    condemn = rules["condemns the attacker"]["shift"]["statement"]
    assert statement(("one", "one")) == pytest.approx(condemn)  # the claim in the same article adds nothing
    assert statement(("one", "two")) > condemn


def test_a_zero_evidence_weight_leaves_the_knowledge_answer_and_says_so() -> None:
    store = FakeStore(events=[{"source": "CHN", "event": "AID", "mode": "intervention", "target": "PRK",
                               "sentence": "Chinese troops fought American forces to defend North Korea."}])
    a = assess(store, "CHN", "PRK", attacker="USA", as_of="2026-11-22", weight=0.0)
    assert a.ladder == a.knowledge_ladder
    assert any("zero weight" in n for n in a.notes)
    full = assess(store, "CHN", "PRK", attacker="USA", as_of="2026-11-22", weight=1.0)
    assert full.ladder["direct"] > a.ladder["direct"]


def test_loeo_keeps_evidence_only_when_it_helps() -> None:
    helps = [{"knowledge": {r: 0.0 for r in RUNGS}, "evidence": {r: 2.0 for r in RUNGS}, "rung": "direct"}] * 4
    hurts = [{"knowledge": {r: 0.0 for r in RUNGS}, "evidence": {r: 2.0 for r in RUNGS}, "rung": "none"}] * 4
    assert loeo(helps)["weight"] > 0
    out = loeo(hurts)
    assert out["weight"] == 0.0 and out["evidence_brier"] <= out["knowledge_brier"]


@pytest.mark.parametrize("a,b,as_of,expected", [
    ("TUR", "AZE", "2025-01-01", 1.0),   # via Nakhchivan
    ("RUS", "IRN", "2025-01-01", 0.0),   # across the Caspian only
    ("USA", "MEX", "2025-01-01", 1.0),
    ("SDN", "SSD", "2011-01-01", 0.0),   # South Sudan not yet independent
    ("SDN", "SSD", "2012-01-01", 1.0),
])
def test_borders_from_cow_contiguity(a: str, b: str, as_of: str, expected: float) -> None:
    assert knowledge.shares_border(a, b, as_of).value == expected


def test_organisations_answer_through_members_and_nonstate_patrons_warn() -> None:
    nato = assess(None, "NATO", "POL", attacker="RUS", as_of="2025-09-10")
    assert nato.features["defense_pact"] == 1.0 and any("organisation" in n for n in nato.notes)
    assert assess(None, "EU", "GBR", attacker="RUS", as_of="2021-01-01").features["defense_pact"] == 0.0  # left in 2020
    wagner = assess(None, "WAGNER", "CAF", attacker=None, as_of="2024-01-01")
    assert any(n.startswith("Warning") for n in wagner.notes)


def test_us_wars_2001_2021_count_as_at_war_elsewhere() -> None:
    assert knowledge.at_war_elsewhere("USA", "TWN", "CHN", "2005-06-01").value == 1.0
    assert knowledge.at_war_elsewhere("USA", "TWN", "CHN", "2023-06-01").value == 0.0


def test_the_answer_uses_the_model_fitted_as_of_the_date(monkeypatch: pytest.MonkeyPatch) -> None:
    from casus.assess import answer as assess_mod

    seen: list[Any] = []
    real = assess_mod.model.fit
    monkeypatch.setattr(assess_mod.model, "fit", lambda *a, **k: seen.append(k.get("as_of")) or real(*a, **k))
    assess(None, "RUS", "IRN", attacker="ISR", as_of="2024-03-01")
    assert seen == ["2024-03-01"]


def test_a_border_that_ended_does_not_count_today() -> None:
    assert knowledge.shares_border("RUS", "IRN").value == 0.0          # the Soviet-Iranian land border ended in 1991
    assert knowledge.shares_border("RUS", "IRN", "1980-01-01").value == 1.0


def test_treaty_conditions_mentioning_later_events_are_hidden() -> None:
    early = knowledge.defense_pact("USA", "GBR", "ARG", "1960-01-01")
    assert early.value == 1.0 and "Falklands" not in early.text
    assert "Falklands" in knowledge.defense_pact("USA", "GBR", "ARG", "1990-01-01").text



YEAR_ONLY = "---\npublished: 2025\n---\nRussia delivered air defence systems to Iran.\n"


def test_the_report_shows_nothing_invisible_as_of_the_date(tmp_path: Path) -> None:
    """The report's timeline and claim clusters follow the assessment's strict as-of rule: no later article,
    and no year-only article before its year is over."""
    from casus.outputs.report import build_context

    db = _ingest(tmp_path, {"early.txt": EARLY, "late.txt": LATE, "year.md": YEAR_ONLY})
    with Store(db, readonly=True) as store:
        ctx = build_context(store, "RUS", "IRN", attacker="ISR", as_of="2025-06-12")
        later = build_context(store, "RUS", "IRN", attacker="ISR", as_of="2026-01-31")
    assert ctx["timeline"]["store_events"] == 0 and "late.txt" not in repr(ctx) and "year.md" not in repr(ctx)
    assert later["timeline"]["store_events"] >= 2 and "late.txt" in repr(later)


def test_organisation_capability_counts_its_members() -> None:
    from casus.assess import model

    nato = model.derived_features("NATO", "RUS", 2025, "2025-09-10")
    assert nato["patron_major"] == 1.0 and nato["capability_share"] > 0.5
    serb = model.derived_features("RUS", "NATO", 1999)  # NATO as the attacker
    assert serb["capability_share"] < 0.5


def test_an_unlisted_attacker_is_answered_with_a_note() -> None:
    a = assess(None, "FRA", "TCD", attacker="UNLISTED_REBELS", as_of="2019-02-02")
    assert a.features["capability_share"] == 1.0
    assert any("no record of the attacker UNLISTED_REBELS" in n for n in a.notes)


def test_a_flip_line_names_the_fact_and_says_when_the_top_rung_stays() -> None:
    flip = {"feature": "shares_border", "now": 0.0, "flipped_to": 1.0, "most_likely_now": "diplomatic",
            "most_likely_flipped": "diplomatic", "delta": {"direct": 0.17, "materiel": 0.1, "diplomatic": -0.01}}
    line = flip_line(flip)
    assert line.startswith("  patron and client share a land border (shares_border) no -> yes: direct +17%")
    assert line.endswith("most likely highest response stays diplomatic")
    moved = flip_line({**flip, "most_likely_flipped": "direct"})
    assert moved.endswith("most likely highest response diplomatic -> direct")
