"""Article metadata (output.md 1.1): from the file's own properties first,
then from the text (dateline, first heading), each with its source."""

import io

import docx
import pytest
from pypdf import PdfWriter

from pipeline.ingest.metadata import first_heading, from_pdf, with_text
from pipeline.ingest.sources import source_of

PAGE = """<html><head><title>Омск и Павлодар подписали дорожную карту | Омский вестник</title>
<meta name="author" content="Ирина Соколова">
<meta property="og:site_name" content="Омский вестник">
<meta property="article:published_time" content="2024-04-17T09:30:00+06:00"></head>
<body><article><h1>Омск и Павлодар подписали дорожную карту</h1>
<p>Правительство Омской области и акимат Павлодарской области подписали дорожную карту сотрудничества
на два года. Документ предусматривает обмен делегациями, совместные ярмарки и программы для студентов.</p>
<p>Стороны договорились провести следующую встречу осенью в Павлодаре.</p></article></body></html>"""


def test_html_meta_gives_title_date_author_site():
    meta = source_of("a.html", PAGE.encode()).metadata
    assert (meta["published"], meta["author"], meta["site"]) == ("2024-04-17", "Ирина Соколова", "Омский вестник")
    assert meta["title"].startswith("Омск и Павлодар подписали дорожную карту")
    assert meta["metadata_source"]["published"] == "html-meta"


def test_docx_core_properties():
    document = docx.Document()
    document.add_paragraph("Приграничное сотрудничество Курганской и Костанайской областей в 2023 году.")
    document.core_properties.title = "Курган и Костанай: итоги года"
    document.core_properties.author = "Пётр Иванов"
    buf = io.BytesIO()
    document.save(buf)
    meta = source_of("b.docx", buf.getvalue()).metadata
    assert (meta["title"], meta["author"]) == ("Курган и Костанай: итоги года", "Пётр Иванов")
    assert meta["metadata_source"]["title"] == "docx-properties"


def test_pdf_info_dictionary():
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.add_metadata({"/Title": "Трансграничные связи Алтая", "/Author": "А. Смирнов",
                         "/CreationDate": "D:20230912101500+07'00'"})
    buf = io.BytesIO()
    writer.write(buf)
    meta = from_pdf(buf.getvalue())
    assert (meta["title"], meta["author"], meta["published"]) == ("Трансграничные связи Алтая", "А. Смирнов", "2023-09-12")


@pytest.mark.parametrize("text_in, title", [
    ("Аннотация. В статье рассматривается сотрудничество регионов.", None),
    ("Аннотация\n\nВ статье рассматривается сотрудничество регионов.", None),
    ("УДК 327.7\n\nПриграничное сотрудничество Омской области\n\nАннотация", "Приграничное сотрудничество Омской области"),
    ("Омская и Павлодарская области утвердили дорожную карту\n\nОмск, 17 апреля 2024 г. Стороны...",
     "Омская и Павлодарская области утвердили дорожную карту"),
    ("Губернатор принял делегацию. Стороны обсудили поставки зерна.", None),
])
def test_the_first_heading_is_a_title_unless_it_is_a_section_name_or_running_text(text_in, title):
    assert first_heading(text_in) == title


def test_the_file_keeps_priority_over_the_text():
    meta = with_text({"title": "Из свойств файла", "published": None, "author": None, "site": None,
                      "metadata_source": {"title": "docx-properties"}}, "Заголовок в тексте\n\nТекст.", "2024-03-01")
    assert (meta["title"], meta["published"]) == ("Из свойств файла", "2024-03-01")
    assert meta["metadata_source"] == {"title": "docx-properties", "published": "dateline"}
