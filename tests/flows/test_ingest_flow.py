"""The Prefect flow composes the same stages as `kiemtra ingest`, under a local test harness."""

from pathlib import Path

from core.settings import load_settings
from flows.ingest import ingest_folder
from index.store import Store


def test_flow_ingests_good_files_and_quarantines_bad_ones(tmp_path: Path, harness: None) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(
        "Ngày 05/6/2022, Đoàn kiểm tra làm việc tại UBND xã Mỹ Hòa.\n\n"
        "Tuy nhiên, bộ phận một cửa chưa sử dụng sổ theo dõi hồ sơ.", encoding="utf-8")
    (inbox / "b.txt").write_text(
        "Năm 2023, xã Tân Phú đã thực hiện tốt việc niêm yết công khai thủ tục hành chính.",
        encoding="utf-8")
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.7\n% truncated")
    db = tmp_path / "k.db"
    overrides = {"db_path": str(db)}

    result = ingest_folder(str(inbox), overrides)

    assert result["counts"]["new"] == 2
    assert result["counts"]["failed"] == 1
    assert "broken.pdf" in result["failures"][0]["reason"]
    with Store(load_settings(overrides, environ={}).database) as store:
        assert len(store.documents()) == 2
    again = ingest_folder(str(inbox), overrides)
    assert again["counts"]["skipped"] == 2 and again["counts"]["new"] == 0
