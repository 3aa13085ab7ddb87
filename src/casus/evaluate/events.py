"""Score coded events against a gold events file (shared/gold/*.events.jsonl).

Events match on (doc, sentence, source, event, target, negated) as multisets;
on the matched ones, mode, modality and date are compared. ``python -m
casus.evaluate.events [GOLD]`` codes the gold's own sentences, grouped by
document in first-occurrence order, and prints the table.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from casus.evaluate.common import prf, shared_dir
from casus.evaluate.common import read_jsonl as load_jsonl

KEY_FIELDS = ("doc", "sentence", "source", "event", "target", "negated")


def _key(rec: dict) -> tuple:
    return tuple(rec.get(f) for f in KEY_FIELDS)


def match(gold: Sequence[dict], pred: Sequence[dict]) -> list[tuple[dict, dict]]:
    """Pairs of (gold, predicted) records with the same key, one-to-one, preferring equal mode/modality/date."""
    pool: dict[tuple, list[dict]] = defaultdict(list)
    for p in pred:
        pool[_key(p)].append(p)
    pairs: list[tuple[dict, dict]] = []
    for g in gold:
        cands = pool.get(_key(g))
        if not cands:
            continue
        best = max(range(len(cands)), key=lambda i: (
            cands[i].get("mode") == g.get("mode"), cands[i].get("modality") == g.get("modality"), cands[i].get("date") == g.get("date")))
        pairs.append((g, cands.pop(best)))
    return pairs


def score_events(gold_records: Iterable[dict], predicted_records: Iterable[dict]) -> dict:
    """Precision, recall and F1 per event type and overall; mode, modality, date and negation accuracy on matches."""
    gold = list(gold_records)
    pred = list(predicted_records)
    pairs = match(gold, pred)
    tp_by = Counter(g["event"] for g, _ in pairs)
    gold_by = Counter(g["event"] for g in gold)
    pred_by = Counter(p["event"] for p in pred)
    per_type = {t: prf(tp_by[t], pred_by[t], gold_by[t]) for t in sorted(set(gold_by) | set(pred_by))}
    n = len(pairs)

    def acc(field: str) -> float:
        return sum(g.get(field) == p.get(field) for g, p in pairs) / n if n else 0.0

    # Negation accuracy: of the gold events whose (doc, sentence, source, event, target) was predicted,
    # the share predicted with the right polarity.
    loose: dict[tuple, list[dict]] = defaultdict(list)
    for p in pred:
        loose[_key(p)[:-1]].append(p)
    neg_total = neg_right = 0
    for g in gold:
        cands = loose.get(_key(g)[:-1])
        if not cands:
            continue
        neg_total += 1
        hit = next((i for i, c in enumerate(cands) if c.get("negated") == g.get("negated")), None)
        if hit is not None:
            neg_right += 1
            cands.pop(hit)
        else:
            cands.pop(0)
    return {
        "overall": prf(n, len(pred), len(gold)),
        "per_type": per_type,
        "matched": n,
        "mode_accuracy": acc("mode"),
        "modality_accuracy": acc("modality"),
        "date_accuracy": acc("date"),
        "attribution_accuracy": acc("attribution"),
        "negation_accuracy": neg_right / neg_total if neg_total else 0.0,
        "negation_total": neg_total,
    }


def gold_documents(gold: Sequence[dict]) -> dict[str, list[str]]:
    """Each document's distinct gold sentences in first-occurrence order (a repeated sentence keeps both)."""
    docs: dict[str, list[str]] = {}
    seen: dict[str, Counter] = defaultdict(Counter)
    per_sentence: Counter = Counter()
    for rec in gold:
        per_sentence[(rec["doc"], rec["sentence"])] += 0
    for rec in gold:
        doc, sentence = rec["doc"], rec["sentence"]
        if seen[doc][sentence] == 0:
            docs.setdefault(doc, []).append(sentence)
        seen[doc][sentence] += 1
    return docs


def predict_gold_sentences(gold: Sequence[dict], published: dict[str, str] | None = None) -> list[dict]:
    """Code the gold sentences document by document and return event records in the schema's shape."""
    from casus.coder import code_sentences

    out: list[dict] = []
    for doc, sentences in gold_documents(gold).items():
        coded = code_sentences(sentences, (published or {}).get(doc))
        for sentence, events in zip(sentences, coded, strict=True):
            for e in events:
                out.append({
                    "doc": doc, "sentence": sentence, "source": e.source, "event": e.event, "mode": e.mode,
                    "target": e.target, "date": e.date, "modality": e.modality, "negated": e.negated,
                    "attribution": e.attribution,
                })
    return out


def format_table(result: dict) -> str:
    """A plain-text table of the scores."""
    lines = [f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}"]
    for t, s in result["per_type"].items():
        lines.append(f"{t:<10} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['tp']:5d} {s['pred']:5d} {s['gold']:5d}")
    o = result["overall"]
    lines.append(f"{'overall':<10} {o['precision']:6.3f} {o['recall']:6.3f} {o['f1']:6.3f} {o['tp']:5d} {o['pred']:5d} {o['gold']:5d}")
    lines.append(
        f"matched {result['matched']}: mode {result['mode_accuracy']:.3f}  modality {result['modality_accuracy']:.3f}  "
        f"date {result['date_accuracy']:.3f}  negation {result['negation_accuracy']:.3f} (of {result['negation_total']})"
    )
    return "\n".join(lines)


format_scores = format_table  # the name the CLI uses


def default_gold() -> Path:
    """shared/gold/seeds.events.jsonl beside the repository."""
    return shared_dir() / "gold" / "seeds.events.jsonl"


def main(argv: Sequence[str] | None = None) -> int:
    """Code the gold sentences and print precision, recall and F1 per type."""
    parser = argparse.ArgumentParser(prog="python -m casus.evaluate.events", description=main.__doc__)
    parser.add_argument("gold", nargs="?", type=Path, default=None, help="gold events JSONL (default: shared seeds)")
    parser.add_argument("--errors", action="store_true", help="also list missed and extra events")
    args = parser.parse_args(argv)
    path = args.gold or default_gold()
    if not path.exists():
        print(f"error: no gold file at {path}; pass its path as the first argument", file=sys.stderr)
        return 2
    gold = load_jsonl(path)
    pred = predict_gold_sentences(gold)
    result = score_events(gold, pred)
    print(format_table(result))
    if args.errors:
        print(error_report(gold, pred))
    return 0


def error_report(gold: Sequence[dict], pred: Sequence[dict]) -> str:
    """Missed and extra events per sentence, for error analysis."""
    g_left = Counter(_key(g) for g in gold)
    p_left = Counter(_key(p) for p in pred)
    common = g_left & p_left
    missed = g_left - common
    extra = p_left - common
    by_sentence: dict[tuple, list[str]] = defaultdict(list)
    for k, n in missed.items():
        by_sentence[k[:2]].append(f"  MISS {k[2]} {k[3]} {k[4]}{' NEG' if k[5] else ''}" + (f" x{n}" if n > 1 else ""))
    for k, n in extra.items():
        by_sentence[k[:2]].append(f"  EXTRA {k[2]} {k[3]} {k[4]}{' NEG' if k[5] else ''}" + (f" x{n}" if n > 1 else ""))
    lines = []
    for (doc, sentence), items in by_sentence.items():
        lines.append(f"{doc[:3]} | {sentence}")
        lines.extend(sorted(items))
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
