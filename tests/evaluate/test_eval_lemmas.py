import pytest

from pipeline.evaluate import eval_lemmas as evaluate
from conftest import shared_path

# Two hand-made gold sentences: punctuation is not scored, lemmas compare
# case-insensitively with ё = е, a token the system splits differently is wrong.
GOLD = [
    {"id": "a", "text": "Омск принял гостей.", "tokens": [
        {"start": 0, "end": 4, "form": "Омск", "lemma": "Омск", "upos": "PROPN"},
        {"start": 5, "end": 11, "form": "принял", "lemma": "принять", "upos": "VERB"},
        {"start": 12, "end": 18, "form": "гостей", "lemma": "гость", "upos": "NOUN"},
        {"start": 18, "end": 19, "form": ".", "lemma": ".", "upos": "PUNCT"}]},
    {"id": "b", "text": "В 2019 г. всё прошло.", "tokens": [
        {"start": 0, "end": 1, "form": "В", "lemma": "в", "upos": "ADP"},
        {"start": 2, "end": 6, "form": "2019", "lemma": "2019", "upos": "NUM"},
        {"start": 7, "end": 9, "form": "г.", "lemma": "год", "upos": "NOUN"},
        {"start": 10, "end": 13, "form": "всё", "lemma": "всё", "upos": "PRON"},
        {"start": 14, "end": 20, "form": "прошло", "lemma": "пройти", "upos": "VERB"},
        {"start": 20, "end": 21, "form": ".", "lemma": ".", "upos": "PUNCT"}]},
]
PREDICTED = [
    {(0, 4): "омск", (5, 11): "принимать", (12, 18): "гость", (18, 19): "?"},
    {(0, 1): "в", (2, 6): "2019", (7, 8): "г", (8, 9): ".", (10, 13): "все", (14, 20): "пройти"},
]


def test_score_counts_tokens_cases_and_mismatches():
    result = evaluate.score(GOLD, PREDICTED)
    assert (result["correct"]["all"], result["total"]["all"]) == (6, 8)
    assert (result["correct"]["VERB"], result["total"]["VERB"]) == (1, 2)
    assert (result["correct"]["NOUN"], result["total"]["NOUN"]) == (1, 2)
    assert result["total"]["PUNCT"] == 0
    assert result["mismatches"] == 1


def test_table_lists_overall_then_each_pos():
    results = {"a": evaluate.score(GOLD, PREDICTED), "b": evaluate.score(GOLD, PREDICTED)}
    lines = evaluate.table(results).splitlines()
    assert lines[2] == "| **all** | 8 | 75.00 | 75.00 |"
    assert lines[-1] == "| tokenization mismatches | | 1 | 1 |"


def test_absent_gold_file_is_not_an_error(tmp_path, capsys):
    assert evaluate.main(tmp_path / "absent.jsonl") == 0
    assert "absent" in capsys.readouterr().out


@pytest.mark.shared
def test_pipeline_beats_both_baselines_on_ud_gsd():
    gold = evaluate.load(shared_path("data", "ud", "ru_gsd-test.jsonl"))
    accuracy = {name: evaluate.score(gold, system(gold)) for name, system in evaluate.SYSTEMS.items()}
    accuracy = {name: r["correct"]["all"] / r["total"]["all"] for name, r in accuracy.items()}
    assert accuracy["pipeline"] > max(accuracy["pymorphy3 first parse"], accuracy["natasha lemmatize"])
