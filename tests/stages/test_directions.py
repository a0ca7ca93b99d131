"""The directions stage: the committed model, sentence labels, paragraph and
document aggregation, and the contract of its output."""

import json
import subprocess
import sys

import numpy as np
import pytest

from conftest import shared_path
from pipeline.text.clean import clean
from pipeline.nlp.models import directions_model as model
from pipeline.stages.directions import document_labels, paragraph_labels
from pipeline.records import Sentence
from pipeline.run.runner import run
from pipeline.training.features import lemma_texts
from pipeline.training.model import LABELS
from pipeline.adapters.sklearn_wordwise import WordwiseChars

# (text, labels it must carry): sentences written for these tests.
SENTENCES = [
    ("Курганские предприятия нарастили поставки зерна и сельхозтехники в Северо-Казахстанскую область.", {"economic"}),
    ("На границе открылся новый логистический терминал, который сократит время оформления грузов.", {"economic"}),
    ("В Петропавловске прошли Дни татарской культуры с выставкой народных ремёсел и концертом.", {"cultural", "soft_power"}),
    ("Казахский национально-культурный центр в Кургане открыл курсы родного языка для взрослых.", {"cultural", "soft_power"}),
    ("Студенты Омского университета проходят семестр обучения в Павлодарском педагогическом университете.", {"educational", "soft_power"}),
    ("Юные хоккеисты Челябинска и Костаная сыграли товарищеский турнир на приз дружбы.", {"educational", "soft_power"}),
    ("Учёные Томска и Усть-Каменогорска запатентовали совместную технологию переработки цинковых отходов.", {"science_tech"}),
    ("Совместный инновационный центр займётся внедрением разработок в горнодобывающей отрасли.", {"science_tech"}),
    ("Сброс неочищенных стоков в Тобол угрожает рыбе и питьевой воде по обе стороны границы.", {"environmental"}),
    ("Стороны договорились расширить охраняемую природную территорию в пойме Урала.", {"environmental"}),
    ("Весной талые воды подтопили сёла, и казахстанские спасатели помогали эвакуировать жителей.", {"emergency"}),
    ("Пожарные расчёты двух областей вместе тушили степной пожар у границы.", {"emergency"}),
    ("Губернатор Оренбургской области и аким Актюбинской области подписали меморандум о сотрудничестве.", {"governance"}),
    ("Делегация правительства Алтайского края изучила опыт акимата в предоставлении государственных услуг.", {"governance"}),
    ("Регион стремится укрепить свой имидж надёжного и дружелюбного соседа.", {"soft_power"}),
    ("Публичная дипломатия городов формирует доверие между народами двух стран.", {"soft_power"}),
]
THEORY = [
    "Теория международных отношений рассматривает государство как главного участника мировой политики.",
    "Глобализация размывает границы между внутренней и внешней политикой.",
    "В условиях экономического кризиса исследователи по-новому оценивают роль государства.",
]


def labels_of(nlp, text: str) -> dict:
    found = nlp(clean(text).text)._.directions.sentences[0]
    return {d.label: d.score for d in found}


def test_the_committed_model_loads():
    loaded = model()
    assert loaded["meta"]["labels"] == list(LABELS)
    assert len(loaded["thresholds"]) == len(LABELS)


def test_the_model_was_trained_on_todays_lemmas():
    """The pipeline's lemmas are the model's features: when a lemma rule changes,
    the committed model must be retrained (`make train`)."""
    probe = model()["meta"]["probe"]
    changed = [t for t, f in zip(probe, lemma_texts(list(probe))) if f != probe[t]]
    assert not changed, f"{len(changed)} of {len(probe)} probe texts featurise differently: run `make train`"


@pytest.mark.parametrize("text,expected", SENTENCES)
def test_sentences_carry_their_directions(nlp, text, expected):
    found = labels_of(nlp, text)
    assert expected <= set(found), found
    assert all(0.5 <= s <= 1 for s in found.values())


