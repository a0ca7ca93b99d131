import json
import os
import threading

import numpy as np
import pytest

from pipeline.run.store import TEMPORARY, dumps, encoded, one_line, write_atomic

DOCUMENTS = [
    {"doc_id": "омск", "text": "Делегация Омской области,\n посетила Павлодар.\n\n«Итоги»: \"1,2 млрд\" }, {",
     "source_map": [[0, 0], [25, 26]], "stats": {"chars": 70, "seconds": 0.125},
     "tokens": [{"start": 0, "end": 9, "lemma": "делегация", "pos": "NOUN"},
                {"start": 10, "end": 16, "lemma": "омский", "pos": "ADJ"}],
     "entities": [], "directions": [{"label": "governance", "score": 0.9, "evidence": [0, 2]}]},
    {"inputs": [{"path": "a.txt", "status": "failed", "reason": "empty file"}], "removed": ["b.json"]},
    {},
    [],
]


@pytest.mark.parametrize("obj", DOCUMENTS)
def test_dumps_parses_back_to_the_same_object(obj):
    assert json.loads(dumps(obj)) == obj


def test_dumps_writes_one_key_and_one_list_object_a_line():
    lines = dumps(DOCUMENTS[0]).splitlines()
    assert lines[:2] == ["{", ' "doc_id":"омск",']
    assert '   {"start":0,"end":9,"lemma":"делегация","pos":"NOUN"},' in lines
    assert ' "source_map":[[0,0],[25,26]],' in lines
    assert ' "entities":[],' in lines
    assert len(lines) == 2 + 7 + 3 + 2  # braces, keys, the 3 list objects, 2 closing brackets


@pytest.mark.parametrize("obj", DOCUMENTS)
def test_one_line_is_the_compact_json(obj):
    assert one_line(dumps(obj)) == json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


@pytest.mark.parametrize("value, expected", [
    ({"score": np.float64(0.25)}, {"score": 0.25}),        # a score left a numpy float: still a number
    ({"ids": {1: "Омск"}}, {"ids": {"1": "Омск"}}),        # a key that is not a string: as json.dumps writes it
])
def test_dumps_takes_what_json_took(value, expected):
    assert json.loads(dumps(value)) == expected


def test_bytes_are_written_as_they_are(tmp_path):
    data = encoded(DOCUMENTS[0])
    write_atomic(tmp_path / "омск.json", data)
    write_atomic(tmp_path / "омск.json", data)  # replaced, not appended to
    assert (tmp_path / "омск.json").read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == ["омск.json"]  # no temporary file left


def test_a_link_in_the_temporary_files_place_is_not_written_through(tmp_path):
    """A file at the temporary name (left by a killed process, or planted) is removed, never written into."""
    kept = tmp_path / "kept.txt"
    kept.write_text("чужой файл", encoding="utf-8")
    target = tmp_path / "омск.json"
    (tmp_path / f".омск.json.{os.getpid()}-{threading.get_ident()}{TEMPORARY}").symlink_to(kept)
    write_atomic(target, encoded(DOCUMENTS[0]))
    assert kept.read_text(encoding="utf-8") == "чужой файл"
    assert json.loads(target.read_bytes()) == DOCUMENTS[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.txt", "омск.json"]
