"""`make train`: fit the directions model on the annotated corpus, choose
per-label thresholds by grouped cross-validation, and write
models/directions.skops with its model card models/directions.md.
Deterministic: fixed folds, fixed seeds, no shuffling."""

import datetime
import platform
import sys
from importlib.metadata import version
from pathlib import Path

from pipeline.nlp.model_files import models_dir
from pipeline.training import corpus

from pipeline.training import cv
from pipeline.training.features import FEATURE_VERSION, lemma_texts
from pipeline.training.model import LABELS, build_estimator, save

MODELS = models_dir()
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


def card(rows: dict, thresholds, items: list, data_hash: str) -> str:
    versions = "\n".join(f"| {lib} | {version(lib)} |" for lib in LIBRARIES)
    per_label = "\n".join(
        f"| {k} | {p:.3f} | {r:.3f} | {f:.3f} | {s} | {thresholds[LABELS.index(k)] if k in LABELS else '':} |"
        for k, (p, r, f, s) in rows.items())
    return f"""# Model card: directions classifier

`models/directions.skops` labels sentences with the directions of
`../shared/spec/directions.md`; `pipeline/directions.py` loads it (never trains).
Rebuild with `make train`.

- trained: {datetime.date.today().isoformat()}
- data: `corpus/annotated/directions/*.jsonl`, {len(items)} texts,
  {len({i['group'] for i in items})} paraphrase groups, sha256 `{data_hash}`
- features (feature code version {FEATURE_VERSION}): the pipeline's lemmas of content words;
  TF-IDF of lemma uni/bigrams and of lemma character 3-5-grams, plus the mean navec vector
- classifier: one logistic regression per label (liblinear, balanced classes, C=8) in one scikit-learn `Pipeline`
- thresholds: per label, the F1-best on {cv.FOLDS}-fold GroupKFold out-of-fold probabilities;
  scores are rescaled so that every threshold sits at 0.5; `soft_power` >= `cultural`, `educational`
- stores every {PROBE_EVERY}th corpus text with its lemma features; `tests/test_directions.py`
  re-featurises them and asks for `make train` when the pipeline's lemmas have changed
- refuses to load when the feature code version, scikit-learn minor version or label set differ

## Cross-validated quality ({cv.FOLDS}-fold GroupKFold, thresholds chosen inside each training fold)

| label | precision | recall | F1 | positives | threshold |
|---|---|---|---|---|---|
{per_label}

## Versions

| library | version |
|---|---|
| python | {platform.python_version()} |
{versions}
"""


def main(out: Path = MODELS) -> None:
    items = corpus.rows()
    Y, groups = corpus.matrix(items), [i["group"] for i in items]
    texts = lemma_texts([i["text"] for i in items])
    thresholds = cv.thresholds(Y, cv.oof_probs(texts, Y, groups))
    rows = cv.table(Y, cv.nested_predictions(texts, Y, groups), LABELS)
    estimator = slim(build_estimator().fit(texts, Y))
    data_hash = corpus.data_hash()
    out.mkdir(exist_ok=True)
    save(out / "directions.skops", estimator, thresholds,
         {"data_sha256": data_hash, "trained": datetime.date.today().isoformat(),
          "probe": probe(items, texts)})
    (out / "directions.md").write_text(card(rows, thresholds, items, data_hash), encoding="utf-8")
    print(f"wrote {out / 'directions.skops'} ({len(items)} texts); macro F1 {rows['macro'][2]:.3f}", file=sys.stderr)


if __name__ == "__main__":
    from pipeline.commands import no_arguments
    no_arguments("pipeline.training.train", __doc__)
    main()
