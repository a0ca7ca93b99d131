"""Exports opened with the libraries their users use (csv, networkx, json) and
checked against the contract JSON they come from. The fixture is a small
output folder of two hand-made documents; make_outputs is shared with
test_review and test_labelstudio."""

import csv
import json
import xml.etree.ElementTree as ET
from collections import Counter

import networkx as nx
import pytest

from pipeline.outputs.exports import write_exports
from pipeline.outputs.exports.labelstudio_file import write_labelstudio
from pipeline.outputs.reading import direction_labels, load_documents
from pipeline.run import ledger

# (paragraphs of sentences, entities as (surface, sentence, label, kind, normal, id, value)),
# every surface found in its sentence; paragraph directions; document directions.
VISIT = {
    "paragraphs": [["Визит делегации в Павлодар"],
                   ["Делегация Новосибирской области посетила Павлодар 12 мая 2021 года.",
                    "Губернатор Андрей Соколов встретился с акимом Павлодарской области."],
                   ["Правительство Новосибирской области и Акимат Павлодарской области подписали соглашение о торговле.",
                    "Стороны обсудили поставки зерна на 5 млн рублей."]],
    "entities": [("Павлодар", 0, "LOC", "city", "Павлодар", None, None),
                 ("Новосибирской области", 1, "LOC", "region", "Новосибирская область", "iso:RU-NVS", None),
                 ("Павлодар", 1, "LOC", "city", "Павлодар", None, None),
                 ("12 мая 2021 года", 1, "DATE", None, "12 мая 2021 года", None, "2021-05-12"),
                 ("Андрей Соколов", 2, "PER", None, "Андрей Соколов", None, None),
                 ("Павлодарской области", 2, "LOC", "region", "Павлодарская область", "iso:KZ-55", None),
                 ("Правительство Новосибирской области", 3, "ORG", "government",
                  "Правительство Новосибирской области", None, None),
                 ("Акимат Павлодарской области", 3, "ORG", "government", "Акимат Павлодарской области", None, None),
                 ("5 млн рублей", 4, "MONEY", None, "5 млн рублей", None, {"amount": 5000000, "currency": "RUB"})],
    "paragraph_directions": [[], [("governance", 0.8)], [("economic", 0.9), ("governance", 0.7)]],
    "sentence_directions": {3: [("governance", 0.8), ("economic", 0.75)], 4: [("economic", 0.92)]},
    "directions": [("economic", 0.85, [3, 4]), ("governance", 0.75, [2, 3])],
    "ties": [{"parties": [{"normal": "Новосибирская область", "id": "iso:RU-NVS"},
                          {"normal": "Павлодар", "id": None}],
              "type": "visit", "date": "2021-05-12", "directions": ["governance"], "score": 0.9, "evidence": [1]},
             {"parties": [{"normal": "Новосибирская область", "id": "iso:RU-NVS"},
                          {"normal": "Павлодарская область", "id": "iso:KZ-55"}],
              "type": "agreement", "date": "2021", "directions": ["economic", "governance"], "score": 0.8,
              "evidence": [3, 4]}],
}
# The pin (outside the BMP) checks UTF-16 offsets for Label Studio;
# ТОО «Степной сервис» is left out on purpose, for an annotator to add.
FLOOD = {
    "paragraphs": [["Учения спасателей"],
                   ["Спасатели Оренбургской области и Актюбинской области провели учения на реке Урал.",
                    "Учения прошли в марте 2022 года."],
                   ["📌 В учениях участвовали МЧС России и ТОО «Степной сервис».",
                    "Наблюдателями были Иван Петров из Оренбургской области и гости из Павлодара и Новосибирской области."]],
    "entities": [("Оренбургской области", 1, "LOC", "region", "Оренбургская область", "iso:RU-ORE", None),
                 ("Актюбинской области", 1, "LOC", "region", "Актюбинская область", "iso:KZ-15", None),
                 ("Урал", 1, "LOC", "other", "Урал", None, None),
                 ("марте 2022 года", 2, "DATE", None, "март 2022 года", None, "2022-03"),
                 ("МЧС России", 3, "ORG", "government", "МЧС России", None, None),
                 ("Иван Петров", 4, "PER", None, "Иван Петров", None, None),
                 ("Оренбургской области", 4, "LOC", "region", "Оренбургская область", "iso:RU-ORE", None),
                 ("Павлодара", 4, "LOC", "city", "Павлодар", None, None),
                 ("Новосибирской области", 4, "LOC", "region", "Новосибирская область", "iso:RU-NVS", None)],
    "paragraph_directions": [[], [("emergency", 0.9)], []],
    "directions": [("emergency", 0.9, [1, 3])],
}