def test_every_label_has_a_sentence():
    assert set().union(*(e for _, e in SENTENCES)) == set(LABELS)


@pytest.mark.parametrize("text", THEORY)
def test_general_theory_carries_no_label(nlp, text):
    assert labels_of(nlp, text) == {}


def matrix(rows: dict, n: int) -> np.ndarray:
    """n sentences with score 0.1 except the given {index: {label: score}}."""
    S = np.full((n, len(LABELS)), 0.1)
    for i, scores in rows.items():
        for label, score in scores.items():
            S[i, LABELS.index(label)] = score
    return S


def about(S: np.ndarray) -> list:
    """Document labels when every sentence is a full one (ten content words)."""
    return document_labels(S, np.full(len(S), 10))


def test_a_passing_mention_does_not_label_a_long_document():
    rows = {i: {"economic": 0.9} for i in range(12)} | {15: {"environmental": 0.8}}
    found = {d.label: d for d in about(matrix(rows, 30))}
    assert set(found) == {"economic"}
    assert found["economic"].evidence[0] in range(12) and len(found["economic"].evidence) == 12


def test_a_short_note_is_about_its_one_sentence():
    found = about(matrix({1: {"emergency": 0.7}}, 2))
    assert [(d.label, d.evidence) for d in found] == [("emergency", [1])]


def test_a_list_of_directions_counts_less_than_a_sentence_of_its_own():
    listing = {"economic": 0.9, "science_tech": 0.9, "environmental": 0.9, "cultural": 0.9, "soft_power": 0.9}
    own = {"science_tech": 0.6}
    listed_twice = {d.label for d in about(matrix({3: listing, 9: listing}, 40))}
    with_own = {d.label: d for d in about(matrix({3: listing, 9: own, 20: own}, 40))}
    assert "science_tech" not in listed_twice
    assert with_own["science_tech"].evidence == [9, 20, 3]  # own sentences before the list


def test_fragments_neither_vote_nor_raise_the_bar():
    rows = {0: {"economic": 0.9}, 1: {"economic": 0.9}, 5: {"cultural": 0.9}}
    S = matrix(rows, 60)
    words = np.array([12, 9, 8, 7, 6, 1] + [2] * 54)  # a heading, then a reference list in pieces
    assert [d.label for d in document_labels(S, words)] == ["economic"]
    assert [d.label for d in document_labels(S, np.full(60, 10))] == []  # 2 of 60 full sentences


def test_cultural_documents_are_soft_power():
    found = {d.label: d for d in about(matrix({0: {"cultural": 0.8}}, 3))}
    assert found["soft_power"].score >= found["cultural"].score


def test_a_paragraph_takes_the_labels_of_its_sentences():
    S = matrix({0: {"economic": 0.7}, 2: {"emergency": 0.9}}, 3)
    sentences = [Sentence(0, 5, 0), Sentence(6, 9, 0), Sentence(11, 20, 1)]
    paragraphs = paragraph_labels(S, sentences, 2)
    assert [[(d.label, round(d.score, 2)) for d in p] for p in paragraphs] == [[("economic", 0.7)], [("emergency", 0.9)]]


NOTE = ("Паводок в Приишимье\n\nВ Северо-Казахстанской области из-за половодья на Ишиме подтоплены "
        "десятки домов. Тюменская область направила соседям спасателей и насосы для откачки воды.")


@pytest.mark.shared
def test_run_output_passes_the_contract_checker(tmp_path):
    checker = shared_path("tools", "check_output.py")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "note.txt").write_text(NOTE, encoding="utf-8")
    run([tmp_path / "in"], tmp_path / "out", workers=1)
    result = subprocess.run([sys.executable, str(checker), str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    doc = json.loads((tmp_path / "out" / "note.json").read_text())
    assert [d["label"] for d in doc["directions"]][:1] == ["emergency"]


def test_the_stage_scores_with_word_by_word_chars():
    features = model()["estimator"].named_steps["features"]
    assert isinstance(dict(features.transformer_list)["chars"], WordwiseChars)
