"""One self-contained HTML report for a scenario: verdict, ladder, factors, timeline, evidence, corroboration.

The page works offline: styles, the chart specs and the Vega/Vega-Lite/vega-embed
JavaScript (vl-convert's bundle, the one altair itself inlines when it saves a
chart) are all in the file. Article text is untrusted: Jinja2 escapes every value, only http(s)
locations become links, and a Content-Security-Policy lets only the report's own
scripts (by nonce) run.

Example:
    >>> from casus.outputs.report import build_context
    >>> ctx = build_context(None, "RUS", "IRN", attacker="ISR", as_of="2025-06-12")
    >>> ctx["empty"], [r["rung"] for r in ctx["ladder"]][0]
    (True, 'direct')
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import urlparse

from casus.assess import knowledge
from casus.assess.answer import Assessment, assess, highest_rung_distribution, stored_clusters, visible
from casus.errors import CasusError
from casus.outputs import goldstein
from casus.records import RUNGS

MAX_CLUSTERS = 200  # claim clusters listed in the corroboration view
TOP_CLUSTERS = 10  # of them shown open (most copied first); the rest behind a <details>
MAX_TIMELINE_ROWS = 300  # events listed under the timeline
PUSH_LABELS = {"raises": "▲ raises", "lowers": "▼ lowers", "context": "● context"}
CHART_WIDTH = 560
COOPERATION_COLOR = "#2b7bb9"
CONFLICT_COLOR = "#c8423b"


# ---------------------------------------------------------------- small helpers

def safe_href(url: str | None) -> str | None:
    """The URL if it is http(s) with a host, else None: nothing else may become a link."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parsed = urlparse(url)
    except ValueError:
        return None
    if parsed.scheme.lower() in ("http", "https") and parsed.netloc and not any(c in url for c in "\x00\r\n\t <>\"'`"):
        return url
    return None


def script_json(value: Any) -> str:
    """JSON that is safe inside a <script type="application/json"> element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("casus")
    except Exception:  # noqa: BLE001 - running from a source tree
        return "dev"


def _first_href(locations: Iterable[str]) -> str | None:
    return next((h for h in (safe_href(loc) for loc in locations) if h), None)


def shown_location(locations: Iterable[str]) -> str | None:
    """What the report prints for a document's location: its first http(s) URL, else a file's name only.

    A report is shared; the local folders it was made from are nobody else's business.
    """
    locs = list(locations)
    href = _first_href(locs)
    if href:
        return href
    return next((PurePath(loc).name or loc for loc in locs if loc), None)


class _Links:
    """Document name or id -> (href, location shown) from the store, cached."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self._by_id: dict[str, list[str]] = {}
        self._by_name: dict[str, list[str]] = {}

    def by_id(self, doc_id: str) -> list[str]:
        if doc_id not in self._by_id:
            self._by_id[doc_id] = list(self.store.locations(doc_id)) if hasattr(self.store, "locations") else []
        return self._by_id[doc_id]

    def by_name(self, name: str) -> list[str]:
        if name not in self._by_name:
            locs: list[str] = []
            if hasattr(self.store, "find_document"):
                try:
                    locs = list(self.store.find_document(name)["locations"])
                except CasusError:
                    locs = [name] if safe_href(name) else []
            self._by_name[name] = locs
        return self._by_name[name]


# ---------------------------------------------------------------- sections

def ladder_rows(a: Assessment) -> list[dict[str, Any]]:
    """One row per rung, top rung first: P with evidence, P from shipped knowledge, the change."""
    labels = knowledge.load_data("features.yaml")["rung_labels"]
    return [{"rung": r, "label": labels[r], "p": a.ladder[r], "knowledge": a.knowledge_ladder[r],
             "delta": a.shift["ladder"][r]} for r in reversed(RUNGS)]


def evidence_rows(a: Assessment, links: _Links) -> list[dict[str, Any]]:
    """The cited evidence of every factor, flattened, each with its link (if it has an http(s) source)."""
    rows = []
    for f in a.factors:
        for e in f.evidence:
            locs = [e.url] if e.url else (links.by_name(e.doc) if e.kind == "store" else [])
            rows.append({"factor": f.factor, "kind": e.kind, "sentence": e.sentence, "doc": e.doc, "site": e.site,
                         "date": e.date, "stance": e.stance, "copies": e.copies,
                         "independent_sources": e.independent_sources, "href": _first_href(locs),
                         "location": shown_location(locs), "push": e.push})
    return rows


def _pair_events(store: Any, patron: str, client: str, until: str | None) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    if store is not None:
        for source, target in ((patron, client), (client, patron)):
            for rec in store.iter_events(source=source, target=target, **stored_clusters(store)):
                if visible(rec, until) is not None:  # strict as-of, the same rule as the assessment's
                    continue
                rows.append({**rec, "origin": "store"})
    return rows


