"""Daily use (issue 14): tables at 80 columns, undated events under --since, and the like."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from casus.cli import main

DATED = ("Moscow sends aid\nMarch 3, 2024\n\n"
         "Russia delivered air defence systems to Iran on Monday, according to officials in Tehran who spoke "
         "on condition of anonymity. Iran thanked Russia for the support.\n")
UNDATED = ("Undated notes on the partnership\n\n"
           "Russia will send more drones to Iran, a minister said. Russia condemned Israel over the strikes.\n")


def run(*args: str, env: dict[str, str] | None = None) -> object:
    return CliRunner().invoke(main, list(args), catch_exceptions=False, env=env)


@pytest.fixture
def two_docs(tmp_path: Path) -> Path:
    (tmp_path / "dated.txt").write_text(DATED, encoding="utf-8")
    (tmp_path / "undated.txt").write_text(UNDATED, encoding="utf-8")
    db = tmp_path / "c.db"
    result = run("ingest", str(tmp_path / "dated.txt"), str(tmp_path / "undated.txt"), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


# -- undated events under --since ------------------------------------------------------------------

def test_since_says_how_many_undated_events_it_left_out(two_docs: Path) -> None:
    result = CliRunner().invoke(main, ["events", "--since", "2024-01", "--db", str(two_docs),
                                                       "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert "undated.txt" not in result.stdout and "dated.txt" in result.stdout
    assert "2 undated events" in result.stderr and "--include-undated" in result.stderr


def test_include_undated_lists_them(two_docs: Path) -> None:
    result = CliRunner().invoke(main, ["events", "--since", "2024-01", "--include-undated",
                                                       "--db", str(two_docs), "--format", "jsonl"])
    assert result.exit_code == 0
    assert result.stdout.count('"undated.txt"') == 2 and "dated.txt" in result.stdout
    assert "undated event" not in result.stderr


def test_no_note_without_a_date_filter(two_docs: Path) -> None:
    result = CliRunner().invoke(main, ["events", "--db", str(two_docs)])
    assert result.exit_code == 0 and result.stderr == ""


# -- 80-column tables ------------------------------------------------------------------------------

LONG_DOC = {"id": "0123456789abcdef", "name": "2024-06-12-a-very-long-file-name-indeed.html",
            "published": "2024-06-12", "site": "www.some-long-news-site.example.com", "sentences": 1234,
            "events": 567, "title": "A long title about the war and its consequences for the region and beyond"}
LONG_EVENT = {"date": "2024-06-12", "published": None, "source": "GULF", "event": "MOBILIZE", "target": "NATO",
              "mode": "disapprove", "modality": "reported", "negated": True,
              "doc": "2024-06-12-a-very-long-file-name.html",
              "sentence": "The ministers of the alliance agreed after a long night that nothing would be sent."}


def _render(table: object, width: int) -> list[str]:
    from rich.console import Console

    console = Console(width=width, record=True, file=io.StringIO())
    console.print(table)
    return console.export_text().splitlines()


@pytest.mark.parametrize("width", [80, 100, 160])
@pytest.mark.parametrize("kind", ["docs", "events"])
def test_tables_fit_the_terminal_and_keep_their_text(kind: str, width: int) -> None:
    from casus.outputs.tables import SENTENCE_MIN, TITLE_MIN, docs_table, events_table

    table, text, keep, minimum = ((docs_table([LONG_DOC], width), LONG_DOC["title"], ["0123456789abcdef", "2024-06-12"],
                                   TITLE_MIN) if kind == "docs" else
                                  (events_table([LONG_EVENT], width), LONG_EVENT["sentence"], ["GULF", "NATO", "2024-06-12"],
                                   SENTENCE_MIN))
    lines = _render(table, width)
    assert all(len(line) <= width for line in lines)
    header = lines[1]
    name = "title" if kind == "docs" else "sentence"
    assert header.rstrip().endswith(name)
    text_col = header.index(name)
    assert width - text_col >= minimum, "the text column keeps its minimum width"
    column = " ".join(line[text_col:] for line in lines[3:])
    assert column.split() == text.split(), "the text column wraps, it loses no word"
    for value in keep:
        assert value in "\n".join(lines), f"{value} is never elided"


def test_docs_and_events_at_columns_80(two_docs: Path) -> None:
    for cmd in (["docs"], ["events"]):
        result = run(*cmd, "--db", str(two_docs), env={"COLUMNS": "80"})
        assert result.exit_code == 0
        lines = result.output.splitlines()
        assert all(len(line) <= 80 for line in lines)
        assert "Russia delivered air" in result.output or "Moscow sends aid" in result.output


# -- GraphML node kinds ----------------------------------------------------------------------------

@pytest.mark.parametrize(("code", "kind"), [("RUS", "state"), ("IRN", "state"), ("GULF", "group"), ("WEST", "group"),
                                            ("NATO", "group"), ("HEZBOLLAH", "non-state")])
def test_graphml_marks_only_sovereign_states_as_states(tmp_path: Path, code: str, kind: str) -> None:
    import networkx as nx

    from casus.outputs.network import build_graph, write_graphml

    other = "USA" if code != "USA" else "RUS"
    g = build_graph([{"source": code, "target": other, "event": "SUPPORT", "mode": None, "modality": "asserted",
                      "negated": False}])
    out = tmp_path / "g.graphml"
    write_graphml(g, out)
    node = nx.read_graphml(out).nodes[code]
    assert node["kind"] == kind and node["state"] is (kind == "state")


# -- bench ingest reports progress -----------------------------------------------------------------

def test_bench_ingest_reports_progress_while_it_generates_and_ingests() -> None:
    from casus.run.bench import run_ingest_bench

    seen: list[tuple[str, int, int]] = []
    result = run_ingest_bench(12, progress=lambda phase, done, total: seen.append((phase, done, total)))
    assert result["articles"] == 12
    phases = [p for p, _, _ in seen]
    assert phases.index("generate") < phases.index("ingest")
    assert ("generate", 12, 12) in seen and ("ingest", 12, 12) in seen
    ingest = [done for p, done, _ in seen if p == "ingest"]
    assert ingest == sorted(ingest)


def test_bench_progress_bar_draws_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from rich.console import Console

    from casus import cli

    buf = io.StringIO()
    monkeypatch.setattr("rich.console.Console", lambda **kw: Console(file=buf, force_terminal=True, width=80))
    with cli._bench_progress(quiet=False) as progress:
        progress("ingest", 5, 10)
    assert "ingest" in buf.getvalue() and "5/10" in buf.getvalue()


# -- scenario template -----------------------------------------------------------------------------

@pytest.mark.parametrize("args", [[], ["China", "North Korea", "--attacker", "USA", "--as-of", "2020-01-01"]])
def test_scenario_template_feeds_back_into_scenario(tmp_path: Path, args: list[str]) -> None:
    import json

    from casus.assess.model import REQUIRED_SCENARIO_FIELDS

    made = CliRunner().invoke(main, ["assess", "--scenario-template", *args])
    assert made.exit_code == 0, made.output
    template = json.loads(made.output)
    assert set(REQUIRED_SCENARIO_FIELDS) <= set(template)
    path = tmp_path / "case.json"
    path.write_text(made.output, encoding="utf-8")
    scored = CliRunner().invoke(main, ["assess", "--scenario", str(path), "--format", "json"])
    assert scored.exit_code == 0, scored.output
    out = json.loads(scored.output)
    assert out["patron"] == template["patron"] and out["year"] == template["year"]
    assert set(out["ladder"]) >= {"statement", "direct"}


def test_scenario_template_needs_the_attacker() -> None:
    result = CliRunner().invoke(main, ["assess", "--scenario-template", "Russia", "Iran"])
    assert result.exit_code == 2 and "--attacker" in result.output


# -- the report: no local paths, top clusters first, each evidence item's push -------------------

REASONS = ["its army is stretched thin along a long front in the east", "oil revenue has fallen for three years",
           "the Kremlin values trade with Israeli firms", "no treaty clause obliges Moscow to fight",
           "Iranian leaders never asked for troops", "Moscow fears a wider regional war",
           "Russian pilots lack bases near the Gulf", "a deal with Washington matters more to Putin",
           "public opinion in Russia opposes another war", "the navy cannot reach the Persian Gulf quickly",
           "arms factories are busy with orders for Ukraine", "diplomats in Moscow prefer quiet mediation",
           "sanctions have drained the state budget", "generals distrust the Iranian command"]
REPORT_ARTICLES = {
    f"r{i}.txt": (f"Report {i} on Moscow and Tehran\nMarch {i + 1}, 2025\n\n"
                  f"Russia is unlikely to defend Iran because {reason}. "
                  "Russia delivered air defence systems to Iran in February 2025, officials said.\n")
    for i, reason in enumerate(REASONS)
}


@pytest.fixture(scope="module")
def report_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp("deep") / "home" / "someone" / "private-notes"
    folder.mkdir(parents=True)
    for name, text in REPORT_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder / "c.db"
    assert run("ingest", str(folder), "--db", str(db), "-q").exit_code == 0
    out = folder / "report.html"
    result = run("report", "Russia", "Iran", "--attacker", "Israel", "--db", str(db), "-o", str(out))
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8"), folder


def test_report_embeds_no_local_path(report_page: tuple[str, Path]) -> None:
    page, folder = report_page
    assert str(folder) not in page and "private-notes" not in page
    assert "r0.txt" in page  # the document is still named


def test_report_shows_the_top_clusters_and_hides_the_rest(report_page: tuple[str, Path]) -> None:
    from lxml import html as lxml_html

    from casus.outputs.report import TOP_CLUSTERS

    doc = lxml_html.fromstring(report_page[0])
    top = doc.cssselect("#corroboration table.clusters.top tbody tr")
    rest = doc.cssselect("#corroboration details.more-clusters table.clusters.rest tbody tr")
    assert 0 < len(top) <= TOP_CLUSTERS and rest
    assert "copied" in top[0].get("class"), "the most copied claim comes first"
    assert all("single" in tr.get("class") for tr in rest[-3:])


def test_each_evidence_item_says_which_way_it_pushes(report_page: tuple[str, Path]) -> None:
    from lxml import html as lxml_html

    doc = lxml_html.fromstring(report_page[0])
    rows = doc.cssselect("table.evidence tbody tr")
    pushes = [tr.get("data-push") for tr in rows]
    assert rows and all(p in ("raises", "lowers", "context") for p in pushes)
    assert {"raises", "lowers"} & set(pushes)
    for tr in rows:
        assert tr.cssselect("td.push")[0].text_content().split()[-1] == tr.get("data-push")


def test_a_claim_pushes_by_its_stance_and_a_fact_by_its_contribution() -> None:
    from casus.assess.answer import Evidence, set_pushes

    for_claim = Evidence(doc="a", sentence="s1", date=None, site=None, stance="for")
    against = Evidence(doc="a", sentence="s2", date=None, site=None, stance="against")
    unread = Evidence(doc="a", sentence="s3", date=None, site=None, stance="for")

    class Fact:
        text = "Russia is at war."

    fact = Evidence(doc="k", sentence="Russia is at war.", date=None, site=None, kind="knowledge")
    sig = Evidence(doc="b", sentence="s4", date=None, site=None)
    items = {"capability": [for_claim, against, fact], "interest": [unread], "signal": [sig]}
    rules = [{"factor": "capability", "stance": s, "feature": "patron_at_war_elsewhere", "toward": t}
             for s, t in (("against", 1), ("for", 0))]  # the shipped rules are empty (features.yaml says why)
    set_pushes(items, {"patron_at_war_elsewhere": -0.9}, [{"shift": {"materiel": 0.3}, "evidence": [sig]}],
               {"patron_at_war_elsewhere": Fact()}, feature_rules=rules)
    assert (for_claim.push, against.push, fact.push, sig.push) == ("raises", "lowers", "lowers", "raises")
    assert unread.push == "context"  # no feature rule reads an interest claim that is "for"


# -- casus serve: column widths, a short SQL box, canned queries ------------------------------------

@pytest.fixture(scope="module")
def serve_get(tmp_path_factory: pytest.TempPathFactory):
    import asyncio

    from casus.outputs.serve import make_datasette

    from .test_report import make_corpus_db

    ds = make_datasette(make_corpus_db(tmp_path_factory.mktemp("serve-daily")))
    loop = asyncio.new_event_loop()
    yield lambda path: loop.run_until_complete(ds.client.get(path))
    loop.close()


def test_serve_styles_sentence_columns_wide(serve_get) -> None:
    from lxml import html as lxml_html

    css = serve_get("/-/casus.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert "td.col-sentence" in css.text and "min-width: 28em" in css.text
    for path in ("/corpus/events_with_text", "/corpus/sentences", "/corpus/events_between?a=RUS&b=IRN"):
        doc = lxml_html.fromstring(serve_get(path).text)
        assert "/-/casus.css" in [link.get("href") for link in doc.cssselect("link[rel=stylesheet]")], path


@pytest.mark.parametrize("path", ["/corpus/events_with_text", "/corpus/claims_with_text",
                                  "/corpus/events_between?a=RUS&b=IRN", "/corpus/claims_for_pair?patron=RUS&client=IRN"])
def test_canned_queries_hide_their_sql_until_asked(serve_get, path: str) -> None:
    from lxml import html as lxml_html

    doc = lxml_html.fromstring(serve_get(path).text)
    assert not doc.cssselect("textarea#sql-editor, pre#sql-query"), "the SQL is not on the first screen"
    assert doc.cssselect("span.show-hide-sql a"), "a link shows it"


def test_events_between_two_actors_and_claims_for_a_pair(serve_get) -> None:
    rows = serve_get("/corpus/events_between.json?a=irn&b=RUS&_shape=array").json()
    assert rows and all({r["source"], r["target"]} == {"RUS", "IRN"} for r in rows)
    assert all(r["sentence"] for r in rows)
    claims = serve_get("/corpus/claims_for_pair.json?patron=RUS&client=IRN&_shape=array").json()
    assert claims and all(r["sentence"] and r["stance"] for r in claims)
    front = serve_get("/").text
    assert "/corpus/events_between?a=RUS&amp;b=IRN" in front and "/corpus/claims_for_pair?" in front


# -- corroborate without datasketch: exact prefix filtering finds every pair all-pairs finds -------

def _edited(seed: int, n: int) -> list[str]:
    import random

    from casus.run.bench import synthetic_sentences

    r = random.Random(seed)
    base = synthetic_sentences(n // 2, seed=seed)
    words = "alpha beta gamma delta strike treaty envoy border oil talks missile ally".split()
    out = []
    for s in base:
        out.append(s)
        w = s.split()
        for _ in range(r.choice([0, 1, 2, 4])):
            w[r.randrange(len(w))] = r.choice(words)
        if r.random() < 0.3:
            w = w + r.sample(words, r.randint(1, 6))  # a copy with a new tail (containment)
        if r.random() < 0.2:
            w = w[r.randint(0, 3):]  # or a quoted part
        out.append(" ".join(w))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("threshold", [0.5, 0.7, 0.9])
def test_prefix_filtering_clusters_exactly_as_all_pairs(seed: int, threshold: float) -> None:
    from casus.corroborate.clusters import cluster_sentences

    items = [(i, f"s{i % 7}", t) for i, t in enumerate(_edited(seed, 500))]
    exact = cluster_sentences(items, threshold, method="all")
    assert cluster_sentences(items, threshold, method="prefix") == exact
    assert len(set(exact.values())) < len(items), "the test data has near-duplicates"


def test_corroborate_never_imports_datasketch() -> None:
    import subprocess
    import sys

    code = ("import sys; from casus.corroborate.clusters import cluster_sentences; from casus.run.bench import synthetic_sentences; "
            "cluster_sentences([(i, 'a', t) for i, t in enumerate(synthetic_sentences(2000))]); "
            "print('datasketch' in sys.modules, 'scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]


# -- dependencies: declared = imported ------------------------------------------------------------

OPTIONAL_IMPORTS = {"spacy": "bench", "datasketch": "bench", "dask": "dask", "duckdb": "dask",
                    "distributed": "dask"}  # distributed comes with dask[distributed]
VIA = {"distributed": "dask"}
NOT_IMPORTED_BUT_NEEDED = {"lxml_html_clean"}  # trafilatura needs lxml.html.clean (see pyproject.toml)


def _imports(root: Path) -> set[str]:
    import ast
    import sys

    names: set[str] = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "casus"}


def _requirement_name(req: str) -> str:
    import re

    return re.split(r"[<>=!~\[;\s]", req, maxsplit=1)[0].lower().replace("_", "-")


def test_declared_dependencies_are_what_the_code_imports() -> None:
    from importlib.metadata import packages_distributions

    import tomllib

    root = Path(__file__).resolve().parents[1]
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_requirement_name(r) for r in project["dependencies"]}
    extras = {name: {_requirement_name(r) for r in reqs} for name, reqs in project["optional-dependencies"].items()}
    dists = packages_distributions()
    needed: set[str] = set()
    for module in _imports(root / "src" / "casus"):
        dist = {d.lower().replace("_", "-") for d in dists.get(module, [module])}
        if module in OPTIONAL_IMPORTS:
            want = dist | {VIA[module]} if module in VIA else dist
            assert want & extras[OPTIONAL_IMPORTS[module]], f"{module} belongs in the {OPTIONAL_IMPORTS[module]} extra"
            continue
        assert dist & declared, f"casus imports {module} ({', '.join(dist)}) but does not declare it"
        needed |= dist & declared
    unused = declared - needed - {n.replace("_", "-") for n in NOT_IMPORTED_BUT_NEEDED}
    assert not unused, f"declared but never imported: {unused}"
    assert "datasketch" not in declared


def test_the_report_inlines_the_vega_runtime_from_an_installed_package() -> None:
    from casus.outputs import report

    bundle = report.vega_bundle()
    assert "vegaEmbed" in bundle and len(bundle) > 500_000 and "</script" not in bundle.lower()


def test_a_shipped_fact_pushes_the_way_its_factor_weighs_on_direct_defence() -> None:
    """The flagship's treaty without a defence clause lowers P(direct): it must not read "raises"."""
    from casus.assess.answer import assess

    a = assess(None, "RUS", "IRN", attacker="ISR")
    commitment = next(f for f in a.factors if f.factor == "commitment")
    treaty = [e for e in commitment.evidence if e.kind == "knowledge" and "mutual-defence" in e.sentence]
    assert treaty and treaty[0].push == "lowers"
