"""Assess one scenario: will PATRON come to CLIENT's defence if ATTACKER strikes?

Steps, each visible in the output:
1. Scenario features from shipped knowledge (treaties, wars, ties, borders,
   nuclear states; `casus.knowledge`), scored by the fitted ladder model.
2. The curated ledger (shipped) adds bounded per-rung signal shifts; 1 + 2 is the
   answer from shipped knowledge alone.
3. Evidence in the store moves features (claims, per independent source, capped)
   and adds signal shifts (events, claims); `shift` reports what it changed.
Every rule and size is data in features.yaml; nothing is written per dyad.

Example:
    >>> from casus.assess import assess, render_text
    >>> a = assess(None, "CHN", "PRK", attacker="USA", as_of="2026-11-22")
    >>> sorted(a.ladder) == sorted(["statement", "diplomatic", "economic", "materiel", "intelligence", "direct"])
    True
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol
from urllib.parse import urlparse

from casus import knowledge, model
from casus.errors import CasusError
from casus.records import FACTORS, RUNGS

MAX_EVIDENCE = 8
# Most records of one kind clustered into independent sources: on a store of
# millions of events, the most recent ones; the rest count as omitted. Signal
# units are capped far below this, so the ladder does not change.
MAX_CLUSTERED = 200
# The patron's most recent events (towards anyone) read as factor evidence; events towards
# the client or the attacker are all read.
MAX_RECENT_EVENTS = 2000
DIRECTION_EPS = 0.05
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class StoreLike(Protocol):
    """The part of casus.store.Store that assess reads."""

    def iter_events(self, **kw: Any) -> Iterable[dict[str, Any]]: ...

    def iter_claims(self, **kw: Any) -> Iterable[dict[str, Any]]: ...


@dataclass(slots=True)
class Evidence:
    """One cited item behind a factor."""

    doc: str
    sentence: str
    date: str | None
    site: str | None
    independent_sources: int = 1
    copies: int = 0
    kind: str = "store"  # knowledge | ledger | case | store
    stance: str | None = None
    url: str | None = None
    push: str = "context"  # raises | lowers | context: which way this item moves P (set by build_factors)


PUSHES = ("raises", "lowers", "context")


def _push(value: float) -> str:
    """The way a log-odds change moves P: raises, lowers, or (about zero) context."""
    if value > DIRECTION_EPS:
        return "raises"
    if value < -DIRECTION_EPS:
        return "lowers"
    return "context"


def set_pushes(items: Mapping[str, Iterable[Evidence]], feature_push: Mapping[str, float],
               signals: Iterable[Mapping[str, Any]], facts: Mapping[str, Any]) -> None:
    """Say, per factor, which way each of its evidence items pushes P(defence).

    Under `signal`, an item by the sign of its signal's shift; a shipped fact by
    the sign of its feature's contribution summed over the rungs; a claim that a
    feature rule (features.yaml evidence.feature_rules) reads, by its stance (for
    raises, against lowers). Everything else (ledger rows and events cited for
    reading, claims no rule reads, reference cases the model learned from) is context.
    """
    by_text = {fact.text: _push(feature_push.get(feat, 0.0)) for feat, fact in facts.items()}
    signal_push = {(e.doc, e.sentence): _push(sum(s["shift"].values())) for s in signals for e in s["evidence"]}
    rules = {(r["factor"], r["stance"]) for r in _cfg()["evidence"]["feature_rules"]}
    for factor, evidence in items.items():
        for e in evidence:
            if factor == "signal":
                e.push = signal_push.get((e.doc, e.sentence), "context")
            elif e.kind == "knowledge":
                e.push = by_text.get(e.sentence, "context")
            elif e.kind == "store" and (factor, e.stance) in rules:
                e.push = "raises" if e.stance == "for" else "lowers"
            else:
                e.push = "context"


@dataclass(slots=True)
class Factor:
    """A factor's net push (log-odds per rung) and the evidence behind it."""

    factor: str
    direction: str
    weight: float
    per_rung: dict[str, float]
    evidence: list[Evidence] = field(default_factory=list)
    independent_sources: int = 0
    copies: int = 0
    omitted: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Assessment:
    """The answer for one scenario, with reasons, citations and what evidence changed."""

    patron: str
    client: str
    attacker: str | None
    as_of: str
    verdict: str
    ladder: dict[str, float]
    factors: list[Factor]
    shift: dict[str, Any]
    features: dict[str, float]
    knowledge_ladder: dict[str, float]
    contributions: dict[str, dict[str, float]]
    signals: list[dict[str, Any]]
    most_likely: str
    interval: dict[str, list[float]] = field(default_factory=dict)   # rung -> [lo, hi], bootstrap (model.interval)
    model: dict[str, Any] = field(default_factory=dict)              # the reference class: {"cases", "episodes", "through"}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: patron, client, attacker, as_of, verdict, ladder, factors, shift, ..."""
        out = asdict(self)
        out["factors"] = [asdict(f) for f in self.factors]
        return out


