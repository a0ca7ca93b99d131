"""Runs that never lose, overwrite or delete anything unasked, whatever the
input (issue 15): one test per finding, each building its hostile input on
the fly, asserting the invariants of hostile.check_run, and that the good
articles beside the bad input are written."""

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
import xml.etree.ElementTree as ElementTree
from contextlib import contextmanager

import pytest

import samples
from conftest import ROOT
from hostile import article, check_run, long_document, names_fit, zip_bomb
from pipeline import cli
from pipeline.ingest.containers import Unpacking
from pipeline.ingest.sources import IngestError, source_of
from pipeline.run import backends, ledger, memory
from pipeline.run.names import MAX_ID_BYTES, doc_ids
from pipeline.run.runner import Limits, RunError, run


@contextmanager
def deadline(seconds: int):
    """Fail, rather than hang the suite, if the block takes longer."""
    def expired(signum, frame):
        raise TimeoutError(f"not done in {seconds} s")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def write_articles(folder, names):
    folder.mkdir(parents=True, exist_ok=True)
    for n, name in enumerate(names):
        (folder / name).write_text(article(n), encoding="utf-8")
    return [folder / name for name in names]


# --- 1. output names

LONG = "Соглашение о сотрудничестве между Омской областью и Павлодарской областью в сфере " \
       "образования науки и культуры на 2024 год"  # 120 Cyrillic characters: 240 bytes


def test_long_names_and_colliding_names_get_outputs_of_their_own(tmp_path):
    assert len(LONG) >= 110
    src = tmp_path / "in"
    deep = src / LONG[:100] / LONG[:100]
    names = ["Report.txt", "report.txt", "a b.txt", "a-b.txt", "a.b.txt", "😀.txt", "🙂.txt",
             "manifest.txt", "corpus.md", "report.md", "exports.txt", LONG + ".txt"]
    inputs = write_articles(src, names) + write_articles(deep, [LONG + ".txt"])
    out = tmp_path / "out"
    manifest = run([src], out, workers=1)
    entries = check_run(manifest, out, inputs)
    assert all(e["status"] == "ok" for e in entries.values()), entries
    assert len({e["output"] for e in entries.values()}) == len(inputs)
    assert json.loads((out / "manifest.json").read_text())["inputs"]  # the manifest is the manifest
    assert names_fit(out)
    again = run([src], out, workers=1)  # the same names next time: every output reused
    assert again["counts"]["reused"] == len(inputs)
    check_run(again, out, inputs)


