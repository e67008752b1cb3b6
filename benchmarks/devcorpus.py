"""Where the benchmarks find the shared dev corpus and scorer, and how they load them.

The corpus and the scorer stay in ../shared beside the repo and are read at run time, never
copied; the scorer is a script, not a package, so it is imported from its file.

Importing this module also puts this checkout first on sys.path: run as a script
(`python benchmarks/crossval.py`), a benchmark would otherwise import the packages the venv
installed, which in a second worktree are another checkout's code, and measure that instead.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path[:1]:
    sys.path.insert(0, str(REPO))
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "dev"
DEFAULT_SCORER = REPO.parent / "shared" / "eval" / "score.py"


def load_scorer(path: Path = DEFAULT_SCORER) -> ModuleType:
    """The shared scorer as a module."""
    spec = importlib.util.spec_from_file_location("kiemtra_shared_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: cannot import the scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dev_texts(corpus: Path, docs: int = 0) -> list[Path]:
    """The corpus texts that have gold, sorted; the first `docs` of them when docs > 0."""
    texts = sorted(p for p in corpus.glob("*.txt") if p.with_name(f"{p.stem}.gold.json").exists())
    return texts[:docs] if docs > 0 else texts


def subset_gold(texts: list[Path], folder: Path) -> Path:
    """A gold folder holding only the chosen documents, so --docs N scores N documents."""
    folder.mkdir()
    for text in texts:
        for source in (text, text.with_name(f"{text.stem}.gold.json")):
            (folder / source.name).symlink_to(source)
    return folder
