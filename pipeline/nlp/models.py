"""Models loaded once per process. natasha ships its embeddings, morphology
and NER weights inside the package: nothing is downloaded."""

from functools import lru_cache

from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger

from pipeline.adapters.slovnet_taggers import WordIds


@lru_cache(maxsize=1)
def embedding() -> NewsEmbedding:
    return NewsEmbedding()


@lru_cache(maxsize=1)
def morph_tagger() -> NewsMorphTagger:
    return NewsMorphTagger(embedding())


@lru_cache(maxsize=1)
def ner_tagger() -> NewsNERTagger:
    return NewsNERTagger(embedding())


@lru_cache(maxsize=1)
def morph_words() -> WordIds:
    return WordIds(morph_tagger().infer.encoder)


@lru_cache(maxsize=1)
def ner_words() -> WordIds:
    return WordIds(ner_tagger().infer.encoder)
