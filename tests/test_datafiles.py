"""The shipped-data reader: a repeated key is an error, not a silent override."""

from __future__ import annotations

import pytest

from casus import datafiles
from casus.errors import CasusError


def test_repeated_key_is_one_line_naming_file_and_lines() -> None:
    with pytest.raises(CasusError, match=r"^lists\.yaml: line 4: key 'nouns' repeats the one on line 2$"):
        datafiles.parse_yaml("word_lists:\n  nouns: [a]\n  verbs: [b]\n  nouns: [c]\n", "lists.yaml")


def test_same_key_in_different_mappings_is_fine() -> None:
    assert datafiles.parse_yaml("a: {x: 1}\nb: {x: 2}\n", "ok.yaml") == {"a": {"x": 1}, "b": {"x": 2}}


def test_every_shipped_file_has_unique_keys() -> None:
    from importlib import resources

    for entry in resources.files("casus").joinpath("data").iterdir():
        if entry.name.endswith(".yaml"):
            datafiles.parse_yaml(entry.read_text(encoding="utf-8"), entry.name)
