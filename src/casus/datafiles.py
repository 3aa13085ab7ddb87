"""The data files the package ships (casus/data): one reader, with libyaml's loader when PyYAML has it, and a
parse cache; where casus keeps its caches; and where the project's shared/ folder (gold, corpora) is."""

from __future__ import annotations

import hashlib
import os
import pickle
from importlib import resources
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

CACHE_FORMAT = "data-1"  # bump when what a cached build returns changes shape
KEEP_PER_KIND = 4  # cached builds of one kind kept beside the newest (older data versions are deleted)
T = TypeVar("T")


def cache_root() -> Path:
    """Where casus keeps caches (fitted models, parsed data): $CASUS_CACHE_DIR, else the user cache dir."""
    env = os.environ.get("CASUS_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("casus"))


def write_pickle(path: Path, obj: Any) -> None:
    """Pickle `obj` to `path` atomically (a temporary file renamed over it); an unwritable cache is no error."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        try:  # a read-only or full cache (or an object this Python cannot pickle) only costs a rebuild next time
            tmp.unlink()
        except OSError:
            pass


def prune_cache(folder: Path, pattern: str, keep: int, current: Path | None = None) -> int:
    """Delete all but the `keep` most recently used files matching `pattern` in `folder` (never `current`).

    Each new data version or as-of year adds a file; without this the cache only grows. A file another
    process is using or has just deleted is left alone. Returns how many files were deleted.
    """
    try:
        found = [(f.stat().st_mtime, f) for f in folder.glob(pattern) if f != current]
    except OSError:
        return 0
    found.sort(reverse=True)
    deleted = 0
    for _, old in found[max(0, keep - (current is not None)):]:
        try:
            old.unlink()
            deleted += 1
        except OSError:
            pass
    return deleted


def read_pickle(path: Path) -> Any:
    """The object pickled at `path`, or None when it is missing, truncated or corrupt."""
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:  # missing, truncated, corrupt, or written by another version: the caller rebuilds
        return None


def parse_yaml(text: str, name: str = "<text>") -> Any:
    """Parse YAML text with the safe loader (libyaml's C loader when available: several times faster).

    A mapping that repeats a key is an error naming `name` and the line: YAML itself lets the later
    value silently replace the earlier one, which has hidden a word list behind another of the same name.
    """
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class UniqueKeyLoader(base):  # type: ignore[misc, valid-type]
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            seen: dict[Any, int] = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                line = key_node.start_mark.line + 1
                if isinstance(key, str) and key in seen:
                    from casus.errors import CasusError

                    raise CasusError(f"{name}: line {line}: key {key!r} repeats the one on line {seen[key]}")
                if isinstance(key, str):
                    seen[key] = line
            return super().construct_mapping(node, deep=deep)

    return yaml.load(text, Loader=UniqueKeyLoader)


def data_bytes(name: str) -> bytes:
    """The bytes of casus/data/NAME."""
    # joinpath takes one part per call on Python 3.10
    return resources.files("casus").joinpath("data").joinpath(name).read_bytes()


def cached_build(kind: str, inputs: Iterable[bytes], build: Callable[[], T]) -> T:
    """`build()`, or its result from an earlier call with the same inputs (pickled in the cache folder).

    The file is named by `kind` and a hash of `inputs`, so changed inputs build afresh; a
    missing, corrupt or unreadable file is rebuilt, and an unwritable cache is no error.
    """
    h = hashlib.sha256(f"{CACHE_FORMAT}|{kind}".encode())
    for part in inputs:
        h.update(hashlib.sha256(part).digest())
    digest = h.hexdigest()[:24]
    path = cache_root() / "data" / f"{kind}-{digest}.pickle"
    cached = read_pickle(path)
    if isinstance(cached, tuple) and len(cached) == 2 and cached[0] == digest:
        return cached[1]  # type: ignore[no-any-return]
    value = build()
    write_pickle(path, (digest, value))
    prune_cache(path.parent, f"{kind}-{'[0-9a-f]' * len(digest)}.pickle", KEEP_PER_KIND, current=path)
    return value


def read_yaml(name: str) -> Any:
    """Parse casus/data/NAME (a fresh object each call: callers cache what they keep).

    The parsed file is cached on disk under a hash of its bytes, so a changed file is
    parsed again and a start-up pays for no YAML parsing (`casus assess` reads ten files).
    """
    raw = data_bytes(name)
    return cached_build(Path(name).name, [raw], lambda: parse_yaml(raw.decode("utf-8"), name))


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