# ---------------------------------------------------------------- small helpers

def _cfg() -> dict[str, Any]:
    return knowledge.load_data("features.yaml")


def site_of(url: str | None) -> str | None:
    """The host of a URL without 'www.'."""
    if not url or "://" not in url:
        return None
    host = urlparse(url).netloc.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def _record_date(rec: Mapping[str, Any]) -> str | None:
    return rec.get("date") or rec.get("published")


def _check_as_of(as_of: str | None) -> tuple[str, bool]:
    if as_of is None:
        return knowledge.today(), False
    if not isinstance(as_of, str) or not _DATE.match(as_of):
        raise CasusError(f"--as-of {as_of!r} is not a date: use YYYY-MM-DD, e.g. 2025-06-30")
    return as_of, True


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-35.0, min(35.0, z))))


def _modality_weight(rec: Mapping[str, Any]) -> float:
    weights = _cfg()["evidence"]["modality_weight"]
    return float(weights.get(rec.get("modality") or "asserted", 1.0))


# ---------------------------------------------------------------- corroboration

def _cluster(items: list[tuple[str, str, str]]) -> dict[str, str]:
    """Near-duplicate clusters (casus.corroborate), or exact normalised text as a fallback."""
    if not items:
        return {}
    try:
        from casus.corroborate import cluster_sentences
    except ImportError:
        return {key: " ".join(re.findall(r"\w+", text.lower())) for key, _src, text in items}
    return {k: str(v) for k, v in cluster_sentences(items).items()}


