"""Tests for casus.assess.answer, against a small in-memory fake of the store API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from casus.assess import answer as assess_mod
from casus.assess.answer import (
    assess,
    assess_scenario,
    render_scenario_text,
    render_text,
)
from casus.errors import CasusError
from casus.records import FACTORS, RUNGS


class FakeStore:
    """Implements iter_events / iter_claims with the store's date semantics."""

    def __init__(self, events: list[dict[str, Any]] = (), claims: list[dict[str, Any]] = ()) -> None:
        self.events = [self._event(i, e) for i, e in enumerate(events)]
        self.claims = [self._claim(i, c) for i, c in enumerate(claims)]

    @staticmethod
    def _event(i: int, e: dict[str, Any]) -> dict[str, Any]:
        base = {"id": i, "doc": f"doc{i}.txt", "doc_id": f"d{i}", "sentence": f"sentence {i}", "start": 0, "end": 1,
                "mode": None, "target": None, "date": None, "published": "2025-06-20", "modality": "asserted",
                "negated": False, "attribution": None, "site": "example.org", "title": None}
        return {**base, **e}

    @staticmethod
    def _claim(i: int, c: dict[str, Any]) -> dict[str, Any]:
        base = {"doc": f"c{i}.txt", "doc_id": f"c{i}", "sent_index": 0, "sentence": f"claim {i}",
                "published": "2025-06-20", "site": "example.org"}
        return {**base, **c}

    def iter_events(self, source: str | None = None, target: str | None = None, event: str | None = None,
                    modality: str | None = None, since: str | None = None, until: str | None = None,
                    **_: Any) -> Iterator[dict[str, Any]]:
        for e in self.events:
            if (source and e["source"] != source) or (target and e["target"] != target):
                continue
            day = e["date"] or e["published"]
            if until and (day is None or day[: len(until)] > until):
                continue
            yield dict(e)

    def iter_claims(self, patron: str | None = None, client: str | None = None,
                    until: str | None = None) -> Iterator[dict[str, Any]]:
        for c in self.claims:
            if (patron and c["patron"] != patron) or (client and c["client"] != client):
                continue
            if until and (c["published"] is None or c["published"][: len(until)] > until):
                continue
            yield dict(c)


def _monotone(ladder: dict[str, float]) -> bool:
    probs = [ladder[r] for r in RUNGS]
    return all(a >= b for a, b in zip(probs, probs[1:]))


# ---------------------------------------------------------------- shape and shipped knowledge

def test_to_dict_has_the_documented_shape() -> None:
    d = assess(None, "RUS", "IRN", attacker="ISR", as_of="2026-11-22").to_dict()
    assert {"patron", "client", "attacker", "as_of", "verdict", "ladder", "factors", "shift"} <= set(d)
    assert set(d["ladder"]) == set(RUNGS)
    assert [f["factor"] for f in d["factors"]] == list(FACTORS)
    for f in d["factors"]:
        assert {"factor", "direction", "weight", "evidence"} <= set(f)
        assert f["direction"] in ("for", "against", "neutral")
        for e in f["evidence"]:
            assert {"doc", "sentence", "date", "site", "independent_sources", "copies"} <= set(e)
    json.dumps(d)  # JSON-serialisable


def test_flagship_answers_from_shipped_knowledge_alone() -> None:
    a = assess(None, "RUS", "IRN", attacker="ISR", as_of="2026-11-22")
    assert _monotone(a.ladder)
    assert a.ladder["direct"] < 0.25 and a.ladder["statement"] > 0.9
    assert a.ladder == a.knowledge_ladder and a.shift["documents"] == 0
    commitment = next(f for f in a.factors if f.factor == "commitment")
    assert any("tass.com" == e.site for e in commitment.evidence)
    assert "Russia" in a.verdict and "Iran" in a.verdict


