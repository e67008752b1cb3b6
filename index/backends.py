"""Choose the search backend from Settings: one registry, imported lazily.

Why lazy: the embedded default must work without the Elasticsearch client being importable or
a server running; only a user who asks for `--backend elasticsearch` pays for it.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from core.errors import ConfigError
from core.settings import Settings
from index.base import SearchBackend
from index.records import ThemesOf


def _sqlite(settings: Settings, readonly: bool, themes_of: ThemesOf | None) -> SearchBackend:
    from index.sqlite_fts import SqliteFtsBackend

    return SqliteFtsBackend(settings.database, readonly=readonly, themes_of=themes_of)


def _elasticsearch(settings: Settings, readonly: bool, themes_of: ThemesOf | None) -> SearchBackend:
    from index.elastic import ElasticBackend

    try:
        parts = urlsplit(settings.es_url)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname) and bool(parts.port)
    except ValueError:
        valid = False
    if not valid:
        raise ConfigError(f"es_url={settings.es_url!r} is not an http(s)://host:port URL")
    return ElasticBackend(settings.es_url, settings.es_index)  # readers never write through it


BACKENDS: dict[str, Callable[[Settings, bool, ThemesOf | None], SearchBackend]] = {
    "sqlite": _sqlite,
    "elasticsearch": _elasticsearch,
}


def open_backend(settings: Settings, *, readonly: bool = False,
                 themes_of: ThemesOf | None = None) -> SearchBackend:
    """The backend named by `settings.backend`, ready to use; `readonly` for the web page.
    `themes_of` lets an index an older kiemtra wrote read its findings' themes as it migrates
    (the composition layer passes nlp's: pipeline.process.open_search)."""
    try:
        factory = BACKENDS[settings.backend]
    except KeyError:
        raise ConfigError(
            f"unknown backend {settings.backend!r}; choose one of {', '.join(BACKENDS)}"
        ) from None
    return factory(settings, readonly, themes_of)
