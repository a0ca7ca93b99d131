"""Write pipeline/data/keys/places.tsv: the keys and primary lemmas of every
word of the gazetteer's names, as pipeline/rules/name_index.py computes them,
so that a worker builds the place index without analysing ~7,000 words at
start-up. Rerun after changing the gazetteer or upgrading pymorphy3 (a table
made by another analyser is ignored, and a test says it is stale):
    make place-keys   (or: python tools/place_keys.py)
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's package, whichever is installed

from pipeline.rules.gazetteer import KNOWN, known_table  # noqa: E402

TARGET = ROOT.joinpath("pipeline", "data", *KNOWN)

if __name__ == "__main__":
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(known_table(), encoding="utf-8")
    print(f"wrote {TARGET}")
