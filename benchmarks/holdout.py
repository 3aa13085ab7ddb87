"""Score casus on the frozen local hold-out (benchmarks/holdout_episodes.yaml).

Each episode is asked as a user would ask it: names resolved as the CLI resolves them (an attacker casus does not know is
answered as a non-state armed group, as `casus assess` does),
`--as-of` the eve of the attack, on an empty store (shipped knowledge only). Prints per
episode P(direct) and P(materiel or higher) with the outcome, the Brier score on each,
the base-rate Brier of the hold-out itself, and the episodes casus could not answer.

    PYTHONPATH=src python benchmarks/holdout.py [--json]

Nothing is fitted on these episodes (see the file's header).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

from casus.assess import answer, knowledge
from casus.assess.ladder import level
from casus.errors import CasusError
from casus.events.actors import actor_code

HERE = Path(__file__).resolve().parent
EPISODES = HERE / "holdout_episodes.yaml"


def load(path: Path = EPISODES) -> list[dict[str, Any]]:
    """The frozen hold-out episodes."""
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))["episodes"])


def ask(ep: dict[str, Any]) -> dict[str, Any]:
    """casus's answer to one episode, or the reason it gave none."""
    try:
        patron, client = actor_code(ep["patron"]), actor_code(ep["client"])
        attacker = knowledge.attacker_code(ep["attacker"])
        a = answer.assess(None, patron, client, attacker=attacker, as_of=ep["eve"])
    except CasusError as err:
        return {"id": ep["id"], "error": str(err).splitlines()[0]}
    y = level(ep["rung"])
    p_d, p_m = a.ladder["direct"], a.ladder["materiel"]
    return {"id": ep["id"], "codes": f"{patron}/{client}/{attacker}", "rung": ep["rung"],
            "p_direct": p_d, "p_materiel": p_m, "y_direct": int(y >= level("direct")),
            "y_materiel": int(y >= level("materiel")), "notes": a.notes}


def score(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Brier on P(direct) and P(materiel or higher) over the answered episodes, with base rates."""
    ok = [r for r in rows if "error" not in r]
    out: dict[str, Any] = {"answered": len(ok), "unanswered": len(rows) - len(ok)}
    for key in ("direct", "materiel"):
        ys = [r[f"y_{key}"] for r in ok]
        ps = [r[f"p_{key}"] for r in ok]
        base = sum(ys) / len(ys) if ys else 0.0
        out[key] = {"brier": sum((p - y) ** 2 for p, y in zip(ps, ys)) / max(len(ys), 1),
                    "base_rate": base, "base_brier": base * (1 - base)}
    return out


def main(argv: list[str]) -> int:
    rows = [ask(ep) for ep in load()]
    summary = score(rows)
    if "--json" in argv:
        print(json.dumps({"rows": rows, "summary": summary}, indent=2))
        return 0
    print(f"{'episode':28} {'codes':22} {'rung':12} {'P(dir)':>6} {'P(mat+)':>7}  sq.err dir/mat")
    for r in rows:
        if "error" in r:
            continue
        ed, em = (r["p_direct"] - r["y_direct"]) ** 2, (r["p_materiel"] - r["y_materiel"]) ** 2
        print(f"{r['id']:28} {r['codes']:22} {r['rung']:12} {r['p_direct']:6.3f} {r['p_materiel']:7.3f}  {ed:.3f} {em:.3f}")
    for r in rows:
        if "error" in r:
            print(f"UNANSWERED {r['id']}: {r['error']}")
    d, m = summary["direct"], summary["materiel"]
    print(f"answered {summary['answered']}/{len(rows)}")
    print(f"Brier P(direct)    {d['brier']:.4f}  (base rate {d['base_rate']:.2f}: {d['base_brier']:.4f})")
    print(f"Brier P(materiel+) {m['brier']:.4f}  (base rate {m['base_rate']:.2f}: {m['base_brier']:.4f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
