"""OUT/exports/labelstudio.json, written on request:

    python -m pipeline.outputs.exports.labelstudio_file OUT [DOC_ID ...]

One task per paragraph (labelstudio_tasks.py) of every document, or of the
documents named. Not part of every run: it is as large as the corpus (64 MB
for 3,000 news items) and serves a person correcting a sample, who imports
tens of articles, not the whole run. Documents are read one at a time."""

import json
import sys
from pathlib import Path

from pipeline.outputs.exports.labelstudio_tasks import config_text, paragraph_task
from pipeline.run.store import MANIFEST, document_paths, output_name, read_document, write_atomic

FILE, CONFIG = "labelstudio.json", "labelstudio_config.xml"


def _task_texts(paths):
    first = True
    for path in paths:
        doc = read_document(path)
        for i in range(len(doc["paragraphs"]) if doc else 0):
            yield ("[\n" if first else ",\n") + json.dumps(paragraph_task(doc, i), ensure_ascii=False)
            first = False
    yield "[]\n" if first else "\n]\n"


def write_labelstudio(out_dir, doc_ids=None) -> Path:
    """Write the tasks of every document in out_dir (or of `doc_ids`); returns the file."""
    out_dir = Path(out_dir)
    paths = document_paths(out_dir) if not doc_ids else [out_dir / output_name(d) for d in doc_ids]
    target = out_dir / "exports"
    write_atomic(target / FILE, _task_texts(paths))
    write_atomic(target / CONFIG, config_text())
    return target / FILE


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    out_dir, doc_ids = Path(args[0]), args[1:]
    if not (out_dir / MANIFEST).is_file():
        print(f"{out_dir}: not the output folder of a run (no {MANIFEST})", file=sys.stderr)
        return 2
    missing = [d for d in doc_ids if not (out_dir / output_name(d)).is_file()]
    if missing:
        print(f"no such document in {out_dir}: {', '.join(missing)}", file=sys.stderr)
        return 2
    print(write_labelstudio(out_dir, doc_ids))
    return 0


if __name__ == "__main__":
    sys.exit(main())
