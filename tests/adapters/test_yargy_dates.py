"""natasha's date grammar through the pipeline's parse cache, and yargy's
tokenizer read off its regex, give the library's own results."""

import pytest
from natasha import DatesExtractor
from yargy.tokenizer import Tokenizer

from pipeline.adapters.yargy_dates import dates_extractor, grammar_tokens
from pipeline.nlp.models import analyzer

TEXTS = [
    "Соглашение подписали 5 апреля 2018 года в Омске.",
    "Визит состоялся в декабре 2019 г., а ответный — 03.02.20.",
    "В 1990-х гг. и в 2001 году связи ослабли.",
    "Итоги 2019 г.г. и 12.05.2019г. подвели в 2020. 1. Омск 3.5 млн, г. 2021, 5 мая. 2022 года.",
    "Доклады 2019 гг. 1.2.2020 и 31.12 2021 г. 5 лет, 2000 лет, 10 мая 3000 года, мая 1999 Мая",
    "В марте прошлого года делегация посетила Павлодар.",
]


@pytest.mark.parametrize("text_in", TEXTS)
def test_cached_analyzer_gives_natasha_own_matches(text_in):
    own = [(m.start, m.stop, m.fact) for m in DatesExtractor(analyzer())(text_in)]
    assert [(m.start, m.stop, m.fact) for m in dates_extractor()(text_in)] == own


@pytest.mark.parametrize("text_in", TEXTS + ["", "Курс $1 = 75,5 ₽ (10:30)"])
def test_grammar_tokens_are_yargys(text_in):
    own = [(t.type == "INT", t.value, t.span.start, t.span.stop) for t in Tokenizer()(text_in)]
    assert grammar_tokens(text_in) == own
