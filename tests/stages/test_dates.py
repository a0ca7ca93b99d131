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


@pytest.mark.parametrize("text_in, expected", [
    # ranges of years: each end one date, its normal a single year
    ("Период 2016–2018 гг. стал временем роста.",
     [("2016", "2016 г.", "2016"), ("2018 гг.", "2018 г.", "2018")]),
    ("Стратегию приняли на 2026–2030 годы.",
     [("2026", "2026 год", "2026"), ("2030 годы", "2030 год", "2030")]),
    ("Проекты 2021-2023 годов получили гранты.",
     [("2021", "2021 год", "2021"), ("2023 годов", "2023 год", "2023")]),
    ("Первый этап программы (2003—2009) прошёл без участия соседей.",
     [("2003", "2003", "2003"), ("2009", "2009", "2009")]),
    # ranges of days and of months
    ("Ярмарка пройдёт 17–19 августа 2021 г. в Кокшетау.",
     [("17", "17 августа 2021 г.", "2021-08-17"), ("19 августа 2021 г.", "19 августа 2021 г.", "2021-08-19")]),
    ("Экспорт за февраль — май 2022 года удвоился.",
     [("февраль", "февраль 2022 года", "2022-02"), ("май 2022 года", "май 2022 года", "2022-05")]),
    # quarters and half-years: one date, the year
    ("Во втором полугодии 2021 года поставки выросли.",
     [("втором полугодии 2021 года", "второе полугодие 2021 года", "2021")]),
    ("Итоги за III квартал 2020 г. подведут позже.", [("III квартал 2020 г.", "III квартал 2020 г.", "2020")]),
    ("По итогам первого квартала 2019 года товарооборот вырос.",
     [("первого квартала 2019 года", "первый квартал 2019 года", "2019")]),
    # decades are no year: not dates
    ("Связи ослабли в 1990-е годы и окрепли в начале 2000-х годов.", []),
    ("Во второй половине 1980-х годов завод закрыли.", []),
    # a bare number pair that is no pair of years
    ("Трасса Р-254 прошла через километры 1200–1350.", []),
])
def test_ranges_and_parts_of_years(nlp, text_in, expected):
    assert dates(nlp, text_in) == expected


@pytest.mark.parametrize("text_in, expected", [
    # a dateline gives the year to a later day and month
    ("КОСТАНАЙ, 3 февраля 2022 г. Соглашение вступит в силу 1 апреля.",
     [("3 февраля 2022 г.", "3 февраля 2022 г.", "2022-02-03"), ("1 апреля", "1 апреля", "2022-04-01")]),
    # a year earlier in the paragraph, a weekday before the day
    ("В 2018 году стороны подписали меморандум. В среду 16 мая его утвердили.",
     [("2018 году", "2018 год", "2018"), ("16 мая", "16 мая", "2018-05-16")]),
    # the latest year before the day wins
    ("Проект начат в 2015 году, а в 2017 году продлён. Церемония прошла 9 октября.",
     [("2015 году", "2015 год", "2015"), ("2017 году", "2017 год", "2017"), ("9 октября", "9 октября", "2017-10-09")]),
    # a month alone with "с. г."
    ("Договор подписан 2 марта 2023 г. Следующая встреча намечена на июнь с. г.",
     [("2 марта 2023 г.", "2 марта 2023 г.", "2023-03-02"), ("июнь с. г.", "июнь с. г.", "2023-06")]),
    ("В 2019 году экспорт вырос. За март — май этого года он удвоился.",
     [("2019 году", "2019 год", "2019"), ("март", "март этого года", "2019-03"),
      ("май этого года", "май этого года", "2019-05")]),
])
def test_day_and_month_take_the_year_the_document_gives(nlp, text_in, expected):
    assert dates(nlp, text_in) == expected


def test_a_later_paragraph_takes_the_documents_year(nlp):
    text = "ОРЕНБУРГ, 5 июля 2021 г.\n\nДелегация вернется 20 июля."
    assert dates(nlp, text)[-1] == ("20 июля", "20 июля", "2021-07-20")


def test_a_day_without_a_year_takes_the_year_of_the_publication_date(tmp_path):
    import pipeline
    page = tmp_path / "news.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><title>Делегация Курганской области в Костанае</title>'
        '<meta property="article:published_time" content="2023-10-05T09:30:00+05:00"></head><body><article>'
        "<h1>Делегация Курганской области в Костанае</h1>"
        "<p>4 октября делегация Правительства Курганской области провела переговоры в Костанае. "
        "Стороны договорились о поставках семян и обмене студентами.</p>"
        "<p>Ответный визит запланирован на декабрь этого года.</p></article></body></html>", encoding="utf-8")
    record = pipeline.process_file(page)
    assert record.metadata["published"] == "2023-10-05"
    assert [(e.normal, e.value) for e in record.entities if e.label == "DATE"] == [
        ("4 октября", "2023-10-04"), ("декабрь этого года", "2023-12")]
