"""Score :func:`casus.text.clean.clean_text` against a gold junk file.

Two numbers, both from the clean text alone (the cleaner is a black box here):

- **recall**: the share of gold junk characters no longer in the clean text.
  Each gold junk run is cut into its non-blank lines; a line counts as removed
  as many times as it occurs less often in the clean text than it does in the
  raw text outside gold junk.
- **text loss**: the share of characters of gold article sentences (from the
  ``*.events.jsonl`` and ``*.claims.jsonl`` files beside the junk file) whose
  occurrences outside gold junk are missing from the clean text.

A third, **precision**, is the share of the characters the cleaner reports as
junk that lie inside gold junk runs (an over-removal gauge: removed headings and
titles count against it, though gold does not annotate them).

Run ``python -m casus.evaluate.junk [--gold FILE] [--seeds DIR]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from casus.evaluate.common import read_jsonl, shared_dir
from casus.text.clean import clean_text

__all__ = ["score_junk", "locate", "gold_sentences"]


def locate(raw: str, texts: Iterable[str]) -> list[tuple[int, int]]:
    """Offsets of each text in ``raw``; repeats of one text take successive occurrences."""
    nxt: dict[str, int] = {}
    out = []
    for t in texts:
        i = raw.find(t, nxt.get(t, 0))
        if i < 0:
            i = raw.find(t)
        if i < 0:
            continue
        nxt[t] = i + max(1, len(t))
        out.append((i, i + len(t)))
    return out


def _mask(n: int, spans: Iterable[tuple[int, int]]) -> bytearray:
    m = bytearray(n)
    for s, e in spans:
        m[s:e] = b"\x01" * (e - s)
    return m


def _count_outside(raw: str, needle: str, mask: bytearray) -> int:
    """Non-overlapping occurrences of ``needle`` in ``raw`` that touch no masked char."""
    n, i = 0, raw.find(needle)
    while i >= 0:
        if not any(mask[i : i + len(needle)]):
            n += 1
        i = raw.find(needle, i + max(1, len(needle)))
    return n


def gold_sentences(gold_dir: Path, stem: str = "seeds") -> dict[str, list[str]]:
    """Distinct gold sentences per document from the events and claims files."""
    out: dict[str, dict[str, None]] = defaultdict(dict)
    for kind in ("events", "claims"):
        path = gold_dir / f"{stem}.{kind}.jsonl"
        if path.exists():
            for r in read_jsonl(path):
                out[r["doc"]][r["sentence"]] = None
    return {doc: list(s) for doc, s in out.items()}


def throughput(texts: list[str], min_seconds: float = 0.3) -> dict[str, float]:
    """MB/s and documents/s of ``clean_text`` over ``texts``, repeated for a stable time."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    rounds, t0 = 0, time.perf_counter()
    while True:
        for t in texts:
            clean_text(t)
        rounds += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= min_seconds:
            break
    return {"mb_per_s": size * rounds / 1e6 / elapsed, "docs_per_s": len(texts) * rounds / elapsed}


def _doc_scores(raw: str, junk: list[dict[str, Any]], sentences: list[str]) -> dict[str, Any]:
    cleaned = clean_text(raw)
    clean = cleaned.text
    gold_spans = locate(raw, [j["text"] for j in junk])
    mask = _mask(len(raw), gold_spans)

    pieces: Counter[str] = Counter()
    for j in junk:
        pieces.update(p.strip() for p in j["text"].split("\n") if p.strip())
    junk_total = removed = 0
    missed: list[str] = []
    for p, occ in pieces.items():
        survive = min(occ, max(0, clean.count(p) - _count_outside(raw, p, mask)))
        junk_total += len(p) * occ
        removed += len(p) * (occ - survive)
        if survive:
            missed.append(p)

    text_total = lost = 0
    lost_sentences: list[str] = []
    for s in sentences:
        expected = _count_outside(raw, s, mask)
        missing = max(0, expected - clean.count(s))
        text_total += len(s) * expected
        lost += len(s) * missing
        if missing:
            lost_sentences.append(s)

    predicted = [(j.kind, j.text) for j in cleaned.junk]
    runs_exact = sum(1 for j in junk if (j["kind"], j["text"]) in predicted)
    runs_text = sum(1 for j in junk if j["text"] in {t for _, t in predicted})
    pred_spans = locate(raw, [j.text for j in cleaned.junk])
    pred_total = sum(e - s for s, e in pred_spans)
    pred_in_gold = sum(sum(mask[s:e]) for s, e in pred_spans)
    return {
        "gold_runs": len(junk),
        "pred_runs": len(predicted),
        "runs_exact": runs_exact,
        "runs_same_text": runs_text,
        "junk_chars": junk_total,
        "junk_removed": removed,
        "text_chars": text_total,
        "text_lost": lost,
        "pred_chars": pred_total,
        "pred_in_gold": pred_in_gold,
        "recall": removed / junk_total if junk_total else 1.0,
        "text_loss": lost / text_total if text_total else 0.0,
        "precision": pred_in_gold / pred_total if pred_total else 1.0,
        "missed_junk": missed,
        "lost_sentences": lost_sentences,
    }


