import pytest

from pipeline.clean import clean


def persons(nlp, text):
    return [(e.text, e.normal) for e in nlp(clean(text).text)._.entities if e.label == "PER"]


@pytest.mark.parametrize("text_in, expected", [
    ("Переговоры вёл аким района Серик Жанабаев.", ("Серик Жанабаев", "Серик Жанабаев")),
    ("Награду вручили Тимуру Жумабекову за вклад в дружбу.", ("Тимуру Жумабекову", "Тимур Жумабеков")),
    ("Книгу подарили Анне Петровой из Кургана.", ("Анне Петровой", "Анна Петрова")),
    ("Доклад подготовлен Г. С. Ахметовой и коллегами.", ("Г. С. Ахметовой", "Г. С. Ахметова")),
])
def test_persons_in_the_nominative_without_posts(nlp, text_in, expected):
    assert expected in persons(nlp, text_in)


def test_header_words_are_not_persons(nlp):
    text = "Резюме.\n\nСтатья описывает связи регионов.\n\nАннотация.\n\nТекст о приграничье."
    assert persons(nlp, text) == []
