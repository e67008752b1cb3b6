"""Where the nightly run's documents come from: an inbox folder and a list of feeds and pages.

`collect()` turns both into local files and says, per file, whether it is new, changed,
unchanged or failed. Fetched pages are kept under `settings.fetched` as
`<host>/<sha1 of url>.<ext>` beside a JSON sidecar (url, etag, last_modified, fetched_at,
sha256), for two reasons: what was indexed can always be re-read, and the next run can ask the
portal "only if changed" instead of downloading everything again. The inbox gets the same
answer from `<fetched>/inbox-state.json` (size, mtime, sha256 per file).

"unchanged" items are still listed so the caller can count them; ingestion skips them by
content hash anyway, so listing is never harmful. One failing source becomes one "failed" item
with its reason and never stops the others.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from core.errors import KiemtraError
from core.settings import Settings
from extractors import SUPPORTED_SUFFIXES, discover
from pipeline.feeds import looks_like_feed, parse_feed, read_feed_list
from pipeline.fetch import FetchResult, PoliteClient

__all__ = ["STATUSES", "SourceItem", "collect", "collect_inbox", "collect_urls", "inbox_folder"]

LOGGER = logging.getLogger(__name__)

STATUSES = ("new", "changed", "unchanged", "failed")
INBOX = "inbox"
INBOX_STATE = "inbox-state.json"
SIDECAR_SUFFIX = ".json"
FEED_SUFFIX = ".xml"          # not a reader suffix: a kept feed is never ingested as a document
DEFAULT_PAGE_SUFFIX = ".html"
CONTENT_TYPE_SUFFIXES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/tiff": ".tif",
}


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One local file to ingest (or one source that failed), and what changed since last run."""

    path: Path
    source: str
    url: str | None
    status: str
    reason: str | None = None


def collect(
    settings: Settings,
    *,
    inbox: Path | None = None,
    feeds: Path | None = None,
    client: PoliteClient | None = None,
) -> list[SourceItem]:
    """Inbox files, then every page of the feeds file; `inbox`/`feeds` override the settings."""
    inbox_dir = inbox_folder(settings, inbox)
    feeds_file = feeds if feeds is not None else _configured(settings.feeds_file)
    items: list[SourceItem] = []
    if inbox_dir is not None:
        items.extend(collect_inbox(inbox_dir, state_file=settings.fetched / INBOX_STATE,
                                   follow_links=settings.follow_inbox_links))
    if feeds_file is not None:
        try:
            urls = read_feed_list(feeds_file)
        except KiemtraError as e:
            LOGGER.error("%s", e)
            items.append(SourceItem(Path(feeds_file), str(feeds_file), None, "failed", e.reason))
            urls = []
        if urls:
            with _client_for(settings, client) as http:
                items.extend(collect_urls(urls, client=http, fetched=settings.fetched))
    # Only what was collected from where: whether a file is new, unchanged or known-bad is the
    # store's call, counted once in the run summary (these statuses compare with the last
    # collection, not with what the store holds, and would disagree with it).
    from_inbox = sum(item.source == INBOX and item.status != "failed" for item in items)
    failed = sum(item.status == "failed" for item in items)
    LOGGER.info("collected %d items: %d inbox files, %d feed pages, %d sources failed",
                len(items), from_inbox, len(items) - from_inbox - failed, failed)
    return items


def inbox_folder(settings: Settings, inbox: Path | None = None) -> Path | None:
    """The inbox a run reads: `inbox` when given, else the configured one, else None."""
    return inbox if inbox is not None else _configured(settings.inbox_dir)


