"""Linear pipelines scored as matrix products give the library's probabilities:
the committed models, and small pipelines fitted here on Russian texts."""

import numpy as np
import pytest
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import StandardScaler

from pipeline.adapters.sklearn_linear import Affine, Linear, Unsupported
from pipeline.nlp.models import directions_model, ties_model
from pipeline.training.units import design

# lemma texts, as the directions stage gives them to its model
LEMMAS = [
    "соглашение торговля экспорт область",
    "паводок эвакуация спасатель мчс",
    "театр гастроль фестиваль казахский культура",
    "не связанный с торговля",
    "акимат павлодарский область омский правительство подписать меморандум",
    "",
]


def test_directions_sentence_model():
    model = directions_model()
    ours = model["scorers"]["estimator"].predict_proba(LEMMAS)
    assert ours.shape == (len(LEMMAS), 8)
    assert np.allclose(ours, model["estimator"].predict_proba(LEMMAS), rtol=0, atol=1e-12)


def test_directions_words_and_characters_scored_as_one_part_as_each_alone(monkeypatch):
    from pipeline.adapters import sklearn_linear
    from pipeline.adapters.sklearn_wordwise import Joined
    model = directions_model()
    joined = model["scorers"]["estimator"]
    assert [type(part).__name__ for part in joined.parts] == ["Joined", "LemmaVectors", "SphereFeatures"]
    assert isinstance(joined.parts[0], Joined) and len(joined.parts[0].parts) == 2
    monkeypatch.setattr(sklearn_linear, "joined", lambda parts, blocks: (parts, blocks))
    apart = Linear(model["estimator"])
    assert len(apart.parts) == 4
    assert np.array_equal(joined.decision(LEMMAS), apart.decision(LEMMAS))


def test_directions_unit_model():
    model = directions_model()
    F = np.random.default_rng(0).random((5, 8, 3))
    X = design(F)
    assert np.allclose(model["scorers"]["units"].predict_proba(X), model["units"].predict_proba(X),
                       rtol=0, atol=1e-12)


def pair_rows():
    return [{"trigger=подписать": 1, "between=2": 1.0, "kind_a=region": 1},
            {"trigger=визит": 1, "distance": 0.4},
            {"never_seen_feature": 3.0},
            {}]


@pytest.mark.parametrize("name", ["pairs", "types"])
def test_ties_models(name):
    model = ties_model()
    rows = pair_rows()
    assert np.allclose(model["scorers"][name].predict_proba(rows), model[name].predict_proba(rows),
                       rtol=0, atol=1e-12)


def test_ties_rows_the_library_transforms_score_as_the_library_does():
    """Rows sklearn_dicts leaves to DictVectorizer.transform (an iterable
    value; a name given twice) score as the library's own pipeline does."""
    model = ties_model()
    rows = [{"b:администрация": ["x"], "actors": "2"}, {"actors": "3", "actors=3": 1.0, "b:аграрный": 1}]
    for name in ("pairs", "types"):
        assert model["scorers"][name].parts[0].rows(rows[:1]) is None
        assert model["scorers"][name].parts[0].rows(rows[1:]) is None
        assert np.allclose(model["scorers"][name].predict_proba(rows), model[name].predict_proba(rows),
                           rtol=0, atol=1e-12)


TEXTS = ["Омская область и Павлодарская область подписали соглашение о торговле",
         "Спасатели Казахстана помогли при паводке в Оренбургской области",
         "В Омске прошли дни казахской культуры и фестиваль театров",
         "Губернатор провёл совещание по ремонту дорог",
         "Стороны обсудили экспорт зерна и поставки техники",
         "Студенты Омского университета поедут на стажировку в Астану"]
Y = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 0], [1, 0, 0], [0, 0, 1]])


def test_fitted_union_of_sparse_and_dense_parts():
    union = FeatureUnion([("words", TfidfVectorizer()), ("chars", TfidfVectorizer(analyzer="char_wb",
                                                                                  ngram_range=(2, 3)))])
    fitted = Pipeline([("features", union), ("classify", OneVsRestClassifier(LogisticRegression()))]).fit(TEXTS, Y)
    new = ["Соглашение о торговле подписали в Павлодаре", "Фестиваль в Омске"]
    assert np.allclose(Linear(fitted).predict_proba(new), fitted.predict_proba(new), rtol=0, atol=1e-12)


def test_binary_classifier_after_one_transformer():
    rows = [{"word": w} for w in ("соглашение", "визит", "паводок", "театр", "соглашение", "визит")]
    fitted = Pipeline([("features", DictVectorizer()), ("classify", LogisticRegression())]).fit(rows, Y[:, 0])
    assert np.allclose(Linear(fitted).predict_proba(rows), fitted.predict_proba(rows), rtol=0, atol=1e-12)


def test_scaled_binary_classifier():
    X = np.random.default_rng(1).normal(size=(40, 4))
    fitted = Pipeline([("scale", StandardScaler()), ("classify", LogisticRegression())]).fit(X, X[:, 0] > 0)
    assert np.allclose(Affine(fitted).predict_proba(X), fitted.predict_proba(X), rtol=0, atol=1e-12)
    assert np.array_equal(Affine(fitted).positive(X), Affine(fitted).predict_proba(X)[:, 1])


def test_other_shapes_are_refused():
    fitted = Pipeline([("features", TfidfVectorizer()),
                       ("classify", LogisticRegression())]).fit(TEXTS, [0, 1, 2, 0, 1, 2])  # three classes
    with pytest.raises(Unsupported):
        Linear(fitted)
