"""The actor network: who did what to whom, as a weighted directed graph.

One node per actor code, one edge per (source, target) pair that has events
that happened (asserted or reported; a withheld transfer counts as a rejection,
other negated events do not). Node attributes: `label`, `kind` ("state" for a
sovereign state, "group" for an alliance, bloc or region of states such as NATO,
GULF or WEST, "non-state" for the rest), `state` (kind == "state"),
`events_out`, `events_in`. Edge attributes: `weight` (events), `cooperation`
and `conflict` (sums of casus.outputs.goldstein scores), `goldstein` (their mean) and
`types` (e.g. "AID:3;ACCUSE:1"). Written as GraphML for Gephi or networkx.

Example:
    >>> g = build_graph([{"source": "RUS", "target": "IRN", "event": "AID", "mode": "military",
    ...                   "modality": "asserted", "negated": False}])
    >>> g["RUS"]["IRN"]["weight"], g.nodes["RUS"]["label"], g.nodes["RUS"]["kind"]
    (1, 'Russia', 'state')
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

from casus.assess import knowledge
from casus.outputs import goldstein


def actor_kind(code: str) -> str:
    """"state" (a sovereign state's ISO code), "group" (of states: NATO, GULF, WEST...) or "non-state"."""
    if not knowledge.is_state(code):
        return "non-state"
    groups = set(knowledge.load_data("knowledge.yaml").get("state_groups", []))
    return "group" if code in groups else "state"


def build_graph(events: Iterable[Mapping[str, Any]]) -> Any:
    """A networkx DiGraph of the events that count; nodes carry a display `label`."""
    import networkx as nx

    edges: dict[tuple[str, str], dict[str, Any]] = defaultdict(
        lambda: {"weight": 0, "cooperation": 0.0, "conflict": 0.0, "types": Counter()})
    for rec in events:
        source, target = rec.get("source"), rec.get("target")
        value = goldstein.score(rec)
        if not source or not target or source == target or value is None:
            continue
        e = edges[(str(source), str(target))]
        e["weight"] += 1
        e["cooperation" if value > 0 else "conflict"] += value
        kind = "REJECT" if rec.get("negated") else str(rec.get("event"))
        e["types"][kind] += 1
    g = nx.DiGraph(name="casus actor network")
    for (source, target), e in sorted(edges.items()):
        for node in (source, target):
            if node not in g:
                kind = actor_kind(node)
                g.add_node(node, label=knowledge.name(node), kind=kind, state=kind == "state")
        total = e["cooperation"] + e["conflict"]
        g.add_edge(source, target, weight=e["weight"], cooperation=round(e["cooperation"], 2),
                   conflict=round(e["conflict"], 2), goldstein=round(total / e["weight"], 2),
                   types=";".join(f"{t}:{n}" for t, n in sorted(e["types"].items())))
    for node in g.nodes:
        g.nodes[node]["events_out"] = sum(d["weight"] for _, _, d in g.out_edges(node, data=True))
        g.nodes[node]["events_in"] = sum(d["weight"] for _, _, d in g.in_edges(node, data=True))
    return g


def write_graphml(graph: Any, out: str | Path | IO[bytes]) -> None:
    """Write the graph as GraphML (UTF-8)."""
    import networkx as nx

    nx.write_graphml(graph, out, encoding="utf-8")
