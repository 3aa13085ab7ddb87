"""Backtest the issue-16 model variants of 2026-12-02 (branch model), one line per variant.

Variants, each defined before it was fitted (docs/reference-class.md, change list):
client strength (Morrow 1991, "Alliances and asymmetry": a client strong against its
attacker needs its patron less) as `client_share` (CINC(client) / (CINC(client) + CINC(attacker)),
a non-state attacker CINC 0 as for `capability_share`), `client_share_na` (the same, a
non-state attacker read as unknown, 0.5), `client_major` (COW major power) and
`client_vs_patron` (CINC(client) / (CINC(client) + CINC(patron)), the alliance's own
asymmetry); the lower rungs' slopes shrunk toward the episodes' `direct` slopes instead of
toward zero (`lower_prior: episodes`); the answer's `direct` intercept blended between the
cases' and the episodes' (`direct_intercept_blend`, 1 = the cases').

Prints Brier model / base rate and the gain for the hand-coded cases (twin-grouped LOO and
forward, `direct` and `materiel or higher`) and the episodes' `direct`.

    PYTHONPATH=src python scripts/model_variants.py [variant ...]
"""

from __future__ import annotations

import sys
from typing import Any

import variant_table

BASE = ("defense_pact", "patron_at_war_elsewhere", "patron_ties_with_attacker", "shares_border", "attacker_nuclear",
        "patron_major", "capability_share", "post_1945", "arms_flowing")   # the model before this round
# name: (extra features, settings overrides, extra features limited to the direct rung)
VARIANTS: dict[str, tuple[tuple[str, ...], dict[str, Any], bool]] = {
    "registered": ((), {}, False),
    "client_share": (("client_share",), {}, False),
    "client_share_na": (("client_share_na",), {}, False),
    "client_major": (("client_major",), {}, False),
    "client_share+major": (("client_share", "client_major"), {}, False),
    "client_vs_patron": (("client_vs_patron",), {}, False),
    "client_major-direct": (("client_major",), {}, True),
    "client_share-direct": (("client_share",), {}, True),
    "client_share_na-direct": (("client_share_na",), {}, True),
    "lower_prior_episodes": ((), {"lower_prior": "episodes"}, False),
    "client_major+lower_prior_episodes": (("client_major",), {"lower_prior": "episodes"}, False),
    "lower_index": ((), {"lower_prior": "index"}, False),
    "client_major+lower_index": (("client_major",), {"lower_prior": "index"}, False),
    "lower_ordinal": ((), {"lower_structure": "ordinal"}, False),
    "client_major+lower_ordinal": (("client_major",), {"lower_structure": "ordinal"}, False),
    # chosen after seeing lower_prior_episodes wreck statement and diplomatic: not independent evidence
    "lower_prior_episodes_military": ((), {"lower_prior": "episodes", "lower_prior_rungs": ["materiel", "intelligence"]},
                                      False),
    "client_major+lower_prior_episodes_military": (("client_major",), {"lower_prior": "episodes",
                                                   "lower_prior_rungs": ["materiel", "intelligence"]}, False),
    "client_major+lower_prior_episodes_materiel": (("client_major",), {"lower_prior": "episodes",
                                                   "lower_prior_rungs": ["materiel"]}, False),
    "client_major+attacker_major": (("client_major", "attacker_major"), {}, False),
    "client_major+attacker_major-direct": (("client_major", "attacker_major"), {}, True),
    "blend_0.75": ((), {"direct_intercept_blend": 0.75}, False),
    "blend_0.5": ((), {"direct_intercept_blend": 0.5}, False),
}
OVERRIDABLE = ("lower_prior", "direct_intercept_blend", "lower_structure", "lower_prior_rungs")


if __name__ == "__main__":
    variant_table.run(VARIANTS, BASE, OVERRIDABLE, sys.argv[1:])
