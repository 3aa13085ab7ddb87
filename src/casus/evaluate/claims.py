"""Score claims against a gold claims file (shared/gold/*.claims.jsonl).

Matching is on (doc, sentence). Sentences are compared after normalisation
(whitespace, quotes, markdown `*`/`#` at the edges, case); a predicted sentence
that is not equal to a gold one still matches it when one contains the other and
the shorter is at least `CONTAIN_RATIO` of the longer (segmenters differ at the
edges). A sentence that occurs twice in a document is two keys.

The first rows are the judged figures (`casus.evaluate.judged`, as the
project's scorer computes them: spurious claims count). The rest are older,
looser views kept for comparison. Stance is scored there on the gold claim sentences only: a gold sentence with no
predicted claim counts as predicted "neutral". Macro-F1 is the unweighted mean
of the per-class F1 over for / against / neutral (a class with no predictions
has precision 0 and F1 0), i.e. sklearn's `f1_score(average="macro",
labels=STANCES)`; `stance_macro_f1_for_against` is the same mean over for and
against only. Detection precision/recall compare the predicted claim sentences
with the gold ones.

Usage:
    python -m casus.evaluate.claims [--shared PATH] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from casus.evaluate import judged
from casus.evaluate.common import prf, read_jsonl, shared_dir
from casus.records import FACTORS, STANCES

CONTAIN_RATIO = 0.6
Record = dict[str, Any]


def normalise(sentence: str) -> str:
    """Comparison form of a sentence."""
    s = sentence.translate(str.maketrans("\u2019\u2018\u201c\u201d\u00a0", "''\"\" "))
    s = re.sub(r"\s+", " ", s).strip().strip("*#\"' ").strip()
    return s.lower()


def _keys(records: Iterable[Record]) -> dict[tuple[str, str, int], Record]:
    """Key each record by (doc, normalised sentence, occurrence number)."""
    seen: Counter[tuple[str, str]] = Counter()
    out: dict[tuple[str, str, int], Record] = {}
    for r in records:
        base = (r["doc"], normalise(r["sentence"]))
        out[base + (seen[base],)] = r  # not (*base, n): Python 3.10
        seen[base] += 1
    return out


def _contains(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    return bool(short) and short in long_ and len(short) >= CONTAIN_RATIO * len(long_)


def align(
    gold: Sequence[Record], predicted: Sequence[Record]
) -> tuple[list[tuple[Record, Record | None]], list[Record]]:
    """Pair each gold record with its predicted record (or None); also the unmatched predictions."""
    g_keys, p_keys = _keys(gold), _keys(predicted)
    pairs: dict[tuple[str, str, int], Record | None] = {k: p_keys.get(k) for k in g_keys}
    used = {k for k in g_keys if k in p_keys}
    by_doc: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for k in p_keys:
        if k not in used:
            by_doc[k[0]].append(k)
    for gk, match in pairs.items():
        if match is not None:
            continue
        for pk in by_doc.get(gk[0], []):
            if pk not in used and _contains(gk[1], pk[1]):
                pairs[gk] = p_keys[pk]
                used.add(pk)
                break
    unmatched = [p_keys[k] for k in p_keys if k not in used]
    return [(g_keys[k], pairs[k]) for k in g_keys], unmatched


def score_claims(gold_records: Sequence[Record], predicted_records: Sequence[Record]) -> dict[str, Any]:
    """Stance macro-F1, stance/factor accuracy and claim detection P/R of predictions vs gold."""
    pairs, unmatched = align(gold_records, predicted_records)
    y_true = [g["stance"] for g, _ in pairs]
    y_pred = [p["stance"] if p else "neutral" for _, p in pairs]
    per_class = {
        c: {
            **prf(
                sum(t == c and q == c for t, q in zip(y_true, y_pred)),
                sum(q == c for q in y_pred),
                sum(t == c for t in y_true),
            ),
            "support": sum(t == c for t in y_true),
        }
        for c in STANCES
    }
    found = [(g, p) for g, p in pairs if p is not None]
    n_gold, n_found = len(pairs), len(found)
    confusion = Counter(zip(y_true, y_pred))
    as_judged = judged.public(judged.score_claims(gold_records, predicted_records))
    return {
        **{k: as_judged[k] for k in ("stance_f1", "for_f1", "against_f1", "detection_p", "detection_r", "factor_acc")},
        "n_gold": n_gold,
        "n_predicted": n_found + len(unmatched),
        "detection": prf(n_found, n_found + len(unmatched), n_gold),
        "stance_macro_f1": sum(per_class[c]["f1"] for c in STANCES) / len(STANCES),
        "stance_macro_f1_for_against": (per_class["for"]["f1"] + per_class["against"]["f1"]) / 2,
        "stance_accuracy": sum(t == q for t, q in zip(y_true, y_pred)) / n_gold if n_gold else 0.0,
        "stance_per_class": per_class,
        "stance_confusion": {f"{t}->{q}": n for (t, q), n in sorted(confusion.items())},
        "factor_accuracy": sum(g["factor"] == p["factor"] for g, p in found) / n_found if n_found else 0.0,
        "factor_accuracy_all": sum(g["factor"] == p["factor"] for g, p in found) / n_gold if n_gold else 0.0,
        "factor_per_class": {
            f: prf(
                sum(g["factor"] == f and p["factor"] == f for g, p in found),
                sum(p["factor"] == f for _, p in found),
                sum(g["factor"] == f for g, _ in found),
            )
            for f in FACTORS
        },
    }


# --- running on the seeds -------------------------------------------------------


def _title(raw: str) -> str | None:
    first = next((line.strip() for line in raw.splitlines() if line.strip()), "")
    return first.strip("# *") or None


def predict_segmented(corpus: Path, docs: Iterable[str]) -> list[Record]:
    """Run each document through the pipeline as `casus ingest` does (casus.run.pipeline); claim records out."""
    from casus.read.inputs import read_file
    from casus.run.pipeline import process

    out: list[Record] = []
    for doc in docs:
        processed = process(read_file(str(corpus / doc)))
        out += [{"doc": doc, "sentence": s.text, **_claim_dict(c)} for s in processed.sentences for c in s.claims]
    return out


def predict_on_gold_sentences(corpus: Path, gold: Sequence[Record]) -> list[Record]:
    """Run code_claims on the gold sentences only, per document in document order (coder-independent)."""
    from casus.claims.stance import code_claims

    by_doc: dict[str, list[str]] = defaultdict(list)
    for r in gold:
        by_doc[r["doc"]].append(r["sentence"])
    out: list[Record] = []
    for doc, sentences in by_doc.items():
        raw = (corpus / doc).read_text(encoding="utf-8") if (corpus / doc).exists() else ""
        sentences = sorted(sentences, key=lambda s: raw.find(s))  # stable: repeats keep gold order
        claims = code_claims(sentences, [[] for _ in sentences], title=_title(raw) if raw else None)
        out += [{"doc": doc, "sentence": s, **_claim_dict(c)} for s, cs in zip(sentences, claims) for c in cs]
    return out


def _claim_dict(c: Any) -> dict[str, str]:
    return {"patron": c.patron, "client": c.client, "stance": c.stance, "factor": c.factor}


def _class_f1(c: str) -> Any:
    return lambda r: f"{r['stance_per_class'][c]['f1']:.3f}"


def format_table(results: dict[str, dict[str, Any]]) -> str:
    """A plain-text table, one column per run."""
    rows = [
        ("stance F1, for/against (judged)", lambda r: f"{r['stance_f1']:.3f}"),
        ("detection P (judged)", lambda r: f"{r['detection_p']:.3f}"),
        ("detection R (judged)", lambda r: f"{r['detection_r']:.3f}"),
        ("factor accuracy (judged)", lambda r: f"{r['factor_acc']:.3f}"),
        ("gold claims", lambda r: f"{r['n_gold']}"),
        ("predicted claims", lambda r: f"{r['n_predicted']}"),
        ("detection P", lambda r: f"{r['detection']['precision']:.3f}"),
        ("detection R", lambda r: f"{r['detection']['recall']:.3f}"),
        ("detection F1", lambda r: f"{r['detection']['f1']:.3f}"),
        ("stance macro-F1 (3 classes)", lambda r: f"{r['stance_macro_f1']:.3f}"),
        ("stance macro-F1 (for/against)", lambda r: f"{r['stance_macro_f1_for_against']:.3f}"),
        ("stance accuracy", lambda r: f"{r['stance_accuracy']:.3f}"),
        *((f"  F1 {c}", _class_f1(c)) for c in STANCES),
        ("factor accuracy (found)", lambda r: f"{r['factor_accuracy']:.3f}"),
        ("factor accuracy (all gold)", lambda r: f"{r['factor_accuracy_all']:.3f}"),
    ]
    names = list(results)
    width = max(len(n) for n, _ in rows) + 2
    lines = ["".ljust(width) + "".join(n.rjust(14) for n in names)]
    for name, fn in rows:
        lines.append(name.ljust(width) + "".join(fn(results[n]).rjust(14) for n in names))
    return "\n".join(lines)


def format_scores(scores: dict[str, Any]) -> str:
    """The table for one run (what `casus eval claims` prints)."""
    return format_table({"claims": scores})


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=None, help="shared/ folder with gold/ and corpus/seeds/")
    parser.add_argument("--json", action="store_true", help="print the full results as JSON")
    args = parser.parse_args(argv)
    shared = args.shared or shared_dir()
    if shared is None or not (shared / "gold" / "seeds.claims.jsonl").exists():
        print("error: gold not found - pass --shared PATH (the folder holding gold/ and corpus/seeds/)", file=sys.stderr)
        return 2
    gold = read_jsonl(shared / "gold" / "seeds.claims.jsonl")
    corpus = shared / "corpus" / "seeds"
    docs = sorted({r["doc"] for r in gold})
    results = {
        "gold-sentences": score_claims(gold, predict_on_gold_sentences(corpus, gold)),
        "pipeline": score_claims(gold, predict_segmented(corpus, docs)),
    }
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"claims vs {shared / 'gold' / 'seeds.claims.jsonl'} ({len(gold)} gold, {len(docs)} docs)")
        print(format_table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