def _directions(pairs):
    return [{"label": label, "score": score} for label, score in pairs]


def build(doc_id: str, spec: dict) -> dict:
    """A contract document from paragraphs of sentences; offsets computed, not typed."""
    text, sentences, paragraphs = "", [], []
    for n, para in enumerate(spec["paragraphs"]):
        text += "\n\n" if text else ""
        p_start = len(text)
        for s in para:
            text += " " if len(text) > p_start else ""
            dirs = _directions(spec.get("sentence_directions", {}).get(len(sentences), []))
            sentences.append({"start": len(text), "end": len(text) + len(s), "paragraph": n, "directions": dirs})
            text += s
        paragraphs.append({"start": p_start, "end": len(text), "directions": _directions(spec["paragraph_directions"][n])})
    entities, after = [], {}
    for surface, s, label, kind, normal, id_, value in spec["entities"]:
        start = text.index(surface, max(sentences[s]["start"], after.get(s, 0)))
        after[s] = start + len(surface)
        entities.append({"start": start, "end": start + len(surface), "text": surface, "label": label, "kind": kind,
                         "normal": normal, "id": id_, "value": value, "sentence": s, "source": "ner"})
    return {"schema_version": "1.0", "doc_id": doc_id, "text": text, "language": "ru", "source_map": [[0, 0]],
            "source": {"path": f"in/{doc_id}.txt", "sha256": "0" * 64, "format": "txt", "encoding": "utf-8"},
            "sentences": sentences, "paragraphs": paragraphs, "tokens": [], "entities": entities,
            "directions": [{"label": lab, "score": sc, "evidence": ev} for lab, sc, ev in spec["directions"]],
            **({"ties": spec["ties"]} if "ties" in spec else {}),
            "stats": {"chars": len(text), "sentences": len(sentences), "tokens": 0, "seconds": 0.1}}


