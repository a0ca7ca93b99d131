"""Organisations found by rule: quoted names with their legal form or type
word, nested quotes, international organisations, kinds."""

import pytest

from pipeline.text.clean import clean


def orgs(nlp, text):
    return [(e.text, e.kind) for e in nlp(clean(text).text)._.entities if e.label == "ORG"]


@pytest.mark.parametrize("text_in, expected", [
    ("Поставки ведёт ТОО «Степной Сокол» из Костаная.", ("ТОО «Степной Сокол»", "company")),
    ("Контракт получило АО «Иртыш Энерго Сервис».", ("АО «Иртыш Энерго Сервис»", "company")),
    ("Статью напечатала газета «Вечерний Курган».", ("газета «Вечерний Курган»", "other")),
    ("Встречу провела Курганская областная общественная организация «Союз ветеранов «Боевое братство»».",
     ("Курганская областная общественная организация «Союз ветеранов «Боевое братство»»", "ngo")),
])
def test_quoted_names_are_complete_with_their_legal_form(nlp, text_in, expected):
    assert orgs(nlp, text_in) == [expected]


def test_an_outer_quote_closed_together_with_the_inner_one(nlp):
    text = "Концерт подготовила общественная организация «Дружба народов «Сарыарка», а зрителей было много."
    assert orgs(nlp, text) == [("общественная организация «Дружба народов «Сарыарка»", "ngo")]


def test_a_quoted_programme_title_is_not_an_organisation(nlp):
    assert orgs(nlp, "Стартовала программа «Зелёный мост» для фермеров.") == []


@pytest.mark.parametrize("text_in, normal", [
    ("Правила торговли внутри ЕАЭС упростили.", "ЕАЭС"),
    ("Саммит Шанхайской организации сотрудничества прошёл в июне.", "Шанхайская организация сотрудничества"),
    ("Эксперты Евросоюза приехали с проверкой.", "Евросоюз"),
])
def test_international_organisations(nlp, text_in, normal):
    ents = nlp(clean(text_in).text)._.entities
    assert [(e.label, e.normal, e.kind) for e in ents] == [("ORG", normal, "international")]


def test_a_relational_adjective_before_the_type_word_stays_outside(nlp):
    assert orgs(nlp, "Репортаж опубликовала курганская газета «Степные зори».") == [("газета «Степные зори»", "other")]


def test_a_name_goes_on_over_its_place_and_the_person_it_is_named_after(nlp):
    ents = nlp(clean("Грант получил Союз фермеров Костанайской области.").text)._.entities
    assert [(e.label, e.normal) for e in ents] == [("ORG", "Союз фермеров Костанайской области")]
    ents = nlp(clean("Спектакль показал Курганский драматический театр имени В. П. Шукшина.").text)._.entities
    assert [(e.label, e.normal) for e in ents] == [("ORG", "Курганский драматический театр имени В. П. Шукшина")]


@pytest.mark.parametrize("text_in, name, kind", [
    ("Выставку открыла Торгово-промышленная палата Курганской области.",
     "Торгово-промышленная палата Курганской области", "ngo"),
    ("Решение принял Совет министров иностранных дел СНГ.", "Совет министров иностранных дел СНГ", "international"),
    ("Поправки внесло Министерство финансов Республики Казахстан.",
     "Министерство финансов Республики Казахстан", "government"),
])
def test_kind_follows_the_words_of_the_name(nlp, text_in, name, kind):
    ents = nlp(clean(text_in).text)._.entities
    assert [(e.normal, e.kind) for e in ents] == [(name, kind)]


def test_a_name_broken_across_lines_by_a_pdf_is_whole(nlp):
    text = "Станцию построило АО «Северная энергетиче-\nская компания» в прошлом году."
    # "Станцию", a common noun with the sentence's capital, is no organisation
    assert orgs(nlp, text) == [("АО «Северная энергетическая компания»", "company")]


def bodies(nlp, text):
    return [(e.normal, e.kind, e.governs) for e in nlp(clean(text).text)._.entities if e.label == "ORG"]


