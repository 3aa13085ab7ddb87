"""Every command the README shows runs here, so a documented command cannot break unseen.

The commands are read from README.md itself: each line of a ```bash block and
each inline code span that starts with `casus`, `python -m casus`, `pytest` or
`pip`. Each must be listed below, either in COMMANDS (how to run it: in which
workspace, after which other commands, and what its output must show) or in
REFERENCES (a span that names a command, or one run elsewhere, with the reason).
A README line in neither fails `test_every_readme_command_is_listed`.

They run through click's CliRunner in a workspace folder (the README's relative
paths and its default `casus.db`), with these stand-ins: ARTICLES_DIR/ is a
folder of short articles written for this test, https://example.org/story.html
a page served from 127.0.0.1 (so `--allow-private` is added), 3f2a the prefix
of a stored document, FILE a file in the workspace, `a|b|c` each of a, b and c,
../shared/ the shared folder beside the repo (skipped when absent), and the
benchmark sizes (--docs, --sentences) small.
"""

from __future__ import annotations

import http.server
import json
import re
import shlex
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from casus.cli import main

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
README = ROOT / "README.md"
FIGURE = re.compile(r"\d+\.\d+")

ARTICLES = {
    "moscow-aid.txt": ("Moscow sends air defence to Tehran\nMarch 3, 2024\n\n"
                       "Russia delivered air defence systems to Iran on Monday, officials in Tehran said. "
                       "Iran thanked Russia for the support. Russia will not send troops to defend Iran, "
                       "a Kremlin spokesman said.\n\nShare this article on Facebook\n"),
    "talks.md": ("# Talks in the Gulf\n\nJune 2, 2025\n\n"
                 "Israel and Iran exchanged threats on Sunday. Russia condemned the Israeli strikes on Iran "
                 "and called for talks, the foreign ministry said.\n"),
}
PAGE = ("<html><head><title>Envoys meet</title></head><body><article><h1>Envoys meet</h1>"
        "<p>May 5, 2025</p><p>China and Pakistan signed a defence agreement in Beijing on Monday, "
        "the ministry said.</p></article></body></html>")


def readme_commands(text: str | None = None) -> list[str]:
    """The commands README.md shows, in order, `&&` chains split, duplicates once."""
    text = README.read_text(encoding="utf-8") if text is None else text
    found: list[str] = []
    for block in re.findall(r"```(?:bash|sh|console)\n(.*?)```", text, re.S):
        for line in block.splitlines():
            line = re.split(r"\s+#\s", line)[0].strip()
            if line:
                found.append(line)
    for span in re.findall(r"`([^`\n]+)`", text):
        if re.match(r"(casus(\s|$)|python -m casus|pytest(\s|$)|pip install\s)", span):
            found.append(span)
    out: list[str] = []
    for cmd in found:
        for part in (p.strip() for p in cmd.split("&&")):
            if part and part not in out:
                out.append(part)
    return out


# ---------------------------------------------------------------- workspaces


class _Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        body = PAGE.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def page_url() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/story.html"
    server.shutdown()


@dataclass
class Workspace:
    """A folder the README's commands run in, and the commands already run there."""

    path: Path
    page_url: str
    done: dict[str, list[object]] = field(default_factory=dict)
    by_args: dict[tuple[str, ...], object] = field(default_factory=dict)  # two README lines, one run

    def doc_prefix(self) -> str:
        from casus.store.database import Store

        with Store(self.path / "casus.db", readonly=True) as store:
            return next(iter(store.iter_documents()))["id"][:4]


@pytest.fixture(scope="module")
def workspaces(tmp_path_factory: pytest.TempPathFactory, page_url: str) -> dict[str, Workspace]:
    small = tmp_path_factory.mktemp("readme-small")
    (small / "ARTICLES_DIR").mkdir()
    for name, text in ARTICLES.items():
        (small / "ARTICLES_DIR" / name).write_text(text, encoding="utf-8")
    spaces = {name: Workspace(tmp_path_factory.mktemp(f"readme-{name}"), page_url) if name != "small"
              else Workspace(small, page_url) for name in ("small", "seeds", "dev", "fresh", "ankara")}
    (blocks,) = [re.findall(r"```markdown\n(.*?)```", README.read_text(encoding="utf-8"), re.S)]
    (spaces["ankara"].path / "ankara.md").write_text(blocks[0], encoding="utf-8")  # the README's example article
    return spaces


