"""The Parquet tables read back with pyarrow and checked against the
contract JSON they come from; and the incremental export: a rerun reads and
rewrites only what changed."""

import csv
import io
import json
import os

import networkx as nx
import pyarrow.parquet as pq
import pytest

from pipeline.outputs.corpus import write_corpus
from pipeline.outputs.exports import write_exports
from pipeline.outputs.parts import Parts
from pipeline.outputs.analysis import PARTS
from pipeline.outputs.exports.network import graphml_text
from pipeline.outputs.exports.tables import csv_lines
from pipeline.outputs.exports.ties import TIE_COLUMNS, tie_rows, ties_graph
from pipeline.outputs.reading import direction_labels, load_documents
from pipeline.run import ledger
from test_exports import build, make_outputs, read_csv, VISIT

TIES = [{"parties": [{"normal": "Новосибирская область", "id": "iso:RU-NVS"},
                     {"normal": "Павлодарская область", "id": "iso:KZ-55"}],
         "type": "agreement", "date": "2021-05", "directions": ["economic", "governance"],
         "score": 0.8, "evidence": [3, 2]}]
# Schema 1.1: the article's own metadata, and a person's fullest name in the
# document as the canonical name of a shorter mention.
METADATA = {"title": "Новосибирская делегация побывала в Павлодаре", "published": "2021-05-13",
            "author": "Пресс-служба губернатора", "site": "nso.ru",
            "metadata_source": {"title": "html", "published": "html"}}
SOKOLOV = "Андрей Петрович Соколов"


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    docs = make_outputs(out)
    docs["visit"]["ties"] = TIES  # a document made after ties were added, beside one made before
    docs["visit"]["metadata"] = METADATA
    next(e for e in docs["visit"]["entities"] if e["label"] == "PER")["canonical"] = SOKOLOV
    (out / "visit.json").write_text(json.dumps(docs["visit"], ensure_ascii=False), encoding="utf-8")
    target = write_exports(out)
    return docs, {name: pq.read_table(target / f"{name}.parquet").to_pylist()
                  for name in ("documents", "entities", "mentions", "sentences", "ties")}


def test_documents_table_has_a_row_per_article_with_counts_and_scores(tables):
    docs, t = tables
    rows = {r["doc_id"]: r for r in t["documents"]}
    assert set(rows) == set(docs)
    visit, flood = rows["visit"], rows["flood"]
    assert (visit["title"], visit["published"], visit["author"], visit["site"]) == (
        "Новосибирская делегация побывала в Павлодаре", "2021-05-13", "Пресс-служба губернатора", "nso.ru")
    # without metadata: the first line that reads as a title, nothing invented
    assert (flood["title"], flood["published"], flood["author"], flood["site"]) == (
        "Учения спасателей", None, None, None)
    assert (visit["path"], visit["format"]) == ("in/visit.txt", "txt")
    assert visit["sentences"] == len(docs["visit"]["sentences"]) == 5
    assert (visit["mentions_loc"], visit["mentions_org"], visit["mentions_money"]) == (4, 2, 1)
    assert visit["entities"] == len(docs["visit"]["entities"])
    assert visit["directions"] == ["economic", "governance"]
    assert (visit["score_economic"], visit["score_governance"], visit["score_emergency"]) == (0.85, 0.75, 0)
    assert {f"score_{label}" for label in direction_labels()} <= set(visit)
    assert (visit["ties"], rows["flood"]["ties"]) == (1, 0)


def test_mentions_table_indexes_the_text(tables):
    docs, t = tables
    assert len(t["mentions"]) == sum(len(d["entities"]) for d in docs.values())
    for r in t["mentions"]:
        assert docs[r["doc_id"]]["text"][r["start"]:r["end"]] == r["text"]
    money = next(r for r in t["mentions"] if r["label"] == "MONEY")
    assert (money["amount"], money["currency"], money["value"]) == (5_000_000.0, "RUB", None)
    date = next(r for r in t["mentions"] if r["label"] == "DATE" and r["doc_id"] == "visit")
    assert (date["value"], date["sentence"], date["paragraph"]) == ("2021-05-12", 1, 1)


def test_entities_table_counts_mentions_of_each_distinct_entity(tables):
    docs, t = tables
    assert sum(r["mentions"] for r in t["entities"]) == sum(len(d["entities"]) for d in docs.values())
    pavlodar = next(r for r in t["entities"] if r["doc_id"] == "visit" and r["normal"] == "Павлодар")
    assert (pavlodar["mentions"], pavlodar["kind"], pavlodar["canonical"]) == (2, "city", "Павлодар")
    person = next(r for r in t["entities"] if r["doc_id"] == "visit" and r["label"] == "PER")
    assert (person["normal"], person["canonical"]) == ("Андрей Соколов", SOKOLOV)


def test_mentions_table_carries_the_canonical_name_or_the_normal_before_it(tables):
    _, t = tables
    names = {(r["doc_id"], r["text"]): r["canonical"] for r in t["mentions"]}
    assert names[("visit", "Андрей Соколов")] == SOKOLOV
    assert names[("flood", "Иван Петров")] == "Иван Петров"  # schema 1.0: no canonical, the normal stands in


def test_sentences_table_carries_text_and_directions(tables):
    docs, t = tables
    assert len(t["sentences"]) == sum(len(d["sentences"]) for d in docs.values())
    fourth = next(r for r in t["sentences"] if r["doc_id"] == "visit" and r["sentence"] == 3)
    assert fourth["text"].startswith("Правительство Новосибирской области")
    assert (fourth["directions"], fourth["scores"], fourth["paragraph"]) == (["governance", "economic"], [0.8, 0.75], 2)
    assert next(r for r in t["sentences"] if r["doc_id"] == "flood")["directions"] == []