def test_a_newcomer_with_the_same_name_does_not_move_an_earlier_output(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    first = write_articles(src, ["visit.txt"])
    run([src], out, workers=1)
    before = (out / "visit.json").read_bytes()
    inputs = first + write_articles(src / "b", ["Visit.txt"])
    entries = check_run(run([src], out, workers=1), out, inputs, earlier={"visit.json"})
    assert entries[str(first[0])]["output"] == "visit.json" and (out / "visit.json").read_bytes() == before
    assert entries[str(inputs[1])]["output"].startswith("visit-")


def test_colliding_names_do_not_depend_on_where_the_folder_is(tmp_path):
    from pipeline.run.runner import relative_paths
    ids = []
    for place in ("here", "there/deeper"):
        root = tmp_path / place / "in"
        files = write_articles(root / "a", ["Report.txt"]) + write_articles(root, ["report.txt"])
        found = doc_ids(files, relative=relative_paths(files, [root]))
        ids.append([found[f] for f in files])
    assert ids[0] == ids[1] and len(set(ids[0])) == 2


def test_doc_ids_are_stable_unique_and_short():
    from pathlib import Path
    files = [Path("a/Report.txt"), Path("b/report.txt"), Path("manifest.txt"), Path(LONG * 3 + ".txt"),
             Path("x/" + LONG * 3 + ".txt"), Path("Омск 2017.md")]
    ids = doc_ids(files)
    assert ids[files[5]] == "омск-2017"
    assert len({i.casefold() for i in ids.values()}) == len(files)
    assert ids[files[2]] != "manifest"
    assert all(len(i.encode()) <= MAX_ID_BYTES for i in ids.values())
    assert doc_ids(list(reversed(files))) == ids
    taken = doc_ids([Path("notes.txt")], taken={"notes"})  # a user's notes.json in OUT is not replaced
    assert taken[Path("notes.txt")] != "notes"


# --- 2. nothing deleted unless asked

def test_nothing_is_deleted_unless_asked(tmp_path, capsys):
    src, out = tmp_path / "in", tmp_path / "out"
    inputs = write_articles(src, ["one.txt", "two.txt", "three.txt"])
    first = run([src], out, workers=1)
    earlier = {e["output"] for e in first["inputs"]}
    user = {".notes.tmp": b"my notes", "mine.json": json.dumps({"doc_id": "mine", "source": {}}).encode(),
            "report/articles/extra.html": b"<p>my own page</p>", "exports/my.csv": b"a,b\n"}
    for name, data in user.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)

    with pytest.raises(RunError, match="no such file or folder"):  # a mistyped path
        run([tmp_path / "inn"], out, workers=1)
    check_run(json.loads((out / "manifest.json").read_text()), out, inputs, user, earlier)

    empty = tmp_path / "empty"
    empty.mkdir()
    manifest = run([empty], out, workers=1)  # an empty folder: earlier outputs are kept, and said so
    check_run(manifest, out, [], user, earlier)
    assert manifest["counts"]["kept"] == 3 and len((out / "corpus.jsonl").read_text().splitlines()) == 3

    (src / "two.txt").write_text("Делегация Алтайского края. " * 200, encoding="utf-8")
    manifest = run([src], out, workers=1, limits=Limits(max_bytes=1000))  # too low a size limit
    entries = check_run(manifest, out, inputs, user, earlier)
    two = entries[str(src / "two.txt")]
    assert two["status"] == "failed" and two["stale"] is True and two["output"] == "two.json"
    assert "Студенты" in json.loads((out / "two.json").read_text())["text"]  # the last good output

    (src / "three.txt").unlink()
    assert cli.main(["extract", str(src), "--out", str(out), "--workers", "1", "--prune"]) == 0
    summary = capsys.readouterr().err.strip().splitlines()[-1]
    assert "1 added, 1 unchanged, 1 pruned; 0 failed" in summary and f"{out}/report/index.html" in summary
    assert not (out / "three.json").exists()
    check_run(json.loads((out / "manifest.json").read_text()), out, inputs[:2], user, earlier - {"three.json"})


@pytest.mark.parametrize("inside", [True, False], ids=["out-inside-input", "out-is-input"])
def test_the_output_folder_is_never_read_as_input(tmp_path, inside):
    src = tmp_path / "in"
    inputs = write_articles(src, ["one.txt", "two.md"])
    out = src / "outputs" if inside else src
    for _ in range(3):
        manifest = run([src], out, workers=1)
        check_run(manifest, out, inputs)
    assert manifest["counts"]["inputs"] == 2 and manifest["counts"]["reused"] == 2


# --- 3. limits on everything that can grow

@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_a_zip_bomb_is_refused_before_it_is_read(tmp_path, fmt):
    src = tmp_path / "in"
    good = write_articles(src, ["good.txt"])
    (src / f"bomb.{fmt}").write_bytes(zip_bomb(fmt, 20))  # ~20 KB expanding 1000 times
    assert (src / f"bomb.{fmt}").stat().st_size < 100_000
    started = time.perf_counter()
    manifest = run([src], tmp_path / "out", workers=1)
    assert time.perf_counter() - started < 30
    entries = check_run(manifest, tmp_path / "out", good + [src / f"bomb.{fmt}"])
    assert "zip bomb" in entries[str(src / f"bomb.{fmt}")]["reason"]
    assert entries[str(good[0])]["status"] == "ok"


def test_an_archive_over_the_unpacked_limit_is_refused():
    packed = samples.docx(["Делегация Омской области посетила Павлодар."] * 2000)
    with pytest.raises(IngestError, match="expands to"):
        source_of("big.docx", packed, Unpacking(max_bytes=100_000))
    assert "Павлодар" in source_of("big.docx", packed).text  # within the default limits it reads


