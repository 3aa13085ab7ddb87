"""Build casus, compiling the event coder (the modules of casus.events but actors.py) with mypyc when it can.

Metadata, packages and package data all come from pyproject.toml; this file only adds
the compiled extensions. A regular ``pip install .`` gives the compiled coder (about 2x
the pure-Python speed). The install is pure Python, and still complete, when:

- ``CASUS_PURE=1`` is set in the environment;
- the install is editable (``pip install -e .``): a compiled .so beside src/casus/events/*.py
  would shadow the source being edited;
- mypyc cannot be imported, or mypy/mypyc rejects the modules;
- the C compiler fails: the extensions are optional, and a partial build is removed so
  that a module is never left importing a missing runtime library.

Only these modules are compiled. Do not add casus/events/actors.py: its annotations do
not hold at run time (compiled code checks them and raises TypeError).
``casus.native.compiled_modules()`` (and ``casus bench code``) tell which build you have.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

CODER_MODULES = ("words", "lexicon", "sentence", "mentions", "scan", "roles", "attributes", "coder", "dates")
COMPILED = [f"src/casus/events/{name}.py" for name in CODER_MODULES]
# Imported modules are read for their types but not reported on (--follow-imports=silent), so a
# type error elsewhere in casus cannot block the build; third-party packages need not have stubs,
# nor even be installed in the isolated build environment (--ignore-missing-imports).
MYPY_ARGS = ["--ignore-missing-imports", "--follow-imports=silent"]
# Commands that build extensions; metadata-only runs (egg_info, dist_info, sdist) skip mypyc.
BUILD_COMMANDS = {"bdist_wheel", "build", "build_ext", "install", "bdist_egg"}
EDITABLE_COMMANDS = {"editable_wheel", "develop"}


def _say(message: str) -> None:
    print(f"casus setup: {message}", file=sys.stderr)


def _pure_reason(args: set[str]) -> str | None:
    """Why this build must be pure Python, or None to compile."""
    if os.environ.get("CASUS_PURE", "").strip() not in ("", "0"):
        return "CASUS_PURE is set"
    if args & EDITABLE_COMMANDS:
        return "editable install (a compiled module would shadow the source in src/)"
    try:
        import mypyc.build  # noqa: F401
    except ImportError as exc:
        return f"mypyc is not importable ({exc})"
    return None


def mypyc_extensions() -> list:
    args = set(sys.argv[1:])
    if not args & (BUILD_COMMANDS | EDITABLE_COMMANDS):
        return []
    reason = _pure_reason(args)
    if reason:
        _say(f"{reason}: installing the event coder (casus.events) as pure Python")
        return []
    from mypyc.build import mypycify

    try:
        extensions = mypycify([*MYPY_ARGS, *COMPILED], opt_level="3", group_name="casus")
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - any failure means pure Python; mypy exits on type errors
        _say(f"mypyc could not translate {', '.join(COMPILED)} ({exc!r}): installing pure Python")
        return []
    for ext in extensions:
        ext.optional = True
    _say(f"compiling {', '.join(ext.name for ext in extensions)} with mypyc")
    return extensions


class BuildExt(build_ext):
    """build_ext that leaves all or none of the mypyc extensions, never a partial set."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # noqa: BLE001 - no compiler at all, a platform error: pure Python
            _say(f"building the compiled coder failed ({exc!r})")
        outputs = [self.get_ext_fullpath(ext.name) for ext in self.extensions]
        missing = [path for path in outputs if not os.path.exists(path)]
        if missing:
            for path in outputs:
                if os.path.exists(path):
                    os.remove(path)
            _say(f"C compilation failed (no {', '.join(map(os.path.basename, missing))}): "
                 "installing the event coder (casus.events) as pure Python")


setup(ext_modules=mypyc_extensions(), cmdclass={"build_ext": BuildExt})
