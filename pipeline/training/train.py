"""`make train`: fit the directions model on the annotated corpus, choose
per-label thresholds by grouped cross-validation, and write
models/directions.skops with its model card models/directions.md.
Deterministic: fixed folds, fixed seeds, no shuffling."""

import datetime
import platform
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np

from pipeline.nlp.model_files import models_dir
from pipeline.training import corpus, cv, documents, units
from pipeline.training.features import FEATURE_VERSION, lemma_texts
from pipeline.training.model import LABELS, build_estimator, imply_soft_power, rescale, save
from pipeline.training.spheres import lexicons

MODELS = models_dir()
# Single texts of the directions corpus also train the unit decision, as
# one-sentence units (so that a one-sentence paragraph is decided like its
# sentence), with this weight beside each document of the document set.
SENTENCE_UNIT_WEIGHT = 0.1
PROBE_EVERY = 25  # every 25th corpus text is stored with its features, see probe()
LIBRARIES = ("scikit-learn", "skops", "numpy", "scipy", "natasha", "navec", "pymorphy3", "spacy")


def slim(estimator):
    """Drop the vectorisers' `stop_words_` (every rare n-gram): only needed
    for introspection, and most of the file's size."""
    for _, part in estimator.named_steps["features"].transformer_list:
        if hasattr(part, "stop_words_"):
            del part.stop_words_
    return estimator


def probe(items: list, texts: list) -> dict:
    """A sample of corpus texts with the lemma features the model was trained
    on: tests re-featurise them to catch a change in the pipeline's lemmas
    (which the model's features depend on) made after training."""
    return {items[i]["text"]: texts[i] for i in range(0, len(items), PROBE_EVERY)}


def quality(rows: dict, thresholds) -> str:
    return "\n".join(
        f"| {k} | {p:.3f} | {r:.3f} | {f:.3f} | {s} | {thresholds[LABELS.index(k)] if k in LABELS else '':} |"
        for k, (p, r, f, s) in rows.items())


def card(rows: dict, thresholds, items: list, data_hash: str, doc_rows: dict, unit_thresholds,
         n_docs: int, doc_hash: str) -> str:
    versions = "\n".join(f"| {lib} | {version(lib)} |" for lib in LIBRARIES)
    per_label, per_doc_label = quality(rows, thresholds), quality(doc_rows, unit_thresholds)
    return f"""# Model card: directions classifier

`models/directions.skops` labels sentences, paragraphs and documents with the
directions of `../shared/spec/directions.md`; `pipeline/stages/directions.py`
loads it (never trains). Rebuild with `make train`.

- trained: {datetime.date.today().isoformat()}
- data: `corpus/annotated/directions/*.jsonl`, {len(items)} texts,
  {len({i['group'] for i in items})} paraphrase groups, sha256 `{data_hash}`
- features (feature code version {FEATURE_VERSION}): the pipeline's lemmas of content words;
  TF-IDF of lemma uni/bigrams and of lemma character 3-5-grams, the mean navec vector, and
  sphere features (`pipeline/training/spheres.py`): per label, whether the text names one of its
  spheres (`pipeline/data/lexicon/spheres.tsv`), and whether it does so while stating cooperation
  (`pipeline/data/lexicon/cooperation_cues.txt`); both lexicons are lemmatised at training time
  and stored in the model
- classifier: one logistic regression per label (liblinear, balanced classes, C=8) in one scikit-learn `Pipeline`
- thresholds: per label, the F1-best on {cv.FOLDS}-fold GroupKFold out-of-fold probabilities;
  scores are rescaled so that every threshold sits at 0.5; `soft_power` >= `cultural`, `educational`
- paragraphs and documents (`pipeline/training/units.py`): one logistic regression over, per
  label, the best and second-best sentence score and the best score among sentences stating
  cooperation, with a bias per label; fitted on the {n_docs} train documents of
  `corpus/annotated/documents/` (sha256 `{doc_hash}`) plus the corpus texts as one-sentence units
  (weight {SENTENCE_UNIT_WEIGHT}, out-of-fold sentence scores); thresholds per label F1-best on
  5-fold out-of-fold probabilities of the train documents, rescaled to 0.5; paragraphs use thresholds
  F1-best on the corpus texts as one-sentence units. The dev split is never used here
- stores every {PROBE_EVERY}th corpus text with its lemma features; `tests/stages/test_directions.py`
  re-featurises them and asks for `make train` when the pipeline's lemmas have changed
- refuses to load when the feature code version, scikit-learn minor version or label set differ

## Sentences: {cv.FOLDS}-fold GroupKFold out-of-fold
(thresholds chosen on the same folds; `make eval` gives the nested figure)

| label | precision | recall | F1 | positives | threshold |
|---|---|---|---|---|---|
{per_label}

## Documents: train split, 5-fold out-of-fold (thresholds chosen on these folds; `make eval` reports the dev split)

| label | precision | recall | F1 | positives | threshold |
|---|---|---|---|---|---|
{per_doc_label}

## Versions

| library | version |
|---|---|
| python | {platform.python_version()} |
{versions}
"""


