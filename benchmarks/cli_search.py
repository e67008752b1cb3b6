"""What one `kiemtra search` costs from a cold process: the whole command, and where its time goes.

A staff member runs one search and waits for the whole process: importing the code, reading and
compiling the query's language data (the lexicon, the readings of words typed without accents,
the theme phrases), opening the store, the search itself. The web server pays the compiling once
at its start (`pipeline.search.warm_up`); the CLI pays it on every command.

Prints, for each query, the best and median wall time of REPEAT fresh `python -m pipeline search`
processes on the store DB; then, in one fresh process, the seconds of each step of the first
search (imports, lexicon, readings, the first search, a second one); and what importing the command
line adds to a bare interpreter (`kiemtra`'s commands are imported when named: a search imports
none of `compare`'s rich, reports or spreadsheet writers). Timings on a loaded machine
are rough: compare runs made together. The processes write and read their bytecode caches
(__pycache__, as an installed kiemtra does), PYTHONDONTWRITEBYTECODE notwithstanding: without them
every process compiles its modules' source too, which no user's command pays twice.

The lexicon comes from the compiled cache (core/compiled_cache.py) once a process has written
it; `KIEMTRA_CACHE_DIR=off` measures the compiling every process did before. The commands' stderr
(the "read as" line) is not printed.

    .venv/bin/python -m benchmarks.cli_search --db /tmp/ux28.db --repeat 5
    KIEMTRA_CACHE_DIR=off .venv/bin/python -m benchmarks.cli_search --db /tmp/ux28.db --repeat 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = (("phiếu hẹn",), ("xa nao chua cap phieu hen",), ("chữ ký số", "--year", "2019"))

# Run in a fresh interpreter by `steps`: each step's seconds, as the first search meets them.
STEPS = """
import sys, time
t = time.perf_counter()
def step(name):
    global t
    now = time.perf_counter()
    print(f"  {name:28} {now - t:6.3f} s")
    t = now
import pipeline.cli, pipeline.search, pipeline.hints, index.query
from core.settings import load_settings
from index.backends import open_backend
from index.base import Query
step("imports (as a search's)")
lexicon = index.query.load_lexicon()
step("lexicon")
lexicon.readings
step("readings")
backend = open_backend(load_settings({"db_path": sys.argv[1]}))
step("store opened")
pipeline.search.search(backend, Query(text=sys.argv[2], limit=10))
step("first search")
pipeline.search.search(backend, Query(text="so theo doi ho so", limit=10))
step("a second search")
"""


def _env() -> dict[str, str]:
    # This checkout's code, whatever the virtual environment installed (benchmarks/search.py).
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
           "OMP_THREAD_LIMIT": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def wall(db: Path, query: tuple[str, ...], repeat: int) -> tuple[float, float]:
    """Best and median seconds of `repeat` fresh `kiemtra search` processes."""
    seconds = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipeline", "--db", str(db), "search", *query], cwd=ROOT,
                       env=_env(), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - started)
    return min(seconds), statistics.median(seconds)


def imports(repeat: int) -> tuple[float, float]:
    """Best and median seconds that importing the command line adds to a bare interpreter."""
    def seconds(code: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=_env(), check=True)
        return time.perf_counter() - started

    bare = min(seconds("pass") for _ in range(repeat))
    added = [seconds("import pipeline.cli") - bare for _ in range(repeat)]
    return min(added), statistics.median(added)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a store (the samples': ./scripts/run.sh)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{ROOT}; load average {os.getloadavg()[0]:.1f}")
    wall(args.db, QUERIES[0], 1)  # the bytecode caches written, the files in the page cache
    for query in QUERIES:
        best, median = wall(args.db, query, args.repeat)
        print(f"kiemtra search {' '.join(query)!r:32} best {best:5.2f} s, median {median:5.2f} s"
              f" ({args.repeat} processes)")
    best, median = imports(args.repeat)
    print(f"{'import pipeline.cli':41} best {best:5.2f} s, median {median:5.2f} s"
          " (beyond a bare interpreter)")
    print("one fresh process, step by step:")
    subprocess.run([sys.executable, "-c", STEPS, str(args.db), QUERIES[0][0]], cwd=ROOT, env=_env(),
                   check=True)


if __name__ == "__main__":
    main()
