"""Command line: a thin layer over plain functions."""

import argparse
import sys

from .runner import run


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipeline",
                                description="Russian-language text mining for paradiplomacy research.")
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="process articles into contract JSON",
                        description="Process every article in the given files and folders: one JSON per "
                                    "article in OUT, plus corpus.jsonl and manifest.json.")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (searched recursively)")
    ex.add_argument("--out", default="outputs", metavar="DIR", help="output folder (default: outputs)")
    return p


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    manifest = run(args.paths, args.out)
    counts = manifest["counts"]
    print(f"{counts['ok']} of {counts['inputs']} documents written to {args.out}; "
          f"{counts['failed']} failed (see {args.out}/manifest.json)", file=sys.stderr)
    return 1 if counts["failed"] else 0
