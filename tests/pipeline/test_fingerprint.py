"""The extractor's version as a fingerprint (pipeline/fingerprint.py), and what a change of it does
to a real store through `kiemtra ingest`: stored documents are re-read once and counted as such,
unchanged ones are skipped, quarantined files are retried, a pin holds, `stats` and `runs` show
the versions.

The "extractor" whose change we simulate is a copy of kiemtra's own extraction files in a tmp
tree: editing its nlp/vi/themes.toml is exactly what improving the vocabulary is, and the
fingerprint the run uses is computed from that copy (`current_fingerprint` is pointed at it).
"""

from __future__ import annotations

import ast
import json
import os
import shutil
from pathlib import Path

import pytest
from cli_helpers import REPORT, count_reads, kiemtra

import pipeline.fingerprint
import pipeline.process
from core.settings import load_settings
from index.store import Store
from pipeline.fingerprint import (
    EXTRACTION_CORE,
    EXTRACTION_DIRS,
    NOT_EXTRACTION_CORE,
    PROJECT_ROOT,
    extraction_files,
    extractor_version,
    fingerprint,
)

THEMES = "nlp/vi/themes.toml"


def copy_extraction_tree(target: Path) -> Path:
    """kiemtra's extraction files (and, to show they do not count, a pipeline/ and an index/
    file) under `target`, at the same relative paths."""
    for path in [*extraction_files(), PROJECT_ROOT / "pipeline/process.py", PROJECT_ROOT / "index/store.py"]:
        copy = target / path.relative_to(PROJECT_ROOT)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, copy)
    return target


def of_tree(root: Path) -> str:
    return fingerprint(root, extraction_files(root), version="0.1.0")


def test_the_fingerprint_is_stable_across_computations_and_checkouts_and_ignores_mtimes(
        tmp_path: Path) -> None:
    one = copy_extraction_tree(tmp_path / "one")
    other = copy_extraction_tree(tmp_path / "elsewhere" / "two")
    first = of_tree(one)
    os.utime(one / THEMES, (1_000_000_000, 1_000_000_000))
    (one / "nlp" / "__pycache__").mkdir(exist_ok=True)
    (one / "nlp" / "__pycache__" / "units.cpython-311.pyc").write_bytes(b"compiled")

    assert of_tree(one) == first == of_tree(other)
    assert first.startswith("0.1.0+") and len(first) == len("0.1.0+") + 12
    assert fingerprint(one, extraction_files(one), version="0.2.0") != first  # a release counts too


@pytest.mark.parametrize("changed", [THEMES, "nlp/models/area_model.json", "extractors/headings.toml",
                                     "core/doc_kinds.toml", "core/levels.py", "nlp/units.py"])
def test_a_change_to_extraction_code_or_data_changes_the_fingerprint(tmp_path: Path, changed: str) -> None:
    tree = copy_extraction_tree(tmp_path / "tree")
    before = of_tree(tree)
    with (tree / changed).open("ab") as fh:
        fh.write(b"\n")
    assert of_tree(tree) != before


def test_a_new_data_file_counts_and_what_does_not_extract_does_not(tmp_path: Path) -> None:
    tree = copy_extraction_tree(tmp_path / "tree")
    before = of_tree(tree)
    for unrelated in ("pipeline/process.py", "index/store.py"):
        (tree / unrelated).write_text("# changed\n", encoding="utf-8")
    assert of_tree(tree) == before
    (tree / "nlp" / "vi" / "extra_cues.toml").write_text("cues = ['chưa']\n", encoding="utf-8")
    assert of_tree(tree) != before


def test_package_versions_that_read_the_text_are_part_of_it(tmp_path: Path) -> None:
    tree = copy_extraction_tree(tmp_path / "tree")
    files = extraction_files(tree)
    assert (fingerprint(tree, files, version="0.1.0", distributions=["underthesea==9.1"])
            != fingerprint(tree, files, version="0.1.0", distributions=["underthesea==9.2"]))


def _core_imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("core."):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("core."))
    return found


