"""A compiled object kept on disk between processes, keyed by the content of everything it was
compiled from, so that it cannot go stale.

Why: a one-off `kiemtra search` compiles the query lexicon (index/vi/*.toml, the dictionary,
core's tables) in every process, and that compiling was the largest part of the command's start
(benchmarks/cli_search.py: "lexicon"); loading it compiled takes a third of the time. A cache
keyed by modification times or by a version number goes stale the day a linguist edits a word
list and the clock or the number does not move, so the key here is a hash of the bytes of every
source file and data file under the given roots (the code that compiles and the classes that are
pickled, the data it reads), of the files named besides them (a dictionary in another package),
and of the Python version and the pickle protocol. Any edit anywhere under the roots changes the
key: the next process compiles anew and writes the new entry; the oldest entries beyond a few are
removed then.

Where: `$KIEMTRA_CACHE_DIR`, else `$XDG_CACHE_HOME/kiemtra`, else `~/.cache/kiemtra`: the user's
own cache, as writable as the code itself, so reading a pickle from it trusts nothing that the
user's own environment does not already trust. `KIEMTRA_CACHE_DIR=off` compiles every time. A
folder that cannot be written, or an entry that cannot be read, costs the compiling and no more.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# What the key hashes under a root: source and data; not bytecode caches nor other binaries.
HASHED_SUFFIXES = frozenset({".py", ".toml", ".txt", ".json"})
# Bumped when the way entries are written changes.
FORMAT = 1
OFF = "off"
# Entries of one name kept, the newest: two checkouts of different code (a developer's branches,
# an upgrade beside the old install) each find their own rather than replacing each other's.
KEPT = 3


def cache_dir() -> Path | None:
    """The folder of the cache (see the module's docstring), None when turned off."""
    named = os.environ.get("KIEMTRA_CACHE_DIR")
    if named is not None:
        return None if named.strip().lower() in ("", OFF) else Path(named).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kiemtra"


def source_key(roots: Iterable[Path], files: Iterable[Path | None] = ()) -> str:
    """A hash of the bytes of every source and data file under `roots` (by their paths relative
    to the root, in order), of `files` (None: a file not installed, hashed as absent), and of the
    interpreter's version and pickle protocol."""
    digest = hashlib.sha256(f"{FORMAT} {sys.version} {pickle.HIGHEST_PROTOCOL}".encode())
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.suffix in HASHED_SUFFIXES
                           and "__pycache__" not in p.parts and p.is_file()):
            digest.update(f"\0{path.relative_to(root).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    for file in files:
        digest.update(f"\0file {file}\0".encode())
        if file is not None and file.is_file():
            digest.update(file.read_bytes())
    return digest.hexdigest()


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The object `build` returns, read from the cache when an entry of `name` has this `key`,
    else built and written there (atomically: a process reading meanwhile sees the whole entry or
    none). Entries of `name` beyond the newest `KEPT` are removed when a new one is written."""
    folder = cache_dir()
    if folder is None:
        return build()
    entry = folder / f"{name}-{key[:40]}.pickle"
    try:
        with entry.open("rb") as f:
            return pickle.load(f)
    except FileNotFoundError:
        pass
    except Exception:  # a truncated or unreadable entry (another version's classes): rebuilt
        with contextlib.suppress(OSError):  # a folder that is no folder: nothing to remove
            entry.unlink(missing_ok=True)
    built = build()
    written: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, prefix=f".{name}-", delete=False) as f:
            written = f.name
            pickle.dump(built, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(written, entry)
        written = None
        others = sorted((p for p in folder.glob(f"{name}-*.pickle") if p != entry),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[KEPT - 1:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full disk: this process keeps what it built
    finally:
        if written is not None:
            Path(written).unlink(missing_ok=True)
    return built