def score_junk(gold_path: str | Path, seeds_dir: str | Path) -> dict[str, Any]:
    """Junk recall, article-text loss and precision, overall and per document.

    Example: ``score_junk("shared/gold/seeds.junk.jsonl", "shared/corpus/seeds")``.
    """
    gold_path, seeds_dir = Path(gold_path), Path(seeds_dir)
    junk_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in read_jsonl(gold_path):
        junk_by_doc[r["doc"]].append(r)
    stem = gold_path.name.split(".")[0]
    sentences = gold_sentences(gold_path.parent, stem)
    docs = sorted(set(junk_by_doc) | set(sentences))
    per_doc, raws = {}, []
    for doc in docs:
        raw = (seeds_dir / doc).read_text(encoding="utf-8")
        raws.append(raw)
        per_doc[doc] = _doc_scores(raw, junk_by_doc.get(doc, []), sentences.get(doc, []))
    tot = {k: sum(d[k] for d in per_doc.values()) for k in
           ("junk_chars", "junk_removed", "text_chars", "text_lost", "pred_chars", "pred_in_gold",
            "gold_runs", "pred_runs", "runs_exact", "runs_same_text")}
    return {
        "recall": tot["junk_removed"] / tot["junk_chars"] if tot["junk_chars"] else 1.0,
        "text_loss": tot["text_lost"] / tot["text_chars"] if tot["text_chars"] else 0.0,
        "precision": tot["pred_in_gold"] / tot["pred_chars"] if tot["pred_chars"] else 1.0,
        "speed": throughput(raws),
        "gold_runs": tot["gold_runs"],
        "pred_runs": tot["pred_runs"],
        "runs_exact": tot["runs_exact"],
        "docs": per_doc,
    }


def format_scores(result: dict[str, Any]) -> str:
    """The junk score table: per document, overall, speed, then each junk run kept and sentence lost."""
    rows = [f"{'doc':<28} {'recall':>7} {'loss':>7} {'prec':>7} {'junk ch':>8} {'text ch':>8} {'runs =':>7}"]
    for doc, d in result["docs"].items():
        rows.append(f"{doc:<28} {d['recall']:>7.3f} {d['text_loss']:>7.4f} {d['precision']:>7.3f}"
                    f" {d['junk_chars']:>8} {d['text_chars']:>8} {d['runs_exact']:>3}/{d['gold_runs']:<3}")
    rows.append(f"{'ALL':<28} {result['recall']:>7.3f} {result['text_loss']:>7.4f} {result['precision']:>7.3f}"
                f" {'':>8} {'':>8} {result['runs_exact']:>3}/{result['gold_runs']:<3}")
    rows.append("runs = gold junk runs the cleaner reports with the same text and kind;"
                f" it reports {result['pred_runs']} runs in all")
    sp = result["speed"]
    rows.append(f"clean_text speed: {sp['mb_per_s']:.2f} MB/s, {sp['docs_per_s']:.0f} documents/s")
    for doc, d in result["docs"].items():
        for p in d["missed_junk"]:
            rows.append(f"  junk kept   {doc[:3]}: {p[:90]!r}")
        for s in d["lost_sentences"]:
            rows.append(f"  text lost   {doc[:3]}: {s[:90]!r}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Print the junk score table."""
    shared = shared_dir()
    ap = argparse.ArgumentParser(prog="python -m casus.evaluate.junk", description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=shared / "gold" / "seeds.junk.jsonl")
    ap.add_argument("--seeds", type=Path, default=shared / "corpus" / "seeds")
    args = ap.parse_args(argv)
    if not args.gold.exists():
        print(f"error: gold file {args.gold} not found; pass --gold", file=sys.stderr)
        return 2
    print(format_scores(score_junk(args.gold, args.seeds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