def _ledger_events(patron: str, client: str, until: str) -> list[dict[str, Any]]:
    rows = []
    for row in knowledge.ledger(patron, client, until=until):
        if {row["source"], row.get("target")} == {patron, client}:
            url = (row.get("sources") or [None])[0]
            rows.append({**row, "origin": "ledger", "doc": f"casus ledger {row['id']}", "sentence": row["description"],
                         "site": None, "url": url})
    return rows


def dedupe_copies(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per copied sentence and coded act: near-duplicate sentences (casus.corroborate.clusters) count once."""
    from casus.corroborate.clusters import group_labels

    store_rows = [e for e in events if e.get("origin") == "store"]
    ids = group_labels((i, str(e.get("doc_id")), e.get("sentence") or "", e.get("cluster"))
                       for i, e in enumerate(store_rows))
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for i, e in enumerate(store_rows):
        key = (ids[i], e.get("source"), e.get("target"), e.get("event"), e.get("mode"), bool(e.get("negated")))
        if key not in seen:
            seen[key] = {**e, "copies": 0}
        else:
            seen[key]["copies"] += 1
    return list(seen.values()) + [e for e in events if e.get("origin") != "store"]


def timeline(store: Any, patron: str, client: str, as_of: str, until: str | None,
             links: _Links) -> dict[str, Any]:
    """The dyad's events (both directions, store and shipped ledger) scored and summed by month."""
    events = dedupe_copies(_pair_events(store, patron, client, until) + _ledger_events(patron, client, as_of))
    directions = {(patron, client): f"{knowledge.name(patron)} → {knowledge.name(client)}",
                  (client, patron): f"{knowledge.name(client)} → {knowledge.name(patron)}"}
    months = goldstein.monthly(events, directions)
    listed = []
    for e in events:
        value = goldstein.score(e)
        month = goldstein.month_of(e)
        if value is None or month is None:
            continue
        locs = [e["url"]] if e.get("url") else links.by_id(str(e.get("doc_id")))
        listed.append({"month": month, "date": e.get("date") or e.get("published"),
                       "direction": directions[(e["source"], e["target"])], "event": e["event"], "mode": e.get("mode"),
                       "negated": bool(e.get("negated")), "modality": e.get("modality"), "score": value,
                       "sentence": e.get("sentence"), "doc": e.get("doc"), "origin": e.get("origin"),
                       "copies": e.get("copies", 0), "href": _first_href(locs), "location": shown_location(locs)})
    listed.sort(key=lambda r: (r["month"], r["direction"]))
    return {"months": months, "events": listed[:MAX_TIMELINE_ROWS], "omitted": max(0, len(listed) - MAX_TIMELINE_ROWS),
            "counted": len(listed), "total": len(events), "store_events": sum(1 for e in events if e.get("origin") == "store"),
            "not_counted": len(events) - len(listed)}


def corroboration(store: Any, patron: str, client: str, until: str | None, links: _Links) -> dict[str, Any]:
    """Claims about the dyad grouped into near-duplicate clusters: which rest on one source, which are copies."""
    from casus.corroborate.clusters import Cluster, group_labels

    claims: list[dict[str, Any]] = []
    if store is not None:
        seen = set()
        for c in store.iter_claims(patron=patron, client=client, **stored_clusters(store)):
            if visible(c, until) is not None:
                continue
            key = (c["doc_id"], c["sent_index"])
            if key not in seen:
                seen.add(key)
                claims.append(c)
    clusters = []
    ids = group_labels((i, str(c["doc_id"]), c["sentence"], c.get("cluster")) for i, c in enumerate(claims))
    members_of: dict[Any, list[int]] = {}
    for i in range(len(claims)):
        members_of.setdefault(ids[i], []).append(i)  # in order of each cluster's first claim, as clusters_of
    for cid, keys in enumerate(members_of.values()):
        cl = Cluster(cid, tuple(keys), tuple(str(claims[k]["doc_id"]) for k in keys))
        members = [claims[int(k)] for k in cl.keys]  # type: ignore[call-overload]
        rep = members[0]
        carriers = []
        for m in members:
            locs = links.by_id(str(m["doc_id"]))
            carriers.append({"doc": m["doc"], "site": m.get("site"), "published": m.get("published"),
                             "href": _first_href(locs), "location": shown_location(locs), "sentence": m["sentence"]})
        clusters.append({"sentence": rep["sentence"], "stance": rep["stance"], "factor": rep["factor"],
                         "documents": len(members), "sites": len({m.get("site") or m["doc_id"] for m in members}),
                         "copies": len(members) - 1, "carriers": carriers})
    clusters.sort(key=lambda c: (-c["copies"], -c["sites"]))
    copied = [c for c in clusters if c["copies"]]
    listed = clusters[:MAX_CLUSTERS]
    return {"claims": len(claims), "independent": len(clusters), "copied": len(copied),
            "copies": sum(c["copies"] for c in clusters), "documents": len({c["doc_id"] for c in claims}),
            "clusters": listed, "top": listed[:TOP_CLUSTERS], "rest": listed[TOP_CLUSTERS:],
            "rest_single": sum(1 for c in listed[TOP_CLUSTERS:] if not c["copies"]),
            "omitted": max(0, len(clusters) - MAX_CLUSTERS)}


# ---------------------------------------------------------------- charts (Altair -> Vega-Lite specs)

def ladder_chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Bars: P(reaches at least this rung) with the evidence; ticks: from shipped knowledge alone."""
    import altair as alt

    order = [r["rung"] for r in rows]
    values = [{"rung": r["rung"], "label": r["label"], "p": round(r["p"], 4), "knowledge": round(r["knowledge"], 4)}
              for r in rows]
    base = alt.Chart(alt.Data(values=values)).encode(
        y=alt.Y("rung:N", sort=order, title=None, axis=alt.Axis(labelFontSize=12)))
    bars = base.mark_bar(color=COOPERATION_COLOR, height=18).encode(
        x=alt.X("p:Q", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%", title="P(patron reaches at least this rung)")),
        tooltip=[alt.Tooltip("label:N", title="rung"), alt.Tooltip("p:Q", format=".0%", title="with ingested evidence"),
                 alt.Tooltip("knowledge:Q", format=".0%", title="shipped knowledge only")])
    ticks = base.mark_tick(color="#222", thickness=2, size=24).encode(x="knowledge:Q")
    text = base.mark_text(align="left", dx=10, fontSize=11).encode(x="p:Q", text=alt.Text("p:Q", format=".0%"))
    chart = (bars + ticks + text).properties(width=CHART_WIDTH, height=alt.Step(28),
                                             title="Response ladder (black tick: shipped knowledge only)")
    return chart.to_dict()


def factor_chart(a: Assessment) -> dict[str, Any]:
    """Heat map: each factor's log-odds push on each rung (blue raises, red lowers)."""
    import altair as alt

    values = [{"factor": f.factor, "rung": r, "push": round(v, 3)} for f in a.factors for r, v in f.per_rung.items()]
    bound = max([abs(v) for f in a.factors for v in f.per_rung.values()] + [0.5])
    base = alt.Chart(alt.Data(values=values)).encode(
        x=alt.X("rung:N", sort=list(RUNGS), title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("factor:N", sort=[f.factor for f in a.factors], title=None))
    rect = base.mark_rect().encode(
        color=alt.Color("push:Q", scale=alt.Scale(scheme="redblue", domain=[-bound, bound]),
                        legend=alt.Legend(title="log-odds")),
        tooltip=["factor:N", "rung:N", alt.Tooltip("push:Q", format="+.2f")])
    text = base.mark_text(fontSize=11).encode(text=alt.Text("push:Q", format="+.2f"))
    return (rect + text).properties(width=CHART_WIDTH, height=alt.Step(30),
                                    title="Factor push per rung (log-odds; + raises, - lowers)").to_dict()


def timeline_chart(months: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Bars by month: cooperation above zero, conflict below, one panel per direction."""
    import altair as alt

    if not months:
        return None
    values = []
    for m in months:
        for kind in ("cooperation", "conflict"):
            if m[kind]:
                values.append({"month": m["month"] + "-01", "direction": m["direction"], "kind": kind, "score": m[kind],
                               "events": m["events"], "types": m["types"], "net": m["net"]})
    chart = alt.Chart(alt.Data(values=values)).mark_bar().encode(
        x=alt.X("month:T", timeUnit="yearmonth", title=None, axis=alt.Axis(format="%b %Y", labelAngle=-40)),
        y=alt.Y("score:Q", title="summed score", stack="zero"),
        color=alt.Color("kind:N", scale=alt.Scale(domain=["cooperation", "conflict"],
                                                  range=[COOPERATION_COLOR, CONFLICT_COLOR]),
                        legend=alt.Legend(title=None, orient="top")),
        tooltip=[alt.Tooltip("month:T", timeUnit="yearmonth", title="month"), "direction:N", "kind:N",
                 alt.Tooltip("score:Q", format="+.1f"), alt.Tooltip("net:Q", format="+.1f", title="net"),
                 alt.Tooltip("events:Q", title="events"), alt.Tooltip("types:N", title="types")],
    ).properties(width=CHART_WIDTH, height=120).facet(
        row=alt.Row("direction:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left", labelFontWeight="bold")))
    return chart.properties(title="Cooperation and conflict by month").to_dict()


@lru_cache(maxsize=1)
def vega_bundle() -> str:
    """vega, vega-lite and vega-embed as one script (vl-convert's bundle; no network), built once per process."""
    import vl_convert as vlc

    bundle = vlc.javascript_bundle()  # type: ignore[call-arg]  # the stub says snippet is required; it is not
    if "</script" in bundle.lower():  # never happens with vl-convert's bundle; guard the page anyway
        bundle = bundle.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
    return bundle


# ---------------------------------------------------------------- the report

def build_context(store: Any, patron: str, client: str, attacker: str | None = None,
                  as_of: str | None = None, db_label: str | None = None) -> dict[str, Any]:
    """Everything the template shows, computed from the assessment, the store and shipped knowledge."""
    a = assess(store, patron, client, attacker=attacker, as_of=as_of)
    until = a.as_of if as_of else None
    links = _Links(store)
    tl = timeline(store, a.patron, a.client, a.as_of, until, links)
    corr = corroboration(store, a.patron, a.client, until, links)
    empty = tl["store_events"] + corr["claims"] == 0  # nothing in the store between patron and client
    ladder = ladder_rows(a)
    charts = {"ladder": ladder_chart(ladder), "factors": factor_chart(a)}
    tchart = timeline_chart(tl["months"])
    if tchart:
        charts["timeline"] = tchart
    return {
        "a": a, "ladder": ladder, "most_likely_p": highest_rung_distribution(a.ladder).get(a.most_likely), "factors": a.factors, "evidence": evidence_rows(a, links), "timeline": tl,
        "corroboration": corr, "empty": empty, "push_labels": PUSH_LABELS, "db_label": db_label, "charts": charts,
        "patron_name": knowledge.name(a.patron), "client_name": knowledge.name(a.client),
        "attacker_name": knowledge.name(a.attacker) if a.attacker else None,
        "scale_text": goldstein.scale_text(), "scale": goldstein.table()["scale"], "score_rows": goldstein.score_rows(),
        "ledger_accessed": knowledge.ledger_accessed(), "version": _version(),
        "generated": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _env() -> Any:
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("casus", "data/templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["pct"] = lambda p: f"{p:.0%}"
    env.filters["signed"] = lambda x, n=2: f"{x:+.{n}f}"
    env.filters["script_json"] = script_json
    env.filters["href"] = safe_href
    return env


def render(context: Mapping[str, Any], inline_js: bool = True) -> str:
    """The report page. `inline_js=False` leaves the chart script out (tables only; for quick tests)."""
    nonce = secrets.token_urlsafe(16)
    return _env().get_template("report.html").render(
        **context, nonce=nonce, bundle=vega_bundle() if inline_js else "", inline_js=inline_js,
        chart_specs={k: script_json(v) for k, v in context["charts"].items()})


def check_output(path: str | Path) -> Path:
    """Fail early, in one line, when the report could not be written there."""
    p = Path(path)
    if p.is_dir():
        raise CasusError(f"cannot write the report to {p}: it is a folder; give a file name with -o, e.g. -o report.html")
    parent = p.parent if str(p.parent) else Path(".")
    if parent.exists() and not parent.is_dir():
        raise CasusError(f"cannot write the report to {p}: {parent} is a file, not a folder; choose another path with -o")
    if not parent.is_dir():
        raise CasusError(f"cannot write the report to {p}: folder {parent} does not exist; create it or choose another path with -o")
    if not os.access(parent, os.W_OK) or (p.exists() and not os.access(p, os.W_OK)):
        raise CasusError(f"cannot write the report to {p}: permission denied; choose another path with -o")
    return p


def write_report(html: str, path: str | Path) -> Path:
    """Write the page (UTF-8); OSError becomes one line that says what to do."""
    from casus.outputs.atomic import atomic_open

    p = check_output(path)
    try:
        with atomic_open(p, "w", encoding="utf-8") as fh:  # beside, fsync, rename: the old report survives a failure
            fh.write(html)
    except OSError as exc:
        raise CasusError(f"cannot write the report to {p}: {exc.strerror or exc}; choose another path with -o") from exc
    return p


def report(store: Any, patron: str, client: str, output: str | Path, attacker: str | None = None,
           as_of: str | None = None, db_label: str | None = None) -> dict[str, Any]:
    """Assess, render and write one report; returns the context (for the caller's summary line)."""
    check_output(output)
    ctx = build_context(store, patron, client, attacker=attacker, as_of=as_of, db_label=db_label)
    write_report(render(ctx), output)
    return ctx