def test_every_core_module_extraction_imports_is_fingerprinted_or_excluded_on_purpose() -> None:
    """A new core module that extractors/ or nlp/ import (directly or through a fingerprinted
    core module) must be put on one of the two lists, with its reason in the docstring."""
    decided = {Path(name).as_posix() for name in (*EXTRACTION_CORE, *NOT_EXTRACTION_CORE)}
    sources = [p for folder in EXTRACTION_DIRS for p in (PROJECT_ROOT / folder).rglob("*.py")]
    sources += [PROJECT_ROOT / name for name in EXTRACTION_CORE if name.endswith(".py")]
    imported = {f"core/{module.split('.')[1]}.py" for path in sources for module in _core_imports(path)}
    assert imported, "the scan found no core imports at all"
    assert imported <= decided, sorted(imported - decided)


def test_auto_is_the_default_and_any_other_value_is_a_pin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline.fingerprint, "current_fingerprint", lambda: "0.1.0+aaaaaaaaaaaa")
    defaults = load_settings(environ={})
    assert defaults.extractor_version == "auto"
    assert extractor_version(defaults) == "0.1.0+aaaaaaaaaaaa"
    assert extractor_version(defaults.replace(extractor_version="2026-12-pin")) == "2026-12-pin"


def test_the_installed_fingerprint_is_computed_once_per_process() -> None:
    pipeline.fingerprint.current_fingerprint.cache_clear()
    first = pipeline.fingerprint.current_fingerprint()
    assert pipeline.fingerprint.current_fingerprint() == first
    assert pipeline.fingerprint.current_fingerprint.cache_info().misses == 1


# ---------------------------------------------------------------- what a change does to a store


class Extractor:
    """A copy of the extraction files whose fingerprint is the one `kiemtra` runs with."""

    def __init__(self, root: Path) -> None:
        self.root = copy_extraction_tree(root)

    @property
    def version(self) -> str:
        return of_tree(self.root)

    def improve(self) -> str:
        """A linguist adds a synonym to the themes vocabulary; the new version back."""
        with (self.root / THEMES).open("a", encoding="utf-8") as fh:
            fh.write("\n# phiếu hẹn: also 'giấy hẹn trả kết quả'\n")
        return self.version


