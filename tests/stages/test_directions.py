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
from pipeline.training import units
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
    assert len(loaded["thresholds"]) == len(LABELS) == len(loaded["unit_thresholds"]) == len(loaded["paragraph_thresholds"])


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


# Sentences that enumerate spheres as real agreements and press releases do:
# bare nouns, set phrases and the spec's Russian names of the directions.
ENUMERATIONS = [
    ("Стороны обсудили сотрудничество в сферах здравоохранения, спорта и инноваций.",
     {"educational", "science_tech", "soft_power"}),
    ("Губернатор и аким договорились развивать связи по линии АПК и молодёжной политики.",
     {"economic", "educational", "governance", "soft_power"}),
    ("Соглашение закрепляет торгово-экономическое и научно-техническое сотрудничество областей.",
     {"economic", "science_tech", "governance"}),
    ("Министерства двух регионов утвердили план взаимопомощи в ЧС на весенний период.", {"emergency"}),
]


@pytest.mark.parametrize("text,expected", ENUMERATIONS)
def test_each_sphere_of_a_list_carries_its_label(nlp, text, expected):
    assert expected <= set(labels_of(nlp, text))


def document(nlp, text: str):
    return nlp(clean(text).text)._.directions


# A memorandum listing five spheres, as a four-sentence news item and inside
# a forty-sentence article: the same directions, whatever the length.
MEMORANDUM = ("Правительство Курганской области и акимат Костанайской области подписали меморандум о "
              "сотрудничестве в сферах торговли, образования, науки, культуры и охраны окружающей среды.")
FIVE = {"economic", "educational", "science_tech", "cultural", "environmental", "soft_power"}
NEWS = ("Курган и Костанай подписали меморандум\n\nКурган, 3 апреля 2024 г. " + MEMORANDUM +
        " Документ подписан в ходе рабочей поездки делегации в Костанай. Срок действия меморандума — пять лет.")
BACKGROUND = [
    "Курганская область расположена на юге Западной Сибири и граничит с Казахстаном.",
    "Протяжённость её участка государственной границы превышает четыреста километров.",
    "Костанайская область занимает северо-запад Казахстана и по площади сопоставима с крупным европейским государством.",
    "Оба региона исторически складывались как земледельческие окраины.",
    "Население обеих областей в последние десятилетия сокращается.",
    "Административные центры связывает автомобильная дорога длиной около трёхсот километров.",
    "Климат здесь резко континентальный, с холодной зимой и жарким летом.",
    "Города региона основаны преимущественно в восемнадцатом и девятнадцатом веках.",
    "Исследователи обычно рассматривают такие пары регионов как единое приграничное пространство.",
    "Источниками для статьи послужили официальные сайты органов власти и региональная пресса.",
    "Хронологические рамки работы охватывают период с 2015 по 2024 год.",
    "Статья состоит из введения, трёх разделов и заключения.",
]
ARTICLE = "\n\n".join([" ".join(BACKGROUND), " ".join(BACKGROUND), MEMORANDUM + " " + " ".join(BACKGROUND[9:]),
                        " ".join(BACKGROUND[:6]), " ".join(BACKGROUND[6:])])


def test_a_memorandum_of_five_spheres_carries_them_in_a_short_item_and_a_long_article(nlp):
    short, long = document(nlp, NEWS), document(nlp, ARTICLE)
    assert len(short.sentences) == 4 and len(long.sentences) == 40
    assert FIVE <= {d.label for d in short.document}
    assert FIVE <= {d.label for d in long.document}


def test_a_typology_carries_no_direction(nlp):
    text = ("Международная активность субъектов федерации изучена неравномерно. Принято считать, что "
            "парадипломатия способна развиваться в нескольких направлениях: торговом, культурном, "
            "образовательном и экологическом. Какие из них реализуются на практике, зависит от полномочий региона.")
    assert document(nlp, text).document == []


def test_a_regions_budget_news_carries_no_direction(nlp):
    text = ("Омские депутаты приняли областной бюджет на 2026 год\n\nОмск, 18 декабря 2025 г. "
            "Законодательное собрание Омской области приняло во втором чтении закон об областном бюджете. "
            "Доходы запланированы в объёме 180 млрд рублей, расходы — 195 млрд рублей. "
            "Дефицит покроют за счёт бюджетных кредитов. Закон вступит в силу с 1 января.")
    assert document(nlp, text).document == []


def test_document_directions_keep_score_share_and_evidence_strongest_first(nlp):
    found = document(nlp, NEWS)
    by_label = {d.label: d for d in found.document}
    assert set(found.scores) == set(LABELS)
    assert {label for label, v in found.scores.items() if v >= 0.5} == set(by_label)
    for d in found.document:
        assert 0 < d.share <= 1 and d.evidence
        sentence_scores = [next((x.score for x in found.sentences[i] if x.label == d.label), 0) for i in d.evidence]
        assert sentence_scores == sorted(sentence_scores, reverse=True)


def test_a_one_sentence_paragraph_is_decided_like_its_sentence(nlp):
    text = "Паводок\n\nВесной талые воды подтопили сёла, и казахстанские спасатели помогали эвакуировать жителей."
    found = document(nlp, text)
    assert "emergency" in {d.label for d in found.paragraphs[1]}


def unit(rows: dict, n: int) -> units.Unit:
    """n neutral full sentences except the given {index: {label: score}}."""
    S = np.full((n, len(LABELS)), 0.05)
    for i, scores in rows.items():
        for label, score in scores.items():
            S[i, LABELS.index(label)] = score
    return units.Unit(S, np.full(n, 10), np.array([i in rows for i in range(n)], dtype=float))


def test_unit_features_do_not_depend_on_length():
    listing = {"economic": 0.9, "science_tech": 0.8, "cultural": 0.7}
    assert np.array_equal(units.features(unit({1: listing}, 4)), units.features(unit({20: listing}, 40)))


def test_fragments_neither_vote_nor_count():
    u = unit({0: {"economic": 0.9}}, 3)
    u.words[:] = [10, 1, 2]  # a heading cut into pieces
    assert units.counted(u).tolist() == [True, False, False]


def test_the_reference_article_carries_its_directions(nlp):
    text = shared_path("seeds", "000_ea802725e247adc2.txt").read_text(encoding="utf-8")
    found = {d.label for d in document(nlp, text).document}
    assert {"economic", "cultural", "science_tech", "environmental", "governance", "soft_power"} <= found


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


@pytest.mark.parametrize("text_in, expected", [
    ("Омская область и Павлодарская область подписали соглашение. Оно не касается торговли!",
     ["омский область павлодарский область подписать соглашение",
      "не касаться торговля"]),
    ("Делегация  акимата посетила Омск 12 марта 2024 г.\n\nОбсудили экспорт зерна.",
     ["делегация акимат посетить омск март г", "обсудить экспорт зерно"]),
])
def test_sentence_lemmas_are_the_lemma_texts_of_the_sentences(nlp, text_in, expected):
    from pipeline.nlp.tokenizer import sentences_of
    from pipeline.stages.directions import sentence_lemmas
    from pipeline.training.features import lemma_text
    doc = nlp(clean(text_in).text)
    sentences = sentences_of(doc)
    found = sentence_lemmas(doc, sentences)
    assert found == [lemma_text(doc.char_span(s.start, s.end, alignment_mode="expand")) for s in sentences]
    assert found == expected
