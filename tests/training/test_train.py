"""Training pieces on a tiny model: storage with skops (vocabularies
compacted), refusal of models made by incompatible code, thresholds, rescaled scores, the corpus reader and the
lexicon baseline. Nothing here trains the full model."""

import json
import zipfile

import numpy as np
import pytest
import skops.io as sio
from sklearn.feature_extraction.text import CountVectorizer

from pipeline.evaluate.eval_directions import baseline
from pipeline.training import corpus, cv, model, storage
from pipeline.nlp.models import embedding
from pipeline.training.features import LemmaVectors, lemma_text, lemma_texts

# Lemma texts, as features.lemma_texts makes them, two per label.
TINY = [
    ("торговля экспорт зерно рост", {"economic"}),
    ("инвестиция завод экспорт торговля", {"economic"}),
    ("фестиваль культура концерт театр", {"cultural", "soft_power"}),
    ("культура язык фестиваль музей", {"cultural", "soft_power"}),
    ("студент университет обучение школа", {"educational", "soft_power"}),
    ("школа учитель студент спорт", {"educational", "soft_power"}),
    ("учёный лаборатория исследование технология", {"science_tech"}),
    ("исследование технология патент учёный", {"science_tech"}),
    ("река загрязнение вода заповедник", {"environmental"}),
    ("загрязнение воздух река климат", {"environmental"}),
    ("паводок спасатель пожар эвакуация", {"emergency"}),
    ("пожар паводок авария спасатель", {"emergency"}),
    ("губернатор аким соглашение визит", {"governance"}),
    ("соглашение делегация визит губернатор", {"governance"}),
    ("имидж дружба доверие сосед", {"soft_power"}),
    ("доверие имидж добрососедство дружба", {"soft_power"}),
]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    texts = [t for t, _ in TINY]
    Y = np.array([[label in labels for label in model.LABELS] for _, labels in TINY], dtype=int)
    path = tmp_path_factory.mktemp("model") / "tiny.skops"
    model.save(path, model.build_estimator().fit(texts, Y), [0.5] * len(model.LABELS), {"data_sha256": "tiny"})
    return path


def test_a_saved_model_loads_and_scores(tiny):
    loaded = model.load(tiny)
    S = model.scores(loaded, ["паводок и спасатель", "студент университет"])
    assert S.shape == (2, len(model.LABELS)) and ((0 <= S) & (S <= 1)).all()
    assert S[0].argmax() == model.LABELS.index("emergency")
    soft, edu = model.LABELS.index("soft_power"), model.LABELS.index("educational")
    assert S[1, soft] >= S[1, edu] >= 0.5


def vocabularies(estimator) -> list:
    return [part.vocabulary_ for part in storage.estimators(estimator) if hasattr(part, "vocabulary_")]


def test_vocabularies_are_stored_as_one_string_and_load_as_plain_ints(tmp_path):
    texts = [t for t, _ in TINY]
    Y = np.array([[label in labels for label in model.LABELS] for _, labels in TINY], dtype=int)
    fitted = model.build_estimator().fit(texts, Y)
    before = vocabularies(fitted)
    model.save(tmp_path / "m.skops", fitted, [0.5] * len(model.LABELS), {})
    assert vocabularies(fitted) == before and isinstance(before[1]["экс"], np.integer)  # left as it was
    # skops would write each numpy column number as a file of its own: here a few files in all
    assert len(zipfile.ZipFile(tmp_path / "m.skops").namelist()) < 50 < sum(map(len, before))
    loaded = model.load(tmp_path / "m.skops")
    after = vocabularies(loaded["estimator"])
    assert after == before and all(type(i) is int for v in after for i in v.values())
    probe = ["экспорт зерно и торговля", "паводок на реке"]
    assert np.array_equal(loaded["estimator"].predict_proba(probe), fitted.predict_proba(probe))


def test_only_vocabularies_numbered_from_0_without_gaps_are_compacted():
    gaps, plain = CountVectorizer(), CountVectorizer().fit(["река паводок"])
    gaps.vocabulary_ = {"река": 0, "паводок": 2}
    with storage.compacted([gaps, plain]):
        assert gaps.vocabulary_ == {"река": 0, "паводок": 2}
        assert json.loads(plain.vocabulary_) == ["паводок", "река"]
    assert plain.vocabulary_ == {"паводок": 0, "река": 1}


