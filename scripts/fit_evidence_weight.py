"""Fit the article-evidence weight (src/casus/data/evidence_weight.yaml) on the dev episodes.

Usage:
    casus ingest ../shared/corpus/seeds ../shared/corpus/dev --db /tmp/dev.db
    python scripts/fit_evidence_weight.py --db /tmp/dev.db [--front-matter ../shared/corpus/dev] [--write] [--explain]

--explain prints, per episode, how the evidence at weight 1 moves each rung against the
outcome (a move away from it is marked WRONG), and which signals fire from which sentences.

--front-matter copies the store and sets each dev document's published date from
its YAML front matter (for stores built before ingest read front matter).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import sqlite3
import tempfile
from pathlib import Path

from casus.assess.evidence_fit import brier, episode_rows, episodes, ladder_at, loeo
from casus.store.database import Store

OUT = Path(__file__).resolve().parents[1] / "src" / "casus" / "data" / "evidence_weight.yaml"


def with_front_matter(db: Path, folder: Path) -> Path:
    copy = Path(tempfile.mkdtemp()) / "fit.db"
    shutil.copy(db, copy)
    conn = sqlite3.connect(copy)
    for f in sorted(folder.glob("*.md")):
        m = re.search(r"^published:\s*(\S+)\s*$", f.read_text(encoding="utf-8").split("\n---", 1)[0], re.M)
        pub = None if not m or m.group(1) in ("None", "null", "~") else m.group(1).strip("\"'")
        conn.execute("UPDATE documents SET published = ? WHERE name = ?", (pub, f.name))
    conn.commit()
    conn.close()
    return copy


def explain(store: Store) -> None:
    """Per episode: each rung's move at weight 1 against the outcome, and the signals with their first sentences."""
    from casus.assess.answer import assess
    from casus.assess.model import level
    from casus.records import RUNGS

    for ep, row in zip(episodes(), episode_rows(store)):
        k, e = ladder_at(row, 0.0), ladder_at(row, 1.0)
        print(f"== {ep['id']} reached {ep['rung']}; mean Brier {brier(k, ep['rung'])['mean']:.4f} -> "
              f"{brier(e, ep['rung'])['mean']:.4f} at weight 1")
        for i, r in enumerate(RUNGS, start=1):
            y, d = int(level(ep["rung"]) >= i), e[r] - k[r]
            print(f"   {r:<13} y={y} {k[r]:.3f} -> {e[r]:.3f} {d:+.3f}{'  WRONG' if d * (1 if y else -1) < -0.005 else ''}")
        a = assess(store, ep["patron"], ep["client"], ep["attacker"], as_of=ep["as_of"], weight=1.0)
        for mv in a.shift["feature_moves"]:
            print(f"   feature {mv['feature']} towards {mv['toward']}: {mv['independent_sources']} source(s)")
        shown = {s["name"]: s for s in a.shift["signals"]}
        for f in a.factors:
            if f.factor != "signal":
                continue
            for ev in f.evidence:
                if ev.kind == "store":
                    print(f"     [{ev.doc} {ev.date or ''}] {ev.sentence[:150]}")
        for name, sig in shown.items():
            moves = ", ".join(f"{r} {v:+.2f}" for r, v in sig["shift"].items() if abs(v) >= 0.005) or "no move"
            print(f"   signal {name}: {moves} ({sig['independent_sources']} source(s), {sig['copies']} copies)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--front-matter", type=Path)
    ap.add_argument("--write", action="store_true", help="write evidence_weight.yaml")
    ap.add_argument("--explain", action="store_true", help="print each episode's moves and signals at weight 1")
    opts = ap.parse_args()
    db = with_front_matter(opts.db, opts.front_matter) if opts.front_matter else opts.db
    with Store(db, readonly=True) as store:
        if opts.explain:
            explain(store)
            return
        rows = episode_rows(store)
    result = loeo(rows)
    result["per_episode"] = [{"id": r["id"], "rung": r["rung"], "documents": r["documents"]} for r in rows]
    print(json.dumps(result, indent=2))
    if opts.write:
        lines = [
            "# The weight of article evidence, fitted by scripts/fit_evidence_weight.py (do not edit by hand).",
            "# Leave-one-episode-out on data/dev_episodes.yaml: w chosen on the other episodes, the held-out one",
            "# scored (mean Brier over the six rungs); w = 0 when that does not beat shipped knowledge alone.",
            f"weight: {result['weight']}",
            "fitted: true",
            f"date: \"{dt.date.today().isoformat()}\"",
            f"episodes: {result['episodes']}",
            f"loeo_brier: {{evidence: {result['evidence_brier']}, knowledge_alone: {result['knowledge_brier']}, "
            f"direct_evidence: {result['evidence_brier_direct']}, direct_knowledge_alone: {result['knowledge_brier_direct']}, "
            f"materiel_evidence: {result['evidence_brier_materiel']}, materiel_knowledge_alone: {result['knowledge_brier_materiel']}}}",
            "command: python scripts/fit_evidence_weight.py --db DB "
            + ("--front-matter DIR " if opts.front_matter else "")
            + "--write (DB = casus ingest ../shared/corpus/seeds ../shared/corpus/dev)",
            "note: >-",
            ("  Article evidence did not beat shipped knowledge alone on the dev episodes, so it is shown but given no weight."
             if result["weight"] == 0 else
             f"  Article evidence beat shipped knowledge alone on the dev episodes (leave-one-episode-out mean Brier "
             f"{result['evidence_brier']} vs {result['knowledge_brier']}), so its log-odds moves count at weight {result['weight']:g} "
             "(1 = the sizes in features.yaml)."),
        ]
        OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
