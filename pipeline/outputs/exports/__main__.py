"""python -m pipeline.outputs.exports OUT: write OUT/exports/ again from the JSON in OUT."""

import argparse
import sys
from pathlib import Path

from pipeline.outputs.exports import write_exports
from pipeline.run.store import MANIFEST


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m pipeline.outputs.exports",
                                description="Write OUT/exports/ again from the JSON documents of a run in OUT.")
    p.add_argument("out", metavar="OUT", help="the output folder of a run (holds manifest.json)")
    args = p.parse_args(argv)
    if not (Path(args.out) / MANIFEST).is_file():
        print(f"{args.out}: not the output folder of a run (no {MANIFEST})", file=sys.stderr)
        return 2
    print(write_exports(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
