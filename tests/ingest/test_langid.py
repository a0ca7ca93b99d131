import pytest

from pipeline.ingest.langid import describe, detect


@pytest.mark.parametrize("text, expected", [
    ("Делегация Омской области посетила Павлодар и обсудила торговлю.", "ru"),
    ("Губернатор встретился с акимом. Статья опубликована в журнале «Journal of Eurasian Studies» "
     "(Vol. 5, No. 2).", "ru"),
    ("Аким Қостанай облысы встретился с губернатором Челябинской области и обсудил поставки зерна.", "ru"),
    ("The delegation of Omsk region visited Pavlodar to discuss trade.", "und"),
    ("Облыс әкімі көршілес өңірдің губернаторымен кездесіп, сауда және білім саласындағы "
     "ынтымақтастықты талқылады.", "kk"),
    ("Делегація Омської області відвідала Павлодар і обговорила співпрацю в галузі освіти.", "uk"),
    ("Дэлегацыя Омскай вобласці наведала Паўладар і абмеркавала супрацоўніцтва.", "be"),
    ("12345 67 -- 89", "und"),
])
def test_detect(text, expected):
    assert detect(text) == expected


def test_describe_names_the_language():
    assert describe("kk").startswith("not Russian: Kazakh (kk)")
