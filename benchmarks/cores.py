"""How much two processes get out of this machine's cores: the ceiling for any --workers speedup.

Usage:
    python benchmarks/cores.py [--seconds 5] [--processes 2]

Runs the same pure-Python busy loop in one process, then in N at once, and
prints the throughput ratio. On two free, independent cores it is close to 2.0;
less means the cores are shared (other load, or hyperthreads of one core).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import time


def spin(seconds: float) -> int:
    """Loop iterations done in `seconds` of wall time."""
    n, end = 0, time.perf_counter() + seconds
    while time.perf_counter() < end:
        for _ in range(1000):
            n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--processes", type=int, default=2)
    opts = parser.parse_args()
    ctx = mp.get_context("spawn")
    with ctx.Pool(1) as pool:
        one = pool.apply(spin, (opts.seconds,))
    with ctx.Pool(opts.processes) as pool:
        many = sum(pool.map(spin, [opts.seconds] * opts.processes))
    with open("/proc/loadavg") as fh:
        load = fh.read().split()[0]
    print(json.dumps({"processes": opts.processes, "throughput_ratio": round(many / one, 2), "loadavg_1min": load}))


if __name__ == "__main__":
    main()
