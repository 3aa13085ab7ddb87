"""Shared fixtures: fresh databases, the ../shared folder (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "casus.db"


@pytest.fixture
def fresh_store(db_path: Path):
    from casus.store.database import Store

    store = Store(db_path)
    yield store
    store.close()


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS} (../shared beside the repo)")
    return SEEDS


@pytest.fixture
def gold_dir() -> Path:
    if not GOLD.is_dir():
        pytest.skip(f"gold annotations not found at {GOLD} (../shared beside the repo)")
    return GOLD
