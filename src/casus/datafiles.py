"""The data files the package ships (casus/data): one reader, with libyaml's loader when PyYAML has it."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader parses several times faster


def read_yaml(name: str) -> Any:
    """Parse casus/data/NAME (a fresh object each call: callers cache what they keep)."""
    # joinpath takes one part per call on Python 3.10
    return yaml.load(resources.files("casus").joinpath("data").joinpath(name).read_text(encoding="utf-8"), Loader=YAML_LOADER)
