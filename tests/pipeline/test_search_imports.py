"""A one-off `kiemtra search` imports what a search needs and no other command's libraries.

Why it matters: staff run one search from the shell and wait for the whole process. Before the
`kiemtra` group imported its commands when named, every search imported `compare`'s rich tables,
reports and spreadsheet writers (0.1 s of each search; benchmarks/cli_search.py prints the
numbers). The readers (PDF, OCR, spaCy's or underthesea's segmenter), Prefect and the web page
are each another command's: a search that imports one of them pays for it on every command.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.pipeline.cli_helpers import REPORT, ingested_store

ROOT = Path(__file__).resolve().parents[2]

# A fresh interpreter runs one search as `kiemtra` does and prints the modules then imported.
PROGRAM = """
import json, sys
from pipeline.cli import cli
try:
    cli(["--db", sys.argv[1], "search", *sys.argv[2:]], prog_name="kiemtra")
except SystemExit as stop:
    assert not stop.code, stop.code
print(json.dumps(sorted(sys.modules)))
"""

# Top-level packages a search never needs: other commands' (the readers, the flows, the page,
# the comparison and its spreadsheets) and the heavy libraries behind them.
NOT_FOR_A_SEARCH = (
    "rich", "openpyxl", "prefect", "spacy", "underthesea", "pdfplumber", "pypdfium2", "pytesseract",
    "PIL", "docx", "fastapi", "starlette", "uvicorn", "httpx", "sklearn", "elasticsearch",
    "extractors", "flows", "web", "reports",
)


def _imported(db: str, *query: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    done = subprocess.run([sys.executable, "-c", PROGRAM, db, *query], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_a_search_imports_no_other_commands_libraries(tmp_path: Path) -> None:
    db = ingested_store(tmp_path, {"thong-bao.txt": REPORT})
    for query in (("phiếu hẹn",), ("phieu hen", "--year", "2021", "--area", "tthc")):
        modules = _imported(db, *query)
        assert "pipeline.search" in modules  # the search ran
        loaded = sorted(name for name in NOT_FOR_A_SEARCH if name in modules)
        assert not loaded, f"{query}: a search imported {loaded}"


def test_the_commands_are_still_listed_and_run(tmp_path: Path) -> None:
    """Imported when named: `--help` lists every command with its first line, and each runs."""
    from tests.pipeline.cli_helpers import kiemtra, run

    listed = run("--help").output
    for name in ("compare", "nightly", "quarantine", "runs", "serve", "show", "search", "stats"):
        assert f"\n  {name} " in listed, name
    db = ingested_store(tmp_path, {"thong-bao.txt": REPORT})
    assert kiemtra(Path(db), "compare", "--format", "csv").exit_code == 0
    assert kiemtra(Path(db), "runs").exit_code == 0
    unknown = kiemtra(Path(db), "comapre")
    assert unknown.exit_code == 2 and "No such command 'comapre'" in unknown.output
