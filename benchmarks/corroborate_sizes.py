"""How `corroborate.cluster_sentences` scales, by candidate method: all pairs, exact prefix filtering, MinHash LSH.

Two corpora: the benchmark generator's template sentences (many shared word
pairs: the hard case for any candidate filter), and real sentences from
../shared/corpus (when present) each copied 0-3 times with one or two words
changed (the case corroboration exists for). Prints seconds per method and
whether each method's clusters equal the all-pairs clusters (the exact answer).

    PYTHONPATH=src python benchmarks/corroborate_sizes.py [--sizes 100,300,1000,3000,10000] [--max-all 3000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from casus.corroborate.clusters import cluster_sentences
from casus.run.bench import synthetic_sentences

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def real_sentences() -> list[str]:
    from casus.text.clean import clean_text
    from casus.text.segment import split_sentences

    out: list[str] = []
    for path in sorted(SHARED.glob("*/*")):
        if path.is_file():
            text = clean_text(path.read_text(encoding="utf-8", errors="replace")).text
            out.extend(t for sp in split_sentences(text) if len((t := text[sp.start:sp.end]).split()) >= 6)
    return out


def edited_copies(base: list[str], n: int, seed: int = 3) -> list[str]:
    r = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        s = r.choice(base)
        out.append(s)
        for _ in range(r.choice([0, 0, 1, 2, 3])):
            words = s.split()
            for _ in range(r.choice([1, 2])):
                words[r.randrange(len(words))] = r.choice(["reportedly", "also", "now", "still", "again"])
            out.append(" ".join(words))
    return out[:n]


def timed(items: list[tuple[int, str, str]], method: str) -> tuple[float, dict[int, int]]:
    t0 = time.perf_counter()
    ids = cluster_sentences(items, method=method)
    return time.perf_counter() - t0, ids


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,300,1000,3000,10000")
    ap.add_argument("--max-all", type=int, default=3000, help="largest size timed with all pairs")
    args = ap.parse_args(argv)
    corpora = {"template": synthetic_sentences(max(map(int, args.sizes.split(","))), seed=5)}
    if SHARED.is_dir():
        real = real_sentences()
        corpora[f"copies of {len(real)} real"] = edited_copies(real, max(map(int, args.sizes.split(","))))
    print(f"{'corpus':<24} {'n':>6} {'all s':>8} {'prefix s':>9} {'lsh s':>8}  prefix=all lsh=all")
    for name, texts in corpora.items():
        for n in map(int, args.sizes.split(",")):
            items = [(i, f"d{i}", t) for i, t in enumerate(texts[:n])]
            exact = timed(items, "all") if n <= args.max_all else None
            pre = timed(items, "prefix")
            try:
                lsh = timed(items, "lsh")
            except ImportError:
                lsh = None
            cells = [f"{exact[0]:>8.3f}" if exact else f"{'-':>8}", f"{pre[0]:>9.3f}", f"{lsh[0]:>8.3f}" if lsh else f"{'-':>8}"]
            same = [str(pre[1] == exact[1]) if exact else "-", str(lsh[1] == exact[1]) if exact and lsh else "-"]
            print(f"{name:<24} {n:>6} {' '.join(cells)}  {same[0]:>10} {same[1]:>7}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
