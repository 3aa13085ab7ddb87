"""Score coded events against a gold events file (shared/gold/*.events.jsonl).

Events match as the judged scorer matches them (`casus.evaluate.judged`);
on the role-matched ones, mode, modality, negation and date are compared. ``python -m
casus.evaluate.events [GOLD]`` codes the gold's own sentences, grouped by
document in first-occurrence order, and prints the table.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from casus.evaluate import judged
from casus.evaluate.common import prf, shared_dir
from casus.evaluate.common import read_jsonl as load_jsonl

KEY_FIELDS = ("doc", "sentence", "source", "event", "target", "negated")


def _key(rec: dict) -> tuple:
    return tuple(rec.get(f) for f in KEY_FIELDS)


def score_events(gold_records: Iterable[dict], predicted_records: Iterable[dict], docs: str | None = None) -> dict:
    """The judged figures (`casus.evaluate.judged`) as a table: P/R/F1 overall and per type, and the
    mode, modality, date and negation accuracy on the events whose roles match."""
    r = judged.score_events(gold_records, predicted_records, docs)
    per_type = {t: prf(c["hit"], c["pred"], c["gold"]) for t, c in sorted(r["per_type"].items(), key=lambda kv: str(kv[0]))
                if t is not None}
    acc = r["attributes"]
    return {
        "overall": prf(r["hit"], r["pred"], r["gold"]),
        "per_type": per_type,
        "matched": r["hit"],
        "role_matched": r["role_matched"],
        "mode_accuracy": acc.get("mode", 0.0),
        "modality_accuracy": acc.get("modality", 0.0),
        "date_accuracy": acc.get("date", 0.0),
        "negation_accuracy": acc.get("negated", 0.0),
        "negation_total": r["role_matched"],
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
    from casus.events.coder import code_sentences

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
        f"on {result['role_matched']} role-matched events: mode {result['mode_accuracy']:.3f}  "
        f"modality {result['modality_accuracy']:.3f}  date {result['date_accuracy']:.3f}  negation {result['negation_accuracy']:.3f}"
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
