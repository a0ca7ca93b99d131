"""The resources of the pipeline, each loaded once per process: natasha's
models (it ships its embeddings, morphology and NER weights inside the
package: nothing is downloaded), pymorphy3's analyser, natasha's date
grammar, the place gazetteer, the index of international organisations and
the directions model. These are singletons, not caches: nothing is ever
evicted. The stages are handed theirs when the Language is built
(`pipeline.nlp.build`); rule helpers shared by several stages read theirs
here. Loaders import their library on first call, so importing this module
loads nothing."""

import os
from functools import lru_cache

from pipeline.nlp.model_files import model_file

DIRECTIONS_MODEL = model_file("directions.skops")
TIES_MODEL = model_file("ties.skops")


@lru_cache(maxsize=1)
def embedding():
    """natasha's news embedding (navec), without the tables only its word similarity reads."""
    from natasha.data import NEWS_EMBEDDING
    from pipeline.adapters.navec_vectors import load
    return load(NEWS_EMBEDDING)


@lru_cache(maxsize=1)
def morph_tagger():
    """natasha's morphology tagger, its word vocabulary the embedding's own (not a copy)."""
    from natasha import NewsMorphTagger
    from pipeline.adapters.slovnet_vocab import navec_words
    with navec_words(embedding()):
        return NewsMorphTagger(embedding())


@lru_cache(maxsize=1)
def ner_tagger():
    """natasha's NER tagger, its word vocabulary the embedding's own (not a copy)."""
    from natasha import NewsNERTagger
    from pipeline.adapters.slovnet_vocab import navec_words
    with navec_words(embedding()):
        return NewsNERTagger(embedding())


@lru_cache(maxsize=1)
def morph_words():
    from pipeline.adapters.slovnet_taggers import WordIds
    return WordIds.of(morph_tagger())


@lru_cache(maxsize=1)
def ner_words():
    from pipeline.adapters.slovnet_taggers import WordIds
    return WordIds.of(ner_tagger())


@lru_cache(maxsize=1)
def analyzer():
    """The one morphological analyser (pymorphy3), shared by cleaning,
    lemmatisation, entity normal forms and matching."""
    import pymorphy3
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=1)
def date_extractor():
    from pipeline.adapters.yargy_dates import dates_extractor
    return dates_extractor()


@lru_cache(maxsize=1)
def places():
    """The place gazetteer as a lemma index."""
    from pipeline.rules.gazetteer import load_places
    return load_places()


@lru_cache(maxsize=1)
def places_by_id() -> dict:
    from pipeline.rules.gazetteer import load_places_by_id
    return load_places_by_id()


@lru_cache(maxsize=1)
def ties_model() -> dict:
    """The committed ties model (or PARADIPLOMACY_TIES_MODEL), with its
    estimators' scoring as plain matrix products beside them."""
    from pipeline.adapters.sklearn_linear import Linear
    from pipeline.training.tie_model import load
    loaded = load(os.environ.get("PARADIPLOMACY_TIES_MODEL", TIES_MODEL))
    return loaded | {"scorers": {name: Linear(loaded[name]) for name in ("pairs", "types")}}


@lru_cache(maxsize=1)
def points() -> dict:
    from pipeline.rules.coordinates import load_points
    return load_points()


@lru_cache(maxsize=1)
def international():
    """The intergovernmental organisations of the lexicon, matched by lemma."""
    from pipeline.rules.kinds import load_international
    return load_international()


@lru_cache(maxsize=1)
def directions_model() -> dict:
    """The committed directions model (or PARADIPLOMACY_DIRECTIONS_MODEL),
    its character n-grams counted word by word, with its estimators' scoring
    as plain matrix products beside them."""
    from pipeline.adapters.sklearn_linear import Affine, Linear
    from pipeline.adapters.sklearn_wordwise import wordwise
    from pipeline.training.model import load
    loaded = load(os.environ.get("PARADIPLOMACY_DIRECTIONS_MODEL", DIRECTIONS_MODEL))
    wordwise(loaded["estimator"])
    scorers = {"estimator": Linear(loaded["estimator"])}
    if "units" in loaded:
        scorers["units"] = Affine(loaded["units"])
    return loaded | {"scorers": scorers}
