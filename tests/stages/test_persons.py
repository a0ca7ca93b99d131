import pytest

from pipeline.rules.person_mentions import surname_mentions
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
    assert persons(nlp, text_in) == [expected]


def test_header_words_are_not_persons(nlp):
    text = "Резюме.\n\nСтатья описывает связи регионов.\n\nАннотация.\n\nТекст о приграничье."
    assert persons(nlp, text) == []


def test_a_name_in_the_nominative_is_left_as_written(nlp):
    assert persons(nlp, "На форум приехал Ерболат Сагинтаев.") == [("Ерболат Сагинтаев", "Ерболат Сагинтаев")]


def test_the_place_of_a_post_is_not_part_of_the_name(nlp):
    ents = nlp(clean("Слово дали акиму Шымкента Данияру Абенову.").text)._.entities
    assert [(e.label, e.normal) for e in ents] == [("LOC", "Шымкент"), ("PER", "Данияр Абенов")]


@pytest.mark.parametrize("text_in, expected", [
    # the tagger may call these nominative; the words' shared case says dative
    ("Благодарность объявили Болату Серикову за помощь.", ("Болату Серикову", "Болат Сериков")),
    # pymorphy3 reads an unknown surname in -ов as a plural first name: kept
    ("Доклад сделал Нурлан Жаксыбеков из Павлодара.", ("Нурлан Жаксыбеков", "Нурлан Жаксыбеков")),
])
def test_the_words_of_a_name_decide_its_case_together(nlp, text_in, expected):
    assert persons(nlp, text_in) == [expected]


def labelled(nlp, text):
    return [(e.label, e.normal) for e in nlp(clean(text).text)._.entities if e.label in ("PER", "LOC")]


@pytest.mark.parametrize("text_in, expected", [
    # a surname alone after the full name is the same person, its normal that surname
    ("Переговоры провёл Марат Жолдасов. Жолдасов предложил открыть рейс.",
     [("PER", "Марат Жолдасов"), ("PER", "Жолдасов")]),
    ("С докладом выступила Ольга Белова. Беловой задали много вопросов.",
     [("PER", "Ольга Белова"), ("PER", "Белова")]),
    ("Гостя звали Питер Кларк. Кларку показали порт.", [("PER", "Питер Кларк"), ("PER", "Кларк")]),
    # a name that is also a place is part of the person, alone too
    ("Заместитель акима Алтай Кусаинов приехал в Павлодар. Кусаинов осмотрел порт.",
     [("PER", "Алтай Кусаинов"), ("LOC", "Павлодар"), ("PER", "Кусаинов")]),
    ("Министр Елена Тверская открыла выставку. Тверская поблагодарила гостей.",
     [("PER", "Елена Тверская"), ("PER", "Тверская")]),
    # a post at the start of a sentence stays out of the name; a post alone is nothing
    ("Аким Жамбылской области Бауыржан Оспанов встретил делегацию. Губернатор поблагодарил его.",
     [("LOC", "Жамбылская область"), ("PER", "Бауыржан Оспанов")]),
    ("Посол Тимур Сарсенов вручил грамоты.", [("PER", "Тимур Сарсенов")]),
    # a woman named by initials keeps her ending: after her verb, before it, after "и" and a nominative name
    ("Как отметила в статье Л. Н. Сергеева, торговля выросла.", [("PER", "Л. Н. Сергеева")]),
    ("В. П. Зотова рассматривает три сценария.", [("PER", "В. П. Зотова")]),
    ("Тему развивали А. И. Гусев и О. Р. Ларионова.", [("PER", "А. И. Гусев"), ("PER", "О. Р. Ларионова")]),
    # and a man in the genitive keeps his
    ("Выводы монографии О. Р. Ларионова спорны.", [("PER", "О. Р. Ларионов")]),
])
def test_persons_as_news_names_them(nlp, text_in, expected):
    assert labelled(nlp, text_in) == expected


def test_a_surname_adjective_before_its_noun_is_no_person(nlp):
    text = "Ректор Игорь Омский выступил. Омский областной музей открыл выставку."
    assert ("PER", "Омский") not in labelled(nlp, text)


@pytest.mark.parametrize("text_in, expected", [
    # unknown Russian-shaped surnames stay nominative, indeclinable ones stay as written
    ("На встречу приехал Талант Ормонов.", [("PER", "Талант Ормонов")]),
    ("Грамоту вручили Олегу Дорошенко.", [("PER", "Олег Дорошенко")]),
    # a place of two words opening with an adjective is no person
    ("Грузовики стояли у пункта пропуска Нижний Ларс.", [("LOC", "Нижний Ларс")]),
])
def test_name_words_pymorphy3_does_not_know(nlp, text_in, expected):
    assert labelled(nlp, text_in) == expected


@pytest.mark.parametrize("text_in, found", [
    ("Переговоры провёл Марат Жолдасов. Слово взял Жолдасов\n\nПредложения сторон приняты.", ["Жолдасов"]),
    ("Переговоры провёл Марат Жолдасов. Слово взял Жолдасов Предложения.", []),  # a longer name
    ("Переговоры провёл Марат Жолдасов. Жолдасову ответил Омский университет.", ["Жолдасову"]),
])
def test_a_lone_surname_is_read_up_to_the_next_token_of_the_text(nlp, text_in, found):
    """The word after the surname is the next token of the text: across a
    paragraph break it is none, and a capital there joins no longer name."""
    doc = nlp(clean(text_in).text)
    mentions = surname_mentions(doc, [(18, "Марат Жолдасов")], [(18, 32)])
    assert [e.text for e in mentions] == found
