import json
import signal
import time
import subprocess
import sys

import jsonschema
import pytest

from conftest import ROOT, SHARED
from pipeline.text.align import to_source
from pipeline.run.runner import doc_ids, run

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
    return src, out, run([src], out, workers=1)


def test_manifest_lists_every_input(outputs):
    _, out, manifest = outputs
    status = {e["path"].rsplit("/", 1)[-1]: e["status"] for e in manifest["inputs"]}
    assert status == {"статья.txt": "ok", "note.md": "ok", "empty.txt": "failed"}
    failed = [e for e in manifest["inputs"] if e["status"] == "failed"]
    assert failed[0]["reason"] == "empty file"
    counts = json.loads((out / "manifest.json").read_text())["counts"]
    assert {k: counts[k] for k in ("inputs", "ok", "failed")} == {"inputs": 3, "ok": 2, "failed": 1}


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


@pytest.mark.shared
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


# --- corpus runs: incremental, resumable, the same for any number of workers

NEWS = [
    "Делегация Омской области во главе с губернатором посетила Павлодар.",
    "Акимат Костанайской области и Правительство Челябинской области подписали соглашение.",
    "В Оренбурге прошли совместные учения спасателей России и Казахстана.",
    "Студенты Новосибирска приняли участие в молодёжном форуме в Усть-Каменогорске.",
]


