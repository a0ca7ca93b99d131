"""Every kind of bad input beside good ones: each gets its manifest line and
a short stderr message, the good documents are all written, and the exit
status says that something failed."""

import json

import pytest

import samples
from pipeline import cli
from pipeline.run import runner

GOOD = {
    "visit.txt": "Делегация Омской области посетила Павлодар и провела переговоры с акиматом.",
    "forum.md": "# Форум\n\nСтуденты из Новосибирска и Усть-Каменогорска обсудили обмен.",
    "page.html": None, "memo.docx": None, "paper.pdf": None,
}
PARAGRAPHS = ["Губернатор Челябинской области встретился с акимом Костанайской области.",
              "Стороны договорились о совместной ярмарке и днях культуры."]
ENGLISH = "The governor of Omsk region met the akim of Pavlodar region to discuss trade and education. " * 3
KAZAKH = ("Павлодар облысының әкімі Омбы облысының губернаторымен кездесті. Өңірлер арасындағы "
          "сауда, білім және мәдениет саласындағы ынтымақтастық туралы келісімге қол қойылды. ") * 2
RUSSIAN_BAD_BYTE = ("Делегация Алтайского края посетила Восточно-Казахстанскую область. " * 4).encode()

# input name -> (bytes, status, words the reason must contain)
BAD = {
    "empty.txt": (b"", "failed", "empty file"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40, "failed", "binary file"),
    "scan.pdf": (samples.blank_pdf(), "failed", "no text layer"),
    "cut.pdf": (samples.pdf(PARAGRAPHS)[:300], "failed", "damaged or truncated"),
    "locked.pdf": (samples.pdf(PARAGRAPHS, password="пароль"), "failed", "password-protected"),
    "cut.docx": (samples.docx(PARAGRAPHS)[:1500], "failed", "damaged or truncated"),
    "huge.txt": ("Текст статьи. ".encode() * 5000, "failed", "too large"),
    "english.txt": (ENGLISH.encode(), "skipped", "not Russian"),
    "kazakh.txt": (KAZAKH.encode(), "skipped", "Kazakh (kk)"),
    "table.xlsx": (b"PK\x03\x04", "failed", "unsupported format"),
}
SIZE_LIMIT_MB = 0.05  # stands for the default 20 MB: "huge.txt" is ~100 KB


def build_good(folder):
    for name, text in GOOD.items():
        data = {"page.html": samples.html("Визит", PARAGRAPHS), "memo.docx": samples.docx(PARAGRAPHS),
                "paper.pdf": samples.pdf(PARAGRAPHS)}.get(name) or text.encode()
        (folder / name).write_bytes(data)


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory):
    src, out = tmp_path_factory.mktemp("mixed"), tmp_path_factory.mktemp("out")
    build_good(src)
    for name, (data, _, _) in BAD.items():
        (src / name).write_bytes(data)
    (src / "damaged.txt").write_bytes(RUSSIAN_BAD_BYTE[:40] + b"\xff" + RUSSIAN_BAD_BYTE[40:])
    (src / "vanishing.txt").write_text("Текст, который исчезнет до чтения.", encoding="utf-8")
    real_collect = runner.collect

    def collect_then_delete(*args):  # the file is listed, then gone before it is read
        found = real_collect(*args)
        (src / "vanishing.txt").unlink()
        return found
    runner.collect = collect_then_delete
    try:
        status = cli.main(["extract", str(src), "--out", str(out), "--workers", "1", "--max-mb", str(SIZE_LIMIT_MB)])
    finally:
        runner.collect = real_collect
    manifest = json.loads((out / "manifest.json").read_text())
    return status, out, {e["path"].rsplit("/", 1)[-1]: e for e in manifest["inputs"]}


def test_exit_status_says_something_failed(mixed_run):
    assert mixed_run[0] == 1


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_input_has_its_reason(mixed_run, name):
    _, out, entries = mixed_run
    _, status, reason = BAD[name]
    assert entries[name]["status"] == status
    assert reason in entries[name]["reason"]
    assert not (out / entries[name]["doc_id"]).with_suffix(".json").exists()


def test_a_file_that_disappears_is_reported(mixed_run):
    entry = mixed_run[2]["vanishing.txt"]
    assert entry["status"] == "failed" and "disappeared" in entry["reason"]


def test_invalid_utf8_keeps_the_text_and_warns(mixed_run):
    _, out, entries = mixed_run
    entry = entries["damaged.txt"]
    assert entry["status"] == "ok" and "U+FFFD" in entry["warning"]
    assert "Алтайского края" in json.loads((out / "damaged.json").read_text())["text"]


def test_every_good_document_is_written(mixed_run):
    _, out, entries = mixed_run
    for name in GOOD:
        assert entries[name]["status"] == "ok", entries[name]
        doc = json.loads((out / entries[name]["output"]).read_text())
        assert doc["source"]["format"] == name.rsplit(".", 1)[1]
    corpus = (out / "corpus.jsonl").read_text().splitlines()
    assert len(corpus) == len(GOOD) + 1  # and the damaged-but-readable one


def test_failures_are_told_on_stderr(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert cli.main(["extract", str(tmp_path), "--out", str(tmp_path / "out"), "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert "failed: " in err and "empty.txt: empty file" in err


def test_a_document_over_the_time_limit_is_stopped(tmp_path):
    (tmp_path / "long.txt").write_text("Делегация Омской области посетила Павлодар. " * 400, encoding="utf-8")
    manifest = runner.run([tmp_path / "long.txt"], tmp_path / "out", workers=1,
                          limits=runner.Limits(seconds=0.01))
    entry = manifest["inputs"][0]
    assert entry["status"] == "failed" and entry["reason"].startswith("time limit")


def test_text_over_the_character_limit_is_refused(tmp_path):
    (tmp_path / "long.txt").write_text("Текст статьи. " * 100, encoding="utf-8")
    manifest = runner.run([tmp_path], tmp_path / "out", workers=1, limits=runner.Limits(max_chars=1000))
    assert manifest["inputs"][0]["reason"].startswith("too long: 1,4")
