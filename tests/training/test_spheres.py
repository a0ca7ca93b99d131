"""Sphere features and the cooperation cues: the lexicons' phrases found
among a text's n-grams, by first word."""

import numpy as np
import pytest

from pipeline.nlp.models import directions_model
from pipeline.training import units
from pipeline.training.labels import LABELS
from pipeline.training.spheres import LONGEST, Phrases, SphereFeatures, ngrams, states

LEXICON = (("economic", "торговля"), ("economic", "торгово-экономический связь"),
           ("cultural", "культурный обмен"), ("environmental", "охрана окружать среда"))
CUES = ("сотрудничество", "подписать соглашение")
# lemma texts as features.lemma_texts makes them
TEXTS = [
    "область развивать сотрудничество торговля",
    "культурный обмен студент",
    "обмен культурный",                                        # the words, not the phrase
    "подписать соглашение охрана окружать среда",
    "подписать договор соглашение",                          # a cue's words apart
    "торгово-экономический связь торговля торговля",
    "",
]


def test_features_name_the_spheres_and_the_cooperation_stated():
    X = SphereFeatures(LEXICON, CUES).transform(TEXTS)
    named, stated, coop, listed = X[:, :len(LABELS)], X[:, len(LABELS):2 * len(LABELS)], X[:, -2], X[:, -1]
    label = {name: LABELS.index(name) for name in ("economic", "cultural", "environmental")}
    assert named[0, label["economic"]] == stated[0, label["economic"]] == coop[0] == 1
    assert named[1, label["cultural"]] == 1 and stated[1].sum() == coop[1] == 0
    assert named[2].sum() == 0
    assert named[3, label["environmental"]] == stated[3, label["environmental"]] == coop[3] == 1
    assert coop[4] == 0 and named[5, label["economic"]] == 1 and named[5].sum() == 1
    assert X[6].sum() == 0 and listed[3] == 0.25


def test_lexicons_given_as_lists_give_the_same_features():
    as_lists = SphereFeatures([list(pair) for pair in LEXICON], list(CUES))
    assert np.array_equal(as_lists.transform(TEXTS), SphereFeatures(LEXICON, CUES).transform(TEXTS))


def test_phrases_found_by_first_word_are_the_ngrams_that_are_phrases():
    model = directions_model()
    spheres = dict(model["estimator"].named_steps["features"].transformer_list)["spheres"]
    lexicon = {p for _, p in spheres.spheres} | set(spheres.cues)
    long = "один два три четыре пять шесть"
    phrases = Phrases(lexicon | {long, "два три"})
    texts = TEXTS + [" ".join(sorted(lexicon)), " ".join(reversed(sorted(lexicon))), long, "ноль " + long]
    for text in texts:
        words = text.split()
        assert phrases.found(words) == ngrams(words) & (lexicon | {long, "два три"})
    assert len(long.split()) > LONGEST and long not in phrases.found(long.split())


@pytest.mark.parametrize("text,expected", [(TEXTS[0], True), (TEXTS[1], False), (TEXTS[3], True), (TEXTS[4], False)])
def test_a_unit_states_cooperation_by_its_cues(text, expected):
    assert states(text.split(), frozenset(CUES)) is expected
    unit = units.unit(np.zeros((1, len(LABELS))), [text], frozenset(CUES))
    assert unit.stated.tolist() == [float(expected)] and unit.words.tolist() == [len(text.split())]
