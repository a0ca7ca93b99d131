import pytest

from pipeline.stages.lemmas import token_feats


def lemmas(nlp, text):
    return {t.text: (t.lemma_, t.pos_) for t in nlp(text) if not t.is_space}


@pytest.mark.parametrize("text_in, word, lemma", [
    ("Делегация Омской области прибыла в Павлодар.", "Омской", "омский"),
    ("Делегация Омской области прибыла в Павлодар.", "области", "область"),
    ("Стороны подписали соглашения о сотрудничестве.", "соглашения", "соглашение"),
    ("Губернатор встретился с акимами областей.", "акимами", "аким"),
    ("Сибирские вузы принимают казахстанских студентов.", "студентов", "студент"),
    ("Мы знаем, что он пришёл вовремя.", "пришёл", "прийти"),
    ("Власти обсудили меры по защите лесов от пожаров.", "лесов", "лес"),
])
def test_lemma_of_inflected_words(nlp, text_in, word, lemma):
    assert lemmas(nlp, text_in)[word][0].replace("ё", "е") == lemma


@pytest.mark.parametrize("text_in, lemma, pos", [
    ("Регионы стали активнее развивать торговлю.", "стать", "VERB"),
    ("Завод увеличил выпуск стали и проката.", "сталь", "NOUN"),
    ("Отношения стали теплее после визита.", "стать", "VERB"),
])
def test_homonym_lemma_follows_part_of_speech(nlp, text_in, lemma, pos):
    assert lemmas(nlp, text_in)["стали" if "стали" in text_in else "Стали"] == (lemma, pos)


def test_every_token_has_a_lemma(nlp):
    doc = nlp("В 2017 г. товарооборот вырос на 12,5 % — до $300 млн. «Атамекен» (газета).")
    assert all(t.lemma_ for t in doc)


@pytest.mark.parametrize("text_in, word, lemma", [
    # a woman's surname stays feminine; a patronymic keeps its own spelling
    ("Она встретилась с Анной Петровой из Томска.", "Петровой", "петрова"),
    ("Письмо передали Петру Михайловичу.", "Михайловичу", "михайлович"),
    # a superlative is its own adjective, not the positive degree
    ("Новосибирск входит в число крупнейших городов Сибири.", "крупнейших", "крупнейший"),
    # a preposition is its own lemma
    ("Губернатор встретился со студентами и преподавателями.", "со", "со"),
    # a demonstrative used as a noun takes the neuter
    ("Кроме того, стороны обсудили поставки зерна.", "того", "то"),
    # a participle used as a noun is a noun, not the verb
    ("Заведующий кафедрой рассказал о программе.", "Заведующий", "заведующий"),
    # a comparative adverb is its own lemma
    ("Делегация прибыла позже, чем ожидалось.", "позже", "позже"),
    # stress marks are not part of the word
    ("Делегацию возглавил Серге́й Петро́в.", "Серге́й", "сергей"),
    # ordinals in digits
    ("В 1990-х годах связи ослабли, а с 28-го июня возобновились.", "1990-х", "1990-й"),
    ("В 1990-х годах связи ослабли, а с 28-го июня возобновились.", "28-го", "28-й"),
    # an unknown name in the nominative is kept; an unknown acronym too
    ("Меморандум подписал директор Лиам Хартвуд.", "Хартвуд", "хартвуд"),
    ("Проект поддержал ЕАБР.", "ЕАБР", "еабр"),
])
def test_lemma_follows_ud_conventions(nlp, text_in, word, lemma):
    assert lemmas(nlp, text_in)[word][0] == lemma


@pytest.mark.parametrize("text_in, word, lemma", [
    ("Договор заключён в 2019 г. в Омске.", "г.", "г."),       # no expansion known: kept with its period
    ("Доклад подготовил В. Иванов.", "В.", "в."),
])
def test_abbreviation_is_analysed_without_its_period(nlp, text_in, word, lemma):
    assert lemmas(nlp, text_in)[word][0] == lemma


def test_token_feats_are_the_tokens_tags_sorted_whatever_word_read_first(nlp):
    # features are remembered per morph id: two words with the same tags share them
    doc = nlp("Делегация Омской области прибыла в Павлодар, а делегация Томской области — в Омск.")
    assert all(token_feats(t) == tuple(sorted(t.morph.to_dict().items())) for t in doc)
    adjective = next(t for t in doc if t.text == "Омской")
    assert {("Case", "Gen"), ("Gender", "Fem"), ("Number", "Sing")} <= set(token_feats(adjective))
