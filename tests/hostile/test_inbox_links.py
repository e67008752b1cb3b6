"""Item 6: a symbolic link in the inbox that leads out of it is refused (a setting allows it).

Before the fix a link to /etc/shadow dropped in the inbox was ingested and its text stored.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.sources import collect_inbox


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    (inbox / "con").mkdir(parents=True)
    secret = tmp_path / "bi_mat.txt"
    secret.write_text("mật khẩu quản trị: 123456", encoding="utf-8")
    (inbox / "bao_cao.txt").write_text("Ủy ban nhân dân xã niêm yết thủ tục hành chính.", encoding="utf-8")
    (inbox / "shadow.txt").symlink_to(secret)
    (inbox / "con" / "ban_sao.txt").symlink_to(inbox / "bao_cao.txt")  # stays inside: fine
    return inbox


def test_links_leaving_the_inbox_are_refused(tmp_path: Path) -> None:
    items = collect_inbox(_inbox(tmp_path), state_file=tmp_path / "state.json")
    status = {item.path.name: (item.status, item.reason) for item in items}
    assert status["bao_cao.txt"] == ("new", None)
    assert status["ban_sao.txt"] == ("new", None)
    assert status["shadow.txt"][0] == "failed" and "out of the inbox" in (status["shadow.txt"][1] or "")


def test_the_setting_allows_them(tmp_path: Path) -> None:
    items = collect_inbox(_inbox(tmp_path), state_file=tmp_path / "state.json", follow_links=True)
    assert {item.path.name: item.status for item in items}["shadow.txt"] == "new"
