"""Round trip: pipeline entities -> Label Studio tasks -> a person's
corrections (simulated in Label Studio's export format) -> training data."""

import copy
import json

import pytest

from conftest import ROOT
from pipeline.outputs.exports.labelstudio_file import write_labelstudio
from pipeline.outputs.labelstudio_import import convert, latest_annotation, main, parse_value, python_offset
from test_exports import make_outputs


def _annotate(task: dict, result: list, when="2026-02-01T10:00:00Z", cancelled=False) -> None:
    task.setdefault("annotations", []).append(
        {"id": len(task.get("annotations", [])) + 1, "result": result, "was_cancelled": cancelled,
         "created_at": when, "updated_at": when})


def _region(text: str, surface: str, rid: str, label: str, **fields) -> list:
    start = len(text[:text.index(surface)].encode("utf-16-le")) // 2
    span = {"start": start, "end": start + len(surface)}
    out = [{"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {**span, "text": surface, "labels": [label]}}]
    if "kind" in fields:
        out.append({"id": rid, "from_name": "kind", "to_name": "text", "type": "choices",
                    "value": {**span, "choices": [fields.pop("kind")]}})
    return out + [{"id": rid, "from_name": name, "to_name": "text", "type": "textarea",
                   "value": {**span, "text": [typed]}} for name, typed in fields.items()]


@pytest.fixture()
def corrected(tmp_path):
    """Label Studio's export after review: predictions accepted, one sum
    deleted, one normal form edited, one missed company added, one task
    left unannotated, one annotation cancelled."""
    make_outputs(tmp_path)
    tasks = json.loads(write_labelstudio(tmp_path).read_text(encoding="utf-8"))
    export = []
    for n, task in enumerate(tasks):
        task = {"id": n + 1, **copy.deepcopy(task)}
        result = copy.deepcopy(task["predictions"][0]["result"])
        tid, text = task["data"]["id"], task["data"]["text"]
        if tid == "visit#p2":
            money = {r["id"] for r in result if r["type"] == "labels" and r["value"]["labels"] == ["MONEY"]}
            result = [r for r in result if r["id"] not in money]
        if tid == "flood#p1":
            for r in result:
                if r["from_name"] == "normal" and r["value"]["text"] == ["Урал"]:
                    r["value"]["text"] = ["Урал (река)"]
        if tid == "flood#p2":
            result += _region(text, "ТОО «Степной сервис»", "new1", "ORG", kind="company",
                              normal="ТОО «Степной сервис»")
        if tid == "visit#p0":
            _annotate(task, [], cancelled=True)
        elif tid != "flood#p0":
            _annotate(task, [], when="2026-01-01T00:00:00Z")  # an older draft, superseded
            _annotate(task, result)
        export.append(task)
    path = tmp_path / "project-1-at-2026-02-01.json"
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    return path


def _records(corrected, tmp_path) -> dict:
    out = tmp_path / "annotated" / "entities_labelstudio.jsonl"
    assert main([str(corrected), "--out", str(out)]) == 0
    return {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}


def test_round_trip_keeps_accepted_entities(corrected, tmp_path):
    records = _records(corrected, tmp_path)
    visit = records["visit#p1"]
    assert [(e["text"], e["label"], e["normal"], e["kind"], e["id"], e["value"]) for e in visit["entities"]] == [
        ("Новосибирской области", "LOC", "Новосибирская область", "region", "iso:RU-NVS", None),
        ("Павлодар", "LOC", "Павлодар", "city", None, None),
        ("12 мая 2021 года", "DATE", "12 мая 2021 года", None, None, "2021-05-12"),
        ("Андрей Соколов", "PER", "Андрей Соколов", None, None, None),
        ("Павлодарской области", "LOC", "Павлодарская область", "region", "iso:KZ-55", None)]


def test_round_trip_applies_the_corrections(corrected, tmp_path):
    records = _records(corrected, tmp_path)
    assert [e["label"] for e in records["visit#p2"]["entities"]] == ["ORG", "ORG"]
    assert next(e for e in records["flood#p1"]["entities"] if e["text"] == "Урал")["normal"] == "Урал (река)"
    added = records["flood#p2"]["entities"][1]
    text = records["flood#p2"]["text"]
    assert text[added["start"]:added["end"]] == added["text"] == "ТОО «Степной сервис»"
    assert (added["kind"], added["normal"], added["id"], added["governs"]) == ("company", "ТОО «Степной сервис»",
                                                                              None, None)


def test_unreviewed_and_cancelled_tasks_are_not_training_data(corrected, tmp_path):
    records = _records(corrected, tmp_path)
    assert "flood#p0" not in records and "visit#p0" not in records
    assert len(records) == 4


def test_records_have_the_gold_set_format(corrected, tmp_path):
    records = _records(corrected, tmp_path)
    gold = ROOT / "corpus" / "annotated" / "entities.jsonl"
    if not gold.exists():
        pytest.skip("corpus/annotated/entities.jsonl is absent")
    sample = json.loads(gold.read_text(encoding="utf-8").splitlines()[0])
    for record in records.values():
        assert {"id", "text", "entities"} <= set(record) <= set(sample)
        for e in record["entities"]:
            assert set(sample["entities"][0]) - {"governs"} <= set(e)
            assert record["text"][e["start"]:e["end"]] == e["text"]


@pytest.mark.parametrize("text, utf16, expected", [
    ("абв", 2, 2),
    ("a😀b", 3, 2),
    ("😀😀x", 4, 2),
    ("край", 10, 4),
])
def test_python_offset(text, utf16, expected):
    assert python_offset(text, utf16) == expected


@pytest.mark.parametrize("label, typed, expected", [
    ("MONEY", "1200000000 KZT", {"amount": 1200000000, "currency": "KZT"}),
    ("MONEY", "2,5 USD", {"amount": 2.5, "currency": "USD"}),
    ("DATE", "2019-04", "2019-04"),
    ("DATE", None, None),
])
def test_parse_value(label, typed, expected):
    assert parse_value(label, typed) == expected


def test_latest_annotation_is_the_last_submitted():
    task = {"annotations": [{"result": [1], "updated_at": "2026-03-01T00:00:00Z"},
                            {"result": [2], "updated_at": "2026-01-01T00:00:00Z"},
                            {"result": [3], "updated_at": "2026-04-01T00:00:00Z", "was_cancelled": True}]}
    assert latest_annotation(task)["result"] == [1]
    assert convert([{"data": {"text": "x"}, "annotations": []}]) == []
