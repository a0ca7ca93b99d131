import pytest

from pipeline.text.clean import clean


def dates(nlp, text):
    return [(e.text, e.normal, e.value) for e in nlp(clean(text).text)._.entities if e.label == "DATE"]


def test_this_year_takes_the_year_from_the_paragraph(nlp):
    text = "План утвердили в марте 2021 года. Первый рейс состоялся 12 мая с. г. без задержек."
    assert dates(nlp, text)[-1] == ("12 мая с. г.", "12 мая с. г.", "2021-05-12")


def test_coordinated_days_are_two_dates_with_complete_normals(nlp):
    assert dates(nlp, "Ярмарка работала 10 и 11 июня 2020 г. на площади.") == [
        ("10", "10 июня 2020 г.", "2020-06-10"), ("11 июня 2020 г.", "11 июня 2020 г.", "2020-06-11")]


def test_a_range_of_years_gives_both_years(nlp):
    assert [(t, v) for t, _, v in dates(nlp, "Программа действовала с 2015 по 2018 год.")] == [
        ("2015", "2015"), ("2018 год", "2018")]


def test_year_in_an_oblique_case_has_a_nominative_normal(nlp):
    assert dates(nlp, "Завод построили в 2009 году.") == [("2009 году", "2009 год", "2009")]


@pytest.mark.parametrize("text_in", [
    "Весной делегация вернулась домой.",
    "Сегодня стороны обсудили планы.",
    "За последние годы торговля выросла.",
    "Открытие намечено на 15 сентября.",
])
def test_relative_and_unresolvable_expressions_are_not_dates(nlp, text_in):
    assert dates(nlp, text_in) == []