def sentence_scores(estimator, thresholds, texts: list) -> np.ndarray:
    if not texts:
        return np.zeros((0, len(LABELS)))
    return imply_soft_power(rescale(estimator.predict_proba(texts), thresholds))


def document_units(estimator, thresholds, parsed: list, cues: frozenset) -> list:
    return [units.unit(sentence_scores(estimator, thresholds, p.lemmas), p.lemmas, cues) for p in parsed]


def fit_units(doc_units: list, DY: np.ndarray, sentence_units: list, Y: np.ndarray):
    """The unit decision on the train documents plus the corpus texts as
    one-sentence units; thresholds per label from out-of-fold probabilities
    of the train documents. Returns (decision, thresholds, oof probabilities)."""
    F = np.array([units.features(u) for u in doc_units + sentence_units])
    labels = np.concatenate([DY, Y])
    weights = np.concatenate([np.ones(len(doc_units)), np.full(len(sentence_units), SENTENCE_UNIT_WEIGHT)])
    oof = units.oof(F, labels, weights)[:len(doc_units)]
    return units.fit(F, labels, weights), cv.thresholds(DY, oof), oof


def main(out: Path = MODELS) -> None:
    items = corpus.rows()
    Y, groups = corpus.matrix(items), [i["group"] for i in items]
    texts = lemma_texts([i["text"] for i in items])
    oof = cv.oof_probs(texts, Y, groups)
    thresholds = cv.thresholds(Y, oof)
    # Out-of-fold scores at thresholds chosen on them: a little optimistic, and
    # a sixth of the nested cross-validation's cost; `make eval` runs the nested one.
    rows = cv.table(Y, imply_soft_power(rescale(oof, thresholds)) >= 0.5, LABELS)
    estimator = slim(build_estimator().fit(texts, Y))
    cues = frozenset(lexicons()[1])
    # Documents: the train split only; the dev split is for `make eval`.
    train_docs = [d for d in documents.rows() if d["split"] == "train"]
    doc_units = document_units(estimator, thresholds, documents.parse([d["text"] for d in train_docs]), cues)
    oof_scores = imply_soft_power(rescale(oof, thresholds))
    sentence_units = [units.unit(oof_scores[i:i + 1], texts[i:i + 1], cues) for i in range(len(texts))]
    DY = documents.matrix(train_docs)
    decision, unit_thresholds, doc_oof = fit_units(doc_units, DY, sentence_units, Y)
    # Paragraphs are short: their thresholds are calibrated on the corpus texts
    # (paragraph-sized, labelled by what they speak of), as one-sentence units.
    paragraph_thresholds = cv.thresholds(Y, units.probabilities(
        decision, np.array([units.features(u) for u in sentence_units])))
    doc_rows = cv.table(DY, imply_soft_power(rescale(doc_oof, unit_thresholds)) >= 0.5, LABELS)
    data_hash = corpus.data_hash()
    doc_hash = corpus.data_hash(documents.DOCUMENTS)
    out.mkdir(exist_ok=True)
    save(out / "directions.skops", estimator, thresholds,
         {"data_sha256": data_hash, "documents_sha256": doc_hash, "trained": datetime.date.today().isoformat(),
          "probe": probe(items, texts)}, decision, unit_thresholds, paragraph_thresholds)
    (out / "directions.md").write_text(card(rows, thresholds, items, data_hash, doc_rows, unit_thresholds,
                                            len(train_docs), doc_hash), encoding="utf-8")
    print(f"wrote {out / 'directions.skops'} ({len(items)} texts, {len(train_docs)} train documents); "
          f"sentence macro F1 {rows['macro'][2]:.3f}, document (train, out-of-fold) {doc_rows['macro'][2]:.3f}",
          file=sys.stderr)


if __name__ == "__main__":
    from pipeline.commands import no_arguments
    no_arguments("pipeline.training.train", __doc__)
    main()
