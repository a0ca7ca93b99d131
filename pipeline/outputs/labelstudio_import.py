"""Corrected Label Studio annotations back into training data.

    python -m pipeline.labelstudio EXPORT.json --out corpus/annotated/entities_labelstudio.jsonl

EXPORT.json is Label Studio's standard JSON export of a project made from
OUT/exports/labelstudio.json (tasks with `annotations[].result[]`). Each
annotated task becomes one line in the format of corpus/annotated/entities.jsonl:
{"id", "text", "entities": [{"start", "end", "text", "label", "kind", "normal", "id", "value"[, "governs"]}]},
with null where the annotator left a field empty."""

import argparse
import json
import sys
from pathlib import Path

from pipeline.outputs.exports.labelstudio_tasks import ENTITY_ID, GOVERNS, KIND, LABELS, NORMAL, VALUE
from pipeline.run.store import write_atomic

DEFAULT_OUT = "corpus/annotated/entities_labelstudio.jsonl"


def python_offset(text: str, utf16: int) -> int:
    """Label Studio's UTF-16 offset as a Python (code point) index."""
    units = 0
    for i, ch in enumerate(text):
        if units >= utf16:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def latest_annotation(task: dict):
    """The last submitted, not cancelled annotation of a task, or None."""
    kept = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    return max(kept, key=lambda a: a.get("updated_at") or a.get("created_at") or "", default=None)


def parse_value(label: str, text):
    """DATE: the ISO string as typed; MONEY: "amount CUR" -> {"amount", "currency"}."""
    if not text:
        return None
    if label == "MONEY":
        amount, _, currency = text.strip().partition(" ")
        number = float(amount.replace(",", "."))
        return {"amount": int(number) if number.is_integer() else number, "currency": currency.strip() or None}
    return text.strip()


def _field(r: dict):
    value = r.get("value", {})
    if r.get("type") == "choices":
        return (value.get("choices") or [None])[0]
    typed = [t.strip() for t in value.get("text") or [] if t.strip()]
    return typed[0] if typed else None


def entities(result: list, text: str) -> list:
    """Regions from labels results; the per-region fields join them by result id."""
    fields = {}
    for r in result:
        if r.get("from_name") != LABELS:
            fields.setdefault(r.get("id"), {})[r.get("from_name")] = _field(r)
    found = []
    for r in result:
        if r.get("from_name") != LABELS or r.get("type") != "labels":
            continue
        v, extra = r["value"], fields.get(r.get("id"), {})
        start, end = python_offset(text, v["start"]), python_offset(text, v["end"])
        label = v["labels"][0]
        entity = {"start": start, "end": end, "text": text[start:end], "label": label,
                  "kind": extra.get(KIND), "normal": extra.get(NORMAL), "id": extra.get(ENTITY_ID),
                  "value": parse_value(label, extra.get(VALUE))}
        if label == "ORG":
            entity["governs"] = extra.get(GOVERNS)
        found.append(entity)
    return sorted(found, key=lambda e: (e["start"], e["end"]))


def record(task: dict):
    annotation = latest_annotation(task)
    if annotation is None:
        return None
    data = task["data"]
    return {"id": data.get("id") or str(task.get("id")), "text": data["text"],
            "entities": entities(annotation.get("result") or [], data["text"])}


def convert(export: list) -> list:
    return [r for r in map(record, export) if r is not None]


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m pipeline.labelstudio", description=__doc__.split("\n\n")[0])
    p.add_argument("export", type=Path, help="Label Studio JSON export (tasks with annotations)")
    p.add_argument("--out", type=Path, default=Path(DEFAULT_OUT), help=f"JSONL to write (default: {DEFAULT_OUT})")
    args = p.parse_args(argv)
    export = json.loads(args.export.read_text(encoding="utf-8"))
    if not isinstance(export, list):
        p.error("expected Label Studio's JSON export: a list of tasks")
    records = convert(export)
    write_atomic(args.out, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    mentions = sum(len(r["entities"]) for r in records)
    print(f"{len(records)} of {len(export)} tasks annotated; {mentions} entities written to {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
