"""The NLP pipeline is built where extraction runs, and only there.

With `isolate` (the default) every document is extracted in a child forked from a server that
already holds the pipeline; a parent that built or imported it as well paid about a second per
run for nothing. Run in a fresh interpreter, since the test process has imported spaCy already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cli_helpers import REPORT

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from pathlib import Path
from core.settings import load_settings
from pipeline.ingest import ingest_paths
from pipeline.process import warm_extraction

settings = load_settings({"db_path": sys.argv[1], "isolate": sys.argv[2] == "true"})
warm_extraction(settings)
summary = ingest_paths([Path(sys.argv[3])], settings=settings)
spacy = "spacy" in sys.modules
import nlp.load
print(json.dumps({"line": summary.line(), "spacy": spacy,
                  "built": nlp.load.default_pipeline.cache_info().currsize}))
"""

def _probe(tmp_path: Path, isolate: bool) -> dict[str, object]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bao-cao.txt").write_text(REPORT, encoding="utf-8")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "k.db"), str(isolate).lower(),
                           str(folder)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
                          check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_isolated_extraction_builds_and_imports_no_pipeline_in_the_parent(tmp_path: Path) -> None:
    result = _probe(tmp_path, isolate=True)
    assert str(result["line"]).startswith("1 new")
    assert result["built"] == 0
    assert result["spacy"] is False


def test_in_process_extraction_builds_the_pipeline_once_before_it_runs(tmp_path: Path) -> None:
    result = _probe(tmp_path, isolate=False)
    assert str(result["line"]).startswith("1 new")
    assert result["built"] == 1
