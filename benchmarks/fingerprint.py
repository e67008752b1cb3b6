"""What the extractor fingerprint costs (pipeline/fingerprint.py): it is computed once per process
by every command that ingests, so it must stay a few milliseconds.

Prints the files and bytes hashed, then the best and median of REPEAT computations of each part:
listing the files, hashing them, the package versions from importlib.metadata, and the whole.
The first computation in a fresh process (cold disk cache, metadata not yet scanned) is printed
apart, as the cost a command actually pays.

    .venv/bin/python -m benchmarks.fingerprint --repeat 50
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

# This checkout first on sys.path, as benchmarks/search.py says why.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline import fingerprint as fp  # noqa: E402


def _times(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    seconds = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - started)
    return min(seconds), statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()

    started = time.perf_counter()
    version = fp.current_fingerprint()
    first = time.perf_counter() - started
    files = fp.extraction_files()
    print(f"fingerprint {version}: {len(files)} files, {sum(p.stat().st_size for p in files):,} bytes, "
          f"{len(fp.EXTRACTION_DISTRIBUTIONS)} package versions")
    print(f"first computation in this process: {first * 1000:.1f} ms")
    parts: dict[str, Callable[[], object]] = {
        "list files": fp.extraction_files,
        "hash files": lambda: fp.fingerprint(fp.PROJECT_ROOT, files, version="x"),
        "package versions": fp.distribution_versions,
        "whole (uncached)": fp.current_fingerprint.__wrapped__,
    }
    for name, call in parts.items():
        best, median = _times(call, args.repeat)
        print(f"{name:<18} best {best * 1000:6.2f} ms, median {median * 1000:6.2f} ms")


if __name__ == "__main__":
    main()
