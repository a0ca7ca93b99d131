"""Where the documents are processed. A backend takes an iterable of Tasks
and yields their Results in any order; the runner writes them. Tasks are
pulled lazily and only a few per worker are in flight, so a corpus of any
size streams through in bounded memory.

    local   this machine: the run's own process (1 worker) or a pool of
            worker processes, each loading the models once
    dask    a Dask distributed cluster (`pip install '.[dask]'`)"""

import gc
import multiprocessing
import os
import signal
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from pipeline.run import memory
from pipeline.run.task import Result, Task, run_task

# Tasks sent to a pool's worker in one call. Each call costs the run's process
# ~0.8 ms of pickling and hand-offs between its threads (the executor's manager
# and queue feeder), taken from the workers' cores; a batch pays it once.
# Batches in flight per worker: one running, one waiting.
BATCH, BATCH_BYTES, BATCHES_IN_FLIGHT = 4, 1 << 20, 2
IN_FLIGHT = 4  # tasks queued per Dask worker thread: enough to keep it busy, few enough to stream
# The collector's thresholds while documents are processed. At Python's
# (700, 10, 10) it ran ~2 passes a document, and its older generations hold the
# per-word caches (millions of entries, filled after the models were frozen):
# 4 ms of a 24 ms varied article went to walking them. A document's own
# cyclic garbage is a few thousand objects, so memory hardly moves.
DOCUMENT_GC = (10_000, 10, 10)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def load_models() -> None:
    """Every model a task uses (the language identifier is loaded only by a
    text that is not plainly Russian: ingest/langid.py), then frozen out of
    the garbage collector's sight: it walked them in every full collection
    (~1 s per 300 articles). The collector waits meanwhile: loading makes
    millions of objects that all stay, and its passes over them took ~1 s of
    a start-up; and they are frozen before it runs again, whose first pass
    would walk them all (0.13 s; no collection before either: loading leaves
    no cyclic garbage, measured). A threshold of 0, not gc.disable: spaCy's
    msgpack reader enables the collector again. The caller gives the freeze
    back (gc.unfreeze) unless it is a worker."""
    from threadpoolctl import threadpool_limits
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        from pipeline.nlp.document import warm_up as load
        # One BLAS thread meanwhile: the warm-up's small products wait on
        # their threads' wake-up when split (the first layer's check of its
        # weights, 8 rows: 130 ms on 2 threads, 3 ms on one), and a worker
        # computes on one.
        with threadpool_limits(1):
            load()
        gc.freeze()
    finally:
        gc.set_threshold(*thresholds)


def warm_up() -> None:
    """Per worker process (the pool's initializer), and only there: every
    model loaded now rather than inside the first document and frozen out of
    the collector, then one BLAS/OpenMP thread (the workers are the
    parallelism; set after loading, as the limit reaches only the libraries
    loaded by then: sklearn's OpenMP and scipy's OpenBLAS come with the
    models), and the collector's thresholds for documents. Importing or
    building the pipeline sets none of these."""
    load_models()
    from threadpoolctl import threadpool_limits
    threadpool_limits(1)
    gc.set_threshold(*DOCUMENT_GC)


def in_this_process(tasks):
    """One worker: the run's own process, which may be a notebook's. It runs
    as a worker while the run lasts; its thread limits and collector are
    given back after."""
    from threadpoolctl import threadpool_limits
    load_models()
    thresholds = gc.get_threshold()
    gc.set_threshold(*DOCUMENT_GC)
    with threadpool_limits(1):
        try:
            yield from map(run_task, tasks)
        finally:
            gc.set_threshold(*thresholds)
            gc.unfreeze()  # the caller's garbage frozen with the models is collectable again


def runs_here(workers: int, max_memory: int = None) -> bool:
    """Does the local backend process the documents in the run's own process?"""
    return workers <= 1 and not max_memory


def local(tasks, workers: int, max_memory: int = None):
    """`max_memory` (bytes): a worker whose resident memory passes it is
    killed and replaced; the document it held fails, the run goes on. With
    one worker and no memory limit, the documents run in this process."""
    if runs_here(workers, max_memory):
        yield from in_this_process(tasks)
        return
    load_models()  # here, once: each worker forked from this process starts with the models loaded,
    # frozen (so its collections do not touch, and copy, the parent's pages); threads are worker_init's
    try:
        yield from _pools(tasks, workers, max_memory)
    finally:
        gc.unfreeze()  # this process may be a notebook's: its collector is given back


