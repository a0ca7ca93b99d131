"""The annotated document set: corpus/annotated/documents/*.jsonl, one
{"id", "register", "split", "text", "directions", "ties"} per line (datasheet
corpus/annotated/DOCUMENTS.md). Each document is segmented and lemmatised by
the pipeline's own stages, so its sentences are the ones extraction sees."""

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.training.corpus import ROOT
from pipeline.training.model import LABELS

DOCUMENTS = ROOT / "corpus" / "annotated" / "documents"
SPLITS = ("train", "dev")


@dataclass
class Parsed:
    """A document as the directions stage sees it."""
    lemmas: list      # per sentence: its lemma text (features.lemma_text)
    paragraphs: list  # per sentence: its paragraph index


def rows(folder: Path = DOCUMENTS) -> list:
    out = []
    for f in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            unknown = set(row["directions"]) - set(LABELS)
            if unknown or row.get("split") not in SPLITS:
                raise ValueError(f"{f.name}:{n} ({row.get('id')}): labels {unknown or ''} "
                                 f"split {row.get('split')!r} do not follow the datasheet")
            out.append(row)
    return out


def matrix(items: list) -> np.ndarray:
    return np.array([[label in r["directions"] for label in LABELS] for r in items], dtype=int)


def parse(texts: list) -> list:
    """Sentences and their lemma texts, exactly as the directions stage makes them."""
    from pipeline.nlp.build import build
    from pipeline.stages.directions import sentence_lemmas
    from pipeline.nlp.tokenizer import sentences_of
    from pipeline.text.clean import clean
    nlp = build(["morphology", "lemmas"])
    out = []
    for doc in nlp.pipe(clean(t).text for t in texts):
        sentences = sentences_of(doc)
        out.append(Parsed(sentence_lemmas(doc, sentences), [s.paragraph for s in sentences]))
    return out


def stats(items: list) -> str:
    """The datasheet's tables (corpus/annotated/DOCUMENTS.md), as markdown."""
    from collections import Counter
    Y = matrix(items)
    splits = Counter((r["register"], r["split"]) for r in items)
    registers = sorted({r["register"] for r in items})
    lines = [f"{len(items)} documents; {int(Y.sum())} document labels; "
             f"{int((Y.sum(axis=1) == 0).sum())} documents without a label.", "",
             "| register | train | dev |", "|---|---|---|"]
    lines += [f"| {g} | {splits[g, 'train']} | {splits[g, 'dev']} |" for g in registers]
    lines += ["", "| label | train | dev |", "|---|---|---|"]
    for j, label in enumerate(LABELS):
        lines.append(f"| {label} | " + " | ".join(
            str(int(sum(Y[i, j] for i, r in enumerate(items) if r["split"] == s))) for s in SPLITS) + " |")
    lines += ["", "| sentences (pipeline's segmentation) | documents |", "|---|---|"]
    sizes = [len(p.lemmas) for p in parse([r["text"] for r in items])]
    for name, low, high in (("1-3", 1, 3), ("4-12", 4, 12), ("13-30", 13, 30), ("31+", 31, 10 ** 6)):
        lines.append(f"| {name} | {sum(low <= n <= high for n in sizes)} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(stats(rows()))
