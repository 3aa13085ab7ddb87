"""`casus serve`: browse the store in Datasette, run an assessment, open its report.

Datasette does the table browsing, faceting, SQL and CSV/JSON export; casus
adds, as a Datasette plugin registered at start-up, two pages of its own:
`/assess` (a form and the ladder) and `/report` (the same self-contained HTML
report as `casus report`). Canned queries join events and claims to their
sentences and documents and filter them by actor, type, mode, modality and date.
The server binds 127.0.0.1 unless told otherwise, and answers only requests
whose Host header names the address it was bound to (a web page that points
its own name at 127.0.0.1, DNS rebinding, gets 400), only GET and HEAD (405
for the rest: nothing in casus serve writes), and SQL runs with a time limit,
a row limit and a limit on the size of any one value.

Example:
    >>> app = make_datasette("casus.db")  # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import errno
import socket
import sqlite3
import sys
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response

from casus.errors import CasusError
from casus.store.views import CLAIMS_SQL, EVENTS_SQL, PAIR_CLAIMS_SQL, PAIR_EVENTS_SQL

PLUGIN_NAME = "casus"
TEMPLATES = Path(__file__).parents[1] / "data" / "templates" / "datasette"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
# Binding these means every interface: the user chose to answer any name.
WILDCARD_HOSTS = ("0.0.0.0", "::", "")  # noqa: S104
METHODS = ("GET", "HEAD")
# Limits on what one request may make SQLite and Datasette do.
SETTINGS = {"default_page_size": 50, "truncate_cells_html": 400, "sql_time_limit_ms": 3000,
            "facet_time_limit_ms": 1000, "facet_suggest_time_limit_ms": 200, "max_returned_rows": 1000,
            "max_csv_mb": 100, "allow_download": False, "suggest_facets": False}
# The largest string or blob SQLite will make or return (SQLITE_LIMIT_LENGTH): above the
# text of any document ingest keeps (20 MB by default), far below what a crafted query asks for.
MAX_VALUE_BYTES = 32 * 1024 * 1024
# SQLite's own memory, all connections of the server together (PRAGMA hard_heap_limit).
HEAP_LIMIT_BYTES = 512 * 1024 * 1024

CSS_PATH = "/-/casus.css"


def metadata(db_name: str, db_path: str) -> dict[str, Any]:
    """Datasette metadata: the casus pages on the front page, facets, canned queries, the plugin's settings."""
    base = f"/{db_name}"
    return {
        "title": "casus",
        "description_html": (
            f'<p><a href="/assess">Run an assessment</a> and open its report · '
            f'<a href="{base}/events_with_text">events</a> (filter by actor, type, mode, modality, date) · '
            f'<a href="{base}/claims_with_text">claims</a> · <a href="{base}/documents">documents</a> · '
            f'<a href="{base}/events">events table with facets</a></p>'
            f'<p>Ready-made: <a href="{base}/events_between?a=RUS&amp;b=IRN">events between two actors</a> · '
            f'<a href="{base}/claims_for_pair?patron=RUS&amp;client=IRN">claims for a pair</a> '
            f'(change the codes in the boxes)</p>'),
        "databases": {db_name: {
            "tables": {
                "events": {"facets": ["source", "target", "event", "mode", "modality", "negated"]},
                "claims": {"facets": ["patron", "client", "stance", "factor"]},
                "documents": {"facets": ["site"], "sortable_columns": ["name", "published", "site", "ingested_at"]},
                "sentences": {"hidden": True},
                "junk": {"facets": ["kind"]},
                "_migrations": {"hidden": True},
            },
            "queries": {
                "events_with_text": {
                    "title": "Events with their sentences",
                    "description": "Filter by actor code (source or target, e.g. RUS), PLOVER type (AID), mode (military), "
                                   "modality (asserted, reported, hedged, future) and dates YYYY[-MM[-DD]]; leave a box empty "
                                   "to match all.",
                    "sql": EVENTS_SQL, "hide_sql": True},
                "claims_with_text": {
                    "title": "Claims with their sentences",
                    "description": "Filter by patron and client codes, stance (for, against, neutral) and factor.",
                    "sql": CLAIMS_SQL, "hide_sql": True},
                "events_between": {
                    "title": "Events between two actors",
                    "description": "Every event from a to b or from b to a (actor codes such as RUS and IRN), newest first, "
                                   "with its sentence.",
                    "sql": PAIR_EVENTS_SQL, "hide_sql": True},
                "claims_for_pair": {
                    "title": "Claims for a pair",
                    "description": "What the sentences say about whether the patron will defend the client "
                                   "(codes such as RUS and IRN), by stance.",
                    "sql": PAIR_CLAIMS_SQL, "hide_sql": True},
            },
        }},
        "plugins": {PLUGIN_NAME: {"db": db_path}},
    }


