"""python -m pipeline.outputs.review OUT [DOC_ID PNG]: write OUT/report/ again
from the JSON in OUT; with DOC_ID and PNG, also save a screenshot of that
article's page (headless Chromium), e.g. for docs/review.png."""

import argparse
import sys
from pathlib import Path

from pipeline.outputs.review import write_review
from pipeline.outputs.review.browser import screenshot
from pipeline.outputs.review.index import page_name
from pipeline.run.store import MANIFEST


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipeline.outputs.review",
                                description="Write OUT/report/ again from the JSON documents of a run in OUT.")
    p.add_argument("out", metavar="OUT", help="the output folder of a run (holds manifest.json)")
    p.add_argument("screenshot", nargs="*", metavar="DOC_ID PNG",
                   help="also save a screenshot of that article's page as PNG (headless Chromium)")
    return p


def main(argv=None) -> int:
    p = parser()
    args = p.parse_args(argv)
    if len(args.screenshot) not in (0, 2):
        p.error("a screenshot needs both DOC_ID and PNG")
    if not (Path(args.out) / MANIFEST).is_file():  # never a new folder named after a mistyped argument
        print(f"{args.out}: not the output folder of a run (no {MANIFEST})", file=sys.stderr)
        return 2
    index = write_review(args.out)
    print(index)
    if args.screenshot:
        doc_id, png = args.screenshot
        messages = screenshot(index.parent / page_name(doc_id), Path(png))
        print(png, *messages, sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