@pytest.mark.parametrize("patron,client,attacker", [("CHN", "PRK", "USA"), ("USA", "TWN", "CHN"), ("RUS", "ARM", "AZE")])
def test_non_flagship_dyads_work_from_shipped_knowledge(patron: str, client: str, attacker: str) -> None:
    a = assess(None, patron, client, attacker=attacker, as_of="2026-11-22")
    assert _monotone(a.ladder)
    assert not any(e.kind == "ledger" for f in a.factors for e in f.evidence)  # the ledger is RUS-IRN only
    commitment = next(f for f in a.factors if f.factor == "commitment")
    assert commitment.evidence and commitment.evidence[0].kind == "knowledge"


def test_china_north_korea_treaty_drives_commitment_up() -> None:
    a = assess(None, "CHN", "PRK", attacker="USA", as_of="2026-11-22")
    assert a.features["defense_pact"] == 1.0
    assert next(f for f in a.factors if f.factor == "commitment").direction == "for"
    assert a.ladder["direct"] > assess(None, "RUS", "IRN", attacker="ISR", as_of="2026-11-22").ladder["direct"]


def test_no_attacker_uses_reference_averages() -> None:
    a = assess(None, "RUS", "IRN")
    assert 0 < a.features["attacker_nuclear"] < 1 and "if it is attacked" in a.verdict


# ---------------------------------------------------------------- as_of

def test_as_of_filters_ledger_rows() -> None:
    early = assess(None, "RUS", "IRN", attacker="ISR", as_of="2024-12-31")
    late = assess(None, "RUS", "IRN", attacker="ISR", as_of="2026-11-22")
    early_docs = {e.doc for f in early.factors for e in f.evidence if e.kind == "ledger"}
    assert "casus ledger L05" not in early_docs  # the treaty was signed in 2025
    assert len(early.signals) < len(late.signals)


def test_as_of_filters_store_evidence_by_event_then_published_date() -> None:
    store = FakeStore(events=[
        {"source": "RUS", "event": "AID", "mode": "military", "target": "IRN", "negated": True, "date": "2025-06-18"},
        {"source": "RUS", "event": "AID", "mode": "military", "target": "IRN", "negated": True, "date": "2025-07-10",
         "sentence": "later refusal", "doc_id": "d9"},
        {"source": "RUS", "event": "AID", "mode": "military", "target": "IRN", "negated": True, "date": None,
         "published": "2025-08-01", "sentence": "undated refusal, published later", "doc_id": "d10"},
    ])
    a = assess(store, "RUS", "IRN", attacker="ISR", as_of="2025-06-30")
    assert a.shift["events"] == 1
    b = assess(store, "RUS", "IRN", attacker="ISR", as_of="2025-12-31")
    assert b.shift["events"] == 3


def test_as_of_filters_claims_by_published_date() -> None:
    store = FakeStore(claims=[
        {"patron": "CHN", "client": "PRK", "stance": "against", "factor": "capability", "published": "2030-01-01",
         "sentence": "China is stretched by a war elsewhere."},
    ])
    a = assess(store, "CHN", "PRK", attacker="USA", as_of="2026-11-22")
    assert a.shift["claims"] == 0 and a.shift["features"] == {}


@pytest.mark.parametrize("bad", ["yesterday", "2026/01/01", "26-01-01"])
def test_bad_as_of_raises(bad: str) -> None:
    with pytest.raises(CasusError, match="as-of"):
        assess(None, "RUS", "IRN", as_of=bad)


# ---------------------------------------------------------------- evidence shifts

# Claims move no model feature with the shipped rules (features.yaml evidence.feature_rules is
# empty: see there why); the mechanism is tested with rules passed in.
WAR_ELSEWHERE = [{"factor": "capability", "stance": "against", "feature": "patron_at_war_elsewhere", "toward": 1}]


def _war_claims(texts: list[str], docs: list[str] | None = None) -> list[dict[str, Any]]:
    return [{"patron": "CHN", "client": "PRK", "stance": "against", "factor": "capability",
             "doc_id": (docs or [f"c{i}" for i in range(len(texts))])[i], "sentence": t} for i, t in enumerate(texts)]


