"""python -m pipeline.outputs.review OUT [--shots DIR]: write OUT/report/
again from the JSON in OUT; with --shots, also save screenshots of the
index, an article, the map and the network at desktop (1280 px) and phone
(390 px) width into DIR (headless Chromium), e.g. for docs/."""

import argparse
import sys
from pathlib import Path

from pipeline.outputs.review import build_site
from pipeline.run.store import MANIFEST

SHOTS = [("index.html", 1280), ("index.html", 390), ("map.html", 1280), ("network.html", 1280),
         ("actors.html", 1280), ("charts.html", 1280)]


def screenshots(report: Path, folder: Path, article) -> list:
    from pipeline.outputs.review.devtools import Chromium
    folder.mkdir(parents=True, exist_ok=True)
    shots = SHOTS + ([(f"articles/{article}.html", 1280), (f"articles/{article}.html", 390)] if article else [])
    written, errors = [], []
    with Chromium() as browser:
        for page, width in shots:
            browser.open(report / page, width=width, height=900 if width > 600 else 844)
            browser.settle(0.8)
            png = folder / f"review-{Path(page).stem if '/' not in page else 'article'}-{width}.png"
            browser.screenshot(png, full_page=page not in ("index.html", "actors.html"))  # a list: its first screen
            written.append(png)
        errors = browser.errors()
    return written + [f"console: {e}" for e in errors]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.outputs.review", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, metavar="OUT", help="the output folder of a run (holds manifest.json)")
    parser.add_argument("--shots", type=Path, help="folder for screenshots (headless Chromium)")
    parser.add_argument("--article", help="doc_id of the article to show (default: the first)")
    args = parser.parse_args(argv)
    if not (args.out / MANIFEST).is_file():  # never a new folder named after a mistyped argument
        print(f"{args.out}: not the output folder of a run (no {MANIFEST})", file=sys.stderr)
        return 2
    build = build_site(args.out)
    print(build.index, f"({len(build.written)} pages written, {build.kept} unchanged)")
    if args.shots:
        article = args.article or next((p.stem for p in sorted(build.index.parent.glob("articles/*.html"))), None)
        print(*screenshots(build.index.parent, args.shots, article), sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