def corpus(folder, count=8):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = "\n\n".join(NEWS[(i + k) % len(NEWS)] for k in range(3)) + f"\n\nСообщение № {i + 1}."
        (folder / f"news_{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def snapshot(out):
    """Every output file, with the timings (which vary run to run) removed."""
    found = {}
    for path in sorted(out.iterdir()):
        if path.suffix == ".json" and path.name != "manifest.json":
            doc = json.loads(path.read_text())
            doc["stats"].pop("seconds")
            found[path.name] = doc
        elif path.name == "corpus.jsonl":
            found[path.name] = [json.loads(line)["doc_id"] for line in path.read_text().splitlines()]
    manifest = json.loads((out / "manifest.json").read_text())
    found["manifest"] = [{k: v for k, v in e.items() if k not in ("seconds", "reused")} for e in manifest["inputs"]]
    return found


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    src = corpus(tmp_path_factory.mktemp("news"))
    out = tmp_path_factory.mktemp("reference")
    run([src], out, workers=1)
    return src, snapshot(out)


def test_outputs_are_the_same_for_one_or_two_workers(reference, tmp_path):
    src, expected = reference
    manifest = run([src], tmp_path, workers=2)
    assert manifest["workers"] == 2 and manifest["counts"]["ok"] == 8
    assert snapshot(tmp_path) == expected


def test_an_unchanged_input_is_not_processed_again(reference, tmp_path):
    src, _ = reference
    run([src], tmp_path, workers=1)
    changed = src / "news_03.txt"
    original = changed.read_bytes()
    try:
        changed.write_text("Губернатор Алтайского края встретился с акимом ВКО.", encoding="utf-8")
        manifest = run([src], tmp_path, workers=1)
        reused = {e["doc_id"] for e in manifest["inputs"] if e.get("reused")}
        assert reused == {f"news_{i:02d}" for i in range(8)} - {"news_03"}
        assert "Алтайского" in json.loads((tmp_path / "news_03.json").read_text())["text"]
        forced = run([src], tmp_path, workers=1, force=True)
        assert forced["counts"]["reused"] == 0
    finally:
        changed.write_bytes(original)


def test_outputs_of_deleted_inputs_are_kept_until_pruned(tmp_path):
    src = corpus(tmp_path / "in", count=3)
    out = tmp_path / "out"
    run([src], out, workers=1)
    (src / "news_01.txt").unlink()
    (out / "export.json").write_text('{"nodes": []}')  # not the run's: never touched
    manifest = run([src], out, workers=1)
    assert manifest["kept"] == [{"output": "news_01.json", "path": str(src / "news_01.txt")}]
    assert (out / "news_01.json").exists() and (out / "report" / "articles" / "news_01.html").exists()
    manifest = run([src], out, workers=1, prune=True)
    assert manifest["pruned"] == ["news_01.json"] and manifest["counts"]["pruned"] == 1
    assert sorted(p.name for p in out.glob("*.json")) == ["export.json", "manifest.json", "news_00.json", "news_02.json"]
    assert not (out / "report" / "articles" / "news_01.html").exists()
    assert [json.loads(line)["doc_id"] for line in (out / "corpus.jsonl").read_text().splitlines()] == ["news_00", "news_02"]


def extract(src, out):
    return [sys.executable, "-m", "pipeline", "extract", str(src), "--out", str(out), "--workers", "1"]


@pytest.mark.slow
def test_a_killed_run_completes_when_run_again(reference, tmp_path):
    src, _ = reference
    command = extract(src, tmp_path / "killed")
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    out = tmp_path / "killed"
    # A document takes ~25 ms: poll often, so that the kill lands well before the 8th. Once two are
    # written, the manifest saved after the first is on disk.
    while len(list(out.glob("news_*.json"))) < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    written = len(list(out.glob("news_*.json")))
    assert 0 < written < 8, "the run was not caught part way"
    assert json.loads((out / "manifest.json").read_text())["complete"] is False
    keys = {json.loads(path.read_text())["pipeline"]["key"] for path in out.glob("news_*.json")}  # all whole
    rerun = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["complete"]
    if keys == {manifest["pipeline_key"]}:  # (unless the code changed in between: then all is redone)
        assert manifest["counts"]["reused"] == written
    assert not list(out.glob(".*.pipeline-tmp"))
    subprocess.run(extract(src, tmp_path / "whole"), cwd=ROOT, capture_output=True, check=True)
    assert snapshot(out) == snapshot(tmp_path / "whole")


def test_post_run_writers_see_the_finished_run(tmp_path, monkeypatch):
    from pipeline.run import runner
    seen = []
    monkeypatch.setattr(runner, "POST_RUN", [lambda out: seen.append(json.loads((out / "manifest.json").read_text()))])
    run([corpus(tmp_path / "in", count=1)], tmp_path / "out", workers=1)
    assert seen[0]["complete"] and seen[0]["counts"]["ok"] == 1


def _by_document(out):
    """Every output row keyed by (file, doc_id): the tables for analysis and
    the CSV files, corpus.jsonl's lines and the review's index rows."""
    import csv

    import pyarrow.parquet as pq
    rows = {}
    for path in sorted((out / "exports").glob("*.csv")):
        for row in csv.DictReader(path.open(encoding="utf-8")):
            rows.setdefault((path.name, row["doc_id"]), []).append(row)
    for path in sorted((out / "exports").glob("*.parquet")):
        for row in pq.read_table(path).to_pylist():
            rows.setdefault((path.name, row["doc_id"]), []).append(row)
    for line in (out / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
        rows[("corpus.jsonl", json.loads(line)["doc_id"])] = [line]
    index = (out / "report" / "data" / "index.js").read_text(encoding="utf-8")
    for row in json.loads(index.split(" = ", 1)[1].rstrip().rstrip(";"))["rows"]:
        rows[("index.js", row[0])] = [row[:2] + row[3:]]  # (the source number may follow the corpus)
    return rows


def _files(out):
    """(inode, mtime) of each document JSON and article page."""
    paths = [*out.glob("news_*.json"), *(out / "report" / "articles").glob("*.html")]
    return {p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in paths}


def test_a_rerun_after_one_of_many_inputs_changed_rewrites_only_its_page_and_rows(tmp_path, monkeypatch):
    from pipeline.outputs import corpus as corpus_file
    from pipeline.outputs import parts
    from pipeline.outputs import review
    src, out = corpus(tmp_path / "in", count=12), tmp_path / "out"
    run([src], out, workers=2)
    rows, files = _by_document(out), _files(out)
    read = []  # the document files the work after the run reads, however it reads them
    for module, name in ((parts, "read_document"), (review, "read_document")):
        original = getattr(module, name)
        monkeypatch.setattr(module, name, lambda path, f=original: read.append(path.name) or f(path))
    monkeypatch.setattr(corpus_file, "one_line", lambda text, f=corpus_file.one_line: read.append("text") or f(text))
    (src / "news_03.txt").write_text("Губернатор Алтайского края встретился с акимом Восточно-Казахстанской "
                                     "области в Усть-Каменогорске.", encoding="utf-8")
    manifest = run([src], out, workers=2)
    assert [e["doc_id"] for e in manifest["inputs"] if not e.get("reused")] == ["news_03"]
    assert sorted(read) == ["news_03.json", "news_03.json", "text"]  # rows and page; its corpus.jsonl line
    after, now = _by_document(out), _files(out)
    changed = {key for key in rows.keys() | after.keys() if rows.get(key) != after.get(key)}
    assert changed and {doc_id for _, doc_id in changed} == {"news_03"}
    assert {name for name, _ in changed} >= {"mentions.csv", "entities.csv", "mentions.parquet", "sentences.parquet",
                                              "documents.parquet", "corpus.jsonl", "index.js"}
    assert any("Алтайский край" in str(row) for row in after[("entities.csv", "news_03")])
    assert not any("Алтайский край" in str(row) for row in rows[("entities.csv", "news_03")])
    assert {name for name in files if now[name] != files[name]} == {"news_03.json", "report/articles/news_03.html"}
    assert "Алтайского края" in (out / "report" / "articles" / "news_03.html").read_text(encoding="utf-8")