def collect_inbox(folder: Path, *, state_file: Path, follow_links: bool = False) -> list[SourceItem]:
    """Every supported file under `folder`, compared with what the last run saw there.

    A symbolic link leading out of the inbox is refused unless `follow_links`: whoever can drop
    a file in the inbox must not make the run read (and store) /etc/shadow or another user's files.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return [SourceItem(folder, INBOX, None, "failed", "inbox folder does not exist")]
    previous = _read_json(state_file).get("files", {})
    current: dict[str, dict[str, Any]] = {}
    items: list[SourceItem] = []
    root = folder.resolve()
    for path in discover([folder]):
        key = str(path.resolve())
        if not follow_links and not Path(key).is_relative_to(root):
            reason = "a symbolic link leading out of the inbox; refused (follow_inbox_links allows it)"
            LOGGER.warning("%s", KiemtraError(reason, path=path))
            items.append(SourceItem(path, INBOX, None, "failed", reason))
            continue
        try:
            seen = _file_state(path, previous.get(key))
        except OSError as e:
            items.append(SourceItem(path, INBOX, None, "failed", f"cannot read: {e.strerror or e}"))
            continue
        current[key] = seen
        old = previous.get(key)
        status = "new" if old is None else "unchanged" if old.get("sha256") == seen["sha256"] else "changed"
        items.append(SourceItem(path, INBOX, None, status))
    _write_atomic(state_file, _json({"files": current}))
    return items


def collect_urls(urls: list[str], *, client: PoliteClient, fetched: Path) -> list[SourceItem]:
    """Each URL is a feed (expanded to its items) or a page; each page is fetched once per run."""
    seen: set[str] = set()
    items: list[SourceItem] = []
    for url in urls:
        if url in seen:
            continue
        try:
            kept = _fetch_kept(client, url, fetched, feed=None)
        except KiemtraError as e:
            LOGGER.warning("%s", e)
            items.append(_failed(url, url, fetched, e))
            continue
        if kept.item.status == "failed" or not kept.is_feed:
            seen.add(url)
            items.append(kept.item)
            continue
        try:
            links = parse_feed(kept.body, base_url=kept.final_url)
        except KiemtraError as e:
            LOGGER.warning("%s", e)
            items.append(SourceItem(kept.item.path, url, url, "failed", e.reason))
            continue
        for link in links:
            if link not in seen:
                seen.add(link)
                items.append(_fetch_page(client, link, fetched, source=url))
    return items


@dataclass(frozen=True, slots=True)
class _Kept:
    item: SourceItem
    body: bytes
    final_url: str
    is_feed: bool


def _fetch_page(client: PoliteClient, url: str, fetched: Path, *, source: str) -> SourceItem:
    """A feed's item: always kept as a page, even if it happens to be XML."""
    try:
        return _fetch_kept(client, url, fetched, feed=False, source=source).item
    except KiemtraError as e:
        LOGGER.warning("%s", e)
        return _failed(url, source, fetched, e)


def _fetch_kept(
    client: PoliteClient, url: str, fetched: Path, *, feed: bool | None, source: str | None = None,
) -> _Kept:
    """GET `url` conditionally on what is kept, keep the new bytes, and say what changed.

    `feed=None` lets the bytes decide whether this is a feed (a feeds-file line may be either).
    """
    folder, stem = _place(fetched, url)
    meta = _read_json(folder / f"{stem}{SIDECAR_SUFFIX}")
    kept_file = folder / meta["file"] if meta.get("file") else None
    has_copy = kept_file is not None and kept_file.is_file()
    result = client.get(url, etag=meta.get("etag") if has_copy else None,
                        last_modified=meta.get("last_modified") if has_copy else None)
    origin = source or url
    if result.not_modified and kept_file is not None and has_copy:
        body = kept_file.read_bytes()
        _write_atomic(folder / f"{stem}{SIDECAR_SUFFIX}", _json({**meta, "checked_at": _now()}))
        item = SourceItem(kept_file, origin, url, "unchanged", "not modified (HTTP 304)")
        return _Kept(item, body, meta.get("final_url", url), kept_file.suffix == FEED_SUFFIX)
    if result.not_modified:  # a 304 to an unconditional request: nothing to keep
        return _Kept(SourceItem(folder / f"{stem}{DEFAULT_PAGE_SUFFIX}", origin, url, "failed",
                                "HTTP 304 without a kept copy"), b"", result.url, False)
    is_feed = looks_like_feed(result.body, result.content_type) if feed is None else feed
    path = folder / f"{stem}{FEED_SUFFIX if is_feed else _page_suffix(result)}"
    digest = hashlib.sha256(result.body).hexdigest()
    if not has_copy:
        status, reason = "new", None
    elif digest == meta.get("sha256") and has_copy and kept_file == path:
        status, reason = "unchanged", "same bytes as the kept copy"
    else:
        status, reason = "changed", None
    if status != "unchanged":
        _write_atomic(path, result.body)
        if kept_file is not None and kept_file != path and kept_file.exists():
            kept_file.unlink()
    _write_atomic(folder / f"{stem}{SIDECAR_SUFFIX}", _json(_sidecar(url, path, result, digest)))
    return _Kept(SourceItem(path, origin, url, status, reason), result.body, result.url, is_feed)


