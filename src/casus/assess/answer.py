"""Assess one scenario: will PATRON come to CLIENT's defence if ATTACKER strikes?

Steps, each visible in the output:
1. Scenario features from shipped knowledge (treaties, wars, ties, borders,
   nuclear states; `casus.assess.knowledge`), scored by the fitted ladder model.
2. The curated ledger (shipped) adds bounded per-rung signal shifts; 1 + 2 is the
   answer from shipped knowledge alone.
3. Evidence in the store moves features (claims, per independent source, capped)
   and adds signal shifts (events, claims); `shift` reports what it changed.
Every rule and size is data in features.yaml; nothing is written per dyad.

Example:
    >>> from casus.assess.answer import assess, render_text
    >>> a = assess(None, "CHN", "PRK", attacker="USA", as_of="2026-11-22")
    >>> sorted(a.ladder) == sorted(["statement", "diplomatic", "economic", "materiel", "intelligence", "direct"])
    True
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any, Protocol
from urllib.parse import urlparse

from casus.assess import knowledge, model
from casus.errors import CasusError
from casus.records import FACTORS, RUNGS

# Facts flipped to see what would most change the answer (attacker_nonstate follows from the
# attacker's code, so it is not a fact that could be wrong).
BINARY_FEATURES = ("defense_pact", "patron_at_war_elsewhere", "patron_ties_with_attacker", "shares_border",
                   "attacker_nuclear", "forces_present", "arms_flowing")
MAX_FLIPS = 3

MAX_EVIDENCE = 8
# Most records of one kind clustered into independent sources: on a store of
# millions of events, the most recent ones; the rest count as omitted. Signal
# units (cap 2-3) and feature moves (cap 4 sources) are far below this, so the
# ladder does not change; clustering is all-pairs, so this bounds the cost.
MAX_CLUSTERED = 60
DIRECTION_EPS = 0.05
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class StoreLike(Protocol):
    """The part of casus.store.database.Store that assess reads."""

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
               signals: Iterable[Mapping[str, Any]], facts: Mapping[str, Any],
               feature_rules: Iterable[Mapping[str, Any]] | None = None) -> None:
    """Say, per factor, which way each of its evidence items pushes P(defence).

    Under `signal`, an item by the sign of its signal's shift; a shipped fact by
    the sign of its feature's contribution to direct defence (the rung the factor
    weights are given on, so a fact never reads against its factor); a claim that a
    feature rule (`feature_rules`, default features.yaml evidence.feature_rules) reads, by its stance (for
    raises, against lowers). Everything else (ledger rows and events cited for
    reading, claims no rule reads, reference cases the model learned from) is context.
    """
    by_text = {fact.text: _push(feature_push.get(feat, 0.0)) for feat, fact in facts.items()}
    signal_push = {(e.doc, e.sentence): _push(sum(s["shift"].values())) for s in signals for e in s["evidence"]}
    rules = {(r["factor"], r["stance"])
             for r in (_cfg()["evidence"].get("feature_rules") or [] if feature_rules is None else feature_rules)}
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
    as_of_view: dict[str, Any] = field(default_factory=dict)         # documents used, undated left out
    evidence_weight: dict[str, Any] = field(default_factory=dict)    # evidence_weight.yaml and the weight applied
    contested: list[dict[str, Any]] = field(default_factory=list)
    what_would_change: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    logits: dict[str, dict[str, float]] = field(default_factory=dict)  # knowledge alone / with evidence (the fit reads these)
    correction: dict[str, Any] = field(default_factory=dict)  # the selection correction (selection_offset.yaml)

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

def _cluster(items: list[tuple[str, str, str, int | None]]) -> dict[str, Hashable]:
    """Near-duplicate clusters: the store's (`cluster`, casus.store.clusters) where a record has one, the rest
    computed (casus.corroborate.clusters.group_labels), or exact normalised text as a fallback."""
    if not items:
        return {}
    try:
        from casus.corroborate.clusters import group_labels
    except ImportError:
        return {key: " ".join(re.findall(r"\w+", text.lower())) for key, _src, text, _c in items}
    return group_labels(items)


def stored_clusters(store: Any) -> dict[str, bool]:
    """The keyword that asks a casus Store for each row's stored cluster id (a stand-in store has none)."""
    return {"clusters": True} if hasattr(store, "sentence_clusters") else {}


