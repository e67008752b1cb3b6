"""Findings withdrawn from search (their file left the inbox, `removed_files = withdraw`) stay
readable, and the operations page counts and lists them."""

from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient
from webstore import build_store

from index.store import Store
from web.app import create_app


def test_the_operations_page_counts_withdrawn_documents_and_their_findings_say_so(tmp_path: Path) -> None:
    data = build_store(tmp_path)
    path = next(iter(data.files.values()))
    with TestClient(create_app(data.settings), raise_server_exceptions=False) as client:
        assert "đã rút khỏi tìm kiếm" not in client.get("/van-hanh").text.split("<section>", 1)[0]
        with Store(data.db) as store:
            store.withdraw(str(path))
            (withdrawn,) = store.withdrawn()
        page = client.get("/van-hanh").text
        summary = page.split("<section>", 1)[0]
        assert f"<strong>1</strong> văn bản ({withdrawn.findings} phát hiện) đã rút khỏi tìm kiếm" in summary
        listed = page.split("Văn bản đã rút khỏi tìm kiếm", 1)[1]
        assert path.name in listed and withdrawn.withdrawn_at in listed
        assert f'href="/phat-hien/{withdrawn.first_finding}"' in listed
        finding = client.get(f"/phat-hien/{withdrawn.first_finding}")
        assert finding.status_code == 200
        assert f"Đã rút khỏi tìm kiếm từ {withdrawn.withdrawn_at}" in finding.text
