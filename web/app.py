"""The ASGI application: routes that parse parameters, call web/views.py and render templates.

Why Starlette and these rules: server-rendered HTML works without JavaScript and on an office
network without internet (no CDN: one CSS file in web/static); every route reads (GET), except
logging in and out; the store and the index are opened read-only, so no request can change
them; every text is escaped by Jinja's autoescape; a bad parameter gets a 400 page in
Vietnamese and a failure a 500 page without a traceback. The Content-Security-Policy allows
only this site's own files and no inline script or style at all.
"""

from __future__ import annotations

import hashlib
import logging
import re
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from core.doc_kinds import kind_names
from core.errors import ExportError, KiemtraError
from core.models import POLARITIES, spoken
from core.settings import Settings
from index.backends import open_backend
from index.base import SearchBackend
from index.store import Store
from pipeline.export import EMPTY_TABLES, after_merger, comparison_tables, matrix_heatmap
from pipeline.query_rules import LEVELS
from pipeline.search import warm_up
from web import views
from web.auth import AuthConfig, safe_next, verify
from web.labels import AREA_LABELS, POLARITY_LABELS, SORT_LABELS, TABLE_LABELS
from web.params import (
    QUERY_LABELS,
    YEARS,
    BadRequest,
    CompareParams,
    SearchParams,
    choice_param,
    int_param,
    link,
    text_param,
)

LOGGER = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
    " form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
