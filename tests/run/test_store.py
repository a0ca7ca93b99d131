import json

import numpy as np
import pytest

from pipeline.run.store import dumps, one_line

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
