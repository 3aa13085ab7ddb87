"""`casus assess` stays fast: no numpy on the answer path, cached fits and parsed data, safe caches."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from casus import datafiles
from casus.assess import knowledge, ladder, model
from casus.records import RUNGS

ROOT = Path(__file__).resolve().parents[1]


def _warm_cache(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Put the shipped fit (as fitted in this process) into `cache`, as a first `casus assess` would."""
    monkeypatch.setenv("CASUS_CACHE_DIR", str(cache))
    m = model.default_model()
    boot = int(model.settings()["bootstrap"])
    ladder._store_cached(model._cache_key(None, boot), m)


def _env(cache: Path) -> dict[str, str]:
    env = {**os.environ, "CASUS_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT / "src")}
    env.pop("CASUS_DB", None)
    return env


def test_cli_assess_on_a_cached_fit_imports_no_numpy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _warm_cache(tmp_path / "cache", monkeypatch)
    for _ in range(2):  # the first run parses the data files into the cache, the second reads them from it
        run = subprocess.run([sys.executable, "-X", "importtime", "-m", "casus", "assess", "Russia", "Iran",
                              "--attacker", "Israel"],  # no store here: shipped knowledge alone
                             capture_output=True, text=True, env=_env(tmp_path / "cache"), cwd=tmp_path, timeout=300)
        assert run.returncode == 0, run.stderr[-2000:]
    assert "P(direct)" in run.stdout
    imported = {line.split("|")[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}
    heavy = {m for m in imported if m.split(".")[0] in ("numpy", "scipy", "pandas", "sklearn", "yaml", "pycountry")}
    assert not heavy, sorted(heavy)[:10]
    assert "casus.assess.fitting" not in imported


def test_a_cache_miss_fits_and_later_calls_read_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASUS_CACHE_DIR", str(tmp_path))
    model._cached_fit.cache_clear()
    try:
        first = model.fit(as_of="1950-01-01", bootstrap=2)
        assert first.boot is not None and all(isinstance(v, float) for v in first.boot[0][0])  # plain floats
        model._cached_fit.cache_clear()
        monkeypatch.setattr(model, "_fit_uncached", lambda *a, **k: pytest.fail("refitted"))
        assert model.fit(as_of="1950-01-01", bootstrap=2).to_dict() == first.to_dict()
    finally:
        model._cached_fit.cache_clear()


def test_interval_equals_numpy_quantiles_of_monotone_replicates() -> None:
    m = model.default_model()
    assert m.boot is not None
    x = model.complete_features({"patron": "RUS", "client": "IRN", "attacker": "ISR", "year": 2025, "defense_pact": 0,
                                 "patron_at_war_elsewhere": 1, "patron_ties_with_attacker": 1, "shares_border": 0,
                                 "attacker_nuclear": 1})
    shifts = {r: 0.3 * i for i, r in enumerate(RUNGS)}
    v = np.array([1.0] + [x[k] for k in m.features])
    z = np.array(m.boot) @ v + np.array([shifts[r] for r in RUNGS])
    cfg = ladder.selection_offset()   # each replicate carries the selection correction, as the point answer does
    idx = [RUNGS.index(r) for r in cfg["rungs"]]
    probs = np.array([ladder.corrected_probs([float(v) for v in row], cfg["delta"], idx) for row in z])
    assert cfg["delta"] == 0 or not np.allclose(
        probs, [ladder.pav_nonincreasing(list(row)) for row in 1 / (1 + np.exp(-np.clip(z, -35, 35)))])
    a = (1 - m.interval_level) / 2
    lo, hi = np.quantile(probs, a, axis=0), np.quantile(probs, 1 - a, axis=0)
    band = m.interval(x, shifts)
    for j, r in enumerate(RUNGS):
        assert band[r] == (round(float(lo[j]), 4), round(float(hi[j]), 4))


@pytest.mark.parametrize("q", [0.0, 0.05, 0.5, 0.95, 1.0])
def test_quantile_matches_numpy(q: float) -> None:
    values = [0.3, 0.1, 0.9, 0.5, 0.5, 0.7, 0.2]
    assert ladder.quantile(values, q) == pytest.approx(float(np.quantile(values, q)))


def test_actor_years_reads_only_the_actors_lines_and_agrees_with_a_full_scan() -> None:
    text = knowledge._state_years_text()
    for code in ("RUS", "USA", "ISR", "IRN", "AFG", "ZAN"):
        pattern = re.compile(rf"^{code},(\d+),([^,\n]+),(\d)$", re.M)
        assert knowledge.actor_years(code) == {int(y): (float(c), int(mj)) for y, c, mj in pattern.findall(text)}
    assert knowledge.actor_years("NOPE") == {}


class _Data:
    """A stand-in for importlib.resources.files('casus'): casus/data is a temporary folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def joinpath(self, part: str) -> Path:
        return self.root / part


def test_read_yaml_caches_by_content_and_survives_a_corrupt_cache(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "data").mkdir(parents=True)
    monkeypatch.setattr(datafiles.resources, "files", lambda _name: _Data(pkg))
    monkeypatch.setenv("CASUS_CACHE_DIR", str(tmp_path / "cache"))
    f = pkg / "data" / "rules.yaml"
    f.write_text("rules:\n  - {name: a, weight: 1}\n", encoding="utf-8")
    first = datafiles.read_yaml("rules.yaml")
    assert first == {"rules": [{"name": "a", "weight": 1}]}
    cached = list((tmp_path / "cache" / "data").glob("rules.yaml-*.pickle"))
    assert len(cached) == 1
    first["rules"].clear()                                    # callers get a fresh object each call
    assert datafiles.read_yaml("rules.yaml") == {"rules": [{"name": "a", "weight": 1}]}
    f.write_text("rules:\n  - {name: b, weight: 2}\n", encoding="utf-8")   # a changed file is parsed again
    assert datafiles.read_yaml("rules.yaml") == {"rules": [{"name": "b", "weight": 2}]}
    for p in (tmp_path / "cache" / "data").glob("rules.yaml-*.pickle"):
        p.write_bytes(b"\x80\x05 truncated")                  # a corrupt cache is parsed again, not fatal
    assert datafiles.read_yaml("rules.yaml") == {"rules": [{"name": "b", "weight": 2}]}
    f.write_text("rules: [unclosed\n", encoding="utf-8")       # a YAML error is still the parser's error
    with pytest.raises(Exception, match="flow|expected"):
        datafiles.read_yaml("rules.yaml")


def test_an_unwritable_cache_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CASUS_CACHE_DIR", str(blocker / "cache"))
    assert datafiles.read_yaml("features.yaml")["model"]["bootstrap"] > 0
    datafiles.write_pickle(blocker / "cache" / "x.pickle", {"a": 1})
    assert datafiles.read_pickle(blocker / "cache" / "x.pickle") is None
    assert not list(tmp_path.glob("**/*.tmp"))


def test_signal_shifts_find_what_a_scan_per_rule_finds() -> None:
    """signal_shifts indexes the patron's records by event once; every rule gets exactly the records a
    plain scan of all records per rule would give it, in the same order."""
    from casus.assess import answer

    def rec(i: int, source: str, target: str | None, event: str, mode: str | None = None, negated: bool = False,
            about: str | None = None) -> dict[str, object]:
        return {"id": i, "source": source, "target": target, "event": event, "mode": mode, "negated": negated,
                "about": about, "doc_id": f"d{i}", "sentence": f"Sentence number {i} about {event.lower()}.",
                "date": f"2025-0{1 + i % 9}-01", "site": f"site{i}.example"}

    records = [rec(1, "RUS", "IRN", "AID", "military"), rec(2, "RUS", "IRN", "AID", "military", True),
               rec(3, "USA", "IRN", "AID", "military"), rec(4, "RUS", "ISR", "THREATEN"),
               rec(5, "RUS", "ISR", "ACCUSE"), rec(6, "RUS", "USA", "ACCUSE", about="IRN"),
               rec(7, "RUS", "IRN", "SUPPORT"), rec(8, "RUS", "IRN", "COOPERATE", "intelligence"),
               rec(9, "RUS", "ISR", "CONSULT"), rec(10, "RUS", "IRN", "AID", "intervention", True),
               rec(11, "RUS", "IRN", "AID", "military")]
    out = {s["name"]: s for s in answer.signal_shifts(records, "RUS", "IRN", "ISR")}
    for rule in answer._cfg()["signals"]["rules"]:
        expected = [r for r in records if r["source"] == "RUS"
                    and answer._matches(rule, r, answer._target_role(r, "IRN", "ISR", "RUS"))]
        got = out.get(rule["name"])
        assert (got is not None) == bool(expected), rule["name"]
        if got is not None:
            assert got["independent_sources"] + got["copies"] == len(answer._most_recent(expected)), rule["name"]
    assert {"arms supplied", "held back arms", "condemns the attacker", "warning to the attacker"} <= set(out)
    assert out["arms supplied"]["independent_sources"] == 2 and out["condemns the attacker"]["independent_sources"] == 2
