"""`make eval`: scores of the pipeline against gold data, beside baselines."""

import json
from pathlib import Path


def load(path: Path) -> list:
    """A JSON Lines gold file: one record per non-empty line."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
