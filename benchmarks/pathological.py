"""Timings on pathological inputs: what the tests only bound, recorded here exactly.

Usage:
    python benchmarks/pathological.py            # every case, 120 s limit each
    python benchmarks/pathological.py --quick    # leave out the known-slow cases
    python benchmarks/pathological.py --limit 30 --only text

Each case runs in its own child process (so one runaway case cannot take the
others with it, and its peak memory is its own) under a wall-clock limit; a
case over the limit is killed and shown as ``> LIMIT``.

Text cases time each stage on its own (clean, segment, code events, claims).
HTML cases time ``casus.run.ingest.ingest(store, [file])`` on one hostile page and
show what became of it (a new document or the one-line skip reason).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

_W = ["the", "of", "and", "a", "to", "in", "is", "was", "that", "for", "on", "with", "as", "by", "at", "from"]


def _words(n: int, extra: list[str] | None = None, seed: int = 1) -> str:
    r = random.Random(seed)
    pool = _W + (extra or [])
    return " ".join(r.choice(pool) for _ in range(n))


TEXT_CASES: dict[str, Callable[[], str]] = {
    "1 MB line, no punctuation": lambda: _words(400_000)[:1_000_000],
    "1 MB single word": lambda: "a" * 1_000_000,
    "100,000 actor names": lambda: " ".join(["Russia"] * 100_000),
    "100,000 mixed actor names": lambda: _words(100_000, ["Russia", "Iran", "China", "North Korea", "Moscow"], 2)
    .replace("the", "Russia"),
    "50,000-word sentence": lambda: "Russia said that " + _words(
        50_000, ["Iran", "China", "talks", "signed", "defend", "not", "treaty", "troops"], 3) + ".",
    "100,000 one-word lines": lambda: "Russia.\n" * 100_000,
    "20,000 short sentences": lambda: "Russia attacked Iran. " * 20_000,
    # Known slow (coder is quadratic in triggers x mentions within one sentence): see docs/robustness.md.
    "run-on: 'Russia attacked Iran' x 4,000": lambda: " ".join(["Russia attacked Iran"] * 4_000) + ".",
    "run-on: 'Russia attacked Iran' x 33,000": lambda: " ".join(["Russia attacked Iran"] * 33_000) + ".",
}
SLOW_TEXT = {"run-on: 'Russia attacked Iran' x 33,000"}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_text(name: str) -> dict[str, object]:
    from casus.claims.stance import code_claims
    from casus.events.coder import code_sentences
    from casus.run.pipeline import warm_up
    from casus.text.clean import clean_text
    from casus.text.segment import split_sentences

    warm_up()
    text = TEXT_CASES[name]()
    out: dict[str, object] = {"chars": len(text)}
    t = time.perf_counter()
    cleaned = clean_text(text).text
    out["clean"] = time.perf_counter() - t
    t = time.perf_counter()
    spans = split_sentences(cleaned)
    out["segment"] = time.perf_counter() - t
    sentences = [cleaned[s.start:s.end] for s in spans]
    t = time.perf_counter()
    events = code_sentences(sentences)
    out["code"] = time.perf_counter() - t
    t = time.perf_counter()
    code_claims(sentences, events, None)
    out["claims"] = time.perf_counter() - t
    out["sentences"] = len(spans)
    out["events"] = sum(map(len, events))
    out["peak_mb"] = _peak_mb()
    return out


def run_html(name: str) -> dict[str, object]:
    import trafilatura  # noqa: F401  # import and lexicon loading are not the page's time
    from robust_inputs import HOSTILE_HTML, SLOW_HTML

    from casus.run.ingest import ingest
    from casus.run.pipeline import warm_up
    from casus.store.database import Store

    warm_up()

    data = {**HOSTILE_HTML, **SLOW_HTML}[name]()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.html"
        path.write_bytes(data)
        store = Store(Path(tmp) / "c.db")
        t = time.perf_counter()
        try:
            report = ingest(store, [str(path)])
            outcome = "new document" if report.new else f"skip: {report.skipped[0].reason}"
            code = report.exit_code
        except Exception as exc:  # noqa: BLE001 - a crash is a result here
            outcome, code = f"CRASH {type(exc).__name__}: {str(exc)[:60]}", -1
        seconds = time.perf_counter() - t
        store.close()
    return {"bytes": len(data), "ingest": seconds, "outcome": outcome, "exit": code, "peak_mb": _peak_mb()}


def child(kind: str, name: str, limit: float) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--child", kind, name]
    started = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=limit, check=False)
    except subprocess.TimeoutExpired:
        return {"timeout": limit, "wall": time.perf_counter() - started}
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _fmt(v: object) -> str:
    return f"{v:.2f}" if isinstance(v, float) else str(v)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=float, default=120.0, help="seconds per case before it is killed")
    ap.add_argument("--quick", action="store_true", help="leave out the known-slow cases")
    ap.add_argument("--only", choices=("text", "html"))
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, name = args.child
        print(json.dumps(run_text(name) if kind == "text" else run_html(name)))
        return

    from robust_inputs import HOSTILE_HTML, SLOW_HTML

    if args.only != "html":
        print(f"## Text (seconds per stage; limit {args.limit:g} s per case)\n")
        print("| case | chars | clean | segment | code | claims | sentences | events | peak MB |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name in TEXT_CASES:
            if args.quick and name in SLOW_TEXT:
                continue
            r = child("text", name, args.limit)
            if "timeout" in r or "error" in r:
                what = f"> {args.limit:g} s (killed)" if "timeout" in r else f"error: {r['error']}"
                print(f"| {name} | | {what} | | | | | | |", flush=True)
                continue
            cols = [r[k] for k in ("chars", "clean", "segment", "code", "claims", "sentences", "events", "peak_mb")]
            print("| " + " | ".join([name, *map(_fmt, cols)]) + " |", flush=True)
    if args.only != "text":
        print(f"\n## Hostile HTML (casus.run.ingest.ingest on one file; limit {args.limit:g} s per case)\n")
        print("| case | bytes | seconds | peak MB | exit | outcome |")
        print("|---|---:|---:|---:|---:|---|")
        cases = list(HOSTILE_HTML) + ([] if args.quick else list(SLOW_HTML))
        for name in cases:
            r = child("html", name, args.limit)
            if "timeout" in r:
                print(f"| {name} | | > {args.limit:g} (killed) | | | |", flush=True)
            elif "error" in r:
                print(f"| {name} | | | | | error: {r['error']} |", flush=True)
            else:
                cols = [r[k] for k in ("bytes", "ingest", "peak_mb", "exit", "outcome")]
                print("| " + " | ".join([name, *map(_fmt, cols)]) + " |", flush=True)


if __name__ == "__main__":
    main()
