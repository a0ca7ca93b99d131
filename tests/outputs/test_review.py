"""The review site: pages that open from disk, anchors that lead somewhere,
the contract's facts on the pages, and a look at it in headless Chromium."""

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from pipeline.outputs.review import write_review
from pipeline.run import ledger
from pipeline.outputs.review.browser import find_browser, screenshot
from pipeline.outputs.review.colors import ent_color
from pipeline.outputs.review.paragraph import segments
from test_exports import make_outputs


class Page(HTMLParser):
    """ids, links, image sources, mark elements and visible text of a page."""

    def __init__(self, path: Path):
        super().__init__()
        self.ids, self.links, self.sources, self.marks, self.text = {}, [], [], [], []
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

    def handle_data(self, data):
        self.text.append(data)

    @property
    def words(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.text))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    docs = make_outputs(out)
    (out / "report" / "articles").mkdir(parents=True)
    ledger.record(out, ["report/articles/gone.html"])
    (out / "report" / "articles" / "gone.html").write_text("an article of an earlier run")
    (out / "report" / "articles" / "notes.html").write_text("a page the user keeps beside the report")
    return docs, write_review(out)


def _article(index: Path, doc_id: str) -> Path:
    return index.parent / "articles" / f"{doc_id}.html"


def test_every_local_link_and_picture_resolves(site):
    _, index = site
    for page in [index, *index.parent.glob("articles/*.html")]:
        parsed = Page(page)
        for ref in parsed.links + parsed.sources:
            url = urlparse(ref)
            assert url.scheme == "", f"{page.name} reaches out to {ref}"
            if url.path:
                assert (page.parent / unquote(url.path)).exists(), f"{page.name}: {ref} is missing"
            if url.fragment and not url.path:
                assert url.fragment in parsed.ids, f"{page.name}: #{url.fragment} leads nowhere"


def test_index_rows_counts_and_failures(site):
    docs, index = site
    words = Page(index).words
    # visit: 2 regions, 2 organisations, 1 person, 1 date (distinct entities)
    chars = len(docs["visit"]["text"])
    assert f"Визит делегации в Павлодар visit {chars} 5 economic 0.85 governance 0.75 2 2 1 1" in words
    assert "in/broken.txt empty file" in words
    assert not _article(index, "gone").exists()
    assert _article(index, "notes").read_text() == "a page the user keeps beside the report"


def test_pictures_show_the_corpus(site):
    _, index = site
    folder = index.parent
    heatmap = (folder / "heatmap.svg").read_text(encoding="utf-8")
    assert all(word in heatmap for word in ("visit", "flood", "economic", "soft_power", "0.85", "0.90"))
    bars = (folder / "top_entities.svg").read_text(encoding="utf-8")
    assert "Оренбургская область" in bars and "МЧС России" in bars and "Иван Петров" not in bars
    network = (folder / "network.svg").read_text(encoding="utf-8")
    assert "Акимат Павлодарской области" in network and "Иван Петров" not in network


