"""The data files the package ships (casus/data): one reader, with libyaml's loader when PyYAML has it;
and where the project's shared/ folder (gold, corpora) is."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader parses several times faster


def read_yaml(name: str) -> Any:
    """Parse casus/data/NAME (a fresh object each call: callers cache what they keep)."""
    # joinpath takes one part per call on Python 3.10
    return yaml.load(resources.files("casus").joinpath("data").joinpath(name).read_text(encoding="utf-8"), Loader=YAML_LOADER)


def shared_dir() -> Path:
    """``shared/``, where the gold and the corpora live: ``$CASUS_SHARED`` if set, else beside the repository
    (``<repo>/../shared``, for a source checkout), else ``../shared`` or ``./shared`` from the working directory
    (for an installed package run inside the repository). The first candidate if none exists."""
    env = os.environ.get("CASUS_SHARED")
    if env:
        return Path(env)
    repo = next((p for p in Path(__file__).resolve().parents if (p / "pyproject.toml").exists()), None)
    candidates = ([repo.parent / "shared"] if repo else []) + [Path.cwd().parent / "shared", Path.cwd() / "shared"]
    return next((c for c in candidates if c.is_dir()), candidates[0])