def _pools(tasks, workers: int, max_memory):
    """Pools until every task is done, a dead worker's suspects each in a pool of its own."""
    tasks, suspects = iter(tasks), []
    while True:
        # After a worker died, the tasks that were in flight are suspects: each
        # runs alone, so a second death is that task's own and fails it only.
        suspects = iter(suspects)
        while unfinished := (yield from _pool(alone(suspects), 1, 1, max_memory)):
            yield _crashed(unfinished[0], unfinished.reason)
        suspects = yield from _pool(batches(tasks), workers, workers * BATCHES_IN_FLIGHT, max_memory)
        if not suspects:
            return


def one_task(task: Task):
    """A single task in one worker process that loads the models itself: the
    run's process, which goes on to the work after the run, never holds them
    (a pool of several loads them here first, to share them with its workers)."""
    if (unfinished := (yield from _pool(alone([task]), 1, 1, None))):
        yield _crashed(task, unfinished.reason)


class Unfinished(list):
    """Tasks in flight when a worker died, and why it died."""
    reason = "error: the worker process died (out of memory, or a crash)"


def batches(tasks, size: int = BATCH, max_bytes: int = BATCH_BYTES):
    """Lists of up to `size` tasks in order, a batch closed early before its
    bytes pass `max_bytes` (a large file goes alone: it holds its worker long)."""
    batch, weight = [], 0
    for task in tasks:
        if batch and (len(batch) == size or weight + len(task.data) > max_bytes):
            yield batch
            batch, weight = [], 0
        batch.append(task)
        weight += len(task.data)
    if batch:
        yield batch


def alone(tasks):
    """Each task a batch of its own."""
    return ([task] for task in tasks)


def run_tasks(batch: list) -> list:
    return [run_task(task) for task in batch]


def _pool(work, workers: int, window: int, max_memory):
    """Run `work`, batches of tasks, in a pool of worker processes, at most `window`
    batches in flight, yielding results as each batch finishes. Returns an
    empty Unfinished when all are done, or the tasks in flight when a worker
    died and broke the pool."""
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=worker_init, initargs=(os.getpid(),))
    watch = memory.Watch(pool, max_memory)
    work, pending = iter(work), {}
    try:
        while True:
            while len(pending) < window and (batch := next(work, None)) is not None:
                pending[pool.submit(run_tasks, batch)] = batch
            if not pending:
                return Unfinished()
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                batch = pending.pop(future)
                try:
                    results = future.result()
                except BrokenProcessPool:
                    unfinished = Unfinished(batch + [task for other in pending.values() for task in other])
                    if watch.killed:
                        unfinished.reason = watch.killed
                    return unfinished
                yield from results
    finally:  # also on Ctrl-C or an error here: no worker outlives the pool
        watch.stop()
        memory.kill_workers(pool)
        pool.shutdown(wait=False, cancel_futures=True)


def worker_init(parent: int) -> None:
    """Per worker process: it dies with the run (it was left running, holding
    ~1 GB, when only the main process was killed), leaves Ctrl-C to the main
    process (which reports it once), then loads the models."""
    memory.die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()


def _crashed(task: Task, reason: str = Unfinished.reason) -> Result:
    return Result({"path": task.path, "doc_id": task.doc_id, "status": "failed", "reason": reason})


def dask(tasks, scheduler: str):
    """The same tasks on a Dask cluster. Workers import this package and load
    the models once per worker process; run them with one thread each
    (`dask worker ADDRESS --nthreads 1 --nworkers N`): the work is CPU-bound."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise SystemExit("the dask backend needs the extra: pip install '.[dask]'") from exc
    with Client(scheduler) as client:
        window = max(1, sum(client.nthreads().values())) * IN_FLIGHT
        tasks, running = iter(tasks), as_completed()
        owner = {}

        def top_up():
            while running.count() < window and (task := next(tasks, None)) is not None:
                future = client.submit(run_task, task, pure=False)
                owner[future.key] = task
                running.add(future)
        top_up()
        for future in running:
            task = owner.pop(future.key)
            try:
                yield future.result()
            except Exception as exc:  # a lost worker fails its documents, not the run
                yield _crashed(task, f"error: {type(exc).__name__}: {exc}")
            top_up()


BACKENDS = {"local": local, "dask": dask}