@pytest.mark.parametrize("text_in, expected", [
    # an official name running on with commas and coordinated nouns, to its territory
    ("Проект одобрило Министерство энергетики, жилищно-коммунального хозяйства и тарифов Курганской области.",
     [("Министерство энергетики, жилищно-коммунального хозяйства и тарифов Курганской области",
       "government", "iso:RU-KGN")]),
    ("Отчёт представило Министерство промышленности, торговой и перерабатывающей отрасли Курганской области.",
     [("Министерство промышленности, торговой и перерабатывающей отрасли Курганской области",
       "government", "iso:RU-KGN")]),
    # "по" with coordinated datives, "при" and a post, "в" and a region
    ("Заседание провела Комиссия по обеспечению и контролю безопасности дорожного движения Тюменской области.",
     [("Комиссия по обеспечению и контролю безопасности дорожного движения Тюменской области",
       "government", "iso:RU-TYU")]),
    ("Вопрос обсудил Совет по туризму при Губернаторе Алтайского края.",
     [("Совет по туризму при Губернаторе Алтайского края", "government", "iso:RU-ALT")]),
    ("Нарушения выявила Государственная инспекция труда в Курганской области.",
     [("Государственная инспекция труда в Курганской области", "government", "iso:RU-KGN")]),
    # a commission of two regions is one body
    ("Отчёт утвердила Рабочая комиссия по приграничной торговле Омской и Павлодарской областей.",
     [("Рабочая комиссия по приграничной торговле Омской и Павлодарской областей", "government", "iso:RU-OMS")]),
    # an abbreviation before its territory, a state institution's form before it
    ("Рейды провели УМВД России по Курганской области и ДП Костанайской области.",
     [("УМВД России по Курганской области", "government", "iso:RU-KGN"),
      ("ДП Костанайской области", "government", "iso:KZ-39")]),
    ("Сводку передало ГУ МЧС России по Новосибирской области.",
     [("ГУ МЧС России по Новосибирской области", "government", "iso:RU-NVS")]),
    ("Делегацию встретил Хокимият Самаркандской области.",
     [("Хокимият Самаркандской области", "government", "iso:UZ-SA")]),
])
def test_official_names_of_bodies_are_complete(nlp, text_in, expected):
    assert bodies(nlp, text_in) == expected


@pytest.mark.parametrize("text_in, expected", [
    # a university named after a person ends with that person's name, the next person is apart
    ("Грант получил Северо-Казахстанский университет имени М. Козыбаева Андреем Лысенко.",
     "Северо-Казахстанский университет имени М. Козыбаева"),
    ("Лекцию читали в Алтайском университете имени Шакарима Т. Б. Омарову.", "Алтайский университет имени Шакарима"),
    ("Стажировку предложил Павлодарский университет имени Алькея Маргулана.",
     "Павлодарский университет имени Алькея Маргулана"),
])
def test_a_name_after_imeni_is_one_person(nlp, text_in, expected):
    assert expected in [normal for normal, _, _ in bodies(nlp, text_in)]


@pytest.mark.parametrize("text_in, expected", [
    ("Белорусский концерн «Гроднопромстрой» построит завод.", ("концерн «Гроднопромстрой»", "company")),
    ("Узбекская фирма «Шарк Текстиль» открыла склад.", ("фирма «Шарк Текстиль»", "company")),
    ("Семинар провело РГУ «Департамент юстиции Павлодарской области».",
     ("РГУ «Департамент юстиции Павлодарской области»", "government")),
])
def test_a_company_is_its_quoted_name_with_its_form(nlp, text_in, expected):
    assert expected in orgs(nlp, text_in)


def test_a_text_is_read_for_names_after_a_person_wherever_a_word_folds_to_imeni():
    """The stage skips "имени" in a text where no word can fold to it."""
    from pipeline.rules.name_index import fold
    from pipeline.stages.organisations import NAMED
    for word in ("имени", "Имени", "ИМЕНИ", "имёни", "ИмЁни"):
        assert fold(word) == "имени" and NAMED.search(f"Театр {word} Шукшина открыл сезон.")
    assert NAMED.search("Театр драмы открыл сезон, а именной фонд — музей.") is None
