"""Logins on a non-loopback bind: accounts with argon2 hashes, signed session cookies, and
`kiemtra serve` refusing to expose the page without them."""

from __future__ import annotations

from pathlib import Path

import pytest
import uvicorn
from click.testing import CliRunner
from web_helpers import auth_client
from webstore import WebData

from core.errors import ConfigError
from pipeline.cli import cli
from web.auth import LoginThrottle, add_account, hash_password, is_loopback, read_accounts, safe_next, verify

PASSWORD = "mat-khau-du-dai"


@pytest.fixture(scope="module")
def accounts() -> dict[str, str]:
    return {"thanhtra": hash_password(PASSWORD)}


def test_every_page_needs_a_login(data: WebData, accounts: dict[str, str]) -> None:
    with auth_client(data, accounts) as c:
        for url in (
            "/",
            "/?q=phieu+hen",
            "/so-sanh",
            "/van-hanh",
            "/so-sanh/xuat.xlsx",
            "/phat-hien/0123456789abcdef",
        ):
            r = c.get(url)
            assert r.status_code == 303, url
            assert r.headers["location"].startswith("/dang-nhap?tiep=%2F"), url
        assert c.get("/static/style.css").status_code == 200
        assert c.get("/dang-nhap").status_code == 200


def test_wrong_password_or_name_is_refused(data: WebData, accounts: dict[str, str]) -> None:
    with auth_client(data, accounts) as c:
        for name, password in (("thanhtra", "sai-mat-khau-roi"), ("ai-do", PASSWORD), ("", "")):
            r = c.post("/dang-nhap", data={"ten": name, "mat_khau": password, "tiep": "/"})
            assert r.status_code == 401 and "không đúng" in r.text
            assert "kiemtra_phien" not in r.cookies or c.get("/").status_code == 303


def test_login_then_pages_open_and_logout_ends_the_session(data: WebData, accounts: dict[str, str]) -> None:
    with auth_client(data, accounts) as c:
        r = c.post("/dang-nhap", data={"ten": "thanhtra", "mat_khau": PASSWORD, "tiep": "/so-sanh?don_vi=x"})
        assert r.status_code == 303 and r.headers["location"] == "/so-sanh?don_vi=x"
        cookie = r.headers["set-cookie"]
        assert "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()
        page = c.get("/?q=phieu+hen")
        assert page.status_code == 200 and "thanhtra" in page.text and "Đăng xuất" in page.text
        assert c.post("/dang-xuat").status_code == 303
        assert c.get("/").status_code == 303


def test_a_tampered_cookie_is_not_a_session(data: WebData, accounts: dict[str, str]) -> None:
    with auth_client(data, accounts) as c:
        c.post("/dang-nhap", data={"ten": "thanhtra", "mat_khau": PASSWORD})
        value = c.cookies["kiemtra_phien"]
        c.cookies.clear()
        c.cookies.set("kiemtra_phien", value[:-3] + ("AAA" if not value.endswith("AAA") else "BBB"))
        assert c.get("/").status_code == 303


def test_login_does_not_redirect_off_site_or_accept_cross_site_posts(
    data: WebData, accounts: dict[str, str]
) -> None:
    with auth_client(data, accounts) as c:
        r = c.post("/dang-nhap", data={"ten": "thanhtra", "mat_khau": PASSWORD, "tiep": "//evil.example/x"})
        assert r.headers["location"] == "/"
        r = c.post(
            "/dang-nhap",
            data={"ten": "thanhtra", "mat_khau": PASSWORD},
            headers={"origin": "http://evil.example"},
        )
        assert r.status_code == 403
    for target in ("https://evil.example", "//evil.example", "/\\evil.example", "", None):
        assert safe_next(target) == "/"
    assert safe_next("/so-sanh?chu_de=x") == "/so-sanh?chu_de=x"


def test_accounts_file_round_trip_and_rules(tmp_path: Path) -> None:
    path = tmp_path / "accounts.txt"
    add_account(path, "kiemtra", PASSWORD)
    add_account(path, "kiemtra", PASSWORD + "2")  # replaces, never duplicates
    accounts = read_accounts(path)
    assert list(accounts) == ["kiemtra"] and accounts["kiemtra"].startswith("$argon2")
    assert PASSWORD not in path.read_text()
    assert path.stat().st_mode & 0o077 == 0
    assert verify(accounts, "kiemtra", PASSWORD + "2") and not verify(accounts, "kiemtra", PASSWORD)
    with pytest.raises(ConfigError):
        add_account(path, "a b", PASSWORD)
    with pytest.raises(ConfigError):
        hash_password("ngan")
    path.write_text("kiemtra:plaintext\n")
    with pytest.raises(ConfigError, match="line 1"):
        read_accounts(path)


