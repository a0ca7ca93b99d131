"""Directions, in one run:
1. documents: the committed model (sentences, then the learnt document
   decision) on the dev split of corpus/annotated/documents/, which no rule or
   threshold was fitted on, per label and macro/micro, beside two baselines:
   "any sentence" (a document carries every label one of its sentences
   carries) and the keyword lexicon (pipeline/data/lexicon/direction_keywords.tsv)
   over the document's lemmas; then the same by document length;
2. sentences: 5-fold GroupKFold cross-validation of the sentence model on the
   directions corpus (paraphrase groups never split; thresholds chosen inside
   each training fold) beside the keyword lexicon on the same lemmas.
Exits 1 when the model does not beat the lexicon's sentence macro F1 by
MARGIN, or when on documents it does not beat both baselines it replaces."""

import sys
from collections import defaultdict

import numpy as np

from pipeline.rules.lexicon import data_lines
from pipeline.training import corpus, cv, documents, units
from pipeline.training.features import lemma_texts
from pipeline.training.model import IMPLY_SOFT_POWER, LABELS

MARGIN = 0.10
SHORT = 12  # sentences: a news item is at most this long, an article longer


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


def document_predictions(parsed: list) -> tuple:
    """(learnt decision, any-sentence rule, keyword lexicon) 0/1 per document and label."""
    from pipeline.nlp.models import directions_model
    from pipeline.stages.directions import cues_of, document_labels, sentence_scores
    model = directions_model()
    cues = cues_of(model)
    learnt, anyone = [], []
    for p in parsed:
        S = sentence_scores(model, p.lemmas)
        found = {d.label for d in document_labels(model, units.unit(S, p.lemmas, cues))[0]}
        learnt.append([label in found for label in LABELS])
        anyone.append((S >= 0.5).any(axis=0) if len(S) else np.zeros(len(LABELS), dtype=bool))
    lexicon = np.array([baseline(p.lemmas).any(axis=0) if p.lemmas else np.zeros(len(LABELS), dtype=int)
                        for p in parsed], dtype=int)
    return np.array(learnt, dtype=int), np.array(anyone, dtype=int), lexicon


def render_documents(Y, learnt, anyone, lexicon) -> str:
    tables = [cv.table(Y, pred, LABELS) for pred in (learnt, anyone, lexicon)]
    lines = ["| label | positives | model P | model R | model F1 | any-sentence F1 | lexicon F1 |",
             "|---|---|---|---|---|---|---|"]
    for key, (p, r, f, s) in tables[0].items():
        lines.append(f"| {key} | {s} | {p:.3f} | {r:.3f} | {f:.3f} | {tables[1][key][2]:.3f} "
                     f"| {tables[2][key][2]:.3f} |")
    return "\n".join(lines)


def render_lengths(Y, lengths, learnt, anyone, lexicon) -> str:
    lines = ["| documents | n | model macro | model micro | any-sentence macro / micro | lexicon macro / micro |",
             "|---|---|---|---|---|---|"]
    for name, keep in ((f"short (<= {SHORT} sentences)", lengths <= SHORT), (f"long (> {SHORT})", lengths > SHORT)):
        if not keep.any():
            continue
        t = [cv.table(Y[keep], pred[keep], LABELS) for pred in (learnt, anyone, lexicon)]
        lines.append(f"| {name} | {int(keep.sum())} | {t[0]['macro'][2]:.3f} | {t[0]['micro'][2]:.3f} | "
                     f"{t[1]['macro'][2]:.3f} / {t[1]['micro'][2]:.3f} "
                     f"| {t[2]['macro'][2]:.3f} / {t[2]['micro'][2]:.3f} |")
    return "\n".join(lines)


def evaluate_documents() -> float:
    """Prints the dev-split tables; returns the model's macro F1 minus the better baseline's."""
    dev = [d for d in documents.rows() if d["split"] == "dev"]
    parsed = documents.parse([d["text"] for d in dev])
    Y, lengths = documents.matrix(dev), np.array([len(p.lemmas) for p in parsed])
    learnt, anyone, lexicon = document_predictions(parsed)
    print(f"Directions, documents: {len(dev)} dev documents of corpus/annotated/documents/ "
          f"(never used in training), committed model\n")
    print(render_documents(Y, learnt, anyone, lexicon))
    print(f"\nBy length\n\n{render_lengths(Y, lengths, learnt, anyone, lexicon)}\n")
    macro = [cv.table(Y, pred, LABELS)["macro"][2] for pred in (learnt, anyone, lexicon)]
    return macro[0] - max(macro[1:])


def evaluate_sentences() -> float:
    items = corpus.rows()
    Y, groups = corpus.matrix(items), [i["group"] for i in items]
    texts = lemma_texts([i["text"] for i in items])
    model = cv.table(Y, cv.nested_predictions(texts, Y, groups), LABELS)
    base = cv.table(Y, baseline(texts), LABELS)
    print(f"Directions, sentences: {len(items)} texts, {len(set(groups))} paraphrase groups, "
          f"{cv.FOLDS}-fold GroupKFold (model) vs keyword lexicon (same lemmas)\n")
    print(render(model, base))
    gain = model["macro"][2] - base["macro"][2]
    print(f"\nmacro F1: model {model['macro'][2]:.3f}, lexicon {base['macro'][2]:.3f}, margin {gain:+.3f}")
    return gain


def main() -> int:
    documents_gain, sentences_gain = evaluate_documents(), evaluate_sentences()
    return 0 if documents_gain > 0 and sentences_gain >= MARGIN else 1


if __name__ == "__main__":
    from pipeline.commands import no_arguments
    no_arguments("pipeline.evaluate.eval_directions", __doc__)
    sys.exit(main())
