"""The review site: pages that open from disk, anchors that lead somewhere,
the contract's facts on the pages in Russian, the corpus views built from
schema 1.0 and 1.1 outputs, incremental rebuilds; and, in headless Chromium
(marked `browser`), the index's search and filters, the actor pages, the map
and the network at desktop and phone width."""

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from pipeline.outputs.reading import published, title
from pipeline.outputs.review import build_site, write_review
from pipeline.outputs.review.actors import actor_page
from pipeline.run import ledger
from pipeline.outputs.review.browser import find_browser, screenshot
from pipeline.outputs.review.colors import ent_color
from pipeline.outputs.review.paragraph import segments
from test_exports import make_outputs


class Page(HTMLParser):
    """ids, links, script and image sources, mark elements and visible text of a page."""

    def __init__(self, path: Path):
        super().__init__()
        self.ids, self.links, self.sources, self.marks, self.text = {}, [], [], [], []
        self.skip = False
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids[a["id"]] = a
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag in ("img", "script", "link") and (a.get("src") or a.get("href")):
            self.sources.append(a.get("src") or a["href"])
        if tag == "mark":
            self.marks.append(a)
        self.skip = tag in ("script", "style")

    def handle_endtag(self, tag):
        self.skip = False

    def handle_data(self, data):
        if not self.skip:
            self.text.append(data)

    @property
    def words(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.text))


