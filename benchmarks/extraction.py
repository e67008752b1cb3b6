"""Extraction throughput over a corpus, in characters per second per core, per stage.

    python benchmarks/extraction.py [CORPUS_DIR] [--rounds N]

Prints numbers; asserts nothing. The pipeline is built and warmed up first (model loading is
a one-off cost per process, not per document), then each round runs every document once on
one core. Stages are timed by the wall clock (`run_pipeline`'s timings); the last line also
gives the process's CPU time, which is the per-core figure when other work shares the machine.
"""

from __future__ import annotations

import argparse
import collections
import time
from pathlib import Path

from devcorpus import DEFAULT_CORPUS

from core.settings import load_settings
from extractors import read
from nlp.extract import run_pipeline
from nlp.load import load_pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    settings = load_settings()
    documents = [read(p, settings=settings) for p in sorted(args.corpus.glob("*.txt"))]
    chars = sum(len(d.text) for d in documents)
    started = time.perf_counter()
    nlp = load_pipeline()
    run_pipeline(documents[0], nlp)  # warm-up: lazy model loads happen here
    print(f"pipeline load + warm-up: {time.perf_counter() - started:.2f} s")

    per_stage: collections.Counter[str] = collections.Counter()
    wall = cpu = 0.0
    for _ in range(args.rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        for document in documents:
            _, timings = run_pipeline(document, nlp)
            per_stage.update(timings)
        wall += time.perf_counter() - start
        cpu += time.process_time() - start_cpu
    total_chars = chars * args.rounds
    print(f"{len(documents)} documents, {chars} characters, {args.rounds} rounds, 1 core")
    print(f"{'stage':<12} {'seconds':>8} {'chars/s':>12}")
    for stage, seconds in per_stage.items():
        print(f"{stage:<12} {seconds:>8.3f} {total_chars / seconds:>12,.0f}")
    print(f"{'all':<12} {wall:>8.3f} {total_chars / wall:>12,.0f}")
    print(f"{'all (cpu)':<12} {cpu:>8.3f} {total_chars / cpu:>12,.0f}")


if __name__ == "__main__":
    main()
