"""The fitted ladder model as it is used to answer: pure Python, no numpy.

`casus assess` loads a fitted `LadderModel` from the cache (`casus.assess.model.fit`)
and scores one scenario with it; that needs a few hundred multiplications, so
this module imports nothing heavy. Fitting and the backtest (numpy) live in
`casus.assess.fitting`; `casus.assess.model` is the entry point for both.

Example:
    >>> monotone({"statement": 0.9, "diplomatic": 0.95, "economic": 0.4, "materiel": 0.3,
    ...           "intelligence": 0.35, "direct": 0.1})["diplomatic"]
    0.925
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from casus.assess import knowledge
from casus.datafiles import cache_root, prune_cache, read_pickle, write_pickle
from casus.errors import CasusError
from casus.records import RUNGS

LEVELS: tuple[str, ...] = ("none",) + RUNGS
REQUIRED_SCENARIO_FIELDS = (
    "patron", "client", "attacker", "year",
    "defense_pact", "patron_at_war_elsewhere", "patron_ties_with_attacker", "shares_border", "attacker_nuclear",
)
DIRECT = len(RUNGS)  # ladder level of `direct`
CACHE_VERSION = "refclass-2"  # refclass-2: the bootstrap replicates are plain tuples (no numpy to unpickle)
CACHE_INPUTS = ("cases.yaml", "episodes.csv", "state_years.csv", "knowledge.yaml", "standing.yaml", "dyads.csv",
                "selection_offset.yaml")
CODE_INPUTS = ("ladder.py", "fitting.py", "model.py", "knowledge.py")  # a changed model (or how features are derived) invalidates old fits


def settings() -> dict[str, Any]:
    """The `model` section of features.yaml."""
    return knowledge.load_data("features.yaml")["model"]


def feature_names() -> tuple[str, ...]:
    """Model features in order (features marked `dropped` are facts only)."""
    return tuple(k for k, v in settings()["features"].items() if not v.get("dropped"))


def level(rung: str) -> int:
    """Index of a rung on the ladder (none = 0, direct = 6)."""
    if rung not in LEVELS:
        raise CasusError(f"unknown rung {rung!r}: use one of {', '.join(LEVELS)}")
    return LEVELS.index(rung)


# ---------------------------------------------------------------- shipped tables

def _read_csv(name: str) -> list[dict[str, str]]:
    text = resources.files("casus").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO("".join(l for l in text.splitlines(True) if not l.startswith("#")))))


def _data_bytes(name: str) -> bytes:
    return resources.files("casus").joinpath("data").joinpath(name).read_bytes()


@lru_cache(maxsize=1)
def _org_year(code: str, year: int, as_of: str | None) -> tuple[float, int] | None:
    """(summed CINC, 1 if any member is a major power) for an organisation such as NATO, from its
    members on `as_of` (mid-year by default); None if `code` is not an organisation or no member has a record."""
    members = knowledge.org_members(code, as_of or f"{year}-07-01")
    rows = [r for r in (knowledge.state_year(m, year) for m in members) if r]
    if not rows:
        return None
    return round(sum(c for c, _ in rows), 6), max(m for _, m in rows)


def _capability(code: str | None, year: int, as_of: str | None = None) -> tuple[float, int] | None:
    """(CINC, major) for a state, or for an organisation through its members."""
    if not code:
        return None
    return knowledge.state_year(code, year) or (_org_year(code, year, as_of) if knowledge.organisation(code) else None)


def _share(a: tuple[float, int] | None, b: tuple[float, int] | None) -> float:
    """CINC(a) / (CINC(a) + CINC(b)), two decimals; 0.5 when either has no record or both are 0."""
    if a and b and a[0] + b[0] > 0:
        return round(a[0] / (a[0] + b[0]), 2)
    return 0.5


def derived_features(patron: str, attacker: str | None, year: int, as_of: str | None = None,
                     client: str | None = None) -> dict[str, float]:
    """patron_major, capability_share, post_1945 and the client's own strength, from the shipped state-year table.

    A non-state attacker has CINC 0 (share 1); an organisation (NATO, CSTO) counts through
    its members on `as_of` (summed CINC, major if any member is); an actor with no record
    (no attacker named, or a group of states with no treaty) gives the neutral share 0.5.
    The client's features (`client_major`, `client_share` against the attacker,
    `client_share_na` the same with a non-state attacker read as unknown, 0.5, and
    `client_vs_patron`) follow the same rules; no client named gives 0 and 0.5. `attacker_major`:
    the attacker (or a member of an attacking organisation) is a COW major power; a non-state one is not.
    """
    p = _capability(patron, year, as_of)
    nonstate = attacker is not None and not knowledge.is_state(attacker)
    a = None if nonstate else _capability(attacker, year, as_of)
    share = (1.0 if p else 0.5) if nonstate else _share(p, a)
    c = _capability(client, year, as_of)
    c_share = (1.0 if c else 0.5) if nonstate else _share(c, a)
    return {"patron_major": float(p[1]) if p else 0.0, "capability_share": share, "post_1945": float(year > 1945),
            "client_major": float(c[1]) if c else 0.0, "client_share": c_share,
            "client_share_na": 0.5 if nonstate else c_share, "client_vs_patron": _share(c, p),
            "attacker_major": float(a[1]) if a else 0.0}


COW_NMC_URL = "https://correlatesofwar.org/data-sets/national-material-capabilities/"
COW_STATES_URL = "https://correlatesofwar.org/data-sets/state-system-membership/"


def derived_facts(patron: str, attacker: str | None, year: int, as_of: str | None = None,
                  client: str | None = None) -> dict[str, knowledge.Fact]:
    """The derived features as facts with their sources, for an answer to cite."""
    v = derived_features(patron, attacker, year, as_of, client)
    p, a = _capability(patron, year, as_of), _capability(attacker, year, as_of) if attacker else None
    pn = knowledge.name(patron)
    via = " (through its members)" if knowledge.organisation(patron) else ""
    major = (f"{pn} is a major power{via} in the COW list (2016 list, carried forward)." if v["patron_major"]
             else f"{pn} is not a major power in the COW list." if p else f"{pn} has no COW record: coded not a major power.")
    if attacker is not None and not knowledge.is_state(attacker):
        share = f"{attacker} is a non-state force (CINC 0): {knowledge.possessive(pn)} capability share is 1."
    elif p and a:
        share = (f"{knowledge.possessive(pn)} share of its own and {knowledge.possessive(knowledge.name(attacker or ''))} "
                 "material capabilities (COW CINC, "
                 f"last year on record <= {year}): {v['capability_share']:.2f}.")
    else:
        share = "No COW capability record for one side: capability share set to 0.5."
    return {
        "patron_major": knowledge.Fact("patron_major", v["patron_major"], major, [COW_STATES_URL]),
        "capability_share": knowledge.Fact("capability_share", v["capability_share"], share, [COW_NMC_URL]),
        "post_1945": knowledge.Fact("post_1945", v["post_1945"], f"The year {year} is {'after' if v['post_1945'] else 'not after'} 1945."),
        "client_major": knowledge.Fact("client_major", v["client_major"], _client_major_text(client, year, as_of, v),
                                       [COW_STATES_URL]),
    }


def _client_major_text(client: str | None, year: int, as_of: str | None, v: Mapping[str, float]) -> str:
    if not client:
        return "No client named: coded not a major power."
    cn = knowledge.name(client)
    if v["client_major"]:
        return f"{cn} is itself a major power in the COW list (2016 list, carried forward)."
    if _capability(client, year, as_of):
        return f"{cn} is not a major power in the COW list."
    return f"{cn} has no COW record: coded not a major power."


def eve(row: Mapping[str, Any]) -> str:
    """The as-of date a case or episode is coded on: its `date`, else the first day of its year."""
    return str(row.get("date") or f"{int(row['year'])}-01-01")


@lru_cache(maxsize=None)
def _standing(patron: str, client: str, day: str) -> tuple[tuple[str, float], ...]:
    return tuple(knowledge.standing_features(patron, client, day).items())


def standing_values(patron: str, client: str, day: str) -> dict[str, float]:
    """forces_present and arms_flowing from standing.yaml as of `day` (cached per dyad and day)."""
    return dict(_standing(patron, client, day))


def dyad_values(row: Mapping[str, Any]) -> dict[str, float]:
    """The dyad features from dyads.csv (ATOP pledges, MID rivalry) for a case or an episode row.

    `patron_ties_with_attacker` becomes the row's value or an ATOP pledge between patron and attacker
    with `dyad_ties: atop` (features.yaml); `patron_rival_attacker` and `ties_both` as
    docs/reference-class.md defines them."""
    patron, client, attacker = str(row["patron"]), str(row.get("client") or ""), row.get("attacker")
    year, day = int(row["year"]), eve(row)
    ties = float(row["patron_ties_with_attacker"])
    atop_ties = bool(attacker) and knowledge.atop_pledge(patron, str(attacker), year)
    out = {"patron_rival_attacker": knowledge.rival_value(patron, str(attacker) if attacker else None, year, day)}
    if knowledge.dyad_ties_from_atop():
        out["patron_ties_with_attacker"] = max(ties, float(atop_ties))
    kind = knowledge.ties_both_kind()
    tied = knowledge.attacker_tied(patron, str(attacker) if attacker else None, year, day, ties)
    pledged = float(row["defense_pact"]) >= 0.5 or knowledge.atop_pledge(patron, client, year, kind)
    out["ties_both"] = float(tied and pledged)
    return out


def hand_cases() -> list[dict[str, Any]]:
    """The hand-coded cases with their derived features and those computed from standing.yaml and dyads.csv."""
    out = []
    for c in knowledge.cases():
        row = {**c, **derived_features(c["patron"], c["attacker"], int(c["year"]), client=c["client"]),
               **standing_values(c["patron"], c["client"], eve(c))}
        row.update(dyad_values(row))
        out.append(row)
    return out


@lru_cache(maxsize=1)
def episodes() -> list[dict[str, Any]]:
    """The systematic episodes (episodes.csv), numbers parsed."""
    knowledge.load_dyads()   # thousands of pairs: parse dyads.csv once rather than scan it per pair
    out = []
    for r in _read_csv("episodes.csv"):
        row: dict[str, Any] = dict(r)
        for k, v in r.items():
            if k not in ("client", "patron", "attacker"):
                row[k] = float(v) if "." in v else int(v)
        if "client_share" in row:
            row["client_share_na"] = row["client_share"]   # no non-state attackers among the episodes
        if settings().get("standing_episodes") == "table":
            row.update(standing_values(row["patron"], row["client"], eve(row)))
        else:
            row.update({"forces_present": 0.0, "forces_nearby": 0.0, "arms_flowing": 0.0})
        row.update(dyad_values(row))
        out.append(row)
    return out



def sigmoid(z: float) -> float:
    """The logistic function, its argument clipped to [-35, 35] as the fits do."""
    return 1.0 / (1.0 + math.exp(-min(35.0, max(-35.0, z))))


def quantile(values: Sequence[float], q: float) -> float:
    """The q-quantile of `values` with linear interpolation (numpy's default method)."""
    v = sorted(values)
    h = (len(v) - 1) * q
    lo = int(math.floor(h))
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (h - lo) * (v[hi] - v[lo])


def pav_nonincreasing(values: Sequence[float]) -> list[float]:
    """Closest non-increasing sequence (equal weights): pool adjacent violators."""
    blocks: list[list[float]] = []  # [mean, count]
    for v in values:
        blocks.append([float(v), 1.0])
        while len(blocks) > 1 and blocks[-2][0] < blocks[-1][0]:
            m2, c2 = blocks.pop()
            m1, c1 = blocks.pop()
            blocks.append([(m1 * c1 + m2 * c2) / (c1 + c2), c1 + c2])
    out: list[float] = []
    for mean, count in blocks:
        out.extend([mean] * int(count))
    return out


def monotone(ladder: Mapping[str, float]) -> dict[str, float]:
    """Make P(reach rung) non-increasing up the ladder."""
    fixed = pav_nonincreasing([ladder[r] for r in RUNGS])
    return {r: round(min(1.0, max(0.0, p)), 6) for r, p in zip(RUNGS, fixed)}


def selection_offset() -> dict[str, Any]:
    """The correction for the cases' selection (selection_offset.yaml): {"delta", "rungs", ...}; delta 0 if absent."""
    try:
        row = dict(knowledge.load_data("selection_offset.yaml"))
    except (FileNotFoundError, OSError):
        row = {"delta": 0.0, "rungs": [], "fitted": False}
    row["delta"] = float(row.get("delta") or 0.0)
    row["rungs"] = [str(r) for r in row.get("rungs") or []]
    return row


def corrected_probs(logits: Sequence[float], delta: float, rungs: Sequence[int]) -> list[float]:
    """Per-rung probabilities (RUNGS order) from log-odds, `delta` added on the rung indices `rungs`, then monotone.

    A corrected rung is never taken below the smaller of its own uncorrected probability and the
    uncorrected `direct` one, so the correction neither creates nor deepens a crossing with `direct`;
    with `delta` 0 this is the plain monotone ladder.
    """
    p = [sigmoid(z) for z in logits]
    if delta:
        top = p[-1]
        for j in rungs:
            p[j] = max(sigmoid(logits[j] + delta), min(p[j], top))
    return pav_nonincreasing(p)


def corrected_ladder(logits: Mapping[str, float], delta: float | None = None,
                     rungs: Sequence[str] | None = None) -> dict[str, float]:
    """The monotone ladder from per-rung log-odds with the selection correction (selection_offset.yaml by default)."""
    if delta is None or rungs is None:
        cfg = selection_offset()
        delta = cfg["delta"] if delta is None else delta
        rungs = cfg["rungs"] if rungs is None else rungs
    fixed = corrected_probs([logits[r] for r in RUNGS], float(delta), [RUNGS.index(r) for r in rungs])
    return {r: round(min(1.0, max(0.0, p)), 6) for r, p in zip(RUNGS, fixed)}



# ---------------------------------------------------------------- the model

@dataclass(slots=True)
class RungFit:
    """One rung's fitted logistic regression, as it applies to a hand-coded-style crisis."""

    rung: str
    C: float
    intercept: float
    coef: dict[str, float]
    base_rate: float


@dataclass
class LadderModel:
    """Per-rung fits for crises (H), the episode-population `direct` fit, and the bootstrap replicates."""

    features: tuple[str, ...]
    rungs: dict[str, RungFit]
    means: dict[str, float]
    n_cases: int
    n_episodes: int = 0
    through: str = ""
    episode_direct: RungFit | None = None
    # bootstrap replicates: per replicate, per rung, (intercept, coefs...) in `features` order
    boot: tuple[tuple[tuple[float, ...], ...], ...] | None = None
    interval_level: float = 0.9

    def logits(self, x: Mapping[str, float]) -> dict[str, float]:
        """Raw per-rung log-odds (before the monotone adjustment)."""
        return {r: f.intercept + sum(f.coef[k] * float(x[k]) for k in self.features) for r, f in self.rungs.items()}

    def contributions(self, x: Mapping[str, float]) -> dict[str, dict[str, float]]:
        """Per rung: the log-odds of the average reference case and each feature's push from it."""
        out = {}
        for r, f in self.rungs.items():
            base = f.intercept + sum(f.coef[k] * self.means[k] for k in self.features)
            row = {"baseline": round(base, 4)}
            row.update({k: round(f.coef[k] * (float(x[k]) - self.means[k]), 4) for k in self.features})
            out[r] = row
        return out

    def ladder(self, x: Mapping[str, float]) -> dict[str, float]:
        """Monotone P(reach rung), with the selection correction (selection_offset.yaml)."""
        return corrected_ladder(self.logits(x))

    def ladder_episode(self, x: Mapping[str, float]) -> float:
        """P(direct) for a systematic-population episode with these features."""
        f = self.episode_direct
        if f is None:
            return float("nan")
        return sigmoid(f.intercept + sum(f.coef[k] * float(x[k]) for k in self.features))

    def interval(self, x: Mapping[str, float], shifts: Mapping[str, float] | None = None) -> dict[str, tuple[float, float]]:
        """Bootstrap interval per rung: {rung: (lo, hi)} at `interval_level` coverage.

        `shifts` adds log-odds per rung (evidence signals) to every replicate, as to the point answer.
        """
        if self.boot is None or not len(self.boot):
            p = self.ladder(x)
            return {r: (p[r], p[r]) for r in RUNGS}
        v = (1.0, *(float(x[k]) for k in self.features))
        add = [float(shifts.get(r, 0.0)) if shifts else 0.0 for r in RUNGS]
        cfg = selection_offset()
        idx = [RUNGS.index(r) for r in cfg["rungs"]]
        probs = [corrected_probs([sum(a * b for a, b in zip(w, v)) + s for w, s in zip(rep, add)], cfg["delta"], idx)
                 for rep in self.boot]
        a = (1 - self.interval_level) / 2
        out = {}
        for j, r in enumerate(RUNGS):
            col = [row[j] for row in probs]
            out[r] = (round(quantile(col, a), 4), round(quantile(col, 1 - a), 4))
        return out

    def reference(self) -> dict[str, Any]:
        """What the model was fitted on: {"cases": N, "episodes": M, "through": "YYYY-MM-DD"}."""
        return {"cases": self.n_cases, "episodes": self.n_episodes, "through": self.through}

    def to_dict(self) -> dict[str, Any]:
        """Coefficients, C and base rate per rung."""
        out: dict[str, Any] = {
            "n_cases": self.n_cases, "n_episodes": self.n_episodes, "through": self.through,
            "features": list(self.features), "means": self.means,
            "rungs": {r: {"C": f.C, "intercept": round(f.intercept, 4), "coef": {k: round(v, 4) for k, v in f.coef.items()},
                          "base_rate": round(f.base_rate, 4)} for r, f in self.rungs.items()}}
        if self.episode_direct is not None:
            e = self.episode_direct
            out["episodes_direct"] = {"intercept": round(e.intercept, 4), "coef": {k: round(v, 4) for k, v in e.coef.items()},
                                      "base_rate": round(e.base_rate, 4)}
        return out


def _as_of_year(as_of: str | None) -> int | None:
    if as_of is None:
        return None
    try:
        return int(str(as_of)[:4])
    except ValueError:
        raise CasusError(f"as-of date {as_of!r} is not a date: use YYYY-MM-DD") from None


def _cache_key(as_of_year: int | None, boot: int) -> str:
    """Hash of everything a fit depends on: data files, settings, the model's code, the as-of year, replicates."""
    h = hashlib.sha256()
    for name in CACHE_INPUTS:
        h.update(_data_bytes(name))
    h.update(json.dumps(settings(), sort_keys=True, default=str).encode())
    here = resources.files("casus").joinpath("assess")
    for name in CODE_INPUTS:
        h.update(here.joinpath(name).read_bytes())
    h.update(f"{CACHE_VERSION}|{as_of_year}|{boot}".encode())
    return h.hexdigest()[:24]


def cache_dir() -> Path:
    """Where fitted models are kept: $CASUS_CACHE_DIR, else the user cache dir (platformdirs)."""
    return cache_root()


def _load_cached(key: str) -> LadderModel | None:
    obj = read_pickle(cache_dir() / f"model-{key}.pickle")
    return obj if isinstance(obj, LadderModel) else None


def store_cached(path: Path, obj: Any) -> None:
    """Pickle `obj` to `path` atomically; an unwritable cache is no error (`casus.datafiles.write_pickle`)."""
    write_pickle(path, obj)


MODELS_KEPT = 64  # fitted models kept in the cache (one per as-of year and data version); older ones are deleted


def _store_cached(key: str, m: LadderModel) -> None:
    path = cache_dir() / f"model-{key}.pickle"
    store_cached(path, m)
    prune_cache(path.parent, "model-*.pickle", MODELS_KEPT, current=path)


# ---------------------------------------------------------------- scoring

def complete_features(features: Mapping[str, Any]) -> dict[str, float]:
    """Model features from a scenario dict; the derived ones are computed from patron, attacker and year if absent."""
    derived: dict[str, float] | None = None
    out = {}
    for f in feature_names():
        if f in features and features[f] is not None:
            out[f] = _unit_value(features[f], f)
            continue
        if settings()["features"][f].get("dyad") and features.get("patron") and features.get("year") is not None:
            out[f] = dyad_values({"client": "", "defense_pact": 0, **features,
                                  "patron_ties_with_attacker": features.get("patron_ties_with_attacker") or 0})[f]
            continue
        if settings()["features"][f].get("standing") and features.get("patron") and features.get("client"):
            out[f] = standing_values(str(features["patron"]), str(features["client"]), eve(features))[f]
            continue
        if settings()["features"][f].get("derived"):
            if derived is None:
                if not features.get("patron") or features.get("year") is None:
                    raise CasusError(f"scenario is missing {f!r}: give it, or give patron, attacker and year to derive it")
                attacker = features.get("attacker")
                client = features.get("client")
                derived = derived_features(str(features["patron"]), str(attacker) if attacker else None,
                                           int(features["year"]), client=str(client) if client else None)
            out[f] = derived[f]
        else:
            raise CasusError(f"scenario is missing {f!r}: give it as 0 or 1 (or a probability between them)")
    return out


def _unit_value(value: Any, name: str) -> float:
    if isinstance(value, bool):
        return float(value)
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise CasusError(f"scenario field {name!r} must be 0 or 1 (or a probability between them), not {value!r}") from None
    if not 0.0 <= v <= 1.0 or math.isnan(v):
        raise CasusError(f"scenario field {name!r} must be between 0 and 1, not {value!r}")
    return v


def scenario_from_dict(data: Mapping[str, Any]) -> dict[str, Any]:
    """Validate a scenario: required fields present and well typed; extra fields ignored."""
    if not isinstance(data, Mapping):
        raise CasusError("a scenario must be a JSON object with fields " + ", ".join(REQUIRED_SCENARIO_FIELDS))
    for f in REQUIRED_SCENARIO_FIELDS:
        if f not in data or data[f] is None:
            raise CasusError(f"scenario is missing the field {f!r}: add it (fields: {', '.join(REQUIRED_SCENARIO_FIELDS)})")
    out: dict[str, Any] = {}
    for role in ("patron", "client", "attacker"):
        out[role] = knowledge.check_code(data[role], f"scenario field {role!r}:")
    try:
        out["year"] = int(data["year"])
    except (TypeError, ValueError):
        raise CasusError(f"scenario field 'year' must be a year such as 2025, not {data['year']!r}") from None
    for f in REQUIRED_SCENARIO_FIELDS[4:]:
        out[f] = _unit_value(data[f], f)
    for f in feature_names():
        if f not in out and data.get(f) is not None:
            out[f] = _unit_value(data[f], f)
    return out


def load_scenario(path: str | Path) -> dict[str, Any]:
    """Read and validate a scenario JSON file (`casus assess --scenario FILE.json`)."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CasusError(f"scenario file {str(p)!r} not found: check the path") from None
    except json.JSONDecodeError as exc:
        raise CasusError(f"scenario file {str(p)!r} is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    return scenario_from_dict(data)

