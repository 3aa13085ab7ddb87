"""(Experiment, not shipped: it lost F1 on fresh text; see scripts/train_type_model.py.) A learned recall supplement: a small per-type sentence classifier adds event types the rules missed.

The model (casus/data/type_model.json, fitted by scripts/train_type_model.py from the shared gold) is
one logistic regression per PLOVER type over the sentence's lower-cased word unigrams and bigrams, with
every actor mention masked to one placeholder. At run time it is scored in pure Python. For a sentence
where P(type) reaches the type's threshold and the rules coded no record of that type, the post-pass adds
records with roles from the mention layer: the first actor is the source and the next distinct actor the
target (both directions for the joint types), the source alone when the sentence names one actor.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from casus.events.sentence import Sentence
from casus.records import CodedEvent

ACTOR = "_actor_"
_TOKEN = re.compile(r"[a-z][a-z'-]*|\d+")
MODEL_PATH = Path(__file__).resolve().parent.parent / "src" / "casus" / "data" / "type_model.json"


@dataclass(frozen=True, slots=True)
class TypeModel:
    """One type's logistic regression: intercept, nonzero weights, decision threshold and record defaults."""

    intercept: float
    weights: dict[str, float]
    threshold: float
    joint: bool = False  # coded in both directions between two parties
    mode: str | None = None
    one_party: bool = False  # the gold codes it with no target (MOBILIZE)


def masked_tokens(sent: Sentence) -> list[str]:
    """The sentence's lower-cased word tokens, each actor mention one ACTOR token (runs of them merged)."""
    low = sent.low
    out: list[str] = []
    pos = 0
    for m in sorted(sent.mentions, key=lambda m: m.start):
        if m.start < pos:
            continue
        out.extend(_TOKEN.findall(low[pos:m.start]))
        if not out or out[-1] != ACTOR:
            out.append(ACTOR)
        pos = m.end
    out.extend(_TOKEN.findall(low[pos:]))
    return ["0" if w.isdigit() else w for w in out]


def features(sent: Sentence, rule_types: Iterable[str] = ()) -> set[str]:
    """Unigrams and bigrams of the masked tokens (presence features), and "rule=T" for each type the rules coded."""
    toks = masked_tokens(sent)
    feats = set(toks)
    feats.update("rule=" + t for t in rule_types)
    feats.update(a + " " + b for a, b in zip(toks, toks[1:]))
    return feats


def probability(model: TypeModel, feats: set[str]) -> float:
    """P(type | sentence) under one type's model."""
    z = model.intercept + sum(model.weights.get(f, 0.0) for f in feats)
    if z < -30.0:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def parse_models(data: dict[str, Any]) -> dict[str, TypeModel]:
    """The per-type models of a weights file's parsed content ({"types": {T: {...}}})."""
    out: dict[str, TypeModel] = {}
    for t, d in data.get("types", {}).items():
        out[t] = TypeModel(float(d["intercept"]), {str(k): float(v) for k, v in d["weights"].items()},
                           float(d.get("threshold", 1.1)), bool(d.get("joint", False)), d.get("mode"),
                           bool(d.get("one_party", False)))
    return out


@lru_cache(maxsize=1)
def shipped_models() -> dict[str, TypeModel]:
    """The shipped models (casus/data/type_model.json), or none when the file is absent."""
    if not MODEL_PATH.exists():
        return {}
    with open(MODEL_PATH, encoding="utf-8") as f:
        return parse_models(json.load(f))


def actor_order(sent: Sentence) -> list[str]:
    """The distinct actor codes of the sentence's mentions, in the order they first appear."""
    seen: list[str] = []
    for m in sorted(sent.mentions, key=lambda m: m.start):
        for c in m.codes:
            if c not in seen:
                seen.append(c)
    return seen


def role_records(event: str, model: TypeModel, actors: list[str]) -> list[CodedEvent]:
    """The records one supplemented type gets from the sentence's actors (see the module docstring)."""
    if not actors:
        return []
    src = actors[0]
    if model.one_party or len(actors) == 1:
        return [CodedEvent(source=src, event=event, mode=model.mode)]
    tgt = actors[1]
    out = [CodedEvent(source=src, event=event, target=tgt, mode=model.mode)]
    if model.joint:
        out.append(CodedEvent(source=tgt, event=event, target=src, mode=model.mode))
    return out


def supplement(sent: Sentence, coded: list[CodedEvent], models: dict[str, TypeModel]) -> list[CodedEvent]:
    """The records to add to a sentence's coded events: for each type whose probability reaches its threshold
    and of which the rules coded no record, records with roles by `role_records`."""
    if not models or not sent.mentions:
        return []
    have = {e.event for e in coded}
    feats: set[str] | None = None
    out: list[CodedEvent] = []
    actors: list[str] | None = None
    for t, model in models.items():
        if t in have or model.threshold > 1.0:
            continue
        if feats is None:
            feats = features(sent)
        if probability(model, feats) >= model.threshold:
            if actors is None:
                actors = actor_order(sent)
            out.extend(role_records(t, model, actors))
    return out
