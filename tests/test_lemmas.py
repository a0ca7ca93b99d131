import pytest


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
