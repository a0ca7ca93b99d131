import pytest

from pipeline.text.align import to_source
from pipeline.text.clean import clean, clean_text, paragraph_spans


@pytest.mark.parametrize("text_in, expected", [
    # a word broken by the typesetter is joined
    ("новые инстру-\nменты политики", "новые инструменты политики"),
    ("развитие сотрудни-\nчества регионов", "развитие сотрудничества регионов"),
    ("самостоя-\n тельное направление", "самостоятельное направление"),
    # a real compound broken at its own hyphen keeps it
    ("научно-\nтехнической сферы", "научно-технической сферы"),
    ("торгово-\nэкономические связи", "торгово-экономические связи"),
    ("Северо-\nКазахстанской области", "Северо-Казахстанской области"),
    # on one line only a dictionary word is joined; suspended hyphens stay
    ("АО «Евразийская энергетиче- ская компания»", "АО «Евразийская энергетическая компания»"),
    ("производство электро- и теплоэнергии", "производство электро- и теплоэнергии"),
])
def test_hyphenation(text_in, expected):
    assert clean_text(text_in) == expected


@pytest.mark.parametrize("text_in, expected", [
    ("Омская\tобласть\t\tи  Павлодар", "Омская область и Павлодар"),
    ("слово\u00a0слово\u00adслово", "слово словослово"),
    ("строка\r\nдругая", "строка другая"),
    ("Омск \u2003 и\u00a0 \tПавлодар", "Омск и Павлодар"),    # a run of mixed spaces is one space
    ("Омск\u2009— Павлодар", "Омск — Павлодар"),
    ("строка\rдругая\u2028третья", "строка другая третья"),  # each line break, not only \n
])
def test_spaces_and_invisible_characters(text_in, expected):
    assert clean_text(text_in) == expected


@pytest.mark.parametrize("text_in, expected", [
    ("  Омск  \n \n  Павлодар  ", "Омск\n\nПавлодар"),     # spaces at paragraph and text edges
    ("Омск\r\n\r\nПавлодар\x0cАстана", "Омск\n\nПавлодар Астана"),
    ("Омск.\n\nПавлодар.\n\n\n\nАстана", "Омск.\n\nПавлодар.\n\nАстана"),  # paragraph breaks only
])
def test_paragraph_breaks_and_edges(text_in, expected):
    cleaned = clean(text_in)
    assert cleaned.text == expected
    runs = cleaned.runs()
    assert all(text_in[to_source(runs, i)] == c for i, c in enumerate(expected) if not c.isspace())


WRAPPED = (
    "Аннотация\n\n"
    "Сотрудничество приграничных регионов России и Казахстана\n"
    "развивается в торговле, образовании и культуре, а также\n"
    "в охране окружающей среды и взаимопомощи при паводках.\n\n"
    "Второй абзац начинается здесь и продолжается на\n"
    "следующей строке без пустой строки между ними.\n"
)


def test_wrapped_lines_are_unwrapped_and_paragraphs_kept():
    text = clean_text(WRAPPED)
    paragraphs = [text[s:e] for s, e in paragraph_spans(text)]
    assert paragraphs == [
        "Аннотация",
        "Сотрудничество приграничных регионов России и Казахстана развивается в торговле, "
        "образовании и культуре, а также в охране окружающей среды и взаимопомощи при паводках.",
        "Второй абзац начинается здесь и продолжается на следующей строке без пустой строки между ними.",
    ]


def test_one_paragraph_per_line_keeps_lines_apart():
    lines = ["Первая новость о сотрудничестве Омской области и Казахстана в сфере торговли " * 3,
             "Вторая новость о визите делегации Алтайского края в Усть-Каменогорск и подписании " * 3]
    text = clean_text("\n".join(lines))
    assert len(paragraph_spans(text)) == 2


def test_markdown_headings_and_list_items_are_paragraphs():
    text = clean_text("# Иртыш\nРека течёт через Китай,\nКазахстан и Россию.\n- Омская область\n- Павлодарская область")
    paragraphs = [text[s:e] for s, e in paragraph_spans(text)]
    assert paragraphs == ["# Иртыш", "Река течёт через Китай, Казахстан и Россию.",
                          "- Омская область", "- Павлодарская область"]


@pytest.mark.parametrize("source", [
    WRAPPED,
    "\tНовые\tинстру-\nменты  soft\tpower\r\nв\u00a0регионах",
    "  Павлодар-\nская область и научно-\nтехнический  центр \n\n\n Омск ",
])
def test_source_map_round_trip(source):
    aligned = clean(source)
    runs = aligned.runs()
    assert runs[0][0] == 0
    for i, ch in enumerate(aligned.text):
        src = to_source(runs, i)
        assert src == aligned.offsets[i]
        if ch.isalnum():
            assert source[src] == ch  # every letter maps onto the same letter
