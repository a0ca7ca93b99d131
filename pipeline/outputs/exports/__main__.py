"""python -m pipeline.exports OUT: write OUT/exports/ again from the JSON in OUT."""

import sys

from pipeline.outputs.exports import write_exports

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(write_exports(sys.argv[1]))
