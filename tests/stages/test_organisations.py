"""Organisations found by rule: quoted names with their legal form or type
word, nested quotes, international organisations, kinds."""

import pytest

from pipeline.text.clean import clean


def orgs(nlp, text):
    return [(e.text, e.kind) for e in nlp(clean(text).text)._.entities if e.label == "ORG"]


@pytest.mark.parametrize("text_in, expected", [
    ("Поставки ведёт ТОО «Степной Сокол» из Костаная.", ("ТОО «Степной Сокол»", "company")),
    ("Контракт получило АО «Иртыш Энерго Сервис».", ("АО «Иртыш Энерго Сервис»", "company")),
    ("Статью напечатала газета «Вечерний Курган».", ("газета «Вечерний Курган»", "other")),
    ("Встречу провела Курганская областная общественная организация «Союз ветеранов «Боевое братство»».",
     ("Курганская областная общественная организация «Союз ветеранов «Боевое братство»»", "ngo")),
])
def test_quoted_names_are_complete_with_their_legal_form(nlp, text_in, expected):
    assert expected in orgs(nlp, text_in)


def test_an_outer_quote_closed_together_with_the_inner_one(nlp):
    text = "Концерт подготовила общественная организация «Дружба народов «Сарыарка», а зрителей было много."
    assert ("общественная организация «Дружба народов «Сарыарка»", "ngo") in orgs(nlp, text)


def test_a_quoted_programme_title_is_not_an_organisation(nlp):
    assert orgs(nlp, "Стартовала программа «Зелёный мост» для фермеров.") == []


@pytest.mark.parametrize("text_in, normal", [
    ("Правила торговли внутри ЕАЭС упростили.", "ЕАЭС"),
    ("Саммит Шанхайской организации сотрудничества прошёл в июне.", "Шанхайская организация сотрудничества"),
    ("Эксперты Евросоюза приехали с проверкой.", "Евросоюз"),
])
def test_international_organisations(nlp, text_in, normal):
    ents = nlp(clean(text_in).text)._.entities
    assert ("ORG", normal, "international") in {(e.label, e.normal, e.kind) for e in ents}


def test_a_relational_adjective_before_the_type_word_stays_outside(nlp):
    assert ("газета «Степные зори»", "other") in orgs(nlp, "Репортаж опубликовала курганская газета «Степные зори».")


def test_a_name_goes_on_over_its_place_and_the_person_it_is_named_after(nlp):
    ents = nlp(clean("Грант получил Союз фермеров Костанайской области.").text)._.entities
    assert [(e.label, e.normal) for e in ents] == [("ORG", "Союз фермеров Костанайской области")]
    ents = nlp(clean("Спектакль показал Курганский драматический театр имени В. П. Шукшина.").text)._.entities
    assert [(e.label, e.normal) for e in ents] == [("ORG", "Курганский драматический театр имени В. П. Шукшина")]


@pytest.mark.parametrize("text_in, name, kind", [
    ("Выставку открыла Торгово-промышленная палата Курганской области.",
     "Торгово-промышленная палата Курганской области", "ngo"),
    ("Решение принял Совет министров иностранных дел СНГ.", "Совет министров иностранных дел СНГ", "international"),
    ("Поправки внесло Министерство финансов Республики Казахстан.",
     "Министерство финансов Республики Казахстан", "government"),
])
def test_kind_follows_the_words_of_the_name(nlp, text_in, name, kind):
    ents = nlp(clean(text_in).text)._.entities
    assert (name, kind) in {(e.normal, e.kind) for e in ents if e.label == "ORG"}


def test_a_name_broken_across_lines_by_a_pdf_is_whole(nlp):
    text = "Станцию построило АО «Северная энергетиче-\nская компания» в прошлом году."
    assert ("АО «Северная энергетическая компания»", "company") in orgs(nlp, text)
