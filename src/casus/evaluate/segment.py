"""Score :func:`casus.text.segment.split_sentences` against the gold sentences.

The gold events and claims are read sentence by sentence; the score is the
share of distinct (document, sentence) pairs that come out of the pipeline's
cleaning and segmenting (``casus.run.pipeline.prepare`` and ``segment``, as
``casus ingest`` runs them on the file's text) as one exact span. Throughput of
``split_sentences`` alone is measured on the clean texts of the same documents.

Run ``python -m casus.evaluate.segment [--gold DIR] [--seeds DIR]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from casus.errors import SkipInput
from casus.evaluate.common import shared_dir
from casus.evaluate.junk import gold_sentences
from casus.records import Cleaned, RawInput
from casus.run.pipeline import prepare, segment
from casus.text.segment import split_sentences

__all__ = ["score_segmentation", "throughput"]


def throughput(texts: list[str], min_seconds: float = 0.3) -> dict[str, float]:
    """Sentences/s and MB/s of ``split_sentences`` over ``texts``, repeated for a stable time."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    n_sent, rounds, t0 = 0, 0, time.perf_counter()
    while True:
        for t in texts:
            n_sent += len(split_sentences(t))
        rounds += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= min_seconds:
            break
    return {"sentences_per_s": n_sent / elapsed, "mb_per_s": size * rounds / 1e6 / elapsed}


def _near(clean: str, spans: list[tuple[int, int]], sentence: str) -> list[str]:
    """The produced spans that overlap where the gold sentence sits in the clean text."""
    i = clean.find(sentence)
    if i < 0:
        return ["<not in clean text>"]
    j = i + len(sentence)
    return [clean[s:e] for s, e in spans if s < j and e > i]


def score_segmentation(gold_dir: str | Path, seeds_dir: str | Path) -> dict[str, Any]:
    """Exact-match share of gold sentences among produced spans, misses and speed.

    Example: ``score_segmentation("shared/gold", "shared/corpus/seeds")["exact_match"]``.
    """
    gold_dir, seeds_dir = Path(gold_dir), Path(seeds_dir)
    gold = gold_sentences(gold_dir)
    hits = total = 0
    misses: list[dict[str, Any]] = []
    per_doc: dict[str, dict[str, int]] = {}
    cleans: list[str] = []
    for doc in sorted(gold):
        raw = (seeds_dir / doc).read_text(encoding="utf-8")
        try:
            _, cleaned = prepare(RawInput(location=doc, text=raw))
        except SkipInput:  # no article text left: every gold sentence of it is a miss
            cleaned = Cleaned(text="")
        clean = cleaned.text
        cleans.append(clean)
        spans = [(s.start, s.end) for s in segment(cleaned)[0]]
        produced = {clean[s:e] for s, e in spans}
        doc_hits = 0
        for sentence in gold[doc]:
            if sentence in produced:
                doc_hits += 1
            else:
                misses.append({"doc": doc, "sentence": sentence, "spans": _near(clean, spans, sentence)})
        per_doc[doc] = {"gold": len(gold[doc]), "hits": doc_hits, "spans": len(spans)}
        hits += doc_hits
        total += len(gold[doc])
    return {
        "exact_match": hits / total if total else 1.0,
        "hits": hits,
        "total": total,
        "docs": per_doc,
        "misses": misses,
        "speed": throughput(cleans),
    }


def _table(result: dict[str, Any]) -> str:
    rows = [f"{'doc':<28} {'gold':>5} {'exact':>6} {'share':>7} {'spans':>6}"]
    for doc, d in result["docs"].items():
        rows.append(f"{doc:<28} {d['gold']:>5} {d['hits']:>6} {d['hits'] / max(1, d['gold']):>7.3f} {d['spans']:>6}")
    rows.append(f"{'ALL':<28} {result['total']:>5} {result['hits']:>6} {result['exact_match']:>7.3f}")
    sp = result["speed"]
    rows.append(f"split_sentences speed: {sp['sentences_per_s']:,.0f} sentences/s, {sp['mb_per_s']:.2f} MB/s")
    for m in result["misses"]:
        rows.append(f"  miss {m['doc'][:3]}: {m['sentence'][:100]!r}")
        for s in m["spans"]:
            rows.append(f"       got: {s[:100]!r}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Print the segmentation score table."""
    shared = shared_dir()
    ap = argparse.ArgumentParser(prog="python -m casus.evaluate.segment", description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=shared / "gold", help="folder with seeds.events/claims.jsonl")
    ap.add_argument("--seeds", type=Path, default=shared / "corpus" / "seeds")
    args = ap.parse_args(argv)
    if not args.gold.is_dir():
        print(f"error: gold folder {args.gold} not found; pass --gold", file=sys.stderr)
        return 2
    print(_table(score_segmentation(args.gold, args.seeds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
