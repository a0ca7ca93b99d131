"""Command line: a thin layer over plain functions. Every refusal is one
line on stderr (a bad option, an unusable OUT, a path that does not exist),
never a traceback."""

import argparse
import math
import sys

from pipeline.commands import Parser
from pipeline.ingest.containers import Unpacking
from pipeline.run.backends import BACKENDS
from pipeline.run.task import Limits

DEFAULTS = Limits()
MAX_MEMORY_MB = 4096  # per worker process; the loaded models take ~0.5 GB of it (measured)


def number(kind, low, strict=False, what="a number"):
    """An argparse type: a finite `kind` >= low (> low when strict)."""
    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
        if value < low or (strict and value == low):
            raise argparse.ArgumentTypeError(f"{text!r} must be {'over' if strict else 'at least'} {low:g}")
        return value
    return parse


def parser() -> argparse.ArgumentParser:
    p = Parser(prog="python -m pipeline", description="Russian-language text mining for paradiplomacy research.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=Parser)
    ex = sub.add_parser("extract", help="process articles into contract JSON",
                        description="Process every article (.txt .md .html .htm .docx .pdf .odt .rtf) in the "
                                    "given files and folders: one JSON per article in OUT, plus corpus.jsonl, "
                                    "manifest.json, report/ and exports/. Outputs whose source and pipeline are "
                                    "unchanged are kept; nothing else in OUT is touched; outputs of inputs not "
                                    "given this time are kept unless --prune is given.")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (searched recursively)")
    ex.add_argument("--out", default="outputs", metavar="DIR", help="output folder (default: outputs)")
    ex.add_argument("--workers", type=number(int, 1, what="a whole number"), default=None, metavar="N",
                    help="worker processes (default: all cores); outputs are the same for any N")
    ex.add_argument("--force", action="store_true", help="process every input again, even if unchanged")
    ex.add_argument("--prune", action="store_true",
                    help="remove the outputs of inputs not given this time (kept by default)")
    ex.add_argument("--backend", choices=sorted(BACKENDS), default="local",
                    help="local processes (default) or a Dask distributed cluster")
    ex.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    ex.add_argument("--timeout", type=number(float, 0), default=DEFAULTS.seconds, metavar="SECONDS",
                    help=f"time limit per document (default: {DEFAULTS.seconds:g}; 0: none)")
    ex.add_argument("--max-mb", type=number(float, 0, strict=True), default=DEFAULTS.max_bytes / 2**20,
                    metavar="MB", help=f"size limit per file (default: {DEFAULTS.max_bytes / 2**20:g})")
    ex.add_argument("--max-unpacked-mb", type=number(float, 0, strict=True),
                    default=DEFAULTS.unpacking.max_bytes / 2**20, metavar="MB",
                    help="what a .docx, .odt or a PDF's streams may expand to, checked before reading "
                         f"(default: {DEFAULTS.unpacking.max_bytes / 2**20:g})")
    ex.add_argument("--max-chars", type=number(int, 1, what="a whole number"), default=DEFAULTS.max_chars,
                    metavar="N", help=f"limit on a document's extracted text (default: {DEFAULTS.max_chars:,})")
    ex.add_argument("--max-memory", type=number(float, 0, strict=True), default=MAX_MEMORY_MB, metavar="MB",
                    help="a worker process whose memory passes this is replaced, and only the document it "
                         f"held fails (default: {MAX_MEMORY_MB})")
    return p


def main(argv=None) -> int:
    p = parser()
    args = p.parse_args(argv)
    if args.backend == "dask" and not args.scheduler:
        p.error("--backend dask needs --scheduler ADDRESS")
    from pipeline.run.runner import Interrupted, RunError, run  # after the options are checked: --help is instant
    unpacking = Unpacking(max_bytes=int(args.max_unpacked_mb * 2**20))
    limits = Limits(int(args.max_mb * 2**20), args.max_chars, args.timeout, unpacking)
    try:
        manifest = run(args.paths, args.out, workers=args.workers, backend=args.backend,
                       scheduler=args.scheduler, force=args.force, limits=limits, prune=args.prune,
                       max_memory=int(args.max_memory * 2**20))
    except RunError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Interrupted as exc:
        print(exc, file=sys.stderr)
        return 130
    except KeyboardInterrupt:  # before the first document, or while the report is written
        print("interrupted; run the same command again to resume", file=sys.stderr)
        return 130
    print(summary(manifest, args.out), file=sys.stderr)
    return 1 if manifest["counts"]["failed"] else 0


def summary(manifest: dict, out: str) -> str:
    c = manifest["counts"]
    kept = (f"{c['kept']} kept from earlier runs (inputs not given; --prune removes them)" if c.get("kept")
            else f"{c.get('pruned', 0)} pruned")
    stale = f" ({c['stale']} keep their last good output)" if c.get("stale") else ""
    report = "" if manifest.get("post_run", {}).get("write_review") else f"; report: {out}/report/index.html"
    return (f"{c['ok']} of {c['inputs']} inputs ok in {out}: {c['added']} added, {c['reused']} unchanged, {kept}; "
            f"{c['failed']} failed{stale}, {c['skipped']} skipped (see {out}/manifest.json){report}")