def test_ties_table_has_a_row_per_tie_and_none_for_documents_without(tables):
    _, t = tables
    assert [(r["doc_id"], r["party_a_id"], r["party_b"], r["type"], r["directions"], r["evidence"])
            for r in t["ties"]] == [("visit", "iso:RU-NVS", "Павлодарская область", "agreement",
                                     ["economic", "governance"], [3, 2])]


def many_documents(out, n: int) -> list:
    """n documents built like the fixture's, each with its own doc_id."""
    names = []
    for i in range(n):
        doc = build(f"d{i:03}", VISIT)
        (out / f"d{i:03}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        names.append(f"d{i:03}.json")
    ledger.record(out, names)  # the run's documents: only those are read back
    return names


def test_a_rerun_reads_and_rewrites_only_what_changed(tmp_path, monkeypatch):
    names = many_documents(tmp_path, 40)
    write_corpus(tmp_path, names)
    write_exports(tmp_path)
    exports = sorted((tmp_path / "exports").iterdir())
    before = {p: p.stat().st_mtime_ns for p in exports + [tmp_path / "corpus.jsonl"]}

    read = []
    original = Parts._store
    monkeypatch.setattr(Parts, "_store", lambda self, paths, stamps: (read.extend(paths), original(self, paths, stamps)))
    assert write_corpus(tmp_path, names) is False
    write_exports(tmp_path)
    assert read == []  # nothing changed: nothing read, nothing written
    assert {p: p.stat().st_mtime_ns for p in before} == before

    changed = build("d017", VISIT)
    changed["entities"] = changed["entities"][:3]
    (tmp_path / "d017.json").write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    assert write_corpus(tmp_path, names) is True
    write_exports(tmp_path)
    assert [p.name for p in read] == ["d017.json"]  # the one document read again, the others' rows reused
    mentions = pq.read_table(tmp_path / "exports" / "mentions.parquet").to_pylist()
    assert sum(r["doc_id"] == "d017" for r in mentions) == 3
    assert sum(r["doc_id"] == "d016" for r in mentions) == len(VISIT["entities"])
    lines = (tmp_path / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(json.loads(lines[17])["entities"]) == 3 and len(lines) == 40


def test_a_removed_document_leaves_the_tables(tmp_path):
    names = many_documents(tmp_path, 3)
    write_exports(tmp_path)
    os.remove(tmp_path / names[1])
    write_exports(tmp_path)
    ids = {r["doc_id"] for r in pq.read_table(tmp_path / "exports" / "documents.parquet").to_pylist()}
    assert ids == {"d000", "d002"}


def test_parts_are_rebuilt_when_a_table_is_added(tmp_path):
    many_documents(tmp_path, 2)
    Parts(tmp_path, {"documents": PARTS["documents"]}).update()
    parts = Parts(tmp_path, PARTS)
    parts.update()
    assert parts.read == 2 and len(list(parts.rows("mentions"))) == 2 * len(VISIT["entities"])


def test_the_reuse_check_reads_a_kept_head_until_the_file_changes(tmp_path):
    from pipeline.outputs.parts import document_head
    many_documents(tmp_path, 2)
    assert document_head(tmp_path / "d000.json") is None  # nothing stored yet
    write_exports(tmp_path)
    head = document_head(tmp_path / "d000.json")
    assert (head["doc_id"], head["source"]["path"], head["stats"]["chars"]) == (
        "d000", "in/d000.txt", len(build("d000", VISIT)["text"]))
    (tmp_path / "d000.json").write_text(json.dumps(build("d000", VISIT), ensure_ascii=False), encoding="utf-8")
    assert document_head(tmp_path / "d000.json") is None  # rewritten: parsed again by the runner


def ties_exports(out) -> tuple:
    """ties.csv as rows and ties.graphml as text, as the run wrote them."""
    return read_csv(out / "exports" / "ties.csv"), (out / "exports" / "ties.graphml").read_text(encoding="utf-8")


def ties_from_json(out) -> tuple:
    """The same two made from every document JSON at once (exports/ties.py on
    the loaded corpus): what the incremental export must agree with."""
    docs = load_documents(out)
    text = "".join(csv_lines(TIE_COLUMNS, ([row[c] for c in TIE_COLUMNS] for row in tie_rows(docs))))
    return list(csv.DictReader(io.StringIO(text))), graphml_text(ties_graph(docs))


def test_ties_exports_follow_a_changed_document(tmp_path):
    """ties.csv and ties.graphml come from the kept rows; when one
    document's ties change, both are rewritten, equal to the same exports
    made from all the JSON at once."""
    many_documents(tmp_path, 4)
    write_exports(tmp_path)
    rows, graph = ties_exports(tmp_path)
    assert (rows, graph) == ties_from_json(tmp_path)
    assert len(rows) == 4 * len(VISIT["ties"]) and list(rows[0]) == TIE_COLUMNS

    changed = build("d002", VISIT)
    changed["ties"] = TIES
    (tmp_path / "d002.json").write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    write_exports(tmp_path)
    rows, graph = ties_exports(tmp_path)
    assert (rows, graph) == ties_from_json(tmp_path)
    assert [(r["type"], r["date"]) for r in rows if r["doc_id"] == "d002"] == [("agreement", "2021-05")]
    g = nx.read_graphml(tmp_path / "exports" / "ties.graphml", force_multigraph=True)
    assert len(g.get_edge_data("iso:RU-NVS", "iso:KZ-55")) == 4  # three agreements of 2021, one of May 2021