@pytest.fixture
def extractor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Extractor:
    built = Extractor(tmp_path / "installed")
    monkeypatch.setattr(pipeline.fingerprint, "current_fingerprint", lambda: built.version)
    return built


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the pipeline actually opened with a reader."""
    return count_reads(monkeypatch)


def _versions(db: Path) -> dict[str, int]:
    with Store(db) as store:
        return store.documents_by_version()


def test_a_changed_extractor_re_reads_stored_documents_once_and_says_so(
        tmp_path: Path, extractor: Extractor, reads: list[str]) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "k.db"
    inbox.mkdir()
    (inbox / "bao-cao-2021.txt").write_text(REPORT, encoding="utf-8")
    (inbox / "bao-cao-2022.txt").write_text(REPORT.replace("2021", "2022"), encoding="utf-8")
    old = extractor.version

    assert kiemtra(db, "ingest", "--no-progress", str(inbox)).stdout.strip() == (
        "2 new, 0 changed, 0 skipped, 0 failed")
    reads.clear()
    same = kiemtra(db, "ingest", "--no-progress", str(inbox))
    assert same.stdout.strip() == "0 new, 0 changed, 2 skipped, 0 failed" and reads == []
    assert _versions(db) == {old: 2}

    new = extractor.improve()
    assert new != old
    upgraded = kiemtra(db, "ingest", "--no-progress", str(inbox))
    assert upgraded.exit_code == 0, upgraded.output
    assert upgraded.stdout.strip() == ("0 new, 0 changed, 0 skipped, 0 failed;"
                                       " 2 re-read: the extractor changed")
    assert sorted(reads) == ["bao-cao-2021.txt", "bao-cao-2022.txt"]
    assert _versions(db) == {new: 2}
    with Store(db) as store:
        assert all(d.indexed and d.findings for d in store.documents())

    reads.clear()
    settled = kiemtra(db, "ingest", "--no-progress", str(inbox))
    assert settled.stdout.strip() == "0 new, 0 changed, 2 skipped, 0 failed" and reads == []


def test_a_pinned_version_holds_while_the_code_changes_and_auto_then_catches_up(
        tmp_path: Path, extractor: Extractor, reads: list[str]) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "k.db"
    inbox.mkdir()
    (inbox / "bao-cao.txt").write_text(REPORT, encoding="utf-8")
    pin = ["--set", "extractor_version=2026-11"]
    assert kiemtra(db, *pin, "ingest", "--no-progress", str(inbox)).exit_code == 0
    assert _versions(db) == {"2026-11": 1}

    extractor.improve()
    reads.clear()
    pinned = kiemtra(db, *pin, "ingest", "--no-progress", str(inbox))
    assert pinned.stdout.strip() == "0 new, 0 changed, 1 skipped, 0 failed" and reads == []

    unpinned = kiemtra(db, "ingest", "--no-progress", str(inbox))
    assert unpinned.stdout.strip().endswith("; 1 re-read: the extractor changed")
    assert reads == ["bao-cao.txt"] and _versions(db) == {extractor.version: 1}


def test_quarantined_bytes_are_retried_by_a_changed_extractor_and_still_failing_is_not_new(
        tmp_path: Path, extractor: Extractor, reads: list[str]) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "k.db"
    inbox.mkdir()
    bad = inbox / "hong.pdf"
    bad.write_bytes(b"%PDF-1.7\n% truncated")
    assert kiemtra(db, "ingest", "--no-progress", str(inbox)).exit_code == 1
    reads.clear()
    held = kiemtra(db, "ingest", "--no-progress", str(inbox))
    assert held.exit_code == 0 and reads == []  # same bytes, same extractor: not read

    new = extractor.improve()
    retried = kiemtra(db, "ingest", "--no-progress", str(inbox))
    assert reads == ["hong.pdf"]  # another extractor may read it: it is read
    assert retried.exit_code == 0, retried.output  # failing again is not a new failure
    assert retried.stdout.strip() == ("0 new, 0 changed, 0 skipped, 0 failed, 1 still quarantined;"
                                      " 1 quarantined retried with the changed extractor, 0 now read")
    with Store(db) as store:
        [record] = store.failures()
        assert record.extractor_version == new and record.count == 3 and record.sha256
        assert store.quarantined(record.sha256, new) == record

    reads.clear()
    assert kiemtra(db, "ingest", "--no-progress", str(inbox)).exit_code == 0 and reads == []


def test_a_file_that_failed_under_the_old_extractor_is_read_by_the_new_one(
        tmp_path: Path, extractor: Extractor) -> None:
    """The old extractor could not take the file (here: a size limit it applied); the new one can:
    the next run reads it without anyone releasing it and counts it as recovered."""
    inbox, db = tmp_path / "inbox", tmp_path / "k.db"
    inbox.mkdir()
    (inbox / "bao-cao-dai.txt").write_text(REPORT * 20, encoding="utf-8")
    assert kiemtra(db, "--set", "max_file_bytes=1000", "ingest", "--no-progress", str(inbox)).exit_code == 1
    assert kiemtra(db, "ingest", "--no-progress", str(inbox)).stdout.startswith("0 new")  # held

    extractor.improve()
    recovered = kiemtra(db, "ingest", "--no-progress", str(inbox))
    assert recovered.exit_code == 0, recovered.output
    assert recovered.stdout.strip() == ("1 new, 0 changed, 0 skipped, 0 failed;"
                                        " 1 quarantined retried with the changed extractor, 1 now read")
    with Store(db) as store:
        assert store.failures() == [] and len(store.documents()) == 1


def test_stats_and_runs_show_the_documents_of_each_extractor_version(
        tmp_path: Path, extractor: Extractor) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "k.db"
    inbox.mkdir()
    first, second = inbox / "bao-cao-2021.txt", inbox / "bao-cao-2022.txt"
    first.write_text(REPORT, encoding="utf-8")
    second.write_text(REPORT.replace("2021", "2022"), encoding="utf-8")
    old = extractor.version
    kiemtra(db, "ingest", "--no-progress", str(inbox))
    new = extractor.improve()
    kiemtra(db, "ingest", "--no-progress", str(first))  # only one of the two re-read so far

    expected = (f"extractor version {new}; documents by version: {new} 1, {old} 1"
                " (the next ingest or nightly re-reads 1)")
    stats = kiemtra(db, "stats")
    assert stats.stdout.splitlines()[1] == expected
    as_json = json.loads(kiemtra(db, "stats", "--format", "json").stdout)
    assert as_json["extractor_version"] == new
    assert as_json["documents_by_extractor_version"] == {new: 1, old: 1}
    runs = kiemtra(db, "runs")
    assert runs.stdout.splitlines()[-1] == expected
