"""The Dask backend on a local cluster (loopback, in this process) writes
exactly what the local backend writes."""

import pytest

from test_runner import corpus, snapshot

distributed = pytest.importorskip("distributed")


def test_dask_outputs_equal_the_local_backend(tmp_path):
    from pipeline.run.runner import run
    src = corpus(tmp_path / "in", count=4)
    run([src], tmp_path / "local", workers=1)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  protocol="tcp://", host="127.0.0.1", dashboard_address=None) as cluster:
        manifest = run([src], tmp_path / "dask", backend="dask", scheduler=cluster.scheduler_address)
    assert manifest["backend"] == "dask" and manifest["counts"]["ok"] == 4
    assert snapshot(tmp_path / "dask") == snapshot(tmp_path / "local")
