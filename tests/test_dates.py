import pytest

from pipeline.clean import clean


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


GRAMMAR_CASES = [
    "Соглашение подписали 5 апреля 2018 года в Омске.",
    "Визит состоялся в декабре 2019 г., а ответный — 03.02.20.",
    "В 1990-х гг. и в 2001 году связи ослабли.",
    "В марте прошлого года делегация посетила Павлодар.",
    # numbers far apart and close together: stretches parsed apart and merged
    "С 12.11.2015 г. по итогам долгих и непростых переговоров двух делегаций стороны к 1 мая 2016 г. подписали 3 соглашения.",
    "Встречи 1 2 3 4 5 6 7 8 9 10 11 12 13 14 марта 2020 года и 15.03.2020 г.",
    # numbers next to no date word, or to a month before them, "г" or "год" after them
    "За 2015—2018 гг. прошло 25 встреч в 3 городах, в мае 2019 и в 2020 г. ещё 7, в 2021 году 12.",
    "Г. 1999, май 12. Итоги: 12. 5. 1998 г, Май 2001 Г.",
]


@pytest.mark.parametrize("text_in", GRAMMAR_CASES)
def test_cached_analyzer_gives_natasha_own_matches(text_in):
    """The date grammar through the pipeline's parse cache finds what it finds
    with a fresh pymorphy3 analyser."""
    from natasha import DatesExtractor
    from pipeline.dates import extractor
    from pipeline.morph import analyzer
    own = [(m.start, m.stop, m.fact) for m in DatesExtractor(analyzer())(text_in)]
    assert [(m.start, m.stop, m.fact) for m in extractor()(text_in)] == own


@pytest.mark.parametrize("text_in", [
    "В марте прошлого года делегация посетила Павлодар.",
    "Первого мая и двадцатого июня две тысячи двадцатого года прошли встречи.",
    "Январь, февраль, май: месяцы переговоров.",
])
def test_without_a_digit_natasha_grammar_finds_no_date(text_in):
    """Why `matches` skips sentences with no digit: the grammar itself finds nothing there."""
    from natasha import DatesExtractor
    from pipeline.morph import analyzer
    assert list(DatesExtractor(analyzer())(text_in)) == []


@pytest.mark.parametrize("text_in", GRAMMAR_CASES)
def test_stretches_around_numbers_give_the_whole_text_matches(text_in):
    from pipeline.dates import extractor, grammar_matches
    whole = [(m.start, m.stop, m.fact) for m in extractor()(text_in)]
    assert list(grammar_matches(text_in)) == whole
