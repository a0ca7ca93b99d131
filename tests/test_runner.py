import json
import subprocess
import sys

import jsonschema
import pytest

from conftest import ROOT, SHARED
from pipeline.align import to_source
from pipeline.runner import doc_ids, run

ARTICLE = (
    "Сотрудничество\tрегионов\n\n"
    "Акимат Павлодарской области и Правительство Омской области 2 августа 2017 г. подписали\n"
    "соглашение о торгово-экономическом и научно-\nтехническом сотрудничестве. Губернатор\n"
    "встретился с акимом Асаном Бекетовым в Павлодаре.\n"
)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    src = tmp_path_factory.mktemp("in")
    (src / "статья.txt").write_text(ARTICLE, encoding="cp1251")
    (src / "note.md").write_text("# Визит\n\nДелегация Алтайского края посетила Усть-Каменогорск.", encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    out = tmp_path_factory.mktemp("out")
    return src, out, run([src], out)


def test_manifest_lists_every_input(outputs):
    _, out, manifest = outputs
    status = {e["path"].rsplit("/", 1)[-1]: e["status"] for e in manifest["inputs"]}
    assert status == {"статья.txt": "ok", "note.md": "ok", "empty.txt": "failed"}
    failed = [e for e in manifest["inputs"] if e["status"] == "failed"]
    assert failed[0]["reason"] == "empty file"
    assert json.loads((out / "manifest.json").read_text())["counts"] == {"inputs": 3, "ok": 2, "failed": 1}


def test_outputs_follow_the_schema(outputs, schema):
    _, out, _ = outputs
    docs = [json.loads(p.read_text()) for p in out.glob("*.json") if p.name != "manifest.json"]
    assert len(docs) == 2
    for doc in docs:
        jsonschema.validate(doc, schema)


def test_source_map_points_into_the_decoded_source(outputs):
    src, out, _ = outputs
    doc = json.loads((out / "статья.json").read_text())
    assert doc["source"]["encoding"] == "cp1251"
    source = (src / "статья.txt").read_text(encoding="cp1251")
    for e in doc["entities"]:
        start = to_source(doc["source_map"], e["start"])
        assert source[start] == e["text"][0]
    assert "научно-техническом" in doc["text"]


def test_corpus_jsonl_matches_the_json_files(outputs):
    _, out, _ = outputs
    lines = [json.loads(line) for line in (out / "corpus.jsonl").read_text().splitlines()]
    assert sorted(d["doc_id"] for d in lines) == ["note", "статья"]


def test_contract_checker_passes(outputs):
    _, out, _ = outputs
    checker = SHARED / "tools" / "check_output.py"
    if not checker.exists():
        pytest.skip("../shared/tools/check_output.py is absent")
    result = subprocess.run([sys.executable, str(checker), str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_doc_ids_are_stable_and_unique(tmp_path):
    files = [tmp_path / "a" / "report.txt", tmp_path / "b" / "report.txt", tmp_path / "Омск 2017.md"]
    ids = doc_ids(files)
    assert ids[files[2]] == "омск-2017"
    assert len(set(ids.values())) == 3
    assert doc_ids(list(reversed(files))) == ids


def test_cli_help_explains_options():
    result = subprocess.run([sys.executable, "-m", "pipeline", "extract", "--help"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    assert "--out" in result.stdout
