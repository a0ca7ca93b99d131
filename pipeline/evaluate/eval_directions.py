"""Directions: 5-fold GroupKFold cross-validation of the model on the
annotated corpus (paraphrase groups never split; thresholds chosen inside each
training fold) beside a keyword-lexicon baseline measured in the same run on
the same lemmas (pipeline/data/lexicon/direction_keywords.tsv). Exits 1 when
the model does not beat the baseline's macro F1 by MARGIN."""

import sys
from collections import defaultdict

import numpy as np

from pipeline.rules.lexicon import data_lines
from pipeline.training import corpus
from pipeline.training import cv
from pipeline.training.features import lemma_texts
from pipeline.training.model import IMPLY_SOFT_POWER, LABELS

MARGIN = 0.10


def keywords() -> dict:
    """label -> lemma tuples, from the lexicon file."""
    out = defaultdict(set)
    for line in data_lines("lexicon", "direction_keywords.tsv"):
        label, phrase = line.split("\t")[:2]
        out[label].add(tuple(phrase.split()))
    return out


def ngrams(words: list, longest: int = 3) -> set:
    return {tuple(words[i:i + n]) for n in range(1, longest + 1) for i in range(len(words) - n + 1)}


def baseline(texts: list) -> np.ndarray:
    """A label whenever one of its keywords occurs; cultural/educational imply soft_power."""
    lexicon = keywords()
    out = np.zeros((len(texts), len(LABELS)), dtype=int)
    for i, text in enumerate(texts):
        grams = ngrams(text.split())
        found = {label for label, phrases in lexicon.items() if grams & phrases}
        if found & set(IMPLY_SOFT_POWER):
            found.add("soft_power")
        out[i] = [label in found for label in LABELS]
    return out


def render(model: dict, base: dict) -> str:
    lines = ["| label | positives | model P | model R | model F1 | lexicon P | lexicon R | lexicon F1 |",
             "|---|---|---|---|---|---|---|---|"]
    for key, (p, r, f, s) in model.items():
        bp, br, bf, _ = base[key]
        lines.append(f"| {key} | {s} | {p:.3f} | {r:.3f} | {f:.3f} | {bp:.3f} | {br:.3f} | {bf:.3f} |")
    return "\n".join(lines)


def main() -> int:
    items = corpus.rows()
    Y, groups = corpus.matrix(items), [i["group"] for i in items]
    texts = lemma_texts([i["text"] for i in items])
    model = cv.table(Y, cv.nested_predictions(texts, Y, groups), LABELS)
    base = cv.table(Y, baseline(texts), LABELS)
    print(f"Directions: {len(items)} texts, {len(set(groups))} paraphrase groups, "
          f"{cv.FOLDS}-fold GroupKFold (model) vs keyword lexicon (same lemmas)\n")
    print(render(model, base))
    gain = model["macro"][2] - base["macro"][2]
    print(f"\nmacro F1: model {model['macro'][2]:.3f}, lexicon {base['macro'][2]:.3f}, margin {gain:+.3f}")
    return 0 if gain >= MARGIN else 1


if __name__ == "__main__":
    from pipeline.commands import no_arguments
    no_arguments("pipeline.evaluate.eval_directions", __doc__)
    sys.exit(main())
