"""Run a parsing function in child processes with a memory cap and a deadline.

Why: a hostile PDF or image can make a C library loop forever or allocate gigabytes; in a child
with RLIMIT_AS and a timeout that costs one file (LimitExceeded / CorruptDocument), not the run.
Workers are started with "forkserver" so they never inherit the parent's threads or locks, and
each worker takes a contiguous chunk of the items so a 100-page scan pays the start-up only
once per core.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import time
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from core import errors
from core.errors import CorruptDocument, KiemtraError, LimitExceeded

LOGGER = logging.getLogger(__name__)

_START_METHOD = "forkserver"
# Which settings name the limits, so a refusal tells the operator which key to raise.
PARSE_LIMITS = ("parse_timeout_s", "parse_memory_mb")


def preload(modules: Sequence[str]) -> None:
    """Import `modules` once in the fork server, so every child starts with them loaded.

    Why: a child that must build the NLP pipeline itself pays a second per document; forked from
    a server that holds it, it pays milliseconds. Only effective before the first child starts.
    """
    ctx: Any = multiprocessing.get_context(_START_METHOD)
    ctx.set_forkserver_preload(list(modules))


def run_limited(fn: Callable[..., Any], args: tuple[Any, ...], *, path: Path, timeout_s: float,
                memory_mb: int, limits: tuple[str, str] = PARSE_LIMITS,
                unexpected: str = "CorruptDocument") -> Any:
    """`fn(*args)` in one limited child process; its KiemtraError is re-raised here.

    `limits` names the timeout and memory settings in messages; `unexpected` is the error an
    exception that is not a KiemtraError becomes (a library failing on a file: CorruptDocument).
    """
    return map_limited(fn, [args], path=path, timeout_s=timeout_s, memory_mb=memory_mb, workers=1,
                       limits=limits, unexpected=unexpected)[0]


def map_limited(fn: Callable[..., Any], items: Sequence[tuple[Any, ...]], *, path: Path,
                timeout_s: float, memory_mb: int, workers: int, limits: tuple[str, str] = PARSE_LIMITS,
                unexpected: str = "CorruptDocument", shared: tuple[Any, ...] = ()) -> list[Any]:
    """[fn(*shared, *item) for item in items] over up to `workers` limited processes, order kept.

    `timeout_s` is per item: a worker with n items gets n × timeout_s. `shared` (a file's bytes)
    is sent once to each worker, not once per item.
    """
    if not items:
        return []
    ctx: Any = multiprocessing.get_context(_START_METHOD)
    chunks = _chunks(len(items), max(1, workers))
    running: dict[Any, tuple[Any, range, float]] = {}  # reader Connection → (process, items, deadline)
    results: list[Any] = [None] * len(items)
    try:
        for span in chunks:
            reader, writer = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_child, args=(writer, fn, shared, [items[i] for i in span], memory_mb,
                                                    limits[1], unexpected), daemon=True)
            proc.start()
            writer.close()
            running[reader] = (proc, span, time.monotonic() + timeout_s * len(span))
        while running:
            deadline = min(d for _, _, d in running.values())
            ready = wait(list(running), timeout=max(0.0, deadline - time.monotonic()))
            if not ready:
                per = " per page" if len(items) > 1 else ""
                raise LimitExceeded(f"took longer than {limits[0]}={timeout_s}s{per}", path=path,
                                    setting=limits[0], limit=timeout_s)
            for conn in ready:
                proc, span, _ = running.pop(conn)
                chunk = _receive(conn, proc, path, memory_mb, limits[1])
                for i, value in zip(span, chunk, strict=True):
                    results[i] = value
    finally:
        for conn, (proc, _, _) in running.items():
            proc.kill()
            conn.close()
        for conn in list(running):
            running[conn][0].join(1)
    return results


def _chunks(n: int, workers: int) -> list[range]:
    size = -(-n // min(n, workers))
    return [range(i, min(n, i + size)) for i in range(0, n, size)]


def _receive(conn: Any, proc: Any, path: Path, memory_mb: int,
             memory_key: str = PARSE_LIMITS[1]) -> list[Any]:
    try:
        status, payload = conn.recv()
    except EOFError:
        proc.join(5)
        raise CorruptDocument(
            f"parser process died (exit code {proc.exitcode}); the file may be malformed or need more "
            f"than {memory_key}={memory_mb}", path=path) from None
    finally:
        conn.close()
    proc.join(5)
    if status == "ok":
        return list(payload)
    kind, reason, err_path = payload
    cls = getattr(errors, kind, CorruptDocument)
    if cls is LimitExceeded and f"{memory_key}=" in reason:  # the child's memory cap (`_child`)
        raise LimitExceeded(reason, path=err_path or path, setting=memory_key, limit=memory_mb)
    raise cls(reason, path=err_path or path)


def _child(conn: Connection, fn: Callable[..., Any], shared: tuple[Any, ...], items: list[tuple[Any, ...]],
           memory_mb: int, memory_key: str = PARSE_LIMITS[1], unexpected: str = "CorruptDocument") -> None:
    """Worker body: cap memory, keep Tesseract single-threaded, report one message."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    limit = memory_mb * 1024 * 1024
    started_with = _address_space()
    if started_with and limit < started_with + _HEADROOM:
        # The limit is below what this process already uses: every file would "fail". Say so.
        needed = (started_with + _HEADROOM) >> 20
        conn.send(("err", ("LimitExceeded", f"the memory limit was hit: {memory_key}={memory_mb} is below "
                           f"the {needed} MB a worker process needs to start", None)))
        conn.close()
        return
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        LOGGER.warning("could not set a memory limit of %d MB", memory_mb)
    try:
        conn.send(("ok", [fn(*shared, *item) for item in items]))
    except KiemtraError as e:
        conn.send(("err", (type(e).__name__, e.reason, e.path)))
    except MemoryError:
        reason = f"the memory limit was hit: needs more than {memory_key}={memory_mb}"
        conn.send(("err", ("LimitExceeded", reason, None)))
    except Exception as e:  # noqa: BLE001 - any library failure is the file's fault here
        if unexpected == "UnexpectedError":
            conn.send(("err", (unexpected, str(errors.UnexpectedError.of(e)), None)))
        else:
            conn.send(("err", (unexpected, f"{type(e).__name__}: {e}", None)))
    finally:
        conn.close()


_HEADROOM = 16 << 20  # what receiving the arguments and sending one answer needs at the least


def _address_space() -> int:
    """This process's virtual memory size in bytes (0 where /proc is not available)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0
