"""One identity per actor: abbreviations, official names and short forms of a
person's name in one document share a canonical name; normal is unchanged."""

import pytest

from pipeline.text.clean import clean


def named(nlp, text, label):
    return {(e.normal, e.canonical) for e in nlp(clean(text).text)._.entities if e.label == label}


@pytest.mark.parametrize("text_in, label, normal, canonical", [
    ("Казахстан вступил в ЕАЭС в 2015 году.", "ORG", "ЕАЭС", "Евразийский экономический союз"),
    ("Представители КНР приехали в Омск.", "LOC", "КНР", "Китайская Народная Республика"),
    ("Делегация Китая приехала в Омск.", "LOC", "Китай", "Китайская Народная Республика"),
    ("Акимат ВКО объявил конкурс.", "ORG", "Акимат ВКО", "Акимат Восточно-Казахстанской области"),
])
def test_abbreviations_and_short_names_take_the_official_name(nlp, text_in, label, normal, canonical):
    assert (normal, canonical) in named(nlp, text_in, label)


def test_a_person_by_initials_is_the_same_person_named_in_full(nlp):
    text = ("Министр Сергей Игоревич Воронин открыл форум в Омске. "
            "По словам С. И. Воронина, работа продолжится. Воронин поблагодарил гостей.")
    persons = named(nlp, text, "PER")
    assert {c for _, c in persons} == {"Сергей Игоревич Воронин"}
    assert len(persons) >= 2  # the normals stay as written


def test_two_people_with_one_surname_and_other_initials_stay_apart(nlp):
    persons = dict(named(nlp, "Иван Петров и А. Петров подписали письмо.", "PER"))
    assert persons.get("А. Петров") == "А. Петров"
