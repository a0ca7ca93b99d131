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