def test_pdf_streams_are_bounded():
    data = samples.pdf(["Делегация Омской области посетила Павлодар."] * 200)
    with pytest.raises(IngestError, match="pdf: .*limit"):
        source_of("a.pdf", data, Unpacking(max_bytes=10_000))
    assert "Павлодар" in source_of("a.pdf", data).text  # the limit held only while that file was read


def test_special_files_are_listed_not_read(tmp_path):
    src = tmp_path / "in"
    good = write_articles(src, ["good.txt"])
    os.mkfifo(src / "pipe.txt")
    os.symlink("/dev/zero", src / "zero.txt")
    os.symlink(src / "missing.txt", src / "dangling.txt")
    os.symlink(src / "loop.txt", src / "loop.txt")
    os.symlink(src, src / "self")  # a folder link back to its own folder
    os.mkfifo(tmp_path / "named.txt")
    with deadline(120):
        manifest = run([src, tmp_path / "named.txt"], tmp_path / "out", workers=1)
    special = ["pipe.txt", "zero.txt", "dangling.txt", "loop.txt", "self"]
    entries = check_run(manifest, tmp_path / "out", good + [src / n for n in special] + [tmp_path / "named.txt"])
    reasons = {p.rsplit("/", 1)[-1]: e["reason"] for p, e in entries.items() if e["status"] != "ok"}
    assert "FIFO" in reasons["pipe.txt"] and "FIFO" in reasons["named.txt"]
    assert "character device" in reasons["zero.txt"]
    assert "dangling" in reasons["dangling.txt"] and "loop" in reasons["loop.txt"]
    assert "not followed" in reasons["self"]
    assert entries[str(good[0])]["status"] == "ok"


HOLD_LOCK = """
import sys, time
from pathlib import Path
from pipeline.run import lock
lock.acquire(Path(sys.argv[1]))
print("held", flush=True)
time.sleep(60)
"""


