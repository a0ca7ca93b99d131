"""Command line: a thin layer over plain functions."""

import argparse
import sys

from pipeline.run.backends import BACKENDS
from pipeline.run.runner import run
from pipeline.run.task import Limits

DEFAULTS = Limits()


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipeline",
                                description="Russian-language text mining for paradiplomacy research.")
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="process articles into contract JSON",
                        description="Process every article (.txt .md .html .htm .docx .pdf .odt .rtf) in the "
                                    "given files and folders: one JSON per article in OUT, plus corpus.jsonl and "
                                    "manifest.json. Outputs whose source and pipeline are unchanged are kept; "
                                    "outputs of inputs no longer given are removed.")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (searched recursively)")
    ex.add_argument("--out", default="outputs", metavar="DIR", help="output folder (default: outputs)")
    ex.add_argument("--workers", type=int, default=None, metavar="N",
                    help="worker processes (default: all cores); outputs are the same for any N")
    ex.add_argument("--force", action="store_true", help="process every input again, even if unchanged")
    ex.add_argument("--backend", choices=sorted(BACKENDS), default="local",
                    help="local processes (default) or a Dask distributed cluster")
    ex.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    ex.add_argument("--timeout", type=float, default=DEFAULTS.seconds, metavar="SECONDS",
                    help=f"time limit per document (default: {DEFAULTS.seconds:g}; 0: none)")
    ex.add_argument("--max-mb", type=float, default=DEFAULTS.max_bytes / 2**20, metavar="MB",
                    help=f"size limit per file (default: {DEFAULTS.max_bytes / 2**20:g})")
    ex.add_argument("--max-chars", type=int, default=DEFAULTS.max_chars, metavar="N",
                    help=f"limit on a document's extracted text (default: {DEFAULTS.max_chars:,})")
    return p


def main(argv=None) -> int:
    p = parser()
    args = p.parse_args(argv)
    if args.backend == "dask" and not args.scheduler:
        p.error("--backend dask needs --scheduler ADDRESS")
    limits = Limits(int(args.max_mb * 2**20), args.max_chars, args.timeout)
    manifest = run(args.paths, args.out, workers=args.workers, backend=args.backend,
                   scheduler=args.scheduler, force=args.force, limits=limits)
    c = manifest["counts"]
    print(f"{c['ok']} of {c['inputs']} documents in {args.out} ({c['reused']} unchanged, kept); "
          f"{c['failed']} failed, {c['skipped']} skipped (see {args.out}/manifest.json)", file=sys.stderr)
    return 1 if c["failed"] else 0
