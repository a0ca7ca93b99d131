"""Government bodies: ORG of kind government, the span ending at the body's
own territory, `governs` the id of that territory, back-references."""

import pytest

from pipeline.text.clean import clean


def found(nlp, text):
    return nlp(clean(text).text)._.entities


def orgs(nlp, text):
    return [(e.text, e.normal, e.kind, e.governs) for e in found(nlp, text) if e.label == "ORG"]


def test_a_regional_body_ends_at_its_territory_and_the_country_stays_a_place(nlp):
    ents = found(nlp, "Письмо направлено Правительством Тюменской области Российской Федерации в июле.")
    labels = [(e.label, e.normal) for e in ents if e.label in ("ORG", "LOC")]
    assert labels == [("ORG", "Правительство Тюменской области"), ("LOC", "Российская Федерация")]
    assert ents[0].governs == "iso:RU-TYU"


def test_a_national_body_includes_its_country(nlp):
    assert orgs(nlp, "Ответ пришёл из Министерства иностранных дел Республики Беларусь.") == [
        ("Министерства иностранных дел Республики Беларусь", "Министерство иностранных дел Республики Беларусь",
         "government", "iso:BY")]


def test_no_place_is_extracted_inside_a_body(nlp):
    ents = found(nlp, "Конкурс объявил Акимат Костанайской области.")
    assert [(e.label, e.text) for e in ents] == [("ORG", "Акимат Костанайской области")]


def test_a_body_named_by_adjectives_governs_their_region(nlp):
    [(_, normal, kind, governs)] = orgs(nlp, "Соглашение утвердил Гомельский областной исполнительный комитет.")
    assert (normal, kind, governs) == ("Гомельский областной исполнительный комитет", "government", "iso:BY-HO")


def test_a_territorial_branch_governs_the_territory_named_in_it(nlp):
    [(_, _, _, governs)] = orgs(nlp, "Учения провело Главное управление МЧС России по Курганской области.")
    assert governs == "iso:RU-KGN"


def test_a_consulate_takes_its_host_city_and_governs_its_state(nlp):
    [(text, _, _, governs)] = orgs(nlp, "Приём устроило Генеральное консульство Республики Узбекистан в Новосибирске.")
    assert text.endswith("в Новосибирске") and governs == "iso:UZ"


def test_coordinated_bodies_are_two_organisations(nlp):
    assert [(n, g) for _, n, _, g in orgs(nlp, "Встречу готовили Администрации Курганской и Тюменской областей.")] == [
        ("Администрация Курганской области", "iso:RU-KGN"), ("Администрация Тюменской области", "iso:RU-TYU")]


def test_a_bare_head_refers_back_to_the_body_named_before(nlp):
    text = "Акимат Костанайской области объявил конкурс. Позже Акимат продлил приём заявок."
    bodies = orgs(nlp, text)
    assert [(t, n, g) for t, n, _, g in bodies] == [
        ("Акимат Костанайской области", "Акимат Костанайской области", "iso:KZ-39"),
        ("Акимат", "Акимат Костанайской области", "iso:KZ-39")]


def test_a_bare_head_with_nothing_before_it_is_not_an_entity(nlp):
    assert orgs(nlp, "По мнению экспертов, правительство медлит с решением.") == []


def test_a_country_after_a_bare_head_is_a_place_not_a_body_of_it(nlp):
    labels = {(e.label, e.normal) for e in found(nlp, "Акиматами областей Казахстана накоплен опыт.")}
    assert labels == {("LOC", "Казахстан")}


def test_adjectives_before_the_head_agree_with_it_in_the_normal(nlp):
    [(_, normal, _, _)] = orgs(nlp, "Поправки одобрило Курганское областное Законодательное Собрание.")
    assert normal == "Курганское областное Законодательное Собрание"


def test_a_post_is_not_a_body(nlp):
    ents = found(nlp, "Ярмарку открыл аким Костанайской области Айдар Касымов.")
    assert [(e.label, e.normal) for e in ents] == [("LOC", "Костанайская область"), ("PER", "Айдар Касымов")]


@pytest.mark.parametrize("text_in, expected", [
    # the tagger reads "Акимата" as an adjective and "Акиматом" as one of "акиматый"
    ("Итоги работы Акимата города Алматы обсудили на форуме.", [("Акимат города Алматы", "iso:KZ-75")]),
    ("Меморандум заключили Правительство Омской области и Акиматом Северо-Казахстанской области.",
     [("Правительство Омской области", "iso:RU-OMS"), ("Акимат Северо-Казахстанской области", "iso:KZ-59")]),
])
def test_a_head_word_the_tagger_misreads_is_still_a_government_head(nlp, text_in, expected):
    assert [(n, g) for _, n, k, g in orgs(nlp, text_in) if k == "government"] == expected
    assert all(k == "government" for _, _, k, _ in orgs(nlp, text_in))


def test_plural_bodies_written_as_a_name_are_one_body_governing_no_one_place(nlp):
    # "Акиматами" is tagged singular with the lemma "акимата"
    assert orgs(nlp, "Опытом поделились с Акиматами районов и городов Павлодарской области.") == [
        ("Акиматами районов и городов Павлодарской области", "Акиматы районов и городов Павлодарской области",
         "government", None)]


def test_a_plural_head_written_as_a_name_before_two_countries_makes_two_bodies(nlp):
    assert [(n, g) for _, n, _, g in orgs(nlp, "Переговоры вели Правительствами Казахстана и Монголии.")] == [
        ("Правительство Казахстана", "iso:KZ"), ("Правительство Монголии", "iso:MN")]


def test_a_lower_case_plural_head_before_two_countries_names_no_body(nlp):
    ents = found(nlp, "Встречу провели метеорологические службы Казахстана и России.")
    assert [(e.label, e.normal) for e in ents] == [("LOC", "Казахстан"), ("LOC", "Россия")]
