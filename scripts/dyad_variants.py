"""Backtest the dyad variants of 2026-12-02 (branch model3), one line per variant.

Defined before fitting (docs/reference-class.md, "Ties and rivalry from the data for every
dyad"): `ties_atop` (the cases' ties with the attacker coded as the episodes code them: the
typed value or any ATOP pledge, `dyad_ties: atop`), `rival` (`patron_rival_attacker`: a
use-of-force MID between patron and attacker in the ten years before) on every rung or on
`direct` only, `ties_both` (tied to the attacker and pledged to the client).

    PYTHONPATH=src python scripts/dyad_variants.py [variant ...]
"""

from __future__ import annotations

import sys
from typing import Any

import variant_table
from casus.assess import ladder

BASE = tuple(f for f in ladder.feature_names() if f != "ties_both")   # the model before this round
# name: (extra features, settings overrides, extra features limited to the direct rung)
VARIANTS: dict[str, tuple[tuple[str, ...], dict[str, Any], bool]] = {
    "registered": ((), {}, False),
    "ties_atop": ((), {"dyad_ties": "atop"}, False),
    "rival": (("patron_rival_attacker",), {}, False),
    "rival-direct": (("patron_rival_attacker",), {}, True),
    "ties_both": (("ties_both",), {}, False),
    "ties_atop+rival": (("patron_rival_attacker",), {"dyad_ties": "atop"}, False),
    # chosen after seeing ties_both and ties_atop lose the forward materiel gain: not independent evidence
    "ties_both-direct": (("ties_both",), {}, True),
    "ties_atop+ties_both-direct": (("ties_both",), {"dyad_ties": "atop"}, True),
    # registered after reading which pledges make ties_both 1 (docs/reference-class.md): not independent evidence
    "ties_both_core-direct": (("ties_both",), {"ties_both_pledges": "core"}, True),
    # registered after the rows above (docs/reference-class.md, "Averaging over the penalty")
    "c_average+ties_both-direct": (("ties_both",), {"c_average": True}, True),
    "c_average+ties_both": (("ties_both",), {"c_average": True}, False),
    # registered on branch model4 (docs/reference-class.md, "`ties_both` without paper ties")
    "ties_both_rival-direct": (("ties_both",), {"ties_both_attacker": "rival"}, True),
    "ties_both_bilateral-direct": (("ties_both",), {"ties_both_attacker": "bilateral"}, True),
}
OVERRIDABLE = ("dyad_ties", "ties_both_pledges", "c_average", "ties_both_attacker")


if __name__ == "__main__":
    variant_table.run(VARIANTS, BASE, OVERRIDABLE, sys.argv[1:])
