"""The per-word caches: one registry, one budget, one clear()."""

import pytest

from pipeline.nlp import cache
from pipeline.text.clean import clean


def test_every_word_cache_is_in_the_registry_within_one_budget(nlp):
    nlp(clean("Акимат Павлодарской области 5 мая 2019 г. выделил 1,2 млрд тенге.").text)
    usage = cache.usage()
    for name in ("analyzer.parse", "lemmas.lemma_by_ids", "name_index.keys_of", "words.strings",
                 "slovnet_taggers.word_ids", "date_grammar.stretch_matches", "tokenizer.is_abbreviation"):
        assert usage[name][0] > 0, name  # the document filled it
    assert sum(size for _, size in usage.values()) <= cache.BUDGET
    assert all(held <= size for held, size in usage.values())


def test_clear_empties_every_cache_and_the_results_stay(nlp):
    text = clean("Правительство Омской области и акимат Павлодарской области подписали соглашение.").text
    before = [(e.text, e.normal, e.id, e.governs) for e in nlp(text)._.entities]
    cache.clear()
    assert all(held == 0 for held, _ in cache.usage().values())
    assert [(e.text, e.normal, e.id, e.governs) for e in nlp(text)._.entities] == before


def test_a_cache_beyond_the_budget_is_refused():
    with pytest.raises(cache.BudgetExceeded):
        cache.cached("test.too_big", cache.BUDGET)(lambda word: word)
    assert "test.too_big" not in cache.usage()
