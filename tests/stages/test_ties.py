"""Cooperation ties (shared/spec/ties.md) on sentences written for these tests:
a stated act between two territories is a tie; places merely listed, a venue,
or two bodies of one region are not."""

import pytest

from pipeline.text.clean import clean


def ties(nlp, text):
    return nlp(clean(text).text)._.ties


def pairs(found):
    return {(t.parties[0].normal, t.parties[1].normal, t.type) for t in found}


def test_an_agreement_of_an_akimat_and_a_regional_government_is_one_tie_of_the_regions(nlp):
    found = ties(nlp, "Акимат Костанайской области и Правительство Курганской области подписали соглашение "
                      "о торгово-экономическом сотрудничестве.")
    assert pairs(found) == {("Костанайская область", "Курганская область", "agreement")}
    [tie] = found
    assert [p.id for p in tie.parties] == ["iso:KZ-39", "iso:RU-KGN"]
    assert tie.evidence == [0] and 0 < tie.score <= 1


@pytest.mark.parametrize("text_in", [
    "В рейтинг вошли Омская, Новосибирская и Томская области.",
    "Погода в Павлодарской области и Алтайском крае будет переменчивой.",
    "Туристы из Китая, Монголии и Казахстана чаще всего выбирают горные маршруты.",
])
def test_places_merely_listed_give_no_tie(nlp, text_in):
    assert ties(nlp, text_in) == []


def test_a_visit_during_which_a_memorandum_is_signed_gives_a_visit_and_an_agreement(nlp):
    found = ties(nlp, "Делегация Оренбургской области во главе с губернатором посетила Актюбинскую область. "
                      "В ходе визита стороны подписали меморандум о сотрудничестве в сфере образования.")
    assert pairs(found) == {("Актюбинская область", "Оренбургская область", "visit"),
                            ("Актюбинская область", "Оренбургская область", "agreement")}


def test_sister_cities_are_a_twinning_tie(nlp):
    found = ties(nlp, "Барнаул и Усть-Каменогорск стали городами-побратимами: мэр Барнаула и аким "
                      "Усть-Каменогорска подписали договор о побратимских связях.")
    assert ("Барнаул", "Усть-Каменогорск", "twinning") in pairs(found)


def test_a_tie_takes_the_date_of_the_act_and_the_dateline_otherwise(nlp):
    found = ties(nlp, "Омск, 14 марта 2025 г. Губернатор Омской области принял делегацию Павлодарской области.")
    assert [(t.type, t.date) for t in found] == [("visit", "2025-03-14")]


def test_a_venue_is_no_party(nlp):
    found = ties(nlp, "В Новосибирске прошла выставка сельхозтехники, на которой побывали фермеры.")
    assert found == []


def test_the_ties_read_a_word_per_non_space_token_of_the_document(nlp):
    from pipeline.rules.tie_candidates import Word
    from pipeline.stages.ties import tie_words
    doc = nlp(clean("Аким  Павлодарской области посетил Омск.\n\nСтороны подписали соглашение.").text)
    words = tie_words(doc)
    assert words == [(t.idx, t.idx + len(t.text), t.lemma_, t.pos_, t.text) for t in doc if not t.is_space]
    assert all(type(w) is Word for w in words) and len(words) < len(doc)
    assert words[1].text == "Павлодарской" and words[1].end == words[1].start + 12