def _group(records: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Group records into clusters of copies; each group is one independent source."""
    items = [(str(i), str(r.get("doc_id") or r.get("doc") or i), r.get("sentence") or "") for i, r in enumerate(records)]
    ids = _cluster(items)
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i, r in enumerate(records):
        groups[ids.get(str(i), str(i))].append(r)
    return list(groups.values())


def _most_recent(records: list[dict[str, Any]], n: int = MAX_CLUSTERED) -> list[dict[str, Any]]:
    """At most n records, the most recently dated first (undated last), else in their order."""
    if len(records) <= n:
        return records
    return sorted(records, key=lambda r: _record_date(r) or "", reverse=True)[:n]


def _units(groups: list[list[dict[str, Any]]]) -> float:
    """Evidence units: one per independent source, weighted by its strongest modality."""
    return sum(max(_modality_weight(r) for r in g) for g in groups)


def _evidence_from_group(group: list[dict[str, Any]], kind: str = "store") -> Evidence:
    """One evidence item for a cluster: its first record, with the cluster's other members as copies."""
    rep = group[0]
    return Evidence(doc=str(rep.get("doc") or ""), sentence=str(rep.get("sentence") or ""), date=_record_date(rep),
                    site=rep.get("site"), independent_sources=1, copies=len(group) - 1, kind=kind,
                    stance=rep.get("stance"), url=rep.get("url"))


# ---------------------------------------------------------------- reading evidence

def _ledger_records(patron: str, client: str, as_of: str) -> list[dict[str, Any]]:
    rows = []
    for row in knowledge.ledger(patron, client, until=as_of):
        url = row["sources"][0] if row.get("sources") else None
        rows.append({**row, "doc": f"casus ledger {row['id']}", "doc_id": f"ledger:{row['id']}", "sentence": row["description"],
                     "site": site_of(url), "url": url, "published": None})
    return rows


def _store_events(store: StoreLike | None, patron: str, until: str | None, client: str | None = None,
                  attacker: str | None = None) -> list[dict[str, Any]]:
    """The patron's events: every one towards the client or the attacker (signals read these), and the
    MAX_RECENT_EVENTS newest towards anyone (factor evidence), so a store of millions stays quick."""
    if store is None:
        return []
    queries: list[dict[str, Any]] = [{"target": t} for t in (client, attacker) if t]
    queries.append({"limit": MAX_RECENT_EVENTS, "newest_first": True} if client else {})
    rows, seen = [], set()
    for query in queries:
        for rec in store.iter_events(source=patron, until=until, **query):
            key = rec.get("id") if rec.get("id") is not None else tuple(sorted((k, repr(v)) for k, v in rec.items()))
            if key in seen:
                continue
            seen.add(key)
            d = _record_date(rec)
            if until and d and not knowledge.on_or_before(d, until):
                continue
            rows.append(dict(rec))
    return rows


def _store_claims(store: StoreLike | None, patron: str, client: str, until: str | None) -> list[dict[str, Any]]:
    if store is None:
        return []
    rows = []
    for rec in store.iter_claims(patron=patron, client=client, until=until):
        if until and not (rec.get("published") and knowledge.on_or_before(rec["published"], until)):
            continue
        rows.append(dict(rec))
    return rows


# ---------------------------------------------------------------- signals

def _target_role(rec: Mapping[str, Any], client: str, attacker: str | None, patron: str) -> str | None:
    target = rec.get("target")
    if target == client:
        return "client"
    if attacker and target == attacker:
        return "attacker"
    # A ledger row about this client: an act against a co-attacker counts as towards the attacker.
    if rec.get("about") == client and target not in (client, patron, None) and rec.get("event") in ("ACCUSE", "THREATEN"):
        return "attacker"
    return None


def _matches(rule: Mapping[str, Any], rec: Mapping[str, Any], role: str | None) -> bool:
    m = rule["match"]
    if rec.get("event") != m["event"]:
        return False
    if "mode" in m and rec.get("mode") != m["mode"]:
        return False
    if bool(rec.get("negated")) != bool(m.get("negated", False)):
        return False
    return role == m["target"]


def signal_shifts(records: list[dict[str, Any]], patron: str, client: str, attacker: str | None) -> list[dict[str, Any]]:
    """Per signal rule: matching records (grouped into independent sources) and the log-odds shift per rung."""
    out = []
    for rule in _cfg()["signals"]["rules"]:
        hits = [r for r in records if r.get("source") == patron and _matches(rule, r, _target_role(r, client, attacker, patron))]
        if not hits:
            continue
        hits = _most_recent(hits)
        groups = _group(hits)
        units = min(float(rule.get("cap", 2)), _units(groups))
        out.append({"name": rule["name"], "rationale": rule["rationale"], "units": round(units, 3),
                    "independent_sources": len(groups), "copies": len(hits) - len(groups),
                    "shift": {r: round(v * units, 4) for r, v in rule["shift"].items()},
                    "evidence": [_evidence_from_group(g, "ledger" if g[0].get("doc_id", "").startswith("ledger:") else "store")
                                 for g in groups]})
    return out


def claim_signal_shifts(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claims with factor `signal` nudge the top rungs (features.yaml claim_rules)."""
    out = []
    for rule in _cfg()["signals"]["claim_rules"]:
        hits = [c for c in claims if c.get("factor") == "signal" and c.get("stance") == rule["stance"]]
        if not hits:
            continue
        groups = _group(hits)
        units = min(float(rule.get("cap", 3)), float(len(groups)))
        out.append({"name": f"signal claims ({rule['stance']})", "rationale": "What is said now about the patron's intentions.",
                    "units": units, "independent_sources": len(groups), "copies": len(hits) - len(groups),
                    "shift": {r: round(v * units, 4) for r, v in rule["shift"].items()},
                    "evidence": [_evidence_from_group(g) for g in groups]})
    return out


def _total_shift(signals: list[dict[str, Any]]) -> dict[str, float]:
    cap = float(_cfg()["signals"]["rung_cap"])
    total = {r: 0.0 for r in RUNGS}
    for s in signals:
        for r, v in s["shift"].items():
            total[r] += v
    return {r: max(-cap, min(cap, v)) for r, v in total.items()}


# ---------------------------------------------------------------- features from claims

def update_features(features: dict[str, float], claims: list[dict[str, Any]]) -> tuple[dict[str, float], list[dict[str, Any]]]:
    """Move features toward what independent claims say: net sources x feature_step, capped per feature."""
    ev = _cfg()["evidence"]
    step, default_cap = float(ev["feature_step"]), float(ev["feature_cap"])
    caps = ev.get("feature_caps", {})
    net: dict[str, int] = defaultdict(int)
    applied = []
    for rule in ev["feature_rules"]:
        hits = [c for c in claims if c.get("factor") == rule["factor"] and c.get("stance") == rule["stance"]]
        if not hits:
            continue
        groups = _group(hits)
        net[rule["feature"]] += len(groups) if rule["toward"] == 1 else -len(groups)
        applied.append({"feature": rule["feature"], "factor": rule["factor"], "stance": rule["stance"],
                        "toward": rule["toward"], "independent_sources": len(groups), "copies": len(hits) - len(groups)})
    out = dict(features)
    for feat, n in net.items():
        move = min(float(caps.get(feat, default_cap)), step * abs(n))
        x = out[feat]
        out[feat] = round(x + move * (1 - x) if n > 0 else x - move * x, 4)
    return out, applied


# ---------------------------------------------------------------- factors

def _feature_factor() -> dict[str, str]:
    return {k: v["factor"] for k, v in model.settings()["features"].items()}


def _event_factor(rec: Mapping[str, Any]) -> str | None:
    for rule in _cfg()["event_factors"]:
        if rec.get("event") == rule["event"] and ("*" in rule["modes"] or rec.get("mode") in rule["modes"]):
            return rule["factor"]
    return None


def _fact_evidence(fact: knowledge.Fact, source_file: str) -> Evidence:
    url = fact.sources[0] if fact.sources else None
    return Evidence(doc=f"casus knowledge ({source_file})", sentence=fact.text, date=fact.date, site=site_of(url), kind="knowledge", url=url)


_FACT_FILE = {"defense_pact": "treaties.yaml", "patron_at_war_elsewhere": "knowledge.yaml wars",
              "patron_ties_with_attacker": "knowledge.yaml ties", "shares_border": "knowledge.yaml borders",
              "attacker_nuclear": "knowledge.yaml nuclear", "attacker_nonstate": "actor codes",
              "patron_major": "state_years.csv, COW State System 2016", "capability_share": "state_years.csv, COW NMC v6",
              "post_1945": "the as-of year"}


def _direction(weight: float) -> str:
    if weight > DIRECTION_EPS:
        return "for"
    if weight < -DIRECTION_EPS:
        return "against"
    return "neutral"


def build_factors(contrib: dict[str, dict[str, float]], shifts: dict[str, float], signals: list[dict[str, Any]],
                  facts: dict[str, knowledge.Fact], ledger_rows: list[dict[str, Any]], claims: list[dict[str, Any]],
                  events: list[dict[str, Any]], patron: str) -> list[Factor]:
    """The five factors, each with its log-odds push per rung and its cited evidence."""
    ff = _feature_factor()
    per_rung = {f: {r: 0.0 for r in RUNGS} for f in FACTORS}
    for r in RUNGS:
        for feat, val in contrib[r].items():
            if feat != "baseline":
                per_rung[ff[feat]][r] += val
        per_rung["signal"][r] += shifts[r]
    items: dict[str, list[Evidence]] = defaultdict(list)
    notes: dict[str, list[str]] = defaultdict(list)
    for feat, fact in facts.items():
        items[ff[feat]].append(_fact_evidence(fact, _FACT_FILE[feat]))
    for row in ledger_rows:
        if row.get("factor") in FACTORS and row.get("factor") != "signal":
            items[row["factor"]].append(_evidence_from_group([row], "ledger"))
    for s in signals:
        items["signal"].extend(s["evidence"])
        notes["signal"].append(f"{s['name']}: {', '.join(f'{r} {v:+.2f}' for r, v in s['shift'].items())} log-odds "
                               f"({s['independent_sources']} independent source(s), {s['copies']} copies). {s['rationale']}")
    signal_keys = {(e.doc, e.sentence) for s in signals for e in s["evidence"]}
    by_factor: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in events:
        factor = _event_factor(rec)
        if factor and (rec.get("doc"), rec.get("sentence")) not in signal_keys:
            by_factor[factor].append(rec)
    for c in claims:
        if c.get("factor") in FACTORS:
            by_factor[c["factor"]].append(c)
    unclustered: dict[str, int] = defaultdict(int)
    for factor, recs in by_factor.items():
        kept = _most_recent(recs)
        unclustered[factor] = len(recs) - len(kept)
        items[factor].extend(_evidence_from_group(g) for g in _group(kept))
    for c in knowledge.cases(patron):
        url = c["sources"][0]
        items["precedent"].append(Evidence(doc=f"casus reference case {c['id']}", sentence=c["note"], date=str(c["year"]),
                                           site=site_of(url), kind="case", stance=c["rung"], url=url))
    notes["precedent"].append("Past cases are shown for reading; the model already learned from them, so they add no weight of their own.")
    feature_push = {feat: sum(contrib[r].get(feat, 0.0) for r in RUNGS) for feat in facts}
    set_pushes(items, feature_push, signals, facts)
    out = []
    for factor in FACTORS:
        weight = round(per_rung[factor]["direct"], 4)
        ev = sorted(items[factor], key=lambda e: (_KIND_ORDER[e.kind], -(e.independent_sources + e.copies), e.date or ""))
        store_items = [e for e in ev if e.kind == "store"]
        out.append(Factor(factor=factor, direction=_direction(weight), weight=weight,
                          per_rung={r: round(v, 4) for r, v in per_rung[factor].items()},
                          evidence=ev[:MAX_EVIDENCE], independent_sources=len(store_items),
                          copies=sum(e.copies for e in store_items),
                          omitted=max(0, len(ev) - MAX_EVIDENCE) + unclustered[factor], notes=notes[factor]))
    return out


_KIND_ORDER = {"knowledge": 0, "store": 1, "ledger": 2, "case": 3}


# ---------------------------------------------------------------- the assessment

def _ladder_from(logits: dict[str, float], shifts: dict[str, float]) -> dict[str, float]:
    return model.monotone({r: _sigmoid(logits[r] + shifts[r]) for r in RUNGS})


def highest_rung_distribution(ladder: Mapping[str, float]) -> dict[str, float]:
    """P(the highest rung reached is exactly r), 'none' included."""
    probs = {"none": 1.0 - ladder[RUNGS[0]]}
    for i, r in enumerate(RUNGS):
        nxt = ladder[RUNGS[i + 1]] if i + 1 < len(RUNGS) else 0.0
        probs[r] = max(0.0, ladder[r] - nxt)
    return probs


def verdict_text(patron: str, client: str, attacker: str | None, ladder: Mapping[str, float],
                 factors: list[Factor], most_likely: str) -> str:
    """One paragraph in plain words."""
    p = ladder["direct"]
    words = next(w["text"] for w in _cfg()["verdict"]["words"] if p >= w["min"])
    labels = _cfg()["rung_labels"]
    top = sorted((f for f in factors if f.direction != "neutral"), key=lambda f: -abs(f.weight))[:2]
    reasons = "; ".join(f"{f.factor} {'raises' if f.weight > 0 else 'lowers'} it ({f.weight:+.2f} log-odds)" for f in top)
    ml = "no response at all" if most_likely == "none" else labels[most_likely]
    when = f"if {knowledge.name(attacker)} attacks" if attacker else "if it is attacked"
    subject = knowledge.name(patron)
    text = (f"{subject[:1].upper()}{subject[1:]} {words} fight with its own forces to defend {knowledge.name(client)} "
            f"{when}: P(direct) = {p:.0%}. The single most likely highest response is {ml} "
            f"({highest_rung_distribution(ladder)[most_likely]:.0%}); "
            f"P(arms or more) = {ladder['materiel']:.0%}, P(diplomatic cover or more) = {ladder['diplomatic']:.0%}.")
    if reasons:
        text += f" Biggest pushes on direct defence: {reasons}."
    return text


def _attacker_features(features: dict[str, float], facts: dict[str, knowledge.Fact], attacker: str | None) -> None:
    """With no attacker named, attacker features take the reference-class average."""
    if attacker is not None:
        return
    means = model.default_model().means
    for f in ("patron_ties_with_attacker", "attacker_nuclear", "capability_share"):
        if f not in means:
            continue
        features[f] = round(means[f], 4)
        facts[f] = knowledge.Fact(f, features[f], f"No attacker named: set to the reference-class average ({means[f]:.2f}).")


def assess(store: StoreLike | None, patron: str, client: str, attacker: str | None = None,
           as_of: str | None = None) -> Assessment:
    """Assess whether `patron` defends `client` against `attacker`, using knowledge as of `as_of` and the store."""
    patron = knowledge.check_code(patron, "patron")
    client = knowledge.check_code(client, "client")
    if attacker is not None:
        attacker = knowledge.check_code(attacker, "attacker")
    if patron == client:
        raise CasusError("patron and client are the same: give two different actor codes")
    if attacker in (patron, client):
        raise CasusError(f"the attacker {attacker} is also the patron or the client: name a third party with --attacker")
    day, explicit = _check_as_of(as_of)
    until = day if explicit else None
    m = model.default_model()

    base_features, facts = knowledge.scenario_features(patron, client, attacker, day)
    derived = model.derived_facts(patron, attacker, int(day[:4]))
    base_features.update({k: f.value for k, f in derived.items()})
    facts.update(derived)
    _attacker_features(base_features, facts, attacker)
    ledger_rows = _ledger_records(patron, client, day)
    ledger_signals = signal_shifts(ledger_rows, patron, client, attacker)
    knowledge_shift = _total_shift(ledger_signals)
    knowledge_ladder = _ladder_from(m.logits(base_features), knowledge_shift)

    events = _store_events(store, patron, until, client, attacker)
    claims = _store_claims(store, patron, client, until)
    features, feature_moves = update_features(base_features, claims)
    store_signals = signal_shifts(events, patron, client, attacker) + claim_signal_shifts(claims)
    signals = ledger_signals + store_signals
    shifts = _total_shift(signals)
    logits = m.logits(features)
    ladder = _ladder_from(logits, shifts)

    contrib = m.contributions(features)
    factors = build_factors(contrib, shifts, signals, facts, ledger_rows, claims, events, patron)
    dist = highest_rung_distribution(ladder)
    most_likely = max(dist, key=dist.__getitem__)
    shift = {
        "ladder": {r: round(ladder[r] - knowledge_ladder[r], 4) for r in RUNGS},
        "features": {f: {"shipped": base_features[f], "with_evidence": features[f]}
                     for f in features if features[f] != base_features[f]},
        "feature_moves": feature_moves,
        "signals": [{k: v for k, v in s.items() if k != "evidence"} for s in store_signals],
        "documents": len({r.get("doc_id") or r.get("doc") for r in events + claims}),
        "events": len(events),
        "claims": len(claims),
    }
    return Assessment(patron=patron, client=client, attacker=attacker, as_of=day,
                      verdict=verdict_text(patron, client, attacker, ladder, factors, most_likely),
                      ladder=ladder, factors=factors, shift=shift, features=features,
                      knowledge_ladder=knowledge_ladder, contributions=contrib,
                      signals=[{k: v for k, v in s.items() if k != "evidence"} for s in signals],
                      most_likely=most_likely,
                      interval={r: list(v) for r, v in m.interval(features, shifts).items()},
                      model=m.reference())


def assess_scenario(scenario: Mapping[str, Any]) -> dict[str, Any]:
    """Score a validated scenario dict (`casus assess --scenario FILE.json`): ladder and contributions."""
    sc = model.scenario_from_dict(scenario)
    out = model.score_scenario(sc)
    dist = highest_rung_distribution(out["ladder"])
    return {"patron": sc["patron"], "client": sc["client"], "attacker": sc["attacker"], "year": sc["year"],
            "most_likely": max(dist, key=dist.__getitem__), **out}


def scenario_template(patron: str = "RUS", client: str = "IRN", attacker: str = "ISR",
                      as_of: str | None = None) -> dict[str, Any]:
    """A scenario file's content (`casus assess --scenario-template`), its features from shipped knowledge.

    Every field `--scenario` reads, filled in for the dyad as casus knows it on
    `as_of` (default today); `_help` says what each field means (fields that
    start with `_` are ignored), so the file can be edited and fed back.
    """
    from casus.model import REQUIRED_SCENARIO_FIELDS

    day = as_of or dt.date.today().isoformat()
    feats, _facts = knowledge.scenario_features(patron, client, attacker, day)
    labels = {name: spec["label"] for name, spec in _cfg()["model"]["features"].items()}
    out: dict[str, Any] = {"patron": patron, "client": client, "attacker": attacker, "year": int(day[:4])}
    for name in REQUIRED_SCENARIO_FIELDS[4:]:
        out[name] = feats.get(name, 0.0)
    out["_help"] = {
        "patron, client, attacker": "actor codes (ISO 3166 alpha-3 such as RUS, or a group such as NATO)",
        "year": "the year of the attack",
        **{name: f"{labels.get(name, name)}: 1 yes, 0 no, or a probability in between"
           for name in REQUIRED_SCENARIO_FIELDS[4:]},
        "attacker_nonstate": "optional; " + labels.get("attacker_nonstate", "attacker is a non-state force")
                             + " (default: from the attacker code)",
    }
    return out


# ---------------------------------------------------------------- terminal text

def _bar(p: float, width: int = 30) -> str:
    n = int(round(p * width))
    return "#" * n + "." * (width - n)


def render_text(a: Assessment) -> str:
    """The assessment for the terminal: verdict, ladder, factors with evidence, what evidence shifted."""
    labels = _cfg()["rung_labels"]
    who = knowledge.name(a.attacker) if a.attacker else "an unnamed attacker"
    lines = [f"Will {knowledge.name(a.patron)} defend {knowledge.name(a.client)} against {who}? (as of {a.as_of})", "",
             a.verdict, "", "Response ladder: P(reaches at least this rung) [90% bootstrap interval]"]
    for r in reversed(RUNGS):
        delta = a.shift["ladder"][r]
        moved = f"  ({delta:+.0%} from ingested evidence)" if abs(delta) >= 0.005 else ""
        band = f" [{a.interval[r][0]:.0%}-{a.interval[r][1]:.0%}]" if a.interval else ""
        lines.append(f"  {r:<13}{a.ladder[r]:>5.0%}{band:<11} {_bar(a.ladder[r])}  {labels[r]}{moved}")
    if a.model:
        lines.append(f"  model: {a.model['cases']} hand-coded cases and {a.model['episodes']} systematic episodes, "
                     f"through {a.model['through']} (docs/reference-class.md)")
    lines += ["", "Factors (weight = log-odds push on direct defence; + raises, - lowers):"]
    for f in a.factors:
        src = f" - {f.independent_sources} independent source(s) ({f.copies} copies) in the store" if f.independent_sources else ""
        lines.append(f"  {f.factor:<11} {f.direction:<8} {f.weight:+.2f}{src}")
        for note in f.notes:
            lines.append(f"      note: {note}")
        for e in f.evidence:
            meta = ", ".join(x for x in (e.doc, e.site, e.date) if x)
            extra = f"; {e.copies} copies" if e.copies else ""
            push = f" ({e.push})" if e.push != "context" else ""
            lines.append(f"      - \"{_clip(e.sentence)}\" [{meta}{extra}]{push}")
        if f.omitted:
            lines.append(f"      ... and {f.omitted} more")
    s = a.shift
    lines += ["", f"What ingested evidence changed ({s['documents']} document(s), {s['events']} event(s), {s['claims']} claim(s)):"]
    if not s["documents"]:
        lines.append("  nothing yet: this answer rests on shipped knowledge (treaties, reference cases, ledger).")
    for feat, v in s["features"].items():
        lines.append(f"  {feat}: {v['shipped']:.2f} -> {v['with_evidence']:.2f}")
    for sig in s["signals"]:
        lines.append(f"  signal '{sig['name']}': " + ", ".join(f"{r} {v:+.2f}" for r, v in sig["shift"].items()))
    return "\n".join(lines)


def render_scenario_text(out: Mapping[str, Any]) -> str:
    """A scored scenario (assess_scenario) for the terminal: ladder and each feature's push per rung."""
    labels = _cfg()["rung_labels"]
    lines = [f"Scenario: {out['patron']} defending {out['client']} against {out['attacker']} ({out['year']})", "",
             "Features: " + ", ".join(f"{k}={v:g}" for k, v in out["features"].items()), "",
             "Response ladder: P(reaches at least this rung)"]
    for r in reversed(RUNGS):
        band = out.get("interval", {}).get(r)
        cell = f" [{band[0]:.0%}-{band[1]:.0%}]" if band else ""
        lines.append(f"  {r:<13}{out['ladder'][r]:>5.0%}{cell:<11} {_bar(out['ladder'][r])}  {labels[r]}")
    lines += ["", "Log-odds contributions (vs the average reference case):"]
    feats = list(out["features"])
    lines.append("  " + f"{'rung':<13}" + "".join(f"{f[:14]:>15}" for f in ["baseline"] + feats))
    for r in RUNGS:
        row = out["contributions"][r]
        lines.append("  " + f"{r:<13}" + "".join(f"{row[f]:>+15.2f}" for f in ["baseline"] + feats))
    return "\n".join(lines)


def _clip(text: str, n: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 3] + "..."
