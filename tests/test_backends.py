from threadpoolctl import threadpool_info

from pipeline.backends import warm_up


def test_a_warmed_worker_runs_one_thread_per_pool():
    """BLAS and OpenMP loaded with the models (scipy's OpenBLAS, sklearn's
    OpenMP) are limited too: a worker is one core."""
    warm_up()
    pools = {(p["internal_api"], p["filepath"]): p["num_threads"] for p in threadpool_info()}
    assert {api for api, _ in pools} >= {"openblas", "openmp"}
    assert set(pools.values()) == {1}
