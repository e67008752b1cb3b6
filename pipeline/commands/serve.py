"""`kiemtra serve`: the web page for staff and auditors, over the store and index, read-only.

Why the checks here: binding an address other people can reach exposes inspection findings, so
this command refuses a non-loopback `--host` unless accounts exist (or `--no-auth` is given,
with a warning). The web package and uvicorn are imported only when the command runs.
"""

from __future__ import annotations

import sys
from dataclasses import replace

import click

from pipeline.console import EXIT_FAILED, EXIT_USAGE, err, errors_as_lines, settings_of


@click.command(name="serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--no-auth", is_flag=True, help="Allow a non-loopback address without accounts (not recommended)."
)
@click.option(
    "--add-account",
    "account",
    metavar="NAME",
    help="Add or change an account in web_accounts_file (asks for the password), then exit.",
)
@click.pass_context
def command(ctx: click.Context, host: str, port: int, no_auth: bool, account: str | None) -> None:
    """Serve the web page: search, findings in their documents, comparison, operations."""
    from web.auth import AuthConfig, add_account, is_loopback, read_accounts

    settings = settings_of(ctx)
    if account is not None:
        password = click.prompt(f"password for {account}", hide_input=True, confirmation_prompt=True)
        with errors_as_lines():
            add_account(settings.web_accounts, account, password)
        click.echo(f"account {account} saved in {settings.web_accounts}")
        return
    if not settings.database.is_file():
        err(f"no store at {settings.database}: run `kiemtra ingest FOLDER` first (or give --db)")
        sys.exit(EXIT_FAILED)
    with errors_as_lines():
        accounts = read_accounts(settings.web_accounts)
    required = not is_loopback(host) and not no_auth
    if required and not accounts:
        err(
            f"--host {host} is reachable from other machines: add an account first "
            f"(kiemtra serve --add-account NAME, stored in {settings.web_accounts}) or pass --no-auth"
        )
        sys.exit(EXIT_USAGE)
    if not is_loopback(host) and no_auth:
        err(
            f"WARNING: serving on {host} without login (--no-auth): anyone who can reach this address "
            "can read every finding"
        )
    auth = AuthConfig(
        required=required,
        accounts=accounts,
        max_age_s=settings.web_session_max_age_s,
        https_only=settings.web_cookie_secure,
    )
    if settings.web_secret_key:  # else a random key: logins end when the server restarts
        auth = replace(auth, secret_key=settings.web_secret_key)
    with errors_as_lines():
        from index.store import Store
        from pipeline.process import open_search
        from web.app import create_app

        # Once, before serving: bring a store or index written by an older kiemtra up to date,
        # as any other command would; from here on both are opened read-only.
        Store(settings.database).close()
        open_search(settings).close()
        app = create_app(settings, auth)
    import uvicorn

    click.echo(f"kiemtra: serving http://{host}:{port}/ (store {settings.database}); Ctrl+C stops it")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, proxy_headers=False)
