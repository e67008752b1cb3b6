"""The operations page says, beside a run's counts, the inbox's files of a format kiemtra does not
read and the known-bad files not read again, as `kiemtra runs` does: a run "hoàn thành" with 0
errors hid a spreadsheet left in the inbox night after night. The inbox is written for the test;
the run's summary is filled as the nightly flow fills it (extractors.unsupported over the inbox)."""

from __future__ import annotations

import re
from pathlib import Path

from starlette.testclient import TestClient
from webstore import build_store

from extractors import unsupported
from index.store import Store
from pipeline.runs import RunSummary
from web.app import create_app


def _operations_text(folder: Path, summary: RunSummary) -> str:
    data = build_store(folder)
    with Store(data.db) as store:
        store.start_run(summary.run_id, flow="nightly-ingest", pid=1)
        store.finish_run(summary.run_id, status=summary.status, summary=summary.to_dict())
    with TestClient(create_app(data.settings), raise_server_exceptions=False) as client:
        page = client.get("/van-hanh").text
    runs = page.split("Các lần nhập gần đây", 1)[1].split("</table>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", runs))


def test_a_run_names_the_files_it_did_not_read(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("bang-tong-hop.xlsx", "ghi-chu.md", "so-lieu.csv", "tai-lieu.zip", "bao-cao.txt"):
        (inbox / name).write_text("x", encoding="utf-8")
    summary = RunSummary(run_id="run-2", status="completed",
                         unsupported=[str(p) for p in unsupported([inbox])],
                         quarantined=[{"path": str(inbox / "hong.pdf"), "reason": "broken PDF"}])
    text = _operations_text(tmp_path, summary)
    assert "4 tệp không đọc (định dạng kiemtra không đọc): " in text
    first = ", ".join(str(inbox / name) for name in ("bang-tong-hop.xlsx", "ghi-chu.md", "so-lieu.csv"))
    assert f"{first} và 1 tệp khác." in text
    assert "1 tệp vẫn bị cách ly, không đọc lại." in text


def test_a_run_that_read_everything_says_nothing_more(tmp_path: Path) -> None:
    text = _operations_text(tmp_path, RunSummary(run_id="run-2", status="completed"))
    assert "không đọc" not in text and "cách ly" not in text


def test_a_run_names_the_documents_it_stored_with_a_warning(tmp_path: Path) -> None:
    """Session 27: two texts still mis-decoded were stored with a warning `kiemtra runs RUN`
    lists; the page's run said "hoàn thành, có lỗi", 5 errors, and nothing of them."""
    warning = "/inbox/sai-ma.txt: the text may be in an encoding not recognised: 5% of its characters"
    summary = RunSummary(run_id="run-2", status="completed",
                         warned=[{"path": "/inbox/sai-ma.txt", "source": "inbox", "warning": warning}])
    text = _operations_text(tmp_path, summary)
    assert f"1 văn bản đã lưu kèm cảnh báo, phát hiện có thể thiếu: {warning}." in text


def test_a_run_names_the_copies_it_stored_once(tmp_path: Path) -> None:
    """ux29's sweep: a copy of a report beside it in the inbox counted "2 new" for one stored
    document; the page now names it with the file it copies."""
    summary = RunSummary(run_id="run-2", status="completed",
                         copies=[{"path": "/inbox/ban-sao.txt", "source": "inbox",
                                  "same_as": "/inbox/bao-cao.txt"}])
    text = _operations_text(tmp_path, summary)
    assert ("1 tệp trùng nội dung với tệp khác, chỉ lưu một lần: /inbox/ban-sao.txt = /inbox/bao-cao.txt."
            in text)


def test_a_run_names_what_changed_since_the_run_before(tmp_path: Path) -> None:
    """ux29's sweep, the morning after a run over an inbox where a report was edited and another
    taken out: the page counted "1 changed" and named neither, nor said a file had left."""
    removed = [{"path": "/inbox/tin-2021.html", "action": "kept: findings still searchable"}]
    summary = RunSummary(run_id="run-2", status="completed", changed_files=["/inbox/ghi-chu-2024.txt"],
                         removed=removed)
    summary.counts.update(changed=1, removed=1)
    text = _operations_text(tmp_path, summary)
    assert "1 tệp đã thay đổi từ lần nhập trước, phát hiện được đọc lại: /inbox/ghi-chu-2024.txt." in text
    assert "1 tệp đã rời thư mục nhận: /inbox/tin-2021.html (vẫn giữ, vẫn tìm thấy)." in text


def test_the_operations_tables_scroll_in_their_own_box_on_a_phone(tmp_path: Path) -> None:
    """At 390 px the runs' and quarantine's tables ran past the screen (the page 769 px wide in
    Chromium); each now scrolls in a `.table-wrap` as the comparison's matrix does, and a run's
    notes stand one a line (they ran together: "… (save it as UTF-8).1 tệp …")."""
    data = build_store(tmp_path)
    with TestClient(create_app(data.settings), raise_server_exceptions=False) as client:
        page = client.get("/van-hanh").text
        css = client.get("/static/style.css").text
    tables = re.findall(r'(<div class="table-wrap">\s*)?<table class="list (\w+)">', page)
    assert {name for _, name in tables} >= {"runs", "failures"}
    assert all(wrap for wrap, _ in tables), tables
    assert "table.runs td span { display: block; }" in css