def test_no_heat_map_without_directions(tmp_path):
    docs = make_outputs(tmp_path)
    write_review(tmp_path)
    for doc in docs.values():
        doc["directions"] = []
        (tmp_path / f"{doc['doc_id']}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    index = write_review(tmp_path)
    assert not (index.parent / "heatmap.svg").exists()
    assert "No direction was assigned to any article" in Page(index).words


def test_article_marks_every_mention_and_links_rows(site):
    docs, index = site
    page = Page(_article(index, "flood"))
    marks = {m["id"]: m for m in page.marks}
    assert set(marks) == {f"m{i}" for i in range(len(docs["flood"]["entities"]))}
    assert "background: " + ent_color("LOC", "region") in marks["m0"]["style"]
    assert "Оренбургская область · iso:RU-ORE" == marks["m0"]["title"]
    assert {"#m0", "#m6"} <= set(page.links)  # the region's row jumps to both mentions
    assert page.links.count("#e0") == 2       # and both mentions lead back to it


def test_article_shows_directions_and_evidence(site):
    docs, index = site
    words = Page(_article(index, "visit")).words
    evidence = docs["visit"]["text"][docs["visit"]["sentences"][4]["start"]:docs["visit"]["sentences"][4]["end"]]
    assert "economic 0.85 2 evidence sentences ¶2 Правительство" in words and evidence in words
    assert re.search(r"¶1 .*governance 0\.80 ¶2 .*economic 0\.90 governance 0\.70", words)


def test_evidence_links_land_on_sentences_with_their_directions(site):
    _, index = site
    page = Page(_article(index, "visit"))
    assert {"#s2", "#s3", "#s4"} <= set(page.links)
    assert page.ids["s4"]["title"] == "economic 0.92"
    assert page.ids["s3"]["class"] == "sent ev" and page.ids["s1"]["class"] == "sent"
    assert page.ids["s1"]["title"] == "no direction"


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


def _browser():
    browser = find_browser()
    if browser is None:
        pytest.skip("no Chromium: install Debian's chromium (.ci/run does) to look at the review site")
    return browser


@pytest.mark.parametrize("page", ["index.html", "articles/visit.html"])
def test_chromium_renders_without_console_errors(site, tmp_path, page):
    _, index = site
    png = tmp_path / "shot.png"
    messages = screenshot(index.parent / page, png, browser=_browser())
    assert messages == []
    assert png.stat().st_size > 10_000


def _colour_counts(png: Path) -> dict:
    from PIL import Image  # installed with matplotlib
    image = Image.open(png).convert("RGB")
    return {rgb: n for n, rgb in image.getcolors(image.width * image.height)}


def test_chromium_shows_the_highlighted_entities(site, tmp_path):
    """The legend and the table show the same colours, so the page is compared
    with itself with the highlights switched off."""
    _, index = site
    page = _article(index, "visit")
    plain = tmp_path / "plain.html"
    plain.write_text(page.read_text(encoding="utf-8").replace(
        "</head>", "<style>mark.entity { background: none !important; }</style></head>"), encoding="utf-8")
    browser = _browser()
    screenshot(page, tmp_path / "on.png", browser=browser)
    screenshot(plain, tmp_path / "off.png", browser=browser)
    on, off = _colour_counts(tmp_path / "on.png"), _colour_counts(tmp_path / "off.png")
    for label, kind in [("LOC", "region"), ("ORG", "government"), ("PER", None), ("DATE", None)]:
        rgb = tuple(int(ent_color(label, kind)[i:i + 2], 16) for i in (1, 3, 5))
        assert on.get(rgb, 0) - off.get(rgb, 0) > 300, f"no {label}/{kind} highlight on the screenshot"


def test_review_of_a_real_run_marks_every_entity(tmp_path):
    from test_exports import real_run
    doc = real_run(tmp_path / "out")
    index = write_review(tmp_path / "out")
    page = Page(_article(index, "kurgan"))
    assert len(page.marks) == len(doc["entities"]) > 0
    assert [m["id"] for m in page.marks] == [f"m{i}" for i in range(len(doc["entities"]))]


def test_a_run_without_documents_still_has_an_index(tmp_path):
    index = write_review(tmp_path)
    assert "No article was processed" in Page(index).words
    assert not list(index.parent.glob("*.svg"))


def test_the_network_core_is_the_same_whatever_the_hash_seed():
    """The picture's layout follows the order of nodes and edges, which must
    not change with Python's string hashing."""
    code = ("import networkx as nx; from pipeline.outputs.review.network_picture import core; g = nx.Graph(); "
            "g.add_weighted_edges_from((f'n{i}', f'n{(i * 7) % 79}', 1 + i % 5) for i in range(79)); "
            "c = core(g); print(list(c.nodes), list(c.edges))")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outputs) == 1 and outputs.pop().strip()
