"""The ledger: what a run wrote, recorded before writing, read back whole
even after a kill cut its last line."""

import json

from pipeline.run import ledger


def test_records_written_through_an_open_ledger_are_read_back(tmp_path):
    with ledger.Appender(tmp_path) as written:
        written.record(["омск.json"], source="in/омск.txt")
        written.record(["report/articles/омск.html"])
    assert ledger.load(tmp_path) == {"омск.json": "in/омск.txt", "report/articles/омск.html": None}


def test_a_line_cut_by_a_kill_stays_alone(tmp_path):
    ledger.record(tmp_path, ["павлодар.json"], source="in/павлодар.txt")
    with open(tmp_path / ledger.LEDGER, "a", encoding="utf-8") as f:
        f.write('{"wrote": "астана.js')  # the run was killed mid-line
    with ledger.Appender(tmp_path) as written:
        written.record(["омск.json"], source="in/омск.txt")
    assert ledger.load(tmp_path) == {"павлодар.json": "in/павлодар.txt", "омск.json": "in/омск.txt"}


def test_removed_names_are_no_longer_owned(tmp_path):
    (tmp_path / "омск.json").write_text("{}", encoding="utf-8")
    with ledger.Appender(tmp_path) as written:
        written.record(["омск.json", "павлодар.json"])
    assert ledger.remove(tmp_path, ["омск.json", "чужой.json"]) == ["омск.json"]
    assert not (tmp_path / "омск.json").exists()
    assert set(ledger.load(tmp_path)) == {"павлодар.json"}


def test_a_folder_from_before_the_ledger_is_adopted_when_it_is_opened(tmp_path):
    document = {"doc_id": "омск", "source": {"path": "in/омск.txt"}, "text": "Омская область"}
    (tmp_path / "омск.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "manifest.json").write_text(json.dumps({"inputs": [{"path": "in/омск.txt", "output": "омск.json"}]}),
                                            encoding="utf-8")
    with ledger.Appender(tmp_path) as written:
        written.record(["павлодар.json"], source="in/павлодар.txt")
    assert ledger.load(tmp_path) == {"омск.json": "in/омск.txt", "report/articles/омск.html": "in/омск.txt",
                                     "павлодар.json": "in/павлодар.txt"}
