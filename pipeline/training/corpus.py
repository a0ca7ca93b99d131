"""The annotated directions corpus: corpus/annotated/directions/*.jsonl, one
{"id", "group", "text", "labels", "register"} per line; `group` ties the
paraphrases of one sentence together so that no split separates them."""

import hashlib
from collections import Counter
import json
from pathlib import Path

import numpy as np

from pipeline.training.model import LABELS

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


def stats(items: list) -> str:
    """The datasheet's tables (corpus/annotated/DIRECTIONS.md), as markdown."""
    Y, n = matrix(items), len(items)
    none = int((Y.sum(axis=1) == 0).sum())
    groups = Counter(i["group"] for i in items)
    lines = [f"{n} texts in {len(groups)} paraphrase groups ({sum(c > 1 for c in groups.values())} "
             f"with paraphrases, largest {max(groups.values())}); {none} without a label "
             f"({none / n:.1%}); {int(Y.sum())} labels, {Y.sum() / n:.2f} per text.", "",
             "| label | positives | share |", "|---|---|---|"]
    lines += [f"| {label} | {int(Y[:, j].sum())} | {Y[:, j].mean():.1%} |" for j, label in enumerate(LABELS)]
    lines += [f"| (none) | {none} | {none / n:.1%} |", "", "| register | texts |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in sorted(Counter(i["register"] for i in items).items())]
    lines += ["", "| labels per text | texts |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in sorted(Counter(int(s) for s in Y.sum(axis=1)).items())]
    artefacts = sum("\t" in i["text"] or "-\n" in i["text"] for i in items)
    lines += ["", f"{artefacts} texts carry PDF artefacts (tabs between words, words hyphenated at line ends); "
              f"data sha256 `{data_hash()}`."]
    return "\n".join(lines)


if __name__ == "__main__":
    from pipeline.commands import no_arguments
    no_arguments("pipeline.training.corpus", __doc__)
    print(stats(rows()))
