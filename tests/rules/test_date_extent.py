import pytest

from pipeline.rules.date_extent import MONTH_THIS_YEAR, month_of, months_of_this_year


def by_pattern(text: str) -> list:
    """The pattern's own reading of every text, without the stage's shortcut."""
    out = []
    for m in MONTH_THIS_YEAR.finditer(text):
        found = month_of(m.group(1))
        if found:
            out.append((m.start(), m.end(), found[0], f"{found[1]}{m.group(2)}"))
    return out


@pytest.mark.parametrize("text", [
    "В августе с. г. делегация Омской области посетила Павлодар.",
    "Соглашение подписано в марте текущего года, а в апреле этого года — протокол.",
    "Форум пройдёт в октябресего года",        # glued: the pattern still reads "октябре" + "сего года"
    "В мае прошлого года объём торговли вырос.",
    "Встреча состоялась 5 мая 2019 года в Астане.",
    "Визит в с. Катон-Карагай намечен на июнь.",
    "",
])
def test_months_of_this_year_as_the_pattern_reads_them(text):
    assert list(months_of_this_year(text)) == by_pattern(text)


def test_a_month_of_this_year_found():
    assert [found[2:] for found in months_of_this_year("В августе с. г. прошла встреча")] == [(8, "август с. г.")]
