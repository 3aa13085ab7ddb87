"""Which of casus's modules run compiled (mypyc) here rather than as pure Python.

A regular ``pip install .`` compiles the event coder (casus.events, all but actors.py) with mypyc (see setup.py);
an editable install, ``CASUS_PURE=1``, or a machine without a C compiler gives pure Python.
Both builds give the same events; the compiled one is about twice as fast.
"""

from __future__ import annotations

import importlib
import importlib.machinery

#: The modules setup.py compiles when it can.
COMPILABLE = tuple(f"casus.events.{name}" for name in
                   ("words", "lexicon", "sentence", "mentions", "scan", "roles", "attributes", "coder", "dates"))


def is_compiled(module_name: str) -> bool:
    """True if `module_name` is (imported and) loaded from a compiled extension, not from a .py file."""
    module = importlib.import_module(module_name)
    path = getattr(module, "__file__", None) or ""
    return path.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def compiled_modules() -> list[str]:
    """The modules of COMPILABLE that are loaded from compiled extensions: [] for a pure-Python install."""
    return [name for name in COMPILABLE if is_compiled(name)]


def coder_build() -> str:
    """``"mypyc"`` if the event coder runs compiled, else ``"pure Python"``."""
    return "mypyc" if is_compiled("casus.events.coder") else "pure Python"
