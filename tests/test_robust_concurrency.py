"""Concurrency: four ingest processes on one database with overlapping inputs.

No document may be lost or written twice, every location is recorded once,
and no process may fail with "database is locked".
"""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

from casus.run.bench import write_corpus

from .test_faults import ingest_cmd, per_document, totals

N_DOCS = 48
PROCS = 4


def test_four_processes_overlapping_inputs(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus, N_DOCS, seed=5)
    files = sorted(str(p) for p in corpus.rglob("*") if p.is_file())
    # The same articles under a second name: one document, two locations.
    copies = tmp_path / "copies"
    copies.mkdir()
    for f in files[:8]:
        shutil.copy(f, copies / ("copy_" + Path(f).name))
    extra = sorted(str(p) for p in copies.iterdir())
    everything = files + extra
    cmd = list(ingest_cmd())

    reference_db = tmp_path / "ref.db"
    subprocess.run([*cmd, *everything, "--db", str(reference_db)], check=True, capture_output=True)

    rng = random.Random(9)
    db = tmp_path / "shared.db"
    procs = []
    for i in range(PROCS):
        # Each process takes about two thirds of the inputs, in its own order: every input is in two or more sets.
        mine = [f for j, f in enumerate(everything) if j % PROCS != i]
        rng.shuffle(mine)
        procs.append(subprocess.Popen([*cmd, *mine, "--db", str(db)], stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True))
    outputs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outputs):
        assert p.returncode == 0, out + err
        assert "locked" not in (out + err).lower() and "Traceback" not in err

    assert per_document(db) == per_document(reference_db)
    assert totals(db) == totals(reference_db)
    assert totals(db)[0] == N_DOCS  # the copies are the same documents
    assert totals(db)[4] == len(everything)  # every location once
