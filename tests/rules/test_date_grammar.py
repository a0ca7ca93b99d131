"""natasha's date grammar run only on the stretches that can hold a date
(pipeline/date_grammar.py): the same matches as on the whole text."""

import random
from pathlib import Path

import pytest
from razdel import sentenize

from pipeline.ingest.sources import read_source

GRAMMAR_CASES = [
    "Соглашение подписали 5 апреля 2018 года в Омске.",
    "Визит состоялся в декабре 2019 г., а ответный — 03.02.20.",
    "В 1990-х гг. и в 2001 году связи ослабли.",
    "В марте прошлого года делегация посетила Павлодар.",
    # numbers far apart and close together: stretches parsed apart and together
    "С 12.11.2015 г. по итогам долгих и непростых переговоров двух делегаций стороны к 1 мая 2016 г. подписали 3 соглашения.",
    "Встречи 1 2 3 4 5 6 7 8 9 10 11 12 13 14 марта 2020 года и 15.03.2020 г.",
    # numbers next to no date word, or to a month before them, "г" or "год" after them
    "За 2015—2018 гг. прошло 25 встреч в 3 городах, в мае 2019 и в 2020 г. ещё 7, в 2021 году 12.",
    "Г. 1999, май 12. Итоги: 12. 5. 1998 г, Май 2001 Г.",
    # periods: after "г", between numbers, ending a sentence or a list number
    "Итоги 2019 г.г. и 12.05.2019г. подвели в 2020. 1. Омск 3.5 млн, г. 2021, 5 мая. 2022 года.",
    "Доклады 2019 гг. 1.2.2020 и 31.12 2021 г. 5 лет, 2000 лет, 10 мая 3000 года, мая 1999 Мая",
]


@pytest.mark.parametrize("text_in", [
    "В марте прошлого года делегация посетила Павлодар.",
    "Первого мая и двадцатого июня две тысячи двадцатого года прошли встречи.",
    "Январь, февраль, май: месяцы переговоров.",
])
def test_without_a_digit_natasha_grammar_finds_no_date(text_in):
    """Why `matches` skips sentences with no digit: the grammar itself finds nothing there."""
    from natasha import DatesExtractor
    from pipeline.nlp.models import analyzer
    assert list(DatesExtractor(analyzer())(text_in)) == []


@pytest.mark.parametrize("text_in", GRAMMAR_CASES)
def test_stretches_around_numbers_give_the_whole_text_matches(text_in):
    from pipeline.rules.date_grammar import grammar_matches
    from pipeline.nlp.models import date_extractor as extractor
    whole = [(m.start, m.stop, m.fact) for m in extractor()(text_in)]
    assert list(grammar_matches(text_in, extractor())) == whole


def whole_text_matches(text: str) -> list:
    from pipeline.nlp.models import date_extractor as extractor
    return [(m.start, m.stop, m.fact) for m in extractor()(text)]


@pytest.mark.parametrize("text_in, expected", [
    ("Встреча прошла 5 мая 2019 года в Омске.", ["5 мая 2019 года"]),
    ("Итоги 2019 г. и 12.05.2020 подвели в Омске.", ["2019 г.", "12.05.2020"]),
    ("В мае 2019 и в 2020 г., как в 2019.", ["мае 2019", "2020 г."]),
    ("Делегатов было 25, а встреч 3.", []),  # numbers next to no date word
    ("1. Кузнецова, 2. Абдрахманов", []),  # a list number's period belongs to no date
    ("В марте прошлого года делегация посетила Павлодар.", []),  # no number
])
def test_stretches_are_the_rows_that_can_hold_a_date(text_in, expected):
    from pipeline.rules.date_grammar import stretches
    assert [text_in[s:e] for s, e in stretches(text_in)] == expected


def test_sample_sentences_give_the_whole_text_matches():
    from pipeline.rules.date_grammar import DIGIT, grammar_matches
    from pipeline.nlp.models import date_extractor
    raw = Path(__file__).resolve().parents[2] / "corpus" / "raw"
    sentences = [s.text for p in sorted(raw.iterdir()) for s in sentenize(read_source(p).text) if DIGIT.search(s.text)]
    assert sentences and all(list(grammar_matches(s, date_extractor())) == whole_text_matches(s) for s in sentences)


PIECES = ["5", "12", "31", "2019", "1999", "05", "98", "3000", "2.5", ".", ".", "г", "г", "Г", "гг", "года",
          "году", "лет", "мая", "Мая", "марта", "январь", "декабре", "и", ",", "-", "в", "с", "по", "Итоги"]


def test_random_rows_of_date_pieces_give_the_whole_text_matches():
    """Numbers, date words and periods in every order and spacing: the
    stretches never lose or change a match of the grammar."""
    from pipeline.rules.date_grammar import grammar_matches
    from pipeline.nlp.models import date_extractor
    rng, with_dates = random.Random(5), 0
    for _ in range(500):
        words = rng.choices(PIECES, k=rng.randint(1, 12))
        text = "".join(w + rng.choice(["", " ", "  "]) for w in words)
        whole = whole_text_matches(text)
        assert list(grammar_matches(text, date_extractor())) == whole, text
        with_dates += bool(whole)
    assert with_dates > 50


def random_integer(rng) -> str:
    """Integers of every kind the grammar tells apart, with and without leading zeros."""
    value = rng.choice([rng.randint(0, 12), rng.randint(13, 31), rng.randint(32, 99), rng.randint(100, 999),
                        rng.randint(1000, 2100), rng.randint(1900, 1999), rng.randint(2101, 99999)])
    return str(value).zfill(rng.choice([1, 1, 1, 2, 3]))


def test_integers_parsed_as_stand_ins_give_their_own_matches():
    """A stretch is parsed with a stand-in of the same kind and length for
    each integer ("12 мая 2021 года" as "01 мая 1000 года"), and each fact
    takes its values back from the integers as written: day, numeric month,
    year and two-digit year ("05.03.98") come out as the grammar reads them."""
    from pipeline.rules.date_grammar import grammar_matches, shape
    from pipeline.nlp.models import date_extractor
    rng, with_dates, shaped = random.Random(11), 0, 0
    words = [w for w in PIECES if not w[0].isdigit()]
    for _ in range(1500):
        row = [random_integer(rng) if rng.random() < 0.45 else rng.choice(words) for _ in range(rng.randint(1, 9))]
        text = "".join(w + rng.choice(["", " ", " ", "  "]) for w in row)
        whole = whole_text_matches(text)
        assert list(grammar_matches(text, date_extractor())) == whole, text
        with_dates += bool(whole)
        shaped += shape(text) is not None and shape(text)[0] != text
    assert with_dates > 150 and shaped > 1000
