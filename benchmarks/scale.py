"""The work of a run on a large corpus whose documents are already done:
time and peak memory of a first run over N articles whose outputs exist,
then of a rerun that changes nothing, then of a rerun after one article
changed. Not a timed test: `python benchmarks/scale.py [--sizes 3000 30000]`.

Extracting 30,000 articles would take hours, so the outputs are generated:
a few varied real articles (factRuEval dev texts, or corpus/raw) are
processed once, and each of the N inputs is one of them with a line of its
own added, its JSON the real output of its article with the input's
doc_id, path and sha256, and the current pipeline key. The runner then
finds every output current (reused, as on a real rerun) and does the rest
of its work for real: reuse checks, corpus.jsonl, exports, review site
(`--no-review` leaves the site out).

Each measured run is a process of its own (`runner.run`, 2 workers): its
wall time and peak resident memory (of the run's process and of any worker
it started) are reported, with the seconds of each part of the run's end."""

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's pipeline, not an installed one
# ../shared beside a checkout, or the project's shared folder
FACTRU = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.exists()), Path("shared")) \
    / "data" / "factru" / "dev.jsonl"
TEMPLATES = 24


def template_texts() -> list:
    if FACTRU.exists():
        lines = FACTRU.read_text(encoding="utf-8").splitlines()
        return [json.loads(line)["text"] for line in lines[:TEMPLATES]]
    from pipeline.ingest.sources import read_source
    return [read_source(p).text for p in sorted((ROOT / "corpus" / "raw").glob("*.txt"))]


def templates(work: Path) -> list:
    """The real outputs of a few varied articles (made once, then cached)."""
    cache = work / "templates"
    if not cache.exists():
        from pipeline.run.runner import run
        src = work / "template-inputs"
        src.mkdir(parents=True)
        for i, text in enumerate(template_texts()):
            (src / f"t{i:02}.txt").write_text(text, encoding="utf-8")
        run([src], cache, workers=2, progress=False)
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(cache.glob("t*.json"))]


def generate(work: Path, n: int) -> tuple:
    """N inputs and their current outputs; returns (input folder, output folder)."""
    from pipeline.run import ledger
    from pipeline.run.fingerprint import pipeline_key
    from pipeline.run.store import dumps
    inputs, out = work / f"in-{n}", work / f"out-{n}"
    if out.exists():
        return inputs, out
    docs, key = templates(work), pipeline_key()
    inputs.mkdir()
    out.mkdir()
    texts = {d["doc_id"]: (work / "template-inputs" / f"{d['doc_id']}.txt").read_text(encoding="utf-8") for d in docs}
    for i in range(n):
        doc = dict(docs[i % len(docs)])
        data = (texts[doc["doc_id"]] + f"\nМатериал {i}.\n").encode()
        path = inputs / f"article_{i:05}.txt"
        path.write_bytes(data)
        doc["doc_id"] = path.stem
        doc["source"] = {**doc["source"], "path": str(path), "sha256": hashlib.sha256(data).hexdigest()}
        doc["pipeline"] = {**doc["pipeline"], "key": key}
        (out / f"{path.stem}.json").write_text(dumps(doc), encoding="utf-8")
        ledger.record(out, [f"{path.stem}.json"], source=str(path))  # the run's own: it may reuse them
    return inputs, out


def measured_run(inputs: str, out: str, review: str) -> None:
    """In its own process: one run, the seconds of each part of its end printed as JSON."""
    from pipeline.run import runner
    seconds = {}
    if review != "review":
        runner.POST_RUN[:] = [w for w in runner.POST_RUN if getattr(w, "__name__", "") != "write_review"]

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                seconds[name] = round(seconds.get(name, 0) + time.perf_counter() - started, 2)
        wrapper.__name__ = getattr(fn, "__name__", name)
        return wrapper
    start = runner.start

    def documents(*args, **kwargs):
        """Seconds until the results are all in: reading and hashing inputs, reuse checks, models, extraction."""
        started = time.perf_counter()
        results = start(*args, **kwargs)
        try:
            while True:
                try:
                    result = next(results)
                except StopIteration:
                    return
                finally:
                    seconds["inputs and extraction"] = round(seconds.get("inputs and extraction", 0)
                                                             + time.perf_counter() - started, 2)
                yield result
                started = time.perf_counter()
        finally:
            results.close()  # the runner closes this one: its workers stop with it
    runner.start = documents
    runner.reusable = timed("reuse checks", runner.reusable)
    runner.write_corpus = timed("corpus.jsonl", runner.write_corpus)
    runner.POST_RUN[:] = [timed(getattr(w, "__name__", str(w)), w) for w in runner.POST_RUN]
    started = time.perf_counter()
    manifest = runner.run([inputs], out, workers=2, progress=False)
    seconds["total"] = round(time.perf_counter() - started, 2)
    worker_mb = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    print(json.dumps({"seconds": seconds, "reused": manifest["counts"]["reused"], "peak_mb": peak_mb(),
                      "worker_mb": worker_mb}))


def peak_mb() -> int:
    """This process's peak resident memory: the high-water mark of its own
    memory (ru_maxrss would carry over the parent's from before the exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def run_measured(inputs: Path, out: Path, review: bool) -> dict:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--measure", str(inputs), str(out), "review" if review else "-"],
                          cwd=ROOT,
                          capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall"] = round(wall, 2)
    return result


def change_one(inputs: Path) -> None:
    first = sorted(inputs.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nДобавлено при повторном запуске.\n", encoding="utf-8")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[3000, 30000])
    p.add_argument("--work", type=Path, default=None,
                   help="folder for the generated corpora (default: a temporary one)")
    p.add_argument("--no-review", dest="review", action="store_false",
                   help="leave the review site (OUT/report) out of the run's work")
    p.add_argument("--measure", nargs=3, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.measure:
        return measured_run(*args.measure)
    work = args.work or Path(tempfile.mkdtemp(prefix="scale-"))
    print(f"corpora in {work}")
    print("| articles | run | wall s | of which start-up s | runner.run s | peak MB: run / worker "
          "| seconds of its parts |")
    print("|---:|---|---:|---:|---:|---:|---|")
    for n in args.sizes:
        inputs, out = generate(work, n)
        size = sum(p.stat().st_size for p in out.glob("*.json")) / 2**20
        for name in ("first run (outputs exist, nothing derived yet)", "no-op rerun", "rerun, one article changed"):
            if name.startswith("rerun, one"):
                change_one(inputs)
            r = run_measured(inputs, out, args.review)
            parts = ", ".join([f"{r['reused']:,} reused"]
                              + [f"{k} {v}" for k, v in r["seconds"].items() if k != "total"])
            startup = round(r["wall"] - r["seconds"]["total"], 1)
            print(f"| {n:,} ({size:,.0f} MB JSON) | {name} | {r['wall']} | {startup} | {r['seconds']['total']} "
                  f"| {r['peak_mb']} / {r['worker_mb'] or '–'} | {parts} |", flush=True)


if __name__ == "__main__":
    main()
