import pytest

import samples
from pipeline.ingest.sources import IngestError, source_of

TITLE = "Визит делегации"
PARAGRAPHS = ["Делегация Омской области посетила Павлодар и провела переговоры с акиматом.",
              "Стороны подписали соглашение о сотрудничестве в сфере образования."]


@pytest.mark.parametrize("name, data, fmt", [
    ("a.html", samples.html(TITLE, PARAGRAPHS), "html"),
    ("a.htm", samples.html(TITLE, PARAGRAPHS), "html"),
    ("a.docx", samples.docx(PARAGRAPHS), "docx"),
    ("a.odt", samples.odt(PARAGRAPHS), "odt"),
    ("a.rtf", samples.rtf(PARAGRAPHS), "rtf"),
    ("a.pdf", samples.pdf(PARAGRAPHS), "pdf"),
])
def test_every_format_gives_its_paragraphs(name, data, fmt):
    source = source_of(name, data)
    assert source.format == fmt
    for paragraph in PARAGRAPHS:
        assert paragraph in source.text


def test_html_keeps_the_article_not_the_menu_or_footer():
    text = source_of("page.html", samples.html(TITLE, PARAGRAPHS)).text
    assert "Контакты" not in text and "Подписывайтесь" not in text
    assert text.index(PARAGRAPHS[0]) < text.index(PARAGRAPHS[1])


def test_html_in_windows_1251_is_decoded():
    data = samples.html(TITLE, PARAGRAPHS).decode().replace("charset='utf-8'", "charset='windows-1251'")
    source = source_of("page.htm", data.encode("cp1251"))
    assert source.encoding == "cp1251" and PARAGRAPHS[1] in source.text


def test_pdf_lines_are_cleaned_like_text(nlp):
    from pipeline.text.clean import clean_text
    lines = ["Делегация Омской области посе-", "тила Павлодар и провела переговоры", "с акиматом области."]
    text = clean_text(source_of("a.pdf", samples.pdf(lines)).text)
    assert text == "Делегация Омской области посетила Павлодар и провела переговоры с акиматом области."


def test_paragraphs_of_word_files_stay_paragraphs():
    text = source_of("a.docx", samples.docx(PARAGRAPHS)).text
    assert text == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize("name, data, reason", [
    ("scan.pdf", samples.blank_pdf(), "no text layer"),
    ("locked.pdf", samples.pdf(PARAGRAPHS, password="секрет"), "password-protected"),
    ("cut.pdf", samples.pdf(PARAGRAPHS)[:300], "pdf: damaged or truncated"),
    ("cut.docx", samples.docx(PARAGRAPHS)[:2000], "docx: damaged or truncated"),
    ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "password-protected"),
    ("cut.odt", samples.odt(PARAGRAPHS)[:500], "odt: damaged or truncated"),
    ("script.html", b"<html><body><script>var a = 1;</script></body></html>", "no main text"),
    ("fake.rtf", "Просто текст".encode(), "not an RTF file"),
])
def test_broken_files_say_why(name, data, reason):
    with pytest.raises(IngestError, match=reason):
        source_of(name, data)


HEADER = "Вестник межрегионального сотрудничества, 2024, № 3"
PAGE_BODIES = [
    ["Делегация Омской области прибыла в Павлодар", "для переговоров с акиматом области.", None,
     "Стороны обсудили поставки зерна и открытие", "нового пограничного пункта"],
    ["пропуска на границе двух областей.", None, "Губернатор подписал соглашение о побратимстве", "с городом Усть-Каменогорском.", None,
     "Следующая встреча рабочей группы назначена", "на осень в Омске."],
    ["Итоги визита будут представлены на заседании", "регионального правительства."],
]


def running_pdf(footer) -> tuple:
    """Pages with a running head, a page number at the foot and paragraphs
    separated by a wider gap (None in a page body)."""
    pages = []
    for n, body in enumerate(PAGE_BODIES, 1):
        lines, y = [(150, 810, HEADER)], 760
        for line in body:
            if line is None:
                y -= 14  # a paragraph gap: one line's spacing more
                continue
            lines.append((40, y, line))
            y -= 14
        lines.append((280, 30, footer.format(n=n, total=len(PAGE_BODIES))))
        pages.append(lines)
    return samples.pdf_pages(pages)


@pytest.mark.parametrize("footer", ["{n}", "– {n} –", "- {n} -", "стр. {n}", "{n} из {total}", "Страница {n}"])
def test_pdf_running_heads_and_page_numbers_are_dropped(footer):
    text = source_of("a.pdf", running_pdf(footer)).text
    assert "Вестник" not in text
    assert [line for line in text.split("\n") if line.strip() and not any(c.isalpha() for c in line)] == []
    assert "стр." not in text and "Страница" not in text and " из " not in text


def test_pdf_paragraphs_within_a_page_are_kept():
    from pipeline.text.clean import clean_text
    paragraphs = clean_text(source_of("a.pdf", running_pdf("– {n} –")).text).split("\n\n")
    assert paragraphs[:3] == [
        "Делегация Омской области прибыла в Павлодар для переговоров с акиматом области.",
        "Стороны обсудили поставки зерна и открытие нового пограничного пункта пропуска на границе двух областей.",
        "Губернатор подписал соглашение о побратимстве с городом Усть-Каменогорском."]


def test_pdf_source_map_is_exact(nlp):
    from pipeline.nlp.document import process
    source = source_of("a.pdf", running_pdf("стр. {n} из {total}"))
    record = process(source, "a")
    from pipeline.text.align import to_source
    for entity in record.entities:
        start = to_source(record.source_map, entity.start)
        assert source.text[start:start + len(entity.text)] == entity.text
    assert len(record.entities) >= 4


def test_a_pdf_of_one_page_keeps_a_repeated_looking_line():
    text = source_of("a.pdf", samples.pdf(["Омск и Павлодар", "договорились о встрече."])).text
    assert text.startswith("Омск и Павлодар")


def test_docx_table_reads_a_row_per_line():
    table = [["Регион", "Партнёр", "Год соглашения"],
             ["Омская область", "Павлодарская область", "2019"],
             ["Алтайский край", "Восточно-Казахстанская область", "2021"]]
    text = source_of("a.docx", samples.docx(PARAGRAPHS, table)).text
    lines = [line for line in text.split("\n") if line]
    assert lines[-3:] == [" | ".join(row) for row in table]
    assert lines[:2] == PARAGRAPHS
