"""The annotated directions corpus: corpus/annotated/directions/*.jsonl, one
{"id", "group", "text", "labels", "register"} per line; `group` ties the
paraphrases of one sentence together so that no split separates them."""

import hashlib
import json
from pathlib import Path

import numpy as np

from .model import LABELS

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus" / "annotated" / "directions"


def files(folder: Path = CORPUS) -> list:
    return sorted(folder.glob("*.jsonl"))


def rows(folder: Path = CORPUS) -> list:
    out = [json.loads(line) for f in files(folder) for line in f.read_text(encoding="utf-8").splitlines()
           if line.strip()]
    for row in out:
        unknown = set(row["labels"]) - set(LABELS)
        if unknown:
            raise ValueError(f"{row['id']}: labels {unknown} are not in directions.md")
    return out


def matrix(items: list) -> np.ndarray:
    """One 0/1 column per label, in LABELS order."""
    return np.array([[label in r["labels"] for label in LABELS] for r in items], dtype=int)


def data_hash(folder: Path = CORPUS) -> str:
    """sha256 over the corpus files, in name order: the model card's data id."""
    digest = hashlib.sha256()
    for f in files(folder):
        digest.update(f.name.encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()