def test_claims_move_features_by_independent_sources_when_a_rule_reads_them() -> None:
    claims = _war_claims(["China's army is bogged down in a long war elsewhere.",
                          "Beijing is stretched thin by fighting on another front."])
    out, moves = assess_mod.update_features({"patron_at_war_elsewhere": 0.0}, claims, rules=WAR_ELSEWHERE)
    assert out["patron_at_war_elsewhere"] == pytest.approx(0.3)
    assert [(m["feature"], m["independent_sources"], m["copies"]) for m in moves] == [("patron_at_war_elsewhere", 2, 0)]


def test_copies_count_once() -> None:
    same = "China is stretched by a war on another front."
    out, moves = assess_mod.update_features({"patron_at_war_elsewhere": 0.0}, _war_claims([same] * 3), rules=WAR_ELSEWHERE)
    assert out["patron_at_war_elsewhere"] == pytest.approx(0.15)  # one independent source, not three
    assert (moves[0]["independent_sources"], moves[0]["copies"]) == (1, 2)


def test_feature_moves_are_capped() -> None:
    claims = _war_claims([f"Independent report number {i} says Beijing is fighting elsewhere ({'x' * i})." for i in range(20)])
    out, _ = assess_mod.update_features({"patron_at_war_elsewhere": 0.0}, claims, rules=WAR_ELSEWHERE)
    assert out["patron_at_war_elsewhere"] == pytest.approx(0.6)


def test_shipped_rules_move_no_feature_and_claims_stay_cited() -> None:
    store = FakeStore(claims=[
        {"patron": "CHN", "client": "PRK", "stance": "for", "factor": "commitment", "doc_id": "a",
         "sentence": "Beijing and Pyongyang signed a broad cooperation pact on trade and culture."},
        {"patron": "CHN", "client": "PRK", "stance": "against", "factor": "capability", "doc_id": "b",
         "sentence": "No damage to Chinese bases has been reported."}])
    base = assess(None, "CHN", "PRK", attacker="USA", as_of="2026-11-22")
    a = assess(store, "CHN", "PRK", attacker="USA", as_of="2026-11-22", weight=1.0)
    assert a.features == base.features and a.shift["features"] == {} and a.shift["feature_moves"] == []
    cited = {f.factor: [e.sentence for e in f.evidence if e.kind == "store"] for f in a.factors}
    assert cited["commitment"] == ["Beijing and Pyongyang signed a broad cooperation pact on trade and culture."]
    assert {f.factor: f.independent_sources for f in a.factors if f.factor in ("commitment", "capability")} == \
        {"commitment": 1, "capability": 1}


@pytest.mark.parametrize("event,rung,sign", [
    ({"source": "CHN", "event": "AID", "mode": "military", "target": "PRK", "negated": True}, "materiel", -1),
    ({"source": "CHN", "event": "AID", "mode": "intervention", "target": "PRK", "negated": False, "modality": "future",
      "sentence": "Beijing vowed to defend Pyongyang if Washington attacks."}, "direct", 1),
    ({"source": "CHN", "event": "THREATEN", "mode": "warn", "target": "USA",
      "sentence": "China warned the United States against any attack on North Korea."}, "statement", 1),
    ({"source": "CHN", "event": "AID", "mode": "diplomatic", "target": "PRK"}, "diplomatic", 1),
    ({"source": "CHN", "event": "ASSAULT", "mode": "aerial", "target": "USA",
      "sentence": "Chinese jets struck the American ships off North Korea."}, "direct", 1),
    ({"source": "CHN", "event": "THREATEN", "mode": "military", "target": "USA",
      "sentence": "China threatened force if the United States attacks North Korea."}, "direct", 1),
])
def test_events_shift_specific_rungs(event: dict, rung: str, sign: int) -> None:
    a = assess(FakeStore(events=[event]), "CHN", "PRK", attacker="USA", as_of="2026-11-22")
    assert a.shift["signals"], "the event should match a signal rule"
    shift = sum(s["shift"].get(rung, 0.0) for s in a.shift["signals"])
    assert shift * sign > 0
    assert _monotone(a.ladder)