def make_outputs(out) -> dict:
    docs = {"visit": build("visit", VISIT), "flood": build("flood", FLOOD)}
    # The flood's scores of every label, as the directions stage writes them.
    docs["flood"]["direction_scores"] = {**dict.fromkeys(direction_labels(), 0.0), "emergency": 0.9, "governance": 0.41}
    for doc_id, doc in docs.items():
        (out / f"{doc_id}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    inputs = [{"path": f"in/{d}.txt", "doc_id": d, "status": "ok", "output": f"{d}.json"} for d in docs]
    inputs.append({"path": "in/broken.txt", "doc_id": "broken", "status": "failed", "reason": "empty file"})
    manifest = {"schema_version": "1.0", "pipeline_version": "0.1.0", "started": "2026-01-01T00:00:00+00:00",
                "counts": {"inputs": 3, "ok": 2, "failed": 1}, "inputs": inputs}
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return docs


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    docs = make_outputs(out)
    target = write_exports(out)
    write_labelstudio(out)
    return docs, target


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_fixture_offsets_hold(exported):
    docs, _ = exported
    for doc in docs.values():
        assert all(doc["text"][e["start"]:e["end"]] == e["text"] for e in doc["entities"])


def test_entities_csv_has_one_row_per_distinct_entity(exported):
    docs, target = exported
    rows = read_csv(target / "entities.csv")
    got = {(r["doc_id"], r["label"], r["normal"]): int(r["mentions"]) for r in rows}
    want = Counter((d, e["label"], e["normal"]) for d, doc in docs.items() for e in doc["entities"])
    assert got == dict(want)
    assert got[("visit", "LOC", "Павлодар")] == 2
    assert got[("flood", "LOC", "Оренбургская область")] == 2
    region = next(r for r in rows if r["normal"] == "Актюбинская область")
    assert (region["kind"], region["id"]) == ("region", "iso:KZ-15")
    person = next(r for r in rows if r["normal"] == "Иван Петров")
    assert (person["kind"], person["id"]) == ("", "")


def test_mentions_csv_offsets_index_the_text(exported):
    docs, target = exported
    rows = read_csv(target / "mentions.csv")
    assert len(rows) == sum(len(doc["entities"]) for doc in docs.values())
    for r in rows:
        assert docs[r["doc_id"]]["text"][int(r["start"]):int(r["end"])] == r["text"]
    money = next(r for r in rows if r["label"] == "MONEY")
    assert (money["value"], money["currency"], money["paragraph"]) == ("5000000", "RUB", "2")
    assert next(r for r in rows if r["label"] == "DATE" and r["doc_id"] == "flood")["value"] == "2022-03"


def test_directions_csv_has_the_assigned_labels_and_a_score_per_label(exported):
    _, target = exported
    rows = {r["doc_id"]: r for r in read_csv(target / "directions.csv")}
    assert list(rows["visit"]) == ["doc_id", "directions", *direction_labels()]
    assert rows["visit"]["directions"] == "economic;governance" and rows["flood"]["directions"] == "emergency"
    assert float(rows["visit"]["economic"]) == 0.85 and float(rows["visit"]["emergency"]) == 0


def test_directions_csv_keeps_the_scores_below_the_bar(exported):
    _, target = exported
    flood = {r["doc_id"]: r for r in read_csv(target / "directions.csv")}["flood"]
    assert float(flood["emergency"]) == 0.9 and float(flood["governance"]) == 0.41


def test_graphml_opens_in_networkx_with_weighted_cooccurrence(exported):
    docs, target = exported
    g = nx.read_graphml(target / "network.graphml")
    assert {g.nodes[n]["type"] for n in g} == {"LOC", "ORG", "PER"}
    assert g.nodes["iso:RU-NVS"]["label"] == "Новосибирская область"
    assert g.nodes["iso:RU-NVS"]["kind"] == "region" and g.nodes["iso:RU-NVS"]["documents"] == 2
    shared = g.edges["iso:RU-NVS", "LOC:Павлодар"]
    assert (shared["weight"], shared["docs"]) == (2, "flood;visit")
    assert g.edges["iso:RU-ORE", "iso:KZ-15"]["docs"] == "flood"
    assert g.has_edge("ORG:Правительство Новосибирской области", "ORG:Акимат Павлодарской области")
    assert not g.has_edge("iso:KZ-15", "PER:Иван Петров")  # different sentences


def test_every_graphml_edge_is_a_shared_sentence(exported):
    docs, target = exported
    g = nx.read_graphml(target / "network.graphml")
    for a, b, data in g.edges(data=True):
        for doc_id in data["docs"].split(";"):
            keys = [{e.get("id") or f"{e['label']}:{e['normal']}" for e in docs[doc_id]["entities"]
                     if e["sentence"] == s} for s in range(len(docs[doc_id]["sentences"]))]
            assert any({a, b} <= found for found in keys)


def test_ties_csv_has_one_row_per_tie_with_its_evidence_sentence(exported):
    docs, target = exported
    rows = read_csv(target / "ties.csv")
    assert [(r["doc_id"], r["party_a"], r["party_b"], r["type"]) for r in rows] == [
        ("visit", "Новосибирская область", "Павлодар", "visit"),
        ("visit", "Новосибирская область", "Павлодарская область", "agreement")]
    agreement = rows[1]
    assert (agreement["party_b_id"], agreement["date"], agreement["directions"]) == ("iso:KZ-55", "2021", "economic;governance")
    assert agreement["evidence_text"].startswith("Правительство Новосибирской области и Акимат")
    assert rows[0]["party_b_id"] == ""  # a city without an id


def test_ties_graphml_is_a_territory_network_with_timeline_starts(exported):
    _, target = exported
    g = nx.read_graphml(target / "ties.graphml", force_multigraph=True)  # one edge per tie
    assert set(g.nodes) == {"iso:RU-NVS", "LOC:Павлодар", "iso:KZ-55"}  # the flood document has no ties
    assert g.nodes["iso:RU-NVS"]["label"] == "Новосибирская область" and g.nodes["iso:RU-NVS"]["ties"] == 2
    [edge] = g.get_edge_data("iso:RU-NVS", "iso:KZ-55").values()
    assert (edge["type"], edge["start"], edge["directions"]) == ("agreement", "2021-01-01", "economic;governance")
    [visit] = g.get_edge_data("iso:RU-NVS", "LOC:Павлодар").values()
    assert visit["start"] == "2021-05-12"


def test_labelstudio_tasks_match_config_and_entities(exported):
    docs, target = exported
    tasks = json.loads((target / "labelstudio.json").read_text(encoding="utf-8"))
    assert len(tasks) == sum(len(doc["paragraphs"]) for doc in docs.values())
    config = ET.parse(target / "labelstudio_config.xml").getroot()
    labels = config.find(".//Labels")
    assert config.find(".//Text").get("name") == labels.get("toName")
    allowed = {el.get("value") for el in labels.iter("Label")}
    names = {el.get("name") for el in config.iter() if el.get("toName")}
    for task in tasks:
        doc = docs[task["data"]["doc_id"]]
        for r in task["predictions"][0]["result"]:
            assert r["from_name"] in names and r["to_name"] == labels.get("toName")
        spans = [r["value"] for r in task["predictions"][0]["result"] if r["type"] == "labels"]
        assert {v["labels"][0] for v in spans} <= allowed
        para = task["data"]["text"]
        units = para.encode("utf-16-le")
        for v in spans:
            assert units[2 * v["start"]:2 * v["end"]].decode("utf-16-le") == v["text"]
        offset = task["data"]["start"]
        inside = [e["text"] for e in doc["entities"] if offset <= e["start"] < offset + len(para)]
        assert [v["text"] for v in spans] == inside


def test_labelstudio_offsets_are_utf16_after_an_astral_character(exported):
    _, target = exported
    tasks = json.loads((target / "labelstudio.json").read_text(encoding="utf-8"))
    task = next(t for t in tasks if t["data"]["id"] == "flood#p2")
    mchs = next(r["value"] for r in task["predictions"][0]["result"] if r["type"] == "labels")
    assert task["data"]["text"].index("МЧС") + 1 == mchs["start"]  # the pin is two UTF-16 units


ARTICLE = ("Сотрудничество Курганской области и Казахстана\n\n"
           "Губернатор Курганской области 3 июня 2022 года встретился в Костанае с акимом Костанайской области. "
           "Правительство Курганской области и Акимат Костанайской области договорились о поставках зерна.\n\n"
           "Делегация Республики Казахстан посетила Курган в октябре 2022 года.\n")


def real_run(out):
    """The pipeline itself on a short article: exports must agree with whatever it found."""
    from pipeline.run.runner import run
    src = out.parent / f"{out.name}-in"
    src.mkdir()
    (src / "kurgan.txt").write_text(ARTICLE, encoding="utf-8")
    run([src], out, workers=1, progress=False)  # in this process: the models load once
    return json.loads((out / "kurgan.json").read_text(encoding="utf-8"))


def test_exports_of_a_real_run_agree_with_its_json(tmp_path):
    doc = real_run(tmp_path / "out")
    target = write_exports(tmp_path / "out")
    mentions = read_csv(target / "mentions.csv")
    assert [(int(r["start"]), r["text"], r["label"]) for r in mentions] == \
        [(e["start"], e["text"], e["label"]) for e in doc["entities"]]
    assert sum(int(r["mentions"]) for r in read_csv(target / "entities.csv")) == len(doc["entities"])
    tasks = json.loads(write_labelstudio(tmp_path / "out").read_text(encoding="utf-8"))
    assert "".join(t["data"]["text"] for t in tasks) == "".join(
        doc["text"][p["start"]:p["end"]] for p in doc["paragraphs"])
    spans = sum(1 for t in tasks for r in t["predictions"][0]["result"] if r["type"] == "labels")
    assert spans == len(doc["entities"]) > 0


def test_loaded_documents_leave_out_what_no_export_reads(tmp_path):
    """Tokens and the source map are most of a document's JSON and no export
    or page reads them; the rest comes back whole."""
    doc = real_run(tmp_path / "out")
    assert doc["tokens"] and doc["source_map"]
    [loaded] = load_documents(tmp_path / "out")
    assert "tokens" not in loaded and "source_map" not in loaded
    assert {k: v for k, v in doc.items() if k not in ("tokens", "source_map")} == loaded


def test_the_network_groups_mentions_by_their_canonical_name(tmp_path):
    doc = build("eaeu", {"paragraphs": [["Казахстан вступил в ЕАЭС, а Евразийский экономический союз принял Армению."]],
                         "entities": [("ЕАЭС", 0, "ORG", "international", "ЕАЭС", None, None),
                                      ("Евразийский экономический союз", 0, "ORG", "international",
                                       "Евразийский экономический союз", None, None)],
                         "paragraph_directions": [[]], "directions": []})
    for e in doc["entities"]:
        e["canonical"] = "Евразийский экономический союз"
    ledger.record(tmp_path, ["eaeu.json"])  # a run's document, not a user's JSON
    (tmp_path / "eaeu.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    target = write_exports(tmp_path)
    g = nx.read_graphml(target / "network.graphml")
    assert list(g.nodes) == ["ORG:Евразийский экономический союз"]
    rows = read_csv(target / "entities.csv")
    assert {(r["normal"], r["canonical"]) for r in rows} == {("ЕАЭС", "Евразийский экономический союз"),
                                                            ("Евразийский экономический союз", "Евразийский экономический союз")}
