import json
import subprocess
import sys

import pytest

# In a process of its own: warm_up limits threads and freezes the garbage
# collector for the rest of the process, which the test session must not inherit.
PROBE = """
import gc, json
from threadpoolctl import threadpool_info
from pipeline.run.backends import warm_up
walked = []  # the objects each collection's generations held when it started
gc.callbacks.append(lambda phase, info: phase == "start" and walked.append(
    sum(len(gc.get_objects(g)) for g in range(info["generation"] + 1))))
warm_up()
garbage = [[i] for i in range(30_000)]  # allocations after it: the collector runs again
print(json.dumps([[[p["internal_api"], p["num_threads"]] for p in threadpool_info()],
                  max(walked), gc.get_freeze_count(), gc.get_threshold()]))
"""


@pytest.fixture(scope="module")
def probe() -> list:
    """PROBE's findings, from one process for the three tests that read them (each loads every model)."""
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


@pytest.mark.slow
def test_a_warmed_worker_runs_one_thread_per_pool(probe):
    """BLAS and OpenMP loaded with the models (scipy's OpenBLAS, sklearn's
    OpenMP) are limited too: a worker is one core."""
    pools, _, _, _ = probe
    assert {api for api, _ in pools} >= {"openblas", "openmp"}
    assert {threads for _, threads in pools} == {1}


@pytest.mark.slow
def test_a_warmed_worker_never_walks_its_models(probe):
    """The loaded objects are frozen before the collector runs again: no
    collection, while loading or after it, walks them."""
    _, most_walked, frozen, _ = probe
    assert frozen > 100_000 and most_walked < frozen / 10  # a pass walks young objects only


@pytest.mark.slow
def test_a_warmed_worker_collects_less_often_than_python_does(probe):
    """A document's garbage, not every 700 allocations: the older generations
    hold the per-word caches, and walking them cost a sixth of a document."""
    from pipeline.run.backends import DOCUMENT_GC
    *_, thresholds = probe
    assert tuple(thresholds) == DOCUMENT_GC and DOCUMENT_GC[0] > 700


ONE_WORKER = """
import gc, json, sys
from threadpoolctl import threadpool_info
from pipeline.run.backends import local
from pipeline.run.task import Task
import numpy, scipy.linalg, sklearn.linear_model  # the pools a notebook has loaded
before = {p["internal_api"]: p["num_threads"] for p in threadpool_info()}, gc.get_threshold()
list(local([], 1))
after = {p["internal_api"]: p["num_threads"] for p in threadpool_info() if p["internal_api"] in before[0]}, \
    gc.get_threshold()
print(json.dumps([gc.get_freeze_count(), before == after, before]))
"""


def test_a_run_in_the_callers_own_process_gives_its_settings_back():
    """workers=1 from a notebook: the notebook keeps its threads and its collector."""
    out = subprocess.run([sys.executable, "-c", ONE_WORKER], capture_output=True, text=True, check=True).stdout
    frozen, same, before = json.loads(out.strip().splitlines()[-1])
    assert frozen == 0 and same, before


def tasks_of(sizes):
    from pipeline.run.task import Task
    return [Task(f"in/{i}.txt", str(i), b"\xd0\x9e" * (size // 2), "key") for i, size in enumerate(sizes)]


@pytest.mark.parametrize("sizes, size, max_bytes, expected", [
    ([100] * 9, 4, 1000, [[0, 1, 2, 3], [4, 5, 6, 7], [8]]),      # up to `size` a batch, in order
    ([100, 900, 100, 100], 4, 1000, [[0, 1], [2, 3]]),            # closed before its bytes pass the limit
    ([100, 5000, 100], 4, 1000, [[0], [1], [2]]),                 # a large file goes alone
    ([], 4, 1000, []),
])
def test_tasks_go_to_workers_in_batches(sizes, size, max_bytes, expected):
    from pipeline.run.backends import batches
    found = batches(tasks_of(sizes), size, max_bytes)
    assert [[int(task.doc_id) for task in batch] for batch in found] == expected