def test_words_of_support_and_warnings_move_no_top_rung() -> None:
    """Cheap talk (backing, a vague warning, a claim of solidarity) confirms the statement rung only."""
    store = FakeStore(events=[
        {"source": "CHN", "event": "SUPPORT", "mode": "diplomatic", "target": "PRK", "sentence": "Beijing backs Pyongyang."},
        {"source": "CHN", "event": "THREATEN", "mode": "warn", "target": "USA", "doc_id": "d0",
         "sentence": "China warned Washington of consequences over North Korea."}],
        claims=[{"patron": "CHN", "client": "PRK", "stance": "for", "factor": "signal", "sentence": "China stands by its ally."}])
    a = assess(store, "CHN", "PRK", attacker="USA", as_of="2026-11-22", weight=1.0)
    moved = {r for s in a.shift["signals"] for r, v in s["shift"].items() if v}
    assert "statement" in moved and not moved & {"materiel", "intelligence", "direct"}


def test_signal_shift_is_bounded_per_rung() -> None:
    events = [{"source": "CHN", "event": "AID", "mode": "intervention", "target": "PRK", "negated": True,
               "doc_id": f"d{i}", "sentence": f"China will not send troops, report {i} {'y' * i}"} for i in range(30)]
    cap = assess_mod._cfg()["signals"]["rung_cap"]
    a = assess(FakeStore(events=events), "CHN", "PRK", attacker="USA", as_of="2026-11-22")
    total = assess_mod._total_shift(a.signals)
    assert all(abs(v) <= cap for v in total.values())


def test_events_by_other_actors_are_not_signals() -> None:
    store = FakeStore(events=[{"source": "JPN", "event": "AID", "mode": "military", "target": "PRK", "negated": True}])
    a = assess(store, "CHN", "PRK", attacker="USA", as_of="2026-11-22")
    assert a.shift["signals"] == [] and a.shift["events"] == 0


# ---------------------------------------------------------------- errors, text, scenario

@pytest.mark.parametrize("patron,client,attacker", [("russia", "IRN", None), ("RUS", "RUS", None), ("RUS", "IRN", "is rael"),
                                                    ("RUS", "IRN", "IRN")])
def test_bad_codes_raise(patron: str, client: str, attacker: str | None) -> None:
    with pytest.raises(CasusError):
        assess(None, patron, client, attacker=attacker)


def test_render_text_has_verdict_ladder_factors_and_shift() -> None:
    text = render_text(assess(None, "RUS", "IRN", attacker="ISR", as_of="2026-11-22"))
    assert "Response ladder" in text and "Factors" in text and "What ingested evidence says" in text
    for r in RUNGS:
        assert r in text
    for f in FACTORS:
        assert f in text
    assert "tass.com" in text


def test_assess_scenario_from_dict() -> None:
    out = assess_scenario({"patron": "CHN", "client": "PRK", "attacker": "USA", "year": 2026, "defense_pact": 1,
                           "patron_at_war_elsewhere": 0, "patron_ties_with_attacker": 0, "shares_border": 1,
                           "attacker_nuclear": 1, "note": "ignored"})
    assert _monotone(out["ladder"]) and out["most_likely"] in ("none",) + RUNGS
    assert set(out["contributions"]["direct"]) >= {"baseline", "defense_pact"}
    text = render_scenario_text(out)
    assert "Response ladder" in text and "baseline" in text


def test_a_pair_casus_has_no_record_of_reads_average_ties_not_none() -> None:
    from casus.assess import knowledge

    assert knowledge.pair_unrecorded("IND", "ERI", "2025-06-01")
    assert not knowledge.pair_unrecorded("RUS", "ISR", "2025-06-01")      # a ties row
    assert not knowledge.pair_unrecorded("RUS", "USA", "2025-06-01")      # ATOP pledges and disputes
    assert not knowledge.pair_unrecorded("RUS", "HTS", "2024-11-27")      # a non-state attacker keeps 0
    a = assess_mod.assess(None, "IND", "NPL", attacker="ERI", as_of="2025-06-01")
    mean = assess_mod.model_as_of("2025-06-01").means["patron_ties_with_attacker"]
    assert a.features["patron_ties_with_attacker"] == round(mean, 4) and 0 < mean < 1
    known = assess_mod.assess(None, "RUS", "IRN", attacker="ISR", as_of="2025-06-12")
    assert known.features["patron_ties_with_attacker"] == 1.0
