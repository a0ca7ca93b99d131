"""Hostile file names and small byte strings through whole runs, from a
seeded generator (the same cases every time): whatever they are, each run
keeps the invariants of hostile.check_run, and a second run over changed
inputs deletes no earlier output and no file of the user's."""

import os
import random

import pytest

from hostile import NEWS, check_run, names_fit, snapshot
from pipeline.run.runner import Limits, run, shown

PIECES = ["Отчёт", "отчёт", "ОТЧЁТ", "report", "Report", "manifest", "corpus", "exports", "a b", "a-b", "a.b",
          "😀", "🙂", "—", " ", "..", "-", "_", "Ω", "ß", "SS", "x" * 60, "Ж" * 70, "№ 5", "'", '"', "%", "#"]
SUFFIXES = [".txt", ".TXT", ".md", ".html", ".docx", ".odt", ".pdf", ".rtf", ".doc", ".json", "", ".txt.txt"]


def name(rng: random.Random) -> str:
    stem = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 4))).replace("/", "")
    return (stem.strip(".") or "x")[:80] + rng.choice(SUFFIXES)


def content(rng: random.Random) -> bytes:
    text = " ".join(rng.sample(NEWS, 2))
    choices = [
        lambda: text.encode(),
        lambda: text.encode("cp1251"),
        lambda: text.encode("utf-16"),
        lambda: ("\x01\x07".join(text.split(" ", 2)) + " " + text * 3).encode("utf-16-le"),
        lambda: b"",
        lambda: bytes(rng.randrange(256) for _ in range(rng.randint(1, 300))),
        lambda: b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(100)),
        lambda: b"%PDF-1.4\n" + bytes(rng.randrange(256) for _ in range(100)),
        lambda: b"{\\rtf1\\ansi\\ansicpg1251 " + text.encode("cp1251", "replace")[:50],
        lambda: f"<html><body><p>{text}</p>".encode(),
    ]
    return rng.choice(choices)()


def corpus(folder, rng: random.Random, count: int) -> list:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for _ in range(count):
        path = folder / name(rng)
        if rng.random() < 0.2:
            path = folder / name(rng).replace(".", "_") / path.name
        if path.exists() or (path.parent.exists() and not path.parent.is_dir()):
            continue
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(content(rng))
        made.append(path)
    undecodable = folder / os.fsdecode(b"\xff\xfe-cp1251-\xce\xec\xf1\xea.txt")  # a name in another encoding
    undecodable.write_bytes(NEWS[0].encode())
    return made + [undecodable]


@pytest.mark.parametrize("seed", range(3))
def test_any_names_and_bytes_keep_the_run_invariants(tmp_path, seed):
    rng = random.Random(seed)
    src, out = tmp_path / "in", tmp_path / "out"
    inputs = corpus(src, rng, 25)
    out.mkdir()
    user = {"notes.json": b'{"doc_id": "notes", "source": {}}', ".draft.tmp": b"x", "report.json": b"[]"}
    for file, data in user.items():
        (out / file).write_bytes(data)
    limits = Limits(seconds=30)
    first = run([src], out, workers=1, limits=limits)
    check_run(first, out, [shown(p) for p in inputs], user)
    assert names_fit(out)
    earlier = {e["output"] for e in first["inputs"] if e.get("output")}
    before = snapshot(out)

    deleted = rng.sample(inputs, 5)  # some inputs deleted, some changed, some new
    for path in deleted:
        path.unlink()
    changed = [p for p in inputs if p.exists()][:5]
    for path in changed:
        path.write_bytes(content(rng))
    current = [p for p in inputs if p.exists()] + corpus(src / "new", rng, 5)
    second = run([src], out, workers=1, limits=limits)
    check_run(second, out, [shown(p) for p in dict.fromkeys(current)], user, earlier)
    untouched = {shown(p) for p in inputs if p not in changed}  # deleted or unchanged: their outputs stay as they were
    for e in first["inputs"]:
        if e.get("output") and e["path"] in untouched:
            assert (out / e["output"]).read_bytes() == before[e["output"]], e