def _group(records: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Independent sources: near-copies across documents are one source, and a document is at most one.

    Sentences are clustered (the store keeps each coded sentence's cluster, casus.store.clusters;
    records without one are clustered here); clusters that share a document are then merged, so one article saying a thing three ways counts once, and so do
    five sites carrying the same sentence.
    """
    items = [(str(i), _doc_key(r, i), r.get("sentence") or "", r.get("cluster")) for i, r in enumerate(records)]
    ids = _cluster(items)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, r in enumerate(records):
        a, b = find(f"c:{ids.get(str(i), str(i))}"), find("d:" + _doc_key(r, i))
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i, r in enumerate(records):
        groups[find(f"c:{ids.get(str(i), str(i))}")].append(r)
    return list(groups.values())


def _doc_key(rec: Mapping[str, Any], i: int) -> str:
    return str(rec.get("doc_id") or rec.get("doc") or f"record {i}")


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


def visible(rec: Mapping[str, Any], until: str | None, include_undated: bool = False) -> str | None:
    """Why a stored record is invisible as of `until` ('undated' or 'later'), or None if it is visible.

    A document counts by its published date (strict: '2025' only once 2025 is over);
    an undated one only with include_undated. An event also counts by its own date.
    """
    if until is None:
        return None
    pub = rec.get("published")
    if not pub or knowledge.period_end(pub) is None:
        if not include_undated:
            return "undated"
    elif not knowledge.on_or_before(pub, until):
        return "later"
    own = rec.get("date")
    if own and not knowledge.on_or_before(own, until):
        return "later"
    return None


@dataclass(slots=True)
class StoreView:
    """What the store holds for this dyad as of the date: visible events and claims, and what was left out."""

    events: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    left_out: dict[str, set[str]] = field(default_factory=lambda: {"undated": set(), "later": set()})

    def summary(self, include_undated: bool) -> dict[str, Any]:
        docs = {_doc_key(r, i) for i, r in enumerate(self.events + self.claims)}
        # Documents published after the date are not counted here: as of that day they did not exist.
        return {"documents_used": len(docs), "left_out_undated": len(self.left_out["undated"]),
                "include_undated": include_undated}


def _keep(view: StoreView, rows: list[dict[str, Any]], rec: dict[str, Any], until: str | None, include_undated: bool) -> bool:
    why = visible(rec, until, include_undated)
    if why is None:
        rows.append(rec)
    else:
        view.left_out[why].add(_doc_key(rec, 0))
    return why is None


def _attacker_document_reads() -> tuple[set[str], set[str]]:
    """The event types and claim stances that signal rules marked `attacker_document` read."""
    sig = _cfg()["signals"]
    return ({r["match"]["event"] for r in sig["rules"] if r["match"].get("attacker_document")},
            {r["stance"] for r in sig["claim_rules"] if r.get("attacker_document")})


@lru_cache(maxsize=64)
def _name_pattern(code: str) -> tuple[re.Pattern[str], frozenset[str]]:
    """A pattern for the phrases that name `code` (casus.events.actors' gazetteer), and those written in capitals only."""
    from casus.events import actors

    g = actors.gazetteer()
    phrases = sorted((p for p, entries in g.phrases.items()
                      if any(e.code == code and e.kind not in ("outlet", "commentator") for e in entries)), key=len, reverse=True)
    if not phrases:
        return re.compile(r"(?!x)x"), frozenset()
    return (re.compile(r"(?<![\w.])(" + "|".join(re.escape(p) for p in phrases) + r")(?![\w])", re.IGNORECASE),
            frozenset(p for p in phrases if p in g.exact_case))


@lru_cache(maxsize=4096)
def names(sentence: str, code: str) -> bool:
    """Whether `sentence` names the actor `code` (acronyms only as written in capitals)."""
    pattern, exact = _name_pattern(code)
    for m in pattern.finditer(sentence):
        if m.group(1).lower() not in exact or m.group(1) == m.group(1).upper():
            return True
    return False


def _event_documents(store: StoreLike, source: str, target: str) -> set[str]:
    """Documents with an event from `source` to `target`: the store's index where it has one, else its events."""
    if hasattr(store, "event_documents"):
        return set(store.event_documents(source, target))
    return {_doc_key(r, 0) for r in store.iter_events(source=source, target=target)}


def read_store(store: StoreLike | None, patron: str, client: str, attacker: str | None, until: str | None,
               include_undated: bool = False) -> StoreView:
    """Events between the patron and the client or the attacker (either way), and claims on the dyad, as of `until`.

    An event between the patron and the attacker counts only from a document about
    the client (one with an event between the client and the patron or the attacker,
    or a claim on the dyad) or from a sentence naming the client: Moscow condemning
    Washington over Venezuela says nothing about Iran. Each event and claim carries
    `attacker_doc`: whether its document has the attacker acting on the client or the
    patron acting on the attacker, or its sentence names the attacker (the signal
    rules marked `attacker_document` read only those; features.yaml).
    """
    view = StoreView()
    if store is None:
        return view
    kw = stored_clusters(store)
    dyad: list[dict[str, Any]] = []
    with_attacker: list[dict[str, Any]] = []
    seen: set[Any] = set()

    def fetch(source: str, target: str) -> list[dict[str, Any]]:
        out = []
        for rec in store.iter_events(source=source, target=target, **kw):
            key = rec.get("id") if rec.get("id") is not None else tuple(sorted((k, repr(v)) for k, v in rec.items()))
            if key not in seen:
                seen.add(key)
                out.append(dict(rec))
        return out

    for source, target in ((patron, client), (client, patron)):
        dyad += fetch(source, target)
    claims = [dict(rec) for rec in store.iter_claims(patron=patron, client=client, **kw)]
    attacker_on_client: set[str] = set()
    client_on_attacker: set[str] = set()
    if attacker:
        for source, target in ((patron, attacker), (attacker, patron)):
            with_attacker += fetch(source, target)
        attacker_on_client = _event_documents(store, attacker, client)
        client_on_attacker = _event_documents(store, client, attacker)
    about_client = {_doc_key(r, 0) for r in dyad + claims} | attacker_on_client | client_on_attacker
    attacker_docs = attacker_on_client | {_doc_key(r, 0) for r in with_attacker if r.get("source") == patron}
    def about(rec: Mapping[str, Any], docs: set[str], code: str, read: bool = True) -> bool:
        # a record with no document is not judged by one; the sentence is read only where a rule needs it
        return not (rec.get("doc_id") or rec.get("doc")) or _doc_key(rec, 0) in docs \
            or (read and names(str(rec.get("sentence") or ""), code))

    events, stances = _attacker_document_reads()
    for rows, recs in ((view.events, dyad + [r for r in with_attacker if about(r, about_client, client)]),
                       (view.claims, claims)):
        for rec in recs:
            if _keep(view, rows, rec, until, include_undated):
                read = rec.get("event") in events if rows is view.events else rec.get("stance") in stances
                rec["attacker_doc"] = attacker is None or about(rec, attacker_docs, attacker, read)
    used = {_doc_key(r, 0) for r in view.events + view.claims}
    for why in view.left_out:
        view.left_out[why] -= used
    return view


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
    if "mode" in m and rec.get("mode") not in (m["mode"] if isinstance(m["mode"], list) else [m["mode"]]):
        return False
    if bool(rec.get("negated")) != bool(m.get("negated", False)):
        return False
    if "modality" in m and (rec.get("modality") or "asserted") not in m["modality"]:
        return False
    if m.get("attacker_document") and not rec.get("attacker_doc", True):
        return False
    return role == m["target"]


def _opposites(rule: Mapping[str, Any], rules: list[Mapping[str, Any]]) -> list[str]:
    """The rules reading the same act with the opposite polarity (a report and its denial)."""
    m = rule["match"]
    return [str(other["name"]) for other in rules
            if (other["match"]["event"], other["match"].get("mode"), other["match"]["target"])
            == (m["event"], m.get("mode"), m["target"])
            and bool(other["match"].get("negated", False)) != bool(m.get("negated", False))]


def signal_shifts(records: list[dict[str, Any]], patron: str, client: str, attacker: str | None) -> list[dict[str, Any]]:
    """Per signal rule: matching records (grouped into independent sources) and the log-odds shift per rung.

    When an act is both reported and denied (a rule and its opposite both match),
    both stay in the answer, marked `contested`; the denial counts at
    `contested_denial_weight` (features.yaml) instead of cancelling the report.
    """
    rules = _cfg()["signals"]["rules"]
    denial_weight = float(_cfg()["signals"].get("contested_denial_weight", 1.0))
    hits_by_rule: dict[str, list[dict[str, Any]]] = {}
    # the patron's own records by event type, each with its target's role, read once for all rules
    by_event: dict[Any, list[tuple[dict[str, Any], str | None]]] = defaultdict(list)
    for r in records:
        if r.get("source") == patron:
            by_event[r.get("event")].append((r, _target_role(r, client, attacker, patron)))
    for rule in rules:
        hits = [r for r, role in by_event.get(rule["match"]["event"], ()) if _matches(rule, r, role)]
        if hits:
            hits_by_rule[rule["name"]] = _most_recent(hits)
    out = []
    for rule in rules:
        hits = hits_by_rule.get(rule["name"], [])
        if not hits:
            continue
        present = [o for o in _opposites(rule, rules) if o in hits_by_rule]
        contested = bool(present)
        opposite = present[0] if present else None
        groups = _group(hits)
        units = min(float(rule.get("cap", 2)), _units(groups))
        if contested and rule["match"].get("negated"):
            units *= denial_weight
        out.append({"name": rule["name"], "rationale": rule["rationale"], "units": round(units, 3),
                    "independent_sources": len(groups), "copies": len(hits) - len(groups),
                    "contested": contested, "opposite": opposite if contested else None,
                    "shift": {r: round(v * units, 4) for r, v in rule["shift"].items()},
                    "evidence": [_evidence_from_group(g, "ledger" if str(g[0].get("doc_id", "")).startswith("ledger:") else "store")
                                 for g in groups],
                    "_sources": _sources(groups)})
    return out


def _sources(groups: list[list[dict[str, Any]]]) -> list[tuple[frozenset[str], float]]:
    """Each independent source's documents and its units (strongest modality)."""
    return [(frozenset(_doc_key(r, 0) for r in g), max(_modality_weight(r) for r in g)) for g in groups]


def one_source_per_rung(signals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A document is one source per rung across the signal rules: where several rules read one document
    (a condemnation, a pledge of support and a claim of solidarity in one article), each rung keeps that
    document's strongest reading in each direction, so a report and a denial in it both stay."""
    contribs = []
    for i, sig in enumerate(signals):
        srcs = sig.get("_sources") or []
        total = sum(u for _, u in srcs)
        for rung, value in sig["shift"].items():
            for docs, u in srcs if total else ():
                part = value * u / total
                contribs.append((abs(part), part > 0, rung, i, docs, part))
    kept: dict[tuple[int, str], float] = defaultdict(float)
    used: set[tuple[str, bool, str]] = set()
    for _size, up, rung, i, docs, part in sorted(contribs, key=lambda c: -c[0]):
        if any((rung, up, d) in used for d in docs):
            continue
        used.update((rung, up, d) for d in docs)
        kept[(i, rung)] += part
    return [{**sig, "shift": {r: round(kept[(i, r)], 4) for r in sig["shift"]}} if sig.get("_sources") else sig
            for i, sig in enumerate(signals)]


def _public(signal: Mapping[str, Any]) -> dict[str, Any]:
    """A signal as the answer shows it: without its evidence items and internal fields."""
    return {k: v for k, v in signal.items() if k != "evidence" and not k.startswith("_")}


def _sentence_key(rec: Mapping[str, Any]) -> tuple[str, str]:
    return (_doc_key(rec, 0), str(rec.get("sentence") or ""))


def signal_sentences(records: list[dict[str, Any]], patron: str, client: str, attacker: str | None) -> set[tuple[str, str]]:
    """(document, sentence) of every record some signal rule reads: a sentence is one piece of evidence."""
    rules = _cfg()["signals"]["rules"]
    out = set()
    for r in records:
        if r.get("source") == patron:
            role = _target_role(r, client, attacker, patron)
            if any(_matches(rule, r, role) for rule in rules):
                out.add(_sentence_key(r))
    return out


def claim_signal_shifts(claims: list[dict[str, Any]], read: set[tuple[str, str]] | None = None) -> list[dict[str, Any]]:
    """Claims with factor `signal` nudge the rungs (features.yaml claim_rules); for and against kept apart.

    A sentence an event signal already reads (`read`, from signal_sentences) is not counted again as a claim.
    """
    claims = [c for c in claims if c.get("factor") == "signal" and _sentence_key(c) not in (read or set())]
    by_rule = [(rule, _most_recent([c for c in claims if c.get("stance") == rule["stance"]
                                    and (not rule.get("attacker_document") or c.get("attacker_doc", True))]))
               for rule in _cfg()["signals"]["claim_rules"]]
    stances = {rule["stance"] for rule, hits in by_rule if hits}
    out = []
    for rule, hits in by_rule:
        if not hits:
            continue
        groups = _group(hits)
        units = min(float(rule.get("cap", 3)), float(len(groups)))
        out.append({"name": f"signal claims ({rule['stance']})",
                    "rationale": str(rule.get("rationale", "What is said now about the patron's intentions.")),
                    "units": units, "independent_sources": len(groups), "copies": len(hits) - len(groups),
                    "contested": {"for", "against"} <= stances, "opposite": None,
                    "shift": {r: round(v * units, 4) for r, v in rule["shift"].items()},
                    "evidence": [_evidence_from_group(g) for g in groups],
                    "_sources": [(docs, 1.0) for docs, _u in _sources(groups)]})
    return out


def _total_shift(signals: list[dict[str, Any]]) -> dict[str, float]:
    cap = float(_cfg()["signals"]["rung_cap"])
    total = {r: 0.0 for r in RUNGS}
    for s in signals:
        for r, v in s["shift"].items():
            total[r] += v
    return {r: max(-cap, min(cap, v)) for r, v in total.items()}


# ---------------------------------------------------------------- features from claims

def update_features(features: dict[str, float], claims: list[dict[str, Any]],
                    rules: list[Mapping[str, Any]] | None = None) -> tuple[dict[str, float], list[dict[str, Any]]]:
    """Move features toward what independent claims say, for and against kept apart.

    Claims toward 1 move a feature up by feature_step per independent source, claims
    toward 0 move it down the same way, each side capped on its own; when both sides
    have sources the move is reported as contested rather than netted away. `rules`
    defaults to features.yaml evidence.feature_rules (empty today: see there why).
    """
    ev = _cfg()["evidence"]
    step, default_cap = float(ev["feature_step"]), float(ev["feature_cap"])
    caps = ev.get("feature_caps", {})
    sides: dict[str, dict[int, int]] = defaultdict(lambda: {1: 0, 0: 0})
    applied = []
    for rule in (ev.get("feature_rules") or []) if rules is None else rules:
        hits = [c for c in claims if c.get("factor") == rule["factor"] and c.get("stance") == rule["stance"]]
        if not hits:
            continue
        hits = _most_recent(hits)
        groups = _group(hits)
        sides[rule["feature"]][int(rule["toward"])] += len(groups)
        applied.append({"feature": rule["feature"], "factor": rule["factor"], "stance": rule["stance"],
                        "toward": rule["toward"], "independent_sources": len(groups), "copies": len(hits) - len(groups)})
    out = dict(features)
    for feat, n in sides.items():
        cap = float(caps.get(feat, default_cap))
        up, down = min(cap, step * n[1]), min(cap, step * n[0])
        x = out[feat]
        out[feat] = round(min(1.0, max(0.0, x + up * (1 - x) - down * x)), 4)
    for a in applied:
        a["contested"] = sides[a["feature"]][1] > 0 and sides[a["feature"]][0] > 0
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
              "patron_major": "state_years.csv, COW State System 2016",
              "client_major": "state_years.csv, COW State System 2016", "capability_share": "state_years.csv, COW NMC v6",
              "post_1945": "the as-of year", "forces_present": "standing.yaml deployments",
              "arms_flowing": "standing.yaml arms", "patron_rival_attacker": "dyads.csv, GML MID v2.2.1",
              "ties_both": "dyads.csv, ATOP v5"}


def _direction(weight: float) -> str:
    if weight > DIRECTION_EPS:
        return "for"
    if weight < -DIRECTION_EPS:
        return "against"
    return "neutral"


def build_factors(contrib: dict[str, dict[str, float]], shifts: dict[str, float], signals: list[dict[str, Any]],
                  facts: dict[str, knowledge.Fact], ledger_rows: list[dict[str, Any]], claims: list[dict[str, Any]],
                  events: list[dict[str, Any]], patron: str, precedents: list[Evidence] | None = None) -> list[Factor]:
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
        notes["signal"].append(f"{s['name']}: {', '.join(f'{r} {v:+.2f}' for r, v in s['shift'].items() if abs(v) >= 0.005) or 'none'} log-odds "
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
    items["precedent"].extend(precedents or [])
    notes["precedent"].append("Past cases nearest to this one in the model's features come first (as of the date); "
                              "the model already learned from them, so they add no weight of their own.")
    feature_push = {feat: contrib["direct"].get(feat, 0.0) for feat in facts}  # the rung the factor weights are on
    set_pushes(items, feature_push, signals, facts)
    out = []
    for factor in FACTORS:
        weight = round(per_rung[factor]["direct"], 4)
        unique = list({(e.doc, e.sentence): e for e in reversed(items[factor])}.values())[::-1]  # one item per sentence
        ev = unique if factor == "precedent" else \
            sorted(unique, key=lambda e: (_KIND_ORDER[e.kind], -(e.independent_sources + e.copies), e.date or ""))
        store_items = [e for e in ev if e.kind == "store"]
        out.append(Factor(factor=factor, direction=_direction(weight), weight=weight,
                          per_rung={r: round(v, 4) for r, v in per_rung[factor].items()},
                          evidence=ev[:MAX_EVIDENCE], independent_sources=len(store_items),
                          copies=sum(e.copies for e in store_items),
                          omitted=max(0, len(ev) - MAX_EVIDENCE) + unclustered[factor], notes=notes[factor]))
    return out


_KIND_ORDER = {"knowledge": 0, "store": 1, "ledger": 2, "case": 3}


def nearest_precedents(features: Mapping[str, float], patron: str, as_of: str | None) -> list[Evidence]:
    """Reference cases known by `as_of`, nearest to the scenario in the model's features first.

    Distance is the number of coded facts (treaty, war elsewhere, ties, border, nuclear
    attacker) on which the case differs (values rounded); ties go to the same patron,
    then to the more recent case.
    """
    names = [f for f in knowledge.FACT_FEATURES if f in features]
    rows = knowledge.cases(as_of=as_of)

    def key(c: Mapping[str, Any]) -> tuple[float, int, int]:
        dist = sum(abs(float(c[f]) - round(float(features[f]))) for f in names if c.get(f) is not None)
        return (dist, 0 if c["patron"] == patron else 1, -int(c["year"]))

    out = []
    for c in sorted(rows, key=key):
        url = c["sources"][0]
        dist = int(key(c)[0])
        out.append(Evidence(doc=f"casus reference case {c['id']}", sentence=f"{c['note']} (differs on {dist} feature(s))",
                            date=str(c["year"]), site=site_of(url), kind="case", stance=c["rung"], url=url))
    return out


def model_as_of(as_of: str | None) -> model.LadderModel:
    """The ladder model fitted on the reference class known by `as_of` (model.fit caches it by inputs and date)."""
    return model.default_model() if as_of is None else model.fit(as_of=as_of)


def what_would_change(m: model.LadderModel, features: Mapping[str, float], shifts: Mapping[str, float],
                      ladder: Mapping[str, float], facts: Mapping[str, knowledge.Fact]) -> list[dict[str, Any]]:
    """The facts that would most change the answer: each binary feature flipped, the biggest moves first."""
    out: list[dict[str, Any]] = []
    base_top = _top_rung(ladder)
    for feat in BINARY_FEATURES:
        if feat not in features or feat not in m.features:
            continue
        x = dict(features)
        x[feat] = 0.0 if round(float(features[feat])) == 1 else 1.0
        flipped = _ladder_from(m.logits(x), dict(shifts))
        delta = {r: round(flipped[r] - ladder[r], 4) for r in RUNGS}
        size = abs(delta["direct"]) + abs(delta["materiel"]) + abs(delta["diplomatic"])
        out.append({"feature": feat, "now": round(float(features[feat]), 2), "flipped_to": x[feat],
                    "fact": facts[feat].text if feat in facts else None, "delta": delta,
                    "most_likely_now": base_top, "most_likely_flipped": _top_rung(flipped), "size": round(size, 4)})
    out.sort(key=lambda d: -d["size"])
    return out[:MAX_FLIPS]


def feature_label(name: str) -> str:
    """A model feature in words (its features.yaml label), or its name when it has none."""
    return str(_cfg()["model"]["features"].get(name, {}).get("label") or name)


def flip_line(flip: Mapping[str, Any]) -> str:
    """One line of "what would most change the answer": the fact in words, its flip, the moves, the top rung."""
    was, becomes = ("yes" if round(float(flip[k])) == 1 else "no" for k in ("now", "flipped_to"))
    d = flip["delta"]
    now, then = flip["most_likely_now"], flip["most_likely_flipped"]
    top = f"most likely highest response stays {now}" if now == then else f"most likely highest response {now} -> {then}"
    return (f"  {feature_label(flip['feature'])} ({flip['feature']}) {was} -> {becomes}: "
            f"direct {d['direct']:+.0%}, materiel {d['materiel']:+.0%}, diplomatic {d['diplomatic']:+.0%}; {top}")


def _top_rung(ladder: Mapping[str, float]) -> str:
    dist = highest_rung_distribution(ladder)
    return max(dist, key=lambda k: dist[k])


def evidence_weight() -> dict[str, Any]:
    """The fitted weight of article evidence (evidence_weight.yaml): 0 means it did not beat knowledge alone."""
    try:
        row = knowledge.load_data("evidence_weight.yaml")
    except (FileNotFoundError, OSError):
        return {"weight": 1.0, "fitted": False, "note": "Evidence weight not fitted yet: evidence counts at full weight."}
    return dict(row)


# ---------------------------------------------------------------- the assessment

def _ladder_from(logits: dict[str, float], shifts: dict[str, float]) -> dict[str, float]:
    return model.corrected_ladder({r: logits[r] + shifts[r] for r in RUNGS})


def selection_correction() -> dict[str, Any]:
    """The correction for the cases' selection as the answer names it (selection_offset.yaml)."""
    cfg = model.selection_offset()
    return {"name": "selection_offset", "applied": bool(cfg["delta"]), "delta": cfg["delta"], "rungs": cfg["rungs"],
            "fitted_on": cfg.get("fitted_on"), "date": cfg.get("date"), "source": "src/casus/data/selection_offset.yaml"}


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


def _attacker_features(features: dict[str, float], facts: dict[str, knowledge.Fact], attacker: str | None,
                       m: model.LadderModel) -> None:
    """With no attacker named, attacker features take the reference-class average."""
    if attacker is not None:
        return
    for f in ("patron_ties_with_attacker", "attacker_nuclear", "capability_share"):
        if f not in m.means:
            continue
        features[f] = round(m.means[f], 4)
        facts[f] = knowledge.Fact(f, features[f], f"No attacker named: set to the reference-class average ({m.means[f]:.2f}).")


def _unrecorded_ties(features: dict[str, float], facts: dict[str, knowledge.Fact], patron: str, attacker: str | None,
                     day: str, m: model.LadderModel) -> None:
    """A pair casus has no record of at all: ties with the attacker take the reference-class average, not 0."""
    f = "patron_ties_with_attacker"
    if f not in m.means or features.get(f) or not knowledge.pair_unrecorded(patron, attacker, day):
        return
    features[f] = round(m.means[f], 4)
    facts[f] = knowledge.Fact(f, features[f], f"casus has no record of {knowledge.name(patron)} and "
                              f"{knowledge.name(attacker)} (no ties row, treaty, ATOP pledge, dispute or war): ties set "
                              f"to the reference-class average ({m.means[f]:.2f}), not to 'no ties'.")


def _contested(signals: list[dict[str, Any]], feature_moves: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Facts the evidence both asserts and denies, with the sources on each side."""
    out: list[dict[str, Any]] = []
    by_name = {s["name"]: s for s in signals}
    done: set[str] = set()
    for s in signals:
        if s.get("contested") and s.get("opposite") and s["name"] not in done:
            other = by_name.get(s["opposite"], {})
            done |= {s["name"], s["opposite"]}
            out.append({"fact": f"{s['name']} / {s['opposite']}", "kind": "signal",
                        "sources": {s["name"]: s["independent_sources"], s["opposite"]: other.get("independent_sources", 0)}})
        elif s.get("contested") and s["name"].startswith("signal claims") and "signal claims" not in done:
            done.add("signal claims")
            counts = {x["name"]: x["independent_sources"] for x in signals if x["name"].startswith("signal claims")}
            out.append({"fact": "what the patron intends (signal claims)", "kind": "claims", "sources": counts})
    feats: dict[str, dict[str, int]] = defaultdict(dict)
    for mv in feature_moves:
        if mv.get("contested"):
            side = "towards 1" if mv["toward"] == 1 else "towards 0"
            feats[mv["feature"]][side] = feats[mv["feature"]].get(side, 0) + mv["independent_sources"]
    out += [{"fact": feat, "kind": "feature", "sources": counts} for feat, counts in feats.items()]
    return out


def assess(store: StoreLike | None, patron: str, client: str, attacker: str | None = None,
           as_of: str | None = None, include_undated: bool = False, weight: float | None = None) -> Assessment:
    """Assess whether `patron` defends `client` against `attacker`, as of `as_of`.

    Strict as-of: nothing dated after `as_of` is seen (cases, knowledge, ledger,
    documents by published date, events by their own date); undated documents
    count only with `include_undated`. Article evidence moves the answer by its
    fitted weight (evidence_weight.yaml), or by `weight` when given (the fit uses it).
    """
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
    m = model_as_of(until)

    base_features, facts = knowledge.scenario_features(patron, client, attacker, day)
    derived = model.derived_facts(patron, attacker, int(day[:4]), day, client)
    base_features.update({k: f.value for k, f in derived.items()})
    facts.update(derived)
    _attacker_features(base_features, facts, attacker, m)
    _unrecorded_ties(base_features, facts, patron, attacker, day, m)
    ledger_rows = _ledger_records(patron, client, day)
    ledger_signals = signal_shifts(ledger_rows, patron, client, attacker)
    knowledge_shift = _total_shift(ledger_signals)
    knowledge_logits = {r: m.logits(base_features)[r] + knowledge_shift[r] for r in RUNGS}
    knowledge_ladder = model.corrected_ladder(knowledge_logits)

    view = read_store(store, patron, client, attacker, until, include_undated)
    events, claims = view.events, view.claims
    features, feature_moves = update_features(base_features, claims)
    store_signals = one_source_per_rung(signal_shifts(events, patron, client, attacker) +
                                        claim_signal_shifts(claims, signal_sentences(events, patron, client, attacker)))
    signals = ledger_signals + store_signals
    shifts = _total_shift(signals)
    evidence_logits = {r: m.logits(features)[r] + shifts[r] for r in RUNGS}
    ew = evidence_weight()
    w = float(ew.get("weight", 1.0)) if weight is None else float(weight)
    final = {r: knowledge_logits[r] + w * (evidence_logits[r] - knowledge_logits[r]) for r in RUNGS}
    ladder = model.corrected_ladder(final)
    # What the model sees after weighting: features and signal shifts moved by w of the way.
    used_features = {f: round(base_features[f] + w * (features[f] - base_features[f]), 4) for f in features}
    used_shifts = {r: knowledge_shift[r] + w * (shifts[r] - knowledge_shift[r]) for r in RUNGS}

    contrib = m.contributions(used_features)
    precedents = nearest_precedents(used_features, patron, until)
    factors = build_factors(contrib, used_shifts, signals, facts, ledger_rows, claims, events, patron, precedents)
    dist = highest_rung_distribution(ladder)
    most_likely = max(dist, key=dist.__getitem__)
    shift = {
        "ladder": {r: round(ladder[r] - knowledge_ladder[r], 4) for r in RUNGS},
        "features": {f: {"shipped": base_features[f], "with_evidence": features[f]}
                     for f in features if features[f] != base_features[f]},
        "feature_moves": feature_moves,
        "signals": [_public(s) for s in store_signals],
        "documents": len({_doc_key(r, i) for i, r in enumerate(events + claims)}),
        "events": len(events),
        "claims": len(claims),
    }
    notes = knowledge.patron_notes(patron, day)
    unlisted = knowledge.unlisted_attacker_note(attacker)
    if unlisted:
        notes.append(unlisted)
    if w == 0.0 and shift["documents"]:
        notes.append("Article evidence is shown but carries zero weight: in the leave-one-episode-out test on the dev "
                     "episodes it did not beat shipped knowledge alone (evidence_weight.yaml).")
    view_summary = view.summary(include_undated)
    if view_summary["left_out_undated"]:
        notes.append(f"{view_summary['left_out_undated']} undated document(s) about this dyad were left out "
                     "(--include-undated counts them).")
    return Assessment(patron=patron, client=client, attacker=attacker, as_of=day,
                      verdict=verdict_text(patron, client, attacker, ladder, factors, most_likely),
                      ladder=ladder, factors=factors, shift=shift, features=used_features,
                      knowledge_ladder=knowledge_ladder, contributions=contrib,
                      signals=[_public(s) for s in signals],
                      most_likely=most_likely,
                      interval={r: list(v) for r, v in m.interval(used_features, used_shifts).items()},
                      model=m.reference(), as_of_view=view_summary,
                      evidence_weight={**ew, "applied": w}, contested=_contested(store_signals, feature_moves),
                      what_would_change=what_would_change(m, used_features, used_shifts, ladder, facts),
                      notes=notes,
                      logits={"knowledge": {r: round(v, 6) for r, v in knowledge_logits.items()},
                              "evidence": {r: round(v, 6) for r, v in evidence_logits.items()}},
                      correction=selection_correction())


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
    from casus.assess.model import REQUIRED_SCENARIO_FIELDS

    day = as_of or dt.date.today().isoformat()
    feats, _facts = knowledge.scenario_features(patron, client, attacker, day)
    out: dict[str, Any] = {"patron": patron, "client": client, "attacker": attacker, "year": int(day[:4])}
    for name in REQUIRED_SCENARIO_FIELDS[4:]:
        out[name] = feats.get(name, 0.0)
    out["_help"] = {
        "patron, client, attacker": "actor codes (ISO 3166 alpha-3 such as RUS, or a group such as NATO)",
        "year": "the year of the attack",
        **{name: f"{feature_label(name)}: 1 yes, 0 no, or a probability in between"
           for name in REQUIRED_SCENARIO_FIELDS[4:]},
        "attacker_nonstate": "optional; " + feature_label("attacker_nonstate")
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
    if a.contested:
        lines += ["", "Contested (reported and denied; both kept, neither cancels the other):"]
        for c in a.contested:
            lines.append(f"  {c['fact']}: " + ", ".join(f"{k} {v} source(s)" for k, v in c["sources"].items()))
    if a.what_would_change:
        lines += ["", "What would most change the answer (each fact flipped):"]
        lines += [flip_line(w) for w in a.what_would_change]
    mm, v, ew = a.model, a.as_of_view, a.evidence_weight
    if mm:
        lines += ["", f"Reference class: {mm['cases']} cases through {mm['through']}. Evidence weight {ew.get('applied', 1.0):g}"
                      f"{' (fitted leave-one-episode-out)' if ew.get('fitted') else ''}."]
    if a.correction.get("applied"):
        c = a.correction
        lines.append(f"Correction for the cases' selection applied: {c['delta']:+.2f} log-odds on {', '.join(c['rungs'])} "
                     f"(fitted on {c.get('fitted_on') or 'the dev episodes'}; selection_offset.yaml).")
    if v:
        lines.append(f"Documents used: {v['documents_used']}; undated documents left out: {v['left_out_undated']}.")
    for note in a.notes:
        lines.append(f"Note: {note}")
    s = a.shift
    applied = a.evidence_weight.get("applied", 1.0) if a.evidence_weight else 1.0
    weight_note = f"; weight {applied:g}, so these moves are shown but not applied" if applied == 0 and s["documents"] else ""
    lines += ["", f"What ingested evidence says ({s['documents']} document(s), {s['events']} event(s), {s['claims']} claim(s)"
                  f"{weight_note}):"]
    if not s["documents"]:
        lines.append("  nothing yet: this answer rests on shipped knowledge (treaties, reference cases, ledger).")
    for feat, v in s["features"].items():
        lines.append(f"  {feat}: {v['shipped']:.2f} -> {v['with_evidence']:.2f}")
    for sig in s["signals"]:
        lines.append(f"  signal '{sig['name']}': " + (", ".join(f"{r} {v:+.2f}" for r, v in sig["shift"].items() if abs(v) >= 0.005)
                                                      or "no move (its document already counts on these rungs)"))
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