def _expand(cmd: str) -> list[str]:
    """`--format parquet|polecat|graphml` -> one command per alternative; `[--docs X]` -> without and with."""
    start = cmd.find(" [-")
    if start >= 0:  # the option ends at the first "]" that ends a word (it may hold a regex's [A-C])
        end = re.compile(r"\](?=\s|$)").search(cmd, start).end()  # type: ignore[union-attr]
        inner = cmd[start + 2:end - 1]
        return _expand(cmd[:start] + cmd[end:]) + _expand(cmd[:start] + " " + inner + cmd[end:])
    m = re.search(r"(\S+\|\S+)", cmd)
    if not m:
        return [cmd]
    return [c for alt in m.group(1).split("|") for c in _expand(cmd.replace(m.group(1), alt, 1))]


def _args(cmd: str, ws: Workspace) -> tuple[list[str], str | None]:
    """The command's argv after `casus`, with the stand-ins, and the file its stdout is redirected to."""
    argv = shlex.split(cmd)
    redirect = None
    if ">" in argv:
        k = argv.index(">")
        redirect, argv = argv[k + 1], argv[:k]
    out: list[str] = []
    fmt = argv[argv.index("--format") + 1] if "--format" in argv else None
    for i, a in enumerate(argv[1:], start=1):
        if a.startswith("../shared/"):
            if not SHARED.is_dir():
                pytest.skip(f"{SHARED} absent (the README's command reads it)")
            a = str(SHARED / a[len("../shared/"):])
        elif a == "ARTICLES_DIR/":
            a = str(ws.path / "ARTICLES_DIR")
        elif a == "https://example.org/story.html":
            a = ws.page_url
            out.append("--allow-private")  # the stand-in page is on 127.0.0.1
        elif a == "3f2a":
            a = ws.doc_prefix()
        elif a == "FILE":
            a = f"out.{ {'polecat': 'jsonl'}.get(fmt or '', fmt)}"
        elif argv[1] == "bench" and argv[i - 1] == "--docs":
            a = "12"
        elif argv[1] == "bench" and argv[i - 1] == "--sentences":
            a = "2000"
        out.append(a)
    if out[:2] == ["bench", "code"] and "--sentences" not in out:
        out += ["--sentences", "2000"]
    return out, redirect


