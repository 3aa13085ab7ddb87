"""Files written whole or not at all: beside the target, flushed to disk, then renamed over it.

Every user file casus writes (exports, reports, Parquet partitions) goes through
`atomic_open` or `atomic_path`. A process killed mid-write, a full disk or any
error leaves the previous file exactly as it was (a killed process may leave its
hidden `.NAME.*.part` file behind, never a half-written NAME). Targets that are
not regular files (`-o /dev/stdout`, a FIFO) are written directly: they cannot
be renamed over.

Example:
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "events.jsonl"
    >>> with atomic_open(out, "w", encoding="utf-8") as fh:
    ...     _ = fh.write("{}\\n")
    >>> out.read_text()
    '{}\\n'
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (not every file system lets a folder be opened: then skip)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _new_file_mode(final: Path) -> int:
    """The permissions the file would have had if opened directly: the old file's, or 0666 less the umask."""
    try:
        return stat.S_IMODE(final.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _direct(final: Path) -> bool:
    """True for an existing target that is not a regular file (a device, a FIFO): no rename over those."""
    try:
        return not stat.S_ISREG(final.stat().st_mode)
    except OSError:
        return False


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside `path` to write; on success it is fsynced and renamed over `path`.

    On any exception the temporary file is removed and `path` is untouched.
    """
    final = Path(path)
    if _direct(final):
        yield final
        return
    folder = final.parent if str(final.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=folder)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        _fsync(tmp)
        os.chmod(tmp, _new_file_mode(final))
        os.replace(tmp, final)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(folder)


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """`open(path, mode)` whose content replaces `path` only once the block ends without an error."""
    if "r" in mode or "a" in mode or "+" in mode:
        raise ValueError(f"atomic_open writes whole files: mode {mode!r} is not 'w' or 'wb'")
    with atomic_path(path) as tmp, open(tmp, mode, **kwargs) as fh:
        yield fh