def allowed_hosts(host: str) -> list[str] | None:
    """The Host header names `casus serve --host HOST` answers; None (any) when bound to every interface."""
    name = host.strip().strip("[]").lower().rstrip(".")
    if name in WILDCARD_HOSTS:
        return None
    if name in LOCAL_HOSTS or name.startswith("127."):
        return sorted({*LOCAL_HOSTS, name})
    return [name]


def host_name(header: str) -> str:
    """The name in a Host header, lower-cased, without port or brackets: '[::1]:8001' -> '::1'."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0].rstrip(".") if value.count(":") == 1 else value.rstrip(".")


def make_datasette(db: str | Path, host: str = "127.0.0.1") -> Any:
    """A Datasette over the casus database, with casus's pages. CasusError if it is not a casus database.

    `host` is the address it will be bound to: requests naming another host are refused.
    """
    from datasette.app import Datasette
    from datasette.plugins import pm

    from casus.store.database import NoStore, Store, no_store_message

    path = Path(db)
    if not path.is_file():
        raise NoStore(no_store_message(path))
    with Store(path, readonly=True) as store:  # raises CasusError when it is not a casus database
        immutable = store.immutable  # a read-only folder: Datasette must not try to make the WAL index
    if pm.get_plugin(PLUGIN_NAME) is None:
        pm.register(sys.modules[__name__], name=PLUGIN_NAME)
    meta = metadata(path.stem, str(path.resolve()))
    meta["plugins"][PLUGIN_NAME]["allowed_hosts"] = allowed_hosts(host)
    return Datasette(
        files=[] if immutable else [str(path)], immutables=[str(path)] if immutable else [], metadata=meta,
        template_dir=str(TEMPLATES), settings=SETTINGS,
    )


# ---------------------------------------------------------------- the plugin

def _db_path(datasette: Any) -> str:
    return str((datasette.plugin_config(PLUGIN_NAME) or {})["db"])


def _params(request: Any) -> dict[str, str | None]:
    get = request.args.get
    return {k: (get(k) or "").strip() or None for k in ("patron", "client", "attacker", "as_of")}


def _resolve(params: dict[str, str | None]) -> dict[str, Any]:
    """Names or codes -> codes, and the date checked; CasusError with the one-line reason."""
    from casus.events.actors import actor_code as _code
    from casus.validate import check_iso_date

    if not params["patron"] or not params["client"]:
        raise CasusError("give a patron and a client (codes or names, e.g. Russia and Iran)")
    if params["as_of"]:
        check_iso_date(params["as_of"])
    return {"patron": _code(params["patron"]), "client": _code(params["client"]),
            "attacker": _code(params["attacker"]), "as_of": params["as_of"]}


def _run_assessment(db: str, codes: dict[str, Any]) -> Any:
    from casus.assess.answer import assess
    from casus.store.database import Store

    with Store(db, readonly=True) as store:
        return assess(store, codes["patron"], codes["client"],  # type: ignore[arg-type]
                      attacker=codes["attacker"], as_of=codes["as_of"])


def _run_report(db: str, codes: dict[str, Any]) -> str:
    from casus.outputs.report import build_context, render
    from casus.store.database import Store

    with Store(db, readonly=True) as store:
        ctx = build_context(store, codes["patron"], codes["client"], attacker=codes["attacker"],
                            as_of=codes["as_of"], db_label=Path(db).name)
    return render(ctx)


async def assess_page(datasette: Any, request: Any) -> Response:
    """GET /assess: the form; with patron and client, the verdict, the ladder and a link to the report."""
    from casus.assess import knowledge
    from casus.outputs.report import ladder_rows

    params = _params(request)
    context: dict[str, Any] = {"params": params, "error": None, "a": None, "ladder": [], "report_url": None, "names": {}}
    if params["patron"] or params["client"]:
        try:
            codes = _resolve(params)
            a = await asyncio.get_running_loop().run_in_executor(None, _run_assessment, _db_path(datasette), codes)
            context.update(a=a, ladder=ladder_rows(a), names={c: knowledge.name(c) for c in codes.values() if c},
                           report_url="/report?" + urlencode({k: v for k, v in codes.items() if v}))
        except CasusError as exc:
            context["error"] = str(exc)
    return Response.html(await datasette.render_template("casus_assess.html", context, request=request),
                         status=400 if context["error"] else 200)


async def report_page(datasette: Any, request: Any) -> Response:
    """GET /report?patron=..&client=..[&attacker=..&as_of=..]: the full self-contained report."""
    try:
        codes = _resolve(_params(request))
        html = await asyncio.get_running_loop().run_in_executor(None, _run_report, _db_path(datasette), codes)
    except CasusError as exc:
        context: dict[str, Any] = {"params": _params(request), "error": str(exc), "a": None, "ladder": [], "report_url": None, "names": {}}
        return Response.html(await datasette.render_template("casus_assess.html", context, request=request), status=400)
    return Response.html(html)


async def _refuse(send: Any, status: int, text: str, headers: list[tuple[bytes, bytes]]) -> None:
    body = text.encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})


def refusal(config: dict[str, Any], scope: dict[str, Any]) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
    """(status, message, headers) for a request casus serve does not answer, or None."""
    allowed = config.get("allowed_hosts")
    if allowed is not None:
        header = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
        if host_name(header) not in allowed:
            return 400, (f"Bad Request: Host {header!r} is not served here; casus serve answers "
                         f"{', '.join(allowed)} (start it with --host NAME for another)\n"), []
    if scope.get("method", "GET").upper() not in METHODS:
        return 405, "Method Not Allowed: casus serve only reads (GET, HEAD)\n", [(b"allow", ", ".join(METHODS).encode())]
    return None


@hookimpl
def asgi_wrapper(datasette: Any) -> Any:
    """Refuse, before Datasette sees them, requests for other host names (DNS rebinding) and methods that write."""

    def wrap(app: Any) -> Any:
        async def guarded(scope: dict[str, Any], receive: Any, send: Any) -> None:
            config = datasette.plugin_config(PLUGIN_NAME)
            if scope.get("type") == "http" and config is not None:
                refused = refusal(config, scope)
                if refused:
                    await _refuse(send, *refused)
                    return
            await app(scope, receive, send)

        return guarded

    return wrap


@hookimpl
def prepare_connection(conn: sqlite3.Connection, database: str, datasette: Any) -> None:
    """Cap what one query can make SQLite allocate: the size of any value, SQLite's whole heap."""
    if datasette.plugin_config(PLUGIN_NAME) is None:
        return
    setlimit = getattr(conn, "setlimit", None)  # Python 3.11+; on 3.10 only the heap limit below holds
    if setlimit is not None:
        setlimit(getattr(sqlite3, "SQLITE_LIMIT_LENGTH", 0), MAX_VALUE_BYTES)
    conn.execute(f"PRAGMA hard_heap_limit = {HEAP_LIMIT_BYTES}")


