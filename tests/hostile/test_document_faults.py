"""Item 12: whatever goes wrong inside one document's read or extraction is that document's
fault: quarantined with the exception's type and message and a hint to report it; the run goes on.

Before the fix a scanned report raised KeyError: 'tp' inside nlp/units.py and `kiemtra ingest`
ended with a traceback and 0 documents stored, the good files beside it included.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language

from core.errors import UnexpectedError
from extractors import READERS
from extractors.sandbox import run_limited
from index.store import Store
from nlp import load
from pipeline.cli import cli

GOOD = "Đoàn kiểm tra ghi nhận Ủy ban nhân dân xã chưa niêm yết công khai thủ tục hành chính."


@Language.component("hostile_test_failing")
def _failing(doc: object) -> object:
    if "HỎNG" in doc.text:  # type: ignore[attr-defined]
        raise KeyError("tp")
    return doc


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a_tot.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b_hong.txt").write_text(f"HỎNG. {GOOD}", encoding="utf-8")
    (folder / "c_tot.html").write_text(f"<html><body><p>{GOOD}</p></body></html>", encoding="utf-8")
    return folder


def _ingest(tmp_path: Path, folder: Path) -> tuple[int, list[str], dict[str, str]]:
    db = tmp_path / "k.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "--set", "isolate=false", "ingest", "--no-progress",
                                      str(folder)])
    with Store(db) as store:
        failures = {Path(f.path).name: f"{f.error_type}: {f.reason}" for f in store.failures()}
        stored = sorted(Path(p).name for d in store.documents() for p in d.paths)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, stored, failures


def test_a_failing_nlp_component_costs_one_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = load.load_pipeline()
    nlp.add_pipe("hostile_test_failing", first=True)
    monkeypatch.setattr(load, "default_pipeline", lambda: nlp)
    monkeypatch.setattr("nlp.extract.default_pipeline", lambda: nlp)
    code, stored, failures = _ingest(tmp_path, _folder(tmp_path))
    assert code == 1 and stored == ["a_tot.txt", "c_tot.html"]
    assert failures["b_hong.txt"].startswith("UnexpectedError: KeyError: 'tp'")
    assert "please report it" in failures["b_hong.txt"]


def test_a_failing_reader_costs_one_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = READERS["html"]

    def broken(path: Path, **kwargs: object) -> object:
        raise RuntimeError("lxml exploded")

    monkeypatch.setitem(READERS, "html", broken)
    code, stored, failures = _ingest(tmp_path, _folder(tmp_path))
    assert READERS["html"] is broken and real is not broken
    assert code == 1 and stored == ["a_tot.txt", "b_hong.txt"]
    assert failures["c_tot.html"].startswith("UnexpectedError: RuntimeError: lxml exploded")


def _raise_key_error() -> None:
    raise KeyError("tp")


def test_an_exception_in_a_limited_child_is_named_with_the_hint(tmp_path: Path) -> None:
    with pytest.raises(UnexpectedError, match=r"KeyError: 'tp' \(an unexpected error; please report it"):
        run_limited(_raise_key_error, (), path=tmp_path / "x.txt", timeout_s=60, memory_mb=4096,
                    unexpected="UnexpectedError")