# A finding id (16 hex digits) or a start of one, as `kiemtra show` takes (views.named_finding);
# upper case as copied from a printout.
_FINDING_ID = re.compile(r"^[0-9a-fA-F]{1,64}$")
_DOC_KEY = re.compile(r"^[0-9a-f]{64}$")
# Formats a browser shows itself; anything else (HTML, DOCX, text) downloads, so a stored web
# page never runs as part of this site.
INLINE_TYPES = {"pdf": "application/pdf"}
INLINE_SUFFIXES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}
OPEN_PATHS = ("/dang-nhap", "/static/")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Site:
    """What the routes share: the read-only store and index, the templates, the auth rules."""

    def __init__(
        self, store: Store, backend: SearchBackend, auth: AuthConfig, *, max_query_chars: int
    ) -> None:
        self.store = store
        self.backend = backend
        self.auth = auth
        self.max_query_chars = max_query_chars  # the setting: the search's words, as on the CLI
        self.comparisons = views.ComparisonCache()
        self.templates = Environment(
            loader=FileSystemLoader(HERE / "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.templates.globals.update(
            AREA_LABELS=AREA_LABELS,
            POLARITY_LABELS=POLARITY_LABELS,
            SORT_LABELS=SORT_LABELS,
            POLARITIES=POLARITIES,
            TABLE_LABELS=TABLE_LABELS,
            EMPTY_TABLES=EMPTY_TABLES,
            QUERY_LABELS=QUERY_LABELS,
            LEVELS=LEVELS,
            DOC_KINDS=kind_names(),
            MAX_QUERY_CHARS=max_query_chars,
            moved_to=views.moved_to,
            after_merger=after_merger,
            spoken=spoken,
        )
        self.templates.filters["number"] = _number

    def render(self, request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        user = request.session.get("user") if "session" in request.scope else None
        html = self.templates.get_template(name).render(
            path=request.url.path, user=user, auth_required=self.auth.required, **context
        )
        return HTMLResponse(html, status_code=status_code, headers={"cache-control": "no-store"})

    def error(self, request: Request, status: int, message: str) -> HTMLResponse:
        titles = {
            400: "Yêu cầu không hợp lệ",
            403: "Không được phép",
            404: "Không tìm thấy",
            405: "Phương thức không được hỗ trợ",
            503: "Dữ liệu tạm thời không đọc được",
            500: "Lỗi máy chủ",
        }
        response = self.render(
            request, "error.html", status, status=status, title=titles.get(status, "Lỗi"), message=message
        )
        response.headers.update(SECURITY_HEADERS)
        return response


def _number(value: int | float) -> str:
    """Vietnamese digit grouping: 100.000 (a dot groups thousands)."""
    return f"{value:,}".replace(",", ".")


# --------------------------------------------------------------------------- pages


def _path_id(request: Request, name: str, pattern: re.Pattern[str], message: str) -> str:
    """The path parameter `name` if it has the shape of a stored key, else a 400 with `message`:
    a key is checked before it reaches the store, whichever page takes it."""
    value: str = request.path_params[name]
    if not pattern.match(value):
        raise BadRequest(message)
    return value


def _search(site: Site) -> Callable[[Request], Response]:
    def page(request: Request) -> Response:
        params = SearchParams.parse(request.query_params, max_query_chars=site.max_query_chars)
        view = views.search_view(site.backend, params, site.store.unit_labels)
        return site.render(request, "search.html", view=view)

    return page


def _finding(site: Site) -> Callable[[Request], Response]:
    def page(request: Request) -> Response:
        typed = _path_id(request, "finding_id", _FINDING_ID, "Mã phát hiện không hợp lệ.")
        finding_id = views.named_finding(site.store, typed)
        if finding_id != typed:  # a start of the id, as `kiemtra show` takes: the page's own URL
            return RedirectResponse(f"/phat-hien/{finding_id}", status_code=302)
        return site.render(request, "finding.html", view=views.finding_view(site.store, finding_id))

    return page


def _similar(site: Site) -> Callable[[Request], Response]:
    def page(request: Request) -> Response:
        typed = _path_id(request, "finding_id", _FINDING_ID, "Mã phát hiện không hợp lệ.")
        finding_id = views.named_finding(site.store, typed)
        if finding_id != typed:
            return RedirectResponse(f"/phat-hien/{finding_id}/tuong-tu", status_code=302)
        return site.render(
            request, "similar.html", view=views.similar_view(site.store, site.backend, finding_id)
        )

    return page


def _original(site: Site) -> Callable[[Request], Response]:
    def page(request: Request) -> Response:
        """The stored document's original file, found by its key only; the bytes must still
        hash to that key, so a file changed or replaced since ingestion is not served as it."""
        doc_key = _path_id(request, "doc_key", _DOC_KEY, "Mã văn bản không hợp lệ.")
        try:
            source = site.store.get_document(doc_key).source
        except KiemtraError:
            raise views.NotFound("Không có văn bản với mã này.") from None
        path = Path(source.path)
        if not source.path or not path.is_file() or _sha256(path) != doc_key:
            raise views.NotFound("Tệp gốc không còn ở nơi đã nhập, hoặc đã thay đổi từ khi nhập.")
        media = INLINE_TYPES.get(source.format) or INLINE_SUFFIXES.get(path.suffix.lower())
        return FileResponse(
            path,
            media_type=media or "application/octet-stream",
            filename=path.name,
            content_disposition_type="inline" if media else "attachment",
            headers={"content-security-policy": "sandbox; default-src 'none'"},
        )

    return page


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _comparison(site: Site) -> Callable[[Request], Response]:
    def page(request: Request) -> Response:
        params = CompareParams.parse(request.query_params)
        return site.render(
            request, "comparison.html", view=views.comparison_view(site.store, params, site.comparisons)
        )

    return page


def _evidence(site: Site) -> Callable[[Request], Response]:
    def page(request: Request) -> Response:
        q = request.query_params
        params = CompareParams.parse(q)
        theme = text_param(q, "o_chu_de", "chủ đề của ô")
        if theme is None:
            raise BadRequest("Thiếu tham số «chủ đề của ô» (o_chu_de).")
        view = views.evidence_view(
            site.store,
            params,
            theme,
            int_param(q, "o_nam", "năm của ô", YEARS),
            text_param(q, "o_don_vi", "đơn vị của ô"),
            choice_param(q, "o_loai", "loại", POLARITIES, POLARITY_LABELS),
            site.comparisons,
        )
        return site.render(request, "evidence.html", view=view)

    return page


def _export(site: Site, kind: str) -> Callable[[Request], Response]:
    def page(request: Request) -> Response:
        """What the comparison page shows, as a workbook, one table as CSV, or the heatmap."""
        from pipeline.export import csv_text, write_heatmap, write_xlsx

        params = CompareParams.parse(request.query_params)
        comparison = site.comparisons.get(site.store, views.filters_of(params))
        tables = comparison_tables(comparison)
        if kind == "csv":
            name = choice_param(request.query_params, "bang", "bảng", tuple(t.name for t in tables))
            table = next(t for t in tables if t.name == (name or tables[0].name))
            return Response(
                ("\ufeff" + csv_text(table)).encode("utf-8"),
                media_type="text/csv; charset=utf-8",
                headers={"content-disposition": f'attachment; filename="so-sanh-{table.name}.csv"'},
            )
        with tempfile.TemporaryDirectory(prefix="kiemtra-web-") as tmp:
            if kind == "xlsx":
                target = write_xlsx(tables, Path(tmp) / "so-sanh.xlsx")
                media, headers = XLSX_TYPE, {"content-disposition": 'attachment; filename="so-sanh.xlsx"'}
            else:
                try:
                    target = write_heatmap(
                        matrix_heatmap(comparison.matrix, params.do_do), Path(tmp) / "bieu-do.png"
                    )
                except ExportError:
                    raise views.NotFound("Không có thiếu sót nào để vẽ biểu đồ với bộ lọc này.") from None
                media, headers = "image/png", {}
            return Response(target.read_bytes(), media_type=media, headers=headers)

    return page


def _operations(site: Site) -> Callable[[Request], Response]:
    def page(request: Request) -> Response:
        return site.render(request, "operations.html", view=views.operations_view(site.store, site.backend))

    return page


# --------------------------------------------------------------------------- login


def _same_origin(request: Request) -> bool:
    """A form post from this site's own page (browsers send Origin on POST)."""
    origin = request.headers.get("origin")
    return origin is None or origin == f"{request.url.scheme}://{request.url.netloc}"


def _login_form(site: Site) -> Callable[[Request], Response]:
    def page(request: Request) -> Response:
        return site.render(
            request,
            "login.html",
            next=safe_next(request.query_params.get("tiep")),
            failed=False,
            blocked=False,
        )

    return page


def _login(site: Site) -> Callable[[Request], Awaitable[Response]]:
    async def page(request: Request) -> Response:
        if not _same_origin(request):
            return site.error(request, 403, "Biểu mẫu đăng nhập phải gửi từ chính trang này.")
        form = await request.form()
        name, password = str(form.get("ten", ""))[:64], str(form.get("mat_khau", ""))[:1024]
        target = safe_next(str(form.get("tiep", "/")))
        throttle = site.auth.throttle
        if throttle.blocked(name):
            LOGGER.warning("web login for %r refused: too many failures", name)
            return site.render(request, "login.html", 429, next=target, failed=False, blocked=True)
        # argon2 is slow on purpose: verify off the event loop, so other pages keep being served.
        accounts = site.auth.accounts
        valid: bool = await run_in_threadpool(verify, accounts, name, password) if accounts else False
        if valid:
            throttle.succeeded(name)
            request.session.clear()
            request.session["user"] = name
            return RedirectResponse(target, status_code=303)
        throttle.failed(name)
        LOGGER.warning("failed web login for %r", name)
        return site.render(request, "login.html", 401, next=target, failed=True, blocked=False)

    return page


def _logout(site: Site) -> Callable[[Request], Response]:
    def page(request: Request) -> Response:
        if not _same_origin(request):
            return site.error(request, 403, "Biểu mẫu phải gửi từ chính trang này.")
        request.session.clear()
        return RedirectResponse("/dang-nhap" if site.auth.required else "/", status_code=303)

    return page


class RequireLogin(BaseHTTPMiddleware):
    """When accounts are required, every page but the login form and static files needs a session."""

    def __init__(self, app: Any, site: Site) -> None:
        super().__init__(app)
        self.site = site

    async def dispatch(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        path = request.url.path
        if (
            self.site.auth.required
            and not request.session.get("user")
            and not any(path == p or (p.endswith("/") and path.startswith(p)) for p in OPEN_PATHS)
        ):
            if request.method not in ("GET", "HEAD"):
                return self.site.error(request, 403, "Cần đăng nhập.")
            target = path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(link("/dang-nhap", {"tiep": target}), status_code=303)
        return await call_next(request)


class SecurityHeaders(BaseHTTPMiddleware):
    """The security headers on every response, and the server's time in `Server-Timing`."""

    async def dispatch(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        response.headers["server-timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        return response


# --------------------------------------------------------------------------- errors


def _handlers(site: Site) -> dict[Any, Callable[[Request, Exception], Response]]:
    def bad_request(request: Request, exc: Exception) -> Response:
        return site.error(request, 400, str(exc))

    def not_found(request: Request, exc: Exception) -> Response:
        return site.error(request, 404, str(exc))

    def http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        messages = {404: "Không có trang này.", 405: "Trang này chỉ để xem; không nhận dữ liệu gửi lên."}
        return site.error(request, status, messages.get(status, "Yêu cầu không xử lý được."))

    def data_error(request: Request, exc: Exception) -> Response:
        LOGGER.error("data error on %s: %s", request.url.path, exc)
        return site.error(
            request, 503, "Không đọc được kho dữ liệu hoặc chỉ mục tìm kiếm. Vui lòng thử lại sau."
        )

    def server_error(request: Request, exc: Exception) -> Response:
        LOGGER.exception("error on %s", request.url.path)
        return site.error(
            request, 500, "Đã có lỗi khi tạo trang này. Lỗi đã được ghi lại cho người quản trị."
        )

    return {
        BadRequest: bad_request,
        views.NotFound: not_found,
        HTTPException: http_error,
        KiemtraError: data_error,
        Exception: server_error,
    }


# --------------------------------------------------------------------------- the app


def create_app(settings: Settings, auth: AuthConfig | None = None) -> Starlette:
    """The web application over the store and index of `settings`, both opened read-only.

    Raises BackendError (one clear line for the CLI) when the store or the index cannot be
    opened, e.g. before the first `kiemtra ingest`.
    """
    auth = auth or AuthConfig()
    store = Store(settings.database, readonly=True)
    try:
        backend = open_backend(settings, readonly=True)
    except KiemtraError:
        store.close()
        raise
    site = Site(store, backend, auth, max_query_chars=settings.max_query_chars)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # Before the first request, not in it: the first search of a process compiles for seconds
        try:
            await run_in_threadpool(warm_up, backend)
        except KiemtraError as e:  # an engine not answering yet: the first search will say so
            LOGGER.warning("the search could not be warmed up: %s", e)
        yield
        backend.close()
        store.close()

    routes = [
        Route("/", _search(site), name="search"),
        Route("/phat-hien/{finding_id}", _finding(site), name="finding"),
        Route("/phat-hien/{finding_id}/tuong-tu", _similar(site), name="similar"),
        Route("/van-ban/{doc_key}/tep-goc", _original(site), name="original"),
        Route("/so-sanh", _comparison(site), name="comparison"),
        Route("/so-sanh/bang-chung", _evidence(site), name="evidence"),
        Route("/so-sanh/xuat.xlsx", _export(site, "xlsx"), name="xlsx"),
        Route("/so-sanh/xuat.csv", _export(site, "csv"), name="csv"),
        Route("/so-sanh/bieu-do.png", _export(site, "png"), name="chart"),
        Route("/van-hanh", _operations(site), name="operations"),
        Route("/dang-nhap", _login_form(site), methods=["GET"], name="login_form"),
        Route("/dang-nhap", _login(site), methods=["POST"], name="login"),
        Route("/dang-xuat", _logout(site), methods=["POST"], name="logout"),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(
            SessionMiddleware,
            secret_key=auth.secret_key,
            session_cookie="kiemtra_phien",
            max_age=auth.max_age_s,
            same_site="lax",
            https_only=auth.https_only,
        ),
        Middleware(RequireLogin, site=site),
    ]
    return Starlette(
        routes=routes, middleware=middleware, exception_handlers=_handlers(site), lifespan=lifespan
    )
