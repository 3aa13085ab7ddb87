"""The figures casus is judged by, computed the way the project's scorer computes them.

The judged scorer (``shared/tools/score.py``) matches predicted and gold records
one to one, gold in file order, each taking the first unused prediction of the
same document whose key is equal and whose sentence is "the same": equal after
folding whitespace and case, one containing the other at 80% of its length or
more, or 60% of their word sets shared (Jaccard). Events are scored on
(source, event, target, negated); mode, modality, negation and date are then
compared on a second matching on (source, event, target). Claims are scored on
the F1 of ``for`` and of ``against`` with unmatched predictions as false alarms.

`casus eval` prints these lines first, in the scorer's own format (a test holds
them equal to the scorer's output), then casus's extras: F1 per document and
the error kinds.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

Record = dict[str, Any]

CONTAINS_SHARE = 0.8
WORDS_SHARE = 0.6
ATTRIBUTES = ("mode", "modality", "negated", "date")
STANCES_SCORED = ("for", "against")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[a-z0-9]+")
_DOC_KEYS = ("doc", "document", "path", "location", "source_path", "file")
_DOC_LIST_KEYS = ("locations", "paths")


def fold(sentence: str | None) -> str:
    """Whitespace runs to one space, trimmed, lower case."""
    return _SPACE.sub(" ", sentence or "").strip().lower()


def same_sentence(a: str | None, b: str | None) -> bool:
    """Whether two sentence texts count as the same sentence."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    short, long_ = sorted((fa, fb), key=len)
    if short in long_ and len(short) >= CONTAINS_SHARE * len(long_):
        return True
    wa, wb = set(_WORD.findall(fa)), set(_WORD.findall(fb))
    return len(wa & wb) / max(1, len(wa | wb)) >= WORDS_SHARE


def document_of(rec: Record) -> str | None:
    """The file name a record refers to, from whichever field carries it."""
    for key in _DOC_KEYS:
        value = rec.get(key)
        if isinstance(value, str) and value:
            return os.path.basename(value)
    for key in _DOC_LIST_KEYS:
        value = rec.get(key)
        if isinstance(value, list) and value:
            return os.path.basename(str(value[0]))
    return None


def keep_documents(records: Iterable[Record], pattern: str | None) -> list[Record]:
    """Gold records whose document name matches `pattern` (all of them without one)."""
    if not pattern:
        return list(records)
    rx = re.compile(pattern)
    return [r for r in records if rx.search(r.get("doc") or "")]