def kept_url(path: Path) -> str | None:
    """The URL a kept page was fetched from (its sidecar says), or None for any other file.

    Ingestion stores it on the document, so a search hit leads to the page, not to the copy.
    """
    meta = _read_json(path.with_suffix(SIDECAR_SUFFIX))
    url = meta.get("url") if meta.get("file") == path.name else None
    return url if isinstance(url, str) else None


def _sidecar(url: str, path: Path, result: FetchResult, digest: str) -> dict[str, Any]:
    """What the next run needs to ask conditionally, and what an auditor needs to trace a page."""
    now = _now()
    return {
        "url": url,
        "final_url": result.url,
        "file": path.name,
        "etag": result.etag,
        "last_modified": result.last_modified,
        "content_type": result.content_type,
        "fetched_at": now,
        "checked_at": now,
        "sha256": digest,
    }


def _json(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _failed(url: str, source: str, fetched: Path, error: KiemtraError) -> SourceItem:
    folder, stem = _place(fetched, url)
    return SourceItem(folder / f"{stem}{DEFAULT_PAGE_SUFFIX}", source, url, "failed", error.reason)


def _place(fetched: Path, url: str) -> tuple[Path, str]:
    """`<fetched>/<host>` and the sha1 of the URL: stable names, safe for any URL (a malformed one
    too: it is kept under "invalid" and fails at the fetch with its own line)."""
    try:
        netloc = urlsplit(url).netloc
    except ValueError:
        netloc = "invalid"
    host = (netloc or "unknown").lower().replace(":", "_").replace("@", "_").strip(".") or "unknown"
    return Path(fetched) / host, hashlib.sha1(url.encode("utf-8")).hexdigest()


def _page_suffix(result: FetchResult) -> str:
    """The reader suffix for what the server says it sent, else the URL's own, else .html."""
    if result.content_type in CONTENT_TYPE_SUFFIXES:
        return CONTENT_TYPE_SUFFIXES[result.content_type]
    suffix = Path(urlsplit(result.url).path).suffix.lower()
    return suffix if suffix in SUPPORTED_SUFFIXES else DEFAULT_PAGE_SUFFIX


def _file_state(path: Path, old: dict[str, Any] | None) -> dict[str, Any]:
    """Size, mtime and sha256; the hash is reused when size and mtime say nothing changed."""
    stat = path.stat()
    if old and old.get("size") == stat.st_size and old.get("mtime_ns") == stat.st_mtime_ns:
        return dict(old)
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": digest.hexdigest()}


def _read_json(path: Path) -> dict[str, Any]:
    """A kept JSON record, or {} when absent or unreadable (then everything counts as new)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as e:
        LOGGER.warning("%s: unreadable record, starting afresh: %s", path, e)
        return {}
    return data if isinstance(data, dict) else {}


def _write_atomic(path: Path, data: bytes) -> None:
    """Write beside, then rename: a crash never leaves half a page where a whole one was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.part")
    partial.write_bytes(data)
    os.replace(partial, path)


def _configured(value: str) -> Path | None:
    return Path(value).expanduser() if value else None


@contextmanager
def _client_for(settings: Settings, client: PoliteClient | None) -> Iterator[PoliteClient]:
    """The caller's client as is, or one of our own that we close."""
    if client is not None:
        yield client
        return
    with PoliteClient(settings) as own:
        yield own
