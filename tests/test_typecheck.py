"""The whole library type-checks: `mypy src/casus` (configured in pyproject.toml) is clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_whole_library_is_clean() -> None:
    pytest.importorskip("mypy", reason="mypy not installed (pip install '.[test]')")
    proc = subprocess.run([sys.executable, "-m", "mypy", "src/casus"], cwd=ROOT, capture_output=True, text=True,
                          timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
