"""The public API of pipeline/__init__.py, used as a notebook would."""

import json

import pipeline
from pipeline.run.runner import run

NEWS = ("Делегация Алтайского края 5 июня 2023 года посетила Усть-Каменогорск. "
        "Стороны обсудили поставки зерна на 2 млн долларов.")


def test_load_gives_one_language_per_process():
    assert pipeline.load() is pipeline.load()
    assert "entities" in pipeline.load().pipe_names


def test_process_text_gives_the_record():
    record = pipeline.process_text(NEWS, doc_id="news")
    assert [(e.label, e.normal) for e in record.entities] == [
        ("LOC", "Алтайский край"), ("DATE", "5 июня 2023 года"), ("LOC", "Усть-Каменогорск"),
        ("MONEY", "2 млн долларов")]
    assert record.doc_id == "news" and len(record.sentences) == 2


def test_process_file_reads_any_format(tmp_path):
    path = tmp_path / "заметка.txt"
    path.write_bytes(NEWS.encode("cp1251"))
    record = pipeline.process_file(path)
    assert record.doc_id == "заметка" and record.source.encoding == "cp1251"
    assert record.text == NEWS


def test_an_output_folder_reads_back_into_the_same_records(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "news.txt").write_text(NEWS, encoding="utf-8")
    run([tmp_path / "in"], tmp_path / "out", workers=1)
    [record] = pipeline.read_outputs(tmp_path / "out")
    written = json.loads((tmp_path / "out" / "news.json").read_text(encoding="utf-8"))
    again = pipeline.to_json(record)
    for key in ("text", "sentences", "paragraphs", "tokens", "entities", "directions", "source_map", "ties",
                "metadata", "direction_scores"):
        assert again[key] == written[key], key