def run_readme(cmd: str, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Run one README command (each of its alternatives) in the workspace; the CliRunner results."""
    monkeypatch.chdir(ws.path)
    results: list[object] = []
    for one in _expand(cmd):
        if one.startswith("python -m "):
            proc = subprocess.run([sys.executable, *shlex.split(one)[1:]], capture_output=True, text=True,
                                  timeout=600, cwd=ROOT)
            assert proc.returncode == 0, proc.stdout + proc.stderr
            results.append(proc)
            continue
        args, redirect = _args(one, ws)
        if tuple(args) in ws.by_args and not redirect:  # e.g. `casus bench code` and its --sentences form
            results.append(ws.by_args[tuple(args)])
            continue
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        ws.by_args[tuple(args)] = result
        if redirect:
            (ws.path / redirect).write_text(result.stdout, encoding="utf-8")
        results.append(result)
    ws.done[cmd] = results
    return results


# ---------------------------------------------------------------- what each command must show


def ok(*needles: str, figure: bool = False, rc: int = 0) -> Callable[[Workspace, list[object]], None]:
    """Exit status `rc`, the needles in the output, and (figure=True) a decimal figure."""

    def check(ws: Workspace, results: list[object]) -> None:
        for r in results:
            text = getattr(r, "output", None) or (getattr(r, "stdout", "") + getattr(r, "stderr", ""))
            code = getattr(r, "exit_code", getattr(r, "returncode", None))
            assert code == rc, text
            for needle in needles:
                assert needle in text, (needle, text[-2000:])
            if figure:
                assert FIGURE.search(text), text[-2000:]

    return check


def files(*names: str) -> Callable[[Workspace, list[object]], None]:
    def check(ws: Workspace, results: list[object]) -> None:
        ok()(ws, results)
        for name in names:
            p = ws.path / name
            assert p.is_file() and p.stat().st_size > 0, name

    return check


def _shown_export(ws: Workspace, results: list[object]) -> None:
    """`casus export documents` after `casus ingest ankara.md` gives the record the README shows."""
    ok()(ws, results)
    (record,) = [json.loads(line) for line in results[0].stdout.splitlines()]  # type: ignore[attr-defined]
    shown = next(json.loads(b) for b in re.findall(r"```json\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
                 if '"ankara.md"' in b)
    assert {k: record.get(k) for k in shown} == shown


def served(ws: Workspace, results: list[object]) -> None:
    ok("casus serve: http://127.0.0.1:8001/")(ws, results)
    app = ws.done.get("_served_app")
    assert app, "uvicorn.run was given the app"


@dataclass(frozen=True)
class Spec:
    workspace: str  # small: ARTICLES_DIR ingested; seeds: ../shared seeds ingested; fresh: nothing (a new install)
    check: Callable[[Workspace, list[object]], None]
    after: tuple[str, ...] = ()  # README commands this one needs run first


INGEST_SMALL = "casus ingest ARTICLES_DIR/ https://example.org/story.html --db casus.db"
INGEST_SEEDS = "casus ingest ../shared/corpus/seeds"
INGEST_DEV = "casus ingest ../shared/corpus/dev"
INGEST_ANKARA = "casus ingest ankara.md"
TEMPLATE = "casus assess --scenario-template > case.json"

COMMANDS: dict[str, Spec] = {
    "casus assess Russia Iran --attacker Israel": Spec("fresh", ok("Will Russia defend Iran against Israel?", "%")),
    INGEST_SMALL: Spec("small", ok("3 new, 0 already known, 0 skipped")),
    "casus docs --db casus.db": Spec("small", ok("2024-03-03", "2025-06-02", "2025-05-05"), (INGEST_SMALL,)),
    "casus show 3f2a --junk --db casus.db": Spec("small", ok("id:", "--- junk removed ---"), (INGEST_SMALL,)),
    "casus events --source RUS --target IRN --type AID --since 2024-01": Spec(
        "small", ok("RUS", "AID", "IRN", "Russia delivered air"), (INGEST_SMALL,)),
    "casus assess Russia Iran --attacker Israel --as-of 2025-06-12": Spec(
        "small", ok("as of 2025-06-12", "Response ladder"), (INGEST_SMALL,)),
    TEMPLATE: Spec("small", files("case.json")),
    "casus assess --scenario case.json": Spec("small", ok("Scenario: RUS defending IRN against ISR"), (TEMPLATE,)),
    "casus backtest": Spec("fresh", ok("Brier", figure=True)),
    "casus export events --format csv -o events.csv": Spec("small", files("events.csv"), (INGEST_SMALL,)),
    "casus export events --format parquet|polecat|graphml -o FILE": Spec(
        "small", files("out.parquet", "out.jsonl", "out.graphml"), (INGEST_SMALL,)),
    "casus report Russia Iran --attacker Israel -o report.html": Spec("small", files("report.html"), (INGEST_SMALL,)),
    "casus serve --db casus.db": Spec("small", served, (INGEST_SMALL,)),
    # the lead is rewriting `casus eval events|claims` to agree with shared/tools/score.py: exit 0 and a figure
    "casus eval events ../shared/gold/seeds.events.jsonl": Spec("seeds", ok(figure=True), (INGEST_SEEDS,)),
    "casus eval claims ../shared/gold/seeds.claims.jsonl": Spec("seeds", ok(figure=True), (INGEST_SEEDS,)),
    INGEST_DEV: Spec("dev", ok("51 new, 0 already known")),
    "casus eval events ../shared/gold/dev.events.jsonl --docs '^dev-[A-C]'": Spec("dev", ok(figure=True), (INGEST_DEV,)),
    "casus eval events ../shared/gold/dev.events.jsonl [--docs '^dev-[A-C]']": Spec(
        "dev", ok(figure=True), (INGEST_DEV,)),
    "casus eval claims ../shared/gold/dev.claims.jsonl": Spec("dev", ok(figure=True), (INGEST_DEV,)),
    INGEST_ANKARA: Spec("ankara", ok("1 new, 0 already known, 0 skipped")),
    "casus export documents": Spec("ankara", lambda ws, rs: _shown_export(ws, rs), (INGEST_ANKARA,)),
    "casus export events": Spec("ankara", ok('"event": "CONSULT"', '"event": "AGREE"', '"2026-03-03"'),
                                (INGEST_ANKARA,)),
    INGEST_SEEDS: Spec("seeds", ok("5 new, 0 already known, 0 skipped")),
    "casus eval junk ../shared/gold/seeds.junk.jsonl ../shared/corpus/seeds": Spec(
        "fresh", ok("ALL", "recall", figure=True)),
    "python -m casus.evaluate.segment": Spec("fresh", ok(figure=True)),
    "python -m casus.evaluate.events": Spec("fresh", ok(figure=True)),
    "casus bench ingest --docs 10000": Spec("fresh", ok("documents_per_s", "peak_rss_mb", figure=True)),
    "casus bench code": Spec("fresh", ok("coder_build", figure=True)),
    "casus bench code --corpus ../shared/corpus/dev --sentences 50000": Spec("fresh", ok("coder_build", figure=True)),
    "casus --version": Spec("fresh", ok("casus, version", "coder:")),
}

REFERENCES: dict[str, str] = {
    "casus eval": "names the command group",
    "pip install .": ".ci/run installs exactly this",
    'pip install ".[test]"': ".ci/run installs exactly this",
    "pytest": "this suite",
    "pytest tests/test_coder_other_dyads.py": "part of this suite",
    "casus ingest": "names the command",
    "casus ingest DEV20/ -j 2": "DEV20 is the dev set copied 20 times, made by hand for the measurement; ingest of a folder runs above",
    "casus report": "names the command",
    "casus events --since/--until": "names two options",
    "casus assess --scenario FILE": "names the option; `casus assess --scenario case.json` runs",
}


def test_every_readme_command_is_listed() -> None:
    unlisted = [c for c in readme_commands() if c not in COMMANDS and c not in REFERENCES]
    assert not unlisted, f"README shows {unlisted}: add each to COMMANDS (how to run it) or REFERENCES (why not)"


def test_the_lists_name_only_what_the_readme_shows() -> None:
    shown = set(readme_commands())
    stale = [c for c in [*COMMANDS, *REFERENCES] if c not in shown]
    assert not stale, f"no longer in the README: {stale}"


def test_readme_extraction() -> None:
    text = "```bash\ncasus a b  # note\nx && casus c\n```\nthen `casus d e` and `casus.mod`\n"
    assert readme_commands(text) == ["casus a b", "x", "casus c", "casus d e"]
    assert _expand("casus e x [--docs '^d-[A-C]'] -f a|b") == [
        "casus e x -f a", "casus e x -f b", "casus e x --docs '^d-[A-C]' -f a", "casus e x --docs '^d-[A-C]' -f b"]


def _run_with_prerequisites(cmd: str, workspaces: dict[str, Workspace], monkeypatch: pytest.MonkeyPatch) -> Workspace:
    spec = COMMANDS[cmd]
    ws = workspaces[spec.workspace]
    for before in spec.after:
        if before not in ws.done:
            _run_with_prerequisites(before, workspaces, monkeypatch)
    if cmd not in ws.done:
        run_readme(cmd, ws, monkeypatch)
    return ws


@pytest.mark.parametrize("cmd", [c for c in readme_commands() if c in COMMANDS])
def test_readme_command_runs(cmd: str, workspaces: dict[str, Workspace], monkeypatch: pytest.MonkeyPatch) -> None:
    if cmd == "casus serve --db casus.db":
        import uvicorn

        import casus.outputs.serve

        ws = workspaces["small"]
        monkeypatch.setattr(casus.outputs.serve, "check_port", lambda host, port: None)  # 8001 may be taken on this machine
        monkeypatch.setattr(uvicorn, "run", lambda app, **kw: ws.done.__setitem__("_served_app", [app]))
    ws = _run_with_prerequisites(cmd, workspaces, monkeypatch)
    COMMANDS[cmd].check(ws, ws.done[cmd])


def test_served_app_answers(workspaces: dict[str, Workspace], monkeypatch: pytest.MonkeyPatch) -> None:
    """The app `casus serve --db casus.db` hands to uvicorn serves the front page and an events query."""
    import asyncio

    import httpx

    test_readme_command_runs("casus serve --db casus.db", workspaces, monkeypatch)
    (app,) = workspaces["small"].done["_served_app"]
    monkeypatch.chdir(workspaces["small"].path)  # --db casus.db is relative, as the README has it

    async def get(path: str) -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1:8001") as c:
            return await c.get(path)

    assert asyncio.run(get("/")).status_code == 200
    rows = asyncio.run(get("/casus/events_with_text.json?_shape=array")).json()
    assert rows and all("sentence" in r for r in rows)


@pytest.mark.parametrize("block", [b for b in re.findall(r"```json\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
                                   if '"defense_pact"' in b])
def test_readme_scenario_examples_score(block: str, tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(block, encoding="utf-8")
    json.loads(block)
    result = CliRunner().invoke(main, ["assess", "--scenario", str(path)])
    assert result.exit_code == 0 and "Response ladder" in result.output, result.output
