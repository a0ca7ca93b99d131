"""Currencies by name, sign or code: a word no key opens with is turned away
before its keys are made, with the same answers as trying every key."""

from pipeline.rules.currencies import currency_at, key_at, openings


WORDS = ("Фонд выделил 3 млн долларов США , 200 тыс. белорусских рублей , $ 60 , 10 тг , 5 евро , "
         "2 млрд японских иен , 9 млн грузинских лари , манат и сом укрепились к доллару , "
         "usd , KZT , 700 млн индийских рупий , 30 млн туркменских манатов").split()


def test_a_currency_is_found_as_by_trying_every_key():
    found = [currency_at(WORDS, i) for i in range(len(WORDS) + 1)]
    assert found == [key_at(WORDS, i) for i in range(len(WORDS) + 1)]
    codes = [code for code, _ in found if code]
    assert {"USD", "BYN", "KZT", "EUR", "JPY", "GEL", "INR", "TMT"} <= set(codes)
    assert ("BYN", 2) in found and ("JPY", 2) in found


def test_the_openings_are_the_keys_first_words():
    assert "долларов" not in openings() and "доллар" in openings()
