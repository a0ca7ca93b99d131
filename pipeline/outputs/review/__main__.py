"""python -m pipeline.review OUT [DOC_ID PNG]: write OUT/report/ again from
the JSON in OUT; with DOC_ID and PNG, also save a screenshot of that article's
page (headless Chromium), e.g. for docs/review.png."""

import sys
from pathlib import Path

from pipeline.outputs.review import write_review
from pipeline.outputs.review.browser import screenshot
from pipeline.outputs.review.index import page_name


def main(argv) -> int:
    if len(argv) not in (1, 3):
        print(__doc__, file=sys.stderr)
        return 2
    index = write_review(argv[0])
    print(index)
    if len(argv) == 3:
        messages = screenshot(index.parent / page_name(argv[1]), Path(argv[2]))
        print(argv[2], *messages, sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
