import pytest

from spacy.tokens import Doc

from pipeline.nlp.tokenizer import sentences_of
from pipeline.nlp.spans import text_of


def words(nlp, text):
    return [t.text for t in nlp.make_doc(text) if not t.is_space]


@pytest.mark.parametrize("text_in, expected", [
    # an abbreviation keeps its period inside the sentence, not at its end
    ("Договор заключён в 2019 г. в Омске.", ["Договор", "заключён", "в", "2019", "г.", "в", "Омске", "."]),
    ("Связи окрепли к 2019 г.", ["Связи", "окрепли", "к", "2019", "г", "."]),
    ("Регионы, т. е. субъекты федерации, участвуют.",
     ["Регионы", ",", "т.", "е.", "субъекты", "федерации", ",", "участвуют", "."]),
    ("Доклад подготовил В. Иванов.", ["Доклад", "подготовил", "В.", "Иванов", "."]),
    ("Участвовали вузы, НИИ и др. организации.",
     ["Участвовали", "вузы", ",", "НИИ", "и", "др.", "организации", "."]),
    # letters and digits written together, ratios and times
    ("Площадь парка 12 км2.", ["Площадь", "парка", "12", "км2", "."]),
    ("Рейс выполнял Ту-154М.", ["Рейс", "выполнял", "Ту-154М", "."]),
    ("Матч закончился со счётом 2:1 в 21:30.", ["Матч", "закончился", "со", "счётом", "2:1", "в", "21:30", "."]),
    # a comma after a number in a list is punctuation
    ("Форум проходил в 2018, 2019 и 2021 годах.",
     ["Форум", "проходил", "в", "2018", ",", "2019", "и", "2021", "годах", "."]),
    # decimals and ordinary words are untouched
    ("Рост составил 12,5 процента.", ["Рост", "составил", "12,5", "процента", "."]),
    ("Делегация прибыла. Переговоры начались.", ["Делегация", "прибыла", ".", "Переговоры", "начались", "."]),
])
def test_tokens(nlp, text_in, expected):
    assert words(nlp, text_in) == expected


@pytest.mark.parametrize("text_in", [
    "Договор заключён в 2019 г. в Омске.\n\nВ 2020 г. его продлили.  Итоги — в отчёте.",
    "Т. е. регионы; 2:1, км2.\nТу-154М\n",
])
def test_doc_text_is_the_text(nlp, text_in):
    doc = nlp.make_doc(text_in)
    assert doc.text == text_in
    assert text_of(doc) == doc.text  # the kept copy the stages read


def test_text_of_a_doc_built_elsewhere(nlp):
    doc = Doc(nlp.vocab, words=["Омск", "и", "Павлодар"], spaces=[True, True, False])
    assert text_of(doc) == "Омск и Павлодар"


def test_abbreviation_does_not_end_the_sentence(nlp):
    text = "В 2019 г. делегация посетила Омск. Переговоры прошли успешно."
    sentences = sentences_of(nlp.make_doc(text))
    assert [text[s.start:s.end] for s in sentences] == [
        "В 2019 г. делегация посетила Омск.", "Переговоры прошли успешно."]


@pytest.mark.parametrize("text_in", [
    "Договор заключён в 2019 г. в Омске.\n\nВ 2020 г. его продлили.  Итоги — в отчёте.",
    "  \nСоглашение подписали в г. Кургане.\nМ. В. Иванов — «Казахтелеком»…  ",
    "Омск", " ", "",
])
def test_sentence_starts_as_spacy_sets_them(nlp, text_in):
    """The tokenizer marks sentence starts on the Doc as Doc(sent_starts=…) does:
    the first token of each sentence and the document's first token."""
    doc = nlp.make_doc(text_in)
    starts = {start for start, _, _ in doc._.sentences}  # where the tokenizer found sentences begin
    firsts = {t.i for t in doc if t.idx in starts and not t.is_space} | {0}
    expected = Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
                   sent_starts=[t.i in firsts for t in doc])
    assert doc.to_bytes(exclude=["user_data"]) == expected.to_bytes(exclude=["user_data"])
    assert [s.start for s in doc.sents] == sorted(firsts) if len(doc) else not doc._.sentences


@pytest.mark.parametrize("text_in", [
    "Площадь парка 12 км2, рейс Ту-154М в 10:30, счёт 2:1.", "В 2019 г. в Омске, т. е. в РФ, и др.",
    "км2", "абв.где 5", "x²2 и 3Д, т.е. и В.Иванов.", "Номер 5 и А. Б. Иванов.", "Без цифр и точек",
])
def test_joined_spans_are_the_patterns_found_from_the_sentence_start(text_in):
    from pipeline.nlp.tokenizer import DOTTED, GLUED, is_abbreviation, joined_spans
    expected = [m.span() for m in GLUED.finditer(text_in)] + \
        [m.span() for m in DOTTED.finditer(text_in) if is_abbreviation(m[1])]
    assert joined_spans(text_in) == expected


@pytest.mark.parametrize("text_in", [
    "Делегация прибыла в Омск.\n\nВизит продлится два дня. Губернатор встретил гостей!",
    "Счёт 3 - 2. Игра окончена. Было сказано: «Да». Ответ: 5.",
    "  \nСоглашение подписали в г. Кургане.\nМ. В. Иванов — «Казахтелеком»…  ",
    "Собрались все. ...Потом ушли. Итог: 5/ 7 участников.", "Омск", " ", "",
])
def test_whole_text_tokens_are_razdels(nlp, text_in):
    """The tokens the NER reads, put together from the sentences', are
    razdel's tokens of the whole text."""
    from pipeline.adapters.razdel_tokens import token_spans
    assert nlp.make_doc(text_in)._.razdel_tokens == token_spans(text_in)


@pytest.mark.parametrize("text_in", [
    "Рост продолжился в 2010. 2011 год стал рекордным.",  # razdel joins "2010." looking at "2011"
    "Они приехали. - Да, приехали.",  # a sentence opening with a dash
])
def test_whole_text_tokens_left_to_razdel_where_they_may_differ(nlp, text_in):
    from pipeline.adapters.razdel_tokens import token_spans
    from pipeline.nlp.tokenizer import razdel_sentences
    from pipeline.text.clean import paragraph_spans
    doc = nlp.make_doc(text_in)
    assert len(doc._.sentences) == 2 and doc._.razdel_tokens is None
    if text_in.startswith("Рост"):  # the sentences' tokens end to end are not razdel's of the whole text
        found = [span for *_, spans in razdel_sentences(text_in, paragraph_spans(text_in)) for span in spans]
        assert found != token_spans(text_in)
