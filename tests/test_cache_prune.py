"""The on-disk caches stay bounded: each new data version replaces old ones beyond a few."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from casus import datafiles


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CASUS_CACHE_DIR", str(tmp_path))
    return tmp_path / "data"


def test_cached_build_keeps_only_the_newest_versions_of_a_kind(cache: Path) -> None:
    for version in range(10):
        assert datafiles.cached_build("kind", [f"version {version}".encode()], lambda v=version: v) == version
        for f in cache.glob("kind-*.pickle"):  # age every file, so the one just written is the newest
            age = f.stat().st_mtime - 60
            os.utime(f, (age, age))
    assert len(list(cache.glob("kind-*.pickle"))) == datafiles.KEEP_PER_KIND
    assert datafiles.cached_build("kind", [b"version 9"], lambda: -1) == 9  # the newest survived
    assert datafiles.cached_build("kind", [b"version 0"], lambda: -1) == -1  # the oldest was deleted


def test_pruning_one_kind_leaves_other_kinds_alone(cache: Path) -> None:
    datafiles.cached_build("other", [b"x"], lambda: "kept")
    for version in range(8):
        datafiles.cached_build("kind", [f"v{version}".encode()], lambda: version)
    assert len(list(cache.glob("other-*.pickle"))) == 1
    assert datafiles.cached_build("other", [b"x"], lambda: "rebuilt") == "kept"


def test_prune_cache_never_deletes_the_current_file(tmp_path: Path) -> None:
    files = []
    for i in range(5):
        f = tmp_path / f"model-{i}.pickle"
        f.write_bytes(b"x")
        os.utime(f, (1000 + i, 1000 + i))
        files.append(f)
    current = files[0]  # the oldest by time, but the one just written
    deleted = datafiles.prune_cache(tmp_path, "model-*.pickle", 2, current=current)
    assert deleted == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model-0.pickle", "model-4.pickle"]


def test_prune_cache_on_a_missing_folder_is_no_error(tmp_path: Path) -> None:
    assert datafiles.prune_cache(tmp_path / "absent", "*.pickle", 1) == 0
