"""score_events: multiset matching and the accuracies on matched events."""

from __future__ import annotations

import pytest

from casus.evaluate.events import score_events


def rec(**kw: object) -> dict:
    base = {"doc": "d", "sentence": "s", "source": "RUS", "event": "AID", "target": "IRN", "mode": "military",
            "date": None, "modality": "asserted", "negated": False, "attribution": None}
    base.update(kw)
    return base


def test_perfect() -> None:
    gold = [rec(), rec(event="COOPERATE", mode=None)]
    res = score_events(gold, list(gold))
    assert res["overall"]["f1"] == 1.0 and res["mode_accuracy"] == 1.0 and res["negation_accuracy"] == 1.0


def test_multiset_counts_duplicates_once_each() -> None:
    res = score_events([rec(), rec()], [rec()])
    assert res["overall"]["precision"] == 1.0 and res["overall"]["recall"] == 0.5


@pytest.mark.parametrize("field, value, acc", [("mode", "intervention", "mode_accuracy"), ("modality", "hedged", "modality_accuracy"),
                                               ("date", "2025", "date_accuracy")])
def test_accuracy_on_matched(field: str, value: str, acc: str) -> None:
    res = score_events([rec()], [rec(**{field: value})])
    assert res["overall"]["f1"] == 1.0 and res[acc] == 0.0


def test_negation_mismatch_is_not_a_match_but_counts_for_negation_accuracy() -> None:
    res = score_events([rec(negated=True)], [rec()])
    assert res["overall"]["tp"] == 0 and res["negation_total"] == 1 and res["negation_accuracy"] == 0.0


def test_per_type() -> None:
    res = score_events([rec(), rec(event="ASSAULT")], [rec(), rec(event="THREATEN")])
    assert res["per_type"]["AID"]["f1"] == 1.0 and res["per_type"]["ASSAULT"]["recall"] == 0.0
    assert res["per_type"]["THREATEN"]["precision"] == 0.0
