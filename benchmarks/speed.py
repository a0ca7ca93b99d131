"""`make bench`: the pipeline's speed and memory against plain natasha
(segmentation + NER only), on two corpora, each measured in one run:

    varied       every text of corpus/annotated/documents/ (news, press
                 releases, academic prose, written for the project) and,
                 when ../shared is beside the checkout, the factRuEval-2016
                 dev texts (real news): short articles of distinct words,
                 as real corpora are
    six-sample   300 articles built from the six samples of corpus/raw,
                 their paragraphs reordered, dropped and borrowed: long
                 articles that repeat their words (caches pay off more)

Each configuration runs in its own process, so start-up and peak memory are
its own:

    natasha      natasha's Segmenter + NewsNERTagger, one process
    pipeline/1   the full pipeline (`runner.run`, outputs written), 1 worker
    pipeline/N   the same with every core

Throughput is the characters of the documents finished after the first one,
over the time from the first to the last finished (start-up and the first
document left out, whatever the number of workers); start-up is the seconds
from the process's start (interpreter, imports) until the models are loaded
and, with N workers, the pool is ready.

`--profile` prints where the pipeline's time goes instead (cProfile)."""

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.run.backends import default_workers
from pipeline.ingest.sources import read_source

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "raw"
DOCUMENTS = ROOT / "corpus" / "annotated" / "documents"
FACTRU = ROOT.parent / "shared" / "data" / "factru" / "dev.jsonl"
ARTICLES = 300


def varied_texts() -> list:
    """(name, text) of the project's annotated documents and, when present, the factRuEval dev texts."""
    lines = [line for path in sorted(DOCUMENTS.glob("*.jsonl")) for line in path.read_text("utf-8").splitlines()]
    if FACTRU.exists():
        lines += FACTRU.read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    return [(record["id"], record["text"]) for record in records]


