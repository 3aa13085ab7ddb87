"""What every scorer needs: gold files, the shared/ folder, precision/recall/F1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from casus.datafiles import shared_dir  # noqa: F401 (the scorers' import)


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Records of a JSON Lines file."""
    with Path(path).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    """Precision, recall and F1 (0 where undefined), with the counts behind them."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "pred": n_pred, "gold": n_gold}