def test_a_second_run_on_a_busy_folder_is_refused(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(out)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(RunError, match="in use by another run"):
            run([tmp_path], out, workers=1)
    finally:
        holder.kill()
        holder.wait()
    write_articles(tmp_path / "in", ["one.txt"])
    assert run([tmp_path / "in"], out, workers=1)["counts"]["ok"] == 1  # free again once the holder is gone


ORPHAN = """
import os, sys, time
from pipeline.run.memory import die_with_parent
parent = os.getpid()
child = os.fork()
if child == 0:
    die_with_parent(parent)
    time.sleep(60)
    os._exit(0)
print(child, flush=True)
time.sleep(60)
"""


def test_workers_die_with_the_main_process():
    main = subprocess.Popen([sys.executable, "-c", ORPHAN], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    child = int(main.stdout.readline())
    time.sleep(0.3)
    main.kill()  # SIGKILL: nothing of the main process runs any more
    main.wait()
    for _ in range(50):
        if not os.path.exists(f"/proc/{child}") or open(f"/proc/{child}/stat").read().split()[2] == "Z":
            return
        time.sleep(0.1)
    os.kill(child, signal.SIGKILL)
    pytest.fail("the worker outlived the main process")


def hog(task):
    """Stands for a document that takes all memory: only "bomb" does."""
    if "bomb" in task.path:
        hoard = []
        while True:
            hoard.append(bytearray(50 * 2**20))
            time.sleep(0.05)
    return REAL_RUN_TASK(task)


REAL_RUN_TASK = backends.run_task


def test_a_worker_over_the_memory_limit_is_replaced_and_only_its_document_fails(tmp_path, monkeypatch):
    src = tmp_path / "in"
    good = write_articles(src, [f"news_{i}.txt" for i in range(5)])
    (src / "bomb.txt").write_text(article(9), encoding="utf-8")
    backends.warm_up()
    limit = memory.resident_bytes(os.getpid()) + 400 * 2**20
    monkeypatch.setattr(backends, "run_task", hog)
    with deadline(300):
        manifest = run([src], tmp_path / "out", workers=2, max_memory=limit)
    entries = check_run(manifest, tmp_path / "out", good + [src / "bomb.txt"])
    assert entries[str(src / "bomb.txt")]["status"] == "failed"
    assert "--max-memory" in entries[str(src / "bomb.txt")]["reason"]
    assert all(entries[str(p)]["status"] == "ok" for p in good)


def crasher(task):
    """Stands for a document that crashes its worker (a segfault in a library): only "crash" does."""
    if "crash" in task.path:
        os._exit(1)
    return REAL_RUN_TASK(task)


def test_a_worker_that_dies_fails_only_its_own_document(tmp_path, monkeypatch):
    """Documents go to a worker in batches: the crash's batch-mates, and every
    other document in flight, are run again, each alone, and written."""
    src = tmp_path / "in"
    good = write_articles(src, [f"news_{i}.txt" for i in range(9)])
    (src / "news_4_crash.txt").write_text(article(9), encoding="utf-8")
    monkeypatch.setattr(backends, "run_task", crasher)
    with deadline(300):
        manifest = run([src], tmp_path / "out", workers=2)
    entries = check_run(manifest, tmp_path / "out", good + [src / "news_4_crash.txt"])
    assert entries[str(src / "news_4_crash.txt")]["status"] == "failed"
    assert "worker process died" in entries[str(src / "news_4_crash.txt")]["reason"]
    assert all(entries[str(p)]["status"] == "ok" for p in good)


def test_a_long_document_is_shown_truncated_in_bounded_time(tmp_path):
    """100,000 short paragraphs (~1 MB of text; quadratic work would take hours): the review and
    exports stay linear, the page shows the beginning."""
    from pipeline.outputs.exports import write_exports
    from pipeline.outputs.review import write_review
    doc = long_document("long", 100_000)
    out = tmp_path / "out"
    out.mkdir()
    ledger.record(out, ["long.json"])
    (out / "long.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    (out / "manifest.json").write_text(json.dumps({"inputs": []}))
    started = time.perf_counter()
    write_exports(out)
    index = write_review(out)
    assert time.perf_counter() - started < 90
    page = (index.parent / "articles" / "long.html").read_text(encoding="utf-8")
    assert "на странице показаны первые" in page and "long.json" in page
    assert "Омск 299." in page and "Омск 50000." not in page
    assert sum(1 for _ in open(out / "exports" / "mentions.csv", encoding="utf-8")) == 25_001  # all of it


def test_texts_past_spacy_s_own_limit_are_processed(nlp, monkeypatch):
    """--max-chars is the run's limit, not spaCy's nlp.max_length (E088)."""
    from pipeline.nlp.document import process
    from pipeline.records import Source
    monkeypatch.setattr(nlp, "max_length", 100)
    text = article(0) * 3
    assert len(text) > 100
    record = process(Source("long.txt", "", "txt", "utf-8", text), "long")
    assert any(e.text == "Павлодар" for e in record.entities)


# --- 4. clean text

def test_control_characters_are_removed_at_ingest(tmp_path):
    from pipeline.text.align import to_source
    src = tmp_path / "in"
    src.mkdir()
    text = ("Делегация Омской\x01 области посетила\x07 Павлодар.\x1b\n\nАким Павлодарской области\x00 встретил "
            "гостей.\n\n" + article(1) * 5)  # a few controls in a text: kept as text, not taken for a binary
    (src / "utf16.txt").write_bytes(text.encode("utf-16"))
    out = tmp_path / "out"
    entries = check_run(run([src], out, workers=1), out, [src / "utf16.txt"])
    assert entries[str(src / "utf16.txt")]["status"] == "ok"
    doc = json.loads((out / "utf16.json").read_text(encoding="utf-8"))
    assert not any(c < " " and c not in "\n\t" for c in doc["text"])
    assert doc["entities"]
    for e in doc["entities"]:
        start = to_source(doc["source_map"], e["start"])
        assert text[start] == e["text"][0]
    ElementTree.parse(out / "exports" / "network.graphml")  # valid XML


def test_a_cut_html_parse_is_reported(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    para = "<p>Делегация Омской области посетила Павлодар и провела переговоры с акиматом о торговле.</p>"
    page = "<html><body><article>" + para * 3 + "<div>" * 400 + para * 300 + "</body></html>"
    (src / "nested.html").write_text(page, encoding="utf-8")
    manifest = run([src], tmp_path / "out", workers=1)
    entry = manifest["inputs"][0]
    assert entry["status"] == "ok" and "of the page's visible text" in entry["warning"]


# --- 5. options and messages

@pytest.mark.parametrize("option", [["--timeout", "-1"], ["--timeout", "nan"], ["--workers", "0"],
                                    ["--max-mb", "0"], ["--max-chars", "-5"], ["--max-memory", "inf"]])
def test_bad_options_are_refused_in_one_line(tmp_path, capsys, option):
    with pytest.raises(SystemExit) as stop:
        cli.main(["extract", str(tmp_path), *option])
    assert stop.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and option[0] in err


def test_an_unusable_out_or_a_mistyped_path_is_one_line(tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    write_articles(tmp_path / "in", ["one.txt"])
    for args, words in ((["--out", str(tmp_path / "file")], "is a file"),
                        (["--out", str(tmp_path / "file" / "sub")], "cannot write there")):
        assert cli.main(["extract", str(tmp_path / "in"), *args]) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and words in err
    assert cli.main(["extract", str(tmp_path / "inn"), "--out", str(tmp_path / "out")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("module", ["pipeline", "pipeline.outputs.review", "pipeline.outputs.exports",
                                    "pipeline.evaluate.eval_entities", "pipeline.training.train"])
def test_every_command_has_help_and_makes_no_folder(tmp_path, module):
    result = subprocess.run([sys.executable, "-m", module, "--help"], cwd=tmp_path, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0 and "usage:" in result.stdout, result.stderr
    assert list(tmp_path.iterdir()) == []


def test_old_office_files_get_a_hint():
    for name, words in (("a.doc", "convert-to docx"), ("a.xls", "spreadsheet"), ("a.ppt", "convert-to pdf")):
        with pytest.raises(IngestError, match=words):
            source_of(name, b"\xd0\xcf\x11\xe0 old office")


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_outputs_respect_the_umask(tmp_path, umask):
    import pyarrow as pa
    from pipeline.outputs.exports import parquet
    from pipeline.run.store import write_atomic
    previous = os.umask(umask)
    try:
        write_atomic(tmp_path / "a.json", "{}")
        write_atomic(tmp_path / "b.json", b"{}")  # a worker's document
        parquet.write(tmp_path / "c.parquet", pa.schema([("region", pa.string())]), [("Омская область",)])
    finally:
        os.umask(previous)
    for name in ("a.json", "b.json", "c.parquet"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o666 & ~umask, name


INTERRUPT = textwrap.dedent("""
    import os, signal, sys, threading
    from pipeline.run import manifest
    from pipeline import cli
    real = manifest.Journal.record
    def record(self, entry):  # Ctrl-C once the second document is done
        real(self, entry)
        if len(self.entries) == 2:
            os.kill(os.getpid(), signal.SIGINT)
    manifest.Journal.record = record
    sys.exit(cli.main(sys.argv[1:]))
""")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_says_how_to_resume(tmp_path, workers):
    """With one worker the documents are written behind the run: what it had
    received when Ctrl-C came is written and recorded before it stops."""
    src = tmp_path / "in"
    write_articles(src, [f"news_{i}.txt" for i in range(6)])
    out = tmp_path / "out"
    command = [sys.executable, "-c", INTERRUPT, "extract", str(src), "--out", str(out), "--workers", workers]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 130, result.stderr
    done = re.search(r"interrupted after (\d) of 6; run the same command again to resume", result.stderr)
    assert done and (int(done[1]) == 2 if workers == "2" else 2 <= int(done[1]) < 6), result.stderr
    assert "Traceback" not in result.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["complete"] is False and len(manifest["inputs"]) == int(done[1])
    assert all((out / entry["output"]).is_file() for entry in manifest["inputs"])
