import pytest

from pipeline.text.clean import clean


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


def test_a_name_in_the_nominative_is_left_as_written(nlp):
    assert ("Ерболат Сагинтаев", "Ерболат Сагинтаев") in persons(nlp, "На форум приехал Ерболат Сагинтаев.")


def test_the_place_of_a_post_is_not_part_of_the_name(nlp):
    assert ("PER", "Данияр Абенов") in {(e.label, e.normal) for e in
                                        nlp(clean("Слово дали акиму Шымкента Данияру Абенову.").text)._.entities}


@pytest.mark.parametrize("text_in, expected", [
    # the tagger may call these nominative; the words' shared case says dative
    ("Благодарность объявили Болату Серикову за помощь.", ("Болату Серикову", "Болат Сериков")),
    # pymorphy3 reads an unknown surname in -ов as a plural first name: kept
    ("Доклад сделал Нурлан Жаксыбеков из Павлодара.", ("Нурлан Жаксыбеков", "Нурлан Жаксыбеков")),
])
def test_the_words_of_a_name_decide_its_case_together(nlp, text_in, expected):
    assert expected in persons(nlp, text_in)
