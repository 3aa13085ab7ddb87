"""Interactive queries on a store of a million events: build it by bulk insert, time the commands.

Usage:
    python benchmarks/query_1m.py [--events 1000000] [--db /tmp/casus-1m.db] [--repeat 3]

The store is built once (about 1.5 minutes for 1M events) and reused while the
file exists. Each command runs as a user runs it, `casus ...` in a new process,
so the times include Python's start and casus's imports; the in-process lines
time the store query alone.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from casus.run.bench import build_big_store
from casus.store.database import Store

COMMANDS = [
    ["events", "--source", "RUS", "--target", "IRN", "--type", "AID"],
    ["events", "--source", "RUS"],
    ["events"],
    ["events", "--type", "AID", "--since", "2024-01"],
    ["events", "--modality", "hedged", "--until", "2020"],
    ["assess", "RUS", "IRN", "--attacker", "ISR"],
]
QUERIES = [
    {"source": "RUS", "target": "IRN", "event": "AID"},
    {"source": "RUS"},
    {},
    {"event": "AID", "since": "2024-01"},
    {"modality": "hedged", "until": "2020"},
]


def time_command(args: list[str], db: Path, repeat: int) -> dict[str, float]:
    """Median and best wall time of `casus ARGS --db DB`, output discarded."""
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "casus", *args, "--db", str(db)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        runs.append(time.perf_counter() - t0)
    return {"median_s": round(statistics.median(runs), 3), "best_s": round(min(runs), 3)}


def time_query(store: Store, filters: dict[str, str], repeat: int) -> float:
    """Best time of one page (limit 200, as `casus events` asks) of events, in process."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        list(store.iter_events(limit=200, **filters))
        best = min(best, time.perf_counter() - t0)
    return round(best, 4)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/casus-1m.db"))
    parser.add_argument("--repeat", type=int, default=3)
    opts = parser.parse_args()
    out: dict[str, object] = {}
    if not opts.db.exists():
        t0 = time.perf_counter()
        out["counts"] = build_big_store(opts.db, opts.events)
        out["build_s"] = round(time.perf_counter() - t0, 1)
    Store(opts.db).close()  # migrate an older store
    with Store(opts.db, readonly=True) as store:
        out["counts"] = store.counts()
        out["in_process"] = {json.dumps(f): time_query(store, f, opts.repeat) for f in QUERIES}
    empty = opts.db.with_name("casus-empty.db")
    Store(empty).close()  # read commands refuse a missing store (exit 2), so the baseline gets an empty one
    out["baseline_empty_db"] = {"casus " + " ".join(c): time_command(c, empty, opts.repeat)
                                for c in (COMMANDS[0], COMMANDS[-1])}
    out["commands"] = {"casus " + " ".join(c): time_command(c, opts.db, opts.repeat) for c in COMMANDS}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
