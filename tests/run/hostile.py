"""Hostile inputs built on the fly, and the invariants every run must keep
whatever it is given: each input accounted for in the manifest, no two
inputs on one output, an ok output that is the input's own, and no file of
the user's (nor an earlier output) deleted or changed."""

import io
import json
import os
import zipfile
from pathlib import Path

NEWS = [
    "Делегация Омской области посетила Павлодар и обсудила поставки зерна.",
    "Акимат Костанайской области и Правительство Челябинской области подписали соглашение.",
    "Студенты из Новосибирска приняли участие в форуме в Усть-Каменогорске.",
    "В Оренбурге прошли совместные учения спасателей России и Казахстана.",
]


def article(n: int) -> str:
    return "\n\n".join(NEWS[(n + k) % len(NEWS)] for k in range(2)) + f"\n\nСообщение № {n + 1}."


def zip_bomb(fmt: str, megabytes: int) -> bytes:
    """A .docx or .odt of a few KB whose text part declares and holds `megabytes` MB."""
    part = "word/document.xml" if fmt == "docx" else "content.xml"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        if fmt == "odt":
            z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        with z.open(part, "w", force_zip64=True) as f:
            chunk = b" " * 2**20
            for _ in range(megabytes):
                f.write(chunk)
    return buffer.getvalue()


def snapshot(folder: Path) -> dict:
    """Every regular file below `folder` -> its bytes (symlinks and special files left out)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        found[path.relative_to(folder).as_posix()] = path.read_bytes()
    return found


def check_run(manifest: dict, out: Path, expected_inputs, user_files: dict = None, earlier: dict = None):
    """The invariants of any run; returns the manifest entries by path."""
    entries = {e["path"]: e for e in manifest["inputs"]}
    assert len(entries) == len(manifest["inputs"]), "an input listed twice"
    assert set(entries) == {str(p) for p in expected_inputs}, "the manifest does not account for every input"
    assert manifest["complete"]
    outputs = [e["output"] for e in entries.values() if e.get("output")]
    assert len(outputs) == len(set(o.casefold() for o in outputs)), "two inputs share an output"
    for e in entries.values():
        assert e["status"] in ("ok", "failed", "skipped") and (e["status"] == "ok" or e["reason"])
        if e.get("output"):
            doc = json.loads((out / e["output"]).read_text(encoding="utf-8"))
            assert doc["source"]["path"] == e["path"], f"{e['output']} is not the output of {e['path']}"
            assert len(e["output"].encode()) < 200
    for name, data in (user_files or {}).items():
        assert (out / name).read_bytes() == data, f"the user's {name} was changed or deleted"
    for name in (earlier or {}):
        moved = manifest.get("renamed", {}).get(name)  # an input's output given a new name is not lost
        assert (out / (moved or name)).exists(), f"the earlier output {name} was deleted"
    corpus = [json.loads(line)["doc_id"] for line in (out / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(corpus) == len(set(corpus)) and "manifest" not in corpus
    return entries


def names_fit(out: Path) -> bool:
    return all(len(os.fsencode(p.name)) <= 255 for p in out.rglob("*"))


def long_document(doc_id: str, count: int) -> dict:
    """A contract document of `count` one-sentence paragraphs "Омск N.", every fourth
    with "Омск" marked as a city: the shape of a list pasted as an article."""
    text, sentences, paragraphs, entities = [], [], [], []
    at = 0
    for n in range(count):
        line = f"Омск {n}."
        sentences.append({"start": at, "end": at + len(line), "paragraph": n, "directions": []})
        paragraphs.append({"start": at, "end": at + len(line), "directions": []})
        if n % 4 == 0:
            entities.append({"start": at, "end": at + 4, "text": "Омск", "label": "LOC", "kind": "city",
                             "normal": "Омск", "id": None, "value": None, "sentence": n, "source": "ner"})
        text.append(line)
        at += len(line) + 2
    text = "\n\n".join(text)
    return {"schema_version": "1.0", "doc_id": doc_id, "text": text, "language": "ru", "source_map": [[0, 0]],
            "source": {"path": f"in/{doc_id}.txt", "sha256": "0" * 64, "format": "txt", "encoding": "utf-8"},
            "sentences": sentences, "paragraphs": paragraphs, "tokens": [], "entities": entities, "directions": [],
            "stats": {"chars": len(text), "sentences": count, "tokens": 0, "seconds": 0.1}}
