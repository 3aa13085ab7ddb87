"""The Dask engine on a LocalCluster: Parquet that DuckDB reads, and a store identical to one-process ingest."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("distributed", reason="the Dask engine needs the 'dask' extra")
pytest.importorskip("pyarrow", reason="the Dask engine needs the 'dask' extra")

from casus.cli import main  # noqa: E402
from casus.errors import CasusError  # noqa: E402
from casus.run.bench import write_corpus
from casus.store.tables import store_digest  # noqa: E402
from casus.run.distributed import ingest_to_parquet  # noqa: E402
from casus.run.ingest import ingest  # noqa: E402
from casus.run.load import load_parquet  # noqa: E402
from casus.store.database import Store  # noqa: E402

N_DOCS = 30


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, N_DOCS, seed=5)
    (folder / "copy.txt").write_text(next(folder.rglob("article_000002.txt")).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def parquet_out(corpus: Path, client: object, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pq") / "out"
    report = ingest_to_parquet([str(corpus)], out, scheduler=client, partition_docs=8)
    assert (len(report.new), len(report.skipped)) == (N_DOCS + 1, 1)  # the copy sits in another partition
    assert report.skipped[0].reason == "empty file"
    return out


def test_load_gives_the_same_store_as_local_ingest(corpus: Path, parquet_out: Path, tmp_path: Path) -> None:
    with Store(tmp_path / "local.db") as store:
        local = ingest(store, [str(corpus)], workers=1)
    with Store(tmp_path / "dask.db") as store:
        loaded = load_parquet(store, parquet_out)
    assert store_digest(tmp_path / "dask.db") == store_digest(tmp_path / "local.db")
    assert (loaded.new, loaded.known, loaded.skipped) == (local.new, local.known, local.skipped)
    with Store(tmp_path / "dask.db") as store:
        again = load_parquet(store, parquet_out)
    assert (len(again.new), len(again.known)) == (0, N_DOCS + 1)


def test_duckdb_reads_the_partitions(parquet_out: Path, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    with Store(tmp_path / "dask.db") as store:
        load_parquet(store, parquet_out)
        want = [tuple(r) for r in store.conn.execute(
            "SELECT source, event, count(*) FROM events GROUP BY 1, 2 ORDER BY 1, 2")]
        n_docs = store.counts()["documents"]
    # A document read in two partitions is in both: keep each document's first partition (README recipe).
    got = duckdb.sql(
        f"WITH e AS (SELECT * FROM read_parquet('{parquet_out}/events/*.parquet', filename = true)),"
        " first AS (SELECT doc_id, min(filename) AS f FROM e GROUP BY doc_id)"
        " SELECT source, event, count(*) FROM e JOIN first USING (doc_id) WHERE e.filename = first.f"
        " GROUP BY 1, 2 ORDER BY 1, 2")
    assert got.fetchall() == want
    joined = duckdb.sql(
        f"SELECT count(DISTINCT d.id) FROM '{parquet_out}/documents/*.parquet' d"
        f" JOIN '{parquet_out}/sentences/*.parquet' s ON s.doc_id = d.id").fetchall()
    assert joined == [(n_docs,)]


def test_cli_dask_engine_with_scheduler_address(corpus: Path, client: object, tmp_path: Path) -> None:
    address = client.scheduler.address  # type: ignore[attr-defined]
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(main, ["ingest", str(corpus), "--engine", "dask", "--scheduler", address, "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert f"{N_DOCS} new" in result.output and "empty file" in result.output
    loaded = runner.invoke(main, ["load", str(out), "--db", str(tmp_path / "a.db")])
    assert loaded.exit_code == 1 and f"{N_DOCS} new, 1 already known, 1 skipped" in loaded.output
    direct = runner.invoke(main, ["ingest", str(corpus), "--engine", "dask", "--scheduler", address,
                                  "--db", str(tmp_path / "b.db")])
    assert direct.exit_code == 1, direct.output
    assert store_digest(tmp_path / "a.db") == store_digest(tmp_path / "b.db")


@pytest.mark.parametrize("setup", ["missing", "unfinished"])
def test_load_refuses_an_unfinished_folder(tmp_path: Path, setup: str) -> None:
    folder = tmp_path / "out"
    if setup == "unfinished":
        (folder / "events").mkdir(parents=True)
    with Store(tmp_path / "c.db") as store, pytest.raises(CasusError, match="casus ingest --engine dask"):
        load_parquet(store, folder)


def test_out_folder_with_other_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep me")
    with pytest.raises(CasusError, match="not a casus Parquet folder"):
        ingest_to_parquet([str(tmp_path)], tmp_path)
    assert (tmp_path / "mine.txt").exists()
