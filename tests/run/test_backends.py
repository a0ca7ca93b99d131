import json
import subprocess
import sys

import pytest

# In a process of its own: warm_up limits threads and freezes the garbage
# collector for the rest of the process, which the test session must not inherit.
PROBE = """
import json
from threadpoolctl import threadpool_info
from pipeline.run.backends import warm_up
warm_up()
print(json.dumps([[p["internal_api"], p["num_threads"]] for p in threadpool_info()]))
"""


@pytest.mark.slow
def test_a_warmed_worker_runs_one_thread_per_pool():
    """BLAS and OpenMP loaded with the models (scipy's OpenBLAS, sklearn's
    OpenMP) are limited too: a worker is one core."""
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    pools = json.loads(out.strip().splitlines()[-1])
    assert {api for api, _ in pools} >= {"openblas", "openmp"}
    assert {threads for _, threads in pools} == {1}