def match(
    gold: Sequence[Record], pred: Sequence[Record], key: Callable[[Record], tuple[Any, ...]],
    pair_ok: Callable[[Record, Record], bool] | None = None,
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs: same document, equal key (or `pair_ok`), same sentence."""
    by_doc: dict[str | None, list[int]] = defaultdict(list)
    for i, p in enumerate(pred):
        by_doc[document_of(p)].append(i)
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for gi, g in enumerate(gold):
        for i in by_doc[g["doc"]]:
            if i in used:
                continue
            fits = pair_ok(pred[i], g) if pair_ok else key(pred[i]) == key(g)
            if fits and same_sentence(pred[i].get("sentence", ""), g["sentence"]):
                used.add(i)
                pairs.append((gi, i))
                break
    return pairs


def event_key(rec: Record) -> tuple[Any, ...]:
    return rec.get("source"), rec.get("event"), rec.get("target"), bool(rec.get("negated"))


def role_key(rec: Record) -> tuple[Any, ...]:
    return rec.get("source"), rec.get("event"), rec.get("target")


def _ratio(part: int, whole: int) -> float:
    return part / max(1, whole)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / max(1e-9, p + r)


def _same_value(field: str, g: Record, p: Record) -> bool:
    if field == "negated":
        return bool(g.get(field)) == bool(p.get(field))
    return (g.get(field) or None) == (p.get(field) or None)


def _in_gold_documents(gold: Sequence[Record], pred: Iterable[Record]) -> list[Record]:
    docs = {g["doc"] for g in gold}
    return [p for p in pred if document_of(p) in docs]


def score_events(gold_records: Iterable[Record], pred_records: Iterable[Record], docs: str | None = None) -> dict[str, Any]:
    """The judged event figures: P/R/F1, counts per type, attribute accuracy on role-matched events."""
    gold = keep_documents(gold_records, docs)
    pred = _in_gold_documents(gold, pred_records)
    pairs = match(gold, pred, event_key)
    per_type: dict[Any, list[int]] = defaultdict(lambda: [0, 0, 0])  # hit, gold, pred
    for g in gold:
        per_type[g["event"]][1] += 1
    for gi, _ in pairs:
        per_type[gold[gi]["event"]][0] += 1
    for p in pred:
        per_type[p.get("event")][2] += 1
    roles = match(gold, pred, role_key)
    precision, recall = _ratio(len(pairs), len(pred)), _ratio(len(pairs), len(gold))
    return {
        "precision": precision, "recall": recall, "f1": _f1(precision, recall),
        "gold": len(gold), "pred": len(pred), "hit": len(pairs),
        "per_type": {t: {"gold": g, "pred": p, "hit": h} for t, (h, g, p) in per_type.items()},
        "role_matched": len(roles),
        "attributes": {f: sum(_same_value(f, gold[gi], pred[i]) for gi, i in roles) / len(roles) for f in ATTRIBUTES}
        if roles else {},
        "_pairs": pairs, "_roles": roles, "_gold": gold, "_pred": pred,
    }


def format_events(result: dict[str, Any]) -> str:
    """The judged scorer's lines for events, in its format."""
    lines = []
    for t, c in sorted(result["per_type"].items(), key=lambda kv: -kv[1]["gold"]):
        if t is not None:
            lines.append(f"  {t:10s} gold={c['gold']:4d} pred={c['pred']:4d} hit={c['hit']:4d}")
    if result["role_matched"]:
        lines.append(f"  on {result['role_matched']} events matched on (source, event, target): "
                     + " ".join(f"{f}_acc={v:.3f}" for f, v in result["attributes"].items()))
    lines.append(f"precision={result['precision']:.3f} recall={result['recall']:.3f} f1={result['f1']:.3f} "
                 f"gold={result['gold']} pred={result['pred']}")
    return "\n".join(lines)


def _pair_fits(p: Record, g: Record) -> bool:
    return p.get("patron") in (None, g.get("patron")) and p.get("client") in (None, g.get("client"))


def score_claims(gold_records: Iterable[Record], pred_records: Iterable[Record], docs: str | None = None) -> dict[str, Any]:
    """The judged claim figures: stance F1 of for and against, detection P/R, factor accuracy, confusion."""
    gold = keep_documents(gold_records, docs)
    pred = _in_gold_documents(gold, pred_records)
    pairs = match(gold, pred, lambda r: (), pair_ok=_pair_fits)
    matched = dict(pairs)
    used = set(matched.values())
    confusion: Counter[tuple[str, str]] = Counter()
    for gi, g in enumerate(gold):
        confusion[(g["stance"], pred[matched[gi]].get("stance", "neutral") if gi in matched else "none")] += 1
    for i, p in enumerate(pred):
        if i not in used:
            confusion[("none", p.get("stance", "neutral"))] += 1
    f1s = {}
    for label in STANCES_SCORED:
        tp = confusion[(label, label)]
        fp = sum(n for (g, q), n in confusion.items() if q == label and g != label)
        fn = sum(n for (g, q), n in confusion.items() if g == label and q != label)
        f1s[label] = _f1(_ratio(tp, tp + fp), _ratio(tp, tp + fn))
    return {
        "stance_f1": sum(f1s.values()) / len(f1s), "for_f1": f1s["for"], "against_f1": f1s["against"],
        "detection_p": _ratio(len(pairs), len(pred)), "detection_r": _ratio(len(pairs), len(gold)),
        "factor_acc": _ratio(sum(gold[gi].get("factor") == pred[i].get("factor") for gi, i in pairs), len(pairs)),
        "gold": len(gold), "pred": len(pred),
        "confusion": {f"{g}->{q}": n for (g, q), n in sorted(confusion.items())},
        "_pairs": pairs, "_gold": gold, "_pred": pred,
    }


def format_claims(result: dict[str, Any]) -> str:
    """The judged scorer's lines for claims, in its format."""
    return (
        "  confusion (gold, predicted): " + " ".join(f"{k}:{n}" for k, n in result["confusion"].items()) + "\n"
        f"stance_f1={result['stance_f1']:.3f} for_f1={result['for_f1']:.3f} against_f1={result['against_f1']:.3f} "
        f"detection_p={result['detection_p']:.3f} detection_r={result['detection_r']:.3f} "
        f"factor_acc={result['factor_acc']:.3f} gold={result['gold']} pred={result['pred']}"
    )


def public(result: dict[str, Any]) -> dict[str, Any]:
    """A result without its working lists (the `_` keys), for JSON."""
    return {k: v for k, v in result.items() if not k.startswith("_")}


# -- casus's extras -------------------------------------------------------------------


def per_document(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Precision, recall and F1 per gold document, from a score_events or score_claims result."""
    gold, pred, pairs = result["_gold"], result["_pred"], result["_pairs"]
    n_gold = Counter(g["doc"] for g in gold)
    n_pred = Counter(document_of(p) for p in pred)
    hits = Counter(gold[gi]["doc"] for gi, _ in pairs)
    rows = []
    for doc in sorted(n_gold):
        p, r = _ratio(hits[doc], n_pred[doc]), _ratio(hits[doc], n_gold[doc])
        rows.append({"doc": doc, "gold": n_gold[doc], "pred": n_pred[doc], "hit": hits[doc],
                     "precision": p, "recall": r, "f1": _f1(p, r)})
    return rows


def event_error_kinds(result: dict[str, Any]) -> Counter[str]:
    """Why unmatched events failed: what was right (sentence, roles) and what was wrong, counted."""
    gold, pred, pairs = result["_gold"], result["_pred"], result["_pairs"]
    hit_gold = {gi for gi, _ in pairs}
    hit_pred = {i for _, i in pairs}
    kinds: Counter[str] = Counter()
    left_pred = [pred[i] for i in range(len(pred)) if i not in hit_pred]
    for gi, g in enumerate(gold):
        if gi in hit_gold:
            continue
        near = [p for p in left_pred if document_of(p) == g["doc"] and same_sentence(p.get("sentence"), g["sentence"])]
        kinds[_miss_kind(g, near)] += 1
    left_gold = [gold[gi] for gi in range(len(gold)) if gi not in hit_gold]
    for p in left_pred:
        near = [g for g in left_gold if g["doc"] == document_of(p) and same_sentence(p.get("sentence"), g["sentence"])]
        kinds["false alarm: sentence has no gold event" if not near else "false alarm: sentence has other gold events"] += 1
    return kinds


def _miss_kind(g: Record, near: Sequence[Record]) -> str:
    if not near:
        return "missed: no event predicted on the sentence"
    if any(role_key(p) == role_key(g) for p in near):
        return "missed: negation wrong"
    if any(p.get("event") == g.get("event") and p.get("source") == g.get("source") for p in near):
        return "missed: target wrong"
    if any(p.get("event") == g.get("event") and p.get("target") == g.get("target") for p in near):
        return "missed: source wrong"
    if any(p.get("event") == g.get("event") for p in near):
        return "missed: source and target wrong"
    if any((p.get("source"), p.get("target")) == (g.get("source"), g.get("target")) for p in near):
        return "missed: event type wrong"
    return "missed: other events predicted on the sentence"


def format_per_document(rows: Sequence[dict[str, Any]]) -> str:
    """A table of the per-document figures, worst first."""
    lines = [f"  {'doc':<28} {'gold':>5} {'pred':>5} {'hit':>5} {'F1':>6}"]
    for r in sorted(rows, key=lambda r: (r["f1"], r["doc"])):
        lines.append(f"  {r['doc'][:28]:<28} {r['gold']:5d} {r['pred']:5d} {r['hit']:5d} {r['f1']:6.3f}")
    return "\n".join(lines)


def score_store(kind: str, gold: Sequence[Record], store: Any, docs: str | None = None) -> dict[str, Any]:
    """Score a store's events or claims against gold records, read in `casus export` order (as the scorer reads them)."""
    from casus.outputs.export import records

    pred = list(records(store, kind))
    result = (score_events if kind == "events" else score_claims)(gold, pred, docs)
    stored = {document_of(d) for d in store.iter_documents()}
    result["missing_documents"] = sorted({g["doc"] for g in result["_gold"]} - stored)
    return result


def format_report(kind: str, result: dict[str, Any], extras: bool = True) -> str:
    """The scorer's lines, then (with `extras`) F1 per document and, for events, the error kinds."""
    out = [format_events(result) if kind == "events" else format_claims(result)]
    if result.get("missing_documents"):
        out.append(f"note: {len(result['missing_documents'])} gold documents are not in the store "
                   "(their gold records count as missed): " + ", ".join(result["missing_documents"][:5])
                   + (" ..." if len(result["missing_documents"]) > 5 else ""))
    if extras:
        out.append("per document (worst first):\n" + format_per_document(per_document(result)))
        if kind == "events":
            kinds = event_error_kinds(result)
            out.append("error kinds:\n" + "\n".join(f"  {n:5d}  {k}" for k, n in kinds.most_common()))
    return "\n".join(out)