def test_loopback_addresses() -> None:
    assert all(map(is_loopback, ("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost")))
    assert not any(map(is_loopback, ("0.0.0.0", "192.168.1.10", "::", "example.org")))


def test_serve_refuses_an_open_address_without_accounts(
    data: WebData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[tuple[str, int]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **kw: started.append((host, port)))
    base = ["--db", str(data.db), "--set", f"web_accounts_file={tmp_path / 'acc.txt'}", "serve"]
    refused = CliRunner().invoke(cli, [*base, "--host", "0.0.0.0"])
    assert refused.exit_code == 2 and "add an account first" in refused.stderr and not started
    opened = CliRunner().invoke(cli, [*base, "--host", "0.0.0.0", "--no-auth", "--port", "8123"])
    assert opened.exit_code == 0, opened.output
    assert "WARNING" in opened.stderr and started == [("0.0.0.0", 8123)]
    local = CliRunner().invoke(cli, [*base])
    assert local.exit_code == 0 and started[-1] == ("127.0.0.1", 8000) and "WARNING" not in local.stderr
    added = CliRunner().invoke(cli, [*base, "--add-account", "thanhtra"], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert added.exit_code == 0 and "thanhtra" in read_accounts(tmp_path / "acc.txt")
    with_accounts = CliRunner().invoke(cli, [*base, "--host", "0.0.0.0"])
    assert with_accounts.exit_code == 0 and started[-1] == ("0.0.0.0", 8000)
    missing = CliRunner().invoke(cli, ["--db", str(tmp_path / "none.db"), "serve"])
    assert (
        missing.exit_code == 1 and "kiemtra ingest" in missing.stderr and not (tmp_path / "none.db").exists()
    )


def test_secure_cookie_behind_https(data: WebData, accounts: dict[str, str]) -> None:
    from starlette.testclient import TestClient

    from web.app import create_app
    from web.auth import AuthConfig

    app = create_app(data.settings, AuthConfig(required=True, accounts=accounts, https_only=True))
    with TestClient(app, base_url="https://kiemtra.example", follow_redirects=False) as c:
        r = c.post("/dang-nhap", data={"ten": "thanhtra", "mat_khau": PASSWORD})
        assert r.status_code == 303 and "secure" in r.headers["set-cookie"].lower()


def test_repeated_failures_block_the_account_for_a_while(data: WebData, accounts: dict[str, str]) -> None:
    with auth_client(data, accounts) as c:
        for _ in range(5):
            assert (
                c.post("/dang-nhap", data={"ten": "thanhtra", "mat_khau": "doan-mo-sai-1"}).status_code == 401
            )
        r = c.post("/dang-nhap", data={"ten": "thanhtra", "mat_khau": PASSWORD})
        assert (
            r.status_code == 429
            and "quá nhiều lần" in r.text
            and "kiemtra_phien" not in r.headers.get("set-cookie", "")
        )


def test_throttle_forgets_old_failures_and_a_success() -> None:
    now = [0.0]
    throttle = LoginThrottle(limit=2, window_s=60, clock=lambda: now[0])
    throttle.failed("a")
    throttle.failed("a")
    assert throttle.blocked("a") and not throttle.blocked("b")
    now[0] = 61
    assert not throttle.blocked("a")
    throttle.failed("a")
    throttle.succeeded("a")
    assert not throttle.blocked("a")


def test_serve_brings_an_older_index_up_to_date_before_serving_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from webstore import build_store

    from index.sqlite_fts import FTS_SCHEMA_VERSION

    data = build_store(tmp_path)
    with sqlite3.connect(data.db) as conn:
        conn.execute("UPDATE fts_meta SET value = '3' WHERE key = 'version'")
    served: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **kw: served.append(app))
    result = CliRunner().invoke(cli, ["--db", str(data.db), "serve"])
    assert result.exit_code == 0, result.output
    assert served
    with sqlite3.connect(data.db) as conn:
        version = conn.execute("SELECT value FROM fts_meta WHERE key = 'version'").fetchone()[0]
    assert version == FTS_SCHEMA_VERSION
