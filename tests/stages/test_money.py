import pytest

from pipeline.text.clean import clean


def money(nlp, text):
    return [(e.text, e.value) for e in nlp(clean(text).text)._.entities if e.label == "MONEY"]


@pytest.mark.parametrize("text_in, mention, amount, currency", [
    ("На ремонт моста выделили 1,5 млрд тенге.", "1,5 млрд тенге", 1_500_000_000, "KZT"),
    ("Инвестор вложил $200 тыс. в теплицы.", "$200 тыс.", 200_000, "USD"),
    ("Контракт оценили в 40 млн рублей.", "40 млн рублей", 40_000_000, "RUB"),
    ("Фонд получил 3 млн долларов США на гранты.", "3 млн долларов США", 3_000_000, "USD"),
    ("Грант составил 250 тыс. белорусских рублей.", "250 тыс. белорусских рублей", 250_000, "BYN"),
    ("Премия равна 2 500 евро.", "2 500 евро", 2_500, "EUR"),
])
def test_sums_with_scale_and_currency(nlp, text_in, mention, amount, currency):
    assert money(nlp, text_in) == [(mention, {"amount": amount, "currency": currency})]


@pytest.mark.parametrize("text_in", [
    "Протяжённость границы превышает 7,5 тыс. км.",
    "Урожай составил 120 тыс. тонн зерна.",
    "В городе живут 1,4 млн человек.",
])
def test_other_quantities_are_not_money(nlp, text_in):
    assert money(nlp, text_in) == []