def build_varied(folder: Path, count: int = None) -> Path:
    """Each text a file of its own, every `len // count`-th when `count` is less."""
    texts = varied_texts()
    step = max(1, len(texts) // count) if count else 1
    for i, (name, text) in enumerate(texts[::step][:count]):
        (folder / f"{i:04d}_{name}.txt").write_text(text, encoding="utf-8")
    return folder


def paragraphs_of(path: Path) -> list:
    return [p for p in read_source(path).text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def build_corpus(folder: Path, count: int = ARTICLES, seed: int = 5, samples_dir: Path = SAMPLES) -> Path:
    """`count` articles, each a sample with its paragraphs reordered, one left
    out and one borrowed from another sample: deterministic, all different."""
    samples = [(p.suffix, paragraphs_of(p)) for p in sorted(samples_dir.iterdir()) if p.is_file()]
    rng = random.Random(seed)
    for i in range(count):
        suffix, paras = samples[i % len(samples)]
        paras = paras[:1] + rng.sample(paras[1:], len(paras) - 1)  # the title stays first
        if len(paras) > 3:
            paras.pop(rng.randrange(1, len(paras)))
        borrowed = rng.choice(samples[(i + 1) % len(samples)][1])
        paras.insert(rng.randrange(1, len(paras) + 1), borrowed)
        (folder / f"article_{i:04d}{suffix}").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    return folder


def peak_mb(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def measure_natasha(folder: Path, started: float) -> dict:
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
    from threadpoolctl import threadpool_limits
    threadpool_limits(1)  # one core, as one pipeline worker has
    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    texts = [read_source(p).text for p in sorted(folder.iterdir())]
    ready = time.perf_counter()
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
    done = time.perf_counter()
    return {"startup": ready - started, "seconds": done - ready, "docs": len(texts),
            "chars": sum(map(len, texts)), "peak_mb": peak_mb(), "worker_peak_mb": peak_mb()}


def pool_startup(workers: int) -> float:
    """Seconds until a pool of warmed workers is ready: what `run` pays first,
    started as the local backend starts it (the models loaded here once, then
    the workers forked, each warmed)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from pipeline.run.backends import load_models, warm_up
    started = time.perf_counter()
    load_models()
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=warm_up) as pool:
        list(pool.map(time.sleep, [0.2] * workers))  # one task each, once warmed
    return time.perf_counter() - started - 0.2


def finished_times(backends) -> list:
    """(time, characters) of each document as the run receives it."""
    stamps, local = [], backends.BACKENDS["local"]

    def timed(*args, **kwargs):
        for result in local(*args, **kwargs):
            stamps.append((time.perf_counter(), result.entry.get("chars", 0)))
            yield result
    backends.BACKENDS["local"] = timed
    return stamps


def measure_pipeline(folder: Path, workers: int, started: float) -> dict:
    from pipeline.run import backends, runner
    runner.POST_RUN.clear()  # the documents only: exports and review are timed on their own
    if workers == 1:
        backends.load_models()  # in this process, as the local backend loads them for one worker
        startup = time.perf_counter() - started
    else:
        startup = time.perf_counter() - started + pool_startup(workers)
    stamps = finished_times(backends)
    with tempfile.TemporaryDirectory() as out:
        manifest = runner.run([folder], out, workers=workers, force=True, progress=False)
    (first, _), (last, _) = stamps[0], stamps[-1]
    worker_peak = peak_mb(resource.RUSAGE_CHILDREN) if workers > 1 else peak_mb()
    return {"startup": startup, "seconds": last - first, "docs": len(stamps) - 1,
            "chars": sum(chars for _, chars in stamps[1:]), "peak_mb": peak_mb(), "worker_peak_mb": worker_peak,
            "failed": manifest["counts"]["failed"]}


def measure(name: str, folder: Path) -> dict:
    """One configuration, in a fresh process (its own start-up and memory)."""
    command = [sys.executable, __file__, "--one", name, "--corpus", str(folder)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"{name} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def table(rows: dict) -> str:
    """docs and characters are those the throughput is measured on."""
    base = rows["natasha"]["chars"] / rows["natasha"]["seconds"]
    lines = ["| run | docs | docs/s | chars/s | vs natasha | start-up s | peak MB / process |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, r in rows.items():
        rate = r["chars"] / r["seconds"]
        lines.append(f"| {name} | {r['docs']} | {r['docs'] / r['seconds']:.1f} | {rate:,.0f} | "
                     f"{rate / base:.2f} | {r['startup']:.1f} | {r['worker_peak_mb']:.0f} |")
    return "\n".join(lines)


def profile(folder: Path, count: int = 30) -> None:
    import cProfile
    import pstats
    from pipeline.nlp.document import process
    from pipeline.run.backends import warm_up  # as a worker: models loaded and frozen out of the collector
    warm_up()
    sources = [read_source(p) for p in sorted(folder.iterdir())[:count]]
    profiler = cProfile.Profile()
    profiler.runcall(lambda: [process(s, "bench") for s in sources])
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)


CORPORA = {"varied": lambda folder, n: build_varied(folder, n), "six-sample": lambda folder, n: build_corpus(
    folder, n or ARTICLES)}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python benchmarks/speed.py", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus-kind", choices=[*CORPORA, "both"], default="both", help="which corpus (default: both)")
    p.add_argument("--articles", type=int, help=f"articles per corpus (default: every varied text; {ARTICLES} "
                                                "six-sample articles)")
    p.add_argument("--workers", type=int, default=default_workers(), help="'all workers' (default: all cores)")
    p.add_argument("--samples", type=Path, metavar="DIR",
                   help="build the six-sample corpus from this folder instead of corpus/raw")
    p.add_argument("--profile", action="store_true", help="profile the pipeline instead of timing it")
    p.add_argument("--one", help=argparse.SUPPRESS)
    p.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.one:
        started = time.perf_counter() - _since_process_start()
        name, _, workers = args.one.partition("/")
        row = measure_natasha(args.corpus, started) if name == "natasha" else \
            measure_pipeline(args.corpus, int(workers), started)
        print(json.dumps(row))
        return 0
    if args.samples:
        CORPORA["six-sample"] = lambda folder, n: build_corpus(folder, n or ARTICLES, samples_dir=args.samples)
    kinds = list(CORPORA) if args.corpus_kind == "both" else [args.corpus_kind]
    for kind in kinds:
        with tempfile.TemporaryDirectory() as tmp:
            folder = CORPORA[kind](Path(tmp), args.articles)
            if args.profile:
                profile(folder)
                continue
            names = ["natasha", "pipeline/1"] + ([f"pipeline/{args.workers}"] if args.workers > 1 else [])
            rows = {name: measure(name, folder) for name in names}
            texts = [read_source(f).text for f in sorted(folder.iterdir())]
        print(f"\n{kind}: {len(texts)} articles, {sum(map(len, texts)):,} characters "
              f"({sum(map(len, texts)) // len(texts):,} per article); {default_workers()} cores\n")
        print(table(rows))
    return 0


def _since_process_start() -> float:
    """Seconds this process has lived: start-up includes interpreter and imports."""
    import os
    ticks = os.sysconf("SC_CLK_TCK")
    start = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
    uptime = float(Path("/proc/uptime").read_text().split()[0])
    return uptime - start


if __name__ == "__main__":
    sys.exit(main())