def schema_10(out: Path, docs: dict) -> dict:
    """The fixture documents as schema 1.0 wrote them: without ties."""
    for doc in docs.values():
        doc.pop("ties", None)
        (out / f"{doc['doc_id']}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return docs


def with_schema_11(out: Path, docs: dict) -> dict:
    """The fixture documents as schema 1.1 writes them: metadata, canonical names, ties."""
    visit, flood = docs["visit"], docs["flood"]
    visit["metadata"] = {"title": "Новосибирская делегация в Павлодаре", "published": "2021-05-14",
                         "author": "Пресс-служба", "site": "nsk.example", "metadata_source": {}}
    flood["metadata"] = {"title": None, "published": "2022-03-20", "author": None, "site": "ore.example"}
    for doc in (visit, flood):
        for e in doc["entities"]:
            e["canonical"] = e["normal"]
    # Two names of one body share a canonical name: one actor in the corpus.
    visit["entities"][6]["canonical"] = flood["entities"][4]["canonical"] = "Органы власти (тест)"
    visit["ties"] = [
        {"parties": [{"normal": "Новосибирская область", "id": "iso:RU-NVS"},
                     {"normal": "Павлодарская область", "id": "iso:KZ-55"}],
         "type": "agreement", "date": "2021-05", "directions": ["economic", "governance"], "score": 0.87,
         "evidence": [3, 4]},
        {"parties": [{"normal": "Новосибирская область", "id": "iso:RU-NVS"},
                     {"normal": "Нижняя Чуйская волость", "id": None}],
         "type": "visit", "date": None, "directions": ["governance"], "score": 0.5, "evidence": [1]}]
    flood["ties"] = [
        {"parties": [{"normal": "Актюбинская область", "id": "iso:KZ-15"},
                     {"normal": "Оренбургская область", "id": "iso:RU-ORE"}],
         "type": "aid", "date": "2022-03", "directions": ["emergency"], "score": 0.9, "evidence": [1]}]
    for doc in (visit, flood):
        doc["schema_version"] = "1.1"
        (out / f"{doc['doc_id']}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return docs


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Schema 1.0 outputs (no ties, canonical or metadata) with a stale page of an earlier run."""
    out = tmp_path_factory.mktemp("out")
    docs = schema_10(out, make_outputs(out))
    (out / "report" / "articles").mkdir(parents=True)
    ledger.record(out, ["report/articles/gone.html"])
    (out / "report" / "articles" / "gone.html").write_text("an article of an earlier run")
    (out / "report" / "articles" / "notes.html").write_text("a page the user keeps beside the report")
    return docs, write_review(out)


@pytest.fixture(scope="module")
def site11(tmp_path_factory):
    out = tmp_path_factory.mktemp("out11")
    docs = with_schema_11(out, make_outputs(out))
    return docs, write_review(out)


def _article(index: Path, doc_id: str) -> Path:
    return index.parent / "articles" / f"{doc_id}.html"


def _data(index: Path, name: str):
    text = (index.parent / "data" / f"{name}.js").read_text(encoding="utf-8")
    return json.loads(text.split(" = ", 1)[1].rstrip().rstrip(";"))


def _pages(index: Path) -> list:
    folder = index.parent
    return [*folder.glob("*.html"), *folder.glob("articles/*.html"), *folder.glob("actors/*.html")]


@pytest.mark.parametrize("fixture", ["site", "site11"])
def test_every_local_link_script_and_picture_resolves(fixture, request):
    _, index = request.getfixturevalue(fixture)
    for page in _pages(index):
        parsed = Page(page)
        for ref in parsed.links + parsed.sources:
            url = urlparse(ref)
            assert url.scheme == "", f"{page.name} reaches out to {ref}"
            if url.path:
                assert (page.parent / unquote(url.path)).exists(), f"{page.name}: {ref} is missing"
            if url.fragment and not url.path:
                assert url.fragment in parsed.ids, f"{page.name}: #{url.fragment} leads nowhere"


def test_vendored_libraries_ship_with_their_licences(site):
    _, index = site
    vendor = index.parent / "static" / "vendor"
    for name in ("cytoscape.min.js", "d3-geo.min.js", "d3-array.min.js", "topojson-client.min.js", "countries-110m.js"):
        assert (vendor / name).stat().st_size > 1000
    assert {"cytoscape.LICENSE", "d3-geo.LICENSE", "world-atlas.LICENSE"} <= {p.name for p in (vendor / "licenses").iterdir()}
    for page in _pages(index):
        assert "cdn" not in page.read_text(encoding="utf-8").lower() and "https://" not in "".join(Page(page).sources)


def test_index_data_holds_one_row_per_article(site):
    docs, index = site
    data = _data(index, "index")
    rows = {r[0]: r for r in data["rows"]}
    visit = rows["visit"]
    assert visit[1] == "Визит делегации в Павлодар"
    assert (visit[2], visit[3]) == ("2021-05-12", 2)      # the text's date, marked as such
    assert [data["directions"][i][0] for i, _ in visit[6]] == ["economic", "governance"]
    assert data["directions"][0][1] == "торгово-экономическое"
    names = {data["actors"][i][0] for i in visit[7]}
    assert {"Новосибирская область", "Павлодарская область", "Андрей Соколов"} <= names
    assert visit[9:12] == [2, 2, 1]                        # regions, organisations, persons
    assert visit[8] == len(docs["visit"]["text"])
    assert not _article(index, "gone").exists()
    assert _article(index, "notes").read_text() == "a page the user keeps beside the report"


def test_index_lists_failed_inputs_in_russian(site):
    _, index = site
    words = Page(index).words
    assert "Пропущенные и необработанные входы" in words and "in/broken.txt ошибка empty file" in words
    assert "Статьи Акторы Направления Сеть связей Карта" in words


def test_article_marks_every_mention_and_links_rows(site):
    docs, index = site
    page = Page(_article(index, "flood"))
    marks = {m["id"]: m for m in page.marks}
    assert set(marks) == {f"m{i}" for i in range(len(docs["flood"]["entities"]))}
    assert "background: " + ent_color("LOC", "region") in marks["m0"]["style"]
    assert "Оренбургская область · iso:RU-ORE" == marks["m0"]["title"]
    assert {"#m0", "#m6"} <= set(page.links)
    assert page.links.count("#e0") == 2


def test_article_shows_directions_of_every_sentence_in_the_text(site):
    docs, index = site
    page = Page(_article(index, "visit"))
    words = page.words
    assert "торгово-экономическое 0.85 2 предложения" in words
    # the sentence's own directions follow it, visible, short Russian names
    assert re.search(r"подписали соглашение о торговле\. власти 0\.80 экон\. 0\.75", words)
    assert re.search(r"на 5 млн рублей MONEY \. экон\. 0\.92", words)
    assert page.ids["s4"]["title"] == "торгово-экономическое (economic) 0.92"
    assert page.ids["s1"]["title"] == "без направления"
    assert page.ids["s3"]["class"] == "sent ev" and page.ids["s1"]["class"] == "sent"
    assert {"#s2", "#s3", "#s4"} <= set(page.links)


def test_article_links_entities_to_actor_pages(site):
    _, index = site
    page = Page(_article(index, "visit"))
    target = "../" + actor_page("LOC|Новосибирская область|iso:RU-NVS")
    assert target in page.links and (index.parent / target[3:]).exists()
    assert "Связи в этом запуске не извлекались." in page.words


@pytest.mark.parametrize("text, metadata, expected", [
    ("Аннотация\n\nСотрудничество Омской и Павлодарской областей\n\nТекст статьи.", None,
     "Сотрудничество Омской и Павлодарской областей"),
    ("Abstract\nУДК 327.8\nНовосибирск и Павлодар: двадцать лет\nТекст.", None, "Новосибирск и Павлодар: двадцать лет"),
    ("Новости\n\nАкимы встретились в Кургане\n\nТекст.", None, "Акимы встретились в Кургане"),
    ("# Учения спасателей\nТекст.", None, "Учения спасателей"),
    # a letterhead in capitals, a one-word header and a dateline come before the heading
    ("УПРАВЛЕНИЕ ПО ДЕЛАМ МОЛОДЁЖИ ОМСКОЙ ОБЛАСТИ\n\nПРЕСС-РЕЛИЗ\n\nОмск, 3 июня 2024 года\n\n"
     "Студенты двух стран провели летнюю школу\n\nТекст.", None, "Студенты двух стран провели летнюю школу"),
    # an abstract hard-wrapped over lines, then keywords: no title in the text, its opening stands in
    ("Аннотация\n\nВ статье рассмотрены связи Курганской области\nи Костанайской области в 2010-е годы.\n\n"
     "Ключевые слова:\n\nприграничье, Курган, Костанай\n\nТекст.", None,
     "В статье рассмотрены связи Курганской области и Костанайской области в 2010-е годы. …"),
    ("Аннотация\nТекст.", {"title": "Заголовок из метаданных"}, "Заголовок из метаданных"),
])
def test_title_skips_section_names_and_headers(text, metadata, expected):
    doc = {"doc_id": "x", "text": text, **({"metadata": metadata} if metadata else {})}
    assert title(doc) == expected


@pytest.mark.parametrize("metadata, values, expected", [
    ({"published": "2023-04-05T10:00:00"}, ["2021-05-12"], ("2023-04-05", "metadata")),
    (None, ["2030", "2021-06", "2021-05-12", "2022-01-10"], ("2021-05-12", "text")),   # the first given to the day
    (None, ["2030", "2021-06"], ("2021-06", "text")),
    ({"published": None}, [], (None, None)),
])
def test_publication_date_from_metadata_else_the_text(metadata, values, expected):
    doc = {"entities": [{"label": "DATE", "value": v} for v in values], **({"metadata": metadata} if metadata else {})}
    assert published(doc) == expected


def test_actor_page_lists_mentions_across_articles(site):
    _, index = site
    page = Page(index.parent / actor_page("LOC|Новосибирская область|iso:RU-NVS"))
    links = [link for link in page.links if link.startswith("../articles/")]
    assert "../articles/visit.html#s1" in links and "../articles/flood.html#s4" in links
    words = page.words
    assert "Новосибирская область регион LOC/region · iso:RU-NVS · 2 статьи · 2 упоминания · 3 связи" in words
    assert "Делегация Новосибирской области посетила Павлодар" in words
    assert "2021 1 1 1 2022 1 1" in words     # year, articles, then per direction


def test_actors_index_counts_articles_and_mentions(site):
    _, index = site
    rows = {r[1]: r for r in _data(index, "actors")}
    assert rows["Новосибирская область"][2:9] == ["region", "регион", "iso:RU-NVS", "LOC/region", 2, 2, 3]
    assert rows["Иван Петров"][2] == "person" and "12 мая 2021 года" not in rows


def test_without_ties_the_network_falls_back_to_sentences(site):
    _, index = site
    network = _data(index, "network")
    assert network["mode"] == "cooccurrence"
    names = {n[0] for n in network["nodes"]}
    assert {"Правительство Новосибирской области", "Акимат Павлодарской области"} <= names
    assert "Иван Петров" not in names


def test_schema_11_ties_canonical_names_and_metadata(site11):
    _, index = site11
    network = _data(index, "network")
    assert network["mode"] == "ties"
    nodes = network["nodes"]
    pairs = {frozenset((nodes[a][0], nodes[b][0])): (kind, date) for a, b, kind, date, *_ in network["edges"]}
    assert pairs == {frozenset(("Новосибирская область", "Павлодарская область")): ("agreement", "2021-05"),
                     frozenset(("Новосибирская область", "Нижняя Чуйская волость")): ("visit", "2021-05-14"),
                     frozenset(("Актюбинская область", "Оренбургская область")): ("aid", "2022-03")}
    points = {n[0]: n[4:6] for n in nodes}
    assert points["Омская область" if "Омская область" in points else "Новосибирская область"][0] == pytest.approx(55.0, abs=0.5)
    assert points["Нижняя Чуйская волость"] == [None, None]
    actors = {r[1]: r for r in _data(index, "actors")}
    assert actors["Органы власти (тест)"][6] == 2       # one actor from two bodies' mentions
    rows = {r[0]: r for r in _data(index, "index")["rows"]}
    assert rows["visit"][1:4] == ["Новосибирская делегация в Павлодаре", "2021-05-14", 1]
    assert sorted(_data(index, "index")["sources"]) == ["nsk.example", "ore.example"]


def test_article_page_shows_its_ties_and_metadata(site11):
    _, index = site11
    page = Page(_article(index, "visit"))
    words = page.words
    assert "Новосибирская делегация в Павлодаре" in words and "Дата: 14 мая 2021" in words
    assert "Автор: Пресс-служба" in words and "Источник: nsk.example" in words
    assert re.search(r"Новосибирская область — Павлодарская область соглашение 2021-05 "
                     r"торгово-экономическое сотрудничество органов власти 0\.87 3 4", words)
    assert "../" + actor_page("LOC|Павлодарская область") in page.links


def test_charts_in_russian(site11):
    _, index = site11
    time_svg = (index.parent / "time.svg").read_text(encoding="utf-8")
    assert all(w in time_svg for w in ("2021", "2022", "взаимопомощь в ЧС", "торгово-экономическое"))
    regions = (index.parent / "regions.svg").read_text(encoding="utf-8")
    assert "Новосибирская область (2)" in regions and "Павлодар" not in regions.replace("Павлодарская", "")


def test_no_time_chart_without_directions(tmp_path):
    docs = make_outputs(tmp_path)
    write_review(tmp_path)
    for doc in docs.values():
        doc["directions"] = []
        (tmp_path / f"{doc['doc_id']}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    index = write_review(tmp_path)
    assert not (index.parent / "time.svg").exists()
    assert "Ни у одной статьи с направлением нет даты" in Page(index.parent / "charts.html").words


def test_a_run_rebuilds_only_the_pages_of_changed_articles(tmp_path):
    docs = make_outputs(tmp_path)
    first = build_site(tmp_path)
    assert {"articles/visit.html", "articles/flood.html"} <= set(first.written)
    again = build_site(tmp_path)
    assert again.written == [] and again.kept == len(first.written)
    flood = docs["flood"]
    # one article changed: its page and the pages of its actors (their directions by year)
    flood["directions"] = [{"label": "environmental", "score": 0.5, "evidence": [1]}]
    (tmp_path / "flood.json").write_text(json.dumps(flood, ensure_ascii=False), encoding="utf-8")
    before = _article(first.index, "visit").stat().st_mtime_ns
    third = build_site(tmp_path)
    assert "articles/flood.html" in third.written and "articles/visit.html" not in third.written
    assert actor_page("PER|Иван Петров|") in third.written
    assert actor_page("PER|Андрей Соколов|") not in third.written
    assert _article(first.index, "visit").stat().st_mtime_ns == before
    assert "экологическое 0.50" in Page(_article(first.index, "flood")).words
    (tmp_path / "flood.json").unlink()
    fourth = build_site(tmp_path)
    assert not _article(first.index, "flood").exists() and not (tmp_path / "report" / actor_page("PER|Иван Петров|")).exists()
    assert not [p for p in fourth.written if p.startswith("articles/")]


@pytest.mark.parametrize("entity, expected", [
    ((0, 5), [(0, 10, [0]), (11, 20, [1])]),      # inside the first sentence
    ((8, 14), [(0, 20, [0, 1])]),                 # across the boundary: one segment
])
def test_segments_keep_a_crossing_entity_whole(entity, expected):
    doc = {"paragraphs": [{"start": 0, "end": 20}], "entities": [{"start": entity[0], "end": entity[1]}],
           "sentences": [{"start": 0, "end": 10, "paragraph": 0}, {"start": 11, "end": 20, "paragraph": 0}]}
    assert segments(doc, 0) == expected


def test_one_colour_scheme_across_pages(site):
    _, index = site
    colours = [{m["title"]: m["style"] for m in Page(_article(index, d)).marks} for d in ("visit", "flood")]
    nvs = [c["Новосибирская область · iso:RU-NVS"] for c in colours]
    assert nvs[0] == nvs[1]


def test_review_of_a_real_run_marks_every_entity(tmp_path):
    from test_exports import real_run
    doc = real_run(tmp_path / "out")
    index = write_review(tmp_path / "out")
    page = Page(_article(index, "kurgan"))
    assert len(page.marks) == len(doc["entities"]) > 0
    assert [m["id"] for m in page.marks] == [f"m{i}" for i in range(len(doc["entities"]))]


def test_a_run_without_documents_still_has_an_index(tmp_path):
    index = write_review(tmp_path)
    assert _data(index, "index")["rows"] == []
    assert not list(index.parent.glob("*.svg"))


# -- in headless Chromium

def _browser():
    browser = find_browser()
    if browser is None:
        message = "no Chromium: install Debian's chromium (.ci/run does) to look at the review site"
        if os.environ.get("PARADIPLOMACY_REQUIRE_BROWSER"):
            pytest.fail(message)  # CI must not pass with the site unseen
        pytest.skip(message)
    return browser


@pytest.fixture(scope="module")
def chromium():
    from pipeline.outputs.review.devtools import Chromium
    with Chromium(_browser()) as browser:
        yield browser


ROWS = "document.querySelectorAll('#articles tbody tr:not(:has(td.none))').length"


def _set(browser, selector, value):
    browser.evaluate(f"(e => {{ e.value = {json.dumps(value)}; e.dispatchEvent(new Event('input')); }})"
                     f"(document.querySelector({json.dumps(selector)}))")
    browser.settle(0.3)


@pytest.mark.browser
def test_typing_in_the_search_box_narrows_the_rows(site, chromium):
    _, index = site
    chromium.open(index)
    assert chromium.evaluate(ROWS) == 2
    chromium.type_into("#q", "учени")
    chromium.settle()
    assert chromium.evaluate(ROWS) == 1
    assert "Учения спасателей" in chromium.evaluate("document.querySelector('#articles tbody').textContent")
    chromium.type_into("#q", "ябвгд")
    chromium.settle()
    assert chromium.evaluate(ROWS) == 0
    assert chromium.errors() == []


@pytest.mark.browser
def test_direction_and_date_filters(site11, chromium):
    _, index = site11
    chromium.open(index)
    _set(chromium, "#direction", "emergency")
    assert chromium.evaluate(ROWS) == 1 and "flood" in chromium.evaluate("document.querySelector('#articles tbody').textContent")
    _set(chromium, "#direction", "")
    _set(chromium, "#from", "2022-01-01")
    assert chromium.evaluate(ROWS) == 1
    _set(chromium, "#to", "2022-02-28")
    assert chromium.evaluate(ROWS) == 0
    _set(chromium, "#from", "")
    _set(chromium, "#to", "")
    _set(chromium, "#group", "person")
    _set(chromium, "#actor", "соколов")
    assert chromium.evaluate(ROWS) == 1
    chromium.evaluate("document.querySelector('#articles thead th[data-col=\"8\"]').click()")   # sort by length
    assert chromium.errors() == []


@pytest.mark.browser
def test_sort_by_a_column_and_the_actor_link(site, chromium):
    _, index = site
    chromium.open(index)
    first = "document.querySelector('#articles tbody tr td').textContent"
    chromium.evaluate("document.querySelector('#articles thead th[data-col=\"0\"]').click()")
    a = chromium.evaluate(first)
    chromium.evaluate("document.querySelector('#articles thead th[data-col=\"0\"]').click()")
    assert chromium.evaluate(first) != a
    slug = actor_page("PER|Иван Петров|").split("/")[1][:-5]
    chromium.open(index, fragment=f"actor={slug}")
    assert chromium.evaluate(ROWS) == 1


@pytest.mark.browser
def test_actor_page_lists_its_mentions_in_two_articles(site, chromium):
    _, index = site
    chromium.open(index.parent / "actors.html")
    chromium.type_into("#q", "новосиб")
    chromium.settle()
    href = chromium.evaluate("document.querySelector('#actors tbody a').getAttribute('href')")
    chromium.open(index.parent / href)
    articles = chromium.evaluate("[...document.querySelectorAll('#mentions li a')].map(a => a.getAttribute('href').split('#')[0])")
    assert sorted(set(articles)) == ["../articles/flood.html", "../articles/visit.html"]
    assert chromium.evaluate("document.querySelectorAll('#mentions mark.hit').length") == 2
    assert chromium.errors() == []


@pytest.mark.browser
@pytest.mark.parametrize("fixture", ["site", "site11"])
def test_map_and_network_render_without_console_errors(fixture, request, chromium):
    _, index = request.getfixturevalue(fixture)
    chromium.open(index.parent / "map.html")
    chromium.settle(0.3)
    assert chromium.evaluate("document.querySelectorAll('#map path.country').length") > 100
    assert chromium.evaluate("document.querySelectorAll('#map circle.place').length") >= 3
    assert chromium.evaluate("document.querySelectorAll('#map path.tie').length") >= 2
    if fixture == "site11":
        assert "Нижняя Чуйская волость" in chromium.evaluate("document.getElementById('unplaced').textContent")
        _set(chromium, "#direction", "emergency")
        chromium.evaluate("document.getElementById('direction').dispatchEvent(new Event('change'))")
        assert chromium.evaluate("document.querySelectorAll('#map path.tie').length") == 1
    chromium.open(index.parent / "network.html")
    chromium.settle(0.5)
    nodes = chromium.evaluate("window.reviewNetwork.nodes().length")
    assert nodes >= 3 and chromium.evaluate("window.reviewNetwork.edges().length") >= 2
    chromium.evaluate("(e => { e.value = '2022'; e.dispatchEvent(new Event('change')); })(document.getElementById('from'))")
    assert 0 < chromium.evaluate("window.reviewNetwork.nodes().length") < nodes
    assert chromium.errors() == []


@pytest.mark.browser
@pytest.mark.parametrize("page, width", [("index.html", 1280), ("index.html", 390), ("articles/visit.html", 390),
                                         ("map.html", 1280), ("actors.html", 390)])
def test_pages_at_desktop_and_phone_width(site11, chromium, tmp_path, page, width):
    _, index = site11
    chromium.open(index.parent / page, width=width)
    chromium.settle(0.3)
    # nothing wider than the screen but the scrolling tables and the map
    assert chromium.evaluate("document.documentElement.scrollWidth") <= width
    if page.startswith("articles/"):
        text = chromium.evaluate("document.querySelector('.para > div').getBoundingClientRect().width")
        assert text > width * 0.8
    chromium.screenshot(tmp_path / "shot.png")
    assert (tmp_path / "shot.png").stat().st_size > 10_000
    assert chromium.errors() == []


def _colour_counts(png: Path) -> dict:
    from PIL import Image  # installed with matplotlib
    image = Image.open(png).convert("RGB")
    return {rgb: n for n, rgb in image.getcolors(image.width * image.height)}


@pytest.mark.browser
def test_chromium_shows_the_highlighted_entities(site, tmp_path):
    """The legend and the table show the same colours, so the page is compared
    with itself with the highlights switched off."""
    _, index = site
    page = _article(index, "visit")
    plain = tmp_path / "plain.html"
    css = (index.parent / "static" / "style.css").resolve().as_uri()
    plain.write_text(page.read_text(encoding="utf-8").replace('href="../static/style.css"', f'href="{css}"').replace(
        "</head>", "<style>mark.entity { background: none !important; }</style></head>"), encoding="utf-8")
    browser = _browser()
    messages = screenshot(page, tmp_path / "on.png", browser=browser)
    screenshot(plain, tmp_path / "off.png", browser=browser)
    assert messages == []
    on, off = _colour_counts(tmp_path / "on.png"), _colour_counts(tmp_path / "off.png")
    for label, kind in [("LOC", "region"), ("ORG", "government"), ("PER", None), ("DATE", None)]:
        rgb = tuple(int(ent_color(label, kind)[i:i + 2], 16) for i in (1, 3, 5))
        assert on.get(rgb, 0) - off.get(rgb, 0) > 300, f"no {label}/{kind} highlight on the screenshot"
