"""razdel's segmenter with the faster splitter gives razdel's own tokens."""

import pytest
from razdel import tokenize as razdel_tokenize

from pipeline.adapters.razdel_tokens import SOKRS, tokenize


@pytest.mark.parametrize("text_in", [
    "что-то", "Усть-Каменогорск — город", "слово -то и то- слово", "К_тому_же", "1,5 и 1/2 и 3.14",
    "Он сказал: «Да!» ... и ушёл?! :)))", "ΔP и mβж", "Yahoo! и --- ***", "(Омск) — [Павлодар]",
    "В 2019 г. в Омске, т. е. в РФ", "Ту-154М  и  Су-27\tи км2", "", " ", "№5, 10:30, 2002, 2004",
])
def test_tokenize_is_razdels(text_in):
    assert list(tokenize(text_in)) == list(razdel_tokenize(text_in))


@pytest.mark.parametrize("word, expected", [("г", True), ("тыс", True), ("т", True), ("область", False)])
def test_razdels_abbreviations_are_read(word, expected):
    assert (word in SOKRS) is expected