def test_a_model_from_other_feature_code_is_refused(tmp_path, tiny, monkeypatch):
    monkeypatch.setattr(model, "FEATURE_VERSION", "0-old")
    old = tmp_path / "old.skops"
    estimator = sio.load(tiny, trusted=sio.get_untrusted_types(file=tiny))["estimator"]
    model.save(old, estimator, [0.5] * len(model.LABELS), {})
    monkeypatch.undo()
    with pytest.raises(model.ModelError, match="feature code 0-old.*run `make train`"):
        model.load(old)


def test_a_model_from_another_scikit_learn_is_refused(tmp_path, tiny):
    loaded = sio.load(tiny, trusted=sio.get_untrusted_types(file=tiny))
    loaded["meta"]["sklearn"] = "0.24.2"
    sio.dump(loaded, tmp_path / "other.skops")
    with pytest.raises(model.ModelError, match="scikit-learn 0.24"):
        model.load(tmp_path / "other.skops")


def test_a_file_that_is_no_model_is_refused_clearly(tmp_path):
    broken = tmp_path / "broken.skops"
    broken.write_bytes(b"not a zip file")
    with pytest.raises(model.ModelError, match="cannot read the directions model"):
        model.load(broken)


def test_rescaled_scores_put_every_threshold_at_one_half():
    probs = np.array([[0.2, 0.7], [0.1, 0.9], [0.0, 1.0]])
    S = model.rescale(probs, np.array([0.2, 0.9]))
    assert S[0, 0] == pytest.approx(0.5) and S[1, 1] == pytest.approx(0.5)
    assert S[1, 0] == pytest.approx(0.25) and S[2, 0] == 0 and S[2, 1] == 1


def test_the_threshold_maximises_f1():
    y = np.array([1, 1, 1, 0, 0, 0], dtype=bool)
    probs = np.array([0.9, 0.4, 0.35, 0.3, 0.2, 0.1])
    assert 0.3 < cv.best_threshold(y, probs) <= 0.35


def test_featurisation_keeps_content_lemmas_and_negation(nlp):
    text = lemma_text(nlp("Соглашение не касается торговли с соседними областями."))
    assert text == "соглашение не касаться торговля соседний область"
    assert lemma_texts(["Соглашение не касается торговли с соседними областями."]) == [text]


@pytest.mark.parametrize("lemma,pos,text,expected", [
    ("Омск", "PROPN", "Омске", "омск"), ("COVID-19", "X", "COVID-19", "covid-19"), ("2017", "NOUN", "2017", None),
    ("не", "PART", "Не", "не"), ("в", "ADP", "в", None), (",", "PUNCT", ",", None), ("", "X", "", None),
    ("северо-западный", "ADJ", "северо-западной", "северо-западный"), ("№", "NOUN", "№", None)])
def test_a_content_word_keeps_its_lower_cased_lemma_if_it_has_a_letter(lemma, pos, text, expected):
    from pipeline.training.features import content_lemma
    assert content_lemma(lemma, pos, text) == expected


def test_the_corpus_reader_rejects_unknown_labels(tmp_path):
    rows = [{"id": "x1", "group": "x1", "text": "Текст.", "labels": ["tourism"], "register": "news"}]
    (tmp_path / "x.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    with pytest.raises(ValueError, match="tourism"):
        corpus.rows(tmp_path)


@pytest.mark.parametrize("text,expected", [
    ("охрана окружать среда бассейн", {"environmental"}),
    ("чрезвычайный ситуация", {"emergency"}),
    ("культурный обмен", {"cultural", "soft_power"}),
    ("теория международный отношение", set()),
])
def test_the_lexicon_baseline_matches_lemma_phrases(text, expected):
    row = baseline([text])[0]
    assert {label for label, v in zip(model.LABELS, row) if v} == expected


@pytest.mark.parametrize("text", ["паводок спасатель паводок", "губернатор qwerty аким", "хххъ", ""])
def test_text_vectors_are_navecs_averaged(text):
    emb = embedding()
    known = [emb[w] for w in text.split() if w in emb]
    expected = np.mean(known, axis=0) if known else np.zeros(emb.pq.dim)
    expected = expected / (np.linalg.norm(expected) or 1.0)
    assert np.array_equal(LemmaVectors().transform([text])[0], expected.astype(np.float32))


def test_texts_averaged_together_are_each_averaged_alone():
    texts = ["паводок спасатель паводок", "хххъ", "губернатор аким соглашение", "", "область"]
    emb = embedding()
    for text, row in zip(texts, LemmaVectors().transform(texts)):
        known = [emb[w] for w in text.split() if w in emb]
        mean = np.mean(known, axis=0) if known else np.zeros(emb.pq.dim, dtype=np.float32)
        assert np.array_equal(row, (mean / (np.linalg.norm(mean) or 1.0)).astype(np.float32))