async def css_page(datasette: Any, request: Any) -> Response:
    """GET /-/casus.css: column widths (sentences wide, codes narrow) and a short SQL box."""
    return Response((TEMPLATES / "casus.css").read_text(encoding="utf-8"), content_type="text/css; charset=utf-8")


@hookimpl
def register_routes(datasette: Any) -> list[tuple[str, Any]]:
    return [(r"^/assess$", assess_page), (r"^/report$", report_page), (r"^/-/casus\.css$", css_page)]


@hookimpl
def extra_css_urls(datasette: Any) -> list[str]:
    return [CSS_PATH]


@hookimpl
def menu_links(datasette: Any, actor: Any, request: Any) -> list[dict[str, str]]:
    return [{"href": "/assess", "label": "casus: assess and report"}]


# ---------------------------------------------------------------- running it

def check_port(host: str, port: int) -> None:
    """CasusError, in one line, if host:port cannot be bound (in use, or not an address here)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise CasusError(f"cannot serve on {host}: {exc.strerror}; use --host 127.0.0.1") from exc
    family, _, _, _, addr = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: only a live listener blocks
        try:
            s.bind(addr)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise CasusError(f"port {port} on {host} is already in use: stop what uses it, or choose another "
                                 f"port with --port (e.g. --port {port + 1})") from exc
            if exc.errno == errno.EACCES:
                raise CasusError(f"no permission to use port {port}: choose one above 1023 with --port") from exc
            raise CasusError(f"cannot serve on {host}:{port} ({exc.strerror}); check --host and --port") from exc


def _warm_up() -> None:
    """Build the inlined chart script now, so the first report does not wait for it."""
    from casus.outputs.report import vega_bundle

    vega_bundle()


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8001, on_ready: Any = None) -> None:
    """Run the web UI until interrupted."""
    import uvicorn

    check_port(host, port)
    ds = make_datasette(db, host=host)
    threading.Thread(target=_warm_up, daemon=True).start()
    if on_ready:
        on_ready(f"http://{'[' + host + ']' if ':' in host else host}:{port}/")
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")
