import random

import pytest

from pipeline.text.clean import clean
from pipeline.stages.entities import Kept
from pipeline.records import Entity


def entities(nlp, text):
    return nlp(clean(text).text)._.entities


def found(nlp, text):
    return {(e.label, e.normal) for e in entities(nlp, text)}


@pytest.mark.parametrize("text_in, expected", [
    ("Губернатор встретился с Дональдом Трампом в Вашингтоне.", {("PER", "Дональд Трамп"), ("LOC", "Вашингтон")}),
    ("Делегация Омской области прибыла в Павлодар.", {("LOC", "Омская область"), ("LOC", "Павлодар")}),
    ("Губернатор Виталий Хоценко провёл переговоры в Астане.", {("PER", "Виталий Хоценко"), ("LOC", "Астана")}),
    ("Выставка прошла в Новосибирске при поддержке мэрии.", {("LOC", "Новосибирск")}),
])
def test_names_in_nominative(nlp, text_in, expected):
    assert found(nlp, text_in) == expected


@pytest.mark.parametrize("text_in, mention, value", [
    ("Меморандум был подписан 2 августа 2017 г. в Омске.", "2 августа 2017 г.", "2017-08-02"),
    ("Ярмарка прошла в марте 2019 года в Костанае.", "марте 2019 года", "2019-03"),
    ("Соглашение заключено в 2007 г. на пять лет.", "2007 г.", "2007"),
    ("Документ вступил в силу 15.03.2021 после ратификации.", "15.03.2021", "2021-03-15"),
])
def test_dates_with_offsets_and_iso_value(nlp, text_in, mention, value):
    text = clean(text_in).text
    dates = [e for e in entities(nlp, text_in) if e.label == "DATE"]
    assert [(text[d.start:d.end], d.value) for d in dates] == [(mention, value)]


def test_month_date_normal_is_nominative(nlp):
    assert found(nlp, "Ярмарка прошла в марте 2019 года в Костанае.") == {("DATE", "март 2019 года"), ("LOC", "Костанай")}


def test_offsets_index_the_clean_text_and_lie_in_their_sentence(nlp):
    text_in = "Акимат Павлодарской области\tзаключил соглашение.\n\nВ 2007 г. делегация посетила Омск."
    doc = nlp(clean(text_in).text)
    sents = list(doc.sents)
    assert doc._.entities
    for e in doc._.entities:
        assert doc.text[e.start:e.end] == e.text
        sent = sents[e.sentence]
        assert sent.start_char <= e.start and e.end <= sent.end_char


def test_spans_never_overlap(nlp):
    ents = entities(nlp, "Правительство Омской области и Акимат Павлодарской области 4 августа 2017 г. "
                         "подписали план с АО «Алюминий Казахстана».")
    for a, b in zip(ents, ents[1:]):
        assert a.end <= b.start


def test_every_entity_says_which_layer_found_it(nlp):
    ents = entities(nlp, "Глава Костанайской области Ержан Касенов 3 марта 2022 г. подписал с ТОО «Жол» "
                         "договор на 2 млн тенге.")
    sources = {(e.label, e.source) for e in ents}
    assert {("LOC", "gazetteer"), ("PER", "ner"), ("DATE", "rule"), ("ORG", "rule"), ("MONEY", "rule")} <= sources


def test_a_longer_place_natasha_found_keeps_the_gazetteer_place_it_contains(nlp):
    ents = [e for e in entities(nlp, "Туристы всё чаще едут на Южный Кавказ.") if e.label == "LOC"]
    assert [(e.normal, e.source, e.kind) for e in ents] == [("Южный Кавказ", "ner", "other")]


def overlapping_any(spans: list, e) -> bool:
    return not all(e.end <= k.start or e.start >= k.end for k in spans)


def test_kept_spans_overlap_as_a_check_against_every_one():
    rng = random.Random(5)
    for _ in range(2000):
        kept, spans = [], Kept()
        for _ in range(rng.randint(1, 12)):
            start = rng.randint(0, 40)
            e = Entity(start, start + rng.choice([0, 1, 2, 5, 9, 20]), "", "LOC", "")
            assert spans.overlaps(e) == overlapping_any(kept, e)
            if not spans.overlaps(e):
                kept.append(e)
                spans.add(e)


def test_spacys_spans_carry_each_entitys_label_and_id(nlp):
    """doc.ents and the span group of candidates: labels and ids given to
    spaCy as their hashes read back as the records' strings."""
    doc = nlp(clean("Правительство Омской области и акимат Павлодарской области 4 августа 2017 г. "
                    "выделили 2 млн рублей.").text)
    assert [(s.text, s.label_, s.kb_id_) for s in doc.ents] == [
        (e.text, e.label, e.id or "") for e in doc._.entities]
    candidates = {(s.text, s.label_, s.kb_id_) for s in doc.spans["candidates"]}
    assert ("Омской области", "LOC", "iso:RU-OMS") in candidates
    assert ("Павлодарской области", "LOC", "iso:KZ-55") in candidates
    assert {label for _, label, _ in candidates} >= {"ORG", "LOC", "DATE", "MONEY"}
